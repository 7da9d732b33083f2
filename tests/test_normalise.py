"""Each normalisation rule on small texts of our own, plus the seeds' known shapes."""
from __future__ import annotations

import re

from tui.core.normalise import find_date, normalise, parse_date

WRAPPED = """The minister said on Tuesday that the new rules would apply to every port in the
country from next spring, and that shipping companies had been told to prepare for longer
inspections at the border crossings in the north.

Critics said the plan was rushed. The opposition leader called it "a recipe for chaos at the
docks" and promised to challenge it in parliament before the summer recess began in July.
"""


def paragraphs(n):
    return [n.text[a:b] for a, b in n.paragraphs]


def test_hard_wrapped_lines_are_reflowed_and_paragraph_breaks_stay():
    n = normalise(WRAPPED)
    paras = paragraphs(n)
    assert len(paras) == 2
    assert "in the country from next spring" in paras[0]
    assert "\n" not in paras[0]
    assert paras[1].startswith("Critics said")


def test_paragraph_split_by_blank_lines_mid_sentence_is_joined():
    text = ("The opposition leader called it \"a recipe\n\n\n\nfor chaos at the docks\" and left.\n\n"
            "The minister did not reply.\n")
    n = normalise(text)
    assert paragraphs(n) == ['The opposition leader called it "a recipe for chaos at the docks" and left.',
                             "The minister did not reply."]


def test_a_short_line_ending_without_punctuation_then_a_capital_stays_apart():
    n = normalise("Talks Collapse\n\nThe talks collapsed on Monday.\n")
    assert len(n.paragraphs) == 2


def test_one_line_per_paragraph_is_not_joined():
    text = ("The first paragraph is a long line that goes on and on about the matter at hand, and ends.\n"
            "The second paragraph starts on the next line without a blank line between them at all.\n"
            "A third one follows in the same way, which many saved pages do when they lose markup.\n")
    assert len(normalise(text).paragraphs) == 3


def test_words_and_quote_marks_are_never_changed():
    text = "Headline Without Stop\n\nHe said “yes,” and ‘no’ and \"maybe\" -- it's ''odd'\" here.\n"
    n = normalise(text)
    marks = lambda s: re.findall(r"[\"“”‘’']", s)  # noqa: E731
    assert marks(n.text) == marks(text)
    assert n.text.split() == text.split()


def test_headline_and_deck_are_recognised_and_kept_at_the_top():
    text = ("Minister Quits Over ‘Port Chaos’\n\nA second resignation in a week leaves the cabinet short of "
            "three members\n\nThe transport minister resigned on Monday. She said the rules were wrong.\n")
    n = normalise(text)
    assert n.title == "Minister Quits Over ‘Port Chaos’"
    assert n.subtitle.startswith("A second resignation")
    assert n.text.startswith("Minister Quits")  # headline quotes are quotes too: kept in the text
    assert n.text[n.body_start:].startswith("The transport minister")
    assert (0, len(n.title)) in n.headings


def test_first_sentence_is_not_a_headline():
    n = normalise("The minister resigned on Monday.\n\nShe said the rules were wrong.\n")
    assert n.title is None and n.body_start == 0


def test_date_forms():
    assert parse_date("date 2025-09-07") == "2025-09-07"
    assert parse_date("Fri Sep 05 2025") == "2025-09-05"
    assert parse_date("September 5, 2025") == "2025-09-05"
    assert parse_date("Published 5 September 2025, 10:12 GMT") == "2025-09-05"
    assert parse_date("Sept. 12, 2024") == "2024-09-12"
    assert parse_date("no date at all") is None
    assert parse_date("2025-02-30") is None  # not a real day
    assert find_date("On 2024-01-02 it rained")[1:] == (3, 13)


def test_date_line_is_taken_out_of_the_body():
    n = normalise("Fri Sep 05 2025\n\nThe talks ended without a deal on Friday.\n")
    assert n.date == "2025-09-05"
    assert "2025" not in n.text
    n = normalise("Updated: March 3, 2024 | 14:05 GMT\n\nThe talks ended.\n")
    assert n.date == "2024-03-03" and n.text == "The talks ended."


