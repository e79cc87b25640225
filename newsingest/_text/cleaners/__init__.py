"""Generic cleaners: outlet-independent rules that run on every article.

They run before any plugin's rules, in the order of :data:`GENERIC_RULES`: the
inline prefix first (it sits on the first block), then notes and captions that
carry metadata, then the noise that carries none. Each has a stable id, its
``name`` (:data:`GENERIC_RULE_IDS`): a plugin that knows its outlet better
switches a generic rule off, or puts its own in its place, by that id
(:attr:`newsingest.Plugin.generic_rules`). Outlet names have no place here.
"""

from __future__ import annotations

from newsingest._text.cleaners.captions import AGENCIES, CAPTIONS, Captions, credit_tail
from newsingest._text.cleaners.contents import CONTENTS, DropContents
from newsingest._text.cleaners.credits import CONTRIBUTORS, REPORTED_FROM, WIRE_CREDITS, split_names
from newsingest._text.cleaners.dangling import DANGLING_HEADING, DropDanglingHeading
from newsingest._text.cleaners.doubled import DOUBLED_HEADLINE, DropDoubledHeadline
from newsingest._text.cleaners.endmark import END_MARK
from newsingest._text.cleaners.footers import SOURCE_FOOTER
from newsingest._text.cleaners.header import HEADER_LINES
from newsingest._text.cleaners.inline import (
    INLINE_READ_ALSO,
    READ_ALSO_HEADLINE,
    CutInline,
    InlineReadAlso,
    ReadAlsoHeadline,
)
from newsingest._text.cleaners.prefixes import DATE_PREFIX
from newsingest._text.cleaners.prompts import CLICK_HERE, PROMPTS
from newsingest._text.cleaners.readalso import READ_ALSO
from newsingest._text.cleaners.related import RELATED_BLOCK, RELATED_LINE
from newsingest._text.cleaners.tags import TAG_LINE, DropTagLine
from newsingest._text.cleaners.updates import UPDATE_NOTES, UpdateNotes
from newsingest._text.rules import Rule

GENERIC_RULES: tuple[Rule, ...] = (
    DATE_PREFIX,
    HEADER_LINES,
    UPDATE_NOTES,
    CAPTIONS,
    SOURCE_FOOTER,
    CONTENTS,
    RELATED_BLOCK,
    RELATED_LINE,
    READ_ALSO_HEADLINE,
    READ_ALSO,
    INLINE_READ_ALSO,
    PROMPTS,
    CLICK_HERE,
    END_MARK,
    TAG_LINE,
    DOUBLED_HEADLINE,
    CONTRIBUTORS,
    REPORTED_FROM,
    WIRE_CREDITS,
    DANGLING_HEADING,  # (after the plugin's rules too: it judges the text they leave)
)
#: The generic rules' ids, in the order they run: stable, so plugins can name them.
GENERIC_RULE_IDS: tuple[str, ...] = tuple(rule.name for rule in GENERIC_RULES)
assert len(set(GENERIC_RULE_IDS)) == len(GENERIC_RULE_IDS), "generic rule ids must be unique"

__all__ = [
    "AGENCIES",
    "CAPTIONS",
    "CLICK_HERE",
    "CONTENTS",
    "CONTRIBUTORS",
    "DANGLING_HEADING",
    "DATE_PREFIX",
    "DOUBLED_HEADLINE",
    "END_MARK",
    "GENERIC_RULES",
    "GENERIC_RULE_IDS",
    "HEADER_LINES",
    "INLINE_READ_ALSO",
    "PROMPTS",
    "READ_ALSO",
    "READ_ALSO_HEADLINE",
    "RELATED_BLOCK",
    "RELATED_LINE",
    "REPORTED_FROM",
    "SOURCE_FOOTER",
    "TAG_LINE",
    "UPDATE_NOTES",
    "WIRE_CREDITS",
    "Captions",
    "CutInline",
    "DropContents",
    "DropDanglingHeading",
    "DropDoubledHeadline",
    "DropTagLine",
    "InlineReadAlso",
    "ReadAlsoHeadline",
    "UpdateNotes",
    "credit_tail",
    "split_names",
]
