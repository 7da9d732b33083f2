"""The story's topic read as a frame: who does it, to whom, in answer to what, instead of what.

A topic line is written the way a desk editor sums up a story: "Ruritania's plan to raise port
fees on Freedonian ships in response to the blockade, instead of new talks". Its parts:

- **agents**: the actors whose action the topic is: a possessive at the head ("Ruritania's
  plan"), a ``-led``/``-backed`` compound ("a Ruritania-led mission"), ``by X``/``voiced by X``;
- **targets**: the actors it is aimed at: ``against X``, ``on X`` (or ``on Freedonian goods``:
  a demonym names the state), ``targeting X``;
- **problem**: the words of what the topic answers (``in response to …``, ``after …``,
  ``following …``, ``until X stops …``): condemning the problem is not opposing the answer;
- **rival**: the words of what the topic is instead of (``instead of …``, ``rather than …``):
  backing the rival is opposing the topic;
- **objects** and **actions**: what a ban, a tariff or a limit falls on ("tariffs on timber":
  defending the timber trade opposes them) and the restriction itself ("to ban", "will impose
  tariffs" do what the topic says).

Actors are matched by their names, aliases and surnames, and states also by their demonyms.

Then :func:`sides` puts on a side those the topic itself places there: its agents and the
government that acts with them (:func:`offices` reads each person's office from the titles
and appositions around their name), its targets and those who speak for them, and bodies whose
name is a mission for or against it ("Campaign to Prevent Flooding").
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon, load_data
from .model import Actor
from .text import stem, words

_PROBLEM = re.compile(r"\b(?:in response to|in reaction to|in the wake of|until"
                      r"|(?:after|following)(?=\s+(?:the|a|an|his|her|its|their)\b))\b",
                      re.I)
_WARNING = re.compile(r"\bwarn(?:ing|ings|ed|s)?\b(?:\s+\w+){0,6}?\s+that\b", re.I)
_RIVAL = re.compile(r"\b(?:instead of|rather than|in place of|as an alternative to)\b", re.I)
_TARGET_BEFORE = re.compile(r"\b(?:against|on|targeting)\s+(?:(?:the|all|a|an|its|their)\s+)?$", re.I)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_AGENT_AFTER = re.compile(r"^(?:['’]s\b|-(?:led|backed|sponsored|brokered|proposed|drafted)\b)", re.I)


_RESTRICTED = re.compile(
    r"\b(?:bans?|restrictions?|limits?|curbs?|crackdown|tariffs?|sanctions|embargo|taxe?s?|levy|duties)"
    r"(?:\s+(?:increases?|hikes?|rises?))?\s+on\s+"
    r"((?:(?!\b(?:in|to|from|until|unless|after|rising|for|by|of)\b)[^,;()])+)", re.I)


GOVERNMENT = "in the government that does what the topic says"


@dataclass(frozen=True)
class Frame:
    agents: frozenset[str] = frozenset()  # actor ids
    targets: frozenset[str] = frozenset()
    problem: frozenset[str] = frozenset()  # stems
    rival: frozenset[str] = frozenset()  # stems
    objects: frozenset[str] = frozenset()  # stems of what a ban or a tariff falls on
    actions: frozenset[str] = frozenset()  # stems of the restriction itself ("ban", "tariff")
    warning: bool = False  # the topic is a warning: sharing its alarm is siding with it


def _forms(x: Actor) -> set[str]:
    """The surface forms that name an actor in a topic line."""
    forms = {x.name, *x.aliases}
    if x.kind == "person" and len(x.name.split()) > 1:
        forms.add(x.name.split()[-1])
    if x.kind == "state":
        for e in {e for e, _ in lexicon().surfaces.values() if e.name == x.name and e.kind == "state"}:
            forms |= set(e.demonyms) | set(e.aliases)
    return {f for f in forms if len(f) > 1 and f[0].isupper()}


def _cut(text: str, pattern: re.Pattern[str]) -> tuple[str, str]:
    """(the text without the clause that ``pattern`` opens, the clause); the clause ends at a
    comma or a bracket ("X's call, voiced after the storm, to close the port")."""
    m = pattern.search(text)
    if not m:
        return text, ""
    end = re.search(r",(?!\s*\d)|[(;]", text[m.end():])
    stop = m.end() + end.start() if end else len(text)
    return text[:m.start()] + " " + text[stop:], text[m.end():stop]


def _clause_stems(text: str) -> set[str]:
    stop = lexicon().stopwords
    months = {m.lower() for m in lexicon().months}
    return {stem(w) for w in words(text) if w not in stop and w not in months and len(w) > 2 and not w.isdigit()}


def read_frame(topic: str | None, actors: Iterable[Actor]) -> Frame:
    """The topic's frame, with agents and targets as ids of ``actors``."""
    if not topic:
        return Frame()
    main, rival = _cut(topic, _RIVAL)
    main, problem = _cut(main, _PROBLEM)
    if not problem and rival:  # "X instead of Y after Z"
        rival, problem = _cut(rival, _PROBLEM)
    warning = False
    if not problem and (m := _WARNING.search(main)):
        warning = True
        # "X's warning that the river will flood unless …": what is warned of is the problem
        # the topic answers; sharing the alarm is siding with the warning
        problem = re.split(r"\bunless\b|\bif\b|[(;]", main[m.end():], maxsplit=1)[0]
        main = main[:m.end()]
    agents: set[str] = set()
    targets: set[str] = set()
    for x in actors:
        for form in sorted(_forms(x), key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w])", main):
                before, after = main[:m.start()], main[m.end():]
                if _TARGET_BEFORE.search(before) or _TARGET_BEFORE.search(re.sub(r"\S+\s+$", "", before)):
                    targets.add(x.id)  # "on Freedonian goods", "against the Freedonian navy"
                elif _AGENT_AFTER.match(after) or _AGENT_BEFORE.search(before):
                    agents.add(x.id)
    # what a ban, a tariff or a limit falls on: backing it opposes the topic ("defended the
    # weapons"), though "a weapons ban" is the topic itself
    objects = " ".join(m.group(1) for m in _RESTRICTED.finditer(main))
    main_stems = _clause_stems(_RESTRICTED.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)], main))
    return Frame(
        agents=frozenset(agents - targets),
        targets=frozenset(targets),
        problem=frozenset(_clause_stems(problem) - main_stems),
        rival=frozenset(_clause_stems(rival) - main_stems),
        objects=frozenset(_clause_stems(objects) - main_stems),
        actions=frozenset(stem(m.group(0).split()[0]) for m in _RESTRICTED.finditer(main)),
        warning=warning,
    )


