"""Alignment on hand-made variant pairs: same remark vs. different remarks."""
from __future__ import annotations

import dataclasses

from tui.core.align import AlignQuote, align, align_with_links, containment, dice


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


def test_different_speakers_do_not_join_on_similar_words():
    g = groups([
        q(1, "a1", "The port fee will rise next year to pay for the new docks,", speaker="p1"),
        q(2, "a2", "The port fee may rise within two years, to pay for new cranes and docks,", speaker="p2"),
    ])
    assert g[0] != g[1]


def test_one_wording_credited_to_two_people_is_one_remark():
    # one outlet credits the spokesman, the other his principal: the words are the same remark
    g = groups([
        q(1, "a1", "said that no ferry may sail until the council has voted on the new fares,", speaker="p1"),
        q(2, "a2", "said that no ferry may sail until the council has voted on the new fares,", speaker="p2"),
    ])
    assert g[0] == g[1]


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


def test_a_passage_printed_whole_in_one_source_ties_its_pieces_in_others():
    # a1 prints three sentences as one quotation; a2 and a3 quote different sentences of it
    whole = ("Floods like this must never feel normal to us. Shall we tell the town the port is helpless? "
             "Over the next months I will spend every tool my office has to change that.")
    g = groups([
        q(1, "a1", whole),
        q(2, "a2", "Floods like this must never feel normal to us."),
        q(3, "a3", "I will spend every tool my office has to change that."),
    ])
    assert g[0] == g[1] == g[2]


def test_a_phrase_said_again_and_again_chains_nothing():
    # the speaker repeats "they are keen to sign" in several answers: each answer stays itself
    g = groups([
        q(1, "a1", "They are keen to sign at last, the fees have cost them dearly,", para=0),
        q(2, "a2", "We spoke to them twice this week. They are keen to sign, and they will sign soon.", para=0),
        q(3, "a2", "In my view they are keen to sign far more than we are, trust me,", para=4),
        q(4, "a3", "In my view they are keen to sign far more than we are,", para=0),
    ])
    assert g[2] == g[3] and len({g[0], g[1], g[2]}) == 3


def test_a_fragment_credited_to_an_unnamed_official_joins_the_named_remark():
    g = groups([
        q(1, "a1", "She is utterly, gravely serious about the levy,", speaker="p1"),
        dataclasses.replace(q(2, "a2", "gravely serious.", speaker=None), unnamed=True),
        q(3, "a3", "gravely serious", speaker=None),  # a term nobody is credited with: no join
    ])
    assert g[0] == g[1] != g[2]


def test_a_one_word_fragment_that_fits_two_remarks_joins_neither():
    g = groups([
        q(1, "a1", "We have a broken system that lets a monster walk into a school,"),
        q(2, "a1", "No law will stop a monster who is set on harm, none at all,", para=3),
        q(3, "a2", "monster"),
    ])
    assert g[2] not in (g[0], g[1])


def test_each_quote_says_how_it_joined():
    quotes = [
        q(1, "a1", "The port fee will rise next year to pay for the new docks,"),
        q(2, "a2", "The port fee will rise next year to pay for the new docks."),
        q(3, "a3", "pay for the new docks"),
        q(4, "a4", "The harbour fee will rise next year, to pay for new docks and cranes,"),
    ]
    g, how = align_with_links(quotes)
    assert len(set(g)) == 1
    assert how == ["first", "identical", "fragment", "reworded"]


def test_an_organisation_and_the_head_who_speaks_for_it_are_one_speaker():
    full = q(1, "a1", "If it is crazy to put guards on every ferry, then call me crazy", speaker="p2")
    part = q(2, "a2", "then call me crazy", speaker="p9")  # the second outlet credits the Guild
    assert groups([full, part]) == [0, 1]
    full = dataclasses.replace(full, party="p9")  # p2 heads the Guild (p9)
    assert groups([full, part]) == [0, 0]


def test_speaks_for_reads_a_title_that_names_the_organisation():
    from tui.core.actors import heads_of
    from tui.core.model import Actor, Mention

    text = "Harbour Guild President Jo Roe spoke. Later Mayor Ann Lee, a Guild member, spoke too."
    roe = text.index("Jo Roe")
    lee = text.index("Ann Lee")
    actors = [Actor("p1", "Jo Roe", "person", mentions=(Mention("a1", roe, roe + 6, "Jo Roe"),)),
              Actor("p2", "Ann Lee", "person", mentions=(Mention("a1", lee, lee + 7, "Ann Lee"),)),
              Actor("p3", "Harbour Guild", "organisation", aliases=("Guild",))]
    assert heads_of(actors, {"a1": text}) == {"p1": "p3"}  # a member is not its head


def test_capitals_brackets_ellipses_and_plural_marks_do_not_split_a_remark():
    tweet = q(1, "a1", "WE WILL PROTECT OUR CITIZEN(S) AND [THE] HARBOUR … WHATEVER IT TAKES")
    print_ = q(2, "a2", "We will protect our citizens and the harbour, whatever it takes.")
    assert groups([tweet, print_]) == [0, 0]


def test_fragments_of_one_reported_sentence_are_one_remark():
    # called the plan "a start" that "needs more work": two pieces in one sentence, one remark
    a = q(1, "a1", "a start", para=3)
    b = q(2, "a1", "needs more work", para=3)
    full = q(3, "a2", "It is a start, but it needs more work before the winter.")
    g = groups([a, b, full])
    assert g[0] == g[1] == g[2]


def test_a_remark_credited_to_a_body_in_one_outlet_and_its_head_in_another_is_the_heads(tmp_path):
    from tui.core.analysis import analyse

    (tmp_path / "a.txt").write_text('Harbour Council President Jo Roe spoke on Monday.\n\n'
                                    '"If it is crazy to put guards on every ferry, then call me crazy," Roe said.\n',
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text('The Harbour Council said on Monday: "Then call me crazy."\n\n'
                                    'The Harbour Council wants guards on every ferry.\n', encoding="utf-8")
    story = analyse([tmp_path])
    crazy = [x for x in story.quotes if "call me crazy" in x.text]
    assert len(crazy) == 2 and crazy[0].group == crazy[1].group
    assert {story.actor(x.speaker).name for x in crazy} == {"Jo Roe"}


def test_an_unnamed_source_named_by_another_outlet_is_credited_and_says_so(tmp_path):
    from tui.core.analysis import analyse
    from tui.core.model import Via

    (tmp_path / "a.txt").write_text('"She is utterly, gravely serious about the levy," Mayor Ines Coll said.\n',
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text('A senior council official warned that the mayor was "gravely serious about '
                                    'the levy."\n', encoding="utf-8")
    story = analyse([tmp_path])
    b = next(x for x in story.quotes if x.article == "a2")
    assert story.actor(b.speaker).name == "Ines Coll" and b.via == Via.NAMED_ELSEWHERE
    assert b.speaker_text  # the words this outlet used for its source are kept
