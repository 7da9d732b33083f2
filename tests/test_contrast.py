"""Every highlight stays readable: WCAG contrast >= 4.5:1 between text and background, computed
from the rendered segments of the panes, in every shipped theme (issue: actor tint drawn at full
strength, search matches light on bright yellow)."""
from __future__ import annotations

import pytest
from rich.style import Style

from conftest import SEEDS
from tui.core.analysis import analyse
from tui.reader.app import ParallaxApp
from tui.reader.contrast import MIN_CONTRAST, _known, ratio, readable, resolved
from tui.reader.themes import load_themes

SHIPPED = sorted(t.name for t in load_themes()[0] if t.name.startswith("parallax"))


@pytest.fixture(scope="module")
def story():
    return analyse([str(SEEDS)])


def worst_contrast(view) -> float:
    worst = 99.0
    base = view.rich_style
    for y in range(view.scrollable_content_region.height):
        for seg in view.render_line(y):
            if not seg.text.strip() or seg.style is None:
                continue
            fg, bg = resolved(seg.style, base)
            f, b = _known(fg), _known(bg)
            if f and b:
                worst = min(worst, ratio(f, b))
    return worst


def test_the_guard_fixes_light_on_light():
    from rich.segment import Segment

    bad = Style(color="#d7dae0", bgcolor="#ffd75f")
    (seg,) = readable([Segment("word", bad)], Style())
    f, b = _known(seg.style.color), _known(seg.style.bgcolor)
    assert ratio(f, b) >= MIN_CONTRAST and b == (0xFF, 0xD7, 0x5F)  # the background keeps its meaning


@pytest.mark.parametrize("theme", SHIPPED)
async def test_every_highlight_is_readable(story, theme):
    app = ParallaxApp(story, theme=theme, remember=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        r = app.screen
        await pilot.press("right_square_bracket")  # a shared remark: selection + counterparts
        await pilot.pause()
        views = [p.view for p in r.panes if p.display]
        assert min(worst_contrast(v) for v in views) >= MIN_CONTRAST
        await pilot.press("a", "enter")  # an actor's quotes tinted
        await pilot.pause()
        assert r.mode == "actor"
        assert min(worst_contrast(v) for v in views) >= MIN_CONTRAST
        await pilot.press("escape", "slash", *"the", "enter")  # many search matches
        await pilot.pause()
        assert r.mode == "search"
        assert min(worst_contrast(v) for v in views) >= MIN_CONTRAST


async def test_actor_tint_is_a_tint_not_the_full_colour(story):
    app = ParallaxApp(story, theme="parallax-dark", remember=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        view = app.screen.panes[0].view
        tint = view.blended_style("article-view--actor").bgcolor
        full = Style.parse("on #d787ff").bgcolor
        assert tint is not None and tint.get_truecolor() != full.get_truecolor()
        # a quarter of the way from the background to the highlight colour
        assert sum(tint.get_truecolor()) < sum(full.get_truecolor()) * 0.6


async def test_current_search_match_is_the_most_marked(story):
    app = ParallaxApp(story, theme="parallax-dark", remember=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        view = app.screen.panes[0].view
        cur = view.blended_style("article-view--search-current").bgcolor.get_truecolor()
        other = view.blended_style("article-view--search").bgcolor.get_truecolor()
        bg = view.background_colors[1].rich_color.get_truecolor()
        assert ratio(tuple(cur), tuple(bg)) > ratio(tuple(other), tuple(bg))
