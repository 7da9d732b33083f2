"""Articles in other formats than plain text: saved web pages and JSON.

- **HTML** (``.html``, ``.htm``, or a page on standard input): the main text is extracted with
  trafilatura, the field's standard extractor for news pages (measured against
  readability-lxml on saved pages of several shapes: both keep every paragraph; trafilatura
  leaves fewer newsletter and advert lines and, unlike readability, reads the page's metadata).
  Navigation, footers, comments and "related" blocks go; paragraphs stay paragraphs; entities
  become characters (``&ldquo;`` is ``“``); a ``<q>`` becomes a quotation in curly quote marks
  and a ``<blockquote>`` a quoted paragraph, as a browser shows them. Title, date, author,
  outlet (``og:site_name``, publisher metadata, the ``<title>`` suffix) and canonical URL come
  from the page. Nothing is fetched from the network.
- **JSON** (``.json``: one article object, or a list of them; ``.jsonl``: one per line) with
  keys like ``title``, ``text``/``content``/``body``, ``source``/``outlet``, ``date``, ``url``,
  ``authors``.

Each reader returns :class:`Extracted` articles, or raises :class:`FormatError` with a one-line
reason for the file (or the line of a JSONL file).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

TEXT_KEYS = ("text", "content", "body", "article", "full_text", "maintext")
SOURCE_KEYS = ("source", "outlet", "publisher", "site_name", "sitename", "site", "publication")
DATE_KEYS = ("date", "published", "date_publish", "published_at", "datePublished", "pubdate", "time")
AUTHOR_KEYS = ("authors", "author", "byline")
MAX_JSON_DEPTH = 40


class FormatError(ValueError):
    """A file that could not be read as its format says, with a one-line reason."""


@dataclass(frozen=True)
class Extracted:
    """An article's text and what the file said about it."""

    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    markdown: bool = False
    part: str | None = None  # which entry of a file holding several ("line 3")


# ---------------------------------------------------------------- HTML
_Q_OPEN = re.compile(r"<q(?:\s[^>]*)?>", re.I)
_Q_CLOSE = re.compile(r"</q\s*>", re.I)
_OPENING_MARKS = "\"“‘'«„"


def _text_of(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _blocks(xml: str) -> list[str]:
    """Paragraphs of trafilatura's XML: headings, paragraphs, quotations, list items."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    main = root.find("main")
    out: list[str] = []
    for el in main if main is not None else ():
        if el.tag == "quote":
            text = _text_of(el)
            if text and text[0] not in _OPENING_MARKS:
                text = f"“{text}”"  # a block quotation reads as one
            out.append(text)
        elif el.tag == "list":
            out.extend(t for t in (_text_of(item) for item in el.iter("item")) if t)
        elif el.tag in ("head", "p"):
            out.append(_text_of(el))
    return [b for b in out if b]


def from_html(page: str) -> Extracted:
    """The article of a saved web page."""
    import trafilatura

    page = _Q_CLOSE.sub("”", _Q_OPEN.sub("“", page))
    try:
        xml = trafilatura.extract(page, output_format="xml", include_comments=False, include_tables=False,
                                  include_images=False, include_links=False, with_metadata=False)
        meta = trafilatura.extract_metadata(page)
    except Exception as e:  # an extractor failure is a problem of the file, not of ours
        raise FormatError(f"the page could not be read as an article ({type(e).__name__})") from None
    blocks = _blocks(xml) if xml else []
    if not blocks:
        raise FormatError("no article text found in the page")
    title = (meta.title or "").strip() or None if meta else None
    if title and " ".join(blocks[0].split()) != " ".join(title.split()):
        blocks.insert(0, title)  # the headline on top, as in a text file: its quotes count too
    authors = tuple(a.strip() for a in re.split(r";|\band\b", meta.author or "") if a.strip()) if meta else ()
    return Extracted(
        text="\n\n".join(blocks), title=title, source=(meta.sitename or None) if meta else None,
        date=(meta.date or None) if meta else None, url=(meta.url or None) if meta else None, authors=authors,
    )


# ---------------------------------------------------------------- JSON
def _first(record: dict, keys: tuple[str, ...]):
    for k in keys:
        v = record.get(k)
        if v not in (None, "", []):
            return v
    return None


def _string(v) -> str | None:
    if isinstance(v, dict):
        v = _first(v, ("name", "title", "value"))
    if isinstance(v, (str, int, float)) and not isinstance(v, bool):
        return str(v).strip() or None
    return None


def _authors(v) -> tuple[str, ...]:
    if isinstance(v, list):
        return tuple(a for a in (_string(x) for x in v) if a)
    one = _string(v)
    return (one,) if one else ()


def _record(record, where: str) -> Extracted:
    if not isinstance(record, dict):
        raise FormatError(f"{where}expected an article object with a text")
    text = _string(_first(record, TEXT_KEYS))
    if not text:
        raise FormatError(f"{where}no text (looked for {', '.join(TEXT_KEYS[:3])})")
    return Extracted(
        text=text, title=_string(record.get("title") or record.get("headline")),
        source=_string(_first(record, SOURCE_KEYS)), date=_string(_first(record, DATE_KEYS)),
        url=_string(record.get("url") or record.get("link")), authors=_authors(_first(record, AUTHOR_KEYS)),
    )


def _depth_ok(text: str) -> bool:
    """No nesting deeper than MAX_JSON_DEPTH (Python's parser would recurse into it)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def _parse(text: str, where: str = ""):
    if not _depth_ok(text):
        raise FormatError(f"{where}nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as e:
        line = f"line {e.lineno}: " if isinstance(e, json.JSONDecodeError) and not where else ""
        raise FormatError(f"{where}{line}not valid JSON ({getattr(e, 'msg', type(e).__name__)})") from None


def from_json(text: str) -> tuple[list[Extracted], list[str]]:
    """One article object, or a list of them; returns the articles and a reason per bad item."""
    data = _parse(text)
    if not isinstance(data, list):
        return [_record(data, "")], []
    if not data:
        raise FormatError("an empty list, no article")
    out: list[Extracted] = []
    bad: list[str] = []
    for k, r in enumerate(data, start=1):
        try:
            out.append(_with_part(_record(r, f"item {k}: "), f"item {k}"))
        except FormatError as e:
            bad.append(str(e))
    return out, bad


def from_jsonl(text: str) -> tuple[list[Extracted], list[str]]:
    """One article per line; returns the articles and a one-line reason per bad line."""
    out: list[Extracted] = []
    bad: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(_with_part(_record(_parse(line, f"line {n}: "), f"line {n}: "), f"line {n}"))
        except FormatError as e:
            bad.append(str(e))
    return out, bad


def _with_part(e: Extracted, part: str) -> Extracted:
    from dataclasses import replace

    return replace(e, part=part)


def sniff(data: str) -> str:
    """The format of text with no file name (standard input): json, html or text."""
    head = data.lstrip()[:512].lower()
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p>" in head:
        return "html"
    return "text"
