"""A modal screen to read in: scroll keys like the panes, and a key (or three) to close it."""
from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen


class ReadingModal(ModalScreen):
    """Subclasses add their close keys: ``Binding("escape,q", "dismiss", "Close")``."""

    BINDINGS = [
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "scroll(10)", "Page down", show=False),
        Binding("b,pageup", "scroll(-10)", "Page up", show=False),
        Binding("G,end", "scroll(100000)", "Bottom", show=False),
        Binding("g,home", "scroll(-100000)", "Top", show=False),
    ]

    def action_scroll(self, delta: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=delta, animate=False)

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(result)
