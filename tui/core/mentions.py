"""Find the places an article names or refers to an actor.

General evidence only: name shapes (capitalised words, with particles like ``de`` or ``von``),
titles and roles before a name (``French President Emmanuel Macron``, ``Dr. Jane Roe``,
``Kremlin spokesperson Ivan Ivanov``), appositives after it (``Jane Roe, a former adviser``),
the gazetteer of states and international bodies (names, capitals and seats of government
used as metonyms), descriptions that can stand for a speaker (``a government spokesman``)
and the pronouns ``he``/``she``. Places, events and documents (``Eastern Economic Forum``,
``Budapest Memorandum``) and words capitalised only because they start a sentence or sit in a
headline are not people.

A :class:`Ref` is one such place, with what the words around it say about its grammar: the
preposition before it, whether it is possessive, a modifier of a noun, or followed by a verb.
Refs are frozen: which actor a ref means is decided later, and kept apart from it.

:func:`find_refs` reads the document's tokens in passes, each a function of its own:
tagging (gazetteer, titles, demonyms, capitals), gazetteer refs, names (organisations and
people), acronyms, then descriptions and pronouns.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Any

from .doc import Doc, Spans
from .lexicon import Lexicon, lexicon
from .text import Token

_TITLE_MAX_WORDS = 4
_PARTICLE_CAP = re.compile(r"^[a-z]{1,3}-[A-Z]")  # al-Assad, l-Art
_ACRONYM_DEF = re.compile(r"\s*\(([A-Z]{2,6})\)")
_DETERMINERS = ("a", "an", "the", "one", "another")
_OF_PHRASE = ("of", "for", "at", "with", "from")  # a phrase that may stand between a name and its verb


@dataclass(frozen=True, slots=True, eq=False)
class Ref:
    """One place an actor is named or referred to (compared and hashed by identity)."""

    start: int  # the name itself
    end: int
    text: str
    kind: str  # person | state | organisation | outlet | role | pronoun | surname
    full_start: int  # with title, determiner or possessive owner
    title: str | None = None  # "French President", "Kremlin spokesperson"
    entity: str | None = None  # gazetteer name for states/organisations/outlets
    how: str = "name"  # name | capital | seat (gazetteer), "description" (roles), "acronym"
    in_quote: bool = False
    in_heading: bool = False
    prep: str | None = None  # preposition just before the full span
    possessive: bool = False  # "Moscow's"
    modifier: bool = False  # "U.S. President", "Paris summit": names something else
    verb_after: str | None = None  # the reporting verb lemma right after it, if any
    verb_at: int | None = None  # where that verb is (it may follow an appositive)
    followed_by_verb: bool = False  # an auxiliary or a reporting verb follows
    plural: bool = False
    demonym_state: str | None = None  # for titles like "Ukrainian President": the state
    appositive: str | None = None  # ", a former adviser to ..." description after the name
    definite: bool = False  # a description with "the": refers back to someone named before
    nearby_roles: frozenset[str] = frozenset()  # role words just before a name ("the spokeswoman for X, Jane")
    acting_owner: bool = False  # "Sweden's foreign ministry said": the state speaks through it
    acronym: str | None = None  # "Federal Security Service (FSB)": the acronym it defines
    owner: str | None = None  # a description's body, named in it: "a Kremlin spokesman" -> Russia
    staff: bool = False  # a news outlet's own reporter ("Harbour TV's Jo Roe reports"): the narrator

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def eligible_subject(self) -> bool:
        """Could be the subject of a clause (not in a prepositional phrase, not a modifier)."""
        return (
            not self.in_quote
            and not self.modifier
            and (not self.possessive or self.acting_owner)
            and (self.prep is None or self.prep in ("according",))
        )


@dataclass
class _Tagged:
    """The document's tokens with a class each (pass 1) and the helpers every pass shares."""

    doc: Doc
    lex: Lexicon
    toks: tuple[Token, ...]
    kinds: list[str]  # gaz | title | dem | tmod | poss | cap | particle | other
    ents: list  # for gazetteer tokens: (first token, end token, (entity, how))
    refs: list[Ref] = field(default_factory=list)
    surnames: set[int] = field(default_factory=set)  # tokens that are surnames whatever else they are

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def n(self) -> int:
        return len(self.toks)

    def in_heading(self, pos: int) -> bool:
        return self.doc.headings.covers(pos)

    def same_line(self, j: int) -> bool:
        """Tokens j and j + 1 are on one line (a name never runs over a line break)."""
        return "\n" not in self.text[self.toks[j].end:self.toks[j + 1].start]

    def prep_before(self, idx: int, end: int | None = None) -> str | None:
        """The preposition before the name at token idx; in a list ("from Ada, Bree and Cole"),
        the one before the list."""
        toks, j = self.toks, self._list_start(idx, end) - 1
        if j >= 1 and toks[j].lower == "to" and toks[j - 1].lower == "according":
            return "according"
        if j >= 0 and toks[j].is_word and toks[j].lower in self.lex.prepositions:
            return toks[j].lower
        return None

    def _list_end(self, b: int) -> int | None:
        """After a name ending before token b that opens or continues a list of names ("Ada,
        Bree and Cole"), the token after the list; else None."""
        toks, k, closed = self.toks, b, False
        for _ in range(6):
            if k + 1 >= self.n or not (toks[k].text == "," or toks[k].lower in _LIST_ENDS) or not self.same_line(k):
                break
            closed = toks[k].lower in _LIST_ENDS
            k += 1
            if toks[k].lower == "the" and k + 1 < self.n:
                k += 1
            if not (toks[k].is_cap and toks[k].kind == "word"):
                return None
            while k + 1 < self.n and toks[k + 1].is_cap and toks[k + 1].kind == "word" and self.same_line(k):
                k += 1
            k += 1
            if closed:
                return k
        return None

    def _list_start(self, idx: int, end: int | None) -> int:
        """The first token of the list of names that the name at [idx, end) closes or continues."""
        toks = self.toks
        last = idx >= 1 and toks[idx - 1].lower in _LIST_ENDS
        middle = idx >= 1 and toks[idx - 1].text == "," and end is not None and end < self.n \
            and (toks[end].text == "," or toks[end].lower in _LIST_ENDS)
        if not (last or middle):
            return idx
        k = idx
        for _ in range(6):
            link = k - 1
            linked = link >= 1 and (toks[link].text == "," or toks[link].lower in _LIST_ENDS)
            if not linked or not self.same_line(link - 1):
                break
            first = link - 1
            if not toks[first].is_cap or toks[first].kind != "word":
                break
            while first >= 1 and toks[first - 1].is_cap and toks[first - 1].kind == "word" \
                    and self.same_line(first - 1):
                first -= 1
            if first >= 1 and toks[first - 1].lower == "the":
                first -= 1
            k = first
        return k

    def after_info(self, idx: int) -> tuple[bool, bool, str | None, int | None]:
        """(possessive, followed by a verb, reporting verb lemma, where that verb is) for a name
        ending before token idx.

        An auxiliary, an adverb of the list or a weekday may stand between (up to four words);
        so may a short parenthesis (``Rep. Jo Roe (D-Ohio) said``) or an appositive closed by a
        comma (``Jo Roe, the head of the port authority, said``; ``Jo Roe, who …, told``)."""
        toks = self.toks
        if idx < self.n and toks[idx].kind == "poss":
            return True, False, None, None
        if idx < self.n and toks[idx].text == "(":
            close = next((k for k in range(idx + 1, min(self.n, idx + 8)) if toks[k].text == ")"), None)
            if close is not None:
                idx = close + 1
        followed, verb, at = self._verb_from(idx)
        if verb is None and not followed and idx < self.n and toks[idx].text == ",":
            return (False,) + self._verb_after_appositive(idx)
        if verb is None and not followed and idx < self.n and toks[idx].lower in _OF_PHRASE:
            return (False,) + self._verb_after_phrase(idx)
        return False, followed, verb, at

    def _verb_after_phrase(self, prep: int) -> tuple[bool, str | None, int | None]:
        """``Jo Roe of the dockers' union said``, ``a spokeswoman for the group said``."""
        for k in range(prep + 1, min(self.n, prep + 9)):
            tk = self.toks[k]
            if tk.text == "," and k > prep + 1:
                if k + 1 < self.n and self.toks[k + 1].is_cap:
                    return False, None, None  # "the head of the Y, Jo Roe, said": Jo Roe says it
                return self._verb_after_appositive(k)  # "Jo Roe of Ohio, the ranking member, who said"
            if not (tk.is_word or tk.kind == "poss" or tk.text in "&-"):
                return False, None, None
            if self.lex.verb(tk.text) and not tk.is_cap:
                _, verb, at = self._verb_from(k)
                return verb is not None, verb, at
        return False, None, None

    def _next_word_start(self, idx: int) -> int | None:
        return self.toks[idx + 1].start if idx + 1 < self.n else None

    @property
    def _starts(self) -> set[int]:
        if not hasattr(self, "_sentence_starts"):
            self._sentence_starts = {s for s, _ in self.doc.sentences}
        return self._sentence_starts

    def _verb_from(self, idx: int) -> tuple[bool, str | None, int | None]:
        lex = self.lex
        followed = False
        for k in range(idx, min(self.n, idx + 4)):
            tk = self.toks[k]
            if not tk.is_word:
                break
            lv = lex.verb(tk.text)
            if lv and (not tk.is_cap or self.kinds[k] == "other"):  # ("Roe Tells Convention": a headline's verb)
                return True, lv[0], tk.start
            if tk.lower in GO_ON and k + 1 < self.n and self.toks[k + 1].lower == "on" \
                    and (k + 2 >= self.n or not self.toks[k + 2].is_word or self.toks[k + 2].lower in ("as", "to")):
                return True, "continue", tk.start  # "“…,” Roe went on, unmoved" / "went on to say"
            if tk.lower in HIT_BACK and k + 1 < self.n and self.toks[k + 1].lower == "back":
                return True, "retort", tk.start  # "Roe fired back: …", "Roe shot back, …"
            if tk.lower in lex.auxiliaries:
                followed = True
            elif not (tk.lower in lex.weekdays or tk.text in lex.weekdays or _ADVERB.fullmatch(tk.text)):
                break  # ("Roe openly admitted", "Roe later said")
        return followed, None, None

    def _verb_after_appositive(self, comma: int) -> tuple[bool, str | None, int | None]:
        """``, <a description without a verb of speech>, said``: the verb after the appositive;
        ``the press secretary, Jo Roe, said``: the verb right after the comma."""
        toks = self.toks
        _, verb, at = self._verb_from(comma + 1)
        if verb is not None and not toks[comma + 1].lower.endswith("ing"):
            return True, verb, at  # (", adding …" hangs on the clause, not on the name before it)
        for k in range(comma + 1, min(self.n, comma + 30)):
            tk = toks[k]
            if tk.text == "." and len(toks[k - 1].text) <= 5 and toks[k - 1].text[:1].isupper():
                continue  # "R-Ky.", "George W. Bush": an abbreviation, not the end of a sentence
            if tk.text in ".;:!?\"“”«»" or self.doc.quotes.covers(tk.start) or not self.same_line(k - 1):
                return False, None, None
            if tk.text == ",":
                nxt = k + 2 if k + 1 < self.n and toks[k + 1].lower in ("who", "which") else k + 1
                _, verb, at = self._verb_from(nxt)  # ", said" / ", who told"
                if verb is not None:
                    return True, verb, at
            elif tk.is_word and not tk.is_cap and self.lex.verb(tk.text) \
                    and toks[comma + 1].lower not in ("who", "whose"):
                return False, None, None  # a verb of speech inside: not an appositive (a clause may hold one)
        return False, None, None

    def make(self, kind: str, a: int, b: int, full_a: int, **kw) -> Ref:
        """A ref over tokens ``[a, b)`` whose full span (title, owner) starts at ``full_a``."""
        start, end = self.toks[a].start, self.toks[b - 1].end
        poss, followed, verb, at = self.after_info(b)
        if not (poss or followed) and (rest := self._list_end(b)) is not None:
            followed = self.after_info(rest)[1]  # "France and Britain lead …": the list acts
        if verb is not None and self.toks[b].text == "," and at == self._next_word_start(b) \
                and not (full_a == 0 or self.toks[full_a - 1].text == "," or self.toks[full_a].start in self._starts
                         or any(self.toks[k].text == "," for k in range(full_a, a))):
            # ", said" after a name inside someone's appositive ("X, ambassador to the Y, said"):
            # the verb is X's
            followed, verb, at = False, None, None
        fields: dict[str, Any] = dict(possessive=poss, followed_by_verb=followed, verb_after=verb, verb_at=at)
        fields.update(kw)
        return Ref(
            start=start, end=end, text=self.text[start:end], kind=kind, full_start=self.toks[full_a].start,
            in_quote=self.doc.quotes.covers(start), in_heading=self.in_heading(start),
            prep=self.prep_before(full_a, b), **fields,
        )

    def add(self, kind: str, a: int, b: int, full_a: int, **kw) -> Ref:
        ref = self.make(kind, a, b, full_a, **kw)
        self.refs.append(ref)
        return ref


