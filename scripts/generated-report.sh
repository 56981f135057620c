# Sourced by the print scripts: the release binary, a scratch folder removed on exit, and in it
# a generated report of $n initiatives, $work/report.ron. SHINCHOKU names another binary.
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${SHINCHOKU:-${CARGO_TARGET_DIR:-$root/target}/release/shinchoku}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" sample -o "$work/report.ron" --initiatives "$n" >/dev/null
