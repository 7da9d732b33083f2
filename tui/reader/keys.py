"""Every key of the reader, in one table: the bindings, the ``?`` screen, the command palette
and the README's key table are all made from :data:`KEYS` (a test checks the README).

A :class:`Row` is one line of help (``n / N``: next / previous …); it holds the bindings that
carry it out and, when the action belongs in the command palette, the palette's title.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    """One binding: Textual key names (comma separated), the action, the footer label."""

    keys: str
    action: str
    label: str
    footer: bool = False  # shown in the footer
    display: str | None = None  # how the footer writes the key
    palette: str | None = None  # a command palette entry with this title


@dataclass(frozen=True)
class Row:
    section: str
    shown: str  # the keys as people read them: "Tab / Shift+Tab, l / h"
    help: str
    bindings: tuple[Key, ...] = field(default=())


KEYS: tuple[Row, ...] = (
    Row("Quotes", "n / N", "next / previous in the current set: the focused pane's quotes, the matches "
        "after a `/` search, or an actor's quotes after choosing one", (
            Key("n", "step(True)", "Next", footer=True),
            Key("N", "step(False)", "Prev", footer=True, display="N"))),
    Row("Quotes", "] / [", "next / previous **shared remark** across the story (like vimdiff's `]c`)", (
        Key("right_square_bracket", "shared(True)", "Shared", footer=True, display="]",
            palette="Next shared remark"),
        Key("left_square_bracket", "shared(False)", "Shared back", display="[",
            palette="Previous shared remark"))),
    Row("Quotes", "Enter", "the **quote inspector**: every version of the selected remark, stacked, words "
        "that differ marked, with the speaker and the sentence around it (`Esc` closes)", (
            Key("enter", "inspect", "Inspect", footer=True, palette="Inspect remark"),)),
    Row("Quotes", "y", "copy the selected quote with its speaker, source, date and address (to the "
        "terminal's clipboard, OSC 52, only when pressed)", (
            Key("y", "copy_quote", "Copy", palette="Copy quote"),)),
    Row("Panes", "o", "open the focused article's address in a browser (over SSH: copy it)", (
        Key("o", "open_url", "Open", palette="Open article address"),)),
    Row("Panes", "Tab / Shift+Tab, l / h, 1–9", "focus another pane", (
        Key("tab,l", "focus_pane(1)", "Next pane"),
        Key("shift+tab,h", "focus_pane(-1)", "Previous pane"),
        *(Key(str(k), f"focus_number({k})", f"Pane {k}") for k in range(1, 10)))),
    Row("Panes", "> / <", "page through the panes when not all fit", (
        Key("greater_than_sign", "page(1)", "More panes", display=">"),
        Key("less_than_sign", "page(-1)", "Fewer panes", display="<"))),
    Row("Panes", "j k ↑ ↓, Space b PgDn PgUp, Ctrl+F / Ctrl+B, Ctrl+D / Ctrl+U, g G",
        "scroll a line, a page, half a page (as in less), to the top / bottom", (
        Key("j,down", "scroll_lines(1)", "Down"),
        Key("k,up", "scroll_lines(-1)", "Up"),
        Key("space,pagedown,ctrl+f", "scroll_pages(1)", "Page down"),
        Key("b,pageup,ctrl+b", "scroll_pages(-1)", "Page up"),
        Key("ctrl+d", "scroll_pages(0.5)", "Half page down"),
        Key("ctrl+u", "scroll_pages(-0.5)", "Half page up"),
        Key("g,home", "edge(False)", "Top"),
        Key("G,end", "edge(True)", "Bottom"))),
    Row("Panes", "s", "scroll lock: all panes scroll together, aligned on the remarks they share", (
        Key("s", "toggle_lock", "Lock", footer=True, palette="Scroll lock"),)),
    Row("Story", "a", "the **actors panel**: stance (colour and symbol: `+` support, `−` oppose, `±` mixed, "
        "`=` neutral, `?` unknown), role, sources, quotes; `Enter` chooses an actor (their quotes light "
        "up, `n`/`N` step through them) and the evidence for the stance is listed below, with why the stance "
        "was given; in the panel `j`/`k` move, `l`/`→` enter the evidence (`j`/`k` move, `Enter` goes "
        "to that place), `h`/`←` go back, `Esc` closes it", (
            Key("a", "toggle_actors", "Actors", footer=True, palette="Actors panel"),)),
    Row("Story", "/", "search all panes as you type (`n` / `N` step through the matches; `ceasefire` "
        "also finds `cease-fire`; `Esc` in the box cancels)", (
        Key("slash", "search", "Search", footer=True, display="/", palette="Search"),)),
    Row("Story", "c", "compare: numbers that disagree, remarks worded differently, what only one "
        "source has, and a legend of the remarks' colours; `Enter` on a line goes there", (
            Key("c", "compare", "Compare", palette="Compare sources"),)),
    Row("Story", "e", "export the comparison as a Markdown report (the same as `analyze --format md`) "
        "to `~/.local/share/parallax/reports/`", (
            Key("e", "export", "Export", palette="Export report"),)),
    Row("Story", "Esc", "close the search, the panel, or leave the search / actor selection", (
        Key("escape", "clear", "Clear"),)),
    Row("Story", "t", "next theme (remembered)", (
        Key("t", "app.cycle_theme", "Theme", palette="Next theme"),)),
    Row("Story", "Ctrl+P", "command palette: every action above, each actor, each pane"),
    Row("Story", "?", "all the keys", (
        Key("question_mark", "help", "Help", footer=True, display="?", palette="Help"),)),
    Row("Story", "q", "quit (`Ctrl+C` says how, and does not quit)", (
        Key("q", "app.quit", "Quit", footer=True),
        Key("ctrl+c", "interrupt", "Interrupt"))),
)


def bindings() -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    """The reader screen's bindings, in table order (typed as Textual's BINDINGS)."""
    return [
        Binding(k.keys, k.action, k.label, show=k.footer, key_display=k.display)
        for row in KEYS for k in row.bindings
    ]


def palette_entries() -> list[tuple[str, str, str]]:
    """(title, help, action) for every key that belongs in the command palette."""
    out = []
    for row in KEYS:
        for k in row.bindings:
            if k.palette:
                help_text = row.help.replace("**", "").replace("`", "")
                out.append((k.palette, f"{help_text} ({row.shown})", k.action))
    return out


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """The ``?`` screen: sections of (keys, what they do)."""
    sections: dict[str, list[tuple[str, str]]] = {}
    for row in KEYS:
        sections.setdefault(row.section, []).append((row.shown, row.help.replace("**", "").replace("`", "")))
    return list(sections.items())


def markdown_table() -> str:
    """The README's key table."""
    lines = ["| keys | what they do |", "|---|---|"]
    for row in KEYS:
        shown = ", ".join(
            f"`{part.strip()}`" if " / " not in part else " / ".join(f"`{p.strip()}`" for p in part.split(" / "))
            for part in row.shown.split(", ")
        )
        lines.append(f"| {shown} | {row.help} |")
    return "\n".join(lines)
