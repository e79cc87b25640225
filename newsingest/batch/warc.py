"""WARC files (CC-NEWS and the like): one article per HTML response record.

Read with warcio, record by record from the open file (gzip members are inflated
as they are reached), so a multi-gigabyte WARC never sits in memory: at most one
payload, capped at the pipeline's ``max_bytes``.

A ``response`` (or ``resource``) record whose HTTP status is 2xx and whose
Content-Type is HTML becomes a task: the payload bytes (transfer and content
encodings undone), the record's ``WARC-Target-URI`` as url, and
``file.warc.gz#<WARC-Record-ID>`` as source (``file.warc.gz#offset=N`` for a
record without an id), the record's ``WARC-Date`` as the task's date. Other response and resource records
(images, PDFs, redirects, errors) are counted as skipped; ``warcinfo``,
``request``, ``metadata`` and ``revisit`` records are not inputs and are passed over.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from newsingest.batch.tasks import Task, error_task, open_container, parse_date

if TYPE_CHECKING:
    from newsingest.batch.inputs import BatchStats

HTML_TYPES = ("text/html", "application/xhtml+xml")
_READ_BLOCK = 1 << 16


def iter_warc(
    path: str | os.PathLike,
    *,
    max_bytes: int,
    counter: BatchStats,
    skip: Callable[[str], bool] = lambda source: False,
) -> Iterator[Task]:
    """One task per HTML response record of the WARC file at ``path``, in file order."""
    name = os.fspath(path)
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # pragma: no cover - warcio is a core dependency
        yield error_task(name, "InputError", f"{name}: reading WARC files needs warcio (pip install warcio)")
        return
    handle, failure = open_container(name, open)  # closed below, across yields
    if failure is not None:
        yield failure
        return
    records = 0

    def failed(source: str, message: str, data: bytes | None = None) -> Iterator[Task]:
        if not skip(source):  # an error record of an earlier run is not written again by --resume
            yield error_task(source, "InputError", message, data)

    with handle:
        try:
            archive = ArchiveIterator(handle)
            for record in archive:
                records += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                content_type = _content_type(record)
                if not _is_html(content_type) or not _status_ok(record):
                    counter.skipped += 1
                    continue
                record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<> ")
                source = f"{name}#{record_id}" if record_id else None
                if source is not None and skip(source):
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI")
                date = parse_date(record.rec_headers.get_header("WARC-Date") or "")
                problem: str | None
                try:
                    data = _read_capped(record.content_stream(), max_bytes)
                except Exception as err:  # a broken chunked/gzip body: this record only
                    data, problem = b"", f"cannot read the payload ({err})"
                else:
                    problem = None if data is not None else f"payload is over the limit of {max_bytes:,} bytes"
                if source is None:  # the offset is known once the payload was read (warcio reads to the end)
                    source = f"{name}#offset={archive.get_record_offset()}"
                    if skip(source):
                        continue
                if problem:
                    yield from failed(source, f"{source}: {problem}")
                    continue
                missing = getattr(record.raw_stream, "limit", 0)
                if isinstance(missing, int) and missing > 0:  # the file ends inside this record
                    message = f"{source}: record cut short ({missing:,} bytes missing): a truncated WARC file?"
                    yield from failed(source, message, data)
                    continue
                yield Task(source, "bytes", data, target or None, _charset(content_type), date)
        except Exception as err:  # truncated or corrupt archive: what was read stands
            where = f"{name}#record-{records + 1}"
            yield from failed(where, f"{name}: cannot read past record {records} ({err})")


def _content_type(record) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def _is_html(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def _status_ok(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return True
    status = record.http_headers.get_statuscode() or ""
    return status.startswith("2")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'").lower()
    return None


def _read_capped(stream, max_bytes: int) -> bytes | None:
    """The whole stream, or ``None`` as soon as it passes ``max_bytes``."""
    parts: list[bytes] = []
    size = 0
    while True:
        block = stream.read(_READ_BLOCK)
        if not block:
            return b"".join(parts)
        size += len(block)
        if size > max_bytes:
            return None
        parts.append(block)
