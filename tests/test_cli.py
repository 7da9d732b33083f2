"""The installed ``parallax`` command, run as a user would, in a subprocess."""
from __future__ import annotations

import json
import subprocess

from conftest import SEEDS, parallax_command


def run(*args, **kw):
    return subprocess.run([*parallax_command(), *args], capture_output=True, text=True, timeout=120, **kw)


def test_help_and_version():
    r = run("--help")
    assert r.returncode == 0 and "parallax analyze" in r.stdout and "exit codes" in r.stdout
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("parallax ")
    r = run("analyze", "--help")
    assert r.returncode == 0 and "--format" in r.stdout


def test_analyze_json_on_the_seeds():
    r = run("analyze", str(SEEDS), "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert len(d["articles"]) == 5
    by_file = {a["file"][:3]: a for a in d["articles"]}
    assert by_file["000"]["date"] == "2025-09-07"
    assert by_file["001"]["title"] and by_file["001"]["date"] == "2025-09-05"
    assert by_file["004"]["title"]
    assert "\n" not in by_file["002"]["text"].replace("\n\n", "")


def test_analyze_md_and_text():
    r = run("analyze", str(SEEDS), "--format", "md")
    assert r.returncode == 0 and r.stdout.startswith("# ")
    r = run("analyze", str(SEEDS), "--format", "text")
    assert r.returncode == 0 and "Actors" in r.stdout and "\x1b" not in r.stdout


def test_exit_1_with_a_bad_file_and_the_rest_analysed(tmp_path):
    (tmp_path / "a.txt").write_text("The council voted on Monday.\n")
    (tmp_path / "b.txt").write_bytes(b"\x00" * 500)
    r = run("analyze", str(tmp_path), "--format", "json")
    assert r.returncode == 1
    assert len(json.loads(r.stdout)["articles"]) == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "b.txt" in lines[0] and "binary" in lines[0]


def test_exit_2_on_bad_usage_or_no_articles(tmp_path):
    assert run("analyze", str(tmp_path)).returncode == 2
    assert run("analyze", str(tmp_path / "missing")).returncode == 2
    assert run("analyze", str(SEEDS), "--format", "xml").returncode == 2
    assert run("--no-such-option").returncode == 2


def test_output_file(tmp_path):
    out = tmp_path / "story.json"
    r = run("analyze", str(SEEDS), "--format", "json", "-o", str(out))
    assert r.returncode == 0 and r.stdout == ""
    assert json.loads(out.read_text())["schema"] == "parallax/1"


def test_output_into_a_missing_folder_or_onto_a_folder_is_a_usage_error(tmp_path):
    missing = tmp_path / "no" / "such" / "story.json"
    r = run("analyze", str(SEEDS), "--format", "json", "-o", str(missing))
    assert r.returncode == 2 and "no such folder" in r.stderr and not (tmp_path / "no").exists()
    r = run("analyze", str(SEEDS), "--format", "md", "-o", str(tmp_path))
    assert r.returncode == 2 and "is a folder" in r.stderr and "internal error" not in r.stderr


def test_python_dash_m():
    import sys

    r = subprocess.run([sys.executable, "-m", "tui", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("parallax ")


def test_a_long_analysis_says_its_stage_on_one_line_and_wipes_it(monkeypatch, capsys):
    from tui.cli import Progress
    from tui.core.analysis import analyse

    heard: list[str] = []
    analyse([str(SEEDS)], progress=heard.append)
    assert heard[0] == "reading the files" and "reading article 5 of 5" in heard
    assert heard.index("finding who said each quote") < heard.index("matching remarks across sources") \
        < heard.index("reading stances")
    p = Progress()
    p("early")  # under half a second: nothing
    assert capsys.readouterr().err == ""
    p.start -= 10
    p("reading article 3 of 9")
    p.done()
    err = capsys.readouterr().err
    assert "reading article 3 of 9…" in err and err.endswith("\r\x1b[K")
