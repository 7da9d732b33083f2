"""A name for every source: the one function that names an article everywhere.

In order: ``story.yaml``; the file's own metadata (a web page's ``og:site_name`` or publisher,
a JSON ``source``, Markdown front matter, a ``Source:`` line); a credit in the text (a dateline
``KYIV (Reuters) —``, ``Associated Press (AP) reported``, ``he told RFE/RL``); then a readable
form of the file name (``washington-times.txt`` → "The Washington Times", an outlet the
gazetteer knows by its own spelling: ``cnn-2.txt`` → "CNN"; ``02_local.md`` → "Local"). A file
name that looks like a hash or an id (``001_f880f0403dd55d01.txt``) is never shown as a source:
the article is "Source 2", and the inspector names the file.
"""
from __future__ import annotations

import re

from .lexicon import lexicon

_HASHLIKE = re.compile(r"^(?:[\W_\d]*[0-9a-f]{8,}[\W_\d]*|[\W_\d]+|[0-9a-f]{8}-[0-9a-f-]{20,})$", re.I)
_CREDIT = re.compile(
    r"\b(?P<o>[A-Z][\w.&’'/-]*(?:\s+[A-Z][\w.&’'/-]*){0,4})(?:\s+\([A-Z]{2,6}\))?\s+"
    r"(?:reported|reports|has reported|said in a report)\b"
)
_TOLD = re.compile(r"\b(?:told|said in an interview with|speaking to|in an interview with)\s+(?:the\s+)?"
                   r"(?P<o>[A-Z][\w/&.\- ]{1,40})")
MAX_NAME_WORDS = 4


def outlet(name: str) -> str | None:
    """The gazetteer's name for an outlet written ``name`` (any case), or None."""
    lex = lexicon()
    hit = lex.surfaces.get(name) or lex.surfaces.get(name.title()) or _outlets_folded().get(name.casefold())
    return hit[0].name if hit and hit[0].kind == "outlet" else None


def _outlets_folded() -> dict:
    lex = lexicon()
    cache = getattr(_outlets_folded, "cache", None)
    if cache is None:
        cache = {s.casefold(): v for s, v in lex.surfaces.items() if v[0].kind == "outlet"}
        _outlets_folded.cache = cache  # type: ignore[attr-defined]
    return cache


def credit_in_text(text: str, body_start: int) -> str | None:
    """An outlet the article credits near its start: ``X (AP) reported``, ``told RFE/RL``."""
    head = text[body_start:body_start + 1500]
    for rx in (_CREDIT, _TOLD):
        found = set()
        for m in rx.finditer(head if rx is _CREDIT else text):
            words = m.group("o").split()
            for n in range(min(len(words), 5), 0, -1):
                name = outlet(" ".join(words[:n]).rstrip(".,")) if rx is _TOLD else outlet(" ".join(words[-n:]))
                if name:
                    found.add(name)
                    break
        if len(found) == 1:
            return found.pop()
    return None


def from_file_name(stem: str) -> str | None:
    """A readable source name from a file name, or None when it looks like a hash or an id.

    ``washington-times`` → "The Washington Times" (the gazetteer's spelling), ``the-hill`` →
    "The Hill", ``cnn-2`` → "CNN"; a long slug names its outlet in its first part
    (``outlet_2016-05-19_headline-words``), or nothing."""
    stem = re.sub(r"[-_ ]\d{1,2}$", "", stem.strip())  # "cnn-2": a second article of one outlet
    stem = re.sub(r"^\d{1,4}[-_ ]+(?=\D)", "", stem)  # "02_local": a number that orders the files
    if not stem or _HASHLIKE.match(stem):
        return None
    for part in dict.fromkeys((stem, stem.split("_")[0])):
        name = _readable(part)
        if name:
            return name
    return None


def _readable(part: str) -> str | None:
    words = [w for w in re.split(r"[-_\s.]+", part) if w]
    if words and words[-1].lower() in ("com", "org", "net") and len(words) >= 2:
        words[-2:] = [f"{words[-2]}.{words[-1].lower()}"]  # "nbcnews-com": a site's name
    if not words or any(_HASHLIKE.match(w) for w in words):
        return None
    for n in range(min(len(words), MAX_NAME_WORDS), 0, -1):  # an outlet the gazetteer knows
        known = outlet(" ".join(words[:n]))
        if known:
            return known
    if len(words) > MAX_NAME_WORDS:
        return None  # a slug or a headline, not a name
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words)


def source_name(given: str | None, credit: str | None, stem: str, position: int) -> str:
    """The name every view shows for an article: the source given or credited, a readable file
    name, else "Source N" (N its position in the story)."""
    return given or credit or from_file_name(stem) or f"Source {position}"
