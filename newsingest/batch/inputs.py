"""What a batch reads: files, folders, JSONL files of input records, WARC files.

Everything here runs in the parent process and streams: a folder is listed (its
file names, sorted, as the CLI does), but files are not read; a JSONL or WARC file
is read one record at a time. Each input becomes a small :class:`Task` that a
worker can run without the parent's state: a path to read, bytes (a WARC
payload, standard input), a string (a JSONL record's ``html`` or ``text``), or an
error already known here (a bad JSONL line, an unreadable WARC file).

Every read is bounded: standard input and JSONL lines are read up to the size
limit and no further, so ``/dev/zero`` piped in or a 2 GiB line cost an error
record, not the machine's memory.

Symbolic links inside a folder are followed only to files inside that folder;
one pointing outside it, or to nothing, gets an error record (a folder given to
the batch must not publish what lies beyond it). Symbolic links to folders are
not walked.
"""

from __future__ import annotations

import gzip
import json
import os
import stat
import sys
import time
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from newsingest.batch.tasks import Task, clean_field, error_task, open_container, record_date
from newsingest.errors import ArgumentTypeError, UsageError
from newsingest.pipeline import is_plainly_text

#: Files a folder is searched for (recursively), as the CLI does.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
#: Gzip-compressed article files, also searched for (inflated by the worker, within the size limit).
COMPRESSED_SUFFIXES = (".txt.gz", ".html.gz", ".htm.gz")
#: Files read as one input record per line.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
#: Files read as WARC archives (one article per HTML response record).
WARC_SUFFIXES = (".warc", ".warc.gz")


def input_kind(path: str | os.PathLike) -> str:
    """``"jsonl"``, ``"warc"`` or ``"article"``, by the file name."""
    name = os.fspath(path).lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "article"


def is_article_name(name: str) -> bool:
    """True for the file names a folder is searched for."""
    lower = name.lower()
    return lower.endswith(ARTICLE_SUFFIXES) or lower.endswith(COMPRESSED_SUFFIXES)


def expand_sources(sources: Iterable[Any]) -> Iterator[Any]:
    """Folders walked (recursively, sorted) for article files; everything else as given.

    A folder yields paths, and error tasks for what it holds that cannot be read
    safely (a link leading outside it, a broken link, a FIFO or device named like
    an article), and one error task when it holds no article file at all.
    """
    for item in sources:
        if isinstance(item, Mapping | Task) or checked_source(item) == "-":  # a Task: an error a walk found
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from walk_folder(path)
        else:
            yield path


def checked_source(item: Any) -> Any:
    """``item`` when a batch can read it without guessing; else a :class:`~newsingest.UsageError`.

    In a batch a ``str`` is a path (a file or folder name, as on a command line)
    or ``"-"``; in :func:`newsingest.ingest` a ``str`` is the article's text. So
    that neither is ever read as the other, a ``str`` that is plainly an
    article (a line break, a ``<``, over 1,024 characters) is refused here, as
    ``ingest`` refuses a ``str`` naming a file: articles given as strings go in
    input records, ``{"text": ...}`` or ``{"html": ...}``.
    """
    if isinstance(item, Mapping | Task | os.PathLike):
        return item
    if isinstance(item, str):
        if is_plainly_text(item):
            raise UsageError(
                f"ingest_many reads a str as a path, and {_preview(item)} is an article's text, not a file name: "
                "pass it as an input record, {'text': ...} or {'html': ...}"
            )
        return item
    hint = ": pass it as an input record, {'html': data.decode(...)}" if isinstance(item, bytes | bytearray) else ""
    raise ArgumentTypeError(
        f"ingest_many takes paths (str or os.PathLike), '-' or input records (dicts), not {type(item).__name__}{hint}"
    )


def _preview(text: str) -> str:
    return repr(text[:40] + "…") if len(text) > 40 else repr(text)


def walk_folder(folder: Path) -> Iterator[Path | Task]:
    """The article files under ``folder``, sorted by path, with error tasks for unsafe entries."""
    root = folder.resolve()
    found: list[Path] = []
    for where, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        found.extend(Path(where, name) for name in files if is_article_name(name))
    found.sort()
    if not found:
        message = (
            f"{folder}: no article files in this folder (looked for {', '.join(ARTICLE_SUFFIXES)} "
            f"and {', '.join(COMPRESSED_SUFFIXES)}, recursively)"
        )
        yield error_task(str(folder), "InputError", message)
        return
    for path in found:
        problem = _unsafe_entry(path, root)
        yield error_task(str(path), "InputError", f"{path}: {problem}") if problem else path


