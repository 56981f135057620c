#!/usr/bin/env bash
# What one save over a large report with three backups costs: time, memory and what it
# writes to the disk (`/usr/bin/time -v`: "File system outputs", 512-byte blocks). The save is
# `shinchoku sample -o R.ron --initiatives N` over a file already saved with N-3, N-2, N-1
# initiatives (so its three backups exist and the content differs).
#
#   scripts/save-io.sh [N] [SHINCHOKU…]     default: 10000 and target/debug/shinchoku
#
# Several binaries are measured one after the other (to compare builds in one sitting).
set -euo pipefail
n="${1:-10000}"
shift || true
binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=(target/debug/shinchoku)
for bin in "${binaries[@]}"; do
  dir="$(mktemp -d "${TMPDIR:-/tmp}/save-io.XXXXXX")"
  for k in 3 2 1; do
    "$bin" sample -o "$dir/R.ron" --initiatives "$((n - k))" >/dev/null
  done
  /usr/bin/time -v "$bin" sample -o "$dir/R.ron" --initiatives "$n" 2>"$dir/time" >/dev/null
  size=$(stat -c %s "$dir/R.ron")
  printf '%s: %s bytes saved; %s; %s; %s\n' "$bin" "$size" \
    "$(grep 'Elapsed (wall clock)' "$dir/time" | sed 's/.*): //;s/^/elapsed /')" \
    "$(grep 'Maximum resident' "$dir/time" | sed 's/.*: //;s/$/ KB at most/')" \
    "$(grep 'File system outputs' "$dir/time" | sed 's/.*: //;s/$/ blocks written/')"
  ls -l "$dir" | grep -c 'R.ron.bak' | sed 's/^/  backups: /'
  rm -rf "$dir"
done
