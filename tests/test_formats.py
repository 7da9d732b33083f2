"""Bring your own articles: saved web pages, JSON and JSONL, standard input, scraped text."""
from __future__ import annotations

import html
import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import SEEDS, parallax_command
from tui.core.analysis import analyse
from tui.core.load import load
from tui.core.naming import from_file_name

HTML = Path(__file__).resolve().parent / "data" / "html"


def run(*args, stdin: bytes | None = None):
    return subprocess.run([*parallax_command(), *args], capture_output=True, input=stdin, timeout=120,
                          env={**os.environ})


def quotes_of(story, article=None) -> list[str]:
    return [q.text for q in story.quotes if article is None or q.article == article]


# ---------------------------------------------------------------- saved web pages
def test_a_page_with_navigation_footer_comments_and_related_links():
    story = analyse([HTML / "nav_footer.html"])
    a = story.articles[0]
    assert a.title == "Harbour strike ends after night talks"
    assert (a.source, a.date, a.url) == ("Coastline Herald", "2024-03-14", "https://herald.example/news/harbour-strike-ends")
    assert a.authors == ("Mira Okafor",) and a.label == "Coastline Herald"
    for gone in ("Subscribe now", "cookies", "Related stories", "Port to expand", "Comments", "Good news for the town",
                 "All rights reserved", "Privacy policy", "Cranes at the north quay"):
        assert gone not in a.text, gone
    assert "dockers’ union" in a.text and a.dateline and a.dateline.startswith("PORT ELLIS")
    assert quotes_of(story) == ["Nobody wanted this to drag on into the holidays,", "We got most of what we asked for.",
                                "less than one week of lost trade", "a fair settlement"]
    assert story.quote("q1").speaker and story.actor(story.quote("q1").speaker).name == "Tomas Reyes"
    assert len(a.paragraphs) == 6  # headline + five paragraphs, nothing glued, nothing split


def test_a_story_split_across_divs_with_adverts_between():
    a = analyse([HTML / "split_divs.html"]).articles[0]
    assert (a.source, a.date, a.authors) == ("Island Courier", "2024-02-02", ("Jon Varga",))
    for kept in ("nine percent in April", "We have held prices", "People who cross every day", "two new vessels"):
        assert kept in a.text
    for gone in ("Log in", "Advertisement", "Sign up", "More from the Courier", "Lighthouse"):
        assert gone not in a.text, gone


def test_q_and_blockquote_are_quotations():
    story = analyse([HTML / "q_blockquote.html"])
    assert quotes_of(story) == [
        "the only serious answer to the storms",
        "We cannot ask families on the seafront to wait for the next flood before we act.",
        "This money could rebuild the dunes twice over",
    ]
    assert story.actor(story.quotes[0].speaker).name == "Ines Carvalho"


def test_entities_become_the_marks_they_name():
    story = analyse([HTML / "entities.html"])
    text = story.articles[0].text
    assert "next year’s" in text and "“We came with a fair offer" in text and '"unrealistic"' in text
    assert "&#" not in text and "&quot;" not in text
    assert quotes_of(story) == ["We came with a fair offer and it was refused,", "ready to meet again at short notice",
                                "unrealistic"]


def _as_page(article) -> str:
    """An article as a saved page: its paragraphs (the headline an <h1>), entities for every quote
    mark, navigation, related links and a footer around it."""
    marks = {"“": "&ldquo;", "”": "&rdquo;", "‘": "&lsquo;", "’": "&rsquo;", '"': "&quot;"}

    def encoded(a: int, b: int) -> str:
        return "".join(marks.get(c, html.escape(c, quote=False)) for c in article.text[a:b])

    spans = list(article.paragraphs)
    head = spans.pop(0) if article.title and article.body_start > 0 else None
    body = (f"<h1>{encoded(*head)}</h1>\n" if head else "") + "".join(f"<p>{encoded(a, b)}</p>\n" for a, b in spans)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Seed</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/login'>Log in</a></nav>"
            f"<article>{body}</article>"
            "<aside><h3>Related</h3><a href='/x'>Other story one</a> <a href='/y'>Other story two</a></aside>"
            "<footer>Copyright 2025. All rights reserved.</footer></body></html>")


@pytest.mark.parametrize("seed", ["002_612021259542db6d.txt", "003_e694c916471d3379.txt"])
def test_an_html_copy_of_a_seed_has_the_same_quotes(tmp_path, seed):
    story = analyse([SEEDS / seed])
    (tmp_path / "copy.html").write_text(_as_page(story.articles[0]), encoding="utf-8")
    from_text = quotes_of(story)
    from_html = quotes_of(analyse([tmp_path / "copy.html"]))
    assert from_html == from_text and len(from_text) >= 5


