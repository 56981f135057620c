#!/bin/sh
# Every export and the print of a large generated report: each must succeed, and the report
# table in each encoding must read back with every initiative. Prints each one's time and peak
# memory (GNU time), and what each export said it wrote otherwise (Excel's 1,023 page breaks).
#   scripts/check-large-exports.sh [INITIATIVES]   (default 10000)
# Takes the release binary, or SHINCHOKU=target/debug/shinchoku (slower, the same results).
# READ_BACK=0 leaves out reading the tables back (as long as importing a table that size).
set -eu
n=${1:-10000}
. "$(dirname "$0")/generated-report.sh"
failed=0
run() {
    label=$1
    shift
    if /usr/bin/time -f "%e s, %M KB" -o "$work/time" "$@" >"$work/out" 2>"$work/err"; then
        printf '%-22s ok    %s\n' "$label" "$(cat "$work/time")"
        sed "s/^/    /" "$work/err" | cut -c1-600
    else
        printf '%-22s FAIL  %s\n' "$label" "$(tail -1 "$work/time")"
        sed 's/^/    /' "$work/err"
        failed=1
    fi
}
r="$work/report.ron"
echo "report: $n initiatives ($(($(stat -c %s "$r") / 1048576)) MB of RON), $bin"
run "xlsx" "$bin" export "$r" -o "$work/r.xlsx"
for e in utf-8 cp932 utf-16; do
    run "tsv $e" "$bin" export "$r" -o "$work/r-$e.tsv" --encoding "$e"
done
run "csv" "$bin" export "$r" -o "$work/r.csv"
run "html" "$bin" export "$r" -o "$work/r.html"
run "print (A3, tagged)" "$bin" print "$r" -o "$work/r.pdf"
# The tables read back whole.
[ "${READ_BACK:-1}" = 0 ] && exit $failed
for e in utf-8 cp932 utf-16; do
    got=$("$bin" check "$work/r-$e.tsv" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["initiatives"])')
    if [ "$got" = "$n" ]; then
        echo "tsv $e reads back: $got initiatives"
    else
        echo "FAIL: tsv $e reads back $got initiatives, not $n"
        failed=1
    fi
done
exit $failed
