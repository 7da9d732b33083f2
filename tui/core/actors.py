"""One actor per real-world entity, across all the articles of a story.

- People: full names cluster when the surnames match (or are close spelling variants, such as
  ``Zelensky``/``Zelenskyy``, with the same first name); a surname alone attaches to the full
  name it matches in the story, preferring one named earlier in the same article. A single
  capitalised word that is the subject of a reporting verb and matches nobody becomes a person
  of its own. A description such as ``the Ukrainian leader`` joins the person whose title
  names that state and a leader's office.
- States and international organisations come from the gazetteer; capitals and seats of
  government stand for their state only when they act (``Moscow said``), not as places.
- Organisations named in the text (a capitalised phrase with a head noun such as Coalition,
  Council, Institute) are actors too.

Who makes the actor list: every speaker of a quote; people with a title, an appositive, a
reporting verb or more than one mention; states named (not as places) in at least half the
articles; organisations that act in the text or are named in two articles or more. Outlets
(news agencies) are sources, never actors.
"""
from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from .lexicon import given_name_gender, lexicon
from .mentions import Ref
from .model import Actor, Mention



@lru_cache(maxsize=16384)
def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", " ", s.casefold()).strip()


@dataclass
class Cluster:
    key: str
    kind: str  # person | state | organisation | role
    first: str | None = None
    last: str | None = None
    entity: str | None = None
    names: Counter = field(default_factory=Counter)  # surface names without titles
    titles: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)  # states named by titles ("Russian President")
    appositives: list[str] = field(default_factory=list)
    refs: list[tuple[str, Ref]] = field(default_factory=list)
    outlet: bool = False  # a news outlet: an actor only when it speaks

    def add(self, aid: str, ref: Ref) -> None:
        self.refs.append((aid, ref))
        if ref.kind != "pronoun" and ref.how != "description" and (
                self.kind != "person" or ref.kind in ("person", "surname")):
            self.names[ref.text] += 1  # ("the group" says which body is meant, it is no name of it)
        if ref.title:
            self.titles[ref.title] += 1
        if ref.demonym_state:
            self.states[ref.demonym_state] += 1
        if ref.appositive:
            self.appositives.append(ref.appositive)

    @property
    def gender(self) -> str | None:
        """"f" or "m" when the names, titles and role words used for the person say it."""
        lex = lexicon()
        votes: Counter[str] = Counter()
        words = [self.first or ""]
        for t, n in self.titles.items():
            words += [w.lower().rstrip(".") for w in t.split()] * n
        for a in self.appositives:
            words += a.lower().split()
        for _, r in self.refs:
            words += list(r.nearby_roles)
        for w in words:
            if w in lex.female or w.lower() in lex.female:
                votes["f"] += 1
            elif w in lex.male or w.lower() in lex.male:
                votes["m"] += 1
        if not votes and self.first and (g := given_name_gender(self.first)):
            votes[g] += 1  # a given name our own lists do not hold ("Dexter", "Monique")
        if not votes or votes["f"] == votes["m"]:
            return None
        return votes.most_common(1)[0][0]

    @property
    def name(self) -> str:
        if self.kind in ("state",) or (self.kind == "organisation" and self.entity):
            return self.entity or ""
        full = (
            [(n, c) for n, c in self.names.items() if len(n.split()) >= 2]
            if self.kind in ("person", "organisation")
            else []
        )
        pool = full or list(self.names.items())
        pool.sort(key=lambda nc: (-nc[1], -len(nc[0]), nc[0]))
        name = pool[0][0] if pool else self.key.split(":", 1)[1]
        if self.kind == "person":  # "Ruiz Olmedo" is most used, "Ana Lucía Ruiz Olmedo" is the name
            name = next((n for n, _ in pool if len(n) > len(name) and norm(n).endswith(" " + norm(name))), name)
        if self.kind == "role":
            name = re.sub(r"^(?:a|an|the)\s+", "", name, flags=re.I)
        return name


_PARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|ash|az)\s+")


def surname_key(s: str) -> str:
    """A surname for comparison: folded, without an Arabic article ("al-Assad" is "assad")."""
    return _PARTICLE.sub("", norm(s))


def _close_surname(a: str, b: str) -> bool:
    """The same surname, a close spelling, or another transliteration of it: the same
    consonants in the same order ("Haddar"/"al-Huddar")."""
    na, nb = surname_key(a), surname_key(b)
    if na == nb or (min(len(na), len(nb)) >= 5 and fuzz.ratio(na, nb) >= 85):
        return True
    ca, cb = (re.sub(r"[aeiouy\s'-]", "", x) for x in (na, nb))
    return len(ca) >= 4 and ca == cb and na[:1] == nb[:1]


def same_given(a: str | None, b: str | None) -> bool:
    """One given name: the same, a known short form ("Ed"/"Edward"), or a spelling variant."""
    if not a or not b:
        return False
    na, nb = norm(a), norm(b)
    if na == nb:
        return True
    forms = lexicon().given_forms
    if nb in forms.get(na, ()):
        return True
    return min(len(na), len(nb)) >= 4 and fuzz.ratio(na, nb) >= 88  # "Diane"/"Dianne"


def _one_ends_the_other(c: Cluster, words: list[str]) -> bool:
    """A compound surname used alone: "Ruiz Olmedo" ends "Ana Lucía Ruiz Olmedo"."""
    for name in c.names:
        other = norm(name).split()
        short, long_ = sorted((words, other), key=len)
        if 2 <= len(short) < len(long_) and long_[-len(short):] == short:
            return True
    return False


def _word_gender(words: str | None) -> str | None:
    """The gender a given name or a title of address says ("Mrs." is "f"), if any."""
    lex = lexicon()
    for w in (words or "").split():
        if w in lex.female or w.lower().rstrip(".") in lex.female:
            return "f"
        if w in lex.male or w.lower().rstrip(".") in lex.male:
            return "m"
    return None


_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$")


class _People:
    """The person clusters, indexed by first name and surname so that lookups stay cheap."""

    def __init__(self, new) -> None:
        self._new = new
        self.all: list[Cluster] = []
        self.by_first: dict[str, list[Cluster]] = {}
        self.by_last: dict[str, list[Cluster]] = {}
        self._close: dict[str, list[Cluster]] = {}
        self._keys: set[str] = set()

    def create(self, key: str, first: str | None, last: str) -> Cluster:
        c = self._new(key, "person", first=first, last=last)
        if c.key not in self._keys:
            self._keys.add(c.key)
            self.all.append(c)
            if first:
                self.by_first.setdefault(norm(first), []).append(c)
            self.by_last.setdefault(surname_key(last), []).append(c)
            self._close.clear()
        return c

    def set_first(self, c: Cluster, first: str) -> None:
        c.first = first
        self.by_first.setdefault(norm(first), []).append(c)

    def close_to(self, surname: str) -> list[Cluster]:
        """People with a first name whose surname is a close spelling of ``surname``."""
        k = surname_key(surname)
        if k not in self._close:
            self._close[k] = [c for c in self.all if c.last and c.first and _close_surname(c.last, surname)]
        return self._close[k]


class _Placed:
    """Where each person was named in each article, for "the latest person before here" lookups."""

    def __init__(self) -> None:
        self.starts: dict[tuple[str, str], list[int]] = {}

    def add(self, aid: str, c: Cluster, pos: int) -> None:
        bisect.insort(self.starts.setdefault((aid, c.key), []), pos)

    def last_before(self, aid: str, c: Cluster, pos: int) -> int | None:
        xs = self.starts.get((aid, c.key))
        if not xs:
            return None
        i = bisect.bisect_left(xs, pos)
        return xs[i - 1] if i else None


