"""An article as a self-contained HTML fragment: what ``Article._repr_html_`` shows in Jupyter.

Standard library only, and no import of :mod:`newsingest.model` at run time, so
the model can render itself without an import cycle.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsingest.model import Article, Block, Link, Removed

_e = html.escape  # quote=True: safe inside attribute values too

_FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif"
_STYLE = {
    "card": (
        f"font-family:{_FONT};font-size:14px;line-height:1.55;color:#1f2328;background:#ffffff;"
        "border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;max-width:760px;text-align:left"
    ),
    "title": "font-size:1.45em;line-height:1.3;font-weight:650;margin:0 0 6px 0;color:#1f2328;border:0;padding:0",
    "untitled": "font-size:1.2em;font-style:italic;font-weight:500;margin:0 0 6px 0;color:#57606a",
    "meta": "font-size:0.9em;color:#57606a;margin:0 0 12px 0;padding:0 0 10px 0;border-bottom:1px solid #d8dee4",
    "fact": "display:inline-block;margin:0 14px 2px 0;white-space:nowrap",
    "label": "color:#8c959f;font-size:0.85em;text-transform:uppercase;letter-spacing:.04em;margin-right:4px",
    "badge": (
        "display:inline-block;background:#ddf4ff;color:#0550ae;border-radius:10px;padding:0 8px;"
        "font-weight:600;font-size:0.9em"
    ),
    "lang": (
        "display:inline-block;background:#fff8c5;color:#7d4e00;border-radius:6px;padding:0 5px;"
        "font-size:0.75em;margin-left:6px;vertical-align:middle"
    ),
    "body": "margin:0",
    "p": "margin:0 0 10px 0;padding:0",
    "h": "font-size:1.12em;font-weight:650;margin:16px 0 8px 0;padding:0;color:#1f2328;border:0",
    "quote": "margin:0 0 10px 0;padding:2px 0 2px 12px;border-left:3px solid #d0d7de;color:#424a53",
    "ul": "margin:0 0 10px 0;padding-left:22px",
    "li": "margin:0 0 4px 0",
    "empty": "color:#8c959f;font-style:italic;margin:0 0 10px 0",
    "section": "margin:14px 0 0 0;padding:10px 0 0 0;border-top:1px solid #d8dee4",
    "summary": "cursor:pointer;font-size:0.9em;font-weight:600;color:#57606a;margin:0 0 6px 0",
    "removed": (
        "margin:0 0 6px 0;padding:4px 8px;background:#f6f8fa;border-left:3px solid #cf222e;border-radius:3px;"
        "color:#6e7781;font-size:0.92em"
    ),
    "moved": (
        "margin:0 0 6px 0;padding:4px 8px;background:#f6f8fa;border-left:3px solid #8c959f;border-radius:3px;"
        "color:#6e7781;font-size:0.92em"
    ),
    "why": "margin:0 0 2px 0;font-size:0.9em;color:#57606a;font-style:italic",
    "item": "margin:0 0 2px 0;cursor:help",
    "struck": "text-decoration:line-through;text-decoration-color:rgba(207,34,46,.45)",
    "tag": (
        "display:inline-block;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:0.8em;"
        "font-style:normal;color:#57606a;background:#eaeef2;border-radius:4px;padding:0 5px;margin-right:6px"
    ),
    "warning": (
        "margin:10px 0 0 0;padding:6px 10px;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;"
        "color:#4d2d00;font-size:0.9em"
    ),
    "translation": "margin:0 0 8px 0;padding:0",
    "footer": "margin:12px 0 0 0;font-size:0.8em;color:#8c959f",
}


def _format_date(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        offset = value.strftime("%z")
        return f"{text} UTC{offset[:3]}:{offset[3:]}" if offset else text
    return value.isoformat()


def _fact(label: str, value_html: str) -> str:
    return (
        f'<span class="nsi-fact" style="{_STYLE["fact"]}"><span style="{_STYLE["label"]}">{_e(label)}</span>'
        f"{value_html}</span>"
    )


def _lang_badge(block: Block, article_language: str | None) -> str:
    if block.language and block.language != article_language:
        return f' <span class="nsi-block-lang" style="{_STYLE["lang"]}" title="this block\'s language">{_e(block.language)}</span>'
    return ""


def _body_html(article: Article) -> str:
    parts: list[str] = []
    in_list = False
    for index, block in enumerate(article.paragraphs):
        if block.kind == "list_item" and not in_list:
            parts.append(f'<ul style="{_STYLE["ul"]}">')
            in_list = True
        elif block.kind != "list_item" and in_list:
            parts.append("</ul>")
            in_list = False
        text = _e(block.text) + _lang_badge(block, article.language)
        attrs = f'class="nsi-block nsi-{block.kind}" data-index="{index}"'
        if block.kind == "heading":
            parts.append(f'<h4 {attrs} style="{_STYLE["h"]}">{text}</h4>')
        elif block.kind == "quote":
            parts.append(f'<blockquote {attrs} style="{_STYLE["quote"]}">{text}</blockquote>')
        elif block.kind == "list_item":
            parts.append(f'<li {attrs} style="{_STYLE["li"]}">{text}</li>')
        else:
            parts.append(f'<p {attrs} style="{_STYLE["p"]}">{text}</p>')
    if in_list:
        parts.append("</ul>")
    if not parts:
        parts.append(f'<p class="nsi-empty" style="{_STYLE["empty"]}">(no text kept)</p>')
    return "".join(parts)


def _removed_title(item: Removed) -> str:
    who = f"rule {item.rule}" + (f", plugin {item.plugin}" if item.plugin else ", generic cleaner")
    title = f"{item.reason} ({who})"
    if item.moved_to:
        title += f"; moved to {item.moved_to}"
    return title


def _rule_tag(item: Removed) -> str:
    """``rule``, prefixed with the plugin's name unless the rule's name already starts with it."""
    if item.plugin and not item.rule.startswith(item.plugin):
        return f"{item.plugin}:{item.rule}"
    return item.rule


def _removed_html(article: Article) -> str:
    """Removed pieces in order; a run of pieces with the same rule and reason shares one visible header."""
    if not article.removed:
        return ""
    groups: list[list[Removed]] = []
    for item in article.removed:
        key = (item.rule, item.plugin, item.reason, item.moved_to)
        if groups and (groups[-1][0].rule, groups[-1][0].plugin, groups[-1][0].reason, groups[-1][0].moved_to) == key:
            groups[-1].append(item)
        else:
            groups.append([item])
    parts: list[str] = []
    for group in groups:
        first = group[0]
        moved = first.moved_to is not None
        tag = _rule_tag(first) + (f" → {first.moved_to}" if moved else "")
        count = f" ×{len(group)}" if len(group) > 1 else ""
        items = []
        for item in group:
            cls, style = ("nsi-moved", "") if moved else ("nsi-dropped", f' style="{_STYLE["struck"]}"')
            items.append(
                f'<div class="nsi-removed {cls}" title="{_e(_removed_title(item))}" style="{_STYLE["item"]}">'
                f'<span class="nsi-removed-text"{style}>{_e(item.text)}</span></div>'
            )
        parts.append(
            f'<div class="nsi-removed-group" style="{_STYLE["moved" if moved else "removed"]}">'
            f'<div class="nsi-removed-why" style="{_STYLE["why"]}"><span class="nsi-tag" style="{_STYLE["tag"]}">'
            f'{_e(tag)}</span><span class="nsi-reason">{_e(first.reason)}{count}</span></div>{"".join(items)}</div>'
        )
    dropped = sum(1 for item in article.removed if not item.moved_to)
    moved_count = len(article.removed) - dropped
    summary = f"Removed: {dropped} dropped" + (f", {moved_count} moved to fields" if moved_count else "")
    return (
        f'<details class="nsi-removed-section" open style="{_STYLE["section"]}">'
        f'<summary style="{_STYLE["summary"]}">{_e(summary)} '
        f'<span style="font-weight:400">(hover a line for its rule and reason)</span></summary>{"".join(parts)}</details>'
    )


def _translation_html(article: Article) -> str:
    translation = article.translation
    if translation is None:
        return ""
    paragraphs = "".join(
        f'<p class="nsi-translation-p" style="{_STYLE["translation"]}">{_e(p)}</p>' for p in translation.paragraphs
    )
    title = (
        f'<p style="{_STYLE["translation"]};font-weight:600">{_e(translation.title)}</p>' if translation.title else ""
    )
    model = f" ({translation.model})" if translation.model else ""
    return (
        f'<details class="nsi-translation" style="{_STYLE["section"]}">'
        f'<summary style="{_STYLE["summary"]}">{_e(f"Translation to {translation.language}{model}")}</summary>'
        f"{title}{paragraphs}</details>"
    )


def _warnings_html(article: Article) -> str:
    warnings = article.metadata.get("warnings")
    if not warnings:
        return ""
    if isinstance(warnings, str):
        warnings = [warnings]
    lines = "<br>".join(_e(str(w)) for w in warnings)
    return f'<div class="nsi-warnings" style="{_STYLE["warning"]}">⚠ {lines}</div>'


def _link_text(link: Link) -> str:
    similarity = f", similarity {link.similarity:.2f}" if link.similarity is not None else ""
    matched = f"; {', '.join(link.matched)}" if link.matched else ""
    return f"{link.kind} {link.target} ({'candidate' if link.candidate else 'linked'}{similarity}{matched})"


def _story_html(article: Article) -> str:
    """Which story the article is in, what it copies, why, and unverified candidates (after linking)."""
    if article.story is None and not article.link_candidates:
        return ""
    parts = []
    if article.story is not None:
        parts.append(f'story <span class="nsi-story-id">{_e(article.story)}</span>')
    if article.duplicate_of:
        parts.append(f'copy of <span class="nsi-duplicate-of">{_e(article.duplicate_of)}</span>')
    elif article.story is not None and article.link is None:
        parts.append("the first of its story seen")
    elif article.link is not None and article.link.kind == "series":
        parts.append("one of a series: the same text frame, other figures")
    if article.link is not None:
        parts.append(
            f'<span class="nsi-link" title="{_e(_link_text(article.link))}">{_e(_link_text(article.link))}</span>'
        )
    for candidate in article.link_candidates:
        parts.append(f'<span class="nsi-candidate">possible {_e(_link_text(candidate))}</span>')
    return f'<div class="nsi-story" style="{_STYLE["meta"]}">{" · ".join(parts)}</div>'


def _safe_href(url: str) -> str | None:
    return url if url.lower().startswith(("http://", "https://")) else None


def article_html(article: Article) -> str:
    """The article as a self-contained HTML fragment (what ``Article._repr_html_`` shows).

    Title, outlet, language, dates and authors on top; the clean text by block
    (headings as headings, quotes and list items as such); then, set apart and
    greyed, every removed piece: dropped text struck through, text moved to a
    field (title, captions, ...) marked with where it went, each with its reason,
    rule and plugin in a ``title`` attribute (shown on hover). All text is
    HTML-escaped; styles are inline, so the fragment renders the same in Jupyter,
    VS Code or a plain browser.
    """
    facts: list[str] = []
    if article.outlet:
        facts.append(_fact("outlet", f'<span class="nsi-outlet" style="{_STYLE["badge"]}">{_e(article.outlet)}</span>'))
    if article.language:
        confidence = article.language_confidence
        shown = _e(article.language) + (f" ({confidence:.0%})" if confidence is not None else "")
        facts.append(_fact("language", f'<span class="nsi-language">{shown}</span>'))
    for label, value in (("published", article.published), ("updated", article.updated)):
        text = _format_date(value)
        if text:
            facts.append(_fact(label, f'<span class="nsi-{label}">{_e(text)}</span>'))
    if article.authors:
        facts.append(_fact("by", f'<span class="nsi-authors">{_e(", ".join(article.authors))}</span>'))
    if article.title:
        title = f'<h3 class="nsi-title" style="{_STYLE["title"]}">{_e(article.title)}</h3>'
    else:
        title = f'<h3 class="nsi-title nsi-untitled" style="{_STYLE["untitled"]}">(no title)</h3>'
    where = article.url or article.source
    footer = f"id {article.id}"
    if where:
        href = _safe_href(where)
        link = f'<a href="{_e(href)}" style="color:#0969da">{_e(where)}</a>' if href else _e(where)
        footer = f"{_e(footer)} · {link}"
    else:
        footer = _e(footer)
    return (
        f'<div class="nsi-article" style="{_STYLE["card"]}">'
        f"{title}"
        f'<div class="nsi-meta" style="{_STYLE["meta"]}">{"".join(facts) or "&nbsp;"}</div>'
        f"{_story_html(article)}"
        f'<div class="nsi-body" style="{_STYLE["body"]}">{_body_html(article)}</div>'
        f"{_translation_html(article)}{_removed_html(article)}{_warnings_html(article)}"
        f'<div class="nsi-footer" style="{_STYLE["footer"]}">{footer}</div>'
        "</div>"
    )
