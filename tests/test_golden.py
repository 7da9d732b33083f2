"""The full analysis, field by field, on the seeds and on a story of our own (harbour).

Every field of the Story model is compared — quotes, speakers and their rules, groups, actors,
mentions, stances, evidence with its cues, findings, notes — so that a refactoring is provably
output-identical. A deliberate change of output is its own commit that says why, made with

    PARALLAX_GOLDEN_UPDATE=1 .venv/bin/python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from conftest import SEEDS
from tui.core.analysis import analyse

HERE = Path(__file__).resolve().parent
STORIES = {"seeds": SEEDS, "harbour": HERE / "data" / "harbour"}


def full(story) -> dict:
    d = dataclasses.asdict(story)
    d.pop("_index", None)
    d["path"] = ""
    for a in d["articles"]:
        a["path"] = Path(a["path"]).name
    return json.loads(json.dumps(d, ensure_ascii=False))


def first_difference(a, b, where="story"):
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{where}.{k}: only in {'expected' if k in a else 'actual'}"
            found = first_difference(a[k], b[k], f"{where}.{k}")
            if found:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return f"{where}: {len(a)} items != {len(b)}" if len(a) != len(b) else None
    return None if a == b else f"{where}: {a!r} != {b!r}"


@pytest.mark.parametrize("name", sorted(STORIES))
def test_the_whole_analysis_is_unchanged(name):
    got = full(analyse([STORIES[name]]))
    path = HERE / "data" / "golden" / f"{name}.json"
    if os.environ.get("PARALLAX_GOLDEN_UPDATE"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert first_difference(expected, got) is None, first_difference(expected, got)
