"""The reader screen: articles side by side, synchronized quote selection, the actors panel.

State is small and explicit: which pane has focus, which panes are on screen, the current
selection set (a pane's quotes, search matches or an actor's quotes), the selected item and
its remark (quote group). Every change goes through :meth:`ReaderScreen.select`, which
recomputes each pane's highlight, scrolls each pane that has the remark so it is in view,
and updates the title bars and the status line.
"""
from __future__ import annotations

import os
import re
import sys
import time

from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input

from ..core.model import Finding, Story
from .navigation import (
    Item,
    actor_items,
    article_order,
    colour_index,
    quote_items,
    search_items,
    shared_groups,
    step,
    step_group,
)
from ..core.sanitise import one_line
from .keys import bindings
from .widgets.actors_panel import ActorsPanel
from .widgets.article_pane import ArticlePane, ArticleView, Highlight
from .widgets.findings_screen import FindingsScreen
from .widgets.help_screen import HelpScreen
from .widgets.inspector import QuoteInspector
from .widgets.status import HeaderLine, StatusLine

PANE_MIN_WIDTH = 38  # columns a pane needs to be readable
ACTORS_WIDTH = 44  # the actors panel beside the panes on wide terminals
WIDE = 120  # from this width the actors panel sits beside the panes; below, over them


