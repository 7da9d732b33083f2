"""The story model: plain frozen dataclasses, no Textual or Rich.

Every span is ``(start, end)`` in Python ``str`` offsets into ``Article.text``, the text exactly
as the reader displays it. The analysis steps (``load``, ``quotes``, ``attribution``, ``align``,
``actors``, ``stance``, ``findings``) are pure functions that build these objects; the app and
the reports only read them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .sanitise import sanitise

Span = tuple[int, int]

STANCES = ("support", "oppose", "mixed", "neutral", "unknown")
ACTOR_KINDS = ("person", "organisation", "state")


@dataclass(frozen=True)
class Problem:
    """A file that could not be read (or was read only in part), with a one-line reason."""

    file: str
    reason: str
    fatal: bool = True  # False: the article still opened (e.g. truncated); True: it was skipped

    def __post_init__(self) -> None:
        # a file name or an OS message may hold anything: made safe where the problem is made
        object.__setattr__(self, "file", sanitise(self.file))
        object.__setattr__(self, "reason", sanitise(self.reason))


@dataclass(frozen=True)
class Article:
    id: str
    file: str  # file name as given (for display and matching)
    path: str  # path on disk
    text: str  # the displayed, normalised text; every offset refers to it
    title: str | None = None
    subtitle: str | None = None
    source: str | None = None  # the outlet, when the file, story.yaml or the text says it
    name: str = ""  # what every view calls the article: its source, a readable file name, "Source N"
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    byline: str | None = None
    encoding: str = "utf-8"
    body_start: int = 0  # where the body starts (after the headline block kept at the top)
    paragraphs: tuple[Span, ...] = ()
    headings: tuple[Span, ...] = ()  # section headings inside the body, plus the title block
    dropped: tuple[tuple[str, int], ...] = ()  # page debris removed: (kind, count)
    notes: tuple[str, ...] = ()  # what the loader did that a reader should know (truncated, ...)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def label(self) -> str:
        """What every view calls the article (see :mod:`tui.core.naming`)."""
        return self.name or self.source or self.file


class Via(StrEnum):
    """The attribution rule (sieve) that named a quote's speaker; alignment reads it too."""

    FRAME_AFTER = "frame after"
    FRAME_BEFORE = "frame before"
    ACCORDING_TO = "according to"
    SAME_SENTENCE = "same sentence"
    CLOSING_FRAME = "frame closing the sentence"
    CONTINUATION = "continuation"
    PARAGRAPH_CONTINUATION = "paragraph continuation"
    OWNER = "whose words"
    PARAGRAPH_BEFORE = "frame in the paragraph before"
    SENTENCE_BEFORE = "speaker of the sentence before"
    DOCUMENT = "issuer of the document"
    SENTENCE_SUBJECT = "subject of the sentence"
    HEADLINE = "named before a headline's colon"
    COLON = "introduced before a colon"
    TERM = "term"  # a short quoted term in use: no speaker
    UNNAMED = "unnamed source"  # no named speaker, but words that describe the source
    NAMED_ELSEWHERE = "named in another source"  # this outlet's unnamed source, named by another
    HEAD_OF_BODY = "its head, named in another source"  # credited to a body here, to its head elsewhere


@dataclass(frozen=True)
class Quote:
    id: str
    article: str
    start: int
    end: int
    text: str
    speaker: str | None = None  # actor id
    speaker_text: str | None = None  # who the text says spoke, when no named actor is meant
    group: str | None = None  # quote group id
    short: bool = False  # a scare quote of a term or a fragment (a few words)
    via: Via | None = None  # the attribution rule that named the speaker
    flags: tuple[str, ...] = ()  # scanner notes: "unclosed", "continued", "mismatched"


@dataclass(frozen=True)
class QuoteGroup:
    id: str
    quotes: tuple[str, ...]
    articles: tuple[str, ...]
    speaker: str | None = None
    # how each quote (in ``quotes`` order) joined the group: first, part, identical, reworded, fragment
    joined: tuple[str, ...] = ()

    def how(self, quote_id: str) -> str:
        """How the quote joined this group ("first" for the one that opened it)."""
        k = self.quotes.index(quote_id)
        return self.joined[k] if k < len(self.joined) else "first"

    @property
    def shared(self) -> bool:
        return len(self.articles) >= 2


@dataclass(frozen=True)
class Mention:
    """One place an actor is named (or referred to) in an article."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """Something a stance rests on: a quote of the actor, or a sentence about the actor."""

    article: str
    start: int
    end: int
    text: str
    polarity: int  # +1 supports the topic, -1 opposes it, 0 says something without a lean
    quote: str | None = None  # quote id when the evidence is a quote
    cue: str | None = None  # the word or rule that gave the polarity


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str  # person | organisation | state
    role: str | None = None
    aliases: tuple[str, ...] = ()
    stance: str = "unknown"
    evidence: tuple[Evidence, ...] = ()
    articles: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    overridden: bool = False  # stance or name set by the user's story.yaml
    stance_reason: str | None = None  # what decided the stance ("support: does what the topic says")


@dataclass(frozen=True)
class Finding:
    """A comparison a careful reader wants: something only one source has, or a disagreement."""

    kind: str  # single-source-quote | single-source-actor | number-mismatch | wording
    summary: str
    articles: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()  # quote, group or actor ids
    spans: tuple[tuple[str, int, int], ...] = ()  # (article, start, end)


@dataclass(frozen=True)
class Story:
    title: str
    topic: str | None
    path: str
    articles: tuple[Article, ...]
    quotes: tuple[Quote, ...] = ()
    groups: tuple[QuoteGroup, ...] = ()
    actors: tuple[Actor, ...] = ()
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()  # caps hit and similar, story-wide
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    # Lookups, built once on first use (the dataclass stays frozen; the cache is private).
    def _lookup(self, name: str, items) -> dict:
        table = self._index.get(name)
        if table is None:
            table = {item.id: item for item in items}
            self._index[name] = table
        return table

    def article(self, article_id: str) -> Article:
        return self._lookup("articles", self.articles)[article_id]

    def quote(self, quote_id: str) -> Quote:
        return self._lookup("quotes", self.quotes)[quote_id]

    def group(self, group_id: str) -> QuoteGroup:
        return self._lookup("groups", self.groups)[group_id]

    def actor(self, actor_id: str) -> Actor:
        return self._lookup("actors", self.actors)[actor_id]

    def quotes_in(self, article_id: str) -> list[Quote]:
        by_article = self._index.get("quotes_by_article")
        if by_article is None:
            by_article = {}
            for q in self.quotes:
                by_article.setdefault(q.article, []).append(q)
            self._index["quotes_by_article"] = by_article
        return by_article.get(article_id, [])
