#!/usr/bin/env bash
# The bounded attack (issue 23): hostile input files handed to the command line, each run under
# a time limit and a memory cap, each expected to be read (exit 0) or refused with a message
# (exit 2; `collect` 1), never to crash, hang or take the memory. It fails loudly, naming the
# case, when a bound is broken or the exit is a crash (101 a panic, 134 an abort, >= 128 a
# signal). The time is processor time (`ulimit -t`: a machine busy with other builds does not
# make a case fail), with six times as long on the clock for one that waits (`timeout`); the
# memory is the address space (`ulimit -v`), so a case over it fails to allocate and aborts.
#
#     scripts/attack.sh [BINARY]
#
# BINARY defaults to target/release/shinchoku when it is newer than target/debug/shinchoku
# (the one `cargo test` builds), else the latter; neither there, `cargo build` makes it. CI
# passes a release build of the command line. With a debug build the large report tables are
# made a fifth as large (our code is several times slower unoptimised); the time bound stays
# the same, and the memory bound of a case whose file is made smaller is made so too (a fifth,
# plus 96 MB the program holds whatever the file), so that memory growing with the file is
# caught by a debug run as well. ATTACK_SECONDS (10, of processor time) and ATTACK_MB (1024)
# set the bounds; ATTACK_ONLY (an extended regular expression) runs the cases it matches. The files are made by scripts/attack/hostile.py (python3, standard library).
#
# The answer cases start from a survey of the seed with numbers, made with
# examples/measure_answers (built when missing; MEASURE_ANSWERS names another).
#
# To add a case: write `make_KIND` in hostile.py and a `case_NAME` function below calling
# `make KIND FILE` and `expect CODE TEXT ARGS…`; every `case_` function is run, in order.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${ATTACK_SECONDS:-10}
megabytes=${ATTACK_MB:-1024}
bin=${1:-}
if [ -z "$bin" ]; then
  if [ target/release/shinchoku -nt target/debug/shinchoku ]; then
    bin=target/release/shinchoku
  else
    [ -x target/debug/shinchoku ] || cargo build --quiet
    bin=target/debug/shinchoku
  fi
fi
case "$bin" in
  *release*) scale=1 ;;
  *) scale=0.2 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
current=""

# make KIND FILE: the hostile file of KIND (hostile.py) at $work/FILE.
make() {
  python3 scripts/attack/hostile.py "$1" "$work/$2" "$scale" || {
    echo "FAIL $current: hostile.py could not make $1" >&2
    failed+=("$current")
    return 1
  }
}

# scaled: called first in a case whose file is made smaller with a debug build (its `make`
# passes the scale on), after `local megabytes=$megabytes`: the memory bound follows the file.
scaled() {
  [ "$scale" = 1 ] || megabytes=$(awk -v m="$megabytes" -v s="$scale" 'BEGIN { printf "%d", m * s + 96 }')
}

# expect CODE TEXT ARGS…: runs the binary with ARGS under the bounds; the exit must be CODE
# and TEXT (when not empty) must be in what it printed.
expect() {
  local code=$1 text=$2
  shift 2
  local out="$work/out.txt" used="$work/used.txt" rc start ms usage=""
  local measure=()
  # GNU time, where there is one, says the processor time and the most memory the case held.
  [ -x /usr/bin/time ] && measure=(/usr/bin/time -f "%U %S %M" -o "$used")
  start=$(date +%s%N)
  (
    ulimit -v $((megabytes * 1024))
    ulimit -t "$seconds"
    exec "${measure[@]}" timeout "$((seconds * 6))" "$bin" "$@"
  ) >"$out" 2>&1
  rc=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  if [ -s "$used" ]; then
    usage=$(tail -1 "$used" | awk '{printf ", %.2f s processor, %d MB", $1 + $2, $3 / 1024}')
    rm -f "$used"
  fi
  local why=""
  if [ "$rc" -eq 124 ]; then
    why="still running after $((seconds * 6)) s on the clock"
  elif [ "$rc" -eq 152 ] || [ "$rc" -eq 137 ]; then
    why="took more than ${seconds} s of processor time (exit $rc)"
  elif [ "$rc" -eq 101 ] || [ "$rc" -ge 128 ]; then
    why="crashed (exit $rc) — over ${megabytes} MB, a panic or a signal"
  elif [ "$rc" -ne "$code" ]; then
    why="exit $rc, expected $code"
  elif [ -n "$text" ] && ! grep -qF -- "$text" "$out"; then
    why="the output does not say \"$text\""
  fi
  if [ -n "$why" ]; then
    echo "FAIL $current: $why" >&2
    sed -e 's/^/    /' "$out" | head -5 >&2
    failed+=("$current")
  else
    printf 'ok   %-24s exit %s, %d.%03d s%s\n' "$current" "$rc" $((ms / 1000)) $((ms % 1000)) "$usage"
  fi
}

