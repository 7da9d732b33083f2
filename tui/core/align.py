"""Group quotes that render the same remark, across sources and within one.

Alignment works on utterances, not on quotation marks:

1. **Utterances within an article.** The parts of one quotation broken by its frame (``"A," he
   said, "B."``), a quote continued without a new frame, or carried over a paragraph: one unit.
2. **Pairs across articles** come from an inverted index of content words (stemmed, the words
   of the story's stop list left out), so the work grows with the quotes that share words, not
   with the square of all quotes. Two quotes are one remark when they are
   - **identical** (the same words, whatever the punctuation, capitals or brackets);
   - **reworded** (another translation, another edit): both have five content words or more and
     the Dice overlap of their content words is at least ``REWORDED`` (the speakers must not
     differ; with one speaker unknown the bar is ``REWORDED_UNSURE``; wording this close,
     ``NEAR_IDENTICAL``, is one remark even when two outlets credit different people);
   - a **fragment**: the content words of the shorter are almost all in the longer
     (``CONTAINED``), with the same speaker, or the shorter credited to an unnamed source
     ("a top official warned it was "deadly serious""); scare-quoted terms with no speaker join
     only each other.
3. **Clusters that cannot chain.** Utterances join in order of their best match, and two
   clusters merge only as a whole: the words of the smaller must be mostly in the larger
   (``CLUSTER_CONTAINED``), or the two must share most of their words. One member's chance
   overlap cannot pull two remarks together. Short utterances attach last, each to its single
   best match, under the same test.

Every quote records how it joined its group (``JOINED``), for the inspector and the findings.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from .lexicon import lexicon
from .model import Quote, QuoteGroup, Via
from .text import is_short, stem, words

REWORDED = 0.5
REWORDED_UNSURE = 0.65
NEAR_IDENTICAL = 0.85
CONTAINED = 0.75
CLUSTER_CONTAINED = 0.6  # share of a cluster's words the other must hold for the two to merge
SHARED_RUN = 5  # words in a row two quotes share verbatim: one passage, whatever else each holds
LONG_RUN = 8  # a verbatim passage this long is one remark even when outlets credit different people
LONG_WORDS = 5  # content words for a quote to be compared by rewording
MAX_POSTING = 60  # a content word in more quotes than this is too common to propose pairs

# how a quote joined its group
FIRST, PART, IDENTICAL, REWORDED_HOW, FRAGMENT = "first", "part", "identical", "reworded", "fragment"
JOINED = {FIRST: "first rendering", PART: "part of the same quotation", IDENTICAL: "identical wording",
          REWORDED_HOW: "reworded", FRAGMENT: "a fragment of the remark"}


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
    unnamed: bool = False  # credited to an unnamed source ("a senior official"), not to no one
    party: str | None = None  # whom the speaker speaks for (an organisation's head: the organisation)
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
        same = a.speaker == b.speaker or (a.party or a.speaker) == (b.party or b.speaker)
        return "same" if same else "different"
    if a.speaker or b.speaker:
        return "one"
    return "none"


def match(a: AlignQuote, b: AlignQuote) -> tuple[float, str]:
    """How sure we are that two quotes from different articles render one remark (0 = no),
    and how they relate (identical, reworded, fragment)."""
    sp = _speakers(a, b)
    short, long = (a, b) if len(a.content) <= len(b.content) else (b, a)
    if len(short.content) >= LONG_WORDS:
        if a.all_words == b.all_words:
            return 1.0, IDENTICAL  # the same words: one remark, whoever each outlet credits
        d = dice(a.content, b.content)
        if d >= NEAR_IDENTICAL:
            return d, REWORDED_HOW
        if sp == "different":
            return 0.0, ""
        score = max(d, containment(short, long) - 0.2)
        if score >= (REWORDED if sp == "same" else REWORDED_UNSURE):
            return score, REWORDED_HOW
        return 0.0, ""
    if sp == "different":
        return 0.0, ""
    # a short quote: a fragment of a remark by the same speaker, or a term without a speaker
    c = containment(short, long)
    if c < CONTAINED:
        return 0.0, ""
    how = IDENTICAL if a.all_words == b.all_words else FRAGMENT
    if sp == "same":
        return c, how
    if sp == "none" and len(long.content) < LONG_WORDS and not (a.unnamed or b.unnamed):
        return c, how
    if sp == "one" and short.unnamed and not short.speaker and len(short.content) >= 2 and c >= 1.0:
        return c, how  # "a top official warned it was "deadly serious"": the named one's words
    return 0.0, ""


def _runs(q: AlignQuote) -> set[tuple[str, ...]]:
    w = q.all_words
    return {w[k:k + SHARED_RUN] for k in range(len(w) - SHARED_RUN + 1)}


def shares_run(a: AlignQuote, b: AlignQuote, refrains: frozenset[tuple[str, ...]] = frozenset(),
               length: int = 0) -> bool:
    """Do the two quotes share ``SHARED_RUN`` words in a row (a passage both print), other
    than a refrain (words the speaker says on several occasions in one outlet's story)? With
    ``length``, the shared runs must reach that many words."""
    if len(a.all_words) < max(SHARED_RUN, length) or len(b.all_words) < max(SHARED_RUN, length):
        return False
    shared = (_runs(a) & _runs(b)) - refrains
    if length <= SHARED_RUN:
        return bool(shared)
    starts = sorted(k for k in range(len(a.all_words) - SHARED_RUN + 1) if a.all_words[k:k + SHARED_RUN] in shared)
    longest = run = 0
    for prev, k in zip([-2, *starts], starts):
        run = run + 1 if k == prev + 1 else 1
        longest = max(longest, run)
    return longest + SHARED_RUN - 1 >= length


def _refrains(quotes: list[AlignQuote], unit: list[int]) -> frozenset[tuple[str, ...]]:
    """Runs of words found in two utterances or more of one article: a phrase said again and
    again ("they are keen to sign") marks no single occasion."""
    seen: dict[tuple[str, tuple[str, ...]], int] = {}
    out = set()
    for i, q in enumerate(quotes):
        for run in _runs(q):
            key = (q.article, run)
            first = seen.setdefault(key, unit[i])
            if first != unit[i]:
                out.add(run)
    return frozenset(out)


def same_remark(a: AlignQuote, b: AlignQuote) -> float:
    return match(a, b)[0]


def _utterances(quotes: list[AlignQuote]) -> _Union:
    """Within an article: the parts of one quotation broken by its frame, or continued."""
    uf = _Union(len(quotes))
    for i in range(len(quotes) - 1):
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
    return uf


def _candidate_pairs(quotes: list[AlignQuote]) -> list[tuple[int, int]]:
    """Pairs of quotes of different articles that share enough content words to match at all
    (every test needs about half the shorter quote's words), in order."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(quotes):
        for w in q.content:
            postings[w].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for idxs in postings.values():
        if len(idxs) > MAX_POSTING:
            continue
        for x in range(len(idxs)):
            for y in range(x + 1, len(idxs)):
                i, j = idxs[x], idxs[y]
                if quotes[i].article != quotes[j].article:
                    shared[(i, j)] += 1
    size = [len(q.content) for q in quotes]
    return sorted(k for k, c in shared.items() if 2 * c >= min(size[k[0]], size[k[1]]))


class _Clusters:
    """Clusters of utterances that merge only as a whole: the words of the smaller must be
    mostly in the larger (a fragment, a part of a longer passage), or the two must share most of
    their words (a rewording). One member's chance overlap cannot pull two remarks together."""

    def __init__(self, units: dict[int, frozenset[str]]):
        self.of = {u: u for u in units}
        self.members = {u: [u] for u in units}
        self.words: dict[int, set[str]] = {u: set(w) for u, w in units.items()}

    def linked(self, x: int, y: int) -> bool:
        a, b = self.words[x], self.words[y]
        if not a or not b:
            return True  # (no content words: only an identical match brought them here)
        small, big = (a, b) if len(a) <= len(b) else (b, a)
        shared = len(small & big)
        return shared >= CLUSTER_CONTAINED * len(small) or 2 * shared >= CLUSTER_CONTAINED * (len(a) + len(b))

    def merge(self, x: int, y: int) -> None:
        keep, gone = min(x, y), max(x, y)
        for u in self.members[gone]:
            self.of[u] = keep
        self.members[keep] += self.members.pop(gone)
        self.words[keep] |= self.words.pop(gone)


def align_with_links(quotes: list[AlignQuote]) -> tuple[list[int], list[str]]:
    """A group number for each quote (0-based, numbered by first appearance), and how each
    joined its group (:data:`JOINED`)."""
    for q in quotes:
        _prepare(q)
    n = len(quotes)
    uf = _utterances(quotes)
    unit = [uf.find(i) for i in range(n)]
    is_long_unit: dict[int, bool] = defaultdict(bool)
    for i, q in enumerate(quotes):
        is_long_unit[unit[i]] |= len(q.content) >= LONG_WORDS

    # the best match between two utterances of different articles, and through which quotes;
    # a passage both print verbatim ties the two utterances outright (their other parts too)
    sim: dict[tuple[int, int], float] = {}
    via: dict[tuple[int, int], tuple[int, int, str]] = {}
    tied: list[tuple[int, int, str]] = []
    refrains = _refrains(quotes, unit)
    for i, j in _candidate_pairs(quotes):
        score, how = match(quotes[i], quotes[j])
        key = (min(unit[i], unit[j]), max(unit[i], unit[j]))
        if score <= 0:
            if shares_run(quotes[i], quotes[j], refrains, LONG_RUN):
                tied.append((key[0], key[1], REWORDED_HOW))  # a long verbatim passage, whoever is credited
            continue
        if shares_run(quotes[i], quotes[j], refrains):
            tied.append((key[0], key[1], how))
        if score > sim.get(key, 0.0):
            sim[key] = score
            via[key] = (i, j, how)

    unit_words: dict[int, frozenset[str]] = defaultdict(frozenset)
    for i, q in enumerate(quotes):
        unit_words[unit[i]] |= q.content
    clusters = _Clusters(dict(unit_words))
    joined: dict[int, str] = {}  # unit -> how it joined
    for u, v, how in tied:
        x, y = clusters.of[u], clusters.of[v]
        if x != y:
            joined.setdefault(v, how)
            clusters.merge(x, y)
    long_edges = sorted(((s, k) for k, s in sim.items() if is_long_unit[k[0]] and is_long_unit[k[1]]),
                        key=lambda e: (-e[0], e[1]))
    for _, (u, v) in long_edges:
        x, y = clusters.of[u], clusters.of[v]
        if x != y and clusters.linked(x, y):
            joined.setdefault(max(u, v), via[(u, v)][2])
            clusters.merge(x, y)
    # a short utterance attaches once, to its best partner (prefer longer partners); when two
    # remarks of different groups fit it equally well ("monster" in two answers), to neither
    best: dict[int, tuple[tuple[float, bool], int]] = {}
    ambiguous: set[int] = set()
    for (u, v), s in sorted(sim.items()):
        for a, b in ((u, v), (v, u)):
            if not is_long_unit[a]:
                rank = (s, is_long_unit[b])
                if a not in best or rank > best[a][0]:
                    best[a] = (rank, b)
                    ambiguous.discard(a)
                elif rank == best[a][0] and clusters.of[b] != clusters.of[(c := best[a][1])] \
                        and (min(b, c), max(b, c)) not in sim:
                    ambiguous.add(a)  # (partners that match each other are one remark: no doubt)
    for a, (_, b) in sorted(best.items()):
        x, y = clusters.of[a], clusters.of[b]
        if x != y and a not in ambiguous and clusters.linked(x, y):
            joined.setdefault(a, via[(min(a, b), max(a, b))][2])
            clusters.merge(x, y)

    numbers: dict[int, int] = {}
    groups, hows = [], []
    seen_units: set[int] = set()
    for i in range(n):
        root = clusters.of[unit[i]]
        if root not in numbers:
            numbers[root] = len(numbers)
        groups.append(numbers[root])
        if unit[i] in seen_units:
            hows.append(PART)
        else:
            seen_units.add(unit[i])
            hows.append(joined.get(unit[i], FIRST))
    return groups, hows


def align(quotes: list[AlignQuote]) -> list[int]:
    """A group number for each quote (0-based, numbered by first appearance)."""
    return align_with_links(quotes)[0]


def _described(at, text: str) -> str | None:
    """How the text describes a speaker who is no named actor ("a senior official", "police")."""
    if at.described:
        return at.described
    ref = at.ref
    if ref is not None and ref.kind == "role":
        return " ".join(text[ref.full_start:ref.end].split())
    return None


def group_quotes(docs, attributions, id_of: dict[str, str],
                 parties: dict[str, str] | None = None) -> tuple[list[Quote], list[QuoteGroup]]:
    """The story's quotes (ids ``q1``… in reading order) with their speakers' actor ids and their
    groups (``g1``… by first appearance): who said what, and which quotes are one remark.
    ``parties`` maps a person to the organisation they head or speak for: an outlet that credits
    the organisation and one that credits its head are not two different speakers."""
    parties = parties or {}
    align_input: list[AlignQuote] = []
    spans = []
    n = 0
    for doc in docs:
        for span, at in zip(doc.quote_spans, attributions[doc.id].quotes):
            n += 1
            speaker = id_of.get(at.speaker) if at.speaker else None
            align_input.append(AlignQuote(
                id=f"q{n}", article=doc.id, text=doc.text[span.start:span.end], speaker=speaker,
                paragraph=doc.paragraphs.index_of(span.start), via=at.via, order=n,
                unnamed=speaker is None and _described(at, doc.text) is not None,
                party=parties.get(speaker) if speaker else None,
            ))
            spans.append((span, at))
    group_of, hows = align_with_links(align_input)
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
        # one outlet credits the organisation, another the head who spoke: the words are the head's
        heads = {parties[k]: k for k in {quotes[m].speaker for m in members[g]} if k and k in parties}
        for m in members[g]:
            body = quotes[m].speaker
            if body is not None and body in heads:
                quotes[m] = replace(quotes[m], speaker=heads[body], via=Via.HEAD_OF_BODY)
        # "a top official warned it was "deadly serious"" where another outlet names the official
        named = {quotes[m].speaker for m in members[g] if quotes[m].speaker}
        if len(named) == 1:
            who = next(iter(named))
            for m in members[g]:
                if quotes[m].speaker is None and align_input[m].unnamed:
                    quotes[m] = replace(quotes[m], speaker=who, via=Via.NAMED_ELSEWHERE)  # speaker_text kept
        qs = [quotes[k] for k in members[g]]
        speakers = Counter(q.speaker for q in qs if q.speaker)
        groups.append(QuoteGroup(
            id=f"g{g + 1}", quotes=tuple(q.id for q in qs),
            articles=tuple(sorted({q.article for q in qs}, key=lambda x: int(x[1:]))),
            speaker=speakers.most_common(1)[0][0] if speakers else None,
            joined=tuple(hows[k] for k in members[g]),
        ))
    return quotes, groups
