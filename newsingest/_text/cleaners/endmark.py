"""The end mark after an article's last sentence: ``(*)``, or a row of asterisks.

Indonesian papers close a story with one (``… pungkasnya.(*)``, ``… Semoga! (*)``,
``… ujar Cak Eri. *****``), and a scraper keeps it glued to the sentence: 114 of the
785 Tribun articles of the shared real-data corpus carry one, and so may an article
whose outlet is not known. Only after a sentence's end or alone on a line: ``(*)``
inside a sentence or opening a line is a footnote. What follows the mark stays: on
one Tribun page it is a fact box of the story.
"""

from __future__ import annotations

from newsingest._text.cleaners.inline import CutInline

END_MARK = CutInline(
    name="end-mark",
    # the mark is looked for only where a sentence ends (or a block starts): linear however it is searched
    pattern=r"(?:(?<=[.!?\"”’])|^)\s*(?:\(\*\)|\*{3,})\s*$",
    reason="end mark after the last sentence",
    needles=("(*)", "***"),
)
