"""Read a story from disk: a folder (or a list of files) of ``.txt`` / ``.md`` articles.

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
from .model import Article, Problem
from .normalise import normalise, parse_date
from .safeyaml import MAX_BYTES as MAX_YAML_BYTES
from .safeyaml import YamlError, load_yaml
from .sanitise import sanitise

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
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
    """Why this looks like a binary file, or None for text."""
    if not data:
        return None
    sample = text[:65536]
    if not sample:
        return None
    nul = sample.count("\x00")
    if nul / len(sample) > 0.01:
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


def find_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path], list[Problem]]:
    """The candidate article files named by ``paths`` (folders are listed, not recursed).

    Returns (files in name order, folders holding them, problems). Links that lead out of a
    story folder are named and skipped: a downloaded story must not pull in a private file."""
    files: list[Path] = []
    folders: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        try:
            if p.is_dir():
                folders.append(p)
                entries = sorted(os.scandir(p), key=lambda e: e.name.casefold())
                for entry in entries:
                    if entry.name.startswith(".") or not entry.name.lower().endswith(ARTICLE_SUFFIXES):
                        continue
                    if _outside(entry, p):
                        problems.append(Problem(entry.name, "a link that leads out of the story folder; skipped"))
                        continue
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
        key = str(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    if len(unique) > MAX_CANDIDATES:
        problems.append(
            Problem(str(paths[0]), f"{len(unique)} files; looking at the first {MAX_CANDIDATES}", fatal=False)
        )
        unique = unique[:MAX_CANDIDATES]
    return unique, folders, problems


def read_article(path: Path) -> tuple[str | None, str, list[str], Problem | None]:
    """Read one file. Returns (text or None, encoding, notes, problem)."""
    notes: list[str] = []
    try:
        data = read_bounded(path, MAX_BYTES)
    except OSError as e:
        return None, "", notes, Problem(path.name, reason(e))
    problem = None
    if len(data) > MAX_BYTES:
        data = data[:MAX_BYTES]
        cut = data.rfind(b"\n")
        if cut > MAX_BYTES // 2:
            data = data[:cut]
        problem = Problem(
            path.name,
            f"larger than {MAX_BYTES // (1024 * 1024)} MB; read the first {MAX_BYTES // (1024 * 1024)} MB",
            fatal=False,
        )
        notes.append(f"truncated at {MAX_BYTES // (1024 * 1024)} MB")
    text, encoding, bad = decode(data)
    why = binary_reason(data, text)
    if why:
        return None, encoding, notes, Problem(path.name, f"{why}; skipped")
    if not text.strip():
        return None, encoding, notes, Problem(path.name, "empty; skipped")
    if encoding != "utf-8":
        notes.append(f"decoded as {encoding}")
    if bad:
        notes.append(f"{bad} undecodable byte{'s' if bad != 1 else ''} shown as \ufffd")
    return text, encoding, notes, problem


_TOLD_RE = re.compile(
    r"\b(?:told|said in an interview with|speaking to|in an interview with)\s+(?:the\s+)?(?P<o>[A-Z][\w/&.\- ]{1,40})"
)


def guess_source(text: str) -> str | None:
    """An outlet the article itself names as its interviewer ("he told RFE/RL")."""
    from .lexicon import lexicon

    lex = lexicon()
    found: set[str] = set()
    for m in _TOLD_RE.finditer(text):
        words = m.group("o").split()
        for n in range(min(len(words), 4), 0, -1):
            cand = " ".join(words[:n]).rstrip(".,")
            hit = lex.surfaces.get(cand)
            if hit and hit[0].kind == "outlet":
                found.add(hit[0].name)
                break
    return found.pop() if len(found) == 1 else None


def load(paths: Sequence[str | Path]) -> Loaded:
    """Load every article named by ``paths``; never raises for a bad file.

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
        text, encoding, notes, problem = read_article(path)
        if problem:
            problems.append(problem)
        if text is None:
            continue
        article, front_matter = _article(f"a{len(articles) + 1}", path, text, encoding, notes, config)
        if front_matter:
            problems.append(Problem(path.name, f"front matter {front_matter}; ignored", fatal=False))
        articles.append(article)
    label = ", ".join(str(p) for p in paths) if len(paths) != 1 else str(paths[0])
    return Loaded(config=config, articles=tuple(articles), problems=tuple(problems), path=sanitise(label))


def _article(
    aid: str, path: Path, raw: str, encoding: str, notes: list[str], config: StoryConfig
) -> tuple[Article, str | None]:
    """The Article, and what was wrong with its front matter (None when nothing)."""
    norm = normalise(raw, markdown=path.suffix.lower() in (".md", ".markdown"))
    unsafe = norm.sanitised
    if unsafe:
        notes = [
            *notes,
            f"sanitised {unsafe} control or bidi character{'s' if unsafe != 1 else ''} (shown as placeholders)",
        ]
    meta = config.articles.get(path.name, {})
    date = parse_date(str(meta["date"])) if meta.get("date") is not None else norm.date
    source = _str(meta.get("source")) or norm.source or guess_source(norm.text)
    article = Article(
        id=aid,
        file=sanitise(path.name),
        path=sanitise(str(path)),
        text=norm.text,
        title=_str(meta.get("title")) or norm.title,
        subtitle=norm.subtitle,
        source=source,
        date=date,
        url=_str(meta.get("url")) or norm.url,
        dateline=norm.dateline,
        byline=norm.byline,
        encoding=encoding,
        body_start=norm.body_start,
        paragraphs=tuple(norm.paragraphs),
        headings=tuple(norm.headings),
        dropped=tuple(sorted(norm.dropped.items())),
        notes=tuple(notes),
    )
    return article, norm.front_matter_error


def story_title(config: StoryConfig, articles: Iterable[Article], path: str) -> str:
    if config.title:
        return config.title
    for a in articles:
        if a.title:
            return a.title
    return Path(path).name or path
