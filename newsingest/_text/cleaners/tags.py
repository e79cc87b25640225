"""Tag lines: the article's topics as lower-case keywords, on the last line of the text.

detik prints them under every article (``narkoba bareskrim polri 40 kg sabu hendry
halim jabodetabek``), and a scraper keeps them: 125 of the 150 other-outlet articles
of the shared real-data corpus end so. No capital and no punctuation, which a body's
last sentence has; none of the 818 NBC and Tribun articles there ends in such a line.
"""

from __future__ import annotations

import re

import attrs

from newsingest._text.draft import Draft

#: Two or more words of ASCII lower-case letters and digits, joined by spaces or hyphens (possessive,
#: and starting only where a word does: linear whatever it is searched in).
_TAGS = re.compile(r"(?<![a-z0-9])[a-z0-9]++(?:[ -][a-z0-9]++)+")


@attrs.frozen
class DropTagLine:
    """Drop the last block when it is a tag line (see the module docstring); never the only block."""

    name: str = "tags"
    reason: str = "tag line (the article's topics in lower case, under it)"
    max_chars: int = 200
    #: the blocks looked at from the end: the pipeline runs the rule again when a later one changes them
    last_blocks: int = 1

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        if len(blocks) < 2:
            return
        text = blocks[-1].text.strip()
        if len(text) <= self.max_chars and _TAGS.fullmatch(text) and _words_with_letters(text) >= 2:
            draft.remove(len(blocks) - 1, self.reason, self.name)


def _words_with_letters(text: str) -> int:
    """Words holding a letter: a phone number (``952-960-4724``) or a row of figures is no tag line."""
    return sum(not word.replace("-", "").isdigit() for word in text.split())


TAG_LINE = DropTagLine()
