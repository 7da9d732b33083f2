"""Who said it: an ordered list of named sieves, most precise first.

After Muzny et al. (2017), "A Two-stage Sieve Approach for Quote Attribution", and CoreNLP's
``QuoteAttributionAnnotator``: each sieve is a function that looks at the quotes still open,
in reading order, and may give one a speaker (an actor key) — or close it without one — and
records its name (:class:`~tui.core.model.Via`). The sieves, in order (:data:`SIEVES`):

1. **frame after** the closing mark: ``"…," Putin said`` / ``"…," said Putin`` /
   ``"…," explains Dr. Jane Roe`` / ``"…," a government spokesman said``; ``"…," the
   statement reads``; ``"…," according to X``.
2. **frame before** in the same sentence: the nearest reporting verb before the quote
   (``Macron told reporters: "…"``, ``X warned that "…"``, ``saying "…"``) and its subject:
   the nearest name before the verb that is not inside a prepositional phrase or a possessive;
   for a participle after a comma (``…, saying "…"``) the subject of the main clause;
   ``according to X``. A short quoted term (see below) is closed here as a *term*.
3. **same sentence:** quotes in one sentence with one frame share it (``"A" but "B," X said``).
4. **frame closing the sentence:** ``X was caught "red-handed" doing …, Y has claimed.``
5. **continuation:** a quote with no frame after a quote of the same paragraph with a
   speaker (``"A?" X said. "B."``), and a quote-only paragraph after a quoted speaker.
6. **unnamed source:** no named speaker, but a frame that describes one (``"…," a senior
   White House official said``, ``police said``, ``the ministry said in a statement``): the
   quote keeps no speaker and the description is kept as its ``speaker_text``.

Pronouns (``he``/``she``) resolve to the nearest person named before, outside quotes,
preferring the subject of that sentence; :func:`attribute` returns those resolutions too, for
every pronoun outside a quote (the stance step reads them). A description (``the Ukrainian
leader``) was already linked to a person by the actors step when it can be.

A short quote (four words or fewer) that the story also uses without quote marks is a term in
use (the name of a plan, say), not a remark: it gets a speaker only from a frame right beside it.
Better no speaker than a wrong one: anything else stays ``None``.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .doc import Doc, Spans
from .lexicon import Lexicon, lexicon
from .mentions import GO_ON, HIT_BACK, Ref
from .model import Via
from .quotes import QuoteSpan
from .text import Token, is_short, words

REACH = 30  # word tokens between a reporting verb and the quote it introduces
LOOKBACK = 600  # characters before a quote that can hold its frame
PRONOUN_LOOKBACK = 3000  # characters before a pronoun searched for the person it means
SPEAKER_KINDS = ("person", "surname", "role", "state", "organisation", "outlet", "pronoun")
_SKIP_AFTER_QUOTE = set(",.;:?!—–-…") | {"then", "also", "later"}
_OPENING = "\"“‘'«"


@dataclass(frozen=True)
class Attribution:
    speaker: str | None  # actor key
    via: Via | None  # the sieve that named the speaker, or why none (TERM)
    ref: Ref | None = None  # the mention that named the speaker (a name, a pronoun, a description)
    described: str | None = None  # an unnamed source's description: "a senior White House official"


@dataclass(frozen=True)
class Attributions:
    """What attribution gives the next stages: a speaker per quote, and who each pronoun means."""

    quotes: list[Attribution]
    pronouns: dict[Ref, str | None]


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


def _verb_phrase(quote: str, lex: Lexicon) -> bool:
    """``"caught red-handed"`` is a predicate someone used, not the name of a thing."""
    first = quote.split()[0].lower().strip("\"'“”‘’,.") if quote.split() else ""
    return first.endswith(("ed", "ing")) or lex.verb(first) is not None or first in (
        "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
        "should", "must", "not", "no", "never")


class _Context:
    """One document, its refs in order, and which actor each ref means."""

    def __init__(self, doc: Doc, refs: list[Ref], keys: Mapping[Ref, str], lex: Lexicon,
                 genders: dict[str, str] | None = None):
        self.genders: dict[str, str] = dict(genders or {})
        self.doc = doc
        self.text = doc.text
        self.refs = sorted(refs, key=lambda r: r.start)
        self.ref_starts = [r.start for r in self.refs]
        self.keys = keys
        self.lex = lex
        self.quotes = doc.quote_spans

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.doc.sentence(pos)

    def sentence_of(self, pos: int) -> int:
        return self.doc.sentences.index_of(pos)

    def paragraph_of(self, pos: int) -> int:
        return self.doc.paragraphs.index_of(pos)

    def refs_between(self, a: int, b: int) -> list[Ref]:
        import bisect

        i = bisect.bisect_left(self.ref_starts, a)
        out = []
        while i < len(self.refs) and self.refs[i].start < b:
            out.append(self.refs[i])
            i += 1
        return out

    def ref_at(self, pos: int) -> Ref | None:
        """The ref whose full span starts at pos (titles included) or whose name starts there."""
        for r in self.refs_between(pos - 80, pos + 80):
            if pos in (r.full_start, r.start):
                return r
        return None

    def tokens(self, a: int, b: int) -> list[Token]:
        return self.doc.tokens_in(a, b)

    def outside_tokens(self, a: int, b: int) -> list[Token]:
        """Word tokens in [a, b) that are not inside a quotation."""
        return [t for t in self.doc.tokens_in(a, b) if not self.doc.quotes.covers(t.start)]

    def quote_mark_at(self, pos: int) -> bool:
        """Is there an opening or closing mark of a quotation at ``pos``?"""
        if not hasattr(self, "_marks"):
            self._marks = Spans([(q.open_at, q.start) for q in self.quotes] + [(q.end, q.close_at) for q in self.quotes
                                                                              if q.close_at > q.end])
        return self._marks.covers(pos)

    def gender(self, key: str) -> str | None:
        return self.genders.get(key)

    def key(self, ref: Ref) -> str | None:
        return self.keys.get(ref)

    def usable(self, ref: Ref) -> bool:
        return ref.kind in SPEAKER_KINDS and (self.key(ref) is not None or ref.kind == "pronoun") and not ref.plural \
            and not ref.staff

    def attribution(self, ref: Ref | None, via: Via) -> Attribution | None:
        """The attribution a sieve gives through ``ref``, or None when it names nobody."""
        key = self.speaker(ref)
        return Attribution(key, via, ref) if key else None

    def speaker(self, ref: Ref | None) -> str | None:
        """The actor a ref names as a speaker (a pronoun: the person it was resolved to)."""
        if ref is None:
            return None
        if ref.kind == "pronoun":
            return self.keys.get(ref) if isinstance(self.keys, _Overlay) else resolve_pronoun(self, ref)
        return self.key(ref) if self.usable(ref) else None


_PHRASAL = {("back", w): "retort" for w in HIT_BACK} | {("on", w): "continue" for w in GO_ON} \
    | {("it", w): "put" for w in ("put", "puts")}  # "As Roe puts it, …"


def _is_verb(
    tok: Token, prev: Token | None, lex: Lexicon, heading: bool, nxt: Token | None = None
) -> tuple[str, int] | None:
    if not tok.is_word:
        return None
    if prev is not None and (tok.lower, prev.lower) in _PHRASAL:
        return _PHRASAL[(tok.lower, prev.lower)], 0  # "Roe fired back: …", "Roe went on: …"
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
    if nxt is not None and tok.lower == v[0] and prev is not None and prev.is_cap and nxt.is_word \
            and not nxt.is_cap and nxt.lower not in lex.stopwords:
        return None  # "NATO state envoys", "the Senate report card": a noun between a name and a noun
    return v


def _salience(ctx: _Context, ref: Ref, r: Ref, here: int) -> float:
    """How likely the pronoun ``ref`` means the person mentioned at ``r`` (the higher, the likelier):
    recent mentions first, a subject over an object, someone speaking over someone spoken of,
    and a pronoun already resolved carries its person on ("he … he said")."""
    # a sentence further back costs more than a subject's advantage: recency first, then role
    score: float = -3.0 * (here - ctx.sentence_of(r.start))
    if r.eligible_subject and not _object(ctx, r):
        score += 1.5
    elif r.possessive and _at_clause_start(ctx, r):
        score += 1.0  # "X's loudest cheer came when he said"
    if r.verb_after or _inverted_speaker(ctx, r):
        score += 1.0 + (1.0 if ref.verb_after else 0.0)
    if r.kind == "pronoun":
        score += 0.5
    return score


def _inverted_speaker(ctx: _Context, r: Ref) -> bool:
    """``"…," said Jo Roe``: the name after a verb of speech that follows a quotation."""
    toks = ctx.tokens(max(0, r.full_start - 40), r.full_start)
    words = [t for t in toks if t.is_word]
    if not words or not ctx.lex.verb(words[-1].text):
        return False
    k = toks.index(words[-1])
    return k > 0 and (toks[k - 1].text in ",”\"'’" or ctx.quote_mark_at(toks[k - 1].start))


_SUBJECT_LEFT = {"and", "or", "but", "that", "when", "while", "as", "because", "if", "so", "then", "after",
                 "before", "where", "who", "since", "although", "though", "said", "says", "say", "told", "added"}


def _object(ctx: _Context, r: Ref) -> bool:
    """A name right after a verb ("could not support X") is its object, not a subject."""
    toks = ctx.tokens(max(0, r.full_start - 30), r.full_start)
    if not toks:
        return False
    prev = toks[-1]
    low = prev.lower
    if low in ctx.lex.roles and len(toks) >= 2 and (toks[-2].lower in ctx.lex.noun_guards or toks[-2].kind == "poss"):
        return False  # "his cousin X", "the party's treasurer X": a noun describing X, no verb
    return prev.is_word and not prev.is_cap and low not in _SUBJECT_LEFT and low not in ctx.lex.auxiliaries \
        and low not in ctx.lex.stopwords and low not in ctx.lex.roles


def _at_clause_start(ctx: _Context, r: Ref) -> bool:
    s0 = ctx.sentence(r.start)[0]
    return not [t for t in ctx.tokens(s0, r.full_start) if t.is_word and t.lower not in _SUBJECT_LEFT]


def _cataphora(ctx: _Context, ref: Ref, want: str) -> str | None:
    """``When he returns home, Jo Roe said …``: a pronoun in a clause that opens the sentence
    means the subject right after that clause's comma (when the gender fits)."""
    s0 = ctx.sentence(ref.start)[0]
    words = [t for t in ctx.tokens(s0, ref.start) if t.is_word]
    if not words or words[0].lower not in _SUBORDINATORS or "," in ctx.text[s0:ref.start]:
        return None
    comma = ctx.text.find(",", ref.end, ctx.sentence(ref.start)[1])
    if comma < 0:
        return None
    after = next((r for r in ctx.refs_between(comma, comma + 60) if not r.in_quote), None)
    if after is None or after.kind not in ("person", "surname") or ctx.text[comma + 1:after.full_start].strip() \
            or not after.eligible_subject:
        return None
    key = ctx.key(after)
    if not key or not key.startswith("person:") or ctx.gender(key) not in (want, None):
        return None
    return key


