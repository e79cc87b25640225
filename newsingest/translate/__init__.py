"""Offline translation to English with Argos Translate packages.

    >>> from newsingest.translate import Translator
    >>> translated = Translator().translate_articles(articles)

Importing this package is cheap: argostranslate, ctranslate2 and sentencepiece
(the ``translate`` extra) are imported only when a model is listed, installed or
used. Models are never downloaded implicitly; install them with
``newsingest models install`` (see :mod:`newsingest.translate.cli`).
"""

from __future__ import annotations

from .cache import TranslationCache
from .engine import DecodeOptions
from .packages import PackageInfo, argos_code, find_package, install_from_file, install_pair, list_installed
from .splitter import split_sentences
from .translator import ERROR_KEY, Translator

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
