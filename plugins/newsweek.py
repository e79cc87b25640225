"""Newsweek (newsweek.com).

Noise: the headline as the first line of scraped text, photo captions ending in
credits, ``Update …`` notes, and a long footer (``Uncommon Knowledge``, the
promise line, ``About the writer``, AI policy, subscription bullets, reprint
and trust-project lines). The author's name lives in ``About the writer``.
``Newsweek reached out to X for comment.`` is body text and stays.
"""

from __future__ import annotations

import re

import attrs

from newsingest import DropFrom, Plugin, Signature
from newsingest.cleaners import Captions
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


#: "Zoe Strozewski is a Newsweek reporter …", "X is a senior editor at Newsweek …"
WRITER = re.compile(
    r"^(?P<value>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}) is (?:a|an|the) (?:Newsweek\b|(?:[\w\-]+ ){0,3}"
    r"(?:reporter|writer|editor|correspondent|journalist|contributor|columnist)\b[^\n]{0,40}Newsweek)"
)
_ABOUT = re.compile(r"About the writers?")


@attrs.frozen
class WriterBio:
    """The author's name, from the bio under ``About the writer`` (kept for the footer rule to drop).

    A rule of its own because the bio is found by where it sits: the few blocks
    after the header, or (when a scraper lost the header) the last few blocks.
    """

    name: str = "newsweek-writer"
    header: re.Pattern[str] = _ABOUT
    pattern: re.Pattern[str] = WRITER
    look_at: int = 4

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        header = next((i for i, block in enumerate(blocks) if self.header.fullmatch(block.text)), None)
        candidates = blocks[header + 1 : header + 1 + self.look_at] if header is not None else blocks[-12:]
        for block in candidates:
            match = self.pattern.match(block.text) if len(block.text) <= 600 else None
            if match:
                draft.add_author(match.group("value"))


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
        WriterBio(),
        DropFrom(
            "newsweek-footer",
            "(?:" + "|".join(FOOTER_MARKERS) + ")",
            "Newsweek footer (promo, writer bio, subscription)",
        ),
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


# Newsweek credits its own photos and maps "Newsweek": a caption credit here, not in generic code
Newsweek.generic_rules = {"caption": Captions("newsweek-caption", own_credits=("Newsweek",))}
