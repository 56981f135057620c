#!/usr/bin/env bash
# The half-year cycle of the numbers and judgements (issue 25), as an office and two divisions
# run it, checking that every number and rating arrives in every output:
#   the office imports the published table, declares a rating scale (木津川市's S/A/B/C and
#   対象外) and the unit 百万円, gives two initiatives an indicator with a target and a planned
#   effect (examples/measure_answers.rs: the core's intents, as the window makes them), and
#   sends the survey;
#   総務部行財政改革推進課 answers in the Excel workbook's 数値回答 sheet, cell by cell
#   (scripts/excel-answer-numbers.py: a count in full-width digits as text, an effect as a
#   number, a rating code);
#   総務部人事課 answers in its response file through the core (an actual, a negative effect
#   typed 「△3.5」, a rating);
#   the office collects both (the review must list each number, old → new), adds its review and
#   the committee's comment, then exports the table (UTF-8, CP932, UTF-16), the workbook, the
#   CSV and the web page, prints the PDF and runs `check --json`;
#   every number is looked for in every output, and the workbook and the table (in each
#   encoding) are imported again: their `check --json` numbers must equal the master's; the
#   CSV, a row per entry, must be refused by import as no report table.
# Usage: scripts/measures-cycle.sh   (builds the debug binary and the example if missing; needs
# python3, iconv and pdftotext). Exits non-zero naming what did not arrive.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SHINCHOKU:-target/debug/shinchoku}
numbers=${MEASURE_ANSWERS:-target/debug/examples/measure_answers}
if [ ! -x "$bin" ] || [ ! -x "$numbers" ]; then
  cargo build --bin shinchoku --example measure_answers
