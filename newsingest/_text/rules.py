"""Declarative text rules: the vocabulary both generic cleaners and plugins speak.

A rule looks at the blocks of a :class:`~newsingest._text.draft.Draft` and takes out what
it recognises, recording every removal with its reason. Three shapes cover most
outlet noise:

* :class:`DropLine`: drop every block that matches a pattern (``Baca juga: …``);
* :class:`DropFrom`: drop from a marker block to the end (a footer);
* :class:`Extract`: move a match into a field (``Penulis: X`` → ``authors``),
  removing the block when the match is all of it, or cutting just the match out
  of the block (a dateline glued to the first sentence).

Patterns are compiled once, match against one block at a time, and are written
so they cannot backtrack catastrophically (see ``tests/test_redos.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import compress
from typing import Any, Protocol, runtime_checkable

import attrs

from newsingest._text.draft import Draft
from newsingest._text.match import fold_needles, has_needle
from newsingest.errors import UsageError
from newsingest.model import Block, parse_date

#: Fields an :class:`Extract` rule may fill besides ``metadata.<key>``.
ARTICLE_FIELDS = ("title", "authors", "published", "updated", "url")


@runtime_checkable
class Rule(Protocol):
    """Anything with a name (its id in ``removed`` records) that can clean a draft."""

    @property
    def name(self) -> str: ...

    def apply(self, draft: Draft) -> None: ...


def _compile(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    return pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)


def _valid_field(instance: Any, attribute: attrs.Attribute, value: str) -> None:
    if value not in ARTICLE_FIELDS and not (value.startswith("metadata.") and len(value) > 9):
        raise UsageError(f"field must be one of {ARTICLE_FIELDS} or 'metadata.<key>', got {value!r}")


#: A :class:`DropLine` for lines up to this long tries its pattern on the blocks short enough only:
#: most paragraphs are longer (of the real scraped NBC and Tribun blocks, about half are over 120
#: characters, three in four over 80), and a length is cheaper to test than a pattern.
SHORT_LINE = 160
#: What an :class:`Extract` leaves of a block, when no longer than this, is read by the rules again
#: (:meth:`~newsingest._text.draft.Draft.keep_cut`): it may be a label or a prompt that a rule takes whole.
#: Longer, it is the rest of a paragraph (a closing attribution cut from its end), read once: on the real
#: Tribun texts, 5 of 785 leave so short a rest.
LABEL_CHARS = 60


@attrs.frozen
class DropLine:
    """Drop every block whose whole text matches ``pattern``.

    ``max_chars`` keeps a rule written for short noise lines from ever eating a
    long body paragraph that happens to match. ``needles`` (plain strings, any
    case) let the rule skip, with a cheap substring test, blocks that cannot match.
    """

    name: str
    pattern: re.Pattern[str] = attrs.field(converter=_compile)
    reason: str
    max_chars: int | None = 400
    needles: tuple[str, ...] = attrs.field(default=(), converter=fold_needles)

    def apply(self, draft: Draft) -> None:
        fullmatch, needles = self.pattern.fullmatch, draft.needles_present(self.needles)
        if self.needles and not needles:
            return  # no block can match: none holds a needle
        first = draft.first_holding(needles)  # no block before it holds a needle
        texts: Iterable[str] = draft.stripped_texts()[first:]
        if self.max_chars is not None and self.max_chars <= SHORT_LINE:
            # a block longer than max_chars is never dropped: a rule for short lines tries only those
            texts = compress(texts, map(self.max_chars.__ge__, map(len, texts)))
        if not any(map(fullmatch, texts)):
            return  # the usual case: the pattern matches no block (one C-level pass)
        max_chars = self.max_chars if self.max_chars is not None else float("inf")
        # every rule runs on every block: one comprehension finds the blocks to drop (most rules: none)
        doomed = [
            id(block)
            for block in (draft.blocks[first:] if first else draft.blocks)
            if len(text := block.text.strip()) <= max_chars
            and (not needles or has_needle(text, needles))
            and fullmatch(text)
        ]
        if doomed:
            ids = set(doomed)
            draft.remove_where(lambda block: id(block) in ids, self.reason, self.name)


@attrs.frozen
class DropFrom:
    """Drop from the first block matching ``marker`` to the end of the body.

    ``min_index`` stops a footer marker from wiping an article whose first lines
    happen to match it: the marker only counts from that block on.
    """

    name: str
    marker: re.Pattern[str] = attrs.field(converter=_compile)
    reason: str
    min_index: int = 1

    def apply(self, draft: Draft) -> None:
        marker = self.marker
        if not any(map(marker.fullmatch, draft.stripped_texts()[self.min_index :])):
            return  # no marker anywhere (one C-level pass)
        for index in range(self.min_index, len(draft.blocks)):
            if marker.fullmatch(draft.blocks[index].text.strip()):
                draft.remove_where(lambda block: True, self.reason, self.name, start=index)
                return


@attrs.frozen
class Extract:
    """Move what ``pattern`` matches into ``field``.

    The value is the named group ``value`` if the pattern has one, else the first
    group, else the whole match; ``convert`` turns it into what the field holds
    (a date, a list of names) and may return ``None`` to reject the match. When
    the match covers the whole block the block is removed; otherwise only the
    matched text is cut out and the rest of the block stays.

    ``first_blocks`` limits the search to the first N blocks (datelines, reporter
    lines), ``last_blocks`` to the last N (a closing credit); ``many`` appends to a
    list instead of keeping the first value. An empty value (an optional group that
    did not take part) stores nothing but still cuts the match. ``keep`` copies the value and leaves the text alone.
    ``needles``: as for :class:`DropLine`, one must occur for the pattern to be tried.
    ``before_generic_rules``: in a plugin, run before the generic rules instead of after them,
    for what frames the text (with ``last_blocks=1``, a closing attribution glued to the last
    line: what is left of that line is then read by the generic rules as a line of its own).
    """

    name: str
    pattern: re.Pattern[str] = attrs.field(converter=_compile)
    field: str = attrs.field(validator=_valid_field)
    reason: str
    convert: Callable[[str], Any] | None = None
    many: bool = False
    first_blocks: int | None = None
    max_chars: int | None = None
    keep: bool = False
    needles: tuple[str, ...] = attrs.field(default=(), converter=fold_needles)
    before_generic_rules: bool = False
    last_blocks: int | None = None

    def apply(self, draft: Draft) -> None:
        blocks, max_chars = draft.blocks, self.max_chars
        if self.last_blocks is not None:
            # a rule of the last blocks tests its needles on those only, not on the whole draft
            index, needles = max(0, len(blocks) - self.last_blocks), self.needles
            if needles and not any(has_needle(block.text, needles) for block in blocks[index:]):
                return
        else:
            needles = draft.needles_present(self.needles)
            if self.needles and not needles:
                return  # no block can match: none holds a needle
            # no block before ``index`` holds a needle: the loop would only step over them
            index = draft.first_holding(needles)
        stored = False
        # ``first_blocks`` counts the blocks the rule was given, not the positions
        # left after it removed some: a removal must not pull later blocks into the window
        limit = len(blocks) if self.first_blocks is None else self.first_blocks
        window = (  # a rule of the first few blocks reads those only
            [block.text.strip() for block in blocks[index:limit]]
            if limit - index <= 8
            else draft.stripped_texts()[index:limit]
        )
        if not any(map(self.pattern.search, window)):
            return  # the usual case: no block the rule would look at matches (one C-level pass)
        seen = index
        while index < len(blocks) and seen < limit:
            seen += 1
            text = blocks[index].text
            if (max_chars is not None and len(text) > max_chars) or (needles and not has_needle(text, needles)):
                index += 1  # the cheap checks first: most blocks go no further
                continue
            outcome = self._apply_to(draft, index, store=self.many or not stored)
            if outcome is None:
                index += 1
                continue
            stored = True
            if self.keep and not self.many:
                return
            if outcome == "kept" and not self.keep and len(blocks[index].text) < len(text):
                seen -= 1  # cut from the block: what is left may match again (two closing attributions)
            elif outcome == "kept":
                index += 1  # copied: the block stays as it was, move on
            # "removed": the next block now sits at ``index``

    def _apply_to(self, draft: Draft, index: int, *, store: bool) -> str | None:
        """Handle one block: ``None`` if the rule does not apply, else ``"removed"`` or ``"kept"``.

        Every matching block is taken out, even when only the first value is
        stored: a second reporter line is as much noise as the first, and leaving
        it would make re-ingesting the clean text remove more.
        """
        block = draft.blocks[index]
        text = block.text.strip()
        if (self.max_chars is not None and len(text) > self.max_chars) or not has_needle(text, self.needles):
            return None
        match = self.pattern.search(text)
        if match is None:
            return None
        value: Any = _match_value(match)
        convert = self.convert or (_safe_date if self.field in ("published", "updated") else None)
        if value and convert is not None:
            value = convert(value)
            if value is None:
                return None
        if value and store:
            self._store(draft, value)
        if self.keep:
            return "kept"
        moved_to = self.field if value and store else None  # an empty or unstored value went nowhere
        if match.start() == 0 and match.end() == len(text):
            draft.remove(index, self.reason, self.name, moved_to=moved_to)
            return "removed"
        rest = " ".join((text[: match.start()] + " " + text[match.end() :]).split())
        draft.record_strip(match.group(0).strip(), self.reason, self.name, moved_to=moved_to)
        if not rest:
            draft.blocks.pop(index)
            return "removed"
        if len(rest) <= LABEL_CHARS:
            # what is left is as short as a label or a prompt: a rule that ran before may take it whole (an ad
            # label the closing attribution was glued to, property seed 1559), so the rules read it again
            draft.keep_cut(index, rest)
        else:
            draft.blocks[index] = Block(rest, block.kind, block.language)  # (attrs.evolve is slow here)
        return "kept"

    def _store(self, draft: Draft, value: Any) -> None:
        if self.field == "authors":
            for name in value if isinstance(value, (list, tuple)) else [value]:
                draft.add_author(name)
        elif self.field.startswith("metadata."):
            key = self.field[len("metadata.") :]
            if self.many and isinstance(value, (list, tuple)):
                for item in value:
                    draft.add_metadata(key, item, many=True)
            else:
                draft.add_metadata(key, value, many=self.many)
        else:
            if getattr(draft, self.field) is None or self.many:
                setattr(draft, self.field, value)


def _safe_date(value: str) -> Any:
    try:
        return parse_date(value)
    except ValueError:
        return None


def _match_value(match: re.Match[str]) -> str:
    if "value" in match.re.groupindex:
        value = match.group("value")
    elif match.re.groups:
        value = match.group(1)
    else:
        value = match.group(0)
    return (value or "").strip()


@attrs.frozen
class DropRelatedBlock:
    """Drop a related-links block: a header line, then headline and teaser lines.

    The block ends at the first line that reads like body text again: a long
    paragraph that is not a cut-off teaser. Teasers are recognised by their
    trailing ellipsis, headlines by being short and unpunctuated. A header left
    alone (its links already dropped with the page's furniture) goes too.
    """

    name: str
    header: re.Pattern[str] = attrs.field(converter=_compile)
    reason: str
    max_headline_words: int = 25

    def apply(self, draft: Draft) -> None:
        if not any(map(self.header.fullmatch, draft.stripped_texts())):
            return  # no header (one C-level pass)
        index = 0
        while index < len(draft.blocks):
            if not self.header.fullmatch(draft.blocks[index].text.strip()):
                index += 1
                continue
            end = index + 1
            while end < len(draft.blocks) and self._in_block(draft.blocks, end):
                end += 1
            for _ in range(end - index):
                draft.remove(index, self.reason, self.name)

    def _in_block(self, blocks: list, at: int) -> bool:
        """A teaser, a short headline, or any headline that a teaser follows.

        A labelled line (``Penulis: …``, ``Editor: …``) ends the block: it is a
        credit that later rules should see, not another story's headline.
        """
        text = blocks[at].text.strip()
        if _LABEL.match(text):
            return False
        if _is_teaser(text):
            return True
        short = 0 < len(text.split()) <= self.max_headline_words
        if short and at + 1 < len(blocks) and _is_teaser(blocks[at + 1].text.strip()):
            return True
        return short and not text.endswith((".", "!", "?", ":", '"', "”"))


_LABEL = re.compile(r"[^\W\d_][\w]{0,19}(?: [\w]{1,20})?\s*:\s")


def _is_teaser(text: str) -> bool:
    """A teaser line is cut off with an ellipsis."""
    return text.endswith(("…", "..."))


def apply_rules(draft: Draft, rules: Iterable[Rule], plugin: str | None = None) -> None:
    """Apply ``rules`` in order, recording removals under ``plugin``."""
    apply_in_order(draft, [(rule, plugin) for rule in rules])


def apply_in_order(draft: Draft, rules: Iterable[tuple[Rule, str | None]]) -> None:
    """Apply each rule, its removals recorded under its owner (a plugin's name, ``None``: generic).

    The pipeline runs the generic rules and a plugin's in one list, each with its owner.
    """
    previous = draft.plugin
    try:
        for rule, owner in rules:
            draft.plugin = owner
            rule.apply(draft)
    finally:
        draft.plugin = previous
