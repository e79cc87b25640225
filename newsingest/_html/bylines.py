"""A byline read off the page, for pages whose metadata names no author.

The same search as trafilatura's ``extract_author`` (its XPath expressions, in
its order: author links and ``author-name`` classes, then byline classes, then
any element whose class or id names an author; comments, sidebars, dates and
figures left out), written as one pass over the page's elements instead of seven XPath scans with
EXSLT regular expressions, and without copying the page to prune it: an
element inside a left-out part is skipped instead. Several times cheaper, and
the same answers on the 200 benchmark pages. One addition: an author box's
social links and text for screen readers only are left out of the name.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

_TAGS_0 = frozenset(("a", "address", "div", "link", "p", "span", "strong"))
_TAGS_1 = frozenset(("a", "div", "h3", "h4", "p", "span"))
_TAGS_LEFT_OUT = frozenset(("a", "div", "section", "span"))
_CLASS_0 = ("authorname", "author-name", "AuthorName", "authorName")
_ID_1 = ("author", "zuozhe", "bianji", "xiaobian")
_CLASS_1 = ("author", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by", "posted-by", "journalist-name")
_CLASS_2 = ("author", "Author", "screenname", "writer", "byline", "Byline")
_ID_LEFT_OUT = ("commentlist", "comment-list", "ProductReviews")
_CLASS_LEFT_OUT = (
    "commentlist",
    "comments-list",
    "sidebar",
    "is-hidden",
    "quote",
    "embedly-instagram",
    "article-share",
    "article-support",
    "print",
    "category",
    "meta-date",
    "meta-reviewer",
    # not trafilatura's: an author box's social links, and labels for screen readers only
    # (``Jane Roe`` and then ``Twitter``, ``Email``)
    "social-list",
    "screen-reader",
    "sr-only",
    "visually-hidden",
)


def _fragments(*fragments: str) -> re.Pattern:
    """A pattern that finds any of ``fragments`` (plain substrings): one C-level scan per value."""
    return re.compile("|".join(map(re.escape, fragments)))


_CLASS_0_RE, _ID_1_RE, _CLASS_1_RE = _fragments(*_CLASS_0), _fragments(*_ID_1), _fragments(*_CLASS_1)
_CLASS_2_RE, _ID_2_RE = _fragments(*_CLASS_2), _fragments("author", "Author")
_ID_LEFT_OUT_RE, _CLASS_LEFT_OUT_RE = _fragments(*_ID_LEFT_OUT), _fragments(*_CLASS_LEFT_OUT)

#: The elements any of the searches can pick: those with one of the attributes they read.
_MARKED = etree.XPath(
    "//*[@class or @id or @itemprop or @rel or @data-testid or @data-component or self::author or self::time"
    " or self::figure]"
)


def _classify(tree: lxml_html.HtmlElement) -> tuple[list[list], set]:
    """One pass over the page: byline candidates of each search, in document order, and left-out parts."""
    found: list[list] = [[], [], []]
    left_out = set()
    for element in _MARKED(tree):
        tag = element.tag
        get = element.get
        cls, ident, itemprop = get("class") or "", get("id") or "", get("itemprop") or ""
        component = get("data-component") or ""
        if tag == "author" or (
            tag in _TAGS_0
            and (
                get("rel") == "author"
                or ident == "author"
                or cls == "author"
                or itemprop == "author name"
                or get("data-testid") in ("AuthorCard", "AuthorURL")
                or _CLASS_0_RE.search(cls)
            )
        ):
            found[0].append(element)
        if tag in _TAGS_1 and (
            cls in ("byline", "username", "byl", "BBL")
            or "author" in itemprop
            or _ID_1_RE.search(ident)
            or _CLASS_1_RE.search(cls)
        ):
            found[1].append(element)
        if "Byline" in component or "author" in itemprop or _ID_2_RE.search(ident) or _CLASS_2_RE.search(cls):
            found[2].append(element)
        if tag in ("time", "figure") or (
            tag in _TAGS_LEFT_OUT
            and (
                ident == "comments"
                or cls in ("comments", "title", "date")
                or ident.startswith("comments")
                or _ID_LEFT_OUT_RE.search(ident)
                or cls.startswith(("Comments", "comments"))
                or _CLASS_LEFT_OUT_RE.search(cls)
                or "Figure" in component
            )
        ):
            left_out.add(element)
    return found, left_out


#: A byline's length in characters, exclusive bounds (trafilatura's).
_SHORTEST, _LONGEST = 2, 120


def page_byline(tree: lxml_html.HtmlElement) -> str | None:
    """The first byline-like element's text, as trafilatura's author search would find it."""
    found, left_out = _classify(tree)
    for candidates in found:
        for element in candidates:
            if element in left_out or any(ancestor in left_out for ancestor in element.iterancestors()):
                continue
            try:
                text = " ".join(" ".join(_text_outside(element, left_out)).split())
            except RecursionError:  # a byline nested deeper than any page writes one
                continue
            if _SHORTEST < len(text) < _LONGEST:
                return _normalise(text)
    return None


def _text_outside(element, left_out: set) -> list[str]:
    """The element's text, without what its left-out descendants hold (their tails stay)."""
    parts = [element.text or ""]
    for child in element:
        if child not in left_out and isinstance(child.tag, str):
            parts.extend(_text_outside(child, left_out))
        parts.append(child.tail or "")
    return parts


def _normalise(text: str) -> str | None:
    """trafilatura's clean-up of an author string (``by``, e-mail addresses, separators)."""
    try:
        from trafilatura.metadata import normalize_authors

        return normalize_authors(None, text)
    except Exception:  # an older trafilatura without it: the raw byline, cleaned by author_names
        return text
