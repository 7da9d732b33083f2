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
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import Lexicon, lexicon
from .text import QuoteIndex, Token, tokenize

PARTICLES = {"de", "da", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "di",
             "du", "del", "dos", "das", "ter", "ten", "zu", "y", "st."}
ORG_CONNECTORS = {"of", "for", "and", "the", "on", "in", "de", "&"}
PREPOSITIONS = {
    "of", "with", "alongside", "for", "by", "about", "against", "after", "before", "on", "in",
    "at", "to", "from", "near", "into", "onto", "upon", "like", "than", "including", "toward",
    "towards", "beside", "besides", "amid", "amidst", "among", "despite", "under", "over", "per",
    "versus", "without", "through", "between", "behind", "beyond", "across", "around", "via",
    "within", "during", "since", "until", "unlike", "regarding", "concerning", "accusing",
}
AUXILIARIES = {
    "has", "have", "had", "is", "was", "are", "were", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "does", "did", "do", "also", "then", "later", "again",
    "already", "still", "never", "not", "repeatedly", "reportedly", "earlier", "once",
    "previously", "recently", "now", "today", "himself", "herself", "itself", "themselves",
    "quickly", "directly", "publicly", "privately", "firmly", "flatly", "strongly", "clearly",
}
_TITLE_MAX_WORDS = 4
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "doctor", "professor", "lord", "lady"}
_PARTICLE_CAP = re.compile(r"^[a-z]{1,3}-[A-Z]")  # al-Assad, l-Art
_ACRONYM_DEF = re.compile(r"\s*\(([A-Z]{2,6})\)")


@dataclass(slots=True)
class Ref:
    start: int  # the name itself
    end: int
    text: str
    kind: str  # person | state | organisation | outlet | role | pronoun | surname
    full_start: int  # with title, determiner or possessive owner
    title: str | None = None  # "French President", "Kremlin spokesperson"
    entity: str | None = None  # gazetteer name for states/organisations/outlets
    how: str = "name"  # name | capital | seat (gazetteer), or "description" (roles)
    in_quote: bool = False
    in_heading: bool = False
    prep: str | None = None  # preposition just before the full span
    possessive: bool = False  # "Moscow's"
    modifier: bool = False  # "U.S. President", "Paris summit": names something else
    verb_after: str | None = None  # the reporting verb lemma right after it, if any
    followed_by_verb: bool = False  # an auxiliary or a reporting verb follows
    plural: bool = False
    demonym_state: str | None = None  # for titles like "Ukrainian President": the state
    key: str | None = None  # the actor this refers to, set when actors are merged
    appositive: str | None = None  # ", a former adviser to ..." description after the name
    definite: bool = False  # a description with "the": refers back to someone named before
    nearby_roles: frozenset[str] = frozenset()  # role words just before a name ("the spokeswoman for X, Jane")
    acting_owner: bool = False  # "Sweden's foreign ministry said": the state speaks through it
    acronym: str | None = None  # "Federal Security Service (FSB)": the acronym it defines

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


def _match_gazetteer(text: str, toks: list[Token], i: int, lex: Lexicon) -> tuple[int, tuple] | None:
    """Longest gazetteer surface starting at token i: (number of tokens, (entity, how))."""
    t = toks[i]
    if t.text not in lex.surface_firsts:
        return None
    best = None
    for k in range(min(10, len(toks) - i), 0, -1):
        last = toks[i + k - 1]
        surface = text[t.start:last.end]
        if "\n" in surface:
            continue
        hit = lex.surfaces.get(" ".join(surface.split()))
        if hit:
            best = (k, hit)
            break
    return best


def _title_len(toks: list[Token], i: int, lex: Lexicon) -> int:
    """Number of tokens of the longest title starting at token i (0 if none)."""
    if toks[i].lower not in lex.title_firsts:
        return 0
    for k in range(min(_TITLE_MAX_WORDS, len(toks) - i), 0, -1):
        words = [t.lower for t in toks[i:i + k]]
        if not all(toks[j].is_word or toks[j].text in "-." for j in range(i, i + k)):
            continue
        phrase = " ".join(words).replace(" - ", "-").replace(" .", ".")
        if phrase in lex.titles:
            # "Dr" + "." : take the period too
            if i + k < len(toks) and toks[i + k].text == "." and phrase + "." in lex.titles:
                return k + 1
            return k
    return 0


