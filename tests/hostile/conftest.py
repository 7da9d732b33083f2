"""A corpus of hostile and broken input, generated into a temporary folder.

Each file exercises one way text from the web (or from other people's folders) goes wrong:
terminal escape sequences of each kind, markup injection, bidi controls, encodings, binary
junk, empty files, a 100 MB file, a 400 KB line, thousands of unbalanced quote marks, CRLF
and lone CR line ends, a symlink loop, an unreadable file, a directory named like an
article, a hostile file name and a malformed story.yaml.
"""
from __future__ import annotations

import codecs
import os

import pytest

ESC_TEXT = (
    "Minister Warns Of \x1b]0;pwned-title\x07Chaos\n\n"
    "The minister said \"we will \x1b[2J\x1b[H clear \x1b]52;c;ZXZpbA==\x07 the screen,\" and left.\n\n"
    "A link \x1b]8;;http://evil.example/\x1b\\looks real\x1b]8;;\x1b\\ but is not. A bell \x07, a NUL \x00, "
    "a C1 CSI \x9b31m red, a DCS \x90q\x9c, DEL \x7f.\n\n"
    "Bidi: \u202etxet desrever\u202c and \u2066isolated\u2069 and \u200fmark text.\n"
)
MARKUP_TEXT = (
    "Senator Jane Markup said \"[@click=app.quit]press me[/] to leave\" on Monday, and "
    "[bold]bold[/bold], [link=file:///etc/passwd]a link[/link], [red on white]colour[/], "
    "{braces}, $variable and \\[escaped] stayed text. \"[b]Quoted markup[/b],\" she added.\n"
)
# the one unsafe character a name may carry, for a file name
HOSTILE_NAME = "evil\x1b[31m[bold]name.txt"

BAD_FILES = {  # file -> words its one-line reason contains
    "binary.txt": "binary",
    "empty.txt": "empty",
    "blank.txt": "empty",
    "loop.txt": "symlink loop",
    "folder.txt": "directory",
    "huge.txt": "2 MB",
    "story.yaml": "line",
}


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("hostile"))


def make_corpus(d):
    """Write the corpus into folder ``d`` and return it."""
    (d / "escapes.txt").write_text(ESC_TEXT, encoding="utf-8")
    (d / "markup.txt").write_text(MARKUP_TEXT, encoding="utf-8")
    (d / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "He said “yes” and ‘no’.\n".encode("utf-16-le"))
    (d / "cp1252.txt").write_bytes("The envoy said “we are ready” — again.\n".encode("cp1252"))
    (d / "broken-utf8.txt").write_bytes(b"The mayor said \xe2\x80\x9cwe\xff\xfe will\xc3\x28 see\xe2\x80\x9d.\n")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40 + b"\x00" * 4000)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("   \n\t\n  \n", encoding="utf-8")
    chunk = ("The committee met on Monday and the minister agreed to the plan after a long debate. " * 40
             + "\"It is sound,\" she said.\n\n").encode()
    with open(d / "huge.txt", "wb") as fh:  # 100 MB on disk (sparse after the first 3 MB)
        for _ in range(3 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
        fh.seek(100 * 1024 * 1024 - 1)
        fh.write(b".")
    words = ("the envoy said \"it is fine\" and ", "nobody \"agreed ", "it's the allies' ", "'quoted' ", "word ")
    line = "".join(words[i % len(words)] for i in range(400_000 // 20))
    (d / "longline.txt").write_text(line[:400_000] + "\n", encoding="utf-8")
    (d / "unbalanced.txt").write_text(('He said " and then \' and “ and ‘ and « ' * 2000) + "end.\n", encoding="utf-8")
    (d / "crlf.txt").write_bytes(b"The first line.\r\n\r\nThe minister said \"yes\" on Monday.\r\n")
    (d / "cr.txt").write_bytes(b"The first line.\r\rThe minister said \"no\" on Monday.\r")
    os.symlink(d / "loop.txt", d / "loop.txt")
    (d / "folder.txt").mkdir()
    (d / HOSTILE_NAME).write_text("Governor Bo Evil said \"fine\" on Tuesday.\n", encoding="utf-8")
    (d / "unreadable.txt").write_text("secret text\n", encoding="utf-8")
    os.chmod(d / "unreadable.txt", 0)
    (d / "story.yaml").write_text("title: Hostile\ntopic: [unclosed\n  bad: indentation\n", encoding="utf-8")
    return d
