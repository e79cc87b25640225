"""The lead-ins of "read also" links (``Baca juga:``, ``Read more:``), for the rules and for the splitter.

A module of its own that imports nothing of the project: :mod:`newsingest._text.blocks` reads
them too, and the cleaners import the blocks module.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The lead-in in each language we know, without the colon.
READ_ALSO_LEADS = (
    "read also",
    "read more",
    "also read",
    "see also",
    "baca juga",
    "baca pula",
    "lihat juga",
    "simak juga",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "lire aussi",
    "à lire aussi",
    "voir aussi",
    "leia também",
    "leia mais",
    "veja também",
    "lea también",
    "lee también",
    "leer más",
    "ver también",
    "leggi anche",
    "lees ook",
    "читайте также",
    "читайте еще",
    "смотрите также",
    "czytaj też",
    "czytaj także",
    "devamını oku",
    "ayrıca oku",
)


def lead_alternation(leads: Iterable[str] = READ_ALSO_LEADS) -> str:
    """``leads`` as one regular-expression alternation (no group), any whitespace between their words."""
    return "|".join(lead.replace(" ", r"\s+") for lead in leads)
