"""Whether a value can go into an article's JSON record as it is.

Plugins fill ``metadata`` freely; a value JSON has no type for (a ``set``,
``bytes``, an object) would only fail when the record is written, far from the
plugin that put it there, and cost the whole record. The pipeline checks at the
plugin boundary instead, so a bad plugin costs at most its own contribution.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

_SCALARS = (str, int, float, bool, type(None), dt.date)


def json_problem(value: Any, where: str = "metadata", depth: int = 0) -> str | None:
    """``None`` when ``value`` (dates allowed, as the model writes them) fits JSON; else what does not."""
    if _fits(value, depth):
        return None  # the usual case, found without building a path string for every item
    return _problem(value, where, depth)


#: The types most values are exactly, tested by identity before :func:`isinstance` (which also takes subclasses).
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})
_MAPPINGS = (dict, Mapping)
_SEQUENCES = (list, tuple)


def _fits(value: Any, depth: int) -> bool:
    """Whether :func:`_problem` would find nothing (the same walk, answering only yes or no).

    This runs on every article a plugin cleans: the plain types are known by their type
    alone, and the items of a container are walked in a plain loop.
    """
    if depth > 50:
        return False
    if type(value) in _PLAIN_TYPES or isinstance(value, _SCALARS):
        return True
    if depth == 50:  # an item here is one level too deep: the walk answers for it
        if isinstance(value, _MAPPINGS):
            return all(isinstance(key, str) and _fits(item, depth + 1) for key, item in value.items())
        return isinstance(value, _SEQUENCES) and all(_fits(item, depth + 1) for item in value)
    if isinstance(value, _MAPPINGS):
        for key, item in value.items():
            if not (type(key) is str or isinstance(key, str)) or not (
                type(item) in _PLAIN_TYPES or _fits(item, depth + 1)
            ):
                return False
        return True
    if isinstance(value, _SEQUENCES):
        for item in value:  # noqa: SIM110 - a plain loop: a generator costs more, and this runs on every article
            if not (type(item) in _PLAIN_TYPES or _fits(item, depth + 1)):
                return False
        return True
    return False


def _problem(value: Any, where: str, depth: int) -> str | None:
    if depth > 50:
        return f"{where} is nested more than 50 levels deep"
    if isinstance(value, _SCALARS):
        return None
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                return f"{where} has a key of type {type(key).__name__}, not str"
            problem = _problem(item, f"{where}[{key!r}]", depth + 1)
            if problem:
                return problem
        return None
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            problem = _problem(item, f"{where}[{index}]", depth + 1)
            if problem:
                return problem
        return None
    return f"{where} holds a {type(value).__name__}, which JSON cannot hold"
