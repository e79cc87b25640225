"""Error records and the errors of batch runs themselves.

:class:`ErrorRecord` is a record, not an exception: a batch gives one in place of
the article of an input that failed. The exceptions below are what a run raises
(or names in its records); they all derive from :class:`~newsingest.NewsingestError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from newsingest.batch.tasks import short_hash
from newsingest.errors import NewsingestError


@attrs.frozen
class ErrorRecord:
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
    def from_dict(cls, data: Mapping[str, Any]) -> ErrorRecord:
        return cls(
            source=data.get("source"),
            id=data.get("id"),
            type=data["error"]["type"],
            message=data["error"]["message"],
        )

    @classmethod
    def from_exception(cls, source: str | None, err: BaseException, data: bytes | None = None) -> ErrorRecord:
        return cls(source=source, id=short_hash(data), type=type(err).__name__, message=str(err))


class WorkerCrashedError(NewsingestError):
    """A worker process died (``os._exit``, a segfault, the OOM killer) while cleaning an input.

    Never raised to the caller: the input that was being cleaned when its worker
    died gets an error record of this type, the worker is replaced, and the batch
    goes on.
    """


class TimeLimitError(NewsingestError):
    """An input took longer than the batch's ``time_limit`` to clean.

    Named in that input's error record; a worker that does not stop in time is
    killed and replaced.
    """


class WorkerSetupError(NewsingestError):
    """A worker could not build its pipeline; raised to the caller, since no input could run."""


class BatchOptionsError(NewsingestError, ValueError):
    """An argument of a batch run that cannot be used (a negative worker count, chunks of 0)."""


class RenamedError(NewsingestError, AttributeError):
    """A name newsingest no longer has, asked for: the message says what replaced it.

    An :class:`AttributeError`, so ``hasattr`` and ``getattr(..., default)`` stay
    quiet; ``from newsingest import IngestError`` gives Python's own
    :class:`ImportError` ("cannot import name").
    """


#: The batch's failure record was called ``IngestError``, which read like an exception:
#: ``except newsingest.IngestError`` then raised ``TypeError`` (catching a class that is not an
#: exception) only when an error came by. The old name now fails at once, saying why.
_RENAMED = {
    "IngestError": (
        "IngestError was renamed ErrorRecord: it is the record a batch gives for an input that failed "
        "(check isinstance(result, newsingest.ErrorRecord)), not an exception, so it cannot be caught; "
        "to catch what newsingest raises, use newsingest.NewsingestError or one of its subclasses"
    ),
}


def __getattr__(name: str) -> Any:
    if name in _RENAMED:
        raise RenamedError(_RENAMED[name], name=name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
