"""A linked story's card under the article: its headline printed twice.

detik closes 47 of the 150 other-outlet articles of the shared real-data corpus with a
card for a video or another story, whose headline the page prints over its picture and
again under it (``Video Kesiapan Ivan Gunawan Menjelang Ibadah Haji Pertamanya``, twice),
and a scraper keeps both lines. The same line twice as the article's last two blocks, in
a headline's Title Case (as the read-also rules judge a headline), with no sentence's end:
a song's closing line sung twice has the case of a sentence, and a sentence repeated ends
with a full stop.
"""

from __future__ import annotations

import attrs

from newsingest._text.cleaners.inline import is_headline
from newsingest._text.draft import Draft

#: What a headline never ends with (``!`` and ``?`` it may: ``… Bikin Tenaga Motor Jadi Loyo?``).
_SENTENCE_END = frozenset(".,;:")


@attrs.frozen
class DropDoubledHeadline:
    """Drop the last two blocks when they are one headline twice (see the module docstring); never all blocks."""

    name: str = "doubled-headline"
    reason: str = "a linked story's headline, printed twice under the article (its card)"
    max_chars: int = 160
    #: a card's headline has this many words or more: a name twice is no card
    min_words: int = 4
    #: the blocks looked at from the end: the pipeline runs the rule again when a later one changes them
    last_blocks: int = 2

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        if len(blocks) < 3:
            return
        last = blocks[-1].text.strip()
        if last != blocks[-2].text.strip() or not self._is_card_headline(last):
            return
        draft.remove(len(blocks) - 2, self.reason, self.name)
        draft.remove(len(blocks) - 1, self.reason, self.name)

    def _is_card_headline(self, text: str) -> bool:
        """A headline in Title Case (the read-also rules' test), long enough, with no clause's end."""
        return (
            bool(text)
            and len(text) <= self.max_chars
            and text[-1] not in _SENTENCE_END
            and len(text.split()) >= self.min_words
            and is_headline(text)
        )


DOUBLED_HEADLINE = DropDoubledHeadline()
