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


def resolve_keys(refs_by_article: dict[str, list[Ref]]) -> dict[str, Cluster]:
    """Give every usable ref an actor key; returns the clusters by key."""
    lex = lexicon()
    clusters: dict[str, Cluster] = {}
    persons: list[Cluster] = []

    def new(key: str, kind: str, **kw) -> Cluster:
        c = clusters.get(key)
        if c is None:
            c = Cluster(key=key, kind=kind, **kw)
            clusters[key] = c
            if kind == "person":
                persons.append(c)
        return c

    # 1. full names
    for aid, refs in refs_by_article.items():
        for r in refs:
            if r.kind != "person" or r.in_heading:
                continue
            parts = r.text.split()
            first, last = parts[0], parts[-1]
            match = None
            for c in persons:
                if c.first and norm(c.first) == norm(first) and _close_surname(c.last or "", last):
                    match = c
                    break
                if c.first is None and _same_surname(c.last or "", last):
                    match = c
                    break
            if match is None:
                same_last = [c for c in persons if c.last and _same_surname(c.last, last)]
                if same_last and all(c.first is None for c in same_last):
                    match = same_last[0]
            if match is None:
                match = new(f"person:{norm(r.text)}", "person", first=first, last=last)
            elif match.first is None:
                match.first = first
            match.add(aid, r)

    # 2. surnames alone
    def by_surname(aid: str, r: Ref) -> Cluster | None:
        exact = [c for c in persons if c.last and _same_surname(c.last, r.text)]
        cands = exact or [c for c in persons if c.last and c.first and _close_surname(c.last, r.text)]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        before = [
            (ref.start, c) for c in cands for (a, ref) in c.refs if a == aid and ref.start < r.start
        ]
        if before:
            return max(before, key=lambda x: x[0])[1]
        return max(cands, key=lambda c: len(c.refs))

    def by_first_name(r: Ref) -> Cluster | None:
        """A given name alone ("Bereket" for "Bereket Simon"), when only one person has it."""
        if any(c.last and _same_surname(c.last, r.text) for c in persons):
            return None
        named = [c for c in persons if c.first and norm(c.first) == norm(r.text)]
        return named[0] if len(named) == 1 else None

    pending: list[tuple[str, Ref]] = []
    for aid, refs in refs_by_article.items():
        for r in refs:
            if r.kind != "surname":
                continue
            c = by_surname(aid, r) or by_first_name(r)
            if c is not None:
                c.add(aid, r)
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
            c = new(f"person:{norm(word)}", "person", last=word)
            c.add(aid, r)
    for aid, r in pending:
        if r.key is None:
            c = clusters.get(f"person:{norm(r.text)}")
            if c is not None and c.kind == "person":
                c.add(aid, r)

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

    # acronyms join the organisation whose initials they are ("ICG" -> International Crisis Group)
    for key in [k for k, c in clusters.items() if c.kind == "organisation" and not c.entity]:
        c = clusters[key]
        acronym = [r for _, r in c.refs if r.how == "acronym"]
        if not acronym or len(acronym) != len(c.refs):
            continue
        letters = acronym[0].text
        full = next(
            (o for o in clusters.values() if o is not c and o.kind == "organisation"
             and (any(r.acronym == letters for _, r in o.refs)
                  or "".join(w[0] for w in o.name.split() if w[:1].isupper()) == letters)),
            None,
        )
        if full is not None:
            for aid, r in c.refs:
                full.add(aid, r)
            del clusters[key]

    # 4. descriptions: "the minister" is the person last named with that title in the article;
    # a leader of a state joins the person with that title; else a role actor
    for aid, refs in refs_by_article.items():
        for r in refs:
            if r.kind != "role" or r.plural:
                continue
            low = r.text.lower()
            head = low.split()[-1]
            if r.definite and head in lexicon().titles:
                phrase = set(re.sub(r"^(?:a|an|the)\s+", "", low).split())
                strong, weak = [], []
                for c in persons:
                    for a, ref in c.refs:
                        # a headline may name someone the article introduces further down
                        if a != aid or (ref.start >= r.start and not r.in_heading):
                            continue
                        described = set((ref.title or "").lower().split()) | set(ref.nearby_roles)
                        described |= set((ref.appositive or "").lower().split())
                        if phrase <= described:
                            strong.append((ref.start, c))  # "the prime minister" / "Prime Minister X"
                        elif head in described:
                            weak.append((ref.start, c))
                # the full title matches ("the Kremlin spokesman"): that person; a bare head
                # noun with a state ("the Ukrainian leader") goes to the state's leader below
                titled = strong or ([] if r.demonym_state else weak)
                if titled:
                    max(titled, key=lambda x: x[0])[1].add(aid, r)
                    continue
            if r.demonym_state and any(w in low for w in LEADER_WORDS):
                leaders = [
                    c for c in persons
                    if c.states.get(r.demonym_state)
                    and any(any(w in t.lower() for w in LEADER_WORDS) for t in c.titles)
                ]
                if len(leaders) == 1:
                    leaders[0].add(aid, r)
                    continue
            bare = re.sub(r"^(?:a|an|the)\s+", "", r.text, flags=re.I)
            c = new(f"role:{norm(bare)}", "role")
            c.add(aid, r)
    return clusters


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
