"""Where each actor stands on the story's topic, and the evidence a reader can check.

The topic is a sentence (``story.yaml``'s ``topic``, or the most central headline). Its content
words, minus actor names, are the *core* terms; words that keep company with them across the
story are the *expansion*; words that refer back to a plan or proposal ("the plan", "the
pledge") are *anaphors*. A sentence is about the topic when it has a core term, two expansion
terms, or an anaphor.

Evidence for an actor is a sentence in which the actor is the subject (named, or as he/she),
one of joined subjects (``X and Y said``), the agent (``led by X``), the source
(``according to X``), or the speaker of a quote. The part of the sentence from the actor on is
scored, negation-aware, with a general lexicon (``data/stance.yaml``): verbs that take a side
(welcomed, pledged, backed / warned, rejected, dismissed), evaluative words (essential,
crucial / dangerous, counterproductive), and hedges (cautious, unclear), which count a little
both ways. A negator within three words before a cue turns it (``not acceptable``,
``unlikely to endorse``, ``prevent ... aggression``). Topic words themselves are the target,
never a cue. Sentences off the topic are evidence that the actor speaks, with no lean.

The verdict: support or oppose when the evidence leans clearly one way; mixed when it pulls
both ways (or is only hedged); neutral when the actor speaks but takes no side; unknown when
there is nothing to go on. A state with no lean of its own takes its leader's stance
(``Russian President X`` for Russia). Scoring runs twice: once the first pass knows who
opposes the topic, a hostile act or accusation aimed at one of them (the opponent right before
the verb as its subject, or right after it as its object: ``accused X of``) reads as support.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .lexicon import lexicon, load_data
from .mentions import Ref
from .model import Actor, Article, Evidence, Story
from .text import stem, words
from .topic import GOVERNMENT, Frame, offices, read_frame, sides, stance_roles

ITEM_CAP = 2.0  # one sentence moves the balance by at most this much
MAX_EVIDENCE = 8
AGENT_PARTICIPLES = {"led", "backed", "spearheaded", "supported", "driven", "proposed", "initiated",
                     "championed", "sponsored", "organised", "organized", "hosted", "brokered", "pushed"}
GENERIC = {"said", "say", "says", "would", "could", "also", "one", "two", "year", "years", "new",
           "told", "week", "day", "time", "people", "percent", "per", "cent", "like", "last", "first"}


@dataclass(frozen=True)
class Lex:
    pos: frozenset[str]
    neg: frozenset[str]
    hedges: frozenset[str]
    negators: frozenset[str]
    anaphors: frozenset[str]
    negated_only: frozenset[str]
    neg_acts: frozenset[str]
    harms: frozenset[str] = frozenset()
    dismissals: frozenset[str] = frozenset()  # deny a claim: never the problem's alarm
    punitive: frozenset[str] = frozenset()
    speech_acts: frozenset[str] = frozenset()  # a topic that is something said ("a call", "a warning") …
    speech_anaphors: frozenset[str] = frozenset()  # … is referred back to by these ("the remarks")


def _forms(entry: str) -> set[str]:
    from .lexicon import _inflect

    e = entry.lower()
    return {e} | _inflect(e) | ({e[:-1] + "ies"} if e.endswith("y") else set())


@lru_cache(maxsize=1)
def stance_lexicon() -> Lex:
    d = load_data("stance")
    st = lambda key: frozenset(f for w in d.get(key) or () for f in _forms(str(w)))  # noqa: E731
    return Lex(
        pos=st("positive") | st("verbs_for"),
        neg=st("negative") | st("verbs_against"),
        hedges=st("hedges"),
        negators=frozenset(w.lower() for w in d.get("negators") or ()),
        anaphors=st("anaphors"),
        negated_only=st("negated_only"),
        neg_acts=st("negative_acts") | st("verbs_against"),
        harms=st("harms"),
        punitive=st("punitive"),
        dismissals=st("dismissals"),
        speech_acts=frozenset(str(w).lower() for w in d.get("speech_acts") or ()),
        speech_anaphors=frozenset(stem(str(w)) for w in d.get("speech_anaphors") or ()),
    )


@dataclass(frozen=True)
class Topic:
    text: str | None
    core: frozenset[str]
    expansion: frozenset[str]
    anaphors: frozenset[str]
    actions: frozenset[str] = frozenset()  # the topic's verbs ("deploy" in "Deploying troops")

    def about(self, stems: set[str]) -> bool:
        if not self.core:
            return False
        return bool(self.core & stems) or len(self.expansion & stems) >= 2 or bool(self.anaphors & stems)


def detect_topic(articles: tuple[Article, ...] | list[Article]) -> str | None:
    """The most central headline: the one whose words the other articles use most."""
    stop = lexicon().stopwords
    bags = [set(stem(w) for w in words(a.text) if w not in stop) for a in articles]
    best, best_score = None, -1.0
    for i, a in enumerate(articles):
        if not a.title:
            continue
        t = {stem(w) for w in words(a.title) if w not in stop}
        score = sum(len(t & bags[j]) / (len(t) or 1) for j in range(len(articles)) if j != i)
        if score > best_score:
            best, best_score = a.title, score
    if best is None and articles:
        a = articles[0]
        first = a.text[a.body_start:].split(". ")[0]
        best = first[:160] if first else None
    return " ".join(best.split()) if best else None


def topic_terms(topic: str | None, articles, name_stems: set[str], sentences: list[list[str]]) -> Topic:
    lx = stance_lexicon()
    stop = lexicon().stopwords
    if not topic:
        return Topic(None, frozenset(), frozenset(), frozenset(), frozenset())
    lex = lexicon()
    not_topic = name_stems | {stem(g) for g in GENERIC} | {stem(w) for w in lex.title_words}
    core = {
        stem(w) for w in words(topic)
        if w not in stop and len(w) > 2 and not lex.verb(w) and w not in lx.pos and w not in lx.neg
    } - not_topic
    company: Counter = Counter()
    doc_freq: Counter = Counter()
    for sent in sentences:
        s = set(sent)
        if core & s:
            company.update(s - core)
    for a in articles:
        doc_freq.update({stem(w) for w in words(a.text)})
    need = max(2, len(articles) // 2)
    cue_stems = {stem(f) for f in lx.pos | lx.neg | lx.hedges}
    blocked = core | name_stems | {stem(w) for w in stop} | {stem(g) for g in GENERIC} | cue_stems
    expansion = [
        w for w, c in company.most_common() if c >= 3 and doc_freq[w] >= need and w not in blocked and len(w) > 2
    ][:12]
    # the topic's verb: a gerund ("Deploying troops …"), else a verb after "to"/"will" ("Malta to
    # raise levy"); only one, so that "to cruise ships" in "Closing the port to cruise ships" is not
    tw = words(topic)
    gerunds = [w for w in tw if w.endswith("ing") and stem(w) in core]
    after_to = [w for i, w in enumerate(tw) if i and tw[i - 1] in ("to", "will", "would", "should") and stem(w) in core]
    actions = {stem((gerunds or after_to)[0])} if gerunds or after_to else set()
    anaphors = {stem(w) for w in lx.anaphors}
    if {w.lower() for w in words(topic)} & lx.speech_acts:
        anaphors |= lx.speech_anaphors  # "the remarks" = the call
    for kind in kinds():  # "new gun laws": "the legislation", "the bill" speak of it too
        if kind & core:
            anaphors |= kind
    return Topic(topic, frozenset(core), frozenset(expansion), frozenset(anaphors - core), frozenset(actions))


@lru_cache(maxsize=1)
def opposites() -> tuple[tuple[str, str], ...]:
    pairs = load_data("stance").get("opposites") or ()
    return tuple((stem(str(p[0])), stem(str(p[1]))) for p in pairs if isinstance(p, list) and len(p) == 2)


@lru_cache(maxsize=1)
def kinds() -> tuple[frozenset[str], ...]:
    """Classes of words that name one kind of thing (restrictions, laws), as stems."""
    data = load_data("stance").get("kinds") or {}
    return tuple(frozenset(stem(str(w)) for w in ws) for ws in data.values() if isinstance(ws, list))


def rival_company(rival: frozenset[str], topic: Topic, sentences: list[set[str]],
                  names: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """Words the story uses with the rival plan and not with the topic's own: a topic "instead
    of new limits" makes "ban" and "legislation" rival words when the story speaks of them so."""
    if not rival:
        return set()
    lx = stance_lexicon()
    own = topic.core - rival
    with_rival: Counter = Counter()
    with_own: Counter = Counter()
    for sent in sentences:
        if sent & own:
            with_own.update(sent)
        elif sent & rival:
            with_rival.update(sent)
    cues = {stem(f) for f in lx.pos | lx.neg | lx.hedges}
    stop = {stem(w) for w in lexicon().stopwords} | {stem(g) for g in GENERIC}
    return {w for w, c in with_rival.most_common() if c >= 3 and c >= 2 * with_own[w] and len(w) > 2
            and w not in topic.core and w not in cues and w not in stop and w not in names and w.isalpha()}


