"""Bad and hostile input: every input yields an article or a clean error record."""

import json
import subprocess
import sys
import time

import pytest

import newsingest
from newsingest import InputError, Pipeline

FRENCH = "Le café était fermé — naïve « entrée » à l'hôtel, déjà vu, dit le maire de la ville à la presse locale."
GERMAN = "Der Bürgermeister äußerte sich am Montag zur Lage: Die Straße bleibt gesperrt, sagte er den Journalisten."
RUSSIAN = "Мэр города заявил в понедельник, что дорога останется закрытой до конца недели из-за ремонта моста."


@pytest.fixture
def hostile_folder(tmp_path, seed_paths):
    (tmp_path / "good.txt").write_bytes(seed_paths[2].read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n  ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "cp1252.txt").write_bytes((FRENCH + "\n\n" + FRENCH).encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes((GERMAN + "\n\n" + GERMAN).encode("utf-16"))
    page = (
        '<html><head><meta charset="windows-1251"><title>Новости</title></head>'
        f"<body><article><p>{RUSSIAN}</p><p>{RUSSIAN}</p></article></body></html>"
    )
    (tmp_path / "cp1251.html").write_bytes(page.encode("cp1251"))
    # deeper than libxml2 keeps, within the tag limit (htmlextract.MAX_HTML_TAGS)
    nested = "<html><body>" + "<div>" * 20_000 + f"<p>{GERMAN}</p>" + "</div>" * 20_000 + "</body></html>"
    (tmp_path / "nested.html").write_text(nested, encoding="utf-8")
    (tmp_path / "huge.txt").write_bytes((FRENCH.encode("utf-8") + b"\n") * 340_000)  # about 38 MB
    return tmp_path


def test_cli_over_a_folder_of_bad_input(hostile_folder):
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "newsingest", "ingest", str(hostile_folder), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    records = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line) for line in result.stdout.splitlines()}
    assert len(records) == 9 == len(result.stdout.splitlines())
    assert records["good.txt"]["language"] == "id"
    assert FRENCH in records["cp1252.txt"]["text"] and records["cp1252.txt"]["language"] == "fr"
    assert GERMAN in records["utf16.txt"]["text"] and records["utf16.txt"]["language"] == "de"
    assert RUSSIAN in records["cp1251.html"]["text"] and records["cp1251.html"]["language"] == "ru"
    assert GERMAN in records["nested.html"]["text"]
    for name, needle in [
        ("empty.txt", "empty"),
        ("blank.txt", "whitespace"),
        ("image.txt", "PNG"),
        ("huge.txt", "over the limit"),
    ]:
        error = records[name]["error"]
        assert error["type"] == "InputError" and needle in error["message"], (name, error)
    assert time.perf_counter() - started < 120


def test_size_limit_is_configurable():
    with pytest.raises(InputError, match="over the limit of 100 bytes"):
        Pipeline(max_bytes=100).ingest("x" * 101)
    assert Pipeline(max_bytes=10_000).ingest(FRENCH).language == "fr"


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<html><body><article><p>{FRENCH} &xxe;</p><p>{FRENCH}</p></article></body></html>"
    )
    article = newsingest.ingest(page)
    assert "TOP-SECRET-CONTENT" not in json.dumps(article.to_dict())


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>unclosed <b>bold <i>italic " + FRENCH,
        "<<<>>><p>" + FRENCH + "</p></div></div></span>",
        "<html>" + "<table><tr><td>" * 5000 + FRENCH,
        "<p>" + FRENCH + "</p>" + "<!--" * 1000,
    ],
)
def test_broken_html_gives_text_or_a_clean_error(page):
    try:
        article = newsingest.ingest(page)
    except InputError:
        return
    assert "café" in article.text


def test_html_with_no_text_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        newsingest.ingest("<html><head><script>var a = 1;</script></head><body><div></div></body></html>")


def test_control_characters_and_surrogates_do_not_fail_an_article():
    article = newsingest.ingest("Text with a \x00 NUL and \x1b escape and a lone \ud800 surrogate. " + FRENCH)
    assert "\x00" not in article.text and "\ufffd" in article.text
