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

import datetime as dt
import re

import attrs

from newsingest._html.authors import author_names
from newsingest._months import ENGLISH, alternation, month_numbers
from newsingest._text.blocks import looks_like_headline
from newsingest._text.draft import Draft
from newsingest._text.rules import Extract

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
_DATE_PARTS = re.compile(
    rf"(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})",
    re.IGNORECASE,
)


def _date_line(labels: str) -> str:
    """A whole line that is a date (after one of ``labels``), with a weekday and a time before or after it."""
    return (
        rf"(?i:^(?:{labels})(?:\s+on)?:?\s*)"
        rf"(?P<value>(?:{_TIME},?\s+)?(?:{_WEEKDAY}\s+)?(?:{_DATE})(?:,?\s+(?:at\s+)?{_TIME})?)$"
    )


def line_date(value: str) -> dt.date | None:
    """The calendar date a date line names, or ``None`` when it names no real day."""
    match = _DATE_PARTS.search(value)
    if match is None:
        return None
    month_name = match["m1"] or match["m2"]
    month = _MONTHS[month_name.casefold()] if month_name else int(match["m3"])
    try:
        return dt.date(
            int(match["y1"] or match["y2"] or match["y3"]), month, int(match["d1"] or match["d2"] or match["d3"])
        )
    except ValueError:
        return None


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


BYLINE = Extract(
    name="byline",
    pattern=r"^(?:By|BY)\s+(?P<value>[^\n]{2,150})$",
    field="authors",
    reason="byline (names kept in authors)",
    convert=byline_names,
    first_blocks=HEADER_BLOCKS,
    max_chars=160,
)
PUBLISHED_LINE = Extract(
    name="date-line",
    pattern=_date_line("published|posted|first published|"),
    field="published",
    reason="date line (publication date, not body text)",
    convert=line_date,
    first_blocks=HEADER_BLOCKS,
    max_chars=80,
)
UPDATED_LINE = Extract(
    name="updated-line",
    pattern=_date_line("updated|last updated|modified"),
    field="updated",
    reason="update date line (not body text)",
    convert=line_date,
    first_blocks=HEADER_BLOCKS,
    max_chars=80,
)


@attrs.frozen
class HeadlineAboveHeader:
    """The first line of a text whose header lines (byline, date) were just taken: its headline.

    A headline in sentence case (``Council approves the bridge plan``) reads like a
    lead sentence that lost its full stop, so the title step, which knows Title
    Case, leaves it; above a byline or a date line it can only be the headline
    (:func:`~newsingest._text.blocks.looks_like_headline`). Only when the draft has no
    title yet (an HTML page's metadata names one).
    """

    name: str = "header-headline"
    first_blocks: int = 1

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        if draft.title is not None or len(blocks) < 2 or not any(r.rule in _HEADER_RULES for r in draft.removed):
            return
        if looks_like_headline(blocks[0].text, blocks[1].text):
            draft.title = draft.remove(
                0, "headline above the byline or date line (moved to title)", self.name, "title"
            ).text


_HEADER_RULES = frozenset({BYLINE.name, PUBLISHED_LINE.name, UPDATED_LINE.name})
HEADER_HEADLINE = HeadlineAboveHeader()
