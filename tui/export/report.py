"""Render a Story as JSON (schema ``parallax/1``), Markdown, or Rich text for a terminal.

JSON keeps the real text (JSON escapes it). Markdown and text are for people and terminals:
everything from a file is sanitised (control and bidi characters become placeholders) and
rendered as plain text, never as markup.
"""
from __future__ import annotations

import json

from ..core.model import Actor, Story
from ..core.sanitise import BIDI, one_line

SCHEMA = "parallax/1"
STANCE_SYMBOLS = {"support": "+", "oppose": "−", "mixed": "±", "neutral": "=", "unknown": "?"}


def to_dict(story: Story) -> dict:
    return {
        "schema": SCHEMA,
        "story": {"title": story.title, "topic": story.topic, "path": story.path},
        "articles": [
            {"id": a.id, "file": a.file, "title": a.title, "source": a.source, "date": a.date,
             "text": a.text}
            for a in story.articles
        ],
        "quotes": [
            {"id": q.id, "article": q.article, "start": q.start, "end": q.end, "text": q.text,
             "speaker": q.speaker, "group": q.group}
            for q in story.quotes
        ],
        "groups": [
            {"id": g.id, "quotes": list(g.quotes), "articles": list(g.articles), "speaker": g.speaker}
            for g in story.groups
        ],
        "actors": [
            {"id": x.id, "name": x.name, "aliases": list(x.aliases), "kind": x.kind, "role": x.role,
             "stance": x.stance, "evidence": [e.quote or e.text for e in x.evidence],
             "articles": list(x.articles)}
            for x in story.actors
        ],
        "findings": [
            {"kind": f.kind, "summary": f.summary, "articles": list(f.articles), "refs": list(f.refs)}
            for f in story.findings
        ],
    }


_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in [*range(0x7F, 0xA0), *map(ord, BIDI), *range(0xD800, 0xE000)]}


def to_json(story: Story) -> str:
    """JSON text; C1 controls, bidi controls and lone surrogates are written as ``\\uXXXX`` escapes.

    The loader has already replaced them in everything it read; this keeps the promise for
    anything that might still carry one, so the JSON is safe to print in a terminal."""
    return json.dumps(to_dict(story), ensure_ascii=False, indent=2).translate(_JSON_ESCAPES)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|#"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def md_text(s: str | None, width: int | None = None) -> str:
    """One line of text for Markdown: sanitised, and every character Markdown or HTML would read
    as syntax escaped (no raw HTML, no links, no emphasis from the file)."""
    return one_line(s or "—", width).translate(_MD_SPECIAL)


def _sources(story: Story, actor: Actor) -> str:
    return f"{len(actor.articles)}/{len(story.articles)}"


def _speaker(story: Story, actor_id: str | None) -> str:
    return story.actor(actor_id).name if actor_id else "—"


def shared_groups(story: Story):
    return [g for g in story.groups if g.shared]


def to_markdown(story: Story) -> str:
    cell = md_text
    n = len(story.articles)
    out = [f"# {cell(story.title)}", ""]
    if story.topic:
        out += [f"**Topic:** {cell(story.topic)}", ""]
    shared = shared_groups(story)
    out += [
        f"{n} articles, {len(story.quotes)} quotes, {len(shared)} remarks shared by two sources or more, "
        f"{len(story.actors)} actors.",
        "",
        "## Articles",
        "",
        "| id | file | source | date | title | words |",
        "|---|---|---|---|---|---|",
    ]
    for a in story.articles:
        out.append(f"| {a.id} | {cell(a.file)} | {cell(a.source)} | {cell(a.date)} | {cell(a.title, 70)} | {a.words} |")
    out += ["", "## Actors", "", "| name | role | kind | stance | evidence | sources | quotes |", "|---|---|---|---|---|---|---|"]
    for x in story.actors:
        out.append(
            f"| {cell(x.name)} | {cell(x.role, 40)} | {x.kind} | {STANCE_SYMBOLS[x.stance]} {x.stance} | "
            f"{len(x.evidence)} | {_sources(story, x)} | {len(x.quotes)} |"
        )
    out += ["", "## Shared remarks", ""]
    if not shared:
        out.append("No remark is quoted by more than one source.")
    for g in shared:
        out.append(f"- **{cell(_speaker(story, g.speaker))}** — in {len(g.articles)} of {n} sources")
        for qid in g.quotes:
            q = story.quote(qid)
            out.append(f"  - {q.article}: “{cell(q.text, 160)}”")
    if story.findings:
        out += ["", "## Findings", ""]
        for f in story.findings:
            out.append(f"- {cell(f.summary, 300)}")
    if story.problems:
        out += ["", "## Problems", ""]
        for p in story.problems:
            out.append(f"- {cell(p.file)}: {cell(p.reason)}")
    return "\n".join(out) + "\n"


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
    parts = [Text(one_line(story.title), style="bold")]
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
        t.add_row(a.id, Text(one_line(a.source or a.file)), a.date or "—", str(a.words),
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
                  f"{STANCE_SYMBOLS[x.stance]} {x.stance}", str(len(x.evidence)), _sources(story, x),
                  str(len(x.quotes)))
    parts.append(t)
    if shared:
        parts.append(Text("Shared remarks", style="bold"))
        for g in shared:
            parts.append(Text.assemble(("• ", ""), (one_line(_speaker(story, g.speaker)), "bold"),
                                       f" — in {len(g.articles)} of {n} sources"))
            for qid in g.quotes:
                q = story.quote(qid)
                parts.append(Text(f"    {q.article}: “{one_line(q.text, 120)}”"))
    if story.findings:
        parts.append(Text("Findings", style="bold"))
        for f in story.findings:
            parts.append(Text(f"• {one_line(f.summary, 300)}"))
    return Group(*parts)
