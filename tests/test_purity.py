"""The analysis core imports neither Textual nor Rich (checked in a fresh interpreter)."""
from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["tui.model", "tui.load", "tui.normalise", "tui.quotes", "tui.mentions", "tui.attribution",
        "tui.align", "tui.actors", "tui.stance", "tui.findings", "tui.analysis", "tui.lexicon",
        "tui.text", "tui.sanitise", "tui.overrides"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui(module):
    code = (f"import sys, {module}\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
            "print(','.join(bad))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""


def test_analysis_runs_on_the_model_only(seed_story):
    import dataclasses

    assert dataclasses.is_dataclass(seed_story)
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed_story.title = "x"  # type: ignore[misc]
