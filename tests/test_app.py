"""The reader, driven with Textual's Pilot: every key, what is selected, highlighted and in view."""
from __future__ import annotations

import io

import pytest

from conftest import SEEDS
from tui.core.analysis import analyse
from tui.reader.app import ParallaxApp
from tui.reader.screen import ReaderScreen


@pytest.fixture(scope="module")
def story():
    return analyse([str(SEEDS)])


def make_app(story, **kw):
    kw.setdefault("theme", "parallax-dark")
    kw.setdefault("remember", False)
    return ParallaxApp(story, **kw)


async def started(app, pilot) -> ReaderScreen:
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def visible_panes(screen):
    return [p.article.id for p in screen.panes if p.display]


async def test_layout_at_80x24_shows_two_panes_and_the_chrome(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        r = await started(app, pilot)
        assert visible_panes(r) == ["a1", "a2"]
        assert r.panes[0].view.has_focus
        header = str(r.query_one("#header").render())
        assert "5 sources" in header and "shared remark" in header and "panes 1–2 of 5" in header
        assert "RFE/RL" in str(r.panes[0].title_bar.render())


async def test_layout_at_240x60_shows_every_pane(story):
    app = make_app(story)
    async with app.run_test(size=(240, 60)) as pilot:
        r = await started(app, pilot)
        assert visible_panes(r) == ["a1", "a2", "a3", "a4", "a5"]
        await pilot.press("a")
        assert r.actors_open and visible_panes(r) == ["a1", "a2", "a3", "a4", "a5"]


async def test_n_and_N_step_through_the_focused_panes_quotes(story):
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        r = await started(app, pilot)
        first = [q.id for q in story.quotes_in("a1")]
        await pilot.press("n")
        assert r.selected.quote == first[0]
        await pilot.press("n")
        assert r.selected.quote == first[1]
        await pilot.press("N")
        assert r.selected.quote == first[0]
        assert r.panes[0].view.highlight.selected == first[0]
        # wrapping backwards from the first goes to the last
        await pilot.press("N")
        assert r.selected.quote == first[-1]
        assert r.panes[0].view.is_visible(r.selected.start, r.selected.end)


async def test_shared_remark_lights_up_and_scrolls_into_view_in_every_pane(story):
    app = make_app(story)
    async with app.run_test(size=(240, 20)) as pilot:
        r = await started(app, pilot)
        shared = r.shared
        assert len(shared) >= 3
        # go to a shared remark whose counterparts sit far down in some panes
        target = None
        for _ in range(len(shared)):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            g = story.group(r.group)
            firsts = {}
            for qid in g.quotes:
                firsts.setdefault(story.quote(qid).article, story.quote(qid).start)
            if any(start > 1500 for start in firsts.values()):
                target = g
                break
        assert target is not None, "expected a shared remark deep in some article"
        moved = 0
        for pane in r.panes:
            here = [story.quote(q) for q in target.quotes if story.quote(q).article == pane.article.id]
            title = str(pane.title_bar.render())
            if here:
                assert pane.view.is_visible(here[0].start, here[0].end), pane.article.id
                assert pane.view.highlight.group == target.id
                moved += pane.view.scroll_y > 0
                assert "not in this source" not in title
            else:
                assert "not in this source" in title
        assert moved >= 1
        status = str(r.query_one("#status").render())
        assert f"in {len(target.articles)} of 5 sources" in status
        # [ goes back
        before = r.group
        await pilot.press("left_square_bracket")
        assert r.group != before


async def test_inspector_shows_every_version_with_differences(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("right_square_bracket", "enter")
        await pilot.pause()
        from tui.reader.widgets.inspector import QuoteInspector

        assert isinstance(app.screen, QuoteInspector)
        text = str(app.screen.query_one("#inspector-blocks").render())
        assert "Vladimir Putin" in text and "in 5 of 5 sources" in text
        for label in ("RFE/RL", "we proceed from the premise", "we assume"):
            assert label in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_inspector_says_which_sources_lack_the_remark(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        r = await started(app, pilot)
        # a remark in some sources only
        for _ in range(len(r.shared)):
            await pilot.press("right_square_bracket")
            if len(story.group(r.group).articles) < 5:
                break
        await pilot.press("enter")
        await pilot.pause()
        assert "not in this source" in str(app.screen.query_one("#inspector-blocks").render())


async def test_search_highlights_matches_and_n_steps_across_panes(story):
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        r = await started(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"Kremlin")
        await pilot.press("enter")
        await pilot.pause()
        assert r.mode == "search" and r.search_query == "Kremlin"
        assert len(r.items) >= 3
        arts = {i.article for i in r.items}
        assert len(arts) >= 2
        first = r.selected
        assert first in r.items and r.pane_of[first.article].view.highlight.current_match == (first.start, first.end)
        seen = {first.article}
        for _ in range(len(r.items) - 1):
            await pilot.press("n")
            await pilot.pause()
            seen.add(r.selected.article)
            assert r.pane_of[r.selected.article].view.is_visible(r.selected.start, r.selected.end)
        assert seen == arts
        assert r.focused_pane.article.id == r.selected.article
        await pilot.press("escape")
        assert r.mode == "pane" and not any(p.view.highlight.matches for p in r.panes)


async def test_search_without_match_says_so(story):
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        r = await started(app, pilot)
        await pilot.press("slash", *"zzqx", "enter")
        await pilot.pause()
        assert r.mode == "pane"
        assert any("No match" in str(n.message) for n in app._notifications)


async def test_choosing_an_actor_highlights_their_quotes_and_n_steps(story):
    app = make_app(story)
    async with app.run_test(size=(160, 40)) as pilot:
        r = await started(app, pilot)
        await pilot.press("a")
        assert r.actors_open
        panel = r.query_one("#actors")
        assert panel.list.has_focus
        putin = story.actors[0]
        assert "oppose" in panel.evidence_text() and putin.name in panel.evidence_text()
        await pilot.press("enter")
        await pilot.pause()
        assert r.mode == "actor" and r.actor_id == putin.id
        assert {i.quote for i in r.items} == set(putin.quotes)
        assert r.selected.quote in putin.quotes
        assert all(p.view.highlight.actor_quotes == frozenset(putin.quotes) for p in r.panes)
        await pilot.press("tab")  # back to the panes
        await pilot.press("n")
        assert r.selected.quote in putin.quotes
        status = str(r.query_one("#status").render())
        assert "Vladimir Putin: quote 2 of" in status


async def test_actors_panel_opens_over_the_panes_on_narrow_terminals(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        r = await started(app, pilot)
        await pilot.press("a")
        assert r.actors_open and visible_panes(r) == ["a1", "a2"]  # over, not beside
        await pilot.press("escape")
        assert not r.actors_open and r.panes[0].view.has_focus


async def test_focus_keys(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        r = await started(app, pilot)
        await pilot.press("tab")
        assert r.focus_idx == 1 and r.panes[1].view.has_focus
        await pilot.press("shift+tab")
        assert r.focus_idx == 0
        await pilot.press("l")
        assert r.focus_idx == 1
        await pilot.press("h")
        assert r.focus_idx == 0
        await pilot.press("4")
        assert r.focus_idx == 3 and r.panes[3].display and r.panes[3].view.has_focus
        assert "a4" in visible_panes(r)
        await pilot.press("1")
        assert visible_panes(r) == ["a1", "a2"]


async def test_paging_through_panes(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        r = await started(app, pilot)
        await pilot.press("greater_than_sign")
        assert visible_panes(r) == ["a3", "a4"] and r.focus_idx == 2
        await pilot.press("greater_than_sign")
        assert visible_panes(r) == ["a4", "a5"]
        await pilot.press("less_than_sign", "less_than_sign")
        assert visible_panes(r) == ["a1", "a2"]


async def test_scroll_keys(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        r = await started(app, pilot)
        v = r.panes[0].view
        await pilot.press("j", "j")
        assert v.scroll_y == 2
        await pilot.press("k")
        assert v.scroll_y == 1
        await pilot.press("space")
        page = v.scrollable_content_region.height
        assert v.scroll_y == 1 + page
        await pilot.press("b")
        assert v.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert v.scroll_y == v.max_scroll_y > 0
        await pilot.press("g")
        assert v.scroll_y == 0
        await pilot.press("down", "pagedown", "up")
        assert v.scroll_y == page
        await pilot.press("g", "ctrl+d")  # less: half a page, a page
        assert v.scroll_y == round(page / 2)
        await pilot.press("ctrl+u")
        assert v.scroll_y == 0
        await pilot.press("ctrl+f")
        assert v.scroll_y == page
        await pilot.press("ctrl+b")
        assert v.scroll_y == 0


async def test_ctrl_c_says_how_to_quit_and_does_not_quit(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert any("Press q to quit" in str(n.message) for n in app._notifications)


async def test_scroll_lock_keeps_panes_aligned_on_shared_remarks(story):
    app = make_app(story)
    async with app.run_test(size=(240, 30)) as pilot:
        r = await started(app, pilot)
        await pilot.press("s")
        assert r.scroll_lock and "scroll lock" in str(r.query_one("#header").render())
        await pilot.press("space")
        await pilot.pause()
        assert all(p.view.scroll_y > 0 for p in r.panes[1:] if p.view.max_scroll_y > 0)
        # a remark shared by pane 1 and pane 2: when pane 1 puts it at the top, pane 2 does too
        g = next(g for g in r.shared if {"a1", "a4"} <= set(g.articles))
        q1 = next(story.quote(q) for q in g.quotes if story.quote(q).article == "a1")
        q4 = next(story.quote(q) for q in g.quotes if story.quote(q).article == "a4")
        v1, v4 = r.pane_of["a1"].view, r.pane_of["a4"].view
        v1.scroll_to(y=v1.layout_rows.row_of(q1.start), animate=False, immediate=True)
        await pilot.pause()
        assert abs(v4.scroll_y - v4.layout_rows.row_of(q4.start)) <= 1 or v4.scroll_y == v4.max_scroll_y
        await pilot.press("s")
        assert not r.scroll_lock
        before = v4.scroll_y
        await pilot.press("j")
        await pilot.pause()
        assert v4.scroll_y == before


async def test_theme_cycling_is_remembered(story, tmp_path):
    import yaml

    from tui.config import config_dir

    app = make_app(story, remember=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot)
        assert app.theme == "parallax-dark"
        await pilot.press("t")
        await pilot.pause()
        assert app.theme != "parallax-dark" and app.theme in app.our_themes
        saved = yaml.safe_load((config_dir() / "config.yaml").read_text())
        assert saved["theme"] == app.theme
        # the palette's theme picker offers only themes that set the quote palette
        assert set(app.available_themes) == set(app.our_themes)
        assert "textual-light" not in app.available_themes
    again = ParallaxApp(story, remember=False)
    assert again.theme == saved["theme"]


async def test_ansi_theme_and_no_color(story, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = ParallaxApp(story, limited_colour=True, remember=False)
    assert app.theme == "parallax-ansi"
    async with app.run_test(size=(80, 24)) as pilot:
        r = await started(app, pilot)
        from textual.filter import NoColor

        assert any(isinstance(f, NoColor) for f in app._filters)
        await pilot.press("n")
        view = r.panes[0].view
        row = view.layout_rows.row_of(r.selected.start) - int(view.scroll_y)
        styles = [seg.style for seg in view.render_line(row) if seg.text.strip()]
        assert any(s and s.reverse and s.bold for s in styles)  # the selection shows without colour


async def test_unknown_theme_falls_back_with_a_message(story):
    app = ParallaxApp(story, theme="no-such-theme", remember=False)
    assert app.theme == "parallax-dark"
    assert any("unknown theme" in m for m in app.start_messages)


async def test_help_lists_every_key(story):
    app = make_app(story)
    async with app.run_test(size=(100, 40)) as pilot:
        r = await started(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        from rich.console import Console

        from tui.reader.widgets.help_screen import KEY_HELP, HelpScreen

        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        for w in app.screen.query("Static"):
            console.print(w.visual._renderable if hasattr(w.visual, "_renderable") else w.render())
        text = console.export_text()
        # every key the reader binds is explained
        names = {"right_square_bracket": "]", "left_square_bracket": "[", "greater_than_sign": ">",
                 "less_than_sign": "<", "question_mark": "?", "slash": "/", "escape": "Esc", "enter": "Enter",
                 "space": "Space", "pagedown": "PgDn", "pageup": "PgUp", "shift+tab": "Shift+Tab", "tab": "Tab",
                 "down": "↓", "up": "↑", "home": "g", "end": "G"}
        for binding in r.BINDINGS:
            for key in binding.key.split(","):
                shown = names.get(key, key)
                if key.startswith("ctrl+"):
                    shown = "Ctrl+" + key[5:].upper()
                if key.isdigit():
                    shown = "1–9"
                assert shown in text, f"{key} is not in the help"
        assert "Ctrl+P" in text and sum(len(rows) for _, rows in KEY_HELP) >= 15
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_command_palette_has_the_apps_actions(story):
    app = make_app(story)
    async with app.run_test(size=(100, 30)) as pilot:
        r = await started(app, pilot)
        titles = [c.title for c in app.get_system_commands(r)]
        for t in ("Next shared remark", "Inspect remark", "Actors panel", "Search", "Scroll lock", "Help"):
            assert t in titles
        assert any(t.startswith("Actor: Vladimir Putin") for t in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"next shared")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and r.group is not None


async def test_resize_keeps_selection_and_reading_position(story):
    app = make_app(story)
    async with app.run_test(size=(160, 40)) as pilot:
        r = await started(app, pilot)
        for _ in range(3):
            await pilot.press("right_square_bracket")
        selected = r.selected
        v = r.pane_of[selected.article].view
        assert v.is_visible(selected.start, selected.end)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert r.selected == selected
        v = r.pane_of[selected.article].view
        assert r.visible_count == 2
        await pilot.resize_terminal(240, 60)
        await pilot.pause()
        assert r.selected == selected and r.visible_count == 5
        assert v.layout_rows.width == v.scrollable_content_region.width


async def test_click_selects_the_quote_under_the_mouse(story):
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        r = await started(app, pilot)
        view = r.panes[1].view
        q = story.quotes_in("a2")[0]
        row = view.layout_rows.row_of(q.start)
        a, _ = view.layout_rows.rows[row]
        await pilot.click(view, offset=(q.start - a + 1, row - int(view.scroll_y)))
        await pilot.pause()
        assert r.selected and r.selected.quote == q.id and r.focus_idx == 1


async def test_compare_screen(story):
    app = make_app(story)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        from tui.reader.widgets.findings_screen import FindingsScreen

        assert isinstance(app.screen, FindingsScreen)
        box = app.screen.query_one("#findings-list")
        text = "\n".join(str(o.prompt) for o in box.options)
        assert "Numbers that disagree" in text and "two dozen countries" in text
        # a wording finding says which remark, cut between words with an ellipsis
        wording = [str(o.prompt) for o in box.options if "worded differently" in str(o.prompt)]
        assert wording and all("“" in w for w in wording)
        await pilot.press("escape")
        assert not isinstance(app.screen, FindingsScreen)


async def test_enter_on_a_finding_goes_to_its_remark(story):
    app = make_app(story)
    async with app.run_test(size=(100, 30)) as pilot:
        r = await started(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        box = app.screen.query_one("#findings-list")
        target = next(i for i, o in enumerate(box.options) if "worded differently" in str(o.prompt))
        while box.highlighted != target:
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is r and r.selected is not None and r.selected.quote
        group = story.group(story.quote(r.selected.quote).group)
        assert r.focused_pane.article.id == r.selected.article
        assert r.pane_of[r.selected.article].view.is_visible(r.selected.start, r.selected.end)
        assert len(group.articles) >= 2


async def test_q_quits(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code in (0, None)


async def test_tab_reaches_the_open_actors_panel_and_comes_back(story):
    app = make_app(story)
    async with app.run_test(size=(240, 40)) as pilot:
        r = await started(app, pilot)
        await pilot.press("a")
        await pilot.press("tab")  # panel -> panes
        assert r.panes[r.focus_idx].view.has_focus
        await pilot.press("5")
        await pilot.press("tab")  # last pane on screen -> panel
        assert r.query_one("#actors").list.has_focus


async def test_reading_screens_scroll_and_close_with_their_keys(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot)
        from textual.containers import VerticalScroll

        from textual.widgets import OptionList

        for opener in ("c", "question_mark"):
            await pilot.press(opener)
            await pilot.pause()
            body = app.screen.query_one(OptionList if opener == "c" else VerticalScroll)
            await pilot.press("G")
            await pilot.pause()
            assert body.scroll_y == body.max_scroll_y > 0
            await pilot.press("g")
            assert body.scroll_y == 0
            await pilot.press("escape")
            assert isinstance(app.screen, ReaderScreen)


def _story_sharing_only_off_screen(tmp_path):
    d = tmp_path / "offscreen"
    d.mkdir()
    filler = "The council met on Monday to discuss the budget and other matters of the town.\n\n"
    (d / "a.txt").write_text("# First Paper\n\n" + filler * 3, encoding="utf-8")
    (d / "b.txt").write_text("# Second Paper\n\n" + filler * 3, encoding="utf-8")
    remark = '"We will rebuild the old bridge before the winter comes," said Mayor Ines Coll.\n\n'
    (d / "c.txt").write_text("# Third Paper\n\n" + filler * 2 + remark, encoding="utf-8")
    (d / "d.txt").write_text("# Fourth Paper\n\n" + remark + filler, encoding="utf-8")
    return analyse([str(d)])


async def test_shared_remark_key_lands_on_a_pane_that_holds_it_at_80x24(tmp_path):
    story = _story_sharing_only_off_screen(tmp_path)
    assert story.groups and any(len(g.articles) == 2 for g in story.groups)
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        r = await started(app, pilot)
        assert visible_panes(r) == ["a1", "a2"]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        sel = r.selected
        assert sel is not None and sel.article in {"a3", "a4"}
        assert r.focused_pane.article.id == sel.article and r.focused_pane.view.has_focus
        assert sel.article in visible_panes(r)
        assert r.pane_of[sel.article].view.is_visible(sel.start, sel.end)
        assert "◆" in str(r.focused_pane.title_bar.render())
        status = str(r.query_one("#status").render())
        assert "quote 1 of 1 here" in status  # "here" is the focused pane
        await pilot.press("n")  # steps within the focused pane, not back to the first
        assert r.focused_pane.article.id == sel.article


async def test_pane_title_drops_whole_parts_and_never_ends_in_a_separator(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        r = await started(app, pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        for pane in r.panes[:2]:
            title = str(pane.title_bar.render())
            assert not title.rstrip().endswith("·") and "· ·" not in title
            assert title.startswith(f"{pane.number} ◆") or "not in this source" in title
            assert pane.title_bar.render().cell_len <= pane.title_bar.size.width


async def test_actors_panel_keys_move_the_list_reach_the_evidence_and_esc_closes(story):
    app = make_app(story)
    async with app.run_test(size=(160, 40)) as pilot:
        r = await started(app, pilot)
        await pilot.press("a")
        panel = r.query_one("#actors")
        top = r.focused_pane.view.scroll_y
        assert panel.list.highlighted == 0
        await pilot.press("j", "j")
        assert panel.list.highlighted == 2 and r.focused_pane.view.scroll_y == top  # the list, not the article
        await pilot.press("k")
        assert panel.list.highlighted == 1
        assert story.actors[1].name in panel.evidence_text()
        await pilot.press("l")
        assert panel.evidence_list.has_focus and panel.evidence_list.highlighted == 0
        await pilot.press("j")
        assert panel.evidence_list.highlighted == 1
        await pilot.press("h")
        assert panel.list.has_focus
        await pilot.press("tab")  # to the panes: Esc still closes the panel
        assert r.focused_pane.view.has_focus
        await pilot.press("escape")
        assert not r.actors_open


async def test_scroll_lock_keeps_the_selected_remark_aligned_and_runs_to_each_end(story):
    app = make_app(story)
    async with app.run_test(size=(240, 30)) as pilot:
        r = await started(app, pilot)
        await pilot.press("s", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        group = story.group(r.group)
        holders = [r.pane_of[a].view for a in group.articles]

        def rows_on_screen():
            out = {}
            for v in holders:
                q = next(story.quote(x) for x in group.quotes if story.quote(x).article == v.article.id)
                out[v.article.id] = v.layout_rows.row_of(q.start) - int(v.scroll_y)
            return out

        for _ in range(3):  # j after ]: the remark stays in view in every pane that has it
            await pilot.press("j")
            await pilot.pause()
            for v in holders:
                q = next(story.quote(x) for x in group.quotes if story.quote(x).article == v.article.id)
                assert v.is_visible(q.start, q.end), v.article.id
        on_screen = rows_on_screen()
        lead = on_screen[r.focused_pane.article.id]
        assert all(row == lead for a, row in on_screen.items()
                   if 0 < r.pane_of[a].view.scroll_y < r.pane_of[a].view.max_scroll_y)
        # the shortest pane leads to its end: the others go on to theirs
        shortest = min(r.panes, key=lambda p: p.view.max_scroll_y)
        await pilot.press(str(shortest.number), "G")
        await pilot.pause()
        for _ in range(40):
            await pilot.press("space")
        await pilot.pause()
        assert all(p.view.scroll_y == p.view.max_scroll_y for p in r.panes)


def test_inspector_context_is_cut_between_words_with_an_ellipsis():
    from tui.reader.widgets.inspector import sentence_around

    text = "word " * 200 + "“the remark itself” " + "other " * 200
    start = text.index("“")
    end = text.index("”") + 1
    ctx, s, e = sentence_around(text, start, end, limit=120)
    assert ctx.startswith("…word ") and ctx.endswith("other…")
    assert ctx[s:e] == "“the remark itself”"
    assert all(w in ("word", "other", "“the", "remark", "itself”") for w in ctx.strip("…").split())


async def test_y_copies_the_quote_with_its_citation_and_o_copies_the_address_over_ssh(story, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        r = await started(app, pilot)
        await pilot.press("y")
        assert any("Select a quote first" in str(n.message) for n in app._notifications)
        await pilot.press("right_square_bracket", "y")
        await pilot.pause()
        q = story.quote(r.selected.quote)
        a = story.article(q.article)
        assert app.clipboard.startswith("“") and q.text.split()[0] in app.clipboard
        assert story.actor(q.speaker).name in app.clipboard and a.label in app.clipboard
        assert any(str(n.message).startswith("Copied: ") for n in app._notifications)
        with_url = next((p for p in r.panes if p.article.url), None)
        if with_url is not None:
            await pilot.press(str(with_url.number), "o")
            assert app.clipboard == with_url.article.url
        without = next((p for p in r.panes if not p.article.url), None)
        if without is not None:
            await pilot.press(str(without.number), "o")
            assert any("No address is known" in str(n.message) for n in app._notifications)


async def test_e_exports_the_report_outside_the_story_folder(story, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        reports = list((tmp_path / "data" / "parallax" / "reports").glob("*.md"))
        assert len(reports) == 1
        from tui.export import to_markdown

        assert reports[0].read_text(encoding="utf-8") == to_markdown(story)
        assert any(str(reports[0]) in str(n.message) for n in app._notifications)


async def test_enter_on_an_evidence_line_goes_to_that_place(story):
    app = make_app(story)
    async with app.run_test(size=(160, 40)) as pilot:
        r = await started(app, pilot)
        await pilot.press("a")
        actor = story.actors[0]
        k = next(i for i, e in enumerate(actor.evidence) if not e.quote)  # a sentence, not a quote
        await pilot.press("l")
        for _ in range(k):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        e = actor.evidence[k]
        assert r.focused_pane.article.id == e.article
        assert r.pane_of[e.article].view.is_visible(e.start, min(e.end, e.start + 40))
        q = next(i for i, ev in enumerate(actor.evidence) if ev.quote)
        await pilot.press(*(["k"] * k), *(["j"] * q), "enter")
        await pilot.pause()
        assert r.selected is not None and r.selected.quote == actor.evidence[q].quote


def test_search_ignores_how_a_word_is_split():
    from tui.reader.navigation import search_pattern

    assert search_pattern("ceasefire").search("a cease-fire now")
    assert search_pattern("cease-fire").search("the ceasefire held")
    assert search_pattern("cease fire").search("a cease‑fire")
    assert search_pattern("Putin's").search("Putin’s plan")
    assert not search_pattern("in").search("I never")  # a space is not a hyphen


async def test_search_is_incremental_and_esc_in_the_box_cancels_it(story):
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        r = await started(app, pilot)
        await pilot.press("slash", *"Krem")
        await pilot.pause()
        box = r.query_one("#search")
        assert box.has_focus and r.mode == "search" and len(r.items) >= 3  # lit up while typing
        sel = r.selected
        assert sel is not None and r.pane_of[sel.article].view.is_visible(sel.start, sel.end)
        assert any(p.view.highlight.matches for p in r.panes)
        assert "of" in str(r.query_one("#status").render())
        await pilot.press("escape")
        assert r.mode == "pane" and not any(p.view.highlight.matches for p in r.panes)
        await pilot.press("slash", *"Kremlin", "enter")
        await pilot.pause()
        assert r.mode == "search" and r.focused_pane.view.has_focus


async def test_compare_screen_legend_renders_in_the_ansi_theme(story):
    app = make_app(story, theme="parallax-ansi")
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        box = app.screen.query_one("#findings-list")
        assert box.highlighted == len(box.options) - 1 and (box.options[-1].id or "").startswith("legend-")


async def test_compare_screen_has_a_colour_legend_that_goes_to_the_remark(story):
    from textual.color import Color

    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        r = await started(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        box = app.screen.query_one("#findings-list")
        legend = [i for i, o in enumerate(box.options) if (o.id or "").startswith("legend-")]
        assert len(legend) == len(r.shared)
        # the swatch is drawn in the remark's own colour
        gid = box.options[legend[1]].id.removeprefix("legend-")
        slot = r.colours[gid]
        colour = Color.parse(app.theme_variables[f"quote-{slot % 8}"]).rich_color
        swatch = box.options[legend[1]].prompt
        assert any(getattr(span.style, "color", None) == colour for span in swatch.spans)
        box.highlighted = legend[1]
        await pilot.press("enter")
        await pilot.pause()
        assert r.group == gid and r.selected is not None
