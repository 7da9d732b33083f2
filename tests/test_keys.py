"""One key table makes the bindings, the help screen, the palette and the README's table."""
from __future__ import annotations

from pathlib import Path

from tui.reader.keys import KEYS, bindings, help_sections, markdown_table, palette_entries
from tui.reader.screen import ReaderScreen

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_key_table_is_the_key_table():
    assert markdown_table() in README.read_text(encoding="utf-8"), (
        "README's key table differs from tui/reader/keys.py; paste this into README.md:\n" + markdown_table())


def test_bindings_help_and_palette_come_from_the_table():
    actions = {k.action for row in KEYS for k in row.bindings}
    assert {b.action for b in ReaderScreen.BINDINGS} == actions == {b.action for b in bindings()}
    shown = [keys for _, rows in help_sections() for keys, _ in rows]
    assert shown == [row.shown for row in KEYS]
    assert {a for _, _, a in palette_entries()} <= actions
    keys = [key for b in bindings() for key in b.key.split(",")]
    assert len(keys) == len(set(keys)), "a key is bound twice"


async def test_every_palette_entry_runs(seed_story):
    from tui.reader.app import ParallaxApp

    app = ParallaxApp(seed_story, remember=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        titles = {c.title: c for c in app.get_system_commands(app.screen)}
        for title, _, action in palette_entries():
            if action in ("app.quit", "help", "compare", "inspect"):
                continue
            await titles[title].callback()
            await pilot.pause()
        assert app.screen.scroll_lock  # "Scroll lock" ran
        assert app.is_running
