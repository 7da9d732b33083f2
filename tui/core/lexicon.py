"""The word lists the analysis rules use, loaded once from the YAML files in ``tui/core/data``.

All of it is general language data (reporting verbs, titles, a gazetteer of states and
international bodies, stop words); none of it names anything from a particular story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml


def load_data(name: str):
    """Parse ``tui/core/data/<name>.yaml`` (safe_load only)."""
    text = resources.files("tui.core.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    # the C loader when PyYAML has it (several times faster); both are "safe" loaders
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass(frozen=True)
class Entity:
    """A state, an international organisation or a news outlet from the gazetteer."""

    name: str
    kind: str  # state | organisation | outlet | place
    aliases: tuple[str, ...] = ()  # names of the entity itself
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()  # metonyms when the city acts ("Moscow said")
    seats: tuple[str, ...] = ()  # seats of government ("the Kremlin", "the White House")


def _inflect(base: str) -> set[str]:
    forms = {base}
    if re.search(r"(s|sh|ch|x|z|o)$", base):
        forms.add(base + "es")
    elif re.search(r"[^aeiou]y$", base):
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base.endswith("e"):
        forms.add(base + "d")
        forms.add(base[:-1] + "ing")
    elif re.search(r"[^aeiou]y$", base):
        forms.add(base[:-1] + "ied")
        forms.add(base + "ing")
    else:
        forms.add(base + "ed")
        forms.add(base + "ing")
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", base):
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # admitted, regretted (visited too)
    return forms


@dataclass(frozen=True)
class Lexicon:
    reporting: dict[str, tuple[str, int]]  # lowercase form -> (lemma, polarity)
    noun_guards: frozenset[str]
    titles: frozenset[str]  # lowercase, may contain spaces
    title_firsts: frozenset[str]  # the first word of each title (a quick filter)
    title_words: frozenset[str]  # every word of every title, lowercase
    title_modifiers: frozenset[str]
    roles: frozenset[str]
    stopwords: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    function_caps: frozenset[str]
    org_heads: frozenset[str]
    thing_heads: frozenset[str]
    naming_cues: tuple[str, ...]
    org_classifiers: frozenset[str]
    person_pronouns: frozenset[str]
    place_prepositions: frozenset[str]
    event_nouns: frozenset[str]
    entities: tuple[Entity, ...]
    prepositions: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    bare_verbs: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    org_connectors: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    leader_words: tuple[str, ...] = ()
    other_subjects: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    spokespeople: frozenset[str] = frozenset()
    generic_org_nouns: frozenset[str] = frozenset()
    affiliations: frozenset[str] = frozenset()
    female: frozenset[str] = frozenset()  # given names, lower case titles and role words
    male: frozenset[str] = frozenset()
    state_abbreviations: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()  # "the Ohio resident": refers back to someone just named
    outlet_heads: frozenset[str] = frozenset()
    platforms: frozenset[str] = frozenset()
    given_forms: dict[str, frozenset[str]] = field(default_factory=dict)  # lower given name -> its forms
    # surface form -> (entity, how): how is "name", "capital", "seat"
    surfaces: dict[str, tuple[Entity, str]] = field(default_factory=dict)
    demonyms: dict[str, Entity] = field(default_factory=dict)
    surface_firsts: frozenset[str] = frozenset()  # the first word of each surface (a quick filter)

    def verb(self, word: str) -> tuple[str, int] | None:
        return self.reporting.get(word.lower())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs = load_data("verbs")
    roles = load_data("roles")
    words = load_data("words")
    gaz = load_data("gazetteer")
    grammar = load_data("grammar")
    gender = load_data("gender")

    reporting: dict[str, tuple[str, int]] = {}
    irregular = verbs.get("irregular") or {}
    for base, pol in (verbs.get("reporting") or {}).items():
        forms = set(irregular.get(base) or []) | _inflect(base) | {base}
        for f in forms:
            reporting[f.lower()] = (base, int(pol))

    entities: list[Entity] = []
    for kind, key in (("state", "states"), ("organisation", "organisations"), ("outlet", "outlets"),
                      ("place", "places")):
        for row in gaz.get(key) or []:
            entities.append(
                Entity(
                    name=row["name"],
                    kind=kind,
                    aliases=tuple(row.get("aliases") or ()),
                    demonyms=tuple(row.get("demonyms") or ()),
                    capitals=tuple(row.get("capitals") or ()),
                    seats=tuple(row.get("seats") or ()),
                )
            )
    surfaces: dict[str, tuple[Entity, str]] = {}
    demonyms: dict[str, Entity] = {}
    for e in entities:
        for s in (e.name, *e.aliases):
            surfaces.setdefault(_strip_the(s), (e, "name"))
        for s in e.capitals:
            surfaces.setdefault(s, (e, "capital"))
        for s in e.seats:
            surfaces.setdefault(_strip_the(s), (e, "seat"))
        for d in e.demonyms:
            demonyms.setdefault(d, e)

    titles = frozenset(t.lower() for t in roles.get("titles") or ())
    title_words = frozenset(w for t in titles for w in t.replace("-", " - ").split())
    lower = lambda key: frozenset(w.lower() for w in words.get(key) or ())  # noqa: E731
    return Lexicon(
        reporting=reporting,
        noun_guards=frozenset(verbs.get("noun_guards") or ()),
        titles=titles,
        title_firsts=frozenset(t.split()[0].rstrip(".") for t in titles),
        title_words=title_words,
        title_modifiers=frozenset(m.lower() for m in roles.get("title_modifiers") or ()),
        roles=frozenset(r.lower() for r in (*(roles.get("roles") or ()), *(roles.get("person_nouns") or ()))),
        person_nouns=frozenset(roles.get("person_nouns") or ()),
        stopwords=lower("stopwords"),
        months=frozenset(words.get("months") or ()),
        weekdays=frozenset(words.get("weekdays") or ()),
        function_caps=frozenset(words.get("function_caps") or ()),
        org_heads=frozenset(words.get("org_heads") or ()),
        thing_heads=frozenset(words.get("thing_heads") or ()),
        state_abbreviations=frozenset(words.get("state_abbreviations") or ()),
        outlet_heads=frozenset(words.get("outlet_heads") or ()),
        platforms=frozenset(words.get("platforms") or ()),
        naming_cues=tuple(words.get("naming_cues") or ()),
        org_classifiers=lower("org_classifiers"),
        person_pronouns=lower("person_pronouns"),
        place_prepositions=lower("place_prepositions"),
        event_nouns=lower("event_nouns"),
        entities=tuple(entities),
        prepositions=frozenset(grammar["prepositions"]),
        auxiliaries=frozenset(grammar["auxiliaries"]),
        bare_verbs=frozenset(grammar["bare_verbs"]),
        particles=frozenset(grammar["particles"]),
        org_connectors=frozenset(grammar["org_connectors"]),
        honorifics=frozenset(grammar["honorifics"]),
        leader_words=tuple(grammar["leader_words"]),
        other_subjects=frozenset(grammar["other_subjects"]),
        determiners=frozenset(grammar["determiners"]),
        abbreviations=frozenset(grammar["abbreviations"]),
        naming_verbs=frozenset(verbs["naming_verbs"]),
        documents=frozenset(words["documents"]),
        spokespeople=frozenset(roles["spokespeople"]),
        generic_org_nouns=frozenset(roles["generic_org_nouns"]),
        affiliations=frozenset(words["affiliations"]),
        female=frozenset(gender["female_names"]) | frozenset(gender["female_titles"]),
        male=frozenset(gender["male_names"]) | frozenset(gender["male_titles"]),
        given_forms=_given_forms(load_data("names")["nicknames"]),
        surfaces=surfaces,
        demonyms=demonyms,
        surface_firsts=frozenset(re.split(r"[\s/]", s)[0] for s in surfaces),
    )


def _given_forms(nicknames: dict) -> dict[str, frozenset[str]]:
    """Each given name (lower case) -> every form it is known by, itself included."""
    groups: dict[str, set[str]] = {}
    for full, shorts in nicknames.items():
        for name in (full, *shorts):
            groups.setdefault(name, {name}).update({full, *shorts})
    return {k: frozenset(v) for k, v in groups.items()}


def _strip_the(s: str) -> str:
    return s[4:] if s.lower().startswith("the ") else s


@lru_cache(maxsize=1)
def _name_detector():
    """gender-guesser's table of given names (about 40,000, read from the package, offline)."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:  # pragma: no cover - an optional improvement
        return None
    return Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def given_name_gender(name: str) -> str | None:
    """"f" or "m" for a given name that is clearly one or the other, else None ("Kim", "Chris")."""
    detector = _name_detector()
    if detector is None or not name[:1].isalpha():
        return None
    return {"female": "f", "male": "m"}.get(detector.get_gender(name.strip(".")))
