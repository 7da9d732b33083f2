"""One article: a title bar and a fast scrolling view of its text with quotes highlighted.

``ArticleView`` is a Line API widget (a ``ScrollView`` that renders only the rows on screen).
Rows come from :mod:`tui.widgets.wrap`; each rendered row is a ``Strip`` cached under a key
that holds everything that decides its look (row, width, theme, the highlight spans on it),
so moving the selection re-renders only the rows whose highlight changed.

Text from the file is sanitised (control and bidi characters shown as placeholders, tabs as
spaces; one character for one, so offsets hold) and rendered as plain ``Text``: never markup.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.color import Color
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from ...core.model import Article, Quote, Story
from ...core.sanitise import one_line, sanitise
from ..contrast import readable
from .wrap import Layout, wrap

PALETTE = 8


@dataclass
class Highlight:
    """What the app wants shown in one pane."""

    selected: str | None = None  # the selected quote (shown strongly)
    group: str | None = None  # its remark: counterparts shown strongly too
    matches: list[tuple[int, int]] = field(default_factory=list)  # search matches in this article
    current_match: tuple[int, int] | None = None
    actor_quotes: frozenset[str] = frozenset()


class ArticleView(ScrollView, can_focus=True):
    """The scrolling text of one article."""

    COMPONENT_CLASSES = {
        *(f"article-view--quote-{i}" for i in range(PALETTE)),
        "article-view--single",
        "article-view--selected",
        "article-view--counterpart",
        "article-view--search",
        "article-view--search-current",
        "article-view--actor",
        "article-view--heading",
    }

    class QuoteClicked(Message):
        def __init__(self, view: ArticleView, quote: str) -> None:
            super().__init__()
            self.view = view
            self.quote = quote

    class Scrolled(Message):
        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

    def __init__(self, article: Article, quotes: list[Quote], colours: dict[str, int], **kwargs) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.display_text = sanitise(article.text).replace("\t", " ")
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self._quote_starts = [q.start for q in self.quotes]
        self.colours = colours
        self.highlight = Highlight()
        self.layout_rows: Layout = wrap(self.display_text, 40)
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: dict[tuple[str, int], Style] = {}
        self._generation = 0  # bumped when styles change (theme)
        self._heading_spans = list(article.headings)
        self._pending: tuple[int, int] | None = None

    # ------------------------------------------------------------------ layout
    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self, _theme: str) -> None:
        self._generation += 1
        self._cache.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.relayout()

    @property
    def text_width(self) -> int:
        return max(4, self.scrollable_content_region.width or self.size.width or 40)

    def relayout(self) -> None:
        width = self.text_width
        if width == self.layout_rows.width and self.virtual_size.height == len(self.layout_rows):
            return
        top = (
            self.layout_rows.rows[min(int(self.scroll_y), len(self.layout_rows) - 1)][0] if self.layout_rows.rows else 0
        )
        self.layout_rows = wrap(self.display_text, width)
        self._cache.clear()
        self.virtual_size = Size(width, len(self.layout_rows))
        self.scroll_to(y=self.layout_rows.row_of(top), animate=False, immediate=True)
        self.refresh()
        if self._pending is not None:
            # the new virtual size sets the scroll limits on the next refresh: scroll after it
            self.call_after_refresh(self._show_pending)

    def _show_pending(self) -> None:
        if self._pending is not None:
            self.show_span(*self._pending)

    # ------------------------------------------------------------------ queries
    @property
    def top_offset(self) -> int:
        """The offset at the top of the view (for "next quote after here")."""
        rows = self.layout_rows.rows
        return rows[min(int(self.scroll_y), len(rows) - 1)][0] if rows else 0

    def visible_rows(self) -> tuple[int, int]:
        top = int(self.scroll_y)
        return top, top + max(1, self.scrollable_content_region.height)

    def is_visible(self, start: int, end: int) -> bool:
        top, bottom = self.visible_rows()
        r0 = self.layout_rows.row_of(start)
        r1 = self.layout_rows.row_of(max(start, end - 1))
        return r0 >= top and r1 < bottom

    def show_span(self, start: int, end: int) -> bool:
        """Scroll so that ``[start, end)`` is in view (a third from the top). True if it moved.

        A view not laid out yet (just put on screen) remembers the span and shows it after."""
        if not self.size.height or self.layout_rows.width != self.text_width:
            self._pending = (start, end)
            return False
        self._pending = None
        if self.is_visible(start, end):
            return False
        height = max(1, self.scrollable_content_region.height)
        r0 = self.layout_rows.row_of(start)
        self.scroll_to(y=max(0, r0 - height // 3), animate=False, immediate=True)
        return True

    def quote_at(self, offset: int) -> Quote | None:
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def set_highlight(self, highlight: Highlight) -> None:
        self.highlight = highlight
        self.refresh()  # only the rows on screen render; unchanged rows come from the cache

    # ------------------------------------------------------------------ rendering
    def blended_style(self, name: str) -> Style:
        """A component's Rich style with a translucent background blended over the view's own
        (Rich has no alpha: ``$actor-highlight 25%`` would otherwise paint at full strength)."""
        key = (name, self._generation)
        style = self._styles.get(key)
        if style is None:
            c = self.get_component_styles(name)
            bg = c.background if c.has_rule("background") and c.background.a > 0 else None
            fg = c.color if c.has_rule("color") and c.color.a > 0 else None
            under = self.background_colors[1]

            def over(colour: Color | None) -> Color | None:
                if colour is None or colour.ansi is not None or under.ansi is not None:
                    return colour  # a terminal's own colours cannot be blended here
                return under + colour

            fg, bg = over(fg), over(bg)
            style = Style(color=fg.rich_color if fg else None, bgcolor=bg.rich_color if bg else None) + c.text_style
            self._styles[key] = style
        return style

    def _spans(self, a: int, b: int) -> tuple[tuple[int, int, str], ...]:
        """Highlight spans on the row ``[a, b)``, lowest priority first."""
        h = self.highlight
        spans: list[tuple[int, int, str]] = []
        for hs, he in self._heading_spans:
            if hs < b and he > a:
                spans.append((max(a, hs), min(b, he), "article-view--heading"))
        i = max(0, bisect.bisect_right(self._quote_starts, a) - 1)
        while i < len(self.quotes) and self.quotes[i].start < b:
            q = self.quotes[i]
            i += 1
            if q.end <= a:
                continue
            s, e = max(a, q.start), min(b, q.end)
            slot = self.colours.get(q.group or "")
            spans.append(
                (s, e, f"article-view--quote-{slot % PALETTE}" if slot is not None else "article-view--single")
            )
            if q.id in h.actor_quotes:
                spans.append((s, e, "article-view--actor"))
            if q.id == h.selected:
                spans.append((s, e, "article-view--selected"))
            elif h.group is not None and q.group == h.group:
                spans.append((s, e, "article-view--counterpart"))
        if h.matches:
            k = bisect.bisect_left(h.matches, (a, -1))
            k = max(0, k - 1)
            while k < len(h.matches) and h.matches[k][0] < b:
                ms, me = h.matches[k]
                k += 1
                if me <= a:
                    continue
                name = "article-view--search-current" if (ms, me) == h.current_match else "article-view--search"
                spans.append((max(a, ms), min(b, me), name))
        return tuple(spans)

    def render_line(self, y: int) -> Strip:
        width = self.text_width
        row = int(self.scroll_y) + y
        base = self.rich_style
        if row >= len(self.layout_rows):
            return Strip.blank(width, base)
        a, b = self.layout_rows.rows[row]
        spans = self._spans(a, b)
        key = (row, width, self._generation, spans)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        text = Text(self.display_text[a:b], no_wrap=True, end="")
        for s, e, name in spans:
            text.stylize(self.blended_style(name), s - a, e - a)
        # Text.render leaves the base style to the caller: apply it to every segment; then no
        # highlight may leave text unreadable on its background
        segments = readable([Segment(t, base + st if st else base, c) for t, st, c in text.render(self.app.console)],
                            base)
        strip = Strip(segments, text.cell_len).extend_cell_length(width, base).crop(0, width)
        self._cache[key] = strip
        return strip

    # ------------------------------------------------------------------ events
    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self))

    def on_click(self, event: events.Click) -> None:
        row = int(self.scroll_y) + event.y
        if not 0 <= row < len(self.layout_rows):
            return
        a, b = self.layout_rows.rows[row]
        cells = 0
        offset = b
        for k, ch in enumerate(self.display_text[a:b]):
            cells += cell_len(ch)
            if cells > event.x:
                offset = a + k
                break
        q = self.quote_at(offset)
        if q is not None:
            self.post_message(self.QuoteClicked(self, q.id))


class PaneTitle(Static):
    """The bar above an article: number, the remark's mark, source, date, words.

    The selected remark's state has its own mark after the number (``◆`` the pane has it,
    ``✗ not in this source``), never the source name's place; what does not fit is dropped
    whole (words, then date) and the name is cut with an ellipsis, never a dangling ``·``."""

    HAS, LACKS = "◆", "✗ not in this source"

    def __init__(self, number: int, article: Article, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.number = number
        self.article = article
        self.status = ""

    def set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.refresh()

    def render(self) -> Text:
        a = self.article
        width = self.size.width or 80
        text = Text.assemble((f"{self.number} ", "bold"), no_wrap=True, overflow="ellipsis")
        if self.status == "has":
            text.append(self.HAS + " ", style="bold")
        elif self.status == "lacks":
            text.append(self.LACKS, style="bold reverse")
            text.append(" ")
        label = one_line(a.label, 60)
        extras = [x for x in (a.date, f"{a.words} words") if x]
        while extras and text.cell_len + cell_len(label) + sum(cell_len(x) + 3 for x in extras) > width:
            extras.pop()
        room = width - text.cell_len - sum(cell_len(x) + 3 for x in extras)
        if cell_len(label) > room:
            label = label[:max(1, room - 1)].rstrip() + "…"
        text.append(" · ".join([label, *extras]))
        return text


def info_line(a: Article) -> str:
    """Byline and address of an article, for the line under its title ("" when neither is known)."""
    parts = []
    if a.authors:
        parts.append("by " + ", ".join(a.authors))
    if a.url:
        parts.append(a.url.split("://", 1)[-1])
    return one_line(" · ".join(parts))


class ArticlePane(Vertical):
    """Title bar + article view; the unit the reader lays out side by side."""

    def __init__(self, number: int, article: Article, story: Story, colours: dict[str, int], **kwargs) -> None:
        super().__init__(**kwargs)
        self.number = number
        self.article = article
        self.title_bar = PaneTitle(number, article, classes="pane-title")
        self.info = Static(Text(info_line(article), no_wrap=True, overflow="ellipsis"), classes="pane-info")
        self.view = ArticleView(article, story.quotes_in(article.id), colours, classes="article-view")

    def compose(self):
        yield self.title_bar
        if info_line(self.article):
            yield self.info
        yield self.view

