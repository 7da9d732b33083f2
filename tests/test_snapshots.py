"""SVG snapshots of the main screen (pytest-textual-snapshot). Update with --snapshot-update."""
from __future__ import annotations

from conftest import SEEDS
from tui.core.analysis import analyse
from tui.reader.app import ParallaxApp


def app():
    return ParallaxApp(analyse([str(SEEDS)]), theme="parallax-dark", remember=False)


def test_main_screen_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24))


def test_main_screen_200x50_with_a_shared_remark_selected(snap_compare):
    assert snap_compare(app(), terminal_size=(200, 50), press=["right_square_bracket", "a"])
