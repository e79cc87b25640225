"""Shared set-up for the translation tests: a private Argos home and test articles.

Argos reads its directories from environment variables when
``argostranslate.settings`` is first imported, and creates them under ``~`` if
they are unset. :func:`argos_home` sets the variables before that import and
also patches the module's attributes, in case another test imported it first, so
no test ever reads or writes the real ``~/.local``.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from newsingest.model import Article, Block


@contextlib.contextmanager
def argos_home(root: Path) -> Iterator[ModuleType]:
    """Point Argos (env vars and ``argostranslate.settings``) at folders under ``root``."""
    data, config, cache, packages = (root / name for name in ("data", "config", "cache", "packages"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_DATA_HOME", str(data))
        mp.setenv("XDG_CONFIG_HOME", str(config))
        mp.setenv("XDG_CACHE_HOME", str(cache))
        mp.setenv("ARGOS_PACKAGES_DIR", str(packages))
        mp.setenv("ARGOS_PACKAGE_INDEX", (root / "no-index").as_uri() + "/")
        settings = importlib.import_module("argostranslate.settings")
        packages.mkdir(parents=True, exist_ok=True)
        argos_data = data / "argos-translate"
        argos_cache = cache / "argos-translate"
        mp.setattr(settings, "data_dir", argos_data)
        mp.setattr(settings, "cache_dir", argos_cache)
        mp.setattr(settings, "downloads_dir", argos_cache / "downloads")
        mp.setattr(settings, "config_dir", config / "argos-translate")
        mp.setattr(settings, "settings_file", config / "argos-translate" / "settings.json")
        mp.setattr(settings, "package_data_dir", packages)
        mp.setattr(settings, "package_dirs", [packages])
        mp.setattr(settings, "local_package_index", argos_data / "index.json")
        mp.setattr(settings, "remote_package_index", (root / "no-index" / "index.json").as_uri())
        yield settings


class ConnectSpy:
    """Replaces ``socket.socket.connect``: records every call and refuses it."""

    def __init__(self) -> None:
        self.calls: list[object] = []

    def __call__(self, *args: object) -> None:
        # Set as a class attribute it is not bound, so it gets (address,) only.
        address = args[-1]
        self.calls.append(address)
        raise OSError(f"network use in a test: connect({address!r})")


def indonesian_article(article_id: str = "id-1", title: str | None = "Harga beras naik lagi minggu ini.") -> Article:
    """An Indonesian article with long, short, empty and blank paragraphs."""
    paragraphs = [
        Block("Pertempuran di Bakhmut kini telah berlangsung lebih dari tujuh bulan. Korban diyakini tinggi."),
        Block(""),
        Block("Ya."),
        Block("Dr. Siti berkata: \u201cKami siap.\u201d Lalu dia pergi.", kind="quote"),
        Block("   "),
        Block("Hujan deras menyebabkan banjir di beberapa wilayah Jakarta.", kind="heading"),
    ]
    text = "\n\n".join(block.text for block in paragraphs)
    return Article(id=article_id, text=text, title=title, paragraphs=paragraphs, language="id")


def article(article_id: str, language: str | None, *texts: str, title: str | None = None) -> Article:
    blocks = [Block(text) for text in texts]
    return Article(id=article_id, text="\n\n".join(texts), title=title, paragraphs=blocks, language=language)
