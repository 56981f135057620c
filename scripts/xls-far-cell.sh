#!/usr/bin/env bash
# The .xls naming a far cell (issue 23, item 12) by hand: the seed's LibreOffice .xls with its
# last shared-string cell (LABELSST) moved to column 6000 (past the format's 256), to IV65536
# (a 16-million-cell rectangle) and to IV7001 (1.8 million cells, within the bound), each given
# to `shinchoku check` under /usr/bin/time. The first two must be refused at once; the third
# opens. Prints the exit status, seconds and peak memory of each.
# Usage: scripts/xls-far-cell.sh   (SHINCHOKU=path/to/shinchoku, else target/debug/shinchoku)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SHINCHOKU:-target/debug/shinchoku}
[ -x "$bin" ] || { echo "xls-far-cell: no $bin (cargo build first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - tests/fixtures/seed-libreoffice.xls "$work" <<'PY'
import re, struct, sys
data = open(sys.argv[1], "rb").read()
# A LABELSST record: type 0x00FD, length 10, then row, column, format, string index.
at = [m.start() for m in re.finditer(re.escape(bytes([0xFD, 0, 10, 0])), data)][-1]
for name, row, col in [("col6000", 65535, 5999), ("IV65536", 65535, 255), ("IV7001", 7000, 255)]:
    moved = bytearray(data)
    struct.pack_into("<HH", moved, at + 4, row, col)
    open(f"{sys.argv[2]}/far-{name}.xls", "wb").write(moved)
PY
for name in col6000 IV65536 IV7001; do
  set +e
  /usr/bin/time -f "%e s %M KB" -o "$work/time" "$bin" check "$work/far-$name.xls" \
    >"$work/out" 2>"$work/err"
  status=$?
  set -e
  said=$(grep -v '^warning' "$work/err" | head -1 || true)
  echo "far-$name.xls: exit $status, $(tail -1 "$work/time")${said:+ — $said}"
done
