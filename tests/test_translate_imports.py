"""Import cost and the missing-extra path (no translate extra needed)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsingest.errors import TranslationError
from newsingest.model import Article, Block

HEAVY = ("argostranslate", "ctranslate2", "sentencepiece", "torch", "stanza", "spacy", "numpy")


def test_importing_newsingest_loads_no_translation_backend() -> None:
    code = (
        "import sys, newsingest, newsingest.translate, newsingest.translate.cli, newsingest.frontends.cli\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.fixture
def without_argos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import argostranslate`` (and the model runtime) fail as if not installed."""
    for name in ("argostranslate", "argostranslate.settings", "ctranslate2", "sentencepiece"):
        monkeypatch.setitem(sys.modules, name, None)


def test_missing_extra_says_how_to_install_it(without_argos: None) -> None:
    from newsingest.translate import Translator, install_from_file, list_installed

    for call in (list_installed, lambda: install_from_file(__file__)):
        with pytest.raises(TranslationError, match=r"pip install 'newsingest\[translate\]'"):
            call()
    indonesian = Article(id="x", text="Halo.", paragraphs=[Block("Halo.")], language="id")
    (untranslated,) = Translator().translate_articles([indonesian])  # recorded, not raised: one rule
    assert untranslated.translation is None
    error = untranslated.metadata["translation_error"]
    assert error["type"] == "TranslationError" and "pip install 'newsingest[translate]'" in error["message"]


def test_missing_extra_is_no_error_when_nothing_needs_translating(without_argos: None) -> None:
    from newsingest.translate import Translator

    english = Article(id="e", text="Hello.", paragraphs=[Block("Hello.")], language="en")
    assert Translator().translate_articles([english])[0].translation is None
