"""One article, read once: the document every stage of the analysis works on.

After CoreNLP's "preprocess once": the tokens, the sentences, the paragraphs, the headings and
the quotations of an article are made here, in one place, and every later stage (mentions,
attribution, stances) reads them from the :class:`Doc` instead of splitting or scanning the
text again. Offsets are the lingua franca: every span is ``(start, end)`` into ``Doc.text``.

:class:`Spans` is the one answer to "which span holds this offset?" (a sorted list and a
bisect), used for quotes, sentences, paragraphs and headings alike.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import Lexicon, lexicon
from .model import Article, Span
from .quotes import QuoteSpan, ScanResult, find_quotes
from .text import Token, sentence_spans, tokenize


class Spans:
    """Sorted, non-overlapping spans, and which one holds an offset."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: Iterable[Span]):
        self.spans: list[Span] = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> Span:
        return self.spans[i]

    def __iter__(self):
        return iter(self.spans)

    def find(self, pos: int) -> int | None:
        """The index of the span that holds ``pos``, or None."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return i
        return None

    def covers(self, pos: int) -> bool:
        return self.find(pos) is not None

    def index_of(self, pos: int) -> int:
        """The index of the last span that starts at or before ``pos`` (0 before the first)."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def starting_in(self, a: int, b: int) -> range:
        """Indices of the spans that start in ``[a, b)``."""
        return range(bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b))


@dataclass(frozen=True)
class Doc:
    """An article with everything the analysis reads from it, made once by :func:`read`."""

    article: Article
    scan: ScanResult  # the quotations (filtered) and what the scanner dropped
    tokens: tuple[Token, ...]
    quotes: Spans  # the quotations' inner spans
    sentences: Spans
    paragraphs: Spans
    headings: Spans
    _token_starts: list[int] = field(repr=False, compare=False, default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def quote_spans(self) -> list[QuoteSpan]:
        return self.scan.quotes

    def tokens_in(self, a: int, b: int) -> list[Token]:
        """The tokens that lie wholly in ``[a, b)``."""
        i = bisect.bisect_left(self._token_starts, a)
        out = []
        toks = self.tokens
        while i < len(toks) and toks[i].end <= b:
            out.append(toks[i])
            i += 1
        return out

    def sentence(self, pos: int) -> Span:
        return self.sentences[self.sentences.index_of(pos)] if len(self.sentences) else (0, len(self.text))

    def paragraph(self, pos: int) -> Span:
        return self.paragraphs[self.paragraphs.index_of(pos)]


def read(article: Article, lex: Lexicon | None = None) -> Doc:
    """Read an article once: quotations, tokens, and sentences that never split a quotation."""
    lex = lex or lexicon()
    scan = find_quotes(article)
    quotes = Spans((q.start, q.end) for q in scan.quotes)
    text = article.text
    paragraphs = article.paragraphs or ((0, len(text)),)
    sentences: list[Span] = []
    for a, b in paragraphs:
        sentences.extend(sentence_spans(text, a, b, quotes, lex.verb))
    tokens = tuple(tokenize(text))
    return Doc(
        article=article, scan=scan, tokens=tokens, quotes=quotes, sentences=Spans(sentences),
        paragraphs=Spans(paragraphs), headings=Spans(article.headings),
        _token_starts=[t.start for t in tokens],
    )
