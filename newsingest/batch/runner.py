"""``ingest_many``: a streaming pool of worker processes over many inputs.

The parent reads the inputs lazily (:mod:`.inputs`), groups tasks into chunks and
keeps at most ``max_in_flight`` chunks read ahead, so memory stays flat however
many inputs there are. Workers (:mod:`.pool`, running :mod:`.worker`) build their
pipeline once and send back one JSON-ready record per input as they go, so a
worker that dies or hangs costs only the input it was on: that input gets an
error record, the worker is replaced and the rest of its chunk runs on.
"""

from __future__ import annotations

import os
import pickle
import time
import warnings
import weakref
from collections import deque
from collections.abc import Container, Generator, Iterable, Iterator
from itertools import islice
from typing import Any

from newsingest.batch.inputs import BatchStats, Task, checked_source, iter_tasks
from newsingest.batch.pool import Assignment, WorkerPool
from newsingest.batch.records import BatchOptionsError, ErrorRecord
from newsingest.batch.worker import FINGERPRINT_KEY, WorkerConfig, WorkerState, log_setup
from newsingest.model import Article
from newsingest.options import UNSET, IngestOptions, resolve_options

#: Tasks sent to a worker at a time.
DEFAULT_CHUNKSIZE = 32


def default_workers() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ingest_many(
    sources: Iterable[Any],
    *,
    options: IngestOptions | None = None,
    workers: int | None = None,
    ordered: bool = True,
    url: str | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    max_in_flight: int | None = None,
    as_dicts: bool = False,
    as_json: bool = False,
    skip_sources: Container[str] | None = None,
    outlet: Any = UNSET,
    translate: Any = UNSET,
    translation_device: Any = UNSET,
    max_bytes: Any = UNSET,
    time_limit: Any = UNSET,
    pipeline_factory: Any = UNSET,
    mp_context: Any = None,
    link: bool = False,
) -> IngestRun:
    """Clean many inputs in parallel; an iterator of results, one per input.

    ``sources``: paths (article files; folders, searched recursively for ``*.txt``,
    ``*.html``, ``*.htm`` and their ``.gz``; ``.jsonl`` files of input records;
    ``.warc``/``.warc.gz`` files), ``"-"`` for standard input, or input records
    (``{"source"?, "url"?, "date"?, "html"? | "text"?}``), in any mix, read lazily.
    Here a ``str`` is a path, as on a command line (in :func:`newsingest.ingest`
    it is the article's text): articles held in strings go in records, and a
    ``str`` that is plainly text (a line break, a ``<``, over 1,024 characters)
    raises :class:`~newsingest.UsageError` instead of becoming "no such file"
    (at the call for a list or tuple, when reached for an iterator).

    Each result is an :class:`~newsingest.Article`, or an :class:`ErrorRecord` for
    an input that failed. With ``as_dicts=True``, the CLI's JSONL records instead
    (``Article.to_dict()`` or ``ErrorRecord.to_dict()``); with ``as_json=True``,
    those records as JSON lines (no newline), serialised in the workers, the
    cheapest way to write JSONL. ``ordered=False`` gives results as they are done
    instead of in input order.

    ``options`` (an :class:`~newsingest.options.IngestOptions`) says how to clean;
    the keyword arguments ``outlet``, ``translate``, ``translation_device``,
    ``max_bytes``, ``time_limit`` and ``pipeline_factory`` override its fields.
    ``url`` is for one article file (the CLI's ``--url``).

    ``workers``: processes (default: the CPUs available); ``0`` runs in this
    process (no protection from an input that kills or hangs the process; the
    time limit applies only in the main thread). Workers are fresh interpreters,
    not forks, so a script needs no ``if __name__ == "__main__":`` guard; a
    ``pipeline_factory`` must then be picklable and importable (a module-level
    function in a module, not in the main script). ``chunksize`` inputs go to a
    worker at a time, and at most ``max_in_flight`` chunks (default
    ``4 * workers``) are read ahead. ``skip_sources`` leaves out inputs whose
    source it contains (``--resume``). ``mp_context`` is accepted and ignored.

    ``link=True`` links the results as :func:`newsingest.link_stories` would:
    each article's fingerprint (its hashes and signatures, most of the cost) is
    computed in the worker that cleaned it, and this process links them in input
    order (so the links do not depend on ``workers``): each article gets
    ``story``, ``duplicate_of``, ``link`` and ``link_candidates`` (needs the
    ``link`` extra; not with ``as_json`` or ``ordered=False``).

    The returned :class:`IngestRun` counts as it goes (``.stats``); it stops its
    workers when the results run out, when closed (or used as a context manager),
    and when dropped.
    """
    options = resolve_options(
        options,
        outlet=outlet,
        translate=translate,
        translation_device=translation_device,
        max_bytes=max_bytes,
        time_limit=time_limit,
        pipeline_factory=pipeline_factory,
    )
    if as_dicts and as_json:
        raise BatchOptionsError("as_dicts and as_json: choose one")
    if link and (as_json or not ordered):
        raise BatchOptionsError("link=True links articles or dicts in input order: not with as_json or ordered=False")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise BatchOptionsError("chunksize must be at least 1")
    workers = default_workers() if workers is None else workers
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        raise BatchOptionsError("workers must be 0 or more")
    if mp_context is not None:
        warnings.warn("ingest_many: mp_context is ignored (workers are fresh interpreters)", DeprecationWarning, 2)
    if link:
        import newsingest.linking  # noqa: F401  # without numpy: LinkingDependencyError now, not in a worker
    config = WorkerConfig(options=options, log_setup=log_setup() if workers >= 1 else None, fingerprints=link)
    if workers >= 1:
        _check_picklable(config)
    if options.outlet not in (None, "none"):
        config.build_pipeline().plugins.get(options.outlet)  # an unknown outlet fails here, before any work
    if isinstance(sources, list | tuple):  # a str that is plainly text fails here, not half-way through the run
        for item in sources:
            checked_source(item)
    stats = BatchStats()
    tasks = iter_tasks(sources, url=url, max_bytes=options.max_bytes, skip_sources=skip_sources, counter=stats)
    run = IngestRun(
        tasks,
        stats,
        config,
        workers=workers,
        ordered=ordered,
        chunksize=chunksize,
        max_in_flight=max_in_flight or 4 * max(workers, 1),
        as_dicts=as_dicts,
        as_json=as_json,
        link=link,
    )
    return run


