#!/usr/bin/env bash
# The half-year cycle from the command line, as an office and two divisions run it, checking
# that every word the divisions wrote arrives in every output (issue 22):
#   the office imports the published table and sends the survey (照会);
#   総務部行財政改革推進課 answers in the Excel workbook, cell by cell (scripts/excel-answer.py);
#   総務部人事課 answers in its response file through the core, as the window does
#     (examples/division_answers.rs), rewriting a sub-item too;
#   the office collects both answers (取りまとめ);
#   a second round: the office corrects a division's number in the master, 人事課 rewrites the
#   line it added and sends its response again, 推進課 sends the same workbook again;
#   the office exports the report table in UTF-8, CP932 and UTF-16, the workbook, the CSV and
#   the web page, prints the PDF and runs `check --json`; each sentence (as corrected or
#   rewritten) is looked for in each output (the PDF's and the workbook's text with the white
#   space taken out, wrapped lines joining again), its months in `check --json`, and the
#   replaced ones are looked for in the table, to be gone.
# Usage: scripts/survey-cycle.sh   (builds the debug binary and the example if missing; needs
# python3, iconv and pdftotext from poppler-utils). Exits non-zero naming what did not arrive.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SHINCHOKU:-target/debug/shinchoku}
answers=${DIVISION_ANSWERS:-target/debug/examples/division_answers}
if [ ! -x "$bin" ] || [ ! -x "$answers" ]; then
  cargo build --bin shinchoku --example division_answers
fi
for tool in python3 iconv pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "survey-cycle: $tool is needed" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
master=$work/master.ron
dir=$work/照会

echo "== the office: import and survey"
"$bin" import tests/fixtures/mie-h29-h1-report.tsv -o "$master" 2>/dev/null
"$bin" survey "$master" -o "$dir" --due 2017-10-13 --today 2017-10-02 \
  --note "10月13日までに回答願います" >/dev/null

echo "== 総務部行財政改革推進課 answers in Excel, cell by cell"
excel_words=(
  "職員向けメルマガにおける周知(8月)（参加職員312名）"
  "(9月)（全庁に通知）"
  "研修の周知（6月～、延べ3件）"
  "職員アンケートの実施(7月 ※回答率8割)"
)
python3 scripts/excel-answer.py "$dir/総務部行財政改革推進課.xlsx" \
  "ポータルサイトの構築" "・${excel_words[0]}" \
  "ポータルサイトの構築" "・${excel_words[1]}" \
  "みえ成果向上サイクルの見直し" "・${excel_words[2]}" \
  "職員提案制度の見直し" "・${excel_words[3]}"

echo "== 総務部人事課 answers in its response file"
sub_old="「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～12月予定)"
sub_new="「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～)"
ron_words=(
  "テレワークの試行（9月　2回）"
  "$sub_new"
)
"$answers" "$dir/総務部人事課.ron" \
  --add "弾力的な勤務形態の検討" "${ron_words[0]}" \
  --set "$sub_old" "$sub_new"

echo "== the office: collect, export, print"
"$bin" collect "$master" "$dir/総務部行財政改革推進課.xlsx" "$dir/総務部人事課.ron" --lang ja \
  > "$work/collect.txt"

echo "== a second round: the office corrects, one division answers again, the other resends"
# The office corrects a number 推進課 typed (in the master, through the core); 人事課 rewrites
# the line it added, in the same response file, and sends it again; 推進課 sends the same
# workbook again. The correction stays, the rewritten line replaces the one it added.
corrected="職員向けメルマガにおける周知(8月)（参加職員321名）"
"$answers" "$master" --set "${excel_words[0]}" "$corrected"
rewritten="テレワークの試行（9月　3回）"
"$answers" "$dir/総務部人事課.ron" --set "${ron_words[0]}" "$rewritten"
sleep 1 # the response is the newer file
"$bin" collect "$master" "$dir/総務部行財政改革推進課.xlsx" "$dir/総務部人事課.ron" --lang ja \
  > "$work/collect-2.txt"
gone=("${excel_words[0]}" "${ron_words[0]}")
excel_words[0]=$corrected
ron_words[0]=$rewritten
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
pdftotext "$work/r.pdf" "$work/r-pdf.txt" 2> "$work/pdftotext.err"
# A reader that complains about the file (poppler prints "Syntax Error: …") is a printout an
# office would not trust.
pdfinfo "$work/r.pdf" >/dev/null 2>> "$work/pdftotext.err"
if [ -s "$work/pdftotext.err" ]; then
  echo "survey-cycle: poppler complains about the printout:" >&2
  cat "$work/pdftotext.err" >&2
  exit 1
fi
python3 - "$work/r.xlsx" > "$work/r-xlsx.txt" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for name in z.namelist():
    if name == "xl/sharedStrings.xml" or name.startswith("xl/worksheets/"):
        for t in re.findall(r"<t[^>]*>(.*?)</t>", z.read(name).decode(), re.S):
            print(t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
PY

echo "== every word in every output"
missing=0
words=("${excel_words[@]}" "${ron_words[@]}")
for word in "${words[@]}"; do
  for out in r-utf8.tsv r-cp932.txt r-utf16.txt r-xlsx.txt r.csv r.html check.json; do
    # The table, CSV, web page and JSON hold the sentence as typed; the workbook's cell too.
    if ! grep -qF -- "$word" "$work/$out"; then
      echo "MISSING from $out: $word"; missing=1
    fi
  done
  if ! python3 -c 'import sys; t="".join(open(sys.argv[1]).read().split()); w="".join(sys.argv[2].split()); sys.exit(w not in t)' "$work/r-pdf.txt" "$word"; then
    echo "MISSING from the PDF: $word"; missing=1
  fi
done
for old in "$sub_old" "${gone[@]}"; do
  if grep -qF -- "$old" "$work/r-utf8.tsv"; then
    echo "STILL in the table: $old"; missing=1
  fi
done
# Months read from what was typed, whatever note stands beside them.
python3 - "$work/check.json" <<'PY' || missing=1
import json, sys
want = {
    "職員向けメルマガにおける周知(8月)（参加職員321名）": [8],
    "(9月)（全庁に通知）": [9],
    "研修の周知（6月～、延べ3件）": [6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
    "職員アンケートの実施(7月 ※回答率8割)": [7],
    "テレワークの試行（9月　3回）": [9],
}
seen = {e["text"]: e["months"] for i in json.load(open(sys.argv[1]))["initiative_list"] for e in i["actual"]}
bad = [(t, seen.get(t), m) for t, m in want.items() if seen.get(t) != m]
for t, got, m in bad:
    print(f"MONTHS of {t}: {got}, expected {m}")
sys.exit(1 if bad else 0)
PY
grep -q "取り込み: 総務部行財政改革推進課.xlsx" "$work/collect.txt" || { echo "collect did not take the workbook"; missing=1; }
grep -q "取り込み: 総務部人事課.ron" "$work/collect.txt" || { echo "collect did not take the response"; missing=1; }
if [ "$missing" -ne 0 ]; then
  echo "survey-cycle: FAILED — see above (collect said:)"; cat "$work/collect.txt"; exit 1
fi
echo "survey-cycle: every word of both divisions arrived in all 9 outputs (${#words[@]} sentences)"
