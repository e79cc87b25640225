"""The text sketch: one-permutation MinHash of 64-bit shingle hashes, its similarity and LSH keys.

Why one permutation: a classic MinHash of ``k`` permutations costs ``k`` hash
evaluations per shingle (an ``n × k`` array); one-permutation hashing (Li, Owen
and Zhang, 2012) hashes each shingle once, splits the hash range into ``BINS``
bins by the hash's top bits and keeps the smallest hash of each bin: one sort of
the ``n`` hashes, whatever ``BINS`` is. So the sketch can have 256 bins (twice
the 128 permutations it replaces) for less time, and estimate similarity about
twice as sharply (``benchmarks/bench_linking.py``).

Each bin keeps 16 bits of its smallest hash (``1..65535``; ``0`` marks an empty
bin): two different minima agree by chance once in 65,535. Similarity is
estimated as the bins that agree over the bins not empty in both (the
estimator of the original paper: exact on the bins that hold information). For
the LSH band keys empty bins must hold something comparable, so they are filled
by *rotation* (Shrivastava and Li, 2014): an empty bin takes the value of the
next non-empty bin to its right (circularly) plus a constant times the distance.
Only the band keys use the filled bins; the stored sketch keeps its empty bins.
"""

from __future__ import annotations

import numpy as np

#: Bins of the sketch (a power of two: the bin is the hash's top bits).
BINS = 256
_BIN_SHIFT = np.uint64(64 - (BINS.bit_length() - 1))
assert BINS == 256  # the sort key packs the bin into 8 bits
#: LSH banding over the first ``BANDS * ROWS`` bins. Bands of 2 rows put the S-curve's middle near
#: 0.2: a pair of similarity 0.4 meets in a band 98.5% of the time, at 0.5 99.9%, at 0.1 22%, at 0.02 1%
#: (unrelated news: a candidate the sketch then rejects). Few bands: few keys to look up per article.
BANDS, ROWS = 24, 2
_VALUE_MASK = np.uint64(0xFFFFFFFF)
_LOW_BITS = np.uint64(32)
_VALUES = np.uint64(65535)
_EMPTY_CELL = np.uint64(1 << 32)  # above every low 32 bits: a cell no hash reached (sketches())
_ROTATION = np.uint64(0x9E3779B97F4A7C15)
_BANDED = np.arange(BANDS * ROWS)  # the bins the band keys read
_MIX = np.random.Generator(np.random.PCG64(20250611)).integers(1, 2**63, size=(BANDS, ROWS), dtype=np.uint64)
_MIX = _MIX * np.uint64(2) + np.uint64(1)
_OFFSET = np.random.Generator(np.random.PCG64(20250612)).integers(0, 2**63, size=BANDS, dtype=np.uint64)


def sketch(hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sketch (``uint16[BINS]``, ``0`` for an empty bin) of a non-empty set of 64-bit hashes, and its band keys.

    Repeats among ``hashes`` change nothing (the sketch of a multiset is its set's).
    What :func:`sketches` gives for one set, in fewer numpy steps.
    """
    ordered = np.sort(((hashes >> _BIN_SHIFT) << _LOW_BITS) | (hashes & _VALUE_MASK))
    bins = ordered >> _LOW_BITS
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(bins[1:], bins[:-1], out=first[1:])
    filled = bins[first].astype(np.intp)  # the non-empty bins, ascending
    values = (ordered[first] & _VALUE_MASK) % _VALUES + np.uint64(1)
    signature = np.zeros(BINS, dtype=np.uint16)
    signature[filled] = values
    return signature, _band_keys_of_one(filled, values)


def sketches(hashes: np.ndarray, owner: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The sketches (``count × BINS``) and band keys (``count × BANDS``) of ``count`` sets at once.

    ``owner`` says which set each hash belongs to (``0 <= owner < count``, at most
    2**24 sets); a set without hashes gets an all-empty sketch and meaningless
    keys. A bin keeps the smallest low 32 bits of the hashes whose top bits name
    it: one ``np.minimum.at`` into a ``count × BINS`` table finds them for every
    set (a sort of ``(set, bin, low bits)`` took about half again as long).
    """
    if count == 1 and len(hashes):
        signature, keys = sketch(hashes)
        return signature[None, :], keys[None, :]
    # the smallest low 32 bits of each (set, bin) cell, by one unbuffered minimum into the cells: no sort
    cell = (owner.astype(np.intp) << 8) | (hashes >> _BIN_SHIFT).astype(np.intp)
    smallest = np.full(count * BINS, _EMPTY_CELL, dtype=np.uint64)
    np.minimum.at(smallest, cell, hashes & _VALUE_MASK)
    filled = smallest != _EMPTY_CELL
    flat = np.zeros(count * BINS, dtype=np.uint16)
    flat[filled] = smallest[filled] % _VALUES + np.uint64(1)
    signatures = flat.reshape(count, BINS)
    return signatures, _band_keys(signatures)


def _band_keys_of_one(filled: np.ndarray, values: np.ndarray) -> np.ndarray:
    """:func:`_band_keys` of one sketch given as its non-empty bins (ascending) and their values."""
    nearest = np.searchsorted(filled, _BANDED)  # each banded bin's next non-empty bin (itself when filled)
    wrapped = nearest == len(filled)
    nearest[wrapped] = 0
    distance = (filled[nearest] - _BANDED + BINS * wrapped).astype(np.uint64)
    dense = values[nearest] + distance * _ROTATION
    return (dense.reshape(BANDS, ROWS) * _MIX).sum(axis=1, dtype=np.uint64) + _OFFSET


def _band_keys(signatures: np.ndarray) -> np.ndarray:
    """Band keys of sketches with their empty bins filled by rotation (see the module docstring)."""
    # for each banded bin, the next non-empty bin at or after it (circularly): a running minimum from the right
    slot = np.where(signatures != 0, np.arange(BINS), 2 * BINS)
    after = np.minimum.accumulate(slot[:, ::-1], axis=1)[:, ::-1]
    nearest = after[:, : BANDS * ROWS]
    wrapped = nearest == 2 * BINS
    nearest = np.where(wrapped, after[:, :1] + BINS, nearest)  # none after: the first non-empty bin, one turn on
    values = np.take_along_axis(signatures, nearest % BINS, axis=1).astype(np.uint64)
    dense = values + (nearest - _BANDED).astype(np.uint64) * _ROTATION
    rows = dense.reshape(len(signatures), BANDS, ROWS)
    return (rows * _MIX).sum(axis=2, dtype=np.uint64) + _OFFSET


def similarity_of_rows(ours: np.ndarray, theirs: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of each row of ``ours`` with the same row of ``theirs`` (rows broadcast).

    Agreeing non-empty bins over the bins non-empty in either: an empty bin in
    both says nothing about the two sets.
    """
    present = ours != 0
    agree = ((ours == theirs) & present).sum(axis=1)
    either = (present | (theirs != 0)).sum(axis=1)
    return agree / np.maximum(either, 1)
