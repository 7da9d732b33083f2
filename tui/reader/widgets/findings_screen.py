"""The ``c`` screen: what only one source has, where the sources disagree, and a legend of the
shared remarks' colours.

Each finding is a line of a list: ``j``/``k`` move, ``Enter`` closes the screen and brings the
place it is about into view (the remark selected, or the numbers' sentence shown)."""
from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.model import Finding, Story
from ...core.sanitise import one_line
from .article_pane import PALETTE
from .modal import ReadingModal

SECTIONS = [
    ("number", "Numbers that disagree"),
    ("wording", "One remark, different words"),
    ("single-source-quote", "Remarks only one source quotes"),
    ("single-source-actor", "Actors only one source names"),
]


def swatch_style(colour: str | None) -> Style:
    """A theme colour ("#5fafff", "ansi_bright_blue") as a Rich style for a swatch."""
    try:
        return Style(color=Color.parse(colour).rich_color, underline=True) if colour else Style(underline=True)
    except ColorParseError:
        return Style(underline=True)


class FindingsScreen(ReadingModal):
    """Dismissed with the chosen ``Finding`` (or None)."""

    BINDINGS = [Binding("escape,q,c", "dismiss", "Close")]

    def __init__(self, story: Story, colours: dict[str, int] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.story = story
        self.colours = colours or {}
        self.chosen: dict[str, Finding] = {}

    def legend(self) -> list[Option]:
        """Which colour is which remark: a swatch in the pane's colour, the speaker, the words."""
        if not self.colours:
            return []
        variables = self.app.theme_variables
        options = [Option(Text(f"Colours of the shared remarks ({len(self.colours)})", style="bold underline"),
                          disabled=True)]
        for gid, slot in self.colours.items():
            g = self.story.group(gid)
            first = max((self.story.quote(q) for q in g.quotes), key=lambda q: len(q.text))
            who = self.story.actor(g.speaker).name if g.speaker else "unnamed"
            line = Text("  ")
            line.append(" ■ remark ", style=swatch_style(variables.get(f"quote-{slot % PALETTE}")))
            line.append(f" {one_line(who, 30)}: “{one_line(first.text, 80)}” — in {len(g.articles)} sources")
            key = f"legend-{gid}"
            self.chosen[key] = Finding("legend", first.text, g.articles, refs=(gid,))
            options.append(Option(line, id=key))
        return options

    def compose(self):
        yield Static(Text("Compare the sources — Enter goes to a finding, Esc closes", style="bold"))
        options: list[Option] = []
        for kind, title in SECTIONS:
            items = [f for f in self.story.findings if f.kind == kind]
            options.append(Option(Text(f"{title} ({len(items)})", style="bold underline"), disabled=True))
            if not items:
                options.append(Option(Text("  none", style="dim"), disabled=True))
            for n, f in enumerate(items):
                key = f"{kind}-{n}"
                self.chosen[key] = f
                options.append(Option(Text("  • " + one_line(f.summary, 400)), id=key))
        yield OptionList(*options, id="findings-list")

    def on_mount_legend(self) -> None:
        self.query_one(OptionList).add_options(self.legend())

    def on_mount(self) -> None:
        self.on_mount_legend()
        box = self.query_one(OptionList)
        box.focus()
        first = next((i for i, o in enumerate(box.options) if not o.disabled), None)
        if first is not None:
            box.highlighted = first

    def action_scroll(self, delta: int) -> None:
        box = self.query_one(OptionList)
        if abs(delta) >= 1000:
            box.action_last() if delta > 0 else box.action_first()
            box.scroll_to(y=box.max_scroll_y if delta > 0 else 0, animate=False, immediate=True)
            return
        for _ in range(abs(delta)):
            box.action_cursor_down() if delta > 0 else box.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id in self.chosen:
            self.dismiss(self.chosen[event.option.id])
