"""Read a story from disk: a folder (or a list of files) of articles, in text, Markdown, HTML
(saved web pages) or JSON, or one article on standard input.

Reading never writes anything and never raises for a bad file: each file that cannot be used
becomes a :class:`~tui.model.Problem` with a one-line reason, and the rest still load.
An optional ``story.yaml`` beside the articles may give ``title``, ``topic``, per-file
``source``/``date``/``url``/``title``, and ``actors`` corrections (read with ``safe_load``).
"""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable, Sequence


from .files import read_bounded, reason
from .formats import Extracted, FormatError, from_html, from_json, from_jsonl, sniff
from .model import Article, Problem
from .naming import credit_in_text, source_name
from .normalise import normalise, parse_date
from .safeyaml import MAX_BYTES as MAX_YAML_BYTES
from .repair import repair_mojibake
from .safeyaml import YamlError, load_yaml
from .sanitise import sanitise

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
ACCEPTED = ".txt, .md, .html, .json, .jsonl"
# Files that hold notes about a story, not articles: README.md, NOTES.txt, SOURCES.md ...
_NOTES = re.compile(r"^(?:readme|notes?|sources|provenance|license|licence|changelog|citation|authors|todo)"
                    r"(?:\.[\w.]+)?$", re.I)
STORY_FILE = "story.yaml"
MAX_BYTES = 2 * 1024 * 1024  # read at most this much of one article (documented in README): the
# longest news articles are ~100 KB, and analysing 2 MB takes several seconds already
MAX_FILES = 200  # articles in one story
MAX_CANDIDATES = 5000  # files looked at in one story folder


@dataclass(frozen=True)
class StoryConfig:
    """What ``story.yaml`` says (everything optional)."""

    path: str | None = None
    title: str | None = None
    topic: str | None = None
    articles: dict[str, dict] = field(default_factory=dict)  # file name -> metadata
    actors: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Loaded:
    config: StoryConfig
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    path: str


