"""Contributor and wire credits at the end of a story (``X and Reuters contributed.``)."""

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