_CUE_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[,;:()]")  # punctuation kept: it breaks adjacency


_APPROVAL = r"(?:vote|votes|approval|authori[sz]ation|authori[sz]e|consent|mandate|sign-off)"
_CONDITION = re.compile(
    rf"\b(?:without|before|until|unless|prior to|first)\b[^.;]{{0,80}}\b{_APPROVAL}\b"
    rf"|\b{_APPROVAL}\b[^.;]{{0,40}}\b(?:first|before)\b"
    r"|\b(?:requires?|required|must|needs? to|has to|have to|insists?|insisted|demands?|demanded)\b"
    rf"[^.;]{{0,40}}\b{_APPROVAL}\b",
    re.I)
_WAITING = re.compile(
    r"\b(?:wait(?:ing|s|ed)? (?:for|until)|until (?:we|they|the) (?:have|know|see|get)"
    r"|after (?:we|they) (?:have|see|know)"
    rf"|rush(?:ing)? to judge?ment|reserve judge?ment|seek(?:s|ing)?\s+(?:\w+\s+)?{_APPROVAL})\b", re.I)
_PROCEDURE = re.compile(
    r"\b(?:must|should|needs? to|need|calls? for|called for|asks?|asked|urges?|urged|demands?|demanded|wants?)\b"
    rf"[^.;]{{0,40}}\b(?:consult|consultation|consultations|explain|details|detailed|objectives|strategy|briefing|brief|seek\s+(?:\w+\s+)?{_APPROVAL})\b",
    re.I)


