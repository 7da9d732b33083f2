"""Group quotes that render the same remark, across sources and within one.

Two quotes in different articles are one remark when:

- **reworded** (another translation, another edit): both have five content words or more and
  the Dice overlap of their stemmed content words is at least ``REWORDED`` (the speakers must
  not differ; with one speaker unknown the bar is ``REWORDED_UNSURE``);
- **trimmed**: the content words of the shorter are almost all in the longer
  (``CONTAINED``), with the same speaker: ``"legitimate targets"`` inside the full sentence;
- **a term**: short quotes with no speaker (scare-quoted terms) join only each other, when one
  holds the other's words: ``"reassurance"`` and ``"reassurance force"``.

Within an article, the parts of one quotation broken by its frame (``"A," he said, "B."``) or
a quote continued without a new frame are one remark.

Short quotes attach last, each to its single best match, so a fragment cannot chain two remarks
together. Two different remarks by one speaker share few content words and stay apart.
Candidate pairs come from an inverted index of content words, so the work grows with the number
of quotes that share words, not with the square of all quotes.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .lexicon import lexicon
from .model import Quote, QuoteGroup, Via
from .text import is_short, stem, words

REWORDED = 0.5
REWORDED_UNSURE = 0.65
CONTAINED = 0.75
LONG_WORDS = 5  # content words for a quote to be compared by rewording
MAX_POSTING = 60  # a content word in more quotes than this is too common to propose pairs


@dataclass
class AlignQuote:
    """What alignment needs to know of a quote."""

    id: str
    article: str
    text: str
    speaker: str | None
    paragraph: int
    via: Via | None
    order: int  # reading order within the article
    content: frozenset[str] = field(default_factory=frozenset)
    all_words: tuple[str, ...] = ()


def _prepare(q: AlignQuote) -> None:
    stop = lexicon().stopwords
    ws = words(q.text)
    q.all_words = tuple(stem(w) for w in ws)
    q.content = frozenset(stem(w) for w in ws if w not in stop and len(w) > 1)


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def containment(short: AlignQuote, long: AlignQuote) -> float:
    """Share of the shorter quote's words (content words when it has 2+) found in the longer."""
    if len(short.content) >= 2:
        return len(short.content & long.content) / len(short.content)
    if not short.content:
        return 0.0
    pool = Counter(long.all_words)
    hits = 0
    for w in short.all_words:
        if pool[w] > 0:
            pool[w] -= 1
            hits += 1
    return hits / len(short.all_words) if short.all_words else 0.0


def _speakers(a: AlignQuote, b: AlignQuote) -> str:
    if a.speaker and b.speaker:
        return "same" if a.speaker == b.speaker else "different"
    if a.speaker or b.speaker:
        return "one"
    return "none"


def same_remark(a: AlignQuote, b: AlignQuote) -> float:
    """How sure we are that two quotes from different articles render one remark (0 = no)."""
    sp = _speakers(a, b)
    if sp == "different":
        return 0.0
    short, long = (a, b) if len(a.content) <= len(b.content) else (b, a)
    if len(short.content) >= LONG_WORDS:
        d = dice(a.content, b.content)
        c = containment(short, long)
        score = max(d, c - 0.2)
        if score >= (REWORDED if sp == "same" else REWORDED_UNSURE):
            return score
        return 0.0
    # a short quote: a fragment of a remark by the same speaker, or a term without a speaker
    c = containment(short, long)
    if c < CONTAINED:
        return 0.0
    if sp == "same":
        return c
    if sp == "none" and len(long.content) < LONG_WORDS:
        return c
    return 0.0


