"""Generic cleaners: outlet-independent rules that run on every article.

They run before any plugin's rules, in the order of :data:`GENERIC_RULES`: the
inline prefix first (it sits on the first block), then notes and captions that
carry metadata, then the noise that carries none.
"""

from __future__ import annotations

from .captions import CAPTIONS, Captions, credit_tail
from .credits import CONTRIBUTORS, WIRE_CREDITS, split_names
from .footers import SOURCE_FOOTER
from .inline import INLINE_READ_ALSO, READ_ALSO_HEADLINE, CutInline, InlineReadAlso, ReadAlsoHeadline
from .prefixes import DATE_PREFIX
from .prompts import PROMPTS
from .readalso import READ_ALSO
from .related import RELATED_BLOCK, RELATED_LINE
from .updates import UPDATE_NOTES, UpdateNotes

GENERIC_RULES = (
    DATE_PREFIX,
    UPDATE_NOTES,
    CAPTIONS,
    SOURCE_FOOTER,
    RELATED_BLOCK,
    RELATED_LINE,
    READ_ALSO_HEADLINE,
    READ_ALSO,
    INLINE_READ_ALSO,
    PROMPTS,
    CONTRIBUTORS,
    WIRE_CREDITS,
)

__all__ = [
    "CAPTIONS",
    "CONTRIBUTORS",
    "DATE_PREFIX",
    "GENERIC_RULES",
    "INLINE_READ_ALSO",
    "PROMPTS",
    "READ_ALSO",
    "READ_ALSO_HEADLINE",
    "RELATED_BLOCK",
    "RELATED_LINE",
    "SOURCE_FOOTER",
    "UPDATE_NOTES",
    "WIRE_CREDITS",
    "Captions",
    "CutInline",
    "InlineReadAlso",
    "ReadAlsoHeadline",
    "UpdateNotes",
    "credit_tail",
    "split_names",
]
