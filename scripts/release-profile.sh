#!/usr/bin/env bash
# Compares two release binaries (e.g. one built with the release profile as it was and one with
# the profile that ships): their size, start-up to the first frame, and print time.
#
#   scripts/release-profile.sh BEFORE-BINARY AFTER-BINARY [RUNS]
#
# Start-up: `SHINCHOKU_EXIT_AFTER_FIRST_FRAME=1 xvfb-run … shinchoku [REPORT]` (the program says
# `first frame: N ms`), on the sample and on 10,000 initiatives, RUNS times each (default 5),
# the two binaries taking turns so that the machine's load falls on both alike. Print:
# `perf stat -r RUNS shinchoku print` of the seed and of 1,000 initiatives (A3, tagged).
# Needs xvfb-run and perf (Debian: xvfb, linux-perf). Figures go in README "Performance".
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "$1")
after=$(realpath "$2")
runs=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== size"
for b in "$before" "$after"; do
  stat -c %s "$b" | awk -v b="$b" '{ printf "%s: %d bytes (%.1f MB)\n", b, $1, $1 / 1e6 }'
done

"$after" import tests/fixtures/mie-h29-h1-report.tsv -o "$work/seed.ron" >/dev/null 2>&1
"$after" sample -o "$work/r1000.ron" --initiatives 1000 >/dev/null
"$after" sample -o "$work/r10000.ron" --initiatives 10000 >/dev/null

first_frame() { # BINARY [REPORT]
  SHINCHOKU_EXIT_AFTER_FIRST_FRAME=1 xvfb-run -a -s "-screen 0 1366x768x24" "$@" 2>&1 |
    sed -n 's/.*first frame: \([0-9]*\) ms.*/\1/p'
}

echo "== start-up to the first frame (ms), the sample / 10,000 initiatives"
for what in "" "$work/r10000.ron"; do
  : >"$work/before.times"
  : >"$work/after.times"
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    first_frame "$before" $what >>"$work/before.times"
    # shellcheck disable=SC2086
    first_frame "$after" $what >>"$work/after.times"
  done
  echo "${what:-sample} before: $(tr '\n' ' ' <"$work/before.times")"
  echo "${what:-sample} after:  $(tr '\n' ' ' <"$work/after.times")"
done

echo "== print (perf stat -r $runs), the seed / 1,000 initiatives"
for report in seed r1000; do
  for b in "$before" "$after"; do
    printf '%s %s: ' "$report" "$b"
    perf stat -r "$runs" "$b" print "$work/$report.ron" -o "$work/out.pdf" 2>&1 >/dev/null |
      grep -E 'seconds time elapsed' | sed 's/^ *//'
  done
done
