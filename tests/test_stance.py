"""Stances with evidence, on small texts of our own, plus the seed floors."""
from __future__ import annotations

import yaml

from conftest import GOLD
from scoring import score
from tui.core.analysis import analyse
from tui.export import to_dict
from tui.core.stance import polarity

TOPIC = "title: Port story\ntopic: Closing the harbour to cruise ships\n"


def stances(tmp_path, text: str, topic: str = TOPIC):
    d = tmp_path / "s"
    d.mkdir(exist_ok=True)
    (d / "a.txt").write_text(text, encoding="utf-8")
    (d / "story.yaml").write_text(topic, encoding="utf-8")
    story = analyse([d])
    return {a.name: a for a in story.actors}


def test_negation_aware_polarity():
    assert polarity("the plan is acceptable", frozenset())[:2] == (1, 0)
    assert polarity("the plan is definitely not acceptable", frozenset())[:2] == (0, 1)
    assert polarity("is unlikely to endorse the plan", frozenset())[:2] == (0, 1)
    assert polarity("to prevent any new aggression", frozenset())[:2] == (1, 0)
    assert polarity("I simply don't see the point", frozenset())[:2] == (0, 1)
    assert polarity("no country is willing to join", frozenset())[:2] == (0, 2)


def test_but_gives_both_sides():
    p, n, _, _ = polarity("backed the idea but said the rollout had failed", frozenset())
    assert p > 0 and n > 0


def test_reporting_verb_polarity_and_topic(tmp_path):
    a = stances(tmp_path, "Mayor Ines Coll welcomed the plan to close the harbour to cruise ships.\n\n"
                          "Governor Bo Kim rejected the harbour closure, warning it would be a disaster for cruise ships.\n")
    assert a["Ines Coll"].stance == "support"
    assert a["Bo Kim"].stance == "oppose"
    ev = a["Bo Kim"].evidence[0]
    assert ev.polarity == -1 and "rejected" in ev.text and ev.cue


def test_quote_content_counts(tmp_path):
    a = stances(tmp_path, '"Closing the harbour to cruise ships is essential and long needed," said Mayor Ines Coll.\n')
    assert a["Ines Coll"].stance == "support"
    assert a["Ines Coll"].evidence[0].quote == "q1"


def test_mixed_when_evidence_pulls_both_ways(tmp_path):
    a = stances(tmp_path, "Governor Bo Kim welcomed the plan to close the harbour to cruise ships.\n\n"
                          "Kim also warned that the harbour closure was \"a costly mistake.\"\n")
    assert a["Bo Kim"].stance == "mixed"


def test_neutral_when_speaking_off_topic_and_unknown_without_evidence(tmp_path):
    a = stances(tmp_path, '"The weather was fine on Monday," said Mayor Ines Coll.\n\n'
                          "Governor Bo Kim was seen at the harbour. Kim smiled.\n")
    assert a["Ines Coll"].stance == "neutral"
    assert "Bo Kim" not in a  # only seen, never said to say or do anything: no actor


def test_criticism_of_an_opponent_reads_as_support(tmp_path):
    a = stances(tmp_path, "Governor Bo Kim rejected the plan to close the harbour to cruise ships and warned against it.\n\n"
                          "Mayor Ines Coll accused Kim of stalling and said Kim had broken his promises.\n")
    assert a["Bo Kim"].stance == "oppose"
    assert a["Ines Coll"].stance == "support"


def test_state_takes_its_leaders_stance_when_it_has_none(tmp_path):
    a = stances(tmp_path, "Norwegian Prime Minister Ola Nordmann welcomed the plan to close the harbour to cruise ships.\n\n"
                          "Norway has a long coast. Nordmann praised the closure again.\n\nNorway is far away.\n")
    assert a["Ola Nordmann"].stance == "support"
    assert a["Norway"].stance == "support"


def test_topic_detected_from_headlines_when_not_given(tmp_path):
    d = tmp_path / "t"
    d.mkdir()
    (d / "a.txt").write_text("Harbour To Close For Cruise Ships\n\nThe harbour will close to cruise ships.\n")
    (d / "b.txt").write_text("Mayor Defends Cruise Ban\n\nThe harbour will close to cruise ships, the mayor said.\n")
    story = analyse([d])
    assert story.topic in ("Harbour To Close For Cruise Ships", "Mayor Defends Cruise Ban")


def test_seed_actor_and_stance_floors(seed_story):
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    r = score(gold, to_dict(seed_story))
    assert r["actors_f1"] >= 0.85, r
    assert r["stance_acc"] >= 0.75, r
    assert r["polar_stance_acc"] >= 0.9, r


