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

import attrs
from lxml import html as lxml_html

from .model import Date, parse_date

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
    tree: lxml_html.HtmlElement, *, tags: dict[str, str] | None = None, json_ld: list[Any] | None = None
) -> PageMetadata:
    """Collect metadata from JSON-LD, meta tags, ``<link rel=canonical>`` and ``<html lang>``.

    ``tags`` (:func:`meta_tags`) and ``json_ld`` (:func:`parse_json_ld`) may be
    passed in when the caller has read them already, so the page is scanned once.
    """
    meta = PageMetadata()
    for data in parse_json_ld(tree) if json_ld is None else json_ld:
        for node in _article_nodes(data):
            _fill_from_jsonld(meta, node)
    tags = meta_tags(tree) if tags is None else tags
    meta.title = meta.title or tags.get("og:title") or tags.get("twitter:title")
    if not meta.authors:
        for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author"):
            if tags.get(key) and not tags[key].startswith("http"):
                meta.authors = [a.strip() for a in tags[key].split(",") if a.strip()]
                break
    meta.published = meta.published or _date(
        tags.get("article:published_time")
        or tags.get("og:article:published_time")
        or tags.get("pubdate")
        or tags.get("date")
        or tags.get("dc.date")
        or tags.get("publish-date")
    )
    meta.updated = meta.updated or _date(tags.get("article:modified_time") or tags.get("og:updated_time"))
    canonical = tree.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href")
    meta.url = meta.url or (canonical[0].strip() if canonical else None) or tags.get("og:url")
    meta.site_name = meta.site_name or tags.get("og:site_name")
    meta.description = meta.description or tags.get("og:description") or tags.get("description")
    meta.section = meta.section or tags.get("article:section")
    if not meta.keywords and tags.get("keywords"):
        meta.keywords = [k.strip() for k in tags["keywords"].split(",") if k.strip()]
    lang = tree.get("lang") or tags.get("og:locale") or tags.get("content-language")
    meta.language = lang.replace("_", "-").split("-")[0].lower() if lang else None
    meta.captions = _figure_captions(tree)
    if not (meta.title and meta.authors and meta.published):
        _fill_from_page_text(meta, tree)
    meta.title = meta.title or _title_tag(tree)
    return meta


def _fill_from_page_text(meta: PageMetadata, tree: lxml_html.HtmlElement) -> None:
    """What structured metadata left out, from trafilatura's reading of the page itself.

    Headline (``<h1>`` and a cleaned ``<title>``), bylines and dates (htmldate,
    without its slow extensive search): the fallback for pages that publish no
    JSON-LD or Open Graph, run on a copy because trafilatura prunes what it reads.
    """
    from trafilatura.metadata import extract_metadata

    try:
        found = extract_metadata(copy.deepcopy(tree), default_url=meta.url, extensive=False)
    except Exception:  # a fallback that fails leaves the fields empty, not the article
        return
    meta.title = meta.title or (" ".join(found.title.split()) if found.title else None)
    if not meta.authors and found.author:
        meta.authors = [name.strip() for name in found.author.split(";") if name.strip()]
    meta.published = meta.published or _date(found.date)


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
    titles = tree.xpath("//title/text()")
    return " ".join(titles[0].split()) if titles else None


def parse_json_ld(tree: lxml_html.HtmlElement) -> list[Any]:
    """Every ``<script type="application/ld+json">`` of the page, parsed (unreadable ones left out)."""
    found = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
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
    meta.title = meta.title or _text(node.get("headline")) or _text(node.get("name"))
    if not meta.authors:
        meta.authors = list(_names(node.get("author")))
    meta.published = meta.published or _date(_text(node.get("datePublished")))
    meta.updated = meta.updated or _date(_text(node.get("dateModified")))
    url = node.get("url") or node.get("mainEntityOfPage")
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    meta.url = meta.url or _text(url)
    publisher = node.get("publisher")
    if isinstance(publisher, dict):
        meta.site_name = meta.site_name or _text(publisher.get("name"))
    meta.description = meta.description or _text(node.get("description"))
    meta.section = meta.section or _text(node.get("articleSection"))
    if not meta.editor:
        meta.editor = next(iter(_names(node.get("editor"))), None)
    keywords = node.get("keywords")
    if not meta.keywords and keywords:
        meta.keywords = [
            k.strip()
            for k in (keywords.split(",") if isinstance(keywords, str) else keywords)
            if isinstance(k, str) and k.strip()
        ]


def _names(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if value.strip() and not value.startswith("http"):
            yield value.strip()
    elif isinstance(value, list):
        for item in value:
            yield from _names(item)
    elif isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str) and name.strip():
            yield " ".join(name.split())


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _date(value: str | None) -> Date | None:
    if not value:
        return None
    try:
        return parse_date(value.strip())
    except ValueError:
        return _loose_date(value)


_LOOSE_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")


def _loose_date(value: str) -> Date | None:
    """Dates like ``2023-01-09T10:00:00+0000`` or ``2023-01-09 10:00`` that fromisoformat refuses."""
    match = _LOOSE_DATE.match(value)
    if not match:
        return None
    day, time, zone = match.groups()
    if not time:
        return parse_date(day)
    if zone and zone != "Z" and ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    try:
        return parse_date(f"{day}T{time}{zone or ''}")
    except ValueError:
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
    from .cleaners.captions import credit_tail

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
            caption = {"text": text}
            caption.update({k: v for k, v in (("credit", credit), ("duration", duration)) if v})
            captions.append(caption)
    return captions
