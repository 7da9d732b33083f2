"""Who said it: a sieve of attribution rules, most precise first.

After Muzny et al. (2017), "A Two-stage Sieve Approach for Quote Attribution": each rule
only fills quotes the earlier rules left open.

1. **Postposed frame** right after the closing mark: ``"…," Putin said`` /
   ``"…," said Putin`` / ``"…," explains Dr. Jane Roe`` / ``"…," a government spokesman said``.
2. **Preposed frame** in the same sentence: the nearest reporting verb before the quote
   (``Macron told reporters: "…"``, ``X warned that "…"``, ``saying "…"``) and its subject:
   the nearest name before the verb that is not inside a prepositional phrase or a possessive;
   for a participle after a comma (``…, saying "…"``) the subject of the main clause;
   ``according to X``.
3. **Same sentence:** quotes in one sentence with one frame share it (``"A" but "B," X said``).
4. **Continuation:** a quote with no frame after a quote of the same paragraph with a
   speaker (``"A?" X said. "B."``), and a quote-only paragraph after a quoted speaker.

Pronouns (``he``/``she``) resolve to the nearest person named before, outside quotes,
preferring the subject of that sentence. A description (``the Ukrainian leader``) was already
linked to a person by the actors step when it can be.

A short quote (four words or fewer) that the story also uses without quote marks is a term in
use (the name of a plan, say), not a remark: it gets a speaker only from a frame right beside it.
Better no speaker than a wrong one: anything else stays ``None``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .lexicon import Lexicon, lexicon
from .mentions import Ref
from .quotes import QuoteSpan, is_short
from .text import QuoteIndex, Token, sentence_spans, tokenize, words

NAMING_VERBS = {"call", "describe", "label", "term", "dub", "characterise", "characterize"}
REACH = 30  # word tokens between a reporting verb and the quote it introduces
LOOKBACK = 600  # characters before a quote that can hold its frame
PRONOUN_LOOKBACK = 3000  # characters before a pronoun searched for the person it means
SPEAKER_KINDS = ("person", "surname", "role", "state", "organisation", "outlet", "pronoun")
DOCUMENTS = {"statement", "letter", "memo", "communique", "communiqué", "note", "release", "post", "tweet",
             "report", "decree", "ruling", "verdict", "resolution", "declaration"}
_OTHER_SUBJECTS = {"they", "we", "it", "you", "i"}
_SKIP_AFTER_QUOTE = set(",.;:?!—–-…") | {"then", "also", "later"}


@dataclass(frozen=True)
class Attribution:
    speaker: str | None  # actor key
    via: str | None  # the rule that named the speaker, or why none ("term")


class TermIndex:
    """Which short quotes the story also uses outside quotation marks (in its own narrative).

    Built for a known set of candidate phrases with one pass over the narrative words, so
    the cost is linear in the text whatever the number of quotes."""

    def __init__(self, narratives: list[str], candidates: list[str]):
        wanted = {tuple(ws) for ws in (words(c) for c in candidates) if 2 <= len(ws) <= 4}
        self.found: set[tuple[str, ...]] = set()
        if not wanted:
            return
        sizes = sorted({len(w) for w in wanted})
        for n in narratives:
            ws = words(n)
            for i in range(len(ws)):
                for k in sizes:
                    gram = tuple(ws[i:i + k])
                    if len(gram) == k and gram in wanted:
                        self.found.add(gram)

    def is_term(self, quote_text: str) -> bool:
        return tuple(words(quote_text)) in self.found


def _verb_phrase(quote: str, lex: Lexicon) -> bool:
    """``"caught red-handed"`` is a predicate someone used, not the name of a thing."""
    first = quote.split()[0].lower().strip("\"'“”‘’,.") if quote.split() else ""
    return first.endswith(("ed", "ing")) or lex.verb(first) is not None or first in (
        "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
        "should", "must", "not", "no", "never")


def narrative(text: str, quotes: list[QuoteSpan]) -> str:
    """The text with every quotation (marks included) blanked out."""
    parts = []
    pos = 0
    for q in sorted(quotes, key=lambda q: q.open_at):
        parts.append(text[pos:q.open_at])
        parts.append(" | ")
        pos = max(pos, q.close_at)
    parts.append(text[pos:])
    return "".join(parts)


@dataclass
class _Context:
    text: str
    quotes: list[QuoteSpan]
    refs: list[Ref]
    ref_starts: list[int]
    sentences: list[tuple[int, int]]
    sent_starts: list[int]
    paragraphs: tuple[tuple[int, int], ...]
    qindex: QuoteIndex
    lex: Lexicon
    para_starts: list[int] = field(default_factory=list)

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def refs_between(self, a: int, b: int) -> list[Ref]:
        i = bisect.bisect_left(self.ref_starts, a)
        out = []
        while i < len(self.refs) and self.refs[i].start < b:
            out.append(self.refs[i])
            i += 1
        return out

    def ref_at(self, pos: int) -> Ref | None:
        """The ref whose full span starts at pos (titles included) or whose name starts there."""
        for r in self.refs_between(pos - 80, pos + 80):
            if r.full_start == pos or r.start == pos:
                return r
        return None

    def outside_tokens(self, a: int, b: int) -> list[Token]:
        """Word tokens in [a, b) that are not inside a quotation."""
        return [t for t in tokenize(self.text, a, b) if not self.qindex.covers(t.start)]


def _usable(ref: Ref) -> bool:
    return ref.kind in SPEAKER_KINDS and (ref.key is not None or ref.kind == "pronoun") and not ref.plural


def _is_verb(tok: Token, prev: Token | None, lex: Lexicon, heading: bool, nxt: Token | None = None) -> tuple[str, int] | None:
    if not tok.is_word:
        return None
    v = lex.verb(tok.text)
    if not v:
        return None
    if tok.text[:1].isupper() and not heading:
        return None  # a capitalised word mid-sentence is a name or a title, not a verb
    if prev is not None and (prev.lower in lex.noun_guards or prev.kind == "poss"):
        return None  # "the warning", "Putin's comments"
    if prev is not None and prev.is_word and prev.text[:1].isdigit():
        return None  # "26 states"
    if prev is not None and prev.lower == "to":
        return None  # "unlikely to endorse": not a speech act that happened
    if nxt is not None and nxt.lower == "of" and tok.lower == v[0]:
        return None  # "a pledge of 26 nations": a bare form before "of" is a noun
    return v


def resolve_pronoun(ctx: _Context, ref: Ref) -> str | None:
    """The person a ``he``/``she`` at ``ref`` refers to: nearest sentence with a person."""
    para = ctx.paragraph_of(ref.start)
    lo = max(ctx.paragraphs[max(0, para - 2)][0], ref.start - PRONOUN_LOOKBACK)
    cands = [
        r for r in ctx.refs_between(lo, ref.start)
        if r.key is not None and r.key.startswith("person:") and not r.in_quote and not r.in_heading
    ]
    if not cands:
        return None
    by_sentence: dict[int, list[Ref]] = {}
    for r in cands:
        by_sentence.setdefault(ctx.sentence_of(r.start), []).append(r)
    latest = max(by_sentence)
    group = by_sentence[latest]
    if ref.verb_after:
        # "…," he said: the one who was speaking in that sentence, if someone was
        speaker = next((r for r in reversed(group) if r.verb_after and r.eligible_subject), None)
        if speaker is not None:
            return speaker.key
    subject = next((r for r in group if r.eligible_subject), None)
    return (subject or group[-1]).key


def last_subject(ctx: _Context, pos: int) -> str | None:
    """The actor last named as a subject before ``pos`` (a statement's author)."""
    para = ctx.paragraph_of(pos)
    lo = max(ctx.paragraphs[max(0, para - 1)][0], pos - PRONOUN_LOOKBACK)
    for r in reversed(ctx.refs_between(lo, pos)):
        if r.in_quote or not r.eligible_subject or r.kind == "pronoun" or not _usable(r):
            continue
        return r.key
    return None


def _speaker_key(ctx: _Context, ref: Ref | None) -> str | None:
    if ref is None:
        return None
    if ref.kind == "pronoun":
        return resolve_pronoun(ctx, ref)
    return ref.key if _usable(ref) else None


def _postposed(ctx: _Context, q: QuoteSpan, heading: bool) -> str | None:
    s = ctx.sentences[ctx.sentence_of(q.start)]
    end = min(s[1], q.close_at + 200)
    toks = tokenize(ctx.text, q.close_at, end)
    i = 0
    while i < len(toks) and (toks[i].text in _SKIP_AFTER_QUOTE or toks[i].lower in _SKIP_AFTER_QUOTE):
        i += 1
    if i >= len(toks) or i > 3:
        return None
    first = toks[i]
    if ctx.qindex.covers(first.start) or first.text[:1] in "\"“‘'«":
        return None
    # "…," Putin said / "…," a government spokesman said / "…," he told reporters
    ref = ctx.ref_at(first.start)
    if ref is not None and ref.verb_after and _usable(ref) and not (ref.kind == "outlet" and ref.verb_after == "report"):
        return _speaker_key(ctx, ref)
    # "…," the statement reads: whoever was last said to have issued it
    if (
        first.lower in ("the", "a", "its", "their", "his", "her")
        and i + 2 < len(toks)
        and toks[i + 1].lower in DOCUMENTS
        and (ctx.lex.verb(toks[i + 2].text) or toks[i + 2].lower in ("reads", "read"))
    ):
        return last_subject(ctx, q.open_at)
    # "…," the Post's bureau chief Jane Roe said: the first speaker-like name with its verb,
    # past owners and modifiers, before any other verb
    if not ctx.lex.verb(first.text):
        for r in ctx.refs_between(first.start, min(end, first.start + 120)):
            if r.possessive or r.modifier or r.kind == "outlet" or r.in_quote:
                continue
            between = tokenize(ctx.text, first.start, r.full_start)
            if any(ctx.lex.verb(t.text) for t in between if t.is_word and not t.is_cap):
                break
            if any(t.text[:1] in "\"“‘'«" and t.kind == "punct" for t in between):
                break  # another quotation first: the frame is that one's
            if r.verb_after and _usable(r):
                return _speaker_key(ctx, r)
            break
    # "“…,” Jane Roe." — a name and nothing else closes the sentence (headline style)
    if ref is not None and _usable(ref) and ref.kind in ("person", "surname", "role"):
        rest = ctx.text[ref.end:s[1]]
        if not rest.strip(" .\n"):
            return _speaker_key(ctx, ref)
    # "…," said Putin / "…," explains Dr. Jane Roe
    if ctx.lex.verb(first.text) and not first.lower.endswith("ing"):
        for r in ctx.refs_between(first.end, min(end, first.end + 60)):
            if _usable(r) and r.kind in ("person", "surname", "role", "pronoun") and not ctx.text[first.end:r.full_start].strip():
                return _speaker_key(ctx, r)
            break
    # "…," according to X
    if first.lower == "according" and i + 1 < len(toks) and toks[i + 1].lower == "to":
        for r in ctx.refs_between(toks[i + 1].end, end):
            if _usable(r):
                return _speaker_key(ctx, r)
            break
    return None


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "some", "many", "most"}


