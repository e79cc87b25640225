"""Notebook helpers: articles as HTML, batches as tables, removals tallied per rule.

    >>> import newsingest
    >>> articles = [newsingest.ingest(p) for p in Path("seeds").glob("*.txt")]
    >>> articles[0]                          # in Jupyter: rendered by Article._repr_html_
    >>> newsingest.to_dataframe(articles)    # one row per article (or error record)
    >>> newsingest.removed_report(articles)  # what each rule took out, across the batch
    >>> newsingest.story_table(newsingest.link_stories(articles))  # one row per story

:func:`to_dataframe` and :func:`removed_report` need pandas (the ``notebook`` extra:
``pip install 'newsingest[notebook]'``); pandas is imported when they are called,
never by ``import newsingest``. :func:`removed_counts` gives the same tally as
:func:`removed_report` as plain dicts, without pandas, and :func:`story_rows` the
rows of :func:`story_table`. :func:`article_html` (what
``Article._repr_html_`` returns) needs nothing beyond the standard library.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .model import Article, Block, Link, Removed

if TYPE_CHECKING:
    import pandas

#: Columns of :func:`to_dataframe`, in order.
DATAFRAME_COLUMNS = (
    "id",
    "source",
    "url",
    "outlet",
    "title",
    "language",
    "language_confidence",
    "published",
    "updated",
    "authors",
    "n_paragraphs",
    "n_removed",
    "text",
    "story",
    "duplicate_of",
    "link_kind",
    "error_type",
    "error_message",
)

#: Columns of :func:`story_table` (and keys of each :func:`story_rows` row), in order.
STORY_COLUMNS = ("story", "size", "outlets", "languages", "first_published", "headline", "earliest", "copies")

#: Columns of :func:`removed_report` (and keys of each :func:`removed_counts` row), in order.
REPORT_COLUMNS = ("rule", "plugin", "reason", "count", "articles", "example")

#: How many characters of a removed text :func:`removed_counts` keeps as its example.
EXAMPLE_CHARS = 120

PANDAS_HINT = "pip install 'newsingest[notebook]'"


def _require_pandas(what: str):
    try:
        import pandas
    except ImportError as err:
        raise ImportError(
            f"newsingest.{what}() needs pandas, which is not installed; install it with: {PANDAS_HINT}"
        ) from err
    return pandas


# --------------------------------------------------------------------------- records


def _as_record(item: Any) -> Article | dict[str, Any]:
    """An :class:`Article`, or an error record ``{"source", "id", "error": {...}}``."""
    if isinstance(item, Article):
        return item
    data = item
    if not isinstance(data, Mapping):
        to_dict = getattr(item, "to_dict", None)
        if to_dict is None:
            raise TypeError(
                f"expected an Article, an error record (e.g. newsingest.IngestError) or a dict, "
                f"got {type(item).__name__}"
            )
        data = to_dict()
    if "error" in data:
        error = data.get("error") or {}
        if not isinstance(error, Mapping):
            error = {"type": None, "message": str(error)}
        return {"source": data.get("source"), "id": data.get("id"), "error": dict(error)}
    return Article.from_dict(data)


def _records(items: Any) -> list[Article | dict[str, Any]]:
    if isinstance(items, (Article, Mapping)) or (hasattr(items, "to_dict") and not isinstance(items, Iterable)):
        items = [items]
    return [_as_record(item) for item in items]


def _row(record: Article | dict[str, Any]) -> dict[str, Any]:
    if isinstance(record, Article):
        return {
            "id": record.id,
            "source": record.source,
            "url": record.url,
            "outlet": record.outlet,
            "title": record.title,
            "language": record.language,
            "language_confidence": record.language_confidence,
            "published": record.published,
            "updated": record.updated,
            "authors": "; ".join(record.authors),
            "n_paragraphs": len(record.paragraphs),
            "n_removed": len(record.removed),
            "text": record.text,
            "story": record.story,
            "duplicate_of": record.duplicate_of,
            "link_kind": record.link.kind if record.link else None,
            "error_type": None,
            "error_message": None,
        }
    row = dict.fromkeys(DATAFRAME_COLUMNS)
    row.update(
        id=record.get("id"),
        source=record.get("source"),
        error_type=record["error"].get("type"),
        error_message=record["error"].get("message"),
    )
    return row


def to_dataframe(articles: Iterable[Any]) -> pandas.DataFrame:
    """A pandas DataFrame with one row per article, in input order.

    ``articles`` may mix :class:`~newsingest.Article` objects, error records
    (``newsingest.IngestError`` or any object whose ``to_dict()`` gives
    ``{"source", "id", "error": {"type", "message"}}``) and plain dicts (an
    article's ``to_dict()`` form, or an error record, as read from the CLI's JSONL).

    Columns: ``id``, ``source``, ``url``, ``outlet``, ``title``, ``language``,
    ``language_confidence``, ``published``, ``updated`` (``datetime``/``date``
    objects, as on the article), ``authors`` (joined with ``"; "``),
    ``n_paragraphs``, ``n_removed`` (nullable integers), ``text``, and
    ``error_type``, ``error_message`` (``None`` for articles; for an error
    record only these, ``id`` and ``source`` are filled).

    Raises:
        ImportError: pandas is not installed (``pip install 'newsingest[notebook]'``).
    """
    pd = _require_pandas("to_dataframe")
    rows = [_row(record) for record in _records(articles)]
    frame = pd.DataFrame({name: pd.Series([row[name] for row in rows], dtype=object) for name in DATAFRAME_COLUMNS})
    frame["language_confidence"] = frame["language_confidence"].astype("Float64")
    for name in ("n_paragraphs", "n_removed"):
        frame[name] = frame[name].astype("Int64")
    return frame


def removed_counts(articles: Iterable[Any]) -> list[dict[str, Any]]:
    """What was removed across a batch, tallied per rule, as plain dicts (no pandas).

    One dict per distinct ``(rule, plugin, reason)``, with keys ``rule``,
    ``plugin`` (``None`` for the generic cleaners), ``reason``, ``count`` (blocks
    removed), ``articles`` (how many articles it removed something from) and
    ``example`` (the first removed text, cut to 120 characters). Sorted by count,
    highest first, then by rule. Error records are skipped.
    """
    tally: dict[tuple[str, str | None, str], dict[str, Any]] = {}
    for record in _records(articles):
        if not isinstance(record, Article):
            continue
        seen: set[tuple[str, str | None, str]] = set()
        for item in record.removed:
            key = (item.rule, item.plugin, item.reason)
            entry = tally.get(key)
            if entry is None:
                example = item.text if len(item.text) <= EXAMPLE_CHARS else item.text[: EXAMPLE_CHARS - 1] + "…"
                entry = tally[key] = dict(zip(REPORT_COLUMNS, (*key, 0, 0, example), strict=True))
            entry["count"] += 1
            if key not in seen:
                seen.add(key)
                entry["articles"] += 1
    return sorted(tally.values(), key=lambda e: (-e["count"], e["rule"], e["plugin"] or "", e["reason"]))


def removed_report(articles: Iterable[Any]) -> pandas.DataFrame:
    """What each rule removed across a batch, as a pandas DataFrame.

    Columns ``rule``, ``plugin``, ``reason``, ``count``, ``articles``,
    ``example``: one row per distinct ``(rule, plugin, reason)``, most removals
    first (see :func:`removed_counts`, the same tally as plain dicts, for use
    without pandas). Accepts what :func:`to_dataframe` accepts; error records are
    skipped.

        >>> report = newsingest.removed_report(articles)
        >>> report.plot.barh(x="rule", y="count")

    Raises:
        ImportError: pandas is not installed (``pip install 'newsingest[notebook]'``).
    """
    pd = _require_pandas("removed_report")
    rows = removed_counts(articles)
    return pd.DataFrame(
        {
            name: pd.Series([row[name] for row in rows], dtype="int64" if name in ("count", "articles") else object)
            for name in REPORT_COLUMNS
        }
    )


# --------------------------------------------------------------------------- stories


def _earliest_key(article: Article) -> tuple[float, str]:
    """Publication date, then id: the order :mod:`newsingest.linking` calls "earliest"."""
    from .linking.features import sort_time

    return sort_time(article.published), article.id


def story_rows(articles: Iterable[Any]) -> list[dict[str, Any]]:
    """One dict per story of linked articles (see :func:`story_table`); error records are left out.

    An article that was never linked counts as a story of its own. Plain dicts,
    no pandas.
    """
    stories: dict[str, list[Article]] = {}
    for record in _records(articles):
        if isinstance(record, Article):
            stories.setdefault(record.story or record.id, []).append(record)
    rows: list[dict[str, Any]] = []
    for story, members in stories.items():
        members.sort(key=_earliest_key)
        earliest = members[0]
        rows.append(
            {
                "story": story,
                "size": len(members),
                "outlets": "; ".join(sorted({a.outlet for a in members if a.outlet})),
                "languages": "; ".join(sorted({a.language for a in members if a.language})),
                "first_published": earliest.published,  # undated articles sort last
                "headline": earliest.title or (earliest.text[:EXAMPLE_CHARS] or None),
                "earliest": earliest.id,
                "copies": "; ".join(a.id for a in members[1:]),
            }
        )
    rows.sort(key=lambda row: -row["size"])  # stable: stories of one size stay in order of first appearance
    return rows


def story_table(articles: Iterable[Any]) -> pandas.DataFrame:
    """One row per story of linked articles (:func:`newsingest.link_stories`), biggest first.

    Columns (:data:`STORY_COLUMNS`): the story id, how many articles it has, their
    outlets and languages, the first publication date among them, the headline
    (title, else the start of the text) and id of the earliest copy (by date, then
    id), and the ids of the other copies. Needs pandas.
    """
    pandas = _require_pandas("story_table")
    return pandas.DataFrame(story_rows(articles), columns=list(STORY_COLUMNS))


# --------------------------------------------------------------------------- HTML

_e = html.escape  # quote=True: safe inside attribute values too

_FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif"
_STYLE = {
    "card": (
        f"font-family:{_FONT};font-size:14px;line-height:1.55;color:#1f2328;background:#ffffff;"
        "border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;max-width:760px;text-align:left"
    ),
    "title": "font-size:1.45em;line-height:1.3;font-weight:650;margin:0 0 6px 0;color:#1f2328;border:0;padding:0",
    "untitled": "font-size:1.2em;font-style:italic;font-weight:500;margin:0 0 6px 0;color:#57606a",
    "meta": "font-size:0.9em;color:#57606a;margin:0 0 12px 0;padding:0 0 10px 0;border-bottom:1px solid #d8dee4",
    "fact": "display:inline-block;margin:0 14px 2px 0;white-space:nowrap",
    "label": "color:#8c959f;font-size:0.85em;text-transform:uppercase;letter-spacing:.04em;margin-right:4px",
    "badge": (
        "display:inline-block;background:#ddf4ff;color:#0550ae;border-radius:10px;padding:0 8px;"
        "font-weight:600;font-size:0.9em"
    ),
    "lang": (
        "display:inline-block;background:#fff8c5;color:#7d4e00;border-radius:6px;padding:0 5px;"
        "font-size:0.75em;margin-left:6px;vertical-align:middle"
    ),
    "body": "margin:0",
    "p": "margin:0 0 10px 0;padding:0",
    "h": "font-size:1.12em;font-weight:650;margin:16px 0 8px 0;padding:0;color:#1f2328;border:0",
    "quote": "margin:0 0 10px 0;padding:2px 0 2px 12px;border-left:3px solid #d0d7de;color:#424a53",
    "ul": "margin:0 0 10px 0;padding-left:22px",
    "li": "margin:0 0 4px 0",
    "empty": "color:#8c959f;font-style:italic;margin:0 0 10px 0",
    "section": "margin:14px 0 0 0;padding:10px 0 0 0;border-top:1px solid #d8dee4",
    "summary": "cursor:pointer;font-size:0.9em;font-weight:600;color:#57606a;margin:0 0 6px 0",
    "removed": (
        "margin:0 0 6px 0;padding:4px 8px;background:#f6f8fa;border-left:3px solid #cf222e;border-radius:3px;"
        "color:#6e7781;font-size:0.92em"
    ),
    "moved": (
        "margin:0 0 6px 0;padding:4px 8px;background:#f6f8fa;border-left:3px solid #8c959f;border-radius:3px;"
        "color:#6e7781;font-size:0.92em"
    ),
    "why": "margin:0 0 2px 0;font-size:0.9em;color:#57606a;font-style:italic",
    "item": "margin:0 0 2px 0;cursor:help",
    "struck": "text-decoration:line-through;text-decoration-color:rgba(207,34,46,.45)",
    "tag": (
        "display:inline-block;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:0.8em;"
        "font-style:normal;color:#57606a;background:#eaeef2;border-radius:4px;padding:0 5px;margin-right:6px"
    ),
    "warning": (
        "margin:10px 0 0 0;padding:6px 10px;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;"
        "color:#4d2d00;font-size:0.9em"
    ),
    "translation": "margin:0 0 8px 0;padding:0",
    "footer": "margin:12px 0 0 0;font-size:0.8em;color:#8c959f",
}


def _format_date(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        offset = value.strftime("%z")
        return f"{text} UTC{offset[:3]}:{offset[3:]}" if offset else text
    return value.isoformat()


def _fact(label: str, value_html: str) -> str:
    return (
        f'<span class="nsi-fact" style="{_STYLE["fact"]}"><span style="{_STYLE["label"]}">{_e(label)}</span>'
        f"{value_html}</span>"
    )


def _lang_badge(block: Block, article_language: str | None) -> str:
    if block.language and block.language != article_language:
        return f' <span class="nsi-block-lang" style="{_STYLE["lang"]}" title="this block\'s language">{_e(block.language)}</span>'
    return ""


def _body_html(article: Article) -> str:
    parts: list[str] = []
    in_list = False
    for index, block in enumerate(article.paragraphs):
        if block.kind == "list_item" and not in_list:
            parts.append(f'<ul style="{_STYLE["ul"]}">')
            in_list = True
        elif block.kind != "list_item" and in_list:
            parts.append("</ul>")
            in_list = False
        text = _e(block.text) + _lang_badge(block, article.language)
        attrs = f'class="nsi-block nsi-{block.kind}" data-index="{index}"'
        if block.kind == "heading":
            parts.append(f'<h4 {attrs} style="{_STYLE["h"]}">{text}</h4>')
        elif block.kind == "quote":
            parts.append(f'<blockquote {attrs} style="{_STYLE["quote"]}">{text}</blockquote>')
        elif block.kind == "list_item":
            parts.append(f'<li {attrs} style="{_STYLE["li"]}">{text}</li>')
        else:
            parts.append(f'<p {attrs} style="{_STYLE["p"]}">{text}</p>')
    if in_list:
        parts.append("</ul>")
    if not parts:
        parts.append(f'<p class="nsi-empty" style="{_STYLE["empty"]}">(no text kept)</p>')
    return "".join(parts)


def _removed_title(item: Removed) -> str:
    who = f"rule {item.rule}" + (f", plugin {item.plugin}" if item.plugin else ", generic cleaner")
    title = f"{item.reason} ({who})"
    if item.moved_to:
        title += f"; moved to {item.moved_to}"
    return title


def _rule_tag(item: Removed) -> str:
    """``rule``, prefixed with the plugin's name unless the rule's name already starts with it."""
    if item.plugin and not item.rule.startswith(item.plugin):
        return f"{item.plugin}:{item.rule}"
    return item.rule


def _removed_html(article: Article) -> str:
    """Removed pieces in order; a run of pieces with the same rule and reason shares one visible header."""
    if not article.removed:
        return ""
    groups: list[list[Removed]] = []
    for item in article.removed:
        key = (item.rule, item.plugin, item.reason, item.moved_to)
        if groups and (groups[-1][0].rule, groups[-1][0].plugin, groups[-1][0].reason, groups[-1][0].moved_to) == key:
            groups[-1].append(item)
        else:
            groups.append([item])
    parts: list[str] = []
    for group in groups:
        first = group[0]
        moved = first.moved_to is not None
        tag = _rule_tag(first) + (f" → {first.moved_to}" if moved else "")
        count = f" ×{len(group)}" if len(group) > 1 else ""
        items = []
        for item in group:
            cls, style = ("nsi-moved", "") if moved else ("nsi-dropped", f' style="{_STYLE["struck"]}"')
            items.append(
                f'<div class="nsi-removed {cls}" title="{_e(_removed_title(item))}" style="{_STYLE["item"]}">'
                f'<span class="nsi-removed-text"{style}>{_e(item.text)}</span></div>'
            )
        parts.append(
            f'<div class="nsi-removed-group" style="{_STYLE["moved" if moved else "removed"]}">'
            f'<div class="nsi-removed-why" style="{_STYLE["why"]}"><span class="nsi-tag" style="{_STYLE["tag"]}">'
            f'{_e(tag)}</span><span class="nsi-reason">{_e(first.reason)}{count}</span></div>{"".join(items)}</div>'
        )
    dropped = sum(1 for item in article.removed if not item.moved_to)
    moved_count = len(article.removed) - dropped
    summary = f"Removed: {dropped} dropped" + (f", {moved_count} moved to fields" if moved_count else "")
    return (
        f'<details class="nsi-removed-section" open style="{_STYLE["section"]}">'
        f'<summary style="{_STYLE["summary"]}">{_e(summary)} '
        f'<span style="font-weight:400">(hover a line for its rule and reason)</span></summary>{"".join(parts)}</details>'
    )


def _translation_html(article: Article) -> str:
    translation = article.translation
    if translation is None:
        return ""
    paragraphs = "".join(
        f'<p class="nsi-translation-p" style="{_STYLE["translation"]}">{_e(p)}</p>' for p in translation.paragraphs
    )
    title = (
        f'<p style="{_STYLE["translation"]};font-weight:600">{_e(translation.title)}</p>' if translation.title else ""
    )
    model = f" ({translation.model})" if translation.model else ""
    return (
        f'<details class="nsi-translation" style="{_STYLE["section"]}">'
        f'<summary style="{_STYLE["summary"]}">{_e(f"Translation to {translation.language}{model}")}</summary>'
        f"{title}{paragraphs}</details>"
    )


def _warnings_html(article: Article) -> str:
    warnings = article.metadata.get("warnings")
    if not warnings:
        return ""
    if isinstance(warnings, str):
        warnings = [warnings]
    lines = "<br>".join(_e(str(w)) for w in warnings)
    return f'<div class="nsi-warnings" style="{_STYLE["warning"]}">⚠ {lines}</div>'


def _link_text(link: Link) -> str:
    similarity = f", similarity {link.similarity:.2f}" if link.similarity is not None else ""
    matched = f"; {', '.join(link.matched)}" if link.matched else ""
    return f"{link.kind} {link.target} ({'candidate' if link.candidate else 'linked'}{similarity}{matched})"


def _story_html(article: Article) -> str:
    """Which story the article is in, what it copies, why, and unverified candidates (after linking)."""
    if article.story is None and not article.link_candidates:
        return ""
    parts = []
    if article.story is not None:
        parts.append(f'story <span class="nsi-story-id">{_e(article.story)}</span>')
    if article.duplicate_of:
        parts.append(f'copy of <span class="nsi-duplicate-of">{_e(article.duplicate_of)}</span>')
    elif article.story is not None and article.link is None:
        parts.append("the first of its story seen")
    if article.link is not None:
        parts.append(
            f'<span class="nsi-link" title="{_e(_link_text(article.link))}">{_e(_link_text(article.link))}</span>'
        )
    for candidate in article.link_candidates:
        parts.append(f'<span class="nsi-candidate">possible {_e(_link_text(candidate))}</span>')
    return f'<div class="nsi-story" style="{_STYLE["meta"]}">{" · ".join(parts)}</div>'


def _safe_href(url: str) -> str | None:
    return url if url.lower().startswith(("http://", "https://")) else None


def article_html(article: Article) -> str:
    """The article as a self-contained HTML fragment (what ``Article._repr_html_`` shows).

    Title, outlet, language, dates and authors on top; the clean text by block
    (headings as headings, quotes and list items as such); then, set apart and
    greyed, every removed piece: dropped text struck through, text moved to a
    field (title, captions, ...) marked with where it went, each with its reason,
    rule and plugin in a ``title`` attribute (shown on hover). All text is
    HTML-escaped; styles are inline, so the fragment renders the same in Jupyter,
    VS Code or a plain browser.
    """
    facts: list[str] = []
    if article.outlet:
        facts.append(_fact("outlet", f'<span class="nsi-outlet" style="{_STYLE["badge"]}">{_e(article.outlet)}</span>'))
    if article.language:
        confidence = article.language_confidence
        shown = _e(article.language) + (f" ({confidence:.0%})" if confidence is not None else "")
        facts.append(_fact("language", f'<span class="nsi-language">{shown}</span>'))
    for label, value in (("published", article.published), ("updated", article.updated)):
        text = _format_date(value)
        if text:
            facts.append(_fact(label, f'<span class="nsi-{label}">{_e(text)}</span>'))
    if article.authors:
        facts.append(_fact("by", f'<span class="nsi-authors">{_e(", ".join(article.authors))}</span>'))
    if article.title:
        title = f'<h3 class="nsi-title" style="{_STYLE["title"]}">{_e(article.title)}</h3>'
    else:
        title = f'<h3 class="nsi-title nsi-untitled" style="{_STYLE["untitled"]}">(no title)</h3>'
    where = article.url or article.source
    footer = f"id {article.id}"
    if where:
        href = _safe_href(where)
        link = f'<a href="{_e(href)}" style="color:#0969da">{_e(where)}</a>' if href else _e(where)
        footer = f"{_e(footer)} · {link}"
    else:
        footer = _e(footer)
    return (
        f'<div class="nsi-article" style="{_STYLE["card"]}">'
        f"{title}"
        f'<div class="nsi-meta" style="{_STYLE["meta"]}">{"".join(facts) or "&nbsp;"}</div>'
        f"{_story_html(article)}"
        f'<div class="nsi-body" style="{_STYLE["body"]}">{_body_html(article)}</div>'
        f"{_translation_html(article)}{_removed_html(article)}{_warnings_html(article)}"
        f'<div class="nsi-footer" style="{_STYLE["footer"]}">{footer}</div>'
        "</div>"
    )


__all__ = [
    "DATAFRAME_COLUMNS",
    "REPORT_COLUMNS",
    "STORY_COLUMNS",
    "article_html",
    "removed_counts",
    "removed_report",
    "story_rows",
    "story_table",
    "to_dataframe",
]