def align(quotes: list[AlignQuote]) -> list[int]:
    """A group number for each quote (0-based, numbered by first appearance)."""
    for q in quotes:
        _prepare(q)
    n = len(quotes)
    uf = _Union(n)

    # within an article: a quotation broken by its frame, or continued
    for i in range(n - 1):
        a, b = quotes[i], quotes[i + 1]
        if a.article != b.article or not a.speaker or a.speaker != b.speaker:
            continue
        if b.via == Via.PARAGRAPH_CONTINUATION or (
            a.paragraph == b.paragraph
            and (
                a.via == Via.SAME_SENTENCE
                or b.via in (Via.CONTINUATION, Via.SAME_SENTENCE)
                or (b.via == Via.FRAME_BEFORE and a.via == Via.FRAME_AFTER)
            )
        ):
            uf.union(i, i + 1)

    # candidate pairs across articles from shared content words
    postings: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(quotes):
        for w in q.content:
            postings[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for idxs in postings.values():
        if len(idxs) > MAX_POSTING:
            continue
        for x in range(len(idxs)):
            for y in range(x + 1, len(idxs)):
                i, j = idxs[x], idxs[y]
                if quotes[i].article != quotes[j].article:
                    pairs.add((i, j))

    is_long = [len(q.content) >= LONG_WORDS for q in quotes]
    best_for_short: dict[int, tuple[tuple[float, int], int]] = {}
    for i, j in sorted(pairs):
        score = same_remark(quotes[i], quotes[j])
        if score <= 0:
            continue
        if is_long[i] and is_long[j]:
            uf.union(i, j)
            continue
        # a short quote attaches once, to its best partner (prefer longer partners)
        for s, o in ((i, j), (j, i)):
            if not is_long[s]:
                key = (score, len(quotes[o].content))
                if s not in best_for_short or key > best_for_short[s][0]:
                    best_for_short[s] = (key, o)
    for s, (_, o) in sorted(best_for_short.items()):
        uf.union(s, o)

    numbers: dict[int, int] = {}
    out = []
    for i in range(n):
        root = uf.find(i)
        if root not in numbers:
            numbers[root] = len(numbers)
        out.append(numbers[root])
    return out


def _described(at, text: str) -> str | None:
    """How the text describes a speaker who is no named actor ("a senior official", "police")."""
    if at.described:
        return at.described
    ref = at.ref
    if ref is not None and ref.kind == "role":
        return " ".join(text[ref.full_start:ref.end].split())
    return None


def group_quotes(docs, attributions, id_of: dict[str, str]) -> tuple[list[Quote], list[QuoteGroup]]:
    """The story's quotes (ids ``q1``… in reading order) with their speakers' actor ids and their
    groups (``g1``… by first appearance): who said what, and which quotes are one remark."""
    align_input: list[AlignQuote] = []
    spans = []
    n = 0
    for doc in docs:
        for span, at in zip(doc.quote_spans, attributions[doc.id].quotes):
            n += 1
            align_input.append(AlignQuote(
                id=f"q{n}", article=doc.id, text=doc.text[span.start:span.end],
                speaker=id_of.get(at.speaker) if at.speaker else None,
                paragraph=doc.paragraphs.index_of(span.start), via=at.via, order=n,
            ))
            spans.append((span, at))
    group_of = align(align_input)
    texts = {doc.id: doc.text for doc in docs}
    quotes: list[Quote] = []
    members: dict[int, list[int]] = {}
    for k, ((span, at), aq, g) in enumerate(zip(spans, align_input, group_of)):
        members.setdefault(g, []).append(k)
        quotes.append(Quote(
            id=aq.id, article=aq.article, start=span.start, end=span.end, text=aq.text, speaker=aq.speaker,
            speaker_text=None if aq.speaker else _described(at, texts[aq.article]),
            group=f"g{g + 1}", short=is_short(aq.text), via=at.via if aq.speaker else None, flags=span.flags,
        ))
    groups = []
    for g in sorted(members):
        qs = [quotes[k] for k in members[g]]
        speakers = Counter(q.speaker for q in qs if q.speaker)
        groups.append(QuoteGroup(
            id=f"g{g + 1}", quotes=tuple(q.id for q in qs),
            articles=tuple(sorted({q.article for q in qs}, key=lambda x: int(x[1:]))),
            speaker=speakers.most_common(1)[0][0] if speakers else None,
        ))
    return quotes, groups