case_xlsx_styles() {
  make xlsx-styles a.xlsx && expect 2 "styles.xml" check "$work/a.xlsx"
}

case_xlsx_shared_strings() {
  make xlsx-shared-strings a.xlsx && expect 2 "4294967295 shared strings" check "$work/a.xlsx"
}

case_xlsx_cell_lines() {
  make xlsx-cell-lines a.xlsx && expect 2 "too many lines" check "$work/a.xlsx"
}

case_tsv_bullet_lines() {
  make tsv-bullet-lines a.tsv && expect 2 "too many lines" check "$work/a.tsv"
}

case_xlsx_far_cell() {
  make xlsx-far-cell a.xlsx && expect 0 "工程表!XFD1048576" check "$work/a.xlsx"
}

case_xlsx_zip_bomb() {
  make xlsx-zip-bomb a.xlsx && expect 2 "unzip to more than" check "$work/a.xlsx"
}

case_xls_far_column() {
  make xls-far-column a.xls && expect 2 "column 6000" check "$work/a.xls"
}

case_xls_dimensions() {
  make xls-dimensions a.xls && expect 2 "used range" check "$work/a.xls"
}

case_xls_chain_loop() {
  make xls-chain-loop a.xls && expect 2 "loops" check "$work/a.xls"
}

case_xls_largest_range() {
  make xls-largest-range a.xls && expect 0 "Sheet1!IV7812" check "$work/a.xls"
}

case_xls_shared_copies() {
  make xls-shared-copies a.xls && expect 2 "text is more than" check "$work/a.xls"
}

case_ods_repeated() {
  make ods-repeated a.ods && expect 2 "cells hold a value" check "$work/a.ods"
}

case_ods_note_far() {
  make ods-note-far a.ods && expect 0 "1 initiatives" check "$work/a.ods"
}

case_ods_row_million() {
  make ods-row-million a.ods && expect 0 "工程表!I1000000" check "$work/a.ods"
}

case_tsv_repeated_plan_lines() {
  local megabytes=$megabytes
  scaled
  make tsv-repeated-plan-lines a.tsv && expect 0 "" import "$work/a.tsv" -o "$work/a.ron"
}

case_tsv_plan_lines_checked() {
  local megabytes=$megabytes
  scaled
  make tsv-plan-lines-checked a.tsv && expect 0 "" check "$work/a.tsv"
}

case_tsv_headings() {
  local megabytes=$megabytes
  scaled
  make tsv-headings a.tsv && expect 0 "" import "$work/a.tsv" -o "$work/a.ron"
}

case_tsv_rows() {
  local megabytes=$megabytes
  scaled
  make tsv-rows a.tsv && expect 0 "" check "$work/a.tsv"
}

case_tsv_grid() {
  make tsv-grid a.tsv && expect 2 "too many initiatives" check "$work/a.tsv"
}

case_tsv_not_understood() {
  local megabytes=$megabytes
  scaled
  make tsv-not-understood a.tsv && expect 0 "more warning(s), not listed" check "$work/a.tsv"
}

case_tsv_open_brackets() {
  local megabytes=$megabytes
  scaled
  make tsv-open-brackets a.tsv && expect 0 "" check "$work/a.tsv"
}

case_tsv_stage_colspans() {
  local megabytes=$megabytes
  scaled
  make tsv-stage-colspans a.tsv && expect 0 "" check "$work/a.tsv"
}

case_tsv_long_heading() {
  local megabytes=$megabytes
  scaled
  make tsv-long-heading a.tsv && expect 0 "" check "$work/a.tsv"
}

case_xlsx_long_sheet_name() {
  make xlsx-long-sheet-name a.xlsx && expect 0 "" check "$work/a.xlsx"
}

