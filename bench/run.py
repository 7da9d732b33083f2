"""Benchmarks, reported as ratios measured in one run (machines differ; ratios travel).

    make bench            # or: .venv/bin/python bench/run.py

1. Start-up: the reader on the seeds until its first screen is idle, against a bare Textual
   app that shows one line of text.
2. Analysis: ``analyse(seeds)`` against only reading and decoding the same files.
3. Scrolling: page down through a ~1 MB article in the reader, per step, against the same
   steps in Textual's own ``Log`` widget holding the same text (also a Line API widget).
4. Scaling: 2 MB of quote-dense text against 1 MB, and a story.yaml of 3,000 actor entries
   against 1,500: linear work gives 2x (the hostile-input promise allows up to 2.5x).
5. Alignment: the aligner on a synthetic story of 200 articles (about 5,000 quotes: whole
   remarks, fragments, rewordings, one speaker's different remarks), against the same on 100
   articles: near-linear work gives about 2x.

Times are medians of several runs. Nothing here is asserted by the test suite.
"""
from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App  # noqa: E402
from textual.widgets import Log, Static  # noqa: E402

from tui.core.analysis import analyse  # noqa: E402
from tui.reader.app import ParallaxApp  # noqa: E402
from tui.core.load import decode, find_files  # noqa: E402

SEEDS = ROOT / "seeds"
RUNS = 5


class Bare(App):
    def compose(self):
        yield Static("hello")


class LogApp(App):
    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self):
        log = Log()
        yield log

    def on_mount(self):
        self.query_one(Log).write(self.text)


async def _first_idle(make) -> float:
    t0 = time.perf_counter()
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return time.perf_counter() - t0


def median(f, runs: int = RUNS) -> float:
    return statistics.median(f() for _ in range(runs))


def bench_startup(story) -> tuple[float, float]:
    bare = median(lambda: asyncio.run(_first_idle(Bare)))
    ours = median(lambda: asyncio.run(_first_idle(lambda: ParallaxApp(story, theme="parallax-dark", remember=False))))
    return ours, bare


def bench_analysis() -> tuple[float, float]:
    def read_only():
        t0 = time.perf_counter()
        files, _, _ = find_files([SEEDS])
        for f in files:
            decode(f.read_bytes())
        return time.perf_counter() - t0

    def full():
        t0 = time.perf_counter()
        analyse([SEEDS])
        return time.perf_counter() - t0

    return median(full), median(read_only)


