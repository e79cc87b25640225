"""Metadata from an HTML page: JSON-LD first, then meta tags, then the page itself.

News sites publish their own metadata for search engines (schema.org JSON-LD and
Open Graph tags). It is more reliable than anything read off the visible text,
so it wins; trafilatura's guesses fill what is left (see :mod:`.htmlextract`).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import attrs
from lxml import etree
from lxml import html as lxml_html

from newsingest._html.authors import author_names, clean_metadata_text
from newsingest._html.bylines import page_byline
from newsingest._html.dates import first_date_line, page_date
from newsingest._html.sitename import is_site_name, site_names, strip_site_suffix
from newsingest._text.blocks import BULLET_PREFIX
from newsingest._text.leads import lead_alternation
from newsingest.model import Date, parse_date

_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "webpage",
    "liveblogposting",
}


#: Compiled once: a path given as a string is compiled again on every call.
_CANONICAL = etree.XPath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href", smart_strings=False)
_TITLE = etree.XPath("//title/text()", smart_strings=False)
_JSONLD = etree.XPath("//script[@type='application/ld+json']")
#: A "read also" link's lead-in (``Baca juga:``): a heading that opens so is another story's link.
_READ_ALSO_LINK = re.compile(rf"(?i:{lead_alternation()})\s*:")

_PUBLISHED_TAGS = (
    "article:published_time",
    "og:article:published_time",
    "pubdate",
    "date",
    "dc.date",
    "publish-date",
    "datepublished",  # schema.org microdata: <meta itemprop="datePublished" content="…">
)
#: schema.org microdata on any element (``<time itemprop="datePublished" datetime="…">``): the page's
#: own statement of its date, read before guessing from the first line that looks like one.
_MICRODATA_PUBLISHED = etree.XPath(
    "//*[@itemprop='datePublished']/@datetime | //*[@itemprop='datePublished']/@content", smart_strings=False
)


@attrs.define
class PageMetadata:
    """What the page says about itself."""

    title: str | None = None
    authors: list[str] = attrs.field(factory=list)
    published: Date | None = None
    updated: Date | None = None
    url: str | None = None
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    section: str | None = None
    editor: str | None = None
    keywords: list[str] = attrs.field(factory=list)
    captions: list[dict[str, str]] = attrs.field(factory=list)


def read_page_metadata(
    tree: lxml_html.HtmlElement,
    url: str | None = None,
    *,
    tags: dict[str, str] | None = None,
    json_ld: list[Any] | None = None,
) -> PageMetadata:
    """Collect metadata from JSON-LD, meta tags, ``<link rel=canonical>`` and ``<html lang>``.

    Every string is cleaned like body text (entities unescaped, lone surrogates
    and control characters replaced), author strings become names
    (:func:`~newsingest._html.authors.author_names`), and a value the page gets wrong
    (an impossible date, ``"keywords": 42``, a URL that cannot be parsed) costs
    only its own field. ``url``, the address the caller knows, helps tell a
    site's name from a title. ``tags`` (:func:`meta_tags`) and ``json_ld``
    (:func:`parse_json_ld`) may be passed in when the caller has read them
    already, so the page is scanned once.
    """
    meta = PageMetadata()
    declared_jsonld_date = False
    for data in parse_json_ld(tree) if json_ld is None else json_ld:
        for node in _article_nodes(data):
            _fill_from_jsonld(meta, node)
            declared_jsonld_date = declared_jsonld_date or bool(node.get("datePublished"))
    tags = meta_tags(tree) if tags is None else tags
    if not meta.authors:
        for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author"):
            meta.authors = author_names(tags[key]) if tags.get(key) else []
            if meta.authors:
                break
    meta.published = meta.published or _first_date(tags, *_PUBLISHED_TAGS)
    meta.updated = meta.updated or _first_date(tags, "article:modified_time", "og:updated_time", "datemodified")
    canonical = _CANONICAL(tree)
    meta.url = meta.url or (_url(canonical[0]) if canonical else None) or _url(tags.get("og:url"))
    meta.site_name = meta.site_name or _text(tags.get("og:site_name"))
    meta.description = meta.description or _text(tags.get("og:description") or tags.get("description"))
    meta.section = meta.section or _text(tags.get("article:section"))
    if not meta.keywords and tags.get("keywords"):
        meta.keywords = _keywords(tags["keywords"])
    lang = tree.get("lang") or tags.get("og:locale") or tags.get("content-language")
    meta.language = _language(lang)
    meta.captions = _figure_captions(tree)
    sites = site_names(meta.site_name, tags.get("application-name"), url or meta.url)
    candidates = [meta.title, _text(tags.get("og:title")), _text(tags.get("twitter:title"))]
    meta.title = _best_title(candidates, sites)
    if not meta.title:
        meta.title = _best_title([_page_title(tree), _title_tag(tree)], sites)
    if not meta.authors:
        meta.authors = _page_authors(tree)
    if meta.published is None:
        meta.published = next(filter(None, map(_date, _MICRODATA_PUBLISHED(tree))), None)
    if meta.published is None:
        # a date the page declares but gets wrong (0000-00-00) is no date: htmldate,
        # which reads the same tags, would only guess at it
        declared = any(tags.get(key) for key in _PUBLISHED_TAGS) or declared_jsonld_date
        meta.published = first_date_line(tree) if declared else page_date(tree, url or meta.url)
    return meta


def _best_title(candidates: list[str | None], sites: list[str]) -> str | None:
    """The first candidate that is more than the site's name, with a site-name suffix cut.

    A list bullet opening it goes, as it goes from every list line of the body: the
    body's copy of the headline is then seen as the title repeated. A "read also" link
    (``Baca juga: …``, a page's heading when it has no ``<title>``) is no candidate.
    """
    for candidate in candidates:
        candidate = BULLET_PREFIX.sub("", candidate, count=1) if candidate else candidate
        if candidate and not is_site_name(candidate, sites) and not _READ_ALSO_LINK.match(candidate):
            return strip_site_suffix(candidate, sites)
    return None


def _page_title(tree: lxml_html.HtmlElement) -> str | None:
    """The headline read off the page (a lone ``<h1>``, title-like elements), by trafilatura."""
    try:
        from trafilatura.metadata import extract_title

        return _text(extract_title(tree))
    except Exception:  # a fallback that fails leaves the field empty, not the article
        return None


def _page_authors(tree: lxml_html.HtmlElement) -> list[str]:
    """Bylines read off the page (author links, byline classes), as trafilatura finds them."""
    found = page_byline(tree)
    return author_names(found.split(";")) if found else []


def meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """The page's ``<meta>`` tags: lower-cased property/name/itemprop/http-equiv → content (first wins)."""
    tags: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (
            (node.get("property") or node.get("name") or node.get("itemprop") or node.get("http-equiv") or "")
            .strip()
            .lower()
        )
        content = (node.get("content") or "").strip()
        if key and content and key not in tags:
            tags[key] = content
    return tags


def _title_tag(tree: lxml_html.HtmlElement) -> str | None:
    titles = _TITLE(tree)
    return _text(titles[0]) if titles else None


def parse_json_ld(tree: lxml_html.HtmlElement) -> list[Any]:
    """Every ``<script type="application/ld+json">`` of the page, parsed (unreadable ones left out)."""
    found = []
    for script in _JSONLD(tree):
        try:
            found.append(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue
    return found


def _article_nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _article_nodes(item, depth + 1)
    elif isinstance(data, dict):
        types = data.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
            yield data
        if "@graph" in data:
            yield from _article_nodes(data["@graph"], depth + 1)


def _fill_from_jsonld(meta: PageMetadata, node: dict[str, Any]) -> None:
    """Fields still empty, from one JSON-LD article node; a field of the wrong type is skipped."""
    meta.title = meta.title or _text(node.get("headline")) or _text(node.get("name"))
    if not meta.authors:
        meta.authors = author_names(list(_names(node.get("author"))))
    meta.published = meta.published or _date(_text(node.get("datePublished")))
    meta.updated = meta.updated or _date(_text(node.get("dateModified")))
    url = node.get("url") or node.get("mainEntityOfPage")
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    meta.url = meta.url or _url(_text(url))
    publisher = node.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict):
        meta.site_name = meta.site_name or _text(publisher.get("name"))
    meta.description = meta.description or _text(node.get("description"))
    meta.section = meta.section or _text(node.get("articleSection"))
    if not meta.editor:
        meta.editor = next(iter(author_names(list(_names(node.get("editor"))))), None)
    if not meta.keywords:
        meta.keywords = _keywords(node.get("keywords"))


def _keywords(value: Any) -> list[str]:
    """Keywords as a comma-separated string or a list of strings; anything else gives none."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    return [keyword for keyword in (_text(item) for item in value if isinstance(item, str)) if keyword]


def _names(value: Any, depth: int = 0) -> Iterator[str]:
    """Author strings of a JSON-LD ``author``: a string, a Person/Organization, or a list of them."""
    if depth > 3:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _names(item, depth + 1)
    elif isinstance(value, dict) and isinstance(value.get("name"), str):
        yield value["name"]


def _text(value: Any) -> str | None:
    """A metadata string, cleaned like body text; ``None`` for anything else or nothing."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    return clean_metadata_text(value) or None


def _url(value: str | None) -> str | None:
    """An absolute http(s) URL that parses, cleaned; anything else is no URL."""
    value = _text(value)
    if not value:
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a bad port
        parts.hostname  # noqa: B018 - checks the host part
    except ValueError:
        return None
    return value if parts.scheme in ("http", "https") and parts.netloc else None


def _language(value: str | None) -> str | None:
    code = _text(value)
    code = code.replace("_", "-").split("-")[0].lower() if code else ""
    return code if code.isascii() and code.isalpha() and 2 <= len(code) <= 3 else None


def _first_date(tags: dict[str, str], *keys: str) -> Date | None:
    for key in keys:
        found = _date(tags.get(key))
        if found is not None:
            return found
    return None


def _date(value: str | None) -> Date | None:
    """A date the page gives, or ``None`` for one that is not a real date (``0000-00-00``)."""
    if not value or not isinstance(value, str):
        return None
    try:
        return parse_date(value.strip())
    except (ValueError, OverflowError):
        return _loose_date(value)


_LOOSE_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")


def _loose_date(value: str) -> Date | None:
    """Dates like ``2023-01-09T10:00:00+0000`` or ``2023-01-09 10:00`` that fromisoformat refuses."""
    match = _LOOSE_DATE.match(value)
    if not match:
        return None
    day, time, zone = match.groups()
    if zone and zone != "Z" and ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    try:
        return parse_date(f"{day}T{time}{zone or ''}" if time else day)
    except (ValueError, OverflowError):
        return None


_CREDIT_XPATH = ".//*[contains(@class, 'credit') or contains(@class, 'source') or contains(@class, 'copyright')]"
_DURATION_XPATH = ".//*[contains(@class, 'duration')]"


def _take_text(node, xpath: str) -> str:
    """Text of the sub-elements ``xpath`` finds, which are then dropped from ``node``."""
    found = node.xpath(xpath)
    text = " ".join(" ".join(f.text_content().split()) for f in found).strip()
    for element in found:
        element.drop_tree()
    return text


def _figure_captions(tree: lxml_html.HtmlElement) -> list[dict[str, str]]:
    """Captions of the page's figures, split into text and credit where the page or the text allows."""
    from newsingest._text.cleaners.captions import credit_tail

    captions = []
    for original in tree.iter("figcaption"):
        node = copy.deepcopy(original)  # reading must not change the page that is extracted next
        credit = _take_text(node, _CREDIT_XPATH)
        duration = _take_text(node, _DURATION_XPATH)
        text = " ".join(node.text_content().split())
        if not credit:
            credit = credit_tail(text) or ""
            text = text[: len(text) - len(credit)].strip() if credit else text
        if text or credit:
            caption = {"text": text, "credit": credit}  # (credit empty when none: every caption has both keys)
            if duration:
                caption["duration"] = duration  # a video's
            captions.append(caption)
    return captions
