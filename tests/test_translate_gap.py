"""One rule for ``translate=True`` when translation cannot happen: a recorded, documented gap.

With the extra but no model, and without the extra at all (simulated, as in
``test_translate_imports``), the same call gives the same shape: the cleaned
article, ``translation=None`` and ``metadata["translation_error"]``; in a batch,
one article per input.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from translate_helpers import argos_home

import newsingest
from newsingest import Pipeline, ingest_many

pytest.importorskip("argostranslate")

TRIBUN = Path(__file__).resolve().parent / "fixtures" / "tribun" / "tribun_01_banjir_jaktim.txt"


@pytest.fixture
def no_model(tmp_path: Path):
    with argos_home(tmp_path / "argos"):
        yield


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("argostranslate", "argostranslate.settings", "ctranslate2", "sentencepiece"):
        monkeypatch.setitem(sys.modules, name, None)


def untranslated_shape(article: newsingest.Article) -> tuple:
    error = article.metadata["translation_error"]
    return article.translation, sorted(error), article.language, article.text


@pytest.mark.parametrize("situation", ["no_model", "no_extra"])
def test_translate_without_a_model_or_the_extra_records_the_gap(situation, request):
    request.getfixturevalue(situation)
    article = Pipeline().ingest(TRIBUN, translate=True)
    plain = Pipeline().ingest(TRIBUN)
    assert untranslated_shape(article) == (None, ["message", "type"], "id", plain.text)
    error = article.metadata["translation_error"]
    if situation == "no_model":
        assert error["type"] == "ModelNotInstalledError" and "newsingest models install id en" in error["message"]
    else:
        assert error["type"] == "TranslationError" and "pip install 'newsingest[translate]'" in error["message"]


@pytest.mark.parametrize("situation", ["no_model", "no_extra"])
def test_batches_give_one_article_per_input_either_way(situation, request, seed_paths):
    request.getfixturevalue(situation)
    results = list(ingest_many([TRIBUN, *seed_paths], workers=0, translate=True))
    assert len(results) == 1 + len(seed_paths)
    assert all(isinstance(r, newsingest.Article) for r in results)
    foreign = [r for r in results if r.language not in (None, "en")]
    assert foreign and all(r.translation is None and "translation_error" in r.metadata for r in foreign)
    english = [r for r in results if r.language == "en"]
    assert all("translation_error" not in r.metadata for r in english)
