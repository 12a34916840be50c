"""How a dimension's name is laid out in a narrow heatmap column: turned on its side, wrapped
onto as few lines as the column's width holds, and broken only between words (a long Danish
compound like "Udviklingsmuligheder" stays whole; the header grows taller instead)."""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str], int]  # the pixel width of a text (QFontMetrics.horizontalAdvance)


def wrap_words(text: str, width_of: Measure, length: int) -> list[str]:
    """Greedy word wrap into lines of at most `length` pixels; a word longer than that gets a
    line of its own rather than being cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and width_of(f"{lines[-1]} {word}") <= length:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fit_lines(text: str, width_of: Measure, max_lines: int) -> tuple[list[str], int]:
    """The shortest line length (pixels) at which `text` wraps onto at most `max_lines` lines
    without breaking a word, and those lines. With `max_lines` of 1 the text is one line."""
    words = text.split()
    if not words:
        return [], 0
    whole = width_of(" ".join(words))
    length = max(width_of(word) for word in words)
    while length < whole:
        lines = wrap_words(text, width_of, length)
        if len(lines) <= max(1, max_lines):
            return lines, max(width_of(line) for line in lines)
        length += 4
    return [" ".join(words)], whole


VOWELS = frozenset("aeiouyæøåäöéü")
MIN_PIECE = 3  # letters on either side of a break


def hyphenate(word: str, width_of: Measure, length: int) -> list[str]:
    """`word` broken into pieces of at most `length` pixels, each but the last ending in "-",
    for a heading too narrow for it. Each break is the last that fits with at least MIN_PIECE
    letters either side, preferably between two consonants, which is where Danish and Swedish
    break a word most often ("arbejdsplad-sen"). Whole when it fits or is too short to break."""
    pieces: list[str] = []
    rest = word
    while width_of(rest) > length and len(rest) >= 2 * MIN_PIECE:
        fitting = [cut for cut in range(MIN_PIECE, len(rest) - MIN_PIECE + 1)
                   if width_of(rest[:cut] + "-") <= length]
        if not fitting:
            break
        between = [cut for cut in fitting if rest[cut - 1].isalpha() and rest[cut].isalpha()
                   and rest[cut - 1].lower() not in VOWELS and rest[cut].lower() not in VOWELS]
        cut = max(between or fitting)
        pieces.append(rest[:cut] + "-")
        rest = rest[cut:]
    return [*pieces, rest]
