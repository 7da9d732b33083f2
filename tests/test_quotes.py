"""The quote scanner: every convention on small texts of our own, and properties."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_article
from tui.core.quotes import APOS, CLOSE, OPEN, MAX_QUOTE_CHARS, classify, find_quotes, scan


def found(text: str) -> list[str]:
    r = scan(text, [(0, len(text))])
    return [text[q.start:q.end] for q in r.quotes]


def found_article(text: str) -> list[str]:
    a = make_article(text)
    return [a.text[q.start:q.end] for q in find_quotes(a).quotes]


def test_straight_double():
    assert found('She said "we will leave," and left.') == ["we will leave,"]


def test_curly_double_and_single():
    assert found("She said “we will leave” and ‘soon’.") == ["we will leave", "soon"]


def test_straight_single_quotes_in_british_style():
    assert found("The minister said 'we will not back down' on Monday.") == ["we will not back down"]


def test_apostrophes_are_not_quotes():
    text = "Kyiv’s allies don't agree, and the allies' plan is the '90s all over again."
    assert found(text) == []


def test_plural_possessive_inside_a_single_quoted_quote():
    assert found("He said ‘the allies’ plan is dead’ today.") == ["the allies’ plan is dead"]


def test_doubled_apostrophes_as_a_double_quote():
    assert found("It was among the ''root causes'' of the war.") == ["root causes"]


def test_mismatched_pair_double_then_single():
    text = 'Forces would be a "legitimate\' target for the army, he warned.'
    assert found(text) == ["legitimate"]


def test_mismatched_pair_straight_then_curly():
    assert found('committed to a "reassurance” force on land') == ["reassurance"]


def test_stray_mark_runs_into_the_closing_mark():
    text = "among the ''root causes'\" of the conflict"
    assert found(text) == ["root causes"]


def test_nested_quote_is_kept_inside_the_outer_one():
    text = "“We will deploy as a ‘reassurance force’ troops,” he said."
    assert found(text) == ["We will deploy as a ‘reassurance force’ troops,"]


def test_nested_quote_closing_together_with_the_outer_one():
    text = "He said: “They call it ‘peace’” and smiled."
    assert found(text) == ["They call it ‘peace’"]


def test_guillemets_both_ways():
    assert found("Il a dit « nous partirons » hier.") == ["nous partirons"]
    assert found("Er sagte »wir gehen« gestern.") == ["wir gehen"]
    assert found("Er sagte „wir gehen“ gestern.") == ["wir gehen"]


def test_quote_continued_over_paragraphs():
    text = '"The first part goes on.\n\n"And the second part ends here," she said.'
    paras = [(0, 24), (26, len(text))]
    r = scan(text, paras)
    got = [(text[q.start:q.end], q.flags) for q in r.quotes]
    assert got == [("The first part goes on.", ("continued",)), ("And the second part ends here,", ())]


def test_unbalanced_mark_does_not_swallow_the_article():
    text = 'He called it "absurd and left.\n\nNext paragraph has "a quote" in it.'
    r = scan(text, [(0, 30), (32, len(text))])
    assert [text[q.start:q.end] for q in r.quotes] == ["a quote"]
    assert r.dropped.get("unclosed") == 1


def test_quote_only_paragraph_missing_its_closing_mark():
    text = '"We will not retreat from this position, whatever it costs.'
    assert found(text) == ["We will not retreat from this position, whatever it costs."]


def test_thousands_of_unbalanced_marks_stay_linear_and_bounded():
    text = ('word "' * 5000) + "end"
    r = scan(text, [(0, len(text))])
    assert all(q.end - q.start <= MAX_QUOTE_CHARS for q in r.quotes)


def test_roles_from_neighbours_not_glyphs():
    assert classify("a “b", 2, 3).role == OPEN
    assert classify("b” a", 1, 2).role == CLOSE
    assert classify("b“ a", 1, 2).role == CLOSE  # a wrong-way glyph, decided by context
    assert classify("don't", 3, 4).role == APOS


def test_spans_are_inside_the_marks():
    text = 'x "abc" y'
    (q,) = scan(text, [(0, len(text))]).quotes
    assert (q.start, q.end, q.open_at, q.close_at) == (3, 6, 2, 7)


def test_scare_quotes_are_quotes_and_short():
    from tui.core.text import is_short

    (q,) = found('the so-far "reassurance force" plan')
    assert q == "reassurance force" and is_short(q)


def test_names_after_naming_cues_are_not_quotes():
    text = ('The so-called "coalition of the willing" met. The summit, dubbed a "peace push," ended. '
            'He called it "a disaster".')
    assert found_article(text) == ["a disaster"]


def test_programme_titles_that_take_the_full_stop_are_names():
    text = ('"We will sail," Jo Roe told Harbour TV\'s "Morning Quay." "The pay is fair," she said on "Quay Today," '
            'adding: "Come Home Soon." Then she called the offer "Final And Binding."')
    assert found_article(text) == ["We will sail,", "The pay is fair,", "Come Home Soon.", "Final And Binding."]


def test_section_heading_labels_are_left_out_but_headline_quotes_stay():
    text = ("Minister Warns Of ‘Chaos’\n\nThe minister warned of \"chaos\" at the ports on Monday.\n\n"
            "A “Bold Plan” for the Docks\n\nThe plan, she said, was \"bold\".\n")
    assert found_article(text) == ["Chaos", "chaos", "bold"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab '\"“”‘’«»\n.,!?-") + ["''", "\n\n", "word"]), max_size=120).map("".join))
def test_scanner_never_crashes_and_spans_slice(text):
    paras = []
    pos = 0
    for part in text.split("\n\n"):
        paras.append((pos, pos + len(part)))
        pos += len(part) + 2
    r = scan(text, paras)
    last = -1
    for q in r.quotes:
        assert 0 <= q.open_at <= q.start <= q.end <= q.close_at <= len(text)
        # only a quote carried over from the paragraph before has no opening mark of its own
        assert q.open_at < q.start or "continued" in q.flags
        assert q.start >= last  # in reading order, never overlapping
        assert text[q.start:q.end].strip() == text[q.start:q.end] != ""
        last = q.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_scanner_on_arbitrary_unicode(text):
    r = scan(text, [(0, len(text))])
    for q in r.quotes:
        assert text[q.start:q.end]
