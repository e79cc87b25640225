"""The worker side: one pipeline per process, tasks in, JSON-ready records out.

A worker builds its pipeline once (a :class:`WorkerState`), then runs chunks of
tasks with :meth:`WorkerState.run_chunk`. Every task gives exactly one record, the
article's ``to_dict()`` or an error record: any exception an input raises is
caught here, so only a dying process (``os._exit``, a segfault, the OOM killer)
can lose an input, and the parent deals with that.

The same :class:`WorkerState` runs in worker processes (:mod:`.pool`), in-process
(``workers=0``) and behind :func:`newsingest.batch.process_records` (Dask, Spark),
so every path gives the same records.

Each input runs under the options' ``time_limit``: where the platform has
``SIGALRM`` and this is the main thread, an input past its time is interrupted
and gets a :class:`~newsingest.batch.TimeLimitError` record while the worker
goes on. In worker processes the parent also watches the clock, and kills and
replaces a worker that does not come back (a hang inside C code).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import logging
import signal
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from newsingest.batch.records import ErrorRecord, TimeLimitError
from newsingest.batch.tasks import Task, clean_field
from newsingest.errors import InputError, NewsingestError, UsageError
from newsingest.model import Article
from newsingest.options import IngestOptions
from newsingest.pipeline import Pipeline

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
    """What a worker needs: the run's options and the parent's logging set-up; picklable, hashable."""

    options: IngestOptions = attrs.field(factory=IngestOptions)
    log_setup: tuple | None = None
    #: Attach each article's linking fingerprint to its record (``ingest_many(link=True)``), a chunk at a time:
    #: see :meth:`WorkerState.records`.
    fingerprints: bool = False

    def build_pipeline(self) -> Pipeline:
        """The worker's pipeline; translation is the batch's business (a chunk at a time), not the pipeline's.

        A ``pipeline_factory`` must return a :class:`~newsingest.Pipeline` (a
        subclass is fine): the batch calls its ``clean`` with the input's
        ``date``, so anything else fails here, once, instead of on every input.
        """
        if self.options.pipeline_factory is None:
            return self.options.evolve(translate=False).build_pipeline()
        pipeline = self.options.pipeline_factory()
        if not isinstance(pipeline, Pipeline):
            raise UsageError(
                f"pipeline_factory must return a newsingest.Pipeline, not {type(pipeline).__name__}: "
                "subclass Pipeline to change how articles are cleaned"
            )
        return pipeline


class _Expired(BaseException):
    """Raised by the time limit's alarm: a BaseException, so no ``except Exception`` (a plugin guard) stops it."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` with :class:`_Expired` (main thread with SIGALRM only)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def time_limit_message(source: str | None, seconds: float) -> str:
    return f"{source or 'input'}: took more than the time limit of {seconds:g} s to clean (stopped)"