def polarity(
    text: str, exclude: frozenset[str], actions: frozenset[str] = frozenset(), aims: dict[str, str] | None = None
) -> tuple[float, float, float, list[str]]:
    """(for, against, hedges, cue words) of a stretch of text, negation-aware.

    After "but" (or "yet"), what follows carries the weight: what comes before counts half.
    A condition that a vote or an approval must come first is opposition to acting now; a
    demand for consultation, details or a plan only is procedural, no side."""
    if _CONDITION.search(text):
        return 0.0, 1.0, 0.0, ["only after a vote or approval (a condition)"]
    if _PROCEDURE.search(text):
        return 0.0, 0.0, 0.0, ["asks for consultation or details (procedural)"]
    if _WAITING.search(text):
        return 0.0, 0.0, 0.0, ["waits for facts or a procedure before taking a side"]
    if re.search(r"\balternatives?\b", text, re.I):
        # praise of "an alternative" is praise of something other than the topic
        p, n, h, found = polarity(re.sub(r"\balternatives?\b", " ", text, flags=re.I), exclude, actions, aims)
        return n, p, h, [*found, "(an alternative)"]
    cut = re.search(r"(?:,\s*|\s)(?:but|yet)\s(?!to\b)", text)
    parts = [(text[:cut.start()], 0.5), (text[cut.end():], 1.0)] if cut else [(text, 1.0)]
    pos = neg = hedges = 0.0
    cues: list[str] = []
    for part, weight in parts:
        p, n, h, c = _polarity(part, exclude, actions, aims or {})
        net = (p - n) * weight  # a clause nets its cues; the two sides of "but" do not
        pos += max(0.0, net)
        neg += max(0.0, -net)
        hedges += h * weight
        cues += c
    return pos, neg, hedges, cues


_BETWEEN_SUBJECT_AND_VERB = {"has", "have", "had", "is", "was", "were", "are", "will", "would", "also", "again",
                             "repeatedly", "already", "openly", "reportedly", "allegedly", "then", "still"}


def _opponent_subject(toks: list[str], i: int) -> bool:
    """The opponent is the subject right before the verb at ``i`` ("X has repeatedly broken")."""
    j = i - 1
    while j >= 0 and toks[j] in _BETWEEN_SUBJECT_AND_VERB:
        j -= 1
    return j >= 0 and toks[j] == OPPONENT


_REJECTING = {"reject", "rejected", "rejects", "rejecting", "oppose", "opposed", "opposes", "opposing",
              "against", "block", "blocked", "blocks", "refuse", "refused", "refuses", "veto", "vetoed"}
_VERB_BEFORE = {"will", "would", "shall", "to", "has", "have", "had", "is", "are", "was", "were", "be",
                "been", "can", "could", "may", "might", "must", "should", "not", "never", "also"}


_NECESSITY = re.compile(r"(?:'s|is|has) got to be|must be|should be|needs? to be|has to be|have to be")
_ADVOCACY = {"call", "calls", "called", "calling", "push", "pushes", "pushed", "pushing", "press", "pressed",
              "pressing", "campaign", "campaigned", "campaigning", "lobby", "lobbied", "lobbying", "argue",
              "argued", "argues", "arguing"}
_SIDE_NOUNS = {"supporter", "supporters", "proponent", "proponents", "advocate", "advocates", "opponent",
               "opponents", "critic", "critics", "foe", "foes"}
AIM_REACH = 6  # a cue is about the first topic, rival or problem word this close after it


def _aim(toks: list[str], i: int, aims: dict[str, str]) -> str | None:
    """What the cue at ``i`` is about: the topic itself, its rival or the problem it answers:
    the first such word after it ("backs new limits"), else the last before it in the same
    clause ("called the flooding a disaster"). What a ban falls on is the rival ("backs the
    weapons") unless the ban follows it ("backs a weapons ban")."""
    after = range(i + 1, min(len(toks), i + 1 + AIM_REACH))
    before = range(i - 1, max(-1, i - 1 - AIM_REACH), -1)
    for seq in (after, before):
        for j in seq:
            if toks[j] in (",", ";", ":"):
                break
            kind = aims.get(stem(toks[j]))
            if kind == "topic" and j + 1 < len(toks) and aims.get(stem(toks[j + 1])) in ("rival", "object"):
                j, kind = j + 1, aims[stem(toks[j + 1])]  # "trade peace": the head noun decides
            if kind == "object":
                return "topic" if any(aims.get(stem(x)) == "topic" for x in toks[j + 1:j + 3]) else "rival"
            if kind:
                return kind
    return None


ALARM = " alarm"  # a key no word has: the topic is a warning


def _conditions_of_others(toks: list[str]) -> set[int]:
    """Where "if they refuse the offer …" speaks of others' conditions: no cue of the speaker's."""
    skip: set[int] = set()
    for k, w in enumerate(toks):
        if w in ("if", "unless") and k + 1 < len(toks) and toks[k + 1] in ("they", "it", "he", "she"):
            end = next((j for j in range(k + 2, len(toks)) if toks[j] in (",", ";", ":")), len(toks))
            skip |= set(range(k + 2, min(end, k + 12)))
    return skip


