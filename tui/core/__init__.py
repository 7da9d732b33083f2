"""The analysis: pure Python over the frozen model. Never imports Textual or Rich (a test checks)."""
