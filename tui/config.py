"""User configuration under ``$XDG_CONFIG_HOME/parallax`` (never inside a story folder).

``config.yaml`` remembers the last theme; ``themes/*.yaml`` holds the user's own themes.
Files are written atomically (a temporary file in the same folder, then a rename), so a crash
cannot leave a half-written file.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import yaml

from .core.sanitise import sanitise


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "parallax"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "parallax"


def reports_dir() -> Path:
    """Where the reader's `e` writes reports (never into the story folder)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "parallax" / "reports"


def write_crash_log(details: str) -> Path | None:
    """Keep a traceback for a bug report (atomically, in the cache folder). None if it failed."""
    import time

    path = cache_dir() / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    try:
        atomic_write(path, details, mode=0o600)
    except OSError:
        return None
    return path


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, text: str, mode: int | None = None) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``.

    The file gets ``mode``, else the mode of the file it replaces, else what the umask gives."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except OSError:
            mode = _default_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class OutputError(Exception):
    """An output path that cannot be written (a folder, a missing folder): a usage error."""


def write_output(path: str | Path, text: str) -> None:
    """Write a report to ``path``, one behaviour for every format.

    A regular file (or a new one) is replaced atomically; a link to one replaces its target and
    keeps the link; a pipe or a device (``/dev/stdout``, a FIFO) is written in place, never
    replaced. A folder, or a file in a folder that does not exist, is an :class:`OutputError`:
    nothing is created silently."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(f"{sanitise(str(p))}: {e.strerror or 'cannot be used'}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{sanitise(str(p))} is a folder; give a file name")
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(p, "w", encoding="utf-8", errors="replace") as fh:
            fh.write(text)
        return
    target = Path(os.path.realpath(p))
    if not target.parent.is_dir():
        raise OutputError(f"{sanitise(str(p.parent))}: no such folder")
    atomic_write(target, text)


SETTINGS = {"theme": str}  # what config.yaml may hold, and the type of each value
MAX_CONFIG_BYTES = 64 * 1024


def read_config_file() -> tuple[dict, str | None]:
    """The saved settings, and a one-line message when the file could not be used.

    A missing file is no problem; a malformed one (bad YAML, a list, a value of the wrong type,
    an alias bomb) gives the defaults and a message, never an error at start-up."""
    from .core.files import read_bounded, reason
    from .core.safeyaml import YamlError, load_yaml

    path = config_dir() / "config.yaml"
    if not (path.exists() or path.is_symlink()):
        return {}, None
    where = sanitise(str(path))
    try:
        raw = read_bounded(path, MAX_CONFIG_BYTES)
        if len(raw) > MAX_CONFIG_BYTES:
            return {}, f"{where}: larger than {MAX_CONFIG_BYTES // 1024} KB; using defaults"
        data = load_yaml(raw.decode("utf-8", errors="replace"))
    except OSError as e:
        return {}, f"{where}: {reason(e)}; using defaults"
    except YamlError as e:
        return {}, f"{where}: {e}; using defaults"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, f"{where}: expected a mapping (theme: NAME); using defaults"
    settings = {k: v for k, v in data.items() if k in SETTINGS and isinstance(v, SETTINGS[k])}
    wrong = sorted(str(k) for k in data if k in SETTINGS and k not in settings)
    if wrong:
        return settings, f"{where}: {', '.join(wrong)} has a value of the wrong kind; ignored"
    return settings, None


def load_config() -> dict:
    """The saved settings (defaults when the file is missing or malformed)."""
    return read_config_file()[0]


def save_config(**changes) -> bool:
    """Merge ``changes`` into config.yaml. Returns False when it could not be written."""
    data = load_config()
    data.update(changes)
    try:
        atomic_write(config_dir() / "config.yaml", yaml.safe_dump(data, sort_keys=True))
    except OSError:
        return False
    return True