def _linked(records: Generator[Any]) -> Generator[Any]:
    """The records with story links, in input order, each linked with the fingerprint its worker attached."""
    from newsingest.linking import StoryLinker

    pairs = ((r, r.pop(FINGERPRINT_KEY)) if FINGERPRINT_KEY in r else r for r in records)
    try:
        yield from StoryLinker().link_all(pairs)
    finally:
        records.close()


def _check_picklable(config: WorkerConfig) -> None:
    factory = config.options.pipeline_factory
    if factory is not None and getattr(factory, "__module__", None) == "__main__":
        raise BatchOptionsError(
            "pipeline_factory is defined in the main script, which worker processes do not run: "
            "define it in a module of its own, or use workers=0 to clean in this process"
        )
    try:
        pickle.dumps(config)
    except Exception as err:
        raise BatchOptionsError(
            f"the options cannot be sent to worker processes ({type(err).__name__}: {err}); "
            "a pipeline_factory must be a module-level function; or use workers=0"
        ) from None


class _Slot:
    """A chunk on its way: its tasks, then their records (filled as they come back)."""

    __slots__ = ("emitted", "left", "records", "tasks")

    def __init__(self, tasks: list[Task]) -> None:
        self.tasks = tasks
        self.records: list[Any] = [None] * len(tasks)
        self.left = len(tasks)
        self.emitted = 0  # records given out already (in order, from the front)

    def ready_prefix(self) -> list[Any]:
        """The records from the last one given out up to the first missing one; marks them given out."""
        start = end = self.emitted
        while end < len(self.records) and self.records[end] is not None:
            end += 1
        self.emitted = end
        return self.records[start:end]

    def put(self, index: int, record: Any) -> None:
        if self.records[index] is None:
            self.left -= 1
        self.records[index] = record

    @property
    def complete(self) -> bool:
        return self.left == 0


