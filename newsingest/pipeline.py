"""The pipeline: one source in, one :class:`~newsingest.Article` out.

Steps, each a function of its own so it can be tested alone:

    decode → detect HTML vs text → (HTML: page metadata, plugin DOM clean-up,
    trafilatura extraction) / (text: split into blocks) → generic cleaners →
    plugin text rules and hook → title → language → Article → (translation)

A :class:`Pipeline` holds configuration only; each call works on a fresh
:class:`~newsingest.draft.Draft`, so one pipeline can serve many threads.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from . import htmlextract
from .blocks import looks_like_heading, split_blocks
from .cleaners import GENERIC_RULES
from .decode import DEFAULT_MAX_BYTES, Source, read_source
from .draft import Draft
from .errors import InputError
from .formats import detect_format
from .htmlmeta import read_page_metadata
from .language import LangdetectDetector, LanguageDetector, detect_language, paragraph_languages
from .model import Article, Block, content_id
from .plugin import Plugin
from .registry import PluginRegistry, default_registry
from .rules import Rule, apply_rules

if TYPE_CHECKING:
    from lxml.html import HtmlElement

logger = logging.getLogger(__name__)


def _default_detector() -> LanguageDetector:
    return _shared_detector


_shared_detector = LangdetectDetector()


@attrs.frozen
class Pipeline:
    """A configured article cleaner; build once, call :meth:`ingest` from anywhere.

    ``plugins`` defaults to the plugins installed through entry points;
    ``detector`` to seeded langdetect; ``max_bytes`` caps input size (10 MB).
    With ``translate=True`` articles not in English get ``translation`` filled
    from installed Argos Translate models (extra ``translate``).
    """

    plugins: PluginRegistry = attrs.field(factory=default_registry)
    detector: LanguageDetector = attrs.field(factory=_default_detector)
    generic_rules: tuple[Rule, ...] = GENERIC_RULES
    max_bytes: int = DEFAULT_MAX_BYTES
    translate: bool = False
    translation_device: str = "cpu"
    translation_cache: str | os.PathLike | None = None
    _translator_box: list = attrs.field(factory=list, init=False, repr=False, eq=False)
    _translator_lock: threading.Lock = attrs.field(factory=threading.Lock, init=False, repr=False, eq=False)

    def ingest(
        self,
        source: Source,
        *,
        url: str | None = None,
        outlet: str | None = None,
        name: str | None = None,
        translate: bool | None = None,
    ) -> Article:
        """Clean one article given as HTML or plain text (``str``), ``bytes`` or a path.

        ``outlet`` forces a plugin by name (``"none"``: generic cleaning only);
        ``url`` helps choose the plugin and is stored on the article; ``name``
        labels the source in records when it is not a path. Raises
        :class:`~newsingest.InputError` when the input is not an article.
        """
        article = self.clean(source, url=url, outlet=outlet, name=name)
        if self.translate if translate is None else translate:
            article = self.translator().translate_articles([article])[0]
        return article

    def clean(
        self, source: Source, *, url: str | None = None, outlet: str | None = None, name: str | None = None
    ) -> Article:
        """Everything but translation."""
        decoded = read_source(source, name=name, max_bytes=self.max_bytes)
        draft = Draft(url=url, input_format=detect_format(decoded.text))
        if draft.input_format == "html":
            tree = htmlextract.parse_html(decoded.text)
            page = read_page_metadata(tree, url=url)
            plugin = self.plugins.choose(outlet=outlet, url=url or page.url, text=None)
            if plugin is None and outlet is None:
                plugin = self.plugins.for_text(" ".join(tree.text_content().split()))
            draft, used = run_guarded(
                plugin,
                lambda p: html_draft(decoded.text, tree if p is plugin else None, page, p, url, self.generic_rules),
            )
        else:
            plugin = self.plugins.choose(outlet=outlet, url=url, text=decoded.text)
            draft, used = run_guarded(plugin, lambda p: text_draft(decoded.text, p, url, self.generic_rules))
        draft.metadata.setdefault("input_format", draft.input_format)
        if decoded.encoding:
            draft.metadata.setdefault("encoding", decoded.encoding)
        return build_article(draft, decoded.text, decoded.source, used, self.detector)

    def translator(self):
        """The pipeline's translator, created on first use (imports the translate extra)."""
        if not self._translator_box:
            with self._translator_lock:
                if not self._translator_box:
                    from .translate import Translator

                    self._translator_box.append(
                        Translator(device=self.translation_device, cache_path=self.translation_cache)
                    )
        return self._translator_box[0]


def run_guarded(plugin: Plugin | None, make_draft: Callable[[Plugin | None], Draft]) -> tuple[Draft, Plugin | None]:
    """Build the draft with ``plugin``; if the plugin raises, fall back to generic cleaning.

    A plugin bug must not cost the article: the fault is logged and recorded in
    ``metadata.warnings``, and the article is cleaned as if no plugin matched.
    """
    if plugin is None:
        return make_draft(None), None
    try:
        return make_draft(plugin), plugin
    except InputError:
        raise  # the input's fault, not the plugin's: generic cleaning would fail the same way
    except Exception as err:
        message = f"plugin {plugin.name!r} failed ({type(err).__name__}: {err}); cleaned generically"
        logger.warning(message, exc_info=True)
        draft = make_draft(None)
        draft.add_metadata("warnings", message, many=True)
        return draft, None


def text_draft(text: str, plugin: Plugin | None, url: str | None, generic_rules: Sequence[Rule]) -> Draft:
    """The plain-text path: blocks, generic cleaners, plugin rules, title."""
    draft = Draft(blocks=split_blocks(text), url=url, input_format="text")
    clean_blocks(draft, plugin, generic_rules)
    return draft