def _aimed(toks: list[str], a: int, b: int, aims: dict[str, str]) -> str | None:
    """The first of the topic or its rival named in ``toks[a:b]``."""
    return next((aims[stem(x)] for x in toks[a:b] if aims.get(stem(x)) in ("topic", "rival")), None)


def _necessity(toks: list[str], i: int, aims: dict[str, str]) -> int | None:
    """"there must be a cap", "there should be a curfew": a need for what follows (+1 for
    the topic, -1 for its rival)."""
    w = toks[i]
    if w not in ("there", "there's") or not aims or not _NECESSITY.match(" ".join([w[5:], *toks[i + 1:i + 5]]).strip()):
        return None
    aim = _aimed(toks, i + 2, i + 8, aims)
    return None if aim is None else (-1 if aim == "rival" else 1)


def _no_cue(toks: list[str], i: int) -> bool:
    """A word that looks evaluative here but is not: a right (an entitlement), questions taken, a
    side noun without "of" ("its supporters were absent")."""
    w = toks[i]
    if w == "rights" or (w == "right" and ((i + 1 < len(toks) and toks[i + 1] == "to")
                                            or (i and toks[i - 1] in ("a", "constitutional")))):
        return True
    if w in ("question", "questions") and any(x.startswith(("answer", "field", "took", "take", "taking", "press"))
                                              for x in toks[max(0, i - 6):i]):
        return True  # "took questions from the press": taking questions is no doubt about anything
    return w in _SIDE_NOUNS and not (i + 1 < len(toks) and toks[i + 1] == "of")


def _reading(toks: list[str], i: int, aims: dict[str, str], lx: Lex) -> tuple[str, int]:
    """(the word the cue at ``i`` counts as, where its object starts)."""
    w = toks[i]
    if w in ("stand", "stands", "standing", "stood") and toks[i + 1:i + 3] == ["up", "to"]:
        return "confront", i + 3  # "standing up to X": confronting X
    if w in _ADVOCACY and i + 1 < len(toks) and toks[i + 1] == "for":
        return "support", i + 1  # "called for", "pushing for": advocacy of what follows
    if w == "against" and i and toks[i - 1] not in lx.neg and toks[i - 1] not in lx.hedges and aims \
            and _aimed([x for x in toks[i + 1:i + 8] if x[0].isalnum()], 0, 7, aims):
        return "oppose", i + 1  # "stood against the levy", "voted against the bill"
    return w, i + 1


def _hedge(toks: list[str], i: int, aims: dict[str, str]) -> tuple[float, float, str] | None:
    """A hedge that takes a side: "cautioned against" (against what follows), "careful about
    new limits" (wary of the topic, or of its rival). (for, against, cue) or None."""
    w, nxt = toks[i], (toks[i + 1] if i + 1 < len(toks) else "")
    if nxt == "against":
        return 0.0, 1.0, f"{w} against"
    if nxt in ("about", "of", "on", "toward", "towards") and aims:
        aim = _aimed(toks, i + 2, i + 8, aims)
        if aim is not None:
            return (1.0, 0.0, f"{w} {nxt} (the rival plan)") if aim == "rival" else (0.0, 1.0, f"{w} {nxt} (the topic)")
    return None


