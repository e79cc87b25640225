"""The worker side: one pipeline per process, tasks in, JSON-ready records out.

A pool worker builds its pipeline once, in :func:`init_worker`, then runs chunks
of tasks with :func:`run_chunk`. Every task gives exactly one record, the
article's ``to_dict()`` or an error record: any exception an input raises is
caught here, so only a dying process (``os._exit``, a segfault, the OOM killer)
can lose an input, and the parent deals with that.

The same :class:`WorkerState` runs in-process (``workers=1``) and behind
:func:`newsingest.batch.process_records` (Dask, Spark), so every path gives
the same records.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..decode import DEFAULT_MAX_BYTES
from ..errors import NewsingestError, TranslationError
from ..model import Article
from .inputs import Task
from .records import IngestError, WorkerSetupError

logger = logging.getLogger("newsingest")

#: HTTP charset labels that mean another codec (the WHATWG encoding standard).
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
}
_UTF8_LABELS = ("utf-8", "utf8", "unicode-1-1-utf-8")


@attrs.frozen
class WorkerConfig:
    """What a worker needs to build its pipeline; picklable, hashable."""

    outlet: str | None = None
    translate: bool = False
    translation_device: str = "cpu"
    max_bytes: int = DEFAULT_MAX_BYTES
    pipeline_factory: Callable[[], Any] | None = None
    log_setup: tuple | None = None

    def build_pipeline(self):
        if self.pipeline_factory is not None:
            return self.pipeline_factory()
        from ..pipeline import Pipeline

        return Pipeline(translation_device=self.translation_device, max_bytes=self.max_bytes)


class WorkerState:
    """A pipeline and the options every task of a batch shares."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self.pipeline = config.build_pipeline()

    def run_chunk(self, tasks: Sequence[Task], as_json: bool = False) -> list[Any]:
        """One record per task, in order; articles translated together when asked.

        With ``as_json``, each record is ``(failed, json_line)``: the JSONL line the
        CLI writes, serialised here so that the parent only copies it out.
        Raises only what should stop the whole batch (a missing translate extra).
        """
        results: list[Article | dict[str, Any]] = [self.run_task(task) for task in tasks]
        if self.config.translate:
            results = self._translate(results)
        records = [_record(task, result) for task, result in zip(tasks, results, strict=True)]
        if as_json:
            return [json_record(record) for record in records]
        return records

    def run_task(self, task: Task) -> Article | dict[str, Any]:
        if task.kind == "error":
            type_, message, id_ = task.payload
            return IngestError(task.source, id_, type_, message).to_dict()
        try:
            if task.kind == "path":
                return self.pipeline.clean(Path(task.payload), url=task.url, outlet=self.config.outlet)
            if task.kind == "bytes":
                return self._clean_bytes(task)
            return self.pipeline.clean(task.payload, url=task.url, outlet=self.config.outlet, name=task.source)
        except NewsingestError as err:
            return IngestError.from_exception(task.source, err, _input_bytes(task)).to_dict()
        except (Exception, SystemExit) as err:  # a bug (ours or a plugin's) costs this input only
            logger.exception("unexpected failure on %s", task.source)
            return IngestError.from_exception(task.source, err, _input_bytes(task)).to_dict()

    def _clean_bytes(self, task: Task) -> Article:
        """Bytes, decoded by the HTTP header's charset when they are not UTF-8 and it fits."""
        data, charset = task.payload, task.charset
        if charset and charset not in _UTF8_LABELS:
            text = _decode_declared(data, _CHARSET_ALIASES.get(charset, charset))
            if text is not None:
                article = self.pipeline.clean(text, url=task.url, outlet=self.config.outlet, name=task.source)
                codec = _CHARSET_ALIASES.get(charset, charset)
                return attrs.evolve(article, metadata={**article.metadata, "encoding": codec})
        return self.pipeline.clean(data, url=task.url, outlet=self.config.outlet, name=task.source)

    def _translate(self, results: list[Article | dict[str, Any]]) -> list[Article | dict[str, Any]]:
        where = [i for i, r in enumerate(results) if isinstance(r, Article)]
        if not where:
            return results
        translated = self.pipeline.translator().translate_articles([results[i] for i in where])
        for index, article in zip(where, translated, strict=True):
            results[index] = article
        return results