@dataclass
class Cast:
    """The clusters by key, and which cluster each resolved ref means (refs stay frozen)."""

    clusters: dict[str, Cluster]
    keys: dict[Ref, str] = field(default_factory=dict)

    def attach(self, key: str, aid: str, ref: Ref) -> None:
        self.clusters[key].add(aid, ref)
        self.keys[ref] = key

    def genders(self) -> dict[str, str]:
        """The gender each person cluster's names, titles and role words give, where they do."""
        return {k: g for k, c in self.clusters.items() if c.kind == "person" and (g := c.gender)}


class _Resolver:
    """The clusters being built, the people among them, and where each person was named."""

    def __init__(self) -> None:
        self.clusters: dict[str, Cluster] = {}
        self.attached: set[Ref] = set()
        self.people = _People(self.new)
        self.placed = _Placed()

    def new(self, key: str, kind: str, **kw) -> Cluster:
        c = self.clusters.get(key)
        if c is None:
            c = self.clusters[key] = Cluster(key=key, kind=kind, **kw)
        return c

    def attach(self, c: Cluster, aid: str, r: Ref) -> None:
        c.add(aid, r)
        self.attached.add(r)
        if c.kind == "person":
            self.placed.add(aid, c, r.start)

    def full_name(self, aid: str, r: Ref) -> None:
        """A full name joins the person with that first name and a close surname, or one known
        by the surname only; else it is a new person."""
        people = self.people
        parts = r.text.split()
        while len(parts) > 2 and _SUFFIX.match(parts[-1]):
            parts = parts[:-1]  # "Joe Roe III", "Jo Roe Jr.": the surname is Roe
        first, last = parts[0], parts[-1]
        match = next((c for c in people.by_first.get(norm(first), []) if _close_surname(c.last or "", last)), None)
        same_last = people.by_last.get(surname_key(last), [])
        if match is None:
            words = norm(r.text).split()
            match = next((c for c in same_last if same_given(c.first, first) or _one_ends_the_other(c, words)), None)
        if match is None and same_last and all(c.first is None for c in same_last):
            match = same_last[0]
        if match is None:
            match = people.create(f"person:{norm(r.text)}", first, last)
        elif match.first is None:
            people.set_first(match, first)
        self.attach(match, aid, r)

    def by_surname(self, aid: str, r: Ref) -> Cluster | None:
        """The person with this surname (or a close spelling); among several, the one named last
        before in the same article, else the most mentioned."""
        cands = self.people.by_last.get(surname_key(r.text)) or self.people.close_to(r.text)
        if len(cands) > 1 and (want := _word_gender(r.title)):  # "Mrs. Roe" is not "Mr. Roe"
            # one whose given name says so first, then one it does not contradict
            cands = [c for c in cands if _word_gender(c.first) == want] \
                or [c for c in cands if _word_gender(c.first) is None] or cands
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        before = [(p, c) for c in cands if (p := self.placed.last_before(aid, c, r.start)) is not None]
        if before:
            return max(before, key=lambda x: x[0])[1]
        return max(cands, key=lambda c: len(c.refs))

    def by_first_name(self, r: Ref) -> Cluster | None:
        """A given name alone ("Bereket" for "Bereket Simon"), when only one person has it."""
        if any(c.last for c in self.people.by_last.get(surname_key(r.text), [])):
            return None
        named = self.people.by_first.get(norm(r.text), [])
        return named[0] if len(named) == 1 else None

    def surnames(self, refs_by_article: dict[str, list[Ref]]) -> None:
        """Single names: a known person; else, when it speaks (``Haddad said``), a person of its own."""
        lex = lexicon()
        pending: list[tuple[str, Ref]] = []
        for aid, refs in refs_by_article.items():
            for r in refs:
                if r.kind == "surname" and not r.staff:
                    c = self.by_surname(aid, r) or self.by_first_name(r)
                    if c is not None:
                        self.attach(c, aid, r)
                    else:
                        pending.append((aid, r))
        for aid, r in pending:
            if (r.verb_after and r.prep is None and not r.in_heading and not r.in_quote and not r.possessive
                    and r.text not in lex.function_caps and not r.text.isupper()):
                self.attach(self.people.create(f"person:{norm(r.text)}", None, r.text), aid, r)
        for aid, r in pending:
            if r not in self.attached:
                c = self.clusters.get(f"person:{norm(r.text)}")
                if c is not None and c.kind == "person":
                    self.attach(c, aid, r)

    def entity(self, aid: str, r: Ref) -> None:
        """States, gazetteer organisations and outlets by their entity; other organisations by name."""
        if r.entity:
            kind = "organisation" if r.kind == "outlet" else r.kind
            c = self.new(f"{'state' if kind == 'state' else 'org'}:{r.entity}", kind, entity=r.entity)
            c.outlet = c.outlet or r.kind == "outlet"
        else:
            name = re.sub(r"[\[\]]", "", r.text)  # "Coalition of [the] Willing"
            c = self.new(f"org:{norm(name)}", "organisation")
            c.outlet = c.outlet or name.split()[-1] in lexicon().outlet_heads  # "Harbour TV": a source
        c.add(aid, r)