def find_refs(
    text: str,
    quotes: QuoteIndex,
    headings: list[tuple[int, int]] | tuple = (),
    lex: Lexicon | None = None,
) -> list[Ref]:
    """Every actor reference in ``text``, in order."""
    lex = lex or lexicon()
    toks = tokenize(text)
    n = len(toks)
    kinds = ["other"] * n
    ents: list = [None] * n
    heading_spans = sorted(headings)

    def in_heading(pos: int) -> bool:
        return any(a <= pos < b for a, b in heading_spans)

    # pass 1: gazetteer, titles, demonyms
    i = 0
    while i < n:
        t = toks[i]
        g = _match_gazetteer(text, toks, i, lex)
        if g and g[0] == 1 and i + 1 < n and _namelike(toks[i + 1], lex) and "\n" not in text[t.end:toks[i + 1].start]:
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
            for j in range(i, i + k):
                kinds[j] = "title"
            i += k
            continue
        if t.text in lex.demonyms:
            kinds[i] = "dem"
        elif t.lower in lex.title_modifiers:
            kinds[i] = "tmod"
        elif t.kind == "poss":
            kinds[i] = "poss"
        elif (t.is_cap or _PARTICLE_CAP.match(t.text)) and t.kind == "word":
            kinds[i] = "cap"
        elif t.lower in PARTICLES:
            kinds[i] = "particle"
        i += 1

    refs: list[Ref] = []

    def prep_before(idx: int) -> str | None:
        j = idx - 1
        if j >= 1 and toks[j].lower == "to" and toks[j - 1].lower == "according":
            return "according"
        if j >= 0 and toks[j].is_word and toks[j].lower in PREPOSITIONS:
            return toks[j].lower
        return None

    def after_info(idx: int) -> tuple[bool, bool, str | None]:
        """(possessive, followed by a verb, reporting verb lemma) for the token after idx."""
        j = idx
        if j < n and toks[j].kind == "poss":
            return True, False, None
        verb = None
        followed = False
        # skip a parenthetical or a comma-delimited aside of up to 3 words
        k = j
        steps = 0
        while k < n and steps < 4:
            tk = toks[k]
            if not tk.is_word:
                break
            lv = lex.verb(tk.text)
            if lv and not tk.is_cap:
                verb = lv[0]
                followed = True
                break
            if tk.lower in AUXILIARIES:
                followed = True
                k += 1
                steps += 1
                continue
            if tk.lower in lex.weekdays or tk.text in lex.weekdays:
                k += 1
                steps += 1
                continue
            break
        return False, followed, verb

    def add(kind: str, a: int, b: int, full_a: int, **kw) -> Ref:
        start, end = toks[a].start, toks[b - 1].end
        poss, followed, verb = after_info(b)
        ref = Ref(
            start=start,
            end=end,
            text=text[start:end],
            kind=kind,
            full_start=toks[full_a].start,
            in_quote=quotes.covers(start),
            in_heading=in_heading(start),
            prep=prep_before(full_a),
            possessive=poss,
            followed_by_verb=followed,
            verb_after=verb,
            **kw,
        )
        refs.append(ref)
        return ref

    def title_chain(idx: int) -> tuple[int, str | None, str | None]:
        """Walk left from token idx over titles, modifiers, demonyms and owners.

        Returns (first token of the chain, title text, state from a demonym or owner)."""
        j = idx - 1
        first = idx
        saw_title = False
        honorific_only = True  # "Mr", "Dr": a description may still come before a comma
        state = None
        while j >= 0:
            kd = kinds[j]
            if "\n" in text[toks[j].end:toks[j + 1].start]:
                break
            right = kinds[j + 1] if j + 1 < idx else None
            if kd == "cap" and right == "title" and toks[j].text in lex.org_heads:
                kd = kinds[j] = "title"  # "Cabinet Spokesman", "Ministry spokesman"
            if kd == "gaz" and right not in ("title", "poss"):
                break
            if kd == "dem" and right not in ("title", "dem"):
                break
            if kd == "title":
                saw_title = True
                if toks[j].lower.rstrip(".") not in HONORIFICS:
                    honorific_only = False
            elif kd in ("tmod", "dem", "poss") or (kd == "gaz" and ents[j] and ents[j][2][0].kind != "outlet"):
                if not saw_title and kd != "poss":
                    break
                if kd == "dem":
                    state = lex.demonyms[toks[j].text].name
                elif kd == "gaz":
                    state = state or ents[j][2][0].name
            elif toks[j].text == "," and (not saw_title or honorific_only) and j - 1 >= 0 and kinds[j - 1] == "title":
                # "The NATO Secretary-General, Mark Rutte", "The Government Spokesman, Mr Nikos X"
                pass
            else:
                break
            if kd in ("title", "tmod", "dem", "poss", "gaz"):
                first = j
            j -= 1
        # a modifier or owner before the first title belongs to the chain only with a title
        if not saw_title:
            return idx, None, None
        while first < idx and kinds[first] in ("poss",):
            first += 1
        title = " ".join(
            toks[k].text for k in range(first, idx) if kinds[k] in ("title", "dem", "tmod", "gaz")
        )
        title = title.replace(" .", ".").strip() or None
        if title:
            title = re.sub(r"\s+,", ",", title).strip(", ")
        # a determiner before the title chain: "the NATO Secretary-General"
        return first, title, state

    # pass 2: gazetteer refs
    seen_gaz: set[int] = set()
    for i in range(n):
        if kinds[i] != "gaz" or not ents[i]:
            continue
        a, b, (entity, how) = ents[i]
        if a in seen_gaz:
            continue
        seen_gaz.add(a)
        nxt = toks[b] if b < n else None
        modifier = False
        if nxt is not None and nxt.kind != "poss":
            if kinds[b] in ("title",) or (nxt.is_cap and kinds[b] in ("cap", "gaz", "dem")):
                modifier = True  # U.S. President, Budapest Memorandum
            elif nxt.is_word and nxt.lower in lex.event_nouns:
                modifier = True  # the Paris summit
            elif nxt.text in "-‐‑" and b + 1 < n and toks[b + 1].is_cap:
                modifier = True  # Russia-U.S. summit
        if a > 0 and toks[a - 1].text in "-‐‑":
            modifier = True
        if a > 0 and (toks[a - 1].lower in ("a", "an") or toks[a - 1].lower in lex.title_modifiers):
            modifier = True  # "a former White House adviser"
        if (
            not modifier and nxt is not None and nxt.is_word and not nxt.is_cap and nxt.kind == "word"
            and kinds[b] != "title" and not _verb_like(nxt, lex) and nxt.lower not in lex.stopwords
        ):
            modifier = True  # "U.S. troops", "NATO membership": the name qualifies a noun
        kind = {"state": "state", "organisation": "organisation", "outlet": "outlet"}[entity.kind]
        full_a = a - 1 if a > 0 and toks[a - 1].lower == "the" else a
        ref = add(kind, a, b, full_a, entity=entity.name, how=how, modifier=modifier)
        if ref.possessive and entity.kind in ("state", "organisation"):
            # "Sweden's foreign ministry said": the state acts (and speaks) through its bodies
            k = b + 1
            while k < n and k <= b + 3 and toks[k].is_word and not toks[k].is_cap and toks[k].lower not in lex.roles:
                k += 1
            if k < n and k <= b + 3 and toks[k].lower in lex.roles and not toks[k].lower.endswith("s"):
                ref.acting_owner = True
                _, followed, verb = after_info(k + 1)
                ref.verb_after = verb
                ref.followed_by_verb = followed
        if how in ("capital",) and not ref.possessive and (ref.prep in lex.place_prepositions or ref.prep == "of"):
            ref.modifier = True  # a location: "in Paris", "the city of Kyiv"

    # pass 3: names (capitalised runs), organisations with connectors
    i = 0
    while i < n:
        if kinds[i] != "cap" or toks[i].text in lex.months or toks[i].text in lex.weekdays:
            i += 1
            continue
        # a word that is capitalised only for being first ("The", "International") may still
        # open an organisation's name; it never opens a person's
        opener_only = toks[i].text in lex.function_caps
        if toks[i].text.isupper() and len(toks[i].text) > 1 and not in_heading(toks[i].start):
            i += 1  # an acronym or a shouted word, not a person's name
            continue
        if in_heading(toks[i].start):
            # title case: every word is capitalised, so only known names can be matched later
            add("surname", i, i + 1, i)
            i += 1
            continue
        # organisation: caps joined by connectors, with an organisation head noun
        j = i
        last_cap = i
        while j + 1 < n and "\n" not in text[toks[j].end:toks[j + 1].start]:
            nx = toks[j + 1]
            if kinds[j + 1] == "cap":
                j += 1
                last_cap = j
            elif nx.lower in ORG_CONNECTORS and not nx.is_cap and _cap_after_connectors(toks, j + 1, lex):
                j += 1
            elif nx.text in ("[", "]") or (nx.lower == "the" and j + 2 < n and toks[j + 2].text == "]"):
                j += 1  # "Coalition of [the] Willing"
            else:
                break
        span_words = [toks[k].text for k in range(i, last_cap + 1)]
        # English names are head-final, except before a connector: "Union" in "Harbour Workers
        # Union", "Coalition" in "Coalition of the Willing", "Forum" in "Eastern Economic Forum"
        head = next((toks[k].text for k in range(i, last_cap + 1) if k + 1 <= last_cap and not toks[k + 1].is_cap), span_words[-1])
        named = [w for w in span_words if w != head and w.lower() not in ORG_CONNECTORS]
        if last_cap > i and head in lex.org_heads and named:
            full_a = i - 1 if i > 0 and toks[i - 1].lower == "the" else i
            k = i
            while k < last_cap and toks[k].lower in ("the", "a", "an"):
                k += 1  # "The Harbour Workers Union": the name starts after the article
            add("organisation", k, last_cap + 1, full_a, entity=None, how="name")
            i = last_cap + 1
            continue
        if last_cap > i and any(w in lex.thing_heads or w in lex.org_heads for w in span_words):
            i = last_cap + 1  # an event, document or place
            continue
        if opener_only:
            i += 1
            continue
        # person name run: caps and particles, no connectors
        j = i
        while j + 1 < n and j - i < 4 and "\n" not in text[toks[j].end:toks[j + 1].start]:
            nx = toks[j + 1]
            if kinds[j + 1] == "cap" and nx.text not in lex.function_caps and nx.text not in lex.thing_heads and nx.text not in lex.org_heads:
                j += 1
            elif kinds[j + 1] == "particle" and j + 2 < n and kinds[j + 2] == "cap":
                j += 1
            elif nx.text == "." and len(toks[j].text) == 1 and j + 2 < n and kinds[j + 2] == "cap":
                j += 1  # an initial: J. Smith
            else:
                break
        words = [toks[k] for k in range(i, j + 1) if kinds[k] == "cap"]
        if len(words) >= 3 and i > 0 and toks[i - 1].lower in ("of", "and", "for", "&"):
            # "Minister of Culture and Information Ivan Tasovac": the name is the last two words
            i = next(k for k in range(j, i - 1, -1) if toks[k] is words[-2])
            words = words[-2:]
        if any(w.text in lex.thing_heads or w.text in lex.org_heads for w in words):
            i = j + 1
            continue
        if i > 0 and toks[i - 1].lower in lex.org_classifiers and not toks[i - 1].is_cap:
            # "environmental group Din l-Art Helwa": an organisation, whatever its name looks like
            add("organisation", i, j + 1, i, entity=None, how="name")
            i = j + 1
            continue
        first, title, state = title_chain(i)
        kind = "person" if len(words) >= 2 else "surname"
        ref = add(kind, i, j + 1, first, title=title, demonym_state=state)
        ref.appositive = _appositive(text, toks, j + 1, kinds, lex)
        near = set()
        for k in range(first - 1, max(-1, first - 9), -1):
            if toks[k].text in ".;" or "\n" in text[toks[k].end:toks[k + 1].start]:
                break
            if toks[k].lower in lex.roles or toks[k].lower in lex.titles:
                near.add(toks[k].lower)
        ref.nearby_roles = frozenset(near)
        i = j + 1

    # acronyms: "Federal Security Service (FSB)" defines one; an acronym that acts ("ICG
    # stated") or was defined is an organisation, matched to its full name later
    starts = {t.start: k for k, t in enumerate(toks)}
    for r in refs:
        if r.kind == "organisation" and not r.entity:
            m = _ACRONYM_DEF.match(text, r.end)
            if m:
                r.acronym = m.group(1)
    defined = {r.acronym for r in refs if r.acronym}
    for i in range(n):
        t = toks[i]
        if kinds[i] in ("other", "cap") and t.kind == "word" and t.text.isupper() and 2 <= len(t.text) <= 6 and t.text.isalpha():
            if i > 0 and toks[i - 1].text == "(" and t.text in defined:
                continue  # the definition itself
            _, followed, verb = after_info(i + 1)
            if (verb or t.text in defined) and not quotes.covers(t.start):
                ref = add("organisation", i, i + 1, i, entity=None, how="acronym")
                if ref.prep is not None and not verb:
                    ref.modifier = False
    del starts

    # pass 4: descriptions that stand for a person ("a German government spokesman"), pronouns
    for i in range(n):
        t = toks[i]
        if not t.is_word:
            continue
        low = t.lower
        if low in lex.person_pronouns and not quotes.covers(t.start):
            add("pronoun", i, i + 1, i)
            continue
        if low in lex.roles and kinds[i] in ("other", "title", "cap"):
            # walk left over modifiers to a determiner
            j = i - 1
            mods = 0
            while j >= 0 and mods < 4 and toks[j].is_word and toks[j].lower not in ("a", "an", "the", "one", "another"):
                if toks[j].lower in PREPOSITIONS or lex.verb(toks[j].text) or toks[j].lower in AUXILIARIES or toks[j].lower in lex.stopwords:
                    break
                j -= 1
                mods += 1
            headline = in_heading(t.start) and mods >= 1 and j < i - 1
            if headline and not (j >= 0 and toks[j].lower in ("a", "an", "the", "one", "another")):
                # headlines drop articles: "Kremlin spokesman comments on …"
                if not (i + 1 < n and kinds[i + 1] == "cap"):
                    ref = add("role", j + 1, i + 1, j + 1, how="description")
                    ref.definite = True
                    ref.plural = low.endswith("s")
                continue
            if j >= 0 and toks[j].is_word and toks[j].lower in ("a", "an", "the", "one", "another"):
                # not when a name follows ("the spokesperson Ivan Ivanov") or it is a title chain
                if i + 1 < n and kinds[i + 1] == "cap":
                    continue
                if i + 2 < n and toks[i + 1].text == "," and kinds[i + 2] == "cap":
                    continue  # "The NATO Secretary-General, Mark Rutte"
                if j >= 1 and toks[j - 1].text == ",":
                    continue  # an appositive: "Jane Roe, a former adviser"
                state = None
                for k in range(j + 1, i):
                    if kinds[k] == "dem":
                        state = lex.demonyms[toks[k].text].name
                    elif kinds[k] == "gaz" and ents[k] and ents[k][2][0].kind == "state":
                        state = ents[k][2][0].name
                ref = add("role", j + 1, i + 1, j, how="description", demonym_state=state)
                ref.plural = low.endswith("s") and low not in ("boss",)
                ref.definite = toks[j].lower == "the"
    refs.sort(key=lambda r: (r.start, -r.end))
    # drop refs nested inside an earlier one
    out: list[Ref] = []
    last_end = -1
    for r in refs:
        if r.start < last_end:
            continue
        out.append(r)
        last_end = r.end
    return out


