"""Readable highlights: WCAG contrast between text and background, enforced on rendered segments.

Theme colours are chosen for looks; a highlight stacked on a quote colour (a search match on a
remark, an actor's tint under a selection) can still put light text on a light background.
``readable`` resolves each segment's final foreground and background (reverse included) and,
where their contrast is under ``MIN_CONTRAST``, writes the text in black or white, whichever
reads better on that background. Colours a terminal decides itself (``default``, the ANSI
palette) are left alone: their values are not known here.
"""
from __future__ import annotations

from rich.color import Color as RichColor
from rich.color import ColorType
from rich.segment import Segment
from rich.style import Style

MIN_CONTRAST = 4.5
_BLACK = RichColor.from_rgb(0, 0, 0)
_WHITE = RichColor.from_rgb(255, 255, 255)


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _known(c: RichColor | None) -> tuple[int, int, int] | None:
    if c is None or c.type in (ColorType.DEFAULT, ColorType.STANDARD, ColorType.WINDOWS):
        return None
    t = c.get_truecolor()
    return (t.red, t.green, t.blue)


def resolved(style: Style, base: Style) -> tuple[RichColor | None, RichColor | None]:
    """(foreground, background) as the terminal will paint them."""
    fg = style.color or base.color
    bg = style.bgcolor or base.bgcolor
    return (bg, fg) if style.reverse else (fg, bg)


def readable(segments: list[Segment], base: Style) -> list[Segment]:
    out = []
    for seg in segments:
        style = seg.style
        if style is None or seg.control:
            out.append(seg)
            continue
        fg, bg = resolved(style, base)
        f, b = _known(fg), _known(bg)
        if f is None or b is None or ratio(f, b) >= MIN_CONTRAST:
            out.append(seg)
            continue
        bg_rgb = b
        better = _BLACK if ratio((0, 0, 0), bg_rgb) >= ratio((255, 255, 255), bg_rgb) else _WHITE
        fixed = style + Style(color=bg if style.reverse else better, bgcolor=better if style.reverse else bg)
        out.append(Segment(seg.text, fixed, seg.control))
    return out