def test_every_actor_has_checkable_evidence(seed_story):
    by_id = {a.id: a for a in seed_story.articles}
    for x in seed_story.actors:
        for e in x.evidence:
            assert " ".join(by_id[e.article].text[e.start:e.end].split()) == e.text
            assert e.quote is None or seed_story.quote(e.quote).speaker == x.id
        if x.stance in ("support", "oppose", "mixed"):
            assert any(e.polarity or e.cue for e in x.evidence), x.name


def test_a_name_in_a_relative_clause_is_not_the_subject_of_the_next_verb(tmp_path):
    # the opponent's name sits in "which employs X,": the condemnation is of the closure
    a = stances(tmp_path, "Governor Bo Kim rejected the plan to close the harbour to cruise ships and warned against it.\n\n"
                          "Mayor Ines Coll, who works for Bo Kim, condemned the harbour closure to cruise ships on Monday.\n")
    assert a["Ines Coll"].stance == "oppose"


# --- the topic as a frame: agents, targets, the problem it answers, its rival -----------------

def test_topic_frame_reads_agents_targets_problem_and_rival():
    from tui.core.model import Actor
    from tui.core.text import stem
    from tui.core.topic import read_frame

    cast = [Actor("p1", "Lena Varga", "person"), Actor("p2", "Freedonia", "state"), Actor("p3", "Norway", "state"),
            Actor("p4", "Harbour Guild", "organisation")]
    f = read_frame("Lena Varga's plan to impose tariffs on Norwegian timber in response to the flooding of the "
                   "river valley, instead of new subsidies", cast)
    assert f.agents == {"p1"} and f.targets == {"p3"}
    assert {stem("flooding"), "river", "valley"} <= f.problem
    assert stem("subsidies") in f.rival and "timber" in f.objects  # what a tariff falls on
    f = read_frame("A Freedonia-led blockade against Norway, voiced by the Harbour Guild at the summit", cast)
    assert f.agents == {"p2", "p4"} and f.targets == {"p3"}


def test_the_topics_agent_supports_it_whatever_the_words_around_it(tmp_path):
    topic = "title: Levy\ntopic: President Lena Varga's threat to impose a levy on Norwegian ships\n"
    a = stances(tmp_path, "President Lena Varga threatened a harsh and painful levy, warning of dire consequences.\n\n"
                          "Norway rejected the threat.\n\n"
                          "Norwegian Trade Minister Per Holt called the levy reckless.\n\n"
                          "Press secretary Ada Moss said the levy would start in June.\n\n"
                          "Sen. Tom Reed said the levy was a dangerous mistake.\n", topic)
    assert a["Lena Varga"].stance == "support"
    assert "topic" in (a["Lena Varga"].stance_reason or "")
    assert a["Norway"].stance == "oppose"
    assert a["Per Holt"].stance == "oppose"  # an official of the target
    assert a["Ada Moss"].stance == "support"  # her government acts: a bare title is the agent's own
    assert a["Tom Reed"].stance == "oppose"  # a legislator has only his own words


def test_backing_the_rival_plan_opposes_the_topic(tmp_path):
    topic = "title: Guards\ntopic: The Guild's call to put guards on every ferry instead of new speed limits\n"
    a = stances(tmp_path, "Mayor Ines Coll strongly supports new speed limits for ferries.\n\n"
                          '"We need them," Coll said.\n\n'
                          "Councillor Bo Kim said new speed limits would be a mistake.\n\n"
                          '"Guards will do," Kim said.\n', topic)
    assert a["Ines Coll"].stance == "oppose"
    assert a["Bo Kim"].stance == "support"


def test_a_vote_first_is_opposition_and_asking_for_details_is_no_side(tmp_path):
    topic = "title: Strike\ntopic: A naval strike on the smugglers' port\n"
    a = stances(tmp_path, "Rep. Ana Lind said there must be no naval strike on the port without a vote in parliament.\n\n"
                          "Sen. Carl Ek said the minister must explain the objectives of the naval strike and consult "
                          "parliament; he called it a sensible and necessary idea.\n", topic)
    assert a["Ana Lind"].stance == "oppose"
    assert a["Carl Ek"].stance == "neutral"
    assert polarity("the council must be properly consulted before any strike", frozenset())[:2] == (0, 0)


def test_backing_what_a_ban_falls_on_opposes_it_but_backing_the_ban_supports_it():
    aims = {"ban": "topic", "weapon": "object"}
    assert polarity("he defended the weapons", frozenset(), frozenset(), aims)[:2] == (0, 1)
    assert polarity("he backed a weapons ban", frozenset(), frozenset(), aims)[:2] == (1, 0)


