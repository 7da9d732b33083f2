"""The real app in a real terminal: tmux, and tmux over a real SSH session.

These start ``parallax seeds`` as a user would, press keys with ``tmux send-keys``, read the
screen with ``capture-pane``, and check a clean exit. They skip, saying why, where tmux (or
Debian's sshd) is missing; ``.ci/run`` installs both so that CI always runs them.
"""
from __future__ import annotations

import getpass
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from conftest import SEEDS, parallax_command
from terminal import SSH, SSH_KEYGEN, SSHD, TMUX, Terminal

pytestmark = pytest.mark.e2e



def drive_reader(term: Terminal, exit_file: Path) -> None:
    """The done-when walk: see the panes, press ], see the remark everywhere, inspect, quit."""
    screen = term.wait_for("RFE/RL")
    assert "5 sources" in screen and "shared remark" in screen
    term.keys("]")
    screen = term.wait_for("in 5 of 5 sources")
    assert "Vladimir Putin" in screen and "◆" in screen
    term.keys("Enter")
    screen = term.wait_for("Words that differ")
    assert "Remark" in screen and "we assume" in screen
    term.keys("G")  # the inspector's last versions
    term.wait_for("If some troops appear there")
    term.keys("Escape")
    time.sleep(0.6)
    term.keys("a")
    screen = term.wait_for("Actors (")
    assert "oppose" in screen and "support" in screen
    term.keys("Escape")
    time.sleep(0.6)  # an Escape followed at once by "q" would reach the app as Alt+q
    term.keys("q")
    term.wait_closed()
    assert exit_file.read_text().strip() == "0"


def reader_shell(tmp_path: Path, folder: Path) -> tuple[str, Path]:
    """The shell line that runs the reader on ``folder`` as a user would, and its exit-code file."""
    exit_file = tmp_path / "exit"
    cmd = " ".join(parallax_command())
    return (f"cd {tmp_path} && env XDG_CONFIG_HOME={tmp_path / 'xdg'} TERM=xterm-256color "
            f"{cmd} {folder}; echo $? > {exit_file}"), exit_file


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it via .ci/run)")
def test_reader_in_tmux(tmp_path):
    term = Terminal(tmp_path)
    shell, exit_file = reader_shell(tmp_path, SEEDS)
    try:
        term.start(shell)
        drive_reader(term, exit_file)
    finally:
        term.kill()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it via .ci/run)")
@pytest.mark.skipif(SSHD is None or SSH is None or SSH_KEYGEN is None,
                    reason="Debian's openssh-server is not installed (CI installs it via .ci/run)")
def test_reader_over_ssh(tmp_path):
    keys = tmp_path / "keys"
    keys.mkdir()
    for name in ("host", "user"):
        subprocess.run([SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-f", str(keys / name)], check=True)
    (keys / "authorized_keys").write_text((keys / "user.pub").read_text())
    os.chmod(keys / "authorized_keys", 0o600)
    port = _free_port()
    user = getpass.getuser()
    config = tmp_path / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {keys / 'host'}\nPidFile {tmp_path / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {keys / 'authorized_keys'}\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\nPermitRootLogin prohibit-password\n"
        f"AllowUsers {user}\nLogLevel ERROR\n"
    )
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", exist_ok=True)  # sshd's privilege separation directory
    sshd = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    term = Terminal(tmp_path)
    try:
        if not _wait_port(port):
            sshd.kill()
            pytest.fail(f"sshd did not start: {sshd.stderr.read().decode(errors='replace')}")
        exit_file = tmp_path / "exit"
        remote = (f"cd {tmp_path} && env XDG_CONFIG_HOME={tmp_path / 'xdg'} "
                  f"{' '.join(parallax_command())} {SEEDS}; echo $? > {exit_file}")
        ssh = (f"{SSH} -t -p {port} -i {keys / 'user'} -o StrictHostKeyChecking=no "
               f"-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes "
               f"{user}@127.0.0.1 '{remote}'")
        term.start(f"env TERM=xterm-256color {ssh}")
        drive_reader(term, exit_file)
    finally:
        term.kill()
        sshd.terminate()
        try:
            sshd.wait(timeout=5)
        except subprocess.TimeoutExpired:
            sshd.kill()


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it via .ci/run)")
def test_shared_remark_key_lands_on_a_pane_holding_it_at_80x24(tmp_path):
    """Only the third and fourth articles share a remark: at 80x24 the first two panes are on
    screen, and ] must page to a pane that holds it (its title marked ◆, the words in view)."""
    story = tmp_path / "story"
    story.mkdir()
    filler = "The council met on Monday to discuss the budget and other matters of the town.\n\n"
    remark = '"We will rebuild the old bridge before the winter comes," said Mayor Ines Coll.\n\n'
    for name, body in (("a", filler * 3), ("b", filler * 3), ("c", filler * 2 + remark), ("d", remark + filler)):
        (story / f"{name}.txt").write_text(f"# Paper {name.upper()}\n\n{body}", encoding="utf-8")
    term = Terminal(tmp_path, width=80, height=24)
    shell, exit_file = reader_shell(tmp_path, story)
    try:
        term.start(shell)
        term.wait_for("Paper A")
        term.keys("]")
        screen = term.wait_for("in 2 of 4 sources")
        assert "◆" in screen and "rebuild the old bridge" in screen
        assert "Paper C" in screen or "Paper D" in screen
        term.keys("q")
        term.wait_closed()
        assert exit_file.read_text().strip() == "0"
    finally:
        term.kill()
