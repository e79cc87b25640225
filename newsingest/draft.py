"""The working document that pipeline steps pass along.

A :class:`Draft` is created per call and thrown away when the :class:`~newsingest.Article`
is built, so steps may mutate it freely while the :class:`~newsingest.Pipeline`
itself stays immutable and safe to share between threads.
"""

from __future__ import annotations

from typing import Any

import attrs

from .model import Block, Date, Removed


@attrs.define
class Draft:
    """Blocks still in the body, what was taken out, and the fields found so far."""

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

    def remove(self, index: int, reason: str, rule: str, moved_to: str | None = None) -> Block:
        """Take block ``index`` out of the body and record why."""
        block = self.blocks.pop(index)
        self.removed.append(Removed(block.text, reason, rule, self.plugin, moved_to))
        return block

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
