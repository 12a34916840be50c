"""Reading a PDF back in tests without a PDF library: page sizes from the page objects, and the
text through Ghostscript's text device when Ghostscript is installed (else the test skips)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

A4_POINTS = (595, 842)
_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    """(width, height) in points of every page (Qt writes one MediaBox per page object)."""
    return [(round(float(w)), round(float(h))) for w, h in _MEDIA_BOX.findall(pdf.read_bytes())]


def pdf_text(pdf: Path) -> str:
    """The PDF's text, words separated by one space."""
    ghostscript = shutil.which("gs") or shutil.which("gswin64c")
    if ghostscript is None:
        pytest.skip("Ghostscript is not installed: the PDF's text cannot be read")
    done = subprocess.run([ghostscript, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER",
                           "-sDEVICE=txtwrite", "-sOutputFile=-", str(pdf)],
                          capture_output=True, check=True)
    # words come tab-separated and lines padded: one space between words, one line per line
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    return "\n".join(" ".join(line.split()) for line in lines)