class WorkerState:
    """A pipeline and the options every task of a batch shares."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self.options = config.options
        self.pipeline = config.build_pipeline()
        self.pipeline.plugins.names()  # load the plugins now: one that kills its process at import stops the run
        if self.options.outlet not in (None, "none"):
            self.pipeline.plugins.get(self.options.outlet)  # an unknown outlet fails here, before any input

    def run_chunk(self, tasks: Sequence[Task], as_json: bool = False) -> list[Any]:
        """One record per task, in order; articles translated together when asked.

        With ``as_json``, each record is ``(failed, json_line)``: the JSONL line the
        CLI writes, serialised here so that the parent only copies it out.
        Raises only what should stop the whole batch (a missing translate extra).
        """
        records = self.records(tasks, self.results(tasks))
        if as_json:
            return [json_record(record) for record in records]
        return records

    def results(self, tasks: Sequence[Task]) -> list[Article | dict[str, Any]]:
        """Each task's article or error record, in order; the articles translated together when asked."""
        results: list[Article | dict[str, Any]] = [self.run_task(task) for task in tasks]
        if self.options.translate:
            results = self._translate(results)
        return results

    def run_task(self, task: Task) -> Article | dict[str, Any]:
        """The task's article, or its error record (never raises for an input's fault or a plugin's)."""
        if task.kind == "error":
            type_, message, id_ = task.payload
            return ErrorRecord(task.source, id_, type_, message).to_dict()
        try:
            with time_limit(self.options.time_limit):
                return self._clean(task)
        except _Expired:
            error = TimeLimitError(time_limit_message(task.source, self.options.time_limit or 0))
            return ErrorRecord.from_exception(task.source, error, _input_bytes(task)).to_dict()
        except NewsingestError as err:
            return ErrorRecord.from_exception(task.source, err, _input_bytes(task)).to_dict()
        except (Exception, SystemExit) as err:  # a bug (ours or a plugin's) costs this input only
            logger.exception("unexpected failure on %s", task.source)
            return ErrorRecord.from_exception(task.source, err, _input_bytes(task)).to_dict()

    def _clean(self, task: Task) -> Article:
        if task.kind == "path":
            if task.payload.lower().endswith(".gz"):
                return self._clean_source(task, _read_gzip(task.payload, self.options.max_bytes), task.source)
            return self._clean_source(task, Path(task.payload), None)
        if task.kind == "bytes":
            return self._clean_bytes(task)
        return self._clean_source(task, task.payload, task.source)

    def _clean_source(self, task: Task, source: Any, name: str | None) -> Article:
        # the input's date (a JSONL record's "date", a WARC-Date) picks the plugin's layout version
        return self.pipeline.clean(source, url=task.url, outlet=self.options.outlet, name=name, date=task.date)

    def _clean_bytes(self, task: Task) -> Article:
        """Bytes, decoded by the HTTP header's charset when they are not UTF-8 and it fits."""
        data, charset = task.payload, task.charset
        if charset and charset not in _UTF8_LABELS:
            text = _decode_declared(data, _CHARSET_ALIASES.get(charset, charset))
            if text is not None:
                article = self._clean_source(task, text, task.source)
                codec = _CHARSET_ALIASES.get(charset, charset)
                return attrs.evolve(article, metadata={**article.metadata, "encoding": codec})
        return self._clean_source(task, data, task.source)

    def records(self, tasks: Sequence[Task], results: Sequence[Article | dict[str, Any]]) -> list[Any]:
        """:meth:`record` of each result, the fingerprints (with ``fingerprints``) computed for all at once.

        A chunk's fingerprints together cost about a third less than one by one
        (their numpy steps run once for the lot) and are the same. Should any
        record spoil the chunk's (metadata linking cannot read), each record is
        fingerprinted alone, so only that one becomes an error record.
        """
        if not self.config.fingerprints:
            return [self.record(task, result) for task, result in zip(tasks, results, strict=True)]
        records = [_record(task, result) for task, result in zip(tasks, results, strict=True)]
        try:
            return linkable_all(records)
        except Exception:  # one record at a time: the one at fault gets its error record
            return [
                self._fingerprinted(task, record) if "error" not in record else record
                for task, record in zip(tasks, records, strict=True)
            ]

    def record(self, task: Task, result: Article | dict[str, Any]) -> Any:
        """The result's record; with ``fingerprints``, a :func:`linkable` pair for an article."""
        record = _record(task, result)
        if self.config.fingerprints and "error" not in record:
            return self._fingerprinted(task, record)
        return record

    def _fingerprinted(self, task: Task, record: dict[str, Any]) -> dict[str, Any]:
        try:
            return linkable(record)
        except Exception as err:  # metadata a plugin filled with something linking cannot read
            logger.exception("unexpected failure on %s", task.source)
            return ErrorRecord.from_exception(task.source, err, _input_bytes(task)).to_dict()

    def _translate(self, results: list[Article | dict[str, Any]]) -> list[Article | dict[str, Any]]:
        where = [i for i, r in enumerate(results) if isinstance(r, Article)]
        if not where:
            return results
        translated = self.pipeline.translator().translate_articles([results[i] for i in where])
        for index, article in zip(where, translated, strict=True):
            results[index] = article
        return results


