"""Stances (placeholder, filled by the stance step)."""
from __future__ import annotations


def detect_topic(articles):
    return None


def assign_stances(story, refs_by_article, key_to_id):
    return story
