"""The ``c`` screen: what only one source has, and where the sources disagree."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...core.model import Story
from ...core.sanitise import one_line
from .modal import ReadingModal

SECTIONS = [
    ("number", "Numbers that disagree"),
    ("wording", "One remark, different words"),
    ("single-source-quote", "Remarks only one source quotes"),
    ("single-source-actor", "Actors only one source names"),
]


class FindingsScreen(ReadingModal):
    BINDINGS = [Binding("escape,q,c", "dismiss", "Close")]

    def __init__(self, story: Story, **kwargs) -> None:
        super().__init__(**kwargs)
        self.story = story

    def compose(self):
        text = Text("Compare the sources\n", style="bold")
        for kind, title in SECTIONS:
            items = [f for f in self.story.findings if f.kind == kind]
            text.append(f"\n{title} ({len(items)})\n", style="bold underline")
            if not items:
                text.append("  none\n", style="dim")
            for f in items:
                text.append("  • " + one_line(f.summary, 400) + "\n")
        with VerticalScroll(id="findings-body"):
            yield Static(text)
            yield Static(Text("Esc closes.", style="dim"))

