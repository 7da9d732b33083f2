"""Small text helpers shared by the analysis steps: tokens and sentences with offsets."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon

# Abbreviations like U.S. or U.K. first, then words (letters and digits, joined by inner
# hyphens or apostrophes that are not a possessive), then a possessive 's, then one character.
_TOKEN_RE = re.compile(
    r"(?P<abbr>(?:[A-Z]\.){2,})"
    r"|(?P<word>[^\W_]+(?:[-‐‑][^\W_]+)*(?:['’](?![sS]\b)[^\W_]+)*)"
    r"|(?P<poss>['’][sS]\b)"
    r"|(?P<punct>[^\s])"
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # abbr | word | poss | punct

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "abbr")

    @property
    def is_cap(self) -> bool:
        return self.is_word and self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN_RE.finditer(text, start, end):
        out.append(Token(m.group(), m.start(), m.end(), m.lastgroup or "punct"))
    return out


def fold(text: str) -> str:
    """Case- and compatibility-folded text for comparisons."""
    return unicodedata.normalize("NFKC", text).casefold().replace("’", "'")


_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def words(text: str) -> list[str]:
    """Lowercase word tokens (what a reader would count as words)."""
    return _WORD_RE.findall(fold(text))


_OPENERS = "\"“‘'«„‚([{"
_CLOSERS = "\"”’'»)]}"
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+)")


def sentence_spans(
    text: str,
    start: int,
    end: int,
    inside=None,
    is_verb=None,
) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentence spans.

    A boundary is sentence punctuation (with any closing quote marks) followed by white space
    and a capital, a digit or an opening mark. Not after an abbreviation or an initial, and
    not inside a quotation (``inside`` tells where quotes are): a quote that ends with ``?`` or
    ``!`` and is followed by a lowercase word or a name + verb continues its sentence.
    """
    spans = []
    s = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        p = m.end()
        q = p
        while q < end and text[q].isspace():
            q += 1
        if q >= end:
            break
        nxt = text[q]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        punct_at = m.start()
        # abbreviation or initial before the period
        if text[punct_at] == ".":
            w = re.search(r"([^\W\d_][\w.]*)$", text[max(start, punct_at - 12):punct_at])
            if w:
                token = w.group(1).lower().rstrip(".")
                if token in lexicon().abbreviations or (len(token) == 1 and token.isalpha()):
                    continue
                # "U.S. officials" continues; "the U.S. The next" rarely happens
                if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token) and not text[q:q + 4].startswith(
                        ("The ", "He ", "She ", "It ", "They ")):
                    continue
        if inside is not None:
            i = inside.find(punct_at)
            if i is not None:
                q_end = inside.spans[i][1]
                if text[punct_at:q_end].strip(".!?…") or q_end > p:
                    continue  # a sentence inside a quotation, not the end of ours
                if text[punct_at] in "?!" and _frame_follows(text, q, end, is_verb):
                    continue  # "Why?" Rutte said.
        spans.append((s, p))
        s = q
    if s < end:
        spans.append((s, end))
    return spans


def _frame_follows(text: str, pos: int, end: int, is_verb) -> bool:
    """After a quote: a lowercase word, or up to three capitalised words and a verb."""
    toks = [t for t in tokenize(text, pos, min(end, pos + 80)) if t.is_word][:4]
    if not toks:
        return False
    if toks[0].text[:1].islower():
        return True
    if is_verb is None:
        return False
    for t in toks[1:]:
        if is_verb(t.text):
            return True
        if not t.is_cap:
            return False
    return False


SHORT_WORDS = 4  # a quote of this many words or fewer is a term or a fragment
_SPACES = re.compile(r"\s+")


def is_short(text: str) -> bool:
    """A short quote: a term or a fragment of a few words (the one definition of it)."""
    return len(_SPACES.split(text.strip())) <= SHORT_WORDS


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A light English stemmer: enough to match warn/warned/warning, troop/troops."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl, min_len in (
        ("ational", "ate", 8), ("ization", "ize", 8), ("isation", "ize", 8), ("iveness", "ive", 8),
        ("fulness", "ful", 8), ("ousness", "ous", 8), ("ements", "", 8), ("ement", "", 7),
        ("ments", "", 7), ("ment", "", 6), ("ities", "ity", 6), ("ingly", "", 6), ("edly", "", 6),
        ("ings", "", 6), ("ing", "", 5), ("ies", "y", 5), ("ied", "y", 5), ("ed", "", 4),
        ("es", "", 5), ("s", "", 4),
    ):
        if w.endswith(suffix) and len(w) >= min_len:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            w = w[: -len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # stopped -> stopp -> stop
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # deploye/serve -> serv
    return w
