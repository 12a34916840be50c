"""Is a CSV file's decoded text plausible Danish, Swedish or English, or was it decoded wrongly?

A file saved as Mac Roman, DOS (cp850) or UTF-7 is not refused by the decoders: its bytes read as
Windows-1252 (or as plain ASCII) and every 'æ', 'ø', 'å' turns into another character without a
word. The checks here find the traces such a wrong decoding leaves, so that the user is asked to
save the file as UTF-8 instead of importing garbled names.
"""

from __future__ import annotations

import re

# C0 controls other than tab and line breaks, and the C1 controls no text file holds.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# UTF-8 read as Windows-1252 ("Ã¦" for "æ"), and UTF-7 ("+AOY-" for "æ").
_MOJIBAKE = "[ÃÂ][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122]"
_UTF7 = r"\+A[I-P][A-Za-z0-9+/]+-"
# A quotation mark inside a word: cp850's 'æ' and 'ö' read as Windows-1252 ("B‘k", "S”der").
_QUOTE_IN_WORD = r"(?<=[^\W\d_])[‘“”„](?=[^\W\d_])"
_ALWAYS_WRONG = re.compile(f"[{_CONTROLS}]|{_MOJIBAKE}|{_UTF7}|{_QUOTE_IN_WORD}")
# The characters at which a match of _ALWAYS_WRONG can start. A search for one of them is a
# single scan (ten times faster than the alternatives above, whose look-behind is tried at
# every character); _ALWAYS_WRONG is then tried only where one is found.
_WRONG_STARTS = re.compile(f"[{_CONTROLS}ÃÂ+‘“”„]")

# What Windows-1252 text in these languages holds above ASCII: letters, and the punctuation and
# signs Excel users type. Anything else there (¾, ¿, Œ, †, ›, ®, ¯ …) is a wrong decoding.
_PLAUSIBLE_1252 = set(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ"
    "\u00a0–—‘’“”…€•«»°§½·´"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# The ASCII characters at which no match of _ALWAYS_WRONG can start; deleting them from an ASCII
# text (bytes.translate, a few ms for a 30 MB file) leaves nothing when the text is plausible.
_HARMLESS_ASCII = bytes(
    code for code in range(128) if not _WRONG_STARTS.match(chr(code))
)
_SLICE = 1 << 20


def implausible_at(text: str, from_windows_1252: bool) -> int | None:
    """The index of the first character that betrays a wrong decoding, or None.

    `from_windows_1252`: the text was decoded by the Windows-1252 fallback, so every character
    above ASCII must also be one that Danish, Swedish or English text uses."""
    if text.isascii() and not any(
        text[start : start + _SLICE].encode("ascii").translate(None, _HARMLESS_ASCII)
        for start in range(0, len(text), _SLICE)
    ):
        return None
    first = next((candidate.start() for candidate in _WRONG_STARTS.finditer(text)
                  if _ALWAYS_WRONG.match(text, candidate.start())), None)
    if from_windows_1252:
        for match in _NON_ASCII.finditer(text):
            if match.group() not in _PLAUSIBLE_1252:
                if first is None or match.start() < first:
                    first = match.start()
                break
    return first
