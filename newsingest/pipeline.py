"""The pipeline: one source in, one :class:`~newsingest.Article` out.

Steps, each a function of its own so it can be tested alone:

    decode → detect HTML vs text → (HTML: page metadata, plugin DOM clean-up,
    trafilatura extraction) / (text: split into blocks) → generic cleaners →
    plugin text rules and hook → title → language → Article → (translation)

A :class:`Pipeline` holds configuration only; each call works on a fresh
:class:`~newsingest._text.draft.Draft`, so one pipeline can serve many threads.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from newsingest._html import extract as htmlextract
from newsingest._html.meta import PageMetadata
from newsingest._html.page import Page
from newsingest._language.detect import LangdetectDetector, LanguageDetector, detect_language, paragraph_languages
from newsingest._outlets.plugin import Plugin
from newsingest._outlets.registry import PluginRegistry, default_registry
from newsingest._source.decode import DEFAULT_MAX_BYTES, Source, read_source
from newsingest._source.formats import detect_format
from newsingest._text.blocks import blocks_in_nfc, looks_like_heading, spaced_long_blocks, split_blocks, to_nfc
from newsingest._text.cleaners import GENERIC_RULES
from newsingest._text.draft import Draft
from newsingest._text.match import FoldedText
from newsingest._text.rules import Rule, apply_in_order
from newsingest.errors import ArgumentTypeError, InputError, UsageError
from newsingest.jsoncheck import json_problem
from newsingest.model import Article, Block, content_id, parse_date

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from newsingest.options import IngestOptions

logger = logging.getLogger(__name__)


def _default_detector() -> LanguageDetector:
    return _shared_detector


_shared_detector = LangdetectDetector()


@attrs.frozen
class Pipeline:
    """A configured article cleaner; build once, call :meth:`ingest` from anywhere.

    The configuration is frozen (attributes cannot be reassigned); the translator
    is created on first use and shared. One pipeline serves many threads: each
    call works on a draft of its own. Build one with any of these as keywords,
    ``Pipeline(max_bytes=1_000_000, translate=True)``.

    Attributes:
        plugins: The plugins to choose from; by default those installed through entry points.
        detector: The language detector; by default seeded langdetect.
        generic_rules: The generic cleaners, in order; by default ``newsingest._text.cleaners.GENERIC_RULES``.
        max_bytes: Inputs larger than this are refused with :class:`~newsingest.InputError` (10 MB).
        translate: Fill ``Article.translation`` for articles not in English (extra ``translate``).
        translation_device: ``"cpu"``, ``"cuda"`` or ``"auto"``, for the translation models.
        translation_cache: A file to cache translations in, or ``None``.
    """

    plugins: PluginRegistry = attrs.field(factory=default_registry)
    detector: LanguageDetector = attrs.field(factory=_default_detector)
    generic_rules: tuple[Rule, ...] = attrs.field(factory=lambda: GENERIC_RULES, converter=tuple)
    max_bytes: int = DEFAULT_MAX_BYTES
    translate: bool = False
    translation_device: str = "cpu"
    translation_cache: str | os.PathLike | None = None
    _translator_box: list = attrs.field(factory=list, init=False, repr=False, eq=False)
    _translator_lock: threading.Lock = attrs.field(factory=threading.Lock, init=False, repr=False, eq=False)

    @classmethod
    def from_options(cls, options: IngestOptions, **fields: Any) -> Pipeline:
        """The pipeline an :class:`~newsingest.options.IngestOptions` describes (``fields`` added)."""
        return cls(**options.pipeline_kwargs(), **fields)

    def ingest(
        self,
        source: Source,
        *,
        url: str | None = None,
        outlet: str | None = None,
        name: str | None = None,
        date: dt.date | str | None = None,
        translate: bool | None = None,
    ) -> Article:
        """Clean one article given as HTML or plain text (``str``), ``bytes`` or a path.

        ``outlet`` forces a plugin by name (``"none"``: generic cleaning only);
        ``url`` helps choose the plugin and is stored on the article; ``name``
        labels the source in records when it is not a path; ``date`` (a
        ``date``, ``datetime`` or ISO 8601 string: when the article was
        published or crawled) chooses the plugin's layout version, the current
        one when not given. Raises :class:`~newsingest.InputError` when the
        input is not an article.
        """
        article = self.clean(source, url=url, outlet=outlet, name=name, date=date)
        if self.translate if translate is None else translate:
            article = self.translator().translate_articles([article])[0]
        return article

    def clean(
        self,
        source: Source,
        *,
        url: str | None = None,
        outlet: str | None = None,
        name: str | None = None,
        date: dt.date | str | None = None,
    ) -> Article:
        """Everything but translation."""
        url, outlet, day = _checked_arguments(url, outlet, date)
        refuse_path_as_text(source)
        decoded = read_source(source, name=name, max_bytes=self.max_bytes)
        draft = Draft(url=url, input_format=detect_format(decoded.text))
        if draft.input_format == "html" and htmlextract.tag_count(decoded.text) > htmlextract.MAX_HTML_TAGS:
            tree = htmlextract.parse_html(htmlextract.head_html(decoded.text))
            page = Page.read(decoded.text, tree, url=url)
            flat = htmlextract.read_flat(
                decoded.text, max_tags=htmlextract.FLAT_MAX_TAGS, max_blocks=htmlextract.FLAT_MAX_BLOCKS
            )
            plugin = self.plugins.choose(outlet=outlet, url=url or page.canonical_url, text=None)
            if plugin is None and outlet is None:
                plugin = self.plugins.for_text(" ".join(flat.text.split()))
            plugin = plugin.for_date(day) if plugin is not None else None
            draft, used = run_guarded(plugin, lambda p: flat_html_draft(flat, page, p, url, self.generic_rules))
        elif draft.input_format == "html":
            tree = htmlextract.parse_html(decoded.text)
            page = Page.read(decoded.text, tree, url=url)
            plugin = self.plugins.choose(outlet=outlet, url=url or page.canonical_url, text=None)
            if plugin is None and outlet is None and self.plugins.may_claim(htmlextract.visible_text(tree)):
                # an outlet's telltale strings are on the page (scripts left out): read it a line for each block
                plugin = self.plugins.for_text(htmlextract.visible_text(tree, lines=True))
            plugin = plugin.for_date(day) if plugin is not None else None
            draft, used = run_guarded(
                plugin,
                lambda p: html_draft(decoded.text, tree if p is plugin else None, page, p, url, self.generic_rules),
            )
        else:
            blocks = split_blocks(decoded.text)
            plugin = self.plugins.choose(outlet=outlet, url=url, text=None)
            seen: FoldedText | None = None
            if plugin is None and outlet is None:
                # chosen from the blocks' text, one a line, which the rules then need not fold again
                seen = FoldedText("\n".join([block.text for block in blocks]))
                plugin = self.plugins.for_text(seen.text, folded=seen) if seen.text else None
            plugin = plugin.for_date(day) if plugin is not None else None
            draft, used = run_guarded(
                plugin,
                lambda p: text_draft(decoded.text, p, url, self.generic_rules, blocks=blocks, folded=seen),
            )
        draft.metadata.setdefault("input_format", draft.input_format)
        if decoded.encoding:
            draft.metadata.setdefault("encoding", decoded.encoding)
        if used is not None and (len(used.versions()) > 1 or used.valid_until is not None):
            draft.metadata["outlet_version"] = used.version
        return build_article(draft, decoded.text, decoded.source, used, self.detector)

    def translator(self):
        """The pipeline's translator, created on first use (imports the translate extra)."""
        if not self._translator_box:
            with self._translator_lock:
                if not self._translator_box:
                    from newsingest.translate import Translator

                    self._translator_box.append(
                        Translator(device=self.translation_device, cache_path=self.translation_cache)
                    )
        return self._translator_box[0]


