"""``ingest_many``: a streaming process pool over many inputs.

The parent reads the inputs lazily (:mod:`.inputs`), groups tasks into chunks and
keeps at most ``max_in_flight`` chunks submitted or waiting to be given out, so
memory stays flat however many inputs there are. Workers (:mod:`.worker`) build
their pipeline once and send back JSON-ready dicts.

A worker that dies takes its pool with it (``BrokenProcessPool``): the pool is
started again and every input that was in flight is run once more, alone, one at
a time, so the input that killed the worker is found and gets a
``WorkerCrashedError`` record while the others get their articles.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Container, Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from ..decode import DEFAULT_MAX_BYTES
from ..model import Article
from .inputs import BatchStats, Task, iter_tasks
from .records import IngestError, WorkerCrashedError
from .worker import WorkerConfig, WorkerState, init_worker, json_record, log_setup, run_chunk

#: Tasks sent to a worker at a time.
DEFAULT_CHUNKSIZE = 32


def default_workers() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: Imported (and so warmed up) in the fork server, before it forks workers.
PRELOAD = "newsingest.batch.preload"


def default_context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where there is one (safe with threads, cheap restarts), else ``spawn``.

    The fork server preloads :mod:`newsingest.batch.preload` (added to whatever it
    preloads already), so workers start with newsingest's modules imported instead
    of each importing them. A fork server that is already running is used as it is.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    preload = list(getattr(server, "_preload_modules", None) or ["__main__"])
    if PRELOAD not in preload:
        context.set_forkserver_preload([*preload, PRELOAD])
    return context


def ingest_many(
    sources: Iterable[Any],
    *,
    workers: int | None = None,
    ordered: bool = True,
    outlet: str | None = None,
    url: str | None = None,
    translate: bool = False,
    translation_device: str = "cpu",
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunksize: int = DEFAULT_CHUNKSIZE,
    max_in_flight: int | None = None,
    as_dicts: bool = False,
    as_json: bool = False,
    skip_sources: Container[str] | None = None,
    pipeline_factory: Callable[[], Any] | None = None,
    mp_context: str | multiprocessing.context.BaseContext | None = None,
) -> IngestRun:
    """Clean many inputs in parallel; an iterator of results, one per input.

    ``sources``: paths (article files; folders, searched recursively for ``*.txt``,
    ``*.html``, ``*.htm``; ``.jsonl`` files of input records; ``.warc``/``.warc.gz``
    files), ``"-"`` for standard input, or input records
    (``{"source"?, "url"?, "html"? | "text"?}``), in any mix, read lazily.

    Each result is an :class:`~newsingest.Article`, or an :class:`IngestError` for
    an input that failed. With ``as_dicts=True``, the CLI's JSONL records instead
    (``Article.to_dict()`` or ``IngestError.to_dict()``); with ``as_json=True``,
    those records as JSON lines (no newline), serialised in the workers, the
    cheapest way to write JSONL. ``ordered=False`` gives results as they are done
    instead of in input order.

    ``workers``: processes (default: the CPUs available); 0 or 1 runs in this
    process. ``chunksize`` inputs go to a worker at a time, and at most
    ``max_in_flight`` chunks (default ``4 * workers``) are out at once.
    ``outlet``, ``url`` (for one article file), ``translate``,
    ``translation_device`` and ``max_bytes`` are as for the CLI;
    ``pipeline_factory``, a picklable callable (a module-level function), builds
    each worker's pipeline instead of the default one. ``skip_sources`` leaves out
    inputs whose source it contains (``--resume``). ``mp_context``: a
    :mod:`multiprocessing` start method or context (default ``forkserver`` where
    there is one, else ``spawn``; as with any process pool, a script that calls
    this needs an ``if __name__ == "__main__":`` guard).

    The returned :class:`IngestRun` counts as it goes (``.stats``); close it (or
    use it as a context manager) to stop early.
    """
    if as_dicts and as_json:
        raise ValueError("as_dicts and as_json: choose one")
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    workers = default_workers() if workers is None else workers
    if workers < 0:
        raise ValueError("workers must be 0 or more")
    config = WorkerConfig(
        outlet=outlet,
        translate=translate,
        translation_device=translation_device,
        max_bytes=max_bytes,
        pipeline_factory=pipeline_factory,
        log_setup=log_setup() if workers > 1 else None,
    )
    if outlet not in (None, "none"):
        config.build_pipeline().plugins.get(outlet)  # an unknown outlet fails here, before any work
    stats = BatchStats()
    tasks = iter_tasks(sources, url=url, max_bytes=max_bytes, skip_sources=skip_sources, counter=stats)
    return IngestRun(
        tasks,
        stats,
        config,
        workers=workers,
        ordered=ordered,
        chunksize=chunksize,
        max_in_flight=max_in_flight or 4 * max(workers, 1),
        as_dicts=as_dicts,
        as_json=as_json,
        mp_context=mp_context,
    )


class _Slot:
    """A chunk on its way: its tasks, then their records."""

    __slots__ = ("records", "tasks")

    def __init__(self, tasks: list[Task]) -> None:
        self.tasks = tasks
        self.records: list[Any] | None = None


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
        mp_context: str | multiprocessing.context.BaseContext | None,
    ) -> None:
        self.stats = stats
        self.workers = workers
        self._tasks = tasks
        self._config = config
        self._ordered = ordered
        self._chunksize = chunksize
        self._max_in_flight = max_in_flight
        self._as_dicts = as_dicts
        self._as_json = as_json
        if isinstance(mp_context, str):
            mp_context = multiprocessing.get_context(mp_context)
        self._context = mp_context
        self._executor: ProcessPoolExecutor | None = None
        self._results = self._generate()

    def __iter__(self) -> IngestRun:
        return self

    def __next__(self) -> Any:
        return next(self._results)

    def close(self) -> None:
        """Stop: no more inputs are read, workers are stopped."""
        self._results.close()
        self._stop_executor(abort=True)

    def __enter__(self) -> IngestRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- results ---------------------------------------------------------------------------

    def _generate(self) -> Generator[Any, None, None]:
        records = self._records_in_process() if self.workers <= 1 else self._records_from_pool()
        stats = self.stats
        try:
            if self._as_json:
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
                    yield record if self._as_dicts else IngestError.from_dict(record)
                else:
                    stats.ok += 1
                    yield record if self._as_dicts else Article.from_dict(record)
        finally:
            stats.finished = stats.finished or time.perf_counter()

    def _chunks(self) -> Iterator[list[Task]]:
        while chunk := list(islice(self._tasks, self._chunksize)):
            yield chunk

    def _records_in_process(self) -> Iterator[Any]:
        state = WorkerState(self._config)
        for chunk in self._chunks():
            yield from state.run_chunk(chunk, self._as_json)

    def _records_from_pool(self) -> Iterator[Any]:
        chunks = self._chunks()
        window: deque[_Slot] = deque()  # chunks not given out yet, in input order
        running: dict[Future, _Slot] = {}
        exhausted = broken = False

        def fill() -> None:
            """Submit chunks until ``max_in_flight`` are out (or the inputs end, or the pool broke)."""
            nonlocal exhausted, broken
            while not (exhausted or broken) and len(window) < self._max_in_flight:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    return
                slot = _Slot(chunk)
                window.append(slot)
                assert self._executor is not None
                try:
                    running[self._executor.submit(run_chunk, chunk, self._as_json)] = slot
                except BrokenProcessPool:
                    broken = True  # the slot has no records: it is run again below

        self._executor = self._start_executor()
        try:
            while True:
                fill()
                if not window:
                    return
                ready: list[_Slot] = []
                if running and not broken:
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    broken = self._collect(done, running, ready)
                if broken:
                    done, _ = wait(running)  # a broken pool fails every pending future at once
                    self._collect(done, running, ready)
                    ready += self._recover([slot for slot in window if slot.records is None])
                    broken = False
                if self._ordered:
                    while window and window[0].records is not None:
                        slot = window.popleft()
                        fill()  # keep the workers busy while these records are taken
                        yield from slot.records or ()
                else:
                    for slot in ready:
                        window.remove(slot)
                        fill()
                        yield from slot.records or ()
        except BaseException:
            self._stop_executor(abort=True)
            raise
        else:
            self._stop_executor(abort=False)

    def _collect(self, done: Iterable[Future], running: dict[Future, _Slot], ready: list[_Slot]) -> bool:
        """Take the records of finished chunks; True when the pool broke."""
        broken = False
        for future in done:
            slot = running.pop(future)
            error = future.exception()
            if error is None:
                slot.records = future.result()
                ready.append(slot)
            elif isinstance(error, BrokenProcessPool):
                broken = True
            else:
                raise error  # the whole batch cannot go on (worker set-up, missing translate extra)
        return broken

    def _recover(self, lost: list[_Slot]) -> list[_Slot]:
        """A new pool; the lost chunks' inputs run again one by one, so a crasher is caught alone."""
        self._stop_executor(abort=True)
        self._executor = self._start_executor()
        for slot in lost:
            records = []
            for task in slot.tasks:
                try:
                    records += self._executor.submit(run_chunk, [task], self._as_json).result()
                except BrokenProcessPool:
                    error = WorkerCrashedError(
                        f"{task.source}: the worker process died while cleaning this input, twice "
                        f"(os._exit, a crash in a C extension or the out-of-memory killer?)"
                    )
                    record = IngestError.from_exception(task.source, error).to_dict()
                    records.append(json_record(record) if self._as_json else record)
                    self._stop_executor(abort=True)
                    self._executor = self._start_executor()
            slot.records = records
        return lost

    # --- the pool --------------------------------------------------------------------------

    def _start_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self._context or default_context(),
            initializer=init_worker,
            initargs=(self._config,),
        )

    def _stop_executor(self, *, abort: bool) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if abort:
            processes = list((getattr(executor, "_processes", None) or {}).values())
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:  # do not wait for chunks nobody will read
                if process.is_alive():
                    process.terminate()
            for process in processes:
                process.join(5)
        executor.shutdown(wait=True, cancel_futures=abort)
