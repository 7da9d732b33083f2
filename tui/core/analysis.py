"""The whole analysis as one pure function: paths in, a frozen :class:`~tui.core.model.Story` out.

load → read each article once (quotes, tokens, sentences) → mentions → actors (who each
mention means) → attribution (who said each quote; who each pronoun means) → choose the
actors (final ids) → group the quotes into remarks → stances → the user's corrections →
findings. Each stage returns what the next needs; none writes into another's objects.
Same input, same ids and order, every time.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .actors import Cast, choose_actors, heads_of, organisation_heads, resolve_keys, speak_for
from .align import group_quotes
from .attribution import Attributions, TermIndex, attribute, narrative
from .doc import Doc, read
from .findings import find_findings
from .lexicon import Lexicon, lexicon
from .load import load, story_title
from .mentions import Ref, find_acronym_refs, find_descriptions, find_refs
from .model import Story
from .overrides import apply_overrides
from .stance import assign_stances, detect_topic
from .text import is_short


def analyse(paths: Sequence[str | Path], stdin: bytes | None = None,
            progress: Callable[[str], None] | None = None) -> Story:
    """The story in ``paths`` (``-`` is one article given as ``stdin``). ``progress`` hears the
    name of each stage as it starts (a long story can then say what it is doing)."""
    say = progress or (lambda _stage: None)
    say("reading the files")
    loaded = load(paths, stdin)
    lex = lexicon()
    docs = []
    for k, a in enumerate(loaded.articles, start=1):
        say(f"reading article {k} of {len(loaded.articles)}")
        docs.append(read(a, lex))
    say("finding people, places and organisations")
    refs = _mentions(docs, lex)
    cast = resolve_keys(refs)
    _describe_organisations(docs, refs, cast)
    speak_for(cast, refs)
    terms = _terms(docs)
    genders = cast.genders()
    say("finding who said each quote")
    attributions = {d.id: attribute(d, refs[d.id], cast.keys, terms, lex, genders=genders) for d in docs}
    speakers = Counter(at.speaker for a in attributions.values() for at in a.quotes if at.speaker)
    texts = {d.id: d.text for d in docs}
    chosen = choose_actors(cast, speakers, texts)
    say("matching remarks across sources")
    quotes, groups = group_quotes(docs, attributions, chosen.id_of, heads_of(chosen.actors, texts))
    by_speaker: dict[str, list[str]] = {}
    for q in quotes:
        if q.speaker:
            by_speaker.setdefault(q.speaker, []).append(q.id)
    story = Story(
        title=story_title(loaded.config, loaded.articles, loaded.path),
        topic=loaded.config.topic or detect_topic(loaded.articles),
        path=loaded.path,
        articles=loaded.articles,
        quotes=tuple(quotes),
        groups=tuple(groups),
        actors=tuple(replace(x, quotes=tuple(by_speaker.get(x.id, ()))) for x in chosen.actors),
        problems=loaded.problems,
        notes=tuple(_scan_notes(docs)),
    )
    say("reading stances")
    who = _who(cast, attributions, chosen.id_of)
    story = assign_stances(story, {d.id: list(d.sentences) for d in docs}, refs, who, chosen.leaders(),
                           {k: list(v) for k, v in chosen.states.items()})
    story = apply_overrides(story, loaded.config.actors)
    return replace(story, findings=tuple(find_findings(story)))


def _scan_notes(docs: list[Doc]) -> list[str]:
    """Quotations the scanner dropped for a reason a reader should know."""
    return [
        f"{d.article.file}: {d.scan.dropped[reason]} quotation(s) dropped ({reason})"
        for d in docs for reason in ("too long", "scan budget") if d.scan.dropped.get(reason)
    ]


def _mentions(docs: list[Doc], lex: Lexicon) -> dict[str, list[Ref]]:
    """Every mention in every article, with the acronyms one article defines found in all."""
    refs = {d.id: find_refs(d, lex) for d in docs}
    acronyms = {r.acronym for rs in refs.values() for r in rs if r.acronym}
    return {d.id: _in_order(refs[d.id] + find_acronym_refs(d, acronyms, refs[d.id])) for d in docs}


def _in_order(refs: list[Ref]) -> list[Ref]:
    return sorted(refs, key=lambda r: (r.start, -r.end))


def _describe_organisations(docs: list[Doc], refs: dict[str, list[Ref]], cast: Cast) -> None:
    """``the coalition`` for the one coalition the story names, ``the group`` for the
    organisation last named: found, and joined to it."""
    heads = organisation_heads(cast)
    for d in docs:
        orgs = [(r.start, cast.keys[r]) for r in refs[d.id]
                if r.kind == "organisation" and r in cast.keys and not cast.clusters[cast.keys[r]].outlet]
        found = find_descriptions(d, heads, orgs)
        for r, key in found:
            cast.attach(key, d.id, r)
        if found:
            refs[d.id] = _in_order(refs[d.id] + [r for r, _ in found])


def _terms(docs: list[Doc]) -> TermIndex:
    """The short quotes the story also uses in its own words (names of plans, not remarks)."""
    short = [d.text[q.start:q.end] for d in docs for q in d.quote_spans if is_short(d.text[q.start:q.end])]
    return TermIndex([narrative(d.text, d.quote_spans) for d in docs], short)


def _who(cast: Cast, attributions: dict[str, Attributions], id_of: dict[str, str]):
    """Which chosen actor a ref means: its name's cluster, or the person a pronoun refers to."""
    pronouns = {r: k for a in attributions.values() for r, k in a.pronouns.items() if k}

    def actor_of(ref: Ref) -> str | None:
        key = cast.keys.get(ref) or pronouns.get(ref)
        return id_of.get(key) if key else None

    return actor_of
