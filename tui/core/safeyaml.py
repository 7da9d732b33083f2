"""Read YAML from outside (story.yaml, front matter, config, themes) without trusting it.

``yaml.safe_load`` builds no objects but plain ones, yet it still lets a small file ask for a
lot: aliases that expand a billion times ("billion laughs"), nesting deep enough to exhaust the
stack, integers of thousands of digits, impossible dates. :func:`load_yaml` first walks the
event stream (no objects built) and refuses a document that is too large, too deep or expands
too far through its aliases; then it builds the objects with a constructor that keeps dates as
text, keeps an integer too long for Python as text, and sanitises every string (the one
sanitising boundary, :mod:`tui.sanitise`). Every failure is a :class:`YamlError` with a
one-line message that names the line when it can.
"""
from __future__ import annotations

import yaml

from .sanitise import sanitise

MAX_BYTES = 1024 * 1024  # a story.yaml or a theme of more than 1 MB is not a real one
MAX_DEPTH = 40  # collections nested deeper than this
MAX_NODES = 200_000  # nodes once every alias is expanded
MAX_ALIASES = 1000

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(ValueError):
    """A YAML document that cannot be used, with a one-line reason."""


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


def _str(loader, node):
    return sanitise(loader.construct_scalar(node))


def _int(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:  # more digits than Python converts, or not a number after all
        return sanitise(str(node.value))


def _timestamp(loader, node):
    return sanitise(str(node.value))  # dates are read by our own date parser, which validates


_Loader.add_constructor("tag:yaml.org,2002:str", _str)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:binary", _str)


def _where(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return f"line {mark.line + 1}: " if mark is not None else ""


def _check_events(text: str) -> None:
    """Refuse deep nesting and alias bombs before any object is built."""
    stack: list[int] = [0]  # node counts of the open collections
    anchors: dict[str, int] = {}
    open_anchors: list[str | None] = []
    aliases = 0
    total = 0
    for event in yaml.parse(text, Loader=_Base):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) > MAX_DEPTH:
                raise YamlError(f"line {line}: nested more than {MAX_DEPTH} levels deep")
            stack.append(1)
            open_anchors.append(event.anchor)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            size = stack.pop()
            anchor = open_anchors.pop()
            if anchor:
                anchors[anchor] = size
            stack[-1] += size
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                anchors[event.anchor] = 1
            stack[-1] += 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YamlError(f"line {line}: more than {MAX_ALIASES} aliases")
            stack[-1] += anchors.get(event.anchor or "", 1)
        else:
            continue
        total = sum(stack)
        if total > MAX_NODES:
            raise YamlError(f"line {line}: expands to more than {MAX_NODES:,} values (aliases)")


def load_yaml(text: str, max_bytes: int = MAX_BYTES):
    """Plain Python data from YAML text, or :class:`YamlError` with a one-line reason."""
    if len(text) > max_bytes:
        raise YamlError(f"larger than {max_bytes // 1024} KB")
    try:
        _check_events(text)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except YamlError:
        raise
    except yaml.YAMLError as e:
        what = getattr(e, "problem", None) or "not valid YAML"
        raise YamlError(f"{_where(e)}{sanitise(str(what))}") from None
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError) as e:
        raise YamlError(f"cannot be read ({type(e).__name__})") from None
