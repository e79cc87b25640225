"""Lazy imports of the ``translate`` extra.

``import newsingest`` must stay fast and must work without the extra, so nothing
here runs at import time: argostranslate, ctranslate2 and sentencepiece are
imported on first use, and a missing one becomes a :class:`TranslationError`
that says how to install it instead of a bare ``ModuleNotFoundError``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from newsingest.errors import TranslationError

INSTALL_HINT = "pip install 'newsingest[translate]'"


def require(module: str) -> ModuleType:
    """Import ``module`` from the translate extra, or explain how to get it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        top = module.split(".")[0]
        raise TranslationError(
            f"translation needs the optional package {top!r}, which is not installed; "
            f"install the extra with: {INSTALL_HINT}"
        ) from err


def argos_settings() -> ModuleType:
    """``argostranslate.settings``: where Argos keeps packages (honours ARGOS_* variables).

    Importing it is cheap (standard library only) but creates Argos's data, config
    and cache directories if they are missing, as Argos itself does.
    """
    return require("argostranslate.settings")


def require_backend() -> None:
    """Fail early, for the whole batch, when the model runtime is missing."""
    require("ctranslate2")
    require("sentencepiece")
