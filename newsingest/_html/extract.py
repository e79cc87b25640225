"""The HTML path: parse once, drop the outlet's noise nodes, extract the main content.

The page is parsed once with lxml; plugins prune it with CSS selectors, and the
same tree goes to trafilatura, which finds the main content and keeps its
structure (headings, paragraphs, quotes, list items). Every node a selector drops
is recorded in the draft with its text, like any other removal.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable

import attrs
from lxml import etree
from lxml import html as lxml_html

from newsingest._text.blocks import BULLET_PREFIX, normalize_whitespace
from newsingest._text.draft import Draft
from newsingest.errors import InputError
from newsingest.model import Block

#: Nodes dropped on every page before extraction: noise no article body holds.
#: A lone word is matched as a whole class token (``[class~=…]``): as a substring,
#: ``newsletter`` matched Substack's ``newsletter-post``, the article itself.
#: Substrings are kept for compound names that only furniture wears.
GENERIC_SELECTORS = (
    "[class~='newsletter']",
    "[class*='newsletter-signup']",
    "[class*='newsletter-subscribe']",
    "[class*='newsletter-form']",
    "[class*='social-share']",
    "[class*='share-bar']",
    "[class*='share-buttons']",
    "[id*='cookie-banner']",
    "[class*='cookie-banner']",
    "[class*='cookie-consent']",
    "[id*='onetrust']",
)


#: Most tags (``<`` characters) of an HTML page that is parsed into a tree. The largest
#: of 200 real article pages of 2025-2026 holds 8,534; trafilatura's cost grows with the
#: tree (a million unclosed ``<p>`` took minutes and gigabytes, 50,000 take seconds).
#: The pipeline reads a larger page without a tree (:func:`head_html`, :func:`read_flat`).
MAX_HTML_TAGS = 50_000


def parse_html(text: str) -> lxml_html.HtmlElement:
    """Parse an HTML document or fragment; never fetches or resolves anything external.

    Raises :class:`~newsingest.InputError` for a page of more than
    :data:`MAX_HTML_TAGS` tags.
    """
    tags = tag_count(text)
    if tags > MAX_HTML_TAGS:
        raise InputError(f"HTML page has {tags:,} tags, over the limit of {MAX_HTML_TAGS:,}")
    try:
        tree = lxml_html.document_fromstring(text, parser=_html_parser())
    except (etree.ParserError, ValueError) as err:
        raise InputError(f"HTML could not be parsed: {err}") from None
    if tree is None:
        raise InputError("HTML could not be parsed: the document is empty")
    return tree


def _html_parser() -> lxml_html.HTMLParser:
    """lxml.html's parser with every element an ``HtmlElement``, its class chosen in C.

    lxml.html's own lookup asks a Python method for the class of each element
    the first time Python code touches it (to give ``<form>`` and ``<input>``
    their form helpers, which nothing here uses): over half a million calls
    on 200 pages, paid again by every walk of the tree (selectors, metadata,
    trafilatura's pruning passes). A fresh parser per page (microseconds), as
    before: no parser state is shared between threads.
    """
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return parser


@functools.lru_cache(maxsize=512)
def compile_selector(selector: str):
    """A compiled CSS selector (cssselect), cached: plugins reuse theirs on every page."""
    from lxml.cssselect import CSSSelector

    return CSSSelector(selector)


_SELECTOR_TOKEN = re.compile(r"[.#]([\w-]+)|\[(?:class|id)\s*[*^$~|]?=\s*['\"]?([^'\"\]]+)['\"]?\s*\]")


@functools.lru_cache(maxsize=512)
def selector_needles(selector: str) -> tuple[tuple[str, ...], ...] | None:
    """Class and id fragments a page must contain for ``selector`` to match anything.

    One tuple per comma-separated alternative, holding the fragments that
    alternative needs; ``None`` when some alternative names none (``aside``,
    ``[data-ad]``) and so cannot be ruled out this way.
    """
    needles = []
    for part in selector.split(","):
        tokens = tuple(a or b for a, b in _SELECTOR_TOKEN.findall(part))
        if not tokens:
            return None
        needles.append(tokens)
    return tuple(needles)


def could_match(selector: str, html: str) -> bool:
    """False when the raw page lacks a class or id fragment the selector needs.

    A substring test on the page costs microseconds; a CSS selector is a scan of
    the whole tree. Most furniture selectors match nothing on most pages.
    """
    needles = selector_needles(selector)
    return needles is None or any(all(token in html for token in part) for part in needles)


#: A generic selector never drops a node holding more than this share of the page's text.
GENERIC_MAX_SHARE = 0.5


_MARKS = etree.XPath("//@class|//@id", smart_strings=False)


def page_marks(tree: lxml_html.HtmlElement) -> str:
    """Every class and id value of the page, joined: what :func:`could_match` needs to look at.

    Much shorter than the raw HTML (scripts and text left out), so the selector
    pre-checks scan kilobytes instead of the whole page for each needle.
    """
    return " ".join(_MARKS(tree))


def drop_selectors(
    tree: lxml_html.HtmlElement,
    selectors: Iterable[str],
    draft: Draft,
    reason: str,
    html: str | None = None,
    *,
    max_share: float | None = None,
) -> None:
    """Remove every node matching one of ``selectors``, recording the text each held.

    With the page's ``html`` at hand (or its :func:`page_marks`), selectors that
    cannot match it are skipped.
    With ``max_share``, a node holding more than that share of the page's text
    is kept: a selector written for furniture that matches the article's own
    container (or ``<body>``) must not cost the article.
    """
    page_chars: int | None = None
    for selector in selectors:
        if html is not None and not could_match(selector, html):
            continue
        nodes = compile_selector(selector)(tree)
        gone: set = set()
        for node in nodes:
            if node.getparent() is None or any(a in gone for a in node.iterancestors()):
                continue  # already went with an ancestor
            text = normalize_whitespace(node.text_content())
            if max_share is not None and text:
                if page_chars is None:
                    page_chars = visible_chars(tree)
                if visible_chars(node) > max_share * page_chars:
                    continue
            gone.add(node)
            node.drop_tree()
            if text:
                draft.record_strip(text, reason, f"selector {selector}")


_HIDDEN_TAGS = ("script", "style", "noscript", "template")


#: The elements a list item belongs in.
_LISTS = frozenset(["ul", "ol", "menu", "dir"])


def wrap_loose_list_items(tree: lxml_html.HtmlElement) -> None:
    """Put list items that stand outside any list into one: each run of them into a ``<ul>`` of its own.

    A browser shows such ``<li>`` as list items; trafilatura reads them as loose text and glues
    them together, with no space between one item's last sentence and the next item's first
    (``… bombardments.Neither …``, property seed 1910). The text each item holds, and what follows
    it, stays where it was.
    """
    loose = [item for item in tree.iter("li") if (parent := item.getparent()) is not None and parent.tag not in _LISTS]
    wrapper: lxml_html.HtmlElement | None = None
    for item in loose:
        previous = item.getprevious()
        if wrapper is None or previous is not wrapper or (wrapper.tail or "").strip():
            wrapper = lxml_html.Element("ul")
            item.addprevious(wrapper)
        tail, item.tail = item.tail, None
        wrapper.append(item)
        wrapper.tail = tail  # (the text after the item now follows the list)


def visible_chars(node: lxml_html.HtmlElement) -> int:
    """Characters of text under ``node`` a reader sees: scripts, styles and ``<head>`` left out.

    Whitespace around each text node does not count (indentation can outweigh
    the words of a pretty-printed page).
    """
    root = node.find("body") if node.tag == "html" else node
    if root is None:
        root = node
    total = sum(len(text.strip()) for text in root.itertext())
    return max(0, total - sum(len((element.text or "").strip()) for element in root.iter(*_HIDDEN_TAGS)))


def visible_text(tree: lxml_html.HtmlElement, *, lines: bool = False) -> str:
    """The text of the page's ``<body>`` on one line, without the text of scripts and styles.

    What plugin choice by text reads: an outlet's signatures are lines of its
    articles, while a page's scripts (27 MB over 200 real pages, against 3.5 MB
    of text a reader sees) hold other sites' names and cost the most to
    split into words. The hidden elements' text is set aside for one C-speed
    ``text_content()`` and put back: the tree is left as it was.

    With ``lines``, a line for each block (paragraph, heading, list item): a line
    break is put after each block that has none after it (a page written without
    white space between its tags runs its paragraphs together, and a dateline
    opening one opens no line), and taken out again.
    """
    root = tree.find("body") if tree.tag == "html" else tree
    root = tree if root is None else root
    hidden = [(element, element.text) for element in root.iter(*_HIDDEN_TAGS) if element.text]
    unbroken = (
        [(element, tail) for element in root.iter(*_LINE_BREAKING) if "\n" not in (tail := element.tail or "")]
        if lines
        else []
    )
    try:
        for element, _ in hidden:
            element.text = None
        for element, tail in unbroken:
            element.tail = "\n" + tail
        text = root.text_content()
    finally:
        for element, text_held in hidden:
            element.text = text_held
        for element, tail in unbroken:
            element.tail = tail or None
    if not lines:
        return " ".join(text.split())
    return "\n".join(filter(None, (" ".join(line.split()) for line in text.split("\n"))))


#: A fast extraction shorter than this (characters) is redone with trafilatura's fallbacks.
FAST_EXTRACTION_MIN_CHARS = 1000
#: ... or holding less than this share of the page's visible text,
FAST_EXTRACTION_MIN_SHARE = 0.125
#: ... a question asked only of extractions shorter than this (trafilatura asks it below 3,000).
FAST_EXTRACTION_SURE_CHARS = 3000


def extract_blocks(tree: lxml_html.HtmlElement, url: str | None = None, *, fast: bool = False) -> list[Block]:
    """Main-content blocks of the page, found by trafilatura, structure kept.

    ``fast`` skips trafilatura's second opinion (readability and justext
    fallbacks), which roughly doubles its cost and rarely changes the result on
    a well-formed article page; the pipeline redoes a fast extraction that comes
    out short (:func:`needs_full_extraction`) in full. trafilatura changes the
    tree it is given.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        include_comments=False,
        include_formatting=True,
        include_tables=True,
        with_metadata=False,
        deduplicate=False,
        output_format="xml",  # the body tree is what is read: no text rendering of it
    )
    body = getattr(document, "body", None)  # a Document (bare_extraction can also give a dict)
    if body is None:
        return []
    return list(body_blocks(body))


