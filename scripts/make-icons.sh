#!/usr/bin/env bash
# Renders the project's icon (assets/icon/shinchoku.svg, and shinchoku-small.svg for 16–32 px)
# to the PNG sizes desktops use (assets/icon/NxN.png: the .deb installs them under
# /usr/share/icons/hicolor) and to assets/icon/shinchoku.ico for the Windows .exe and installer.
# Run it after changing an SVG and commit what it writes. Needs rsvg-convert (Debian:
# librsvg2-bin), optipng if installed, and python3.
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
command -v rsvg-convert >/dev/null || { echo "needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }

for size in 16 24 32 48 64 128 256 512; do
  source=shinchoku.svg
  [ "$size" -le 32 ] && source=shinchoku-small.svg
  rsvg-convert -w "$size" -h "$size" "$source" -o "${size}x${size}.png"
  if command -v optipng >/dev/null; then optipng -quiet -o5 "${size}x${size}.png"; fi
done

# An .ico holding PNG images (Windows Vista and later read them), the sizes Explorer and the
# taskbar ask for.
python3 - <<'PY'
import struct
sizes = [16, 24, 32, 48, 64, 128, 256]
images = [open(f"{s}x{s}.png", "rb").read() for s in sizes]
header = struct.pack("<HHH", 0, 1, len(sizes))
offset = 6 + 16 * len(sizes)
entries = b""
for s, data in zip(sizes, images):
    # Width and height 0 stand for 256.
    entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open("shinchoku.ico", "wb").write(header + entries + b"".join(images))
PY
ls -l ./*.png shinchoku.ico