# ---------------------------------------------------------------- pass 1: tag the tokens
GO_ON = frozenset({"went", "goes", "go"})
_COMPOUND_ADJECTIVE = re.compile(r"-(?:linked|based|backed|led|born|owned|run|funded|affiliated|aligned|allied|"
                                 r"controlled|inspired|style|era|made|leaning|friendly|held|occupied|bound)$")
_ABSTRACT = re.compile(r"(?:ence|ance|tion|sion|ment|ity|ism|ness|ship|dom|hood)$")
_ADVERB = re.compile(r"[a-z]{3,}ly|later|also|then|again|once|never|often|still|just")
HIT_BACK = frozenset({"fired", "fires", "shot", "shoots", "hit", "hits", "struck", "strikes"})


def _match_gazetteer(text: str, toks: tuple[Token, ...], i: int, lex: Lexicon) -> tuple[int, tuple] | None:
    """Longest gazetteer surface starting at token i: (number of tokens, (entity, how))."""
    t = toks[i]
    if t.text not in lex.surface_firsts:
        return None
    for k in range(min(10, len(toks) - i), 0, -1):
        surface = text[t.start:toks[i + k - 1].end]
        if "\n" in surface:
            continue
        hit = lex.surfaces.get(" ".join(surface.split()))
        if hit:
            return k, hit
    return None


