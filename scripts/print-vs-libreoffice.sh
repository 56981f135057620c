#!/bin/sh
# Prints the same generated report two ways, one after the other, and says how long each took:
#   shinchoku print REPORT.ron            (load + layout + PDF)
#   libreoffice --headless --convert-to pdf REPORT.xlsx   (the report's own Excel export)
# Usage: scripts/print-vs-libreoffice.sh [INITIATIVES]   (default 1000)
# Needs a release build (cargo build --release) and LibreOffice Calc
# (apt-get install libreoffice-calc-nogui). Run it on an otherwise idle machine.
set -eu
n=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${SHINCHOKU:-${CARGO_TARGET_DIR:-$root/target}/release/shinchoku}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" sample -o "$work/report.ron" --initiatives "$n" >/dev/null
"$bin" export "$work/report.ron" -o "$work/report.xlsx" >/dev/null
# LibreOffice's first start creates its profile: do it once before timing.
libreoffice --headless -env:UserInstallation="file://$work/lo" --convert-to pdf \
    --outdir "$work/warm" "$work/report.xlsx" >/dev/null 2>&1
now() { date +%s.%N; }
t0=$(now)
"$bin" print "$work/report.ron" -o "$work/shinchoku.pdf" >/dev/null
t1=$(now)
libreoffice --headless -env:UserInstallation="file://$work/lo" --convert-to pdf \
    --outdir "$work/lo-out" "$work/report.xlsx" >/dev/null 2>&1
t2=$(now)
ours=$(echo "$t1 - $t0" | bc -l)
theirs=$(echo "$t2 - $t1" | bc -l)
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
printf 'report: %s initiatives\n' "$n"
printf 'shinchoku print:   %6.2f s  %s pages  %s KB\n' "$ours" "$(pages "$work/shinchoku.pdf")" \
    "$(( $(stat -c %s "$work/shinchoku.pdf") / 1024 ))"
printf 'libreoffice (xlsx): %6.2f s  %s pages  %s KB\n' "$theirs" "$(pages "$work/lo-out/report.pdf")" \
    "$(( $(stat -c %s "$work/lo-out/report.pdf") / 1024 ))"
printf 'ratio: %.1fx\n' "$(echo "$theirs / $ours" | bc -l)"
