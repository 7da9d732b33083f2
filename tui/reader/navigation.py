"""What ``n``/``N`` and ``]``/``[`` step through: pure functions over the model.

A *selection set* is a list of :class:`Item` in reading order (article order, then offset):
the quotes of one pane, the matches of a search, or the quotes of one actor. Shared remarks
(quote groups found in two sources or more) are ordered by where they first appear.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.model import QuoteGroup, Story


@dataclass(frozen=True)
class Item:
    article: str
    start: int
    end: int
    quote: str | None = None  # a quote id, or None for a search match

    def key(self, order: dict[str, int]) -> tuple[int, int]:
        return (order.get(self.article, 0), self.start)


def article_order(story: Story) -> dict[str, int]:
    return {a.id: i for i, a in enumerate(story.articles)}


def quote_items(story: Story, article_id: str) -> list[Item]:
    return [Item(q.article, q.start, q.end, q.id) for q in story.quotes_in(article_id)]


def actor_items(story: Story, actor_id: str) -> list[Item]:
    return [Item(q.article, q.start, q.end, q.id) for q in story.quotes if q.speaker == actor_id]


_DASHES = "‐‑–—\u00ad-"  # the ASCII hyphen last: it stays literal in a character class
_APOSTROPHES = "'’‘ʼ"


def search_pattern(query: str) -> re.Pattern[str]:
    """A literal, case-blind pattern that ignores how a word is split: ``ceasefire`` finds
    ``cease-fire`` (a hyphen may stand between any two letters), ``cease fire`` finds both (a
    space or dash of the query matches any run of spaces and dashes, or none), and ``'``
    matches ``’``."""
    sep = f"[\\s{_DASHES}]*"
    parts: list[str] = []
    prev_letter = False
    for ch in query:
        if ch.isspace() or ch in _DASHES:
            if parts and parts[-1] != sep:
                parts.append(sep)
            prev_letter = False
            continue
        if prev_letter and ch.isalnum():
            parts.append(f"[{_DASHES}]?")
        parts.append(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch))
        prev_letter = ch.isalnum()
    while parts and parts[-1] == sep:
        parts.pop()
    return re.compile("".join(parts), re.IGNORECASE)


def search_items(story: Story, query: str, limit: int = 10_000) -> list[Item]:
    """Case-insensitive literal matches of ``query`` in every article, in reading order."""
    query = query.strip()
    if not query:
        return []
    pattern = search_pattern(query)
    out: list[Item] = []
    for a in story.articles:
        for m in pattern.finditer(a.text):
            if m.end() > m.start():
                out.append(Item(a.id, m.start(), m.end()))
                if len(out) >= limit:
                    return out
    return out


def step(items: list[Item], current: Item | None, forward: bool, order: dict[str, int],
         origin: tuple[str, int] | None = None) -> tuple[int | None, bool]:
    """Index of the next (or previous) item, and whether the search wrapped around.

    With no current item, start from ``origin`` (article, offset), e.g. the top of the pane."""
    if not items:
        return None, False
    if current is not None and current in items:
        i = items.index(current)
        j = i + (1 if forward else -1)
        if 0 <= j < len(items):
            return j, False
        return (0 if forward else len(items) - 1), True
    if origin is not None:
        here = (order.get(origin[0], 0), origin[1])
        if forward:
            for k, it in enumerate(items):
                if it.key(order) >= here:
                    return k, False
            return 0, True
        for k in range(len(items) - 1, -1, -1):
            if items[k].key(order) < here:
                return k, False
        return len(items) - 1, True
    return (0 if forward else len(items) - 1), False


def shared_groups(story: Story) -> list[QuoteGroup]:
    """Groups quoted by two sources or more, in order of first appearance."""
    order = article_order(story)
    first = {}
    for q in story.quotes:
        if q.group not in first:
            first[q.group] = (order[q.article], q.start)
    return sorted((g for g in story.groups if g.shared), key=lambda g: first[g.id])


def step_group(groups: list[QuoteGroup], current: str | None, forward: bool) -> tuple[int | None, bool]:
    ids = [g.id for g in groups]
    if not ids:
        return None, False
    if current in ids:
        j = ids.index(current) + (1 if forward else -1)
        if 0 <= j < len(ids):
            return j, False
        return (0 if forward else len(ids) - 1), True
    return (0 if forward else len(ids) - 1), False


def colour_index(story: Story) -> dict[str, int]:
    """Palette slot for each shared group (cycled), in order of first appearance."""
    return {g.id: i for i, g in enumerate(shared_groups(story))}