fi
for tool in python3 iconv pdftotext; do
  command -v "$tool" >/dev/null || { echo "measures-cycle: $tool is needed" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
master=$work/master.ron
dir=$work/照会

echo "== the office: import, numbers, survey"
"$bin" import tests/fixtures/mie-h29-h1-report.tsv -o "$master" 2>/dev/null
"$numbers" "$master" --scale 'S=特に良好に進捗,A=良好に進捗,B=概ね進捗,C=進捗に課題あり,対象外=対象外' \
  --unit 百万円 \
  --indicator 2 協創提案件数 件 --target 2 協創提案件数 120 --plan 2 1,250 \
  --indicator 3 現場体験研修の受講者数 人 --target 3 現場体験研修の受講者数 300 --plan 3 80.5
"$bin" survey "$master" -o "$dir" --due 2017-10-13 --today 2017-10-02 >/dev/null

echo "== 総務部行財政改革推進課 answers in Excel (数値回答), cell by cell"
python3 scripts/excel-answer-numbers.py "$dir/総務部行財政改革推進課.xlsx" \
  "協創提案件数（件）" "１３２" \
  "効果額（百万円）" "1310.2" \
  "自己評価（S・A・B・C・対象外）" "S"

echo "== 総務部人事課 answers in its response file"
"$numbers" "$dir/総務部人事課.ron" --actual 3 現場体験研修の受講者数 285 --effect 3 "△3.5" --self 3 B

echo "== the office: collect, review, export, print"
"$bin" collect "$master" "$dir/総務部行財政改革推進課.xlsx" "$dir/総務部人事課.ron" --lang ja \
  > "$work/collect.txt"
comment="受講者数は目標の95.0%。下半期に追加募集を行うこと。"
"$numbers" "$master" --review 2 A --review 3 C --comment 3 "$comment"
"$bin" export "$master" -o "$work/r-utf8.tsv" >/dev/null
"$bin" export "$master" -o "$work/r-cp932.tsv" --encoding cp932 >/dev/null
"$bin" export "$master" -o "$work/r-utf16.tsv" --encoding utf-16 >/dev/null
"$bin" export "$master" -o "$work/r.xlsx" >/dev/null
"$bin" export "$master" -o "$work/r.csv" >/dev/null
"$bin" export "$master" -o "$work/r.html" >/dev/null
"$bin" print "$master" -o "$work/r.pdf" >/dev/null
"$bin" check "$master" --json > "$work/check.json"
iconv -f CP932 -t UTF-8 "$work/r-cp932.tsv" > "$work/r-cp932.txt"
iconv -f UTF-16 -t UTF-8 "$work/r-utf16.tsv" > "$work/r-utf16.txt"
pdftotext -layout "$work/r.pdf" "$work/r-pdf.txt"
python3 - "$work/r.xlsx" > "$work/r-xlsx.txt" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for name in z.namelist():
    if name == "xl/sharedStrings.xml" or name.startswith("xl/worksheets/"):
        text = z.read(name).decode()
        for t in re.findall(r"<t[^>]*>(.*?)</t>|<v>(.*?)</v>", text, re.S):
            print((t[0] or t[1]).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
PY

missing=0
echo "== the review lists each number, old → new (grouped as the web page and the printout write them)"
for want in "→ 132" "→ 1,310.2百万円" "→ S" "→ 285" "→ △3.5百万円" "→ B"; do
  grep -qF -- "$want" "$work/collect.txt" || { echo "MISSING from the review: $want"; missing=1; }
done

echo "== the master's numbers"
python3 - "$work/check.json" <<'PY' || missing=1
import json, sys
d = json.load(open(sys.argv[1]))
got = {i["number"]: (i["indicators"], i["effects"], i["rating"]) for i in d["initiative_list"]}
want = {
    "2": ([("協創提案件数", "件", 120, 132, 110.0)], [(2017, 1250000000, 1310200000)], ("S", "A")),
    "3": ([("現場体験研修の受講者数", "人", 300, 285, 95.0)], [(2017, 80500000, -3500000)], ("B", "C")),
}
bad = 0
for n, (ind, eff, rating) in want.items():
    i, e, r = got[n]
    have = ([(x["name"], x["unit"], x["target"], x["actual"], x["achievement_rate"]) for x in i],
            [(x["fiscal_year"], x["planned_yen"], x["actual_yen"]) for x in e],
            (r["self"], r["review"]))
    if have != (ind, eff, rating):
        print(f"initiative {n}: {have}, expected {(ind, eff, rating)}"); bad = 1
s = d["summary"]
totals = {k: s["effects"][k] for k in ("planned_yen", "actual_yen")}
if s["ratings"].get("A") != 1 or s["ratings"].get("C") != 1 or totals != {"planned_yen": 1330500000, "actual_yen": 1306700000} or s["effects"]["from_earlier_years"]:
    print(f"summary: {s}"); bad = 1
sys.exit(bad)
PY

echo "== every number in every output"
# As each output writes them: thousands separators and a minus sign may differ, so the
# outputs' text is compared with separators taken out; the PDF's without white space.
words=("協創提案件数" "現場体験研修の受講者数" "132" "285" "1310.2" "1250" "80.5" "3.5" "$comment")
for word in "${words[@]}"; do
  for out in r-utf8.tsv r-cp932.txt r-utf16.txt r-xlsx.txt r.csv r.html r-pdf.txt; do
    if ! python3 -c '
import sys
text = "".join(open(sys.argv[1], encoding="utf-8").read().replace(",", "").split())
sys.exit(sys.argv[2].replace(" ", "") not in text)' "$work/$out" "$word"; then
      echo "MISSING from $out: $word"; missing=1
    fi
  done
done

echo "== the workbook and the table (each encoding) read back give the same numbers"
numbers_of() {
  python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps([(i["number"], i["indicators"], i["effects"], i["rating"]) for i in d["initiative_list"]], ensure_ascii=False, sort_keys=True))
print(json.dumps([d["rating_scale"], d["summary"]], ensure_ascii=False, sort_keys=True))'
}
"$bin" check "$master" --json | numbers_of > "$work/want.txt"
# The CSV is a row per entry for spreadsheets, no report table: its numbers are looked for
# above; importing it is refused, saying what it is.
for out in r.xlsx r-utf8.tsv r-cp932.tsv r-utf16.tsv; do
  if "$bin" import "$work/$out" -o "$work/back-$out.ron" >/dev/null 2>&1; then
    "$bin" check "$work/back-$out.ron" --json | numbers_of > "$work/got-$out.txt"
    if ! cmp -s "$work/want.txt" "$work/got-$out.txt"; then
      echo "NOT THE SAME numbers from $out read back:"
      diff "$work/want.txt" "$work/got-$out.txt" | head -6 || true
      missing=1
    fi
  else
    echo "$out does not import again"; missing=1
  fi
done

if "$bin" import "$work/r.csv" -o "$work/back-csv.ron" >/dev/null 2>&1; then
  echo "r.csv (a row per entry) was imported as a report"; missing=1
fi

if [ "$missing" -ne 0 ]; then
  echo "measures-cycle: FAILED — see above (collect said:)"; cat "$work/collect.txt"; exit 1
fi
echo "measures-cycle: every number and rating of both divisions arrived in all outputs"
