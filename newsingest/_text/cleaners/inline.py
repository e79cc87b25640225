"""Noise *inside* a paragraph: what a scraper glued into the text around it.

When a scraper glues lines together, or a page arrives as one long line, a
``Baca juga: <headline>`` link, an ``AD Loading...`` label or a ``Read more``
list of headlines sits in the middle of a paragraph, where the line rules
(which match whole blocks) cannot see it. Two rules cut such pieces out and
keep the sentences around them:

* :class:`CutInline`, a rule kind: cut every match of a pattern out of any
  block (a block left without words goes), optionally moving a value to a field;
* :class:`InlineReadAlso`, a generic cleaner: cut a "read also" lead and the
  headline(s) after it, the headline's end found by its Title Case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

from newsingest._text.blocks import _MINOR_WORDS as MINOR_WORDS
from newsingest._text.draft import Draft
from newsingest._text.leads import READ_ALSO_LEADS, lead_alternation
from newsingest._text.match import fold_needles, folded_block, has_needle
from newsingest._text.rules import Extract


def _compile(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    return pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)


@attrs.frozen
class CutInline:
    """Cut every match of ``pattern`` out of every block, keeping the rest of the block.

    For furniture that a glued or one-line scrape leaves inside a paragraph. A
    block with no letter or digit left is removed. With ``field``, the value of
    the first match (group ``value``, else the whole match; through ``convert``
    if given, which may return ``None`` to leave that match alone) goes there, as
    with :class:`~newsingest._text.rules.Extract`. ``needles``: one must occur in a
    block (any case) for the pattern to be tried.
    """

    name: str
    pattern: re.Pattern[str] = attrs.field(converter=_compile)
    reason: str
    field: str | None = None
    convert: Callable[[str], Any] | None = None
    many: bool = False
    needles: tuple[str, ...] = attrs.field(default=(), converter=fold_needles)

    def apply(self, draft: Draft) -> None:
        needles = draft.needles_present(self.needles)
        if self.needles and not needles:
            return  # no block holds a needle
        if not any(map(self.pattern.search, draft.texts()[draft.first_holding(needles) :])):
            return  # the usual case: no block holds a match (one C-level pass)
        stored = False
        index = 0
        while index < len(draft.blocks):
            block = draft.blocks[index]
            text = block.text
            if not has_needle(text, needles):  # (only the needles the text holds)
                index += 1
                continue
            pieces: list[str] = []
            kept: list[str] = []
            at = 0
            for match in self.pattern.finditer(text):
                value: Any = None
                if self.field is not None:
                    value = _value(match)
                    if value and self.convert is not None:
                        value = self.convert(value)
                        if value is None:
                            continue
                if match.end() == match.start():
                    continue
                kept.append(text[at : match.start()])
                at = match.end()
                pieces.append(match.group(0).strip())
                if value and (self.many or not stored):
                    _store(draft, self.field, value, self.many)
                    stored = True
            if not pieces:
                index += 1
                continue
            kept.append(text[at:])
            rest = _rejoin(kept)
            moved_to = self.field
            if not any(char.isalnum() for char in rest):
                draft.remove(index, self.reason, self.name, moved_to=moved_to)
                continue
            for piece in pieces:
                draft.record_strip(piece, self.reason, self.name, moved_to=moved_to)
            draft.keep_cut(index, rest)
            index += 1


def _value(match: re.Match[str]) -> str:
    value = match.group("value") if "value" in match.re.groupindex else match.group(0)
    return (value or "").strip()


def _store(draft: Draft, field: str | None, value: Any, many: bool) -> None:
    if field is None:
        return
    # one way to fill a field: Extract's (authors de-duplicated, metadata lists, first value kept)
    Extract("cut-inline", "x", field, "", many=many)._store(draft, value)


#: What a cut's seam puts no space before: the punctuation that closed the text cut out.
_NO_SPACE_BEFORE = frozenset(",.;:!?)")


def _rejoin(parts: list[str]) -> str:
    """The pieces around the cuts as one text: one space at each seam, none before punctuation there.

    Only the seams are tidied: a space before punctuation inside a piece is the text's
    own (``Zoe ...``, ``« oui » !``) and stays.
    """
    text = ""
    for part in parts:
        part = " ".join(part.split())
        if not part:
            continue
        text = part if not text else text + (part if part[0] in _NO_SPACE_BEFORE else " " + part)
    return text


#: Words a Title Case headline leaves in lower case (English and Indonesian, as the corpora show).
HEADLINE_MINOR_WORDS = MINOR_WORDS | frozenset(
    [
        "off",
        "vs.",
        "di",
        "dan",
        "yang",
        "dari",
        "ke",
        "dengan",
        "untuk",
        "hingga",
        "saat",
        "tak",
        "pada",
        "akibat",
        "akan",
        "soal",
        "jadi",
        "agar",
        "bagi",
        "sebagai",
        "atau",
        "dalam",
        "kepada",
        "karena",
        "ini",
        "itu",
        "tapi",
        "jika",
        "ada",
        "selama",
        "tanpa",
        "usai",
        "setelah",
        "jelang",
        "termasuk",
        "oleh",
    ]
)
#: Words that open a sentence far more often than they sit inside a headline's last words.
SENTENCE_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "And",
        "As",
        "After",
        "When",
        "While",
        "According",
        "Some",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "Sementara",
        "Namun",
        "Ia",
        "Dia",
        "Mereka",
        "Selain",
        "Menurut",
        "Saat",
        "Dalam",
        "Pada",
        "Hal",
        "Kini",
        "Kemudian",
        # (the syndication footer after the last read-also line: ``Artikel ini telah tayang di …``)
        "Artikel",
        "Berita",
    ]
)
_SENTENCE_END = (".", "!", "?", "…")
_LEADS = READ_ALSO_LEADS


def _headline_ish(token: str) -> bool:
    """A word a Title Case headline is made of: capitalised, a number, a minor word or punctuation."""
    core = token.lstrip("'\"‘“(«[-–—|")
    if not core:
        return True
    first = core[0]
    return (
        first.isupper()
        or first.isdigit()
        or not first.isalpha()
        or any(char.isdigit() for char in core)
        or core.lower().rstrip(",:;") in HEADLINE_MINOR_WORDS
        or core.lower().startswith("ke-")
    )


def headline_end(tokens: list[str]) -> int:
    """How many of ``tokens`` (words after a "read also" lead) make the headline(s).

    Headlines are in Title Case and the glued text after them is a sentence:
    the run of headline words ends at the first word in lower case that no
    headline would leave lower case, and the capitalised word before it starts
    that sentence. A word ending a sentence (``.``, ``?``) ends the headline;
    0 means the run is too short to tell (nothing is cut).
    """
    if sum(1 for token in tokens if token) < 2:
        return 0
    for index, token in enumerate(tokens):
        if not _headline_ish(token):
            end = index - 1  # the capitalised word before it begins the next sentence
            if end >= 3 and tokens[end - 1] in SENTENCE_STARTERS:
                end -= 1  # ``… Super Tuesday The Haley campaign said``: the sentence began one word earlier
            return end if end >= 2 else 0
        if token.endswith(_SENTENCE_END) and index >= 1 and not re.fullmatch(r"[A-Z][a-z]?\.", token):
            return index + 1
    return len(tokens)


def _read_also_pattern(leads: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = lead_alternation(lead for lead in leads if lead != "more")
    colon = rf"(?i:{alternatives})\s*:"
    bare = r"(?:(?<=[.!?”\"])\s+|^)(?:Read [Mm]ore|READ MORE)\b(?!\s*:)"
    return re.compile(rf"(?:{colon}|{bare})\s*")


@attrs.frozen
class InlineReadAlso:
    """Cut ``Baca juga: <headline>``, ``Read more: …`` and the like out of the middle of a paragraph.

    Whole lines are :data:`~newsingest._text.cleaners.READ_ALSO`'s job; this sees the
    lead inside a longer block (glued lines, one-line pages), cuts it with the
    headline(s) after it (see :func:`headline_end`) and keeps the sentences on
    both sides. ``Read more`` without a colon counts only in capitals or at a
    sentence boundary, where a Title Case run follows it.
    """

    name: str = "read-also-inline"
    reason: str = "read-also link inside a paragraph"
    pattern: re.Pattern[str] = attrs.field(factory=lambda: _read_also_pattern(_LEADS))
    #: One of these occurs (lower-cased) in every block the pattern can match: a substring test
    #: per lead is far cheaper than trying the pattern at every position of every paragraph.
    needles: tuple[str, ...] = (*_LEADS, "read more")

    def apply(self, draft: Draft) -> None:
        # (no whole-text needle test: the colon test per block below rules out more, for less)
        pattern = self.pattern
        index = 0
        while index < len(draft.blocks):
            block = draft.blocks[index]
            text = block.text
            cuts = self._cuts(text) if len(text) >= 40 and self._may_match(text) and pattern.search(text) else []
            if not cuts:
                index += 1
                continue
            kept, at = [], 0
            for start, end in cuts:
                kept.append(text[at:start])
                at = end
            kept.append(text[at:])
            rest = _rejoin(kept)
            if not any(char.isalnum() for char in rest):
                draft.remove(index, self.reason, self.name)
                continue
            for start, end in cuts:
                draft.record_strip(text[start:end].strip(), self.reason, self.name)
            draft.keep_cut(index, rest)
            index += 1

    def _may_match(self, text: str) -> bool:
        if ":" not in text and "EAD MORE" not in text and "ead more" not in text:
            return False  # every lead has a colon after it, but the bare ``Read more``
        lowered = folded_block(text)
        for needle in self.needles:  # noqa: SIM110 - a plain loop: it runs on every block
            if needle in lowered:
                return True
        return False

    def _cuts(self, text: str) -> list[tuple[int, int]]:
        cuts: list[tuple[int, int]] = []
        for match in self.pattern.finditer(text):
            if cuts and match.start() < cuts[-1][1]:
                continue
            rest = text[match.end() :]
            tokens = rest.split(" ")
            count = headline_end(tokens)
            if count:
                cuts.append((match.start(), match.end() + len(" ".join(tokens[:count]))))
            elif match.group(0).rstrip().endswith(":") and _closing_headline(rest):
                # the link closes the block: its headline, in any case, runs to the end (``… Read more: Another
                # story about something``), where a Title Case run could not be told from a sentence after it
                cuts.append((match.start(), len(text)))
        return cuts


INLINE_READ_ALSO = InlineReadAlso()


def _closing_headline(rest: str) -> bool:
    """``rest``, what follows a read-also lead to the end of its block, reads as one headline: 2 to 25 words, one line."""
    words = rest.split()
    return 2 <= len(words) <= MAX_CLOSING_HEADLINE_WORDS and "\n" not in rest and not rest.rstrip().endswith(":")


#: The most words of a headline a read-also link closing its block may have.
MAX_CLOSING_HEADLINE_WORDS = 25


@attrs.frozen
class ReadAlsoHeadline:
    """A "read also" lead alone on its line, its headline on the next: both go.

    Text broken at every link (detik, Kompas) puts ``Baca juga:`` on one line and
    the linked headline on the next, where :data:`~newsingest._text.cleaners.READ_ALSO`
    sees only the lead. The next block goes with it when it reads as a headline:
    at most 25 words, mostly in Title Case, not a sentence ending in a period.
    ``Read more`` is left out: under it an outlet lists several headlines, which
    only that outlet's plugin can tell from a subheading.
    """

    name: str = "read-also-headline"
    reason: str = "read-also link to another story (lead and headline on two lines)"
    pattern: re.Pattern[str] = attrs.field(
        factory=lambda: re.compile(
            "(?i)(?:" + lead_alternation(lead for lead in READ_ALSO_LEADS if lead != "read more") + r")\s*:?"
        )
    )

    def apply(self, draft: Draft) -> None:
        index = 0
        while index < len(draft.blocks) - 1:
            lead = draft.blocks[index].text.strip()
            if len(lead) <= 30 and self.pattern.fullmatch(lead) and is_headline(draft.blocks[index + 1].text):
                draft.remove(index, self.reason, self.name)
                draft.remove(index, self.reason, self.name)
                continue
            index += 1


def is_headline(text: str) -> bool:
    """Two to 25 words, mostly in Title Case (minor words aside), not a sentence ending in a full stop."""
    words = text.split()
    if not 2 <= len(words) <= 25 or text.endswith("."):
        return False
    return sum(map(_headline_ish, words)) / len(words) >= 0.8


READ_ALSO_HEADLINE = ReadAlsoHeadline()
