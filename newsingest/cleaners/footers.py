"""Aggregator source footers: ``Source: | This article originally belongs to X``."""

from __future__ import annotations

from ..rules import Extract

SOURCE_FOOTER = Extract(
    name="aggregator-footer",
    pattern=r"(?i)^(?:source\s*:\s*\|?\s*)?this (?:article|story|post) (?:originally )?"
    r"(?:belongs to|appeared (?:first )?(?:on|in)|was (?:first |originally )?published (?:on|by|in))"
    r"\s+(?P<value>[^\s|][^|]{0,80}?)\.?\s*$",
    field="metadata.syndicated_from",
    needles=("this article", "this story", "this post"),
    reason="aggregator source footer",
    max_chars=160,
)
