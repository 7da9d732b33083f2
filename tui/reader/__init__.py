"""The terminal reader: the only code that imports Textual."""
