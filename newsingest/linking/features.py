"""What linking reads from an article: normalised words, shingles, anchors and keys.

Everything here is a pure function of the article, so two runs (or two workers)
always compute the same features. Hashes are CRC-32 and SHA-256, never Python's
``hash()``, which changes from process to process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import unicodedata
import zlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import numpy as np

#: Words per shingle: five words rarely repeat by chance across unrelated news stories.
SHINGLE_WORDS = 5

#: A capitalised word after a lower-case letter or comma and a space. Written to start with the space
#: (found by a fast scan) and look behind only there: five times faster than a leading look-behind.
_NAME = re.compile(r" [A-Z](?<=[a-z,] [A-Z])[a-z]{3,}")
_QUOTED = re.compile(r"[\"“”]([^\"“”\n]{8,200})[\"“”]")


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
#: Odd 64-bit multiplier of the rolling shingle hash.
_ROLL = np.uint64(0x9E3779B97F4A7C15)


#: ASCII bytes: letters lower-cased, digits kept, everything else a space; bytes of other
#: characters (UTF-8, 0x80 and up) kept as they are.
_ASCII_WORDS = bytes((ord(chr(b).lower()) if chr(b).isalnum() else 32) if b < 128 else b for b in range(256))
#: Punctuation outside ASCII that news text is full of, made spaces before the bytes are read.
_UNICODE_PUNCTUATION = "\u201c\u201d\u2018\u2019\u201e\u2013\u2014\u2026\u00ab\u00bb\u2022\u00b7\u00a0\u3000\u060c"


def _word_bytes(text: str) -> bytes:
    """The text as UTF-8 with only word characters and single-byte spaces: lower-cased, accents folded.

    ASCII goes through one ``bytes.translate``. So does a text whose only characters
    outside ASCII are the common punctuation of ``_UNICODE_PUNCTUATION`` (curly quotes,
    dashes, ellipsis, no-break space...), once they are made spaces: folding makes
    them spaces or dots, so the words are the same. Any other text is case-folded,
    accent-folded (NFKD, combining marks dropped) and has that punctuation made
    spaces. What is left outside ASCII counts as letters.
    """
    if not text.isascii():
        spaced = text
        for mark in _UNICODE_PUNCTUATION:
            if mark in spaced:
                spaced = spaced.replace(mark, " ")
        if spaced.isascii():  # most non-ASCII news text is only quotes and dashes: no folding needed
            return spaced.encode("ascii").translate(_ASCII_WORDS)
        text = text.casefold()
        if not unicodedata.is_normalized("NFKD", text):
            text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
        for mark in _UNICODE_PUNCTUATION:
            if mark in text:
                text = text.replace(mark, " ")
    return text.encode("utf-8").translate(_ASCII_WORDS)


def words(text: str) -> list[str]:
    """Case-folded, accent-folded words: the unit shingles are made of."""
    return _word_bytes(text).decode("utf-8").split()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``size``-word shingles as strings (a text shorter than that is one shingle).

    The exact form, for measuring; linking uses :func:`shingle_hashes`.
    """
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


_P = np.uint64(0x100000001B3)  # FNV-1a's 64-bit prime: odd, so it has an inverse modulo 2**64
_P_INVERSE = np.uint64(pow(0x100000001B3, -1, 2**64))
_powers = np.ones(1, dtype=np.uint64)
_inverse_powers = np.ones(1, dtype=np.uint64)


def _power_tables(length: int) -> tuple[np.ndarray, np.ndarray]:
    """``P**i`` and ``P**-i`` modulo 2**64 for ``i < length`` (grown on demand, kept)."""
    global _powers, _inverse_powers
    if len(_powers) < length:
        size = max(length, 2 * len(_powers))
        with np.errstate(over="ignore"):
            _powers = np.cumprod(np.concatenate([[np.uint64(1)], np.full(size - 1, _P)]), dtype=np.uint64)
            _inverse_powers = np.cumprod(
                np.concatenate([[np.uint64(1)], np.full(size - 1, _P_INVERSE)]), dtype=np.uint64
            )
    return _powers[:length], _inverse_powers[:length]


