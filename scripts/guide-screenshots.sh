#!/usr/bin/env bash
# Takes the user guide's pictures (docs/images/*.png) from the real window: the program under
# Xvfb (1366×768, an office laptop's screen), driven by xdotool clicks, shot with ImageMagick's
# `import`, made small with pngquant/optipng. Run it after a change to what the window shows
# and commit the PNGs; the guide (docs/guide-ja.html, docs/guide-division-ja.html) uses them.
#
#   scripts/guide-screenshots.sh [BINARY]     (default: target/release/shinchoku, else a debug build)
#
# Needs: xvfb, xdotool, imagemagick, and pngquant or optipng if they are there (Debian packages;
# installed with apt-get when missing). The clicks are at the menu items' places in a 1366×768
# window with the bundled font: a menu that gains or loses an item above the one clicked needs
# its y here changed (each shot is looked at before it is committed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
need=()
for tool in Xvfb:xvfb xdotool:xdotool import:imagemagick; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" pngquant optipng
fi
bin=${1:-}
if [ -z "$bin" ]; then
  if [ -x target/release/shinchoku ]; then bin=target/release/shinchoku; else
    cargo build --bin shinchoku; bin=target/debug/shinchoku; fi
fi
bin=$(realpath "$bin")
out="$root/docs/images"
mkdir -p "$out"
work=$(mktemp -d)
display=:$((60 + RANDOM % 30))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display
# A fresh user: no remembered prefs, recent files or recovery copies; no viewer started.
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export SHINCHOKU_NO_VIEWER=1
mkdir -p "$HOME"
sleep 1

start() { # start the window on the files given, wait for it to draw
  "$bin" "$@" >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 100); do
    xdotool search --name "進捗" >/dev/null 2>&1 && break
    sleep 0.2
  done
  sleep 3
}
stop() { # the window still running is the sign each shot was taken from it
  kill "$app" 2>/dev/null || { echo "the window had ended; it said:" >&2; cat "$work/app.log" >&2; exit 1; }
  wait "$app" 2>/dev/null || true; app=""
}
click() { xdotool mousemove "$1" "$2"; sleep 0.4; xdotool click 1; sleep 1; }
# A click on the status bar closes an open menu (egui takes no Escape for its menus).
close_menu() { click 1200 756; }
shot() { # shot NAME [WxH+X+Y]
  local file="$out/$1.png"
  # A pointer move draws another frame: a window egui opened shows from its second frame.
  xdotool mousemove_relative 1 1; sleep 0.5; xdotool mousemove_relative -- -1 -1; sleep 1
  if [ -n "${2:-}" ]; then import -window root -crop "$2" +repage "$file"; else import -window root "$file"; fi
  if command -v pngquant >/dev/null; then pngquant --force --skip-if-larger --quality 70-95 --output "$file" "$file" || true; fi
  if command -v optipng >/dev/null; then optipng -quiet -o2 "$file"; fi
  echo "$file: $(stat -c %s "$file") bytes"
}

# Menu bar and items (x, y) in the 1366×768 window.
FILE_MENU="33 12"; HELP_MENU="162 12"
STATUS_ITEM="43 341"; PREVIEW_ITEM="60 373"

# The sample, an actual result selected: the grid and the detail panel.
start
shot window
click 200 404
shot detail
click $FILE_MENU
shot file-menu 560x520+0+0
close_menu
click $HELP_MENU
shot help-menu 360x120+0+0
close_menu
click $FILE_MENU
click $PREVIEW_ITEM
shot preview
stop

# The survey: a master with the survey sent, its 提出状況, and a division's response.
"$bin" sample -o "$work/master.ron" >/dev/null
"$bin" survey "$work/master.ron" -o "$work/照会" --due 2017-10-13 --today 2017-10-02 \
  --note "10月13日までに回答願います" >/dev/null
start "$work/master.ron"
click $FILE_MENU
click $STATUS_ITEM
shot status
stop
start "$work/照会/総務部行財政改革推進課.ron"
shot response
stop
# A report with numbers: the office's indicators, effects and ratings beside the grid (typed
# through the core's intents by examples/measure_answers.rs, as the window types them).
numbers=$root/target/debug/examples/measure_answers
[ -x "$numbers" ] || cargo build --example measure_answers
"$bin" import "$root/tests/fixtures/mie-h29-h1-report.tsv" -o "$work/numbers.ron" >/dev/null 2>&1
"$numbers" "$work/numbers.ron" --scale 'S=特に良好に進捗,A=良好に進捗,B=概ね進捗,C=進捗に課題あり' \
  --unit 百万円 \
  --indicator 2 協創提案件数 件 --target 2 協創提案件数 120 --actual 2 協創提案件数 132 \
  --plan 2 1,250 --effect 2 1310.2 --self 2 S --review 2 A \
  --indicator 3 現場体験研修の受講者数 人 --target 3 現場体験研修の受講者数 300 \
  --actual 3 現場体験研修の受講者数 285 --plan 3 80.5 --effect 3 △3.5 --self 3 B --review 3 C
start "$work/numbers.ron"
click 1346 62 # the detail panel folded (its ▶), so the numbers' columns fit beside the grid
shot numbers 1366x560+0+0
stop
cp "$work/照会/総務部行財政改革推進課.xlsx" "$work/response.xlsx"
# The Excel response as the division sees it, through LibreOffice when it is installed.
if command -v soffice >/dev/null; then
  (cd "$work" && soffice --headless --convert-to pdf response.xlsx >/dev/null 2>&1) || true
  if [ -f "$work/response.pdf" ] && command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 70 -f 1 -l 1 "$work/response.pdf" "$work/workbook"
    convert "$work"/workbook-*1.png -trim +repage "$out/workbook.png" 2>/dev/null \
      || cp "$work"/workbook-*1.png "$out/workbook.png"
    if command -v pngquant >/dev/null; then pngquant --force --skip-if-larger --quality 70-95 --output "$out/workbook.png" "$out/workbook.png" || true; fi
    echo "$out/workbook.png: $(stat -c %s "$out/workbook.png") bytes"
  fi
fi