class ReaderScreen(Screen):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

    BINDINGS = bindings()  # made from the one key table, like the help screen and the palette

    def __init__(self, story: Story, **kwargs) -> None:
        super().__init__(**kwargs)
        self.story = story
        self.order = article_order(story)
        self.colours = colour_index(story)
        self.shared = shared_groups(story)
        self.panes = [
            ArticlePane(i + 1, a, story, self.colours, id=f"pane-{a.id}") for i, a in enumerate(story.articles)
        ]
        self.pane_of = {p.article.id: p for p in self.panes}
        self.page_start = 0
        self.visible_count = 1
        self.focus_idx = 0
        self.mode = "pane"  # pane | search | actor
        self.items: list[Item] = []
        self.selected: Item | None = None
        self.group: str | None = None
        self.search_query: str | None = None
        self.actor_id: str | None = None
        self.scroll_lock = False
        self.actors_open = False

    # ------------------------------------------------------------------ layout
    def compose(self):
        yield HeaderLine(id="header")
        with Horizontal(id="main"):
            with Horizontal(id="panes"):
                yield from self.panes
            yield ActorsPanel(self.story, id="actors")
        yield Input(placeholder="search all panes (Enter to search, Esc to cancel)", id="search")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#actors").display = False
        self.query_one("#search", Input).display = False
        self.layout_panes()
        self.panes[0].view.focus()
        self.refresh_chrome()

    def on_resize(self) -> None:
        self.layout_panes()

    @property
    def focused_pane(self) -> ArticlePane:
        return self.panes[self.focus_idx]

    def layout_panes(self) -> None:
        width = self.size.width or self.app.size.width
        if self.actors_open and width >= WIDE:
            width -= ACTORS_WIDTH
        n = len(self.panes)
        k = max(1, min(n, width // PANE_MIN_WIDTH))
        self.visible_count = k
        if self.focus_idx < self.page_start:
            self.page_start = self.focus_idx
        if self.focus_idx >= self.page_start + k:
            self.page_start = self.focus_idx - k + 1
        self.page_start = max(0, min(self.page_start, n - k))
        for i, pane in enumerate(self.panes):
            pane.display = self.page_start <= i < self.page_start + k
        self.refresh_chrome()

    def refresh_chrome(self) -> None:
        """Header, pane titles and status line from the current state."""
        n = len(self.panes)
        extra = []
        if self.visible_count < n:
            extra.append(f"panes {self.page_start + 1}–{self.page_start + self.visible_count} of {n} (< >)")
        if self.scroll_lock:
            extra.append("scroll lock")
        self.query_one(HeaderLine).show(self.story.title, n, len(self.shared), " · ".join(extra))
        group = self.story.group(self.group) if self.group else None
        for pane in self.panes:
            status = ""
            if group is not None:
                status = "has" if pane.article.id in group.articles else "lacks"
            pane.title_bar.set_status(status)
        self.query_one(StatusLine).show(self.status_parts())

    def status_parts(self) -> list[tuple[str, str]]:
        parts: list[tuple[str, str]] = []
        story = self.story
        n = len(story.articles)
        sel = self.selected
        if sel is not None and sel.quote:
            q = story.quote(sel.quote)
            speaker = story.actor(q.speaker).name if q.speaker else "speaker not named"
            k = len(story.group(q.group).articles) if q.group else 1
            parts.append((speaker, "bold"))
            parts.append((f"in {k} of {n} sources", ""))
            parts.append((f"“{one_line(q.text, 70)}”", "italic"))
        if self.mode == "search" and self.search_query is not None:
            pos = self.items.index(sel) + 1 if sel in self.items else 0
            parts.append((f"search “{one_line(self.search_query, 30)}”: {pos} of {len(self.items)}", "bold"))
        elif self.mode == "actor" and self.actor_id:
            pos = self.items.index(sel) + 1 if sel in self.items else 0
            parts.append((f"{story.actor(self.actor_id).name}: quote {pos} of {len(self.items)}", "bold"))
        elif sel is not None and sel.quote:
            items = quote_items(story, sel.article)
            if sel in items:
                parts.append((f"quote {items.index(sel) + 1} of {len(items)} here", "dim"))
        if not parts:
            parts.append(("n next quote · ] next shared remark · / search · a actors · ? help", "dim"))
        if self.scroll_lock:
            parts.append(("scroll lock", "reverse"))
        return parts

    # ------------------------------------------------------------------ selection
    def highlights(self) -> None:
        actor_quotes = frozenset(i.quote for i in self.items if i.quote) if self.mode == "actor" else frozenset()
        matches: dict[str, list[tuple[int, int]]] = {}
        if self.mode == "search":
            for it in self.items:
                matches.setdefault(it.article, []).append((it.start, it.end))
        current = (self.selected.start, self.selected.end) if self.selected and not self.selected.quote else None
        for pane in self.panes:
            pane.view.set_highlight(
                Highlight(
                    selected=self.selected.quote if self.selected else None,
                    group=self.group,
                    matches=matches.get(pane.article.id, []),
                    current_match=current if self.selected and self.selected.article == pane.article.id else None,
                    actor_quotes=actor_quotes,
                )
            )

    def select(self, item: Item | None, group: str | None = None) -> None:
        """Select an item: highlight it and its remark everywhere, bring them into view."""
        self.selected = item
        if item is not None and item.quote:
            group = self.story.quote(item.quote).group
        self.group = group
        self.highlights()
        self.reveal()
        # a pane that has just come on screen is laid out on the next refresh: look again then
        self.call_after_refresh(self.reveal)
        self.refresh_chrome()

    def reveal(self) -> None:
        """Bring the selection into view; under scroll lock, line the other panes up with it."""
        self.reveal_each()
        if self.scroll_lock and self.selected is not None:
            self.sync_scroll(self.pane_of[self.selected.article].view)

    def reveal_each(self) -> None:
        """Scroll the selection, and the first counterpart in every other pane, into view."""
        item = self.selected
        if item is not None:
            self.pane_of[item.article].view.show_span(item.start, item.end)
        if self.group is None:
            return
        done = {item.article} if item is not None else set()
        for qid in self.story.group(self.group).quotes:
            q = self.story.quote(qid)
            if q.article not in done:
                done.add(q.article)
                self.pane_of[q.article].view.show_span(q.start, q.end)

    def focus_article(self, article_id: str) -> None:
        i = next(k for k, p in enumerate(self.panes) if p.article.id == article_id)
        self.focus_index(i)

    def focus_index(self, i: int) -> None:
        self.focus_idx = i % len(self.panes)
        self.layout_panes()
        self.panes[self.focus_idx].view.focus()

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, ArticleView):
            k = next((i for i, p in enumerate(self.panes) if p.view is event.widget), None)
            if k is not None and k != self.focus_idx:
                self.focus_idx = k
                self.layout_panes()

    # ------------------------------------------------------------------ actions
    def action_step(self, forward: bool) -> None:
        pane = self.focused_pane
        origin = (pane.article.id, pane.view.top_offset)
        if self.mode == "pane":
            items = quote_items(self.story, pane.article.id)
            if not items:
                self.notify("No quotes in this article.", timeout=3, markup=False)
                return
        else:
            items = self.items
        current = self.selected if self.selected in items else None
        idx, wrapped = step(items, current, forward, self.order, None if current else origin)
        if idx is None:
            return
        item = items[idx]
        if wrapped:
            self.notify("Wrapped to the " + ("first" if forward else "last") + ".", timeout=2, markup=False)
        if item.article != pane.article.id:
            self.focus_article(item.article)
        self.select(item)

    def action_shared(self, forward: bool) -> None:
        idx, wrapped = step_group(self.shared, self.group, forward)
        if idx is None:
            self.notify("No remark is quoted by two sources or more.", timeout=3, markup=False)
            return
        g = self.shared[idx]
        quotes = [self.story.quote(q) for q in g.quotes]
        # the focused pane's version, else one on screen, else the first: and focus its pane,
        # paging to it, so the remark is always where the reader looks (vimdiff's ]c)
        here = [q for q in quotes if q.article == self.focused_pane.article.id]
        on_screen = [q for q in quotes if self.pane_of[q.article].display]
        anchor = (here or on_screen or quotes)[0]
        if anchor.article != self.focused_pane.article.id:
            self.focus_article(anchor.article)
        if wrapped:
            self.notify(
                "Wrapped to the " + ("first" if forward else "last") + " shared remark.", timeout=2, markup=False
            )
        self.select(Item(anchor.article, anchor.start, anchor.end, anchor.id))

    def action_inspect(self) -> None:
        if self.selected is None or not self.selected.quote:
            self.notify("Select a quote first: n, ] or a click.", timeout=3, markup=False)
            return
        self.app.push_screen(QuoteInspector(self.story, self.selected.quote))

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.value = self.search_query or ""
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Incremental search: matches light up and the next one scrolls into view as you type."""
        if event.input.id != "search" or not event.input.display:
            return
        query = event.value
        items = search_items(self.story, query) if len(query.strip()) >= 2 else []
        if not items:
            if self.mode == "search":
                self.mode, self.items, self.search_query = "pane", [], None
                self.selected = None
                self.highlights()
                self.refresh_chrome()
            return
        pane = self.focused_pane
        idx, _ = step(items, None, True, self.order, (pane.article.id, pane.view.top_offset))
        self.mode, self.items, self.search_query, self.actor_id = "search", items, query, None
        self.selected = items[idx or 0]
        self.group = None
        self.highlights()
        self.pane_of[self.selected.article].view.show_span(self.selected.start, self.selected.end)
        self.refresh_chrome()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        query = event.value
        event.input.display = False
        self.focused_pane.view.focus()
        self.selected = None
        items = search_items(self.story, query)
        if not items:
            self.notify(f"No match for “{one_line(query, 40)}”.", severity="warning", timeout=3, markup=False)
            return
        self.mode, self.items, self.search_query, self.actor_id = "search", items, query, None
        self.selected = None
        self.action_step(True)

    def on_actors_panel_evidence_chosen(self, event: ActorsPanel.EvidenceChosen) -> None:
        """Enter on an evidence line: its quote selected, or its sentence brought into view."""
        e = event.evidence
        if self.size.width < WIDE:
            self.close_actors()
        if e.quote:
            q = self.story.quote(e.quote)
            self.mode, self.items = "pane", []
            self.focus_article(q.article)
            self.select(Item(q.article, q.start, q.end, q.id))
        else:
            self.focus_article(e.article)
            self.pane_of[e.article].view.show_span(e.start, e.end)
            if self.actors_open:
                self.query_one("#actors", ActorsPanel).evidence_list.focus()

    def on_actors_panel_actor_chosen(self, event: ActorsPanel.ActorChosen) -> None:
        actor = self.story.actor(event.actor_id)
        items = actor_items(self.story, actor.id)
        if not items:
            self.notify(
                f"{one_line(actor.name, 40)} has no quotes; the evidence is listed below.", timeout=3, markup=False
            )
            return
        self.mode, self.items, self.actor_id, self.search_query = "actor", items, actor.id, None
        self.selected = None
        if self.size.width < WIDE:
            self.close_actors()
        self.action_step(True)

    def on_article_view_quote_clicked(self, event: ArticleView.QuoteClicked) -> None:
        q = self.story.quote(event.quote)
        item = Item(q.article, q.start, q.end, q.id)
        if self.mode != "pane" and item not in self.items:
            self.mode, self.items = "pane", []
        self.focus_article(q.article)
        self.select(item)

    def action_toggle_actors(self) -> None:
        if self.actors_open:
            self.close_actors()
        else:
            self.actors_open = True
            panel = self.query_one("#actors", ActorsPanel)
            panel.display = True
            self.layout_panes()
            panel.list.focus()

    def close_actors(self) -> None:
        self.actors_open = False
        self.query_one("#actors").display = False
        self.layout_panes()
        self.focused_pane.view.focus()

    def action_clear(self) -> None:
        box = self.query_one("#search", Input)
        if box.display:
            box.display = False
            self.focused_pane.view.focus()
            if self.mode == "search":  # Esc in the box cancels the search it was typing
                self.mode, self.items, self.search_query = "pane", [], None
                self.select(None)
        elif self.actors_open:
            self.close_actors()  # whichever widget has focus
        elif self.mode != "pane":
            self.mode, self.items, self.search_query, self.actor_id = "pane", [], None, None
            self.select(self.selected if self.selected and self.selected.quote else None)
        elif self.selected is not None:
            self.select(None)

    def action_toggle_lock(self) -> None:
        self.scroll_lock = not self.scroll_lock
        self.notify(
            "Scroll lock " + ("on: panes scroll together" if self.scroll_lock else "off"), timeout=2, markup=False
        )
        if self.scroll_lock:
            self.sync_scroll(self.focused_pane.view)
        self.refresh_chrome()

    def action_focus_pane(self, delta: int) -> None:
        panel = self.query_one("#actors", ActorsPanel)
        if self.actors_open and panel.has_focus_within:
            self.focus_index(self.focus_idx)  # from the actors panel, back to the panes
        elif self.actors_open and delta > 0 and self.focus_idx == self.page_start + self.visible_count - 1:
            panel.list.focus()  # past the last pane on screen: the open panel
        else:
            self.focus_index(self.focus_idx + delta)

    def action_focus_number(self, k: int) -> None:
        if k <= len(self.panes):
            self.focus_index(k - 1)

    def action_page(self, delta: int) -> None:
        n, k = len(self.panes), self.visible_count
        if k >= n:
            self.notify("All panes are on screen.", timeout=2, markup=False)
            return
        self.page_start = max(0, min(n - k, self.page_start + delta * k))
        self.focus_idx = self.page_start if delta > 0 or self.focus_idx >= self.page_start + k else self.focus_idx
        self.focus_idx = min(max(self.focus_idx, self.page_start), self.page_start + k - 1)
        self.layout_panes()
        self.panes[self.focus_idx].view.focus()

    def action_scroll_lines(self, delta: int) -> None:
        self.scroll_focused(delta)

    def action_scroll_pages(self, delta: float) -> None:
        self.scroll_focused(round(delta * max(1, self.focused_pane.view.scrollable_content_region.height)))

    def scroll_focused(self, rows: int) -> None:
        """Scroll the focused pane; under scroll lock, a pane that has reached its end lets the
        others go on to theirs (the longer articles do not stop with the shortest)."""
        view = self.focused_pane.view
        before = view.scroll_y
        view.scroll_relative(y=rows, animate=False, immediate=True)
        if self.scroll_lock and view.scroll_y == before:
            for pane in self.panes:
                if pane.view is not view:
                    pane.view.scroll_relative(y=rows, animate=False, immediate=True)

    def action_copy_quote(self) -> None:
        if self.selected is None or not self.selected.quote:
            self.notify("Select a quote first: n, ] or a click.", timeout=3, markup=False)
            return
        text = quote_citation(self.story, self.selected.quote)
        self.app.copy_to_clipboard(text)
        self.notify("Copied: " + one_line(text, 120), timeout=4, markup=False)

    def action_open_url(self) -> None:
        url = self.focused_pane.article.url
        if not url:
            self.notify("No address is known for this article.", timeout=3, markup=False)
            return
        if not url.lower().startswith(("http://", "https://")):
            self.notify("Not a web address: " + one_line(url, 80), timeout=4, markup=False)
            return
        if graphical_session():
            import webbrowser

            if webbrowser.open_new_tab(url):
                self.notify("Opened " + one_line(url, 100), timeout=3, markup=False)
                return
        self.app.copy_to_clipboard(url)
        self.notify("No browser here (SSH?): the address is copied: " + one_line(url, 100), timeout=5,
                    markup=False)

    def action_export(self) -> None:
        from ..config import atomic_write, reports_dir
        from ..export import to_markdown

        slug = re.sub(r"[^a-z0-9]+", "-", self.story.title.lower()).strip("-")[:40] or "story"
        path = reports_dir() / f"{slug}-{time.strftime('%Y%m%d-%H%M%S')}.md"
        try:
            atomic_write(path, to_markdown(self.story))
        except OSError as e:
            self.notify(f"Could not write the report: {one_line(str(e), 100)}", severity="error", timeout=5,
                        markup=False)
            return
        self.notify(f"Report written: {one_line(str(path))}", timeout=5, markup=False)

    def action_interrupt(self) -> None:
        self.notify("Press q to quit.", timeout=3, markup=False)

    def action_edge(self, bottom: bool) -> None:
        view = self.focused_pane.view
        if bottom:
            view.scroll_end(animate=False)
        else:
            view.scroll_home(animate=False)

    def action_compare(self) -> None:
        self.app.push_screen(FindingsScreen(self.story, self.colours), self.go_to_finding)

    def go_to_finding(self, finding: Finding | None) -> None:
        """Bring what a finding is about into view: its remark selected, else its first place."""
        if finding is None:
            return
        group = next((self.story.group(r) for r in finding.refs if r.startswith("g")), None)
        if group is not None:
            q = self.story.quote(group.quotes[0])
            self.mode, self.items = "pane", []
            self.focus_article(q.article)
            self.select(Item(q.article, q.start, q.end, q.id))
        elif finding.spans:
            article, start, end = finding.spans[0]
            self.focus_article(article)
            self.pane_of[article].view.show_span(start, end)
        elif finding.articles:
            self.focus_article(finding.articles[0])

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    # ------------------------------------------------------------------ scroll lock
    def _first_in(self, quote_ids, article_id: str):
        return next((q for q in map(self.story.quote, quote_ids) if q.article == article_id), None)

    def on_article_view_scrolled(self, event: ArticleView.Scrolled) -> None:
        if self.scroll_lock and event.view is self.focused_pane.view:
            self.sync_scroll(event.view)

    def sync_scroll(self, leader: ArticleView) -> None:
        """Scroll every other pane with ``leader``, aligned on the remarks they share.

        While a remark is selected, a pane that has it keeps it on the same screen row as the
        leader's (a fixed offset: one row for one row, no jerks); other panes interpolate
        between the remarks both articles share."""
        top = leader.scroll_y
        selected = self.story.group(self.group) if self.group else None
        for pane in self.panes:
            view = pane.view
            if view is leader:
                continue
            if selected is not None:
                mine = self._first_in(selected.quotes, leader.article.id)
                theirs = self._first_in(selected.quotes, view.article.id)
                if mine is not None and theirs is not None:
                    offset = view.layout_rows.row_of(theirs.start) - leader.layout_rows.row_of(mine.start)
                    view.scroll_to(y=max(0, top + offset), animate=False, immediate=True)
                    continue
            anchors = [(0.0, 0.0)]
            for g in self.shared:
                a = [self.story.quote(q) for q in g.quotes if self.story.quote(q).article == leader.article.id]
                b = [self.story.quote(q) for q in g.quotes if self.story.quote(q).article == view.article.id]
                if a and b:
                    anchors.append(
                        (float(leader.layout_rows.row_of(a[0].start)), float(view.layout_rows.row_of(b[0].start)))
                    )
            anchors.append((float(len(leader.layout_rows)), float(len(view.layout_rows))))
            anchors.sort()
            target = _interpolate(anchors, top)
            view.scroll_to(y=max(0, target), animate=False, immediate=True)


def quote_citation(story: Story, quote_id: str) -> str:
    """A quote as a researcher pastes it: “text” — speaker, source, date, address."""
    q = story.quote(quote_id)
    a = story.article(q.article)
    who = story.actor(q.speaker).name if q.speaker else "speaker not named"
    parts = [who, a.label, a.date, a.url]
    return f"“{one_line(q.text)}” — " + ", ".join(one_line(p) for p in parts if p)


def graphical_session() -> bool:
    """A browser can open a window here (not a bare SSH or console session)."""
    if sys.platform in ("darwin", "win32"):
        return not os.environ.get("SSH_CONNECTION")
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _interpolate(anchors: list[tuple[float, float]], x: float) -> float:
    """Where ``x`` (a row in the leader) falls in the other pane: anchors line up at the top."""
    for (a0, b0), (a1, b1) in zip(anchors, anchors[1:]):
        if a0 <= x <= a1:
            if a1 == a0:
                return b0
            d0, d1 = b0 - a0, b1 - a1
            return x + d0 + (d1 - d0) * (x - a0) / (a1 - a0)
    return x + (anchors[-1][1] - anchors[-1][0])

