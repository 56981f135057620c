#!/usr/bin/env bash
# Builds the Debian package: target/debian/shinchoku_VERSION_ARCH.deb.
#
#   scripts/build-deb.sh                 # cargo build --profile dist --locked, then package it
#   scripts/build-deb.sh --binary PATH   # package a binary built already (same version)
#
# Needs dpkg-deb (Debian's dpkg) and a Rust toolchain (unless --binary). What goes where:
#   /usr/bin/shinchoku                              the program (dist profile: stripped)
#   /usr/share/applications/shinchoku.desktop      the menu entry, Japanese and English
#   /usr/share/mime/packages/shinchoku.xml         the .ron report type
#   /usr/share/icons/hicolor/*/apps/shinchoku.*    the icon, 16–512 px and SVG
#   /usr/share/shinchoku/guide/                    the 操作説明書 ヘルプ opens (src/app/help.rs)
#   /usr/share/doc/shinchoku/                      copyright, the font's OFL, README
# Runtime dependencies are in packaging/linux/control.in: the libraries the window loads at
# run time (src/app/launch.rs lists them), which dpkg-shlibdeps cannot see, and libc6 at the
# newest GLIBC symbol version the binary uses.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=""
if [ "${1:-}" = "--binary" ]; then binary=$2; fi
if [ -z "$binary" ]; then
  cargo build --profile dist --locked --bin shinchoku
  binary=target/dist/shinchoku
fi
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
built=$("$binary" --version)
[ "$built" = "shinchoku $version" ] || { echo "$binary says '$built', Cargo.toml $version" >&2; exit 1; }
arch=$(dpkg --print-architecture)
glibc=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)

stage=target/debian/shinchoku_${version}_${arch}
rm -rf "$stage"
install -Dm755 "$binary" "$stage/usr/bin/shinchoku"
install -Dm644 packaging/linux/shinchoku.desktop "$stage/usr/share/applications/shinchoku.desktop"
install -Dm644 packaging/linux/shinchoku.xml "$stage/usr/share/mime/packages/shinchoku.xml"
for png in assets/icon/*x*.png; do
  size=$(basename "$png" .png)
  install -Dm644 "$png" "$stage/usr/share/icons/hicolor/$size/apps/shinchoku.png"
done
install -Dm644 assets/icon/shinchoku.svg "$stage/usr/share/icons/hicolor/scalable/apps/shinchoku.svg"
install -Dm644 docs/guide-ja.html "$stage/usr/share/shinchoku/guide/guide-ja.html"
install -Dm644 docs/guide-division-ja.html "$stage/usr/share/shinchoku/guide/guide-division-ja.html"
for png in docs/images/*.png; do
  install -Dm644 "$png" "$stage/usr/share/shinchoku/guide/images/$(basename "$png")"
done
install -Dm644 packaging/linux/copyright "$stage/usr/share/doc/shinchoku/copyright"
install -Dm644 assets/fonts/OFL.txt "$stage/usr/share/doc/shinchoku/OFL.txt"
install -Dm644 README.md "$stage/usr/share/doc/shinchoku/README.md"

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
mkdir -p "$stage/DEBIAN"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" -e "s/@GLIBC@/$glibc/" \
  packaging/linux/control.in > "$stage/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz --build "$stage" "target/debian/shinchoku_${version}_${arch}.deb"
ls -l "target/debian/shinchoku_${version}_${arch}.deb"
sha256sum "target/debian/shinchoku_${version}_${arch}.deb"
