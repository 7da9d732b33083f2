"""Command line: ``parallax [PATH ...]`` opens the reader; ``parallax analyze`` prints the analysis.

Exit codes: 0 ok; 1 some files could not be read (or only in part; the rest was still used,
one line per file on stderr); 2 bad usage, or no article at all; 70 an internal error (one
line on stderr, the traceback kept in a crash log for a bug report; never on the screen).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

DESCRIPTION = """\
Compare how several outlets report the same event: articles side by side, shared quotes
highlighted in every source, and the actors with their stances.

  parallax [PATH ...]                       open the reader (default: the bundled demo story)
  parallax analyze PATH ... [--format F]    print the analysis (json, md or text)

PATH is a folder of articles (.txt, .md, .html, .json, .jsonl; an optional story.yaml), or
article files; - reads one article (text, HTML or JSON) from standard input."""

EPILOG = """\
exit codes: 0 ok, 1 some files could not be read (the rest still opened), 2 bad usage or no articles,
70 internal error (details in a crash log).
Keys in the reader: press ? for help.  Docs: README.md."""


def default_story() -> Path:
    """The bundled demo story: ./seeds in a checkout, or the copy shipped in the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "seeds", here / "_shipped" / "seeds"):
        if candidate.is_dir():
            return candidate
    return Path("seeds")


class _Parser(argparse.ArgumentParser):
    """argparse that never echoes a raw control character from the command line."""

    def error(self, message: str):
        from .core.sanitise import sanitise

        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {sanitise(message)}\n")


def _reader_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="parallax", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="story folder or article files")
    p.add_argument("--theme", metavar="NAME", help="colour theme (see README; remembered for next time)")
    p.add_argument("--version", action="version", version=f"parallax {__version__}")
    return p


def _analyze_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="parallax analyze",
        description="Print the analysis of a story without opening the reader.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="story folder or article files")
    p.add_argument("--format", "-f", choices=("json", "md", "text"), default="text",
                   help="json: the parallax/1 schema; md: Markdown; text: a summary for the terminal (default)")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--version", action="version", version=f"parallax {__version__}")
    return p


def _report_problems(story) -> int:
    from .core.sanitise import one_line

    for p in story.problems:
        print(f"parallax: {one_line(p.file)}: {one_line(p.reason)}", file=sys.stderr)
    return EXIT_PARTIAL if story.problems else EXIT_OK


def _render(story, fmt: str) -> str:
    from .export import to_json, to_markdown, to_text

    if fmt == "json":
        return to_json(story) + "\n"
    if fmt == "md":
        return to_markdown(story)
    return to_text(story)


NO_ARTICLES = "parallax: no articles found (looked for .txt, .md, .html, .json and .jsonl files)"


def _read_stdin(paths: list[str]) -> bytes | None:
    """One article from standard input when a path is ``-`` (at most what the loader reads)."""
    if "-" not in paths:
        return None
    from .core.load import MAX_BYTES

    return sys.stdin.buffer.read(MAX_BYTES + 1)


def _story(paths: list[str], show_progress: bool = False):
    from .core.analysis import analyse

    if not show_progress or not sys.stderr.isatty():
        return analyse(paths, _read_stdin(paths))
    report = Progress()
    try:
        return analyse(paths, _read_stdin(paths), progress=report)
    finally:
        report.done()


class Progress:
    """The stage of a long analysis on one stderr line (only after half a second: a small story
    opens without a flicker), wiped before the reader takes the screen."""

    DELAY = 0.5

    def __init__(self) -> None:
        import time

        self.clock = time.monotonic
        self.start = self.clock()
        self.shown = False

    def __call__(self, stage: str) -> None:
        if self.clock() - self.start < self.DELAY:
            return
        sys.stderr.write(f"\rparallax: {stage}…\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def analyze_main(argv: list[str]) -> int:
    args = _analyze_parser().parse_args(argv)
    story = _story(args.paths)
    code = _report_problems(story)
    if not story.articles:
        print(NO_ARTICLES, file=sys.stderr)
        return EXIT_USAGE
    if args.output:
        from .config import OutputError, write_output

        try:
            write_output(args.output, _render(story, args.format))
        except OutputError as e:
            print(f"parallax: -o {e}", file=sys.stderr)
            return EXIT_USAGE
        return code
    if args.format == "text":
        from rich.console import Console

        from .export import to_rich

        Console(highlight=False).print(to_rich(story))
    else:
        sys.stdout.write(_render(story, args.format))
    sys.stdout.flush()
    return code


def reader_main(argv: list[str]) -> int:
    args = _reader_parser().parse_args(argv)
    paths = args.paths or [str(default_story())]
    story = _story(paths, show_progress=True)
    code = _report_problems(story)
    if not story.articles:
        print(NO_ARTICLES, file=sys.stderr)
        return EXIT_USAGE
    if "-" in paths and not _keyboard_from_terminal():
        print("parallax: standard input held the article and there is no terminal for the keys; "
              "use 'parallax analyze -'", file=sys.stderr)
        return EXIT_USAGE
    if not sys.stdout.isatty():
        from rich.console import Console

        from .export import to_rich

        Console().print(to_rich(story))
        return code
    from .reader.app import ParallaxApp

    app = ParallaxApp(story, theme=args.theme, limited_colour=limited_colour())
    app.handle_signals = True
    app.run()
    if app.crashed:
        return EXIT_INTERNAL
    return code if app.return_code in (None, 0) else app.return_code


def _keyboard_from_terminal() -> bool:
    """After an article came on standard input, read the keys from the terminal (as less does)."""
    import os

    if sys.stdin.isatty():
        return True
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    return True


def internal_error(error: BaseException) -> int:
    import traceback

    from .config import write_crash_log
    from .core.sanitise import one_line

    log = write_crash_log("".join(traceback.format_exception(error)))
    where = f"; details in {log}" if log else ""
    print(f"parallax: internal error ({one_line(type(error).__name__)}: {one_line(str(error), 120)}){where}",
          file=sys.stderr)
    return EXIT_INTERNAL


def limited_colour() -> bool:
    """NO_COLOR is set, or the terminal reports 16 colours (or none): use the ANSI theme."""
    import os

    if "NO_COLOR" in os.environ:
        return True
    from rich.console import Console

    system = Console(file=sys.__stdout__).color_system
    return system in (None, "standard", "windows")


def _safe_streams() -> None:
    """Never fail to print: characters the terminal cannot encode are replaced, not fatal."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def _quiet_broken_pipe() -> None:
    """`parallax analyze … | head`: the reader went away; stop writing, say nothing."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _safe_streams()
    try:
        if argv and argv[0] == "analyze":
            return analyze_main(argv[1:])
        return reader_main(argv)
    except KeyboardInterrupt:
        return 130
    except SystemExit:
        raise
    except BrokenPipeError:
        _quiet_broken_pipe()
        return EXIT_OK
    except Exception as error:  # a bug of ours: one line for the user, details in a file
        return internal_error(error)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