def _checked_arguments(url: object, outlet: object, date: object) -> tuple[str | None, str | None, dt.date | None]:
    """Refuse arguments of the wrong type with a message, not a ``TypeError`` deep inside."""
    for label, value in (("url", url), ("outlet", outlet)):
        if value is not None and not isinstance(value, str):
            raise ArgumentTypeError(f"{label} must be a str or None, got {type(value).__name__}: {value!r}")
    return url, outlet, as_date(date)  # type: ignore[return-value]


#: A ``str`` longer than this, or with a line break, is text, never a file name.
_PATH_LIKE_MAX = 1024


def is_plainly_text(value: str) -> bool:
    """True for a ``str`` that cannot be meant as a file name: long, or holding a line break or ``<``."""
    return len(value) > _PATH_LIKE_MAX or "\n" in value or "<" in value


def refuse_path_as_text(source: object) -> None:
    """Refuse a ``str`` that names an existing file (the caller meant ``Path(...)``) or folder (``ingest_many``).

    A ``str`` is always the article's text, so ``ingest("story.txt")`` would
    clean the nine characters ``story.txt``. Rather than guess, the call fails
    and says how to read the file. (:func:`~newsingest.ingest_many` is the
    mirror image: there a ``str`` is a path, and one that is plainly text is
    refused.)
    """
    if not isinstance(source, str) or is_plainly_text(source):
        return
    candidate = source.strip()
    try:
        exists = bool(candidate) and os.path.exists(candidate)
    except (OSError, ValueError):
        return
    if exists and os.path.isdir(candidate):
        raise UsageError(
            f"{candidate!r} is the name of a folder, but a str is taken as the article's text: "
            f"newsingest.ingest_many({candidate!r}) reads the files in it"
        )
    if exists:
        raise UsageError(
            f"{candidate!r} is the name of a file, but a str is taken as the article's text: "
            f"pass pathlib.Path({candidate!r}) to read the file"
        )


