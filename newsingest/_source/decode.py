"""Turn whatever the caller gave us (str, bytes, a path) into text.

Decoding order for bytes: a byte-order mark decides; then binary formats are
refused by their magic numbers; then strict UTF-8 (or UTF-8 with a few stray
bytes replaced, when the rest is plainly UTF-8); then a charset an HTML page
declares for itself, unless it is plainly wrong; then charset-normalizer's
guess. Anything we cannot read with confidence is an
:class:`~newsingest.errors.InputError` that says what was seen, never mojibake
passed on as an article.

Guessing: charset-normalizer ranks candidate encodings by "chaos" (how garbled
the decoded text looks). Single-byte code pages often tie on short text
(iso8859-2, iso8859-10 and cp1250 for Polish), so among the candidates about as
clean as the best, the one whose accented letters all belong to one language's
alphabet wins (:func:`alphabet_fit`); when even that leaves two readings that
differ, the input is refused rather than guessed.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import stat
from pathlib import Path

import attrs

from newsingest.errors import InputError

logger = logging.getLogger(__name__)

#: Default largest input accepted, in bytes (10 MB).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

Source = str | bytes | os.PathLike

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image or WAV audio)"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"\x00\x00\x00", "binary data"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.IGNORECASE)


@attrs.frozen
class Decoded:
    """Decoded input text, with the name it came from and the encoding used."""

    text: str
    source: str | None
    encoding: str | None


def read_source(source: Source, *, name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode ``source``: text as is, bytes decoded, a path read first."""
    if isinstance(source, os.PathLike):
        path = Path(source)
        data = _read_path(path, max_bytes)
        text, encoding = decode_bytes(data)
        return Decoded(_check_text(_clean_str(text, _utf8_of(data, encoding)), path), name or str(path), encoding)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        _check_size(len(data), max_bytes, name)
        text, encoding = decode_bytes(data)
        return Decoded(_check_text(_clean_str(text, _utf8_of(data, encoding)), name), name, encoding)
    if isinstance(source, str):
        if len(source) * 4 > max_bytes:  # only count UTF-8 bytes when it could matter
            _check_size(len(source.encode("utf-8", "surrogatepass")), max_bytes, name)
        return Decoded(_check_text(_clean_str(source.lstrip("\ufeff")), name), name, None)
    raise InputError(
        f"cannot ingest an object of type {type(source).__name__}: give str (HTML or text), bytes or a pathlib.Path"
    )


#: Control characters no text format allows (tab, newline and carriage return stay).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Lone surrogates, which a Python str can hold but no encoding can write.
_SURROGATE = re.compile("[\ud800-\udfff]")


#: An XML declaration naming an encoding: meaningless once the text is decoded, and refused by lxml then.
_XML_DECLARATION = re.compile(r"""(<\?xml\b[^>]{0,200}?)\s+encoding\s*=\s*["'][^"']{0,40}["']""", re.IGNORECASE)


#: The bytes of :data:`_CONTROL` in ASCII and UTF-8 (where no other character's bytes fall below 0x80).
_CONTROL_BYTES = bytes(range(0x20)).translate(None, b"\t\n\r") + b"\x7f"


def _utf8_of(data: bytes, encoding: str) -> bytes | None:
    """``data`` itself when it is the UTF-8 form of its decoded text (then no surrogate can be in it)."""
    return data if encoding in ("utf-8", "utf-8-sig") else None


_NON_SPACE = re.compile(r"\S")


def _clean_str(text: str, utf8: bytes | None = None) -> str:
    """Make text every parser and encoder accepts, so one bad character cannot fail an article.

    Control characters become spaces (Python already splits words on most of
    them); lone surrogates become U+FFFD; an XML declaration loses its
    ``encoding`` (XHTML pages start with one).

    A page is mostly clean, so the scans are made where they are cheap: on
    the text's UTF-8 bytes (``utf8`` when the caller decoded them strictly,
    else encoded here, which also fails exactly on a lone surrogate), a
    C-speed byte deletion tells whether any control character is there. The
    regular expressions run only on a text that holds one (a character-class
    search over a whole page costs twenty times as much).
    """
    first = _NON_SPACE.search(text)  # (no stripped copy of the whole page)
    if first is not None and text[first.start() : first.start() + 5].lower() == "<?xml":
        text = _XML_DECLARATION.sub(r"\1", text, count=1)
    if utf8 is None and not text.isascii():  # isascii is O(1): an ASCII str holds no surrogate
        try:
            utf8 = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate
            text = _SURROGATE.sub("\ufffd", text)
    if utf8 is None:
        utf8 = text.encode("utf-8")
    if len(utf8.translate(None, _CONTROL_BYTES)) != len(utf8):
        text = _CONTROL.sub(" ", text)
    return text


def _read_path(path: Path, max_bytes: int) -> bytes:
    data = read_regular_file(path, max_bytes)
    _check_size(len(data), max_bytes, str(path))
    return data


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, at most ``max_bytes + 1`` of them (one more says "too long").

    Only regular files are opened: a FIFO would wait for a writer for ever and a
    device (``/dev/zero``) never ends. The size is checked from ``stat`` first and
    the read is capped too, since some files (``/proc``) report a size of 0.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, not an article file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file (a FIFO, socket or device), not read")
    _check_size(info.st_size, max_bytes, str(path))
    try:
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None


def _check_size(size: int, max_bytes: int, name: object) -> None:
    if size > max_bytes:
        where = f"{name}: " if name else ""
        raise InputError(f"{where}input is {size:,} bytes, over the limit of {max_bytes:,} bytes")


