"""Over the real pages of ``../shared/htmlbench``: the generic DOM clean-up never eats the article.

Skips where the benchmark pages are absent (a user's clone has none).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from newsingest._html.extract import GENERIC_MAX_SHARE, GENERIC_SELECTORS, drop_selectors, parse_html, visible_chars
from newsingest._source.decode import read_source
from newsingest._text.draft import Draft

HTMLBENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "htmlbench"
_WORD = re.compile(r"\w+")

pytestmark = pytest.mark.skipif(
    not (HTMLBENCH / "ground-truth.jsonl").exists(), reason="needs ../shared/htmlbench (benchmark pages)"
)


def _pages():
    for line in (HTMLBENCH / "ground-truth.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        yield row, read_source(gzip.decompress((HTMLBENCH / "html" / f"{row['id']}.html.gz").read_bytes())).text


def test_generic_selectors_never_remove_most_of_a_page_or_its_article():
    failures = []
    for row, html in _pages():
        tree = parse_html(html)
        before_chars = visible_chars(tree)
        before_words = set(_WORD.findall(tree.text_content()))
        draft = Draft()
        drop_selectors(tree, GENERIC_SELECTORS, draft, "furniture", html, max_share=GENERIC_MAX_SHARE)
        after_chars = visible_chars(tree)
        reference = set(_WORD.findall(row["body"] or ""))
        after_words = set(_WORD.findall(tree.text_content()))
        kept_before = len(reference & before_words)
        kept_after = len(reference & after_words)
        if before_chars and after_chars < 0.5 * before_chars:
            failures.append(f"{row['id']}: generic selectors removed {1 - after_chars / before_chars:.0%} of the text")
        if kept_before and kept_after < 0.9 * kept_before:
            failures.append(
                f"{row['id']}: generic selectors removed {1 - kept_after / kept_before:.0%} of the article's words"
            )
    assert not failures, failures
