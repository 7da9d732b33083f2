"""Parallax: compare how several outlets report the same event, in a terminal."""

__version__ = "0.1.0"
