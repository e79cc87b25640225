"""Credits at the end of a story: contributors (``X and Reuters contributed.``), reporters and their places
(``X reported from Minneapolis and Y from Los Angeles.``), wire credits (``Reporting by X``)."""

from __future__ import annotations

import re

from newsingest._text.rules import Extract

# No leading ``\s*``: it made ``split`` quadratic on runs of spaces, and names are stripped anyway.
_SPLIT = re.compile(r",\s*(?:and\s+)?|\band\s+|&\s*|;\s*")


#: "NBC New York's Dana Whitaker" names the outlet before the person: keep the person.
_POSSESSIVE = re.compile(r"^[A-Z][\w .&-]{0,40}?['’]s\s+(?=[A-Z])")


def split_names(names: str) -> list[str]:
    """``"A, B and Reuters"`` → ``["A", "B", "Reuters"]``; an outlet's possessive prefix is dropped."""
    return [_POSSESSIVE.sub("", name.strip()) for name in _SPLIT.split(names) if name and name.strip()]


def credited_names(names: str) -> list[str] | None:
    """The names of a credit line, or ``None`` when it is a sentence, not a credit.

    "Poor planning and bad weather contributed." ends like a credit; its
    "names" do not start with capitals, and so it stays in the body.
    """
    found = split_names(names)
    if not found or any(not name[:1].isupper() or len(name.split()) > 6 for name in found):
        return None
    return found


CONTRIBUTORS = Extract(
    name="contributors",
    pattern=r"^(?P<value>[A-Z][^.\n]{0,200}?)\s+(?:also\s+)?contributed(?:\s+to\s+this\s+(?:report|story|article))?(?:\s+reporting)?\.$",
    field="metadata.contributors",
    needles="contributed",
    reason="contributor credit line",
    convert=credited_names,
    many=True,
    max_chars=240,
)

WIRE_CREDITS = Extract(
    name="wire-credits",
    pattern=r"^(?P<value>(?:(?:Additional\s+)?[Rr]eporting|[Ww]riting|[Ee]diting)\s+by\s+[^\n]{1,200}?)\.?$",
    field="metadata.credits",
    needles=("reporting by", "writing by", "editing by"),
    reason="reporting/editing credit line",
    many=True,
    max_chars=240,
)


_NAME = r"[A-Z][\w'’\-]++(?: [A-Z]\.)?(?: [A-Z][\w'’\-]++){1,2}"
_NAMES = rf"{_NAME}(?:(?:, | and ){_NAME}){{0,3}}"
#: A place: capitalised words, and one more part after a comma (``Kyiv, Ukraine``); the lookahead
#: makes it end where the next reporter or the line does.
_PLACE = r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3}(?:, [A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,2})?(?=,? and |, |\.?$)"
#: (starting only where a word starts, and with possessive words: linear however it is searched)
_REPORTED = re.compile(rf"(?<![\w'’\-.])(?P<names>{_NAMES}) (?:reported )?from {_PLACE}")


def reporters(credit: str) -> list[str] | None:
    """The names of a ``X reported from A, Y from B and Z from C`` credit, in order."""
    names = [name for match in _REPORTED.finditer(credit) for name in split_names(match.group("names"))]
    return names or None


REPORTED_FROM = Extract(
    name="reported-from",
    pattern=rf"^(?P<value>{_NAMES} reported from {_PLACE}(?:(?:,? and |, ){_NAMES} from {_PLACE}){{0,5}})\.$",
    field="authors",
    needles="reported from",
    reason="reporters credited with their places",
    convert=reporters,
    many=True,
    max_chars=400,
)
