"""``newsingest plugin mine CORPUS``: the lines and openings that recur across one outlet's articles.

An outlet prints the same furniture on every page (a newsletter box, a follow
prompt, a disclaimer); a scraper keeps it, article after article. Lines that
recur across many articles of one outlet are therefore the fastest honest lead
to what a plugin must remove, and to what it already does. For each recurring
line (compared with digits folded to ``0`` and case ignored) and each recurring
line *opening* (its first words: ``Baca juga: …``, ``Penulis: …``), it lists in
how many articles it occurs, their share, examples, and in how many of those a
rule already took it out of the body.

It also holds :func:`repeated_lines`, the opt-in batch step that drops lines
repeated across many articles of one outlet (see docs/plugins.md for why it is
not on by default).
"""

from __future__ import annotations

import collections
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from newsingest._text.blocks import split_blocks

_DIGITS = re.compile(r"\d+")
#: How many words make a line's opening.
OPENING_WORDS = 3


def line_key(text: str) -> str:
    """A line as compared across articles: case and spacing ignored, numbers folded to ``0``."""
    return _DIGITS.sub("0", " ".join(text.casefold().split()))


def opening_key(text: str, words: int = OPENING_WORDS) -> str | None:
    """The first words of a line (``None`` for a line no longer than that)."""
    parts = line_key(text).split()
    return " ".join(parts[:words]) if len(parts) > words else None


@attrs.define
class Recurring:
    """One recurring line or opening."""

    kind: str  # "line" or "opening"
    key: str
    articles: int = 0
    removed_in: int = 0
    examples: list[str] = attrs.field(factory=list)

    def to_dict(self, total: int) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.key,
            "articles": self.articles,
            "share": round(self.articles / total, 4) if total else 0.0,
            "removed_in": self.removed_in,
            "examples": self.examples,
        }


def mine(
    texts: Iterable[str],
    *,
    outlet: str | None = None,
    min_articles: int = 3,
    min_share: float = 0.0,
    pipeline=None,
) -> tuple[int, list[Recurring]]:
    """The recurring lines and openings of ``texts``, most frequent first, with the article count.

    Each article is also run through the pipeline (with ``outlet`` forced when
    given) to see whether the line survives: ``removed_in`` counts the articles
    where it no longer stands as a paragraph of the clean body (removed, or cut
    down: a dateline's line counts once its prefix is gone).
    """
    if pipeline is None:
        from newsingest.pipeline import Pipeline

        pipeline = Pipeline()
    found: dict[tuple[str, str], Recurring] = {}
    total = 0
    for text in texts:
        total += 1
        lines = [block.text for block in split_blocks(text)]
        kept = _kept_text(pipeline, text, outlet)
        seen: set[tuple[str, str]] = set()
        for line in lines:
            keys = [("line", line_key(line))]
            opening = opening_key(line)
            if opening:
                keys.append(("opening", opening))
            for key in keys:
                if key in seen:
                    continue
                seen.add(key)
                entry = found.get(key)
                if entry is None:
                    entry = found[key] = Recurring(key[0], key[1])
                entry.articles += 1
                if line_key(line) not in kept:
                    entry.removed_in += 1
                if len(entry.examples) < 3 and line not in entry.examples:
                    entry.examples.append(line[:200])
    floor = max(min_articles, min_share * total)
    recurring = [entry for entry in found.values() if entry.articles >= floor]
    recurring.sort(key=lambda e: (-e.articles, e.kind, e.key))
    return total, _drop_shadowed(recurring)


def _kept_text(pipeline, text: str, outlet: str | None) -> set[str]:
    """The clean body's paragraphs, as :func:`line_key` spells them."""
    from newsingest.errors import NewsingestError

    try:
        article = pipeline.clean(text, outlet=outlet)
    except NewsingestError:
        return set()
    return {line_key(block.text) for block in article.paragraphs}


def _drop_shadowed(recurring: list[Recurring]) -> list[Recurring]:
    """An opening that only ever starts one recurring line adds nothing to that line's entry."""
    lines = {e.key: e.articles for e in recurring if e.kind == "line"}
    return [
        e
        for e in recurring
        if e.kind == "line" or not any(k.startswith(e.key) and n == e.articles for k, n in lines.items())
    ]


def repeated_lines(
    texts: Sequence[str], *, min_articles: int = 5, min_share: float = 0.02, max_words: int = 40
) -> set[str]:
    """The line keys that recur in many of ``texts`` (an outlet's batch): candidates to drop.

    Only lines of at most ``max_words`` words count: a long paragraph repeated
    across articles is a quote or a standard paragraph more often than furniture.
    """
    counts: collections.Counter = collections.Counter()
    for text in texts:
        counts.update({line_key(b.text) for b in split_blocks(text) if len(b.text.split()) <= max_words})
    floor = max(min_articles, min_share * len(texts))
    return {key for key, n in counts.items() if n >= floor}


def render(total: int, recurring: list[Recurring], *, top: int = 60) -> str:
    out = [f"{total} articles; lines and openings in at least the given share, most frequent first"]
    out.append(f"{'articles':>8} {'share':>6} {'removed':>7}  kind     text")
    for entry in recurring[:top]:
        share = 100 * entry.articles / total if total else 0.0
        out.append(f"{entry.articles:>8} {share:5.1f}% {entry.removed_in:>7}  {entry.kind:<8} {entry.key[:110]}")
        for example in entry.examples[:1]:
            out.append(f"{'':>33}e.g. {example[:100]}")
    return "\n".join(out)


def add_mine_parser(sub) -> None:
    """``plugin mine``: its arguments (wired into ``newsingest plugin`` by kit.cli)."""
    parser = sub.add_parser("mine", help="lines and openings that recur across one outlet's articles")
    parser.add_argument("corpus", nargs="+", help="JSONL files of one outlet's articles ('text' field)")
    parser.add_argument("--outlet", help="the plugin to run on them (default: chosen from each text)")
    parser.add_argument("--min-articles", type=int, default=3, help="report what recurs in at least N articles")
    parser.add_argument("--min-share", type=float, default=0.01, help="... and in at least this share of them")
    parser.add_argument("--top", type=int, default=60, help="how many to list")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=cmd_mine)


def cmd_mine(args) -> int:
    import sys

    from newsingest.errors import NewsingestError
    from newsingest.kit.evaluate import read_corpus

    try:
        texts = [r["text"] for path in args.corpus for r in read_corpus(path) if isinstance(r.get("text"), str)]
        total, recurring = mine(texts, outlet=args.outlet, min_articles=args.min_articles, min_share=args.min_share)
    except (OSError, NewsingestError) as err:
        print(f"newsingest: error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([e.to_dict(total) for e in recurring[: args.top]], ensure_ascii=False, indent=2))
    else:
        print(render(total, recurring, top=args.top))
    return 0