class IngestRun(Iterator[Any]):
    """The iterator :func:`ingest_many` returns: results, plus ``stats`` and ``close()``."""

    def __init__(
        self,
        tasks: Iterator[Task],
        stats: BatchStats,
        config: WorkerConfig,
        *,
        workers: int,
        ordered: bool,
        chunksize: int,
        max_in_flight: int,
        as_dicts: bool,
        as_json: bool,
        link: bool = False,
    ) -> None:
        self.stats = stats
        self.workers = workers
        chunks = _chunks(tasks, chunksize)
        if workers >= 1:
            pool = self._pool_holder = _PoolHolder()
            records = _records_from_pool(chunks, config, workers, ordered, max_in_flight, as_json, pool)
            self._finalizer: weakref.finalize | None = weakref.finalize(self, pool.close)
        else:
            records = _records_in_process(chunks, config, as_json)
            self._finalizer = None
        if link:
            records = _linked(records)
        self._results = _results(records, stats, as_dicts=as_dicts, as_json=as_json)

    def __iter__(self) -> IngestRun:
        return self

    def __next__(self) -> Any:
        return next(self._results)

    def close(self) -> None:
        """Stop: no more inputs are read, workers are stopped."""
        self._results.close()
        if self._finalizer is not None:
            self._finalizer()

    def __enter__(self) -> IngestRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _PoolHolder:
    """The run's pool, started on the first result; closed by the run, its finalizer or the end of results.

    Kept apart from :class:`IngestRun` (and from the result generator's frame) so a
    run dropped without ``close()`` stops its workers at once, not at the next
    garbage collection.
    """

    def __init__(self) -> None:
        self.pool: WorkerPool | None = None

    def close(self) -> None:
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.close()


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def _results(records: Generator[Any], stats: BatchStats, *, as_dicts: bool, as_json: bool) -> Generator[Any]:
    try:
        if as_json:
            for failed, line in records:
                if failed:
                    stats.failed += 1
                else:
                    stats.ok += 1
                yield line
            return
        for record in records:
            if "error" in record:
                stats.failed += 1
                yield record if as_dicts else ErrorRecord.from_dict(record)
            else:
                stats.ok += 1
                yield record if as_dicts else Article.from_dict(record)
    finally:
        records.close()
        stats.finished = stats.finished or time.perf_counter()


def _records_in_process(chunks: Iterator[list[Task]], config: WorkerConfig, as_json: bool) -> Generator[Any]:
    state = WorkerState(config)
    if not config.fingerprints:
        for chunk in chunks:
            yield from state.run_chunk(chunk, as_json)
        return
    # Linking in this process: chunks are cleaned until the linker's chunk is full, then fingerprinted
    # together. Cleaning and fingerprinting in turn slow each other (each evicts what the other keeps
    # in the caches): a turn each 256 articles rather than each 32 took a quarter off what linking
    # adds here. The linker reads 256 ahead anyway, so no record comes later than before.
    from newsingest.linking.linker import CHUNK

    tasks: list[Task] = []
    results: list[Article | dict[str, Any]] = []
    for chunk in chunks:
        tasks += chunk
        results += state.results(chunk)
        if len(tasks) >= CHUNK:
            yield from state.records(tasks, results)
            tasks, results = [], []
    if tasks:
        yield from state.records(tasks, results)


def _records_from_pool(
    chunks: Iterator[list[Task]],
    config: WorkerConfig,
    workers: int,
    ordered: bool,
    max_in_flight: int,
    as_json: bool,
    holder: _PoolHolder,
) -> Generator[Any]:
    """Records as the workers send them back; in input order when ``ordered``."""
    window: deque[_Slot] = deque()  # chunks read ahead and not given out as records yet, in input order
    pending: deque[Assignment] = deque()  # work no worker has yet
    exhausted = False
    pool = holder.pool = WorkerPool(config, workers, as_json=as_json)
    try:
        while True:
            while not exhausted and len(window) < max_in_flight:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                slot = _Slot(chunk)
                window.append(slot)
                pending.append(Assignment(slot, 0))
            if not window:
                return
            while pool.requeued:
                pending.appendleft(pool.requeued.pop())
            while pending and pool.give(pending[0]):
                pending.popleft()
            if ordered:  # records go out as soon as every one before them is there
                head = window[0]
                ready = head.ready_prefix()
                if head.complete:
                    window.popleft()
                yield from ready
                if ready or head.complete:
                    continue
            else:
                done = [slot for slot in window if slot.complete]
                if done:
                    for slot in done:
                        window.remove(slot)
                        yield from slot.records[slot.emitted :]
                    continue
            pool.wait()
    finally:
        holder.close()
