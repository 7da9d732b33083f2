"""The reader's widgets. They only read the model (tui.model); none of them parses text."""
