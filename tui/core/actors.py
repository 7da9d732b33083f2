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
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from .lexicon import lexicon
from .mentions import Ref
from .model import Actor, Mention

HONORIFICS = {"dr", "mr", "mrs", "ms", "prof", "sir", "dame", "doctor", "professor"}
LEADER_WORDS = ("president", "prime minister", "premier", "chancellor", "leader", "king", "queen", "emir", "sultan", "supreme leader")


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
        ref.key = self.key
        if ref.kind != "pronoun" and (self.kind != "person" or ref.kind in ("person", "surname")):
            self.names[ref.text] += 1
        if ref.title:
            self.titles[ref.title] += 1
        if ref.demonym_state:
            self.states[ref.demonym_state] += 1
        if ref.appositive:
            self.appositives.append(ref.appositive)

    @property
    def name(self) -> str:
        if self.kind in ("state",) or (self.kind == "organisation" and self.entity):
            return self.entity or ""
        full = [(n, c) for n, c in self.names.items() if len(n.split()) >= 2] if self.kind in ("person", "organisation") else []
        pool = full or list(self.names.items())
        pool.sort(key=lambda nc: (-nc[1], -len(nc[0]), nc[0]))
        name = pool[0][0] if pool else self.key.split(":", 1)[1]
        if self.kind == "role":
            name = re.sub(r"^(?:a|an|the)\s+", "", name, flags=re.I)
        return name


