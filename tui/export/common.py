"""What every report shares: stance symbols, the shared remarks, names for ids."""
from __future__ import annotations

from ..core.model import Actor, QuoteGroup, Story

STANCE_SYMBOLS = {"support": "+", "oppose": "−", "mixed": "±", "neutral": "=", "unknown": "?"}


def sources(story: Story, actor: Actor) -> str:
    return f"{len(actor.articles)}/{len(story.articles)}"


def speaker_name(story: Story, actor_id: str | None) -> str:
    return story.actor(actor_id).name if actor_id else "—"


def shared_groups(story: Story) -> list[QuoteGroup]:
    return [g for g in story.groups if g.shared]
