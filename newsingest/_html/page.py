"""The HTML page as plugin hooks see it: parsed, and its metadata read, once per article.

A :class:`Page` is built by the pipeline for every HTML input before any plugin
runs (fundus calls the same idea ``Precomputed``): the parsed tree, the
``<meta>`` tags, the JSON-LD blocks and the canonical URL. Hooks read them from
``draft.page`` instead of scanning the tree again. Text inputs have no page
(``draft.page is None``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from newsingest._html.meta import PageMetadata, meta_tags, parse_json_ld, read_page_metadata

if TYPE_CHECKING:
    from lxml.html import HtmlElement


@attrs.frozen
class Page:
    """One HTML page, parsed and read once.

    ``tree`` is the lxml tree extraction runs on: ``prepare_dom`` hooks may change
    it (drop nodes), nobody should replace it. ``meta`` maps the lower-cased
    ``property``/``name``/``itemprop`` of each ``<meta>`` tag to its content (the
    first one wins), ``json_ld`` holds every JSON-LD block as parsed, and
    ``canonical_url`` is the URL the page gives for itself (JSON-LD ``url``,
    ``<link rel=canonical>`` or ``og:url``). ``metadata`` is what newsingest
    read from all of these (title, authors, dates, ...).
    """

    html: str = attrs.field(repr=False)
    tree: HtmlElement = attrs.field(repr=False, eq=False)
    meta: Mapping[str, str] = attrs.field(repr=False)
    json_ld: tuple[Any, ...] = attrs.field(repr=False)
    metadata: PageMetadata

    @property
    def canonical_url(self) -> str | None:
        return self.metadata.url

    @classmethod
    def read(cls, html: str, tree: HtmlElement, url: str | None = None) -> Page:
        """Read a parsed page: its meta tags and JSON-LD once, then newsingest's metadata from them.

        ``url``, the address the caller knows, helps tell a site's name from a title.
        """
        tags = meta_tags(tree)
        json_ld = parse_json_ld(tree)
        metadata = read_page_metadata(tree, url, tags=tags, json_ld=json_ld)
        return cls(html, tree, MappingProxyType(tags), tuple(json_ld), metadata)

    def with_tree(self, tree: HtmlElement) -> Page:
        """The same page on a fresh tree (the pipeline's fallback after a plugin failed)."""
        return attrs.evolve(self, tree=tree)
