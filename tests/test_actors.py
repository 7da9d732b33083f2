"""Actor detection and merging on texts of our own (invented names)."""
from __future__ import annotations

from tui.core.analysis import analyse


def actors_of(tmp_path, files: dict[str, str], yaml_text: str | None = None):
    d = tmp_path / "story"
    d.mkdir(exist_ok=True)
    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    if yaml_text:
        (d / "story.yaml").write_text(yaml_text, encoding="utf-8")
    story = analyse([d])
    return story, {a.name: a for a in story.actors}


def test_title_name_and_surname_are_one_person(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "Norwegian Prime Minister Ola Nordmann spoke on Monday. Nordmann said the port would close.\n",
        "b.txt": "Prime Minister Ola Nordmann arrived late. \"We are ready,\" Nordmann said.\n",
    })
    x = actors["Ola Nordmann"]
    assert x.kind == "person" and x.role == "Norwegian Prime Minister"
    assert x.articles == ("a1", "a2")
    assert {"Nordmann", "Norwegian Prime Minister Ola Nordmann"} <= set(x.aliases)


def test_spelling_variants_merge_with_the_same_first_name(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "President Oleksandr Hrytsenkoo spoke. Hrytsenkoo said it was over.\n",
        "b.txt": "President Oleksandr Hrytsenko spoke. Hrytsenko said it was over.\n",
        "c.txt": "Hrytsenko said the talks were over.\n",
    })
    people = [a for a in actors.values() if a.kind == "person"]
    assert len(people) == 1 and set(people[0].articles) == {"a1", "a2", "a3"}


def test_same_surname_different_first_names_stay_apart(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "Senator Anna Berg said yes. Her brother, Governor Erik Berg, said no.\n",
    })
    assert {"Anna Berg", "Erik Berg"} <= set(actors)


def test_places_events_weekdays_and_headlines_are_not_people(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": ("Leaders Gather For Harbour Summit\n\nOn Monday, delegates met at the Northern Trade Forum in "
                  "the port city of Gdansk. The Hague Protocol was discussed. Thousands attended.\n"),
    })
    assert not [a for a in actors.values() if a.kind == "person"]


def test_states_from_names_capitals_and_seats(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "Moscow said the talks failed. The Kremlin added nothing. Russia will not attend.\n",
        "b.txt": "Russia rejected the plan on Friday.\n",
        "c.txt": "Talks were held in Paris. Russia stayed away.\n",
    })
    russia = actors["Russia"]
    assert russia.kind == "state" and russia.articles == ("a1", "a2", "a3")
    assert {"Moscow", "Kremlin"} <= set(russia.aliases)
    assert "France" not in actors  # Paris is only a place here


def test_organisation_names_and_descriptions(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "The Harbour Workers Union called a strike. The union said pay was too low.\n",
        "b.txt": "Members of the Harbour Workers Union walked out on Monday.\n",
    })
    union = actors["Harbour Workers Union"]
    assert union.kind == "organisation" and union.articles == ("a1", "a2")


def test_news_agencies_are_sources_not_actors(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "Reuters reported that the port closed. \"It is closed,\" Mayor Ines Coll told Reuters.\n",
    })
    assert "Reuters" not in actors and "Ines Coll" in actors


def test_the_ukrainian_style_leader_description_joins_the_leader(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": ("Norwegian Prime Minister Ola Nordmann met the envoy. The Norwegian leader described the plan as "
                  "\"a good start.\"\n"),
    })
    assert actors["Ola Nordmann"].quotes  # the description spoke, and it is him


def test_overrides_rename_merge_set_stance_and_ignore(tmp_path):
    story, actors = actors_of(tmp_path, {
        "a.txt": "\"We will sign,\" said Governor Bo Kim. Kim left. Reuters reported the talks.\n",
        "b.txt": "\"Never,\" Mayor Ines Coll said.\n",
    }, yaml_text=(
        "actors:\n"
        "  - name: Governor Kim\n    aliases: [Bo Kim]\n    stance: oppose\n    role: Governor of the north\n"
        "  - name: Ines Coll\n    ignore: true\n"
        "  - name: Harbour Board\n    aliases: [the board]\n"
    ))
    kim = actors["Governor Kim"]
    assert kim.stance == "oppose" and kim.overridden and kim.role == "Governor of the north"
    assert "Bo Kim" in kim.aliases
    assert "Ines Coll" not in actors
    assert all(q.speaker != "gone" for q in story.quotes)
    assert [q.speaker for q in story.quotes if q.article == "a2"] == [None]
    assert actors["Harbour Board"].stance == "unknown"


def test_override_merges_names_the_detector_split(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "\"Yes,\" said Senator Anna Berg.\n",
        "b.txt": "\"No,\" said Minister Anna Lindqvist-Berg.\n",
    }, yaml_text="actors:\n  - name: Anna Berg\n    aliases: [Anna Lindqvist-Berg]\n")
    berg = actors["Anna Berg"]
    assert set(berg.articles) == {"a1", "a2"} and len(berg.quotes) == 2


