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

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from newsingest.errors import ArgumentTypeError, MissingExtraError
from newsingest.frontends.article_html import article_html
from newsingest.model import Article

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
STORY_COLUMNS = (
    "story",
    "size",
    "outlets",
    "languages",
    "first_published",
    "headline",
    "earliest",
    "copies",
    "links",
)

#: Columns of :func:`removed_report` (and keys of each :func:`removed_counts` row), in order.
REPORT_COLUMNS = ("rule", "plugin", "reason", "count", "articles", "example")

#: How many characters of a removed text :func:`removed_counts` keeps as its example.
EXAMPLE_CHARS = 120

PANDAS_HINT = "pip install 'newsingest[notebook]'"


def _require_pandas(what: str):
    try:
        import pandas
    except ImportError as err:
        raise MissingExtraError(
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
            raise ArgumentTypeError(
                f"expected an Article, an error record (e.g. newsingest.ErrorRecord) or a dict, "
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
    (``newsingest.ErrorRecord`` or any object whose ``to_dict()`` gives
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
    from newsingest.linking.features import sort_time

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
                "links": _link_counts(members),
            }
        )
    rows.sort(key=lambda row: -row["size"])  # stable: stories of one size stay in order of first appearance
    return rows


def _link_counts(members: list[Article]) -> str:
    """How the members joined the story, by kind of link: ``"near 2; series 3"`` (empty for a story of one)."""
    counts: dict[str, int] = {}
    for member in members:
        if member.link is not None:
            counts[member.link.kind] = counts.get(member.link.kind, 0) + 1
    return "; ".join(f"{kind} {count}" for kind, count in sorted(counts.items()))


def story_table(articles: Iterable[Any]) -> pandas.DataFrame:
    """One row per story of linked articles (:func:`newsingest.link_stories`), biggest first.

    Columns (:data:`STORY_COLUMNS`): the story id, how many articles it has, their
    outlets and languages, the first publication date among them, the headline
    (title, else the start of the text) and id of the earliest member (by date,
    then id), the ids of the other members, and how many joined by each kind of
    link (``"exact 1; near 2; series 3"``: a ``series`` member shares the text
    frame, not the figures, so it is no copy). Needs pandas.
    """
    pandas = _require_pandas("story_table")
    return pandas.DataFrame(story_rows(articles), columns=list(STORY_COLUMNS))


# --------------------------------------------------------------------------- HTML


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
