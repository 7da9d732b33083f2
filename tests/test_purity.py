"""The tree shows the architecture: ``tui/core/`` (and the top-level modules the command line
needs before the reader starts) import neither Textual nor Rich; only ``tui/reader/`` imports
Textual; ``tui/export/`` may use Rich for terminal text. Checked in a fresh interpreter for
every module found by walking the folders, so a new module is covered without a list."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parent.parent / "tui"


def modules(folder: Path) -> list[str]:
    out = []
    for p in sorted(folder.rglob("*.py")):
        parts = p.relative_to(TUI.parent).with_suffix("").parts
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


PURE = modules(TUI / "core") + ["tui.config", "tui.cli", "tui"]


@pytest.mark.parametrize("module", PURE)
def test_core_module_imports_no_ui(module):
    code = (f"import sys, {module}\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
            "print(','.join(bad))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""


def test_only_the_reader_imports_textual():
    for p in TUI.rglob("*.py"):
        if TUI / "reader" in p.parents:
            continue
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] == "textual" for n in names), p


def test_analysis_runs_on_the_model_only(seed_story):
    import dataclasses

    assert dataclasses.is_dataclass(seed_story)
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed_story.title = "x"  # type: ignore[misc]
