"""Error records and the errors of batch runs themselves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..errors import NewsingestError
from .inputs import short_hash


@attrs.frozen
class IngestError:
    """An input that failed: what the CLI writes in place of its article.

    ``source`` names the input (a path, ``file.jsonl:12``, ``file.warc.gz#<record-id>``),
    ``id`` is the first 16 hex digits of SHA-256 over the input's bytes when they
    could be read (else ``None``), ``type`` the exception's class name.
    """

    source: str | None
    id: str | None
    type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The CLI's error record: ``{"source", "id", "error": {"type", "message"}}``."""
        return {"source": self.source, "id": self.id, "error": {"type": self.type, "message": self.message}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IngestError:
        return cls(
            source=data.get("source"),
            id=data.get("id"),
            type=data["error"]["type"],
            message=data["error"]["message"],
        )

    @classmethod
    def from_exception(cls, source: str | None, err: BaseException, data: bytes | None = None) -> IngestError:
        return cls(source=source, id=short_hash(data), type=type(err).__name__, message=str(err))


class WorkerCrashedError(NewsingestError):
    """A worker process died (``os._exit``, a segfault, the OOM killer) while cleaning an input.

    Never raised to the caller: the input that killed its worker twice gets an
    error record of this type, and the batch goes on.
    """


class WorkerSetupError(NewsingestError):
    """A worker could not build its pipeline; raised to the caller, since no input could run."""