def _polarity(
    text: str, exclude: frozenset[str], actions: frozenset[str], aims: dict[str, str]
) -> tuple[float, float, float, list[str]]:
    lx = stance_lexicon()
    stop = lexicon().stopwords
    toks = _CUE_WORD.findall(text.lower().replace("’", "'"))
    pos = neg = 0.0
    hedges = 0.0
    cues: list[str] = []
    last_negated: int | None = None
    skip = _conditions_of_others(toks)
    for i, w in enumerate(toks):
        need = _necessity(toks, i, aims)
        if need is not None:
            pos, neg = (pos + 1, neg) if need > 0 else (pos, neg + 1)
            cues.append(f"there must be ({'the rival plan' if need < 0 else 'the topic'})")
            continue
        if (w in stop and w != "against") or not w[0].isalnum():
            continue
        if stem(w) in actions and i and toks[i - 1] in _VERB_BEFORE:
            # doing what the topic says ("will raise the levy", "to deploy troops")
            window = toks[max(0, i - 5):i]
            negated = (
                any(x in lx.negators or x in _REJECTING for x in window)
                or (last_negated is not None and i - last_negated <= 2)
            )
            val = -1 if negated else 1
            pos, neg = (pos + 1, neg) if val > 0 else (pos, neg + 1)
            cues.append(("not " if val < 0 else "") + w + " (the topic)")
            continue
        if _no_cue(toks, i):
            continue
        s, obj = _reading(toks, i, aims, lx)
        if s == w and stem(w) in exclude and not (w in lx.harms and ALARM in aims):
            continue
        val = 1 if s in lx.pos else -1 if s in lx.neg else 0
        failed = w == "work" and any(x in lx.negators for x in toks[max(0, i - 2):i])
        if failed:
            val = -1  # "it didn't work", "won't work": a failure (the "not" is part of it, no negation)
        if not val and w in lx.harms and ALARM in aims and aims.get(stem(w)) != "problem":
            # "the old will drown": the harm the topic answers (both sides of a rival plan speak of
            # it; naming the problem itself, "the shooting", is no alarm)
            val = -1
        if s in lx.negated_only:
            window = toks[max(0, i - 4):i]
            if any(x in lx.negators for x in window) and "work" not in window:
                neg += 1  # ("won't work in any future" is about working, not about a future)
                cues.append(f"no {w}")
            continue
        sided = _hedge(toks, i, aims) if s in lx.hedges else None
        if sided is not None:
            pos, neg = pos + sided[0], neg + sided[1]
            cues.append(sided[2])
            if toks[i + 1] == "against":
                skip |= {i + 2, i + 3}  # "cautioned against a new bill": what it is against is no second cue
            continue
        if i in skip:
            continue
        if s in lx.hedges:
            hedges += 1
            cues.append(w)
            continue
        if not val:
            continue
        window = [] if failed else toks[max(0, i - 3):i]
        carried = not failed and last_negated is not None and i - last_negated <= 2  # "not willing to deploy"
        yet_to = any(window[k] == "yet" and k + 1 < len(window) and window[k + 1] == "to" for k in range(len(window)))
        if (
            carried
            or yet_to
            or any(x in lx.negators for x in window)
            or (i >= 2 and f"{toks[i - 2]} {toks[i - 1]}" == "no longer")
        ):
            last_negated = i
            val = -val
            cues.append(f"not {w}")
        else:
            cues.append("does not work" if failed else w)
        if val < 0 and (w in lx.neg_acts or s == "confront") and (
                _opponent_subject(toks, i) or OPPONENT in toks[obj:obj + 2]):
            val = 1  # "accuse X of ...", "X has broken agreements": against the topic's opponent
            cues[-1] = f"{cues[-1]} (against an opponent)"
        aim = _aim(toks, i, aims) if aims else None
        if aim == "rival":
            val = -val  # backing what the topic is instead of is opposing the topic
            cues[-1] = f"{cues[-1]} (the rival plan)"
        elif val < 0 and w not in lx.dismissals and (
                aim == "problem" or ((w in lx.harms or w in lx.punitive) and "problem" in aims.values())):
            val = 1  # condemning what the topic answers is siding with the answer
            cues[-1] = f"{cues[-1]} (the problem it answers)"
        pos, neg = (pos + 1, neg) if val > 0 else (pos, neg + 1)
    return pos, neg, hedges, cues


@dataclass
class _Item:
    actor: str
    article: str
    start: int
    end: int  # the sentence
    scored_from: int  # where the actor's part starts
    quotes: list[str]
    speaks: bool
    weight: float = 1.0  # a subject reported inside someone else's clause counts half
    topical: bool = False
    score: float = 0.0  # pos - neg
    pos: float = 0.0
    neg: float = 0.0
    hedges: float = 0.0
    cues: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()  # other actors named as subjects in the scored part
    blanks: tuple[tuple[int, int, str | None], ...] = ()  # names in the scored part: (start, end, actor)


_TWO_WORDS_BEFORE = re.compile(r"(\w+)\W+\w+\W*$")
_OPENERS = {"but", "and", "so", "yet", "still", "however", "meanwhile", "also", "now", "then",
            # a subordinate clause of the sentence's own ("While X said …, Y …") is X's clause still
            "while", "although", "though", "whereas", "even as"}


def _clause_start(text: str, s0: int, pos: int) -> bool:
    """Nothing but an introductory phrase (ending in a comma) or a conjunction before ``pos``."""
    prefix = text[s0:pos].strip()
    return not prefix or prefix.endswith((",", ":", "—", "–")) or prefix.lower().strip(",") in _OPENERS


_OWNED_ACTORS = {"government", "cabinet", "authorities", "administration", "ministry", "officials",
                 "leader", "leaders", "president", "prime", "chancellor", "parliament", "army",
                 "military", "forces", "foreign", "defence", "defense", "spokesman", "spokesperson",
                 "spokeswoman", "envoy", "negotiators", "delegation"}


_ACTION_NOUNS = {"involvement", "role", "participation", "commitment", "support", "backing",
                 "position", "stance", "contribution", "engagement", "response", "reaction", "policy",
                 "decision", "approval", "opposition", "objection", "objections", "reluctance",
                 "willingness", "refusal", "pledge", "offer", "proposal", "plan", "view", "views"}


def _action_noun_after(text: str, r: Ref) -> bool:
    """``U.S. involvement``, ``Washington's participation``: the actor's own act or view."""
    nxt = re.findall(r"[A-Za-z-]+", re.sub(r"^['’]s", "", text[r.end:r.end + 40]))[:2]
    return bool(nxt) and (nxt[0] in _ACTION_NOUNS or (len(nxt) > 1 and nxt[1] in _ACTION_NOUNS and nxt[0].islower()))


def _acting_owner(text: str, r: Ref) -> bool:
    """``Malta's government will ...``: the state acts through what it owns."""
    m = re.match(r"['’]s\s+(?:[a-z-]+\s+)?([a-z]+)", text[r.end:r.end + 40])
    if not m or m.group(1) not in _OWNED_ACTORS:
        return False
    after = text[r.end + m.end():r.end + m.end() + 30].split()
    return bool(after) and (after[0].lower() in _VERB_BEFORE or after[0].lower().endswith(("ed", "s")))