def resolve_keys(refs_by_article: dict[str, list[Ref]]) -> Cast:
    """Give every usable ref an actor key: the clusters, and the key of each resolved ref."""
    res = _Resolver()
    for aid, refs in refs_by_article.items():
        for r in refs:
            if r.kind == "person" and not r.in_heading and not r.staff:
                res.full_name(aid, r)  # (an outlet's reporter narrates; no actor, no one's namesake)
    res.surnames(refs_by_article)
    for aid, refs in refs_by_article.items():
        for r in refs:
            if (r.kind in ("state", "organisation", "outlet") and r.entity) or r.kind == "organisation":
                res.entity(aid, r)
    _join_acronyms(res.clusters)
    _resolve_descriptions(refs_by_article, res.people, res.new, res.attach, res.placed)
    return Cast(res.clusters, {ref: c.key for c in res.clusters.values() for _, ref in c.refs})


def _join_acronyms(clusters: dict[str, Cluster]) -> None:
    """Acronyms join the organisation whose initials they are ("ICG" -> International Crisis Group)."""
    orgs = [c for c in clusters.values() if c.kind == "organisation"]
    initials: dict[str, list[Cluster]] = {}
    for o in orgs:
        for _, r in o.refs:
            if r.acronym:
                initials.setdefault(r.acronym, []).append(o)
        initials.setdefault("".join(w[0] for w in o.name.split() if w[:1].isupper()), []).append(o)
    for p in clusters.values():  # a person known by initials: three names or more
        for name in p.names if p.kind == "person" else ():
            if len(words := [w for w in name.split() if w[:1].isupper()]) >= 3:
                initials.setdefault(norm("".join(w[0] for w in words)).upper(), []).append(p)
    for c in [c for c in orgs if not c.entity]:
        acronym = [r for _, r in c.refs if r.how == "acronym"]
        if not acronym or len(acronym) != len(c.refs):
            continue
        full = next((o for o in initials.get(acronym[0].text, []) if o is not c and o.key in clusters), None)
        if full is not None:
            for aid, r in c.refs:
                full.add(aid, r)
            del clusters[c.key]


# a word that makes a title another office: "the president" is not the "Vice President"
_OTHER_OFFICE = frozenset({"vice", "deputy", "former", "assistant", "acting", "first", "ex", "late", "associate",
                           "under", "press"})


def _the_one_titled(people: _People, phrase: set[str], memo: dict) -> Cluster | None:
    """The one person of the whole story whose title is exactly this office ("the president"
    when only one "President X" is named anywhere), else None."""
    key = frozenset(phrase)
    if key not in memo:
        found = [c for c in people.all if any(
            set(t.lower().replace(".", "").split()) - _ADDRESS_WORDS == set(phrase) for t in c.titles)]
        memo[key] = found[0] if len(found) == 1 else None
    return memo[key]