def as_date(value: object) -> dt.date | None:
    """``date=`` as a date: a ``date``, a ``datetime`` or an ISO 8601 string (``None``: not given)."""
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError:
            raise UsageError(f"date must be an ISO 8601 date like 2016-04-25, got {value!r}") from None
    raise ArgumentTypeError(f"date must be a date, datetime or ISO 8601 string, got {type(value).__name__}: {value!r}")


def run_guarded(plugin: Plugin | None, make_draft: Callable[[Plugin | None], Draft]) -> tuple[Draft, Plugin | None]:
    """Build the draft with ``plugin``; if the plugin raises, fall back to generic cleaning.

    A plugin bug must not cost the article: the fault is logged and recorded in
    ``metadata.warnings``, and the article is cleaned as if no plugin matched.
    """
    if plugin is None:
        return make_draft(None), None
    try:
        draft = make_draft(plugin)
        problem = json_problem(draft.metadata)
        if problem is None:
            return draft, plugin
    except InputError:
        raise  # the input's fault, not the plugin's: generic cleaning would fail the same way
    except Exception as err:
        message = f"plugin {plugin.name!r} failed ({type(err).__name__}: {err}); cleaned generically"
        logger.warning(message, exc_info=True)
        draft = make_draft(None)
        draft.add_metadata("warnings", message, many=True)
        return draft, None
    message = f"plugin {plugin.name!r} failed ({problem}); cleaned generically"  # a bug to report, not a trace
    logger.warning(message)
    draft = make_draft(None)
    draft.add_metadata("warnings", message, many=True)
    return draft, None


def text_draft(
    text: str,
    plugin: Plugin | None,
    url: str | None,
    generic_rules: Sequence[Rule],
    *,
    blocks: Sequence[Block] | None = None,
    folded: FoldedText | None = None,
) -> Draft:
    """The plain-text path: blocks, generic cleaners, plugin rules, title.

    ``blocks``: ``text`` split already (:func:`split_blocks`); ``folded``: the
    :class:`FoldedText` the plugin was chosen from, the rules' folded text when it is the
    blocks' text (:meth:`Draft.adopt_folded`).
    """
    draft = Draft(blocks=list(blocks) if blocks is not None else split_blocks(text), url=url, input_format="text")
    if folded is not None:
        draft.adopt_folded(folded.text, folded.folded)
    clean_blocks(draft, plugin, generic_rules)
    refuse_empty(draft)
    return draft


def refuse_empty(draft: Draft) -> None:
    """An input that cleaning left without a block is no article, on every path: :class:`InputError`."""
    if not draft.blocks:
        raise InputError("no article text left after cleaning (only boilerplate, or no words)")


def html_draft(
    html: str,
    tree: HtmlElement | None,
    page: Page,
    plugin: Plugin | None,
    url: str | None,
    generic_rules: Sequence[Rule],
) -> Draft:
    """The HTML path: page metadata, DOM clean-up, extraction, then the text steps."""
    if tree is None:  # a fallback run: the first tree may have been changed by a failed plugin
        tree = htmlextract.parse_html(html)
        page = page.with_tree(tree)
    draft = Draft(url=url or page.canonical_url, input_format="html", page=page)
    apply_page_metadata(draft, page.metadata)
    prepare_tree(tree, plugin, draft)
    # as split_blocks gives them: in NFC, a long block's glued sentences spaced
    draft.blocks = spaced_long_blocks(blocks_in_nfc(htmlextract.extract_main_blocks(tree, url=draft.url)))
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
    refuse_empty(draft)
    return draft


