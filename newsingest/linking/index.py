"""Compact in-memory stores for linking: signatures and a key → first-article index.

Why not datasketch's ``MinHashLSH``: it keeps a Python ``set`` and a ``bytes``
key per band per article (several kilobytes an article, measured in
``benchmarks/bench_linking.py``), too much for a million articles. Here every
key (an LSH band, a content hash, a URL, a title) is a 64-bit integer stored
once, with the index of the first article that had it, in a sorted numpy array
(12 bytes a key) plus a small dict of recent keys merged into it now and then.
Signatures live in one growable ``uint32`` matrix. Texts are never kept.
"""

from __future__ import annotations

import numpy as np

_MERGE_AT = 1 << 18


class KeyIndex:
    """``uint64`` key → index of the first article that had the key.

    Recent keys sit in a dict (about 100 bytes a key); once it holds more than
    ``max(262,144, size / 16)`` keys it is merged into the sorted arrays (a merge of
    two sorted runs, O(size)), so the dict stays small next to the arrays and the
    arrays stay flat numpy memory (12 bytes a key).
    """

    def __init__(self) -> None:
        self._keys = np.empty(0, dtype=np.uint64)
        self._values = np.empty(0, dtype=np.uint32)
        self._recent: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._keys) + len(self._recent)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """The first article for each key, ``-1`` where the key is new (``int64`` array)."""
        found = np.full(len(keys), -1, dtype=np.int64)
        if len(self._keys):
            pos = np.searchsorted(self._keys, keys)
            pos[pos == len(self._keys)] = 0
            hit = self._keys[pos] == keys
            found[hit] = self._values[pos[hit]]
        if self._recent:
            missing = np.flatnonzero(found < 0)  # one numpy step, then plain ints: no numpy scalar per key
            if len(missing):
                get = self._recent.get
                found[missing] = [get(key, -1) for key in keys[missing].tolist()]
        return found

    def add(self, keys: np.ndarray, value: int, known: np.ndarray) -> None:
        """Record ``value`` for the ``keys`` whose ``known`` lookup was ``-1`` (the first stays; other values skip)."""
        recent = self._recent
        new = dict.fromkeys(keys[known == -1].tolist(), value)
        for key in new.keys() & recent.keys():  # a key already there keeps its first value
            new[key] = recent[key]
        recent.update(new)
        if len(recent) > max(_MERGE_AT, len(self._keys) // 16):
            self._merge()

    def _merge(self) -> None:
        keys = np.fromiter(self._recent.keys(), dtype=np.uint64, count=len(self._recent))
        values = np.fromiter(self._recent.values(), dtype=np.uint32, count=len(self._recent))
        self._recent = {}
        all_keys = np.concatenate([self._keys, keys])
        all_values = np.concatenate([self._values, values])
        order = np.argsort(all_keys, kind="stable")  # two sorted runs: timsort merges them in O(n)
        self._keys, self._values = all_keys[order], all_values[order]

    def nbytes(self) -> int:
        """Memory held: the arrays, plus about 100 bytes per recent key (dict entry and int objects)."""
        return self._keys.nbytes + self._values.nbytes + 100 * len(self._recent)


class Rows:
    """A growable ``uint32`` matrix, one row per article; grows by doubling."""

    def __init__(self, width: int) -> None:
        self._data = np.zeros((1024, width), dtype=np.uint32)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def append(self, row: np.ndarray) -> int:
        if self._size == len(self._data):
            grown = np.zeros((2 * len(self._data), self._data.shape[1]), dtype=np.uint32)
            grown[: self._size] = self._data
            self._data = grown
        self._data[self._size] = row
        self._size += 1
        return self._size - 1

    def __getitem__(self, index: np.ndarray | int) -> np.ndarray:
        return self._data[index]

    def nbytes(self) -> int:
        return self._data.nbytes


class Column:
    """A growable one-dimensional numpy array (per-article numbers)."""

    def __init__(self, dtype: type) -> None:
        self._data: np.ndarray = np.zeros(1024, dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def append(self, value: float | int) -> int:
        if self._size == len(self._data):
            self._data = np.concatenate([self._data, np.zeros_like(self._data)])
        self._data[self._size] = value
        self._size += 1
        return self._size - 1

    def __getitem__(self, index: int) -> float | int:
        return self._data[index].item()

    def __setitem__(self, index: int, value: float | int) -> None:
        self._data[index] = value

    def nbytes(self) -> int:
        return self._data.nbytes
