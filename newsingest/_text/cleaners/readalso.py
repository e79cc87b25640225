""" "Read also" lines: links to other stories that scrapers leave between paragraphs."""

from __future__ import annotations

from newsingest._text.leads import READ_ALSO_LEADS
from newsingest._text.rules import DropLine

READ_ALSO = DropLine(
    name="read-also",
    pattern="(?i)(?:" + "|".join(lead.replace(" ", r"\s+") for lead in READ_ALSO_LEADS) + r")\s*:.*",
    reason="read-also link to another story",
)
