"""Everything around the article bodies: file names, metadata, YAML, special files, outputs.

Each case is built by a fixture in a temporary folder and run as a user would run it: through
``parallax analyze`` in every format, through the reader under Pilot (every rendered segment,
notification and palette entry), and in a real terminal (tmux: the window title, the clipboard
buffers, the alternate screen and mouse reporting after exit).
"""
from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import time

import pytest

from conftest import SEEDS, parallax_command
from terminal import TITLE, TMUX, Terminal
from tui.core.analysis import analyse
from tui.reader.app import ParallaxApp

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]")
OSC_TITLE = "\x1b]2;PWNED\x07"
OSC_TITLE_ST = "\x1b]2;PWNED\x1b\\"  # the String Terminator form, which survives Rich's control-code filter
OSC_CLIP = "\x1b]52;c;ZXZpbA==\x1b\\"
FORMATS = ("json", "md", "text")
BODY = 'The minister said "we will reopen the port next week" on Monday.\n'


def run(*args, env=None, timeout=120):
    return subprocess.run([*parallax_command(), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, errors="surrogateescape")


def assert_safe(r: subprocess.CompletedProcess) -> None:
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not UNSAFE.search(r.stdout), repr(UNSAFE.search(r.stdout))
    assert not UNSAFE.search(r.stderr), repr(r.stderr)


def yaml_escape(s: str) -> str:
    """A string as a double-quoted YAML scalar, control characters as YAML escapes."""
    return '"' + "".join(c if c.isprintable() and c not in '\\"' else f"\\x{ord(c):02x}" for c in s) + '"'


@pytest.fixture
def metadata_story(tmp_path):
    """Escape sequences in every place metadata comes from."""
    d = tmp_path / "meta"
    d.mkdir()
    (d / f"a{OSC_TITLE_ST}.txt").write_text(BODY)
    (d / f"b{OSC_CLIP}.txt").write_text(BODY.replace("minister", "envoy"))
    (d / "c.md").write_text(f"---\nsource: {yaml_escape('Daily' + OSC_TITLE)}\n"
                            f"date: {yaml_escape(OSC_CLIP)}\nauthor: {yaml_escape('Ann' + OSC_TITLE)}\n---\n" + BODY)
    (d / "d.txt").write_text(f"Source: Wire{OSC_TITLE_ST}\n\nKYIV{OSC_CLIP} — " + BODY)
    (d / "e.txt").write_text("Harbour Reopens\n\n" + BODY.replace("minister", "mayor"))
    long_name = "x" * 52 + "[@click=app.quit]"
    (d / "story.yaml").write_text(
        "title: " + yaml_escape("Port" + OSC_TITLE) + "\n"
        "articles:\n  e.txt: {source: " + yaml_escape("Post" + OSC_CLIP) + "}\n"
        "actors:\n  - name: " + yaml_escape(long_name) + "\n    aliases: [minister]\n"
        "  - name: " + yaml_escape("y" * 55 + "[link=https://evil.example]z") + "\n    aliases: [envoy]\n"
    )
    return d


@pytest.mark.parametrize("fmt", FORMATS)
def test_metadata_escapes_never_reach_the_output(metadata_story, fmt, tmp_path):
    r = run("analyze", str(metadata_story), "--format", fmt)
    assert r.returncode == 0, r.stderr
    assert_safe(r)
    assert "␛" in r.stdout  # shown, as a placeholder
    out = tmp_path / f"report.{fmt}"
    r = run("analyze", str(metadata_story), "--format", fmt, "-o", str(out))
    assert r.returncode == 0 and not UNSAFE.search(out.read_text())


def test_the_model_holds_no_raw_control_character(metadata_story):
    story = analyse([metadata_story])
    for a in story.articles:
        for value in (a.file, a.path, a.source, a.date, a.title, a.byline, a.dateline, a.url, a.text):
            assert not UNSAFE.search(value or ""), (a.file, value)
    assert not UNSAFE.search(story.title + story.path)
    for x in story.actors:
        assert not UNSAFE.search(x.name + " ".join(x.aliases) + (x.role or ""))


def _rendered(app) -> str:
    """Every segment the current screen renders (panes, titles, notifications, palette)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


async def test_reader_palette_and_notices_show_metadata_safely(metadata_story):
    story = analyse([metadata_story])
    app = ParallaxApp(story, theme="parallax-dark", remember=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        app.notify(story.articles[0].file, markup=False)  # a notice that quotes a file name
        await pilot.pause()
        assert not UNSAFE.search(_rendered(app))
        for i in range(len(story.articles)):  # each article's inspector shows source, date and file
            app.screen.focus_index(i)
            await pilot.press("n", "enter")
            await pilot.pause()
            assert not UNSAFE.search(_rendered(app))
            await pilot.press("escape")
        await pilot.press("ctrl+p")  # half a markup tag after a cut must not crash it
        await pilot.pause()
        await pilot.press(*"x")
        await pilot.pause(0.3)
        assert not UNSAFE.search(_rendered(app))
        await pilot.press(*"xxx")
        await pilot.pause(0.3)
        assert app.is_running
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert not any(UNSAFE.search(t) for t in titles)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not app.crashed


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it via .ci/run)")
def test_in_a_real_terminal_the_title_and_clipboard_stay_untouched(metadata_story, tmp_path):
    term = Terminal(tmp_path, width=200, height=50)
    cmd = " ".join(parallax_command())
    env = f"env XDG_CONFIG_HOME={tmp_path / 'xdg'} TERM=xterm-256color"
    reports = "; ".join(f"{cmd} analyze {metadata_story} --format {fmt}" for fmt in FORMATS)
    # the reader, then every report printed into the same terminal
    term.start(f"cd {tmp_path} && {env} {cmd} {metadata_story}; echo EXIT=$?; {env} sh -c '{reports}'; "
               "echo ALL-DONE; sleep 60")
    try:
        term.wait_for("sources")
        for keys in (["n"], ["Enter"], ["G"], ["Escape"], ["Tab"], ["n"], ["Enter"], ["Escape"], ["]"], ["Enter"],
                     ["Escape"], ["a"], ["Down"], ["Enter"], ["Escape"], ["C-p"], ["x", "x"], ["Escape"], ["c"],
                     ["Escape"]):
            term.keys(*keys)
            time.sleep(0.4)
        assert term.state()["title"] == TITLE and term.state()["buffers"] == ""
        term.keys("q")
        term.wait_for("ALL-DONE", timeout=90)
        state = term.state()
        assert state == {"title": TITLE, "alternate": "0", "mouse": "000", "buffers": ""}, state
    finally:
        term.kill()


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it via .ci/run)")
@pytest.mark.parametrize("signal_name", ["TERM", "HUP"])
def test_a_signal_restores_the_terminal(tmp_path, signal_name):
    term = Terminal(tmp_path, width=100, height=30)
    cmd = " ".join(parallax_command())
    pid_file = tmp_path / "pid"
    term.start(f"cd {tmp_path} && env XDG_CONFIG_HOME={tmp_path / 'xdg'} TERM=xterm-256color "
               f"sh -c 'echo $$ > {pid_file}; exec {cmd} {SEEDS}'; echo EXIT=$?; sleep 60")
    try:
        term.wait_for("sources")
        assert term.state()["alternate"] == "1"
        subprocess.run(["kill", f"-{signal_name}", pid_file.read_text().strip()], check=True)
        screen = term.wait_for("EXIT=")
        assert f"EXIT={128 + {'TERM': 15, 'HUP': 1}[signal_name]}" in screen
        state = term.state()
        assert state["alternate"] == "0" and state["mouse"] == "000", state
    finally:
        term.kill()


# ---------------------------------------------------------------- malformed YAML, everywhere
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
BAD_YAML = {
    "impossible date": "date: 2025-13-40\ntitle: x\n",
    "huge integer": "title: " + "9" * 5000 + "\n",
    "deep nesting": "title: " + "[" * 10000 + "]" * 10000 + "\n",
    "scalar for a list": "actors: 5\n",
    "alias bomb": BOMB + "title: x\n",
    "list of scalars": "actors: [1, 2, three]\n",
    "not a mapping": "- a\n- b\n",
    "broken syntax": "title: [unclosed\n  bad: indentation\n",
    "binary tag": "title: !!binary " + "QUFB" * 1000 + "\n",
}


@pytest.mark.parametrize("case", sorted(BAD_YAML))
def test_a_malformed_story_yaml_is_one_line_then_defaults(tmp_path, case):
    d = tmp_path / "s"
    d.mkdir()
    (d / "a.txt").write_text(BODY)
    (d / "story.yaml").write_text(BAD_YAML[case])
    start = time.monotonic()
    r = run("analyze", str(d), "--format", "json", timeout=60)
    assert time.monotonic() - start < 50
    assert_safe(r)
    if case in ("impossible date", "binary tag", "huge integer"):
        # a date we cannot read is no date; binary and a number too long for Python stay text
        assert r.returncode == 0
        return
    assert r.returncode == 1, (case, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "story.yaml" in lines[0], lines
    assert json.loads(r.stdout)["articles"]


@pytest.mark.parametrize("case", ["impossible date", "deep nesting", "alias bomb", "not a mapping"])
def test_malformed_front_matter_is_one_line_and_the_article_still_opens(tmp_path, case):
    d = tmp_path / "s"
    d.mkdir()
    (d / "a.md").write_text("---\n" + BAD_YAML[case] + "---\n" + BODY)
    r = run("analyze", str(d), "--format", "json", timeout=60)
    assert_safe(r)
    data = json.loads(r.stdout)
    assert data["articles"] and "reopen the port" in data["articles"][0]["text"]
    if case != "impossible date":
        assert r.returncode == 1 and "a.md" in r.stderr and "front matter" in r.stderr


CONFIGS = {
    "a list": "- theme\n- parallax-light\n",
    "wrong shape": "theme: {name: parallax-light}\n",
    "bad date": "theme: parallax-light\nwhen: 2025-13-40\n",
    "alias bomb": BOMB,
    "broken syntax": "theme: [unclosed\n",
    "deep nesting": "theme: " + "[" * 10000 + "]" * 10000 + "\n",
}


@pytest.mark.parametrize("case", sorted(CONFIGS))
async def test_a_malformed_config_gives_a_notice_and_the_reader_opens(case, seed_story):
    from tui.config import config_dir

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "config.yaml").write_text(CONFIGS[case])
    app = ParallaxApp(seed_story, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme in ("parallax-dark", "parallax-light")
        if case not in ("bad date",):
            assert any("config.yaml" in str(n.message) for n in app._notifications), case
        await pilot.press("t")  # the choice can still be saved over the broken file
        await pilot.pause()
    assert app.return_code in (None, 0)


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it via .ci/run)")
def test_a_malformed_config_does_not_stop_the_real_app(tmp_path):
    xdg = tmp_path / "xdg" / "parallax"
    xdg.mkdir(parents=True)
    (xdg / "config.yaml").write_text(CONFIGS["a list"])
    term = Terminal(tmp_path)
    term.start(f"env XDG_CONFIG_HOME={tmp_path / 'xdg'} TERM=xterm-256color {' '.join(parallax_command())} "
               f"{SEEDS}; echo EXIT=$?; sleep 30")
    try:
        term.wait_for("config.yaml")
        term.keys("q")
        assert "EXIT=0" in term.wait_for("EXIT=")
    finally:
        term.kill()


THEMES = {
    "alias bomb": "name: bomb\nprimary: '#ff0000'\n" + BOMB,
    "escape in name": "name: " + yaml_escape("evil" + OSC_TITLE) + "\nprimary: '#ff0000'\n",
    "markup in name": "name: '[b]bold[/b]'\nprimary: '#ff0000'\n",
    "huge integer": "name: big\nprimary: " + "9" * 5000 + "\n",
    "bad date": "name: dated\nprimary: '#ff0000'\nwhen: 2025-13-40\n",
    "deep nesting": "name: deep\nprimary: '#ff0000'\nvariables: " + "[" * 10000 + "]" * 10000 + "\n",
    "list variables": "name: listy\nprimary: '#ff0000'\nvariables: {quote-0: [1, 2]}\n",
}


def test_malformed_theme_files_are_named_and_the_rest_load():
    from tui.config import user_themes_dir
    from tui.reader.themes import load_themes

    folder = user_themes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for k, (_case, text) in enumerate(sorted(THEMES.items())):
        (folder / f"t{k}.yaml").write_text(text)
    start = time.monotonic()
    themes, problems = load_themes()
    assert time.monotonic() - start < 20
    names = {t.name for t in themes}
    assert "parallax-dark" in names and "dated" in names
    assert not any(UNSAFE.search(n) or "[" in n for n in names)
    assert len(problems) == len(THEMES) - 1
    assert all(not UNSAFE.search(str(p)) for p in problems)


# ---------------------------------------------------------------- special files and links
def test_a_fifo_and_a_link_to_a_terminal_are_skipped_not_read(tmp_path):
    d = tmp_path / "s"
    d.mkdir()
    (d / "a.txt").write_text(BODY)
    os.mkfifo(d / "pipe.txt")
    os.symlink("/dev/tty", d / "tty.txt")
    os.mkfifo(d / "story.yaml")
    r = run("analyze", str(d), "--format", "json", timeout=30)
    assert_safe(r)
    assert r.returncode == 1
    assert "pipe.txt" in r.stderr and "pipe" in r.stderr.split("pipe.txt", 1)[1].splitlines()[0]
    assert "tty.txt" in r.stderr and "story.yaml" in r.stderr
    assert len(json.loads(r.stdout)["articles"]) == 1


def test_a_link_out_of_the_story_folder_is_named_and_skipped(tmp_path):
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN PRIVATE KEY----- TOPSECRET\n")
    d = tmp_path / "s"
    d.mkdir()
    (d / "a.txt").write_text(BODY)
    os.symlink(secret, d / "notes.txt")
    (d / "inside.txt").symlink_to(d / "a.txt")  # a link inside the folder is fine
    for fmt in FORMATS:
        r = run("analyze", str(d), "--format", fmt)
        assert r.returncode == 1 and "TOPSECRET" not in r.stdout
        assert "notes.txt" in r.stderr and "out of the story folder" in r.stderr
    assert len(json.loads(run("analyze", str(d), "--format", "json").stdout)["articles"]) == 2


def test_a_huge_sparse_story_yaml_is_refused_before_reading(tmp_path):
    d = tmp_path / "s"
    d.mkdir()
    (d / "a.txt").write_text(BODY)
    with open(d / "story.yaml", "wb") as fh:
        fh.truncate(20 * 1024**3)  # 20 GB of holes
    r = run("analyze", str(d), "--format", "json", timeout=60)
    assert_safe(r)
    assert r.returncode == 1 and "story.yaml" in r.stderr and "larger than" in r.stderr


def test_empty_files_before_a_good_one_do_not_hide_it(tmp_path):
    d = tmp_path / "s"
    d.mkdir()
    for i in range(205):
        (d / f"{i:03d}.txt").write_text("")
    (d / "zzz.txt").write_text(BODY)
    story = analyse([d])
    assert [a.file for a in story.articles] == ["zzz.txt"]


# ---------------------------------------------------------------- names, streams, pipes
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_non_utf8_file_name_with_a_strict_utf8_stdout(tmp_path, fmt):
    d = tmp_path / "s"
    d.mkdir()
    with open(os.path.join(os.fsencode(d), b"bad\xff\xfename.txt"), "w") as fh:
        fh.write(BODY)
    env = {"PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
    r = run("analyze", str(d), "--format", fmt, env=env)
    assert r.returncode == 0, r.stderr
    assert_safe(r)
    assert "ad\ufffd\ufffdname" in r.stdout  # the file (or the source named after it), made safe
    out = tmp_path / "out"
    r = run("analyze", str(d), "--format", fmt, "-o", str(out), env=env)
    assert r.returncode == 0 and "\ufffd" in out.read_text()


def test_a_closed_pipe_is_a_quiet_exit(tmp_path):
    cmd = " ".join(parallax_command())
    r = subprocess.run(["bash", "-c", f"{cmd} analyze {SEEDS} --format json | head -c 100 >/dev/null; "
                                      "echo ${PIPESTATUS[0]}"], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "0", r
    assert r.stderr == ""


def test_command_line_arguments_are_echoed_safely():
    r = run("analyze", str(SEEDS), "--format", OSC_TITLE)
    assert r.returncode == 2 and "invalid choice" in r.stderr
    assert_safe(r)
    r = run(f"missing{OSC_TITLE}")
    assert r.returncode == 2
    assert_safe(r)


def test_markdown_report_escapes_html_and_links(tmp_path):
    d = tmp_path / "s"
    d.mkdir()
    (d / "<img src=x onerror=alert(1)>.txt").write_text(
        '<script>alert(1)</script> The minister said "[click](javascript:alert(1)) <b>now</b>" today.\n')
    (d / "story.yaml").write_text("title: '<script>alert(2)</script>'\n")
    r = run("analyze", str(d), "--format", "md")
    assert r.returncode == 0
    assert "<script>" not in r.stdout and "<img" not in r.stdout and "<b>" not in r.stdout
    assert not re.search(r"(?<!\\)\]\(javascript:", r.stdout)  # no link can form
    assert "&lt;script&gt;" in r.stdout


# ---------------------------------------------------------------- output files
def test_output_onto_links_pipes_and_devices(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    for fmt in FORMATS:
        r = run("analyze", str(SEEDS), "--format", fmt, "-o", str(link))
        assert r.returncode == 0, r.stderr
        assert link.is_symlink() and target.read_text() != "old"  # the link kept, its target replaced
        target.write_text("old")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for fmt in FORMATS:
        reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
        r = run("analyze", str(SEEDS), "--format", fmt, "-o", str(fifo))
        got = reader.communicate(timeout=30)[0]
        assert r.returncode == 0 and got and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    for fmt in FORMATS:
        r = run("analyze", str(SEEDS), "--format", fmt, "-o", "/dev/null")
        assert r.returncode == 0 and stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_reports_get_the_usual_file_mode(tmp_path):
    out = tmp_path / "r.md"
    old = os.umask(0o022)
    try:
        r = run("analyze", str(SEEDS), "--format", "md", "-o", str(out))
    finally:
        os.umask(old)
    assert r.returncode == 0 and stat.S_IMODE(out.stat().st_mode) == 0o644


# ---------------------------------------------------------------- wide characters
def test_emoji_sequences_have_one_width_everywhere():
    from rich.cells import cell_len

    from tui.core.sanitise import sanitise

    for s in ("❤️ love", "👨‍👩‍👧 family", "☺︎ smile", "ok"):
        shown = sanitise(s)
        assert len(shown) == len(s)
        assert "\u200d" not in shown and "\ufe0f" not in shown and "\ufe0e" not in shown
        # every character left has a width the terminal and Rich agree on
        assert cell_len(shown) == sum(cell_len(ch) for ch in shown)
    assert sanitise("क्‍ष") == "क्‍ष"  # a joiner inside a word of an Indic script stays
