#!/bin/sh
# Make a compressed disk image with APV Desktop.app and a link to /Applications (drag to install).
#   sh installer/macos/make_dmg.sh "dist/APV Desktop.app" dist/apv-desktop-X.Y.Z-macos.dmg
# Sign the .app BEFORE this (see docs/installing.md); notarise and staple the .dmg after it.
set -eu

app=$1
image=$2
[ -d "$app" ] || { echo "no app bundle at $app" >&2; exit 2; }

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$image"
hdiutil create -volname "APV Desktop" -srcfolder "$staging" -fs HFS+ -format UDZO \
    -imagekey zlib-level=9 "$image"
echo "wrote $image"
