#!/bin/sh
# Opens Shinchoku's CSV and XLSX exports in LibreOffice Calc and reads the values back: a result
# that starts like a formula (=cmd|' /C calc'!A0, +HYPERLINK(…), -2+3, @SUM(…)) must come back as
# the text written, never as a value LibreOffice computed.
#   scripts/check-office-formulas.sh [SHINCHOKU]   (default: target/debug/shinchoku, as
#                                                   `cargo test` or `cargo build` leaves it)
# Needs LibreOffice Calc (apt-get install --no-install-recommends libreoffice-calc-nogui) and
# python3. First it checks that this LibreOffice does run a formula from a CSV (`=1+1` read as
# 2), so that a pass means something. Exits 1 on any formula run.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${SHINCHOKU:-${CARGO_TARGET_DIR:-$root/target}/debug/shinchoku}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v soffice >/dev/null || { echo "LibreOffice (soffice) is not installed" >&2; exit 2; }

# The seed with four hostile results (initiative 2) and a topic heading that is a formula.
python3 - "$root/tests/fixtures/mie-h29-h1-report.tsv" "$work/hostile.tsv" <<'EOF'
import sys
seed = open(sys.argv[1], encoding="utf-8").read()
hostile = "・=cmd|' /C calc'!A0 ・+HYPERLINK(\"http://example.com\",\"x\") ・-2+3 ・@SUM(1+1) "
table = seed.replace("・ポータルサイトへの掲載内容の追加", hostile + "・ポータルサイトへの掲載内容の追加", 1)
table = table.replace("<ポータルサイトの構築>", "<=1+1>")
assert table != seed
open(sys.argv[2], "w", encoding="utf-8").write(table)
EOF
"$bin" export "$work/hostile.tsv" -o "$work/hostile.csv" >/dev/null
"$bin" export "$work/hostile.tsv" -o "$work/hostile.xlsx" >/dev/null
printf 'a,b\n=1+1,x\n' > "$work/control.csv"

# CSV in: comma, double quote, UTF-8, from line 1. CSV out: the same, every sheet.
soffice --headless -env:UserInstallation="file://$work/profile" --infilter="CSV:44,34,76,1" \
    --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1" \
    --outdir "$work/out" "$work/control.csv" "$work/hostile.csv" "$work/hostile.xlsx" >/dev/null 2>&1

python3 - "$work/out" <<'EOF'
import csv, glob, os, sys
out = sys.argv[1]
def cells(name):
    with open(os.path.join(out, name), encoding="utf-8-sig") as f:
        return [c for row in csv.reader(f) for c in row]
failed = False
control = cells("control-control.csv")
if "2" not in control:
    print("LibreOffice did not run =1+1 from a CSV: this check would prove nothing", control)
    sys.exit(2)
formulas = ["=cmd|' /C calc'!A0", '+HYPERLINK("http://example.com","x")', "-2+3", "@SUM(1+1)"]
# The CSV: each result a cell of its own, shown with the apostrophe that keeps it text.
got = cells("hostile-hostile.csv")
for f in formulas + ["=1+1"]:
    ok = ("'" + f) in got
    print(("ok  " if ok else "FAIL") + "  CSV  " + f)
    failed |= not ok
# The XLSX: the results cell holds them as written; the monthly sheet has the heading alone.
sheets = [c for p in glob.glob(os.path.join(out, "hostile-*.csv")) if not p.endswith("hostile-hostile.csv")
          for c in cells(os.path.basename(p))]
for f in formulas:
    ok = any(("・" + f) in c for c in sheets)
    print(("ok  " if ok else "FAIL") + "  XLSX " + f)
    failed |= not ok
ok = "=1+1" in sheets
print(("ok  " if ok else "FAIL") + "  XLSX =1+1 (a heading alone in its cell)")
failed |= not ok
sys.exit(1 if failed else 0)
EOF
echo "LibreOffice $(soffice --version | awk '{print $2}'): no formula run"