# A printout of more than 6,000 pages is refused before its pages are drawn. The table is
# read whole first, which an unoptimised build does six times slower: three times the time.
case_tsv_print_pages() {
  local seconds=$seconds
  [ "$scale" = 1 ] || seconds=$((seconds * 3))
  make tsv-print-pages a.tsv &&
    expect 2 "more than the 6000 one printout may have" print "$work/a.tsv" -o "$work/a.pdf"
  if [ -e "$work/a.pdf" ]; then
    echo "FAIL $current: a PDF was written" >&2
    failed+=("$current")
  fi
}

case_tsv_diff_pages() {
  local seconds=$seconds
  [ "$scale" = 1 ] || seconds=$((seconds * 3))
  make tsv-print-pages a.tsv && make tsv-diff-pages b.tsv &&
    expect 2 "more than the 6000 one printout may have" diff "$work/a.tsv" "$work/b.tsv" --pdf "$work/c.pdf"
  if [ -e "$work/c.pdf" ]; then
    echo "FAIL $current: a PDF was written" >&2
    failed+=("$current")
  fi
}

case_csv_rows() {
  local megabytes=$megabytes
  scaled
  make csv-rows a.csv && expect 0 "" check "$work/a.csv"
}

case_tsv_newlines() {
  make tsv-newlines a.tsv && expect 0 "" check "$work/a.tsv"
}

# One hostile answer in a batch: refused, the others taken, no lock left beside the master.
case_collect_one_bad_answer() {
  local seed=tests/fixtures/mie-h29-h1-report.tsv
  "$bin" import "$seed" -o "$work/master.ron" >/dev/null &&
    "$bin" survey "$work/master.ron" -o "$work/out" --format xlsx >/dev/null &&
    make xlsx-shared-strings "out/bad.xlsx" &&
    expect 1 "1 taken, 1 refused" collect "$work/master.ron" "$work/out/bad.xlsx" \
      "$work/out/総務部管財課.xlsx"
  if [ -e "$work/.~lock.master.ron#" ]; then
    echo "FAIL $current: a lock was left beside the master" >&2
    failed+=("$current")
  fi
}

# The seed as an office's master with numbers (an indicator, a scale: examples/measure_answers,
# built when missing), surveyed once; each answer case starts from 総務部人事課's workbook.
numbers_master() {
  [ -e "$work/numbers/master.ron" ] && return 0
  local numbers=${MEASURE_ANSWERS:-target/debug/examples/measure_answers}
  [ -x "$numbers" ] || cargo build --quiet --example measure_answers
  mkdir -p "$work/numbers" &&
    "$bin" import tests/fixtures/mie-h29-h1-report.tsv -o "$work/numbers/master.ron" \
      >/dev/null 2>&1 &&
    "$numbers" "$work/numbers/master.ron" --scale 'S=特に良好,A=良好,B=概ね,C=課題あり,対象外=対象外' \
      --unit 百万円 --indicator 3 現場体験研修の受講者数 人 \
      --target 3 現場体験研修の受講者数 300 &&
    "$bin" survey "$work/numbers/master.ron" -o "$work/numbers/照会" --format xlsx \
      --today 2017-10-02 >/dev/null
}

# answer KIND FILE: 総務部人事課's response workbook made into the hostile answer KIND.
answer() {
  numbers_master && cp "$work/numbers/照会/総務部人事課.xlsx" "$work/$2" && make "$1" "$2"
}

# Formula starters, control characters and odd numbers in the yellow cells of 数値回答, and
# rows claiming another division's initiative, a number the report lacks, the indicator twice:
# taken as written or not at all, each said.
case_answer_numbers() {
  answer answer-numbers a.xlsx &&
    expect 0 "neither is taken" collect "$work/numbers/master.ron" "$work/a.xlsx" \
      -o "$work/out.ron" &&
    for said in "are answered by 総務部行財政改革推進課" "I 999999 0" "「=cmd|' /C calc'!A0」" \
      "<ESC U+001B>[2J<RLO U+202E>" "「12345678901234567890」"; do
      grep -qF -- "$said" "$work/out.txt" || {
        echo "FAIL $current: collect did not say $said" >&2
        failed+=("$current")
      }
    done
}

case_answer_numbers_far_cell() {
  answer answer-numbers-far-cell a.xlsx &&
    expect 0 "数値回答!XFD1048576: a cell outside the columns an answer is read from" collect \
      "$work/numbers/master.ron" "$work/a.xlsx" -o "$work/out.ron"
}

