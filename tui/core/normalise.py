"""Turn a decoded article file into the displayed text plus its metadata.

Conservative by design: words and quote marks are never changed. What it does:

- line ends (CRLF, CR, form feed, U+2028/2029) become ``\\n``; each line loses its edge spaces;
- page debris (share buttons, "Related article:" lines, cookie banners) is dropped and counted;
- metadata is recognised and taken out of the running text: date lines in the common forms
  (``date 2025-09-07``, ``Fri Sep 05 2025``, ``September 5, 2025``), bylines, a URL line,
  Markdown front matter, and the dateline at the start of the first paragraph
  (``ISLAMABAD:``, ``Moscow, Russia –``, ``KYIV (Reuters) -``);
- hard-wrapped lines are re-flowed into paragraphs, and a paragraph split by blank lines in
  mid-sentence is joined again; real paragraph breaks stay;
- the headline (a short first paragraph without final punctuation) and a deck under it are
  recognised: they stay at the top of the displayed text, because their quotes are quotes too,
  and ``body_start`` says where the body begins. Section headings inside the body are marked.

Paragraphs are joined with one blank line; ``paragraphs`` and ``headings`` are spans into it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date
from functools import lru_cache

from .lexicon import load_data
from .repair import strip_link_clutter
from .safeyaml import YamlError, load_yaml
from .sanitise import count_unsafe, sanitise

Span = tuple[int, int]

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}
_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY_RE = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:\b|(?=T\d))"),
    re.compile(rf"\b(?:{_WEEKDAY_RE}\s+)?{_MONTH_RE}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(rf"\b(?:{_WEEKDAY_RE}\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b"),
]
# What may surround a date on a line of its own.
_DATE_FILLER_RE = re.compile(
    r"(?i)\b(?:date[d]?|published|updated|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|"
    r"bst|cet|cest|est|edt|pst|pdt|msk|pkt|ist|time|local|\d{1,2}[:.]\d{2}(?::\d{2})?|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b|[|,:/()\-–—•·]"
)
_DATE_PREFIX_RE = re.compile(r"^(?:date|published|updated|posted)\s*[:\-–]?\s*(?=\d{4}-\d{1,2}-\d{1,2}\s)", re.I)
_BYLINE_RE = re.compile(r"^(?:by|written by|words by|reporting by)\s+(?P<who>[A-Z][^.!?]{1,80})$", re.I)
_URL_RE = re.compile(r"^(?:url:\s*|source url:\s*)?(?P<url>https?://\S+)$", re.I)
_SOURCE_LINE_RE = re.compile(r"^(?:source|outlet|publication|publisher)\s*:\s*(?P<src>.{1,80})$", re.I)
_DATELINE_RES = [
    # KYIV, Ukraine (AP) —   MOSCOW (Reuters) -   ISLAMABAD:
    re.compile(
        r"^(?P<place>[A-Z][A-Z.'’\- ]{2,40}?(?:,\s*[A-Z][\w.'’\- ]{1,40}?)?)\s*"
        r"(?:\((?P<src>[^()\n]{1,40})\)\s*)?(?::|—|–|--|-)\s+(?=\S)"
    ),
    # Moscow, Russia –    Kyiv (AFP) -
    re.compile(
        r"^(?P<place>[A-Z][a-z’'\-]+(?: [A-Z][a-z’'\-]+)?(?:,\s*[A-Z][a-z’'\-]+(?: [A-Z][a-z’'\-]+)?)*)\s*"
        r"(?:\((?P<src>[^()\n]{1,40})\)\s*)?(?:—|–|--)\s+(?=\S)"
    ),
]
_TERMINAL = ".!?;:…"
_CLOSING = "\"”’'»)]}*_"
_LIST_RE = re.compile(r"^(?:[-*+•–]\s|\d{1,3}[.)]\s|>\s?|#{1,6}\s|\|)")
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")


@dataclass
class Normalised:
    text: str
    paragraphs: list[Span]
    headings: list[Span]
    body_start: int = 0
    title: str | None = None
    subtitle: str | None = None
    date: str | None = None
    dateline: str | None = None
    byline: str | None = None
    source: str | None = None
    url: str | None = None
    dropped: dict[str, int] = field(default_factory=dict)
    sanitised: int = 0  # control and bidi characters replaced by placeholders
    front_matter_error: str | None = None


@lru_cache(maxsize=1)
def _debris_patterns() -> list[tuple[str, re.Pattern]]:
    return [(k, re.compile(v, re.I)) for k, v in (load_data("debris") or {}).items()]


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``, or None."""
    found = find_date(text)
    return found[0] if found else None