def flat_html_draft(
    flat: htmlextract.FlatText, page: Page, plugin: Plugin | None, url: str | None, generic_rules: Sequence[Rule]
) -> Draft:
    """A page too large to parse (over :data:`~newsingest._html.extract.MAX_HTML_TAGS` tags), read without a tree.

    Its metadata comes from the part before ``<body>`` (``page.tree`` holds only
    that); its text from the streaming tokenizer, bounded in tags and blocks
    (:func:`~newsingest._html.extract.read_flat`), then the text steps. No DOM
    clean-up or extraction runs, and the plugin's page hooks see no body: a
    warning in ``metadata.warnings`` says so.
    """
    draft = Draft(url=url or page.canonical_url, input_format="html", page=page)
    apply_page_metadata(draft, page.metadata)
    draft.blocks = split_blocks(flat.text)
    if not draft.blocks:
        raise InputError(f"no article text found in the HTML (a page of {flat.tags:,}+ tags read without structure)")
    warning = f"HTML page of more than {htmlextract.MAX_HTML_TAGS:,} tags: text read without structure or page clean-up"
    if flat.truncated:
        warning += f", and only up to tag {flat.tags:,}"
    draft.add_metadata("warnings", warning, many=True)
    drop_repeated_title(draft)
    clean_blocks(draft, plugin, generic_rules)
    refuse_empty(draft)
    return draft


def prepare_tree(tree: HtmlElement, plugin: Plugin | None, draft: Draft) -> None:
    """Drop generic and plugin furniture and run the plugin's page hooks, before extraction.

    List items outside any list are put into one first (:func:`~newsingest._html.extract.wrap_loose_list_items`).
    Selectors are pre-checked against the page's class and id values, read once.
    """
    htmlextract.wrap_loose_list_items(tree)
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


def apply_page_metadata(draft: Draft, page: PageMetadata) -> None:
    """Copy what the page says about itself into the draft, its text in NFC as the blocks' is."""
    draft.title = to_nfc(page.title) if page.title else page.title
    for author in page.authors:
        draft.add_author(to_nfc(author))
    draft.published, draft.updated = page.published, page.updated
    for key in ("site_name", "description", "section", "editor"):
        if getattr(page, key):
            draft.metadata[key] = to_nfc(getattr(page, key))
    if page.keywords:
        draft.metadata["keywords"] = [to_nfc(keyword) for keyword in page.keywords]
    if page.captions:
        draft.metadata["captions"] = [
            {key: to_nfc(value) for key, value in caption.items()} for caption in page.captions
        ]
    if page.language:
        draft.metadata["declared_language"] = page.language


def drop_repeated_title(draft: Draft, *, keep_a_block: bool = False) -> None:
    """The page's headline often opens the extracted body too: keep it as title only.

    Every copy of it at the top goes (a headline printed twice or more), and a
    shorter variant of it printed under it (a heading of the title's own words, most
    of them: ``… untuk Menguji Drone Tempur AI`` under ``… untuk Menguji Drone Tempur
    Memanfaatkan Teknologi AI``); with ``keep_a_block``, never the last block.
    """
    while (
        draft.blocks
        and draft.title
        and (_same_text(draft.blocks[0].text, draft.title) or _shorter_headline(draft.blocks[0].text, draft.title))
    ):
        if keep_a_block and len(draft.blocks) == 1:
            return
        draft.remove(0, "headline repeated in the body", "title", moved_to="title")


def _shorter_headline(text: str, title: str) -> bool:
    """``text`` a heading made of the title's words, at least four and 60% as many as the title has."""
    words = text.casefold().split()
    title_words = title.casefold().split()
    if not max(4, 0.6 * len(title_words)) <= len(words) < len(title_words) or not looks_like_heading(text):
        return False
    return set(words) <= set(title_words)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