def needs_full_extraction(blocks: list[Block], tree: lxml_html.HtmlElement | None = None) -> bool:
    """A fast extraction this short may have missed the article: ask for the full one.

    Short means under :data:`FAST_EXTRACTION_MIN_CHARS`, or, with the page's
    ``tree``, under :data:`FAST_EXTRACTION_MIN_SHARE` of the text a reader sees
    on it: the fast mode then took one part of a long page (an FAQ box) for the
    article. A single block asks too: where its own extraction fails, the fast mode
    falls back on trafilatura's baseline, which glues the page's paragraphs and
    headings into one (htmlbench 0214: 12,763 characters in one block, 50 in full).
    """
    if len(blocks) == 1:
        return True
    extracted = sum(len(block.text) for block in blocks)
    if extracted < FAST_EXTRACTION_MIN_CHARS:
        return True
    if tree is None or extracted >= FAST_EXTRACTION_SURE_CHARS:
        return False
    return extracted < FAST_EXTRACTION_MIN_SHARE * visible_chars(tree)


def extract_main_blocks(tree: lxml_html.HtmlElement, url: str | None = None) -> list[Block]:
    """Fast extraction, redone in full when it comes out short, on the one prepared tree.

    The page is parsed and cleaned once: the full extraction reads the same
    cleaned tree, or a copy of it taken beforehand when the installed
    trafilatura changes the tree it is given (:func:`extraction_keeps_tree`).
    """
    spare = None if extraction_keeps_tree() else copy.deepcopy(tree)
    blocks = extract_blocks(tree, url=url, fast=True)
    if needs_full_extraction(blocks, tree if spare is None else spare):
        # (the full extraction prunes ``spare``: a copy for reading its lines, when they may be needed)
        spare_for_split = copy.deepcopy(spare) if spare is not None and len(blocks) == 1 else spare
        blocks = extract_blocks(tree if spare is None else spare, url=url, fast=False)
        if len(blocks) == 1:
            blocks = unglued(blocks[0], tree if spare_for_split is None else spare_for_split)
    return blocks


