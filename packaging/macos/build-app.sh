#!/usr/bin/env bash
# Assembles target/macos/工学一体化申报助手.app and a .dmg from the release build. Runs on
# macOS only (iconutil, hdiutil); not built or tested on the Linux machines of this project.
set -euo pipefail
cd "$(dirname "$0")/../.."

cargo build --release
app="target/macos/工学一体化申报助手.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp target/release/yitihua "$app/Contents/MacOS/yitihua"
cp packaging/macos/Info.plist "$app/Contents/Info.plist"

iconset="target/macos/yitihua.iconset"
rm -rf "$iconset"
mkdir -p "$iconset"
for n in 16 32 128 256 512; do
    cp "assets/icons/hicolor/${n}x${n}/apps/yitihua.png" "$iconset/icon_${n}x${n}.png"
done
for n in 16 128 256; do
    double=$((n * 2))
    cp "assets/icons/hicolor/${double}x${double}/apps/yitihua.png" "$iconset/icon_${n}x${n}@2x.png"
done
cp assets/icons/hicolor/64x64/apps/yitihua.png "$iconset/icon_32x32@2x.png"
iconutil -c icns "$iconset" -o "$app/Contents/Resources/yitihua.icns"

hdiutil create -volname "工学一体化申报助手" -srcfolder "$app" -ov -format UDZO \
    target/macos/yitihua-macos.dmg