def resolve_pronoun(ctx: _Context, ref: Ref) -> str | None:
    """The person a ``he``/``she`` at ``ref`` refers to, by salience (:func:`_salience`) among
    the people of the last paragraphs whose gender does not contradict the pronoun (titles,
    given names and role words tell it, and so do the pronouns already resolved)."""
    want = "f" if ref.text.lower() == "she" else "m"
    ahead = _cataphora(ctx, ref, want)
    if ahead is not None:
        return ahead
    para = ctx.paragraph_of(ref.start)
    lo = max(ctx.doc.paragraphs[max(0, para - 2)][0], ref.start - PRONOUN_LOOKBACK)
    here = ctx.sentence_of(ref.start)
    best: tuple[float, int] | None = None
    chosen = None
    for r in ctx.refs_between(lo, ref.start):
        key = ctx.key(r)
        if not key or not key.startswith("person:") or r.in_quote or r.in_heading or r.staff:
            continue
        gender = ctx.gender(key)
        if gender is not None and gender != want:
            continue
        rank = (_salience(ctx, ref, r, here) + (0.5 if gender == want else 0.0), r.start)
        if best is None or rank > best:
            best, chosen = rank, key
    return chosen


def last_subject(ctx: _Context, pos: int) -> Ref | None:
    """The name last used as a subject before ``pos`` (a statement's author)."""
    para = ctx.paragraph_of(pos)
    lo = max(ctx.doc.paragraphs[max(0, para - 1)][0], pos - PRONOUN_LOOKBACK)
    for r in reversed(ctx.refs_between(lo, pos)):
        if r.in_quote or not r.eligible_subject or r.kind == "pronoun" or not ctx.usable(r):
            continue
        return r
    return None


