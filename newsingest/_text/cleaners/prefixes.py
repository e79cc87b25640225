"""Inline metadata prefixes that scrapers glue to the first sentence."""

from __future__ import annotations

from newsingest._text.rules import Extract

DATE_PREFIX = Extract(
    name="date-prefix",
    pattern=r"^date:?\s+(?P<value>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s+",
    field="published",
    reason="inline date prefix (publication date, not body text)",
    first_blocks=1,
)
