"""The analysis as Markdown: tables of articles and actors, shared remarks, findings.

Every piece of text from a file is sanitised and has its Markdown and HTML syntax escaped:
no tag, script, link or emphasis from an article survives into the report.
"""
from __future__ import annotations

from ..core.model import Story
from ..core.sanitise import one_line
from .common import STANCE_SYMBOLS, shared_groups, speaker_name, sources

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|#"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def md_text(s: str | None, width: int | None = None) -> str:
    """One line of text for Markdown: sanitised, and every character Markdown or HTML would read
    as syntax escaped (no raw HTML, no links, no emphasis from the file)."""
    return one_line(s or "—", width).translate(_MD_SPECIAL)


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
        out.append(f"| {a.id} | {cell(a.file)} | {cell(a.label)} | {cell(a.date)} | {cell(a.title, 70)} | {a.words} |")
    out += [
        "",
        "## Actors",
        "",
        "| name | role | kind | stance | evidence | sources | quotes |",
        "|---|---|---|---|---|---|---|",
    ]
    for x in story.actors:
        out.append(
            f"| {cell(x.name)} | {cell(x.role, 40)} | {x.kind} | {STANCE_SYMBOLS[x.stance]} {x.stance} | "
            f"{len(x.evidence)} | {sources(story, x)} | {len(x.quotes)} |"
        )
    out += ["", "## Shared remarks", ""]
    if not shared:
        out.append("No remark is quoted by more than one source.")
    for g in shared:
        out.append(f"- **{cell(speaker_name(story, g.speaker))}** — in {len(g.articles)} of {n} sources")
        for qid in g.quotes:
            q = story.quote(qid)
            out.append(f"  - {cell(story.article(q.article).label)}: “{cell(q.text, 160)}”")
    if story.findings:
        out += ["", "## Findings", ""]
        for f in story.findings:
            out.append(f"- {cell(f.summary, 300)}")
    if story.problems:
        out += ["", "## Problems", ""]
        for p in story.problems:
            out.append(f"- {cell(p.file)}: {cell(p.reason)}")
    return "\n".join(out) + "\n"
