"""For the tests of texts in the reader's language (the `language` fixture of conftest.py):
the English words that must not reach a Danish or Swedish reader."""

from __future__ import annotations

import re

# Words of the English sentences these messages were written in; none is Danish or Swedish.
ENGLISH = re.compile(r"\b(the|and|or|of|is|are|has|none|missing|column|row|item|section|"
                     r"choice|cannot|because|added|already|there|save|changed)\b",
                     re.IGNORECASE)


def english_in(text: str) -> list[str]:
    """The English words in `text` (empty when there are none)."""
    return ENGLISH.findall(text)
