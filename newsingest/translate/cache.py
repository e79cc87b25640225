"""A translation cache keyed by (model id, source sentence).

News repeats itself: boilerplate lines, agency credits and quotes recur across
articles and across runs. Translating a sentence costs milliseconds to seconds,
looking it up costs microseconds, so every sentence is looked up here first.

Two levels: a bounded in-memory LRU, and optionally an SQLite file that outlives
the process and can be shared by several processes (WAL mode). The model id
includes the package version, so upgrading a model never serves stale output.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path

DEFAULT_MAX_ENTRIES = 100_000
_SQLITE_CHUNK = 500  # stay well under SQLite's limit on bound parameters

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (model, source)
) WITHOUT ROWID
"""


class TranslationCache:
    """Thread-safe two-level cache of sentence translations.

    ``max_entries`` bounds the in-memory level (0 turns it off); ``path`` adds the
    persistent SQLite level. Counters: ``memory_hits``, ``disk_hits`` and
    ``misses`` count unique sentences looked up; ``hits`` is their sum of hits.
    """

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES, path: str | PathLike[str] | None = None) -> None:
        self.max_entries = max_entries
        self.path = Path(path) if path is not None else None
        self._memory: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self.memory_hits = 0
        self.disk_hits = 0
        self.misses = 0
        if self.path is not None:
            self._db = self._open(self.path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), check_same_thread=False, timeout=30.0)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(_SCHEMA)
        db.commit()
        return db

    @property
    def hits(self) -> int:
        return self.memory_hits + self.disk_hits

    def stats(self) -> dict[str, int]:
        """The counters and the in-memory size, for tests and logging."""
        with self._lock:
            return {
                "hits": self.hits,
                "memory_hits": self.memory_hits,
                "disk_hits": self.disk_hits,
                "misses": self.misses,
                "memory_entries": len(self._memory),
            }

    def get_many(self, model_id: str, sentences: Iterable[str]) -> dict[str, str]:
        """The cached translations of those ``sentences`` that have one."""
        wanted = list(dict.fromkeys(sentences))
        found: dict[str, str] = {}
        with self._lock:
            missing: list[str] = []
            for sentence in wanted:
                key = (model_id, sentence)
                if key in self._memory:
                    self._memory.move_to_end(key)
                    found[sentence] = self._memory[key]
                else:
                    missing.append(sentence)
            self.memory_hits += len(found)
            if missing and self._db is not None:
                from_disk = self._read_disk(model_id, missing)
                self.disk_hits += len(from_disk)
                found.update(from_disk)
                for sentence, target in from_disk.items():
                    self._remember(model_id, sentence, target)
            self.misses += len(wanted) - len(found)
        return found

    def put_many(self, model_id: str, translations: Mapping[str, str]) -> None:
        """Store translations in both levels."""
        if not translations:
            return
        with self._lock:
            for sentence, target in translations.items():
                self._remember(model_id, sentence, target)
            if self._db is not None:
                with self._db:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO translations (model, source, target) VALUES (?, ?, ?)",
                        [(model_id, s, t) for s, t in translations.items()],
                    )

    def _remember(self, model_id: str, sentence: str, target: str) -> None:
        if self.max_entries <= 0:
            return
        key = (model_id, sentence)
        self._memory[key] = target
        self._memory.move_to_end(key)
        while len(self._memory) > self.max_entries:
            self._memory.popitem(last=False)

    def _read_disk(self, model_id: str, sentences: list[str]) -> dict[str, str]:
        assert self._db is not None
        found: dict[str, str] = {}
        for i in range(0, len(sentences), _SQLITE_CHUNK):
            chunk = sentences[i : i + _SQLITE_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT source, target FROM translations WHERE model = ? AND source IN ({marks})",
                [model_id, *chunk],
            )
            found.update(rows.fetchall())
        return found

    def clear_memory(self) -> None:
        """Drop the in-memory level (the SQLite file is kept)."""
        with self._lock:
            self._memory.clear()

    def close(self) -> None:
        """Close the SQLite file, if any; the memory level keeps working."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __len__(self) -> int:
        return len(self._memory)
