"""Word-level differences between two renderings of one remark (for the quote inspector)."""
from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"\S+|\s+")


def _norm(word: str) -> str:
    return re.sub(r"[^\w]", "", word.casefold().replace("’", "'"))


def diff_words(reference: str, other: str) -> list[tuple[str, bool]]:
    """``other`` cut into pieces, each flagged True when its words are not in ``reference``.

    Case and punctuation do not count as differences; white space is never flagged."""
    ref = [_norm(w) for w in reference.split() if _norm(w)]
    pieces = _TOKEN.findall(other)
    word_idx = [k for k, p in enumerate(pieces) if not p.isspace() and _norm(p)]
    words = [_norm(pieces[k]) for k in word_idx]
    changed = set()
    sm = difflib.SequenceMatcher(None, ref, words, autojunk=False)
    for tag, _, _, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            changed.update(word_idx[j1:j2])
    out: list[tuple[str, bool]] = []
    for k, p in enumerate(pieces):
        flag = k in changed
        if out and out[-1][1] == flag:
            out[-1] = (out[-1][0] + p, flag)
        else:
            out.append((p, flag))
    return out
