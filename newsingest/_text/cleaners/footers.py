"""Aggregator source footers: ``Source: | This article originally belongs to X``."""

from __future__ import annotations

from newsingest._text.rules import Extract

SOURCE_FOOTER = Extract(
    name="aggregator-footer",
    pattern=r"(?i)^(?:source\s*:\s*\|?\s*)?this (?:article|story|post) (?:originally )?"
    r"(?:belongs to|(?:first )?appeared (?:first )?(?:on|in)|was (?:first |originally )?published (?:on|by|in))"
    r"\s+(?P<value>[^\s|,]{1,60}(?: [^\s|,]{1,30}){0,3}?)\.?\s*$",
    field="metadata.syndicated_from",
    convert=lambda site: site.rstrip(".") or None,
    needles=("this article", "this story", "this post"),
    reason="aggregator source footer",
    max_chars=160,
)
