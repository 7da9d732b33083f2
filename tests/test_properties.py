"""Property tests: arbitrary unicode and bytes through the loader and the scanner."""
from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.load import article_from_text, decode
from tui.core.quotes import find_quotes
from tui.core.sanitise import count_unsafe, sanitise


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_decode_never_raises(data):
    text, enc, bad = decode(data)
    assert isinstance(text, str) and bad >= 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_loader_and_scanner_keep_offsets_valid(text):
    a = article_from_text(text, "x.txt")
    for p0, p1 in a.paragraphs:
        assert 0 <= p0 <= p1 <= len(a.text)
    for q in find_quotes(a).quotes:
        assert 0 <= q.start < q.end <= len(a.text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_sanitise_keeps_length_and_removes_every_control(text):
    safe = sanitise(text)
    assert len(safe) == len(text)
    assert count_unsafe(safe) == 0