def _title_len(toks: tuple[Token, ...], i: int, lex: Lexicon) -> int:
    """Number of tokens of the longest title starting at token i (0 if none)."""
    if toks[i].lower not in lex.title_firsts:
        return 0
    for k in range(min(_TITLE_MAX_WORDS, len(toks) - i), 0, -1):
        if not all(toks[j].is_word or toks[j].text in "-." for j in range(i, i + k)):
            continue
        phrase = " ".join(t.lower for t in toks[i:i + k]).replace(" - ", "-").replace(" .", ".")
        if phrase in lex.titles:
            # "Dr" + "." : take the period too
            if i + k < len(toks) and toks[i + k].text == "." and phrase + "." in lex.titles:
                return k + 1
            return k
    return 0


def _namelike(tok: Token, lex: Lexicon) -> bool:
    """A capitalised word that could continue a name (not a title, function word or known name)."""
    if not tok.is_cap or tok.kind != "word" or tok.text in lex.function_caps:
        return False
    return not (tok.text in lex.surfaces or tok.text in lex.demonyms or tok.lower in lex.titles)


def _word_kind(t: Token, lex: Lexicon) -> str:
    if t.text in lex.demonyms:
        return "dem"
    if t.lower in lex.title_modifiers:
        return "tmod"
    if t.kind == "poss":
        return "poss"
    if (t.is_cap or _PARTICLE_CAP.match(t.text)) and t.kind == "word":
        if t.text in lex.platforms:
            return "other"  # "posted on Facebook Friday"
        if "-" in t.text and any(part in lex.surfaces for part in t.text.split("-")):
            return "other"  # "the Paris-Berlin axis", "the Ada-Russia inquiry": a compound modifier
        if _COMPOUND_ADJECTIVE.search(t.text):
            return "other"  # "the Lisbon-based preacher", "a union-backed slate": an adjective, no name
        return "cap"
    if t.lower in lex.particles:
        return "particle"
    return "other"


def _tag(doc: Doc, lex: Lexicon) -> _Tagged:
    """Pass 1: gazetteer surfaces, titles, demonyms, title modifiers, capitals, particles."""
    text, toks = doc.text, doc.tokens
    n = len(toks)
    tagged = _Tagged(doc, lex, toks, ["other"] * n, [None] * n)
    kinds, ents = tagged.kinds, tagged.ents
    i = 0
    while i < n:
        g = _match_gazetteer(text, toks, i, lex)
        if g and g[0] == 1 and i + 1 < n and _namelike(toks[i + 1], lex) and tagged.same_line(i):
            g = None  # "Jordan Peterson", "Budapest Memorandum": part of a longer name
        if g:
            k, hit = g
            for j in range(i, i + k):
                kinds[j] = "gaz"
                ents[j] = (i, i + k, hit)
            i += k
            continue
        k = _title_len(toks, i, lex)
        if k:
            kinds[i:i + k] = ["title"] * k
            i += k
            continue
        kinds[i] = _word_kind(toks[i], lex)
        i += 1
    _truecase(tagged)
    _names_that_are_words(tagged)
    _towns(tagged)
    return tagged


def _towns(tg: _Tagged) -> None:
    """``Newtown, Conn.``, ``Aurora, Colorado``: a capitalised word before a comma and a
    region (or a state's postal abbreviation) is a town, no name."""
    toks, kinds, lex = tg.toks, tg.kinds, tg.lex
    towns: set[str] = set()
    for i in range(tg.n - 2):
        if kinds[i] != "cap" or toks[i + 1].text != "," or not tg.same_line(i + 1):
            continue
        if i and toks[i - 1].is_cap and (toks[i - 1].text in lex.male or toks[i - 1].text in lex.female):
            continue  # "Karl Brink, Ohio director for …": a given name before it makes it a surname
        nxt, ent = toks[i + 2], tg.ents[i + 2]
        region = kinds[i + 2] == "gaz" and ent is not None and ent[2][0].kind == "place" \
            and not (ent[1] < tg.n and toks[ent[1]].is_cap)  # ("Jo Roe, Ohio Democrat, said": no town)
        postal = nxt.text in lex.state_abbreviations and i + 3 < tg.n and toks[i + 3].text == "."
        if region or postal:
            towns.add(toks[i].text)
            if postal:
                kinds[i + 2] = "other"
    for i in range(tg.n):
        if kinds[i] == "cap" and toks[i].text in towns:
            kinds[i] = "other"  # the town named so once is a town all through the article


_ADDRESS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "sir", "dame", "lady", "lord"}


