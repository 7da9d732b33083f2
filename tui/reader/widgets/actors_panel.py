"""The actors panel: who is in the story, where each stands, and the evidence for it."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.model import Actor, Evidence, Story
from ...export import STANCE_SYMBOLS
from ...core.sanitise import one_line

POLARITY_SYMBOLS = {1: "+", -1: "−", 0: "·"}


class ActorsPanel(Vertical):
    """A list of actors (Enter chooses one) and the stance evidence of the highlighted one."""

    COMPONENT_CLASSES = {f"actors-panel--{s}" for s in STANCE_SYMBOLS}
    # keys of the panel itself (the focused list or evidence): they shadow the panes' j/k
    BINDINGS = [
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
        Binding("l,right", "to_evidence", "Evidence", show=False),
        Binding("h,left", "to_list", "List", show=False),
    ]

    class ActorChosen(Message):
        def __init__(self, actor_id: str) -> None:
            super().__init__()
            self.actor_id = actor_id

    class EvidenceChosen(Message):
        def __init__(self, evidence: Evidence) -> None:
            super().__init__()
            self.evidence = evidence

    def __init__(self, story: Story, **kwargs) -> None:
        super().__init__(**kwargs)
        self.story = story
        self.list = OptionList(id="actor-list")
        self.evidence = Static("", id="evidence")  # the stance, and why
        self.evidence_list = OptionList(id="evidence-list")  # the evidence: Enter goes there
        self.shown: str | None = None

    def compose(self):
        yield Static(Text(f"Actors ({len(self.story.actors)})", style="bold"), id="actors-title")
        yield self.list
        yield self.evidence
        yield self.evidence_list

    def action_move(self, delta: int) -> None:
        """j/k move in the actor list, or in the evidence when it has focus."""
        box = self.evidence_list if self.evidence_list.has_focus else self.list
        if delta > 0:
            box.action_cursor_down()
        else:
            box.action_cursor_up()

    def action_to_evidence(self) -> None:
        if self.evidence_list.option_count:
            self.evidence_list.focus()
            if self.evidence_list.highlighted is None:
                self.evidence_list.highlighted = 0

    def action_to_list(self) -> None:
        self.list.focus()

    def on_mount(self) -> None:
        self.rebuild()
        self.watch(self.app, "theme", lambda _: self.rebuild(), init=False)

    def stance_text(self, actor: Actor) -> Text:
        style = self.get_component_rich_style(f"actors-panel--{actor.stance}", partial=True)
        return Text(f"{STANCE_SYMBOLS[actor.stance]} {actor.stance}", style=style)

    def rebuild(self) -> None:
        highlighted = self.list.highlighted
        n = len(self.story.articles)
        options = []
        for x in self.story.actors:
            line1 = Text.assemble(self.stance_text(x), "  ", (one_line(x.name), "bold"))
            details = [one_line(x.role, 30)] if x.role else []
            details.append(f"{len(x.articles)}/{n} sources")
            details.append(f"{len(x.quotes)} quote{'s' if len(x.quotes) != 1 else ''}")
            line2 = Text("   " + " · ".join(details), style="dim")
            options.append(Option(Text.assemble(line1, "\n", line2), id=x.id))
        self.list.clear_options()
        self.list.add_options(options)
        if options:
            self.list.highlighted = highlighted if highlighted is not None else 0
            self.show_evidence(self.story.actors[self.list.highlighted or 0].id)

    def show_evidence(self, actor_id: str) -> None:
        x = self.story.actor(actor_id)
        self.shown = actor_id
        labels = {a.id: a.label for a in self.story.articles}
        text = Text.assemble(("Stance: ", "bold"), self.stance_text(x), (" — " + one_line(x.name), "bold"), "\n")
        if x.overridden:
            text.append("set in story.yaml\n", style="italic")
        elif x.stance_reason:
            text.append("Why: " + one_line(x.stance_reason, 160) + "\n", style="italic")
        if not x.evidence:
            text.append("No evidence: nothing in the articles says where this actor stands.", style="dim")
        else:
            text.append("Evidence (l, then Enter goes to it):", style="dim")
        self.evidence.update(text)
        options = []
        for k, e in enumerate(x.evidence):
            line = Text()
            line.append(f"{POLARITY_SYMBOLS[e.polarity]} ", style="bold")
            line.append(one_line(labels.get(e.article, e.article), 24) + ": ", style="dim")
            line.append(one_line(e.text, 220))
            if e.cue:
                line.append(f"  [{one_line(e.cue, 80)}]", style="italic dim")
            options.append(Option(line, id=f"{actor_id}:{k}"))
        self.evidence_list.clear_options()
        self.evidence_list.add_options(options)

    def evidence_text(self) -> str:
        """Everything the evidence part shows, as plain text."""
        return "\n".join([str(self.evidence.render()), *(str(o.prompt) for o in self.evidence_list.options)])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.list and event.option.id:
            self.show_evidence(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self.evidence_list and event.option.id:
            actor_id, k = event.option.id.rsplit(":", 1)
            self.post_message(self.EvidenceChosen(self.story.actor(actor_id).evidence[int(k)]))
        elif event.option.id:
            self.post_message(self.ActorChosen(event.option.id))
