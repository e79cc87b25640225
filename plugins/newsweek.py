"""Newsweek (newsweek.com).

Noise: the headline as the first line of scraped text, photo captions ending in
credits, ``Update …`` notes, and a long footer (``Uncommon Knowledge``, the
promise line, ``About the writer``, AI policy, subscription bullets, reprint
and trust-project lines). The author's name lives in ``About the writer``.
``Newsweek reached out to X for comment.`` is body text and stays.
"""

from __future__ import annotations

from newsingest import DropFrom, DropLine, Extract, Plugin, Signature
from newsingest.draft import Draft

FOOTER_MARKERS = (
    r"Uncommon Knowledge",
    r"Newsweek is committed to challenging conventional wisdom.*",
    r"About the writers?",
    r"To read how Newsweek uses AI as a newsroom tool.*",
    r"Newsweek cover",
    r"Request Reprint (?:&|and) Licensing",
    r"Newsweek Is A Trust Project Member",
)


class Newsweek(Plugin):
    name = "newsweek"
    display_name = "Newsweek"
    domains = ("newsweek.com",)
    language = "en"
    drop_selectors = (
        ".paywall-promo",
        ".subscription-box",
        "[class*='newsletter']",
        ".ad-container",
        "[id^='div-gpt-ad']",
        ".related-articles",
        "[class*='related-']",
        ".uncommon-knowledge",
        ".about-author",
        ".author-bio",
        ".ai-policy",
        ".article-tools",
        ".trust-project",
        ".share-bar",
        ".article-byline",
        ".dateInfo",
    )
    rules = (
        Extract(
            "newsweek-writer",
            r"^(?P<value>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}) is (?:a|an|the) (?:[\w\-]+ ){0,3}"
            r"(?:reporter|writer|editor|correspondent|journalist|contributor|columnist)\b[^\n]{0,40}Newsweek",
            "authors",
            "author bio (name kept in authors)",
            many=True,
            keep=True,
            max_chars=600,
        ),
        Extract(
            "newsweek-writer",
            r"^(?P<value>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}) is a Newsweek\b",
            "authors",
            "author bio (name kept in authors)",
            many=True,
            keep=True,
            max_chars=600,
        ),
        DropFrom(
            "newsweek-footer",
            "(?:" + "|".join(FOOTER_MARKERS) + ")",
            "Newsweek footer (promo, writer bio, subscription)",
        ),
        DropLine("newsweek-link-copied", r"(?i)link copied", "share widget text"),
    )
    signatures = (
        Signature(r"Newsweek is committed to challenging conventional wisdom", 2.0),
        Signature(r"To read how Newsweek uses AI", 1.0),
        Signature(r"is a Newsweek (?:reporter|writer|editor|correspondent)", 1.0),
        Signature(r"Newsweek (?:has )?(?:reached out to|contacted)\b", 1.0),
        Signature(r"\b(?:told|tells) Newsweek\b", 0.5, needles=("told newsweek", "tells newsweek")),
        Signature(r"Uncommon Knowledge", 0.5),
    )

    def process(self, draft: Draft) -> None:
        """Scraped Newsweek text opens with the headline: take it as the title.

        Newsweek headlines may end in ``?`` or run long, which the generic title
        step refuses; here the first short line followed by body text is enough.
        """
        if draft.input_format != "text" or draft.title or len(draft.blocks) < 2:
            return
        first = draft.blocks[0].text
        if (
            len(first.split()) <= 30
            and not first.endswith((".", ":", ";", ","))
            and len(first) < len(draft.blocks[1].text)
        ):
            draft.title = draft.remove(
                0, "headline on the first line (moved to title)", "newsweek-headline", moved_to="title"
            ).text