# ---------------------------------------------------------------- sieve 1: a frame after the quote
def _first_after(ctx: _Context, q: QuoteSpan) -> tuple[list[Token], int, int] | None:
    """The tokens after the closing mark (to the sentence's end), and the first that counts."""
    s = ctx.sentence(q.start)
    heading = ctx.doc.headings.covers(q.start)
    if s[1] <= q.close_at + 1 and (_short_frame_next(ctx, s[1]) or (heading and s[1] < ctx.doc.paragraph(q.start)[1])):
        s = ctx.sentence(s[1] + 1)  # "“… today.” Jo Roe said.": the full stop came too early
    end = min(s[1], q.close_at + 200)
    toks = ctx.tokens(q.close_at, end)
    i = 0
    while i < len(toks) and (toks[i].text in _SKIP_AFTER_QUOTE or toks[i].lower in _SKIP_AFTER_QUOTE):
        i += 1
    if i >= len(toks) or i > 3:
        return None
    first = toks[i]
    if ctx.doc.quotes.covers(first.start) or first.text[:1] in _OPENING:
        return None
    return toks, i, end


_DESCRIPTION_WORDS = 8


def _describes(ctx: _Context, toks: list[Token]) -> bool:
    """Could ``toks`` be a description before a name (``Concord resident``, ``the bureau's
    director,``, ``Florida-based Republican strategist``): no verb, no function word but an
    article at its start, at most one comma (before the name)?"""
    words = [t for t in toks if t.is_word]
    if len(words) > _DESCRIPTION_WORDS:
        return False
    for k, t in enumerate(toks):
        if t.is_word:
            low = t.lower
            article_first = k == 0 and low in ("the", "a")
            if (ctx.lex.verb(t.text) and not t.is_cap) or (low in ctx.lex.stopwords and not article_first):
                return False
        elif t.text == "," and k != len(toks) - 1 or t.text not in ",-’'.":
            return False
    return True


_AFTER_BARE_FRAME = {"during", "at", "on", "in", "to", "after", "before", "while", "when", "as", "earlier", "later",
                     "last", "this", "yesterday", "today", "tonight", "recently", "monday", "tuesday", "wednesday",
                     "thursday", "friday", "saturday", "sunday", "via", "by", "from"}


def _short_frame_next(ctx: _Context, pos: int) -> bool:
    """Is the sentence after ``pos`` a bare frame: a name and a verb of speech, or the verb and
    a name (``Jo Roe said.``, ``said Jo Roe, the mayor.``), in the same paragraph?"""
    nxt = ctx.sentence(pos + 1)
    if nxt[0] <= pos or ctx.paragraph_of(nxt[0]) != ctx.paragraph_of(pos):
        return False
    words = [t for t in ctx.tokens(nxt[0], nxt[1]) if t.is_word]
    if not 2 <= len(words) <= 16 or any(ctx.doc.quotes.covers(w.start) for w in words):
        return False  # (a sentence holding a quotation frames that one: "He added: '…'")
    refs = [r for r in ctx.refs_between(nxt[0], nxt[0] + 60) if not (r.modifier or r.possessive)]
    first = refs[0] if refs else None
    lead = ctx.text[nxt[0]:first.full_start].split() if first is not None else []
    if first is not None and len(lead) <= 2 and not any(ctx.lex.verb(w) for w in lead) \
            and first.verb_after and first.verb_at is not None:  # ("US Senator Jo Roe said.": a modifier first)
        after = [t for t in ctx.tokens(first.verb_at, nxt[1]) if t.is_word][1:]
        if len(words) <= 8 or not after or after[0].lower in _AFTER_BARE_FRAME \
                or (after[0].lower.endswith("ly") and len(after[0].lower) > 4):  # "said softly to the crowd"
            return True  # "Jo Roe said." / "Jo Roe said during a visit to …", not "Jo Roe said that …"
    return bool(ctx.lex.verb(words[0].text)) and first is not None and first.start <= words[1].end + 20


def _statement_reads(ctx: _Context, toks: list[Token], i: int, q: QuoteSpan) -> bool:
    """``"…," the statement reads`` (its author is whoever was last said to have issued it)."""
    return (
        toks[i].lower in ("the", "a", "its", "their", "his", "her")
        and i + 2 < len(toks)
        and toks[i + 1].lower in ctx.lex.documents
        and bool(ctx.lex.verb(toks[i + 2].text) or toks[i + 2].lower in ("reads", "read"))
    )


_RELATIVES = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "while", "because", "if"})


def _name_then_verb(ctx: _Context, first: Token, end: int) -> Ref | None:
    """``"…," the Post's bureau chief Jane Roe said``: the first speaker-like name with its verb,
    past owners and modifiers, before any other verb or quotation."""
    for r in ctx.refs_between(first.start, min(end, first.start + 120)):
        if r.possessive or r.modifier or r.kind == "outlet" or r.in_quote:
            continue
        between = ctx.tokens(first.start, r.full_start)
        if any(ctx.lex.verb(t.text) for t in between if t.is_word and not t.is_cap):
            return None
        if any(t.text[:1] in _OPENING and t.kind == "punct" for t in between):
            return None  # another quotation first: the frame is that one's
        if any(t.lower in _RELATIVES for t in between):
            return None  # ", an element of the dispute that X mentioned": a clause, no frame
        if r.verb_after and ctx.usable(r):
            return r
        # a word that only qualifies the title ("Florida governor X", "CrowdStrike co-founder X")
    return None


