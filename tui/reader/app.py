"""The Textual app: themes, remembered settings, the command palette, and the reader screen."""
from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen

from ..config import read_config_file, save_config
from ..core.model import Story
from .keys import palette_entries
from .screen import ReaderScreen
from ..core.sanitise import markup_escape, one_line
from .themes import VARIABLE_DEFAULTS, choose_theme, load_themes


class ParallaxApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "Parallax"

    def __init__(self, story: Story, theme: str | None = None, limited_colour: bool = False,
                 remember: bool = True) -> None:
        # On a 16-colour terminal (or with NO_COLOR) keep the terminal's own ANSI colours;
        # Textual then turns NO_COLOR into "no colour at all", not grey shades.
        super().__init__(ansi_color=True if limited_colour else None)
        self.story = story
        self.requested_theme = theme
        self.limited_colour = limited_colour
        self.remember = remember
        self.our_themes: list[str] = []
        self.theme_problems: list[str] = []
        self.start_messages: list[str] = []
        themes, problems = load_themes()
        for t in themes:
            self.register_theme(t)
        self.our_themes = [t.name for t in themes]
        if self.our_themes:
            # only themes that set the quote palette: Textual's own would keep the dark quote
            # colours on a light background (and the palette's theme picker would offer them)
            for name in [n for n in self.available_themes if n not in self.our_themes]:
                self.unregister_theme(name)
        self.theme_problems = [str(p) for p in problems]
        settings, config_problem = read_config_file()
        name, message = choose_theme(theme, settings.get("theme"), set(self.available_themes), limited_colour)
        self.theme = name
        self.start_messages = [m for m in (config_problem, message) if m]

    crashed = False

    def _fatal_error(self) -> None:
        """An unexpected error: keep the traceback in a crash log, show one line on exit."""
        import sys
        import traceback

        from ..config import write_crash_log

        self.crashed = True
        error = sys.exc_info()[1] or self._exception
        details = "".join(traceback.format_exception(error)) if error else "unknown error"
        log = write_crash_log(details)
        where = f"; details in {log}" if log else ""
        name = type(error).__name__ if error else "Error"
        self.bell()
        self._exit_renderables.append(
            f"parallax: internal error ({one_line(name)}: {one_line(str(error), 120)}){where}"
        )
        self._close_messages_no_wait()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen(self.story))
        if self.theme_problems:
            self.notify("Theme files skipped: " + "; ".join(one_line(p, 120) for p in self.theme_problems),
                        severity="warning", timeout=8, markup=False)
        for message in self.start_messages:
            self.notify(one_line(message), severity="warning", timeout=6, markup=False)
        for p in self.story.problems:
            self.notify(
                f"{one_line(p.file, 60)}: {one_line(p.reason, 100)}", severity="warning", timeout=8, markup=False
            )
        self.watch(self, "theme", self._remember_theme, init=False)
        if self.handle_signals:
            self._restore_terminal_on_signals()

    handle_signals = False  # set by the command line; tests leave the test runner's signals alone

    def _restore_terminal_on_signals(self) -> None:
        """SIGTERM and SIGHUP end the app as ``q`` does: the terminal leaves the alternate
        screen and mouse reporting is turned off."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(sig, self.exit, None, 128 + sig)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no such signal
                pass

    def _remember_theme(self, name: str) -> None:
        if self.remember and not save_config(theme=name):
            self.notify("Could not save the theme choice.", severity="warning", timeout=3, markup=False)

    def action_cycle_theme(self) -> None:
        names = self.our_themes or sorted(self.available_themes)
        i = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(i + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReaderScreen):
            return
        r = screen
        for title, help_text, action in palette_entries():
            yield SystemCommand(title, help_text, partial(r.run_action, action))
        for x in self.story.actors:
            name = markup_escape(one_line(x.name, 60))  # the palette parses titles as markup: cut, then escape
            yield SystemCommand(f"Actor: {name}", f"Highlight the quotes of {name}", _choose_actor(r, x.id))
        for i, a in enumerate(self.story.articles):
            yield SystemCommand(
                f"Pane {i + 1}: {markup_escape(one_line(a.label, 60))}", "Focus this article", _focus(r, i)
            )


def _choose_actor(screen: ReaderScreen, actor_id: str):
    from .widgets.actors_panel import ActorsPanel

    return lambda: screen.on_actors_panel_actor_chosen(ActorsPanel.ActorChosen(actor_id))


def _focus(screen: ReaderScreen, index: int):
    return lambda: screen.focus_index(index)
