"""Attribution rules, one small text each (names here are invented, not from the seeds)."""
from __future__ import annotations

from conftest import make_article
from tui.core.analysis import analyse
from tui.core.model import Via


def speakers(tmp_path, text: str, name: str = "a.txt") -> list[tuple[str, str | None]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    story = analyse([tmp_path])
    return [(q.text, story.actor(q.speaker).name if q.speaker else None) for q in story.quotes]


def test_postposed_name_said(tmp_path):
    got = speakers(tmp_path, 'Finance Minister Olga Brandt spoke on Monday.\n\n"We will cut the fee," Brandt said.\n')
    assert got == [("We will cut the fee,", "Olga Brandt")]


def test_postposed_said_name_inverted(tmp_path):
    got = speakers(tmp_path, '"We will cut the fee," said Olga Brandt, the finance minister.\n')
    assert got == [("We will cut the fee,", "Olga Brandt")]


def test_verb_first_with_title(tmp_path):
    got = speakers(tmp_path, '"The fee is too high," notes retired Admiral Jon Kess, a former port chief.\n')
    assert got == [("The fee is too high,", "Jon Kess")]


def test_told_reporters(tmp_path):
    got = speakers(tmp_path, '"No decision yet," Mayor Ines Coll told reporters on Friday.\n')
    assert got == [("No decision yet,", "Ines Coll")]


def test_preposed_with_colon(tmp_path):
    got = speakers(tmp_path, 'Chancellor Ruth Adler was blunt: "This plan is dead."\n\nAdler hailed the vote: "A fine day."\n')
    assert got[1] == ("A fine day.", "Ruth Adler")


def test_warned_that(tmp_path):
    got = speakers(tmp_path, 'President Omar Vale warned that any ships in the zone would be "fair game" for the navy.\n')
    assert got == [("fair game", "Omar Vale")]


def test_participle_takes_the_main_subject(tmp_path):
    text = 'Prime Minister Lena Holt, speaking after a meeting with Governor Bo Kim, dismissed the plan, saying "nobody asked us".\n'
    assert speakers(tmp_path, text) == [("nobody asked us", "Lena Holt")]


def test_according_to(tmp_path):
    text = 'According to Senator Paul Reyes, the deal is "as good as dead".\n'
    assert speakers(tmp_path, text) == [("as good as dead", "Paul Reyes")]


def test_a_spokesperson_speaks_for_the_body_the_text_names(tmp_path):
    got = speakers(tmp_path, '"We expect more talks," a Norwegian government spokesman said.\n')
    assert got == [("We expect more talks,", "Norway")]
    text = ('The Harbour Workers Union called a strike on Monday. "We will not sail," a spokeswoman for '
            'the group said.\n')
    assert speakers(tmp_path, text, "b.txt")[-1] == ("We will not sail,", "Harbour Workers Union")


def unnamed(tmp_path, text: str) -> list[tuple[str | None, str | None]]:
    (tmp_path / "u.txt").write_text(text, encoding="utf-8")
    story = analyse([tmp_path])
    return [(q.speaker, q.speaker_text) for q in story.quotes]


def test_an_unnamed_source_keeps_no_speaker_and_its_description(tmp_path):
    text = ('Mayor Ines Coll left early. "The talks are over," a senior city official said, asking not to be named. '
            '"Nobody will sign."\n\n"It is a setback," police said on Tuesday.\n\n'
            'Officials said the port "may stay shut for a month".\n')
    assert unnamed(tmp_path, text) == [
        (None, "a senior city official"), (None, "a senior city official"), (None, "police"), (None, "Officials")]


def test_pronoun_resolves_to_the_subject_of_the_last_sentence_with_a_person(tmp_path):
    text = ("Foreign Minister Ada Lind met Ambassador Ravi Rao on Monday.\n\n"
            '"The talks were useful," she said.\n')
    assert speakers(tmp_path, text)[0][1] == "Ada Lind"


def test_pronoun_after_two_names_prefers_the_subject_not_the_object(tmp_path):
    text = ("Mayor Ines Coll, standing alongside Governor Bo Kim, announced the plan on Friday.\n\n"
            'He would not comment. "We start in May," she said.\n')
    # "He" has no quote; the quote's "she" goes back to the subject of the last sentence with a person
    assert speakers(tmp_path, text)[-1][1] == "Ines Coll"


def test_quote_in_a_sentence_naming_two_people(tmp_path):
    text = 'Minister Ada Lind insisted a meeting with President Omar Vale is "a necessity," her office said.\n'
    got = speakers(tmp_path, text)
    assert got[0][1] == "Ada Lind"


def test_split_quote_keeps_the_speaker(tmp_path):
    text = 'Mayor Ines Coll spoke first. "We support any plan," she said, "but the port must stay open."\n'
    got = speakers(tmp_path, text)
    assert got == [("We support any plan,", "Ines Coll"), ("but the port must stay open.", "Ines Coll")]


def test_second_quote_after_a_frame_continues(tmp_path):
    text = '"Why should we pay?" Brandt said. "It is not our debt."\n\nFinance Minister Olga Brandt left.\n'
    got = speakers(tmp_path, text)
    assert got == [("Why should we pay?", "Olga Brandt"), ("It is not our debt.", "Olga Brandt")]


def test_quote_only_paragraph_continues_the_previous_speaker(tmp_path):
    text = ('"We will not sign this," Governor Bo Kim said.\n\n'
            '"Not this year, and not under these terms, whatever the others decide."\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Bo Kim", "Bo Kim"]


def test_unattributable_quote_has_no_speaker(tmp_path):
    text = 'The plan, now called a "grand bargain" by some, has critics.\n'
    assert speakers(tmp_path, text) == [("grand bargain", None)]


def test_a_term_the_story_uses_unquoted_gets_no_speaker(tmp_path):
    text = ('President Omar Vale warned on Friday, as allies look to agree on a "harbour shield."\n\n'
            "The harbour shield would patrol the coast.\n")
    assert speakers(tmp_path, text) == [("harbour shield.", None)]


def test_state_as_speaker(tmp_path):
    text = 'Norway has rejected those demands as "old tricks."\n'
    assert speakers(tmp_path, text) == [("old tricks.", "Norway")]


def test_headline_quote_with_a_verb(tmp_path):
    text = ("Vale Warns Ships Would Be ‘Fair Game’\n\nPresident Omar Vale warned on Friday that ships would be attacked.\n")
    assert speakers(tmp_path, text)[0] == ("Fair Game", "Omar Vale")


def test_the_quote_object_of_an_infinitive_is_not_framed(tmp_path):
    text = 'Norway is unlikely to endorse the "harbour deal," officials fear.\n\nThe harbour deal is stalled.\n'
    assert speakers(tmp_path, text)[0][1] is None


def test_make_article_helper_roundtrip():
    a = make_article("Headline Here\n\nBody text.\n")
    assert a.title == "Headline Here"


def test_definite_description_refers_back_to_the_titled_person(tmp_path):
    text = ("Foreign Minister Ada Lind arrived late.\n\n"
            '"We will not be rushed," the minister said.\n')
    assert speakers(tmp_path, text) == [("We will not be rushed,", "Ada Lind")]


def test_frame_with_a_colon_at_the_end_of_the_previous_paragraph(tmp_path):
    text = ("Governor Bo Kim told the assembly:\n\n"
            '"The port will stay open, and the fee will not rise this year."\n')
    assert speakers(tmp_path, text)[0][1] == "Bo Kim"


def test_quote_running_into_an_unopened_paragraph(tmp_path):
    text = ('Minister Ada Lind said that "it is with regret that we heard the remarks. Some people forget.\n\n'
            'And because we are watched, I invite them to speak publicly about the plan."\n')
    got = speakers(tmp_path, text)
    assert [s for _, s in got] == ["Ada Lind", "Ada Lind"]
    assert got[1][0].startswith("And because we are watched")


def test_headline_style_attribution_with_no_verb(tmp_path):
    text = '“We will not react to every rumour,” Ravi Rao .\n\nRavi Rao told The Daily on Tuesday that rumours were false.\n'
    assert speakers(tmp_path, text)[0][1] == "Ravi Rao"


def test_postposed_frame_after_an_owner_and_a_role(tmp_path):
    text = '"She is a fine reporter," the Tribune\'s Oslo bureau chief Kari Holm said.\n'
    assert speakers(tmp_path, text) == [("She is a fine reporter,", "Kari Holm")]


def test_definite_description_prefers_the_full_title(tmp_path):
    text = ("Prime Minister Ola Nordmann met Minister of Culture Per Berg.\n\n"
            '"I am disappointed," the prime minister said addressing Berg, and added that he "wanted it on record."\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Ola Nordmann", "Ola Nordmann"]


def test_role_words_before_a_name_let_a_description_refer_back(tmp_path):
    text = ("The spokeswoman for the council, Lena Holt, denied the report on Monday.\n\n"
            '"The report is wrong," the spokeswoman stressed.\n')
    assert speakers(tmp_path, text)[0][1] == "Lena Holt"


def test_a_state_speaks_through_its_ministry(tmp_path):
    text = "Norway's foreign ministry said on Monday it would protest the \"blatant meddling\" in the vote.\n"
    assert speakers(tmp_path, text)[0][1] == "Norway"


def test_an_acronym_that_speaks_joins_its_full_name(tmp_path):
    text = ('The Harbour Safety Board published a report on Monday.\n\n'
            '"The harbour is unsafe for cruise ships," HSB stated.\n')
    assert speakers(tmp_path, text)[0][1] == "Harbour Safety Board"


def test_a_quoted_title_is_not_a_quote(tmp_path):
    text = 'Today\'s issue of "Morning Ledger" says the mayor resigned. "It is true," the mayor said.\n'
    got = speakers(tmp_path, text)
    assert [t for t, _ in got] == ["It is true,"]


def test_he_said_goes_to_the_last_speaker_not_the_subject(tmp_path):
    text = ('Reporter Ivo Dahl was detained in the north, Spokesman Ravi Rao told reporters on Monday.\n\n'
            '"We have nothing to add," he said.\n')
    assert speakers(tmp_path, text)[0][1] == "Ravi Rao"


def test_a_statement_reads_for_the_one_that_issued_it(tmp_path):
    text = ('The Harbour Workers Union rejected the accusations. "We deny every allegation," the statement reads.\n')
    assert speakers(tmp_path, text)[0][1] == "Harbour Workers Union"


def test_an_outlet_that_speaks_or_reports_words_is_their_speaker(tmp_path):
    # an outlet quoted as reporting something in quote marks is the source of those words
    text = ('The Guardian said in a statement that it was "deeply concerned for our reporter."\n\n'
            'Reuters reported that "talks had stalled" on Monday.\n')
    got = speakers(tmp_path, text)
    assert got == [("deeply concerned for our reporter.", "The Guardian"), ("talks had stalled", "Reuters")]


def test_names_that_are_also_words(tmp_path):
    text = ('Mayor Michael R. Bloomberg and Rep. Peter King spoke on Monday.\n\n'
            '"The port must reopen," Mr. Bloomberg said.\n\n"I hope I am wrong," King said.\n\n'
            '"We will see," said Gary R. Hall.\n')
    assert speakers(tmp_path, text) == [("The port must reopen,", "Michael R. Bloomberg"),
                                        ("I hope I am wrong,", "Peter King"), ("We will see,", "Gary R. Hall")]


def test_a_predicate_the_story_also_uses_is_still_someones_words(tmp_path):
    text = ('Spokesman Ravi Rao claimed the reporter was "caught red-handed" on Monday.\n\n'
            "The reporter was caught red-handed, officials said.\n")
    assert speakers(tmp_path, text)[0] == ("caught red-handed", "Ravi Rao")


def test_the_frame_closing_a_sentence_covers_its_quoted_fragment(tmp_path):
    text = 'The reporter was caught "in the act" trying to copy files, Spokesman Ravi Rao has claimed.\n'
    assert speakers(tmp_path, text)[0] == ("in the act", "Ravi Rao")


def test_a_headline_role_without_article_refers_to_the_person_named_below(tmp_path):
    text = ("‘We have nothing to add’: Port spokesman comments on the closure\n\n"
            "Port spokesman Ravi Rao spoke to reporters on Monday about the closure of the harbour.\n")
    assert speakers(tmp_path, text)[0] == ("We have nothing to add", "Ravi Rao")


def test_an_acronym_defined_in_one_article_is_the_organisation_in_another(tmp_path):
    (tmp_path / "b.txt").write_text("The Harbour Safety Agency (HSA) closed the port on Monday.\n")
    got = speakers(tmp_path, 'The HSA said in a statement that the port was "unsafe for ships."\n', name="a.txt")
    assert got == [("unsafe for ships.", "Harbour Safety Agency")]


def test_a_pronoun_agrees_in_gender_and_follows_the_person_in_focus(tmp_path):
    text = ("Governor Ana Lind met Senator Tomas Reyes on Monday. She said the port would reopen.\n\n"
            '"We will not wait for the courts," she said.\n\n'
            "Reyes disagreed. He said the quay was unsafe and asked Lind to wait.\n\n"
            '"Nobody should sail before June," he said.\n')
    assert speakers(tmp_path, text) == [("We will not wait for the courts,", "Ana Lind"),
                                        ("Nobody should sail before June,", "Tomas Reyes")]


def test_a_new_subject_takes_the_floor_from_the_last_speaker(tmp_path):
    text = ('"The fees will rise," Mayor Jon Kess said on Monday.\n\n'
            "But harbour master Omar Haddad waved the worry away, saying he expects the ferries to stay. "
            '"Nobody is going anywhere," he said.\n')
    assert speakers(tmp_path, text)[-1] == ("Nobody is going anywhere,", "Omar Haddad")


def test_words_that_only_open_a_sentence_are_no_names(tmp_path):
    text = ('Mayor Jon Kess spoke first. "The fees will rise," Kess said.\n\n'
            'Another Critic of the plan stayed away. Officials said the port "will stay open".\n')
    story_text = speakers(tmp_path, text)
    assert story_text[0] == ("The fees will rise,", "Jon Kess")
    assert analyse([tmp_path]).actors and all(x.name not in ("Officials", "Another Critic")
                                              for x in analyse([tmp_path]).actors)


def test_descriptions_that_refer_back_to_someone_just_named(tmp_path):
    text = (
        "President Ada Holm spoke on Friday. Before flying to Oslo, the president said she may use emergency "
        'powers to "order" firms home.\n\n'
        "Tom Birch, another reader and a retired officer, cut up his card in the wake of the storm.\n\n"
        '"Somebody has to stop them selling it," the Ohio resident said.\n\n'
        "The union said on Sunday it will not move. \"The whole quay wants a quarrel over wages,\" the "
        "group's chief, Lena Marsh, told Harbour TV's \"Morning Quay\" in Oslo. \"It will get them nowhere.\"\n"
    )
    assert speakers(tmp_path, text) == [
        ("order", "Ada Holm"),
        ("Somebody has to stop them selling it,", "Tom Birch"),
        ("The whole quay wants a quarrel over wages,", "Lena Marsh"),
        ("It will get them nowhere.", "Lena Marsh"),
    ]


def test_inverted_frames_whose_name_follows_an_owner(tmp_path):
    text = (
        "Senator Mara Quill spoke in Ohio on Monday.\n\n"
        '"No one has tried this before in a race like ours," said Quill\'s top foreign policy aide Jon Tarrow.\n\n'
        '"Paid speeches are not a conflict," said Quill campaign spokesman Hal Gidd.\n\n'
        'Lena Paris, a former aide, watched the rally. "You sweep the porch before the guests come," Paris, who used '
        "to work on the hill, said.\n"
    )
    assert [s for _, s in speakers(tmp_path, text)] == ["Jon Tarrow", "Hal Gidd", "Lena Paris"]


def test_a_title_of_address_picks_the_namesake_of_that_gender(tmp_path):
    text = (
        "Ada Brandt and her husband, Tom Brandt, ran the mill. A young woman asked Mrs. Brandt about the fire.\n\n"
        '"Were you told?" the woman said.\n\n'
        'Mrs. Brandt did not hesitate. "We were told nothing," she said. Mr. Brandt nodded.\n'
    )
    assert speakers(tmp_path, text) == [("Were you told?", None), ("We were told nothing,", "Ada Brandt")]


def test_frames_with_a_clause_a_party_tag_or_a_doubled_consonant(tmp_path):
    text = (
        'Editor Jon Cole spoke. "The vote is near," Cole, who has asked to scrap the fee, said at the time.\n\n'
        '"We will see," said Senate Minority Whip Tom Birch (D-Ohio) in an interview.\n\n'
        'Tom Birch spoke again. "We are ready," Birch admitted during an interview.\n'
    )
    assert [s for _, s in speakers(tmp_path, text)] == ["Jon Cole", "Tom Birch", "Tom Birch"]


def test_a_paragraph_about_a_person_then_their_words(tmp_path):
    text = (
        "Republican front-runner Jo Roe praised her deputy as a \"thoroughly honest woman\" on Tuesday.\n\n"
        "Ed Finch is upbeat about the port's chances, in part because he sees the board as united.\n\n"
        '"Not only can the port win, it has the best chance of winning."\n\n'
        "The harbour was quiet on Monday.\n\n"
        '"Nobody came."\n'
    )
    assert speakers(tmp_path, text) == [
        ("thoroughly honest woman", "Jo Roe"),
        ("Not only can the port win, it has the best chance of winning.", "Ed Finch"),
        ("Nobody came.", None),
    ]


def test_a_given_name_outside_our_lists_still_tells_the_pronoun(tmp_path):
    text = (
        "Ottilie Varga, a teacher, lost her home in the flood. Anselm Brook, a pastor, told the paper that "
        "she had been a regular at the church.\n\n"
        'He said the family wanted privacy. "She is a kind and patient woman," he added.\n'
    )
    assert speakers(tmp_path, text) == [("She is a kind and patient woman,", "Anselm Brook")]


def test_a_participle_opening_a_sentence_and_a_platform_are_no_names(tmp_path):
    names = analyse_names(tmp_path, "Citing the report, the mayor said the port would close. "
                                    "Jo Roe posted on Facebook Friday that she was leaving.\n")
    assert "Citing" not in names and "Facebook Friday" not in names and "Jo Roe" in names


def analyse_names(tmp_path, text: str) -> set[str]:
    (tmp_path / "n.txt").write_text(text, encoding="utf-8")
    story = analyse([tmp_path])
    return {m.text for a in story.actors for m in a.mentions} | {a.name for a in story.actors}


def test_the_speaker_across_clauses_titles_and_letters(tmp_path):
    text = (
        "Former Vice President Jo Brandt spoke in Leeds. President Tom Grant had spoken earlier.\n\n"
        '"The harbour deserved better than this," the 64-year-old former vice president told the crowd in a speech.\n\n'
        'Vice Premier Liu Hao spoke. Liu added that the province "will keep every ferry running," a point '
        "of the quarrel that Grant raised earlier in the day.\n\n"
        'Mayor Ana Ortiz quickly answered in a letter to Grant saying that "ferry fares are not fixed '
        'with fines."\n\n'
        '"Fees hurt," said Omar Lenz, a senior fellow at the institute, who criticised the plan but said '
        "Grant does have the legal power to set them.\n\n"
        '"The plan is lawful, but it is foolish," he said.\n'
    )
    assert [s for _, s in speakers(tmp_path, text)] == ["Jo Brandt", "Liu Hao", "Ana Ortiz", "Omar Lenz",
                                                         "Omar Lenz"]


def test_but_added_takes_the_subject_of_the_sentence(tmp_path):
    text = ('Commissioner Ed Vane said the Harbour Safety Board is determined to "speed up the checks," '
            'but added, "We will not skip a single step."\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Ed Vane", "Ed Vane"]


def test_a_name_set_off_after_a_description_is_the_subject(tmp_path):
    got = speakers(tmp_path, "Then the managing editor of the weekly Harbour Times, Lin Wei, said at a rally "
                             "that the port is “starting to close.”\n\n"
                             "The head of the Harbour Guild, Jo Roe, said the levy was “a fair start.”\n")
    assert got == [("starting to close.", "Lin Wei"), ("a fair start.", "Jo Roe")]


def test_a_headline_names_its_speaker_before_the_colon_even_with_a_full_stop(tmp_path):
    # some archives end every headline with a full stop; "Name: …" still names the speaker
    text = ("Kerr: Varga’s “Toll Scheme” Will Empty the Quays.\n\n"
            "Councillor Ann Kerr told a packed hall on Thursday that the mayor, Tom Varga, had drawn up a "
            "“toll scheme” that fishing families could never pay, and the room rose to its feet.\n")
    assert speakers(tmp_path, text) == [("Toll Scheme", "Ann Kerr"), ("toll scheme", "Ann Kerr")]


def test_a_short_first_sentence_is_not_taken_for_a_headline(tmp_path):
    (tmp_path / "a.txt").write_text("Harbour Council President Jo Roe spoke on Monday.\n\n"
                                    '"We will put guards on every ferry, whatever it costs," Roe said.\n',
                                    encoding="utf-8")
    story = analyse([tmp_path])
    assert story.articles[0].title is None
    assert [story.actor(q.speaker).name for q in story.quotes] == ["Jo Roe"]


def test_a_colon_hands_the_floor_to_the_person_named_before_it(tmp_path):
    text = ("Tide-gauge keeper Dan Shore has logged the river for forty years.\n\n"
            'None of this puzzles Shore: "A dry spring always ends with a wet autumn."\n\n'
            'And here is Shore back in 1994: "Watch the reeds, not the forecasts."\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Dan Shore", "Dan Shore"]


def test_phrasal_verbs_of_speech_and_an_adverb_after_a_bare_frame(tmp_path):
    text = ("Maria Lund and Ida Berg sell ferry passes at the kiosk.\n\n"
            '"Where are you headed?" Lund, a former deckhand from the north shore, asked brightly across the '
            'counter. "The noon boat is full."\n\n'
            '"Fares rise, tempers rise," Councillor Karl Omsted went on, ignoring the heckler. "Then both fall."\n\n'
            'After Omsted claimed the quay was safe, Ann Kerr shot back: "Then walk it at night."\n\n'
            '"Nobody asked the crews," Kerr fumed on Friday.\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Maria Lund", "Maria Lund", "Karl Omsted", "Karl Omsted",
                                                         "Ann Kerr", "Ann Kerr"]


def test_he_said_means_the_subject_not_a_name_in_a_phrase_or_a_possessive(tmp_path):
    text = ("Karl Brink, Ohio organiser for Omsted, said the team now runs nine offices thanks to "
            "Omsted's surprise win in the spring.\n\n"
            '"We are stretched thin, but happy," he said.\n\n'
            "The other skipper, his cousin Tom Varga, blamed the silt in the channel on Governor Karl Omsted "
            "of Ohio.\n\n"
            '"Nobody listens to him any more," he said.\n\n'
            "The levy was defended by Sen. Ann Kerr of Ohio, the senior member, who said no ledger was ever "
            "kept by Maria Lund.\n\n"
            '"That story never held water," she said.\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Karl Brink", "Tom Varga", "Ann Kerr"]


def test_his_call_for_and_a_claim_with_modifiers_are_the_owners_words(tmp_path):
    text = ("Mayor Tom Varga rose in the polls after the storm, and his plea for \"a new sea wall\" won hearts.\n\n"
            "Varga's later unproven boast that \"every family\" backed him was widely mocked.\n")
    assert [s for _, s in speakers(tmp_path, text)] == ["Tom Varga", "Tom Varga"]


def test_a_body_in_a_persons_title_is_not_the_subject_of_a_participle(tmp_path):
    text = ('Ahead of the regatta, Harbour Police Chief Karl Omsted asked for a ban on night sailing, saying, '
            '"Dark water drowns people."\n\nLater, Port Authority Secretary Ann Kerr put out a note saying that '
            'the mayor had "never once boarded a ferry" in his term.\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Karl Omsted", "Ann Kerr"]


def test_a_verb_in_a_relative_clause_is_not_the_frame(tmp_path):
    text = ("Tom Varga, a harbour pilot, claimed that how the Harbour Board treated skippers who protested the "
            'dredging "would sink any other board" within a week.\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Tom Varga"]


def test_spoke_and_an_adverb_before_the_verb_make_a_single_name_a_speaker(tmp_path):
    text = ("Tom Varga backed the favourite.\n\n"
            "Brink frankly conceded that his choice was about the vote. \"Think of the April ballot,\" he said.\n\n"
            "Later Zendaya, who won the harbour prize, spoke about courage. "
            "\"Sail before you feel ready,\" she said.\n")
    assert [s for _, s in speakers(tmp_path, text)] == ["Brink", "Zendaya"]


def test_the_issuer_of_a_statement_speaks_its_words(tmp_path):
    text = ('Within hours of the collision, Mayor Tom Varga issued a statement, "Our harbour grieves tonight."\n\n'
            "The Harbour Council published a letter before the hearing, promising "
            '"a full and open inquiry" to the crews.\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Tom Varga", "Harbour Council"]


def test_mr_names_the_man_of_two_with_one_surname(tmp_path):
    text = ("Tom J. Varga spoke first. His sister-in-law, Greta Varga, spoke after lunch.\n\n"
            '"The quay was busier in my youth," said Mr. Varga, who grew up on it.\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Tom J. Varga"]


def test_a_participle_after_a_comma_inside_the_quote_marks_and_an_inverted_closing_frame(tmp_path):
    text = ("Tom Varga and Ann Kerr debated.\n\n"
            'Varga argued on Friday that Kerr stands for "inland thinking," adding at the lectern that her plans '
            'are "built for lorries, not boats."\n\n'
            '"Delighted" with the ruling, said Rosa Dalton, head of the dockers\' guild.\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Tom Varga", "Tom Varga", "Rosa Dalton"]


def test_long_headlines_split_by_quotes_and_a_capitalised_headline_verb(tmp_path):
    text = ("Kerr: Varga Is ‘Deaf To The Quays’ On Tolls, Sides With Hauliers Because ‘Hauliers Fund His Party.’\n\n"
            "Councillor Ann Kerr said on Monday that the mayor, Tom Varga, ignores the quays on tolls and sides with "
            "the hauliers who fund his party, and the fishermen in the gallery cheered her on for a while.\n")
    assert [s for _, s in speakers(tmp_path, text)] == ["Ann Kerr", "Ann Kerr"]


def test_a_headline_verb_after_the_quote_frames_it(tmp_path):
    text = ("Silt Is ‘The Slow Death Of Our Port,’ Ann Kerr Warns Council.\n\n"
            "Silt is “the slow death of our port,” Councillor Ann Kerr warned the council on Tuesday, "
            "holding up a jar of grey mud for the cameras.\n")
    assert [s for _, s in speakers(tmp_path, text)] == ["Ann Kerr", "Ann Kerr"]


def test_nouns_that_look_like_names_or_verbs(tmp_path):
    text = ("Shipowner Ann Kerr's lobby, Prosperity Ohio, has poured money into ads against Lena Ayres.\n\n"
            "Ayres never planned a race like this. She says she did not see the attacks coming.\n\n"
            '"You sail with the wind you get," she said.\n\n'
            "Near the end of the tape, the Lisbon-based radio preacher Omar al-Rashid is heard warning: "
            '"Mind the tides of pride."\n\n'
            "Jon Murray, a notary, calls himself a lifelong sailor. He recently wrote an essay, mocking "
            'NATO state envoys as "allergic" to boats.\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Lena Ayres", "Omar al-Rashid", "Jon Murray"]


def test_a_modifier_before_the_name_of_a_bare_frame_and_a_quote_that_opens_a_sentence(tmp_path):
    text = ('"Our little county gives all its votes to the harbour plan!" US Senator Karl Omsted said, beaming.\n\n'
            "Tom Coll, the skipper's lawyer, insists that his client only ever asked for calm. "
            '"Bring lanterns and come quietly" was no riot, he says. "He wanted a vigil."\n')
    got = [s for _, s in speakers(tmp_path, text)]
    assert got == ["Karl Omsted", "Tom Coll", "Tom Coll"]


def test_a_participle_after_a_dash_hangs_on_the_main_clause(tmp_path):
    text = ("And harbour spokeswoman Ann Kerr said it was too late for the divers to go down -- saying "
            '"the current is still too strong" and blaming the dredger for the delay.\n')
    assert [s for _, s in speakers(tmp_path, text)] == ["Ann Kerr"]


def test_the_governor_and_the_mayor_are_the_people_so_titled(tmp_path):
    text = ("Gov. Tom Varga backed the harbour plan last week.\n\n"
            "“I have sailed these waters since I was a boy,” the governor said.\n\n"
            "Mayor Ann Kerr disagreed.\n\n"
            "“The plan forgets the fishermen,” the mayor said.\n")
    assert [s for _, s in speakers(tmp_path, text)] == ["Tom Varga", "Ann Kerr"]


def test_a_headline_speaker_says_how_it_was_found_and_a_rallying_cry_is_its_owners(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Kerr: Varga’s “Toll Scheme” Will Empty the Quays.\n\n"
        "Councillor Ann Kerr spoke for an hour on Thursday, and her rallying cry \"save the quays\" was "
        "taken up by the whole hall before the vote.\n", encoding="utf-8")
    story = analyse([tmp_path])
    assert [(story.actor(q.speaker).name, q.via) for q in story.quotes] == [
        ("Ann Kerr", Via.HEADLINE), ("Ann Kerr", Via.OWNER)]