def _role_of_ref(r: Ref, prev_word: str | None) -> str | None:
    """subject | agent | source, or None when the ref is only an object or a modifier."""
    if r.in_quote or r.modifier:
        return None
    if r.prep == "according":
        return "source"
    if r.prep == "by" and prev_word in AGENT_PARTICIPLES:
        return "agent"
    if r.eligible_subject:
        return "subject"
    return None


def _prev_word(text: str, pos: int) -> str | None:
    """The word before the preposition in front of ``pos`` ("led" in "led by X")."""
    m = _TWO_WORDS_BEFORE.search(text, max(0, pos - 60), pos)
    return m.group(1).lower() if m else None


_LINKS = ("and", ",", ", and", "or")
_NOMINAL = re.compile(r"\b(?:opposition|resistance|objections?|criticism|condemnation|support|backing|endorsement)"
                      r"\s+(?:by|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def _sentence_items(text: str, article: str, span: tuple[int, int], refs: list[Ref], quotes: list,
                    actor_of: Callable[[Ref], str | None]) -> dict[str, _Item]:
    """The evidence items of one sentence: each actor that acts or speaks in it."""
    s0, s1 = span
    found: dict[str, _Item] = {}

    def note(aid: str, frm: int, speaks: bool, weight: float) -> None:
        it = found.get(aid)
        if it is None:
            it = found[aid] = _Item(aid, article, s0, s1, frm, [], speaks, weight)
        it.scored_from = min(it.scored_from, frm)
        it.speaks = it.speaks or speaks
        it.weight = max(it.weight, weight)

    owned: list[tuple[int, int, str]] = []  # stance nouns that belong to one actor
    lead: Ref | None = None  # the subject that opens the clause, and those joined to it
    last: Ref | None = None  # the ref before, whatever its role
    for r in refs:
        aid = actor_of(r)
        if aid is None or r.in_quote:
            continue
        role = _role_of_ref(r, _prev_word(text, r.full_start))
        link = text[last.end:r.full_start].strip().lower() if last is not None else None
        joined = lead is not None and lead is last and link in _LINKS
        last = r
        if not joined and link in _LINKS and role == "subject":
            continue  # "for both Russia and Ukraine": joined to a non-subject, so not one either
        nominal = _NOMINAL.search(text, max(s0, r.full_start - 60), r.full_start)
        if nominal is not None:  # "deep opposition by X", "support from X": X's own stance
            note(aid, nominal.start(), False, 1.0)
            owned.append((nominal.start(), r.end, aid))
            continue
        if role == "agent":
            note(aid, s0, False, 1.0)
            lead = r
        elif role == "source":
            note(aid, r.end, True, 0.5)
        elif joined:
            note(aid, r.start, True, 1.0)
            lead = r
        elif role == "subject":
            first = _clause_start(text, s0, r.full_start)
            if not first and r.verb_after and text[s0:r.full_start].rstrip().endswith((",", '"', "”", "’", "'")):
                note(aid, s0, True, 1.0)  # "..., X said": the sentence is what X said
            else:
                note(aid, r.start, True, 1.0 if first else 0.5)
            lead = r if first else None
        else:
            lead = None
            if r.kind in ("state", "organisation") and (r.possessive or (r.modifier and r.how == "name")) \
                    and _action_noun_after(text, r):
                note(aid, r.start, False, 0.5)
            elif r.possessive and r.kind in ("state", "organisation") and _acting_owner(text, r):
                note(aid, r.start, True, 1.0 if _clause_start(text, s0, r.full_start) else 0.5)
    for q in quotes:
        if q.speaker:
            note(q.speaker, s0, True, 1.0)
            found[q.speaker].quotes.append(q.id)
    for aid, it in found.items():
        part_refs = [r for r in refs if r.start >= it.scored_from]
        # names are blanked; one that only qualifies a noun ("X's arrest") is never the
        # target of what the sentence says
        it.blanks = tuple(
            (r.full_start, r.end, None if (r.possessive or r.modifier) else actor_of(r)) for r in part_refs
        ) + tuple((a, b, None) for a, b, who in owned if who != aid)  # another's "opposition by Y"
        it.mentions = tuple(
            x for x in dict.fromkeys(
                actor_of(r) for r in part_refs if not r.possessive and not r.modifier and (r.prep is None or r.in_quote)
            )
            if x and x != aid
        )
    return found


