"""The working document that pipeline steps, rules and plugin hooks read and change.

A :class:`Draft` is created for each article and thrown away when the
:class:`~newsingest.Article` is built: rules and hooks may change it freely,
and it is the place for anything a plugin wants to remember about the article
it is working on (:attr:`Draft.state`). A plugin instance, by contrast, is
shared by every thread of a pipeline, so per-article state on ``self`` mixes
articles up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from newsingest._text.blocks import BULLET_CHARS, BULLET_PREFIX
from newsingest._text.match import fold
from newsingest.model import Block, Date, Removed

if TYPE_CHECKING:
    from newsingest._html.page import Page


@attrs.define
class Draft:
    """Blocks still in the body, what was taken out, and the fields found so far.

    Read and change ``blocks`` (a list of :class:`~newsingest.Block`), ``title``,
    ``authors`` (through :meth:`add_author`), ``published``, ``updated``, ``url``
    and ``metadata`` (through :meth:`add_metadata`); take blocks out with
    :meth:`remove` or :meth:`remove_where`, so that every removal is recorded.
    ``page`` is the parsed HTML page (``None`` for text input); ``state`` is a
    per-article dict for plugin hooks to pass things between themselves.
    """

    blocks: list[Block] = attrs.field(factory=list)
    removed: list[Removed] = attrs.field(factory=list)
    metadata: dict[str, Any] = attrs.field(factory=dict)
    title: str | None = None
    authors: list[str] = attrs.field(factory=list)
    published: Date | None = None
    updated: Date | None = None
    url: str | None = None
    #: ``"html"`` or ``"text"``: the shape the input came in.
    input_format: str = "text"
    #: Name of the plugin whose rules are being applied, for the ``removed`` records.
    plugin: str | None = None
    #: The HTML page, parsed and read once (``None`` for text input).
    page: Page | None = None
    #: Per-article room for plugin hooks (``read_page`` can leave a note for ``process``).
    state: dict[str, Any] = attrs.field(factory=dict)
    #: How many blocks a rule cut something out of, keeping the rest (:meth:`keep_cut`).
    cuts_inside: int = attrs.field(default=0, init=False, eq=False)
    #: The :meth:`texts` list :attr:`_folded` was made from, and all their text case-folded (see :meth:`may_contain`).
    _folded_from: list[str] | None = attrs.field(default=None, init=False, repr=False, eq=False)
    _folded: str = attrs.field(default="", init=False, repr=False, eq=False)
    _needles_found: dict[str, int] = attrs.field(factory=dict, init=False, repr=False, eq=False)
    #: Each block text folded so far (texts without a line break), by text: see :meth:`_fold_blocks`.
    _folded_lines: dict[str, str] = attrs.field(factory=dict, init=False, repr=False, eq=False)
    _one_line_each: bool = attrs.field(default=False, init=False, repr=False, eq=False)
    _marks: dict[str, list[Block]] = attrs.field(factory=dict, init=False, repr=False, eq=False)
    #: The blocks :attr:`_texts` were read from, and their texts as they are and stripped.
    _texts_from: list[Block] | None = attrs.field(default=None, init=False, repr=False, eq=False)
    _texts: tuple[list[str], list[str]] = attrs.field(factory=lambda: ([], []), init=False, repr=False, eq=False)

    def folded_text(self) -> str:
        """The text of every block, case-folded, one block a line: what rules test their needles on.

        Made again only when the blocks changed. Blocks are immutable, so a list
        equal to the one it was made from (compared by identity first, at C
        speed) holds the same text, however rules and hooks changed the list.
        """
        texts = self.texts()  # the same list object until the blocks change
        if self._folded_from is not texts:
            self._needles_found = {}
            self._folded, self._one_line_each = self._fold_blocks(texts)
            self._folded_from = texts
        return self._folded

    def _fold_blocks(self, texts: list[str]) -> tuple[str, bool]:
        """The folded text of ``texts``, and whether no block holds a line break.

        Case folding maps each character alone, so the folded text is each block folded,
        joined. The first time it is one call on the whole text; after that the blocks
        seen before are looked up and only new ones (a cut's rest) are folded: rules
        change a block or two at a time, and folding the whole text again each time cost
        a plugin's rules more than any one of them.
        """
        known = self._folded_lines
        if known:
            pieces = list(map(known.get, texts))
            for index, piece in enumerate(pieces):
                if piece is None:
                    text = texts[index]
                    if "\n" in text:
                        break  # lines are not blocks: fold the whole text
                    pieces[index] = known[text] = fold(text)
            else:
                return "\n".join(pieces), bool(pieces)  # type: ignore[arg-type]
        return self._take_folded(texts, fold("\n".join(texts)))

    def _take_folded(self, texts: list[str], folded: str) -> tuple[str, bool]:
        """``folded``, the folded text of ``texts``, and whether no block holds a line break; each line remembered."""
        lines = folded.split("\n")
        one_line_each = len(lines) == len(texts)  # no block holds a line break
        self._folded_lines = dict(zip(texts, lines, strict=True)) if one_line_each else {}
        return folded, one_line_each

    def adopt_folded(self, text: str, folded: str) -> None:
        """Start from ``folded``, the folded form of ``text``, if ``text`` is the blocks' texts one a line.

        The plugin choice folds the text it reads; on the plain-text path that is the
        blocks' text, and the rules then need not fold it again. Any other text is ignored.
        """
        texts = self.texts()
        if self._folded_from is None and "\n".join(texts) == text:
            self._folded, self._one_line_each = self._take_folded(texts, folded)
            self._folded_from = texts

    def texts(self) -> list[str]:
        """Each block's text, in order (read again only when the blocks changed; do not modify)."""
        return self._block_texts()[0]

    def stripped_texts(self) -> list[str]:
        """Each block's text stripped of surrounding whitespace: what line rules match (do not modify).

        Rules test these in one C-level pass (``any(map(pattern.fullmatch, texts))``)
        before they look at any block one by one: most rules match no block of most
        articles, and then cost one regular-expression call a block, nothing more.
        """
        return self._block_texts()[1]

    def _block_texts(self) -> tuple[list[str], list[str]]:
        blocks = self.blocks
        if self._texts_from is None or self._texts_from != blocks:
            texts = [block.text for block in blocks]
            self._texts = (texts, list(map(str.strip, texts)))
            self._texts_from = list(blocks)
        return self._texts

    def needles_present(self, needles: tuple[str, ...]) -> tuple[str, ...]:
        """Those of ``needles`` (folded, see :mod:`newsingest._text.match`) that some block may hold.

        One test over the whole text: a rule whose needles occur nowhere skips
        every block at once, and one whose needles occur tests each block for
        those only. Each needle is looked for once per text: rules share
        needles, and rules limited to the first blocks run again on unchanged text.
        """
        if not needles:
            return ()
        folded = self.folded_text()
        found = self._needles_found
        present = []
        for needle in needles:
            at = found.get(needle)
            if at is None:
                at = found[needle] = folded.find(needle)  # where it first is: first_holding needs no new scan
            if at != -1:
                present.append(needle)
        return tuple(present)

    def may_contain(self, needles: tuple[str, ...]) -> bool:
        """False when no block holds any of ``needles``; ``True`` when there are none (nothing rules a rule out)."""
        return not needles or bool(self.needles_present(needles))

    def first_holding(self, needles: tuple[str, ...]) -> int:
        """The index of the first block that may hold one of ``needles``; ``len(blocks)`` when none does.

        No block before it holds one, so a rule may start there. Found at C
        speed: the first occurrence in the folded text, and the line it is on
        (0 when some block holds a line break, so lines are not blocks).
        """
        if not needles:
            return 0
        folded = self.folded_text()
        found = self._needles_found
        first = -1
        for needle in needles:
            at = found.get(needle)
            if at is None:
                at = found[needle] = folded.find(needle)
            if at != -1 and (first == -1 or at < first):
                first = at
        if first == -1:
            return len(self.blocks)
        return folded.count("\n", 0, first) if self._one_line_each else 0

    def mark(self, step: str) -> None:
        """Remember the blocks as they are now, as seen by ``step`` (see :meth:`unchanged_since_mark`)."""
        self._marks[step] = list(self.blocks)

    def unchanged_since_mark(self, step: str, start: int = 0) -> bool:
        """Whether the blocks from ``start`` on are ones ``step`` last marked there (blocks are immutable: same objects, same text).

        A step that checks every block (for words, say) then skips blocks it has seen,
        however rules and hooks changed the list in between. With ``start``, a step that
        reads only the blocks from there on is told they are unchanged when only blocks
        above changed: those from ``start`` on are the marked ones from ``start`` on, or
        the last of them (blocks above were taken out).
        """
        seen = self._marks.get(step)
        if seen is None:
            return False
        blocks = self.blocks
        if not start:
            return seen == blocks
        below = blocks[start:]
        return len(seen) >= len(blocks) and seen[len(seen) - len(below) :] == below

    def keep_cut(self, index: int, rest: str) -> None:
        """Put ``rest``, what is left of block ``index`` after a cut inside it, in the block's place.

        Record what was cut with :meth:`record_strip`. The cut is counted
        (:attr:`cuts_inside`): what is left may be a whole line that a rule which ran
        before the cut takes out (a footer the cut link was glued to), so the pipeline
        runs the rules again after a pass that cut inside a block.
        """
        block, kind = self.blocks[index], self.blocks[index].kind
        bullet = BULLET_PREFIX.match(rest) if rest[:1] in BULLET_CHARS else None
        if bullet is not None and rest[bullet.end() :].strip():
            # (a list bullet now first: what split_blocks takes off a line, or re-ingesting the text would)
            rest, kind = rest[bullet.end() :], "list_item" if kind == "paragraph" else kind
        self.blocks[index] = Block(rest, kind, block.language)
        self.cuts_inside += 1

    def remove(self, index: int, reason: str, rule: str, moved_to: str | None = None) -> Block:
        """Take block ``index`` out of the body and record why."""
        block = self.blocks.pop(index)
        self.removed.append(Removed(block.text, reason, rule, self.plugin, moved_to))
        return block

    def remove_where(
        self, predicate: Callable[[Block], bool], reason: str, rule: str, *, start: int = 0, stop: int | None = None
    ) -> int:
        """Take out every block from ``start`` to ``stop`` for which ``predicate`` is true, in one pass.

        Removing many blocks one :meth:`remove` at a time costs time quadratic in
        the number of blocks; this is linear. Returns how many were removed.
        """
        blocks = self.blocks
        stop = len(blocks) if stop is None else min(stop, len(blocks))
        for first in range(start, stop):  # a plain loop: this runs for every rule on every block
            if predicate(blocks[first]):
                break
        else:
            return 0  # the usual case: nothing to remove, nothing copied
        kept: list[Block] = blocks[start:first]
        self.removed.append(Removed(blocks[first].text, reason, rule, self.plugin, None))
        removed = 1
        for block in blocks[first + 1 : stop]:
            if predicate(block):
                self.removed.append(Removed(block.text, reason, rule, self.plugin, None))
                removed += 1
            else:
                kept.append(block)
        blocks[start:stop] = kept
        return removed

    def record_strip(self, text: str, reason: str, rule: str, moved_to: str | None = None) -> None:
        """Record a piece cut from inside a kept block (a dateline, an inline prefix)."""
        self.removed.append(Removed(text, reason, rule, self.plugin, moved_to))

    def add_metadata(self, key: str, value: Any, *, many: bool = False) -> None:
        """Set ``metadata[key]``, or append to a list there when ``many``."""
        if many:
            self.metadata.setdefault(key, []).append(value)
        else:
            self.metadata[key] = value

    def add_author(self, name: str) -> None:
        """Add an author once, keeping the order they were found in."""
        name = " ".join(name.split())
        if name and name.casefold() not in {a.casefold() for a in self.authors}:
            self.authors.append(name)
