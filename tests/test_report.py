"""The JSON report follows docs/SCHEMA.md; md and text are readable and safe."""
from __future__ import annotations

import json

from tui.export import to_dict, to_json, to_markdown

ACTOR_KINDS = {"person", "organisation", "state"}
STANCES = {"support", "oppose", "mixed", "neutral", "unknown"}


def test_json_shape_follows_the_schema(seed_story):
    d = json.loads(to_json(seed_story))
    assert d["schema"] == "parallax/1"
    assert set(d["story"]) >= {"title", "topic", "path"}
    arts = {a["id"]: a for a in d["articles"]}
    assert len(arts) == 5
    for a in d["articles"]:
        assert set(a) >= {"id", "file", "title", "source", "date", "text"}
    actor_ids = {x["id"] for x in d["actors"]}
    group_ids = {g["id"] for g in d["groups"]}
    for q in d["quotes"]:
        assert set(q) >= {"id", "article", "start", "end", "text", "speaker", "group"}
        assert q["text"] == arts[q["article"]]["text"][q["start"]:q["end"]]
        assert q["speaker"] is None or q["speaker"] in actor_ids
        assert q["group"] in group_ids
    quote_ids = {q["id"] for q in d["quotes"]}
    for g in d["groups"]:
        assert set(g["quotes"]) <= quote_ids and g["articles"]
        assert g["speaker"] is None or g["speaker"] in actor_ids
    for x in d["actors"]:
        assert x["kind"] in ACTOR_KINDS and x["stance"] in STANCES
        assert set(x["articles"]) <= set(arts)


def test_quotes_in_article_then_reading_order(seed_story):
    order = [(int(q.article[1:]), q.start) for q in seed_story.quotes]
    assert order == sorted(order)
    assert [q.id for q in seed_story.quotes] == [f"q{i}" for i in range(1, len(seed_story.quotes) + 1)]


def test_every_quote_is_in_a_group_and_groups_list_their_quotes(seed_story):
    d = to_dict(seed_story)
    members = {}
    for g in d["groups"]:
        for qid in g["quotes"]:
            members[qid] = g["id"]
    assert all(members[q["id"]] == q["group"] for q in d["quotes"])


def test_markdown_has_tables_and_escapes_pipes(seed_story):
    md = to_markdown(seed_story)
    assert md.startswith("# ")
    assert "| id | file | source | date | title | words |" in md
    assert "## Actors" in md and "Vladimir Putin" in md


def test_a_replaced_story_never_answers_from_the_old_lookups(seed_story):
    from dataclasses import replace

    q = seed_story.quotes[0]
    assert seed_story.quote(q.id) is q  # the lookup table of the original is built
    changed = replace(seed_story, quotes=(replace(q, text="changed"), *seed_story.quotes[1:]))
    assert changed.quote(q.id).text == "changed"
    assert seed_story.quote(q.id).text == q.text
