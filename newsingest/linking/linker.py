"""The story linker: one pass over a stream of articles, signatures kept, texts dropped.

The rule, in the order the checks run, for each article as it arrives:

1. **exact**: its clean text (whitespace collapsed) has the SHA-256 of an earlier article's;
2. **syndicated**: it names its original (Tribun's ``first_published`` footer: URL, else
   title) and that original came earlier, or an earlier article named *it* as its original;
3. **near**: MinHash LSH finds an earlier article whose estimated 5-word-shingle Jaccard
   similarity is at least ``near_threshold`` and whose numbers agree (when both texts hold
   at least two, the other repeats at least ``number_agreement`` of the numbers of the
   one with fewer: a template series shares its wording, not its figures); ``syndicated`` instead when the article names the other's
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

from newsingest.linking import features
from newsingest.linking.index import Column, KeyIndex, Rows
from newsingest.model import Article, Date, Link, parse_date

#: MinHash permutations per signature, and the LSH banding of them.
NUM_PERM = 128
BANDS, ROWS = 32, 4
#: Permutations and bands of the anchor signature (numbers, names, quotes).
ANCHOR_PERM = 32
ANCHOR_BANDS, ANCHOR_ROWS = 16, 2
#: Fewest anchors an article needs before it proposes translation candidates.
MIN_ANCHORS = 6
#: Two texts that each hold at least this many numbers are near copies only when the other repeats this
#: share of the numbers of the one with fewer (on the corpora: copies 75% or more, template series 50% or less).
MIN_NUMBERS, NUMBER_AGREEMENT = 2, 0.6
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


class Fingerprint(NamedTuple):
    """What linking keeps and compares of one article: hashes and signatures, never text.

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
    signature: np.ndarray | None  # uint32 MinHash of its 5-word shingles; None for an empty text
    numbers: np.ndarray  # uint32 bottom-k sketch of its numbers
    anchor_signature: np.ndarray | None  # uint32 MinHash of its anchors (six or more), else None
    anchor_keys: np.ndarray | None
    english_signature: np.ndarray | None  # MinHash of its English translation, if it has one


_TEXT = _Hasher(NUM_PERM, BANDS, ROWS, _SEED)
_ANCHOR = _Hasher(ANCHOR_PERM, ANCHOR_BANDS, ANCHOR_ROWS, _SEED + 1)
_N_STRINGS = 7
_NO_SIGNATURE = np.zeros(NUM_PERM, dtype=np.uint32)
_ANCHOR_SALT = np.uint64(0x9E3779B97F4A7C15)


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


def fingerprint(article: Article | Mapping[str, Any]) -> Fingerprint:
    """The :class:`Fingerprint` of an :class:`~newsingest.Article` or of its ``to_dict()`` record."""
    metadata: Mapping[str, Any]
    if isinstance(article, Article):
        id_, text, url, title = article.id, article.text, article.url, article.title
        metadata, published, language = article.metadata, article.published, article.language
        english = _english(article.translation)
    else:
        id_, text, url, title = article["id"], article.get("text") or "", article.get("url"), article.get("title")
        metadata, published = article.get("metadata") or {}, _published(article.get("published"))
        language, english = article.get("language"), _english(article.get("translation"))
    site, named_title, named_url = features.syndication_of(metadata)
    url_key, title_key = features.url_key(url), features.title_key(title)
    named_url, named_title = features.url_key(named_url), features.title_key(named_title)
    content = features.content_hash(text)
    strings = [
        (_TAG_CONTENT, str(content) if content is not None else None),
        (_TAG_URL, url_key),
        (_TAG_TITLE, title_key),
        (_TAG_NAMED_URL, url_key),  # did an earlier article name this one as its original?
        (_TAG_NAMED_TITLE, title_key),
        (_TAG_URL, named_url),  # is the original this one names already here?
        (_TAG_TITLE, named_title),
    ]
    string_keys = np.array([_string_key(t, v) if v else 0 for t, v in strings], dtype=np.uint64)
    shingles = features.shingle_hashes(text)
    signature = _TEXT.signature(shingles) if len(shingles) else None
    bands = _TEXT.band_keys(signature) if signature is not None else np.empty(0, dtype=np.uint64)
    named = [
        _string_key(tag, value)
        for tag, value in ((_TAG_NAMED_URL, named_url), (_TAG_NAMED_TITLE, named_title))
        if value
    ]
    numbers_found = features.numbers(text)
    anchor_set = features.anchors(text, numbers_found)
    anchor_signature = anchor_keys = None
    if len(anchor_set) >= MIN_ANCHORS:
        anchor_signature = _ANCHOR.signature_of_strings(sorted(anchor_set))
        anchor_keys = _ANCHOR.band_keys(anchor_signature) ^ _ANCHOR_SALT
    english_shingles = features.shingle_hashes(english) if english else None
    return Fingerprint(
        id=id_,
        published=published,
        language=language,
        host=url_key.split("/", 1)[0] if url_key else None,  # features.host_of(url), without parsing it again
        site=site,
        keys=np.concatenate([string_keys, bands]),
        named=np.array(named, dtype=np.uint64),
        signature=signature,
        numbers=features.number_sketch(numbers_found),
        anchor_signature=anchor_signature,
        anchor_keys=anchor_keys,
        english_signature=_TEXT.signature(english_shingles)
        if english_shingles is not None and len(english_shingles)
        else None,
    )