def _names_that_are_words(tg: _Tagged) -> None:
    """``Michael R. Bloomberg``, ``Mr. Bloomberg``, ``Peter King``, ``Jo French``, ``Gary R.
    Hall``: a word that is also an outlet, a place, a title, a demonym or the head of a thing is
    a surname right after a given name, an initial or a title of address; and ``King said``
    (a title word alone before a verb of speech, with no article) is one too."""
    toks, kinds, lex = tg.toks, tg.kinds, tg.lex
    for i in range(1, tg.n):
        t = toks[i]
        if not t.is_cap or t.kind != "word" or not tg.same_line(i - 1):
            continue
        ent = tg.ents[i]
        single = kinds[i] in ("title", "dem") or (
            kinds[i] == "gaz" and ent and ent[1] - ent[0] == 1 and ent[2][0].kind in ("outlet", "place"))
        thing = kinds[i] == "cap" and (t.text in lex.thing_heads or t.text in lex.org_heads)
        state = kinds[i] == "gaz" and ent and ent[1] - ent[0] == 1 and ent[2][0].kind == "state"
        if not (single or thing or state):
            continue
        if kinds[i] == "title" and ((i + 1 < tg.n and kinds[i + 1] == "title") or (i > 0 and kinds[i - 1] == "title")):
            continue  # part of a longer title
        p = toks[i - 1]
        initial = p.text == "." and i >= 2 and len(toks[i - 2].text) == 1 and toks[i - 2].is_cap
        given = p.is_cap and (p.text in lex.female or p.text in lex.male or (
            kinds[i - 1] == "cap" and p.kind == "word" and p.text not in lex.weekdays and p.text not in lex.months
            and not _ABSTRACT.search(p.text)  # "Prosperity Ohio", "Unity Maine": a noun, no given name
            and (single or (kinds[i] == "gaz" and ent and ent[1] - ent[0] == 1 and ent[2][0].kind == "state"))
            and not (i + 1 < tg.n and toks[i + 1].is_cap and tg.same_line(i))))  # "Lena Paris", "Tom Jordan"
        address = p.lower.rstrip(".") in _ADDRESS or (i >= 2 and p.text == "." and toks[i - 2].lower in _ADDRESS)
        speaks = kinds[i] == "title" and i + 1 < tg.n and bool(lex.verb(toks[i + 1].text)) and not toks[i + 1].is_cap \
            and p.lower not in ("the", "a", "an", "his", "her", "its", "their")
        if initial or given or address or speaks:
            kinds[i] = "cap"
            tg.ents[i] = None
            tg.surnames.add(i)
    known = {toks[i].text for i in tg.surnames}
    for i in range(tg.n):  # "Paris, who used to work there, said": the surname again, alone
        ent = tg.ents[i]
        if toks[i].text in known and i not in tg.surnames and ent and ent[1] - ent[0] == 1 \
                and (tg.prep_before(i) or "") not in lex.place_prepositions:
            kinds[i] = "cap"
            tg.ents[i] = None
            tg.surnames.add(i)


def _truecase(tg: _Tagged) -> None:
    """A word capitalised only for opening a sentence, a paragraph or a quotation is no name
    when the article uses it in lower case elsewhere, or it names a kind of people
    ("Officials said", "Critics argue", "Outside the plant …"), unless a name follows it
    ("Young Kim said"). Titles and honorifics keep their class."""
    toks, kinds, lex = tg.toks, tg.kinds, tg.lex
    lower = {t.text for t in toks if t.kind == "word" and t.text.islower()}
    starts = {tg.doc.sentences[k][0] for k in range(len(tg.doc.sentences))}

    def opens(i: int) -> bool:
        return toks[i].start in starts or i == 0 or toks[i - 1].text in "\"“‘'«(—–-:" or not tg.same_line(i - 1)

    inside = {t.text for i, t in enumerate(toks) if kinds[i] == "cap" and not opens(i)}  # capitalised mid-sentence
    for i, t in enumerate(toks):
        if kinds[i] != "cap" or t.text.isupper() or not opens(i):
            continue
        low = t.text.lower()
        if low in lex.stopwords or t.text in lex.function_caps:
            kinds[i] = "other"  # "Is Jo Roe …", "Another Mayor …": never the first word of a name
            continue
        if i + 1 < tg.n and kinds[i + 1] == "cap" and tg.same_line(i):
            continue  # "Young Kim said": a name may start with a word that is also a word
        if low.endswith("ing") and len(low) > 5 and low.isalpha() and i + 1 < tg.n \
                and toks[i + 1].text[:1].islower() and not lex.verb(toks[i + 1].text):
            kinds[i] = "other"  # "Citing the report, …": a participle opens the sentence
            continue
        plural = low.endswith("s") and not low.endswith(("ss", "us", "is")) and t.text not in inside
        if low in lower or low in lex.roles or (low.endswith("s") and low[:-1] in lex.roles) or plural:
            kinds[i] = "other"  # "Polls suggest", "Critics say": a plural noun, never a name elsewhere
    _headline_verbs(tg)


def _headline_verbs(tg: _Tagged) -> None:
    """In a line in title case ("Roe Says Levy Is Fair"), a capitalised verb of speech or a
    function word ends a name: "Roe", not "Roe Says"."""
    toks, kinds, lex = tg.toks, tg.kinds, tg.lex
    text = tg.doc.text
    for i, t in enumerate(toks):
        if kinds[i] != "cap" or t.text.isupper():
            continue
        low = t.text.lower()
        if low not in lex.stopwords and not lex.verb(low):
            continue
        a = text.rfind("\n", 0, t.start) + 1
        b = text.find("\n", t.end)
        line = text[a:b if b >= 0 else len(text)]
        ws = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
        if len(ws) >= 3 and sum(w[0].isupper() for w in ws) >= 0.8 * len(ws):
            kinds[i] = "other"


# ---------------------------------------------------------------- pass 2: gazetteer refs
def _gazetteer_modifier(tg: _Tagged, a: int, b: int) -> bool:
    """Does the gazetteer name at tokens [a, b) only qualify what follows ("U.S. troops")?"""
    toks, kinds, lex = tg.toks, tg.kinds, tg.lex
    nxt = toks[b] if b < tg.n else None
    if nxt is not None and nxt.kind != "poss":
        if kinds[b] == "title" or (nxt.is_cap and kinds[b] in ("cap", "gaz", "dem")):
            return True  # U.S. President, Budapest Memorandum
        if nxt.is_word and nxt.lower in lex.event_nouns:
            return True  # the Paris summit
        if nxt.text in "-‐‑" and b + 1 < tg.n and toks[b + 1].is_cap:
            return True  # Russia-U.S. summit
    if a > 0 and toks[a - 1].text in "-‐‑":
        return True
    if a > 0 and (toks[a - 1].lower in ("a", "an") or toks[a - 1].lower in lex.title_modifiers):
        return True  # "a former White House adviser"
    # "U.S. troops", "NATO membership": the name qualifies a noun
    return bool(
        nxt is not None and nxt.is_word and not nxt.is_cap and nxt.kind == "word"
        and kinds[b] != "title" and not _verb_like(nxt, lex) and nxt.lower not in lex.stopwords
    )


