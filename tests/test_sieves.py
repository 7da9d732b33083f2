"""Each attribution sieve on a small document of its own, alone and in the ordered list."""
from __future__ import annotations

from conftest import make_article
from tui.core import attribution as A
from tui.core.actors import resolve_keys
from tui.core.doc import read
from tui.core.lexicon import lexicon
from tui.core.mentions import find_refs
from tui.core.model import Via


def setup(text: str):
    doc = read(make_article(text))
    refs = find_refs(doc)
    cast = resolve_keys({doc.id: refs})
    ctx = A._Context(doc, refs, cast.keys, lexicon())
    return doc, ctx


def quote_index(doc, words: str) -> int:
    return next(i for i, q in enumerate(doc.quote_spans) if doc.text[q.start:q.end].startswith(words))


def sv(at):
    return (at.speaker, at.via) if at is not None else None


def run(sieve, text: str, words: str, out=None, terms=None):
    doc, ctx = setup(text)
    i = quote_index(doc, words)
    out = out if out is not None else [None] * len(doc.quote_spans)
    return sieve(ctx, doc.quote_spans, i, out, terms or [False] * len(doc.quote_spans))


def test_the_sieves_run_in_order_most_precise_first():
    assert [s.__name__ for s in A.SIEVES] == [
        "frame_after", "frame_before", "headline_speaker", "colon_intro", "owner_of_words", "document_subject",
        "same_sentence",
        "closing_frame", "sentence_before", "continuation", "paragraph_before", "sentence_subject", "unnamed_source"]


def test_frame_after():
    at = run(A.frame_after, 'Mayor Ana Lind spoke. "The port opens on Monday," Lind said.', "The port")
    assert sv(at) == ("person:ana lind", Via.FRAME_AFTER)
    at = run(A.frame_after, 'Ana Lind spoke. "The port opens on Monday," said Ana Lind.', "The port")
    assert at is not None and at.speaker == "person:ana lind"
    assert run(A.frame_after, 'Ana Lind spoke. "The port opens on Monday." It rained.', "The port") is None


def test_frame_before():
    at = run(A.frame_before, 'Harbour master Ana Lind told reporters: "The port opens on Monday."', "The port")
    assert sv(at) == ("person:ana lind", Via.FRAME_BEFORE)
    at = run(A.frame_before, 'The port opens, according to Ana Lind, "on Monday at the latest."', "on Monday")
    assert at is not None and at.speaker == "person:ana lind"
    # a short term the story also uses in its own words is closed as a term, with no speaker
    at = run(A.frame_before, 'Ana Lind said the "harbour plan" would work.', "harbour plan", terms=[True])
    assert sv(at) == (None, Via.TERM)


def test_same_sentence_shares_a_neighbours_frame():
    text = 'Ana Lind spoke. "The port opens," and "the ships return," Lind said.'
    doc, _ = setup(text)
    out = [None, A.Attribution("person:ana lind", Via.FRAME_AFTER)]
    at = run(A.same_sentence, text, "The port", out=out)
    assert sv(at) == ("person:ana lind", Via.SAME_SENTENCE)


def test_frame_closing_the_sentence():
    at = run(A.closing_frame, 'Ana Lind spoke. The crews were "caught off guard" by the storm, Lind said.', "caught")
    assert sv(at) == ("person:ana lind", Via.CLOSING_FRAME)


def test_continuation_in_the_paragraph_and_the_next():
    text = 'Ana Lind spoke first. "The port opens on Monday," Lind said. "The ships will follow soon."\n\n' \
           '"We have waited long enough for this day to come," she added later.'
    out = [A.Attribution("person:ana lind", Via.FRAME_AFTER), None, None]
    at = run(A.continuation, text, "The ships", out=out)
    assert sv(at) == ("person:ana lind", Via.CONTINUATION)
    # another name between the quotes breaks the chain
    text2 = 'Ana Lind spoke. "The port opens on Monday," Lind said. Omar Haddad disagreed. "Not before June."'
    out2 = [A.Attribution("person:ana lind", Via.FRAME_AFTER), None]
    assert run(A.continuation, text2, "Not before", out=out2) is None


def test_a_sieve_fills_only_open_quotes_and_pronouns_are_resolved():
    doc = read(make_article('Ana Lind spoke. "The port opens on Monday," she said. She left early.'))
    refs = find_refs(doc)
    cast = resolve_keys({doc.id: refs})
    result = A.attribute(doc, refs, cast.keys)
    assert [(a.speaker, a.via) for a in result.quotes] == [("person:ana lind", Via.FRAME_AFTER)]
    assert set(result.pronouns.values()) == {"person:ana lind"}
    # only the sieves given are run
    assert A.attribute(doc, refs, cast.keys, sieves=(A.continuation,)).quotes[0].speaker is None


def test_paragraph_before():
    text = ('The Harbour Board issued a statement apologising to the crews on Monday.\n\n'
            '"We regret the delay and we will pay every shift."\n')
    doc, ctx = setup(text)
    refs_key = {ctx.key(r) for r in ctx.refs}
    at = run(A.paragraph_before, text, "We regret")
    assert at is not None and at.via == Via.PARAGRAPH_BEFORE and at.speaker in refs_key


def test_sentence_subject():
    at = run(A.sentence_subject, 'Mayor Ana Lind defended the pier as a "very safe place" on Monday.', "very safe")
    assert sv(at) == ("person:ana lind", Via.SENTENCE_SUBJECT)
    # another speaker between the subject and the quote: not the subject's words
    text = 'Mayor Ana Lind said Omar Haddad called the pier a "death trap" last year.'
    assert run(A.sentence_subject, text, "death trap") is None


def test_unnamed_source():
    at = run(A.unnamed_source, '"The talks are over," a senior port official said on Monday.', "The talks")
    assert sv(at) == (None, Via.UNNAMED) and at.described == "a senior port official"
    at = run(A.unnamed_source, 'Port officials said the pier was "beyond repair".', "beyond")
    assert at is not None and at.described == "Port officials"
    assert run(A.unnamed_source, 'It rained. "The talks are over."', "The talks") is None


def test_owner_of_words():
    at = run(A.owner_of_words, 'Mayor Ana Lind spoke. Lind\'s "open harbour" promise was kept.', "open harbour")
    assert sv(at) == ("person:ana lind", Via.OWNER)
    at = run(A.owner_of_words, 'Ana Lind spoke. Lind\'s conclusion that the pier was "unsafe" stood.', "unsafe")
    assert sv(at) == ("person:ana lind", Via.OWNER)
    assert run(A.owner_of_words, 'Ana Lind spoke. Lind\'s boat was "unsafe" in May.', "unsafe") is None


def test_a_pronoun_in_an_opening_clause_means_the_subject_after_it():
    doc, ctx = setup("Tom Varga arrived first. Karl Omsted spoke last.\n\n"
                     "Before he boards the last ferry home, Varga said the deal was fair.\n")
    he = next(r for r in ctx.refs if r.kind == "pronoun")
    assert A.resolve_pronoun(ctx, he) == "person:tom varga"  # not Karl Omsted, the last man named