def _has(role: str, phrases: Iterable[str]) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", role) for p in phrases)


@dataclass(frozen=True)
class Office:
    """What the words around a person's name say of their office."""

    states: frozenset[str] = frozenset()  # states named in their titles ("Freedonian", "Freedonia's")
    executive: bool = False  # a minister, secretary, spokesperson, leader …
    elsewhere: bool = False  # a legislator, a local office, a former holder, an office of a body
    observer: bool = False  # a moderator, an analyst, a scholar, a judge: describes, takes no side


_TITLE_WORD = re.compile(r"([\w.’'-]+)\s*$")


def _title_before(text: str, start: int) -> str:
    """The run of title words right before a name ("Freedonian Foreign Ministry spokesman")."""
    out: list[str] = []
    pos = start
    while len(out) < 8:
        m = _TITLE_WORD.search(text, max(0, pos - 40), pos)
        if not m:
            break
        w = m.group(1)
        if w.endswith(".") and len(w) > 4 and "." not in w[:-1]:
            break  # the end of the sentence before ("… in Biarritz. Mr. Roe")
        lw = w.lower().rstrip(".")
        if not (w[0].isupper() or lw in _title_lower()):
            break
        if len(w) > 3 and w.isupper() and w not in lexicon().surfaces:
            break  # a caption or credit in capitals ("PHOTO", "CLOSE"), not a title
        out.append(w)
        pos = m.start()
    # a run with no title word is a headline or a name, not an office ("Freedonia Hits Back")
    return " ".join(reversed(out)) if any(w.lower().rstrip(".") in _title_lower() for w in out) else ""


_CLAUSE_WORDS = {"who", "whom", "whose", "which", "that", "where", "when", "while", "and", "but", "or", "as",
                 "if", "because", "although", "though", "so", "saying", "adding", "he", "she", "it", "they", "we"}