def _owner_that_acts(tg: _Tagged, b: int) -> dict:
    """``Sweden's foreign ministry said``: the state acts (and speaks) through its bodies.

    The fields to set on the possessive ref at tokens ending before ``b``, or {}."""
    toks, lex = tg.toks, tg.lex
    k = b + 1
    while k < tg.n and k <= b + 3 and toks[k].is_word and not toks[k].is_cap and toks[k].lower not in lex.roles:
        k += 1
    if k < tg.n and k <= b + 3 and toks[k].lower in lex.roles and not toks[k].lower.endswith("s"):
        _, followed, verb, at = tg.after_info(k + 1)
        return {"acting_owner": True, "verb_after": verb, "followed_by_verb": followed, "verb_at": at}
    return {}


def _gazetteer_refs(tg: _Tagged) -> None:
    seen: set[int] = set()
    for i in range(tg.n):
        if tg.kinds[i] != "gaz" or not tg.ents[i]:
            continue
        a, b, (entity, how) = tg.ents[i]
        if a in seen:
            continue
        seen.add(a)
        full_a = a - 1 if a > 0 and tg.toks[a - 1].lower == "the" else a
        ref = tg.make(entity.kind, a, b, full_a, entity=entity.name, how=how,
                      modifier=_gazetteer_modifier(tg, a, b))
        if ref.possessive and entity.kind in ("state", "organisation"):
            ref = replace(ref, **_owner_that_acts(tg, b))
        if how == "capital" and not ref.possessive and (ref.prep in tg.lex.place_prepositions or ref.prep == "of"):
            ref = replace(ref, modifier=True)  # a location: "in Paris", "the city of Kyiv"
        tg.refs.append(ref)


# ---------------------------------------------------------------- pass 3: names
def _org_span(tg: _Tagged, i: int) -> int:
    """The last capitalised token of a run from i joined by connectors ("Coalition of the Willing")."""
    toks, lex = tg.toks, tg.lex
    j = last_cap = i
    while j + 1 < tg.n and tg.same_line(j):
        nx = toks[j + 1]
        if tg.kinds[j + 1] == "cap":
            j += 1
            last_cap = j
        elif nx.lower in lex.org_connectors and not nx.is_cap and _cap_after_connectors(toks, j + 1, lex) \
                and (nx.lower != "the" or toks[j].lower in lex.org_connectors):
            j += 1  # ("the" joins only after another connector: "… of the X", never "School the NRA")
        elif nx.lower in _NAME_LINKS and not nx.is_cap and j + 2 < tg.n and tg.kinds[j + 2] == "cap":
            j += 1  # "Coalition to Stop Gun Violence", "Mayors against Illegal Guns"
        elif nx.text in ("[", "]") or (nx.lower == "the" and j + 2 < tg.n and toks[j + 2].text == "]"):
            j += 1  # "Coalition of [the] Willing"
        else:
            break
    return last_cap


def _organisation_at(tg: _Tagged, i: int) -> int | None:
    """An organisation (or a thing) named from token i: the token after it, or None."""
    toks, lex = tg.toks, tg.lex
    last_cap = _org_span(tg, i)
    span_words = [toks[k].text for k in range(i, last_cap + 1)]
    # English names are head-final, except before a connector: "Union" in "Harbour Workers
    # Union", "Coalition" in "Coalition of the Willing", "Forum" in "Eastern Economic Forum"
    head = next((toks[k].text for k in range(i, last_cap) if not toks[k + 1].is_cap), span_words[-1])
    named = [w for w in span_words if w != head and w.lower() not in lex.org_connectors]
    if last_cap > i and head in lex.org_heads and named:
        full_a = i - 1 if i > 0 and toks[i - 1].lower == "the" else i
        k = i
        while k < last_cap and toks[k].lower in ("the", "a", "an"):
            k += 1  # "The Harbour Workers Union": the name starts after the article
        tg.add("organisation", k, last_cap + 1, full_a, entity=None, how="name",
               acronym=_acronym_after(tg.text, toks[last_cap].end))
        return last_cap + 1
    first_part = [toks[k].text for k in range(i, last_cap + 1)]
    link = next((k for k in range(i, last_cap + 1) if not toks[k].is_cap), None)
    if link is not None:
        first_part = [toks[k].text for k in range(i, link)]
    if link is not None and not _has_head(first_part, lex) and not _named_body(tg, i, last_cap):
        return None  # "Jo Roe of the Harbour Campaign": a name, then the body it belongs to
    if last_cap > i and _has_head(span_words, lex) and not _named_body(tg, i, last_cap):
        return last_cap + 1  # an event, document or place
    if _named_body(tg, i, last_cap):  # "Mayors Against Illegal Guns", "Coalition to Stop Gun Violence"
        tg.add("organisation", i, last_cap + 1, i - 1 if i > 0 and toks[i - 1].lower == "the" else i,
               entity=None, how="name", acronym=_acronym_after(tg.text, toks[last_cap].end))
        return last_cap + 1
    return None


def _has_head(words: list[str], lex: Lexicon) -> bool:
    """A head noun of a thing or a body among the words; a given name that opens a longer run
    is no head ("Bill Quenby", "Bill of Rights" stays a thing)."""
    if len(words) >= 2 and words[1][:1].isupper() and (words[0] in lex.male or words[0] in lex.female):
        words = words[1:]
    return any(w in lex.thing_heads or w in lex.org_heads for w in words)


_NAME_LINKS = {"to", "against", "for"}
_LIST_ENDS = {"and", "or", "&"}
# capitals that are no body: media, titles, units ("state TV said", "the CEO said")
_NOT_BODIES = {"TV", "CEO", "CFO", "COO", "CTO", "PM", "AM", "GDP", "OK", "ID", "PR", "DJ", "MP", "MPS", "VP", "MD",
               "PHD", "USA", "US", "UK", "EU", "UN"}


