"""The analysis written out for people and programs: JSON, Markdown, terminal text."""
