"""Find every direct quotation in an article: a scanner over quote marks.

News text mixes every convention, often in one file: straight ``"``, curly ``“ ”``, single
``‘ ’`` and ``'``, doubled ``''``, guillemets, mismatched pairs (``"legitimate'``), apostrophes
that are not quotes (``Kyiv’s``, ``don't``, ``allies'``) and quotes that run over paragraphs.

The scanner works in three steps:

1. **Marks.** Each run of adjacent quote characters is one *mark*. Its *families* say what it
   can pair with (``"“”„`` and a doubled ``''`` are double, ``'‘’`` single, ``«»`` guillemets);
   its *role* (open, close, either, apostrophe) comes from its neighbours, not from the glyph:
   a mark between letters is an apostrophe, space-then-letter opens, letter-then-space closes.
   The glyph's direction only breaks ties (a mark with space on both sides).
2. **Pairing,** one paragraph at a time, with an outer quote and at most one nested quote.
   A close of another family while a quote is open is remembered as a fallback: if the
   paragraph ends with the quote still open, the fallback closes it (``"legitimate' target``).
   A quote still open at the end of a paragraph continues when the next paragraph reopens it;
   a paragraph that opens with a mark and never closes is a quote to its end; any other
   unclosed mark is dropped. Nothing ever spans past a paragraph, so one stray mark cannot
   swallow the rest of an article.
3. **Filtering.** Quoted terms after a naming cue (``so-called "X"``, ``dubbed "X"``) are names,
   not anyone's words; quotes in section headings of the body are labels unless the heading
   has a reporting verb. Headline quotes stay.

Work is linear in the text; a quote longer than ``MAX_QUOTE_CHARS`` is dropped and counted.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .lexicon import lexicon
from .model import Article, Span
from .text import tokenize

DOUBLE = '"“”„‟〝〞＂'
SINGLE = "'‘’‚‛"
GUILLEMETS = "«»"
SINGLE_GUILLEMETS = "‹›"
MARK_CHARS = DOUBLE + SINGLE + GUILLEMETS + SINGLE_GUILLEMETS
OPENING_GLYPHS = "“„‘‚«‹〝"
CLOSING_GLYPHS = "”’»›〞"

MAX_QUOTE_CHARS = 6000  # longer "quotes" are almost always a lost closing mark

OPEN, CLOSE, EITHER, APOS = "open", "close", "either", "apos"

_MARK_RUN = re.compile(f"[{re.escape(MARK_CHARS)}]+")
_OPEN_LEFT = "([{<—–-/\u2014\u2013"


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    parts: tuple[tuple[str, int, int], ...]  # (family, start, end) per mark in the run
    role: str
    weak: bool = False  # a close that may be a plural possessive (allies')

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(p[0] for p in self.parts)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_at: int  # where the opening mark starts
    close_at: int  # one past the closing mark (== end when unclosed)
    flags: tuple[str, ...] = ()

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass
class ScanResult:
    quotes: list[QuoteSpan] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)  # reason -> count

    def drop(self, reason: str) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + 1


def _family(ch: str) -> str:
    if ch in DOUBLE:
        return "D"
    if ch in SINGLE:
        return "S"
    if ch in GUILLEMETS:
        return "G"
    return "g"


def _parts(text: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    parts = []
    i = start
    while i < end:
        ch = text[i]
        if ch in SINGLE and i + 1 < end and text[i + 1] in SINGLE:
            parts.append(("D", i, i + 2))  # '' is a double quote typed with two singles
            i += 2
            continue
        parts.append((_family(ch), i, i + 1))
        i += 1
    return tuple(parts)


def _side(ch: str) -> str:
    if ch.isspace() or ch in _OPEN_LEFT:
        return "space"
    if ch.isalnum():
        return "word"
    return "punct"


def classify(text: str, start: int, end: int) -> Mark:
    """Decide what a run of quote characters at ``text[start:end]`` does."""
    parts = _parts(text, start, end)
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    left, right = _side(before), _side(after)
    single_only = len(parts) == 1 and parts[0][0] == "S"
    glyph = text[start]
    weak = False
    if left == "word" and right == "word":
        if single_only:
            role = APOS  # Kyiv’s, don't
        elif glyph in OPENING_GLYPHS:
            role = OPEN
        elif text[end - 1] in CLOSING_GLYPHS:
            role = CLOSE
        else:
            role = EITHER
    elif left == "space" and right == "space":
        if glyph in OPENING_GLYPHS:
            role = OPEN
        elif glyph in CLOSING_GLYPHS:
            role = CLOSE
        else:
            role = EITHER
    elif left == "space":
        role = OPEN
        if single_only and re.match(r"\d\d(?:s\b|\b)", text[end:end + 3]):
            role = APOS  # the '90s
    elif left == "word":
        role = CLOSE
        weak = single_only and before in "sS"
    else:  # punctuation before
        role = OPEN if right == "word" else CLOSE
    return Mark(start, end, parts, role, weak)


def find_marks(text: str, start: int = 0, end: int | None = None) -> list[Mark]:
    end = len(text) if end is None else end
    return [classify(text, m.start(), m.end()) for m in _MARK_RUN.finditer(text, start, end)]


@dataclass
class _Open:
    index: int
    family: str
    pos: int  # first character after the opening mark


def _later_single_closes(marks: list[Mark]) -> list[bool]:
    """For each mark: does a strong single-quote close come later (before a single open)?"""
    out = [False] * len(marks)
    flag = False
    for i in range(len(marks) - 1, -1, -1):
        out[i] = flag
        m = marks[i]
        if "S" in m.families:
            if m.role == CLOSE and not m.weak:
                flag = True
            elif m.role == OPEN:
                flag = False
    return out


class _Paragraph:
    """Pairs the marks of one paragraph into quotes, appended to ``result``.

    At most one outer and one nested quote are open at a time. A close of another family
    while a quote is open is remembered as a *fallback*: if nothing better closes the quote,
    the fallback does (``"legitimate' target``)."""

    def __init__(self, marks: list[Mark], text: str, para: Span, result: ScanResult):
        self.marks, self.text, self.para, self.result = marks, text, para, result
        self.later_single_close = _later_single_closes(marks)
        self.budget = 8 * len(marks) + 16
        self.outer: _Open | None = None
        self.inner: _Open | None = None
        self.fallback: int | None = None

    def emit(self, outer: _Open, end: int, close_at: int, flags: tuple[str, ...]) -> None:
        text, s, e = self.text, outer.pos, end
        open_at = self.marks[outer.index].start if outer.index >= 0 else self.para[0]
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            self.result.drop("empty")
            return
        if e - s > MAX_QUOTE_CHARS:
            self.result.drop("too long")
            return
        if outer.index < 0:
            flags = (*flags, "continued")
        self.result.quotes.append(QuoteSpan(s, e, open_at, close_at, flags))

    def close_by_fallback(self) -> int:
        assert self.outer is not None and self.fallback is not None
        f = self.marks[self.fallback]
        self.emit(self.outer, f.start, f.end, ("mismatched",))
        return self.fallback + 1

    def on_open(self, j: int, m: Mark) -> int | None:
        """An opening mark; returns where to resume when it ends the quote before it."""
        fams = m.families
        if self.outer is None:
            self.outer = _Open(j, fams[0], m.parts[0][2])
            if len(fams) > 1 and fams[1] != fams[0]:
                self.inner = _Open(j, fams[1], m.parts[1][2])
        elif fams[0] != self.outer.family:
            if self.inner is None:
                self.inner = _Open(j, fams[0], m.parts[0][2])
        elif self.fallback is not None:
            # the open quote was closed by a mark of another family: close it there
            return self.close_by_fallback()
        else:
            self.result.drop("stray mark")  # the earlier opening mark was stray
            self.outer = _Open(j, fams[0], m.parts[0][2])
            self.inner = None
        return None

    def on_close(self, j: int, m: Mark) -> None:
        """A closing mark while a quote is open (a plural possessive inside a single-quoted
        quote is skipped)."""
        outer, fams = self.outer, m.families
        assert outer is not None
        if self.inner is not None and self.inner.family in fams:
            k = fams.index(self.inner.family)
            self.inner = None
            if outer.family in fams[k + 1:]:
                part = m.parts[fams.index(outer.family, k + 1)]
                self.emit(outer, part[1], m.end, ())
                self.outer = None
                self.fallback = None
        elif outer.family in fams:
            if outer.family == "S" and m.weak and self.later_single_close[j]:
                return  # a plural possessive inside a single-quoted quote
            # the whole run closes: stray marks in it are not part of the quote
            self.emit(outer, m.start, m.end, ())
            self.outer = self.inner = None
            self.fallback = None
        elif self.inner is None and self.fallback is None:
            self.fallback = j

    def run_from(self, i: int) -> int | None:
        """Pair from mark i until the quote opened there ends; where to resume, or None."""
        for j in range(i, len(self.marks)):
            self.budget -= 1
            if self.budget < 0:
                self.result.drop("scan budget")
                return None
            m = self.marks[j]
            role = m.role
            if role == APOS:
                continue
            if role == EITHER:
                open_fams = {o.family for o in (self.outer, self.inner) if o}
                role = CLOSE if open_fams & set(m.families) else OPEN
            if role == OPEN:
                resume = self.on_open(j, m)
                if resume is not None:
                    return resume
            elif self.outer is not None:
                self.on_close(j, m)
        return len(self.marks)

    def end_open_quote(self, next_opens: str | None, next_closes: str | None) -> tuple[int | None, str | None]:
        """The paragraph ended with a quote open: (where to resume, the family carried on)."""
        outer = self.outer
        assert outer is not None
        if self.fallback is not None:
            return self.close_by_fallback(), None
        end = self.para[1]
        if next_opens == outer.family:
            self.emit(outer, end, end, ("continued",))
        elif next_closes == outer.family:
            self.emit(outer, end, end, ("continued",))
            return None, outer.family
        elif outer.index >= 0 and self.marks[outer.index].start == self.para[0]:
            self.emit(outer, end, end, ("unclosed",))
        else:
            self.result.drop("unclosed")
        return None, None


def _pair(
    marks: list[Mark], text: str, para: Span, next_opens: str | None, result: ScanResult,
    carry: str | None = None, next_closes: str | None = None,
) -> str | None:
    """Pair the marks of one paragraph into quotes (appended to ``result``).

    ``carry`` is the family of a quote left open by the paragraph before, when this one
    closes it without reopening it (sloppy sources do that). Returns the family of a quote
    this paragraph leaves open for the next one, if the next one closes it."""
    p = _Paragraph(marks, text, para, result)
    i = 0
    first = True
    while i < len(marks):
        p.outer = _Open(-1, carry, para[0]) if first and carry else None
        first = False
        p.inner = None
        p.fallback = None
        resume = p.run_from(i)
        if resume is None:
            return None  # out of budget
        if resume < len(marks):  # a quote closed by a mark of another family: go on after it
            i = resume
            continue
        if p.outer is None:
            break
        resume, carried = p.end_open_quote(next_opens, next_closes)
        if carried is not None:
            return carried
        if resume is None:
            break
        i = resume
    return None


def scan(text: str, paragraphs: tuple[Span, ...] | list[Span] | None = None) -> ScanResult:
    """Every quotation in ``text`` as spans, in reading order (no filtering)."""
    if not paragraphs:
        paragraphs = [(0, len(text))]
    result = ScanResult()
    per_para = [find_marks(text, a, b) for a, b in paragraphs]
    carry = None
    for k, (para, marks) in enumerate(zip(paragraphs, per_para)):
        next_opens = next_closes = None
        if k + 1 < len(paragraphs) and per_para[k + 1]:
            nxt = [m for m in per_para[k + 1] if m.role != APOS]
            if nxt:
                first = nxt[0]
                if first.start == paragraphs[k + 1][0] and first.role in (OPEN, EITHER):
                    next_opens = first.families[0]
                elif first.role == CLOSE and not first.weak:
                    next_closes = first.families[-1]  # closed there without being reopened
        carry = _pair(marks, text, para, next_opens, result, carry, next_closes) if marks or carry else None
    return result


def _naming_cue(text: str, open_at: int) -> bool:
    """``so-called "X"``, ``dubbed a "X"``: the quoted words name something."""
    before = text[max(0, open_at - 40):open_at].lower()
    before = re.sub(r"\s+", " ", before).rstrip()
    before = re.sub(r"\b(?:a|an|the)$", "", before).rstrip()
    return any(before.endswith(cue) for cue in lexicon().naming_cues)


_CONNECTORS = {"of", "the", "and", "for", "de", "la", "le", "du", "von", "van", "in", "on", "a", "an", "to", "&"}


_SHOW_BEFORE = re.compile(r"(?:\bon|\bto|\btold|\bin|['’]s?|\bprogram(?:me)?|\bshow)\s*$", re.I)


def _is_title_name(text: str, before: str = "") -> bool:
    """``"Vecernji List"``, ``"Coalition of the Willing"``: a name or a title, not someone's words;
    so is a title that takes the sentence's full stop after a programme's outlet or "on"
    (``told Harbour TV's "Morning Quay."``, ``said on "Quay Today,"``)."""
    t = text.strip()
    if t[-1:] in ".," and _SHOW_BEFORE.search(before):
        t = t[:-1]
    if not t or t[-1] in ".,!?;:…" or "\n" in t:
        return False
    words = t.split()
    if not 2 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)


def _has_reporting_verb(text: str, span: Span) -> bool:
    lex = lexicon()
    return any(lex.verb(t.text) for t in tokenize(text, *span) if t.is_word)


def find_quotes(article: Article) -> ScanResult:
    """The quotations of an article, filtered: names and section-heading labels are left out."""
    result = scan(article.text, article.paragraphs)
    body_headings = sorted(h for h in article.headings if h[0] >= article.body_start)
    starts = [h[0] for h in body_headings]
    kept = []
    for q in result.quotes:
        if _naming_cue(article.text, q.open_at):
            result.drop("name (so-called, dubbed)")
            continue
        i = bisect.bisect_right(starts, q.start) - 1
        heading = body_headings[i] if i >= 0 and body_headings[i][0] <= q.start < body_headings[i][1] else None
        before = article.text[max(0, q.open_at - 30):q.open_at]
        if q.start >= article.body_start and heading is None and _is_title_name(article.text[q.start:q.end], before):
            result.drop("name or title (Title Case)")
            continue
        if heading and not _has_reporting_verb(article.text, heading):
            result.drop("section heading label")
            continue
        kept.append(q)
    result.quotes = kept
    return result
