"""Month names as dates are written out in the text newsingest reads, by language.

Shared by the readers of written dates: a page's date line (:mod:`newsingest._html.dates`,
English) and a batch record's ``date`` (:mod:`newsingest.batch.tasks`, English and Indonesian).
"""

from __future__ import annotations

#: Each month's names and short forms, January first.
ENGLISH = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
INDONESIAN = (
    ("januari", "jan"),
    ("februari", "pebruari", "feb"),
    ("maret", "mar"),
    ("april", "apr"),
    ("mei",),
    ("juni", "jun"),
    ("juli", "jul"),
    ("agustus", "agu", "agt", "ags"),
    ("september", "sep", "sept"),
    ("oktober", "okt"),
    ("november", "nopember", "nov"),
    ("desember", "des"),
)


def month_numbers(*languages: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    """Each name (lower case) of the given languages' months, with the month's number (1 to 12)."""
    return {name: number for months in languages for number, names in enumerate(months, start=1) for name in names}


def alternation(names: dict[str, int]) -> str:
    """The names as a regular-expression alternation, the longest first (``juni`` before ``jun``)."""
    return "|".join(sorted(names, key=len, reverse=True))
