"""Batch ingestion at scale: many inputs, many processes, JSONL and WARC inputs.

    >>> from newsingest import ingest_many
    >>> for result in ingest_many(["crawl/", "cc-news.warc.gz"], workers=4):
    ...     print(result.source, result.title if isinstance(result, Article) else result.message)

:func:`ingest_many` runs a streaming process pool; :func:`process_records` is the
same per-record work for a framework that brings its own workers (Dask, Spark).
See ``docs/batch.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from newsingest.batch.inputs import (
    ARTICLE_SUFFIXES,
    COMPRESSED_SUFFIXES,
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    BatchStats,
    iter_tasks,
)
from newsingest.batch.records import (
    BatchOptionsError,
    ErrorRecord,
    TimeLimitError,
    WorkerCrashedError,
    WorkerSetupError,
)
from newsingest.batch.runner import DEFAULT_CHUNKSIZE, IngestRun, default_workers, ingest_many
from newsingest.batch.tasks import Task
from newsingest.batch.worker import WorkerConfig, shared_state
from newsingest.options import UNSET, IngestOptions, resolve_options


def process_records(
    records: Iterable[Mapping[str, Any]],
    *,
    options: IngestOptions | None = None,
    chunksize: int = 32,
    outlet: Any = UNSET,
    translate: Any = UNSET,
    translation_device: Any = UNSET,
    max_bytes: Any = UNSET,
    time_limit: Any = UNSET,
    pipeline_factory: Any = UNSET,
) -> Iterator[dict[str, Any]]:
    """Input records in, output records out: the per-partition function for Dask or Spark.

    Each input record is ``{"source"?, "url"?, "date"?, "html"? | "text"?}``; each
    output record is exactly what ``newsingest ingest`` writes to JSONL: the
    article's ``to_dict()``, or ``{"source", "id", "error": {"type", "message"}}``
    for a record that failed. ``options`` and the keyword arguments are those of
    :func:`ingest_many`. Runs in the calling process with a pipeline built once per
    process and set of options; ``translate`` translates ``chunksize`` articles at
    a time. The time limit applies only when this runs in a process's main thread
    (Dask's threaded workers run without it).
    """
    from newsingest.batch.inputs import task_from_record

    options = resolve_options(
        options,
        outlet=outlet,
        translate=translate,
        translation_device=translation_device,
        max_bytes=max_bytes,
        time_limit=time_limit,
        pipeline_factory=pipeline_factory,
    )
    state = shared_state(WorkerConfig(options=options))
    tasks = (task_from_record(record, None) for record in records)
    while chunk := list(islice(tasks, chunksize)):
        yield from state.run_chunk(chunk)


def __getattr__(name: str) -> Any:
    if name == "IngestError":  # the record's old name: fails, saying it is ErrorRecord (a record)
        from newsingest.batch import records

        return records.__getattr__(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ARTICLE_SUFFIXES",
    "COMPRESSED_SUFFIXES",
    "DEFAULT_CHUNKSIZE",
    "JSONL_SUFFIXES",
    "WARC_SUFFIXES",
    "BatchOptionsError",
    "BatchStats",
    "ErrorRecord",
    "IngestOptions",
    "IngestRun",
    "Task",
    "TimeLimitError",
    "WorkerCrashedError",
    "WorkerSetupError",
    "default_workers",
    "ingest_many",
    "iter_tasks",
    "process_records",
]