def _named_body(tg: _Tagged, i: int, last_cap: int) -> bool:
    """A title-case name of a body with a link word inside (three capitalised words or more,
    ``Against``/``to``/``for`` between them), not opened by a given name: an organisation."""
    toks, lex = tg.toks, tg.lex
    words = [toks[k] for k in range(i, last_cap + 1) if toks[k].is_word]
    caps = [t for t in words if t.is_cap and t.lower not in _NAME_LINKS]
    links = [t for t in words[1:-1] if t.lower in _NAME_LINKS]
    first = words[0].text if words else ""
    calendar = any(t.text in lex.months or t.text in lex.weekdays for t in caps)
    titled = any(t.lower in lex.titles for t in caps)
    return len(caps) >= 3 and bool(links) and first not in lex.female and first not in lex.male \
        and words[-1].lower not in _NAME_LINKS and not calendar and not titled


def _person_run(tg: _Tagged, i: int) -> int:
    """The last token of a person's name from i: capitals, particles and initials."""
    toks, kinds, lex = tg.toks, tg.kinds, tg.lex
    j = i
    while j + 1 < tg.n and j - i < 4 and tg.same_line(j):
        nx = toks[j + 1]
        if (
            kinds[j + 1] == "cap"
            and (j + 1 in tg.surnames or (nx.text not in lex.function_caps and nx.text not in lex.thing_heads
                                          and nx.text not in lex.org_heads))
            or kinds[j + 1] == "particle"
            and j + 2 < tg.n
            and kinds[j + 2] == "cap"
        ):
            j += 1
        elif nx.text == "." and len(toks[j].text) == 1 and j + 2 < tg.n and kinds[j + 2] == "cap":
            j += 1  # an initial: J. Smith
        elif len(nx.text) == 1 and nx.is_cap and j + 3 < tg.n and toks[j + 2].text == "." and kinds[j + 3] == "cap":
            j += 1  # a middle initial that is also a word: Robert A. Levy
        else:
            break
    return j


def _nearby_roles(tg: _Tagged, first: int) -> frozenset[str]:
    """Role words in the few words before a name ("the spokeswoman for the ministry, Jane Roe")."""
    near = set()
    lex = tg.lex
    for k in range(first - 1, max(-1, first - 9), -1):
        t = tg.toks[k]
        if t.text in ".;" or not tg.same_line(k):
            break
        if (t.lower in lex.roles or t.lower in lex.titles) and _describes_name(tg, k, first):
            near.add(t.lower)
    return frozenset(near)


def _describes_name(tg: _Tagged, k: int, first: int) -> bool:
    """Do the tokens from the role word at k to the name at ``first`` form a description ("the
    spokeswoman for the council, Jo Roe"), not a clause ("The president continues to review
    options, Jo Roe said")? A plain word may only follow an article, a preposition or another
    such word."""
    lex = tg.lex
    prev_open = False  # a plain word right after the role word is a verb ("The president continues")
    for j in range(k + 1, first):
        t = tg.toks[j]
        low = t.lower
        if not t.is_word or t.is_cap or low in lex.roles or low in lex.titles or low in lex.title_modifiers:
            prev_open = t.kind == "poss" or t.lower in lex.roles or t.lower in lex.titles
            continue
        if low in lex.prepositions or low in _DETERMINERS:
            prev_open = True
            continue
        if not prev_open:
            return False
    return True


def _person_at(tg: _Tagged, i: int) -> int:
    """A person (or a surname, or an organisation by its classifier) named from token i."""
    toks, kinds, lex = tg.toks, tg.kinds, tg.lex
    j = _person_run(tg, i)
    words = [toks[k] for k in range(i, j + 1) if kinds[k] == "cap"]
    if len(words) >= 3 and i > 0 and toks[i - 1].lower in ("of", "and", "for", "&"):
        # "Minister of Culture and Information Ivan Tasovac": the name is the last two words
        i = next(k for k in range(j, i - 1, -1) if toks[k] is words[-2])
        words = words[-2:]
    party = next((k for k in range(j - 1, i - 1, -1) if toks[k].text in lex.affiliations), None)
    if party is not None and kinds[party + 1] == "cap":
        # "California Democrat Jo Roe": a description, then the name
        described, i = i, party + 1
        words = [toks[k] for k in range(i, j + 1) if kinds[k] == "cap"]
        desc = " ".join(toks[k].text for k in range(described, i))
        tg.add("person" if len(words) >= 2 else "surname", i, j + 1, described, appositive=desc,
               nearby_roles=_nearby_roles(tg, described))
        return j + 1
    given = len(words) >= 2 and (words[0].text in lex.male or words[0].text in lex.female)  # "Bill", "May"
    common = [w for k, w in enumerate(toks[i:j + 1], start=i)
              if k not in tg.surnames and kinds[k] == "cap" and not (given and w is words[0])]
    if any(w.text in lex.thing_heads or w.text in lex.org_heads for w in common) or words[-1].text in lex.affiliations:
        return j + 1  # a place, a thing, a body, or a description ("a New York Democrat")
    if i > 0 and toks[i - 1].lower in lex.org_classifiers and not toks[i - 1].is_cap:
        # "environmental group Din l-Art Helwa": an organisation, whatever its name looks like
        tg.add("organisation", i, j + 1, i, entity=None, how="name", acronym=_acronym_after(tg.text, toks[j].end))
        return j + 1
    first, title, state = _title_chain(tg, i)
    kind = "person" if len(words) >= 2 else "surname"
    tg.add(kind, i, j + 1, first, title=title, demonym_state=state, staff=_outlet_staff(tg, first),
           appositive=_appositive(tg, j + 1), nearby_roles=_nearby_roles(tg, first))
    return j + 1


def _outlet_staff(tg: _Tagged, first: int) -> bool:
    """A name introduced by a news outlet's possessive, a job word or two between ("Harbour
    TV's Jo Roe", "Harbour TV's chief correspondent Jo Roe")."""
    k = first - 1
    while k >= 0 and first - k <= 3 and tg.toks[k].is_word and tg.toks[k].text.islower():
        k -= 1
    if k < 1 or tg.toks[k].kind != "poss":
        return False
    ent = tg.ents[k - 1]
    return (ent is not None and ent[2][0].kind == "outlet") or tg.toks[k - 1].text in tg.lex.outlet_heads