_ADDRESS_WORDS = {"mr", "mrs", "ms", "dr", "sir"}


# how far back "the Ohio resident" looks for the person it describes (about two short paragraphs)
_BRIDGE_REACH = 600


def _just_named(people: _People, placed: _Placed, aid: str, r: Ref) -> Cluster | None:
    """The person named last before ``r`` in the article, if near enough and not of another gender."""
    lex = lexicon()
    head = r.text.lower().split()[-1]
    want = "f" if head in lex.female else "m" if head in lex.male else None
    best: tuple[int, Cluster] | None = None
    for c in people.all:
        pos = placed.last_before(aid, c, r.start)
        if pos is None or r.start - pos > _BRIDGE_REACH or (best is not None and pos <= best[0]):
            continue
        if want is None or c.gender in (None, want):
            best = (pos, c)
    return best[1] if best else None


_ABBREVIATED = {"gov.": "governor", "gov": "governor"}  # "Gov. Jo Roe" is "the governor" later on
_BODY_LINKS = re.compile(r"\b(?:for|of|to|at|with|in|on|under|from)\b.*$")


def _head_words(appositive: str | None) -> list[str]:
    """The words of an appositive's own noun phrase: "a spokesman for the president" is a
    spokesman (the president is whom he speaks for)."""
    return [w for w in _BODY_LINKS.sub("", (appositive or "").lower()).split() if not w.endswith(("'s", "’s"))]


def _resolve_descriptions(refs_by_article, people: _People, new, attach, placed: _Placed) -> None:
    """ "the minister" is the person last named with that title in the article; a leader of a
    state joins the person with that title; else the description is a role actor of its own."""
    titles = lexicon().titles
    leader_words = lexicon().leader_words
    # per article and per word of a title, role or appositive: the refs so described, in order
    described: dict[tuple[str, str], list[tuple[int, frozenset[str], Cluster]]] = {}
    for c in people.all:
        for a, ref in c.refs:
            words = {_ABBREVIATED.get(w, w) for w in (ref.title or "").lower().split()} | set(ref.nearby_roles)
            words |= set(_head_words(ref.appositive))
            for w in words:
                described.setdefault((a, w), []).append((ref.start, frozenset(words), c))
    for rows in described.values():
        rows.sort(key=lambda row: row[0])
    leaders_cache: dict[str, list[Cluster]] = {}
    story_wide: dict[frozenset[str], Cluster | None] = {}
    for aid, refs in refs_by_article.items():
        introduced: dict[str, tuple[int, Cluster]] = {}  # "a young woman": the role, where it was introduced
        for r in refs:
            if r.kind != "role" or r.plural:
                continue
            low = r.text.lower()
            head = low.split()[-1]
            if r.definite and head in lexicon().person_nouns and not r.in_heading:
                person = _just_named(people, placed, aid, r)
                earlier = introduced.get(head)
                if earlier is not None and r.start - earlier[0] <= _BRIDGE_REACH:
                    earlier[1].add(aid, r)  # "a young woman asked … the woman said": the one introduced
                    continue
                if person is not None:
                    attach(person, aid, r)
                    continue
            if r.definite and head in titles:
                lex = lexicon()
                phrase = {w for w in re.sub(r"^(?:a|an|the)\s+", "", low).split()
                          if w in lex.title_words or w in lex.title_modifiers or w in _OTHER_OFFICE}  # no ages
                rows = [row for row in described.get((aid, head), [])
                        if not (row[1] & _OTHER_OFFICE) - phrase and not (phrase & _OTHER_OFFICE) - row[1]]
                # a headline may name someone the article introduces further down
                end = len(rows) if r.in_heading else bisect.bisect_left(rows, r.start, key=lambda row: row[0])
                strong = next((c for _, words, c in reversed(rows[:end]) if phrase <= words), None)
                weak = rows[end - 1][2] if end else None
                if strong is None and weak is None and not r.demonym_state:
                    weak = story_wide.get(frozenset(phrase)) or _the_one_titled(people, phrase, story_wide)
                # the full title matches ("the Kremlin spokesman"): that person; a bare head
                # noun with a state ("the Ukrainian leader") goes to the state's leader below
                titled = strong or (None if r.demonym_state else weak)
                if titled is not None:
                    attach(titled, aid, r)
                    leaders_cache.clear()
                    continue
            if r.demonym_state and any(w in low for w in leader_words):
                if r.demonym_state not in leaders_cache:
                    leaders_cache[r.demonym_state] = [
                        c for c in people.all
                        if c.states.get(r.demonym_state)
                        and any(any(w in t.lower() for w in leader_words) for t in c.titles)
                    ]
                leaders = leaders_cache[r.demonym_state]
                if len(leaders) == 1:
                    attach(leaders[0], aid, r)
                    leaders_cache.clear()  # the person now has one more state named
                    continue
            bare = re.sub(r"^(?:a|an|the)\s+", "", r.text, flags=re.I)
            role = new(f"role:{norm(bare)}", "role")
            role.add(aid, r)
            if not r.definite:
                introduced[head] = (r.start, role)