def test_backing_the_opposite_of_the_topic_opposes_it():
    from tui.core.text import stem

    aims = {stem("war"): "topic", stem("trade"): "topic", stem("peace"): "rival"}
    assert polarity("we are in favour of trade peace", frozenset(aims), frozenset(), aims)[:2] == (0, 1)


def test_waiting_for_facts_or_a_procedure_takes_no_side():
    assert polarity("we should wait for the committee's report and then take a serious look", frozenset())[:2] == (0, 0)
    assert polarity("he hoped the minister would seek formal authorization", frozenset())[:2] == (0, 0)
    assert polarity("to rush to judgment would be premature, a good plan needs time", frozenset())[:2] == (0, 0)


def test_a_right_is_not_right():
    assert polarity("owners have a constitutional right to keep boats", frozenset())[:2] == (0, 0)
    assert polarity("he defends fishing rights", frozenset())[:2] == (1, 0)  # defends, not rights
    assert polarity("they are right about the harbour", frozenset())[:2] == (1, 0)


def test_readiness_to_punish_those_behind_the_problem_backs_the_answer():
    aims = {"flood": "problem"}
    assert polarity("we are ready to punish those who did this", frozenset(), frozenset(), aims)[:2] == (1, 0)
    assert polarity("we are ready to punish those who did this", frozenset(), frozenset(), {})[:2] == (0, 1)


def test_condemning_the_problem_is_not_opposing_the_answer():
    aims = {"flood": "problem"}
    p, n, _, cues = polarity("called the flooding a disaster", frozenset(), frozenset(), aims)
    assert n == 0 and p == 1 and "the problem it answers" in " ".join(cues)


def test_side_nouns_advocacy_and_caution():
    assert polarity("a supporter of the harbour closure", frozenset())[:2] == (1, 0)
    assert polarity("its supporters were absent", frozenset())[:2] == (0, 0)
    assert polarity("has called for the closure", frozenset())[:2] == (1, 0)
    assert polarity("cautioned against any closure", frozenset())[:2] == (0, 1)


def test_opposition_by_an_actor_is_its_stance(tmp_path):
    topic = "title: Levy\ntopic: A levy on cruise passengers in response to the flooding of the old port\n"
    a = stances(tmp_path, "Mayor Ines Coll said the levy could pass despite fierce opposition by the Cruise Owners "
                          "Guild.\n\nThe Cruise Owners Guild did not comment, and the Cruise Owners Guild "
                          "declined again on Monday.\n", topic)
    assert a["Cruise Owners Guild"].stance == "oppose"
    assert a["Ines Coll"].stance != "oppose"  # the opposition is the Guild's, not hers


def test_a_body_whose_mission_fights_the_problem_backs_the_answer(tmp_path):
    topic = "title: Levy\ntopic: A levy on cruise passengers in response to the flooding of the old port\n"
    a = stances(tmp_path, '"The water rose again," said Ana Lind, director of the Campaign to Prevent Flooding.\n\n'
                          "The Campaign to Prevent Flooding met on Monday, and the Campaign to Prevent Flooding "
                          "will meet again.\n", topic)
    assert a["Campaign to Prevent Flooding"].stance == "support"
    assert a["Ana Lind"].stance == "support"
    assert "mission" in (a["Ana Lind"].stance_reason or "")


def test_a_body_whose_mission_is_the_rival_plan_opposes_the_topic(tmp_path):
    topic = "title: Guards\ntopic: The Guild's call to put guards on ferries instead of new speed limits\n"
    a = stances(tmp_path, '"We will be there," said Ana Lind, director of the Coalition Against Speed.\n', topic)
    assert a["Ana Lind"].stance == "oppose"


def test_an_observers_weak_lean_is_no_side(tmp_path):
    a = stances(tmp_path, 'Tom Birch, the host of "Harbour Today," said the closure of the harbour to cruise ships '
                          "was a useful topic.\n\n"
                          '"We asked both sides to come," Birch said of the harbour closure to cruise ships.\n')
    assert a["Tom Birch"].stance == "neutral"
    assert "observer" in (a["Tom Birch"].stance_reason or "")


WARNING = ("title: River story\ntopic: Hydrologist Ana Sorel's warning to the council that the river is rising "
           "and could flood the valley unless the levees are raised\n")


