#!/bin/sh
# Install APV Desktop for the current user, without root: the program goes to
# ~/.local/opt/apv-desktop, a launcher to ~/.local/bin, and the menu entry, the .apv file type and
# the icons to ~/.local/share. Run it from the unpacked tarball:  ./install.sh
# Remove it again with:  ./install.sh --uninstall   (projects and preferences are kept: they live
# in your own folders and in ~/.local/share/APV Desktop, which this script never touches).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/apv-desktop
bin=$HOME/.local/bin
sizes="16 24 32 48 64 128 256 512"

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$target"
    rm -f "$bin/apv-desktop" "$data/applications/apv-desktop.desktop" \
        "$data/mime/packages/apv-desktop.xml"
    for size in $sizes; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/apv-desktop.png" \
            "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-apv-project.png"
    done
    refresh
    echo "APV Desktop is removed. Your projects and preferences are kept."
    exit 0
fi

# Copy next to the old version first, then swap, so a failed copy leaves the old one working.
mkdir -p "$(dirname "$target")"
rm -rf "$target.new"
mkdir "$target.new"
cp -R "$here/apv-desktop" "$here/_internal" "$target.new/"
rm -rf "$target"
mv "$target.new" "$target"

mkdir -p "$bin" "$data/applications" "$data/mime/packages"
ln -sf "$target/apv-desktop" "$bin/apv-desktop"
sed "s|^Exec=apv-desktop|Exec=\"$target/apv-desktop\"|" "$here/share/apv-desktop.desktop" \
    > "$data/applications/apv-desktop.desktop"
cp "$here/share/apv-desktop-mime.xml" "$data/mime/packages/apv-desktop.xml"
for size in $sizes; do
    for kind in apps mimetypes; do
        mkdir -p "$data/icons/hicolor/${size}x${size}/$kind"
    done
    cp "$here/share/icons/apv-desktop-$size.png" \
        "$data/icons/hicolor/${size}x${size}/apps/apv-desktop.png"
    cp "$here/share/icons/apv-desktop-$size.png" \
        "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-apv-project.png"
done
refresh
echo "APV Desktop is installed: find it in the menu, or run $bin/apv-desktop"