def word_hashes(text: str) -> np.ndarray:
    """A 64-bit hash of every word of :func:`words` (same words, same order), computed with numpy.

    Each word's hash is its bytes as a polynomial in ``P`` modulo 2**64, read
    off one running sum (so no Python loop runs per word); a word's hash depends on
    its bytes only, not on where it stands.
    """
    return _word_hashes_of(b" " + _word_bytes(text) + b" ")[0]


def _word_hashes_of(padded: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the words of space-padded word bytes (see :func:`word_hashes`), and where each word starts."""
    data = np.frombuffer(padded, dtype=np.uint8)
    space = data == 32
    edges = np.flatnonzero(space[1:] != space[:-1]) + 1  # alternating word starts and ends
    if len(edges) < 2:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.intp)
    starts = edges[0::2]  # the padding makes edges pairs: a word's start (never 0), then its end
    powers, inverse = _power_tables(len(data))
    # array arithmetic on uint64 wraps modulo 2**64 silently, as wanted here
    prefix = np.multiply(data, powers, dtype=np.uint64).cumsum()
    # a word's sum is a difference of running sums (a third faster than np.add.reduceat over the edges)
    return (prefix[edges[1::2] - 1] - prefix[starts - 1]) * inverse[starts], starts


def _rolled_shingles(text: str, size: int) -> np.ndarray:
    """A 64-bit rolling hash of every ``size``-word window of the text's words (unmixed, repeats kept)."""
    return _roll(word_hashes(text), size)


def _roll(hashes: np.ndarray, size: int) -> np.ndarray:
    if not len(hashes):
        return hashes
    width = min(size, len(hashes))
    count = len(hashes) - width + 1
    rolled = hashes[:count].copy()
    for k in range(1, width):
        rolled *= _ROLL
        rolled += hashes[k : k + count]
    return rolled


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """32-bit hashes of the text's ``size``-word shingles (``uint32``, in text order, repeats kept).

    Shingles are rolled from :func:`word_hashes` with numpy, instead of building
    and hashing every shingle string. Used to compare with datasketch's MinHash
    (benchmark, tests); the text sketch uses the 64-bit :func:`shingle_hashes64`.
    """
    rolled = _rolled_shingles(text, size)
    rolled ^= rolled >> np.uint64(29)
    rolled *= _ROLL
    return (rolled >> np.uint64(32)).astype(np.uint32)


_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def _mix(rolled: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser, in place: every output bit depends on every input bit."""
    rolled ^= rolled >> np.uint64(30)
    rolled *= _MIX1
    rolled ^= rolled >> np.uint64(27)
    rolled *= _MIX2
    rolled ^= rolled >> np.uint64(31)
    return rolled


def shingle_hashes64(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """64-bit hashes of the text's ``size``-word shingles (``uint64``, in text order, repeats kept).

    The rolling hash of the words through SplitMix64's finaliser, so every bit is
    mixed: the sketch reads its bin from the top bits and its value from the low ones.
    """
    return _mix(_rolled_shingles(text, size))


def shingle_hashes64_of(texts: list[str], size: int = SHINGLE_WORDS) -> tuple[np.ndarray, np.ndarray]:
    """:func:`shingle_hashes64` of many texts at once: all their hashes, and the index of the text of each.

    The texts' words are hashed in one pass over their bytes joined by spaces (a
    word's hash does not depend on where it stands) and rolled once; windows that
    cross from one text into the next are dropped. Per text, the hashes are
    exactly :func:`shingle_hashes64`'s, in the same order.
    """
    if len(texts) == 1:  # fewer numpy steps for one (the same hashes)
        one = shingle_hashes64(texts[0], size)
        return one, np.zeros(len(one), dtype=np.intp)
    pieces = [_word_bytes(text) for text in texts]
    # a group's bytes are hashed at once with power tables as long as the group: groups of about
    # GROUP_BYTES keep those tables small whatever the texts' length
    groups: list[list[int]] = []
    group: list[int] = []
    group_bytes = 0
    for index, piece in enumerate(pieces):
        if group and group_bytes + len(piece) > GROUP_BYTES:
            groups.append(group)
            group, group_bytes = [], 0
        group.append(index)
        group_bytes += len(piece) + 1
    groups.append(group)
    if len(groups) == 1:
        return _shingles_of_pieces(pieces, size)
    parts = [_shingles_of_pieces([pieces[i] for i in group], size) for group in groups]
    return (
        np.concatenate([hashes for hashes, _ in parts]),
        np.concatenate([owner + group[0] for (_, owner), group in zip(parts, groups, strict=True)]),
    )


#: Bytes of word text hashed in one pass by :func:`shingle_hashes64_of` (a longer text is one pass alone).
GROUP_BYTES = 1 << 20


def _shingles_of_pieces(pieces: list[bytes], size: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`shingle_hashes64_of` of texts already turned into word bytes."""
    hashes, starts = _word_hashes_of(b" " + b" ".join(pieces) + b" ")
    ends = np.cumsum([len(piece) + 1 for piece in pieces])  # text i's bytes end before ends[i] (padding: +1)
    counts = np.diff(np.searchsorted(starts, ends), prepend=0)  # words starting before each text's end, each text's
    owner = np.repeat(np.arange(len(pieces)), counts)  # the text each word is in
    rolled = _roll(hashes, size)
    if len(hashes) >= size:
        inside = owner[: len(rolled)] == owner[size - 1 :]  # the window's first and last word in one text
        rolled, shingle_owner = rolled[inside], owner[: len(inside)][inside]
    else:
        rolled, shingle_owner = rolled[:0], owner[:0]
    short = np.flatnonzero((counts > 0) & (counts < size))  # a text of fewer words is one shingle of them all
    if len(short):
        first_word = np.concatenate([[0], np.cumsum(counts)[:-1]])
        extra = [_roll(hashes[first_word[i] : first_word[i] + counts[i]], size) for i in short.tolist()]
        rolled = np.concatenate([rolled, *extra])
        shingle_owner = np.concatenate([shingle_owner, short])
        order = np.argsort(shingle_owner, kind="stable")
        rolled, shingle_owner = rolled[order], shingle_owner[order]
    return _mix(rolled), shingle_owner


#: ASCII characters that ``str.split()`` splits on (tab, line breaks, form feed, the four separators, space).
_ASCII_SPACES = bytes(b for b in range(128) if chr(b).isspace())
#: The characters outside ASCII that ``str.split()`` splits on (``tests/test_linking.py`` checks the list).
UNICODE_SPACES = (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def unspaced_bytes(text: str) -> bytes:
    """``"".join(text.split())`` in UTF-8: the text without any character ``str.split`` splits on.

    One ``bytes.translate`` that deletes the ASCII ones (plus a scan for each of the
    others in a text that is not ASCII), without making a string of every word.
    """
    if not text.isascii():
        for space in UNICODE_SPACES:  # rare: a scan each, and a replace when there
            if space in text:
                text = text.replace(space, "")
    return text.encode("utf-8").translate(None, _ASCII_SPACES)


def content_hashes(texts: list[str]) -> list[int | None]:
    """:func:`content_hash` of each text."""
    sha256 = hashlib.sha256
    hashes: list[int | None] = []
    for text in texts:
        unspaced = unspaced_bytes(text)
        hashes.append(int.from_bytes(sha256(unspaced).digest()[:8], "big") if unspaced else None)
    return hashes


def content_hash(text: str) -> int | None:
    """64 bits of SHA-256 over the clean text without its whitespace; ``None`` when it has none but whitespace.

    Two articles with the same hash are exact copies, whatever their title, URL or
    date, and however their lines and spaces were laid out (a scraper that glued two
    lines or broke one makes no difference). The bytes hashed are
    ``"".join(text.split())`` in UTF-8 (:func:`unspaced_bytes`): deleting the
    whitespace is one pass, where collapsing it to single spaces took four times as long.
    """
    return content_hashes([text])[0]


#: Characters of the text anchors are read from: the lead holds a story's names and figures.
ANCHOR_CHARS = 2000


def anchors(text: str, numbers: Iterable[str] = ()) -> set[str]:
    """What survives translation: numbers (two digits or more), names, quoted passages.

    ``numbers`` are the text's :func:`numbers`, reduced to their digits (``1.250`` and ``1,250`` are the same
    figure in Indonesian and English); names are capitalised words inside a sentence,
    case-folded like quotes, read from the first :data:`ANCHOR_CHARS` characters (the
    lead) so the cost stays bounded. A translation keeps most of them; two unrelated
    stories share few. Each anchor is its mark (``#``, ``@``, ``"``) and its text.
    """
    names, quotes = _names_and_quotes(text)
    found = {"#" + n for n in numbers if len(n) >= 2}
    found.update(["@" + name.decode("ascii") for name in names])
    found.update(['"' + quote for quote in quotes])
    return found


def _names_and_quotes(text: str) -> tuple[set[bytes], set[str]]:
    """The names (ASCII, lower-cased) and the quotes (case-folded, six words at most) of :func:`anchors`."""
    lead = text[:ANCHOR_CHARS]
    # names are ASCII letters, so one lower() of them all case-folds each (four letters or more)
    names = set("".join(_NAME.findall(lead)).lower().encode("ascii").split())
    quotes = {" ".join(q.casefold().split(None, 6)[:6]) for q in quoted(lead)}
    return names, {quote for quote in quotes if len(quote) >= 2}


_NUMBER_MARK, _NAME_MARK, _QUOTE_MARK = (zlib.crc32(mark) for mark in (b"#", b"@", b'"'))


def anchor_hashes(text: str, numbers: Iterable[bytes] = ()) -> tuple[int, list[int]]:
    """How many :func:`anchors` the text has, and the CRC-32 of each (UTF-8), without making the strings.

    ``numbers``: the text's :func:`number_bytes`. The CRC-32 of an anchor, its
    mark and its text, is the CRC-32 of the text continued from the mark's
    (``zlib.crc32(text, crc32(mark))``), so no anchor is built, and only the
    quotes (a few a text) are encoded. Equal to hashing :func:`anchors`
    (``tests/test_linking.py``).
    """
    crc32 = zlib.crc32
    names, quotes = _names_and_quotes(text)
    hashes = [crc32(n, _NUMBER_MARK) for n in numbers if len(n) >= 2]
    hashes += [crc32(name, _NAME_MARK) for name in names]
    hashes += [crc32(quote.encode("utf-8"), _QUOTE_MARK) for quote in quotes]
    return len(hashes), hashes


_QUOTE_MARKS = ('"', "\u201c", "\u201d")


def quoted(text: str) -> list[str]:
    """What ``_QUOTED.findall(text)`` finds (8 to 200 characters between quote marks, no line break), faster.

    The pattern's scan tries every character; here the quote marks are found
    with ``str.find`` (most leads hold a few) and paired the way the pattern
    pairs them: a mark opens, the next closes when the passage between fits,
    and the search goes on after the closing mark, else from the next mark.
    """
    marks: list[int] = []
    for mark in _QUOTE_MARKS:
        at = text.find(mark)
        while at >= 0:
            marks.append(at)
            at = text.find(mark, at + 1)
    if len(marks) < 2:
        return []
    marks.sort()
    found = []
    i = 0
    while i < len(marks) - 1:
        start, end = marks[i] + 1, marks[i + 1]
        if 8 <= end - start <= 200 and "\n" not in text[start:end]:
            found.append(text[start:end])
            i += 2
        else:
            i += 1
    return found


#: Bytes of a number (digits, and the dots and commas that group them); everything else a space.
_NUMBER_BYTES = bytes(b if (48 <= b <= 57 or b in (44, 46)) else 32 for b in range(256))
#: Hashes kept of an article's numbers (a bottom-k sketch: exact for up to this many numbers).
NUMBER_SKETCH = 16
_EMPTY = np.uint32(0xFFFFFFFF)


def numbers(text: str) -> set[str]:
    """The text's numbers, digits only (``1.250`` and ``1,250`` are one figure); ASCII digits.

    A run of digits, dots and commas that holds a digit is one number, its
    digits: what the regular expression ``\\d[\\d.,]*\\d|\\d`` finds on ASCII
    digits, read with one ``bytes.translate`` and ``split`` (a few times faster
    than the pattern).
    """
    return {number.decode("ascii") for number in number_bytes(text)}


def number_bytes(text: str) -> set[bytes]:
    """:func:`numbers` as ASCII bytes: what hashing them needs, without decoding and encoding each."""
    # runs of digits, dots and commas, with the dots and commas dropped: a run of only those vanishes
    return set(text.encode("utf-8").translate(_NUMBER_BYTES, b".,").split())


def number_sketch(numbers: Iterable[str]) -> np.ndarray:
    """The ``NUMBER_SKETCH`` smallest CRC-32s of the text's numbers (digits only), padded with ``0xFFFFFFFF``.

    Copies of one story repeat its figures (dates, ages, amounts, scores); a
    template series (puzzle answers by level, horoscopes by day, price
    catalogues) shares its wording and differs in exactly these.
    """
    return sketched_numbers(numbers)[0]


def sketched_numbers(numbers: Iterable[str] | Iterable[bytes]) -> tuple[np.ndarray, tuple[str, ...]]:
    """:func:`number_sketch` and the numbers it holds, in its order (smallest hash first).

    ``numbers``: strings (:func:`numbers`) or ASCII bytes (:func:`number_bytes`): the same sketch.
    """
    sketches, figures = number_sketches([[n if isinstance(n, bytes) else n.encode() for n in numbers]])
    return sketches[0], figures[0]


_NO_NUMBERS = [int(_EMPTY)] * NUMBER_SKETCH


def number_sketches(texts_numbers: Sequence[Collection[bytes]]) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """:func:`sketched_numbers` of many texts' :func:`number_bytes` at once: one ``uint32`` row each."""
    rows = []
    figures = []
    crc32 = zlib.crc32
    for numbers in texts_numbers:
        ranked = sorted(zip(map(crc32, numbers), numbers, strict=True))[:NUMBER_SKETCH]
        rows.append([h for h, _ in ranked] + _NO_NUMBERS[len(ranked) :])
        figures.append(tuple([n.decode() for _, n in ranked]))
    return np.array(rows, dtype=np.uint32).reshape(len(rows), NUMBER_SKETCH), figures


def figures_not_in(figures: tuple[str, ...], ours: np.ndarray, theirs: np.ndarray) -> list[str]:
    """Of the ``figures`` held in sketch ``ours``, those the text of sketch ``theirs`` surely lacks.

    A figure is surely missing when its hash is not in ``theirs`` and ``theirs``
    holds every number of its text, or the figure's hash is below the largest
    hash ``theirs`` kept (a bottom-k sketch keeps every hash below that).
    """
    kept = theirs[theirs != _EMPTY].tolist()
    limit = int(_EMPTY) if len(kept) < NUMBER_SKETCH else kept[-1]
    held = set(kept)
    return [f for f, h in zip(figures, ours.tolist(), strict=False) if h <= limit and h not in held]


def number_agreement(a: np.ndarray, b: np.ndarray) -> tuple[float, int]:
    """The share of the numbers of the text with fewer of them that the other repeats, and that count.

    Measured on two number sketches. A copy that adds or drops paragraphs adds or
    drops figures but repeats the ones the shorter version has (its containment is
    high even when the Jaccard similarity of the two sets is low: a rewrite that
    spells ``Rabu (4/6)`` as ``Rabu 4 Juni 2025`` and adds a paragraph of figures);
    a template series replaces them. Exact while both texts hold fewer than
    :data:`NUMBER_SKETCH` numbers; beyond that, estimated on the sketch of the
    union (its :data:`NUMBER_SKETCH` smallest hashes, a uniform sample): of the
    sampled numbers each text holds, the share the other holds too, the larger
    of the two.
    """
    empty = int(_EMPTY)
    ours = [h for h in a.tolist() if h != empty]  # sixteen numbers at most: plain Python beats numpy's set steps
    theirs = [h for h in b.tolist() if h != empty]
    if not ours or not theirs:
        return 1.0, 0
    fewer = min(len(ours), len(theirs))
    in_ours, in_theirs = set(ours), set(theirs)
    if len(ours) < NUMBER_SKETCH and len(theirs) < NUMBER_SKETCH:  # both sketches hold every number: exact
        return len(in_ours & in_theirs) / fewer, fewer
    union = sorted(in_ours | in_theirs)[:NUMBER_SKETCH]
    both = sum(h in in_ours and h in in_theirs for h in union)
    return max(both / sum(h in in_ours for h in union), both / sum(h in in_theirs for h in union)), fewer


def url_key(url: object) -> str | None:
    """A URL without scheme, ``www.``, query, fragment or trailing slash, lower-cased host.

    What ``urlsplit`` reads of it; a plain ``http(s)://`` URL of printable ASCII
    (most of them) is cut with three ``str.find`` instead, a few times faster
    (``tests/test_linking.py`` checks the two agree).
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if url.startswith(("https://", "http://")) and url.isascii() and url.isprintable():
        rest = url[url.index("//") + 2 :]
        path_end = min(_found(rest, "?"), _found(rest, "#"))
        netloc_end = min(_found(rest, "/"), path_end)
        netloc = rest[:netloc_end]
        if "[" not in netloc and "]" not in netloc:  # IPv6 brackets: urlsplit checks them
            host = netloc.lower().removeprefix("www.")
            return host + rest[netloc_end:path_end].rstrip("/") if host else None
    return _split_url_key(url)


def _found(text: str, mark: str) -> int:
    """Where ``mark`` first is in ``text``, else the text's length."""
    at = text.find(mark)
    return at if at >= 0 else len(text)


def _split_url_key(url: str) -> str | None:
    """:func:`url_key` by ``urlsplit``: every URL that is not plain."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    if not host:
        return None
    return host + parts.path.rstrip("/")


def title_key(title: object) -> str | None:
    """A title's words, when it has at least four (shorter titles repeat across stories)."""
    if not title or not isinstance(title, str):
        return None
    tokens = words(title)
    return " ".join(tokens) if len(tokens) >= 4 else None


def host_of(url: object) -> str | None:
    key = url_key(url)
    return key.split("/", 1)[0] if key else None


def sort_time(published: dt.date | None) -> float:
    """Seconds since the epoch for ordering (a date is its midnight UTC; naive is UTC); ``inf`` when unknown."""
    if published is None:
        return math.inf
    if not isinstance(published, dt.datetime):
        published = dt.datetime(published.year, published.month, published.day)
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.timezone.utc)
    return published.timestamp()


def syndication_of(metadata: Mapping[str, Any]) -> tuple[str | None, Any, Any]:
    """``(site, title, url)`` of the original an article says it was first published as.

    Read from what the plugins store: Tribun's ``first_published`` footer
    (``{"site", "title", "url"}``) and the generic ``syndicated_from`` (a site name).
    """
    site = title = url = None
    first = metadata.get("first_published")
    if isinstance(first, Mapping):
        site, title, url = first.get("site"), first.get("title"), first.get("url")
    elif isinstance(first, str):
        site = first
    syndicated = metadata.get("syndicated_from")
    if site is None and isinstance(syndicated, str):
        site = syndicated
    return (site if isinstance(site, str) else None), title, url


def site_matches(site: str | None, url: str | None, outlet: str | None) -> bool:
    """Whether a site name (``Tribunnews.com``, ``Nbcnews.com``) is the host of ``url`` or the outlet."""
    if not site:
        return False
    name = site.casefold().removeprefix("www.").strip()
    host = host_of(url) or ""
    return bool(name) and (
        host == name or host.endswith("." + name) or (outlet is not None and name.split(".")[0] == outlet.casefold())
    )
