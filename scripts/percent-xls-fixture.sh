#!/bin/sh
# tests/fixtures/layouts/percent.xls: 木津川市's layout with an indicator in % typed as
# percentages (number cells formatted 0.0% and 0.000%, one a formula), written by openpyxl and
# saved as .xls by LibreOffice (which calculates the formula and saves its value), as an office
# keeping the old format would send it.
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
PY
soffice --headless --convert-to xls --outdir tests/fixtures/layouts "$dir/percent.xlsx"
ls -l tests/fixtures/layouts/percent.xls
