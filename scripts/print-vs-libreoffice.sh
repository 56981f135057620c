#!/bin/sh
# Prints the same generated report two ways, one after the other, and says how long each took:
#   shinchoku print REPORT.ron            (load + layout + PDF)
#   libreoffice --headless --convert-to pdf REPORT.xlsx   (the report's own Excel export)
# Usage: scripts/print-vs-libreoffice.sh [INITIATIVES]   (default 1000)
# Needs a release build (cargo build --release) and LibreOffice Calc
# (apt-get install libreoffice-calc-nogui). Run it on an otherwise idle machine.
set -eu
n=${1:-1000}
. "$(dirname "$0")/generated-report.sh"
"$bin" export "$work/report.ron" -o "$work/report.xlsx" >/dev/null
now() { date +%s.%N; }
# Ours five times, the median (a second is at the mercy of whatever else runs); LibreOffice's
# twenty seconds once.
for k in 1 2 3 4 5; do
    a=$(now)
    "$bin" print "$work/report.ron" -o "$work/shinchoku.pdf" >/dev/null
    b=$(now)
    echo "$b - $a" | bc -l
done | sort -n > "$work/ours"
ours=$(sed -n 3p "$work/ours")
# LibreOffice's first start creates its profile: do it once before timing (after ours, so
# that nothing it leaves running shares the processor with them).
libreoffice --headless -env:UserInstallation="file://$work/lo" --convert-to pdf \
    --outdir "$work/warm" "$work/report.xlsx" >/dev/null 2>&1
t1=$(now)
libreoffice --headless -env:UserInstallation="file://$work/lo" --convert-to pdf \
    --outdir "$work/lo-out" "$work/report.xlsx" >/dev/null 2>&1
t2=$(now)
theirs=$(echo "$t2 - $t1" | bc -l)
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
printf 'report: %s initiatives\n' "$n"
printf 'shinchoku print:    %6.2f s  %s pages  %s KB  (median of 5 runs)\n' "$ours" "$(pages "$work/shinchoku.pdf")" \
    "$(( $(stat -c %s "$work/shinchoku.pdf") / 1024 ))"
printf 'libreoffice (xlsx): %6.2f s  %s pages  %s KB\n' "$theirs" "$(pages "$work/lo-out/report.pdf")" \
    "$(( $(stat -c %s "$work/lo-out/report.pdf") / 1024 ))"
printf 'ratio: %.1fx\n' "$(echo "$theirs / $ours" | bc -l)"
