"""What a batch reads: files, folders, JSONL files of input records, WARC files.

Everything here runs in the parent process and streams: a folder is listed (its
file names, sorted, as the CLI does), but files are not read; a JSONL or WARC file
is read one record at a time. Each input becomes a small :class:`Task` that a
worker can run without the parent's state: a path to read, bytes (a WARC
payload, standard input), a string (a JSONL record's ``html`` or ``text``), or an
error already known here (a bad JSONL line, an unreadable WARC file).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

#: Files a folder is searched for (recursively), as the CLI does.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
#: Files read as one input record per line.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
#: Files read as WARC archives (one article per HTML response record).
WARC_SUFFIXES = (".warc", ".warc.gz")


class Task(NamedTuple):
    """One input, as sent to a worker (a tuple: cheap to pickle).

    ``kind`` is ``"path"`` (``payload`` a path string, read by the worker),
    ``"bytes"``, ``"text"`` or ``"error"`` (``payload`` is ``(type, message, id)``).
    ``charset`` is the encoding an HTTP header declared, for WARC payloads.
    """

    source: str | None
    kind: str
    payload: Any
    url: str | None = None
    charset: str | None = None


def error_task(source: str | None, type_: str, message: str, data: bytes | None = None) -> Task:
    """A task that only reports an error found while reading the inputs."""
    return Task(source, "error", (type_, message, short_hash(data)))


def short_hash(data: bytes | None) -> str | None:
    """The id an error record carries: the first 16 hex digits of SHA-256 over the input."""
    return hashlib.sha256(data).hexdigest()[:16] if data else None


def input_kind(path: str | os.PathLike) -> str:
    """``"jsonl"``, ``"warc"`` or ``"article"``, by the file name."""
    name = os.fspath(path).lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "article"


def expand_sources(sources: Iterable[Any]) -> Iterator[Any]:
    """Folders walked (recursively, sorted) for article files; everything else as given."""
    for item in sources:
        if isinstance(item, Mapping) or item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield path


class BatchStats:
    """Counts of a batch run, updated as it goes.

    ``ok`` and ``failed`` count records given out so far; ``skipped`` counts WARC
    records that are not articles (not HTML, not a 2xx response);
    ``already_done`` counts inputs left out because their source was in
    ``skip_sources`` (``--resume``).
    """

    def __init__(self) -> None:
        self.ok = 0
        self.failed = 0
        self.skipped = 0
        self.already_done = 0
        self.started = time.perf_counter()
        self.finished: float | None = None

    @property
    def done(self) -> int:
        return self.ok + self.failed

    @property
    def elapsed(self) -> float:
        return (self.finished if self.finished is not None else time.perf_counter()) - self.started

    @property
    def rate(self) -> float:
        """Inputs (articles and failures) per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def __repr__(self) -> str:
        return (
            f"<BatchStats ok={self.ok} failed={self.failed} skipped={self.skipped} "
            f"already_done={self.already_done} elapsed={self.elapsed:.2f}s>"
        )


def iter_tasks(
    sources: Iterable[Any],
    *,
    url: str | None = None,
    max_bytes: int,
    skip_sources: Container[str] | None = None,
    counter: BatchStats | None = None,
    stdin: Callable[[], bytes] | None = None,
) -> Iterator[Task]:
    """One task per input, in input order, reading lazily.

    ``sources`` holds paths (``str`` or path-like: an article file, a folder, a
    ``.jsonl`` or ``.warc[.gz]`` file), ``"-"`` for standard input, or input
    records (mappings of the JSONL shape). ``url`` is given to article files and
    standard input (the CLI's ``--url``, meant for one input). Inputs whose source
    is in ``skip_sources`` are left out (counted in ``counter.already_done``).
    """
    counter = counter if counter is not None else BatchStats()
    skip = skip_sources if skip_sources is not None else ()

    def done(source: str | None) -> bool:
        if source is not None and source in skip:
            counter.already_done += 1
            return True
        return False

    for item in expand_sources(sources):
        if isinstance(item, Mapping):
            task = task_from_record(item, None)
            if not done(task.source):
                yield task
        elif item == "-":
            if not done("<stdin>"):
                data = stdin() if stdin is not None else sys.stdin.buffer.read()
                yield Task("<stdin>", "bytes", data, url)
        else:
            kind = input_kind(item)
            if kind == "jsonl":
                yield from (t for t in iter_jsonl(item, max_bytes=max_bytes) if not done(t.source))
            elif kind == "warc":
                from .warc import iter_warc

                yield from iter_warc(item, max_bytes=max_bytes, counter=counter, skip=done)
            elif not done(str(item)):
                yield Task(str(item), "path", os.fspath(item), url)


def task_from_record(record: Any, default_source: str | None, raw: bytes | None = None) -> Task:
    """A task from an input record ``{"source"?, "url"?, "html"? | "text"?}``.

    A record that is not of that shape becomes an error task naming
    ``default_source`` (``file:line`` for JSONL files) unless it has its own source.
    """
    if not isinstance(record, Mapping):
        return error_task(default_source, "InputError", f"{default_source or 'record'}: not a JSON object", raw)
    source = record.get("source", default_source)
    if source is not None and not isinstance(source, str):
        source = str(source)
    where = source or default_source or "record"
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        return error_task(source, "InputError", f"{where}: 'url' must be a string", raw)
    present = [key for key in ("html", "text") if record.get(key) is not None]
    if len(present) != 1:
        message = "give either 'html' or 'text', not both" if present else "no 'html' or 'text' field"
        return error_task(source, "InputError", f"{where}: {message}", raw)
    body = record[present[0]]
    if not isinstance(body, str):
        return error_task(source, "InputError", f"{where}: {present[0]!r} must be a string", raw)
    return Task(source, "text", body, url)


def open_container(name: str, opener: Callable[..., Any]) -> tuple[Any, Task | None]:
    """Open a JSONL or WARC file for reading, or say why not as an error task (never raises)."""
    try:
        return opener(name, "rb"), None
    except FileNotFoundError:
        return None, error_task(name, "InputError", f"{name}: no such file")
    except OSError as err:
        return None, error_task(name, "InputError", f"{name}: cannot read ({err.strerror or err})")


def iter_jsonl(path: str | os.PathLike, *, max_bytes: int) -> Iterator[Task]:
    """One task per non-blank line; a line that is not a record is an error task naming ``file:line``."""
    name = os.fspath(path)
    handle, failure = open_container(name, gzip.open if name.lower().endswith(".gz") else open)
    if failure is not None:
        yield failure
        return
    lineno = 0
    with handle:
        try:
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{name}:{lineno}"
                if len(line) > max_bytes * 4 + 1024:  # JSON escapes can at most ~6x the text
                    yield error_task(where, "InputError", f"{where}: line is {len(line):,} bytes, over the limit")
                    continue
                try:
                    record = json.loads(line)
                except ValueError as err:
                    yield error_task(where, "InputError", f"{where}: not valid JSON ({err})", line)
                    continue
                yield task_from_record(record, where, raw=line)
        except (OSError, EOFError) as err:  # a truncated .gz, a read error
            where = f"{name}:{lineno + 1}"
            yield error_task(where, "InputError", f"{where}: cannot read further ({err})")
