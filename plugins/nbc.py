"""NBC News (nbcnews.com and the NBC-owned local stations).

Noise: contributor and wire credits at the end, aggregator republication footers
and ``You May Also Like`` / ``Related`` blocks, newsletter and follow prompts;
on the page, recirculation rails, inline ``RELATED:`` links, video embeds and ad
slots. The caps dateline (``WASHINGTON —``) opening the first paragraph is part
of the sentence: it stays in the body and is copied to ``metadata.dateline``.
"""

from __future__ import annotations

import datetime as dt

from newsingest import DropLine, Extract, Plugin, Signature
from newsingest.cleaners import Captions

NBC_LOCAL_DOMAINS = (
    "nbcnewyork.com",
    "nbcdfw.com",
    "nbclosangeles.com",
    "nbcchicago.com",
    "nbcwashington.com",
    "nbcbayarea.com",
    "nbcboston.com",
    "nbcmiami.com",
    "nbcphiladelphia.com",
    "nbcsandiego.com",
    "nbcconnecticut.com",
    "nbclasvegas.com",
    "nbcpalmsprings.com",
    "necn.com",
)


class NBCNews(Plugin):
    name = "nbc"
    display_name = "NBC News"
    domains = ("nbcnews.com", *NBC_LOCAL_DOMAINS)
    language = "en"
    drop_selectors = (
        ".ad-container",
        "[class*='ad-container']",
        "[data-testid='ad-container']",
        ".recommended-intersection-ref",
        "[class*='recirc']",
        ".related-content",
        "[class*='inline-related']",
        "[class*='newsletter']",
        "[class*='social-share']",
        ".article-inline-video figcaption",
        "[class*='video-details']",
    )
    rules = (
        # newsletter boxes are the generic prompts' job; these are NBC's own
        DropLine(
            "nbc-promo",
            r"(?i)(?:follow nbc(?: news| [\w ]{1,30})? on [^\n]{1,120}|download the nbc[\w ]{0,40} app[^\n]{0,160})",
            "follow prompt or app promo",
            needles=("follow nbc", "download the nbc"),
        ),
        Extract(
            "nbc-dateline",
            r"^(?P<value>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?) [—–-]{1,2} ",
            "metadata.dateline",
            "dateline (kept in the body, copied to metadata)",
            first_blocks=2,
            keep=True,
        ),
    )
    signatures = (
        Signature(r"(?i)originally (?:belongs to|appeared (?:first )?on) nbc[a-z]*\.com", 2.0, needles="nbc"),
        Signature(r"(?i)\bnbcnews\.com\b", 1.0, needles="nbcnews.com"),
        Signature(r"Follow NBC(?: News|\s[A-Z][\w ]{0,20}) on\b", 1.0, needles="follow nbc"),
        Signature(r"NBC News newsletter", 1.0),
        Signature(r"NBC News (?:has )?(?:reached out|contacted|asked)", 0.5),
        Signature(
            r"\b(?:told|tells|said to) NBC News\b", 0.5, needles=("told nbc news", "tells nbc news", "said to nbc news")
        ),
        Signature(r"NBC News (?:reported|has learned|contributed|obtained)", 0.5),
    )


class NBCNewsVideoEra(NBCNews):
    """NBC News as published until 2017: the current layout plus its video-player furniture.

    Pages of that period (the 2015-2016 election pages of the real corpus) embed
    a video player that scrapers flatten into three lines, ``Play Facebook``,
    ``Twitter`` and ``Embed <video title> <length> autoplay autoplay Copy this
    code to your website or blog``, wherever the video sat in the story. The
    corpus's 2013-2014 and 2020 pages never have them; the period ends with 2017.
    A minor version: same fields, two rules more, one signature more.
    """

    version = "1"
    valid_until = dt.date(2017, 12, 31)
    # (mypy reads NBCNews.rules as the exact tuple it holds, so a longer one needs the ignore)
    rules = (  # type: ignore[assignment]
        DropLine("nbc-video-share", r"Play Facebook|Twitter", "video player share buttons", max_chars=20),
        DropLine(
            "nbc-video-embed",
            r"Embed\b[^\n]{0,300}?autoplay autoplay Copy this code to your website or blog",
            "video player embed code",
            needles="copy this code to your website",
        ),
        *NBCNews.rules,
    )
    signatures = (  # type: ignore[assignment]
        *NBCNews.signatures,
        Signature(r"autoplay autoplay Copy this code to your website or blog", 1.0),
    )


NBCNews.version = "2"
NBCNews.older_versions = (NBCNewsVideoEra,)
# NBC's own charts and photos are credited "NBC News": a caption credit here, not in generic code
NBCNews.generic_rules = {"caption": Captions("nbc-caption", own_credits=("NBC News",))}