def _presence(c: Cluster) -> set[str]:
    """Articles that name the actor (a capital used as a place does not count)."""
    return {aid for aid, r in c.refs if r.kind == "pronoun" or r.how in ("name", "description") or not r.modifier}


def _acts(r: Ref) -> bool:
    """The ref does something itself: a verb follows it, it owns something, or it is an agent.
    After "of" it names someone's body ("chairman of the Y Committee, said"): the verb is theirs."""
    if r.in_quote or r.modifier:
        return False
    return (r.followed_by_verb and r.prep != "of") or r.possessive or r.prep == "by"


def _named_in(c: Cluster, texts: dict[str, str]) -> set[str]:
    """Articles that name an organisation found in the text (not only as part of a title:
    "Foreign Ministry spokeswoman X" names a person)."""
    words = [re.escape(w) for w in c.name.split() if w.lower() != "the"]
    pattern = re.compile(r"\b" + r"\W+(?:\[?the\]?\W+)?".join(words) + r"\b", re.I)
    titles = lexicon().titles
    return {
        aid for aid, t in texts.items()
        for m in pattern.finditer(t)
        if (t[m.end():m.end() + 30].split() or [""])[0].lower().strip(",.") not in titles
    }


def _listed(c: Cluster, speaks: int, n_articles: int, texts: dict[str, str]) -> set[str] | None:
    """The articles that name the actor when it belongs in the list, else None.

    Every speaker is listed; people said to say something (a verb of speech), or introduced
    with a role in two sources or more; states named (not as places) in half the articles;
    organisations that act, or (named in the text) are named in two articles; outlets only
    when they speak."""
    refs = [r for _, r in c.refs]
    articles = _presence(c)
    if c.kind == "role":
        return None  # "a government spokesman": an unnamed source (the quote keeps the words), no actor
    if speaks:
        if c.kind == "organisation" and not c.entity and not c.outlet:
            articles |= _named_in(c, texts)
        return articles
    if c.kind == "person":
        # paraphrased as saying something, or introduced with a role in two sources or more;
        # a name that is only mentioned (a victim, a host, a person in the background) or an
        # outlet's own reporter ("Harbour TV's Jo Roe reports") is not
        listed = any((r.verb_after or r.prep == "according") and not r.staff for r in refs) or (
            len(articles) >= 2 and bool(c.titles or c.appositives))
    elif c.kind == "state":
        place_preps = lexicon().place_prepositions
        named = {aid for aid, r in c.refs
                 if (r.how == "name" or not r.modifier) and (r.possessive or r.prep not in place_preps)}
        # a state that never acts (no verb, nothing of its own) is a place the story passes through
        listed = len(named) >= (max(2, math.ceil(n_articles / 2)) if n_articles > 1 else 1) and any(map(_acts, refs))
    elif c.kind == "organisation" and not c.outlet:
        if c.entity:
            listed = any(_acts(r) for r in refs)
        else:
            found = _named_in(c, texts)
            # named for itself, not only inside someone's title ("Finance Committee Chairman Jo Roe")
            itself = {aid for aid, r in c.refs if not r.modifier}
            listed = any(_acts(r) for r in refs) or len(found & itself) >= 2
            articles |= found
    else:
        listed = False  # an outlet that does not speak
    return articles if listed else None