def _name_refs(tg: _Tagged) -> None:
    """Pass 3: organisations (capitals joined by connectors, with a head noun) and people."""
    toks, lex = tg.toks, tg.lex
    i = 0
    while i < tg.n:
        t = toks[i]
        if tg.kinds[i] != "cap" or t.text in lex.months or t.text in lex.weekdays:
            i += 1
            continue
        heading = tg.in_heading(t.start)
        if t.text.isupper() and len(t.text) > 1 and not heading:
            i += 1  # an acronym or a shouted word, not a person's name
            continue
        if heading:
            # title case: every word is capitalised, so only known names can be matched later
            tg.add("surname", i, i + 1, i)
            i += 1
            continue
        after = _organisation_at(tg, i)
        if after is not None:
            i = after
        elif t.text in lex.function_caps:
            i += 1  # capitalised only for being first: may open an organisation, never a person
        else:
            i = _person_at(tg, i)


def _title_chain(tg: _Tagged, idx: int) -> tuple[int, str | None, str | None]:
    """Walk left from token idx over titles, modifiers, demonyms and owners.

    Returns (first token of the chain, title text, state from a demonym or owner)."""
    toks, kinds, lex = tg.toks, tg.kinds, tg.lex
    j = idx - 1
    first = idx
    saw_title = False
    honorific_only = True  # "Mr", "Dr": a description may still come before a comma
    state = None
    while j >= 0 and tg.same_line(j):
        kd = kinds[j]
        right = kinds[j + 1] if j + 1 < idx else None
        if kd == "cap" and right == "title" and toks[j].text in lex.org_heads:
            kd = kinds[j] = "title"  # "Cabinet Spokesman", "Ministry spokesman"
        if (kd == "gaz" and right not in ("title", "poss")) or (kd == "dem" and right not in ("title", "dem")):
            break
        if kd == "title":
            saw_title = True
            honorific_only = honorific_only and toks[j].lower.rstrip(".") in lex.honorifics
        elif kd in ("tmod", "dem", "poss") or (kd == "gaz" and tg.ents[j] and tg.ents[j][2][0].kind != "outlet"):
            if not saw_title and kd != "poss":
                break
            if kd == "dem":
                state = lex.demonyms[toks[j].text].name
            elif kd == "gaz" and tg.ents[j][2][0].kind == "state":
                state = state or tg.ents[j][2][0].name
        elif not (toks[j].text == "," and (not saw_title or honorific_only) and j >= 1 and kinds[j - 1] == "title"):
            # a comma is part of the chain only between a title and a name:
            # "The NATO Secretary-General, Mark Rutte", "The Government Spokesman, Mr Nikos X"
            break
        if kd in ("title", "tmod", "dem", "poss", "gaz"):
            first = j
        j -= 1
    # a modifier or owner before the first title belongs to the chain only with a title
    if not saw_title:
        return idx, None, None
    while first < idx and kinds[first] == "poss":
        first += 1
    words = " ".join(toks[k].text for k in range(first, idx) if kinds[k] in ("title", "dem", "tmod", "gaz"))
    title = re.sub(r"\s+,", ",", words.replace(" .", ".").strip()).strip(", ") or None
    return first, title, state


def _acronym_after(text: str, end: int) -> str | None:
    m = _ACRONYM_DEF.match(text, end)
    return m.group(1) if m else None


# ---------------------------------------------------------------- pass 3b: acronyms
def _acronym_refs(tg: _Tagged) -> None:
    """An acronym that acts ("ICG stated") or was defined ("... (FSB)") is an organisation,
    matched to its full name when actors are resolved."""
    defined = {r.acronym for r in tg.refs if r.acronym}
    for i in range(tg.n):
        t = tg.toks[i]
        if tg.kinds[i] not in ("other", "cap") or t.kind != "word" or not t.text.isupper() \
                or not 2 <= len(t.text) <= 6 or not t.text.isalpha() or t.text in _NOT_BODIES:
            continue
        if i > 0 and tg.toks[i - 1].text == "(" and t.text in defined:
            continue  # the definition itself
        _, _, verb, _ = tg.after_info(i + 1)
        if (verb or t.text in defined) and not tg.doc.quotes.covers(t.start):
            tg.add("organisation", i, i + 1, i, entity=None, how="acronym")


# ---------------------------------------------------------------- pass 4: descriptions, pronouns
def _description_start(tg: _Tagged, i: int) -> int:
    """Walk left from the role word at i over up to four modifiers: the token before them."""
    toks, lex = tg.toks, tg.lex
    j = i - 1
    mods = 0
    while j >= 0 and mods < 4 and toks[j].is_word and toks[j].lower not in _DETERMINERS:
        low = toks[j].lower
        if low in lex.prepositions or lex.verb(toks[j].text) or low in lex.auxiliaries or low in lex.stopwords:
            break
        j -= 1
        mods += 1
    return j


def _description_at(tg: _Tagged, i: int) -> None:
    """``a German government spokesman``, ``the minister`` (and headline ``Kremlin spokesman``)."""
    toks, kinds = tg.toks, tg.kinds
    low = toks[i].lower
    j = _description_start(tg, i)
    determiner = j >= 0 and toks[j].is_word and toks[j].lower in _DETERMINERS
    if tg.in_heading(toks[i].start) and j < i - 1 and not determiner:
        # headlines drop articles: "Kremlin spokesman comments on …"
        if not (i + 1 < tg.n and kinds[i + 1] == "cap"):
            tg.add("role", j + 1, i + 1, j + 1, how="description", definite=True, plural=low.endswith("s"))
        return
    if not determiner:
        return
    # not when a name follows ("the spokesperson Ivan Ivanov") or it is a title chain
    if (i + 1 < tg.n and kinds[i + 1] == "cap") or (i + 2 < tg.n and toks[i + 1].text == "," and kinds[i + 2] == "cap"):
        return  # "The NATO Secretary-General, Mark Rutte"
    if j >= 1 and toks[j - 1].text == "," and not any(tg.after_info(i + 1)[1:3]):
        return  # an appositive: "Jane Roe, a former adviser" (but "In Oslo, the minister said")
    state = owner = None
    for k in range(j + 1, i):
        if kinds[k] == "dem":
            state = tg.lex.demonyms[toks[k].text].name
        elif kinds[k] == "gaz" and tg.ents[k]:
            entity = tg.ents[k][2][0]
            if entity.kind == "state":
                state = entity.name
            elif entity.kind == "organisation":
                owner = entity.name
    tg.add("role", j + 1, i + 1, j, how="description", demonym_state=state, owner=owner or state,
           plural=low.endswith("s") and low not in ("boss",), definite=toks[j].lower == "the")


def _descriptions_and_pronouns(tg: _Tagged) -> None:
    lex = tg.lex
    for i, t in enumerate(tg.toks):
        if not t.is_word:
            continue
        if t.lower in lex.person_pronouns and not tg.doc.quotes.covers(t.start):
            tg.add("pronoun", i, i + 1, i)
        elif t.lower in lex.roles and tg.kinds[i] in ("other", "title", "cap"):
            _description_at(tg, i)


