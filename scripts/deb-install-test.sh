#!/usr/bin/env bash
# Installs the .deb the way a user meets it and looks at the window: a fresh Debian 12
# (bookworm, debootstrap's minbase: no Rust, no X, no Mesa) in a throw-away folder; the
# package copied in and installed with `apt-get install ./shinchoku_….deb`, which must pull
# every library the window needs (Recommends left out, so Depends alone are tested); then
# `shinchoku --version`, and the window started on the bundled sample under an Xvfb of the
# host (its socket shared into the root) and a screenshot taken. Before the install, the
# program alone is run in the bare root to show what it says when the X libraries are missing
# (exit 2).
#
#   sudo scripts/deb-install-test.sh target/debian/shinchoku_VERSION_amd64.deb [SCREENSHOT.png]
#
# Needs root (debootstrap, chroot, mount), debootstrap, Xvfb and ImageMagick's import on the
# host, and the Debian mirror. SHINCHOKU_BOOKWORM=DIR reuses a minbase root made before (it
# is copied, never changed). Look at the screenshot: it should show the grid of the sample.
set -euo pipefail
deb=$(realpath "$1")
shot=$(realpath -m "${2:-target/debian/install-test.png}")
[ "$(id -u)" = 0 ] || { echo "needs root (debootstrap, chroot)" >&2; exit 1; }
work=$(mktemp -d /tmp/shinchoku-deb-test.XXXXXX)
root=$work/root
display=:$((70 + RANDOM % 20))
xvfb=""
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  for m in tmp/.X11-unix dev/pts dev proc; do umount "$root/$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== a fresh Debian 12 (minbase)"
if [ -n "${SHINCHOKU_BOOKWORM:-}" ]; then
  cp -a "$SHINCHOKU_BOOKWORM" "$root"
else
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mkdir -p "$root/tmp/.X11-unix"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
if in_root sh -c 'command -v cargo rustc' >/dev/null; then echo "the root has Rust" >&2; exit 1; fi

echo "== the program alone, before its dependencies are installed"
mkdir -p "$root/opt/probe"
dpkg-deb -x "$deb" "$root/opt/probe"
set +e
in_root env DISPLAY="$display" /opt/probe/usr/bin/shinchoku 2>"$work/bare.txt"
code=$?
set -e
cat "$work/bare.txt"
echo "exit code $code"
[ "$code" = 2 ] || { echo "expected exit code 2 without the X libraries" >&2; exit 1; }
rm -rf "$root/opt/probe"

echo "== apt-get install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "/tmp/$(basename "$deb")" | tail -n 25
in_root shinchoku --version
in_root sh -c 'ls /usr/share/shinchoku/guide/ /usr/share/applications/shinchoku.desktop'

echo "== the window on the sample, under Xvfb $display"
# chroot and env exec the program: $! is the program itself, to stop it afterwards.
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 DISPLAY="$display" \
  XDG_RUNTIME_DIR=/tmp shinchoku >"$work/window.log" 2>&1 &
app=$!
sleep 15
if ! kill -0 "$app" 2>/dev/null; then
  echo "the window stopped:" >&2; cat "$work/window.log" >&2; exit 1
fi
import -display "$display" -window root "$shot"
echo "screenshot: $shot"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
cat "$work/window.log"
