"""Render the hand-drawn app icon (resources/icons/apv-desktop.svg) to the files platforms want.

PNGs at the usual sizes (the program builds its window icon from them, so the running app needs
no SVG module), a Windows .ico and a macOS .icns. Run it after editing the SVG and commit the
output:  python installer/make_icons.py
Needs PySide6 (QtSvg renders the SVG) and Pillow (writes .ico and .icns); both are in the dev venv.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "apv-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return ICONS / f"apv-desktop-{size}.png"


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    written = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size))):
            raise SystemExit(f"could not write {png_path(size)}")
        written.append(png_path(size))
    return written


def write_ico_and_icns() -> list[Path]:
    from PIL import Image

    largest = Image.open(png_path(max(PNG_SIZES))).convert("RGBA")
    ico = ICONS / "apv-desktop.ico"
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    icns = ICONS / "apv-desktop.icns"
    # Pillow builds every size of the .icns from the image it is given (and appended images).
    extra = [Image.open(png_path(s)).convert("RGBA") for s in ICNS_SIZES if s != max(PNG_SIZES)]
    largest.save(icns, format="ICNS", append_images=extra)
    return [ico, icns]


def main() -> int:
    written = render_pngs() + write_ico_and_icns()
    for path in written:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
