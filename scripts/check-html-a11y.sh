#!/usr/bin/env bash
# The web page export checked in a real browser: exports the seed report to HTML, loads it in
# headless Chromium (Debian's package) and runs axe-core with the WCAG 2 A and AA rules.
# Prints every violation and a summary line; exits non-zero if there is any violation (or the
# page asks for anything outside itself). Not part of .ci/run (its time is tight): CI checks
# the page's structure with an HTML parser (tests/html.rs).
#
#   scripts/check-html-a11y.sh [REPORT]     (default: the seed, tests/fixtures/…tsv)
#
# Installs what it needs: chromium (apt-get, as root) when /usr/bin/chromium is missing, and
# axe-core + playwright-core into scripts/a11y/node_modules (npm ci, from the lock file).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
report="${1:-$root/tests/fixtures/mie-h29-h1-report.tsv}"
chromium="${CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$chromium" ]; then
    echo "installing chromium…" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d "$root/scripts/a11y/node_modules/axe-core" ] ||
    [ ! -d "$root/scripts/a11y/node_modules/playwright-core" ]; then
    (cd "$root/scripts/a11y" && npm ci --no-audit --no-fund --loglevel=error)
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$root" && nice -n 10 cargo run --quiet --no-default-features -- \
    export "$report" -o "$out/report.html" >/dev/null)
node "$root/scripts/a11y/check.mjs" "$out/report.html" "$chromium"
