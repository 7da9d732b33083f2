"""Make text from outside safe to show in a terminal, one character for one character.

This is the one sanitising boundary: everything that comes from outside the program — article
text, file names, metadata, ``story.yaml``, front matter, config and theme values, messages that
quote them — passes through :func:`sanitise` where it enters (the loader, the YAML reader, the
file lister), so no later stage ever holds a raw control character.

- every control character except newline and tab (C0 and C1 controls, DEL) becomes its visible
  Unicode "control picture" (ESC -> ``␛``, NUL -> ``␀``; C1 and DEL -> ``⍰``);
- bidirectional overrides, embeddings, isolates and marks (U+202A-U+202E, U+2066-U+2069,
  U+200E/U+200F, U+061C) become ``⍰``;
- lone surrogates (undecodable bytes of a file name) become ``�``, so no output stream can fail
  to encode them;
- a zero-width joiner or a variation selector right after an emoji becomes a space: terminals
  disagree on how wide such sequences draw, and a pane border must not move.

Each replacement is one character for one character, so offsets into the text stay valid.
Markup is never parsed anywhere: widgets get ``Text``/``Content`` objects.
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
for _c in range(0xD800, 0xE000):
    _TABLE[_c] = "\ufffd"

_EMOJI = "\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI + "\ud800-\udfff]")
_JOINER_RE = re.compile(f"(?<=[{_EMOJI}\u200d\ufe0e\ufe0f])[\u200d\ufe0e\ufe0f]")


def sanitise(text: str) -> str:
    """The same text with every unsafe character replaced by a visible placeholder."""
    if _UNSAFE_RE.search(text):
        text = text.translate(_TABLE)
    if "\u200d" in text or "\ufe0f" in text or "\ufe0e" in text:
        text = _JOINER_RE.sub(" ", text)
    return text


def count_unsafe(text: str) -> int:
    return len(_UNSAFE_RE.findall(text))


def one_line(text: str, width: int | None = None) -> str:
    """Sanitised, with white space folded to single spaces; shortened with … to ``width``.

    A cut falls between words when there is one in the last third, never inside a word."""
    s = " ".join(sanitise(text).replace("\t", " ").split())
    if width is not None and len(s) > width:
        cut = s[: max(0, width - 1)]
        space = cut.rfind(" ")
        if space >= (2 * len(cut)) // 3:
            cut = cut[:space]
        s = cut.rstrip(" ,;:") + "…"
    return s


def markup_escape(text: str) -> str:
    """For the few Textual APIs that parse markup (command palette titles): every ``[`` escaped.

    Call it last, after any cut, so that no half tag survives."""
    return text.replace("[", "\\[")