def _apposition_after(text: str, end: int) -> str:
    """", the Freedonian foreign minister," after a name."""
    m = re.match(r",\s+([^,.;:]{3,80})[,.;]", re.sub(r"[“”\"]", "", text[end:end + 90]))
    if not m:
        return ""
    ws = m.group(1).split()
    lex = lexicon()
    # a noun phrase ("the head of …", "Freedonia's minister"), not a clause ("Roe said …", "who …")
    if ws[0].lower() in _CLAUSE_WORDS or len(ws) > 10 or any(lex.verb(w) for w in ws):
        return ""
    return m.group(1)


@lru_cache(maxsize=1)
def _title_lower() -> frozenset[str]:
    """Lowercase words that may stand in a title before a name ("press secretary")."""
    data = stance_roles()
    return frozenset(w for p in data["executive_roles"] | data["not_executive"] for w in p.split()) \
        | {"of", "the", "foreign", "defense", "defence", "state", "house", "press", "deputy", "senior", "top"}


def offices(actors: Iterable[Actor], texts: dict[str, str]) -> dict[str, Office]:
    """Each person's office from the titles and appositions around their mentions.

    The state is the one their titles name most ("French President" twice outweighs a stray
    "American president"). An office in a named body ("Guild Vice President", "senior fellow at
    the Harbour Institute") or for another person ("the senator's spokesman") is no government's."""
    actors = list(actors)
    data = stance_roles()
    state_of, state_re = _state_words()
    bodies = {f for x in actors if x.kind == "organisation" and not _has(x.name.lower(), data["executive_bodies"])
              for f in (x.name, *x.aliases) if len(f) > 1}
    surnames = {y.name.split()[-1] for y in actors if y.kind == "person"}
    names_re = _alternation(bodies | surnames)
    out: dict[str, Office] = {}
    for x in actors:
        if x.kind != "person":
            continue
        own = set(x.name.split())
        phrases: Counter[str] = Counter([x.role or ""])
        for m in x.mentions:
            text = texts.get(m.article, "")
            phrases.update((_title_before(text, m.start), _apposition_after(text, m.end)))
        counts: Counter[str] = Counter()
        in_office = not_in_office = 0
        observer = any(_has(ph.lower(), data["observers"]) for ph in phrases if ph)
        for ph, k in phrases.items():
            if not ph:
                continue
            low = ph.lower()
            for w in set(state_re.findall(ph)) if state_re else ():
                counts[state_of[w]] += k
            body = re.search(r"\b(?:of|at) the ([A-Z][\w.'’-]*(?: (?:of |and |for )?[A-Z][\w.'’-]*)*)", ph)
            of_a_body = body is not None and not _has(body.group(1).lower(), data["executive_bodies"])
            named = names_re is not None and any(n not in own for n in names_re.findall(ph))
            if _has(low, data["not_executive"]) or of_a_body or named:
                not_in_office += k
            elif _has(low, data["executive_roles"]):
                in_office += k
        top = max(counts.values(), default=0)
        # what most of the titles say: one stray caption does not move a president elsewhere
        out[x.id] = Office(frozenset(n for n, c in counts.items() if c == top), in_office > 0,
                           not_in_office >= in_office and not_in_office > 0, observer)
    return out


def _alternation(forms: set[str]) -> re.Pattern[str] | None:
    """One pattern for many names, longest first, as whole words."""
    if not forms:
        return None
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alt})(?![\w-])")


