"""Update and correction notes (``Update 1/10/23, 10:30 a.m. ET: …``).

They are an update history, not body text: each goes to ``metadata.updates`` as
``{"time", "text", "kind"}`` and the latest time becomes ``updated``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import cast
from zoneinfo import ZoneInfo

import attrs

from newsingest._months import ENGLISH, alternation, month_numbers
from newsingest._text.draft import Draft

_ZONES = {
    "ET": "America/New_York",
    "EST": dt.timezone(dt.timedelta(hours=-5)),
    "EDT": dt.timezone(dt.timedelta(hours=-4)),
    "CT": "America/Chicago",
    "CST": dt.timezone(dt.timedelta(hours=-6)),
    "CDT": dt.timezone(dt.timedelta(hours=-5)),
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": dt.timezone(dt.timedelta(hours=-8)),
    "PDT": dt.timezone(dt.timedelta(hours=-7)),
    "GMT": dt.timezone.utc,
    "UTC": dt.timezone.utc,
    "BST": dt.timezone(dt.timedelta(hours=1)),
}

# ``\s*(?!\s)`` takes all of a run of spaces, never part of it. Three optional parts follow the
# kind, each allowed to start with spaces; with plain ``\s*`` a long run of spaces could be
# shared out between them in cubically many ways before a missing ``:`` fails the match.
UPDATE_NOTE = re.compile(
    r"(?P<kind>Update[sd]?|Correction|Editor's note|Editor’s note)\s*(?!\s)"
    r"(?:\((?P<date1>[^)]{1,40})\)|(?P<date2>\d{1,2}/\d{1,2}/\d{2,4}))?"
    r"(?:,?\s*(?!\s)(?:at\s+)?(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>[ap])\.?m\.?)?"
    r"\s*(?!\s)(?P<zone>[A-Z]{2,3})?\s*:\s*(?P<text>\S.*)",
    re.IGNORECASE | re.DOTALL,
)


_MONTHS = month_numbers(ENGLISH)
#: A date written out inside the note's parentheses, with its time: ``June 5, 2020 2:06 p.m.``,
#: ``May 31, 2020, 8:15 a.m. ET`` (NBC's corrections), ``Dec. 3, 2019``.
_WRITTEN_DATE = re.compile(
    rf"(?P<month>{alternation(_MONTHS)})\.? (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})"
    r"(?:,? (?:at )?(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))? ?(?P<ampm>[ap])\.?m\.?(?: (?P<zone>[A-Z]{2,3}))?)?",
    re.IGNORECASE,
)


def parse_note_time(match: re.Match[str]) -> dt.datetime | dt.date | None:
    """The note's time as a datetime, aware when a zone is written (or a date when no hour is given)."""
    raw = match.group("date1") or match.group("date2")
    if not raw:
        return None
    parts = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{2,4})\s*$", raw)
    written = _WRITTEN_DATE.fullmatch(raw.strip()) if parts is None else None
    clock: re.Match[str] = match  # where the hour is: after the parentheses, or inside them with a written date
    if parts is not None:
        month, day, year = (int(p) for p in parts.groups())
        year += 2000 if year < 100 else 0
    elif written is not None:
        month, day, year = (
            _MONTHS[written.group("month").lower()],
            int(written.group("day")),
            int(written.group("year")),
        )
        if written.group("hour") is not None:
            clock = written
    else:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if clock.group("hour") is None:
        return date
    hour = int(clock.group("hour")) % 12 + (12 if clock.group("ampm").lower() == "p" else 0)
    minute = int(clock.group("minute") or 0)
    zone = _ZONES.get((clock.group("zone") or match.group("zone") or "").upper())
    tz = ZoneInfo(zone) if isinstance(zone, str) else cast("dt.tzinfo | None", zone)
    if hour > 23 or minute > 59:
        return None
    return dt.datetime(year, month, day, hour, minute, tzinfo=tz)


@attrs.frozen
class UpdateNotes:
    """Move update/correction notes to ``metadata.updates`` and set ``updated``."""

    name: str = "update-note"
    reason: str = "update note (kept in metadata.updates)"
    max_chars: int = 600

    def apply(self, draft: Draft) -> None:
        if not any(map(UPDATE_NOTE.fullmatch, draft.stripped_texts())):
            return  # the usual case: no note (one C-level pass)
        index = 0
        while index < len(draft.blocks):
            text = draft.blocks[index].text.strip()
            match = UPDATE_NOTE.fullmatch(text) if len(text) <= self.max_chars else None
            time = parse_note_time(match) if match else None
            if match is None or time is None:
                index += 1
                continue
            draft.remove(index, self.reason, self.name, moved_to="metadata.updates")
            kind = "correction" if match.group("kind").lower().startswith("correction") else "update"
            draft.add_metadata(
                "updates", {"time": time.isoformat(), "kind": kind, "text": match.group("text").strip()}, many=True
            )
            if kind == "update" and isinstance(time, dt.datetime) and _later(time, draft.updated):
                draft.updated = time


def _later(time: dt.datetime, current: dt.date | None) -> bool:
    if current is None:
        return True
    if not isinstance(current, dt.datetime) or current.tzinfo is None or time.tzinfo is None:
        return time.date() >= (current.date() if isinstance(current, dt.datetime) else current)
    return time > current


UPDATE_NOTES = UpdateNotes()