def html_draft(
    html: str,
    tree: HtmlElement | None,
    page,
    plugin: Plugin | None,
    url: str | None,
    generic_rules: Sequence[Rule],
) -> Draft:
    """The HTML path: page metadata, DOM clean-up, extraction, then the text steps."""
    if tree is None:  # a fallback run: the first tree may have been changed by a failed plugin
        tree = htmlextract.parse_html(html)
    draft = Draft(url=url or page.url, input_format="html")
    apply_page_metadata(draft, page)
    prepare_tree(tree, plugin, draft, html)
    draft.blocks = htmlextract.extract_main_blocks(tree, url=draft.url)
    if not draft.blocks:
        draft.blocks = split_blocks(htmlextract.flat_text(html))
        if draft.blocks:
            draft.add_metadata(
                "warnings", "no main content found in the HTML tree; text read without structure", many=True
            )
    if not draft.blocks:
        raise InputError("no article text found in the HTML")
    drop_repeated_title(draft)
    clean_blocks(draft, plugin, generic_rules)
    return draft


def prepare_tree(tree: HtmlElement, plugin: Plugin | None, draft: Draft, html: str) -> None:
    """Drop generic and plugin furniture and run the plugin's page hooks, before extraction.

    Selectors are pre-checked against the page's class and id values, read once.
    """
    marks = htmlextract.page_marks(tree)
    htmlextract.drop_selectors(
        tree,
        htmlextract.GENERIC_SELECTORS,
        draft,
        "page furniture (newsletter, share, consent)",
        marks,
        max_share=htmlextract.GENERIC_MAX_SHARE,
    )
    if plugin is not None:
        draft.plugin = plugin.name
        plugin.read_page(tree, draft)
        htmlextract.drop_selectors(
            tree, plugin.drop_selectors, draft, f"{plugin.display_name or plugin.name} page furniture", marks
        )
        plugin.prepare_dom(tree, draft)
        draft.plugin = None


def apply_page_metadata(draft: Draft, page) -> None:
    """Copy what the page says about itself into the draft."""
    draft.title = page.title
    for author in page.authors:
        draft.add_author(author)
    draft.published, draft.updated = page.published, page.updated
    for key in ("site_name", "description", "section", "editor"):
        if getattr(page, key):
            draft.metadata[key] = getattr(page, key)
    if page.keywords:
        draft.metadata["keywords"] = list(page.keywords)
    if page.captions:
        draft.metadata["captions"] = list(page.captions)
    if page.language:
        draft.metadata["declared_language"] = page.language


def drop_repeated_title(draft: Draft) -> None:
    """The page's headline often opens the extracted body too: keep it as title only."""
    if draft.blocks and draft.title and _same_text(draft.blocks[0].text, draft.title):
        draft.remove(0, "headline repeated in the body", "title", moved_to="title")


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def clean_blocks(draft: Draft, plugin: Plugin | None, generic_rules: Sequence[Rule]) -> None:
    """Generic cleaners, then the plugin's rules and hook, then the title step."""
    apply_rules(draft, generic_rules)
    if plugin is not None:
        apply_rules(draft, plugin.rules, plugin=plugin.name)
        draft.plugin = plugin.name
        plugin.process(draft)
        draft.plugin = None
    drop_wordless_blocks(draft)
    take_title_line(draft)


def take_title_line(draft: Draft) -> None:
    """A headline on the first line becomes the title, when nothing else gave one.

    Only a heading-like first block (:func:`~newsingest.blocks.looks_like_heading`,
    whatever its tag) followed by more text counts, so an article that starts
    straight with its first sentence keeps it. HTML pages usually name their
    title in metadata; one that does not is treated like text, so that
    re-ingesting an article's own text gives the same article.
    """
    if draft.title is not None or len(draft.blocks) < 2:
        return
    if looks_like_heading(draft.blocks[0].text):
        draft.title = draft.remove(
            0, "headline on the first line (moved to title)", "title-line", moved_to="title"
        ).text


def build_article(
    draft: Draft, text: str, source: str | None, plugin: Plugin | None, detector: LanguageDetector
) -> Article:
    """Assemble the article and detect its language (the plugin's language is the prior).

    The article gets langdetect's language and confidence; each paragraph a language
    of its own where it has enough text (see :func:`~newsingest.language.paragraph_languages`).
    """
    body = "\n\n".join(block.text for block in draft.blocks)
    sample = "\n".join(filter(None, [draft.title, body]))
    prior = plugin.language if plugin else None
    guess = detect_language(sample, detector, prior=prior)
    languages = paragraph_languages(
        [block.text for block in draft.blocks], guess.language if guess else None, detector, prior
    )
    paragraphs = [
        Block(block.text, block.kind, language) if block.language is None and language else block
        for block, language in zip(draft.blocks, languages, strict=True)
    ]
    return Article(
        id=content_id(text),
        source=source,
        url=draft.url,
        outlet=plugin.name if plugin else None,
        title=draft.title,
        text=body,
        paragraphs=paragraphs,
        authors=draft.authors,
        published=draft.published,
        updated=draft.updated,
        language=guess.language if guess else None,
        language_confidence=guess.confidence if guess else None,
        removed=draft.removed,
        metadata=draft.metadata,
    )


def drop_wordless_blocks(draft: Draft) -> None:
    """Blocks left with no letter or digit (a stray ``|`` after credits were cut) go."""
    index = 0
    while index < len(draft.blocks):
        if any(char.isalnum() for char in draft.blocks[index].text):
            index += 1
        else:
            draft.remove(index, "no words left after cleaning", "wordless")
