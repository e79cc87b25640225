"""Batch ingestion at scale: many inputs, many processes, JSONL and WARC inputs.

    >>> from newsingest import ingest_many
    >>> for result in ingest_many(["crawl/", "cc-news.warc.gz"], workers=4):
    ...     print(result.source, result.title if isinstance(result, Article) else result.message)

:func:`ingest_many` runs a streaming process pool; :func:`process_records` is the
same per-record work for a framework that brings its own workers (Dask, Spark).
See ``docs/batch.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from ..decode import DEFAULT_MAX_BYTES
from .inputs import ARTICLE_SUFFIXES, JSONL_SUFFIXES, WARC_SUFFIXES, BatchStats, Task, iter_tasks, task_from_record
from .records import IngestError, WorkerCrashedError, WorkerSetupError
from .runner import DEFAULT_CHUNKSIZE, IngestRun, default_workers, ingest_many
from .worker import WorkerConfig, shared_state


def process_records(
    records: Iterable[Mapping[str, Any]],
    *,
    outlet: str | None = None,
    translate: bool = False,
    translation_device: str = "cpu",
    max_bytes: int = DEFAULT_MAX_BYTES,
    pipeline_factory: Callable[[], Any] | None = None,
    chunksize: int = 32,
) -> Iterator[dict[str, Any]]:
    """Input records in, output records out: the per-partition function for Dask or Spark.

    Each input record is ``{"source"?, "url"?, "html"? | "text"?}``; each output
    record is exactly what ``newsingest ingest`` writes to JSONL: the article's
    ``to_dict()``, or ``{"source", "id", "error": {"type", "message"}}`` for a
    record that failed. Runs in the calling process with a pipeline built once per
    process and set of options; ``translate`` translates ``chunksize`` articles
    at a time.
    """
    config = WorkerConfig(
        outlet=outlet,
        translate=translate,
        translation_device=translation_device,
        max_bytes=max_bytes,
        pipeline_factory=pipeline_factory,
    )
    state = shared_state(config)
    tasks = (task_from_record(record, None) for record in records)
    while chunk := list(islice(tasks, chunksize)):
        yield from state.run_chunk(chunk)


__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_CHUNKSIZE",
    "JSONL_SUFFIXES",
    "WARC_SUFFIXES",
    "BatchStats",
    "IngestError",
    "IngestRun",
    "Task",
    "WorkerCrashedError",
    "WorkerSetupError",
    "default_workers",
    "ingest_many",
    "iter_tasks",
    "process_records",
]
