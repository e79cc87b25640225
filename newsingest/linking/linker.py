"""The story linker: one pass over a stream of articles, signatures kept, texts dropped.

The rule, in the order the checks run, for each article as it arrives:

1. **exact**: its clean text (whitespace collapsed) has the SHA-256 of an earlier article's;
2. **syndicated**: it names its original (Tribun's ``first_published`` footer: URL, else
   title) and that original came earlier, or an earlier article named *it* as its original;
3. **near**: MinHash LSH finds an earlier article whose estimated 5-word-shingle Jaccard
   similarity is at least ``near_threshold`` and whose numbers agree (when both texts hold
   at least two, at least ``number_agreement`` of them shared: a template series shares its
   wording, not its figures); ``syndicated`` instead when the article names the other's
   site as where it first appeared;
4. **translation**: it carries an English translation (``translate=True``) whose estimated
   similarity to an earlier English article is at least ``translation_threshold``.

The first check that finds an earlier article puts this one in that article's
story; otherwise the article starts a story whose id is its own id. Without a
translation, an article in another language than an earlier one that shares
enough numbers, names and quotes with it gets ``link_candidates`` (``candidate=True``):
proposals, never a story.

``duplicate_of`` is the earliest copy in the story by *publication date, then id*
(not arrival), among the articles seen so far: a stream cannot look ahead, so an
article that arrives before an earlier-dated copy of it keeps ``duplicate_of=None``
and the earlier-dated copy, arriving later, gets ``duplicate_of=None`` too (it
copies nothing older); both share the story. Feed articles sorted by date for
"earliest" to be exact. Results depend only on the order of the input, never on
timing, processes or hash seeds.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

import attrs
import numpy as np

from ..model import Article, Date, Link, parse_date
from . import features
from .index import Column, KeyIndex, Rows

#: MinHash permutations per signature, and the LSH banding of them.
NUM_PERM = 128
BANDS, ROWS = 32, 4
#: Permutations and bands of the anchor signature (numbers, names, quotes).
ANCHOR_PERM = 32
ANCHOR_BANDS, ANCHOR_ROWS = 16, 2
#: Fewest anchors an article needs before it proposes translation candidates.
MIN_ANCHORS = 6
#: Two texts that each hold at least this many numbers must share this much of them to be near copies.
MIN_NUMBERS, NUMBER_AGREEMENT = 2, 0.4
#: Estimated anchor similarity from which another-language article is proposed as a translation.
CANDIDATE_SIMILARITY = 0.25
#: Most candidates proposed per article.
MAX_CANDIDATES = 3
_SEED = 20250610

_TAG_CONTENT, _TAG_URL, _TAG_TITLE, _TAG_NAMED_URL, _TAG_NAMED_TITLE = range(1, 6)


def _string_key(tag: int, value: str) -> int:
    digest = hashlib.sha256(f"{tag}\x00{value}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


class _Hasher:
    """MinHash signatures of hashed sets, and their LSH band keys.

    The scheme is datasketch's ``affine32`` (its default): each 32-bit input hash
    goes through MurmurHash3's finaliser, then ``num_perm`` affine permutations
    ``a * h + b`` modulo 2**32 with odd ``a``, drawn from ``RandomState(seed)``
    exactly as datasketch draws them, so a signature here equals
    ``datasketch.MinHash(num_perm, seed).update_batch(...)`` on the same hashes
    (``tests/test_linking.py`` checks it) while costing one numpy expression
    instead of datasketch's per-item Python loop (``benchmarks/bench_linking.py``).
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
        h = hashes.astype(np.uint32)  # a copy; uint32 array arithmetic wraps modulo 2**32, as wanted
        h ^= h >> np.uint32(16)
        h *= np.uint32(0x85EBCA6B)
        h ^= h >> np.uint32(13)
        h *= np.uint32(0xC2B2AE35)
        h ^= h >> np.uint32(16)
        permuted = np.multiply.outer(h, self.a)
        permuted += self.b
        return permuted.min(axis=0)

    def signature_of_strings(self, items: Iterable[str]) -> np.ndarray:
        return self.signature(np.array([zlib.crc32(i.encode("utf-8")) for i in items], dtype=np.uint32))

    def band_keys(self, signature: np.ndarray) -> np.ndarray:
        bands = signature[: self._bands * self._rows].reshape(self._bands, self._rows).astype(np.uint64)
        return (bands * self._mix).sum(axis=1, dtype=np.uint64) + self._offset


