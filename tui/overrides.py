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


def _matches(actor: Actor, names: set[str]) -> bool:
    forms = set()
    for f in (actor.name, *actor.aliases):
        forms |= _forms(f)
    return bool(forms & names)


def apply_overrides(story: Story, entries) -> Story:
    if not entries:
        return story
    actors = list(story.actors)
    remap: dict[str, str | None] = {}  # old actor id -> new id (None: dropped)
    next_n = 1 + max((int(a.id[1:]) for a in actors if a.id[1:].isdigit()), default=0)
    for entry in entries:
        name = str(entry.get("name") or "").strip()
        if not name:
            continue
        aliases = [str(a) for a in entry.get("aliases") or [] if str(a).strip()]
        names = set()
        for f in (name, *aliases):
            names |= _forms(f)
        hits = [a for a in actors if _matches(a, names)]
        if entry.get("ignore"):
            for a in hits:
                remap[a.id] = None
                actors.remove(a)
            continue
        if hits:
            keep = hits[0]
            merged = keep
            for other in hits[1:]:
                remap[other.id] = keep.id
                actors.remove(other)
                merged = replace(
                    merged,
                    aliases=tuple(sorted(set(merged.aliases) | set(other.aliases) | {other.name})),
                    articles=tuple(sorted(set(merged.articles) | set(other.articles), key=_num)),
                    quotes=tuple(sorted(set(merged.quotes) | set(other.quotes), key=_num)),
                    mentions=merged.mentions + other.mentions,
                    evidence=merged.evidence + other.evidence,
                )
        else:
            mentions = _find_mentions(story, [name, *aliases])
            merged = Actor(
                id=f"p{next_n}", name=name, kind="person",
                articles=tuple(sorted({m.article for m in mentions}, key=_num)), mentions=tuple(mentions),
            )
            next_n += 1
            keep = None
        changes = {"name": name, "overridden": True}
        all_aliases = set(merged.aliases) | set(aliases)
        if keep is not None and keep.name != name:
            all_aliases.add(keep.name)
        all_aliases.discard(name)
        changes["aliases"] = tuple(sorted(all_aliases))
        if entry.get("stance") in STANCES:
            changes["stance"] = entry["stance"]
        if entry.get("role"):
            changes["role"] = str(entry["role"])
        if entry.get("kind") in ACTOR_KINDS:
            changes["kind"] = entry["kind"]
        merged = replace(merged, **changes)
        if keep is not None:
            actors[actors.index(keep)] = merged
        else:
            actors.append(merged)

    def fix(actor_id: str | None) -> str | None:
        while actor_id in remap:
            actor_id = remap[actor_id]
        return actor_id

    quotes = tuple(replace(q, speaker=fix(q.speaker), via=q.via if fix(q.speaker) else None) for q in story.quotes)
    groups = tuple(replace(g, speaker=fix(g.speaker)) for g in story.groups)
    return replace(story, actors=tuple(actors), quotes=quotes, groups=groups, _index={})


def _num(x: str) -> tuple:
    return (len(x), x)


def _find_mentions(story: Story, names: list[str]) -> list[Mention]:
    out = []
    for a in story.articles:
        for n in names:
            for m in re.finditer(r"\b" + re.escape(n) + r"\b", a.text):
                out.append(Mention(a.id, m.start(), m.end(), m.group()))
    return out