case_answer_repeated() {
  local megabytes=$megabytes
  scaled
  answer answer-repeated a.xlsx &&
    expect 1 "too much text" collect "$work/numbers/master.ron" "$work/a.xlsx" -o "$work/out.ron"
}

case_answer_topic_rows() {
  answer answer-topic-rows a.xlsx &&
    expect 0 "1 taken" collect "$work/numbers/master.ron" "$work/a.xlsx" -o "$work/out.ron"
}

# What is not a file: a named pipe (opening one waits for a writer: every command hung) and
# a device that never ends (/dev/zero was read until memory ran out).
case_not_a_file() {
  rm -f "$work/pipe.ron" "$work/zero.tsv"
  mkfifo "$work/pipe.ron" && ln -s /dev/zero "$work/zero.tsv" &&
    expect 2 "not a file" check "$work/pipe.ron" &&
    expect 2 "not a file" check "$work/zero.tsv"
}

case_answer_ten_mb() {
  local megabytes=$megabytes
  scaled
  answer answer-ten-mb a.xlsx &&
    expect 0 "and 1" collect "$work/numbers/master.ron" "$work/a.xlsx" -o "$work/out.ron"
}

# Found by the fifth attack: an answer's number format past what Excel writes, one of
# megabytes on many rows, a number answered on a thousand rows; table cells read in minutes.
case_answer_format_decimals() {
  answer answer-format-decimals a.xlsx &&
    expect 0 "its value 1234 is read" collect "$work/numbers/master.ron" "$work/a.xlsx" \
      -o "$work/out.ron"
}

case_answer_format_rows() {
  answer answer-format-rows a.xlsx &&
    expect 0 "1 taken" collect "$work/numbers/master.ron" "$work/a.xlsx" -o "$work/out.ron"
}

case_answer_numbers_twice() {
  answer answer-numbers-twice a.xlsx &&
    expect 0 "1 taken" collect "$work/numbers/master.ron" "$work/a.xlsx" -o "$work/out.ron"
}

case_tsv_ampersands() {
  make tsv-ampersands a.tsv && expect 0 "11 initiatives" check "$work/a.tsv"
}

case_tsv_brackets() {
  make tsv-brackets a.tsv && expect 0 "11 initiatives" check "$work/a.tsv"
}

# Found by the sixth attack: a result read in minutes from a table of a few kilobytes.
case_tsv_notes_after_month_word() {
  make tsv-notes-after-month-word a.tsv && expect 0 "11 initiatives" check "$work/a.tsv"
}

case_tsv_months_listed() {
  make tsv-months-listed a.tsv && expect 0 "11 initiatives" check "$work/a.tsv"
}

# An answer or a table that would make a report larger than is read: refused, not written.
case_answer_many_lines() {
  local megabytes=$megabytes
  scaled
  answer answer-many-lines a.xlsx &&
    expect 1 "100000" collect "$work/numbers/master.ron" "$work/a.xlsx" -o "$work/out.ron"
}

case_tsv_many_results() {
  make tsv-many-results a.tsv &&
    expect 2 "too many lines" import "$work/a.tsv" -o "$work/a.ron"
}

case_ron_many_indicators() {
  make ron-many-indicators a.ron && expect 0 "11 initiatives" check "$work/a.ron"
}

# Found by the second attack: each aborted for memory or ran for minutes.
case_xlsx_unit_format() {
  make xlsx-unit-format a.xlsx && expect 0 "1 initiatives" check "$work/a.xlsx"
}

case_xlsx_styled_cells() {
  make xlsx-styled-cells a.xlsx && expect 2 "cells are written in it" check "$work/a.xlsx"
}

case_xlsx_merges_over_value() {
  make xlsx-merges-over-value a.xlsx && expect 0 "1 initiatives" check "$work/a.xlsx"
}

case_xls_unit_format() {
  make xls-unit-format a.xls && expect 0 "3001 action items" check "$work/a.xls"
}

case_xls_sheet_offsets() {
  make xls-sheet-offsets a.xls && expect 2 "point at the same data" check "$work/a.xls"
}

case_ods_shown_spaces() {
  make ods-shown-spaces a.ods && expect 0 "" check "$work/a.ods"
}

case_xlsx_indicator_rows() {
  make xlsx-indicator-rows a.xlsx && expect 0 "20001 initiatives" check "$work/a.xlsx"
}

case_tsv_rating_scale() {
  make tsv-rating-scale a.tsv && expect 0 "6000 initiatives" check "$work/a.tsv"
}

