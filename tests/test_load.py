"""Loading a story from disk: encodings, bad files, story.yaml, order, read-only."""
from __future__ import annotations

import codecs
import os

import pytest

from conftest import running_as_root
from tui.core.load import MAX_BYTES, decode, load

CURLY = "He said “yes” and ‘no’ — it’s done."


@pytest.mark.parametrize(
    "data, enc",
    [
        (CURLY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CURLY.encode("utf-8"), "utf-8 (BOM)"),
        (codecs.BOM_UTF16_LE + CURLY.encode("utf-16-le"), "utf-16-le (BOM)"),
        (codecs.BOM_UTF16_BE + CURLY.encode("utf-16-be"), "utf-16-be (BOM)"),
        (CURLY.encode("cp1252"), "windows-1252"),
        (CURLY.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings_keep_curly_quotes(data, enc):
    text, got, bad = decode(data)
    assert text == CURLY
    assert got == enc
    assert bad == 0


def test_undecodable_bytes_never_crash():
    text, enc, bad = decode(b"caf\xc3\xa9 \x81\x8d\x8f\x90\x9d ok \xff\xfe\xfd")
    assert "ok" in text and bad > 0
    text, enc, bad = decode("na\u00efve “x”".encode("utf-8") + b"\xc3")
    assert text.startswith("na\u00efve “x”") and enc.startswith("utf-8")


def test_story_folder_in_name_order_with_ids(story_dir):
    d = story_dir({"b.txt": "Second story text here.\n", "a.md": "First story text here.\n",
                   "notes.pdf": "not an article", ".hidden.txt": "hidden\n"})
    loaded = load([d])
    assert [a.file for a in loaded.articles] == ["a.md", "b.txt"]
    assert [a.id for a in loaded.articles] == ["a1", "a2"]
    # every file is read or named: the PDF is named once, the hidden file is quietly left alone
    assert [(p.file, "not an article format" in p.reason) for p in loaded.problems] == [("notes.pdf", True)]


def test_story_yaml_gives_metadata_and_the_rest_is_detected(story_dir):
    d = story_dir({
        "story.yaml": "title: The Vote\ntopic: Raising the port fee\narticles:\n  a.txt: {source: Example News, date: 2024-05-01}\n",
        "a.txt": "Council Raises Fee\n\nThe council voted on Monday.\n",
        "b.txt": "September 5, 2025\n\nThe council voted again.\n",
    })
    loaded = load([d])
    assert loaded.config.title == "The Vote" and loaded.config.topic == "Raising the port fee"
    a, b = loaded.articles
    assert a.source == "Example News" and a.date == "2024-05-01" and a.title == "Council Raises Fee"
    assert b.source is None and b.date == "2025-09-05"


def test_malformed_story_yaml_says_file_and_line_then_defaults(story_dir):
    d = story_dir({"story.yaml": "title: ok\ntopic: [unclosed\n", "a.txt": "Text.\n"})
    loaded = load([d])
    assert len(loaded.articles) == 1
    (p,) = loaded.problems
    assert p.file == "story.yaml" and "line" in p.reason and "defaults" in p.reason
    assert loaded.config.title is None


def test_bad_files_are_reported_and_the_rest_loads(story_dir):
    d = story_dir({
        "a.txt": "A good article.\n",
        "b.txt": "",
        "c.txt": "   \n\n  \t\n",
        "d.txt": b"\x00\x01\x02\x03" * 200 + b"PNG junk",
    })
    loaded = load([d])
    assert [a.file for a in loaded.articles] == ["a.txt"]
    reasons = {p.file: p.reason for p in loaded.problems}
    assert "empty" in reasons["b.txt"] and "empty" in reasons["c.txt"]
    assert "binary" in reasons["d.txt"]


def test_missing_path_and_symlink_loop(story_dir, tmp_path):
    d = story_dir({"a.txt": "A good article.\n"})
    os.symlink(d / "loop.txt", d / "loop.txt")
    loaded = load([d, tmp_path / "nope"])
    reasons = {p.file: p.reason for p in loaded.problems}
    assert reasons["loop.txt"] == "symlink loop"
    assert any("no such" in r for r in reasons.values())
    assert [a.file for a in loaded.articles] == ["a.txt"]


@pytest.mark.skipif(running_as_root(), reason="root can read files without permission")
def test_unreadable_file(story_dir):
    d = story_dir({"a.txt": "A good article.\n", "b.txt": "secret\n"})
    os.chmod(d / "b.txt", 0)
    loaded = load([d])
    assert {p.file: p.reason for p in loaded.problems}["b.txt"] == "permission denied"


def test_huge_file_is_truncated_and_said(story_dir):
    line = "The quick brown fox jumps over the lazy dog again and again.\n"
    d = story_dir({"big.txt": line * (MAX_BYTES // len(line) + 1000)})
    loaded = load([d])
    (a,) = loaded.articles
    assert len(a.text.encode()) <= MAX_BYTES
    (p,) = loaded.problems
    assert not p.fatal and "2 MB" in p.reason
    assert any("truncated" in n for n in a.notes)


def test_list_of_files(story_dir):
    d = story_dir({"x.txt": "One.\n", "y.txt": "Two.\n"})
    loaded = load([d / "y.txt", d / "x.txt"])
    assert [a.file for a in loaded.articles] == ["x.txt", "y.txt"]


def test_loading_writes_nothing_into_the_story_folder(story_dir):
    d = story_dir({"a.txt": "One.\n", "story.yaml": "title: T\n"})
    before = sorted((p.name, p.stat().st_mtime_ns) for p in d.iterdir())
    from tui.core.analysis import analyse

    analyse([d])
    after = sorted((p.name, p.stat().st_mtime_ns) for p in d.iterdir())
    assert before == after


def test_same_input_same_output(seed_story):
    from tui.core.analysis import analyse
    from tui.export import to_json

    from conftest import SEEDS

    assert to_json(analyse([str(SEEDS)])) == to_json(seed_story)
