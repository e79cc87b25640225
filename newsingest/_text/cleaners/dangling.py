"""A subheading with nothing under it, at the end of the text.

A subheading introduces the text under it. When it is the text's last line, that text is
on a page the scraper did not read: Tribun splits long articles over pages, and a scrape
of the first page ends with the heading of the second (``Masuk ITB Jadi Cita-Cita Sejak
Kecil``, ``Kunci Jawaban WOW Level 113``: 10 of the 785 Tribun articles of the shared
real-data corpus, under a finished paragraph). Only a heading under a finished paragraph
of some length counts: the last item of a list (``3. Scorpio``, ``Kabupaten Bone
Bolango`` under other regencies) follows a short line or an item, and stays.
"""

from __future__ import annotations

import re

import attrs

from newsingest._text.blocks import looks_like_heading
from newsingest._text.draft import Draft

#: A numbered or lettered item (``3. Scorpio``, ``B. Informasi``): a list's, not a heading.
_ITEM = re.compile(r"(?:\d{1,3}|[A-Za-z])[.)]\s")
#: A heading's characters: words, spaces, hyphens, apostrophes, commas and ampersands. A line with a
#: bracket, slash, colon, full stop or at sign is a credit, a label or an address (``(Bangkapos.com/Name)``,
#: ``Editor: Name``), which outlet rules read.
_HEADING_CHARS = re.compile(r"[\w \-–'’,&]+")
#: What a finished paragraph ends with.
_FINISHED = (".", "!", "?", '"', "”", "’")


@attrs.frozen
class DropDanglingHeading:
    """Drop the last block when it is a heading under a finished paragraph (see the module docstring)."""

    name: str = "dangling-heading"
    reason: str = "subheading with nothing under it (the text of a page not read)"
    #: the paragraph above has more words than this
    min_words_above: int = 12
    #: the blocks looked at from the end: the pipeline runs the rule again when a later one changes them
    last_blocks: int = 2
    #: run after the plugin's rules too: a plugin's rule may take the last line into a field first
    #: (a reporter's name), and what is left under the article is what this judges
    after_plugin_rules: bool = True

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        if len(blocks) < 3:
            return
        last = blocks[-1].text.strip()
        if not looks_like_heading(last) or _ITEM.match(last) or not _HEADING_CHARS.fullmatch(last):
            return
        above = blocks[-2].text.strip()
        if above.endswith(_FINISHED) and len(above.split()) > self.min_words_above:
            draft.remove(len(blocks) - 1, self.reason, self.name)


DANGLING_HEADING = DropDanglingHeading()
