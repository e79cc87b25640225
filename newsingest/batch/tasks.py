"""The unit of work of a batch: one :class:`Task` per input, and the helpers that make one.

Shared by the readers (:mod:`.inputs` for files, folders and JSONL, :mod:`.warc` for
WARC archives) and the workers, so neither reader imports the other.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

from newsingest._months import ENGLISH, INDONESIAN, alternation, month_numbers


class Task(NamedTuple):
    """One input, as sent to a worker (a tuple: cheap to pickle).

    ``kind`` is ``"path"`` (``payload`` a path string, read by the worker),
    ``"bytes"``, ``"text"`` or ``"error"`` (``payload`` is ``(type, message, id)``).
    ``charset`` is the encoding an HTTP header declared, for WARC payloads.
    ``date`` is when the article was published or fetched, when the input says so
    (a JSONL record's ``date``, a WARC record's ``WARC-Date``): plugins choose
    their layout version by it.
    """

    source: str | None
    kind: str
    payload: Any
    url: str | None = None
    charset: str | None = None
    date: datetime | None = None


def error_task(source: str | None, type_: str, message: str, data: bytes | None = None) -> Task:
    """A task that only reports an error found while reading the inputs."""
    return Task(source, "error", (type_, clean_field(message), short_hash(data)))


def short_hash(data: bytes | None) -> str | None:
    """The id an error record carries: the first 16 hex digits of SHA-256 over the input."""
    return hashlib.sha256(data).hexdigest()[:16] if data else None


#: Lone surrogates (a JSON ``"\\ud800"`` escape gives one), which no encoding can write.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_field(value: str) -> str:
    """A string every encoder accepts: lone surrogates become U+FFFD, as in body text."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def parse_date(value: str) -> datetime | None:
    """An ISO 8601 date or date-time (``2024-05-01``, ``2024-05-01T12:00:00Z``), else ``None``."""
    text = value.strip()
    if not text or len(text) > 64:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


#: Month names and their short forms in English and Indonesian (the corpora's scraped records).
_MONTHS = month_numbers(ENGLISH, INDONESIAN)
_MONTH = alternation(_MONTHS)
#: A day, month name and year written out: ``10 Juni 2025``, ``10 Jun 2025``, ``June 10, 2025``.
_WRITTEN_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<month2>{_MONTH})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}}))\b",
    re.IGNORECASE,
)


def record_date(value: str) -> datetime | None:
    """An input record's date: ISO 8601, else the first day, month name and year written in it, else ``None``.

    Scraped datasets keep the date as the outlet printed it (``Tayang: Senin, 9
    Juni 2025 06:56 WIB``, ``10 Jun 2025``, ``June 10, 2025``): the day is read
    (midnight; the time of day does not choose a layout version). Numeric forms
    other than ISO (``10/06/2025``) are left unread: day and month order differ
    by country.
    """
    iso = parse_date(value)
    if iso is not None or len(value) > 200:
        return iso
    match = _WRITTEN_DATE.search(value)
    if match is None:
        return None
    day, month, year = (
        (match["day"], match["month"], match["year"]) if match["day"] else match.group("day2", "month2", "year2")
    )
    try:
        return datetime(int(year), _MONTHS[month.lower()], int(day))
    except ValueError:  # 31 Juni
        return None


def open_container(name: str, opener: Callable[..., Any]) -> tuple[Any, Task | None]:
    """Open a JSONL or WARC file for reading, or say why not as an error task (never raises)."""
    try:
        return opener(name, "rb"), None
    except FileNotFoundError:
        return None, error_task(name, "InputError", f"{name}: no such file")
    except OSError as err:
        return None, error_task(name, "InputError", f"{name}: cannot read ({err.strerror or err})")