_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
#: Block-level tags that break the text into lines (besides :data:`_BLOCK_TAGS`).
_MORE_BLOCK_TAGS = frozenset(["aside", "nav", "main", "dd", "dt", "dl", "td", "th", "caption", "address"])


def unglued(block: Block, tree: lxml_html.HtmlElement) -> list[Block]:
    """The page's own lines (paragraphs, headings), when trafilatura glued exactly them into ``block``.

    On a short or plain page trafilatura, fast or full, falls back on its baseline,
    which joins the text of the page's paragraphs and headings into one. The page's
    text broken at every block-level element is read; when those lines, in order,
    are exactly that text, they are the blocks (a heading's line a heading, a list
    item's a list item); otherwise the block stays as it came.
    """
    root = tree.find("body") if tree.tag == "html" else tree
    if root is None:
        return [block]
    # (trafilatura drops what is neither printable nor white space: a line of a control character alone goes)
    lines = [Block(text, line.kind) for line in _block_lines(root) if (text := _printable(line.text))]
    if len(lines) < 2 or " ".join(line.text for line in lines) != normalize_whitespace(block.text):
        return [block]
    # each line as a block's line is read (a bulleted paragraph line is a list item, its bullet gone)
    return [piece for line in lines for piece in _text_lines(line.text, line.kind)]