def test_a_page_with_no_article_is_one_line(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "good.txt").write_text('The mayor said "yes" on Monday.\n')
    r = run("analyze", str(tmp_path), "--format", "json")
    assert r.returncode == 1
    assert b"empty.html" in r.stderr and len(r.stderr.splitlines()) == 1
    assert len(json.loads(r.stdout)["articles"]) == 1


# ---------------------------------------------------------------- JSON, JSONL, standard input
RECORD = {"title": "Quay reopens", "content": 'The harbour master said "we are open again" on Friday.',
          "outlet": "Harbour Wire", "date": "2024-06-01T10:00:00Z", "url": "https://wire.example/quay",
          "authors": ["Ana Lind", "Omar Haddad"]}


def test_one_json_article(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(RECORD))
    a = analyse([tmp_path]).articles[0]
    assert (a.title, a.source, a.date, a.url, a.authors) == (
        "Quay reopens", "Harbour Wire", "2024-06-01", "https://wire.example/quay", ("Ana Lind", "Omar Haddad"))
    assert "we are open again" in a.text


def test_jsonl_one_article_per_line_and_a_bad_line_named(tmp_path):
    lines = [json.dumps({**RECORD, "outlet": f"Wire {k}", "text": RECORD["content"]}) for k in range(3)]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"title": "no text here"}))
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    story = load([tmp_path])
    assert [a.label for a in story.articles] == ["Wire 0", "Wire 1", "Wire 2"]
    assert [a.file for a in story.articles] == ["feed.jsonl (line 1)", "feed.jsonl (line 2)", "feed.jsonl (line 4)"]
    reasons = [p.reason for p in story.problems]
    assert len(reasons) == 2 and "line 3" in reasons[0] and "line 5" in reasons[1] and "no text" in reasons[1]


@pytest.mark.parametrize("kind", ["text", "html", "json"])
def test_one_article_from_standard_input(kind):
    data = {
        "text": 'The harbour master said "we are open again" on Friday.\n',
        "html": "<html><head><title>Quay</title></head><body><article><h1>Quay reopens</h1><p>The harbour master "
                "said &ldquo;we are open again&rdquo; on Friday after a week of repairs to the quay walls.</p>"
                "</article></body></html>",
        "json": json.dumps(RECORD),
    }[kind].encode()
    r = run("analyze", "-", "--format", "json", stdin=data)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert [q["text"] for q in d["quotes"]] == ["we are open again"]
    assert d["articles"][0]["file"] == "standard input"


# ---------------------------------------------------------------- scraped text repaired
def test_mojibake_is_repaired_and_counted(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor of SÃ£o Paulo said the port wonâ€™t close. "
                                    "“Itâ€™s safe,” said Hugo ChÃ\x83Â¡vez.\n", encoding="utf-8")
    a = analyse([tmp_path]).articles[0]
    assert "São Paulo" in a.text and "won’t" in a.text and "Chávez" in a.text and "â€" not in a.text
    assert any("repaired" in n and "mojibake" in n for n in a.notes)
    assert analyse([tmp_path]).quotes[0].text == "It’s safe,"


