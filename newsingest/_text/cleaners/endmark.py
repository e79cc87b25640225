"""The end mark after an article's last sentence: ``(*)``, or a row of asterisks.

Indonesian papers close a story with one (``… pungkasnya.(*)``, ``… Semoga! (*)``,
``… ujar Cak Eri. *****``), and a scraper keeps it glued to the sentence: 114 of the
785 Tribun articles of the shared real-data corpus carry one, and so may an article
whose outlet is not known. Only after a sentence's end or alone on a line: ``(*)``
inside a sentence or opening a line is a footnote. What follows the mark stays: on
one Tribun page it is a fact box of the story.
"""

from __future__ import annotations

import attrs

from newsingest._text.draft import Draft
from newsingest._text.match import fold_needles
from newsingest.model import Block

#: What may stand right before the mark: a sentence's end.
_SENTENCE_END = frozenset('.!?"”’')


@attrs.frozen
class CutEndMark:
    """Cut the end mark from the end of every block that holds one after a sentence's end.

    A block's end is all that is read (no pattern searches the text): the mark is the
    last thing in its block, and most blocks end otherwise.
    """

    name: str = "end-mark"
    reason: str = "end mark after the last sentence"
    needles: tuple[str, ...] = fold_needles(("(*)", "***"))

    def apply(self, draft: Draft) -> None:
        if not draft.may_contain(self.needles):
            return
        for index, block in enumerate(draft.blocks):
            text = block.text.rstrip()
            if text.endswith("(*)"):
                before = text[:-3].rstrip()
            elif text.endswith("***"):
                before = text.rstrip("*").rstrip()
            else:
                continue
            if before and before[-1] not in _SENTENCE_END:
                continue  # a footnote's mark, or a row of stars that closes no sentence
            draft.record_strip(text[len(before) :].strip(), self.reason, self.name)
            draft.blocks[index] = Block(before, block.kind, block.language)
        if any(not block.text for block in draft.blocks):  # a mark alone on its line: its block goes
            draft.blocks[:] = [block for block in draft.blocks if block.text]


END_MARK = CutEndMark()
