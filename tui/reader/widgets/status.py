"""The header line (story, sources, shared remarks) and the status line (the selection)."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...core.sanitise import one_line


class HeaderLine(Static):
    def show(self, title: str, sources: int, shared: int, extra: str = "") -> None:
        text = Text.assemble(
            ("Parallax", "bold"),
            f" · {sources} source{'s' if sources != 1 else ''} · {shared} shared remark{'s' if shared != 1 else ''}",
            no_wrap=True, overflow="ellipsis",
        )
        if extra:
            text.append(f" · {extra}", style="italic")
        text.append(" · ")
        text.append(one_line(title), style="bold")
        self.update(text)


class StatusLine(Static):
    def show(self, parts: list[tuple[str, str]]) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        for k, (content, style) in enumerate(parts):
            if k:
                text.append(" · ", style="dim")
            text.append(one_line(content), style=style)
        self.update(text)