def find_date(text: str) -> tuple[str, int, int] | None:
    best = None
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groupdict()
            try:
                month = int(g["m"]) if g.get("m") else _MONTHS[g["mon"].lower().rstrip(".")]
                iso = _date(int(g["y"]), month, int(g["d"])).isoformat()
            except (ValueError, KeyError, TypeError):
                continue
            if best is None or m.start() < best[1]:
                best = (iso, m.start(), m.end())
            break
    return best


def _date_line(line: str) -> str | None:
    """The date when ``line`` is a date and nothing else (a few filler words allowed)."""
    if len(line) > 80:
        return None
    found = find_date(line)
    if not found:
        return None
    iso, a, b = found
    rest = _DATE_FILLER_RE.sub(" ", line[:a] + " " + line[b:])
    return iso if len(rest.split()) == 0 else None


def _ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip(_CLOSING)
    return bool(t) and t[-1] in _TERMINAL


def _word_count(text: str) -> int:
    return len(text.split())


def _is_headline(text: str) -> bool:
    t = text.rstrip().rstrip(_CLOSING)
    if not t or not (text[0].isupper() or text[0] in "\"“‘'«"):
        return False
    return not (t[-1] in ".,;:" or _word_count(text) > 25 or len(text) > 250)


def _is_heading(text: str) -> bool:
    t = text.rstrip().rstrip(_CLOSING)
    if not t or not (text[0].isupper() or text[0] in "\"“‘'«"):
        return False
    return t[-1] not in ".,;:!…" and _word_count(text) <= 12 and len(text) <= 100


def _is_wrapped(blocks: list[list[str]]) -> tuple[bool, int]:
    """Is this a hard-wrapped file? Returns (wrapped, wrap width)."""
    lengths = sorted(len(line) for b in blocks for line in b)
    if len(lengths) < 4:
        return False, 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > 160 or width < 30:
        return False, width
    pairs = [(b[i], b[i + 1]) for b in blocks for i in range(len(b) - 1)]
    if len(pairs) < 2:
        return False, width
    long_ = sum(1 for a, _ in pairs if len(a) >= 0.6 * width)
    return long_ >= 0.6 * len(pairs), width


def _front_matter(raw: str) -> tuple[dict, str, str | None]:
    """(metadata, the text after it, what was wrong with it). Broken front matter is dropped."""
    if not raw.startswith("---\n"):
        return {}, raw, None
    end = raw.find("\n---", 4, 65536)
    if end < 0:
        return {}, raw, None
    rest = raw[end + 4:]
    rest = rest.split("\n", 1)[1] if "\n" in rest else ""
    try:
        meta = load_yaml(raw[4:end])
    except YamlError as e:
        return {}, rest, str(e)
    if meta is None:
        return {}, rest, None
    if not isinstance(meta, dict):
        return {}, rest, "is not a mapping (title:, date:, ...)"
    return meta, rest, None


