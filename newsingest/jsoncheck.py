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
    if depth > 50:
        return f"{where} is nested more than 50 levels deep"
    if isinstance(value, _SCALARS):
        return None
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                return f"{where} has a key of type {type(key).__name__}, not str"
            problem = json_problem(item, f"{where}[{key!r}]", depth + 1)
            if problem:
                return problem
        return None
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            problem = json_problem(item, f"{where}[{index}]", depth + 1)
            if problem:
                return problem
        return None
    return f"{where} holds a {type(value).__name__}, which JSON cannot hold"