def _common_noun_subject(ctx: _Context, toks: list[Token], k: int, cut: int) -> bool:
    """Is the word before the verb at toks[k] the head of a plain noun phrase ("the industry")?"""
    from .mentions import AUXILIARIES

    j = k - 1
    while j >= cut and toks[j].is_word and toks[j].lower in AUXILIARIES:
        j -= 1
    if j < cut:
        return False
    head = toks[j]
    if not head.is_word or head.text[:1].isupper() or head.lower in ctx.lex.person_pronouns:
        return False
    if head.lower in ctx.lex.stopwords:
        return False  # "… by stating": a preposition, not the noun of a subject
    if any(r.start <= head.start < r.end for r in ctx.refs_between(head.start - 120, head.end)):
        return False
    for m in range(j - 1, max(cut, j - 4) - 1, -1):
        if toks[m].text == ",":
            return False
        if toks[m].lower in _DETERMINERS:
            return True
    return False


def _preposed(ctx: _Context, q: QuoteSpan, heading: bool, term: bool) -> tuple[str | None, str | None]:
    """Speaker from a frame before the quote: (key, via) or (None, reason)."""
    s = ctx.sentences[ctx.sentence_of(q.open_at)]
    s = (max(s[0], q.open_at - LOOKBACK), s[1])  # a runaway "sentence" is read near the quote only
    para = ctx.paragraphs[ctx.paragraph_of(q.open_at)]
    if s[0] == q.open_at == para[0] and ctx.paragraph_of(q.open_at) > 0:
        prev = ctx.paragraphs[ctx.paragraph_of(q.open_at) - 1]
        if ctx.text[prev[0]:prev[1]].rstrip().endswith(":"):
            # "The minister told parliament:" / new paragraph with the quote
            s = (ctx.sentences[ctx.sentence_of(prev[1] - 1)][0], q.open_at)
    toks = tokenize(ctx.text, s[0], q.open_at)
    # stop at an earlier quote in the sentence: its frame is its own
    cut = 0
    for k, t in enumerate(toks):
        if ctx.qindex.covers(t.start) or (t.text[:1] in "\"“”‘’'«»" and t.kind == "punct"):
            cut = k + 1
    words_seen = 0
    for k in range(len(toks) - 1, cut - 1, -1):
        t = toks[k]
        if not t.is_word:
            continue
        prev = toks[k - 1] if k > 0 else None
        if t.lower == "to" and prev is not None and prev.lower == "according":
            for r in ctx.refs_between(t.end, q.open_at):
                if _usable(r) and r.kind != "outlet":
                    return _speaker_key(ctx, r), "according to"
            return None, None
        words_seen += 1
        if words_seen > REACH:
            break
        v = _is_verb(t, prev, ctx.lex, heading, toks[k + 1] if k + 1 < len(toks) else None)
        if not v:
            continue
        if term and (words_seen > 4 or v[0] not in NAMING_VERBS):
            return None, "term"
        # a participle after a comma, or a second verb of the same subject ("said …, and
        # added"): the subject is the one of the main clause
        participle = prev is not None and (
            (t.lower.endswith("ing") and prev.text == ",") or prev.lower == "and"
        )
        if not participle and _common_noun_subject(ctx, toks, k, cut):
            return None, None  # "a move the industry called "X"": the subject is no one we know
        before = [r for r in ctx.refs_between(s[0], t.start) if not r.in_quote]
        if not participle:
            # another subject right before the verb ("as they look to agree"): not ours
            blockers = [u for u in toks[cut:k] if u.lower in _OTHER_SUBJECTS]
            if blockers:
                last = blockers[-1]
                bodies = [r for r in before if r.start < last.start and r.kind in ("state", "organisation")
                          and r.eligible_subject and _usable(r)]
                if last.lower == "it" and bodies:
                    return _speaker_key(ctx, bodies[-1]), "frame before"  # "X's ministry said it would …"
                before = [r for r in before if r.start > last.start]
        if participle:
            subject = next((r for r in before if r.eligible_subject and _usable(r)), None)
        else:
            subject = next((r for r in reversed(before) if r.eligible_subject and _usable(r)), None)
        if subject is None:
            after = [r for r in ctx.refs_between(t.end, q.open_at) if _usable(r) and not r.in_quote]
            if after and len(ctx.text[t.end:after[0].full_start].split()) <= 2:
                subject = after[0]
        if subject is None or (subject.kind == "outlet" and v[0] == "report"):
            return None, None
        return _speaker_key(ctx, subject), "frame before"
    return None, None