#: The most passes of the rules over a draft: another runs after one that cut inside a block
#: (:meth:`~newsingest._text.draft.Draft.keep_cut`), since what a cut leaves may be a line a rule
#: that ran before it takes whole.
RULE_PASSES = 3


def clean_blocks(draft: Draft, plugin: Plugin | None, generic_rules: Sequence[Rule]) -> None:
    """Generic cleaners (as the plugin adjusts them), then the plugin's rules and hook, then the title step.

    The rules run in :func:`rule_plan`'s order (the plugin's marked ``before_generic_rules`` before
    the generic ones, the generic ones marked ``after_plugin_rules`` after the plugin's), once more
    after a pass that cut inside a block (:data:`RULE_PASSES`).

    Wordless blocks go first as well as last, and rules limited to the first N
    blocks (a dateline, a date prefix, a reporter line) run again when a later
    step (the title step included) changed the first blocks: they must see the blocks that will be first
    in the clean text, or ingesting that text again would remove more.
    """
    drop_wordless_blocks(draft)
    chosen, windowed, reach, tailed, tail = rule_plan(plugin, generic_rules)

    def apply_all() -> None:
        for _ in range(RULE_PASSES):
            cuts = draft.cuts_inside
            apply_in_order(draft, chosen)
            if draft.cuts_inside == cuts:
                return  # the usual case: no rule cut inside a block, one pass

    run_settled(draft, apply_all, windowed, reach, tailed, tail)
    if plugin is not None:

        def hook() -> None:
            draft.plugin = plugin.name
            plugin.process(draft)
            draft.plugin = None

        run_settled(draft, hook, windowed, reach, tailed, tail)

    def title() -> None:
        drop_repeated_title(draft, keep_a_block=True)  # (the noise a rule took out may have stood above it)
        if take_title_line(draft):
            drop_repeated_title(draft, keep_a_block=True)  # the headline line printed twice: its copies go too

    # a date prefix behind the headline line is first now
    run_settled(draft, title, windowed, reach, tailed, tail)


def run_settled(
    draft: Draft,
    step: Callable[[], None],
    windowed: Sequence[tuple[Rule, str | None]],
    reach: int,
    tailed: Sequence[tuple[Rule, str | None]] = (),
    tail: int = 0,
) -> None:
    """Run ``step``; then the rules that read only the first or the last blocks again while those change.

    If the step changed the first ``reach`` blocks, the ``windowed`` rules run again; if it
    changed the last ``tail`` blocks, the ``tailed`` ones; until neither removes more. A
    later rule's removal can bring a block into an earlier rule's window (a credit line
    taken from under a reporter line leaves that line last): the rule must see it, or
    ingesting the clean text again would remove more.
    """
    blocks = draft.blocks
    front = [id(block) for block in blocks[:reach]]
    back = [id(block) for block in blocks[len(blocks) - tail :]] if tail else []
    step()
    drop_wordless_blocks(draft)  # what a step left without words (a lone "|") is no block either
    while windowed or tailed:
        blocks = draft.blocks
        now_front = [id(block) for block in blocks[:reach]]
        now_back = [id(block) for block in blocks[len(blocks) - tail :]] if tail else []
        again = list(windowed) if now_front != front else []
        if now_back != back:  # (a rule that reads both ends runs once)
            again += [rule for rule in tailed if rule not in again]
        if not again:
            return
        front, back, removed = now_front, now_back, len(draft.removed)
        apply_in_order(draft, again)
        drop_wordless_blocks(draft)
        if len(draft.removed) == removed:
            return


RulePlan = tuple[list[tuple[Rule, str | None]], list[tuple[Rule, str | None]], int, list[tuple[Rule, str | None]], int]
#: :func:`rule_plan`'s answers, by the identity of the plugin and the generic rules: each with the
#: objects it was made from (kept alive, so an identity is never reused while its answer is here).
_plans: dict[tuple[int, int], tuple[object, ...]] = {}
_PLANS_MAX = 256


