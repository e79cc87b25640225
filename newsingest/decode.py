"""Turn whatever the caller gave us (str, bytes, a path) into text.

Decoding order for bytes: a byte-order mark decides; then binary formats are
refused by their magic numbers; then strict UTF-8; then a charset an HTML page
declares for itself; then charset-normalizer's best guess. Anything we cannot
read with confidence is an :class:`~newsingest.errors.InputError` that says what
was seen, never mojibake passed on as an article.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

import attrs

from .errors import InputError

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
        text, encoding = decode_bytes(_read_path(path, max_bytes))
        return Decoded(_check_text(_clean_str(text), path), name or str(path), encoding)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        _check_size(len(data), max_bytes, name)
        text, encoding = decode_bytes(data)
        return Decoded(_check_text(_clean_str(text), name), name, encoding)
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


def _clean_str(text: str) -> str:
    """Make text every parser and encoder accepts, so one bad character cannot fail an article.

    Control characters become spaces (Python already splits words on most of
    them); lone surrogates become U+FFFD.
    """
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
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
    if not text.strip():
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
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    return _guess(data)


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
    best = _prefer_common(matches)
    try:
        return data.decode(best), best
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"input looked like {best} but does not decode as it") from None


#: Encodings preferred when the detector scores several alike: the web's most common first.
_COMMON = ("cp1252", "iso8859_1", "cp1251", "cp1250", "iso8859_15", "koi8_r", "gb18030", "shift_jis", "euc_kr")
#: How much more "chaos" than the detector's favourite a common encoding may show and still win.
CHAOS_TOLERANCE = 0.2


def _prefer_common(matches: list) -> str:
    """Among guesses about as good as the best, take the most common encoding on the web.

    On short Western text charset-normalizer often ranks a rarer code page
    (cp1257, mac_latin2) a little ahead of cp1252, which such text almost always
    is; within :data:`CHAOS_TOLERANCE` of the favourite, commonness decides.
    """
    best = matches[0]
    close = {m.encoding for m in matches if m.chaos <= best.chaos + CHAOS_TOLERANCE}
    for encoding in _COMMON:
        if encoding in close:
            return encoding
    return best.encoding
