"""Helpers for the batch tests: WARC files built with warcio, pipelines that misbehave.

Workers import this module by name to unpickle the factories, so it lives on the
test path as a plain module (pytest puts ``tests/`` on ``sys.path``, and worker
processes inherit it).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import attrs

from newsingest import Pipeline

#: An input holding this line kills the worker that cleans it (see :func:`crashing_pipeline`).
CRASH_MARKER = "KILL-THE-WORKER-NOW"


@attrs.frozen
class WarcResponse:
    """One HTTP response to put in a test WARC file."""

    uri: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    record_type: str = "response"
    #: the record's WARC-Date (ISO 8601); ``None``: the time of writing, as warcio sets it
    warc_date: str | None = None


def write_warc(path: Path, responses: list[WarcResponse], *, gzip: bool | None = None, requests: bool = True) -> Path:
    """A WARC file in CC-NEWS style: a warcinfo record, then (request,) response pairs."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    gzip = path.name.endswith(".gz") if gzip is None else gzip
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsingest tests"}))
        for response in responses:
            if requests and response.record_type == "response":
                request_headers = StatusAndHeaders(
                    f"GET {response.uri} HTTP/1.1", [("Host", "example")], is_http_request=True
                )
                writer.write_record(
                    writer.create_warc_record(
                        response.uri, "request", payload=io.BytesIO(b""), http_headers=request_headers
                    )
                )
            if response.record_type == "response":
                http_headers = StatusAndHeaders(
                    response.status,
                    [("Content-Type", response.content_type), ("Content-Length", str(len(response.body)))],
                    protocol="HTTP/1.1",
                )
                record = writer.create_warc_record(
                    response.uri,
                    "response",
                    payload=io.BytesIO(response.body),
                    http_headers=http_headers,
                    warc_headers_dict={"WARC-Date": response.warc_date} if response.warc_date else None,
                )
            else:
                record = writer.create_warc_record(
                    response.uri,
                    response.record_type,
                    payload=io.BytesIO(response.body),
                    length=len(response.body),
                    warc_content_type=response.content_type,
                )
            writer.write_record(record)
    return path


class CrashingPipeline(Pipeline):
    """The default pipeline, except that an input holding :data:`CRASH_MARKER` kills the process."""

    def clean(self, source, **options):
        data = source.read_bytes() if isinstance(source, os.PathLike) else source
        marker = CRASH_MARKER.encode() if isinstance(data, bytes) else CRASH_MARKER
        if marker in data:
            os._exit(70)
        return super().clean(source, **options)


def crashing_pipeline() -> Pipeline:
    return CrashingPipeline()


def broken_factory() -> Pipeline:
    raise RuntimeError("no pipeline today")


class DuckPipeline:
    """Something with a pipeline's ``clean`` that is not a :class:`~newsingest.Pipeline`."""

    @property
    def plugins(self):
        return Pipeline().plugins

    def clean(self, source, *, url=None, outlet=None, name=None):
        return Pipeline().clean(source, url=url, outlet=outlet, name=name)


def duck_pipeline() -> DuckPipeline:
    return DuckPipeline()
