"""Notebook helpers: articles as HTML, batches as tables, removals tallied per rule.

    >>> import newsingest
    >>> articles = [newsingest.ingest(p) for p in Path("seeds").glob("*.txt")]
    >>> articles[0]                          # in Jupyter: rendered by Article._repr_html_
    >>> newsingest.to_dataframe(articles)    # one row per article (or error record)
    >>> newsingest.removed_report(articles)  # what each rule took out, across the batch

:func:`to_dataframe` and :func:`removed_report` need pandas (the ``notebook`` extra:
``pip install 'newsingest[notebook]'``); pandas is imported when they are called,
never by ``import newsingest``. :func:`removed_counts` gives the same tally as
:func:`removed_report` as plain dicts, without pandas. :func:`article_html` (what
``Article._repr_html_`` returns) needs nothing beyond the standard library.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .article_html import article_html
from .errors import ArgumentTypeError, MissingExtraError
from .model import Article

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
    "error_type",
    "error_message",
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


# --------------------------------------------------------------------------- HTML


__all__ = [
    "DATAFRAME_COLUMNS",
    "REPORT_COLUMNS",
    "article_html",
    "removed_counts",
    "removed_report",
    "to_dataframe",
]
