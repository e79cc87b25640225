"""Tell HTML from plain text.

Scraped plain text can mention a tag in passing, so one ``<`` is not enough: an
input is HTML when it opens with markup (a doctype, ``<html>``, a comment or a
structural tag) or when structural tags are dense in its first few kilobytes.
"""

from __future__ import annotations

import re

from newsingest.errors import InputError

_OPENS_WITH_MARKUP = re.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--(?:(?!-->).){0,2000}-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|section|p|span|h[1-6]|table|ul|script|style|link)\b",
    re.IGNORECASE | re.DOTALL,
)
_STRUCTURAL_TAG = re.compile(
    r"</?(?:p|div|br|span|a|li|ul|h[1-6]|article|section|body|html|table|tr|td|img|figure)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
#: Tags in the first 5,000 characters that make text HTML even without an opening tag.
MIN_TAGS = 4


def is_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than plain text."""
    head = text[:5000]
    if _OPENS_WITH_MARKUP.match(head):
        return True
    return len(_STRUCTURAL_TAG.findall(head)) >= MIN_TAGS


#: Root elements of XML documents that are not article pages (see :data:`_WHAT`).
_NOT_ARTICLE_ROOT = re.compile(r"<(?P<tag>svg|rss|feed|rdf:RDF|urlset|sitemapindex|opml)\b", re.IGNORECASE)
_WHAT = {
    "svg": "an SVG image",
    "rss": "an RSS feed",
    "feed": "an Atom feed",
    "rdf:rdf": "an RSS (RDF) feed",
    "urlset": "a sitemap",
    "sitemapindex": "a sitemap index",
    "opml": "an OPML outline",
}
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def reject_non_article(text: str) -> None:
    """Raise :class:`InputError` for markup that is no article page: SVG, feeds, sitemaps, comments only."""
    head = text[:25_000].lstrip()
    match = _NOT_ARTICLE_ROOT.match(head, _first_element(head))
    if match:
        what = _WHAT[match.group("tag").lower()]
        raise InputError(f"input is {what}, not an article (give the article pages themselves)")
    if head.startswith("<!--") and not _COMMENT.sub("", text).strip():
        raise InputError("input holds only HTML comments, no article")


def _first_element(head: str) -> int:
    """Where the first element starts, past an XML declaration, comments and a doctype (linear: no regex)."""
    position = 0
    while True:
        while position < len(head) and head[position].isspace():
            position += 1
        if head.startswith("<?", position):
            end, skip = head.find("?>", position), 2
        elif head.startswith("<!--", position):
            end, skip = head.find("-->", position + 4), 3
        elif head[position : position + 9].lower() == "<!doctype":
            end, skip = head.find(">", position), 1
        else:
            return position
        if end < 0:
            return position
        position = end + skip


def detect_format(text: str) -> str:
    """``"html"`` or ``"text"``; :class:`InputError` for markup that is not an article (see :func:`reject_non_article`)."""
    reject_non_article(text)
    return "html" if is_html(text) else "text"
