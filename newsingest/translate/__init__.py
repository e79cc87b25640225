"""Offline translation to English with Argos Translate packages.

    >>> from newsingest.translate import Translator
    >>> translated = Translator().translate_articles(articles)

Importing this package is cheap: argostranslate, ctranslate2 and sentencepiece
(the ``translate`` extra) are imported only when a model is listed, installed or
used. Models are never downloaded implicitly; install them with
``newsingest models install`` (see :mod:`newsingest.translate.cli`).
"""

from __future__ import annotations

from newsingest.translate.cache import TranslationCache
from newsingest.translate.engine import DecodeOptions
from newsingest.translate.packages import (
    PackageInfo,
    argos_code,
    find_package,
    install_from_file,
    install_pair,
    list_installed,
)
from newsingest.translate.splitter import split_sentences
from newsingest.translate.translator import ERROR_KEY, Translator

__all__ = [
    "ERROR_KEY",
    "DecodeOptions",
    "PackageInfo",
    "TranslationCache",
    "Translator",
    "argos_code",
    "find_package",
    "install_from_file",
    "install_pair",
    "list_installed",
    "split_sentences",
]
