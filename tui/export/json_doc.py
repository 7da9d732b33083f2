"""The analysis as JSON (schema ``parallax/1``, documented in docs/SCHEMA.md).

The text in it was sanitised when it was read (placeholders, one character for one, so
offsets are exact); any C1 or bidi character that might remain is written as an escape.
"""
from __future__ import annotations

import json

from ..core.model import Story
from ..core.sanitise import BIDI

SCHEMA = "parallax/1"


def to_dict(story: Story) -> dict:
    return {
        "schema": SCHEMA,
        "story": {"title": story.title, "topic": story.topic, "path": story.path},
        "articles": [
            {"id": a.id, "file": a.file, "name": a.label, "title": a.title, "source": a.source, "date": a.date,
             "url": a.url, "authors": list(a.authors),
             "text": a.text}
            for a in story.articles
        ],
        "quotes": [
            {"id": q.id, "article": q.article, "start": q.start, "end": q.end, "text": q.text,
             "speaker": q.speaker, "speaker_text": q.speaker_text, "group": q.group,
             "via": str(q.via) if q.via else None}
            for q in story.quotes
        ],
        "groups": [
            {"id": g.id, "quotes": list(g.quotes), "articles": list(g.articles), "speaker": g.speaker,
             "joined": dict(zip(g.quotes, g.joined))}
            for g in story.groups
        ],
        "actors": [
            {"id": x.id, "name": x.name, "aliases": list(x.aliases), "kind": x.kind, "role": x.role,
             "stance": x.stance, "stance_reason": x.stance_reason,
             "evidence": [e.quote or e.text for e in x.evidence],
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