def test_scraper_residue_goes_and_quotes_stay(tmp_path):
    text = (
        "Ferry Crews Walk Out\n\n"
        '"The timetable cannot hold," Ana Lind Ana LindPort strike: talks resume | Crews \'not going back\' '
        "to old shifts Ferries run late MORE, the harbour master, told reporters on Monday.\n\n"
        "Photo\n\n"
        "Crews at the ferry terminal on Monday. Photographer: Jo Bo/AFP via Getty Images\n\n"
        "Copyright © 2024 Harbour Wire. Click here for reprint permission.\n\n"
        "Read more\n\n"
        '"We will sail again when it is safe," the union said in a statement.\n'
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    story = analyse([tmp_path])
    a = story.articles[0]
    assert "MORE" not in a.text and "Port strike" not in a.text and "Getty" not in a.text
    assert "Click here" not in a.text and "Read more" not in a.text and "\n\nPhoto\n\n" not in a.text
    assert "Ana Lind, the harbour master, told reporters" in a.text
    assert quotes_of(story) == ["The timetable cannot hold,", "We will sail again when it is safe,"]
    dropped = dict(a.dropped)
    assert dropped["link clutter"] == 1 and dropped["caption"] == 2 and dropped["promo"] == 1


def test_a_single_nul_among_text_is_text(tmp_path):
    (tmp_path / "a.txt").write_bytes(b'The mayor said "we are ready" on\x00 Monday.\n')
    a = analyse([tmp_path]).articles[0]
    assert "␀" in a.text and "we are ready" in a.text
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x00" * 200)
    story = analyse([tmp_path])
    assert [x.file for x in story.articles] == ["a.txt"] and "binary" in story.problems[0].reason


# ---------------------------------------------------------------- every file accounted for
def test_every_file_of_a_folder_is_read_or_named(tmp_path):
    d = tmp_path / "story"
    d.mkdir()
    (d / "a.txt").write_text('The mayor said "yes" on Monday.\n')
    (d / "b.md").write_text('The envoy said "no" on Tuesday.\n')
    (d / "c.html").write_bytes((HTML / "entities.html").read_bytes())
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    (d / "gold.yaml").write_text("x: 1\n")
    (d / "README.md").write_text("How this folder was made.\n")
    (d / "drafts").mkdir()
    (d / ".DS_Store").write_bytes(b"\x00")
    (d / "story.yaml").write_text("title: Test\n")
    r = run("analyze", str(d), "--format", "json")
    assert r.returncode == 1
    err = r.stderr.decode()
    for name in ("notes.pdf", "gold.yaml", "README.md", "drafts"):
        assert sum(name in line for line in err.splitlines()) == 1, (name, err)
    assert ".DS_Store" not in err and "story.yaml" not in err and "a.txt" not in err
    assert [a["file"] for a in json.loads(r.stdout)["articles"]] == ["a.txt", "b.md", "c.html"]


# ---------------------------------------------------------------- a name for every source
def test_a_name_for_every_source(tmp_path):
    assert from_file_name("washington-times") == "The Washington Times"
    assert from_file_name("cnn-2") == "CNN" and from_file_name("the-hill") == "The Hill"
    assert from_file_name("02_local") == "Local"
    assert from_file_name("001_f880f0403dd55d01") is None and from_file_name("3f2a9c1be07d4d11") is None
    d = tmp_path / "s"
    d.mkdir()
    body = 'The mayor said "yes" on Monday.\n'
    (d / "001_f880f0403dd55d01.txt").write_text(body)
    (d / "002_a1b2c3d4e5f60718.txt").write_text("KYIV (Reuters) - " + body)
    (d / "003_9f8e7d6c5b4a3921.txt").write_text(body)
    (d / "harbour-gazette.txt").write_text(body)
    (d / "story.yaml").write_text("articles:\n  003_9f8e7d6c5b4a3921.txt: {source: Quay Post}\n")
    names = [a.label for a in analyse([d]).articles]
    assert names == ["Source 1", "Reuters", "Quay Post", "Harbour Gazette"]


async def test_the_reader_names_each_article_one_way(tmp_path):
    from tui.reader.app import ParallaxApp

    d = tmp_path / "s"
    d.mkdir()
    (d / "001_f880f0403dd55d01.txt").write_text('Ana Lind said "the port opens" on Monday.\n')
    (d / "harbour-gazette.txt").write_text('Ana Lind said "the port opens" again.\n')
    story = analyse([d])
    app = ParallaxApp(story, remember=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        titles = [str(p.title_bar.render()) for p in app.screen.panes]
        assert "Source 1" in titles[0] and "Harbour Gazette" in titles[1]
        assert "f880f0403dd55d01" not in " ".join(titles)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        shown = "\n".join("".join(s.text for s in strip) for strip in app.screen._compositor.render_strips())
        assert "Source 1" in shown and "001_f880f0403dd55d01.txt" in shown  # the inspector names the file


def test_credit_lines_for_reporters_go(tmp_path):
    text = (
        '"We will sail," the union said.\n\n'
        "Harbour Wire's Ana Lind reported from the quay; Jo Bo in Oslo contributed to this article.\n\n"
        "Reporting by Ana Lind and Jo Bo; Editing by Per Holm\n\n"
        "Ana Lind reported from the quay and said the ferries were late.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    a = analyse([tmp_path]).articles[0]
    assert "contributed" not in a.text and "Editing by" not in a.text
    assert "Ana Lind reported from the quay and said" in a.text  # a sentence of the story stays
    assert dict(a.dropped)["credits"] == 2
