"""A user's corrections from ``story.yaml`` always win over detection.

```yaml
actors:
  - name: Volodymyr Zelenskyy          # the name to show
    aliases: [Zelensky, Zelenskiy]     # every actor matching name or an alias is merged into one
    stance: support                    # support | oppose | mixed | neutral | unknown
    role: Ukrainian President
    kind: person                       # person | organisation | state
  - name: Associated Press
    ignore: true                       # not an actor: dropped, its quotes keep no speaker
```

An entry that matches no detected actor adds one (found in the articles by its names).
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import ACTOR_KINDS, STANCES, Actor, Mention, Story


def _forms(name: str) -> set[str]:
    return {" ".join(re.findall(r"\w+", name.casefold()))}


def _entry_names(entry: dict) -> tuple[str, list[str]]:
    name = str(entry.get("name") or "").strip()
    raw = entry.get("aliases") or []
    if not isinstance(raw, list):
        raw = [raw]
    aliases = [str(a) for a in raw if isinstance(a, (str, int, float)) and str(a).strip()]
    return name, aliases


class _Index:
    """The actors in order, and which of them answers to a name form (kept in step)."""

    def __init__(self, actors) -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self.by_form: dict[str, set[str]] = {}
        for a in actors:
            self._index(a)

    def _index(self, actor: Actor) -> None:
        for f in (actor.name, *actor.aliases):
            for form in _forms(f):
                self.by_form.setdefault(form, set()).add(actor.id)

    def matching(self, forms: set[str]) -> list[Actor]:
        ids = set().union(*(self.by_form.get(f, set()) for f in forms)) if forms else set()
        return [a for aid, a in self.actors.items() if aid in ids] if len(ids) > 1 else [
            self.actors[i] for i in ids if i in self.actors]

    def put(self, actor: Actor) -> None:
        self.actors[actor.id] = actor  # an existing id keeps its place
        self._index(actor)

    def drop(self, actor: Actor) -> None:
        self.actors.pop(actor.id, None)


def apply_overrides(story: Story, entries) -> Story:
    if not entries:
        return story
    index = _Index(story.actors)
    remap: dict[str, str | None] = {}  # old actor id -> new id (None: dropped)
    next_n = 1 + max((int(a.id[1:]) for a in story.actors if a.id[1:].isdigit()), default=0)
    added: list[tuple[str, list[str]]] = []  # (actor id, names) of actors the entries add
    for entry in entries:
        name, aliases = _entry_names(entry)
        if not name:
            continue
        names = set()
        for f in (name, *aliases):
            names |= _forms(f)
        hits = index.matching(names)
        if entry.get("ignore"):
            for a in hits:
                remap[a.id] = None
                index.drop(a)
            continue
        if hits:
            keep = hits[0]
            merged = keep
            for other in hits[1:]:
                remap[other.id] = keep.id
                index.drop(other)
                merged = replace(
                    merged,
                    aliases=tuple(sorted(set(merged.aliases) | set(other.aliases) | {other.name})),
                    articles=tuple(sorted(set(merged.articles) | set(other.articles), key=_num)),
                    quotes=tuple(sorted(set(merged.quotes) | set(other.quotes), key=_num)),
                    mentions=merged.mentions + other.mentions,
                    evidence=merged.evidence + other.evidence,
                )
        else:
            merged = Actor(id=f"p{next_n}", name=name, kind="person")
            added.append((merged.id, [name, *aliases]))
            next_n += 1
            keep = None
        changes: dict = {"name": name, "overridden": True}
        all_aliases = set(merged.aliases) | set(aliases)
        if keep is not None and keep.name != name:
            all_aliases.add(keep.name)
        all_aliases.discard(name)
        changes["aliases"] = tuple(sorted(all_aliases))
        if entry.get("stance") in STANCES:
            changes["stance"] = entry["stance"]
            changes["stance_reason"] = f"{entry['stance']}: set in story.yaml"
        if isinstance(entry.get("role"), (str, int, float)) and str(entry["role"]).strip():
            changes["role"] = str(entry["role"])
        if entry.get("kind") in ACTOR_KINDS:
            changes["kind"] = entry["kind"]
        index.put(replace(merged, **changes))

    found = _find_mentions(story, added)
    for aid, mentions in found.items():
        if aid in index.actors:
            index.actors[aid] = replace(
                index.actors[aid], mentions=tuple(mentions),
                articles=tuple(sorted({m.article for m in mentions}, key=_num)),
            )

    def fix(actor_id: str | None) -> str | None:
        while actor_id in remap:
            actor_id = remap[actor_id]
        return actor_id

    quotes = tuple(replace(q, speaker=fix(q.speaker), via=q.via if fix(q.speaker) else None) for q in story.quotes)
    groups = tuple(replace(g, speaker=fix(g.speaker)) for g in story.groups)
    return replace(story, actors=tuple(index.actors.values()), quotes=quotes, groups=groups)


def _num(x: str) -> tuple:
    return (len(x), x)


_WORD = re.compile(r"\w+")


def _find_mentions(story: Story, wanted: list[tuple[str, list[str]]]) -> dict[str, list[Mention]]:
    """Where the articles name each added actor (the name exactly, as whole words), in one pass
    over each article's words whatever the number of entries."""
    by_first: dict[str, list[tuple[str, int, str]]] = {}  # first word -> (name, words, actor id)
    for aid, names in wanted:
        for n in names:
            ws = _WORD.findall(n)
            if ws and n.startswith(ws[0]):
                by_first.setdefault(ws[0], []).append((n, len(ws), aid))
    out: dict[str, list[Mention]] = {}
    for a in story.articles if by_first else ():
        for m in _WORD.finditer(a.text):
            for n, _, aid in by_first.get(m.group(), ()):
                end = m.start() + len(n)
                if a.text.startswith(n, m.start()) and not (end < len(a.text) and a.text[end].isalnum()
                                                             and n[-1:].isalnum()):
                    out.setdefault(aid, []).append(Mention(a.id, m.start(), end, n))
    return out
