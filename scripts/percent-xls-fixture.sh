#!/bin/sh
# tests/fixtures/layouts/percent.xls, formats.xls and formats.ods. percent.xls: 木津川市's layout with an indicator in % typed as
# percentages (number cells formatted 0.0% and 0.000%, one a formula), written by openpyxl and
# saved as .xls by LibreOffice (which calculates the formula and saves its value), as an office
# keeping the old format would send it. formats.xls: the same layout whose 財政効果額 (in 千円)
# holds yen shown in thousands (`#,##0,`), and a 効果額 of 3297 shown `3,297百万円` (and
# formats.ods, the same saved as LibreOffice's own format).
#
#     scripts/percent-xls-fixture.sh
set -eu
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/percent.xlsx" <<'PY'
import sys
import openpyxl
wb = openpyxl.load_workbook("tests/fixtures/layouts/kizugawa.xlsx")
del wb["財政効果額"]
ws = wb.create_sheet("数値目標")
ws.append(["番号", "指標", "単位", "目標値", "実績値"])
ws.append(["No.R2-2", "電子申請率", "%", 0.15, 0.12345])
ws.append(["No.R2-3", "窓口満足度", "%", 0.15, "=D3*0.8"])
ws["D2"].number_format = "0.0%"
ws["E2"].number_format = "0.000%"
ws["D3"].number_format = "0.0%"
ws["E3"].number_format = "0.0%"
wb.save(sys.argv[1])

wb = openpyxl.load_workbook("tests/fixtures/layouts/kizugawa.xlsx")
ws = wb["財政効果額"]
ws.delete_rows(1, ws.max_row)
for row in [
    ["財政効果額", "", "", "（単位：千円）"],
    ["番号", "区分", "2年度", "3年度"],
    ["No.R2-1", "計画額", 1500000, 3000400],
    ["", "実績額", 1620000, None],
]:
    ws.append(row)
for c in ("C3", "D3", "C4"):
    ws[c].number_format = "#,##0,"
report = wb["工程表"]
report["L2"] = "効果額"
report["L5"] = 3297
report["L5"].number_format = '#,##0"百万円"'
wb.save(sys.argv[1].replace("percent", "formats"))
PY
soffice --headless --convert-to xls --outdir tests/fixtures/layouts "$dir/percent.xlsx" "$dir/formats.xlsx"
soffice --headless --convert-to ods --outdir tests/fixtures/layouts "$dir/formats.xlsx"
ls -l tests/fixtures/layouts/percent.xls tests/fixtures/layouts/formats.xls tests/fixtures/layouts/formats.ods
