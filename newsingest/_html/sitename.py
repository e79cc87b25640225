"""A site's own name, told apart from an article's title.

``og:title`` and ``<title>`` often end in the site's name (``Machine learning,
explained | MIT Sloan``), and a page whose metadata names no headline may offer
the site's logo text as one (``엔터 미디어``). The site's names come from what
the page declares (``og:site_name``, the publisher, ``application-name``) and
from its address (``mitsloan.mit.edu`` → ``mitsloan``); a title segment is the
site's name when, letters and digits only and case folded, it equals one of
them, holds a host label, or is held by one.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Separators between a title and the site's name, as pages write them.
_SUFFIX = re.compile(r"\s+[|\-–—•·:»«]{1,2}\s+(?=[^|\-–—•·»«]+$)")
_LONGEST_TITLE = 400
#: Host labels that name no site.
_GENERIC_LABELS = frozenset({"www", "blog", "blogs", "news", "home", "html", "index", "amp"})


def compact(text: str) -> str:
    """Letters and digits only, case folded: ``MIT Sloan`` → ``mitsloan``."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def site_names(*declared_or_url: str | None) -> list[str]:
    """The compact names a site goes by: declared names as given, and the labels of a URL's host."""
    names: list[str] = []
    for value in declared_or_url:
        if not value:
            continue
        if "://" in value:
            try:
                host = urlsplit(value).hostname or ""
            except ValueError:
                continue
            labels = host.split(".")[:-1]  # the top-level domain names no site
            names.extend(label for label in labels if len(label) >= 4 and label not in _GENERIC_LABELS)
        elif compact(value):
            names.append(compact(value))
    return names


def is_site_name(title: str, sites: list[str]) -> bool:
    """True when the whole title is the site's name (a logo's text, not a headline)."""
    return bool(sites) and compact(title) in sites


def _names_the_site(segment: str, sites: list[str]) -> bool:
    folded = compact(segment)
    if len(folded) < 3:
        return False
    return any(folded == site or site in folded or (len(folded) >= 4 and folded in site) for site in sites)


def strip_site_suffix(title: str, sites: list[str]) -> str:
    """The title without trailing segments that name the site (``… | MIT Sloan``).

    Titles longer than a headline can be are left as they are.
    """
    while sites and len(title) <= _LONGEST_TITLE:
        match = _SUFFIX.search(title)
        if not match or not _names_the_site(title[match.end() :], sites):
            break
        head = title[: match.start()].rstrip()
        if len(compact(head)) < 3:
            break
        title = head
    return title
