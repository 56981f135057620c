#!/bin/sh
# The LibreOffice-made workbooks of tests/core/measures_layouts.rs: the test writes each
# published layout (福知山市, いわき市, 木津川市, 下野市, 群馬県, さいたま市) as a flat ODS, and
# LibreOffice converts it to tests/fixtures/layouts/<body>.xlsx.
#
#     scripts/layout-fixtures.sh
set -eu
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
SHINCHOKU_LAYOUT_DIR="$dir" cargo test --test core write_the_layouts_as_fods -- --ignored --quiet
soffice --headless --convert-to xlsx --outdir tests/fixtures/layouts "$dir"/*.fods
ls -l tests/fixtures/layouts