def _verb_like(tok: Token, lex: Lexicon) -> bool:
    """Could this lowercase word be the verb after a subject? (auxiliary, reporting verb, -ed)"""
    low = tok.lower
    return (
        low in AUXILIARIES or lex.verb(low) is not None or low.endswith(("ed", "ly"))
        or low in ("says", "wants", "insists", "warns", "believes", "hopes", "plans", "seeks", "needs")
    )


def _namelike(tok: Token, lex: Lexicon) -> bool:
    """A capitalised word that could continue a name (not a title, function word or known name)."""
    if not tok.is_cap or tok.kind != "word" or tok.text in lex.function_caps:
        return False
    if tok.text in lex.surfaces or tok.text in lex.demonyms or tok.lower in lex.titles:
        return False
    return True


def _cap_after_connectors(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """Tokens from j are one or two connectors ("of the") and then a capitalised word."""
    k = j
    while k < len(toks) and k - j < 2 and toks[k].lower in ORG_CONNECTORS and not toks[k].is_cap:
        k += 1
    return k < len(toks) and toks[k].is_cap and toks[k].text not in lex.function_caps


def _appositive(text: str, toks: list[Token], idx: int, kinds: list[str], lex: Lexicon) -> str | None:
    """``Name, a former national security adviser, ...`` -> the description, if any."""
    if idx >= len(toks) or toks[idx].text != ",":
        return None
    j = idx + 1
    if j < len(toks) and toks[j].lower in ("a", "an", "the"):
        start = toks[j].start
        k = j + 1
        while k < len(toks) and k - j < 10 and toks[k].text not in ",.;:" and not lex.verb(toks[k].text):
            if kinds[k] == "title" or toks[k].lower in lex.roles:
                end = k + 1
                while end < len(toks) and kinds[end] == "title":
                    end += 1
                # one prepositional phrase naming an institution: "a fellow at the X Council"
                if end + 1 < len(toks) and toks[end].lower in ("at", "of", "for", "with", "to"):
                    m = end + 1
                    if m < len(toks) and toks[m].lower == "the":
                        m += 1
                    caps = m
                    while caps < len(toks) and toks[caps].is_cap:
                        caps += 1
                    if caps > m:
                        end = caps
                return text[start:toks[end - 1].end]
            k += 1
    if j < len(toks) and (kinds[j] == "title" or kinds[j] == "tmod"):
        k = j
        while k < len(toks) and kinds[k] in ("title", "tmod", "dem", "gaz"):
            k += 1
        if k < len(toks) and kinds[k] == "cap":
            return None  # "…, Mr Jane Roe said": another name, not a description
        end = j
        while end < len(toks) and toks[end].text not in ",.;:" and end - j < 12:
            end += 1
        return text[toks[j].start:toks[end - 1].end]
    return None


def find_descriptions(text: str, quotes: QuoteIndex, heads: dict[str, str]) -> list[Ref]:
    """``the coalition`` / ``a coalition of ...`` for organisations named by that head noun.

    ``heads`` maps a lowercase head noun to an actor key; the refs come back with that key."""
    if not heads:
        return []
    nouns = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    pattern = re.compile(rf"(?:(\w+)\s+)?\b(the|a|this|that)\s+({nouns})\b(['’]s)?(\s+of\b)?")
    out = []
    for m in pattern.finditer(text):
        det, noun = m.group(2), m.group(3)
        if det == "a" and not m.group(5):
            continue  # "a coalition" alone is any coalition; "a coalition of ..." is this one
        prev = (m.group(1) or "").lower()
        r = Ref(
            start=m.start(3), end=m.end(3), text=text[m.start(2):m.end(3)], kind="organisation",
            full_start=m.start(2), how="description", in_quote=quotes.covers(m.start(3)),
            possessive=bool(m.group(4)), key=heads[noun],
        )
        r.prep = prev if prev in PREPOSITIONS else None
        out.append(r)
    return out


def find_acronym_refs(text: str, quotes: QuoteIndex, acronyms: set[str], existing: list[Ref]) -> list[Ref]:
    """Uses of acronyms defined anywhere in the story ("the FSB, claimed"), not yet found."""
    if not acronyms:
        return []
    taken = sorted((r.start, r.end) for r in existing)
    starts = [a for a, _ in taken]
    out = []
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, acronyms), key=len, reverse=True)) + r")\b")
    for m in pattern.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k][0] <= m.start() < taken[k][1]:
            continue
        if m.start() > 0 and text[m.start() - 1] == "(":
            continue  # the definition "(FSB)"
        before = text[max(0, m.start() - 12):m.start()].split()
        nxt = text[m.end():m.end() + 3]
        r = Ref(start=m.start(), end=m.end(), text=m.group(1), kind="organisation", full_start=m.start(),
                how="acronym", in_quote=quotes.covers(m.start()), possessive=nxt.startswith(("'s", "’s")))
        r.prep = before[-1].lower() if before and before[-1].lower() in PREPOSITIONS else None
        out.append(r)
    return out