class _Item(NamedTuple):
    """What linking reads of an article, from an :class:`Article` or straight from its record."""

    id: str
    text: str
    url: str | None
    title: str | None
    metadata: Mapping[str, Any]
    published: Date | None
    language: str | None
    english: str | None  # the English translation's title and paragraphs, if any


@attrs.frozen
class _Found:
    kind: str
    target: int
    similarity: float | None
    matched: tuple[str, ...]


class StoryLinker:
    """Links articles to the stories of articles seen before them (see the module docstring).

    Call :meth:`link` for each article in order, or iterate :func:`link_stories`.
    Memory per article seen: its signatures (512 + 128 bytes), about 40 index keys
    (12 bytes each) and its id: about 1.2 kB, no text.
    """

    def __init__(
        self,
        *,
        near_threshold: float = 0.4,
        translation_threshold: float = 0.2,
        number_agreement: float = NUMBER_AGREEMENT,
    ) -> None:
        self.near_threshold = near_threshold
        self.number_agreement = number_agreement
        self.translation_threshold = translation_threshold
        self._text = _Hasher(NUM_PERM, BANDS, ROWS, _SEED)
        self._anchor = _Hasher(ANCHOR_PERM, ANCHOR_BANDS, ANCHOR_ROWS, _SEED + 1)
        self._keys = KeyIndex()
        self._signatures = Rows(NUM_PERM)
        self._anchor_signatures = Rows(ANCHOR_PERM)
        self._numbers = Rows(features.NUMBER_SKETCH)
        self._anchor_row = Column(np.int64)  # article → its row in _anchor_signatures, -1 for none
        self._has_text = Column(np.bool_)
        self._story = Column(np.int64)  # article → the article that started its story
        self._earliest = Column(np.int64)  # story starter → earliest member seen (by date, then id)
        self._when = Column(np.float64)
        self._language = Column(np.int32)
        self._host = Column(np.int32)
        self._ids: list[str] = []
        self._codes: dict[str | None, int] = {None: 0}  # languages
        self._hosts: list[str | None] = [None]
        self._host_codes: dict[str | None, int] = {None: 0}

    def __len__(self) -> int:
        return len(self._ids)

    def nbytes(self) -> int:
        """Memory the linker holds (numpy buffers, recent keys, ids), for benchmarks."""
        arrays = (
            self._signatures,
            self._anchor_signatures,
            self._numbers,
            self._anchor_row,
            self._has_text,
            self._story,
        )
        columns = (self._earliest, self._when, self._language, self._host)
        ids = sum(49 + len(i) + 8 for i in self._ids)
        return self._keys.nbytes() + sum(a.nbytes() for a in (*arrays, *columns)) + ids

    def link_all(self, items: Iterable[Any]) -> Iterator[Any]:
        """:meth:`link` over a stream of articles or records (see :func:`link_stories`); keeps this linker's memory.

        Call it again with the next part of a corpus (the next Dask partition,
        the next day's crawl) to link it to everything linked before.
        """
        for item in items:
            if isinstance(item, Article):
                yield self.link(item)
            elif isinstance(item, dict) and "error" not in item and "id" in item and "text" in item:
                yield self.link_record(item)
            else:
                yield item

    # -- the per-article step ---------------------------------------------------------

    def link(self, article: Article) -> Article:
        """The article with ``story``, ``duplicate_of``, ``link`` and ``link_candidates`` filled."""
        translation = article.translation
        english = None
        if translation is not None:
            english = "\n\n".join(p for p in (translation.title or "", *translation.paragraphs) if p)
        item = _Item(
            article.id, article.text, article.url, article.title, article.metadata,
            article.published, article.language, english,
        )  # fmt: skip
        story, duplicate_of, link, candidates = self._link(item)
        return attrs.evolve(article, story=story, duplicate_of=duplicate_of, link=link, link_candidates=candidates)

    def link_record(self, record: dict[str, Any]) -> dict[str, Any]:
        """An ``Article.to_dict()`` record with the linking keys added (a new dict; no Article is built)."""
        translation = record.get("translation")
        english = None
        if translation:
            parts = (translation.get("title") or "", *translation.get("paragraphs", ()))
            english = "\n\n".join(p for p in parts if p)
        item = _Item(
            record["id"], record.get("text") or "", record.get("url"), record.get("title"),
            record.get("metadata") or {}, parse_date(record.get("published")), record.get("language"), english,
        )  # fmt: skip
        story, duplicate_of, link, candidates = self._link(item)
        return {
            **record,
            "story": story,
            "duplicate_of": duplicate_of,
            "link": link.to_dict() if link else None,
            "link_candidates": [c.to_dict() for c in candidates],
        }

    def _link(self, article: _Item) -> tuple[str, str | None, Link | None, tuple[Link, ...]]:
        index = len(self._ids)
        site, named_title, named_url = features.syndication_of(article.metadata)
        url, title = features.url_key(article.url), features.title_key(article.title)
        named_url, named_title = features.url_key(named_url), features.title_key(named_title)
        content = features.content_hash(article.text)
        shingles = features.shingle_hashes(article.text)
        has_text = len(shingles) > 0
        signature = self._text.signature(shingles) if has_text else np.zeros(NUM_PERM, dtype=np.uint32)

        strings = [
            (_TAG_CONTENT, str(content) if content is not None else None),
            (_TAG_URL, url),
            (_TAG_TITLE, title),
            (_TAG_NAMED_URL, url),  # did an earlier article name this one as its original?
            (_TAG_NAMED_TITLE, title),
            (_TAG_URL, named_url),  # is the original this one names already here?
            (_TAG_TITLE, named_title),
        ]
        string_keys = np.array([_string_key(t, v) if v else 0 for t, v in strings], dtype=np.uint64)
        band_keys = self._text.band_keys(signature) if has_text else np.empty(0, dtype=np.uint64)
        keys = np.concatenate([string_keys, band_keys])
        known = self._keys.lookup(keys)
        known[: len(strings)][string_keys == 0] = -2  # nothing to look up, nothing to add

        numbers_found = features.numbers(article.text)
        numbers = features.number_sketch(numbers_found)
        found = self._first_link(article, known, len(strings), signature, numbers, site)
        candidates: tuple[Link, ...] = ()
        anchor_row = -1
        anchor_set = features.anchors(article.text, numbers_found)
        if len(anchor_set) >= MIN_ANCHORS:
            anchor_signature = self._anchor.signature_of_strings(sorted(anchor_set))
            anchor_keys = self._anchor.band_keys(anchor_signature) ^ np.uint64(0x9E3779B97F4A7C15)
            anchor_known = self._keys.lookup(anchor_keys)
            if found is None or found.kind != "translation":
                candidates = self._candidates(article, anchor_known, anchor_signature, found)
            anchor_row = self._anchor_signatures.append(anchor_signature)
            self._keys.add(anchor_keys, index, anchor_known)

        self._remember(article, index, signature, has_text, anchor_row)
        self._numbers.append(numbers)
        # what this article adds: its content, URL and title, the original it names, its bands
        add = known.copy()
        add[3:7] = -2  # lookups only: what this article names is added under the "named" tags below
        self._keys.add(keys, index, add)
        named = np.array([_string_key(_TAG_NAMED_URL, named_url) if named_url else 0, 0], dtype=np.uint64)
        named[1] = _string_key(_TAG_NAMED_TITLE, named_title) if named_title else 0
        named = named[named != 0]
        if len(named):
            self._keys.add(named, index, self._keys.lookup(named))
        return self._place(article, index, found, candidates)

    def _first_link(
        self,
        article: _Item,
        known: np.ndarray,
        n_strings: int,
        signature: np.ndarray,
        numbers: np.ndarray,
        site: str | None,
    ) -> _Found | None:
        if known[0] >= 0:
            return _Found("exact", int(known[0]), 1.0, ("content hash",))
        for position, evidence in (
            (5, "first_published.url"),
            (6, "first_published.title"),
            (3, "named as first_published.url"),
            (4, "named as first_published.title"),
        ):
            if known[position] >= 0:
                return _Found("syndicated", int(known[position]), None, (evidence,))
        bands = known[n_strings:]
        candidates = np.unique(bands[bands >= 0])
        if len(candidates):
            texts = candidates[self._has_text_at(candidates)]
            if len(texts):
                similarity = (self._signatures[texts] == signature).mean(axis=1)
                for best in np.argsort(-similarity, kind="stable").tolist():  # ties: the earliest candidate
                    if similarity[best] < self.near_threshold:
                        break
                    target = int(texts[best])
                    agreement, count = features.sketch_similarity(numbers, self._numbers[target])
                    if count >= MIN_NUMBERS and agreement < self.number_agreement:
                        continue  # same wording, other figures: a template series, not a copy
                    kind = "near"
                    matched: tuple[str, ...] = ("5-word shingles (MinHash)", f"numbers {agreement:.2f}")
                    host = self._hosts[int(self._host[target])]
                    if site and host and features.site_matches(site, "https://" + host, None):
                        kind, matched = "syndicated", (*matched, f"first published at {site}")
                    return _Found(kind, target, round(float(similarity[best]), 4), matched)
        if article.english is not None and article.language not in (None, "en"):
            return self._translation(article.english)
        return None

    def _translation(self, english: str) -> _Found | None:
        shingles = features.shingle_hashes(english)
        if not len(shingles):
            return None
        signature = self._text.signature(shingles)
        known = self._keys.lookup(self._text.band_keys(signature))
        candidates = np.unique(known[known >= 0])
        english_code = self._codes.get("en")
        if not len(candidates) or english_code is None:
            return None
        candidates = candidates[np.array([self._language[int(c)] == english_code for c in candidates])]
        if not len(candidates):
            return None
        similarity = (self._signatures[candidates] == signature).mean(axis=1)
        best = int(np.argmax(similarity))
        if similarity[best] < self.translation_threshold:
            return None
        return _Found("translation", int(candidates[best]), round(float(similarity[best]), 4), ("English translation",))

    def _candidates(
        self, article: _Item, known: np.ndarray, signature: np.ndarray, found: _Found | None
    ) -> tuple[Link, ...]:
        language = self._codes.get(article.language, -1)
        rows = []
        for candidate in np.unique(known[known >= 0]).tolist():
            if (found is not None and candidate == found.target) or self._language[candidate] in (language, 0):
                continue  # same language: shingles decide, not anchors; unknown language: cannot tell
            row = int(self._anchor_row[candidate])
            if row >= 0:
                rows.append((candidate, float((self._anchor_signatures[row] == signature).mean())))
        rows.sort(key=lambda item: (-item[1], item[0]))
        return tuple(
            Link("translation", self._ids[c], round(s, 4), ("numbers, names and quotes",), candidate=True)
            for c, s in rows[:MAX_CANDIDATES]
            if s >= CANDIDATE_SIMILARITY
        )

    # -- bookkeeping -------------------------------------------------------------------

    def _code(self, value: str | None) -> int:
        return self._codes.setdefault(value, len(self._codes))

    def _has_text_at(self, indices: np.ndarray) -> np.ndarray:
        return np.array([bool(self._has_text[int(i)]) for i in indices], dtype=bool)

    def _remember(self, article: _Item, index: int, signature: np.ndarray, has_text: bool, anchor_row: int) -> None:
        self._ids.append(article.id)
        self._signatures.append(signature)
        self._has_text.append(has_text)
        self._anchor_row.append(anchor_row)
        self._when.append(features.sort_time(article.published))
        self._language.append(self._code(article.language))
        host = features.host_of(article.url)
        if host not in self._host_codes:
            self._host_codes[host] = len(self._hosts)
            self._hosts.append(host)
        self._host.append(self._host_codes[host])
        self._story.append(index)
        self._earliest.append(index)

    def _before(self, a: int, b: int) -> bool:
        return (self._when[a], self._ids[a]) < (self._when[b], self._ids[b])

    def _place(
        self, article: _Item, index: int, found: _Found | None, candidates: tuple[Link, ...]
    ) -> tuple[str, str | None, Link | None, tuple[Link, ...]]:
        if found is None:
            return article.id, None, None, candidates
        story = int(self._story[found.target])
        self._story[index] = story
        earliest = int(self._earliest[story])
        duplicate_of = None
        if self._before(earliest, index):
            if found.kind != "translation":
                duplicate_of = self._ids[earliest]
        else:
            self._earliest[story] = index
        link = Link(found.kind, self._ids[found.target], found.similarity, found.matched)
        return self._ids[story], duplicate_of, link, candidates


def link_stories(articles: Iterable[Any], **options: Any) -> Iterator[Any]:
    """Link every copy and version of a story, streaming: one result out per input, in order.

    ``articles``: :class:`~newsingest.Article` objects, ``Article.to_dict()``
    records (what ``ingest_many(as_dicts=True)`` and the CLI's JSONL give), or
    anything else (error records, ``IngestError``), which passes through
    untouched. Articles come out with ``story``, ``duplicate_of``, ``link`` and
    ``link_candidates`` set; dict records come out as dicts with those keys.
    ``options`` go to :class:`StoryLinker` (``near_threshold``,
    ``translation_threshold``, ``number_agreement``). See
    :mod:`newsingest.linking.linker` for the rule.
    """
    return StoryLinker(**options).link_all(articles)