def normalise(raw: str, markdown: bool = False) -> Normalised:
    raw = raw.lstrip("\ufeff")
    raw = re.sub(r"\r\n?|[\f\v\u2028\u2029\x85]", "\n", raw)
    out = Normalised(text="", paragraphs=[], headings=[])
    out.sanitised = count_unsafe(raw)
    raw = sanitise(raw)  # the sanitising boundary for article text: nothing raw gets past here
    if markdown:
        meta, raw, out.front_matter_error = _front_matter(raw)
        _use_front_matter(meta, out)
    lines = _take_metadata([line.strip() for line in raw.split("\n")], out)
    paragraphs, md_headings = _paragraphs(_blocks(lines), markdown)
    paragraphs, headings = _join_split_sentences(paragraphs, md_headings)
    n_title = _title_block(paragraphs, headings, out)
    if n_title < len(paragraphs):
        paragraphs[n_title] = _take_dateline(paragraphs[n_title], out)
    _assemble(paragraphs, n_title, headings, out)
    return out


def _use_front_matter(meta: dict, out: Normalised) -> None:
    for key in ("title", "source", "url"):
        if isinstance(meta.get(key), (str, int, float)) and not isinstance(meta.get(key), bool):
            setattr(out, key, str(meta[key]).strip() or None)
    if meta.get("date") is not None:
        out.date = parse_date(str(meta["date"]))
    if isinstance(meta.get("author"), str):
        out.byline = meta["author"]
    elif isinstance(meta.get("author"), list):
        out.byline = ", ".join(str(x) for x in meta["author"] if isinstance(x, (str, int)))[:200] or None


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in lines:
        if line:
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def _paragraphs(blocks: list[list[str]], markdown: bool) -> tuple[list[str], set[int]]:
    """Blocks into paragraphs: hard-wrapped lines re-flowed, Markdown headings and list items
    their own paragraphs. Returns the paragraphs and which of them are Markdown headings."""
    md_headings: set[int] = set()
    paragraphs: list[str] = []
    wrapped, width = (False, 0) if markdown else _is_wrapped(blocks)
    for block in blocks:
        para: list[str] = []
        for line in block:
            heading = _MD_HEADING_RE.match(line) if markdown else None
            if heading:
                if para:
                    paragraphs.append(" ".join(para))
                    para = []
                md_headings.add(len(paragraphs))
                paragraphs.append(heading.group(2))
                continue
            ends_para = _LIST_RE.match(line) or (not markdown and not (wrapped and len(para[-1]) >= 0.5 * width)) \
                if para else False
            if ends_para:
                paragraphs.append(" ".join(para))
                para = []
            para.append(line)
        if para:
            paragraphs.append(" ".join(para))
    return paragraphs, md_headings


def _join_split_sentences(paragraphs: list[str], md_headings: set[int]) -> tuple[list[str], set[int]]:
    """A paragraph split by blank lines in mid-sentence (it does not end a sentence and the
    next one starts in lower case) is joined again. Returns the paragraphs and the headings."""
    joined: list[str] = []
    headings: set[int] = set()
    for i, p in enumerate(paragraphs):
        if joined and p[:1].islower() and not _ends_sentence(joined[-1]) and (len(joined) - 1) not in headings:
            joined[-1] = joined[-1] + " " + p
            continue
        if i in md_headings:
            headings.add(len(joined))
        joined.append(p)
    return joined, headings


_STOPPED_HEADLINE_WORDS = 25


@lru_cache(maxsize=1)
def _headline_small_words() -> frozenset[str]:
    """The words a Title Case headline leaves in lower case (any other makes it a sentence)."""
    return frozenset(load_data("words").get("headline_small_words") or ())


def _stopped_headline(first: str, second: str) -> bool:
    """``Mayor Vows to Fight Port Tax.`` above a longer lede: some archives end every headline
    with a full stop. Short, one sentence, and the paragraph after it is longer."""
    t = first.rstrip().rstrip(_CLOSING)
    if not t.endswith(".") or t.endswith("..") or not (first[0].isupper() or first[0] in "\"“‘'«"):
        return False
    n = _word_count(first)
    body = t[:-1]
    one_sentence = not re.search(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]", body.replace("U.S.", "US"))
    if not (n <= _STOPPED_HEADLINE_WORDS and one_sentence and _word_count(second) > n):
        return False
    # a headline's shape, not a short first sentence: "Roe: …" or Title Case (every long word capitalised)
    speaker_prefix = ":" in body and _word_count(body.split(":", 1)[0]) <= 4
    unquoted = re.sub(r"[\"“‘'][^\"”’']*[\"”’']", " ", body)
    words = re.findall(r"[^\W\d_]+", unquoted)
    title_case = len(words) >= 4 and all(w[0].isupper() or w.lower() in _headline_small_words() for w in words)
    return speaker_prefix or title_case