def find_refs(doc: Doc, lex: Lexicon | None = None) -> list[Ref]:
    """Every actor reference in the document, in order (a ref inside an earlier one is dropped)."""
    tg = _tag(doc, lex or lexicon())
    _gazetteer_refs(tg)
    _name_refs(tg)
    _acronym_refs(tg)
    _descriptions_and_pronouns(tg)
    return outermost(tg.refs)


def outermost(refs: list[Ref]) -> list[Ref]:
    """The refs in order of start, without those nested inside an earlier one."""
    out: list[Ref] = []
    last_end = -1
    for r in sorted(refs, key=lambda r: (r.start, -r.end)):
        if r.start >= last_end:
            out.append(r)
            last_end = r.end
    return out


def _verb_like(tok: Token, lex: Lexicon) -> bool:
    """Could this lowercase word be the verb after a subject? (auxiliary, reporting verb, -ed)"""
    low = tok.lower
    return (
        low in lex.auxiliaries or lex.verb(low) is not None or low.endswith(("ed", "ly"))
        or low in lex.bare_verbs
    )


def _cap_after_connectors(toks: tuple[Token, ...], j: int, lex: Lexicon) -> bool:
    """Tokens from j are one or two connectors ("of the") and then a capitalised word."""
    k = j
    while k < len(toks) and k - j < 2 and toks[k].lower in lex.org_connectors and not toks[k].is_cap:
        k += 1
    return k < len(toks) and toks[k].is_cap and toks[k].text not in lex.function_caps


def _appositive(tg: _Tagged, idx: int) -> str | None:
    """``Name, a former national security adviser, ...`` -> the description, if any."""
    toks, kinds = tg.toks, tg.kinds
    if idx >= tg.n or toks[idx].text != ",":
        return None
    j = idx + 1
    if j < tg.n and toks[j].lower in ("a", "an", "the"):
        return _described_by_article(tg, j)
    if j < tg.n and kinds[j] in ("title", "tmod"):
        k = j
        while k < tg.n and kinds[k] in ("title", "tmod", "dem", "gaz"):
            k += 1
        if k < tg.n and kinds[k] == "cap":
            return None  # "…, Mr Jane Roe said": another name, not a description
        end = j
        while end < tg.n and toks[end].text not in ",.;:" and end - j < 12:
            end += 1
        return tg.text[toks[j].start:toks[end - 1].end]
    return None


def _described_by_article(tg: _Tagged, j: int) -> str | None:
    """``, a former adviser to the X Council``: from the article at j to the role (and one
    prepositional phrase naming an institution)."""
    toks, kinds, lex = tg.toks, tg.kinds, tg.lex
    k = j + 1
    while k < tg.n and k - j < 10 and toks[k].text not in ",.;:" and not lex.verb(toks[k].text):
        if kinds[k] == "title" or toks[k].lower in lex.roles:
            end = k + 1
            while end < tg.n and kinds[end] == "title":
                end += 1
            if end + 1 < tg.n and toks[end].lower in ("at", "of", "for", "with", "to"):
                m = end + 1
                if m < tg.n and toks[m].lower == "the":
                    m += 1
                caps = m
                while caps < tg.n and toks[caps].is_cap:
                    caps += 1
                if caps > m:
                    end = caps
            return tg.text[toks[j].start:toks[end - 1].end]
        k += 1
    return None


ORG_REACH = 2000  # characters back that "the group" may look for the organisation it means


def find_descriptions(
    doc: Doc, heads: dict[str, str], orgs: list[tuple[int, str]] | None = None
) -> list[tuple[Ref, str]]:
    """``the coalition`` / ``a coalition of ...`` for organisations named by that head noun, and
    ``the group`` / ``the company`` for the organisation last named before it (``orgs``: the
    positions and keys of the article's named organisations, in order).

    ``heads`` maps a lowercase head noun to an actor key; each ref comes back with its key."""
    generic = lexicon().generic_org_nouns
    orgs = orgs or []
    if not heads and not orgs:
        return []
    prepositions = lexicon().prepositions
    nouns = "|".join(re.escape(h) for h in sorted(set(heads) | (generic if orgs else set()), key=len, reverse=True))
    pattern = re.compile(rf"(?:(\w+)\s+)?\b(the|a|this|that)\s+({nouns})\b(['’]s)?(\s+of\b)?")
    starts = [p for p, _ in orgs]
    out = []
    text = doc.text
    for m in pattern.finditer(text):
        det, noun = m.group(2), m.group(3)
        if det == "a" and not m.group(5):
            continue  # "a coalition" alone is any coalition; "a coalition of ..." is this one
        key = heads.get(noun)
        if key is None:
            if det not in ("the", "this") or m.group(5):
                continue
            k = bisect.bisect_left(starts, m.start()) - 1
            if k < 0 or m.start() - starts[k] > ORG_REACH:
                continue
            key = orgs[k][1]
        prev = (m.group(1) or "").lower()
        r = Ref(
            start=m.start(3), end=m.end(3), text=text[m.start(2):m.end(3)], kind="organisation",
            full_start=m.start(2), how="description", in_quote=doc.quotes.covers(m.start(3)),
            possessive=bool(m.group(4)), prep=prev if prev in prepositions else None,
        )
        out.append((r, key))
    return out


def find_acronym_refs(doc: Doc, acronyms: set[str], existing: list[Ref]) -> list[Ref]:
    """Uses of acronyms defined anywhere in the story ("the FSB, claimed"), not yet found."""
    if not acronyms:
        return []
    prepositions = lexicon().prepositions
    taken = Spans((r.start, r.end) for r in existing)
    text = doc.text
    out = []
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, acronyms), key=len, reverse=True)) + r")\b")
    for m in pattern.finditer(text):
        if taken.covers(m.start()):
            continue
        if m.start() > 0 and text[m.start() - 1] == "(":
            continue  # the definition "(FSB)"
        before = text[max(0, m.start() - 12):m.start()].split()
        nxt = text[m.end():m.end() + 3]
        out.append(Ref(
            start=m.start(), end=m.end(), text=m.group(1), kind="organisation", full_start=m.start(),
            how="acronym", in_quote=doc.quotes.covers(m.start()), possessive=nxt.startswith(("'s", "’s")),
            prep=before[-1].lower() if before and before[-1].lower() in prepositions else None,
        ))
    return out
