#!/usr/bin/env bash
# Builds the Debian package target/debian/yitihua_<version>-1_<arch>.deb from the release
# binary with dpkg's own tools, and prints its path last. (cargo-deb did this before; compiling
# it on every fresh CI machine cost four minutes for what is a folder and a control file.)
# The files and the package fields are listed in packaging/linux/deb.conf.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=linux/deb.conf
source packaging/linux/deb.conf

cargo build --release --locked
version=$(cargo metadata --no-deps --format-version 1 --locked |
    sed -n 's/.*"name":"yitihua","version":"\([^"]*\)".*/\1/p')
arch=$(dpkg --print-architecture)
out=target/debian
mkdir -p "$out"
stage=$(mktemp -d "$out/stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
chmod 755 "$stage"

for asset in "${ASSETS[@]}"; do
    read -r from to mode <<<"$asset"
    case "$to" in
        */) to="$to$(basename "$from")" ;;
    esac
    install -D -m "$mode" "$from" "$stage/$to"
done
install -D -m 644 /dev/stdin "$stage/usr/share/doc/$PACKAGE/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: $PACKAGE
Files: *
Copyright: $COPYRIGHT
License: MIT
EOF

# The shared libraries the binary links, as versioned package names; winit loads the display
# libraries at run time, so those are named in deb.conf.
mkdir -p "$stage/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$PACKAGE" "$PACKAGE" >"$stage/debian/control"
# (It warns that the binary is not in an installed package's folder, which is the point here.)
shlibs=$(cd "$stage" && dpkg-shlibdeps -O "usr/bin/$PACKAGE" 2> >(grep -v "should already be installed" >&2) |
    sed -n 's/^shlibs:Depends=//p')
rm -r "$stage/debian"

mkdir -p "$stage/DEBIAN"
(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
cat >"$stage/DEBIAN/control" <<EOF
Package: $PACKAGE
Version: $version-1
Architecture: $arch
Maintainer: $MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $shlibs, $DEPENDS
Recommends: $RECOMMENDS
Section: $SECTION
Priority: optional
Description: $SUMMARY
$(fold -s -w 78 <<<"$DESCRIPTION" | sed 's/^/ /')
EOF

deb="$out/${PACKAGE}_$version-1_$arch.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"