case_ron_many_divisions() {
  make ron-many-divisions a.ron && expect 0 "11 initiatives" check "$work/a.ron"
}

case_tsv_long_title() {
  local megabytes=$megabytes
  scaled
  make tsv-long-title t.tsv && expect 0 "page(s)" print "$work/t.tsv" -o "$work/t.pdf"
}

case_tsv_print_rows() {
  local megabytes=$megabytes
  scaled
  make tsv-print-rows r.tsv &&
    expect 0 "page(s)" print "$work/r.tsv" -o "$work/r.pdf"
}

case_answer_formulas() {
  answer answer-formulas a.xlsx &&
    expect 1 "more than 10000 cells hold a formula" collect "$work/numbers/master.ron" \
      "$work/a.xlsx" -o "$work/out.ron"
}

# Found by the fourth attack: panics, minutes of work, gigabytes from small files.
case_tsv_months_spaces() {
  make tsv-months-spaces a.tsv && expect 0 "11 initiatives" check "$work/a.tsv"
}

case_ron_many_subs() {
  make tsv-many-subs a.tsv && "$bin" import "$work/a.tsv" -o "$work/a.ron" >/dev/null 2>&1 &&
    expect 0 "11 initiatives" check "$work/a.ron"
}

case_tsv_title_as_of() {
  make tsv-title-as-of a.tsv && expect 0 "11 initiatives" check "$work/a.tsv"
}

# An entry of 40,000 sub-items printed and published: each sub-item's line looked for every
# sub-item in the text (over 20 s; 1.3 s and 0.2 s).
case_tsv_many_subs_print() {
  make tsv-many-subs a.tsv && expect 0 "" print "$work/a.tsv" -o "$work/out.pdf"
}

case_tsv_many_subs_html() {
  make tsv-many-subs a.tsv && expect 0 "" export "$work/a.tsv" -o "$work/out.html"
}

case_tsv_title_rows() {
  make tsv-title-rows a.tsv && expect 2 "no header row among the first 50000 rows" check "$work/a.tsv"
}