def _printable(text: str) -> str:
    """``text`` without the characters that are neither printable nor white space, its white space made single."""
    if text.isprintable():
        return text
    return normalize_whitespace("".join(char for char in text if char.isprintable() or char.isspace()))


def _block_lines(root: etree._Element) -> list[Block]:
    """The text under ``root``, a line for each run between block-level tags (scripts and styles left out).

    A walk, not recursion: a hostile page may nest thousands deep.
    """
    breaking = _LINE_BREAKING
    lines: list[Block] = []
    parts: list[str] = []
    kinds: list[str] = ["paragraph"]

    def flush() -> None:
        text = normalize_whitespace("".join(parts))
        if text:
            lines.append(Block(text, kinds[-1]))
        parts.clear()

    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIP_TAGS:
                walk.skip_subtree()  # (its "end" still comes, with its tail)
                continue
            if tag in breaking:
                flush()
                kinds.append("heading" if tag in _HEADINGS else "list_item" if tag == "li" else "paragraph")
            parts.append(element.text or "")
        else:
            if tag in breaking:  # (no skipped tag breaks a line)
                flush()
                kinds.pop()
            if element is not root:
                parts.append(element.tail or "")
    flush()
    return lines


_PROBE_PAGE = (
    "<html><head><title>t</title></head><body><nav><a href='/'>Home</a></nav><div id='comments'>c</div>"
    "<article><h1>Probe</h1><p>"
    + "A sentence long enough to count as the text of an article. " * 8
    + "</p><aside>x</aside><footer>f</footer></article></body></html>"
)


@functools.cache
def extraction_keeps_tree() -> bool:
    """Whether trafilatura's ``bare_extraction`` leaves an element it is given unchanged.

    trafilatura 2.x copies an element input before pruning it; older releases
    pruned the caller's tree. Asked once per process, on a small page holding
    what trafilatura prunes (navigation, comments, asides, footers).
    """
    tree = parse_html(_PROBE_PAGE)
    before = etree.tostring(tree)
    extract_blocks(tree, fast=True)
    extract_blocks(tree, fast=False)
    return etree.tostring(tree) == before


def body_blocks(body: etree._Element) -> Iterable[Block]:
    """Turn trafilatura's XML body (``head``, ``p``, ``quote``, ``list``, ``table``) into blocks."""
    for node in body:
        tag = node.tag
        if tag == "head":
            yield from _lines(node, "heading")
        elif tag == "quote":
            yield from _lines(node, "quote")
        elif tag == "list":
            for item in node.iter("item"):  # (nested items too, each once: see _lines' ``nested``)
                yield from _lines(item, "list_item", nested="list")
        elif tag == "table":
            for row in node.iter("row"):
                cells = [normalize_whitespace(_spaced_text(cell)) for cell in row]
                line = " | ".join(cell for cell in cells if cell)
                if line:
                    yield Block(line, "paragraph")
        else:
            yield from _lines(node, "paragraph")
        if tag == "p" and node.tail and not node.tail.isspace():
            # loose text after a paragraph (``<p>…</p>It stands for …`` on the page): a paragraph of its own
            # (after a heading it is mostly a sidebar's: ``(Up)``, dates; measured on htmlbench)
            yield from _text_lines(node.tail, "paragraph")


#: Elements of trafilatura's body that stand apart on the page: their text is spaced off its neighbours'.
_SPACED = frozenset(["head", "p", "lb", "list", "item", "quote", "table", "row", "cell"])


def _spaced_text(node: etree._Element, skip: str | None = None) -> str:
    """The node's text, a space around each block-level element in it (a cell's heading and paragraph).

    Elements tagged ``skip`` are left out, a space in their place. Read by a walk,
    not by recursion: a hostile page's lists may nest thousands deep.
    """
    parts = [node.text or ""]
    walk = etree.iterwalk(node, events=("start", "end"))
    for event, element in walk:
        if element is node:
            continue
        spaced = element.tag in _SPACED or element.tag == skip
        if event == "start":
            if spaced:
                parts.append(" ")
            if element.tag == skip:
                walk.skip_subtree()  # (its "end" still comes, with its tail)
            else:
                parts.append(element.text or "")
        else:
            if spaced:
                parts.append(" ")
            parts.append(element.tail or "")
    return "".join(parts)


