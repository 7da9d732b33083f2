"""Word-wrap an article's displayed text into rows, keeping offsets.

A row is ``(start, end)`` into the text: the reader renders ``text[start:end]`` and maps any
offset (a quote, a search match) to its row with :meth:`Layout.row_of`. Paragraph breaks
(``\\n\\n``) give a blank row. Widths are terminal cells (wide characters count two).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from rich.cells import cell_len

_WORD = re.compile(r"\S+")


@dataclass
class Layout:
    width: int
    rows: list[tuple[int, int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def row_of(self, offset: int) -> int:
        """The row showing ``offset`` (the last row for offsets past the end)."""
        if not self.rows:
            return 0
        i = bisect.bisect_right(self.starts, offset) - 1
        return max(0, min(i, len(self.rows) - 1))

    def __len__(self) -> int:
        return len(self.rows)


def _cells(s: str) -> int:
    return len(s) if s.isascii() else cell_len(s)


def wrap(text: str, width: int) -> Layout:
    width = max(4, width)
    out = Layout(width)
    rows = out.rows
    pos = 0
    for line in text.split("\n"):
        if not line.strip():
            rows.append((pos, pos))
            pos += len(line) + 1
            continue
        row_start = row_end = -1
        row_cells = 0
        for m in _WORD.finditer(line):
            ws, we = pos + m.start(), pos + m.end()
            w = m.group()
            wc = _cells(w)
            if row_start >= 0 and row_cells + 1 + wc <= width:
                row_end = we
                row_cells += 1 + wc
                continue
            if row_start >= 0:
                rows.append((row_start, row_end))
            if wc <= width:
                row_start, row_end, row_cells = ws, we, wc
                continue
            # a word longer than the row: cut it into row-sized pieces
            start = ws
            acc = 0
            for k, ch in enumerate(w):
                c = _cells(ch)
                if acc + c > width:
                    rows.append((start, ws + k))
                    start, acc = ws + k, 0
                acc += c
            row_start, row_end, row_cells = start, we, acc
        if row_start >= 0:
            rows.append((row_start, row_end))
        pos += len(line) + 1
    if not rows:
        rows.append((0, 0))
    out.starts = [a for a, _ in rows]
    return out
