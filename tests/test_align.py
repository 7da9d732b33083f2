"""Alignment on hand-made variant pairs: same remark vs. different remarks."""
from __future__ import annotations

from tui.core.align import AlignQuote, align, containment, dice


def q(i, article, text, speaker="p1", para=0, via="frame after"):
    return AlignQuote(id=f"q{i}", article=article, text=text, speaker=speaker, paragraph=para, via=via, order=i)


def groups(quotes):
    return align(quotes)


def test_two_translations_of_one_remark():
    g = groups([
        q(1, "a1", "If any ships enter the zone, especially now while the fighting goes on, we assume they will be fair game,"),
        q(2, "a2", "If some ships enter the zone, especially now during the fighting, we proceed from the premise that they will be fair game,"),
    ])
    assert g[0] == g[1]


def test_trimmed_fragment_joins_the_full_remark():
    g = groups([
        q(1, "a1", "fair game,"),
        q(2, "a2", "If some ships enter the zone, we proceed from the premise that they will be fair game,"),
    ])
    assert g[0] == g[1]


def test_partial_with_a_different_word_joins_by_most_words():
    g = groups([
        q(1, "a1", "no one should doubt"),
        q(2, "a2", "If deals are reached, let no one doubt that we will comply with them in full,"),
    ])
    assert g[0] == g[1]


def test_fragment_of_another_speaker_does_not_join():
    g = groups([
        q(1, "a1", "fair game", speaker="p2"),
        q(2, "a2", "If some ships enter the zone, they will be fair game,", speaker="p1"),
    ])
    assert g[0] != g[1]


def test_a_term_without_speaker_joins_terms_not_remarks():
    g = groups([
        q(1, "a1", "harbour shield", speaker=None),
        q(2, "a2", "harbour shield,", speaker=None),
        q(3, "a3", "harbour", speaker=None),
        q(4, "a4", "We will send ships as a harbour shield to the coast or be present at sea,", speaker="p3"),
    ])
    assert g[0] == g[1] == g[2] != g[3]


def test_two_remarks_by_one_speaker_on_one_theme_stay_apart():
    g = groups([
        q(1, "a1", "The port fee will rise next year because the budget needs the money,"),
        q(2, "a2", "We will never close the port to foreign ships, whatever the council says,"),
    ])
    assert g[0] != g[1]


def test_different_speakers_never_join_even_with_similar_words():
    g = groups([
        q(1, "a1", "The port fee will rise next year to pay for the new docks,", speaker="p1"),
        q(2, "a2", "The port fee will rise next year to pay for the new docks,", speaker="p2"),
    ])
    assert g[0] != g[1]


def test_split_quote_in_one_article_is_one_remark():
    g = groups([
        q(1, "a1", "We support any plan,", via="frame after"),
        q(2, "a1", "but the port must stay open.", via="frame before"),
        q(3, "a1", "A different thing said later on another day entirely.", para=3, via="frame after"),
    ])
    assert g[0] == g[1] != g[2]


def test_measures():
    a = frozenset({"ship", "zone", "fair", "game"})
    b = frozenset({"ship", "zone", "fair", "game", "premis"})
    assert 0.8 < dice(a, b) < 1
    short = q(1, "a1", "fair game")
    long_ = q(2, "a2", "they will be fair game")
    from tui.core.align import _prepare

    _prepare(short)
    _prepare(long_)
    assert containment(short, long_) == 1.0


def test_group_numbers_follow_first_appearance():
    g = groups([q(1, "a1", "alpha beta gamma delta epsilon"), q(2, "a2", "something else entirely here now"),
                q(3, "a3", "alpha beta gamma delta epsilon")])
    assert g == [0, 1, 0]
