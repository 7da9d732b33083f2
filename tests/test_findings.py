"""Findings: single-source items, wording differences and disagreeing numbers."""
from __future__ import annotations

from tui.core.analysis import analyse
from tui.core.findings import _value, find_counts


def test_number_words():
    assert _value("26") == 26 and _value("two dozen") == 24 and _value("3½") == 3.5
    assert _value("thousands") == 1000 and _value("twenty-five") == 25 and _value("1,200") == 1200


def test_counts_disagree_across_sources(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 26 countries joined the plan on Monday.\n")
    (tmp_path / "b.txt").write_text("Around two dozen countries joined, officials said.\n")
    (tmp_path / "c.txt").write_text("Exactly 40 countries joined the plan, it said.\n")
    story = analyse([tmp_path])
    (f,) = [f for f in story.findings if f.kind == "number"]
    assert "26 countries" in f.summary and "40 countries" in f.summary
    assert set(f.articles) == {"a1", "a2", "a3"}


def test_agreeing_or_approximate_counts_are_not_findings(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 26 countries joined the plan in 2024.\n")
    (tmp_path / "b.txt").write_text("More than two dozen countries joined on September 5, 2025.\n")
    assert not [f for f in analyse([tmp_path]).findings if f.kind == "number"]


def test_years_dates_and_money_are_not_counts(tmp_path):
    (tmp_path / "a.txt").write_text("In 2022 about €1.1 billion was paid on May 5 to 3 firms.\n")
    story = analyse([tmp_path])
    assert [c.text for c in find_counts(story)] == ["3 firms"]


def test_seed_findings(seed_story):
    kinds = {f.kind for f in seed_story.findings}
    assert {"number", "wording", "single-source-quote", "single-source-actor"} <= kinds
    names = [f.summary for f in seed_story.findings if f.kind == "single-source-actor"]
    assert any("Michael Carpenter" in s for s in names)


def test_counts_of_different_things_are_not_compared(tmp_path):
    (tmp_path / "a.txt").write_text("Some 30 countries attended the meeting in Paris on Monday.\n")
    (tmp_path / "b.txt").write_text("In the end 26 countries committed troops to the force.\n")
    assert not [f for f in analyse([tmp_path]).findings if f.kind == "number"]


def test_the_same_thing_counted_with_another_noun_is_compared(tmp_path):
    (tmp_path / "a.txt").write_text("The fair drew 120,000 visitors over the weekend.\n")
    (tmp_path / "b.txt").write_text("Organisers counted 100,000 visits over the weekend.\n")
    (f,) = [f for f in analyse([tmp_path]).findings if f.kind == "number"]
    assert "120,000 visitors" in f.summary and "100,000 visits" in f.summary
