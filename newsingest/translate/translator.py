"""Translate articles to English, many at a time.

Why batches: CTranslate2 translates a batch of 32 sentences in little more time
than one, so :meth:`Translator.translate_articles` gathers the sentences of every
title and paragraph of every article that shares a model, drops the ones seen
before (the cache) or twice (duplicates), translates the rest together and puts
the results back in place. Each article's translation stays aligned 1:1 with its
paragraphs: an empty paragraph gives an empty translation.

One rule for translation that cannot happen: the article comes back cleaned and
untranslated (``translation=None``), with ``metadata["translation_error"]`` =
``{"type", "message"}`` saying what is missing and how to install it, and a
warning is logged. It holds alike for a missing model
(:class:`~newsingest.ModelNotInstalledError`), a missing ``translate`` extra
(:class:`~newsingest.TranslationError`) and a model that fails, for one article
and in batches, so ``ingest(..., translate=True)`` behaves the same with or
without the extra and a batch still gives one article per input. Only a setup
mistake the caller made on purpose raises: an unknown or unavailable ``device``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from os import PathLike
from typing import Any

import attrs

from newsingest.errors import ModelNotInstalledError, TranslationError, UsageError
from newsingest.model import Article, Translation
from newsingest.translate._deps import require_backend
from newsingest.translate.cache import DEFAULT_MAX_ENTRIES, TranslationCache
from newsingest.translate.engine import POOL, DecodeOptions, LoadedModel, resolve_device
from newsingest.translate.packages import PackageInfo, argos_code, list_installed
from newsingest.translate.splitter import split_sentences

log = logging.getLogger(__name__)

#: The metadata key a failed translation is recorded under.
ERROR_KEY = "translation_error"
#: Batches handed to the model per call (and cached together).
CHUNK_BATCHES = 16


@attrs.define
class _Job:
    """One article to translate: its model and its texts cut into sentences."""

    index: int
    package: PackageInfo
    title: list[str] | None
    paragraphs: list[list[str]]


class Translator:
    """Offline translation of articles with installed Argos Translate packages.

    ``device`` is ``"cpu"`` (default), ``"cuda"`` or ``"auto"`` (checked here, so a
    machine without a GPU fails at construction); models load lazily
    on first use and are shared process-wide. ``cache_path`` adds a persistent
    SQLite cache to the in-memory one (``cache_size`` entries, 0 for none).
    ``package_dirs`` overrides where packages are looked for (default: Argos's
    package directories). Safe to share between threads.
    """

    def __init__(
        self,
        device: str = "cpu",
        cache_path: str | PathLike[str] | None = None,
        batch_size: int = 32,
        *,
        target: str = "en",
        beam_size: int = 4,
        max_decoding_length: int = 256,
        compute_type: str = "auto",
        cache_size: int = DEFAULT_MAX_ENTRIES,
        inter_threads: int = 1,
        intra_threads: int = 0,
        package_dirs: Sequence[str | PathLike[str]] | None = None,
    ) -> None:
        if batch_size < 1:
            raise UsageError("batch_size must be at least 1")
        self.device = resolve_device(device)  # a bad device is a setup error: fail now, not per article
        self.target = argos_code(target)
        self.options = DecodeOptions(
            beam_size=beam_size, batch_size=batch_size, max_decoding_length=max_decoding_length
        )
        self.compute_type = compute_type
        self.inter_threads = inter_threads
        self.intra_threads = intra_threads
        self.package_dirs = list(package_dirs) if package_dirs is not None else None
        self.cache = TranslationCache(max_entries=cache_size, path=cache_path)
        self._counter_lock = threading.Lock()
        #: Sentences sent to a model (cache misses, each unique sentence once per batch).
        self.sentences_translated = 0
        #: Calls into :meth:`LoadedModel.translate` (each may hold many batches).
        self.model_calls = 0

    # -- public API -------------------------------------------------------------

    def translate_articles(self, articles: Sequence[Article]) -> list[Article]:
        """New articles with ``translation`` filled, in the input order.

        Articles in the target language, or of unknown language, get ``None``.
        A missing model, a missing ``translate`` extra or a model that fails is
        recorded on each article it stops (see the module docstring), never raised.
        """
        results = list(articles)
        installed: list[PackageInfo] | None = None
        missing_extra: TranslationError | None = None
        jobs: list[_Job] = []
        for index, article in enumerate(results):
            source = argos_code(article.language) if article.language else None
            if source is None or source == self.target:
                if article.translation is not None:
                    results[index] = attrs.evolve(article, translation=None)
                continue
            if installed is None and missing_extra is None:
                try:
                    installed = list_installed(self.package_dirs)
                except TranslationError as err:  # the extra is not installed
                    missing_extra = err
            if missing_extra is not None:
                results[index] = _with_error(article, missing_extra)
                continue
            package = self._pick(installed or [], source)
            if package is None:
                results[index] = _with_error(article, ModelNotInstalledError(source, self.target))
                continue
            jobs.append(_segment(index, article, package))

        if jobs:
            try:
                require_backend()  # the model runtime (ctranslate2, sentencepiece) of the extra
            except TranslationError as err:
                for job in jobs:
                    results[job.index] = _with_error(results[job.index], err)
                return results
        by_model: dict[str, list[_Job]] = {}
        for job in jobs:
            by_model.setdefault(job.package.model_id, []).append(job)
        for group in by_model.values():
            try:
                translations = self._translate_unique(group[0].package, _sentences_of(group))
            except TranslationError as err:
                for job in group:
                    results[job.index] = _with_error(results[job.index], err)
                continue
            for job in group:
                results[job.index] = _assemble(results[job.index], job, translations, self.target)
        return results

    def translate_article(self, article: Article) -> Article:
        """One article; same rules as :meth:`translate_articles` (errors are recorded, not raised)."""
        return self.translate_articles([article])[0]

    def translate_texts(self, texts: Sequence[str], source: str) -> list[str]:
        """Translate plain texts from ``source``, one result per text (raises on a missing model)."""
        source = argos_code(source)
        if source == self.target:
            return list(texts)
        package = self._pick(list_installed(self.package_dirs), source)
        if package is None:
            raise ModelNotInstalledError(source, self.target)
        segmented = [split_sentences(text, source) for text in texts]
        translations = self._translate_unique(package, [s for sents in segmented for s in sents])
        return [_join(sents, translations) for sents in segmented]

    def stats(self) -> dict[str, int]:
        """Cache counters plus the model work done, for tests and logging."""
        with self._counter_lock:
            work = {"sentences_translated": self.sentences_translated, "model_calls": self.model_calls}
        return {**self.cache.stats(), **work}

    def close(self) -> None:
        """Close the SQLite cache file (loaded models stay shared in the process)."""
        self.cache.close()

    def __enter__(self) -> Translator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- internals --------------------------------------------------------------

    def _pick(self, installed: list[PackageInfo], source: str) -> PackageInfo | None:
        matches = [p for p in installed if p.from_code == source and p.to_code == self.target]
        return matches[-1] if matches else None  # list_installed sorts by version

    def _model(self, package: PackageInfo) -> LoadedModel:
        return POOL.get(package, self.device, self.compute_type, self.inter_threads, self.intra_threads)

    def _translate_unique(self, package: PackageInfo, sentences: list[str]) -> dict[str, str]:
        """Translations of the distinct ``sentences``: cached ones looked up, the rest translated.

        The rest goes to the model sorted by length (less padding per batch) in
        chunks of :data:`CHUNK_BATCHES` batches, each cached as soon as it is
        done, so an interrupted run keeps what it paid for.
        """
        unique = list(dict.fromkeys(sentences))
        found = self.cache.get_many(package.model_id, unique)
        missing = sorted((s for s in unique if s not in found), key=len)
        if not missing:
            return found
        model = self._model(package)
        chunk = self.options.batch_size * CHUNK_BATCHES
        for start in range(0, len(missing), chunk):
            part = missing[start : start + chunk]
            fresh = dict(zip(part, model.translate(part, self.options), strict=True))
            self.cache.put_many(package.model_id, fresh)
            found.update(fresh)
            with self._counter_lock:
                self.sentences_translated += len(part)
                self.model_calls += 1
        return found


def _segment(index: int, article: Article, package: PackageInfo) -> _Job:
    language = package.from_code
    title = split_sentences(article.title, language) if article.title is not None else None
    paragraphs = [split_sentences(block.text, language) for block in article.paragraphs]
    return _Job(index=index, package=package, title=title, paragraphs=paragraphs)


def _sentences_of(jobs: list[_Job]) -> list[str]:
    sentences: list[str] = []
    for job in jobs:
        if job.title:
            sentences.extend(job.title)
        for paragraph in job.paragraphs:
            sentences.extend(paragraph)
    return sentences


def _join(sentences: list[str], translations: dict[str, str]) -> str:
    return " ".join(t for t in (translations[s] for s in sentences) if t)


def _assemble(article: Article, job: _Job, translations: dict[str, str], target: str) -> Article:
    translation = Translation(
        language=target,
        title=_join(job.title, translations) if job.title is not None else None,
        paragraphs=tuple(_join(p, translations) for p in job.paragraphs),
        model=job.package.model_id,
    )
    metadata: Mapping[str, Any] = article.metadata
    if ERROR_KEY in metadata:
        metadata = {k: v for k, v in metadata.items() if k != ERROR_KEY}
    return attrs.evolve(article, translation=translation, metadata=metadata)


def _with_error(article: Article, err: TranslationError) -> Article:
    log.warning("article %s not translated: %s", article.id, err)
    error: dict[str, Any] = {"type": type(err).__name__, "message": str(err)}
    return attrs.evolve(article, translation=None, metadata={**article.metadata, ERROR_KEY: error})
