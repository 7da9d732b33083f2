"""What a careful reader compares: what only one source has, and where sources disagree.

- **single-source remark**: a quote group found in one article only (with a speaker);
- **single-source actor**: an actor named in one article only;
- **wording**: one remark quoted in different words by different sources;
- **number**: the same kind of thing counted differently (``26 countries`` / ``two dozen
  countries``). Numbers are read with their modifiers (``more than``, ``around``) and matched
  by the noun they count; years, dates and money are left out.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from dataclasses import dataclass

from .model import Finding, Story
from .lexicon import lexicon
from .sanitise import one_line
from .text import stem, words

EXCERPT = 100  # a quote in a summary: cut between words, with an ellipsis

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "several": 3, "dozens": 24, "scores": 40,
}
_SCALES = {"dozen": 12, "hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000,
           "million": 10**6, "millions": 10**6, "billion": 10**9, "billions": 10**9}
_MODIFIERS = (
    r"(?:more than|fewer than|less than|at least|up to|nearly|almost|about|around|roughly|some|over|under"
    r"|approximately|an estimated|tens of|hundreds of)"
)
_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?½?|½"
    r"|(?:(?:"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")(?:[- ](?:"
    + "|".join(k for k in _UNITS if len(k) > 2)
    + r"))?)"
    r"(?:\s+(?:dozen|hundred|thousand|million|billion))?"
    r"|dozens|hundreds|thousands|millions|billions)"
)
_COUNT_RE = re.compile(
    rf"\b(?P<mod>{_MODIFIERS}\s+)?(?P<num>{_NUMBER})(?:\s+of)?\s+(?P<rest>(?:[A-Za-z][a-z-]+\s*){{1,3}})", re.I
)
_PLURAL_IRREGULAR = {"people", "children", "men", "women", "police", "personnel", "staff", "troops"}
_SKIP_NOUNS = {"percent", "per", "cent", "years", "year", "days", "day", "months", "month", "weeks", "week",
               "hours", "hour", "minutes", "times", "of", "and", "or", "to", "in", "the", "a", "p", "am", "pm",
               "euros", "dollars", "pounds", "rubles", "roubles", "yen", "billion", "million"}


@dataclass(frozen=True)
class Count:
    article: str
    start: int
    end: int
    text: str
    value: float
    approx: str | None  # "more than", "around", ...
    noun: str  # root of the counted noun ("visitors" and "visits" share "visit")
    about: frozenset[str] = frozenset()  # stems of what the clause says of them ("committed troops")


def _value(num: str) -> float | None:
    n = num.lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?½?|½", n):
        half = 0.5 if n.endswith("½") else 0.0
        n = n.rstrip("½")
        return (float(n) if n else 0.0) + half
    if n in _SCALES:  # "thousands"
        return float(_SCALES[n])
    parts = re.split(r"[\s-]+", n)
    total, current = 0.0, 0.0
    for p in parts:
        if p in _UNITS:
            current += _UNITS[p]
        elif p in _SCALES:
            current = (current or 1) * _SCALES[p]
            if _SCALES[p] >= 1000:
                total += current
                current = 0
        else:
            return None
    return total + current


def find_counts(story: Story) -> list[Count]:
    out = []
    for a in story.articles:
        for m in _COUNT_RE.finditer(a.text):
            num = m.group("num")
            rest = m.group("rest").split()
            # the counted noun: the first plural-looking word within three ("30 European countries")
            pick = next((k for k, w in enumerate(rest) if w.lower() in _PLURAL_IRREGULAR or
                         (w.lower().endswith("s") and not w.lower().endswith("ss"))), 0)
            noun = rest[pick].lower()
            end = m.start("rest") + len(" ".join(rest[:pick + 1]))
            if noun in _SKIP_NOUNS or noun in lexicon().stopwords or re.fullmatch(r"(?:19|20)\d\d", num):
                continue
            before = a.text[max(0, m.start() - 12):m.start()]
            if re.search(
                r"[€$£¥]\s*$|\b(?:September|October|November|December|January|February|March|April|May|June|July|August)\s*$",
                before,
            ):
                continue
            value = _value(num)
            if value is None or value <= 1:
                continue
            mod = (m.group("mod") or "").strip().lower() or None
            if mod == "tens of":
                value *= 10
            out.append(Count(a.id, m.start(), end, a.text[m.start():end], value, mod, _root(noun),
                             _about(a.text, end)))
    return out


def _root(noun: str) -> str:
    """The counted thing, whoever does it: ``visitors``/``visits``, ``voters``/``votes``."""
    r = stem(noun)
    return r[:-2] if r.endswith(("or", "er")) and len(r) > 5 else r


_CLAUSE_END = re.compile(r"[.;:!?,—–()\n]")


def _about(text: str, end: int) -> frozenset[str]:
    """What the rest of the clause says of the counted things (six content words at most):
    "26 countries *committed troops*" and "30 countries *attended the meeting*" count different sets."""
    rest = text[end:end + 120]
    cut = _CLAUSE_END.search(rest)
    stop = lexicon().stopwords
    ws = [w for w in words(rest[:cut.start()] if cut else rest) if w not in stop and len(w) > 2][:6]
    return frozenset(stem(w) for w in ws)


def _comparable(a: Count, b: Count) -> bool:
    """Two counts of the same thing: the clauses say the same of them, or one says nothing."""
    return not a.about or not b.about or bool(a.about & b.about)


def _same(a: Count, b: Count) -> bool:
    if a.value == b.value:
        return True
    lo, hi = sorted((a.value, b.value))
    # "more than two dozen" and "26" can both be true; say so only when one is exact and far off
    return bool((a.approx or b.approx) and hi <= lo * 1.25)


def find_findings(story: Story) -> list[Finding]:
    n = len(story.articles)
    out: list[Finding] = []
    if n < 2:
        return out
    labels = {a.id: a.label for a in story.articles}

    counts = find_counts(story)
    by_noun: dict[str, list[Count]] = defaultdict(list)
    for c in counts:
        by_noun[c.noun].append(c)
    for _noun, cs in sorted(by_noun.items()):
        arts = {c.article for c in cs}
        if len(arts) < 2:
            continue
        clash = [(x, y) for x, y in combinations(cs, 2)
                 if x.article != y.article and _comparable(x, y) and not _same(x, y)]
        if not clash:
            continue
        involved = {id(c) for pair in clash for c in pair}
        cs = [c for c in cs if id(c) in involved]
        arts = {c.article for c in cs}
        per_article: dict[str, list[str]] = defaultdict(list)
        for c in cs:
            t = " ".join(c.text.split())
            if t not in per_article[c.article]:
                per_article[c.article].append(t)
        summary = "Numbers differ: " + "; ".join(
            f"{labels[a]} says {', '.join(ts)}" for a, ts in sorted(per_article.items(), key=lambda x: int(x[0][1:]))
        )
        out.append(Finding("number", summary, tuple(sorted(arts, key=lambda x: int(x[1:]))),
                           spans=tuple((c.article, c.start, c.end) for c in cs)))

    for g in story.groups:
        if len(g.articles) >= 2:
            texts: dict[str, list[str]] = {}
            for qid in g.quotes:
                q = story.quote(qid)
                texts.setdefault(q.article, []).append(" ".join(words(q.text)))
            joined = {a: " ".join(t) for a, t in texts.items()}
            if len(set(joined.values())) > 1 and not all(story.quote(qid).short for qid in g.quotes):
                who = story.actor(g.speaker).name if g.speaker else "An unnamed speaker"
                reworded = sorted({story.quote(qid).article for qid in g.quotes if g.how(qid) == "reworded"},
                                  key=lambda a: int(a[1:]))
                which = f" (reworded in {', '.join(labels[a] for a in reworded)})" if reworded else ""
                first = max((story.quote(qid) for qid in g.quotes), key=lambda q: len(q.text))
                out.append(
                    Finding(
                        "wording",
                        f"{who}: the same remark is worded differently in {len(g.articles)} sources{which}: "
                        f"“{one_line(first.text, EXCERPT)}”",
                        g.articles,
                        refs=(g.id,),
                        spans=tuple((story.quote(q).article, story.quote(q).start, story.quote(q).end)
                                    for q in g.quotes),
                    )
                )
        elif g.speaker:
            q = story.quote(g.quotes[0])
            if not q.short:
                who = story.actor(g.speaker).name
                summary = f"Only {labels[q.article]} quotes {who}: “{one_line(q.text, EXCERPT)}”"
                out.append(Finding("single-source-quote", summary, g.articles, refs=(g.id,),
                                   spans=((q.article, q.start, q.end),)))
    for x in story.actors:
        if len(x.articles) == 1:
            out.append(Finding("single-source-actor", f"Only {labels[x.articles[0]]} names {x.name}",
                               x.articles, refs=(x.id,)))
    return out
