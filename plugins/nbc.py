"""NBC News (nbcnews.com and the NBC-owned local stations).

Noise: contributor and wire credits at the end, aggregator republication footers
and ``You May Also Like`` / ``Related`` blocks, newsletter and follow prompts;
on the page, recirculation rails, inline ``RELATED:`` links, video embeds and ad
slots. The caps dateline (``WASHINGTON —``) opening the first paragraph is part
of the sentence: it stays in the body and is copied to ``metadata.dateline``.

Scraped NBC text (see the "Seen in real scraped text" notes) also carries
newsletter and alert boxes flattened into a line, coverage links, the old video
player's furniture (``Play Facebook`` / ``Twitter`` / ``Embed … Copy this code
to your website or blog``) and photo captions ending in a bare credit. That
furniture is also how NBC text is recognised without a URL: most of it names
neither NBC nor its site.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from newsingest import Captions, CutInline, Draft, DropLine, Extract, Plugin, Signature
from newsingest._text.blocks import looks_like_headline

from ._rules import MatchFirstDropLine

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


#: Newsletter and alert boxes as a scraper flattens them, whole or glued into a paragraph.
BOXES = (
    r"(?:Get breaking news alerts and special reports|Let our news meet your inbox)\."
    r"(?: The news and stories that matters?, delivered [\w ]{1,30}\.)?(?: This site is protected by recaptcha\.?)?",
    r"(?:Get the|The) Morning Rundown:? Get a head start on the morning['’]s top stories\.(?: This site is protected by recaptcha\.?)?",
    # the box's title and its line when the scrape keeps them apart (the newer "Get the Morning Rundown")
    r"^(?:Get the|The) Morning Rundown$",
    r"Get a head start on the morning['’]s top stories\.",
    r"[A-Z][\w'’]{1,20}(?: [A-Z][\w'’]{1,20}){0,3} Newsletter Get [^.\n]{1,200}\.(?: This site is protected by recaptcha\.?)?",
    r"This site is protected by recaptcha\.?",
    # a section's box (NBC BLK, NBC Asian America, …) and a local site's, its link's words sometimes gone
    # from the scrape (``… to your inbox. ’s newsletters.``)
    r"For more from NBC [A-Z][\w]{1,20}(?: [A-Z][\w]{1,20}){0,2}, sign up for our [\w ]{0,20}newsletters?\.",
    r"Get [A-Z][\w.'’ ]{1,30} local news, weather forecasts[^.\n]{0,100}? to your inbox\.(?:\s[^.\n]{0,60}?newsletters ?\.)?",
)
#: A republication note: ``This story first appeared on TODAY.com. More from TODAY:``, and an NBC local
#: site's link to the network's story (both as a public cleaning script strips them from NBC sites' text).
REPUBLISHED = (
    r"This (?:story|article) (?:was )?(?:originally|first) (?:published|appeared) (?:on|in) [\w.]{0,40}\w ?\."
    r"(?: More from [\w. ]{1,30}:)?",
    r"Read the full story (?:on|at) NBCNews\.com(?: here)?\.?",
)
#: The old video player: ``Play Facebook``, ``Twitter``, ``Embed <title> 2:26 autoplay autoplay Copy this code …``.
VIDEO_EMBED = r"(?:Play Facebook\s+)?(?:Twitter\s+)?Embed\b[^\n]{0,200}?autoplay Copy this code to your website or blog"

#: ``… on the Navajo Nation. Cynthia Wilson``: the words after a caption's last sentence, when they are a credit.
_CREDIT_WORD = re.compile(r"[A-Z][\w.'’&\-]*|/|-|–|via|file|of|the|and|de|for|&")
#: ``Brendan Smialowski / AFP - Getty Images President Barack Obama pauses …``: a credit opening the caption.
_CREDIT_FIRST = re.compile(
    r"^[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3} / (?:AFP - Getty Images|Getty Images|AP|Reuters|AFP|EPA|NBC News)"
    r"(?: file)? (?=[A-Z])"
)


#: A capital's or a short title's dot before a name (``Ted S.``, ``St.``): the dot ends no sentence.
_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]|St|Mt|Ft|Jr|Sr|Dr)$")


def _sentence_end_before(text: str, end: int) -> int:
    """Where the last sentence mark (``. ``, ``? ``, ``! ``, ``." ``, ``.” ``) before ``end`` is; -1 when none is."""
    return max(text.rfind(mark, 0, end) for mark in (". ", "? ", "! ", '." ', ".” "))


def bare_credit(text: str) -> str | None:
    """The bare credit ending a photo caption (``… Sean Rayford / Getty Images``, ``… KTAL``), if any.

    A caption is a described photo (a sentence of at least five words) and then
    a credit with no closing punctuation: up to eight capitalised words, slashes
    and ``via``/``file``, no digits (a tweet's ``— Name (@x) July 3, 2020`` is
    not one). A body paragraph ends with its sentence's punctuation instead.
    """
    if len(text) > 600 or text.endswith((".", "!", "?", '"', "”", "’", "'", ")", ":", "…", ";", ",")):
        return None
    cut = _sentence_end_before(text, len(text))
    while cut > 0 and text[cut] == "." and _INITIAL.search(text, 0, cut):
        cut = _sentence_end_before(text, cut)  # ``Ted S. Warren / AP``: an initial's dot ends no sentence
    if cut == -1:
        return None
    sentence, credit = text[: cut + 1], text[cut + 1 :].strip(' ”"')
    words = credit.split()
    if not 1 <= len(words) <= 8 or len(sentence.split()) < 5 or any(char.isdigit() for char in credit):
        return None
    if not all(_CREDIT_WORD.fullmatch(word) for word in words) or not words[0][:1].isupper():
        return None
    return credit


@attrs.frozen
class BareCreditCaptions:
    """Photo captions whose credit is a bare name (no agency pattern): moved to ``metadata.captions``."""

    name: str = "nbc-caption"
    pattern: re.Pattern[str] = _CREDIT_FIRST

    def apply(self, draft: Draft) -> None:
        index, blocks, credit_first = 0, draft.blocks, self.pattern.match
        # a credit opening the caption has its spaced slash: the cheap test before the pattern
        slash = " / " if self.pattern is _CREDIT_FIRST else ""
        while index < len(blocks):
            text = blocks[index].text
            credit = bare_credit(text)
            first = credit_first(text) if credit is None and slash in text else None
            if credit is not None:
                caption = {"text": text.strip()[: -len(credit)].strip(' ”"'), "credit": credit}
            elif first is not None:
                caption = {"text": text[first.end() :].strip(), "credit": first.group(0).strip()}
            else:
                index += 1
                continue
            draft.add_metadata("captions", caption, many=True)  # the shape of the generic caption rule's
            draft.remove(index, "photo caption with a bare credit", self.name, moved_to="metadata.captions")


@attrs.frozen
class SentenceCaseHeadline:
    """A headline in NBC's sentence case on the first line: the title (the generic step knows Title Case).

    ``Obama makes pitch for 'Promise Zones' to boost depressed areas`` above the
    article, as scrapers that keep the headline give it
    (:func:`~newsingest._text.blocks.looks_like_headline`). Runs last among the rules, on
    the first block only, and again whenever the first block changes.
    """

    name: str = "nbc-headline-line"
    first_blocks: int = 1

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        if draft.title is None and len(blocks) >= 2 and looks_like_headline(blocks[0].text, blocks[1].text):
            draft.title = draft.remove(0, "headline on the first line (moved to title)", self.name, "title").text


#: ``Kasie Hunt of NBC News``: the person, without the outlet.
_OF_OUTLET = re.compile(
    r"^(?P<name>.+?) (?:of|from) (?:NBC|MSNBC|CNBC|Telemundo|The Associated Press|[A-Z][\w.]+ News)\b.*$"
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
        # seen on a real nbcnews.com article body: a video in the body (player, title, date, length, share
        # buttons) and the newsletter box closing it ("Get the Morning Rundown", an email field, recaptcha)
        ".inline-video",
        "[class*='nl-signup']",
    )
    rules = (
        CutInline(
            "nbc-newsletter",
            "(?:" + "|".join(BOXES) + ")",
            "newsletter or alert box",
            needles=(
                "newsletter",
                "inbox",
                "rundown",
                "recaptcha",
                "breaking news alerts",
                "a head start on the morning",
            ),
        ),
        CutInline(
            "nbc-republished",
            "(?:" + "|".join(REPUBLISHED) + ")",
            "republication note or link to the network's story",
            needles=("appeared on", "appeared in", "published on", "published in", "read the full story"),
        ),
        CutInline("nbc-video", VIDEO_EMBED, "video-player furniture (embed code)", needles="copy this code"),
        DropLine(
            "nbc-video-line",
            r"Play Facebook|Facebook|Twitter|Embed|Email|NBC['’]s [A-Z][\w.'’\-]{1,20}(?: [A-Z][\w.'’\-]{1,20}){0,3} reports(?: from [^\n]{1,60})?\.",
            "video-player furniture or video caption",
            max_chars=120,
        ),
        MatchFirstDropLine(
            "nbc-coverage",
            r"Full coverage (?:of|on) [^.\n]{1,120}|Related content from NBCNews\.com:?|See the Meet [Tt]he Press page[^\n]{0,40}"
            r"|This (?:story|article) (?:was )?originally (?:published|appeared) on(?: [\w.]{1,40})?\.?|Photos: [^.\n]{1,150}"
            r"|Follow [\w .]{1,40} (?:from|on) NBCNews\.com[^\n]{0,80}|NBC News",
            "coverage link, republication note or furniture",
            max_chars=220,
            needles=(
                "full coverage",
                "related content",
                "meet the press",
                "originally",
                "photos:",
                "nbcnews.com",
                "nbc news",
            ),
        ),
        BareCreditCaptions(),
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
        SentenceCaseHeadline(),
    )
    signatures = (
        # furniture first (tried in this order among equal weights, and most NBC text names neither NBC nor
        # its site): the old video player, the alert and newsletter boxes, coverage links
        Signature(r"autoplay Copy this code to your website or blog", 2.0, needles="copy this code"),
        Signature(
            r"(?:Get breaking news alerts and special reports|Let our news meet your inbox)\. The news and stories that matter",
            2.0,
            needles="the news and stories that matter",
        ),
        Signature(
            r"(?:The Morning Rundown|Byers Market Newsletter) Get [^\n]{1,200}?This site is protected by recaptcha",
            2.0,
            needles="recaptcha",
        ),
        Signature(r"(?i)download the nbc news app", 2.0, needles="download the nbc"),
        Signature(r"Related content from NBCNews\.com", 2.0),
        Signature(
            r"[Oo]riginally (?:belongs to|appeared (?:first )?on) (?:NBC|Nbc|nbc)[A-Za-z]*\.com", 2.0, needles="nbc"
        ),
        Signature(r"(?i)\bnbcnews\.com\b", 1.0, needles="nbcnews.com"),
        Signature(r"Follow NBC(?: News|\s[A-Z][\w ]{0,20}) on\b", 1.0, needles="follow nbc"),
        Signature(r"NBC News newsletter", 1.0),
        Signature(r"(?i)(?:from|on) NBCNews\.com on Twitter", 1.0, needles="nbcnews.com on"),
        Signature(r"originally appeared on MSNBC\.com", 1.0),
        Signature(r"NBC News\|SurveyMonkey", 1.0, needles="nbc news|surveymonkey"),
        Signature(r"(?m)^Full coverage of [^.\n]{1,120}$", 1.0, needles="full coverage of"),
        # older pages open a photo caption with its credit, spaced: ``Name / AFP - Getty Images President …``
        Signature("(?m)" + _CREDIT_FIRST.pattern, 1.0, needles=" / "),
        Signature(r"NBC News (?:has )?(?:reached out|contacted|asked)", 0.5),
        # the newsroom asking for comment in its own name: body text with no furniture names the outlet so
        Signature(
            r"NBC News (?:has |had |also )?(?:reached out to|contacted|emailed|called|asked)\b[^.\n]{0,160}?\bfor (?:a )?comment",
            1.0,
        ),
        Signature(
            r"(?:respond|reply|responded|replied) to (?:a |an |multiple |repeated )?(?:requests?|emails?|messages?|calls?) "
            r"(?:for|seeking) comment from NBC News",
            1.0,
            needles="comment from nbc news",
        ),
        Signature(
            r"\b(?:in an? (?:statement|email|interview) (?:to|with)|shared with) NBC News\b",
            0.5,
            needles=("to nbc news", "with nbc news"),
        ),
        Signature(
            r"\b(?:told|tells|said to) NBC News\b", 0.5, needles=("told nbc news", "tells nbc news", "said to nbc news")
        ),
        Signature(r"NBC News (?:reported|has learned|contributed|obtained)", 0.5),
    )

    def process(self, draft: Draft) -> None:
        """``Kasie Hunt of NBC News contributed.``: the contributor is the person, not the outlet."""
        names = draft.metadata.get("contributors")
        if names:
            draft.metadata["contributors"] = [
                (match.group("name") if (match := _OF_OUTLET.match(name)) else name) for name in names
            ]


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
