"""The quote inspector: every version of one remark, stacked, with word differences marked."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...core.align import JOINED
from ...core.diff import diff_words
from ...core.model import Story, Via
from ...core.sanitise import one_line
from .modal import ReadingModal


MAX_VERSIONS = 8  # parts of the remark shown per source (a pathological file may have thousands)
MAX_CHARS = 2000  # characters of one version compared word by word


def sentence_around(text: str, start: int, end: int, limit: int = 320) -> tuple[str, int, int]:
    """The sentence (or paragraph) holding ``[start, end)``: (text, quote start, quote end) in it."""
    a = max(text.rfind("\n", 0, start) + 1, 0)
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    head = tail = ""
    if b - a > limit:  # shorten around the quote, between words, and say so
        if start - a > limit // 3:
            cut = text.find(" ", start - limit // 3, start)
            a, head = (cut + 1, "…") if cut >= 0 else (a, "")
        if b - end > limit // 3:
            cut = text.rfind(" ", end, end + limit // 3)
            b, tail = (cut, "…") if cut >= 0 else (b, "")
    return head + text[a:b] + tail, start - a + len(head), end - a + len(head)


def article_info(a) -> str:
    """The file, date, byline and URL of an article, on one line (what its name stands for)."""
    parts = [a.file, a.date, f"by {', '.join(a.authors)}" if a.authors else None, a.url]
    return one_line(" · ".join(p for p in parts if p))


class QuoteInspector(ReadingModal):
    """Shows the selected remark as each source renders it."""

    COMPONENT_CLASSES = {"inspector--changed"}
    BINDINGS = [Binding("escape,q,enter", "dismiss", "Close")]

    def __init__(self, story: Story, quote_id: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.story = story
        self.quote_id = quote_id

    def build(self) -> list[Text]:
        story = self.story
        changed_style = self.get_component_rich_style("inspector--changed", partial=True)
        quote = story.quote(self.quote_id)
        group = story.group(quote.group) if quote.group else None
        members = [story.quote(q) for q in group.quotes] if group else [quote]
        speaker = story.actor(quote.speaker).name if quote.speaker else "speaker not named"
        n = len(story.articles)
        reference = " ".join(q.text for q in members[:1000] if q.article == quote.article)
        blocks = [
            Text.assemble(("Remark", "bold"), " — ", (one_line(speaker), "bold"),
                          f" — in {len({q.article for q in members})} of {n} sources"),
            Text("Words that differ from the selected version are marked.", style="dim"),
        ]
        for a in story.articles:
            versions = [q for q in members if q.article == a.id]
            head = Text.assemble((one_line(a.label), "bold underline"), "  ", (article_info(a), "dim"))
            if not versions:
                blocks.append(Text.assemble(head, "\n", ("— not in this source", "italic dim")))
                continue
            body = Text()
            body.append_text(head)
            for q in versions[:MAX_VERSIONS]:
                body.append("\n“")
                for piece, changed in diff_words(reference[:MAX_CHARS], one_line(q.text, MAX_CHARS)):
                    body.append(piece, style=changed_style if changed and q.article != quote.article else "")
                body.append("”")
                who = story.actor(q.speaker).name if q.speaker else "speaker not named"
                if q.via in (Via.NAMED_ELSEWHERE, Via.HEAD_OF_BODY):
                    here = q.speaker_text or "its organisation"
                    who += f" (this source says {here}; another source names the speaker)"
                body.append(f"  — {one_line(who)}", style="italic")
                if group is not None and group.shared and q.id != quote.id:
                    body.append(f"  ({JOINED.get(group.how(q.id), group.how(q.id))})", style="dim")
            if len(versions) > MAX_VERSIONS:
                body.append(f"\n… and {len(versions) - MAX_VERSIONS} more parts in this source", style="dim")
            context, s, e = sentence_around(a.text, versions[0].start, versions[0].end)
            ctx = Text("\n  ", style="dim")
            for piece, style in ((context[:s], "dim"), (context[s:e], "dim bold"), (context[e:], "dim")):
                folded = one_line(piece)  # white space folded, but the spaces at the joins kept
                lead = " " if piece[:1].isspace() and folded else ""
                trail = " " if piece[-1:].isspace() and folded else ""
                ctx.append(lead + folded + trail, style=style)
            body.append_text(ctx)
            blocks.append(body)
        return blocks

    def compose(self):
        with VerticalScroll(id="inspector-body"):
            yield Static("", id="inspector-blocks")
            yield Static(Text("Esc closes.", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#inspector-blocks", Static).update(Text("\n\n").join(self.build()))

