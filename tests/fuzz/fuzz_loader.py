"""A time-boxed fuzz run of the loader and the quote scanner (hypothesis), outside pytest.

    .venv/bin/python tests/fuzz/fuzz_loader.py --minutes 3

Random bytes (and bytes shaped like news text: quote marks, apostrophes, blank lines,
control characters, BOMs, CR/LF) go through decode -> normalise -> scan -> mentions ->
attribution. Any exception, or a quote/paragraph offset that does not slice the text, is
a failure; hypothesis shrinks it and prints the smallest example. Prints how many inputs ran.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tui.core.attribution import attribute  # noqa: E402
from tui.core.doc import read  # noqa: E402
from tui.core.load import article_from_text, binary_reason, decode  # noqa: E402
from tui.core.mentions import find_refs  # noqa: E402

PIECES = [b'"', b"'", "“".encode(), "”".encode(), "‘".encode(), "’".encode(), "«".encode(), b"''",
          b"\n", b"\n\n", b"\r\n", b"\r", b" ", b"said", b"He", b"Putin", b"President", b"the", b".", b",",
          b"\x1b[2J", b"\x00", b"\x9b", "\u202e".encode(), b"\xff\xfe", b"\xef\xbb\xbf", b"\xe2\x80", b"s'", b"don't"]

COUNT = 0


def check(data: bytes) -> None:
    global COUNT
    COUNT += 1
    text, _, _ = decode(data)
    if binary_reason(data, text) or not text.strip():
        return
    a = article_from_text(text, "f.txt")
    for p0, p1 in a.paragraphs:
        assert 0 <= p0 <= p1 <= len(a.text)
    doc = read(a)
    for q in doc.quote_spans:
        assert 0 <= q.start < q.end <= len(a.text)
    for s0, s1 in doc.sentences:
        assert 0 <= s0 <= s1 <= len(a.text)
    refs = find_refs(doc)
    for r in refs:
        assert a.text[r.start:r.end] == r.text
    attribute(doc, refs, {})


shaped = st.lists(st.sampled_from(PIECES) | st.binary(max_size=8), max_size=200).map(b"".join)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=3.0)
    args = ap.parse_args()
    deadline = time.monotonic() + args.minutes * 60
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        for strategy in (st.binary(max_size=2000), shaped):
            @settings(max_examples=2000, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(strategy)
            def run(data: bytes) -> None:
                check(data)

            run()
    print(f"fuzz: {COUNT} inputs in {args.minutes:g} minutes ({rounds} rounds), no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