def _gather(story: Story, refs_by_article: dict[str, list[Ref]], actor_of: Callable[[Ref], str | None],
            sentences: dict[str, list[tuple[int, int]]]) -> dict[str, list[_Item]]:
    """Evidence items per actor id: one per sentence in which the actor acts or speaks."""
    items: dict[str, list[_Item]] = {}
    for a in story.articles:
        quotes = story.quotes_in(a.id)
        refs = sorted(refs_by_article.get(a.id, []), key=lambda r: r.start)
        section_headings = [h for h in a.headings if h[0] >= a.body_start]
        ref_starts = [r.start for r in refs]
        quote_starts = [q.start for q in quotes]
        for s0, s1 in sentences[a.id]:
            if any(h0 <= s0 < h1 for h0, h1 in section_headings):
                continue  # a section heading is a label, not anyone's stance
            sent_refs = refs[bisect.bisect_left(ref_starts, s0):bisect.bisect_left(ref_starts, s1)]
            sent_quotes = quotes[bisect.bisect_left(quote_starts, s0):bisect.bisect_left(quote_starts, s1)]
            for aid, it in _sentence_items(a.text, a.id, (s0, s1), sent_refs, sent_quotes, actor_of).items():
                items.setdefault(aid, []).append(it)
    return items


OPPONENT = "zzopponentzz"


SCORED_CHARS = 800  # a runaway "sentence" is read this far from the actor only


def _scored_text(text: str, it: _Item, opponents: frozenset[str] = frozenset()) -> str:
    """The actor's part of the sentence with names blanked (an opponent of the topic marked)."""
    out, pos = [], it.scored_from
    end = min(it.end, it.scored_from + SCORED_CHARS)
    for a, b, who in sorted(it.blanks, key=lambda x: x[:2]):
        if b <= pos or a >= end:
            continue
        out.append(text[pos:max(pos, a)])
        out.append(f" {OPPONENT} " if who in opponents and who != it.actor else " , ")
        pos = max(pos, b)
    out.append(text[pos:end])
    return "".join(out)


def _verdict(scored: list[_Item], speaks: bool) -> tuple[str, float]:
    pos = sum(i.pos for i in scored)
    neg = sum(i.neg for i in scored)
    hedges = sum(i.hedges for i in scored)
    net = pos - neg
    if pos == 0 and neg == 0:  # hedges alone are no evidence both ways: caution without a side
        return ("neutral" if speaks or scored else "unknown"), 0.0
    if min(pos, neg) >= 1 and min(pos, neg) / max(pos, neg) >= 0.6:
        return "mixed", net
    if abs(net) <= 1 and hedges >= 1:
        return "mixed", net
    if abs(net) < 1:
        return ("neutral" if speaks else "unknown"), net
    return ("support" if net > 0 else "oppose"), net


def _aims(topic: Topic, frame: Frame, sentences: list[set[str]], name_stems: set[str]) -> dict[str, str]:
    """What each word is to the topic: the topic itself, its rival, the problem it answers, or
    what its ban falls on (an object)."""
    aims = {w: "topic" for w in topic.core - frame.rival - frame.problem}
    aims |= {w: "rival" for w in frame.rival} | {w: "problem" for w in frame.problem}
    aims |= {w: "object" for w in frame.objects if w not in aims or aims[w] == "topic"}
    for a, b in opposites():
        for one, other in ((a, b), (b, a)):
            if aims.get(one) == "topic" and other not in aims:
                aims[other] = "rival"  # "in favour of peace" when the topic is a war
    aims |= {w: "rival" for w in rival_company(frame.rival, topic, sentences, name_stems) if w not in aims}
    own = topic.core - frame.rival - frame.problem
    for kind in kinds():  # "instead of new control laws": a ban, a bill are the rival plan too
        if kind & frame.rival and not kind & own:
            aims |= {w: "rival" for w in kind if aims.get(w) in (None, "topic")}
        elif kind & own:  # "tougher gun laws": "the legislation" is the topic too
            aims |= {w: "topic" for w in kind if w not in aims}
    if frame.warning:
        # what a warning warns of: speaking of its harm shares the alarm (in a story about an answer to a
        # harm, "the victims" are everyone's grief, no side on the answer)
        aims[ALARM] = "problem"
    return aims


def _word_reasons(story: Story, items: dict[str, list[_Item]], final: dict[str, str]) -> dict[str, str]:
    """Why the words decided a stance: how much they weigh each way, and how clearly."""
    reason: dict[str, str] = {}
    for x in story.actors:
        its = [i for i in items.get(x.id, []) if i.topical]
        p, n = sum(i.pos for i in its), sum(i.neg for i in its)
        if final[x.id] in ("support", "oppose"):
            lean = "leans" if abs(p - n) < 2 else "clearly"
            reason[x.id] = f"{lean} {final[x.id]}: the words of {len(its)} sentence(s) weigh {p:g} for, {n:g} against"
        elif final[x.id] == "mixed":
            reason[x.id] = f"evidence both ways: {p:g} for, {n:g} against"
    return reason