def test_date_prefix_on_the_first_line():
    n = normalise(" date 2025-09-07 The president warned on Friday that talks had failed.\n")
    assert n.date == "2025-09-07"
    assert n.text.startswith("The president warned")


def test_a_date_inside_a_sentence_stays():
    n = normalise("The talks, which began on September 5, 2025, ended without a deal.\n")
    assert n.date is None
    assert "September 5, 2025" in n.text


def test_datelines():
    n = normalise("ISLAMABAD: The prime minister met the envoy on Friday.\n\nMore followed.\n")
    assert n.dateline == "ISLAMABAD:" and n.text.startswith("The prime minister")
    n = normalise("Moscow, Russia – The Kremlin said on Friday that talks were over.\n")
    assert n.dateline == "Moscow, Russia –" and n.text.startswith("The Kremlin")
    n = normalise("KYIV, Ukraine (Reuters) — Air raid sirens sounded across the capital overnight.\n")
    assert n.source == "Reuters" and n.text.startswith("Air raid")
    n = normalise("Berlin is a city of many bridges and few hills, said the guide.\n")
    assert n.dateline is None


def test_debris_is_dropped_and_counted():
    text = ("icon-facebook icon-twitter icon-whatsapp\n\nThe council voted on Monday.\n\n"
            "Related article: Council Votes Again\n\nShare this article\n\nThe vote was close.\n\n\n\n\n"
            "Advertisement\n\nicon-facebook icon-twitter\n")
    n = normalise(text)
    assert paragraphs(n) == ["The council voted on Monday.", "The vote was close."]
    assert n.dropped["share"] == 2
    assert n.dropped["related"] == 1
    assert n.dropped["promo"] == 2


def test_byline_url_and_source_lines():
    n = normalise("By Jane Roe\nhttps://example.org/story\nSource: Example News\n\nThe vote was close.\n")
    assert n.byline == "Jane Roe" and n.url == "https://example.org/story" and n.source == "Example News"
    assert n.text == "The vote was close."


def test_section_headings_inside_the_body_are_marked():
    text = ("The vote was close on Monday, with two members absent.\n\nWhat Comes Next\n\n"
            "The council will meet again in May to decide on the budget.\n")
    n = normalise(text)
    assert [n.text[a:b] for a, b in n.headings] == ["What Comes Next"]


def test_markdown_front_matter_and_headings():
    text = "---\ntitle: The Vote\ndate: 2024-05-01\nsource: Example\n---\n# The Vote\n\nIt was close.\nVery close.\n\n## After\n\nThey left.\n"
    n = normalise(text, markdown=True)
    assert n.title == "The Vote" and n.date == "2024-05-01" and n.source == "Example"
    assert "It was close. Very close." in n.text  # markdown lines of a paragraph are joined
    assert "After" in [n.text[a:b] for a, b in n.headings]
    assert "#" not in n.text


def test_line_endings_and_bom():
    n = normalise("\ufeffFirst paragraph here.\r\n\r\nSecond one.\rThird one.\n")
    assert paragraphs(n) == ["First paragraph here.", "Second one.", "Third one."]


def test_paragraph_spans_slice_the_text():
    n = normalise(WRAPPED)
    for a, b in n.paragraphs:
        assert n.text[a:b].strip() == n.text[a:b] and n.text[a:b]
    assert n.text == "\n\n".join(paragraphs(n))


def test_seed_shapes(seed_story):
    by_file = {a.file[:3]: a for a in seed_story.articles}
    assert by_file["000"].date == "2025-09-07"
    assert by_file["001"].title.startswith("Putin Warns") and by_file["001"].date == "2025-09-05"
    assert by_file["004"].title.startswith("Putin Warns")
    a2 = by_file["002"]
    # seed 002 is wrapped at ~95 columns with one paragraph split by blank lines mid-sentence
    assert "\n" not in a2.text.replace("\n\n", "")
    assert "''root causes'\"" in a2.text
    assert all(len(a2.text[a:b]) > 100 for a, b in a2.paragraphs)
    assert "icon-facebook" not in by_file["001"].text
    assert "Related article" not in a2.text
