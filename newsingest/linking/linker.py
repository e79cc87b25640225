"""The story linker: one pass over a stream of articles, signatures kept, texts dropped.

The rule, in the order the checks run, for each article as it arrives:

1. **exact**: its clean text (whitespace collapsed) has the SHA-256 of an earlier article's;
2. **syndicated**: it names its original (Tribun's ``first_published`` footer: URL, else
   title) and that original came earlier, or an earlier article named *it* as its original;
3. **near**: LSH over a one-permutation MinHash sketch (:mod:`newsingest.linking.sketch`)
   finds an earlier article whose estimated 5-word-shingle Jaccard similarity is at least
   ``near_threshold`` and whose numbers agree (when both texts hold at least two, the other
   repeats at least ``number_agreement`` of the numbers of the one with fewer); ``syndicated``
   instead when the article names the other's site as where it first appeared;
4. **series**: no such article agrees on the numbers, but one is that similar: the two share
   their text frame, not their figures (puzzle answers by level, a shop's weekly catalogue).
   They share a story, and the article copies nothing (``duplicate_of`` stays ``None``);
   ``series=False`` leaves them apart;
5. **translation**: it carries an English translation (``translate=True``) whose estimated
   similarity to an earlier English article is at least ``translation_threshold``.

The first check that finds an earlier article puts this one in that article's
story; otherwise the article starts a story whose id is its own id. Without a
translation, an article in another language than an earlier one that shares
enough numbers, names and quotes with it gets ``link_candidates`` (``candidate=True``):
proposals, never a story.

``duplicate_of`` is the earliest copy by *publication date, then id* (not arrival)
among the articles seen so far that this one copies (exact, syndicated and near
links chain copies; a series member or a translation starts its own line of
copies inside the story): a stream cannot look ahead, so an
article that arrives before an earlier-dated copy of it keeps ``duplicate_of=None``
and the earlier-dated copy, arriving later, gets ``duplicate_of=None`` too (it
copies nothing older); both share the story. Feed articles sorted by date for
"earliest" to be exact. Results depend only on the order of the input, never on
timing, processes or hash seeds, nor on how the input is cut into the chunks that
:meth:`StoryLinker.link_all` looks up together.
"""

from __future__ import annotations

import hashlib
import inspect
import itertools
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

import attrs
import numpy as np

from newsingest.linking import features, sketch
from newsingest.linking.index import KeyTable, Rows
from newsingest.model import Article, Date, Link, parse_date

#: Permutations and bands of the anchor signature (numbers, names, quotes).
ANCHOR_PERM = 32
ANCHOR_BANDS, ANCHOR_ROWS = 16, 2
#: Fewest anchors an article needs before it proposes translation candidates.
MIN_ANCHORS = 6
#: Two texts that each hold at least this many numbers are near copies only when the other repeats this
#: share of the numbers of the one with fewer (on the corpora: copies 75% or more, template series 50% or less);
#: else they are a template series.
MIN_NUMBERS, NUMBER_AGREEMENT = 2, 0.6
#: Estimated anchor similarity from which another-language article is proposed as a translation.
CANDIDATE_SIMILARITY = 0.25
#: Most candidates proposed per article.
MAX_CANDIDATES = 3
#: Figures named in a series link's evidence, at most.
MAX_FIGURES = 5
#: Articles :meth:`StoryLinker.link_all` reads ahead and looks up together.
CHUNK = 256
_SEED = 20250610

_TAG_URL, _TAG_TITLE = 2, 3
#: Keys derived from others by XOR (64 bits of SHA-256 each, so they stay apart): the content key from the
#: content hash, and "named as its original" keys from the URL and title keys.
_CONTENT_SALT, _NAMED_SALT = 0x5851F42D4C957F2D, 0x2545F4914F6CDD1D


