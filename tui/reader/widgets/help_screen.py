"""The ``?`` screen: every key, in one place."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from .modal import ReadingModal

KEY_HELP: list[tuple[str, list[tuple[str, str]]]] = [
    ("Quotes", [
        ("n / N", "next / previous in the current set: the pane's quotes, search matches or an actor's quotes"),
        ("] / [", "next / previous remark shared by two sources or more"),
        ("Enter", "inspect the selected remark: every version, word differences marked"),
        ("click", "select the quote under the mouse"),
    ]),
    ("Panes", [
        ("Tab / Shift+Tab, l / h", "focus the next / previous pane"),
        ("1 – 9", "focus pane 1 to 9"),
        ("> / <", "page through the panes when not all fit"),
        ("j k ↑ ↓", "scroll a line"),
        ("Space / b, PgDn / PgUp", "scroll a page"),
        ("g / G", "top / bottom"),
        ("s", "scroll lock: all panes scroll together, aligned on shared remarks"),
    ]),
    ("Story", [
        ("a", "actors panel (Enter chooses an actor: n / N step through their quotes)"),
        ("/", "search all panes (n / N step through the matches)"),
        ("Esc", "close a panel, the search or the actor selection"),
        ("c", "compare: what only one source has, and where sources disagree"),
        ("t", "next theme (remembered)"),
        ("Ctrl+P", "command palette"),
        ("?", "this help"),
        ("q", "quit"),
    ]),
]


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
