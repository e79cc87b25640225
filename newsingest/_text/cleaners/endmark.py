"""The end mark ``(*)`` after an article's last sentence.

Indonesian papers close a story with it (``… pungkasnya.(*)``, ``… Semoga! (*)``), and a
scraper keeps it glued to the sentence. 109 of the 785 Tribun articles of the shared
real-data corpus carry one; the Tribun plugin reads it with its closing attributions,
but an article whose outlet is not known needs it cut too. Only after a sentence's
end or alone on a line: ``(*)`` inside a sentence or opening a line is a footnote.
"""

from __future__ import annotations

from newsingest._text.cleaners.inline import CutInline

END_MARK = CutInline(
    name="end-mark",
    # the mark is looked for only where a sentence ends (or a block starts): linear however it is searched
    pattern=r"(?:(?<=[.!?\"”’])|^)\s*\(\*\)\s*$",
    reason="end mark after the last sentence",
    needles="(*)",
)
