""" "Read also" lines: links to other stories that scrapers leave between paragraphs."""

from __future__ import annotations

from newsingest._text.leads import lead_alternation
from newsingest._text.rules import DropLine

READ_ALSO = DropLine(
    name="read-also",
    pattern="(?i)(?:" + lead_alternation() + r")\s*:.*",
    reason="read-also link to another story",
)