def test_actor_ids_are_stable_and_ordered_by_prominence(seed_story):
    ids = [a.id for a in seed_story.actors]
    assert ids == [f"p{i}" for i in range(1, len(ids) + 1)]
    assert seed_story.actors[0].name == "Vladimir Putin"


def test_portfolio_words_are_not_part_of_the_name(tmp_path):
    _, actors = actors_of(tmp_path, {"a.txt": "Minister of Culture and Information Per Berg resigned. Berg said it was time.\n"})
    assert "Per Berg" in actors and not any("Information" in n for n in actors)


def test_an_organisation_word_before_a_title_is_part_of_the_title(tmp_path):
    _, actors = actors_of(tmp_path, {"a.txt": "Cabinet Spokesman Ravi Rao said the decision was final.\n"})
    assert actors["Ravi Rao"].role == "Cabinet Spokesman"


def test_a_given_name_alone_joins_the_only_person_with_it(tmp_path):
    _, actors = actors_of(tmp_path, {"a.txt": "Spokesman Bereket Tesfaye spoke first. Later Bereket told reporters it was over.\n"})
    x = actors["Bereket Tesfaye"]
    assert "Bereket" in x.aliases and len([a for a in actors.values() if a.kind == "person"]) == 1


def test_the_plus_a_head_noun_is_not_an_organisation_name(tmp_path):
    _, actors = actors_of(tmp_path, {"a.txt": "The Group said it had no knowledge. The Council met.\n"})
    assert "The Group" not in actors and "The Council" not in actors


def test_the_actor_list_holds_who_speaks_or_is_said_to_hold_a_view(tmp_path):
    from tui.core.analysis import analyse

    (tmp_path / "a.txt").write_text(
        'The Harbour Workers Union called a strike. "We will not sail," said Brian Malte of the Coalition to '
        'Keep Ports Open.\n\nRobert A. Levy, chairman of the Quay Institute, said the strike would fail. '
        "A passer-by, Jon Doe, watched. CNN's Mira Okafor reported from the quay. The Mayors Against Closed "
        "Ports met on Monday.\n\nCNN's Elise Roe contributed to this report.\n", encoding="utf-8")
    names = {x.name for x in analyse([tmp_path]).actors}
    assert {"Brian Malte", "Robert A. Levy", "Harbour Workers Union"} <= names
    assert not names & {"Jon Doe", "Elise Roe", "Robert", "Levy"}
    story = analyse([tmp_path])
    orgs = [x.name for x in story.actors if x.kind == "organisation"]
    assert "Coalition to Keep Ports Open" not in [x.name for x in story.actors if x.kind == "person"]
    assert all("Malte" not in o for o in orgs)


def test_a_short_given_name_and_its_full_form_are_one_person(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "Senator William Quenby said the vote would fail. \"It is over,\" Quenby said.\n",
        "b.txt": "Sen. Bill Quenby said the vote was lost.\n",
        "c.txt": "Governor Dianne Marwick spoke first. Later Diane Marwick said she agreed.\n",
    })
    people = {a.name: a for a in actors.values() if a.kind == "person"}
    assert len(people) == 2, people
    quenby = next(a for n, a in people.items() if n.endswith("Quenby"))
    assert set(quenby.articles) == {"a1", "a2"}


def test_an_arabic_article_does_not_split_a_surname(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "President Karim al-Hadrami said the border was shut.\n",
        "b.txt": "\"We will not open it,\" Hadrami said on Sunday.\n",
    })
    people = [a for a in actors.values() if a.kind == "person"]
    assert len(people) == 1 and set(people[0].articles) == {"a1", "a2"}


def test_a_compound_surname_alone_and_initials_join_the_full_name(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "President Ana Lucía Ruiz Olmedo said the levy was unjust.\n",
        "b.txt": "Ruiz Olmedo said talks would go on. \"We will not bow,\" Ruiz Olmedo said.\n",
        "c.txt": "Critics of ALRO said the plan was vague. ALRO said nothing.\n",
    })
    people = [a for a in actors.values() if a.kind == "person"]
    assert [p.name for p in people] == ["Ana Lucía Ruiz Olmedo"]
    assert set(people[0].articles) == {"a1", "a2", "a3"}
    assert "ALRO" not in actors


def test_states_that_are_only_places_are_not_actors(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "Migrants came from Arland, Borvia and Cestia, officials said. Norway said the border would stay open.\n",
        "b.txt": "Most travellers were from Norway, Sweden and Finland. Norway said it would help.\n",
        "c.txt": "Sweden, Finland and Norway lead the talks on the Norway-Sweden corridor.\n",
        "d.txt": "The talks were led by Sweden.\n",
    })
    assert "Norway" in actors and "Sweden" in actors  # "Sweden, Finland and Norway lead …": the list acts
    assert "Norway-Sweden" not in actors