def fingerprints(items: Iterable[Any]) -> list[Any]:
    """``(item, fingerprint)`` for each article or article record, other items as they are.

    The map side of linking a Dask bag: ``bag.map_partitions(fingerprints)``, then
    :meth:`StoryLinker.link_all` over the partitions in order (see ``docs/linking.md``).
    """
    return [
        (item, fingerprint(item)) if isinstance(item, Article) or _is_article_record(item) else item for item in items
    ]


@attrs.frozen
class _Found:
    kind: str
    target: int
    similarity: float | None
    matched: tuple[str, ...]


class StoryLinker:
    """Links articles to the stories of articles seen before them (see the module docstring).

    Call :meth:`link` for each article in order, or iterate :func:`link_stories`.
    Memory per article seen: its signatures (512 + 128 bytes), its numbers (64
    bytes), about 45 index keys (12 bytes each) and its id; 1.65 kB measured at
    100,000 articles (``benchmarks/bench_linking.py``), no text.
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
            fp = None
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Fingerprint):
                item, fp = item  # (article or record, its fingerprint): see fingerprints()
            if isinstance(item, Article):
                yield self.link(item, fp)
            elif _is_article_record(item):
                yield self.link_record(item, fp)
            else:
                yield item

    # -- the per-article step ---------------------------------------------------------

    def link(self, article: Article, fp: Fingerprint | None = None) -> Article:
        """The article with ``story``, ``duplicate_of``, ``link`` and ``link_candidates`` filled.

        ``fp``: the article's :func:`fingerprint`, when it was computed elsewhere
        (where the article was made: a worker, a Dask partition); else it is computed here.
        """
        story, duplicate_of, link, candidates = self._link(fp or fingerprint(article))
        return attrs.evolve(article, story=story, duplicate_of=duplicate_of, link=link, link_candidates=candidates)

    def link_record(self, record: dict[str, Any], fp: Fingerprint | None = None) -> dict[str, Any]:
        """An ``Article.to_dict()`` record with the linking keys added (a new dict; no Article is built)."""
        story, duplicate_of, link, candidates = self._link(fp or fingerprint(record))
        return {
            **record,
            "story": story,
            "duplicate_of": duplicate_of,
            "link": link.to_dict() if link else None,
            "link_candidates": [c.to_dict() for c in candidates],
        }

    def _link(self, fp: Fingerprint) -> tuple[str, str | None, Link | None, tuple[Link, ...]]:
        index = len(self._ids)
        keys = fp.keys
        known = self._keys.lookup(keys)
        known[:_N_STRINGS][keys[:_N_STRINGS] == 0] = -2  # nothing to look up, nothing to add
        found = self._first_link(fp, known)
        candidates: tuple[Link, ...] = ()
        anchor_row = -1
        if fp.anchor_signature is not None and fp.anchor_keys is not None:
            anchor_known = self._keys.lookup(fp.anchor_keys)
            if found is None or found.kind != "translation":
                candidates = self._candidates(fp, anchor_known, found)
            anchor_row = self._anchor_signatures.append(fp.anchor_signature)
            self._keys.add(fp.anchor_keys, index, anchor_known)

        self._remember(fp, index, anchor_row)
        # what this article adds: its content, URL and title, the original it names, its bands
        add = known.copy()
        add[3:7] = -2  # lookups only: what this article names is added under the "named" tags below
        self._keys.add(keys, index, add)
        if len(fp.named):
            self._keys.add(fp.named, index, self._keys.lookup(fp.named))
        return self._place(fp, index, found, candidates)

    def _first_link(self, fp: Fingerprint, known: np.ndarray) -> _Found | None:
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
        bands = known[_N_STRINGS:]
        hits = bands[bands >= 0]
        if len(hits) and fp.signature is not None:
            candidates = np.array(sorted(set(hits.tolist())), dtype=np.int64)  # small: faster than np.unique
            texts = candidates[self._has_text_at(candidates)]
            if len(texts):
                similarity = (self._signatures[texts] == fp.signature).mean(axis=1)
                for best in np.argsort(-similarity, kind="stable").tolist():  # ties: the earliest candidate
                    if similarity[best] < self.near_threshold:
                        break
                    target = int(texts[best])
                    agreement, count = features.number_agreement(fp.numbers, self._numbers[target])
                    if count >= MIN_NUMBERS and agreement < self.number_agreement:
                        continue  # same wording, other figures: a template series, not a copy
                    kind = "near"
                    matched: tuple[str, ...] = ("5-word shingles (MinHash)", f"numbers {agreement:.2f}")
                    host = self._hosts[int(self._host[target])]
                    if fp.site and host and features.site_matches(fp.site, "https://" + host, None):
                        kind, matched = "syndicated", (*matched, f"first published at {fp.site}")
                    return _Found(kind, target, round(float(similarity[best]), 4), matched)
        if fp.english_signature is not None and fp.language not in (None, "en"):
            return self._translation(fp.english_signature)
        return None

    def _translation(self, signature: np.ndarray) -> _Found | None:
        known = self._keys.lookup(_TEXT.band_keys(signature))
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

    def _candidates(self, fp: Fingerprint, known: np.ndarray, found: _Found | None) -> tuple[Link, ...]:
        language = self._codes.get(fp.language, -1)
        signature = fp.anchor_signature
        rows = []
        for candidate in sorted(set(known[known >= 0].tolist())):
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

    def _remember(self, fp: Fingerprint, index: int, anchor_row: int) -> None:
        self._ids.append(fp.id)
        self._signatures.append(fp.signature if fp.signature is not None else _NO_SIGNATURE)
        self._has_text.append(fp.signature is not None)
        self._numbers.append(fp.numbers)
        self._anchor_row.append(anchor_row)
        self._when.append(features.sort_time(fp.published))
        self._language.append(self._code(fp.language))
        if fp.host not in self._host_codes:
            self._host_codes[fp.host] = len(self._hosts)
            self._hosts.append(fp.host)
        self._host.append(self._host_codes[fp.host])
        self._story.append(index)
        self._earliest.append(index)

    def _before(self, a: int, b: int) -> bool:
        return (self._when[a], self._ids[a]) < (self._when[b], self._ids[b])

    def _place(
        self, article: Fingerprint, index: int, found: _Found | None, candidates: tuple[Link, ...]
    ) -> tuple[str, str | None, Link | None, tuple[Link, ...]]:
        if found is None:
            return article.id, None, None, candidates
        story = int(self._story[found.target])
        self._story[index] = story
        earliest = int(self._earliest[story])
        duplicate_of = None
        if found.kind == "translation":
            pass  # a version in another language: it copies nothing, and no copy copies it
        elif self._before(earliest, index):
            duplicate_of = self._ids[earliest]
        else:
            self._earliest[story] = index
        link = Link(found.kind, self._ids[found.target], found.similarity, found.matched)
        return self._ids[story], duplicate_of, link, candidates


def link_stories(articles: Iterable[Any], **options: Any) -> Iterator[Any]:
    """Link every copy and version of a story, streaming: one result out per input, in order.

    ``articles``: :class:`~newsingest.Article` objects, ``Article.to_dict()``
    records (what ``ingest_many(as_dicts=True)`` and the CLI's JSONL give), or
    anything else (error records, :class:`~newsingest.ErrorRecord`), which passes through
    untouched. Articles come out with ``story``, ``duplicate_of``, ``link`` and
    ``link_candidates`` set; dict records come out as dicts with those keys.
    ``options`` go to :class:`StoryLinker` (``near_threshold``,
    ``translation_threshold``, ``number_agreement``). See
    :mod:`newsingest.linking.linker` for the rule.
    """
    return StoryLinker(**options).link_all(articles)