def _unsafe_entry(path: Path, root: Path) -> str | None:
    """Why ``path`` (found in the folder ``root``) must not be read, or ``None``."""
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.exists():
                return "broken symbolic link (its target does not exist)"
            if not target.is_relative_to(root):
                return (
                    f"symbolic link to {target}, outside the input folder: not followed "
                    "(give that file itself to ingest it)"
                )
        mode = path.stat().st_mode
    except (OSError, RuntimeError) as err:  # RuntimeError: a symlink loop
        return f"cannot read ({getattr(err, 'strerror', None) or err})"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, socket or device): not read"
    return None


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
        if isinstance(item, Task):  # an error found while walking a folder
            if not done(item.source):
                yield item
        elif isinstance(item, Mapping):
            task = task_from_record(item, None)
            if not done(task.source):
                yield task
        elif item == "-":
            if not done("<stdin>"):
                data = stdin() if stdin is not None else read_capped(sys.stdin.buffer, max_bytes)
                if len(data) > max_bytes:
                    message = f"<stdin>: input is over the limit of {max_bytes:,} bytes"
                    yield error_task("<stdin>", "InputError", message)
                else:
                    yield Task("<stdin>", "bytes", data, url)
        else:
            kind = input_kind(item)
            if kind == "jsonl":
                yield from (t for t in iter_jsonl(item, max_bytes=max_bytes) if not done(t.source))
            elif kind == "warc":
                from newsingest.batch.warc import iter_warc

                yield from iter_warc(item, max_bytes=max_bytes, counter=counter, skip=done)  # skips on its own
            elif not done(str(item)):
                yield Task(str(item), "path", os.fspath(item), url)


def task_from_record(record: Any, default_source: str | None, raw: bytes | None = None) -> Task:
    """A task from an input record ``{"source"?, "url"?, "html"? | "text"?}``.

    A record that is not of that shape becomes an error task naming
    ``default_source`` (``file:line`` for JSONL files) unless it has its own source.
    """
    if not isinstance(record, Mapping):
        return error_task(default_source, "InputError", f"{default_source or 'record'}: not a JSON object", raw)
    source = record.get("source")
    if source is None:
        source = default_source
    elif not isinstance(source, str):
        source = str(source)
    if source is not None:
        source = clean_field(source)
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
    date = None
    given = record.get("date")
    if given is not None and not (isinstance(given, str) and not given.strip()):  # "" is no date, as scrapers leave it
        date = record_date(given) if isinstance(given, str) else None
        if date is None:
            message = (
                f"{where}: 'date' must be an ISO 8601 date such as 2024-05-01 or 2024-05-01T12:00:00Z, "
                "or a day, month name and year such as 10 Juni 2025"
            )
            return error_task(source, "InputError", message, raw)
    return Task(source, "text", body, clean_field(url) if url else url, date=date)


def read_capped(stream: IO[bytes], max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of ``stream``: one byte more than allowed says "too long"."""
    parts: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        block = stream.read(min(left, 1 << 20))
        if not block:
            break
        parts.append(block)
        left -= len(block)
    return b"".join(parts)


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """The file's lines; a line longer than ``limit`` is skipped unread and given as its length."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):  # skip the rest of the long line, a block at a time
            line = handle.readline(1 << 20)
            size += len(line)
        yield size


def iter_jsonl(path: str | os.PathLike, *, max_bytes: int) -> Iterator[Task]:
    """One task per non-blank line; a line that is not a record is an error task naming ``file:line``."""
    name = os.fspath(path)
    handle, failure = open_container(name, gzip.open if name.lower().endswith(".gz") else open)
    if failure is not None:
        yield failure
        return
    lineno = 0
    limit = max_bytes * 4 + 1024  # JSON escapes can at most ~6x the text
    with handle:
        try:
            for lineno, line in enumerate(_bounded_lines(handle, limit), 1):
                where = f"{name}:{lineno}"
                if isinstance(line, int):
                    yield error_task(where, "InputError", f"{where}: line is {line:,} bytes, over the limit")
                    continue
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as err:
                    yield error_task(where, "InputError", f"{where}: not valid JSON ({err})", line)
                    continue
                except RecursionError:
                    yield error_task(where, "InputError", f"{where}: JSON nested too deeply to read", line)
                    continue
                yield task_from_record(record, where, raw=line)
        except (OSError, EOFError) as err:  # a truncated .gz, a read error
            where = f"{name}:{lineno + 1}"
            yield error_task(where, "InputError", f"{where}: cannot read further ({err})")