def _role(c: Cluster, name: str) -> str | None:
    """The most used title (without honorifics), else the first appositive."""
    if c.kind == "role":
        return name
    role = c.titles.most_common(1)[0][0] if c.titles else None
    if role:  # "Dr", "Mr" address someone; they are not an office
        # ("Lord" and "Lady" also name offices: Lord Chancellor, First Lady)
        address = lexicon().honorifics - {"lord", "lady"}
        role = " ".join(w for w in role.split() if w.lower().rstrip(".") not in address) or None
    if role is None and c.appositives:
        role = re.sub(r"^(?:a|an|the)\s+", "", c.appositives[0], flags=re.I)
    return role


def _actor(c: Cluster, articles: set[str], texts: dict[str, str]) -> Actor:
    aliases = set()
    for aid, r in c.refs:
        if r.kind == "pronoun" or (r.kind == "role" and c.kind == "person"):
            continue  # "the president" describes this actor here; it names no one (aliases are names)
        aliases.add(r.text)
        full = texts[aid][r.full_start:r.end]
        if full != r.text and "\n" not in full and len(full) < 80:
            aliases.add(full)
    name = c.name
    if c.kind == "person" and (bare := re.sub(r",?\s+(?:Jr|Sr|II|III|IV)\.?$", "", name)) != name:
        aliases.add(bare)  # "Joe Roe III" is also "Joe Roe"
    aliases.discard(name)
    return Actor(
        id="",
        name=name,
        kind="person" if c.kind in ("person", "role") else c.kind,
        role=_role(c, name),
        aliases=tuple(sorted(aliases)),
        articles=tuple(sorted(articles, key=lambda a: int(a[1:]) if a[1:].isdigit() else a)),
        mentions=tuple(Mention(aid, r.start, r.end, r.text) for aid, r in c.refs if r.kind != "pronoun"),
    )


@dataclass(frozen=True)
class Chosen:
    """The actors to show, with their final ids, and the id of each chosen cluster's key."""

    actors: list[Actor]
    id_of: dict[str, str]  # cluster key -> actor id
    states: dict[str, Counter]  # actor id -> states named by its titles

    def leaders(self) -> dict[str, list[str]]:
        """State name -> person actor ids whose title makes them its leader ("Russian President")."""
        words = lexicon().leader_words
        out: dict[str, list[str]] = {}
        for x in self.actors:
            if x.kind != "person" or not x.role or not any(re.search(rf"\b{w}\b", x.role.lower()) for w in words):
                continue
            for state, _ in self.states.get(x.id, Counter()).most_common(1):
                out.setdefault(state, []).append(x.id)
        return out


def choose_actors(cast: Cast, speaker_counts: Counter, texts: dict[str, str]) -> Chosen:
    """The actors worth listing, most prominent first (quotes, then sources, then mentions),
    numbered ``p1``, ``p2``, … once chosen."""
    chosen = []
    for key, c in cast.clusters.items():
        articles = _listed(c, speaker_counts.get(key, 0), len(texts), texts)
        if articles is not None:
            chosen.append((c, _actor(c, articles, texts)))
    chosen.sort(key=lambda ca: (-speaker_counts.get(ca[0].key, 0), -len(ca[1].articles), -len(ca[1].mentions),
                                ca[1].name))
    actors, id_of, states = [], {}, {}
    for n, (c, actor) in enumerate(chosen, start=1):
        actors.append(replace(actor, id=f"p{n}"))
        id_of[c.key] = f"p{n}"
        states[f"p{n}"] = c.states
    return Chosen(actors, id_of, states)