def _same_surname(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    return na == nb


def _close_surname(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    return na == nb or (min(len(na), len(nb)) >= 5 and fuzz.ratio(na, nb) >= 85)


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
            self.by_last.setdefault(norm(last), []).append(c)
            self._close.clear()
        return c

    def set_first(self, c: Cluster, first: str) -> None:
        c.first = first
        self.by_first.setdefault(norm(first), []).append(c)

    def close_to(self, surname: str) -> list[Cluster]:
        """People with a first name whose surname is a close spelling of ``surname``."""
        k = norm(surname)
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


def resolve_keys(refs_by_article: dict[str, list[Ref]]) -> dict[str, Cluster]:
    """Give every usable ref an actor key; returns the clusters by key."""
    lex = lexicon()
    clusters: dict[str, Cluster] = {}

    def new(key: str, kind: str, **kw) -> Cluster:
        c = clusters.get(key)
        if c is None:
            c = Cluster(key=key, kind=kind, **kw)
            clusters[key] = c
        return c

    people = _People(new)
    placed = _Placed()

    def attach(c: Cluster, aid: str, r: Ref) -> None:
        c.add(aid, r)
        if c.kind == "person":
            placed.add(aid, c, r.start)

    # 1. full names
    for aid, refs in refs_by_article.items():
        for r in refs:
            if r.kind != "person" or r.in_heading:
                continue
            parts = r.text.split()
            first, last = parts[0], parts[-1]
            match = next(
                (c for c in people.by_first.get(norm(first), []) if _close_surname(c.last or "", last)), None
            )
            if match is None:
                same_last = people.by_last.get(norm(last), [])
                if same_last and all(c.first is None for c in same_last):
                    match = same_last[0]
            if match is None:
                match = people.create(f"person:{norm(r.text)}", first, last)
            elif match.first is None:
                people.set_first(match, first)
            attach(match, aid, r)

    # 2. surnames alone
    def by_surname(aid: str, r: Ref) -> Cluster | None:
        cands = people.by_last.get(norm(r.text)) or people.close_to(r.text)
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        before = [(p, c) for c in cands if (p := placed.last_before(aid, c, r.start)) is not None]
        if before:
            return max(before, key=lambda x: x[0])[1]
        return max(cands, key=lambda c: len(c.refs))

    def by_first_name(r: Ref) -> Cluster | None:
        """A given name alone ("Bereket" for "Bereket Simon"), when only one person has it."""
        if any(c.last for c in people.by_last.get(norm(r.text), [])):
            return None
        named = people.by_first.get(norm(r.text), [])
        return named[0] if len(named) == 1 else None

    pending: list[tuple[str, Ref]] = []
    for aid, refs in refs_by_article.items():
        for r in refs:
            if r.kind != "surname":
                continue
            c = by_surname(aid, r) or by_first_name(r)
            if c is not None:
                attach(c, aid, r)
            else:
                pending.append((aid, r))
    for aid, r in pending:
        word = r.text
        if (
            r.verb_after
            and r.prep is None
            and not r.in_heading
            and not r.in_quote
            and not r.possessive
            and word not in lex.function_caps
            and not word.isupper()
        ):
            attach(people.create(f"person:{norm(word)}", None, word), aid, r)
    for aid, r in pending:
        if r.key is None:
            c = clusters.get(f"person:{norm(r.text)}")
            if c is not None and c.kind == "person":
                attach(c, aid, r)

    # 3. gazetteer entities and named organisations
    for aid, refs in refs_by_article.items():
        for r in refs:
            if r.kind in ("state", "organisation", "outlet") and r.entity:
                kind = "organisation" if r.kind == "outlet" else r.kind
                c = new(f"{'state' if kind == 'state' else 'org'}:{r.entity}", kind, entity=r.entity)
                c.outlet = c.outlet or r.kind == "outlet"
                c.add(aid, r)
            elif r.kind == "organisation":
                name = re.sub(r"[\[\]]", "", r.text)
                c = new(f"org:{norm(name)}", "organisation")
                c.add(aid, r)

    _join_acronyms(clusters)
    _resolve_descriptions(refs_by_article, people, new, attach)
    return clusters


def _join_acronyms(clusters: dict[str, Cluster]) -> None:
    """Acronyms join the organisation whose initials they are ("ICG" -> International Crisis Group)."""
    orgs = [c for c in clusters.values() if c.kind == "organisation"]
    initials: dict[str, list[Cluster]] = {}
    for o in orgs:
        for _, r in o.refs:
            if r.acronym:
                initials.setdefault(r.acronym, []).append(o)
        initials.setdefault("".join(w[0] for w in o.name.split() if w[:1].isupper()), []).append(o)
    for c in [c for c in orgs if not c.entity]:
        acronym = [r for _, r in c.refs if r.how == "acronym"]
        if not acronym or len(acronym) != len(c.refs):
            continue
        full = next((o for o in initials.get(acronym[0].text, []) if o is not c and o.key in clusters), None)
        if full is not None:
            for aid, r in c.refs:
                full.add(aid, r)
            del clusters[c.key]


def _resolve_descriptions(refs_by_article, people: _People, new, attach) -> None:
    """ "the minister" is the person last named with that title in the article; a leader of a
    state joins the person with that title; else the description is a role actor of its own."""
    titles = lexicon().titles
    # per article and per word of a title, role or appositive: the refs so described, in order
    described: dict[tuple[str, str], list[tuple[int, frozenset[str], Cluster]]] = {}
    for c in people.all:
        for a, ref in c.refs:
            words = set((ref.title or "").lower().split()) | set(ref.nearby_roles)
            words |= set((ref.appositive or "").lower().split())
            for w in words:
                described.setdefault((a, w), []).append((ref.start, frozenset(words), c))
    for rows in described.values():
        rows.sort(key=lambda row: row[0])
    leaders_cache: dict[str, list[Cluster]] = {}
    for aid, refs in refs_by_article.items():
        for r in refs:
            if r.kind != "role" or r.plural:
                continue
            low = r.text.lower()
            head = low.split()[-1]
            if r.definite and head in titles:
                phrase = set(re.sub(r"^(?:a|an|the)\s+", "", low).split())
                rows = described.get((aid, head), [])
                # a headline may name someone the article introduces further down
                end = len(rows) if r.in_heading else bisect.bisect_left(rows, r.start, key=lambda row: row[0])
                strong = next((c for _, words, c in reversed(rows[:end]) if phrase <= words), None)
                weak = rows[end - 1][2] if end else None
                # the full title matches ("the Kremlin spokesman"): that person; a bare head
                # noun with a state ("the Ukrainian leader") goes to the state's leader below
                titled = strong or (None if r.demonym_state else weak)
                if titled is not None:
                    attach(titled, aid, r)
                    leaders_cache.clear()
                    continue
            if r.demonym_state and any(w in low for w in LEADER_WORDS):
                if r.demonym_state not in leaders_cache:
                    leaders_cache[r.demonym_state] = [
                        c for c in people.all
                        if c.states.get(r.demonym_state)
                        and any(any(w in t.lower() for w in LEADER_WORDS) for t in c.titles)
                    ]
                leaders = leaders_cache[r.demonym_state]
                if len(leaders) == 1:
                    attach(leaders[0], aid, r)
                    leaders_cache.clear()  # the person now has one more state named
                    continue
            bare = re.sub(r"^(?:a|an|the)\s+", "", r.text, flags=re.I)
            new(f"role:{norm(bare)}", "role").add(aid, r)


def _presence(c: Cluster) -> set[str]:
    """Articles that name the actor (a capital used as a place does not count)."""
    return {aid for aid, r in c.refs if r.kind == "pronoun" or r.how in ("name", "description") or not r.modifier}


def _acts(r: Ref) -> bool:
    return not r.in_quote and not r.modifier and (r.followed_by_verb or r.possessive)


def build_actors(
    clusters: dict[str, Cluster],
    speaker_counts: Counter,
    n_articles: int,
    texts: dict[str, str],
) -> list[tuple[Cluster, Actor]]:
    """Choose the actors to show and make :class:`Actor` objects (ids given later)."""
    chosen: list[tuple[Cluster, Actor]] = []
    state_floor = max(2, math.ceil(n_articles / 2)) if n_articles > 1 else 1
    for key, c in clusters.items():
        speaks = speaker_counts.get(key, 0)
        refs = [r for _, r in c.refs]
        articles = _presence(c)
        if c.kind == "person":
            evidence = (
                speaks
                or c.titles
                or c.appositives
                or any(r.verb_after for r in refs)
                or len([r for r in refs if not r.in_heading]) >= 2
            )
            if not evidence:
                continue
        elif c.kind == "role":
            if not speaks:
                continue
        elif c.kind == "state":
            place_preps = lexicon().place_prepositions
            named = {
                aid for aid, r in c.refs
                if (r.how == "name" or not r.modifier) and (r.possessive or r.prep not in place_preps)
            }
            if not speaks and len(named) < state_floor:
                continue
        elif c.kind == "organisation":
            if c.outlet:
                if not speaks:
                    continue
            elif c.entity:
                if not speaks and not any(_acts(r) for r in refs):
                    continue
            else:
                name = c.name
                pattern = re.compile(r"\b" + r"\W+(?:\[?the\]?\W+)?".join(re.escape(w) for w in name.split() if w.lower() != "the") + r"\b", re.I)
                titles = lexicon().titles
                found = {
                    aid for aid, t in texts.items()
                    for m in pattern.finditer(t)
                    # "Foreign Ministry spokeswoman X": the name only qualifies someone's title
                    if (t[m.end():m.end() + 30].split() or [""])[0].lower().strip(",.") not in titles
                }
                if not speaks and not any(_acts(r) for r in refs) and len(found) < 2:
                    continue
                articles |= found
        kind = "person" if c.kind in ("person", "role") else c.kind
        aliases = set()
        for aid, r in c.refs:
            if r.kind == "pronoun":
                continue
            aliases.add(r.text)
            full = texts[aid][r.full_start:r.end]
            if full != r.text and "\n" not in full and len(full) < 80:
                aliases.add(full)
        name = c.name
        aliases.discard(name)
        role = c.titles.most_common(1)[0][0] if c.titles else None
        if role:
            role = " ".join(w for w in role.split() if w.lower().rstrip(".") not in HONORIFICS) or None
        if role is None and c.appositives:
            role = re.sub(r"^(?:a|an|the)\s+", "", c.appositives[0], flags=re.I)
        if c.kind == "role":
            role = name
        mentions = tuple(
            Mention(aid, r.start, r.end, r.text) for aid, r in c.refs if r.kind != "pronoun"
        )
        chosen.append(
            (
                c,
                Actor(
                    id="",
                    name=name,
                    kind=kind,
                    role=role,
                    aliases=tuple(sorted(aliases)),
                    articles=tuple(sorted(articles, key=lambda a: int(a[1:]) if a[1:].isdigit() else a)),
                    mentions=mentions,
                ),
            )
        )
    return chosen