def test_a_state_named_as_a_place_in_every_article_is_no_actor(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "Crews sailed from Norway, Sweden and Finland to the port.\n",
        "b.txt": "The ferry left Finland on Monday, bound for the border with Sweden.\n",
    })
    assert "Finland" not in actors and "Sweden" not in actors


def test_a_party_description_before_a_name_is_no_part_of_it(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "Ohio Democrat Jo Roe said the levy was unfair. Sen. Ed Finch, Ohio Republican, said it was fair.\n",
    })
    assert "Jo Roe" in actors and actors["Jo Roe"].role == "Ohio Democrat"
    assert "Ed Finch" in actors and not [n for n in actors if "Ohio" in n]


def test_an_outlets_reporter_is_the_narrator_not_an_actor(tmp_path):
    story, actors = actors_of(tmp_path, {
        "a.txt": ("Union chief Marek Holt defended the strike on Sunday. Harbour TV's Ron Dale reports.\n\n"
                  "He said, \"We will stay out until the pay is fair.\"\n"),
    })
    assert "Ron Dale" not in actors and "Harbour TV" not in actors
    q = story.quotes[0]
    assert next(a.name for a in story.actors if a.id == q.speaker) == "Marek Holt"


def test_a_town_before_its_region_is_a_place(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": ("The mill in Eastbrook, Conn., closed on Friday. Officials in Westfield, Ohio, said jobs would go. "
                  "Jo Roe, whose district includes Eastbrook, said she was sad. Westfield said nothing more.\n"),
    })
    assert "Eastbrook" not in actors and "Westfield" not in actors and "Jo Roe" in actors


def test_the_white_house_is_a_body_of_its_own(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "The White House said the tariffs would stay. The United States said talks would go on.\n",
    })
    assert actors["White House"].kind == "organisation" and actors["United States"].kind == "state"


def test_a_generational_suffix_is_no_surname(tmp_path):
    _, actors = actors_of(tmp_path, {
        "a.txt": "Sen. Joe Roe III said the bill was weak. \"It will fail,\" Roe said.\n",
        "b.txt": "Senator Joe Roe said he would vote no.\n",
    })
    people = [a for a in actors.values() if a.kind == "person"]
    assert len(people) == 1 and set(people[0].articles) == {"a1", "a2"}
    assert {"Joe Roe", "Joe Roe III"} <= {people[0].name, *people[0].aliases}


def test_the_president_is_not_the_spokesman_who_speaks_of_him(tmp_path):
    story, actors = actors_of(tmp_path, {
        "a.txt": ("President Ola Brandt met the board. Jo Roe, a spokesman for the president, spoke later.\n\n"
                  "The president is still weighing the choices, Roe said. \"Nothing has been decided,\" the president "
                  "said.\n"),
    })
    assert story.quotes[0].speaker == actors["Ola Brandt"].id
    assert not {"president", "the president", "The president"} & set(actors["Jo Roe"].aliases)


def test_a_former_vice_president_is_not_the_president(tmp_path):
    story, actors = actors_of(tmp_path, {
        "a.txt": ("President Ola Brandt spoke on Monday. His rival, Jo Roe, answered.\n\n"
                  '"We warned them all winter," the 71-year-old former vice president told the crowd.\n'),
    })
    speaker = story.quotes[0].speaker
    assert speaker is None or story.actor(speaker).name != "Ola Brandt"


def test_a_verb_in_a_title_case_headline_ends_the_name(tmp_path):
    from tui.core.analysis import analyse

    (tmp_path / "a.txt").write_text(
        "Mayor Ines Coll Says Harbour Levy Is ‘Long Overdue’\n\n"
        "Mayor Ines Coll said on Monday that the levy was long overdue.\n", encoding="utf-8")
    names = [a.name for a in analyse([tmp_path]).actors]
    assert "Ines Coll" in names and not any("Says" in n for n in names)


def test_a_committee_named_only_in_titles_is_no_actor(tmp_path):
    from tui.core.analysis import analyse

    (tmp_path / "a.txt").write_text(
        '"We will look at it," said Sen. Ana Lind, chairman of the Harbour Finance Committee, on Monday.\n',
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        'Harbour Finance Committee Chairman Ana Lind said the levy would be reviewed.\n', encoding="utf-8")
    names = [a.name for a in analyse([tmp_path]).actors]
    assert "Ana Lind" in names and "Harbour Finance Committee" not in names


def test_two_transliterations_of_one_name_are_one_person(tmp_path):
    from tui.core.analysis import analyse

    (tmp_path / "a.txt").write_text('"We will defend the port," said Foreign Minister Karim Haddar.\n',
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text('"The port is ours," Foreign Minister Karim al-Huddar said.\n', encoding="utf-8")
    people = [a for a in analyse([tmp_path]).actors if a.kind == "person"]
    assert len(people) == 1 and len(people[0].quotes) == 2