def _string_key(tag: int, value: str | None) -> int:
    """64 bits of SHA-256 of a tagged string; ``0`` (no key) for none."""
    if not value:
        return 0
    digest = hashlib.sha256(f"{tag}\x00{value}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _named(key: int) -> int:
    """The key under which an article that names ``key``'s URL or title as its original is recorded."""
    return key ^ _NAMED_SALT if key else 0


class _Hasher:
    """MinHash signatures of small hashed sets (the anchors), and their LSH band keys.

    The scheme is datasketch's ``affine32`` (its default): each 32-bit input hash
    goes through MurmurHash3's finaliser, then ``num_perm`` affine permutations
    ``a * h + b`` modulo 2**32 with odd ``a``, drawn from ``RandomState(seed)``
    exactly as datasketch draws them, so a signature here equals
    ``datasketch.MinHash(num_perm, seed).update_batch(...)`` on the same hashes
    (``tests/test_linking.py`` checks it) while costing one numpy expression
    instead of datasketch's per-item Python loop. An anchor set is a few dozen
    items, so ``num_perm`` hashes of each cost little; texts use the
    one-permutation :mod:`~newsingest.linking.sketch`.
    """

    def __init__(self, num_perm: int, bands: int, rows: int, seed: int) -> None:
        state = np.random.RandomState(seed)
        self.a = state.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        self.b = state.randint(0, 1 << 32, num_perm, dtype=np.uint32)
        self.num_perm = num_perm
        generator = np.random.Generator(np.random.PCG64(seed))
        self._mix = generator.integers(1, 2**63, size=(bands, rows), dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._offset = generator.integers(0, 2**63, size=bands, dtype=np.uint64)
        self._bands, self._rows = bands, rows

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        """The MinHash signature of a set given as 32-bit hashes (``uint32``)."""
        return self._permuted(hashes).min(axis=0)

    def _permuted(self, hashes: np.ndarray) -> np.ndarray:
        """Each hash through the finaliser and every permutation: one row per hash."""
        h = hashes.astype(np.uint32)  # a copy; uint32 array arithmetic wraps modulo 2**32, as wanted
        h ^= h >> np.uint32(16)
        h *= np.uint32(0x85EBCA6B)
        h ^= h >> np.uint32(13)
        h *= np.uint32(0xC2B2AE35)
        h ^= h >> np.uint32(16)
        permuted = np.multiply.outer(h, self.a)
        permuted += self.b
        return permuted

    def signatures_of_hashes(self, sets: list[list[int]]) -> np.ndarray:
        """:meth:`signature` of many non-empty sets of 32-bit hashes at once (one row each)."""
        if not sets:
            return np.empty((0, self.num_perm), dtype=np.uint32)
        if len(sets) == 1:
            return self.signature(np.array(sets[0], dtype=np.uint32))[None, :]
        permuted = self._permuted(np.fromiter(itertools.chain.from_iterable(sets), dtype=np.uint32))
        starts = np.concatenate([[0], np.cumsum([len(items) for items in sets])[:-1]])
        return np.minimum.reduceat(permuted, starts, axis=0)

    def band_keys(self, signature: np.ndarray) -> np.ndarray:
        return self.band_keys_of_rows(signature[None, :])[0]

    def band_keys_of_rows(self, signatures: np.ndarray) -> np.ndarray:
        """:meth:`band_keys` of each row of ``signatures``."""
        bands = signatures[:, : self._bands * self._rows].reshape(len(signatures), self._bands, self._rows)
        return (bands.astype(np.uint64) * self._mix).sum(axis=2, dtype=np.uint64) + self._offset


class Fingerprint(NamedTuple):
    """What linking keeps and compares of one article: hashes and sketches, never text.

    A pure function of the article (:func:`fingerprint`), picklable (about 1.6 kB):
    compute it where the articles are made, in parallel (a Dask partition: see
    :func:`fingerprints`), and give it to :meth:`StoryLinker.link_all` with the
    article, so the one process that links in order only looks keys up.
    """

    id: str
    published: Date | None
    language: str | None
    host: str | None
    site: str | None  # where the article says it first appeared
    keys: np.ndarray  # uint64: the string keys (content, URL, title, what it names), then the LSH bands
    named: np.ndarray  # uint64: keys under which the original it names is recorded
    signature: np.ndarray | None  # uint16 sketch of its 5-word shingles; None for an empty text
    numbers: np.ndarray  # uint32 bottom-k sketch of its numbers
    figures: tuple[str, ...]  # the numbers that sketch holds, in its order (a series link's evidence)
    anchor_signature: np.ndarray | None  # uint32 MinHash of its anchors (six or more), else None
    anchor_keys: np.ndarray | None
    english_signature: np.ndarray | None  # sketch of its English translation, if it has one
    english_keys: np.ndarray | None  # the LSH band keys of that sketch (looked up, never added)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as its plain fields and one buffer of its arrays: a third of the time of pickling each array.

        Fingerprints cross from worker processes to the one that links
        (``ingest_many(link=True)``, Dask); the arrays come back as read-only
        views of that buffer, equal to the originals.
        """
        arrays = [getattr(self, name) for name, _ in _ARRAY_FIELDS]
        lengths = tuple(-1 if array is None else len(array) for array in arrays)
        buffer = b"".join(
            [
                np.ascontiguousarray(array, dtype=dtype).tobytes()
                for array, (_, dtype) in zip(arrays, _ARRAY_FIELDS, strict=True)
                if array is not None
            ]
        )
        return _unpickled, (self.id, self.published, self.language, self.host, self.site, self.figures, lengths, buffer)


#: The array fields of a :class:`Fingerprint` and their types, in the order they are pickled
#: (each one's bytes a multiple of 8, so every array in the buffer starts aligned).
_ARRAY_FIELDS = (
    ("keys", np.uint64),
    ("named", np.uint64),
    ("anchor_keys", np.uint64),
    ("english_keys", np.uint64),
    ("signature", np.uint16),
    ("english_signature", np.uint16),
    ("numbers", np.uint32),
    ("anchor_signature", np.uint32),
)
_ITEM_BYTES = {np.uint64: 8, np.uint32: 4, np.uint16: 2}


def _unpickled(
    id: str,
    published: Date | None,
    language: str | None,
    host: str | None,
    site: str | None,
    figures: tuple[str, ...],
    lengths: tuple[int, ...],
    buffer: bytes,
) -> Fingerprint:
    """The :class:`Fingerprint` that :meth:`Fingerprint.__reduce__` pickled."""
    fields: dict[str, Any] = {"id": id, "published": published, "language": language, "host": host, "site": site}
    fields["figures"] = figures
    at = 0
    for (name, dtype), length in zip(_ARRAY_FIELDS, lengths, strict=True):
        if length < 0:
            fields[name] = None
        else:
            fields[name] = np.frombuffer(buffer, dtype=dtype, count=length, offset=at)
            at += length * _ITEM_BYTES[dtype]
    return Fingerprint._make([fields[name] for name in Fingerprint._fields])


_ANCHOR = _Hasher(ANCHOR_PERM, ANCHOR_BANDS, ANCHOR_ROWS, _SEED + 1)
_N_STRINGS = 7
_NO_SIGNATURE = np.zeros(sketch.BINS, dtype=np.uint16)
_NO_KEYS = np.empty(0, dtype=np.uint64)
_ONE_TEXT, _NO_TEXT = np.ones(1, dtype=bool), np.zeros(1, dtype=bool)
_ANCHOR_SALT = np.uint64(0x9E3779B97F4A7C15)
_SHINGLES = "5-word shingles (MinHash)"


def _is_article_record(item: Any) -> bool:
    return isinstance(item, Mapping) and "error" not in item and "id" in item and "text" in item


def _english(translation: Any) -> str | None:
    if translation is None:
        return None
    if isinstance(translation, Mapping):
        title, paragraphs = translation.get("title"), translation.get("paragraphs", ())
    else:
        title, paragraphs = translation.title, translation.paragraphs
    return "\n\n".join(p for p in (title or "", *paragraphs) if p)


def _published(value: Any) -> Date | None:
    """A record's ``published``; one that does not parse sorts as undated rather than stopping the stream."""
    try:
        return parse_date(value)
    except (TypeError, ValueError, AttributeError):
        return None


def _text_sketches(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sketches and band keys of many texts at once, and whether each text has a shingle at all."""
    if len(texts) == 1:  # fewer numpy steps for one (the same sketch)
        hashes = features.shingle_hashes64(texts[0])
        if not len(hashes):
            return np.zeros((1, sketch.BINS), dtype=np.uint16), np.zeros((1, sketch.BANDS), dtype=np.uint64), _NO_TEXT
        signature, keys = sketch.sketch(hashes)
        return signature[None, :], keys[None, :], _ONE_TEXT
    hashes, owner = features.shingle_hashes64_of(texts)
    signatures, keys = sketch.sketches(hashes, owner, len(texts))
    return signatures, keys, np.bincount(owner, minlength=len(texts)) > 0


def fingerprint(article: Article | Mapping[str, Any]) -> Fingerprint:
    """The :class:`Fingerprint` of an :class:`~newsingest.Article` or of its ``to_dict()`` record."""
    return _fingerprints_of([article])[0]


def fingerprints(items: Iterable[Any]) -> list[Any]:
    """``(item, fingerprint)`` for each article or article record, other items as they are.

    The map side of linking a Dask bag: ``bag.map_partitions(fingerprints)``, then
    :meth:`StoryLinker.link_all` over the partitions in order (see ``docs/linking.md``).
    The fingerprints of many articles are computed together (their numpy steps
    run once for the lot), each exactly what :func:`fingerprint` gives.
    """
    items = list(items)
    articles = [item for item in items if isinstance(item, Article) or _is_article_record(item)]
    made = iter(_fingerprints_of(articles))
    return [(item, next(made)) if isinstance(item, Article) or _is_article_record(item) else item for item in items]


class _Fields(NamedTuple):
    """What a fingerprint reads of an article or a record."""

    id: str
    text: str
    url: Any
    title: Any
    metadata: Mapping[str, Any]
    published: Date | None
    language: str | None
    english: str | None


def _fields(article: Article | Mapping[str, Any]) -> _Fields:
    if isinstance(article, Article):
        return _Fields(
            article.id,
            article.text,
            article.url,
            article.title,
            article.metadata,
            article.published,
            article.language,
            _english(article.translation),
        )
    return _Fields(
        article["id"],
        article.get("text") or "",
        article.get("url"),
        article.get("title"),
        article.get("metadata") or {},
        _published(article.get("published")),
        article.get("language"),
        _english(article.get("translation")),
    )


def _fingerprints_of(articles: list[Any]) -> list[Fingerprint]:
    """The fingerprints of articles or records: the per-article reading in Python, the numpy steps for all at once."""
    if not articles:
        return []
    read = [_fields(article) for article in articles]
    signatures, bands, has_text = _text_sketches([f.text for f in read])
    translated = [i for i, f in enumerate(read) if f.english]
    english: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    if translated:
        english_signatures, english_bands, english_has = _text_sketches([read[i].english or "" for i in translated])
        english = {i: (english_signatures[j], english_bands[j]) for j, i in enumerate(translated) if english_has[j]}
    numbers_found = [features.number_bytes(f.text) for f in read]
    anchor_sets = [features.anchor_hashes(f.text, found) for f, found in zip(read, numbers_found, strict=True)]
    anchored = [i for i, (count, _) in enumerate(anchor_sets) if count >= MIN_ANCHORS]
    anchor_signatures = _ANCHOR.signatures_of_hashes([anchor_sets[i][1] for i in anchored])
    anchor_keys = _ANCHOR.band_keys_of_rows(anchor_signatures) ^ _ANCHOR_SALT
    anchor_row = {i: row for row, i in enumerate(anchored)}
    contents = features.content_hashes([f.text for f in read])
    number_rows, figures = features.number_sketches(numbers_found)
    strings: list[int] = []
    named_keys: list[np.ndarray] = []
    hosts: list[str | None] = []
    sites: list[str | None] = []
    for f, content in zip(read, contents, strict=True):
        site, named_title, named_url = features.syndication_of(f.metadata)
        url_key = features.url_key(f.url)
        url, title = _string_key(_TAG_URL, url_key), _string_key(_TAG_TITLE, features.title_key(f.title))
        original_url = _string_key(_TAG_URL, features.url_key(named_url))
        original_title = _string_key(_TAG_TITLE, features.title_key(named_title))
        strings += (
            content ^ _CONTENT_SALT if content is not None else 0,
            url,
            title,
            _named(url),  # did an earlier article name this one as its original?
            _named(title),
            original_url,  # is the original this one names already here?
            original_title,
        )
        named = [_named(key) for key in (original_url, original_title) if key]
        named_keys.append(np.array(named, dtype=np.uint64) if named else _NO_KEYS)
        hosts.append(url_key.split("/", 1)[0] if url_key else None)  # features.host_of(url), without parsing again
        sites.append(site)
    string_keys = np.array(strings, dtype=np.uint64).reshape(len(read), _N_STRINGS)
    all_keys = np.hstack([string_keys, bands])
    out = []
    for i, f in enumerate(read):
        row = anchor_row.get(i)
        english_sketch = english.get(i)
        text = bool(has_text[i])
        out.append(
            Fingerprint(
                id=f.id,
                published=f.published,
                language=f.language,
                host=hosts[i],
                site=sites[i],
                keys=all_keys[i] if text else string_keys[i],
                named=named_keys[i],
                signature=signatures[i] if text else None,
                numbers=number_rows[i],
                figures=figures[i],
                anchor_signature=anchor_signatures[row] if row is not None else None,
                anchor_keys=anchor_keys[row] if row is not None else None,
                english_signature=english_sketch[0] if english_sketch else None,
                english_keys=english_sketch[1] if english_sketch else None,
            )
        )
    return out


@attrs.frozen
class _Found:
    kind: str
    target: int
    similarity: float | None
    matched: tuple[str, ...]


_Placed = tuple[str, str | None, Link | None, tuple[Link, ...]]


class StoryLinker:
    """Links articles to the stories of articles seen before them (see the module docstring).

    Call :meth:`link` for each article in order, or :meth:`link_all` (what
    :func:`link_stories` iterates), which reads :data:`CHUNK` inputs ahead and looks
    their keys up together: the same results, at a fraction of the cost.
    Memory per article seen: its sketch (512 bytes), its numbers (64 bytes), an
    anchor signature (128 bytes, when it has anchors), about 40 keys in the
    table (12 bytes a slot, the table 37-75% full), a few numbers and its id; no
    text (``benchmarks/bench_linking.py`` measures it).
    """

    def __init__(
        self,
        *,
        near_threshold: float = 0.4,
        translation_threshold: float = 0.2,
        number_agreement: float = NUMBER_AGREEMENT,
        series: bool = True,
    ) -> None:
        self.near_threshold = near_threshold
        self.number_agreement = number_agreement
        self.translation_threshold = translation_threshold
        self.series = series
        self._keys = KeyTable()
        self._signatures = Rows(sketch.BINS, np.uint16)
        self._anchor_signatures = Rows(ANCHOR_PERM)
        self._numbers = Rows(features.NUMBER_SKETCH)
        self._anchor_row = array("q")  # article → its row in _anchor_signatures, -1 for none
        self._story = array("q")  # article → the article that started its story
        self._copies = array("q")  # article → the article that started its line of copies
        self._earliest = array("q")  # line starter → earliest member seen (by date, then id)
        self._when = array("d")
        self._language = array("l")
        self._host = array("l")
        self._ids: list[str] = []
        self._codes: dict[str | None, int] = {None: 0}  # languages
        self._hosts: list[str | None] = [None]
        self._host_codes: dict[str | None, int] = {None: 0}

    def __len__(self) -> int:
        return len(self._ids)

    def nbytes(self) -> int:
        """Memory the linker holds (numpy buffers, columns, ids), for benchmarks."""
        arrays = (self._keys, self._signatures, self._anchor_signatures, self._numbers)
        columns = (self._anchor_row, self._story, self._copies, self._earliest, self._when, self._language, self._host)
        ids = sum(49 + len(i) + 8 for i in self._ids)
        return sum(a.nbytes() for a in arrays) + sum(c.itemsize * len(c) for c in columns) + ids

    def link_all(self, items: Iterable[Any]) -> Iterator[Any]:
        """:meth:`link` over a stream of articles or records (see :func:`link_stories`); keeps this linker's memory.

        Reads up to :data:`CHUNK` inputs ahead and looks their keys up together;
        the results are those of :meth:`link` called on each in turn. Call it
        again with the next part of a corpus (the next Dask partition, the next
        day's crawl) to link it to everything linked before.
        """
        chunk: list[Any] = []
        for item in items:
            chunk.append(item)
            if len(chunk) == CHUNK:
                yield from self._link_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._link_chunk(chunk)

    # -- the per-article step ---------------------------------------------------------

    def link(self, article: Article, fp: Fingerprint | None = None) -> Article:
        """The article with ``story``, ``duplicate_of``, ``link`` and ``link_candidates`` filled.

        ``fp``: the article's :func:`fingerprint`, when it was computed elsewhere
        (where the article was made: a worker, a Dask partition); else it is computed here.
        """
        story, duplicate_of, link, candidates = self._link_fingerprints([fp or fingerprint(article)])[0]
        return _with_links(article, (story, duplicate_of, link, candidates))

    def link_record(self, record: dict[str, Any], fp: Fingerprint | None = None) -> dict[str, Any]:
        """An ``Article.to_dict()`` record with the linking keys added (a new dict; no Article is built)."""
        return _with_record_links(record, self._link_fingerprints([fp or fingerprint(record)])[0])

    def _link_chunk(self, items: list[Any]) -> list[Any]:
        unpacked: list[tuple[Any, bool]] = []
        fps: list[Fingerprint | None] = []
        for item in items:
            fp = None
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Fingerprint):
                item, fp = item  # (article or record, its fingerprint): see fingerprints()
            linkable = isinstance(item, Article) or _is_article_record(item)
            if linkable:
                fps.append(fp)
            unpacked.append((item, linkable))
        missing = [item for (item, linkable) in unpacked if linkable]
        missing = [item for item, fp in zip(missing, fps, strict=True) if fp is None]
        made = iter(_fingerprints_of(missing))  # the chunk's missing fingerprints, computed together
        placed = iter(self._link_fingerprints([fp if fp is not None else next(made) for fp in fps]))
        out = []
        for item, linkable in unpacked:
            if not linkable:
                out.append(item)
            elif isinstance(item, Article):
                out.append(_with_links(item, next(placed)))
            else:
                out.append(_with_record_links(item, next(placed)))
        return out

    def _link_fingerprints(self, fps: list[Fingerprint]) -> list[_Placed]:
        """Link articles in order, their keys looked up together (each sees every article before it)."""
        if not fps:
            return []
        base = len(self._ids)
        self._remember(fps)
        known, spans = self._lookup(fps, base)
        ranked = self._ranked(known, spans, base)
        starts = np.array([start for start, *_ in spans])
        strings = known[starts[:, None] + np.arange(_N_STRINGS)].tolist()  # each article's string keys' answers
        other_language = self._anchors_met_other_language(known, spans, base)
        placed = []
        for offset, fp in enumerate(fps):
            index = base + offset
            _, anchors_at, english_at, end = spans[offset]
            found = self._first_link(fp, strings[offset], ranked[offset], known[english_at:end])
            candidates: tuple[Link, ...] = ()
            if other_language[offset] and (found is None or found.kind != "translation"):
                candidates = self._candidates(fp, index, known[anchors_at:english_at], found)
            placed.append(self._place(fp, index, found, candidates))
        return placed

    def _lookup(self, fps: list[Fingerprint], base: int) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
        """For every key each article looks up, the first article before it that added the key (else -1 or -2).

        The table answers for the articles of earlier chunks; among this chunk's
        articles, the first that adds a key answers for the later ones. Then the
        keys this chunk adds first go into the table. What an article adds is a
        function of its fingerprint alone: its content, URL and title keys, its
        LSH bands, its anchor bands and the keys of the original it names.
        """
        lookups: list[np.ndarray] = []
        adds: list[np.ndarray] = []
        added_counts: list[int] = []
        spans = []
        at = 0
        for fp in fps:
            keys = fp.keys
            anchors = fp.anchor_keys if fp.anchor_keys is not None else _NO_KEYS
            english = fp.english_keys if fp.english_keys is not None else _NO_KEYS
            lookups += (keys, anchors, english)
            adds += (keys, anchors, fp.named)  # of its string keys, only the first three (when set): below
            added_counts.append(len(keys) + len(anchors) + len(fp.named))
            anchors_at = at + len(keys)
            english_at = anchors_at + len(anchors)
            spans.append((at, anchors_at, english_at, english_at + len(english)))
            at = english_at + len(english)
        wanted = np.concatenate(lookups)
        asker = np.repeat(np.arange(len(fps)), [end - start for start, *_, end in spans])
        added = np.concatenate(adds)
        adder = np.repeat(np.arange(len(fps)), added_counts)
        # an article adds its content, URL and title keys (when set), not the keys it looks up for what it names
        block = (np.cumsum(added_counts) - added_counts)[:, None] + np.arange(_N_STRINGS)
        dropped = np.concatenate([block[:, 3:].reshape(-1), block[:, :3][added[block[:, :3]] == 0]])
        keep = np.ones(len(added), dtype=bool)
        keep[dropped] = False
        added, adder = added[keep], adder[keep]
        # every distinct key the chunk looks up or adds, probed once (the table reads key 0 as 1: so here)
        everything = np.concatenate([wanted, added])
        everything[everything == 0] = 1
        distinct, which = np.unique(everything, return_inverse=True)
        first_adder = np.full(len(distinct), len(fps), dtype=np.intp)  # len(fps): no article of the chunk adds it
        np.minimum.at(first_adder, which[len(wanted) :], adder)  # the first article of the chunk to add each key
        fresh = first_adder < len(fps)
        held, slots = self._keys.probe(distinct, room=int(fresh.sum()))
        asked = which[: len(wanted)]
        known = held[asked]
        # a key the table lacks answers with the first article of the chunk that adds it, for the articles after it
        earlier = (known < 0) & (first_adder[asked] < asker)
        known[earlier] = base + first_adder[asked[earlier]]
        strings = (np.array([start for start, *_ in spans])[:, None] + np.arange(_N_STRINGS)).reshape(-1)
        known[strings[wanted[strings] == 0]] = -2  # nothing to look up
        new = fresh & (held < 0)
        self._keys.insert(distinct[new], base + first_adder[new], slots[new])
        return known, spans

    def _ranked(
        self, known: np.ndarray, spans: list[tuple[int, int, int, int]], base: int
    ) -> list[list[tuple[float, int]]]:
        """Per article, the earlier articles it shares an LSH band with: ``(-similarity, article)``, most similar first.

        The similarities of the whole chunk's pairs are estimated in one numpy
        step (they depend on the two sketches only), so the loop in order only
        reads them.
        """
        lengths = [(a - s - _N_STRINGS, s + _N_STRINGS) for s, a, _, _ in spans]
        band_positions = np.concatenate([np.arange(at, at + count) for count, at in lengths])
        band_owner = np.repeat(np.arange(len(spans)), [count for count, _ in lengths])
        hits = known[band_positions] if len(band_positions) else np.empty(0, dtype=np.int64)
        ranked: list[list[tuple[float, int]]] = [[] for _ in spans]
        hit = hits >= 0
        if not hit.any():
            return ranked
        pairs = np.unique((band_owner[hit].astype(np.int64) << 40) | hits[hit])  # each (article, candidate) once
        owners, candidates = pairs >> 40, pairs & ((1 << 40) - 1)
        similarity = sketch.similarity_of_rows(self._signatures[base + owners], self._signatures[candidates])
        for owner, candidate, estimate in zip(owners.tolist(), candidates.tolist(), similarity.tolist(), strict=True):
            ranked[owner].append((-estimate, candidate))
        for row in ranked:
            row.sort()  # most similar first; ties: the earliest candidate
        return ranked

    def _first_link(
        self, fp: Fingerprint, strings: list[int], ranked: list[tuple[float, int]], english_known: np.ndarray
    ) -> _Found | None:
        if strings[0] >= 0:
            return _Found("exact", strings[0], 1.0, ("content hash",))
        for position, evidence in (
            (5, "first_published.url"),
            (6, "first_published.title"),
            (3, "named as first_published.url"),
            (4, "named as first_published.title"),
        ):
            if strings[position] >= 0:
                return _Found("syndicated", strings[position], None, (evidence,))
        if ranked:
            found = self._near(fp, ranked)
            if found is not None:
                return found
        if fp.english_signature is not None and fp.language not in (None, "en"):
            return self._translation(fp.english_signature, english_known)
        return None

    def _near(self, fp: Fingerprint, ranked: list[tuple[float, int]]) -> _Found | None:
        """The most similar candidate that agrees on the numbers (``near``), else the most similar (``series``)."""
        series = None
        for negative, target in ranked:
            if -negative < self.near_threshold:
                break
            theirs = self._numbers[target]
            agreement, count = features.number_agreement(fp.numbers, theirs)
            estimate = round(-negative, 4)
            if count >= MIN_NUMBERS and agreement < self.number_agreement:
                if series is None:  # same wording, other figures: a template series, unless a copy agrees
                    differ = features.figures_not_in(fp.figures, fp.numbers, theirs)[:MAX_FIGURES]
                    evidence: tuple[str, ...] = (_SHINGLES, f"numbers {agreement:.2f}")
                    if differ:
                        evidence += (f"figures only here: {', '.join(differ)}",)
                    series = _Found("series", target, estimate, evidence)
                continue
            kind = "near"
            matched: tuple[str, ...] = (_SHINGLES, f"numbers {agreement:.2f}")
            host = self._hosts[self._host[target]]
            if fp.site and host and features.site_matches(fp.site, "https://" + host, None):
                kind, matched = "syndicated", (*matched, f"first published at {fp.site}")
            return _Found(kind, target, estimate, matched)
        return series if self.series else None

    def _translation(self, signature: np.ndarray, known: np.ndarray) -> _Found | None:
        english_code = self._codes.get("en")
        if english_code is None:
            return None
        candidates = [c for c in sorted(set(known[known >= 0].tolist())) if self._language[c] == english_code]
        if not candidates:
            return None
        similarity = sketch.similarity_of_rows(signature[None, :], self._signatures[np.array(candidates)])
        best = int(np.argmax(similarity))
        if similarity[best] < self.translation_threshold:
            return None
        return _Found("translation", candidates[best], round(float(similarity[best]), 4), ("English translation",))

    def _anchors_met_other_language(
        self, known: np.ndarray, spans: list[tuple[int, int, int, int]], base: int
    ) -> list[bool]:
        """Per article, whether an anchor band met an article in another known language (else no candidate can come).

        :meth:`_candidates` proposes only articles of another language, so for
        the rest (most of a corpus in one language) it need not run: one numpy
        step for the chunk answers for all.
        """
        counts = np.array([english_at - anchors_at for _, anchors_at, english_at, _ in spans])
        total = int(counts.sum())
        if not total:
            return [False] * len(spans)
        owner = np.repeat(np.arange(len(spans)), counts)
        firsts = np.array([anchors_at for _, anchors_at, _, _ in spans])
        positions = np.arange(total) + np.repeat(firsts - (np.cumsum(counts) - counts), counts)
        targets = known[positions]
        hit = targets >= 0
        languages = np.frombuffer(self._language, dtype=f"=i{self._language.itemsize}")  # a view: no copy
        theirs, ours = languages[targets[hit]], languages[base + owner[hit]]
        met = np.zeros(len(spans), dtype=bool)
        met[owner[hit][(theirs != ours) & (theirs != 0)]] = True
        return met.tolist()

    def _candidates(self, fp: Fingerprint, index: int, known: np.ndarray, found: _Found | None) -> tuple[Link, ...]:
        language = self._language[index]
        signature = fp.anchor_signature
        rows = []
        for candidate in sorted(set(known[known >= 0].tolist())):
            if (found is not None and candidate == found.target) or self._language[candidate] in (language, 0):
                continue  # same language: shingles decide, not anchors; unknown language: cannot tell
            row = self._anchor_row[candidate]
            if row >= 0:
                rows.append((candidate, float((self._anchor_signatures[row] == signature).mean())))
        rows.sort(key=lambda item: (-item[1], item[0]))
        return tuple(
            Link("translation", self._ids[c], round(s, 4), ("numbers, names and quotes",), candidate=True)
            for c, s in rows[:MAX_CANDIDATES]
            if s >= CANDIDATE_SIMILARITY
        )

    # -- bookkeeping -------------------------------------------------------------------

    def _remember(self, fps: list[Fingerprint]) -> None:
        """What the linker keeps of each article of a chunk, before any is linked (all of it from the fingerprint)."""
        base = len(self._ids)
        self._signatures.extend(np.stack([_NO_SIGNATURE if fp.signature is None else fp.signature for fp in fps]))
        self._numbers.extend(np.stack([fp.numbers for fp in fps]))
        anchors = [fp.anchor_signature for fp in fps if fp.anchor_signature is not None]
        row = len(self._anchor_signatures)
        if anchors:
            self._anchor_signatures.extend(np.stack(anchors))
        anchor_rows = []
        for fp in fps:
            if fp.anchor_signature is not None:
                anchor_rows.append(row)
                row += 1
            else:
                anchor_rows.append(-1)
        self._anchor_row.extend(anchor_rows)
        self._ids.extend([fp.id for fp in fps])
        self._when.extend([features.sort_time(fp.published) for fp in fps])
        self._language.extend([self._codes.setdefault(fp.language, len(self._codes)) for fp in fps])
        self._host.extend([self._host_code(fp.host) for fp in fps])
        indexes = range(base, base + len(fps))  # each starts its own story and line of copies
        self._story.extend(indexes)
        self._copies.extend(indexes)
        self._earliest.extend(indexes)

    def _host_code(self, host: str | None) -> int:
        code = self._host_codes.get(host)
        if code is None:
            code = self._host_codes[host] = len(self._hosts)
            self._hosts.append(host)
        return code

    def _before(self, a: int, b: int) -> bool:
        return (self._when[a], self._ids[a]) < (self._when[b], self._ids[b])

    def _place(self, article: Fingerprint, index: int, found: _Found | None, candidates: tuple[Link, ...]) -> _Placed:
        if found is None:
            return article.id, None, None, candidates
        story = self._story[found.target]
        self._story[index] = story
        duplicate_of = None
        if found.kind not in ("translation", "series"):  # a copy: it joins its target's line of copies
            line = self._copies[index] = self._copies[found.target]
            earliest = self._earliest[line]
            if self._before(earliest, index):
                duplicate_of = self._ids[earliest]
            else:
                self._earliest[line] = index
        # else: a version in another language, or another figure of a series: it copies nothing
        link = Link(found.kind, self._ids[found.target], found.similarity, found.matched)
        return self._ids[story], duplicate_of, link, candidates


_LINK_FIELDS = ("story", "duplicate_of", "link", "link_candidates")
_copiers: dict[type, Callable[[Article, _Placed], Article]] = {}


def _with_links(article: Article, placed: _Placed) -> Article:
    """``attrs.evolve(article, story=..., duplicate_of=..., link=..., link_candidates=...)``, several times faster.

    The other fields are copied as they are: they were converted and checked when
    the article was made, and the four set here need no converting (a tuple of
    links) and are checked by nothing. ``evolve`` would run every converter and
    the paragraphs check again, about 10 us an article.
    """
    copier = _copiers.get(type(article))
    if copier is None:
        copier = _copiers[type(article)] = _copier(type(article))
    return copier(article, placed)


def _copier(cls: type) -> Callable[[Article, _Placed], Article]:
    """A function that copies an article of ``cls`` with the link fields set, written out field by field.

    Compiled once a class, as attrs writes its ``__init__``: a loop over the
    field names cost about 3 us an article, the written-out copy about 1.2. A
    field is set through its slot's descriptor (``object.__setattr__`` where the
    class keeps fields in a ``__dict__``), as frozen attrs classes set their own.
    """
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = ["def copy(article, placed):", "    linked = new(cls)", f"    {', '.join(_LINK_FIELDS)} = placed"]
    for number, field in enumerate(attrs.fields(cls)):
        slot = getattr(cls, field.name, None)
        setter = getattr(slot, "__set__", None) if inspect.isdatadescriptor(slot) else None
        value = field.name if field.name in _LINK_FIELDS else f"article.{field.name}"
        if setter is not None:
            namespace[f"set_{number}"] = setter
            lines.append(f"    set_{number}(linked, {value})")
        else:
            namespace["set_field"] = object.__setattr__
            lines.append(f"    set_field(linked, {field.name!r}, {value})")
    lines.append("    return linked")
    exec("\n".join(lines), namespace)  # code made of the class's own field names only
    copy: Callable[[Article, _Placed], Article] = namespace["copy"]
    return copy


def _with_record_links(record: Mapping[str, Any], placed: _Placed) -> dict[str, Any]:
    story, duplicate_of, link, candidates = placed
    return {
        **record,
        "story": story,
        "duplicate_of": duplicate_of,
        "link": link.to_dict() if link else None,
        "link_candidates": [c.to_dict() for c in candidates],
    }


def link_stories(articles: Iterable[Any], **options: Any) -> Iterator[Any]:
    """Link every copy and version of a story, streaming: one result out per input, in order.

    ``articles``: :class:`~newsingest.Article` objects, ``Article.to_dict()``
    records (what ``ingest_many(as_dicts=True)`` and the CLI's JSONL give), or
    anything else (error records, :class:`~newsingest.ErrorRecord`), which passes through
    untouched. Articles come out with ``story``, ``duplicate_of``, ``link`` and
    ``link_candidates`` set; dict records come out as dicts with those keys.
    ``options`` go to :class:`StoryLinker` (``near_threshold``,
    ``translation_threshold``, ``number_agreement``, ``series``). See
    :mod:`newsingest.linking.linker` for the rule.
    """
    return StoryLinker(**options).link_all(articles)
