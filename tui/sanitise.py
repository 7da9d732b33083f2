"""Make text from a file safe to show in a terminal, one character for one character.

Every control character except newline and tab (C0 and C1 controls, DEL) becomes its visible
Unicode "control picture" (ESC -> ``␛``, NUL -> ``␀``), and bidirectional overrides, embeddings
and isolates (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C) become ``⍰``. The
replacement has the same length, so offsets into the text stay valid. The analysis keeps the
real text (the JSON report escapes it); only what reaches a screen or a text report is
sanitised. Markup is never parsed anywhere: widgets get ``Text``/``Content`` objects.
"""
from __future__ import annotations

import re

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
PLACEHOLDER = "⍰"

_TABLE = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_TABLE[0x7F] = "␡"
for _c in range(0x80, 0xA0):
    _TABLE[_c] = PLACEHOLDER
for _ch in BIDI:
    _TABLE[ord(_ch)] = PLACEHOLDER

_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI + "]")


def sanitise(text: str) -> str:
    """The same text with every unsafe character replaced by a visible placeholder."""
    if not _UNSAFE_RE.search(text):
        return text
    return text.translate(_TABLE)


def count_unsafe(text: str) -> int:
    return len(_UNSAFE_RE.findall(text))


def one_line(text: str, width: int | None = None) -> str:
    """Sanitised, with white space folded to single spaces; shortened with … to ``width``."""
    s = " ".join(sanitise(text).replace("\t", " ").split())
    if width is not None and len(s) > width:
        s = s[: max(0, width - 1)].rstrip() + "…"
    return s