def organisation_heads(cast: Cast) -> dict[str, str]:
    """Head nouns that stand for one organisation named in the story ("the coalition")."""
    org_heads = lexicon().org_heads
    heads: dict[str, str] = {}
    for key, c in cast.clusters.items():
        if c.kind == "organisation" and not c.entity:
            head = next((w for w in c.name.split() if w in org_heads), None)
            if head and head.lower() not in heads:
                heads[head.lower()] = key
    return heads


def speak_for(cast: Cast, refs_by_article: dict[str, list[Ref]]) -> None:
    """A spokesperson's words are the words of the body they speak for, when the text names it:
    ``a Kremlin spokesman`` (Russia), ``a German government spokesman`` (Germany), ``a
    spokeswoman for the group`` (the organisation last named). Such a description joins that
    body; any other description ("a senior official") stays an unnamed source."""
    lex = lexicon()
    for aid, refs in refs_by_article.items():
        for n, r in enumerate(refs):
            key = cast.keys.get(r)
            if r.kind != "role" or r.plural or not key or not key.startswith("role:"):
                continue
            if r.text.lower().split()[-1] not in lex.spokespeople:
                continue
            owner = _owner_key(cast, r) or _spoken_for(cast, refs, n)
            if owner is not None:
                cluster = cast.clusters[key]
                cluster.refs = [(a, x) for a, x in cluster.refs if x is not r]
                cast.attach(owner, aid, r)


def _owner_key(cast: Cast, r: Ref) -> str | None:
    if not r.owner:
        return None
    kind = "state" if r.owner == r.demonym_state else "organisation"
    key = f"{'state' if kind == 'state' else 'org'}:{r.owner}"
    if key not in cast.clusters:
        cast.clusters[key] = Cluster(key=key, kind=kind, entity=r.owner)
    return key


def _spoken_for(cast: Cast, refs: list[Ref], n: int) -> str | None:
    """``a spokeswoman for X``: the key of X, the ref right after "for"."""
    r = refs[n]
    for x in refs[n + 1:n + 3]:
        if x.start - r.end > 30:
            break
        if x.prep == "for" and x.kind in ("organisation", "state", "person", "surname") and cast.keys.get(x):
            return cast.keys[x]
    return None


_HEAD_WORDS = re.compile(r"\b(?:chief|head|president|chairman|chairwoman|chair|director|spokesman|spokeswoman|"
                         r"spokesperson|leader|executive|ceo|founder|secretary|general)\b", re.I)


def heads_of(actors: list[Actor], texts: dict[str, str]) -> dict[str, str]:
    """Person id -> the organisation they head or speak for, where a title names it right before
    their name ("Guild Executive Vice President Jo Roe", "Guild spokesman Jo Roe")."""
    orgs = [(x.id, sorted({f for f in (x.name, *x.aliases) if len(f) > 1}, key=len, reverse=True))
            for x in actors if x.kind == "organisation"]
    out: dict[str, str] = {}
    for x in actors:
        if x.kind != "person":
            continue
        for m in x.mentions:
            before = texts.get(m.article, "")[max(0, m.start - 60):m.start]
            title = re.search(r"((?:[A-Z][\w.&’'-]*\s+){1,6})$", before)  # the capitalised run before the name
            if not title or not _HEAD_WORDS.search(title.group(1)):
                continue
            hit = next((oid for oid, forms in orgs
                        if any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", title.group(1)) for f in forms)), None)
            if hit:
                out[x.id] = hit
                break
    return out