def rule_plan(plugin: Plugin | None, generic_rules: Sequence[Rule]) -> RulePlan:
    """The rules :func:`clean_blocks` runs, each with its owner; those limited to the first blocks, how far they
    reach; those limited to the last blocks (``last_blocks``), how far those reach.

    The plugin's rules marked ``before_generic_rules`` run first (they cut what frames the text,
    so that the generic rules read what was glued to it as a line of its own), then the generic
    rules (as the plugin adjusts them), then the plugin's others, then the generic rules marked
    ``after_plugin_rules`` (they judge the text the plugin's rules leave).

    The same for every article a plugin cleans: made once for each plugin and list of generic
    rules (and again if the plugin's ``rules`` or ``generic_rules`` are replaced). Do not modify.
    """
    rules = plugin.rules if plugin is not None else ()
    overrides = plugin.generic_rules if plugin is not None else None
    key = (id(plugin), id(generic_rules))
    known = _plans.get(key)
    if (
        known is not None
        and known[0] is plugin
        and known[1] is generic_rules
        and known[2] is rules
        and known[3] is overrides
    ):
        return known[4]  # type: ignore[return-value]
    chosen = generic_rules_for(plugin, generic_rules)
    last = [(rule, owner) for rule, owner in chosen if getattr(rule, "after_plugin_rules", False)]
    if last:  # (a generic rule that judges what the plugin's rules leave)
        chosen = [(rule, owner) for rule, owner in chosen if not getattr(rule, "after_plugin_rules", False)]
    if plugin is not None:
        early = [getattr(rule, "before_generic_rules", False) for rule in rules]
        chosen = [
            *((rule, plugin.name) for rule, first in zip(rules, early, strict=True) if first),
            *chosen,
            *((rule, plugin.name) for rule, first in zip(rules, early, strict=True) if not first),
        ]
    chosen += last
    windowed = [(rule, owner) for rule, owner in chosen if getattr(rule, "first_blocks", None)]
    reach = max((getattr(rule, "first_blocks", 0) for rule, _ in windowed), default=0)
    tailed = [(rule, owner) for rule, owner in chosen if getattr(rule, "last_blocks", None)]
    tail = max((getattr(rule, "last_blocks", 0) for rule, _ in tailed), default=0)
    plan = (chosen, windowed, reach, tailed, tail)
    if len(_plans) >= _PLANS_MAX:
        _plans.clear()  # (pipelines made with ever new rule lists: keep the memory bounded)
    _plans[key] = (plugin, generic_rules, rules, overrides, plan)
    return plan


def generic_rules_for(plugin: Plugin | None, generic_rules: Sequence[Rule]) -> list[tuple[Rule, str | None]]:
    """The generic rules to run, in order, each with the plugin it runs for (``None``: generic).

    A plugin's ``generic_rules`` switch a generic rule off (``None``) or put the
    plugin's own rule in its place, by the generic rule's id.
    """
    overrides = plugin.generic_rules if plugin is not None else {}
    chosen: list[tuple[Rule, str | None]] = []
    for rule in generic_rules:
        if rule.name not in overrides:
            chosen.append((rule, None))
        elif (replacement := overrides[rule.name]) is not None:
            chosen.append((replacement, plugin.name if plugin is not None else None))
    return chosen


def take_title_line(draft: Draft) -> bool:
    """A headline on the first line becomes the title, when nothing else gave one.

    Only a heading-like first block (:func:`~newsingest._text.blocks.looks_like_heading`,
    whatever its tag) followed by more text counts, so an article that starts
    straight with its first sentence keeps it. HTML pages usually name their
    title in metadata; one that does not is treated like text, so that
    re-ingesting an article's own text gives the same article.
    """
    if draft.title is not None or len(draft.blocks) < 2:
        return False
    if looks_like_heading(draft.blocks[0].text):
        draft.title = draft.remove(
            0, "headline on the first line (moved to title)", "title-line", moved_to="title"
        ).text
        return True
    return False


def build_article(
    draft: Draft, text: str, source: str | None, plugin: Plugin | None, detector: LanguageDetector
) -> Article:
    """Assemble the article and detect its language (the plugin's language is the prior).

    The article gets langdetect's language and confidence; each paragraph a language
    of its own where it has enough text (see :func:`~newsingest._language.detect.paragraph_languages`).
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
    if draft.unchanged_since_mark("wordless"):
        return  # every block was seen to have words, and none changed since
    search = _WORD_CHAR.search
    if not all(map(search, [block.text for block in draft.blocks])):
        draft.remove_where(lambda block: search(block.text) is None, "no words left after cleaning", "wordless")
    draft.mark("wordless")


#: A letter or digit (``str.isalnum``), found at C speed.
_WORD_CHAR = re.compile(r"[^\W_]")
