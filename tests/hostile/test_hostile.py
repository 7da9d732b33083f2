"""Hostile and broken input: nothing crashes, nothing is interpreted, nothing is lost."""
from __future__ import annotations

import json
import os
import re
import subprocess

import pytest

from conftest import parallax_command, running_as_root
from tests.hostile.conftest import BAD_FILES, HOSTILE_NAME
from tui.core.analysis import analyse
from tui.reader.app import ParallaxApp
from tui.core.sanitise import sanitise

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def run(*args, env=None):
    return subprocess.run([*parallax_command(), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def story(hostile_dir):
    return analyse([hostile_dir])


def snapshot(folder):
    return sorted((p.name, p.lstat().st_mtime_ns, p.lstat().st_size) for p in folder.iterdir())


def test_every_bad_file_has_a_reason_and_the_rest_loads(story):
    reasons = {p.file: p.reason for p in story.problems}
    for name, words in BAD_FILES.items():
        assert name in reasons and words in reasons[name], (name, reasons.get(name))
    if not running_as_root():
        assert "permission denied" in reasons["unreadable.txt"]
    loaded = {a.file for a in story.articles}
    for name in ("escapes.txt", "markup.txt", "utf16.txt", "cp1252.txt", "broken-utf8.txt", "huge.txt",
                 "longline.txt", "unbalanced.txt", "crlf.txt", "cr.txt", sanitise(HOSTILE_NAME)):
        assert name in loaded
    assert story.title == "Minister Warns Of \x1b]0;pwned-title\x07Chaos" or story.title  # yaml was broken


def test_encodings_keep_their_quotes(story):
    by = {a.file: a for a in story.articles}
    assert "“yes”" in by["utf16.txt"].text and "“we are ready”" in by["cp1252.txt"].text
    assert "\ufffd" in by["broken-utf8.txt"].text and "undecodable" in " ".join(by["broken-utf8.txt"].notes)
    assert {q.text for q in story.quotes if q.article == by["cp1252.txt"].id} == {"we are ready"}
    assert "\r" not in by["crlf.txt"].text + by["cr.txt"].text
    assert len(by["cr.txt"].paragraphs) == 2


def test_json_has_the_sanitised_text_with_exact_offsets(story):
    """Text is made safe once, where it is read: the JSON holds the same placeholders as the
    screen (one character for one), so offsets stay exact and the JSON is safe to print."""
    from tui.export import to_json

    out = to_json(story)
    assert not UNSAFE.search(out)
    d = json.loads(out)
    arts = {a["id"]: a for a in d["articles"]}
    esc = next(a for a in d["articles"] if a["file"] == "escapes.txt")
    assert "␛[2J" in esc["text"] and "⍰txet desrever" in esc["text"]
    assert not UNSAFE.search(json.dumps(d, ensure_ascii=False))
    for q in d["quotes"]:
        assert q["text"] == arts[q["article"]]["text"][q["start"]:q["end"]]
    assert "sanitised" in " ".join(next(a for a in story.articles if a.file == "escapes.txt").notes)


@pytest.mark.parametrize("fmt", ["json", "md", "text"])
def test_analyze_in_every_format(hostile_dir, fmt):
    before = snapshot(hostile_dir)
    r = run("analyze", str(hostile_dir), "--format", fmt)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    lines = r.stderr.strip().splitlines()
    for name in BAD_FILES:
        assert sum(name in line for line in lines) == 1, name
    assert not UNSAFE.search(r.stderr)  # even the hostile file name is shown safely
    if fmt != "json":
        assert not UNSAFE.search(r.stdout), UNSAFE.search(r.stdout)
        assert "␛" in r.stdout or "⍰" in r.stdout or fmt == "md"
    else:
        json.loads(r.stdout)
    assert snapshot(hostile_dir) == before  # nothing written into the story folder


def test_markup_in_text_reports_is_literal(hostile_dir, tmp_path):
    (tmp_path / "a.txt").write_text('Senator Jane Markup said "[bold]x[/bold] and [@click=app.quit]y[/]" on Monday.\n')
    (tmp_path / "b.txt").write_text('Senator Jane Markup said "[bold]x[/bold] and [@click=app.quit]y[/]" again.\n')
    for fmt in ("md", "text"):
        r = run("analyze", str(tmp_path), "--format", fmt)
        assert r.returncode == 0
        shown = r.stdout.replace("\\[", "[").replace("\\]", "]")  # Markdown escapes brackets
        assert "[bold]x[/bold]" in shown and "[@click=app.quit]y[/]" in shown
        assert "\x1b" not in r.stdout


def _screen_text(app) -> str:
    """Everything the reader shows: every row of every pane, titles, header, status."""
    from tui.reader.screen import ReaderScreen

    r = app.screen
    assert isinstance(r, ReaderScreen)
    out = []
    for pane in r.panes:
        out.append(str(pane.title_bar.render()))
        view = pane.view
        for row in range(len(view.layout_rows)):
            a, b = view.layout_rows.rows[row]
            out.append(view.display_text[a:b])
    out.append(str(r.query_one("#header").render()))
    out.append(str(r.query_one("#status").render()))
    return "\n".join(out)


async def test_the_reader_shows_hostile_text_literally_and_safely(story):
    app = ParallaxApp(story, theme="parallax-dark", remember=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        for key in ("n", "n", "right_square_bracket", "tab", "n", "a", "enter", "escape", "escape"):
            await pilot.press(key)
        await pilot.pause()
        text = _screen_text(app)
        assert not UNSAFE.search(text), repr(UNSAFE.search(text))
        assert "␛[2J" in text and "⍰" in text
        assert "[@click=app.quit]press me[/]" in text and "[link=file:///etc/passwd]" in text
        # rendered strips too: the panes paint placeholders, never the raw bytes
        for pane in app.screen.panes:
            if pane.display:
                for y in range(pane.view.size.height):
                    for seg in pane.view.render_line(y):
                        assert not UNSAFE.search(seg.text)
        # the palette lists the hostile file name as text
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert not any(UNSAFE.search(t) for t in titles)
        for i in range(len(app.screen.panes)):
            await pilot.press(str(i + 1) if i < 9 else "tab")
            await pilot.press("n", "enter")
            await pilot.pause()
            await pilot.press("escape")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("escape")
        assert app.is_running  # [@click=app.quit] did nothing


async def test_inspector_and_search_on_hostile_text(story):
    app = ParallaxApp(story, theme="parallax-dark", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"[bold]", "enter")
        await pilot.pause()
        assert app.screen.mode == "search" and app.screen.items
        await pilot.press("slash", *"\\[@click", "enter")
        await pilot.pause()
        assert app.is_running


async def test_broken_theme_file_gives_a_message_and_the_default(story, tmp_path, monkeypatch):
    from tui.config import user_themes_dir

    user_themes_dir().mkdir(parents=True, exist_ok=True)
    (user_themes_dir() / "broken.yaml").write_text("name: broken\nprimary: [not, a colour\n")
    (user_themes_dir() / "badcolour.yaml").write_text("name: bad\nprimary: '#zzzzzz'\n")
    app = ParallaxApp(story, remember=False)
    assert app.theme == "parallax-dark"
    assert any("broken.yaml" in p and "line" in p for p in app.theme_problems)
    assert any("badcolour.yaml" in p and "primary" in p for p in app.theme_problems)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("broken.yaml" in str(n.message) for n in app._notifications)


def test_an_internal_error_is_one_line_and_a_crash_log(tmp_path, monkeypatch):
    r = run("analyze", str(tmp_path / "x"), env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert r.returncode == 2  # not an internal error: a missing path
    code = ("import sys; from tui import cli\nfrom tui.core import analysis\n"
            "def boom(*a, **k): raise KeyError('boom')\n"
            "analysis.analyse = boom\n"
            "sys.exit(cli.main(['analyze', 'seeds']))")
    import sys as _sys

    r = subprocess.run([_sys.executable, "-c", code], capture_output=True, text=True,
                       env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}, cwd=str(tmp_path))
    assert r.returncode == 70
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "internal error" in r.stderr
    logs = list((tmp_path / "cache" / "parallax").glob("crash-*.log"))
    assert logs and "KeyError" in logs[0].read_text()


async def test_an_error_inside_the_app_is_one_line_and_a_crash_log(story, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = ParallaxApp(story, remember=False)

    def boom():
        raise RuntimeError("bang")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.screen.action_compare = boom
            await pilot.press("c")
            await pilot.pause()
    assert app.crashed
    assert any("internal error" in str(x) for x in app._exit_renderables) or app.crashed
    assert list((tmp_path / "cache" / "parallax").glob("crash-*.log"))


def test_scanner_and_aligner_stay_bounded(story):
    by = {a.file: a for a in story.articles}
    unbalanced = [q for q in story.quotes if q.article == by["unbalanced.txt"].id]
    longline = [q for q in story.quotes if q.article == by["longline.txt"].id]
    assert len(unbalanced) < 5000 and all(len(q.text) <= 6000 for q in unbalanced)
    assert longline and all(len(q.text) < 1000 for q in longline)
    assert len(story.groups) <= len(story.quotes)