def json_record(record: dict[str, Any]) -> tuple[bool, str]:
    """``(failed, line)``: the record as the CLI's JSONL writer writes it (without the newline)."""
    return "error" in record, json.dumps(record, ensure_ascii=False)


def _record(task: Task, result: Article | dict[str, Any]) -> dict[str, Any]:
    if not isinstance(result, Article):
        return result
    try:
        return result.to_dict()
    except Exception as err:  # metadata a plugin filled with something JSON cannot hold
        logger.exception("unexpected failure on %s", task.source)
        return IngestError.from_exception(task.source, err, _input_bytes(task)).to_dict()


def _decode_declared(data: bytes, codec: str) -> str | None:
    """``data`` in the declared codec, unless it is UTF-8 (or has a BOM) or does not decode cleanly."""
    if data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None  # valid UTF-8 is a stronger sign than a header: let the pipeline decode it
    try:
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None
    return None if "\x00" in text[:4096] else text


def _input_bytes(task: Task) -> bytes | None:
    """The input's bytes, for the error record's id (as the CLI computes it)."""
    if task.kind == "bytes":
        return task.payload
    if task.kind == "text":
        return task.payload.encode("utf-8", "surrogatepass")
    try:
        path = Path(task.payload)
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


# --- pool workers --------------------------------------------------------------------------

_state: WorkerState | None = None
_setup_error: str | None = None


def init_worker(config: WorkerConfig) -> None:
    """Pool initializer: logging as in the parent, Ctrl-C left to the parent, the pipeline."""
    global _state, _setup_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    apply_log_setup(config.log_setup)
    try:
        _state = WorkerState(config)
    except BaseException as err:  # reported by run_chunk: the initializer cannot report
        _setup_error = f"{type(err).__name__}: {err}"


def run_chunk(tasks: Sequence[Task], as_json: bool = False) -> list[Any]:
    """Run a chunk in a pool worker."""
    if _state is None:
        raise WorkerSetupError(f"a batch worker could not build its pipeline ({_setup_error})")
    try:
        return _state.run_chunk(tasks, as_json)
    except TranslationError:
        raise
    except NewsingestError as err:  # keep the type's name, whatever its constructor takes
        raise NewsingestError(f"{type(err).__name__}: {err}") from None


def log_setup() -> tuple:
    """The parent's logging set-up, to repeat in workers (they start with none)."""
    root = logging.getLogger()
    fmt = None
    for handler in root.handlers:
        if isinstance(handler, logging.StreamHandler) and handler.formatter is not None:
            fmt = getattr(handler.formatter, "_fmt", None)
            break
    names = ("", "newsingest", "trafilatura", "htmldate", "courlan", "charset_normalizer")
    return fmt, tuple((name, logging.getLogger(name).level) for name in names)


def apply_log_setup(setup: tuple | None) -> None:
    if not setup:
        return
    fmt, levels = setup
    if fmt is not None:
        logging.basicConfig(format=fmt)
    for name, level in levels:
        logging.getLogger(name).setLevel(level)


# --- shared per-process state for process_records (Dask, Spark) ----------------------------

_shared: dict[WorkerConfig, WorkerState] = {}
_shared_lock = threading.Lock()


def shared_state(config: WorkerConfig) -> WorkerState:
    """One :class:`WorkerState` per configuration and process, built on first use."""
    state = _shared.get(config)
    if state is None:
        with _shared_lock:
            state = _shared.get(config)
            if state is None:
                state = _shared[config] = WorkerState(config)
    return state