def _lines(node: etree._Element, kind: str, nested: str | None = None) -> Iterable[Block]:
    """The node's text, split where the page had line breaks (``<br>`` → ``<lb/>``).

    A paragraph line that starts with a bullet is a list item, as in plain text;
    in a quote, heading or list item the bullet goes too, as it would when the
    article's text is read again. Children tagged ``nested`` (a list inside a
    list item) are left out: their items are read as items of their own.
    """
    for line_break in node.iter("lb"):
        if not line_break.tail or not line_break.tail.startswith("\n"):  # (once, though a nested one is seen twice)
            line_break.tail = "\n" + (line_break.tail or "")
    return _text_lines(_spaced_text(node, skip=nested), kind)


def _text_lines(text: str, kind: str) -> Iterable[Block]:
    """Blocks of ``kind`` from the lines of ``text``; a bulleted paragraph line is a list item."""
    for line in text.split("\n"):
        bullet = BULLET_PREFIX.match(line)
        line = normalize_whitespace(line[bullet.end() :] if bullet else line)
        if line:
            yield Block(line, "list_item" if bullet and kind == "paragraph" else kind)


_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "figure",
        "figcaption",
        "pre",
    ]
)
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "head", "title"))
#: What breaks a page's text into lines for :func:`unglued`.
_LINE_BREAKING = _BLOCK_TAGS | _MORE_BLOCK_TAGS


def flat_text(html: str) -> str:
    """The page's text with line breaks at block tags, read by a streaming tokenizer.

    The fallback when lxml yields nothing: libxml2 silently drops content nested
    deeper than its limit (a page of 100,000 nested divs parses to an empty
    body), while the standard library's tokenizer keeps no tree and so has no
    depth to run out of.
    """
    return read_flat(html).text


#: A page read without a tree (:func:`read_flat`) stops after this many tags ...
FLAT_MAX_TAGS = 250_000
#: ... or this many block boundaries (``<p>``, ``<div>``, ``<br>``...), whichever comes first.
FLAT_MAX_BLOCKS = 20_000
#: The page is fed to the tokenizer in pieces of this many characters, so that it can stop early.
_FLAT_CHUNK = 65_536


@attrs.frozen
class FlatText:
    """What :func:`read_flat` read: the text, and whether it stopped before the end of the page."""

    text: str
    tags: int
    truncated: bool


def read_flat(html: str, *, max_tags: int | None = None, max_blocks: int | None = None) -> FlatText:
    """The page's text with line breaks at block tags, by the standard library's streaming tokenizer.

    No tree is built, so neither depth nor size can blow up; with ``max_tags``
    or ``max_blocks`` the reading stops after that many tags or block
    boundaries, which bounds its time (the tokenizer spends about ten
    microseconds a tag) and the number of blocks later steps see.
    """
    from html.parser import HTMLParser

    parts: list[str] = []
    skipping = 0
    tags = 0
    blocks = 0

    class _Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            nonlocal skipping, tags, blocks
            tags += 1
            if tag in _SKIP_TAGS:
                skipping += 1
            elif tag in _BLOCK_TAGS:
                blocks += 1
                parts.append("\n")

        def handle_endtag(self, tag):
            nonlocal skipping
            if tag in _SKIP_TAGS:
                skipping = max(0, skipping - 1)
            elif tag in _BLOCK_TAGS:
                parts.append("\n")

        def handle_data(self, data):
            if not skipping:
                parts.append(data)

    collector = _Collector(convert_charrefs=True)
    tag_limit = max_tags if max_tags is not None else len(html) + 1
    block_limit = max_blocks if max_blocks is not None else len(html) + 1
    for start in range(0, len(html), _FLAT_CHUNK):
        if tags >= tag_limit or blocks >= block_limit:
            text = "".join(parts)
            cut = text.rfind("\n")  # the last block may be cut in the middle of a word: it goes
            return FlatText(text[:cut] if cut > 0 else text, tags, True)
        collector.feed(html[start : start + _FLAT_CHUNK])
    collector.close()
    return FlatText("".join(parts), tags, False)


def tag_count(html: str) -> int:
    """Tags in the page, counted as ``<`` characters (an upper bound, at C speed)."""
    return html.count("<")


_BODY_START = re.compile(r"<body\b", re.IGNORECASE)


def head_html(html: str) -> str:
    """The page up to its ``<body>``: where the title, meta tags and most JSON-LD are.

    What is parsed of a page too large to parse whole (:data:`MAX_HTML_TAGS`);
    an empty document when that part alone is over the limit.
    """
    match = _BODY_START.search(html)
    head = html[: match.start()] if match else ""
    return head if head.strip() and tag_count(head) <= MAX_HTML_TAGS else "<html></html>"
