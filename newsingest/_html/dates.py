"""The publication date of a page whose metadata names none.

First a line of the page that holds nothing but a date (``January 31, 2024``,
``Dec 17, 2025``, ``3 October 2024``): blogs print the date under the headline
without marking it up. Then htmldate's fast search (meta tags, ``<time>``
elements, date-like classes, the URL). htmldate's extensive search
finds such lines too, but through dateparser with every locale loaded (seconds
at first use); these English and ISO forms cover what the benchmark pages show.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree
from lxml import html as lxml_html

from newsingest._months import ENGLISH, alternation, month_numbers

_MONTHS = month_numbers(ENGLISH)
_MONTH = alternation(_MONTHS)
#: A line that is a date and nothing else, after an optional ``Published``/``Posted on``.
_DATE_LINE = re.compile(
    r"(?:(?:published|posted|date)(?:\s+on)?\s*:?\s*|on\s+)?"
    rf"(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))",
    re.IGNORECASE,
)
#: Short visible text nodes: a date line is 8 to 40 characters.
_SHORT_TEXTS = etree.XPath(
    "//body//text()[string-length(normalize-space(.)) >= 8 and string-length(normalize-space(.)) <= 40]"
    "[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
)


def page_date(tree: lxml_html.HtmlElement, url: str | None = None) -> dt.date | None:
    """The first line of the page that is only a date, else htmldate's fast search.

    The date line is the date as a reader sees it under the headline, and it
    costs one XPath; htmldate's guesses (from the URL, attributes, ``<time>``
    elements anywhere) come second, and only where no such line exists.
    """
    found = first_date_line(tree)
    return found if found is not None else _htmldate(tree, url)


def _htmldate(tree: lxml_html.HtmlElement, url: str | None) -> dt.date | None:
    try:
        from htmldate import find_date

        found = find_date(tree, extensive_search=False, original_date=True, url=url)
        return dt.date.fromisoformat(found) if found else None
    except Exception:  # a fallback that fails leaves the field empty, not the article
        return None


def first_date_line(tree: lxml_html.HtmlElement, today: dt.date | None = None) -> dt.date | None:
    """The first short text of the page that reads as a date, not after ``today``."""
    latest = today or dt.date.today()
    for text in _SHORT_TEXTS(tree):
        match = _DATE_LINE.fullmatch(" ".join(text.split()))
        if match is None:
            continue
        found = _to_date(match)
        if found is not None and dt.date(1995, 1, 1) <= found <= latest:
            return found
    return None


def written_date(text: str) -> dt.date | None:
    """The first date written out in ``text`` (``Jan. 17, 2022``, ``17 January 2022``, ``2022-01-17``), if a real day."""
    match = _DATE_LINE.search(text)
    return _to_date(match) if match else None


def _to_date(match: re.Match) -> dt.date | None:
    year = match["y1"] or match["y2"] or match["y3"]
    month_name = match["m1"] or match["m2"]
    month = _MONTHS[month_name.casefold()] if month_name else int(match["m3"])
    day = match["d1"] or match["d2"] or match["d3"]
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None
