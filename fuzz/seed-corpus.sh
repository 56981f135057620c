#!/usr/bin/env bash
# Makes the fuzz targets' seed corpus (fuzz/corpus/TARGET, not committed) from the test
# fixtures, the bundled sample and the expressions the README lists. libFuzzer adds what it
# finds to the same folders.
set -euo pipefail
cd "$(dirname "$0")"
root=..
for t in table ron months era entry_text workbook answer; do mkdir -p "corpus/$t"; done

# Workbooks: the seed exported to XLSX and saved again by LibreOffice as .xlsx, .xls, .ods;
# and the workbook with numbers sheets (数値目標, 効果額, 評価) the same way.
cp "$root"/tests/fixtures/seed-libreoffice.* "$root"/tests/fixtures/measures-libreoffice.* \
  corpus/workbook/

# The report table: the seed in its three encodings, and its first rows alone.
python3 - "$root/tests/fixtures/mie-h29-h1-report.tsv" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
crlf = text.replace("\n", "\r\n")
open("corpus/table/seed-utf8.tsv", "w", encoding="utf-8").write(text)
open("corpus/table/seed-cp932.tsv", "wb").write(crlf.encode("cp932", errors="replace"))
open("corpus/table/seed-utf16.tsv", "wb").write(b"\xff\xfe" + crlf.encode("utf-16-le"))
lines = text.split("\n")
open("corpus/table/seed-head.tsv", "w", encoding="utf-8").write("\n".join(lines[:12]))
# Plan and actual cells, one entry text per file, for the entry-text reader.
n = 0
for line in lines:
    for field in line.split("\t"):
        if "・" in field or "(" in field:
            for part in field.replace("</li>", "\n").replace("</p>", "\n").split("\n"):
                part = part.replace("<li>", "").replace("<p>", "").strip(" ・")
                if part and "<" not in part and n < 60:
                    open(f"corpus/entry_text/cell-{n:02}.txt", "w", encoding="utf-8").write(part)
                    n += 1
PY

# Shinchoku files: the sample, and a report with one initiative.
cp "$root/assets/sample-report.ron" corpus/ron/sample.ron
cat > corpus/ron/small.ron <<'RON'
(schema: 1, report: (title: "令和 6 年度 報告", programme: "改革", fiscal_year: 2024,
  period: full_year, plan_years: (first: 2024, last: 2026), as_of: Some((month: 3, day: 31)),
  sections: [(id: 1, numeral: "I", number: 1, title: "節", initiatives: [(id: 2, number: "1",
  label: "①", title: "取組", items: [(id: 3, name: "項目", ticked: true, lanes: [[(first: 2024,
  last: 2024, label: "検討", continues: false, source: "検討"), (first: 2025, last: 2026,
  label: "実施", continues: true, source: "→ 実施")]])], topics: [(id: 4, heading: Some("見出し"),
  plan: [(id: 5, kind: activity, bullet: true, text: "研修(4月～9月)", label: "研修",
  when: Some("4月～9月"), timing: Some((kind: Months, months: 63)), subs: [])], actual: [])],
  divisions: ["総務課"])])], next_id: 6))
RON

# Schema 3: a report with a closed period in its history.
sed -e 's/^(schema: 1,/(schema: 3,/' -e 's/next_id: 6))/next_id: 8, history: [(fiscal_year: 2023, period: full_year,\
  actual_heading: "実績", as_of: (month: 3, day: 31), results: [5], cleared: [(topic: 4,\
  heading: Some("見出し"), plan: [(id: 6, kind: activity, text: "旧(4月)", label: "旧",\
  when: Some("4月"), timing: Some((kind: Months, months: 1)))], actual: [(id: 7,\
  kind: activity, text: "済", label: "済")])])], to_confirm: [5]))/' \
  corpus/ron/small.ron > corpus/ron/small-history.ron

# Month expressions and era years as the README lists them.
k=0
for e in '6月' '4月～9月' '11月～1月' '6月～' '～9月' '4月、9月' '5月～7月及び12月～2月の年2回' \
  '8月～10月予定' '通年' '随時' '年度内' '第1四半期' '6月上旬' '平成 29 年6月1日～平成 29 年9月 29 日' \
  '4月〜9月' '４月~９月' 'R1年6月' '年度末'; do
  printf '%s' "$e" > "corpus/months/m$k.txt"; k=$((k+1))
