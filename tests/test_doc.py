"""The document read once per article: spans, tokens, sentences — and nothing splits twice."""
from __future__ import annotations

import sys

from conftest import SEEDS, make_article
from tui.core.analysis import analyse
from tui.core.doc import Spans, read


def test_spans_answer_which_span_holds_an_offset():
    s = Spans([(10, 20), (0, 5), (30, 31)])
    assert s.spans == [(0, 5), (10, 20), (30, 31)]
    assert s.find(0) == 0 and s.find(4) == 0 and s.find(5) is None
    assert s.find(15) == 1 and s.covers(30) and not s.covers(31)
    assert s.index_of(7) == 0 and s.index_of(25) == 1 and s.index_of(-3) == 0
    assert list(s.starting_in(5, 31)) == [1, 2]


def test_a_document_has_its_quotes_tokens_and_sentences():
    a = make_article('Port Reopens\n\nThe mayor said: "We open. It is safe." Then she left. Dr. Roe agreed.\n')
    doc = read(a)
    assert [a.text[q.start:q.end] for q in doc.quote_spans] == ["We open. It is safe."]
    sentences = [a.text[x:y] for x, y in doc.sentences]
    # a sentence inside a quotation does not end ours; "Dr." ends nothing
    assert 'The mayor said: "We open. It is safe."' in sentences and "Dr. Roe agreed." in sentences
    start = a.text.index("Then")
    assert [t.text for t in doc.tokens_in(start, start + 13)] == ["Then", "she", "left"]
    assert doc.quotes.covers(a.text.index("safe"))


def test_each_paragraph_is_split_into_sentences_once_per_analysis(monkeypatch):
    from tui.core import text

    calls: list[tuple[int, int]] = []
    original = text.sentence_spans

    def counting(t, start, end, *args, **kwargs):
        calls.append((start, end))
        return original(t, start, end, *args, **kwargs)

    for name, module in list(sys.modules.items()):
        if name.startswith("tui.") and getattr(module, "sentence_spans", None) is original:
            monkeypatch.setattr(module, "sentence_spans", counting)
    story = analyse([SEEDS])
    paragraphs = sum(len(a.paragraphs) for a in story.articles)
    assert len(calls) == paragraphs
    assert len(set(calls)) == paragraphs
