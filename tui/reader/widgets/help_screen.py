"""The ``?`` screen: every key, in one place."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..keys import help_sections
from .modal import ReadingModal

KEY_HELP = help_sections()  # from the one key table (tui/reader/keys.py)


class HelpScreen(ReadingModal):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self):
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for section, rows in KEY_HELP:
            table.add_row(Text(section, style="bold underline"), "")
            for keys, what in rows:
                table.add_row(keys, what)
            table.add_row("", "")
        with VerticalScroll(id="help-body"):
            yield Static(Text("Parallax keys", style="bold"), id="help-title")
            yield Static(table)
            yield Static(Text("Esc closes this screen.", style="dim"))