#: The key under which a record carries its linking fingerprint from a worker to the parent.
FINGERPRINT_KEY = "_fingerprint"


def linkable(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its :func:`newsingest.linking.fingerprint` under :data:`FINGERPRINT_KEY`.

    Computed where the article was made (a worker), so the parent that links in
    input order only looks keys up; the parent takes the key out before anyone
    sees the record. The fingerprint is a pure function of the record, so it is
    the same wherever it is computed.
    """
    from newsingest.linking import fingerprint

    record[FINGERPRINT_KEY] = fingerprint(record)
    return record


def linkable_all(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """:func:`linkable` of every record that is not an error record, their fingerprints computed together.

    Each record gets exactly the fingerprint :func:`linkable` gives it; raises
    (changing no record) when any record's fingerprint cannot be made.
    """
    from newsingest.linking import fingerprints

    made = fingerprints(records)  # error records come back as they are, articles as (record, fingerprint)
    pairs = [item for item in made if isinstance(item, tuple)]
    if len(pairs) != sum("error" not in record for record in records):
        raise ValueError("a record that is neither an article nor an error record")  # linkable says which
    for record, fp in pairs:
        record[FINGERPRINT_KEY] = fp
    return records


def json_record(record: dict[str, Any]) -> tuple[bool, str]:
    """``(failed, line)``: the record as the CLI's JSONL writer writes it (without the newline)."""
    return "error" in record, dumps_record(record)


def dumps_record(record: dict[str, Any], indent: int | None = None) -> str:
    """The record as JSON that any UTF-8 file can hold: the writer is never where a record dies.

    Lone surrogates become U+FFFD and values JSON has no type for (a set, bytes)
    become lists and strings, so a record a plugin spoiled is still written whole.
    """
    try:
        line = json.dumps(record, ensure_ascii=False, indent=indent)
        line.encode("utf-8")
        return line
    except (TypeError, ValueError, UnicodeEncodeError, RecursionError):
        return json.dumps(json_safe(record), ensure_ascii=False, indent=indent)


def json_safe(value: Any, depth: int = 0) -> Any:
    """``value`` with only JSON types and encodable strings (deeper than 100 levels: its ``repr``)."""
    if depth > 100:
        return clean_field(repr(value)[:1000])
    if isinstance(value, str):
        return clean_field(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict):
        return {clean_field(str(key)): json_safe(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item, depth + 1) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((json_safe(item, depth + 1) for item in value), key=repr)
    if isinstance(value, bytes | bytearray):
        return clean_field(bytes(value).decode("utf-8", "replace"))
    return clean_field(str(value))


def _record(task: Task, result: Article | dict[str, Any]) -> dict[str, Any]:
    if not isinstance(result, Article):
        return result
    try:
        return result.to_dict()
    except Exception as err:  # metadata a plugin filled with something JSON cannot hold
        logger.exception("unexpected failure on %s", task.source)
        return ErrorRecord.from_exception(task.source, err, _input_bytes(task)).to_dict()


def _read_gzip(path: str, max_bytes: int) -> bytes:
    """A gzip-compressed article file, inflated up to ``max_bytes`` (a gzip bomb costs nothing)."""
    from newsingest._source.decode import read_regular_file

    data = read_regular_file(Path(path), max_bytes * 1024)  # the compressed file: any ratio up to 1024
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as inflating:
            text = inflating.read(max_bytes + 1)
    except (OSError, EOFError) as err:
        raise InputError(f"{path}: not readable gzip data ({err})") from None
    if len(text) > max_bytes:
        raise InputError(f"{path}: inflates to over the limit of {max_bytes:,} bytes")
    return text


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
        from newsingest._source.decode import read_regular_file

        return read_regular_file(Path(task.payload), 1 << 31)
    except (OSError, NewsingestError):
        return None


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
    from newsingest.frontends.terminal import escape_log_output

    fmt, levels = setup
    if fmt is not None:
        logging.basicConfig(format=fmt)
        escape_log_output()
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
