"""Decoding: str, bytes in many encodings, paths; clear errors for what is not text."""

import codecs

import pytest

from newsingest import InputError
from newsingest._source.decode import decode_bytes, read_source

FRENCH = "Le café était fermé — naïve « entrée » à l'hôtel, déjà vu. " * 3
RUSSIAN = "Привет! Это статья о событиях в Москве и Киеве, опубликованная вчера. " * 3


def test_str_passes_through():
    assert read_source("Hello world", name="n").text == "Hello world"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FRENCH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8-sig"),
        (FRENCH.encode("utf-16"), "utf-16"),
        (FRENCH.encode("cp1252"), "cp1252"),
    ],
)
def test_bytes_decode(data, encoding):
    text, used = decode_bytes(data)
    assert text == FRENCH
    assert used == encoding


def test_latin1_decodes():
    text = "Der Bürgermeister äußerte sich zur Lage. Die Straße ist gesperrt. " * 3
    decoded, _ = decode_bytes(text.encode("iso-8859-1"))
    assert decoded == text


def test_html_meta_charset_wins():
    page = f'<html><head><meta charset="windows-1251"><title>t</title></head><body><p>{RUSSIAN}</p></body></html>'
    text, used = decode_bytes(page.encode("cp1251"))
    assert RUSSIAN in text
    assert used == "cp1251"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
    ],
)
def test_binary_input_is_refused_with_what_it_is(data, what):
    with pytest.raises(InputError, match=what):
        decode_bytes(data)


def test_nul_bytes_without_bom_are_binary():
    with pytest.raises(InputError, match="NUL"):
        decode_bytes(b"abc\x00def\xff\xfe\x00\x01" * 20)


@pytest.mark.parametrize("source", ["", "   \n\t  ", b"", b"  \r\n "])
def test_empty_and_whitespace_are_input_errors(source):
    with pytest.raises(InputError, match=r"empty|whitespace"):
        read_source(source)


def test_size_limit(tmp_path):
    with pytest.raises(InputError, match="over the limit"):
        read_source(b"x" * 101, max_bytes=100)
    path = tmp_path / "big.txt"
    path.write_bytes(b"y" * 101)
    with pytest.raises(InputError, match="over the limit"):
        read_source(path, max_bytes=100)
    with pytest.raises(InputError, match="over the limit"):
        read_source("z" * 101, max_bytes=100)


def test_paths(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FRENCH, encoding="cp1252")
    decoded = read_source(path)
    assert decoded.text == FRENCH and decoded.source == str(path)
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)


def test_unsupported_type():
    with pytest.raises(InputError, match="int"):
        read_source(42)


def test_control_characters_and_surrogates_are_cleaned_from_every_kind_of_input(tmp_path):
    """The byte-level pre-check must see what the character scan saw: bytes, paths, str, ASCII or not."""
    from newsingest._source.decode import read_source

    dirty = "caf\u00e9 a\x00b c\x1bd e\x7ff\tg\r\nh\x0bi"
    clean = "caf\u00e9 a b c d e f\tg\r\nh i"
    path = tmp_path / "page.txt"
    path.write_bytes(dirty.encode("utf-8"))
    assert read_source(dirty.encode("utf-8")).text == clean
    assert read_source(b"\xef\xbb\xbf" + dirty.encode("utf-8")).text == clean
    assert read_source(path).text == clean
    assert read_source(dirty).text == clean
    assert read_source("ascii\x01only").text == "ascii only"
    assert read_source("lone \ud800 surrogate\x02").text == "lone \ufffd surrogate "
    assert read_source("  <?xml version='1.0' encoding='latin-1'?><p>x</p>").text == "  <?xml version='1.0'?><p>x</p>"


def test_alphabet_fit_takes_letters_that_lower_to_two_characters():
    # "İ" (Turkish dotted capital I) lowers to "i" plus a combining dot: ord() of that pair
    # raised TypeError (found by the property run: a lone byte 0xDD read as cp1254)
    from newsingest._source.decode import alphabet_fit

    assert 0 <= alphabet_fit("İstanbul İzmir") <= 1
    assert read_source(b"\xdd").text  # a lone 8-bit byte decodes; it raised TypeError