def _frame_after(ctx: _Context, q: QuoteSpan) -> Ref | None:
    """The name (or pronoun, or description) of the frame after the quote."""
    found = _first_after(ctx, q)
    if found is None:
        return None
    toks, i, end = found
    first = toks[i]
    # "…," Putin said / "…," a government spokesman said / "…," he told reporters
    ref = ctx.ref_at(first.start)
    if ref is not None and ref.verb_after and ctx.usable(ref):  # an outlet that reports speaks too
        return ref
    if _statement_reads(ctx, toks, i, q):
        return last_subject(ctx, q.open_at)
    if not ctx.lex.verb(first.text):
        named = _name_then_verb(ctx, first, end)
        if named is not None:
            return named
    # "“…,” Jane Roe." — a name and nothing else closes the sentence (headline style)
    if ref is not None and ctx.usable(ref) and ref.kind in ("person", "surname", "role"):
        s = ctx.sentence(q.start)
        if not ctx.text[ref.end:s[1]].strip(" .\n"):
            return ref
    # "…," said Putin / "…," explains Dr. Jane Roe / "…," said Atlantic City Mayor Jo Roe
    if ctx.lex.verb(first.text) and not first.lower.endswith("ing"):
        after = ctx.refs_between(first.end, min(end, first.end + 100))
        for k, r in enumerate(after):
            if not _describes(ctx, [t for t in ctx.tokens(first.end, r.full_start) if t.kind != "poss"]):
                break  # "said on Monday that X …": not the inverted frame
            nxt = after[k + 1] if k + 1 < len(after) else None
            if nxt is not None and nxt.kind in ("person", "surname") and (r.possessive or nxt.title) \
                    and _describes(ctx, [t for t in ctx.tokens(r.end, nxt.full_start) if t.kind != "poss"]) \
                    and "," not in ctx.text[r.end:nxt.start]:
                continue  # "said Quill's top aide Jon Tarrow", "said Quill campaign spokesman Hal Gidd"
            if ctx.usable(r) and r.kind in ("person", "surname", "role", "pronoun"):
                return r
    # "…," according to X
    if first.lower == "according" and i + 1 < len(toks) and toks[i + 1].lower == "to":
        for r in ctx.refs_between(toks[i + 1].end, end):
            if ctx.usable(r):
                return r
            break
    return None