done
k=0
for e in '平成29年度' '平成 29 年度' '令和元年度' 'H31' 'R1年' '2017年度' '28年度' '元年度' \
  '平成 29 年度「第二次三重県行財政改革取組」'; do
  # Four bytes of the report's year (2017, little-endian) before the text.
  { printf '\xe1\x07\x00\x00'; printf '%s' "$e"; } > "corpus/era/e$k.txt"; k=$((k+1))
done
# Files with numbers (indicators, effects, ratings): the report of the measures fixture, its
# table in the three encodings, each division's response to it (.ron and .xlsx), and two of
# them answered — the .xlsx in its 数値回答 sheet as Excel stores typed cells
# (scripts/excel-answer-numbers.py), the .ron with new actuals, a changed effect, an amount
# kept as written and another self-rating. The `answer` target collects them into the same
# report imported from the same fixture (its identity is derived from its content).
numbers_corpus() {
  local tmp k f kind
  tmp=$(mktemp -d)
  "$shinchoku" import "$root/tests/fixtures/measures-libreoffice.xlsx" -o "$tmp/master.ron" \
    >/dev/null 2>&1
  cp "$tmp/master.ron" corpus/ron/measures.ron
  for enc in utf-8 cp932 utf-16; do
    "$shinchoku" export "$tmp/master.ron" -o "$tmp/m-$enc.tsv" --encoding "$enc" >/dev/null
    cp "$tmp/m-$enc.tsv" "corpus/table/measures-$enc.tsv"
  done
  "$shinchoku" survey "$tmp/master.ron" -o "$tmp/out" --today 2017-10-02 >/dev/null
  cp "$tmp/out/総務部行財政改革推進課.ron" corpus/ron/measures-response.ron
  python3 "$root/scripts/excel-answer-numbers.py" "$tmp/out/総務部行財政改革推進課.xlsx" \
    "削減効果額(108項目)（百万円）" "３，４００" "電子申請件数" "950" \
    "効果額（百万円）" "2600.5" "自己評価（S・A・B・C・対象外）" "A"
  python3 - "$tmp/out" <<'PY'
import sys
for name, edits in {
    "総務部行財政改革推進課.ron": [('actual: (value: Some("3297"))', 'actual: (value: Some("3400"))'),
                             ("actual: (yen: Some(2410500000))", "actual: (yen: Some(2600500000))"),
                             ('self_rating: Some((\n                code: "S"', 'self_rating: Some((\n                code: "A"')],
    "総務部管財課.ron": [('actual: (value: Some("-2"))', 'actual: (unread: "約△3")'),
                      ("actual: (yen: Some(320000000))", "actual: (yen: Some(-5000000))")],
}.items():
    path = f"{sys.argv[1]}/{name}"
    text = open(path, encoding="utf-8").read()
    for old, new in edits:
        if old not in text:
            sys.exit(f"seed-corpus: no {old!r} in {name}")
        text = text.replace(old, new, 1)
    open(path.replace(".ron", "-answered.ron"), "w", encoding="utf-8").write(text)
PY
  k=0
  for f in "$tmp"/out/*; do
    case "$f" in *.xlsx) kind='\x00' ;; *) kind='\x01' ;; esac
    { printf "$kind"; cat "$f"; } > "corpus/answer/measures-$k"
    k=$((k+1))
  done
  rm -rf "$tmp"
}

# Survey answers: each division's response to the seed as .xlsx (first byte 0) and .ron (1),
# made by the project's binary (`cargo build` first, or SHINCHOKU=path/to/shinchoku); and the
# seed's own workbooks, which are no answer.
shinchoku="${SHINCHOKU:-$root/target/debug/shinchoku}"
if [ -x "$shinchoku" ]; then
  tmp=$(mktemp -d)
  "$shinchoku" import "$root/tests/fixtures/mie-h29-h1-report.tsv" -o "$tmp/master.ron" >/dev/null
  "$shinchoku" survey "$tmp/master.ron" -o "$tmp/out" >/dev/null
  k=0
  for f in "$tmp"/out/*; do
    case "$f" in *.xlsx) kind='\x00' ;; *) kind='\x01' ;; esac
    { printf "$kind"; cat "$f"; } > "corpus/answer/response-$k"
    k=$((k+1))
  done
  rm -rf "$tmp"
  numbers_corpus
else
  echo "no $shinchoku: the answer corpus has the fixtures only (cargo build makes it)" >&2
fi
{ printf '\x00'; cat "$root/tests/fixtures/seed-libreoffice.xlsx"; } > corpus/answer/not-an-answer.xlsx
{ printf '\x01'; cat "$root/assets/sample-report.ron"; } > corpus/answer/not-an-answer.ron
echo "seed corpus in fuzz/corpus/"
