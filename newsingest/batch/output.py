"""The CLI's side of a batch: resuming a JSONL output, a progress line, the summary.

Records are appended one line at a time and flushed, so a run killed at any
point (even ``SIGKILL``) leaves complete lines plus at most one torn last line.
:func:`prepare_resume` cuts that torn line off and collects the sources already
written, so the next run skips them and the file ends with every input once.
"""

from __future__ import annotations

import json
import os
import time
from typing import IO

import attrs

from newsingest.batch.inputs import BatchStats
from newsingest.errors import NewsingestError


class ResumeError(NewsingestError):
    """The output file cannot be resumed (a complete line that is not a JSON record)."""


@attrs.define
class ResumeState:
    """What an existing output holds: the sources done, how many ok and failed, what was cut."""

    sources: set[str] = attrs.field(factory=set)
    ok: int = 0
    failed: int = 0
    truncated_bytes: int = 0


def repair_torn_line(path: str | os.PathLike) -> int:
    """Cut a last line that has no newline (a write the run did not finish); return bytes cut."""
    with open(path, "rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return 0
        keep, block = 0, 1 << 16
        position = size
        while position > 0:  # search backwards for the last newline
            start = max(0, position - block)
            handle.seek(start)
            chunk = handle.read(position - start)
            index = chunk.rfind(b"\n")
            if index >= 0:
                keep = start + index + 1
                break
            position = start
        handle.truncate(keep)
        return size - keep


def prepare_resume(path: str | os.PathLike) -> ResumeState:
    """Repair ``path`` (a JSONL output of an earlier run) and read which sources it holds.

    A missing file is an empty state (the run starts from the beginning).
    Raises :class:`ResumeError` when a complete line is not a JSON object.
    """
    state = ResumeState()
    if not os.path.exists(path):
        return state
    state.truncated_bytes = repair_torn_line(path)
    with open(path, "rb") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as err:
                raise ResumeError(f"{path}:{lineno}: not a JSON record ({err}); cannot resume this file") from None
            except RecursionError:
                raise ResumeError(f"{path}:{lineno}: JSON nested too deeply; cannot resume this file") from None
            if not isinstance(record, dict):
                raise ResumeError(f"{path}:{lineno}: not a JSON object; cannot resume this file")
            if isinstance(record.get("source"), str):
                state.sources.add(record["source"])
            if "error" in record:
                state.failed += 1
            else:
                state.ok += 1
    return state


class Progress:
    """A one-line progress display, redrawn at most every ``interval`` seconds."""

    def __init__(self, stream: IO[str], total: int | None = None, interval: float = 0.2) -> None:
        self.stream, self.total, self.interval = stream, total, interval
        self._last = 0.0
        self._drawn = False

    def update(self, stats: BatchStats, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        done = stats.done
        count = f"{done:,}/{self.total:,} ({100 * done / self.total:.0f}%)" if self.total else f"{done:,}"
        line = f"ingest {count}  ok {stats.ok:,}  failed {stats.failed:,}"
        if stats.skipped:
            line += f"  skipped {stats.skipped:,}"
        rate = stats.rate
        line += f"  {rate:,.1f}/s"
        if self.total and rate > 0 and done < self.total:
            line += f"  eta {_duration((self.total - done) / rate)}"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


def summary_line(stats: BatchStats, resumed: ResumeState | None = None) -> str:
    """``newsingest: 2,998 ok, 2 failed, 0 skipped in 12.3 s (243.7 articles/s)``."""
    line = (
        f"newsingest: {stats.ok:,} ok, {stats.failed:,} failed, {stats.skipped:,} skipped "
        f"in {stats.elapsed:.1f} s ({stats.rate:,.1f} articles/s)"
    )
    if resumed is not None:
        line += f"; resumed: {resumed.ok + resumed.failed:,} already in the output ({resumed.failed:,} failed)"
    return line
