"""The byline and date lines of an article's header, when the text keeps them as lines.

A scraper that takes a page's text top to bottom gives, above the first paragraph,
``By Jane Doe and John Roe, Reuters`` and ``Jan. 17, 2022, 9:45 PM`` (or
``Published 3:45 PM EST, Mon January 17, 2022``) on lines of their own. They are
the article's ``authors`` and ``published`` date (``Updated …``: ``updated``), not
its body. Only whole lines among the first :data:`HEADER_BLOCKS` count, in English:
a sentence that starts with ``By`` (``By Tuesday, the council had voted.``) is not
a byline, and every piece of a byline must be capitalised words.
"""

from __future__ import annotations

import re

import attrs

from newsingest._html.authors import author_names
from newsingest._html.dates import written_date
from newsingest._months import ENGLISH, alternation, month_numbers
from newsingest._text.blocks import looks_like_headline
from newsingest._text.draft import Draft
from newsingest.model import Date

#: How far down a header's lines may stand (headline, dek, kicker, byline, date, credit...).
HEADER_BLOCKS = 6

_MONTHS = month_numbers(ENGLISH)
_MONTH = alternation(_MONTHS)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?"
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:[A-Z]{2,4}|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?))?"
#: ``Jan. 17, 2022`` / ``17 January 2022`` / ``2022-01-17``.
_DATE = (
    rf"(?i:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTH})\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
)


def _date_line(labels: str) -> str:
    """A whole line that is a date (after one of ``labels``), with a weekday and a time before or after it."""
    return (  # (``^`` outside the group: the engine then tries the first position only)
        rf"^(?i:(?:{labels})(?:\s+on)?:?\s*)"
        rf"(?P<value>(?:{_TIME},?\s+)?(?:{_WEEKDAY}\s+)?(?:{_DATE})(?:,?\s+(?:at\s+)?{_TIME})?)$"
    )


#: Words a byline's piece may hold besides capitalised ones (``Jane de la Cruz``, ``… of NBC News``).
_NAME_PARTICLES = frozenset(
    {"and", "&", "of", "de", "la", "le", "van", "von", "der", "den", "da", "di", "al", "bin", "y"}
)
_PIECES = re.compile(r" ?[,|/] ?| [-–—] ")  # (on the value with its spaces made single: linear)


def byline_names(value: str) -> list[str] | None:
    """The people a byline names, or ``None`` when the line is not a byline.

    Each piece (split at commas, bars and spaced dashes: ``Jane Doe, Senior Reporter,
    NBC News``) must be capitalised words, particles and ``and``; the names are then
    read as from a page's author field (roles and outlets dropped).
    """
    if value.endswith((".", "!", "?", ":", ";")) or any(char.isdigit() for char in value):
        return None
    for piece in _PIECES.split(" ".join(value.split())):
        words = piece.split()
        if not words or len(words) > 8:
            return None
        for word in words:
            if not (word[:1].isupper() or word in _NAME_PARTICLES):
                return None
    return author_names(value) or None


_BYLINE = re.compile(r"^(?:By|BY)\s+(?P<value>[^\n]{2,150})$")
_PUBLISHED_LABELS = "published|posted|first published"
_UPDATED_LABELS = "updated|last updated|modified"
_PUBLISHED = re.compile(_date_line(_PUBLISHED_LABELS + "|"))
_UPDATED = re.compile(_date_line(_UPDATED_LABELS))
#: A date line's label on a line of its own (``Posted On``, ``Last updated:``): a page laid it out apart from its date.
_DATE_LABEL = re.compile(rf"(?i:{_PUBLISHED_LABELS}|{_UPDATED_LABELS})(?:\s+(?i:on))?\s*:?")
_LABEL_MAX_CHARS = 24
_DIGIT = re.compile(r"\d")


@attrs.frozen
class HeaderLines:
    """The header's byline and date lines among the first blocks, and the headline above them.

    ``By Jane Doe and John Roe, Reuters`` goes to ``authors`` (:func:`byline_names`),
    ``Jan. 17, 2022, 9:45 PM`` or ``Published …`` to ``published``, ``Updated …`` to
    ``updated`` (:func:`~newsingest._html.dates.written_date`), each line whole; a date label alone on
    its line (``Posted On``, ``Last updated:``) goes, with the date under it. A first line in sentence case
    (``Council approves the bridge plan``) reads like a lead sentence that lost its
    full stop, and the title step, which knows Title Case, leaves it; above such
    lines it can only be the headline (:func:`~newsingest._text.blocks.looks_like_headline`),
    and it becomes the title when the draft has none. One rule, one pass: most
    blocks are too long to be any of these, and are passed over on their length.
    """

    name: str = "header-lines"
    first_blocks: int = HEADER_BLOCKS

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        index, seen = 0, 0
        while index < len(blocks) and seen < self.first_blocks:
            seen += 1  # (the blocks the rule was given: a removal pulls no later block into the window)
            text = blocks[index].text.strip()
            if len(text) <= _LABEL_MAX_CHARS and _DATE_LABEL.fullmatch(text):
                self._take_label(draft, index, text)
            elif len(text) > 160 or not (text[:3] in ("By ", "BY ") or (len(text) <= 80 and _DIGIT.search(text))):
                index += 1  # the cheap tests first: most blocks go no further
            elif not self._take(draft, index, text):
                index += 1
        if (
            draft.title is None
            and len(blocks) >= 2
            and any(r.rule == self.name for r in draft.removed)
            and looks_like_headline(blocks[0].text, blocks[1].text)
        ):
            reason = "headline above the byline or date line (moved to title)"
            draft.title = draft.remove(0, reason, self.name, "title").text

    def _take_label(self, draft: Draft, index: int, label: str) -> None:
        """Take a date label standing alone, and the date line under it when there is one (read as one line)."""
        blocks = draft.blocks
        dated = _dated(f"{label} {blocks[index + 1].text.strip()}") if index + 1 < len(blocks) else None
        if dated is None:
            draft.remove(index, "date label without its date", self.name)
            return
        draft.remove(index, "date label (its date on the next line)", self.name)
        self._store_date(draft, index, *dated)

    def _take(self, draft: Draft, index: int, text: str) -> bool:
        """Take the block at ``index`` when it is a byline or a date line; whether it was."""
        if (match := _BYLINE.match(text)) is not None:
            names = byline_names(match["value"])
            if not names:
                return False
            for name in names:
                draft.add_author(name)
            draft.remove(index, "byline (names kept in authors)", self.name, "authors")
            return True
        dated = _dated(text)
        if dated is None:
            return False
        self._store_date(draft, index, *dated)
        return True

    def _store_date(self, draft: Draft, index: int, field: str, reason: str, date: Date) -> None:
        stored = getattr(draft, field) is None
        if stored:
            setattr(draft, field, date)
        draft.remove(index, reason, self.name, field if stored else None)


def _dated(text: str) -> tuple[str, str, Date] | None:
    """The field, the removal's reason and the date, when ``text`` is a whole date line."""
    for pattern, field, reason in (
        (_PUBLISHED, "published", "date line (publication date, not body text)"),
        (_UPDATED, "updated", "update date line (not body text)"),
    ):
        match = pattern.match(text)
        date = written_date(match["value"]) if match else None
        if date is not None:
            return field, reason, date
    return None


HEADER_LINES = HeaderLines()
