"""A real terminal for tests: a tmux session on a private socket, driven and read like a user.

``capture-pane`` reads the screen; ``display -p`` reads what an escape sequence could have
changed (the window title, the alternate screen, mouse reporting); ``list-buffers`` shows
whether an OSC 52 sequence wrote the clipboard (tmux is started with ``set-clipboard on``, so
any such sequence would land there).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

TMUX = shutil.which("tmux")
SSHD = "/usr/sbin/sshd" if os.path.exists("/usr/sbin/sshd") else shutil.which("sshd")
SSH = shutil.which("ssh")
SSH_KEYGEN = shutil.which("ssh-keygen")
TITLE = "untouched-title"


class Terminal:
    """A tmux session on a private socket."""

    def __init__(self, tmp: Path, width: int = 100, height: int = 30):
        self.socket = str(tmp / "tmux.sock")
        self.conf = tmp / "tmux.conf"
        self.conf.write_text("set -g set-clipboard on\nset -g allow-rename on\nset -g history-limit 100\n")
        self.width, self.height = width, height

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([TMUX, "-S", self.socket, *args], capture_output=True, text=True, check=check, timeout=20)

    def start(self, command: str) -> None:
        # the pane's title starts as a known string: an escape sequence that set it would show
        command = f"printf '\\033]2;{TITLE}\\007'; {command}"
        self.tmux("-f", str(self.conf), "new-session", "-d", "-s", "e2e", "-x", str(self.width),
                  "-y", str(self.height), command)
        # a detached session may keep tmux's default size: set the one we asked for
        self.tmux("resize-window", "-t", "e2e", "-x", str(self.width), "-y", str(self.height), check=False)

    def screen(self) -> str:
        r = self.tmux("capture-pane", "-p", "-t", "e2e", check=False)
        return r.stdout

    def state(self) -> dict[str, str]:
        """What escape sequences could have changed: title, alternate screen, mouse, clipboard."""
        fmt = "#{pane_title}|#{alternate_on}|#{mouse_any_flag}|#{mouse_standard_flag}|#{mouse_button_flag}"
        out = self.tmux("display", "-p", "-t", "e2e", fmt, check=False).stdout.rstrip("\n")
        title, alt, any_, std, button = (out.split("|") + [""] * 5)[:5]
        buffers = self.tmux("list-buffers", check=False).stdout.strip()
        return {"title": title, "alternate": alt, "mouse": any_ + std + button, "buffers": buffers}

    def keys(self, *keys: str) -> None:
        for k in keys:
            self.tmux("send-keys", "-t", "e2e", k)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear on screen:\n{screen}")

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", "e2e", check=False).returncode == 0

    def wait_closed(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                return
            time.sleep(0.2)
        raise AssertionError(f"the session did not end:\n{self.screen()}")

    def kill(self) -> None:
        self.tmux("kill-server", check=False)