def long_article(folder: Path) -> str:
    paragraph = (Path(SEEDS / "000_9734302c6eeac6f8.txt").read_text(encoding="utf-8").strip() + "\n\n")
    text = paragraph * (1_000_000 // len(paragraph))
    (folder / "long.txt").write_text(text, encoding="utf-8")
    return text


async def _scroll_ours(folder: Path, steps: int) -> float:
    app = ParallaxApp(analyse([folder]), theme="parallax-dark", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        t0 = time.perf_counter()
        for _ in range(steps):
            await pilot.press("space")
        await pilot.pause()
        return (time.perf_counter() - t0) / steps


async def _scroll_log(text: str, steps: int) -> float:
    app = LogApp(text)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        log = app.query_one(Log)
        log.focus()
        t0 = time.perf_counter()
        for _ in range(steps):
            await pilot.press("pagedown")
        await pilot.pause()
        return (time.perf_counter() - t0) / steps


def quote_dense(size: int) -> str:
    """``size`` characters of paragraphs thick with quotes, frames, surnames and pronouns."""
    words = [
        "the",
        "port",
        "will",
        "open",
        "again",
        "next",
        "week",
        "after",
        "talks",
        "with",
        "unions",
        "and",
        "the",
        "city",
        "council",
        "over",
        "safety",
        "rules",
        "for",
        "ships",
        "and",
        "crews",
    ]
    out, total, k = ["Port Talks Resume"], 0, 0
    while total < size:
        q = [" ".join(words[(k * 7 + i * 3 + j) % len(words)] for j in range(n)).capitalize()
             for i, n in enumerate((8, 6, 9, 5, 4, 7))]
        p = (f'Jane Roe, the harbour master, spoke first. "{q[0]}," Roe said. "{q[1]}." Omar Haddad '
             f'disagreed. "{q[2]}," Haddad told reporters, adding that "{q[3]}" and "{q[4]}." She said: '
             f'"{q[5]}." The minister said "{q[0]}," and Kerr said "{q[1]}."')
        out.append(p)
        total += len(p) + 2
        k += 1
    return "\n\n".join(out) + "\n"


def timed(f) -> float:
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


def bench_scaling(tmp: Path) -> None:
    """Twice the input must take about twice the time (the README promises linear work)."""
    times = {}
    for mb in (1, 2):
        d = tmp / f"dense{mb}"
        d.mkdir()
        (d / "a.txt").write_text(quote_dense(mb * 1_000_000 - 50_000), encoding="utf-8")
        times[mb] = median(lambda d=d: timed(lambda: analyse([d])), runs=1)
    print(f"scaling    quote-dense 2 MB {times[2]:6.2f} s   1 MB {times[1]:6.2f} s   ratio {times[2] / times[1]:5.2f}x"
          "   (linear: 2x)")
    import yaml

    for n in (1500, 3000):
        d = tmp / f"actors{n}"
        d.mkdir()
        for f in SEEDS.glob("*.txt"):
            (d / f.name).write_bytes(f.read_bytes())
        entries = [{"name": f"Person Number{i} Surname{i}", "aliases": [f"Surname{i}"], "stance": "support"}
                   for i in range(n)]
        (d / "story.yaml").write_text(yaml.safe_dump({"actors": entries}), encoding="utf-8")
        times[n] = median(lambda d=d: timed(lambda: analyse([d])), runs=3)
    print(f"scaling    3,000 story.yaml actors {times[3000]:5.2f} s   1,500 {times[1500]:5.2f} s   "
          f"ratio {times[3000] / times[1500]:5.2f}x   (linear: 2x)")


def synthetic_quotes(n_articles: int, seed: int = 7):
    """Quotes of a synthetic story: 400 remarks by 40 speakers, each article quoting 25 of them
    whole, cut to a fragment, or reworded."""
    import random

    from tui.core.align import AlignQuote

    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)]
    remarks = [(f"p{r % 40}", [rng.choice(vocab) for _ in range(rng.randint(8, 30))]) for r in range(400)]
    out = []
    for a in range(n_articles):
        for k, r in enumerate(rng.sample(range(len(remarks)), 25)):
            speaker, ws = remarks[r]
            roll = rng.random()
            if roll < 0.3:
                i = rng.randrange(len(ws) - 3)
                ws = ws[i:i + rng.randint(2, 4)]  # a fragment
            elif roll < 0.6:
                ws = [w if rng.random() > 0.25 else rng.choice(vocab) for w in ws]  # reworded
            out.append(AlignQuote(id=f"q{len(out)}", article=f"a{a}", text=" ".join(ws),
                                  speaker=speaker if rng.random() > 0.2 else None, paragraph=k, via=None,
                                  order=len(out)))
    return out


def bench_alignment() -> None:
    from tui.core.align import align

    times = {n: median(lambda n=n: timed(lambda: align(synthetic_quotes(n))), runs=3) for n in (100, 200)}
    print(f"alignment  200 articles {times[200]:6.2f} s   100 articles {times[100]:6.2f} s   "
          f"ratio {times[200] / times[100]:5.2f}x   (near-linear: about 2x)")


def main() -> int:
    if "--align" in sys.argv:  # only the alignment figure
        bench_alignment()
        return 0
    story = analyse([SEEDS])
    ours, bare = bench_startup(story)
    print(
        f"start-up   reader on seeds {ours * 1000:7.1f} ms   bare Textual app {bare * 1000:7.1f} ms"
        f"   ratio {ours / bare:5.2f}x"
    )
    full, read = bench_analysis()
    print(
        f"analysis   analyse(seeds)  {full * 1000:7.1f} ms   read+decode only {read * 1000:7.1f} ms"
        f"   ratio {full / read:5.1f}x"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        text = long_article(folder)
        a = analyse([folder])
        load_s = time.perf_counter() - t0
        print(f"long text  {len(text) / 1e6:.1f} MB article analysed in {load_s:.2f} s ({len(a.quotes)} quotes)")
        steps = 40
        per_ours = statistics.median(asyncio.run(_scroll_ours(folder, steps)) for _ in range(3))
        per_log = statistics.median(asyncio.run(_scroll_log(text, steps)) for _ in range(3))
        print(
            f"scrolling  reader page-down {per_ours * 1000:6.2f} ms/step   Textual Log {per_log * 1000:6.2f} ms/step"
            f"   ratio {per_ours / per_log:5.2f}x"
        )
    with tempfile.TemporaryDirectory() as tmp:
        bench_scaling(Path(tmp))
    bench_alignment()
    return 0


if __name__ == "__main__":
    sys.exit(main())
