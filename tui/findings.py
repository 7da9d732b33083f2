"""Findings (placeholder)."""


def find_findings(story):
    return []
