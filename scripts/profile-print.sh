#!/bin/sh
# Where a large print's time goes: records `shinchoku print` of a generated report with perf
# and sums the samples by the crate (or library) each function belongs to, per thread role:
# the main thread draws the pages and writes the file, krilla's rayon threads compress them.
# Usage: scripts/profile-print.sh [INITIATIVES]   (default 1000)
# Needs a release build (cargo build --release) and perf (apt-get install linux-perf).
set -eu
n=${1:-1000}
. "$(dirname "$0")/generated-report.sh"
perf record -q -F 2000 -o "$work/perf.data" "$bin" print "$work/report.ron" -o "$work/r.pdf" \
    >/dev/null 2>&1
perf report -i "$work/perf.data" --no-children -s pid,dso,sym --stdio 2>/dev/null |
    awk '
    /^ +[0-9.]+%/ {
        share = $1; sub("%", "", share)
        split($2, p, ":"); pid = p[1]
        sym = ""; for (k = 5; k <= NF; k++) sym = sym " " $k
        if (sym ~ /zlib_rs|flate2|miniz/) what = "deflate (zlib-rs)"
        else if (sym ~ /krilla::|tiny_skia|siphasher|skrifa/) what = "krilla (content, fonts, resources)"
        else if (sym ~ /pdf_writer::/) what = "pdf-writer"
        else if (sym ~ /ryu::|itoa::/) what = "number formatting (ryu, itoa)"
        else if (sym ~ /shinchoku::/) what = "shinchoku (layout, drawing calls, load)"
        else if (sym ~ /ttf_parser|subsetter|skrifa|rustybuzz/) what = "fonts (subsetting, cmap)"
        else if (sym ~ /malloc|free|memmove|memcpy|memset|realloc|_int_/) what = "allocation and copying"
        else if ($3 ~ /kernel/) what = "kernel (page faults, file write)"
        else what = "std (hashing, formatting, collections; called by the above)"
        by[pid "\t" what] += share; total[pid] += share
    }
    END {
        # The thread with the most samples first: the main thread, in practice.
        for (k in by) { split(k, p, "\t"); printf "%s\t%6.1f %%\t%s\n", p[1], by[k], p[2] }
    }' | sort -t "$(printf '\t')" -k1,1 -k2,2nr > "$work/by"
awk -F '\t' '{ t[$1] += $2 } END { for (p in t) printf "%s\t%.1f\n", p, t[p] }' "$work/by" |
    sort -t "$(printf '\t')" -k2,2nr > "$work/threads"
printf 'print of %s initiatives: share of all samples, by thread and by what runs\n' "$n"
first=1
while IFS="$(printf '\t')" read -r pid share; do
    if [ "$first" = 1 ]; then role="main thread"; first=0; else role="worker thread"; fi
    printf '%s (%s %%)\n' "$role" "$share"
    awk -F '\t' -v pid="$pid" '$1 == pid && $2 + 0 >= 0.5 { printf "  %s  %s\n", $2, $3 }' "$work/by"
done < "$work/threads"
