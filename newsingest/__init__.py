"""newsingest: messy news articles in, clean structured multilingual data out.

    >>> import newsingest
    >>> article = newsingest.ingest(Path("story.html"))
    >>> article.title, article.authors, article.language

``ingest`` uses a shared default :class:`Pipeline`; build your own to change
plugins, the language detector, limits or translation settings.
"""

from __future__ import annotations

import datetime as _dt
import threading
from importlib import metadata as _metadata
from typing import TYPE_CHECKING

from newsingest._html.page import Page
from newsingest._language.detect import LangdetectDetector, LanguageDetector, LanguageGuess
from newsingest._outlets.plugin import Plugin, Signature
from newsingest._outlets.registry import PluginRegistry, default_registry
from newsingest._source.decode import Source
from newsingest._text.cleaners import GENERIC_RULE_IDS, Captions, CutInline
from newsingest._text.draft import Draft
from newsingest._text.rules import DropFrom, DropLine, DropRelatedBlock, Extract, Rule
from newsingest.errors import (
    ArgumentTypeError,
    InputError,
    MissingExtraError,
    ModelNotInstalledError,
    NewsingestError,
    PluginError,
    TranslationError,
    UsageError,
)
from newsingest.model import Article, Block, FrozenMetadata, Link, Removed, Translation
from newsingest.options import IngestOptions
from newsingest.pipeline import Pipeline

if TYPE_CHECKING:
    from newsingest.batch import ErrorRecord, ingest_many
    from newsingest.linking import link_stories

try:
    __version__ = _metadata.version("newsingest")
except _metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

_default_pipeline: Pipeline | None = None
_default_lock = threading.Lock()


def default_pipeline() -> Pipeline:
    """The shared pipeline behind :func:`ingest`, built on first use."""
    global _default_pipeline
    if _default_pipeline is None:
        with _default_lock:
            if _default_pipeline is None:
                _default_pipeline = Pipeline()
    return _default_pipeline


def ingest(
    source: Source,
    *,
    url: str | None = None,
    outlet: str | None = None,
    name: str | None = None,
    date: _dt.date | str | None = None,
    translate: bool = False,
) -> Article:
    """Clean one article: ``str`` (HTML or text), ``bytes`` or a ``pathlib.Path``.

    A ``str`` is always the article itself; one that names an existing file
    raises :class:`UsageError` (pass ``Path(...)`` to read a file).
    ``outlet`` forces a plugin by name, or ``"none"`` for generic cleaning only;
    ``url`` helps pick the plugin; ``name`` labels the source in records;
    ``date`` (publication or crawl date) picks the plugin's layout version;
    ``translate`` fills ``Article.translation`` with an English version (needs
    the ``translate`` extra and a model).
    """
    return default_pipeline().ingest(source, url=url, outlet=outlet, name=name, date=date, translate=translate)


def to_dataframe(articles):
    """A pandas DataFrame, one row per article or error record (needs the ``notebook`` extra).

    See :func:`newsingest.frontends.notebook.to_dataframe`; pandas is imported on call, not by ``import newsingest``.
    """
    from newsingest.frontends.notebook import to_dataframe

    return to_dataframe(articles)


def removed_report(articles):
    """What each rule removed across a batch, as a pandas DataFrame (needs the ``notebook`` extra).

    See :func:`newsingest.frontends.notebook.removed_report`; :func:`newsingest.frontends.notebook.removed_counts`
    gives the same tally as plain dicts without pandas.
    """
    from newsingest.frontends.notebook import removed_report

    return removed_report(articles)


def story_table(articles):
    """One row per story of linked articles, as a pandas DataFrame (needs the ``notebook`` extra).

    See :func:`newsingest.frontends.notebook.story_table`; link the articles first with :func:`link_stories`.
    """
    from newsingest.frontends.notebook import story_table

    return story_table(articles)


#: Names imported on first use, so ``import newsingest`` stays light.
_LAZY = {
    "ingest_many": "newsingest.batch",
    "ErrorRecord": "newsingest.batch",
    "link_stories": "newsingest.linking",
}


def __getattr__(name: str):
    if name == "IngestError":  # the old name of ErrorRecord: fails, saying it is a record, not an exception
        from newsingest import batch

        return batch.__getattr__(name)
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsingest' has no attribute {name!r}")


__all__ = [
    "GENERIC_RULE_IDS",
    "ArgumentTypeError",
    "Article",
    "Block",
    "Captions",
    "CutInline",
    "Draft",
    "DropFrom",
    "DropLine",
    "DropRelatedBlock",
    "ErrorRecord",
    "Extract",
    "FrozenMetadata",
    "IngestOptions",
    "InputError",
    "LangdetectDetector",
    "LanguageDetector",
    "LanguageGuess",
    "Link",
    "MissingExtraError",
    "ModelNotInstalledError",
    "NewsingestError",
    "Page",
    "Pipeline",
    "Plugin",
    "PluginError",
    "PluginRegistry",
    "Removed",
    "Rule",
    "Signature",
    "Source",
    "Translation",
    "TranslationError",
    "UsageError",
    "__version__",
    "default_pipeline",
    "default_registry",
    "ingest",
    "ingest_many",
    "link_stories",
    "removed_report",
    "story_table",
    "to_dataframe",
]
