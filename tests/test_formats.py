"""HTML vs plain text."""

import pytest

from newsingest._source.formats import detect_format, is_html


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "  \n<html lang='en'><head></head></html>",
        "<!-- saved page --><div class='article'><p>Hello</p></div>",
        "<p>One</p><p>Two</p>",
        "Intro line\n<div><p>a</p><p>b</p><br><span>c</span></div>",
    ],
)
def test_html(text):
    assert is_html(text)
    assert detect_format(text) == "html"


@pytest.mark.parametrize(
    "text",
    [
        "A plain article. It mentions the <b> tag once in passing.",
        "Scores: 3 < 4 and 5 > 2, said the coach.\n\nSecond paragraph.",
        "Baca juga: Sesuatu <di> sana",
    ],
)
def test_text(text):
    assert not is_html(text)
    assert detect_format(text) == "text"
