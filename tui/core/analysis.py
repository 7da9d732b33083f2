"""The whole analysis as one pure function: paths in, a frozen :class:`~tui.model.Story` out.

load -> quotes -> mentions -> actor keys -> attribution -> alignment -> actors -> stances ->
findings. Same input, same ids and order, every time.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from .actors import build_actors, resolve_keys
from .align import AlignQuote, align
from .attribution import TermIndex, attribute, narrative
from .findings import find_findings
from .lexicon import lexicon
from .load import load, story_title
from .mentions import find_acronym_refs, find_descriptions, find_refs
from .model import Actor, Quote, QuoteGroup, Story
from .overrides import apply_overrides
from .quotes import find_quotes, is_short
from .stance import assign_stances, detect_topic, leaders_of
from .text import QuoteIndex


def analyse(paths: Sequence[str | Path]) -> Story:
    loaded = load(paths)
    lex = lexicon()
    articles = loaded.articles
    notes: list[str] = []

    scans = {}
    refs_by_article = {}
    for a in articles:
        scan = find_quotes(a)
        scans[a.id] = scan
        for reason in ("too long", "scan budget"):
            if scan.dropped.get(reason):
                notes.append(f"{a.file}: {scan.dropped[reason]} quotation(s) dropped ({reason})")
        qindex = QuoteIndex([(q.start, q.end) for q in scan.quotes])
        refs_by_article[a.id] = find_refs(a.text, qindex, a.headings, lex)

    acronyms = {r.acronym for refs in refs_by_article.values() for r in refs if r.acronym}
    for a in articles:
        qindex = QuoteIndex([(q.start, q.end) for q in scans[a.id].quotes])
        extra = find_acronym_refs(a.text, qindex, acronyms, refs_by_article[a.id])
        refs_by_article[a.id] = sorted(refs_by_article[a.id] + extra, key=lambda r: (r.start, -r.end))
    clusters = resolve_keys(refs_by_article)
    heads = {}
    for key, c in clusters.items():
        if c.kind == "organisation" and not c.entity:
            head = next((w for w in c.name.split() if w in lex.org_heads), None)
            if head and head.lower() not in heads:
                heads[head.lower()] = key
    for a in articles:
        qindex = QuoteIndex([(q.start, q.end) for q in scans[a.id].quotes])
        extra = find_descriptions(a.text, qindex, heads)
        for r in extra:
            clusters[r.key].add(a.id, r)
        refs_by_article[a.id] = sorted(refs_by_article[a.id] + extra, key=lambda r: (r.start, -r.end))
    terms = TermIndex(
        [narrative(a.text, scans[a.id].quotes) for a in articles],
        [a.text[q.start:q.end] for a in articles for q in scans[a.id].quotes if is_short(a.text[q.start:q.end])],
    )

    raw_quotes = []  # (article, span, attribution)
    for a in articles:
        spans = scans[a.id].quotes
        attrs = attribute(a.text, a.paragraphs, a.headings, spans, refs_by_article[a.id], terms, lex)
        for span, at in zip(spans, attrs):
            raw_quotes.append((a, span, at))

    speaker_counts = Counter(at.speaker for _, _, at in raw_quotes if at.speaker)
    texts = {a.id: a.text for a in articles}
    chosen = build_actors(clusters, speaker_counts, len(articles), texts)
    # prominence: quotes, then sources, then mentions
    chosen.sort(key=lambda ca: (-speaker_counts.get(ca[0].key, 0), -len(ca[1].articles), -len(ca[1].mentions), ca[1].name))
    key_to_id: dict[str, str] = {}
    actors: list[Actor] = []
    for n, (c, actor) in enumerate(chosen, start=1):
        key_to_id[c.key] = f"p{n}"
        actors.append(replace(actor, id=f"p{n}"))

    align_input = []
    para_starts = {a.id: [p[0] for p in a.paragraphs] for a in articles}
    for n, (a, span, at) in enumerate(raw_quotes, start=1):
        para = max(0, bisect.bisect_right(para_starts[a.id], span.start) - 1)
        align_input.append(
            AlignQuote(
                id=f"q{n}", article=a.id, text=a.text[span.start:span.end],
                speaker=key_to_id.get(at.speaker) if at.speaker else None,
                paragraph=para, via=at.via, order=n,
            )
        )
    group_of = align(align_input)

    quotes: list[Quote] = []
    members: dict[int, list[int]] = {}
    for k, ((a, span, at), aq, g) in enumerate(zip(raw_quotes, align_input, group_of)):
        members.setdefault(g, []).append(k)
        quotes.append(
            Quote(
                id=aq.id, article=a.id, start=span.start, end=span.end,
                text=aq.text, speaker=aq.speaker, group=f"g{g + 1}",
                short=is_short(aq.text), via=at.via if aq.speaker else None, flags=span.flags,
            )
        )
    groups = []
    for g in sorted(members):
        qs = [quotes[k] for k in members[g]]
        speakers = Counter(q.speaker for q in qs if q.speaker)
        arts = sorted({q.article for q in qs}, key=lambda x: int(x[1:]))
        groups.append(
            QuoteGroup(
                id=f"g{g + 1}", quotes=tuple(q.id for q in qs), articles=tuple(arts),
                speaker=speakers.most_common(1)[0][0] if speakers else None,
            )
        )

    quotes_by_actor: dict[str, list[str]] = {}
    for q in quotes:
        if q.speaker:
            quotes_by_actor.setdefault(q.speaker, []).append(q.id)
    actors = [replace(x, quotes=tuple(quotes_by_actor.get(x.id, ()))) for x in actors]

    topic = loaded.config.topic or detect_topic(articles)
    story = Story(
        title=story_title(loaded.config, articles, loaded.path),
        topic=topic,
        path=loaded.path,
        articles=articles,
        quotes=tuple(quotes),
        groups=tuple(groups),
        actors=tuple(actors),
        problems=loaded.problems,
        notes=tuple(notes),
    )
    states_by_actor = {key_to_id[c.key]: c.states for c, _ in chosen}
    story = assign_stances(story, refs_by_article, key_to_id, leaders_of(actors, states_by_actor))
    story = apply_overrides(story, loaded.config.actors)
    return replace(story, findings=tuple(find_findings(story)))
