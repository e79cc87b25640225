"""Rule shapes the built-in plugins use where the plain ones would be slow: same output, less work.

A plugin's rules run on every article the plugin is chosen for, so a rule that
scans the whole text for its needles, or walks every block, when nothing in
the article can match costs every article. These rules do exactly what the plain
rule of the same fields does (``tests/test_plugin_gates.py`` checks it); they
only find out sooner that there is nothing to do.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from newsingest import Draft, DropLine, Extract
from newsingest._text.match import has_needle


@attrs.frozen
class GatedExtract(Extract):
    """An :class:`Extract` that runs only when a cheap test of the draft says it may apply.

    ``may_apply`` is true of every draft the rule would change (and maybe of
    others): the rule then does exactly what the plain rule does; when it is
    false the rule is spared its needle scans and its walk over the blocks.
    """

    may_apply: Callable[[Draft], bool] = attrs.field(kw_only=True)

    def apply(self, draft: Draft) -> None:
        if self.may_apply(draft):
            Extract.apply(self, draft)


@attrs.frozen
class MatchFirstDropLine(DropLine):
    """A :class:`DropLine` that tries its pattern before its needles.

    For a rule with many needles that most texts hold none of: testing them on the
    whole text costs a scan each, while the pattern, anchored at the start of a
    block, fails on most blocks at once. A block is dropped on the same terms
    (short enough, matched, holding a needle), so the output is the plain rule's.
    """

    def apply(self, draft: Draft) -> None:
        fullmatch, needles = self.pattern.fullmatch, self.needles
        max_chars = self.max_chars if self.max_chars is not None else float("inf")
        doomed = [
            id(block)
            for block in draft.blocks
            if len(text := block.text.strip()) <= max_chars and fullmatch(text) and has_needle(text, needles)
        ]
        if doomed:
            ids = set(doomed)
            draft.remove_where(lambda block: id(block) in ids, self.reason, self.name)
