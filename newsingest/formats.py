"""Tell HTML from plain text.

Scraped plain text can mention a tag in passing, so one ``<`` is not enough: an
input is HTML when it opens with markup (a doctype, ``<html>``, a comment or a
structural tag) or when structural tags are dense in its first few kilobytes.
"""

from __future__ import annotations

import re

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


def detect_format(text: str) -> str:
    """``"html"`` or ``"text"``."""
    return "html" if is_html(text) else "text"
