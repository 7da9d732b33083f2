"""The analysis as terminal text (Rich renderables), or plain text for a file.

Text from a file is shown as ``Text`` objects, never as markup.
"""
from __future__ import annotations

from ..core.model import Story
from ..core.sanitise import one_line
from .common import STANCE_SYMBOLS, shared_groups, speaker_name, sources


def to_text(story: Story, width: int = 100) -> str:
    """The terminal summary as plain text (no colour), for a file."""
    import io

    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None, highlight=False).print(to_rich(story))
    return buf.getvalue()


def to_rich(story: Story):
    """A Rich renderable summary (tables of articles and actors, shared remarks)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    n = len(story.articles)
    shared = shared_groups(story)
    parts: list = [Text(one_line(story.title), style="bold")]
    if story.topic:
        parts.append(Text.assemble(("Topic: ", "dim"), one_line(story.topic)))
    parts.append(
        Text(
            f"{n} articles, {len(story.quotes)} quotes, {len(shared)} remarks shared by two sources or more, "
            f"{len(story.actors)} actors"
        )
    )
    t = Table(title="Articles", title_justify="left", expand=True)
    t.add_column("id", no_wrap=True)
    t.add_column("source", overflow="ellipsis", no_wrap=True, ratio=2)
    t.add_column("date", no_wrap=True)
    t.add_column("words", justify="right", no_wrap=True)
    t.add_column("title", overflow="ellipsis", no_wrap=True, ratio=4)
    for a in story.articles:
        t.add_row(a.id, Text(one_line(a.label)), a.date or "—", str(a.words),
                  Text(one_line(a.title or "—")))
    parts.append(t)
    t = Table(title="Actors", title_justify="left", expand=True)
    t.add_column("name", overflow="fold", ratio=4, min_width=14)
    t.add_column("role", overflow="ellipsis", no_wrap=True, ratio=3)
    t.add_column("kind", no_wrap=True)
    t.add_column("stance", no_wrap=True)
    t.add_column("evid.", justify="right", no_wrap=True)
    t.add_column("sources", justify="right", no_wrap=True)
    t.add_column("quotes", justify="right", no_wrap=True)
    for x in story.actors:
        t.add_row(Text(one_line(x.name)), Text(one_line(x.role or "—")), "org" if x.kind == "organisation" else x.kind,
                  f"{STANCE_SYMBOLS[x.stance]} {x.stance}", str(len(x.evidence)), sources(story, x),
                  str(len(x.quotes)))
    parts.append(t)
    if shared:
        parts.append(Text("Shared remarks", style="bold"))
        for g in shared:
            parts.append(Text.assemble(("• ", ""), (one_line(speaker_name(story, g.speaker)), "bold"),
                                       f" — in {len(g.articles)} of {n} sources"))
            for qid in g.quotes:
                q = story.quote(qid)
                parts.append(Text(f"    {one_line(story.article(q.article).label)}: “{one_line(q.text, 120)}”"))
    if story.findings:
        parts.append(Text("Findings", style="bold"))
        for f in story.findings:
            parts.append(Text(f"• {one_line(f.summary, 300)}"))
    return Group(*parts)