def frame_after(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    return ctx.attribution(_frame_after(ctx, quotes[i]), Via.FRAME_AFTER)


# ---------------------------------------------------------------- sieve 2: a frame before it
def _common_noun_subject(ctx: _Context, toks: list[Token], k: int, cut: int) -> bool:
    """Is the word before the verb at toks[k] the head of a plain noun phrase ("the industry")?"""
    j = k - 1
    if j >= cut and (toks[k].lower, toks[j].lower) in _PHRASAL:
        j -= 1  # "Roe fired back": the verb is "fired"
    while j >= cut and toks[j].is_word and toks[j].lower in ctx.lex.auxiliaries:
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
        if toks[m].lower in ctx.lex.determiners:
            return True
    return False


def _frame_sentence(ctx: _Context, q: QuoteSpan) -> tuple[int, int]:
    """The stretch before the quote that can hold its frame: its sentence, read near the quote
    only; for a quote that opens a paragraph after one ending with a colon, that sentence."""
    s = ctx.sentence(q.open_at)
    s = (max(s[0], q.open_at - LOOKBACK), s[1])  # a runaway "sentence" is read near the quote only
    k = ctx.paragraph_of(q.open_at)
    para = ctx.doc.paragraphs[k]
    if s[0] == q.open_at == para[0] and k > 0:
        prev = ctx.doc.paragraphs[k - 1]
        if ctx.text[prev[0]:prev[1]].rstrip().endswith(":"):
            # "The minister told parliament:" / new paragraph with the quote
            s = (ctx.sentence(prev[1] - 1)[0], q.open_at)
    return s


def _names_a_title(ctx: _Context, r: Ref, refs: list[Ref]) -> bool:
    """``Harbour Police Chief Jo Roe``: a body named in the title of the person right after it."""
    nxt = next((x for x in refs if x.start >= r.end), None)
    return r.kind in ("organisation", "state") and nxt is not None and nxt.kind in ("person", "surname") \
        and not ctx.text[r.end:nxt.full_start].strip()


def _subject_of(ctx: _Context, toks: list[Token], k: int, cut: int, s0: int, q: QuoteSpan,
                participle: bool) -> tuple[Ref | None, bool]:
    """The subject of the reporting verb at toks[k], and whether it is a body named before "it"
    ("X's ministry said it would …": taken as it is, with no further check)."""
    t = toks[k]
    before = [r for r in ctx.refs_between(s0, t.start) if not r.in_quote]
    if before and t.lower.endswith("ing") and not ctx.text[before[-1].end:t.start].strip() and ctx.usable(before[-1]) \
            and before[-1].prep in (None, "with"):
        return before[-1], False  # "with X saying …": X says it (not "a letter to X saying …")
    # the name this verb was found to follow, past an appositive ("X, the head of Y, said")
    # (the first of them: "X, chief of the Y Hospital, told" is X's frame, not the hospital's)
    # "the head of the Y Guild, Jo Roe, said": the name set off by commas after a description
    # names the subject (not the Guild, which the description only mentions)
    apposed = before[-1] if before else None
    if apposed is not None and apposed.kind == "person" and ctx.usable(apposed) \
            and ctx.text[apposed.end:t.start].strip() == "," \
            and ctx.text[max(s0, apposed.full_start - 2):apposed.full_start].strip() == "," \
            and (len(before) < 2 or before[-2].kind != "person"):
        return apposed, False
    own = next((r for r in before if r.verb_at == t.start and r.eligible_subject and ctx.usable(r)), None)
    if own is not None:
        return own, False
    if participle:
        # "X said, adding …" / "X smiled and said …": the subject of the clause the participle
        # hangs on: a name that has its own verb of speech, else the first subject of the main
        # clause (past an introductory clause: "When asked whom she backed, X said …")
        usable = [r for r in before if r.eligible_subject and ctx.usable(r) and not _names_a_title(ctx, r, before)]
        speaking = [r for r in usable if r.verb_after and r.kind != "outlet"]
        main = [r for r in usable if r.start >= _intro_end(ctx, s0, t.start)]
        subject = speaking[-1] if speaking else next(iter(main or usable), None)
    else:
        # another subject right before the verb ("as they look to agree"): not ours
        blockers = [u for u in toks[cut:k] if u.lower in ctx.lex.other_subjects]
        if blockers:
            last = blockers[-1]
            bodies = [r for r in before if r.start < last.start and r.kind in ("state", "organisation")
                      and r.eligible_subject and ctx.usable(r)]
            if last.lower == "it" and bodies:
                return bodies[-1], True
            before = [r for r in before if r.start > last.start]
        subject = next((r for r in reversed(before) if r.eligible_subject and ctx.usable(r)), None)
    if subject is None:
        after = [r for r in ctx.refs_between(t.end, q.open_at) if ctx.usable(r) and not r.in_quote]
        if after and len(ctx.text[t.end:after[0].full_start].split()) <= 2:
            subject = after[0]
    return subject, False


_SUBORDINATORS = {"when", "as", "while", "after", "before", "if", "although", "though", "because", "since", "asked",
                  "speaking", "in", "at", "on", "during", "despite", "following", "unlike", "like", "until", "once",
                  "whether", "with", "without", "for", "by", "from", "to", "under", "over", "amid"}


def _intro_end(ctx: _Context, s0: int, limit: int) -> int:
    """Where the main clause starts, when the sentence opens with a subordinate clause or a
    prepositional phrase closed by a comma ("When asked whom she backed, …"); else ``s0``."""
    words = [t for t in ctx.tokens(s0, limit) if t.is_word]
    if not words or words[0].lower not in _SUBORDINATORS:
        return s0
    comma = ctx.text.find(",", s0, limit)
    return comma + 1 if comma >= 0 else s0


def _cut_after_earlier_quote(ctx: _Context, toks: list[Token]) -> int:
    """The index after the last quotation in ``toks``: an earlier quote's frame is its own.

    Only real quotations cut: the quote marks of a show or a book named in the frame
    (``told Harbour TV's “Morning Quay” that …``) are no quotation and cut nothing."""
    cut = 0
    for k, t in enumerate(toks):
        if ctx.doc.quotes.covers(t.start) or (t.kind == "punct" and ctx.quote_mark_at(t.start)):
            cut = k + 1
    return cut


def _frame_before(ctx: _Context, q: QuoteSpan, heading: bool, term: bool) -> Attribution | None:
    """Speaker from a frame before the quote; ``Attribution(None, TERM)`` closes a term."""
    s = _frame_sentence(ctx, q)
    toks = ctx.tokens(s[0], q.open_at)
    cut = _cut_after_earlier_quote(ctx, toks)
    words_seen = 0
    for k in range(len(toks) - 1, cut - 1, -1):
        t = toks[k]
        if not t.is_word:
            continue
        prev = toks[k - 1] if k > 0 else None
        if t.lower == "to" and prev is not None and prev.lower == "according":
            for r in ctx.refs_between(t.end, q.open_at):
                if ctx.usable(r) and r.kind != "outlet":
                    return ctx.attribution(r, Via.ACCORDING_TO)
            return None
        words_seen += 1
        if words_seen > REACH:
            break
        v = _is_verb(t, prev, ctx.lex, heading, toks[k + 1] if k + 1 < len(toks) else None)
        if not v:
            continue
        if prev is not None and prev.lower in ("who", "that") and k >= 2 and toks[k - 2].is_word \
                and not toks[k - 2].is_cap and toks[k - 2].lower not in ctx.lex.person_pronouns:
            continue  # "handled skippers who complained": a relative clause; the frame is further back
        if term and (words_seen > 4 or v[0] not in ctx.lex.naming_verbs):
            return Attribution(None, Via.TERM)
        # a participle after a comma, or a second verb of the same subject ("said …, and
        # added"): the subject is the one of the main clause
        comma_before = prev is not None and (prev.text in (",", "-", "—", "–") or (  # ("…values," stating)
            k >= 2 and prev.kind == "punct" and ctx.quote_mark_at(prev.start) and toks[k - 2].text == ","))
        participle = prev is not None and (
            (t.lower.endswith("ing") and (comma_before or prev.lower in ctx.lex.documents))
            or prev.lower in ("and", "but")
        )  # "X said, adding …", "X smiled and said …", "X said …, but added", "X issued a statement saying …"
        if not participle and _common_noun_subject(ctx, toks, k, cut):
            return None  # "a move the industry called "X"": the subject is no one we know
        subject, body = _subject_of(ctx, toks, k, cut, s[0], q, participle)
        if body:
            return ctx.attribution(subject, Via.FRAME_BEFORE)
        if subject is None:
            return None
        return ctx.attribution(subject, Via.FRAME_BEFORE)
    return None


def frame_before(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    q = quotes[i]
    found = _frame_before(ctx, q, ctx.doc.headings.covers(q.start), terms[i])
    if found is None or (found.speaker is None and found.via != Via.TERM):
        return None
    return found


_SAYING_NOUNS = {"remark", "remarks", "comment", "comments", "words", "statement", "conclusion", "claim", "claims",
                 "description", "assertion", "argument", "promise", "pledge", "warning", "call", "vow", "suggestion",
                 "view", "insistence", "complaint", "phrase", "slogan", "message", "answer", "reply", "response",
                 "quip", "line", "tweet", "post", "speech", "declaration", "admission", "prediction", "threat",
                 "accusation", "charge", "attack", "lament", "boast", "demand", "plea", "appeal", "criticism",
                 "denial", "retort", "refrain", "mantra", "catchphrase", "motto", "pitch", "tirade", "rant",
                 "characterization", "characterisation", "cry"}


_MODIFIERS_BEFORE_NOUN = 3  # "X's later unproven boast that …"


def _saying_phrase(ctx: _Context, words: list[Token]) -> bool:
    """``remark that``, ``later unproven boast that``, ``plea for``, ``promise``: (a few
    modifiers and) a noun of saying, then the quote or a preposition that leads to it."""
    k = 0
    while k < len(words) and k < _MODIFIERS_BEFORE_NOUN and words[k].lower not in _SAYING_NOUNS and \
            not ctx.lex.verb(words[k].text) and words[k].lower not in ctx.lex.stopwords and not words[k].is_cap:
        k += 1
    if k >= len(words) or words[k].lower not in _SAYING_NOUNS or len(words) > 10:
        return False
    return len(words) == k + 1 or words[k + 1].lower in ("that", "of", "about", "on", "to", "for")


def _pronoun_owner(ctx: _Context, tok: Token) -> Ref | None:
    """Whom "his"/"her" at ``tok`` means: the last person of that gender named as a subject (or
    a he/she already resolved) in this paragraph or the one before."""
    want = "m" if tok.lower == "his" else "f"
    para = ctx.paragraph_of(tok.start)
    lo = ctx.doc.paragraphs[max(0, para - 1)][0]
    for r in reversed(ctx.refs_between(lo, tok.start)):
        if r.in_quote or not ctx.usable(r) or not (r.eligible_subject or r.kind == "pronoun"):
            continue
        key = ctx.speaker(r)
        if key and key.startswith("person:") and ctx.gender(key) in (want, None):
            return r
    return None


def owner_of_words(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """``X's "open doors" comment``, ``X's finding that the pier was "unsafe"``, ``his
    plea for "a sea wall"``: the words are those of the person whose remark they are."""
    q = quotes[i]
    s0 = ctx.sentence(q.open_at)[0]
    toks = ctx.tokens(max(s0, q.open_at - 200), q.open_at)
    for r in reversed(ctx.refs_between(max(s0, q.open_at - 200), q.open_at)):
        if not (r.possessive and ctx.usable(r) and r.kind in ("person", "surname", "role", "organisation", "state")):
            continue
        after = [t for t in toks if t.start >= r.end and t.kind != "poss"]
        if not after:
            return ctx.attribution(r, Via.OWNER)  # X's "…"
        if _saying_phrase(ctx, [t for t in after if t.is_word]):
            return ctx.attribution(r, Via.OWNER)  # X's remark that "…"
        return None
    mine = [k for k, t in enumerate(toks) if t.lower in ("his", "her") and not ctx.doc.quotes.covers(t.start)]
    if mine and _saying_phrase(ctx, [t for t in toks[mine[-1] + 1:] if t.is_word]):
        owner = _pronoun_owner(ctx, toks[mine[-1]])  # his plea for "…"
        return ctx.attribution(owner, Via.OWNER) if owner is not None else None
    return None


# ---------------------------------------------------------------- sieves 3-5: other quotes' frames
def same_sentence(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """Share the frame of a neighbour in the same sentence when no other verb or name stands between."""
    q = quotes[i]
    s = ctx.sentence_of(q.start)
    for j in (i + 1, i - 1):
        other_at = out[j] if 0 <= j < len(quotes) else None
        if other_at is None or other_at.speaker is None:
            continue
        other = quotes[j]
        if ctx.sentence_of(other.start) != s:
            continue
        a, b = (q.close_at, other.open_at) if j > i else (other.close_at, q.open_at)
        has_verb = any(_is_verb(t, None, ctx.lex, False) for t in ctx.outside_tokens(a, b))
        has_name = any(ctx.usable(r) and not r.in_quote for r in ctx.refs_between(a, b))
        if not has_verb and not has_name:
            return Attribution(other_at.speaker, Via.SAME_SENTENCE, other_at.ref)
    return None


def closing_frame(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """``X was caught "red-handed" trying to …, Y has claimed.``: the frame closing the sentence."""
    q = quotes[i]
    s = ctx.sentence(q.start)
    later = any(q.close_at <= x.open_at < s[1] for x in quotes)  # (a quotation after this one has that frame)
    toks = [] if later else ctx.tokens(q.close_at, s[1])
    for k in range(1, len(toks) - 1):  # "“Delighted” with the ruling, said Jo Roe, of the guild."
        v = toks[k]
        if toks[k - 1].text == "," and v.is_word and not v.is_cap and ctx.lex.verb(v.text) \
                and not v.lower.endswith("ing"):
            r = ctx.ref_at(toks[k + 1].start) or next(iter(ctx.refs_between(v.end, v.end + 40)), None)
            if r is not None and r.kind in ("person", "surname") and ctx.usable(r) \
                    and _describes(ctx, [t for t in ctx.tokens(v.end, r.full_start) if t.kind != "poss"]):
                return ctx.attribution(r, Via.CLOSING_FRAME)
    for r in reversed(ctx.refs_between(q.close_at, s[1])):
        if r.in_quote or not r.verb_after or not ctx.usable(r):
            continue
        before = ctx.text[max(q.close_at, r.full_start - 3):r.full_start]
        tail = ctx.text[r.end:s[1]].split()
        if "," in before and len(tail) <= 7 and not any(
            x.start < r.start for x in quotes if q.close_at <= x.open_at < r.start
        ):
            return ctx.attribution(r, Via.CLOSING_FRAME)
        return None
    return None


def continuation(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """The speaker of the quote before, in the same paragraph or in a quote-only paragraph next."""
    prev_at = out[i - 1] if i else None
    if prev_at is None or prev_at.speaker is None:
        return None
    q, prev = quotes[i], quotes[i - 1]
    # a name in the frame of the quote before (its object, a name in a clause after it:
    # "“A,” X told Y, adding that Z …") is no new speaker; one in a sentence of its own may be
    frame_sentences = {ctx.sentence_of(prev.start)}
    if prev_at.ref is not None:  # ("“Where to?” Jo Roe, a ferry clerk, asked.": the frame's own sentence)
        frame_sentences.add(ctx.sentence_of(prev_at.ref.start))
    names_between = [
        r for r in ctx.refs_between(prev.close_at, q.open_at)
        if ctx.usable(r) and not r.in_quote and r.kind != "pronoun"
        and ctx.speaker(r) != prev_at.speaker
        and ((r.kind in ("person", "surname", "role") and r.eligible_subject) or r.verb_after)
        and ctx.sentence_of(r.start) not in frame_sentences
    ]
    if names_between:
        return None
    pq, pp = ctx.paragraph_of(q.start), ctx.paragraph_of(prev.start)
    if pq == pp:
        return Attribution(prev_at.speaker, Via.CONTINUATION, prev_at.ref)
    if pq == pp + 1 and ctx.doc.paragraphs[pq][0] == q.open_at and not is_short(ctx.text[q.start:q.end]):
        return Attribution(prev_at.speaker, Via.PARAGRAPH_CONTINUATION, prev_at.ref)
    return None


_CLAUSE_OPENERS = {"but", "and", "so", "yet", "still", "however", "meanwhile", "also", "now", "then", "first",
                   "later", "earlier", "instead", "indeed", "moreover", "finally"}
_HEADLINE_PREFIX = 4  # words before a colon that may name a headline's speaker ("Hacker X: …")


def _opening_subject(ctx: _Context, s0: int, limit: int) -> Ref | None:
    """The name that opens the main clause of the sentence starting at ``s0`` (past an
    introductory phrase closed by a comma and an opening conjunction), if it is a subject."""
    start = _intro_end(ctx, s0, limit)
    for r in ctx.refs_between(start, limit):
        if r.in_quote:
            return None
        between = ctx.tokens(start, r.full_start)
        prefix = [t for t in between if t.is_word]
        describes = r.kind == "person" and _describes(ctx, between)
        if any(t.lower not in _CLAUSE_OPENERS for t in prefix) and not describes:
            return None  # (a description may open it: "Republican front-runner Jo Roe defended …")
        if r.eligible_subject and ctx.usable(r) and r.kind != "outlet":
            return r
        if not (r.modifier or r.possessive):
            return None
    return None


def sentence_subject(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """No verb of speech frames the quote, but the sentence is about what its subject says or
    does with these words: ``X praised his deputy as a "thoroughly honest woman"``, ``X referred to
    the "harbour tax"``, and headlines (``X: Y is 'dangerously wrong'``). The subject that opens
    the clause is the speaker when no other name stands between it and the quote."""
    if terms[i]:
        return None
    q = quotes[i]
    s0 = ctx.sentence(q.open_at)[0]
    subject = _opening_subject(ctx, s0, q.open_at)
    if subject is None:
        return None
    others = [r for r in ctx.refs_between(subject.end, q.open_at)
              if ctx.usable(r) and not r.in_quote and r.kind != "pronoun" and ctx.speaker(r) != ctx.speaker(subject)
              and r.eligible_subject and (r.verb_after or r.followed_by_verb)]
    if others:
        return None  # "X said Y called it …": Y's words, not X's
    return ctx.attribution(subject, Via.SENTENCE_SUBJECT)


def headline_speaker(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """A headline's convention: ``Roe: Harbour Tax Is 'a Gift to Landlords'`` — the name before
    the colon speaks what follows it, whoever the words after the colon are about."""
    q = quotes[i]
    if not ctx.doc.headings.covers(q.start):
        return None
    s0 = ctx.doc.headings[ctx.doc.headings.index_of(q.start)][0]  # the headline's start, past any split in it
    colon = ctx.text.find(":", s0, q.open_at)
    if colon < 0 or len(ctx.text[s0:colon].split()) > _HEADLINE_PREFIX:
        return None
    named = next((r for r in reversed(ctx.refs_between(s0, colon)) if ctx.usable(r)), None)
    if named is None or named.possessive:
        return None  # "Roe's rival: …" names someone else
    return ctx.attribution(named, Via.HEADLINE)  # "Roe:", "Port union chief:"


def colon_intro(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """``Here is Roe in June 1994: "…"``, ``The result does not surprise pollster Jo Roe: "…"``:
    no verb of speech, but a colon hands the floor to the quote. The speaker is the subject that
    opens the clause if it is someone, else the last person named before the colon."""
    q = quotes[i]
    s = _frame_sentence(ctx, q)
    if not ctx.text[s[0]:q.open_at].rstrip().endswith(":") or terms[i]:
        return None
    colon = ctx.text.rfind(":", s[0], q.open_at)
    if ctx.doc.quotes.covers(colon - 1):
        return None
    subject = _opening_subject(ctx, s[0], colon)
    if subject is None or subject.kind not in ("person", "surname", "role", "pronoun"):
        people = [r for r in ctx.refs_between(s[0], colon) if not r.in_quote and not r.possessive and ctx.usable(r)
                  and (r.kind in ("person", "surname") or r.text.lower() in ("he", "she"))]
        subject = people[-1] if people else None
    if subject is None or (subject.kind == "pronoun" and subject.text.lower() not in ("he", "she")):
        return None
    return ctx.attribution(subject, Via.COLON)


def document_subject(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """``The council issued a statement, "…"``, ``The museum published a report
    accusing the board of "…"``: the words are the document's, and it is its issuer's (the
    subject of the clause that issued it)."""
    q = quotes[i]
    if terms[i]:
        return None
    s = _frame_sentence(ctx, q)
    toks = ctx.tokens(s[0], q.open_at)
    cut = _cut_after_earlier_quote(ctx, toks)
    for k in range(len(toks) - 1, max(cut, 1) - 1, -1):
        t = toks[k]
        if t.lower in ctx.lex.documents and toks[k - 1].lower in ("a", "an", "the", "its", "his", "her", "their"):
            subject = _opening_subject(ctx, s[0], toks[k - 1].start) or next(
                (r for r in reversed(ctx.refs_between(s[0], toks[k - 1].start))
                 if r.eligible_subject and ctx.usable(r) and r.kind != "pronoun"), None)
            if subject is not None and subject.kind != "outlet":
                return ctx.attribution(subject, Via.DOCUMENT)
            return None
    return None


def paragraph_before(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """A quotation that is a paragraph of its own, after a paragraph whose last sentence says
    someone spoke or issued something (``The party issued a statement apologising …`` ¶
    ``"On behalf of …"``): that sentence's subject."""
    q = quotes[i]
    k = ctx.paragraph_of(q.start)
    para = ctx.doc.paragraphs[k]
    if k == 0 or para[0] != q.open_at or q.close_at < para[1] - 2:
        return None
    prev = ctx.doc.paragraphs[k - 1]
    last = ctx.sentence(prev[1] - 1)
    toks = [t for t in ctx.tokens(last[0], last[1]) if t.is_word]
    if any(ctx.doc.quotes.covers(t.start) for t in toks):
        return None  # the sentence before has its own quotation
    subject = _opening_subject(ctx, last[0], last[1])
    speech = any(ctx.lex.verb(t.text) and not t.is_cap for t in toks)
    if not speech and not any(t.lower in ctx.lex.documents for t in toks):
        # "Jo Roe is upbeat about the talks." ¶ "…": a paragraph about a person, then their words
        return ctx.attribution(subject, Via.PARAGRAPH_BEFORE) if subject and subject.kind in _PERSONS else None
    return ctx.attribution(subject, Via.PARAGRAPH_BEFORE)


def sentence_before(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """A quotation that is a sentence of its own, right after a sentence of the same paragraph
    in which someone speaks without quoting (``Roe argues that the fee was never fair. "…"``,
    ``The union will watch the case, Roe says. "…"``): that speaker."""
    q = quotes[i]
    s = ctx.sentence(q.open_at)
    para = ctx.doc.paragraphs[ctx.paragraph_of(q.start)]
    tail = ctx.tokens(q.close_at, s[1])
    if s[0] != q.open_at or s[0] <= para[0] or ctx.refs_between(q.close_at, s[1]) \
            or any(t.is_word and ctx.lex.verb(t.text) for t in tail):
        return None  # not a sentence opened by quoted words with no frame of its own, or the paragraph's first
    last = ctx.sentence(s[0] - 1)
    if last[0] < para[0] or any(ctx.doc.quotes.covers(t.start) for t in ctx.tokens(last[0], last[1])):
        return None  # a quotation there has its own frame (and the continuation rule)
    prev = out[i - 1] if i else None
    if prev is not None and prev.ref is not None and last[0] <= prev.ref.start < last[1]:
        return None  # that sentence frames the quotation before ("“…?” Roe said. “…”"): the continuation rule
    refs = [r for r in ctx.refs_between(last[0], last[1]) if not r.in_quote and ctx.usable(r)]
    speaking = [r for r in refs if r.verb_after and r.kind in _PERSONS] or \
        [r for r in refs if r.verb_after and r.kind == "role"]
    if speaking:
        return ctx.attribution(speaking[-1], Via.SENTENCE_BEFORE)
    return None


_PERSONS = ("person", "surname", "pronoun")


_NP_WORDS = 6  # words a description of an unnamed source may have


def _description(ctx: _Context, toks: list[Token]) -> str | None:
    """``a senior White House official``, ``police``, ``the ministry``: a noun phrase with no
    name of a person in it (an outlet, a state or a body may qualify it)."""
    words = [t for t in toks if t.is_word or t.text in "-’'."]
    if not 1 <= len([t for t in words if t.is_word]) <= _NP_WORDS or not words[-1].is_word:
        return None
    head = words[-1]
    capital_for_position = head is words[0] and ctx.sentence(head.start)[0] == head.start  # "Officials said"
    if (head.is_cap and not capital_for_position) or head.lower in ctx.lex.stopwords \
            or head.lower in ctx.lex.person_pronouns:
        return None
    for r in ctx.refs_between(words[0].start, words[-1].end):
        key = ctx.key(r) or ""
        if r.kind in ("person", "surname", "pronoun") or (r.kind == "role" and key and not key.startswith("role:")):
            return None  # a name, or a description that means a named person
    return " ".join(ctx.text[words[0].start:words[-1].end].split())


def _unnamed_after(ctx: _Context, q: QuoteSpan) -> str | None:
    """``"…," a senior official said`` / ``"…," said one aide``."""
    found = _first_after(ctx, q)
    if found is None:
        return None
    toks, i, _ = found
    for k in range(i, min(len(toks), i + _NP_WORDS + 2)):
        t = toks[k]
        if not t.is_word:
            break
        if ctx.lex.verb(t.text) and not t.is_cap:
            if k == i:  # "…," said one aide
                rest = []
                for u in toks[k + 1:k + 1 + _NP_WORDS + 1]:
                    if not (u.is_word or u.text in "-’'"):
                        break
                    rest.append(u)
                return _description(ctx, rest) if rest else None
            return _description(ctx, toks[i:k])
    return None


def _unnamed_before(ctx: _Context, q: QuoteSpan) -> str | None:
    """``Police said: "…"``, ``A ministry statement said that "…"``: the subject before the verb."""
    s = _frame_sentence(ctx, q)
    toks = ctx.tokens(s[0], q.open_at)
    cut = _cut_after_earlier_quote(ctx, toks)
    start = _intro_end(ctx, s[0], q.open_at)
    for k in range(len(toks) - 1, cut - 1, -1):
        t = toks[k]
        if t.is_word and not t.is_cap and ctx.lex.verb(t.text) and t.start >= start:
            subject = [u for u in toks[cut:k] if u.start >= start and u.lower not in ctx.lex.auxiliaries]
            return _description(ctx, subject)
    return None


def unnamed_source(
    ctx: _Context, quotes: list[QuoteSpan], i: int, out: list[Attribution | None], terms
) -> Attribution | None:
    """No named speaker: the words that describe the source, if the frame has them."""
    if terms[i]:
        return None
    q = quotes[i]
    described = _unnamed_after(ctx, q) or _unnamed_before(ctx, q)
    before = out[i - 1] if i else None
    if described is None and before is not None and before.via == Via.UNNAMED:
        # "“A,” a senior official said. “B.”": the same unnamed source goes on
        prev = quotes[i - 1]
        names = [r for r in ctx.refs_between(prev.close_at, q.open_at) if ctx.usable(r) and not r.in_quote
                 and ctx.sentence_of(r.start) != ctx.sentence_of(prev.start)]
        if not names and ctx.paragraph_of(q.start) - ctx.paragraph_of(prev.start) in (0, 1):
            described = before.described
    return Attribution(None, Via.UNNAMED, None, described) if described else None


Sieve = Callable[[_Context, list[QuoteSpan], int, list, list[bool]], Attribution | None]
SIEVES: tuple[Sieve, ...] = (frame_after, frame_before, headline_speaker, colon_intro, owner_of_words, document_subject,
                             same_sentence, closing_frame, sentence_before, continuation, paragraph_before,
                             sentence_subject, unnamed_source)


def _is_term(doc: Doc, q: QuoteSpan, terms: TermIndex | None, lex: Lexicon) -> bool:
    text = doc.text
    quoted = text[q.start:q.end]
    return bool(
        terms and is_short(quoted) and terms.is_term(quoted)
        and not _verb_phrase(quoted, lex)
        and not re.search(r"\b(?:is|was|are|were|be|been|being|has|have|had|get|got)\s*$",
                          text[max(0, q.open_at - 12):q.open_at])
    )


def attribute(
    doc: Doc,
    refs: list[Ref],
    keys: Mapping[Ref, str],
    terms: TermIndex | None = None,
    lex: Lexicon | None = None,
    sieves: tuple[Sieve, ...] = SIEVES,
    genders: dict[str, str] | None = None,
) -> Attributions:
    """A speaker (actor key) for each quote of the document, in order, and the person each
    pronoun outside a quote refers to. Each sieve fills only the quotes still open."""
    lex = lex or lexicon()
    ctx = _Context(doc, refs, keys, lex, genders)
    # every pronoun outside a quote first, in order; a pronoun resolved to a person can be the
    # antecedent of the next ("he … he"), and tells that person's gender to the ones after
    pronouns: dict[Ref, str | None] = {}
    ctx.keys = _Overlay(keys, pronouns)
    for r in ctx.refs:
        if r.kind == "pronoun" and not r.in_quote:
            pronouns[r] = key = resolve_pronoun(ctx, r)
            if key and key not in ctx.genders:
                ctx.genders[key] = "f" if r.text.lower() == "she" else "m"
    quotes = doc.quote_spans
    terms_of = [_is_term(doc, q, terms, lex) for q in quotes]
    out: list[Attribution | None] = [None] * len(quotes)
    for sieve in sieves:
        for i in range(len(quotes)):
            if out[i] is None:
                out[i] = sieve(ctx, quotes, i, out, terms_of)
    return Attributions([a or Attribution(None, None) for a in out], pronouns)


class _Overlay(Mapping):
    """The actor keys of the refs, with the pronouns resolved so far on top."""

    def __init__(self, base: Mapping[Ref, str], top: dict[Ref, str | None]):
        self.base, self.top = base, top

    def __getitem__(self, ref: Ref):
        if ref in self.top:
            return self.top[ref]
        return self.base[ref]

    def get(self, ref, default=None):
        value = self.top.get(ref)
        return value if value is not None else self.base.get(ref, default)

    def __iter__(self):
        return iter({**self.base, **self.top})

    def __len__(self) -> int:
        return len({**self.base, **self.top})
