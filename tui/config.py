"""User configuration under ``$XDG_CONFIG_HOME/parallax`` (never inside a story folder).

``config.yaml`` remembers the last theme; ``themes/*.yaml`` holds the user's own themes.
Files are written atomically (a temporary file in the same folder, then a rename), so a crash
cannot leave a half-written file.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "parallax"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "parallax"


def write_crash_log(details: str) -> Path | None:
    """Keep a traceback for a bug report (atomically, in the cache folder). None if it failed."""
    import time

    path = cache_dir() / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    try:
        atomic_write(path, details)
    except OSError:
        return None
    return path


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def atomic_write(path: Path, text: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def load_config() -> dict:
    """The saved settings; an unreadable or malformed file gives defaults."""
    path = config_dir() / "config.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def save_config(**changes) -> bool:
    """Merge ``changes`` into config.yaml. Returns False when it could not be written."""
    data = load_config()
    data.update(changes)
    try:
        atomic_write(config_dir() / "config.yaml", yaml.safe_dump(data, sort_keys=True))
    except OSError:
        return False
    return True
