"""Compact in-memory stores for linking: a key → first-article table, signatures, columns.

Why not datasketch's ``MinHashLSH``: it keeps a Python ``set`` and a ``bytes``
key per band per article (several kilobytes an article, measured in
``benchmarks/bench_linking.py``), too much for a million articles. Here every
key (an LSH band, a content hash, a URL, a title) is a 64-bit integer stored
once, with the index of the first article that had it, in a numpy hash table
(:class:`KeyTable`). Signatures live in growable numpy matrices. Texts are never kept.
"""

from __future__ import annotations

import numpy as np

#: Slots probed at once: a lookup reads this many consecutive slots (one or two cache lines) per step.
_WINDOW = 8
_PROBE = np.arange(_WINDOW)
_SPREAD = np.uint64(0x9E3779B97F4A7C15)
#: The table doubles when more than this share of its slots is taken (so it is 37.5-75% full).
_MAX_LOAD = 0.75


class KeyTable:
    """``uint64`` key → index of the first article that had the key: open addressing in numpy arrays.

    A key's home slot is its top bits after a multiplicative spread; it sits in
    the first free slot from there (linear probing), and a lookup reads windows
    of 8 consecutive slots until it finds the key or a free slot. Keys and
    values are two flat arrays (12 bytes a slot), so a lookup costs the same
    at a thousand keys and at a hundred million, and many keys (a whole chunk of
    articles) are looked up or added in a few numpy calls. Key ``0`` marks a
    free slot, so the key 0 is stored as 1 (keys are 64-bit hashes: the two
    sharing a slot is as likely as any other collision).
    """

    def __init__(self, capacity: int = 1 << 12) -> None:
        self._bits = max(capacity - 1, 1).bit_length()
        self._keys = np.zeros(1 << self._bits, dtype=np.uint64)
        self._values = np.zeros(1 << self._bits, dtype=np.uint32)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def _home(self, keys: np.ndarray) -> np.ndarray:
        return ((keys * _SPREAD) >> np.uint64(64 - self._bits)).astype(np.intp)

    def _find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each key: its slot, and whether the key is there (else the slot is the first free one)."""
        slots = self._home(keys)
        found = np.zeros(len(keys), dtype=bool)
        pending = np.arange(len(keys))
        mask = len(self._keys) - 1
        while len(pending):
            window = (slots[pending, None] + _PROBE) & mask
            stored = self._keys[window]
            hit = stored == keys[pending, None]
            stop = hit | (stored == 0)
            done = stop.any(axis=1)
            first = stop.argmax(axis=1)
            rows = np.flatnonzero(done)
            slots[pending[rows]] = window[rows, first[rows]]
            found[pending[rows]] = hit[rows, first[rows]]
            pending = pending[~done]
            slots[pending] = (slots[pending] + _WINDOW) & mask
        return slots, found

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """The first article for each key, ``-1`` where the key is new (``int64`` array)."""
        return self.probe(keys)[0]

    def probe(self, keys: np.ndarray, room: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`lookup` of the keys, and a slot for each: where it is, or where :meth:`insert` would put it.

        ``room``: keys about to be inserted; the table grows for them first, so
        the slots stay valid until :meth:`insert` (nothing else may change the
        table in between). One probe serves both the question and the insert.
        """
        keys = np.where(keys == 0, np.uint64(1), keys)
        if self._size + room > _MAX_LOAD * len(self._keys):
            self._grow(self._size + room)
        slots, found = self._find(keys)
        result = np.full(len(keys), -1, dtype=np.int64)
        result[found] = self._values[slots[found]]
        return result, slots

    def add(self, keys: np.ndarray, values: np.ndarray) -> None:
        """Store each key with its value, unless the key is there already (the first value stays).

        ``keys`` must be distinct (0 and 1 count as one key).
        """
        known, slots = self.probe(keys, room=len(keys))
        fresh = known < 0
        self.insert(keys[fresh], values[fresh], slots[fresh])

    def insert(self, keys: np.ndarray, values: np.ndarray, slots: np.ndarray) -> None:
        """Store distinct keys the table lacks, each at the free slot :meth:`probe` gave it (with room for them).

        Every key is written to its slot at once; where several found the same
        free slot, the one the slot holds after the write keeps it (read back:
        no sort), and the others probe again from their home. Which of them
        wins moves keys between slots, never what a key answers.
        """
        keys = np.where(keys == 0, np.uint64(1), keys)
        values = values.astype(np.uint32)
        while len(keys):
            self._keys[slots] = keys
            won = self._keys[slots] == keys  # distinct keys: exactly one per slot written
            self._values[slots[won]] = values[won]
            self._size += int(won.sum())
            lost = ~won
            keys, values = keys[lost], values[lost]
            if len(keys):
                slots, found = self._find(keys)
                keys, values, slots = keys[~found], values[~found], slots[~found]  # none, when distinct

    def _grow(self, needed: int) -> None:
        """Double the table until ``needed`` keys fit, and place the keys it holds anew.

        Into an empty table, keys taken in the order of their home slots land by
        linear probing at ``max(home, slot of the key before + 1)``: a running
        maximum places them all at once. The few pushed past the last slot wrap
        around, placed by :meth:`add`.
        """
        taken = np.flatnonzero(self._keys)
        keys, values = self._keys[taken], self._values[taken]
        del taken
        while needed > _MAX_LOAD * (1 << self._bits):
            self._bits += 1
        size = 1 << self._bits
        self._keys = np.zeros(size, dtype=np.uint64)
        self._values = np.zeros(size, dtype=np.uint32)
        home = self._home(keys)
        order = np.argsort(home, kind="stable")
        keys, values, home = keys[order], values[order], home[order]
        del order
        steps = np.arange(len(keys))
        slots = np.maximum.accumulate(home - steps) + steps
        inside = slots < size
        self._keys[slots[inside]] = keys[inside]
        self._values[slots[inside]] = values[inside]
        self._size = int(inside.sum())
        if not inside.all():
            self.add(keys[~inside], values[~inside])

    def nbytes(self) -> int:
        """Memory held by the two arrays."""
        return self._keys.nbytes + self._values.nbytes


class Rows:
    """A growable matrix (``uint32`` unless told), one row per article; grows by doubling."""

    def __init__(self, width: int, dtype: type = np.uint32) -> None:
        self._data: np.ndarray = np.zeros((1024, width), dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def append(self, row: np.ndarray) -> int:
        self.extend(row[None, :])
        return self._size - 1

    def extend(self, rows: np.ndarray) -> None:
        """Append several rows at once (a 2-D array)."""
        needed = self._size + len(rows)
        if needed > len(self._data):
            grown = np.zeros((max(needed, 2 * len(self._data)), self._data.shape[1]), dtype=self._data.dtype)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size : needed] = rows
        self._size = needed

    def __getitem__(self, index: np.ndarray | int) -> np.ndarray:
        return self._data[index]

    def nbytes(self) -> int:
        return self._data.nbytes