def _title_block(paragraphs: list[str], headings: set[int], out: Normalised) -> int:
    """The headline (+ deck) at the top, or a leading Markdown heading: how many paragraphs."""
    if len(paragraphs) < 2 or not (0 in headings or _is_headline(paragraphs[0])
                                   or _stopped_headline(paragraphs[0], paragraphs[1])):
        return 0
    out.title = out.title or paragraphs[0]
    deck = paragraphs[1]
    if (len(paragraphs) >= 3 and 1 not in headings and _word_count(deck) <= 45 and not _ends_sentence(deck)
            and deck[:1].isupper()):
        out.subtitle = deck
        return 2
    return 1


def _take_dateline(first: str, out: Normalised) -> str:
    """``KYIV (Reuters) —`` at the start of the body goes to ``out.dateline`` (and the source)."""
    for rx in _DATELINE_RES:
        m = rx.match(first)
        if m and _word_count(m.group("place")) <= 5:
            out.dateline = m.group(0).strip()
            if m.group("src") and not out.source:
                out.source = m.group("src").strip()
            return first[m.end():]
    return first


def _assemble(paragraphs: list[str], n_title: int, headings: set[int], out: Normalised) -> None:
    """The displayed text (paragraphs joined by a blank line) and its spans."""
    pos = 0
    for i, p in enumerate(paragraphs):
        if i:
            pos += 2
        span = (pos, pos + len(p))
        out.paragraphs.append(span)
        if i < n_title:
            out.headings.append(span)
        elif i == n_title:
            out.body_start = span[0]
        elif i in headings or (i + 1 < len(paragraphs) and _is_heading(p)):
            out.headings.append(span)
        pos = span[1]
    out.text = "\n\n".join(paragraphs)
    if n_title >= len(paragraphs):
        out.body_start = len(out.text)


def _take_metadata(lines: list[str], out: Normalised) -> list[str]:
    """Drop debris anywhere; take dates, bylines, URLs and source lines from the top."""
    kept: list[str] = []
    seen_words = 0
    for line in lines:
        if not line:
            kept.append(line)
            continue
        line, clutter = strip_link_clutter(line)
        if clutter:
            out.dropped["link clutter"] = out.dropped.get("link clutter", 0) + clutter
        kind = next((k for k, rx in _debris_patterns() if rx.match(line)), None)
        if kind:
            out.dropped[kind] = out.dropped.get(kind, 0) + 1
            continue
        top = seen_words < 120
        if top:
            m = _DATE_PREFIX_RE.match(line)
            if m:
                rest = line[m.end():]
                iso, _, b = find_date(rest) or (None, 0, 0)
                if iso:
                    out.date = out.date or iso
                    line = rest[b:].strip()
                    out.dropped["date"] = out.dropped.get("date", 0) + 1
                    if not line:
                        continue
            iso = _date_line(line)
            if iso:
                out.date = out.date or iso
                out.dropped["date"] = out.dropped.get("date", 0) + 1
                continue
            m = _BYLINE_RE.match(line)
            if m and _word_count(line) <= 10:
                out.byline = out.byline or m.group("who").strip()
                out.dropped["byline"] = out.dropped.get("byline", 0) + 1
                continue
            m = _URL_RE.match(line)
            if m:
                out.url = out.url or m.group("url")
                out.dropped["url"] = out.dropped.get("url", 0) + 1
                continue
            m = _SOURCE_LINE_RE.match(line)
            if m:
                out.source = out.source or m.group("src").strip()
                out.dropped["source"] = out.dropped.get("source", 0) + 1
                continue
        seen_words += _word_count(line)
        kept.append(line)
    return kept
