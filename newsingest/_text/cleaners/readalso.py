""" "Read also" lines: links to other stories that scrapers leave between paragraphs."""

from __future__ import annotations

from newsingest._text.rules import DropLine

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

READ_ALSO = DropLine(
    name="read-also",
    pattern="(?i)(?:" + "|".join(lead.replace(" ", r"\s+") for lead in READ_ALSO_LEADS) + r")\s*:.*",
    reason="read-also link to another story",
)