@lru_cache(maxsize=1)
def _state_words() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Every name and demonym of a state -> the state, and one pattern that finds them
    (with a possessive: "Freedonia's")."""
    lex = lexicon()
    state_of = {d: e.name for d, e in lex.demonyms.items()}
    for e, how in lex.surfaces.values():
        if e.kind == "state" and how == "name":
            for f in (e.name, *e.aliases):
                state_of[f] = e.name
    alt = "|".join(re.escape(f) for f in sorted(state_of, key=len, reverse=True))
    return state_of, re.compile(rf"(?<![\w-])({alt})(?:['’]s)?(?![\w])") if state_of else None


def sides(frame: Frame, actors: Iterable[Actor], office: dict[str, Office]) -> dict[str, tuple[str, str]]:
    """The side the topic itself puts an actor on: id -> (stance, reason).

    The agents support it and its targets oppose it; so do those who act for them: the
    executive of an agent state (its leader, ministers, secretaries, spokespeople, and bodies
    such as its ministries), and the officials, bodies and outlets of a target state. A bare
    title ("the President", "the Secretary of State") in a story whose agent is a leader is
    the agent's own government: the state the story names most that is not a target."""
    actors = list(actors)
    data = stance_roles()
    by_id = {x.id: x for x in actors}
    out: dict[str, tuple[str, str]] = {}
    states = [x for x in actors if x.kind == "state"]
    home = max((x for x in states if x.id not in frame.targets), key=lambda x: len(x.mentions), default=None)
    agent_states: set[str] = set()
    for aid in frame.agents:
        x = by_id[aid]
        out[aid] = ("support", "does what the topic says")
        if x.kind == "state":
            agent_states.add(x.name)
        elif x.kind == "person" and aid in office and office[aid].executive and not office[aid].elsewhere:
            agent_states |= office[aid].states or {home.name if home else ""}  # "": the outlets' own
    target_names = {by_id[t].name for t in frame.targets if by_id[t].kind == "state"}
    target_forms = {f for t in frame.targets for f in _forms(by_id[t])}
    for aid in frame.targets:
        out[aid] = ("oppose", "what the topic is aimed at")
    harms = stance_harms()
    for x in actors:
        if x.id in out:
            continue
        off = office.get(x.id, Office())
        mission = mission_side(x.name if x.kind == "organisation" else (x.role or ""), frame, harms)
        if mission is not None:
            out[x.id] = (mission, "its name states a mission " + ("for the topic" if mission == "support"
                                                                   else "of the rival plan"))
            continue
        named = set(off.states)
        if (named & target_names or any(re.search(rf"\b{re.escape(f)}\b", x.name) for f in target_forms)) \
                and x.kind != "state":
            out[x.id] = ("oppose", "speaks for the topic's target")
            continue
        if x.kind == "state" and x.name in agent_states:
            out[x.id] = ("support", "its leader does what the topic says")
        elif agent_states and _in_government(x, off, named & agent_states, data):
            out[x.id] = ("support", GOVERNMENT)
    return out


_MISSION = re.compile(r"\b(?:against|prevent(?:ing)?|stop(?:ping)?|end(?:ing)?|fight(?:ing)?|combat(?:ing)?|"
                      r"reduce|reducing|for safe(?:r)?)\s+((?:[A-Z][\w-]*\s*){1,3})", re.I)


def mission_side(name: str, frame: Frame, harms: frozenset[str]) -> str | None:
    """The side of a body whose name is a mission ("Campaign to Prevent Flooding", "Parents
    Against Cheap Ferries"): against the problem the topic answers, or against what its ban
    falls on, it wants the topic; against what the topic's rival plan restricts, it wants the
    rival. Where a rival exists, fighting the problem alone says nothing (both plans answer it)."""
    for m in _MISSION.finditer(name):
        target = {stem(w) for w in words(m.group(1))}
        if frame.rival:
            if target & frame.rival:
                return "oppose"
        elif target & (frame.problem | {stem(h) for h in harms} | frame.objects):
            return "support"
    return None


def _in_government(x: Actor, off: Office, agent_state_named: set[str], data: dict[str, frozenset[str]]) -> bool:
    """A body of the government (a ministry, the seat of the executive), or one of its officials
    whose titles name the agent's state or no state at all."""
    if x.kind == "organisation":
        return _has(x.name.lower(), data["executive_bodies"])
    return x.kind == "person" and (bool(agent_state_named) or not off.states) and off.executive and not off.elsewhere


@lru_cache(maxsize=1)
def stance_harms() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_data("stance").get("harms") or ())


@lru_cache(maxsize=1)
def stance_roles() -> dict[str, frozenset[str]]:
    d = load_data("stance")
    return {k: frozenset(str(w).lower() for w in d.get(k) or ()) for k in
            ("executive_roles", "not_executive", "executive_bodies", "observers")}
