"""On real-template HTML pages: at least as complete as trafilatura alone, and cleaner.

Every paragraph trafilatura keeps is either in our body or accounted for in our
``removed`` records (noise we took out on purpose, each with a reason); and our
body keeps every line trafilatura keeps that we did not deliberately remove.
"""

from pathlib import Path

import pytest

import newsingest
from newsingest._text.blocks import normalize_whitespace
from newsingest.testing import fixture_paths

trafilatura = pytest.importorskip("trafilatura")

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = [p for outlet in ("nbc", "newsweek", "tribun") for p in fixture_paths(FIXTURES / outlet) if p.suffix == ".html"]


def trafilatura_lines(page: Path) -> list[str]:
    text = trafilatura.extract(page.read_text(encoding="utf-8"), include_comments=False) or ""
    return [normalize_whitespace(line) for line in text.splitlines() if line.strip()]


def _without(line: str, strips: list[str]) -> str:
    """The line with documented strips (a dateline cut from the first sentence) taken out."""
    for strip in strips:
        if strip and strip in line:
            line = normalize_whitespace(line.replace(strip, " "))
    return line


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_at_least_as_complete_and_cleaner(page):
    article = newsingest.ingest(page)
    kept = [normalize_whitespace(p.text) for p in article.paragraphs]
    removed = " ".join(normalize_whitespace(r.text) for r in article.removed)
    theirs = trafilatura_lines(page)
    body = " ".join(kept) + " " + (article.title or "")
    strips = [normalize_whitespace(r.text) for r in article.removed]
    missing = [line for line in theirs if _without(line, strips) not in body and line not in removed]
    assert not missing, f"trafilatura kept lines we neither kept nor removed with a reason: {missing}"
    noise_they_kept = [line for line in theirs if line not in body]
    assert len(kept) <= len(theirs)
    assert noise_they_kept, "expected trafilatura alone to leave some noise on these pages"
    for line in noise_they_kept:
        assert line not in " ".join(kept)
