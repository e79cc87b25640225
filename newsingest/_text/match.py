"""One text-matching layer for rules and signatures: needles, case folding, literal prefixes.

A *needle* is a plain string that must occur in a text for a pattern to be worth
trying; a substring test is far cheaper than a regular expression. Needles and
texts are compared case-folded (:meth:`str.casefold`), which is right for every
script: ``"РИА Новости"`` finds ``"риа новости"``, ``"Été"`` finds ``"ÉTÉ"``,
``"Straße"`` finds ``"STRASSE"``. Everything here is linear in the text's length.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from itertools import accumulate

#: Every ASCII character as a byte: deleted from a text's UTF-8, they leave its other characters.
_ASCII_BYTES = bytes(range(128))


def fold(text: str) -> str:
    """``text`` case-folded (:meth:`str.casefold`): the form needles and texts are compared in.

    :meth:`str.casefold` walks a text that is not all ASCII a character at a time
    (the no-break spaces and curly quotes of scraped text make most texts so).
    Case folding maps each character alone, and most characters outside ASCII that
    such texts hold (``\xa0``, ``“``, ``–``) fold to themselves; when every one of
    them does, the folded text is the text with its ASCII letters lowered, which
    :meth:`bytes.lower` does on the UTF-8 at C speed. Which characters those are
    is checked, exactly, on the text's non-ASCII characters alone.
    """
    if text.isascii():
        return text.casefold()
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return text.casefold()
    others = data.translate(None, _ASCII_BYTES).decode("utf-8")  # whole characters: their bytes are >= 0x80
    if others.casefold() != others:  # (one that folds differently, or to several characters, changes it)
        return text.casefold()
    return data.lower().decode("utf-8")  # bytes.lower changes A-Z only, never a byte of another character


def fold_needles(needles: Iterable[str] | str) -> tuple[str, ...]:
    """Needles as given (one string or several), case-folded; empty ones dropped."""
    items = (needles,) if isinstance(needles, str) else tuple(needles)
    return tuple(folded for folded in (fold(n) for n in items) if folded)


@functools.lru_cache(maxsize=4096)
def folded_block(text: str) -> str:
    """:func:`fold`, remembered: several rules with needles look at the same block."""
    return fold(text)


def has_needle(text: str, needles: tuple[str, ...]) -> bool:
    """True when there are no needles, or one of them (folded) occurs in ``text``."""
    if not needles:
        return True
    folded = folded_block(text)
    for needle in needles:  # noqa: SIM110 - a plain loop: any() and its generator cost more here
        if needle in folded:
            return True
    return False


class FoldedText:
    """A text and its case-folded form: made once, searched for many needles.

    Case folding can lengthen a text (``ß`` → ``ss``), so a position found in the
    folded form is mapped back to the text's own with a table of where each
    character's folding starts, built once and only for such texts.
    """

    __slots__ = ("_absent", "_present", "_starts", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self._starts: list[int] | None = None
        #: Needles looked for in vain: every plugin's gate and signatures ask about the same
        #: few brand names, and a needle that is not in the text is then never scanned for again.
        self._absent: set[str] = set()
        #: Needles found: the versions of one plugin share their needles, and ask again.
        self._present: set[str] = set()

    def __contains__(self, needle: str) -> bool:
        return self.any_of((needle,))

    def any_of(self, needles: Iterable[str]) -> bool:
        """Whether one of ``needles`` occurs: the first found ends the search, none is looked for twice.

        One call for a plugin's gate or a signature's needles: the plugin choice asks this
        for every plugin on every text.
        """
        absent, present, folded = self._absent, self._present, self.folded
        for needle in needles:
            if needle in present:
                return True
            if needle in absent:
                continue
            if needle in folded:
                present.add(needle)
                return True
            absent.add(needle)
        return False

    def find(self, needle: str, start: int = 0) -> int:
        """The position of ``needle`` in the folded text from ``start``, or -1."""
        if needle in self._absent:
            return -1
        at = self.folded.find(needle, start)
        if at == -1 and start == 0:
            self._absent.add(needle)
        return at

    def char_index(self, folded_index: int) -> int:
        """The position in the text of the character whose folding covers ``folded_index``."""
        if len(self.folded) == len(self.text):  # no character folded to several: positions agree
            return folded_index
        if self._starts is None:
            self._starts = list(accumulate((len(fold(char)) for char in self.text), initial=0))
        return bisect.bisect_right(self._starts, folded_index) - 1


_INLINE_FLAGS_START = "(?"
_FLAG_CHARS = frozenset("aiLmsux")
_SPECIAL = frozenset("[](){}.*+?^$|")
_QUANTIFIERS = frozenset("*?{+")


def literal_prefix(pattern: str) -> str:
    """The plain text every match of ``pattern`` starts with (``""`` when there is none).

    Leading inline flags (``(?i)``) are skipped; an escaped punctuation character
    (``\\.``, ``\\(``) is the character itself, an escaped letter (``\\b``,
    ``\\d``) ends the prefix; a top-level ``|`` (outside groups and character
    classes, and not escaped) means there is no common prefix; a character that
    a quantifier makes optional or repeated is left out.
    """
    pattern = _skip_inline_flags(pattern)
    if _has_top_level_alternation(pattern):
        return ""
    prefix: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if index + 1 >= len(pattern) or pattern[index + 1].isalnum():
                break
            literal, step = pattern[index + 1], 2
        elif char in _SPECIAL:
            break
        else:
            literal, step = char, 1
        if index + step < len(pattern) and pattern[index + step] in _QUANTIFIERS:
            break  # this character is optional or repeated
        prefix.append(literal)
        index += step
    return "".join(prefix)


def _skip_inline_flags(pattern: str) -> str:
    if pattern.startswith(_INLINE_FLAGS_START):
        end = pattern.find(")")
        if end > 2 and all(char in _FLAG_CHARS for char in pattern[2:end]):
            return pattern[end + 1 :]
    return pattern


def _has_top_level_alternation(pattern: str) -> bool:
    """A ``|`` outside every group and character class, escapes respected."""
    depth = 0
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            index += 1
            index += pattern.startswith("^", index)
            index += pattern.startswith("]", index)  # a first ``]`` is a literal one
            in_class = True
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        index += 1
    return False