def _check_text(text: str, name: object) -> str:
    if not text or text.isspace():  # (no stripped copy of a whole page)
        where = f"{name}: " if name else ""
        raise InputError(f"{where}input is empty" if not text else f"{where}input holds only whitespace")
    return text


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return the text and the encoding used.

    Raises :class:`InputError` naming what the data looks like when it is not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(
                    f"input starts with a {encoding} byte-order mark but does not decode as {encoding}"
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"input is {what}, not text or HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    declared = _declared_charset(data)
    if declared and not declared.startswith(("utf_16", "utf_32")):  # WHATWG: such a label without a BOM is ignored
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if not _plainly_wrong(text, data):
                return text, declared
    return _guess(data)


#: Most invalid UTF-8 sequences a text may hold and still be read as UTF-8 (with U+FFFD).
MAX_STRAY_BYTES = 16


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few stray bytes (a mis-pasted Latin-1 ``é``) replaced, when the rest is plainly UTF-8."""
    text = data.decode("utf-8", "replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for char in text if ord(char) > 127 and char != "\ufffd")
    if 0 < stray <= MAX_STRAY_BYTES and valid >= 10 * stray:
        logger.warning("input is UTF-8 with %d invalid byte(s), replaced with U+FFFD", stray)
        return text, f"utf-8 ({stray} invalid byte{'s' if stray > 1 else ''} replaced)"
    return None


def _plainly_wrong(text: str, data: bytes) -> bool:
    """True when a declared charset gives garbled text that another encoding reads cleanly."""
    from charset_normalizer.md import mess_ratio

    if mess_ratio(text[:20_000], 1.0) < 0.1 and alphabet_fit(text) >= 0.9:
        return False
    try:
        _guess(data)
    except InputError:
        return False
    return True


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess(data: bytes) -> tuple[str, str]:
    if b"\x00" in data[:8192]:
        raise InputError("input holds NUL bytes and has no UTF-16/32 byte-order mark: binary data, not text")
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise InputError("input does not decode as text in any known encoding (binary data?)")
    best = _best_reading(data, matches)
    try:
        return data.decode(best), best
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"input looked like {best} but does not decode as it") from None


#: How much more "chaos" than the detector's favourite a candidate may show and still be weighed.
CHAOS_TOLERANCE = 0.1
#: Tie-breaker between equally clean readings of one alphabet: the web's most common encodings first.
_COMMON = ("cp1252", "iso8859_1", "cp1250", "iso8859_15", "cp1251", "gb18030", "shift_jis", "euc_kr")
#: Below this share of accented letters from one alphabet, a tie between readings is refused.
MIN_FIT = 0.8

#: The letters beyond ASCII each language's alphabet uses (lower case; dotted İ lowers to i + U+0307).
ALPHABETS = {
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "es": "áéíñóúü",
    "pt": "áâãàçéêíóôõú",
    "it": "àèéìíîòóùú",
    "ca": "àçèéíïòóúü·",
    "nl": "áéëïóöü",
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ",
    "hr": "čćđšž",
    "sl": "čšž",
    "tr": "çğıöşüâîû\u0307",
    "lv": "āčēģīķļņšūž",
    "lt": "ąčęėįšųūž",
    "et": "äõöüšž",
    "is": "áðéíóúýþæö",
    "da": "æøåé",
    "sv": "åäöé",
    "fi": "äöåšž",
}
#: Scripts whose letters all count as one alphabet (the detector's chaos tells their code pages apart).
SCRIPTS = ((0x0370, 0x03FF), (0x1F00, 0x1FFF), (0x0400, 0x052F), (0x0590, 0x05FF), (0x0600, 0x06FF), (0x0E00, 0x0E7F))


def alphabet_fit(text: str) -> float:
    """The largest share of the text's non-ASCII letters that one language's alphabet (or one script) holds.

    1.0 for text with no such letters, and for Chinese, Japanese and Korean text
    (their encodings are told apart by the detector, not by letters).
    """
    letters = [char for char in text[:20_000] if ord(char) > 127 and char.isalpha()]
    if not letters:
        return 1.0
    if sum(1 for char in letters if ord(char) >= 0x1100) > len(letters) / 2:  # CJK, Hangul, kana
        return 1.0
    lowered = [char.lower() for char in letters]  # ("İ" lowers to two characters: letters keep theirs)
    counts = [sum(1 for char in lowered if char in alphabet) for alphabet in ALPHABETS.values()]
    for low, high in SCRIPTS:
        counts.append(sum(1 for char in letters if low <= ord(char) <= high))
    return max(counts) / len(letters)


def _best_reading(data: bytes, matches: list) -> str:
    """Among the detector's candidates about as clean as its favourite, the one that reads as one alphabet.

    Ties go to the cleaner reading, then to the encoding more common on the web
    (cp1252 French reads as Slovak in cp1250 too).

    Raises :class:`InputError` when no candidate reads as one alphabet and the
    closest ones decode the text differently: a guess there would be mojibake.
    """
    best = matches[0]
    close = [m for m in matches if m.chaos <= best.chaos + CHAOS_TOLERANCE]
    if len(close) == 1:
        return best.encoding
    sample = data[:20_000]
    scored = []
    for rank, match in enumerate(close):
        try:
            text = sample.decode(match.encoding, "replace")
        except LookupError:
            continue
        common = _COMMON.index(match.encoding) if match.encoding in _COMMON else len(_COMMON)
        scored.append((-alphabet_fit(text), round(match.chaos, 3), common, rank, match.encoding, text))
    if not scored:
        return best.encoding
    scored.sort()
    fit, _, _, _, encoding, text = scored[0]
    if -fit < MIN_FIT and any(other[5] != text for other in scored[1:]):
        names = ", ".join(dict.fromkeys(item[4] for item in scored[:3]))
        raise InputError(f"cannot tell the input's encoding with confidence (it reads as {names}); declare its charset")
    return encoding
