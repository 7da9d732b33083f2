"""Repair what scraping does to text: mojibake, and link clutter glued into sentences.

- **Mojibake** (``Ã¢â‚¬â„¢`` for ``’``, ``Ã©`` for ``é``: UTF-8 read as Windows-1252, once or
  twice) is repaired with ftfy, the standard library for it, told to change nothing else
  (quote marks, ligatures, widths, HTML entities, control characters all stay for the later
  steps). It runs only on text ftfy judges bad, so clean text costs a quick check.
- **Link clutter**: a scraped "hover card" of a name — the name again, glued to the first
  headline of a list of related links, ending in ``MORE`` — inside a sentence
  (``…,” Ana Lind Ana LindPort strike: talks resume | Ferries … MORE, the harbour master, said``).
  The card is recognised by its shape only: a name that repeats the one before it, glued without
  a space to a capitalised word, and a ``MORE`` within a few hundred characters.
"""
from __future__ import annotations

import re

_MORE = re.compile(r"\bMORE\b")
_GLUED = re.compile(r"\b[A-Z][a-z]{2,}(?=[A-Z][a-z])")  # "Lind" in "LindPort"
_NAME_WORD = re.compile(r"[A-Z][\w.'’-]*\s+$")
CARD_REACH = 900  # characters a hover card's headlines may run


def repair_mojibake(text: str) -> tuple[str, int]:
    """The text with mis-decoded characters repaired, and how many characters were replaced."""
    import ftfy
    from ftfy import badness

    if not badness.is_bad(text):
        return text, 0
    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False,
    )
    lines = text.split("\n")
    count = 0
    for k, line in enumerate(lines):
        fixed = ftfy.fix_text(line, config)
        if fixed != line:
            count += _changed(line, fixed)
            lines[k] = fixed
    return "\n".join(lines), count


def _changed(a: str, b: str) -> int:
    """Characters of ``a`` that differ from ``b`` once their common start and end are set aside."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    return len(a) - i - j


def strip_link_clutter(line: str) -> tuple[str, int]:
    """The line without hover cards of related links, and how many were removed."""
    removed = 0
    while True:
        cut = _card(line)
        if cut is None:
            return line, removed
        a, b = cut
        line = line[:a].rstrip() + line[b:]
        removed += 1


def _card(line: str) -> tuple[int, int] | None:
    """The span of the first hover card in the line: from the repeated name to ``MORE``."""
    for more in _MORE.finditer(line):
        for glued in _GLUED.finditer(line, max(0, more.start() - CARD_REACH), more.start()):
            last = glued.group()
            start = glued.start()
            for _ in range(4):  # the card's name: the glued surname and up to three words before
                if re.search(rf"\b{re.escape(last)}\W*\s$", line[max(0, start - 80):start]):
                    return start, more.end()
                word = _NAME_WORD.search(line, max(0, start - 40), start)
                if word is None:
                    break
                start = word.start()
    return None