# Collecting a survey of a 6,000-initiative report, every answer as sent: each initiative's
# numbers looked up the whole report's parts again (12-15 s; 10,000 initiatives past 20 s).
case_ron_collect_large() {
  "$bin" sample --initiatives 6000 -o "$work/m.ron" >/dev/null 2>&1 &&
    "$bin" survey "$work/m.ron" -o "$work/q" --format ron --today 2017-10-02 >/dev/null 2>&1 &&
    expect 0 "8 taken" collect "$work/m.ron" "$work"/q/*.ron -o "$work/out.ron"
}

case_tsv_wide_header() {
  make tsv-wide-header a.tsv && expect 0 "11 initiatives" check "$work/a.tsv"
}

case_tsv_year_headings() {
  make tsv-year-headings a.tsv && expect 0 "8100 fiscal years" check "$work/a.tsv"
}

case_tsv_many_lanes() {
  make tsv-many-lanes a.tsv && expect 0 "" export "$work/a.tsv" -o "$work/out.tsv"
}

case_ron_plan_years() {
  make ron-plan-years a.ron && expect 2 "more than the 50 a plan may span" \
    export "$work/a.ron" -o "$work/out.xlsx"
}

case_ron_far_years() {
  make ron-far-years a.ron && expect 2 "more than 50 years from the plan years" \
    export "$work/a.ron" -o "$work/out.tsv"
}

case_ron_many_survey_divisions() {
  make ron-many-survey-divisions a.ron && expect 1 "more than the 300 a survey goes to" \
    survey "$work/a.ron" -o "$work/q3000" --today 2017-10-02
}

# A master whose record says 4,294,967,295 answers were taken: one more overflowed.
case_ron_received_count() {
  numbers_master && cp "$work/numbers/master.ron" "$work/count.ron" &&
    python3 - "$work/count.ron" <<'PY' && expect 0 "1 taken" collect "$work/count.ron" \
      "$work/numbers/照会/総務部人事課.xlsx" -o "$work/out.ron"
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
marker = '        division: "総務部人事課",\n'
assert marker in text
record = '        received: Some((at: "2017-10-03T10:00:00", file: "x.xlsx", count: 4294967295)),\n'
text = text.replace(marker, marker + record, 1)
open(path, "w", encoding="utf-8").write(text)
PY
}

# A lock file naming a second millions of years away: describing its holder panicked.
case_lock_far_since() {
  cp tests/fixtures/mie-h29-h1-report.tsv "$work/l.tsv" &&
    printf 'shinchoku-lock 1\nuser=x\nmachine=other-pc\npid=1\nsince=99999999999999\ntoken=abc\n' \
      >"$work/.~lock.l.ron#" &&
    expect 1 "since an unknown time" import "$work/l.tsv" -o "$work/l.ron" &&
    expect 1 "open in Shinchoku" rollover "$work/l.tsv" -o "$work/l.ron" --to second-half
}

case_sample_huge() {
  expect 2 "is more than 150000" sample -o "$work/s.ron" --initiatives 100000000
}

# Found by the fifth attack: lists searched through once for each result or division.
imported_seed() {
  [ -e "$work/seed.ron" ] ||
    "$bin" import tests/fixtures/mie-h29-h1-report.tsv -o "$work/seed.ron" >/dev/null 2>&1
}

case_ron_survey_records() {
  imported_seed && python3 scripts/attack/survey_records.py "$work/seed.ron" "$work/s.ron" 100000 &&
    expect 0 "" status "$work/s.ron" --today 2017-10-20 &&
    expect 0 "11 initiatives" check "$work/s.ron"
}

case_ron_history_results() {
  imported_seed &&
    python3 scripts/attack/history_results.py "$work/seed.ron" "$work/h.ron" 20000 1000000 &&
    expect 0 "11 initiatives" check "$work/h.ron" &&
    expect 0 "" rollover "$work/h.ron" -o "$work/h2.ron" --to next-year
}

case_ron_to_confirm() {
  imported_seed &&
    python3 scripts/attack/to_confirm.py "$work/seed.ron" "$work/c.ron" 20000 1000000 &&
    expect 0 "" rollover "$work/c.ron" -o "$work/c2.ron" --to second-half
}

case_tsv_unlike_names() {
  make tsv-unlike-names a.tsv && expect 0 "11 initiatives" check "$work/a.tsv"
}

# Found by the eighth attack: a formula of 16,000 space tokens (66 KB) and 40,000 sheets
# (9.6 MB) refused at once; an answer naming one 60 MB comments part 2,000 times read once;
# two tables of 200 results of 16,000 kanji compared by the results' beginnings.
case_xls_formula_spaces() {
  make xls-formula-spaces a.xls && expect 2 "more spaces (space tokens)" check "$work/a.xls"
}

case_xlsx_many_sheets() {
  make xlsx-many-sheets a.xlsx && expect 2 "more than 1000 sheets" check "$work/a.xlsx"
}

case_answer_comments_repeated() {
  answer answer-comments-repeated a.xlsx &&
    expect 0 "" collect "$work/numbers/master.ron" "$work/a.xlsx" -o "$work/out.ron"
}

case_tsv_long_results() {
  local megabytes=$megabytes
  scaled
  make tsv-long-results-old a.tsv && make tsv-long-results-new b.tsv &&
    expect 1 "" diff "$work/a.tsv" "$work/b.tsv"
}

# Found by the ninth attack: a stray closing tag before a shared-string count of four billion
# (1.7 KB) aborted the process; thirty million empty cells (170 KB) took 17 s; sheets of one
# name, and a workbook part under another name sharing one sheet, ran past 20 s.
case_xlsx_stray_tag_strings() {
  make xlsx-stray-tag-strings a.xlsx && expect 2 "4294967295 shared strings" check "$work/a.xlsx"
}

case_xlsx_empty_cells() {
  make xlsx-empty-cells a.xlsx && expect 2 "cells are written in it" check "$work/a.xlsx"
}

case_xlsx_same_sheet_names() {
  make xlsx-same-sheet-names a.xlsx && expect 2 "have the same name" check "$work/a.xlsx"
}

case_xlsx_renamed_book() {
  make xlsx-renamed-book a.xlsx && expect 2 "point at the same data" check "$work/a.xlsx"
}

echo "attack: $bin, ${seconds} s and ${megabytes} MB a case, tables at scale $scale"
for case in $(declare -F | awk '{print $3}' | grep '^case_' | grep -E -- "${ATTACK_ONLY:-.}"); do
  current=${case#case_}
  "$case"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "attack: ${#failed[@]} case(s) broke a bound: ${failed[*]}" >&2
  exit 1
fi
echo "attack: every case within its bounds"
