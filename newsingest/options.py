"""One validated set of ingestion options, shared by every front end.

``Pipeline``, :func:`~newsingest.ingest_many`, :func:`~newsingest.batch.process_records`
(and so Dask and Spark), the batch workers and the ``newsingest ingest`` command all
take an :class:`IngestOptions` (as trafilatura's ``Extractor`` gathers its settings in
one object) instead of each spelling the same keyword arguments by hand. The object
is frozen, hashable and picklable, so a worker process gets it whole and can key a
cache on it; a bad value is refused when the object is built, with
:class:`OptionsError`, before any input is read.

    >>> options = IngestOptions(outlet="none", max_bytes=2_000_000, time_limit=30)
    >>> run = newsingest.ingest_many(["crawl/"], options=options, workers=4)
    >>> pipeline = Pipeline.from_options(options)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import attrs

from newsingest._source.decode import DEFAULT_MAX_BYTES
from newsingest.errors import NewsingestError

#: Seconds one input may take to clean in a batch before it gets an error record. A
#: 10 MB page costs a few seconds; this leaves room for a slow machine and a loaded one.
DEFAULT_TIME_LIMIT = 60.0


class OptionsError(NewsingestError, ValueError):
    """An option that cannot be used: a negative size, an unknown device, a non-callable factory."""


def _positive_int(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise OptionsError(f"{attribute.name} must be a whole number of 1 or more, not {value!r}")


def _time_limit(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise OptionsError(f"time_limit must be a number of seconds above 0, or None for no limit, not {value!r}")


def _optional_str(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value):
        raise OptionsError(f"{attribute.name} must be a non-empty string or None, not {value!r}")


def _device(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value not in ("cpu", "cuda", "auto"):
        raise OptionsError(f"translation_device must be 'cpu', 'cuda' or 'auto', not {value!r}")


def _bool(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, bool):
        raise OptionsError(f"{attribute.name} must be True or False, not {value!r}")


def _factory(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and not callable(value):
        raise OptionsError(f"pipeline_factory must be a callable returning a Pipeline, not {value!r}")


def _cache(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and not isinstance(value, str | os.PathLike):
        raise OptionsError(f"translation_cache must be a path or None, not {value!r}")


@attrs.frozen
class IngestOptions:
    """How to clean articles: the same options for one article, a batch, or a cluster.

    ``outlet`` forces a plugin by name (``"none"``: generic cleaning only);
    ``translate`` adds an English translation (extra ``translate``) on
    ``translation_device`` with an optional ``translation_cache`` file;
    ``max_bytes`` caps one input's size; ``time_limit`` caps the seconds one input
    may take in a batch (``None``: no limit); ``pipeline_factory``, a picklable
    module-level callable, builds the pipeline instead of the default one (the
    other pipeline options are then its business).
    """

    outlet: str | None = attrs.field(default=None, validator=_optional_str)
    translate: bool = attrs.field(default=False, validator=_bool)
    translation_device: str = attrs.field(default="cpu", validator=_device)
    translation_cache: str | os.PathLike | None = attrs.field(default=None, validator=_cache)
    max_bytes: int = attrs.field(default=DEFAULT_MAX_BYTES, validator=_positive_int)
    time_limit: float | None = attrs.field(default=DEFAULT_TIME_LIMIT, validator=_time_limit)
    pipeline_factory: Callable[[], Any] | None = attrs.field(default=None, validator=_factory)

    def evolve(self, **changes: Any) -> IngestOptions:
        """A copy with ``changes`` applied (and validated)."""
        return attrs.evolve(self, **changes)

    def build_pipeline(self) -> Any:
        """The pipeline these options describe (``pipeline_factory()`` when one is given)."""
        if self.pipeline_factory is not None:
            return self.pipeline_factory()
        from newsingest.pipeline import Pipeline

        return Pipeline(**self.pipeline_kwargs())

    def pipeline_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of :class:`~newsingest.Pipeline` these options set."""
        return {
            "max_bytes": self.max_bytes,
            "translate": self.translate,
            "translation_device": self.translation_device,
            "translation_cache": self.translation_cache,
        }


class _Unset:
    def __repr__(self) -> str:
        return "<unset>"


#: Marks a keyword argument the caller did not give.
UNSET: Any = _Unset()


def resolve_options(options: IngestOptions | None, **overrides: Any) -> IngestOptions:
    """``options`` (or the defaults) with the keyword arguments a caller spelled out, validated.

    Arguments whose value is :data:`UNSET` were not given and change nothing, so
    ``None`` can be a real value (``time_limit=None``: no limit).
    """
    base = options if options is not None else IngestOptions()
    if not isinstance(base, IngestOptions):
        raise OptionsError(f"options must be an IngestOptions, not {type(options).__name__}")
    changes = {key: value for key, value in overrides.items() if value is not UNSET}
    return attrs.evolve(base, **changes) if changes else base
