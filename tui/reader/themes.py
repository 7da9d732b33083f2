"""Themes: YAML files mapped onto Textual's ``Theme``.

Shipped themes live in ``themes/`` (copied into the package when installed); a user's own go
in ``$XDG_CONFIG_HOME/parallax/themes/``. A file has Textual's theme fields (``name``,
``dark``, ``primary``, ``secondary``, ``accent``, ``background``, ``surface``, ``panel``,
``foreground``, ``warning``, ``error``, ``success``, ``ansi``) and ``variables`` for the quote
palette (``quote-0`` .. ``quote-7``), ``quote-single``, ``search``, ``actor-highlight``,
``stance-*`` and ``diff-changed``. Every colour is checked; a broken file becomes one line
in the list of problems and the rest still load.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import re

from textual.color import Color, ColorParseError
from textual.theme import BUILTIN_THEMES, Theme

from ..config import user_themes_dir
from ..core.files import read_bounded, reason
from ..core.safeyaml import YamlError, load_yaml
from ..core.sanitise import sanitise

DEFAULT_THEME = "parallax-dark"
ANSI_THEME = "parallax-ansi"
COLOUR_FIELDS = ("primary", "secondary", "accent", "background", "surface", "panel", "foreground",
                 "warning", "error", "success", "boost")
PALETTE_SIZE = 8
MAX_THEME_BYTES = 64 * 1024
_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}")

# Fallbacks for themes that do not set our variables (Textual's own themes, user themes).
VARIABLE_DEFAULTS = {
    **{f"quote-{i}": c for i, c in enumerate(
        ["#5fafff", "#ffaf5f", "#87d787", "#ff87af", "#d7d75f", "#87d7d7", "#af87ff", "#ff8787"])},
    "quote-single": "#9aa0aa",
    "search": "#ffd75f",
    "actor-highlight": "#d787ff",
    "stance-support": "#87d787",
    "stance-oppose": "#ff5f5f",
    "stance-mixed": "#ffd75f",
    "stance-neutral": "#9aa0aa",
    "stance-unknown": "#6c7280",
    "diff-changed": "#ffaf5f",
}


@dataclass(frozen=True)
class ThemeProblem:
    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


def shipped_themes_dir() -> Path:
    here = Path(__file__).resolve().parent.parent  # the tui package
    for candidate in (here.parent / "themes", here / "_shipped" / "themes"):
        if candidate.is_dir():
            return candidate
    return here.parent / "themes"


def parse_theme(text: str, origin: str) -> tuple[Theme | None, ThemeProblem | None]:
    """One theme from YAML text, or the reason it cannot be used."""
    origin = sanitise(origin)
    try:
        data = load_yaml(text, max_bytes=MAX_THEME_BYTES)
    except YamlError as e:
        return None, ThemeProblem(origin, str(e))
    if not isinstance(data, dict):
        return None, ThemeProblem(origin, "expected a mapping of theme fields")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        return None, ThemeProblem(origin, "missing 'name'")
    if not _NAME_RE.fullmatch(name.strip()):
        return None, ThemeProblem(origin, "'name' may hold only letters, digits, spaces, '.', '_' and '-' (40 at most)")
    if "primary" not in data:
        return None, ThemeProblem(origin, "missing 'primary'")
    fields: dict = {"name": name.strip()}
    for key in COLOUR_FIELDS:
        if key in data and data[key] is not None:
            value = str(data[key])[:64]
            try:
                Color.parse(value)
            except ColorParseError:
                return None, ThemeProblem(origin, f"'{key}' is not a colour: {value!r}")
            fields[key] = value
    variables = data.get("variables") or {}
    if not isinstance(variables, dict):
        return None, ThemeProblem(origin, "'variables' should be a mapping")
    clean = {}
    for key, value in variables.items():
        if isinstance(value, (dict, list)):
            return None, ThemeProblem(origin, f"variable '{key}' should be a single value")
        value = str(value)[:64]
        if str(key).startswith(("quote-", "search", "actor-", "stance-", "diff-")):
            try:
                Color.parse(value)
            except ColorParseError:
                return None, ThemeProblem(origin, f"variable '{key}' is not a colour: {value!r}")
        clean[str(key)] = value
    fields["dark"] = bool(data.get("dark", True))
    fields["ansi"] = bool(data.get("ansi", False))
    if fields["ansi"]:
        # Textual's ANSI colour system needs a few variables only its own ANSI themes set
        base = BUILTIN_THEMES["ansi-dark" if fields["dark"] else "ansi-light"].variables
        clean = {**base, **clean}
    fields["variables"] = clean
    try:
        return Theme(**fields), None
    except (TypeError, ValueError) as e:  # pragma: no cover - Theme validates little
        return None, ThemeProblem(origin, str(e))


def load_themes(extra_dirs: list[Path] | None = None) -> tuple[list[Theme], list[ThemeProblem]]:
    """Shipped themes, then the user's (a user theme may replace a shipped one by name)."""
    themes: dict[str, Theme] = {}
    problems: list[ThemeProblem] = []
    dirs = [shipped_themes_dir(), user_themes_dir(), *(extra_dirs or [])]
    for folder in dirs:
        try:
            files = sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []
        except OSError as e:
            problems.append(ThemeProblem(sanitise(str(folder)), reason(e)))
            continue
        for path in files:
            try:
                text = read_bounded(path, MAX_THEME_BYTES).decode("utf-8", errors="replace")
            except OSError as e:
                problems.append(ThemeProblem(sanitise(path.name), reason(e)))
                continue
            theme, problem = parse_theme(text, path.name)
            if problem:
                problems.append(problem)
            elif theme:
                themes[theme.name] = theme
    return list(themes.values()), problems


def choose_theme(
    requested: str | None, saved: str | None, available: set[str], limited_colour: bool
) -> tuple[str, str | None]:
    """The theme to start with, and a message when a request could not be honoured.

    An explicit ``--theme`` wins; otherwise a 16-colour terminal or NO_COLOR gets the ANSI
    theme; otherwise the last choice; otherwise the default."""
    if requested:
        if requested in available:
            return requested, None
        fallback = ANSI_THEME if limited_colour else DEFAULT_THEME
        return fallback, f"unknown theme {requested!r}; using {fallback} (see README for the list)"
    if limited_colour and ANSI_THEME in available:
        return ANSI_THEME, None
    if saved in available:
        return saved, None
    return DEFAULT_THEME if DEFAULT_THEME in available else sorted(available)[0], None
