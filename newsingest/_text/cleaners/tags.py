"""Tag lines: the article's topics as lower-case keywords, on the last line of the text.

detik prints them under every article (``narkoba bareskrim polri 40 kg sabu hendry
halim jabodetabek``), and a scraper keeps them: 125 of the 150 other-outlet articles
of the shared real-data corpus end so. No capital and no punctuation, which a body's
last sentence has (a season's slash aside: ``liga inggris 2024/2025``); none of the 818
NBC and Tribun articles there ends in such a line. A short label under the topics goes
with them: detik prints its promo's name there (``Hoegeng Awards 2025``, under 20 of the
150), and nothing of the article comes after its topics.
"""

from __future__ import annotations

import re

import attrs

from newsingest._text.draft import Draft

#: Two or more words of ASCII lower-case letters and digits, joined by spaces or hyphens, a word
#: maybe two joined by a slash (a season); possessive, and starting only where a word does: linear
#: whatever it is searched in.
_TAGS = re.compile(r"(?<![a-z0-9/])[a-z0-9]++(?:/[a-z0-9]++)?+(?:[ -][a-z0-9]++(?:/[a-z0-9]++)?+)+")
#: What ends a sentence or a clause: a label under the topics ends with none of these.
_CLAUSE_END = frozenset('.!?:;,"”’)')


@attrs.frozen
class DropTagLine:
    """Drop the last block when it is a tag line, or the last two when a short label stands under one
    (see the module docstring); never the only block."""

    name: str = "tags"
    reason: str = "tag line (the article's topics in lower case, under it)"
    max_chars: int = 200
    #: the longest label under the topics, in characters and words
    label_chars: int = 40
    label_words: int = 5
    #: the blocks looked at from the end: the pipeline runs the rule again when a later one changes them
    last_blocks: int = 2

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        if len(blocks) < 2:
            return
        if self._is_tag_line(blocks[-1].text):
            draft.remove(len(blocks) - 1, self.reason, self.name)
        elif len(blocks) >= 3 and self._is_label(blocks[-1].text) and self._is_tag_line(blocks[-2].text):
            draft.remove(len(blocks) - 2, self.reason, self.name)  # the tag line, then the label under it
            draft.remove(len(blocks) - 1, self.reason, self.name)

    def _is_tag_line(self, text: str) -> bool:
        text = text.strip()
        return len(text) <= self.max_chars and _TAGS.fullmatch(text) is not None and _words_with_letters(text) >= 2

    def _is_label(self, text: str) -> bool:
        text = text.strip()
        return (
            0 < len(text) <= self.label_chars
            and len(text.split()) <= self.label_words
            and text[-1] not in _CLAUSE_END
            and any(char.isalpha() for char in text)
        )


def _words_with_letters(text: str) -> int:
    """Words holding a letter: a phone number (``952-960-4724``) or a row of figures is no tag line."""
    return sum(not word.replace("-", "").isdigit() for word in text.split())


TAG_LINE = DropTagLine()
