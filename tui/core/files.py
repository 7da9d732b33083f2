"""Read files from outside safely: regular files only, never more than asked for.

A FIFO in a story folder would block a plain ``open().read()`` forever, a link to ``/dev/tty``
would read the keyboard, and a 20 GB sparse file would be read whole. :func:`read_bounded`
opens without blocking and without taking a controlling terminal, checks on the open file
(no race with a rename) that it is a regular file, and reads at most ``limit + 1`` bytes, so
the caller can tell that a file was longer than its limit.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """A path that is not a regular file (FIFO, device, socket, directory)."""

    def __init__(self, what: str):
        super().__init__(errno.EINVAL, what)
        self.what = what


def file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def read_bounded(path: str | Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file; :class:`NotRegularFile` for anything else."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(file_kind(mode))
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def reason(exc: OSError) -> str:
    """A short, human reason for an error reading a file."""
    if isinstance(exc, NotRegularFile):
        return exc.what
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    if exc.errno == errno.ENAMETOOLONG:
        return "name too long"
    return exc.strerror or exc.__class__.__name__
