"""Dask: clean a bag of input records on a cluster (extra ``dask``).

    >>> import dask.bag as db
    >>> from dask.distributed import Client
    >>> from newsingest.frontends.dask import ingest_bag
    >>> client = Client("scheduler:8786")
    >>> records = db.read_text("s3://bucket/crawl/*.jsonl").map(json.loads)
    >>> ingest_bag(records).map(json.dumps).to_textfiles("s3://bucket/clean/*.jsonl")

Each partition runs :func:`newsingest.batch.process_records`: one pipeline per
worker process (built on first use, then reused by every partition), output
records identical to the CLI's JSONL records. Importing this module does not
import Dask; :func:`ingest_bag` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newsingest.batch import process_records
from newsingest.errors import MissingExtraError


def ingest_bag(bag: Any, **options: Any) -> Any:
    """A bag of output records (dicts) from a bag of input records.

    Input records are ``{"source"?, "url"?, "html"? | "text"?}``; output records are
    what ``newsingest ingest`` writes: ``Article.to_dict()``, or
    ``{"source", "id", "error": {"type", "message"}}`` for a record that failed.
    ``options`` are those of :func:`~newsingest.batch.process_records`: an
    ``options=IngestOptions(...)``, its fields one by one (``outlet``,
    ``translate``, ``max_bytes``, ...) and ``chunksize``. The order of records is kept.
    """
    try:
        import dask.bag  # noqa: F401 - fail here, with the extra's name, not on the cluster
    except ImportError as err:  # pragma: no cover - exercised only without the extra
        raise MissingExtraError(
            "newsingest.frontends.dask needs the dask extra: pip install 'newsingest[dask]'"
        ) from err
    return bag.map_partitions(process_partition, **options)


def process_partition(records: Iterable[Mapping[str, Any]], **options: Any) -> list[dict[str, Any]]:
    """One partition's output records (a list, so the result pickles)."""
    return list(process_records(records, **options))


__all__ = ["ingest_bag", "process_partition"]