def decode(data: bytes) -> tuple[str, str, int]:
    """Bytes to text: BOMs first, then UTF-8, then Windows-1252. Never raises.

    Returns (text, encoding name, number of bytes that could not be decoded).
    """
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            body = data[len(bom):]
            text = body.decode(enc, errors="replace")
            return text, enc + " (BOM)", text.count("\ufffd")
    utf16 = _sniff_utf16(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return text, utf16, text.count("\ufffd")
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252", 0
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with some broken bytes, or Windows-1252 with bytes it does not define.
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    high = sum(1 for b in data if b >= 0x80)
    if bad * 4 < high:
        return as_utf8, "utf-8 (with errors)", bad
    text = data.decode("cp1252", errors="replace")
    return text, "windows-1252 (with errors)", text.count("\ufffd")


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text with every other byte NUL."""
    sample = data[:4096]
    if len(sample) < 16:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.6 and even < 0.05:
        return "utf-16-le"
    if even > 0.6 and odd < 0.05:
        return "utf-16-be"
    return None


def binary_reason(data: bytes, text: str) -> str | None:
    """Why this looks like a binary file, or None for text.

    Decided by proportion, never by one byte: a stray NUL in a text is shown as ␀, while a
    file with NULs in more than 1% of its characters (and at least a few) is binary."""
    if not data:
        return None
    sample = text[:65536]
    if not sample:
        return None
    nul = sample.count("\x00")
    if nul >= 4 and nul / len(sample) > 0.01:
        return f"looks binary ({nul} NUL bytes in the first {len(sample)} characters)"
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f\v\x1b") or ch == "\ufffd")
    if bad / len(sample) > 0.10:
        return f"looks binary ({100 * bad // len(sample)}% control or undecodable characters)"
    return None


def read_config(folder: Path) -> tuple[StoryConfig, list[Problem]]:
    """Read ``story.yaml`` in ``folder`` if there is one (bounded, safe YAML, shapes checked)."""
    path = folder / STORY_FILE
    try:
        if not (path.exists() or path.is_symlink()):
            return StoryConfig(), []
        raw = read_bounded(path, MAX_YAML_BYTES)
    except OSError as e:
        return StoryConfig(), [Problem(STORY_FILE, f"{reason(e)}; using defaults")]
    if len(raw) > MAX_YAML_BYTES:
        return StoryConfig(), [Problem(STORY_FILE, f"larger than {MAX_YAML_BYTES // 1024} KB; using defaults")]
    text, _, _ = decode(raw)
    try:
        data = load_yaml(text)
    except YamlError as e:
        return StoryConfig(), [Problem(STORY_FILE, f"{e}; using defaults")]
    if data is None:
        return StoryConfig(path=str(path)), []
    if not isinstance(data, dict):
        return StoryConfig(), [Problem(STORY_FILE, "expected a mapping (title:, topic:, ...); using defaults")]
    problems: list[Problem] = []

    def complain(what: str) -> None:
        problems.append(Problem(STORY_FILE, what))

    articles: dict[str, dict] = {}
    raw_articles = data.get("articles") or data.get("files") or {}
    if isinstance(raw_articles, dict):
        items = list(raw_articles.items())
    elif isinstance(raw_articles, list):
        items = [(row.get("file"), row) for row in raw_articles if isinstance(row, dict)]
    else:
        items = []
        complain("'articles' should be a list or a mapping; ignored")
    for name, meta in items:
        if isinstance(name, str) and isinstance(meta, dict):
            articles[Path(name).name] = {k: v for k, v in meta.items() if isinstance(k, str)}
    actors = data.get("actors") or []
    if not isinstance(actors, list):
        complain("'actors' should be a list; ignored")
        actors = []
    elif not all(isinstance(a, dict) for a in actors):
        complain("each entry of 'actors' should be a mapping (name:, stance:, ...); the others are ignored")
    for key in ("title", "topic"):
        if data.get(key) is not None and not isinstance(data.get(key), (str, int, float)):
            complain(f"'{key}' should be text; ignored")
    return (
        StoryConfig(
            path=str(path),
            title=_str(data.get("title")),
            topic=_str(data.get("topic")),
            articles=articles,
            actors=tuple(a for a in actors if isinstance(a, dict)),
        ),
        problems,
    )


def _str(v) -> str | None:
    if v is None or isinstance(v, (dict, list, bool)):
        return None
    s = str(v).strip()
    return s or None


def _outside(entry: os.DirEntry, folder: Path) -> bool:
    """A symlink in the story folder that leads out of it (``notes.txt -> ~/.ssh/id_rsa``)."""
    if not entry.is_symlink():
        return False
    try:
        target = Path(os.path.realpath(entry.path))
        return not target.is_relative_to(Path(os.path.realpath(folder)))
    except (OSError, ValueError):
        return True


def format_of(name: str) -> str | None:
    """The article format a file name says (text, markdown, html, json, jsonl), or None."""
    return FORMATS.get(Path(name).suffix.lower())


def _skip_reason(entry: os.DirEntry, folder: Path) -> str | None:
    """Why a folder entry is not read as an article (None: it is one)."""
    name = entry.name
    if entry.is_dir(follow_symlinks=False):
        return "a directory (a story is one folder; sub-folders are not read); skipped"
    if _outside(entry, folder):
        return "a link that leads out of the story folder; skipped"
    if format_of(name) is None:
        suffix = Path(name).suffix or "no extension"
        return f"not an article format ({suffix}; articles are {ACCEPTED}); skipped"
    if _NOTES.match(name):
        return "notes about the story, not an article; skipped"
    return None


def find_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path], list[Problem]]:
    """The article files named by ``paths`` (folders are listed, not recursed).

    Returns (files in name order, folders holding them, problems). Every entry of a folder is
    read or named: hidden files and ``story.yaml`` quietly, anything else with the reason it is
    not read (a sub-folder, another format, a notes file, a link out of the folder: a downloaded
    story must not pull in a private file)."""
    files: list[Path] = []
    folders: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        if str(raw) == "-":
            files.append(Path("-"))
            continue
        p = Path(raw)
        try:
            if p.is_dir():
                folders.append(p)
                for entry in sorted(os.scandir(p), key=lambda e: e.name.casefold()):
                    if entry.name.startswith(".") or entry.name == STORY_FILE:
                        continue
                    why = _skip_reason(entry, p)
                    if why:
                        problems.append(Problem(entry.name, why))
                    else:
                        files.append(Path(entry.path))
            elif p.exists() or p.is_symlink():
                files.append(p)
                folders.append(p.parent)
            else:
                problems.append(Problem(str(p), "no such file or folder"))
        except OSError as e:
            problems.append(Problem(str(p), reason(e)))
    seen: set[str] = set()
    unique = []
    for f in sorted(files, key=lambda f: f.name.casefold()):
        if str(f) not in seen:
            seen.add(str(f))
            unique.append(f)
    if len(unique) > MAX_CANDIDATES:
        problems.append(
            Problem(str(paths[0]), f"{len(unique)} files; looking at the first {MAX_CANDIDATES}", fatal=False)
        )
        unique = unique[:MAX_CANDIDATES]
    return unique, folders, problems


@dataclass
class _Read:
    """What reading one file gave: its articles (several for JSON lists and JSONL), the
    encoding, notes for each article, and problems."""

    items: list[Extracted] = field(default_factory=list)
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _read_bytes(path: Path, stdin: bytes | None = None) -> tuple[bytes | None, list[str], list[Problem]]:
    """At most MAX_BYTES of a file (or of standard input), with a note and a problem when cut."""
    notes: list[str] = []
    if stdin is not None:
        data = stdin
    else:
        try:
            data = read_bounded(path, MAX_BYTES)
        except OSError as e:
            return None, notes, [Problem(path.name, reason(e))]
    problems = []
    if len(data) > MAX_BYTES:
        data = data[:MAX_BYTES]
        cut = data.rfind(b"\n")
        if cut > MAX_BYTES // 2:
            data = data[:cut]
        mb = MAX_BYTES // (1024 * 1024)
        problems.append(Problem(path.name, f"larger than {mb} MB; read the first {mb} MB", fatal=False))
        notes.append(f"truncated at {mb} MB")
    return data, notes, problems


def read_article(path: Path, stdin: bytes | None = None) -> _Read:
    """Read one file (or standard input, for ``-``) in its format."""
    out = _Read()
    data, out.notes, out.problems = _read_bytes(path, stdin)
    if data is None:
        return out
    name = "standard input" if stdin is not None else path.name
    text, out.encoding, bad = decode(data)
    why = binary_reason(data, text)
    if why:
        out.problems.append(Problem(name, f"{why}; skipped"))
        return out
    if not text.strip():
        out.problems.append(Problem(name, "empty; skipped"))
        return out
    if out.encoding != "utf-8":
        out.notes.append(f"decoded as {out.encoding}")
    if bad:
        out.notes.append(f"{bad} undecodable byte{'s' if bad != 1 else ''} shown as \ufffd")
    kind = sniff(text) if stdin is not None else format_of(path.name) or "text"
    try:
        if kind == "html":
            out.items = [from_html(text)]
        elif kind in ("json", "jsonl"):
            out.items, bad_parts = from_jsonl(text) if kind == "jsonl" else from_json(text)
            out.problems.extend(Problem(name, f"{why}; skipped") for why in bad_parts)
        else:
            out.items = [Extracted(text=text, markdown=kind == "markdown")]
    except FormatError as e:
        out.problems.append(Problem(name, f"{e}; skipped"))
    return out


def load(paths: Sequence[str | Path], stdin: bytes | None = None) -> Loaded:
    """Load every article named by ``paths`` (``-`` is ``stdin``); never raises for a bad file.

    At most ``MAX_FILES`` articles are read: the cap counts articles, not candidates, so empty
    or broken files before a good one cannot hide it."""
    files, folders, problems = find_files(paths)
    config = StoryConfig()
    for folder in dict.fromkeys(folders):
        config, cfg_problems = read_config(folder)
        problems.extend(cfg_problems)
        if config.path or cfg_problems:
            break
    articles: list[Article] = []
    for k, path in enumerate(files):
        if len(articles) >= MAX_FILES:
            problems.append(Problem(str(paths[0]), f"more than {MAX_FILES} articles; read the first {MAX_FILES}, "
                                    f"{len(files) - k} files not read", fatal=False))
            break
        got = read_article(path, stdin if str(path) == "-" else None)
        problems.extend(got.problems)
        for item in got.items[:MAX_FILES - len(articles)]:
            article, front_matter = _article(len(articles) + 1, path, item, got.encoding, got.notes, config)
            if front_matter:
                problems.append(Problem(article.file, f"front matter {front_matter}; ignored", fatal=False))
            articles.append(article)
    label = ", ".join(str(p) for p in paths) if len(paths) != 1 else str(paths[0])
    return Loaded(config=config, articles=tuple(articles), problems=tuple(problems), path=sanitise(label))


def article_from_text(text: str, name: str = "article.txt", n: int = 1, config: StoryConfig | None = None) -> Article:
    """The n-th article of a story, from text as if read from a file called ``name``."""
    kind = format_of(name)
    return _article(n, Path(name), Extracted(text=text, markdown=kind == "markdown"), "utf-8", [],
                    config or StoryConfig())[0]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _article(
    n: int, path: Path, item: Extracted, encoding: str, notes: list[str], config: StoryConfig
) -> tuple[Article, str | None]:
    """The n-th Article of the story, and what was wrong with its front matter (None when nothing)."""
    stdin = str(path) == "-"
    file_name = "standard input" if stdin else path.name
    if item.part:
        file_name = f"{file_name} ({item.part})"
    text, repaired = repair_mojibake(item.text)
    norm = normalise(text, markdown=item.markdown)
    notes = list(notes)
    if repaired:
        notes.append(f"repaired {_plural(repaired, 'mis-decoded character')} (mojibake)")
    if norm.sanitised:
        notes.append(f"sanitised {_plural(norm.sanitised, 'control or bidi character')} (shown as placeholders)")
    meta = config.articles.get(path.name, {}) if not item.part else {}
    given = _str(meta.get("source")) or _clean(item.source) or norm.source
    stem = "" if stdin else path.stem
    article = Article(
        id=f"a{n}",
        file=sanitise(file_name),
        path=sanitise(str(path)),
        text=norm.text,
        title=_str(meta.get("title")) or _clean(item.title) or norm.title,
        subtitle=norm.subtitle,
        source=given or credit_in_text(norm.text, norm.body_start),
        name=sanitise(source_name(given, credit_in_text(norm.text, norm.body_start), stem, n)),
        date=_date(meta.get("date")) or _date(item.date) or norm.date,
        url=_str(meta.get("url")) or _clean(item.url) or norm.url,
        authors=tuple(sanitise(a) for a in item.authors) or ((norm.byline,) if norm.byline else ()),
        dateline=norm.dateline,
        byline=norm.byline or (", ".join(sanitise(a) for a in item.authors) or None),
        encoding=encoding,
        body_start=norm.body_start,
        paragraphs=tuple(norm.paragraphs),
        headings=tuple(norm.headings),
        dropped=tuple(sorted(norm.dropped.items())),
        notes=tuple(notes),
    )
    return article, norm.front_matter_error


def _clean(v: str | None) -> str | None:
    """Metadata from a page or a JSON file: sanitised, on one line, or None."""
    return " ".join(sanitise(v).split()) or None if v else None


def _date(v) -> str | None:
    return parse_date(str(v)) if v is not None else None


def story_title(config: StoryConfig, articles: Iterable[Article], path: str) -> str:
    if config.title:
        return config.title
    for a in articles:
        if a.title:
            return a.title
    return Path(path).name or path