def assign_stances(
    story: Story,
    sentences: dict[str, list[tuple[int, int]]],
    refs_by_article: dict[str, list[Ref]],
    actor_of: Callable[[Ref], str | None],
    leaders: dict[str, list[str]] | None = None,
    states_of: dict[str, list[str]] | None = None,
) -> Story:
    """Set ``stance`` and ``evidence`` on every actor (a new Story; the input is unchanged).

    ``sentences`` are each article's sentence spans (from its document); ``actor_of`` tells
    which actor a ref means (names resolved by the actors step, pronouns by attribution)."""
    leaders = leaders or {}
    stop = lexicon().stopwords
    name_stems = set()
    for x in story.actors:
        if x.kind == "organisation":
            continue  # an organisation's name may hold the topic's words ("Cruise Lines ...")
        for form in (x.name, *x.aliases):
            name_stems |= {stem(w) for w in words(form) if w not in stop}
    items = _gather(story, refs_by_article, actor_of, sentences)
    texts = {a.id: a.text for a in story.articles}
    stems_of = {
        aid: [{stem(w) for w in words(texts[aid][a:b])} for a, b in sents] for aid, sents in sentences.items()
    }
    topic = topic_terms(story.topic, story.articles, name_stems, [list(x) for v in stems_of.values() for x in v])
    about = {aid: [topic.about(x) for x in v] for aid, v in stems_of.items()}
    index_of = {aid: {sp: k for k, sp in enumerate(sents)} for aid, sents in sentences.items()}

    frame = read_frame(story.topic, story.actors)
    harms = stance_lexicon().harms
    for its in items.values():
        for it in its:
            k = index_of[it.article][(it.start, it.end)]
            it.topical = about[it.article][k] or (k > 0 and about[it.article][k - 1])
            if frame.warning and not it.topical and it.speaks:
                # a warning's story: whoever speaks of the harm it warns of shares (or plays down) its alarm
                it.topical = bool(harms & set(words(texts[it.article][it.start:it.end].lower())))

    aims = _aims(topic, frame, [x for v in stems_of.values() for x in v], name_stems)

    def score_all(opponents: frozenset[str]) -> dict[str, str]:
        for its in items.values():
            for it in its:
                if not it.topical:
                    continue
                p, n, hd, cues = polarity(
                    _scored_text(texts[it.article], it, opponents), topic.core | topic.expansion,
                    topic.actions | frame.actions, aims
                )
                it.pos = it.weight * min(ITEM_CAP, p)
                it.neg = it.weight * min(ITEM_CAP, n)
                it.score = it.pos - it.neg
                it.hedges = it.weight * hd
                it.cues = tuple(cues)
        out = {}
        for x in story.actors:
            its = items.get(x.id, [])
            out[x.id] = _verdict(its, any(i.speaks for i in its))[0]
        return out

    # two passes: who opposes the topic is known after the first; criticism aimed at them
    # (an accusation, a broken agreement) is then read as support of the topic
    office = offices(story.actors, texts)
    for aid, named in (states_of or {}).items():
        if aid in office:
            office[aid] = replace(office[aid], states=office[aid].states | frozenset(named))
    side = sides(frame, story.actors, office)
    against = frozenset(aid for aid, (v, _) in side.items() if v == "oppose")  # the topic's targets and theirs
    first = score_all(against)
    final = score_all(against | frozenset(aid for aid, v in first.items() if v == "oppose"))
    reason = _word_reasons(story, items, final)
    observers = stance_roles()["observers"]
    for x in story.actors:
        watches = office[x.id].observer if x.id in office else (
            x.kind == "organisation" and any(w.lower() in observers for w in x.name.split()))
        if watches and reason.get(x.id, "").startswith("leans") and not frame.warning:
            # (a warning is itself an expert's call: an expert who shares its alarm takes its side)
            final[x.id] = "neutral"  # a moderator's or a court's weak lean is no side
            reason[x.id] = "neutral: an observer (moderator, analyst, court) whose words lean only weakly"
    for aid, (stance, why) in side.items():
        own = reason.get(aid, "")
        if why == GOVERNMENT and own.startswith("clearly") and final[aid] != stance:
            continue  # a bare title guessed the government; the person's own clear words say otherwise
        final[aid] = stance  # the topic's own frame outweighs the words around the actor
        reason[aid] = f"{stance}: {why}"
    out_actors: list[Actor] = []
    inherited: dict[str, str] = {}  # state id -> the leader whose stance it takes
    names = {x.id: x.name for x in story.actors}
    for x in story.actors:
        stance = final[x.id]
        if x.kind == "state" and stance in ("neutral", "unknown"):
            for leader in leaders.get(x.name, []):
                if final.get(leader) in ("support", "oppose"):
                    stance = final[leader]
                    inherited[x.id] = leader
                    reason[x.id] = f"{stance}: the stance of its leader, {names.get(leader, leader)}"
                    break
        final[x.id] = stance
    for x in story.actors:
        its = sorted(items.get(x.id, []), key=lambda i: (-abs(i.score), i.article, i.start))
        if x.id in inherited:  # the leader's evidence is what the state's stance rests on
            its = sorted((i for i in items.get(inherited[x.id], []) if i.score), key=lambda i: -abs(i.score))[:3] + its
        evidence = []
        for it in its[:MAX_EVIDENCE]:
            text = " ".join(texts[it.article][it.start:it.end].split())
            evidence.append(
                Evidence(
                    article=it.article, start=it.start, end=it.end, text=text,
                    polarity=(it.score > 0) - (it.score < 0),
                    quote=it.quotes[0] if it.quotes and it.actor == x.id else None,
                    cue=(", ".join(it.cues) or None) if it.actor == x.id
                    else f"its leader, {names.get(it.actor, it.actor)}: {', '.join(it.cues)}",
                )
            )
        out_actors.append(replace(x, stance=final[x.id], evidence=tuple(evidence), stance_reason=reason.get(x.id)))
    return replace(story, actors=tuple(out_actors))
