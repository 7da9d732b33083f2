"""The analysis written out for people and programs: JSON, Markdown, terminal text."""
from .common import STANCE_SYMBOLS
from .json_doc import SCHEMA, to_dict, to_json
from .markdown import to_markdown
from .text import to_rich, to_text

__all__ = ["SCHEMA", "STANCE_SYMBOLS", "to_dict", "to_json", "to_markdown", "to_rich", "to_text"]