def attribute(
    text: str,
    paragraphs: tuple[tuple[int, int], ...],
    headings: tuple[tuple[int, int], ...],
    quotes: list[QuoteSpan],
    refs: list[Ref],
    terms: TermIndex | None = None,
    lex: Lexicon | None = None,
) -> list[Attribution]:
    """A speaker (actor key) for each quote, in order."""
    lex = lex or lexicon()
    qindex = QuoteIndex([(q.start, q.end) for q in quotes])
    sentences: list[tuple[int, int]] = []
    for a, b in paragraphs:
        sentences.extend(sentence_spans(text, a, b, qindex, lex.verb))
    refs = sorted(refs, key=lambda r: r.start)
    ctx = _Context(
        text=text, quotes=quotes, refs=refs, ref_starts=[r.start for r in refs],
        sentences=sentences, sent_starts=[s[0] for s in sentences],
        paragraphs=paragraphs or ((0, len(text)),), qindex=qindex, lex=lex,
        para_starts=[p[0] for p in (paragraphs or ((0, len(text)),))],
    )
    heading_starts = [h[0] for h in headings]

    def heading_of(pos: int) -> bool:
        i = bisect.bisect_right(heading_starts, pos) - 1
        return i >= 0 and headings[i][0] <= pos < headings[i][1]
    out: list[list] = []
    for q in quotes:
        heading = heading_of(q.start)
        term = bool(
            terms and is_short(text[q.start:q.end]) and terms.is_term(text[q.start:q.end])
            and not _verb_phrase(text[q.start:q.end], lex)
            and not re.search(r"\b(?:is|was|are|were|be|been|being|has|have|had|get|got)\s*$", text[max(0, q.open_at - 12):q.open_at])
        )
        key = _postposed(ctx, q, heading)
        via = "frame after" if key else None
        if key is None:
            key, via = _preposed(ctx, q, heading, term)
        out.append([key, via])

    # 3. same sentence: share a frame when no other verb or name stands between
    for i, q in enumerate(quotes):
        if out[i][0] is not None or out[i][1] == "term":
            continue
        s = ctx.sentence_of(q.start)
        for j in (i + 1, i - 1):
            if not 0 <= j < len(quotes) or out[j][0] is None:
                continue
            other = quotes[j]
            if ctx.sentence_of(other.start) != s:
                continue
            a, b = (q.close_at, other.open_at) if j > i else (other.close_at, q.open_at)
            gap = ctx.outside_tokens(a, b)
            has_verb = any(_is_verb(t, None, lex, False) for t in gap)
            has_name = any(_usable(r) and not r.in_quote for r in ctx.refs_between(a, b))
            if not has_verb and not has_name:
                out[i] = [out[j][0], "same sentence"]
                break

    # 3b. "X was caught "red-handed" trying to …, Y has claimed.": the frame closing the sentence
    for i, q in enumerate(quotes):
        if out[i][0] is not None or out[i][1] == "term":
            continue
        s = ctx.sentences[ctx.sentence_of(q.start)]
        for r in reversed(ctx.refs_between(q.close_at, s[1])):
            if r.in_quote or not r.verb_after or not _usable(r):
                continue
            before = text[max(q.close_at, r.full_start - 3):r.full_start]
            tail = text[r.end:s[1]].split()
            if "," in before and len(tail) <= 7 and not any(
                x.start < r.start for x in quotes if q.close_at <= x.open_at < r.start
            ):
                out[i] = [_speaker_key(ctx, r), "frame closing the sentence"]
            break

    # 4. continuation in the paragraph, then a quote-only paragraph after a quoted speaker
    for i, q in enumerate(quotes):
        if out[i][0] is not None or out[i][1] == "term" or i == 0 or out[i - 1][0] is None:
            continue
        prev = quotes[i - 1]
        pq, pp = ctx.paragraph_of(q.start), ctx.paragraph_of(prev.start)
        names_between = [
            r for r in ctx.refs_between(prev.close_at, q.open_at)
            if _usable(r) and not r.in_quote and r.kind != "pronoun"
            and _speaker_key(ctx, r) != out[i - 1][0]
            and ((r.kind in ("person", "surname", "role") and r.eligible_subject) or r.verb_after)
        ]
        if names_between:
            continue
        if pq == pp:
            out[i] = [out[i - 1][0], "continuation"]
        elif pq == pp + 1 and paragraphs[pq][0] == q.open_at and not is_short(text[q.start:q.end]):
            out[i] = [out[i - 1][0], "paragraph continuation"]
    # pronouns outside quotes get the key of who they refer to (the stance step uses them)
    for r in refs:
        if r.kind == "pronoun" and r.key is None and not r.in_quote:
            r.key = resolve_pronoun(ctx, r)
    return [Attribution(k, v) for k, v in out]
