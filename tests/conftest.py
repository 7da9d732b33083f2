"""Shared test helpers: build articles from small texts, find the seeds and the venv."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "seeds_gold.yaml"


def parallax_command() -> list[str]:
    """The installed console script (next to this Python), else ``python -m tui``."""
    exe = Path(sys.executable).parent / "parallax"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("parallax")
    return [found] if found else [sys.executable, "-m", "tui"]


def make_article(text: str, name: str = "t.txt", aid: str = "a1"):
    """An Article from raw text, through the real normaliser."""
    from tui.core.load import article_from_text

    return article_from_text(text, name, int(aid[1:]))


@pytest.fixture
def story_dir(tmp_path):
    """Write files into a fresh story folder: story_dir({"a.txt": "..."})."""

    def write(files: dict[str, str | bytes]) -> Path:
        d = tmp_path / "story"
        d.mkdir(exist_ok=True)
        for name, content in files.items():
            p = d / name
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
        return d

    return write


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path, monkeypatch):
    """Never touch the real user's config: every test gets its own XDG_CONFIG_HOME."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


@pytest.fixture(scope="session")
def seed_story():
    from tui.core.analysis import analyse

    return analyse([str(SEEDS)])


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