def test_in_a_warnings_story_sharing_its_alarm_sides_with_it(tmp_path):
    a = stances(tmp_path, "Hydrologist Ana Sorel warned the council on Monday that the river could flood the valley.\n\n"
                          '"Once the water is over the wall, the old and the sick will drown," said Piet Vos, '
                          "an analyst at the Delta Institute.\n\n"
                          '"Then comes cholera, and that is worse than the water," said Mia Groen, '
                          "a doctor at the clinic.\n\n"
                          '"Every spring someone cries wolf, and this river scare is preposterous," said Jon Raam, '
                          "a builder.\n",
                topic=WARNING)
    assert a["Piet Vos"].stance == "support"  # an analyst who shares the alarm is no mere observer here
    assert a["Mia Groen"].stance == "support"
    assert a["Jon Raam"].stance == "oppose"
    assert "problem it answers" in " ".join(e.cue or "" for e in a["Piet Vos"].evidence)


def test_with_a_rival_plan_both_sides_speak_of_the_harm(tmp_path):
    topic = ("title: River story\ntopic: Raising the levees instead of moving the village, after the flood "
             "of the valley\n")
    a = stances(tmp_path, '"Six farmers drowned last time, and moving the village would spare us," said Piet Vos.\n',
                topic=topic)
    assert a["Piet Vos"].stance != "support"  # "died" is no side when both plans answer the flood


def test_a_rival_plan_named_by_a_kind_word_is_named_by_its_kin(tmp_path):
    topic = "title: Ferry story\ntopic: Putting guards on every ferry instead of passing new ticket-control laws\n"
    a = stances(tmp_path, "Senator Ann Kerr said she would restore a ban on cheap ferry tickets.\n\n"
                          "Tom Varga said guards on every ferry would be good.\n", topic=topic)
    assert a["Ann Kerr"].stance == "oppose"
    assert "rival plan" in " ".join(e.cue or "" for e in a["Ann Kerr"].evidence)


def test_wariness_of_the_topic_and_cautioning_against_it_oppose(tmp_path):
    topic = "title: Harbour story\ntopic: Tougher harbour laws, above all a ban on night sailing\n"
    a = stances(tmp_path, "Rep. Tom Varga cautioned against drafting legislation before the summer.\n\n"
                          '"We should be wary of fresh, hasty harbour laws," Varga said.\n\n'
                          "Press secretary Jo Lund answered a dozen of the reporters' questions about the harbour laws.\n",
                topic=topic)
    assert a["Tom Varga"].stance == "oppose"
    assert a["Jo Lund"].stance == "neutral"  # taking questions is no doubt about the laws


def test_subordinate_clauses_conditions_and_phrasal_judgements(tmp_path):
    a = stances(tmp_path, "While Mayor Ines Coll said on Monday that closing the harbour to cruise ships was necessary, "
                          "the port board stayed silent.\n\n"
                          "Tom Varga said closing the harbour to cruise ships is good, because if they refuse to comply "
                          "the ships will sail elsewhere anyway.\n\n"
                          "Ann Kerr said she will stand against closing the harbour to cruise ships.\n\n"
                          "Jo Lund said closing the harbour to cruise ships did not work before and will not work now.\n")
    assert a["Ines Coll"].stance == "support"  # her own clause, though it opens with "while"
    assert a["Tom Varga"].stance == "support"  # "if they refuse to comply" is a condition about others
    assert a["Ann Kerr"].stance == "oppose"
    assert a["Jo Lund"].stance == "oppose"
    assert "does not work" in " ".join(e.cue or "" for e in a["Jo Lund"].evidence)


def test_standing_up_to_the_target_remarks_about_a_call_and_a_need_for_the_rival(tmp_path):
    trade = "title: Tariff story\ntopic: Norway's tariffs against Chile, raised on Friday\n"
    a = stances(tmp_path, "Norway raised its tariffs against Chile on Friday. Chile said it would answer.\n\n"
                          '"A few lean months are the price of standing up to Chile on tariffs," '
                          "Senator Tom Varga said.\n", topic=trade)
    assert a["Tom Varga"].stance == "support"
    call = ("title: Ferry story\ntopic: The ferry union's call, voiced by Ana Sorel, to put guards on every ferry "
            "instead of passing new ticket-control laws\n")
    b = stances(tmp_path, "Ana Sorel of the ferry union called for guards on every ferry.\n\n"
                          'Former mayor Jo Lund called the remarks "deeply troubling" on Monday.\n\n'
                          '"There must be a limit on what a passenger may carry aboard," said Piet Vos, a retired '
                          "skipper.\n", topic=call)
    assert b["Jo Lund"].stance == "oppose"  # "the remarks" are the call the topic names
    assert b["Piet Vos"].stance == "oppose"  # a need for a limit is the rival plan
