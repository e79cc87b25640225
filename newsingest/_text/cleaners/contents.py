"""Tables of contents: a header (``Daftar Isi``, ``Table of Contents``), then the headings it lists.

Long articles open with one (detik does, as do many guides): scraped, it is a
header line and a short line per section, each of which the article repeats
further down as that section's heading. Left in, the header is taken for the
headline and the entries read as stray lines above the first sentence.
"""

from __future__ import annotations

import re

import attrs

from newsingest._text.blocks import CLOSING_MARKS
from newsingest._text.draft import Draft

#: Headers of a table of contents, alone on their line (Indonesian, English, German, French, Spanish).
CONTENTS_HEADERS = (
    "daftar isi",
    "table of contents",
    "contents",
    "in this article",
    "inhaltsverzeichnis",
    "sommaire",
    "índice",
    "contenido",
)


#: The most characters a header line can have (the longest header, spaces and a colon after it).
_LONGEST_HEADER = max(map(len, CONTENTS_HEADERS)) + 4


@attrs.frozen
class DropContents:
    """Drop a table of contents: its header and the entries the article repeats below.

    An entry is a short line (at most ``max_entry_words`` words) that stands again,
    word for word, further down, and reads as a heading: it does not end in a full
    stop (a question may, as ``Apa itu …?`` entries do). The table ends at the first
    line that is no entry, so the article's first sentence, a heading it does not
    repeat, or a sentence a scrape printed twice is never taken; a header without an
    entry under it is left alone (``Contents`` can head a section of its own).
    """

    name: str = "contents"
    header: re.Pattern[str] = re.compile(r"(?i)(?:" + "|".join(CONTENTS_HEADERS) + r")\s*:?")
    reason: str = "table of contents: its header and the section headings it lists"
    max_entry_words: int = 20
    #: only blocks this short are tried as the header (a case-blind pattern costs half a µs a block)
    max_header_chars: int = _LONGEST_HEADER

    def apply(self, draft: Draft) -> None:
        texts = draft.stripped_texts()
        fullmatch, longest = self.header.fullmatch, self.max_header_chars
        if not any(map(fullmatch, [text for text in texts if len(text) <= longest])):
            return  # the usual case: no header (one C-level pass over the short blocks)
        # every header is tried: one that lists nothing (a section of its own) may stand above the table
        headers = [index for index, text in enumerate(texts) if len(text) <= longest and fullmatch(text)]
        tables: list[tuple[int, int]] = []
        for start in headers:
            end = start + 1
            while end < len(texts) and self._is_entry(texts, end):
                end += 1
            if end > start + 1 and not (tables and start < tables[-1][1]):
                tables.append((start, end))
        taken = 0
        for start, end in tables:
            for _ in range(end - start):
                draft.remove(start - taken, self.reason, self.name)
            taken += end - start

    def _is_entry(self, texts: list[str], at: int) -> bool:
        text = texts[at]
        return (
            0 < len(text.split()) <= self.max_entry_words
            and not text.rstrip(CLOSING_MARKS).endswith(".")
            and text in texts[at + 1 :]
        )


CONTENTS = DropContents()
