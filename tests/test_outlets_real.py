"""The outlet plugins on real articles: fixtures, provenance, recognition and the conventions.

The golden comparison of the outlet folders is ``test_plugins_golden.py``'s job;
this file adds the negative fixtures (other outlets' articles, which no plugin
may claim), the provenance every real fixture carries, and one test per
convention of the "Seen in real scraped text" notes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import newsingest
from newsingest._text.blocks import split_blocks
from newsingest._text.cleaners.inline import INLINE_READ_ALSO, headline_end
from newsingest._text.draft import Draft
from newsingest.kit.evaluate import evaluate, render
from newsingest.kit.mine import mine, repeated_lines
from newsingest.model import Block
from newsingest.testing import assert_matches_golden, fixture_paths
from newsingest.testing.golden import read_provenance

FIXTURES = Path(__file__).parent / "fixtures"
NEGATIVES = fixture_paths(FIXTURES / "negative")


def _real(outlet: str) -> list[Path]:
    return [path for path in fixture_paths(FIXTURES / outlet) if "_real_" in path.name]


@pytest.mark.parametrize("fixture", NEGATIVES, ids=lambda p: p.name)
def test_negative_fixture_unclaimed_and_golden(fixture):
    assert_matches_golden(fixture)
    assert newsingest.ingest(fixture).outlet is None


def test_fixture_counts_cover_the_conventions():
    tribun = _real("tribun")
    assert len(_real("nbc")) >= 12 and len(tribun) >= 12 and len(NEGATIVES) >= 10
    brands = {urlsplit(read_provenance(p)["url"]).hostname for p in tribun}
    assert len(brands) >= 8


@pytest.mark.parametrize("fixture", _real("nbc") + _real("tribun") + NEGATIVES, ids=lambda p: p.name)
def test_real_fixture_has_its_provenance(fixture):
    source = read_provenance(fixture)
    assert source["url"].startswith("http") and source["provenance"]["repo"] and source["origin"]


# --- recognition from text alone ------------------------------------------------------------


def test_indonesian_habits_are_not_tribun_evidence():
    text = (
        "Jakarta - Harga cabai naik lagi di pasar induk menjelang akhir tahun, kata pedagang.\n"
        "Baca juga: Harga Bawang Merah Turun di Pasar Kramat Jati\n"
        "Simak breaking news dan berita pilihan kami langsung di ponselmu.\n"
        "Ikuti kami di Google News\n"
        "JAKARTA, KOMPAS.com - Pemerintah memastikan stok aman.\n"
    )
    assert newsingest.ingest(text).outlet is None


@pytest.mark.parametrize(
    "dateline",
    [
        "SURYAMALANG.COM, MALANG - ",
        "PROHABA.CO, DOMPU - ",
        "Tribunlampung.co.id, Bandar Lampung - ",
        "BINTAN, TRIBUNBATAM.id - ",
        "SURYA.co.id | BLITAR - ",
        "TRIBUN-MEDAN.COM,- ",
        "POS KUPANG.COM -- ",
        "POSBELITUNG.CO, BELITUNG - ",  # (a network paper whose own name holds no "tribun")
    ],
)
def test_a_network_dateline_is_tribun_evidence_and_is_cut(dateline):
    sentence = "Seorang warga melaporkan kebakaran di pasar pada Senin (9/6/2025) malam."
    article = newsingest.ingest(dateline + sentence + "\nPetugas pemadam tiba sepuluh menit kemudian.\n")
    assert article.outlet == "tribun"
    assert article.paragraphs[0].text == sentence


def test_a_network_paper_named_in_the_syndication_footer_is_tribun_evidence():
    # a Pos Belitung text as a reader copied it (kept in a public repository's data; the words ours):
    # its one piece of evidence is the footer, whose paper and address name no "tribun" brand
    text = (
        "Warga Desa Selinsing menggelar acara ramah tamah di gedung pertemuan desa pada Senin (16/10/2023).\n\n"
        "Acara itu dihadiri perangkat desa, tokoh adat dan para pemuda dari sebelas desa di kabupaten itu.\n\n"
        "Penulis: Rafli Noer Khairam\n\n"
        "Artikel ini telah tayang di PosBelitung.co dengan judul Warga Selinsing Gelar Ramah Tamah, "
        "https://belitung.tribunnews.com/2023/10/17/warga-selinsing-gelar-ramah-tamah.\n"
        "Penulis: Iklan Bangkapos | Editor: Edwardi\n"
    )
    article = newsingest.ingest(text)
    assert article.outlet == "tribun"
    assert article.metadata["first_published"]["site"] == "PosBelitung.co"
    assert article.metadata["editor"] == "Edwardi"
    assert "Rafli Noer Khairam" in article.authors
    assert article.text.endswith("sebelas desa di kabupaten itu.")


#: NBC sections' and local sites' boxes and republication notes, as a public cleaning script strips them from
#: nbcnews.com and NBC local sites' text (the local box once with its link's words gone: ``’s newsletters.``).
_NBC_BOXES = [
    "For more from NBC BLK, sign up for our weekly newsletter.",
    "For more from NBC Asian America, sign up for our weekly newsletter.",
    "Get Boston local news, weather forecasts, lifestyle and entertainment stories to your inbox. "
    "Sign up for NBC Boston’s newsletters.",
    "Get Boston local news, weather forecasts, lifestyle and entertainment stories to your inbox. ’s newsletters.",
    "Get Chicago local news, weather forecasts, sports and entertainment stories to your inbox.",
    "Read the full story on NBCNews.com here.",
    "This story first appeared on TODAY.com. More from TODAY:",
    "This story first appeared on NBCNews.com. More from NBC News:",
]


@pytest.mark.parametrize("box", _NBC_BOXES)
@pytest.mark.parametrize("glued", [False, True], ids=["own-line", "glued"])
def test_nbc_newsletter_boxes_and_republication_notes_go(box, glued):
    body = [
        "The city council approved the new budget late Tuesday after a lengthy debate over police funding.",
        "Several members said they would push for more changes when the council meets again next month.",
    ]
    joiner = " " if glued else "\n\n"
    article = newsingest.ingest(joiner.join([body[0], box, body[1]]), url="https://www.nbcboston.com/news/local/x/1/")
    assert article.outlet == "nbc"
    assert article.text == joiner.join(body)


@pytest.mark.parametrize(
    "credits",
    ["Penulis: Budi Santoso | Editor: Siti Aminah", "Editor: Siti Aminah | Penulis: Budi Santoso"],
)
def test_tribun_credit_line_glued_to_the_last_sentence_leaves_no_separator(credits):
    # a page scraped as one line: the credit line closes the last paragraph (seed 1767 found it behind "0-")
    last = "Petugas masih berjaga di lokasi hingga malam hari, kata dia."
    text = "TRIBUNNEWS.COM, JAKARTA - Warga diminta tetap waspada terhadap banjir susulan. " + last + " " + credits
    article = newsingest.ingest(text)
    assert article.outlet == "tribun"
    assert article.text == "Warga diminta tetap waspada terhadap banjir susulan. " + last
    assert article.authors == ("Budi Santoso",) and article.metadata["editor"] == "Siti Aminah"


_LONG_LAST_PARAGRAPH = " ".join(
    f"Petugas masih berjaga di lokasi {place} hingga malam hari untuk memastikan tidak ada warga yang tertinggal."
    for place in ("pasar", "sekolah", "masjid", "terminal", "kantor desa", "puskesmas")
)


@pytest.mark.parametrize(
    ("closing", "first_published"),
    [
        ("Penulis: Budi Santoso | Editor: Siti Aminah", None),
        ("Penulis: Budi Santoso Editor: Siti Aminah", None),
        (
            "Artikel ini telah tayang di Tribunnews.com dengan judul Banjir Susulan Mengancam Warga, "
            "https://www.tribunnews.com/regional/2025/06/09/banjir-susulan-mengancam-warga. "
            "Penulis: Budi Santoso Editor: Siti Aminah",
            "https://www.tribunnews.com/regional/2025/06/09/banjir-susulan-mengancam-warga",
        ),
    ],
)
def test_tribun_credits_closing_a_one_line_scrape_go_to_metadata(closing, first_published):
    # a page scraped as one line: the footer's credits (and the syndication line before them) close a long paragraph
    text = f"TRIBUNNEWS.COM, JAKARTA - Warga diminta tetap waspada terhadap banjir susulan. {_LONG_LAST_PARAGRAPH} {closing}"
    article = newsingest.ingest(text)
    assert article.outlet == "tribun"
    assert article.text == "Warga diminta tetap waspada terhadap banjir susulan. " + _LONG_LAST_PARAGRAPH
    assert article.authors == ("Budi Santoso",) and article.metadata["editor"] == "Siti Aminah"
    if first_published:
        assert article.metadata["first_published"]["url"] == first_published
        assert article.metadata["first_published"]["title"] == "Banjir Susulan Mengancam Warga"


_NBC_LEAD = "The Senate passed the bill late on Wednesday after days of talks between the two parties, aides said."


@pytest.mark.parametrize(
    "sentence",
    [
        # the newsroom's own request for comment (realdata: "did not respond to a request for comment from NBC News")
        "The senator's office did not immediately respond to a request for comment from NBC News.",
        "NBC News has reached out to the White House for comment.",
        # two ways of quoting what was said to it
        "A spokesperson said in a statement to NBC News that the bill was rushed. The senator told NBC News he would vote no.",
    ],
    ids=["no-response", "reached-out-for-comment", "statement-and-told"],
)
def test_nbc_body_text_is_recognised_by_the_newsrooms_own_phrases(sentence):
    assert newsingest.ingest(f"{_NBC_LEAD}\n\n{sentence}").outlet == "nbc"


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator told NBC News in 2019 that he would never vote for such a bill.",  # another outlet citing NBC
        "NBC News reported on Tuesday that the vote would be delayed.",
    ],
)
def test_nbc_is_not_claimed_on_one_citation(sentence):
    assert newsingest.ingest(f"{_NBC_LEAD}\n\n{sentence}").outlet is None


def test_nbc_is_recognised_by_its_furniture_alone():
    text = (
        "Play Facebook\n\nTwitter\n\nEmbed Senate Passes Relief Bill 2:26 autoplay autoplay Copy this code to "
        "your website or blog\n\nThe Senate passed the bill late on Wednesday after days of talks.\n\n"
        "Let our news meet your inbox. The news and stories that matters, delivered weekday mornings. "
        "This site is protected by recaptcha\n\nThe House is expected to vote on Friday.\n"
    )
    article = newsingest.ingest(text)
    assert article.outlet == "nbc"
    assert article.title is None  # ``Play Facebook`` is furniture, never the title
    assert [p.text for p in article.paragraphs] == [
        "The Senate passed the bill late on Wednesday after days of talks.",
        "The House is expected to vote on Friday.",
    ]


#: The furniture of a real nbcnews.com article body (January 2022, kept as an example value in a
#: public repository's code): a video in the body (player, title, date, length, share buttons)
#: and the newsletter box that closes the article. Class names and nesting as served; the words ours.
_NBC_BODY_2022 = (
    '<div class="article-body__content"><p class="">WASHINGTON — The Senate passed the bill late on Wednesday '
    "after days of talks between the two parties.</p>"
    '<section class="inline-video inline-video--in-body"><div class="inline-video__background">'
    '<div class="inline-video__player"><div class="videoPlayer" data-test="video-player"><div class="videoSlate">'
    '<a href="https://www.nbcnews.com/nightly-news/video/senate-passes-relief-bill-130915909665">'
    '<picture class=""><img src="https://media-cldnry.s-nbcnews.com/image/upload/x.jpg"></picture></a>'
    '</div></div></div></div><div class="inline-video__info"><h2 class="inline-video__title">'
    '<a href="https://www.nbcnews.com/nightly-news/video/senate-passes-relief-bill-130915909665">Senate passes '
    'relief bill</a></h2><span class="inline-video__detail"><span>Jan. 15, 2022</span><span>01:59</span></span>'
    '<div class="inline-video__share dn-print" data-test="social-share-inline"></div></div></section>'
    '<p class="">The House is expected to vote on Friday, and the president has said he will sign it.</p>'
    '<p class="endmark">"This is a good day for families," the majority leader said after the vote.</p>'
    '<div><div class="nl-signup-inline"><p class="nl-signup-inline__title">Get the Morning Rundown</p>'
    '<p class="nl-signup-inline__description">Get a head start on the morning\'s top stories.</p>'
    '<div class="nl-signup-input"><form class="nl-signup-input__form"><input name="emailAddress" '
    'placeholder="Enter your email" value=""><button type="button">Sign Up</button></form>'
    '<footer class="nl-signup-input__footer">This site is protected by recaptcha</footer></div></div></div></div>'
)


def test_nbc_page_video_in_the_body_and_newsletter_box_go():
    page = (
        "<html><head><title>Senate passes relief bill</title></head><body><article>"
        '<h1>Senate passes relief bill</h1><div class="article-body__date-source">'
        '<time datetime="2022-01-17T14:45:00.000Z" itemprop="datePublished">Jan. 17, 2022, 9:45 PM +07</time></div>'
        f"{_NBC_BODY_2022}</article></body></html>"
    )
    article = newsingest.ingest(page, url="https://www.nbcnews.com/politics/congress/senate-relief-bill-rcna1234")
    assert article.outlet == "nbc"
    assert [p.text[:20] for p in article.paragraphs] == [
        "WASHINGTON — The Sen",
        "The House is expecte",
        '"This is a good day ',
    ]
    assert article.published.date().isoformat() == "2022-01-17"


#: An nbcnews.com article page of December 2016 (a public parser's test fixture): header with the section
#: flag, time and byline; share tools; the body with an inline video widget (play button, share bar,
#: title and length, autoplay toggles), ``Related:`` links and an embedded tweet; the author's box with
#: its social links (labels for screen readers only), topics, the first-published time, the next story.
#: Class names and nesting as served; the words ours.
_NBC_PAGE_2016 = (
    '<html lang="en"><head><title>Why the Launch Slipped Again - NBC News</title><link rel="canonical" '
    'href="http://www.nbcnews.com/tech/tech-news/why-launch-slipped-n695001"></head><body class="article">'
    '<main><article><div class="article_capsule"><div class="container"><header class="row_article article-header">'
    '<div class="article-flags"><div class="flag_article-wrapper"><a class="flag flag_article-section" href="/tech">'
    'Tech</a></div><div class="flag_article-wrapper flag_article-wrapper-last"><time class="timestamp_article" '
    'datetime="2016-12-13T18:06:00.000Z">Dec 13 2016, 1:06 pm ET</time></div></div><div class="article-hed">'
    '<h1>Why the Launch Slipped Again</h1><p class="byline_article"><span class="byline"><span class="lowercase">by'
    '</span> <span class="byline_author">Jane Roe</span></span></p></div></header></div><div class="container">'
    '<div class="js-share article_share" role="group"><ul class="js-sticky social-list social-list_article"><li>'
    '<span class="article_meta-title">Share</span></li><li><a class="js-sharearticle facebook" href="#">'
    '<span class="social-list_txt">Share</span></a></li><li><a class="js-sharearticle twitter" href="#">'
    '<span class="social-list_txt">Tweet</span></a></li></ul></div><div class="article_col-main article_main">'
    '<div class="article-body"><p> The company said on Monday that its first crewed flight to the station would '
    "not happen before 2018. </p><p> It is another delay for a company that had hoped to start the year with a "
    'crowded launch calendar. </p><div class="js-player-shell" data-playertype="Inline"><div class="widget '
    'widget_video widget_trusted"><div class="video-viewport"><button class="btn_txt img-overlay img-overlay_video">'
    '<span class="screen-reader-txt">Play</span></button></div><ul class="social-list social-list_widget"><li><a '
    'class="js-sharethis" href="#"><span class="screen-reader-txt">Facebook</span></a></li><li><a class="js-sharethis"'
    ' href="#"><span class="screen-reader-txt">Twitter</span></a></li><li class="cursor-pointer"><span '
    'class="screen-reader-txt">Embed</span></li></ul><div class="js-play-video img-caption img-caption_video">'
    "<strong><span>What caused the pad explosion?</span></strong> <span>2:06</span></div><span "
    'class="js-autoplay-toggle-on pull-right is-hidden">autoplay</span><span class="js-autoplay-toggle-off '
    'pull-right is-hidden">autoplay</span></div></div><p> <a href="/tech/x-n641261">Related: Explosion on the Pad '
    'Destroys a Satellite</a> </p><p> "We are making progress with the investigation," a company spokesman said in '
    'an emailed statement. </p><p> <strong>Related:<a href="/tech/x-n642131"></a></strong><a '
    'href="/tech/x-n642131"> The New Race to Build an Internet in Orbit</a> </p><p> The company asked the public '
    'for photos and video of the explosion from any angle. </p><div class="widget widget_tweet"><blockquote '
    'class="twitter-tweet"><p>Still working on the investigation.</p>&#x2014; A Founder (@founder) <a '
    'href="#">September 9, 2016</a></blockquote></div></div></div><div class="article_meta"><div '
    'class="author_container"><div class="author"><div class="author_name">Jane Roe</div><ul class="social-list '
    'social-list_author"><li><a href="#"><span class="screen-reader-txt">Twitter</span></a></li><li><a href="#">'
    '<span class="screen-reader-txt">Email</span></a></li></ul></div></div><div class="flag_article-meta"><span '
    'class="article_meta-title">Topics </span><a class="flag flag_article-topic" href="/tech/tech-news">Tech News'
    '</a></div><div class="timestamp_meta"><span class="article_meta-title">First Published</span> <time '
    'class="timestamp_article" datetime="2016-12-13T12:31:48.000Z" itemprop="datePublished">Dec 13 2016, 7:31 am ET'
    '</time></div></div><div class="article-nav"><span class="article_meta-title">Next Story</span><a '
    'href="/tech/x-n695471">Executives Prepare for a Summit on Technology</a></div></div></article></main>'
    "</body></html>"
)


@pytest.mark.parametrize("url", ["http://www.nbcnews.com/tech/tech-news/why-launch-slipped-n695001", None])
def test_nbc_2016_page_structure(url):  # (without a URL, the page's canonical link names the site)
    # the author's box joined its social links' screen-reader labels to the name: "Jane Roe Twitter Email"
    article = newsingest.ingest(_NBC_PAGE_2016, url=url)
    assert article.outlet == "nbc"
    assert article.title == "Why the Launch Slipped Again"
    assert article.authors == ("Jane Roe",)
    assert article.published.date().isoformat() == "2016-12-13"
    assert [p.text[:24] for p in article.paragraphs] == [
        "The company said on Mond",
        "It is another delay for ",
        '"We are making progress ',
        "The company asked the pu",
    ]


#: A newsweek.com article page as public scrapers read it (2018-2020: ``#block-system-main > article > header >
#: div.byline > time``, the topic link in ``#v_article``, the body in ``div.article-body.v_text.paywall``), with
#: the furniture a maintained e-book recipe removes from it (``block-openadstream``, ``block-ibtmedia-social``,
#: ``videocontent``, ``newsletter-signup``, ``trc_related_container``, ``#taboola-below-main-column``). Class
#: names and nesting as those name them; the words ours.
_NEWSWEEK_PAGE_2020 = (
    '<html lang="en"><head><title>Governors Say Testing Supplies Are Still Short</title>'
    '<meta property="article:published_time" content="2020-05-12T10:30:00-04:00"></head><body>'
    '<div id="block-system-main"><div class="content"><article><header>'
    '<h1 class="title">Governors Say Testing Supplies Are Still Short</h1>'
    '<div class="byline"><span class="author"><a href="/authors/jane-roe">Jane Roe</a></span>'
    '<time datetime="2020-05-12T10:30:00-04:00">On 5/12/20 at 10:30 AM EDT</time></div></header>'
    '<div id="v_article"><div class="block-ibtmedia-social"><a>Share</a><a>Tweet</a><a>Email</a></div>'
    '<div><a href="/topic/coronavirus"><span>Coronavirus</span></a></div>'
    '<div class="article-body v_text paywall">'
    "<p>Governors from both parties said on Tuesday that they still lacked the swabs and reagents needed to "
    "expand testing.</p>"
    '<div class="block-openadstream"><div id="div-gpt-ad-1">Advertisement</div></div>'
    "<p>Several said they had turned to other countries for help, and two said they had been outbid by "
    "federal agencies.</p>"
    "<h2>A call for a national plan</h2>"
    '<div class="videocontent"><div class="jwplayer">Video Player is loading.</div>'
    "<p>A governor speaks to reporters in the state capitol on May 11.</p></div>"
    "<p>The governors asked the White House for a national plan to distribute supplies by the end of the month.</p>"
    "<p>Newsweek has reached out to the White House for comment.</p></div>"
    '<div class="newsletter-signup"><h3>Newsweek Newsletter sign-up</h3>'
    "<p>Get the best of Newsweek delivered to your inbox.</p></div>"
    '<div class="trc_related_container"><h3>Around the web</h3><p>You Will Not Believe These Photos</p></div>'
    '</div></article><div id="taboola-below-main-column"><p>Sponsored stories you may like</p></div>'
    "</div></div></body></html>"
)


@pytest.mark.parametrize("url", ["https://www.newsweek.com/governors-testing-supplies-short-1503681", None])
def test_newsweek_page_furniture_goes(url):
    # the video block's caption stayed in the body: Newsweek's drop selectors were written from its
    # conventions, not from its page's class names
    article = newsingest.ingest(_NEWSWEEK_PAGE_2020, url=url)
    assert article.outlet == "newsweek"
    assert article.title == "Governors Say Testing Supplies Are Still Short"
    assert article.authors == ("Jane Roe",)
    assert [p.text[:24] for p in article.paragraphs] == [
        "Governors from both part",
        "Several said they had tu",
        "A call for a national pl",
        "The governors asked the ",
        "Newsweek has reached out",
    ]


@pytest.mark.parametrize(
    "box",
    [
        "Get the Morning Rundown\n\nGet a head start on the morning's top stories.",
        "Get the Morning Rundown Get a head start on the morning’s top stories. This site is protected by recaptcha",
    ],
)
def test_nbc_newer_morning_rundown_box_goes_from_text(box):
    text = (
        "The Senate passed the bill late on Wednesday after days of talks.\n\n"
        f"{box}\n\nThe House is expected to vote on Friday, and the Morning Rundown will follow it.\n"
    )
    article = newsingest.ingest(text, outlet="nbc")
    assert [p.text for p in article.paragraphs] == [
        "The Senate passed the bill late on Wednesday after days of talks.",
        "The House is expected to vote on Friday, and the Morning Rundown will follow it.",
    ]


def _with_headline_kind(fixture: Path) -> object:
    if read_provenance(fixture)["title"].rstrip().endswith("."):
        reason = "a headline that ends with a full stop reads as a short first paragraph (left in the body)"
        return pytest.param(fixture, marks=pytest.mark.xfail(reason=reason, strict=True))
    return fixture


@pytest.mark.parametrize("fixture", [_with_headline_kind(path) for path in _real("nbc")], ids=lambda p: p.name)
def test_nbc_sentence_case_headline_on_the_first_line_is_the_title(fixture):
    # each real NBC text with its own headline (the source dataset's title column) as its first line, as
    # scrapers that keep the headline give it: NBC writes headlines in sentence case, which the generic
    # title step (Title Case) had left in the body
    headline = " ".join(read_provenance(fixture)["title"].split())
    expected = json.loads(Path(f"{fixture}.json").read_text(encoding="utf-8"))
    article = newsingest.ingest(f"{headline}\n\n{fixture.read_text(encoding='utf-8')}", outlet="nbc")
    assert (article.title, [p["text"] for p in expected["paragraphs"]]) == (
        expected["title"] or headline,
        [p.text for p in article.paragraphs],
    )


def test_nbc_lead_sentence_without_its_full_stop_stays_body():
    text = (
        "President Barack Obama on Thursday named the first five of his promise zones and asked for more money\n\n"
        "He spoke at a school.\n"
    )
    article = newsingest.ingest(text, outlet="nbc")
    assert article.title is None and len(article.paragraphs) == 2


# --- metadata from the conventions -----------------------------------------------------------


def test_nbc_contributor_is_the_person_not_the_outlet():
    text = (
        "Get breaking news alerts and special reports. The news and stories that matter, delivered weekday "
        "mornings.\n\nThe senator said on Tuesday that the vote would go ahead.\n\nKasie Hunt of NBC News "
        "contributed.\n"
    )
    article = newsingest.ingest(text)
    assert article.outlet == "nbc"
    assert list(article.metadata["contributors"]) == ["Kasie Hunt"]


TRIBUN_LEAD = (
    "TRIBUNPONTIANAK.CO.ID, SINGKAWANG - Yadea resmi membuka gerai barunya di Singkawang, Kalimantan Barat, "
    "melalui acara soft opening pada 9 Juni 2025."
)
TRIBUN_NEXT = "Pengunjung disuguhkan dengan berbagai model motor listrik unggulan Yadea seperti Velax dan Oris."


@pytest.mark.parametrize(
    "links",
    [
        ["• Kendaraan Listrik Yadea Hadir di Pontianak, Klaim Bisa Tempuh 100 Km Dengan Sekali Isi Daya"],
        [
            "• DEAL Transfer Masuk dan Keluar LIVERPOOL: 3 Pemain Masuk, 9 Pemain Keluar",
            "• DEAL TRANSFER LIGA Inggris H+8: Arsenal Buang 13 Pemain, Liverpool 9, MU 3, City 2, Chelsea 1",
        ],
    ],
)
def test_tribun_related_headline_after_a_bullet_between_paragraphs_goes(links):
    """Tribun links another story by its headline after a bullet, between two paragraphs."""
    article = newsingest.ingest("\n".join([TRIBUN_LEAD, *links, TRIBUN_NEXT]))
    assert article.outlet == "tribun"
    assert [p.text for p in article.paragraphs] == [TRIBUN_LEAD.split(" - ", 1)[1], TRIBUN_NEXT]
    assert [r.rule for r in article.removed if r.text.startswith("DEAL") or r.text.startswith("Kendaraan")] == [
        "tribun-related-bullet"
    ] * len(links)


@pytest.mark.parametrize(
    "items",
    [
        ["• Sekretaris Daerah Kota Surabaya", "• Direktur RSUD Bhakti Darma Husada"],  # short: the story's own list
        ["• Warga diminta menyiapkan payung saat beraktivitas di luar ruangan pada siang hari."],  # a sentence
        [f"• Pemenang Lomba {n} Kategori Pelajar Tingkat SMA se-Kalimantan Barat Tahun Ini" for n in range(4)],
        # a post's title alone, with no clause after a comma or colon as the network's headlines have
        ["• Kepala Dinas Komunikasi dan Informatika Kota Surabaya"],
    ],
)
def test_tribun_a_list_of_the_article_stays(items):
    article = newsingest.ingest("\n".join([TRIBUN_LEAD, *items, TRIBUN_NEXT]))
    assert [p.text for p in article.paragraphs[1:-1]] == [item[2:] for item in items]


def test_tribun_attribution_reporter_becomes_an_author():
    text = (
        "TRIBUNJOGJA.COM, YOGYA - Ribuan wisatawan memadati Malioboro selama libur panjang.\n"
        "Petugas gabungan disiagakan untuk mengatur arus kendaraan di sekitar kawasan itu.\n"
        "( Tribunjogja.com / Ardhika Nugraha )\n"
    )
    article = newsingest.ingest(text)
    assert article.authors == ("Ardhika Nugraha",)
    assert "Tribunjogja.com" not in article.text


_TRIBUN_BODY = (
    "TRIBUNJABAR.ID, SUBANG - Arus balik libur Idul Adha terpantau ramai di Tol Cipali pada Senin malam.\n"
    "Kendaraan dari arah Palimanan menuju Jakarta melaju dengan kecepatan normal, kata petugas.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Laporan Kontributor Tribunjabar.id, Subang, Ahya Nurdin",
        "Laporan Wartawan Tribun Jabar, Hilman Kamaludin",
        "Danang Triatmojo/Tribunnews",
    ],
)
def test_tribun_reporter_under_the_article_becomes_an_author(line):
    more = "".join(f"Petugas mencatat {n} ribu kendaraan melintas dalam satu jam terakhir.\n" for n in range(2, 6))
    article = newsingest.ingest(_TRIBUN_BODY + more + line + "\n")  # below the first blocks
    assert article.outlet == "tribun"
    assert article.authors == (line.rsplit(",", 1)[-1].split("/")[0].strip(),)
    assert len(article.paragraphs) == 6


@pytest.mark.parametrize("separator", ["I", "|", "l"])
def test_a_serambi_reporter_line_names_the_place_after_a_bar(separator):
    article = newsingest.ingest(f"Laporan Dede Rosadi {separator} Aceh Singkil\n" + _TRIBUN_BODY)
    assert article.authors == ("Dede Rosadi",) and article.title is None


@pytest.mark.parametrize(
    "line",
    [
        # a 2019 Tribun Medan article as a reader copied it (kept in a public repository's data): a slash
        # between the site and the reporter
        "Laporan Wartawan Tribun Medan / Tommy Simatupang",
        "Laporan Wartawan Tribunnews.com / Tommy Simatupang",
        "Laporan Wartawan Tribun Medan, Tommy Simatupang",
    ],
)
def test_a_reporter_line_with_a_slash_after_the_site_names_an_author(line):
    article = newsingest.ingest(line + "\n\nTRIBUN-MEDAN.com, SIANTAR - " + _TRIBUN_BODY)
    assert article.outlet == "tribun"
    assert article.authors == ("Tommy Simatupang",) and article.title is None


def test_a_surya_article_credited_to_the_network_with_a_closing_brand_and_reporter():
    # a 2019 Surya article as a reader copied it (kept in a public repository's data): the network named in
    # a sentence, "(TribunJatim.com Network)", and the closing attribution without the brand's domain
    text = (
        "Warga berkumpul di alun-alun untuk mensyukuri keberhasilan kabupaten mempertahankan Piala Adipura.\n\n"
        "Kepada Surya (TribunJatim.com Network), bupati mengaku sangat bersyukur atas penghargaan tahun ini.\n\n"
        "“Penilaiannya banyak, mulai dari kebersihan, pertamanan, pasar dan lain sebagainya,” urainya. "
        "(Surya/Galih Lintartika)"
    )
    article = newsingest.ingest(text)
    assert article.outlet == "tribun"
    assert article.authors == ("Galih Lintartika",)
    assert article.text.endswith("dan lain sebagainya,” urainya.")
    assert "(TribunJatim.com Network)" in article.text  # (a sentence's words, kept)


@pytest.mark.parametrize(
    "credit",
    [
        "Istimewa/Tribunnews",
        "Dok Pribadi/Tribunnews",
        "Ilustrasi/Tribunnews",
        "(Tribunnews.com/Istimewa)",
        "(Tribunjabar.id/DOK PRIBADI)",
    ],
)
def test_a_photo_credit_under_the_article_is_no_author(credit):
    assert newsingest.ingest(_TRIBUN_BODY + credit + "\n").authors == ()


def test_a_reporter_of_one_name_under_the_article_is_an_author():
    assert newsingest.ingest(_TRIBUN_BODY + "Widodo/Tribunnews\n").authors == ("Widodo",)


@pytest.mark.parametrize("where", ["top", "end"])
def test_a_paragraph_opening_with_laporan_is_body(where):
    sentence = "Laporan itu diterima langsung oleh Kapolres, Budi Santoso."
    text = sentence + "\n" + _TRIBUN_BODY if where == "top" else _TRIBUN_BODY + sentence + "\n"
    article = newsingest.ingest(text)
    assert sentence in [paragraph.text for paragraph in article.paragraphs] and not article.authors


@pytest.mark.parametrize(
    ("attribution", "author"),
    [
        ("(Banjarmasinpost,co,id/Nurholis Huda).", "Nurholis Huda"),  # the domain's dots typed as commas
        ("(Rilis/Bangkapos.com/Rizky Irianda Pahlevy).", "Rizky Irianda Pahlevy"),  # a press release's
    ],
)
def test_tribun_closing_attribution_in_other_spellings(attribution, author):
    last = "Kegiatan itu ditutup dengan doa bersama warga."
    article = newsingest.ingest(_TRIBUN_BODY + last + " " + attribution + "\n")
    assert article.paragraphs[-1].text == last
    assert article.authors == (author,)


def test_tribun_datelines_of_a_digest_are_cut_wherever_they_stand():
    """``5 berita populer …``: each story of the digest opens with its own dateline."""
    lead = "Dua informasi itu adalah di antara berita populer pilihan Tribun Batam hari ini, berikut informasinya:"
    story = "Kasat Polairud Polres Bintan Iptu Siddik Amin ungkap kronologi speed boat terbalik di Bintan Timur."
    other = "Sejumlah pedagang yang berjualan di kawasan Jalan Orang Kayo Pingai mengeluhkan sepinya pembeli."
    earlier = [f"Berita populer nomor {n} membahas kecelakaan laut di perairan Bintan kemarin sore." for n in range(4)]
    text = "\n".join(
        [_TRIBUN_BODY.strip(), *earlier, lead, "BINTAN, TRIBUNBATAM.id - " + story, "TRIBUNJAMBI.COM, JAMBI – " + other]
    )
    article = newsingest.ingest(text)
    assert [p.text for p in article.paragraphs][-3:] == [lead, story, other]


_ONE_LINE_BODY = (
    "Aparatur Sipil Negara (ASN) di Kabupaten Bogor diduga terlibat perselingkuhan. "
    "Skandal tersebut terungkap setelah istri pelaku melapor ke Inspektorat pada Senin (9/6/2025)."
)


@pytest.mark.parametrize(
    ("frame", "author", "title"),
    [
        # a page scraped as one line: the reporter line runs into the dateline (realdata tribun.jsonl:1, one-lined)
        (
            "Laporan Wartawan TribunnewsBogor.com, Muamarrudin Irfani TRIBUNNEWSBOGOR.COM, CIBINONG -",
            "Muamarrudin Irfani",
            None,
        ),
        ("Laporan Sara Masroni | Banda Aceh SERAMBINEWS.COM, BANDA ACEH -", "Sara Masroni", None),
        # the headline runs into it (tribun.jsonl:40 and :441, one-lined)
        (
            "SD Diamankan di Buleleng, Kurir Narkoba Asal Darmasaba Sebut Nama Made Esa TRIBUN-BALI.COM, BULELENG -",
            None,
            "SD Diamankan di Buleleng, Kurir Narkoba Asal Darmasaba Sebut Nama Made Esa",
        ),
        ("Sosok Pramugari Theresia, Dibelikan Tanah Rp 4 M oleh Eks Dirut Taspen TRIBUNJATENG.COM-", None, None),
    ],
)
def test_tribun_a_page_scraped_as_one_line_is_recognised_and_its_frame_cut(frame, author, title):
    article = newsingest.ingest(
        frame + ("" if frame.endswith("-") and not frame.endswith(" -") else " ") + _ONE_LINE_BODY
    )
    assert article.outlet == "tribun"
    assert article.text == _ONE_LINE_BODY
    assert article.authors == ((author,) if author else ())
    if title:
        assert article.title == title


def test_tribun_reporter_line_under_a_heading_like_first_block_and_three_paragraphs():
    # the property tests (seed 1288; left open last session): under a title from the page, a heading-like
    # first block kept the reporter line one block beyond the window; read again as text, that block became
    # the title, the line moved into the window and went
    body = "Kalimat berita ini cukup panjang untuk menjadi paragraf yang utuh dan jelas."
    page = (
        '<html><head><meta property="og:title" content="Judul Berita dari Halaman"></head><body><article>'
        "<p>Banjir Rendam Puluhan Rumah Warga di Jakarta Timur</p>"
        + "".join(f"<p>{body} Bagian {n}.</p>" for n in range(3))
        + f"<p>Laporan Wartawan Tribunnews.com, Budi Santoso</p><p>{body} Penutup.</p><p>{body} Akhir.</p>"
        + "</article></body></html>"
    )
    article = newsingest.ingest(page, url="https://www.tribunnews.com/metropolitan/2025/06/10/banjir")
    assert article.authors == ("Budi Santoso",)
    again = newsingest.ingest(article.text, outlet="tribun")
    assert [p.text for p in again.paragraphs] == [p.text for p in article.paragraphs][1:]


def test_tribun_a_sentence_before_a_dateline_inside_the_line_is_no_headline():
    # found by the property tests (seed 1278): a credit sentence glued before the dateline was taken for
    # the headline the second time the text was read (a page's heading had been the title the first time)
    text = f"Jane Roe and Reuters contributed. TRIBUNNEWS.COM, JAKARTA - {_ONE_LINE_BODY}"
    article = newsingest.ingest(text, outlet="tribun")
    assert article.title is None
    assert article.text.startswith("Jane Roe and Reuters contributed.")


@pytest.mark.parametrize(
    "prompt",
    [
        "Baca berita TRIBUN MEDAN lainnya di Google News.",
        "Ikuti berita POS-KUPANG.COM lain di GOOGLE NEWS",
        "Simak berita menarik lainnya di sripoku.com dengan mengklik Google News.",
        "Baca berita WartaKotalive.com lainnya di Google News dan WhatsApp",
    ],
)
def test_tribun_one_line_footer_prompt_and_syndication_are_cut(prompt):
    """The footer of a text that came as one line: a Google News prompt, then the syndication note to the end."""
    footer = (
        "Artikel ini telah tayang di Kompas.com dengan judul Diculik 3 Orang Tak Dikenal, "
        "https://regional.kompas.com/read/2025/06/09/diculik"
    )
    frame = "Laporan Wartawan TribunnewsBogor.com, Muamarrudin Irfani TRIBUNNEWSBOGOR.COM, CIBINONG - "
    article = newsingest.ingest(frame + _ONE_LINE_BODY + " " + prompt + " " + footer)
    assert article.text == _ONE_LINE_BODY
    assert article.metadata["first_published"]["title"] == "Diculik 3 Orang Tak Dikenal"


def test_tribun_one_line_syndication_footer_glued_to_the_last_sentence_is_cut():
    # a 2019 Tribun Jambi article as a reader copied it (kept in a public repository's data): the footer
    # follows the last sentence's full stop with no space ("… di desa tersebut.Artikel ini telah tayang …")
    footer = "Artikel ini telah tayang di Tribunjambi.com dengan judul Warga Lapor Inspektorat Batanghari,"
    body = " ".join([_ONE_LINE_BODY] * 4)  # (a long line: over 500 characters with the footer)
    article = newsingest.ingest(body + footer)
    assert article.outlet == "tribun"
    assert article.text == body
    assert article.metadata["first_published"]["title"] == "Warga Lapor Inspektorat Batanghari"


@pytest.mark.parametrize(
    ("closing", "prompt"),
    [
        # the regional sites' closing prompts (realdata, joined into one line), after an attribution,
        # a sign-off, the end mark or the last sentence
        (
            "(TribunManado.co.id/Ico)",
            "Ikuti Saluran WhatsApp Tribun Manado dan Google News Tribun Manado untuk pembaharuan lebih lanjut "
            "tentang berita populer lainnya.",
        ),
        ("(TribunJakarta.com/Elga Hikari Putra)", "Baca berita Wartakotalive.com lainnya di WhatsApp."),
        ("(*)", "Update berita lainnya di PROHABA.co dan Google News"),
        ("", "Ikuti dan Bergabung di Saluran Whatsapp Tribunsumsel.com"),
        ("", "Ikuti saluran WartaKotaLive.Com di WhatsApp: https://www.whatsapp.com/channel/0029VaYZ6CQFsn0dfcPLvk09"),
        ("***", "** Artikel lainnya di google news. Ikuti dan bergabung disaluran WhatsApp Tribunsumsel."),
        (
            "(*)",
            "Baca Wartakotalive.com berita lainnya di Google News Dapatkan informasi lain dari WartaKotaLive.Com "
            "lewat WhatsApp : di sini",
        ),
        ("", "Simak berota menarik lainnya di sripoku.com dengan mengklik Google News."),
    ],
)
def test_tribun_closing_prompt_of_a_one_line_text_is_cut(closing, prompt):
    body = " ".join([_ONE_LINE_BODY] * 3)
    text = "TRIBUNNEWS.COM, JAKARTA - " + " ".join(part for part in (body, closing, prompt) if part)
    article = newsingest.ingest(text)
    assert article.outlet == "tribun"
    assert article.text == body


@pytest.mark.parametrize(
    ("closing", "reporter"),
    [
        # realdata joined into one line: the reporter line printed under the article, after the sign-off
        ("(*) Laporan Kontributor Tribunjabar.id, Subang, Ahya Nurdin", "Ahya Nurdin"),
        ("Laporan Wartawan Tribunnews.com, M Alivio Mubarak Junior", "M Alivio Mubarak Junior"),
    ],
)
def test_tribun_reporter_line_closing_a_one_line_text_names_an_author(closing, reporter):
    body = " ".join([_ONE_LINE_BODY] * 3)
    article = newsingest.ingest("TRIBUNNEWS.COM, JAKARTA - " + body + " " + closing)
    assert article.outlet == "tribun"
    assert article.text == body
    assert article.authors == (reporter,)


def test_tribun_writer_credit_glued_before_the_dateline_of_a_one_line_text():
    # realdata joined into one line: Serambi's credit line opens the text, the dateline follows it
    body = " ".join([_ONE_LINE_BODY] * 3)
    article = newsingest.ingest("Penulis: Dede Rosadi I Aceh Singkil SERAMBINEWS.COM, SINGKIL - " + body)
    assert article.outlet == "tribun"
    assert article.text == body
    assert article.authors == ("Dede Rosadi",) and article.metadata["dateline"] == "SINGKIL"


def test_tribun_a_last_sentence_opening_with_laporan_is_body():
    body = " ".join([_ONE_LINE_BODY] * 3)
    last = "Laporan itu diterima Kapolres pada Senin malam, kata Budi Santoso."
    article = newsingest.ingest("TRIBUNNEWS.COM, JAKARTA - " + body + " " + last)
    assert article.text == body + " " + last and article.authors == ()


@pytest.mark.parametrize(
    "last",
    [
        "Kabar itu beredar di grup WhatsApp warga Aceh Singkil.",
        "Untuk informasi lebih lanjut, pelanggan dapat menghubungi nomor WhatsApp resmi hotel itu.",
        "Ikuti perkembangan kasus ini, kata polisi yang dihubungi melalui WhatsApp.",
    ],
)
def test_tribun_a_last_sentence_that_names_whatsapp_is_body(last):
    body = " ".join([_ONE_LINE_BODY] * 3)
    article = newsingest.ingest("TRIBUNNEWS.COM, JAKARTA - " + body + " " + last)
    assert article.text == body + " " + last


def test_tribun_a_teaser_closing_the_dateline_window_goes_with_the_dateline_under_it():
    """The teaser as the window's fifth block, the article's dateline just past it (found by the property tests)."""
    body = [
        f"Paragraf pembuka nomor {n} membahas banjir di Bekasi yang merendam ratusan rumah warga." for n in range(4)
    ]
    dateline = "TRIBUNNEWS.COM, JAKARTA - Kalimat pertama berita ini panjang sekali."
    article = newsingest.ingest("\n".join([*body, dateline, dateline]))
    assert [p.text for p in article.paragraphs] == [*body, "Kalimat pertama berita ini panjang sekali."]
    again = newsingest.ingest(article.text, outlet="tribun")
    assert again.text == article.text


def test_tribun_a_sentence_a_read_also_link_cut_is_kept_when_the_link_goes():
    """tribun.jsonl:604: the rest of the sentence, in lower case under the link, went with it."""
    link = "Baca juga: Puluhan Siswa SD di Sabu Raijua jadi Korban Pelecehan, Gubernur NTT: Tidak Lagi Mentolerir"
    rest = "rsangka atas nama Benyamin Edison Koro Dimu, S.Pd dengan peristiwa yang terjadi pada hari Rabu."
    article = newsingest.ingest(_TRIBUN_BODY + link + "\n" + rest + "\n")
    assert article.paragraphs[-1].text == rest
    assert link in [removed.text for removed in article.removed]


@pytest.mark.parametrize(
    "noise",
    [
        # a photo caption closing the text, its agency credit, then the network's attribution
        "Warga melintasi jembatan yang rusak di Subang, Senin (9/6/2025). ANTARA FOTO/Raisan Al Farisi",
        "Ikuti kami di Google News dan WhatsApp Channel",  # a prompt the generic rules know
    ],
)
def test_tribun_attribution_glued_to_noise_is_cut_before_the_generic_rules_read_it(noise):
    """What the attribution was glued to is read as a line of its own (found by the property tests)."""
    text = _TRIBUN_BODY + noise + " (Tribunnews.com/Budi Santoso)\n"
    article = newsingest.ingest(text)
    assert noise not in article.text
    assert article.authors == ("Budi Santoso",)
    again = newsingest.ingest(article.text, outlet="tribun")
    assert again.text == article.text


@pytest.mark.parametrize("code", ["(*/adv)", "(*/E3)", "(*/E88)", "(*/tio-tribun-medan.com)", "(TribunJakarta)"])
def test_tribun_coded_closing_attribution_is_cut(code):
    last = "Kegiatan itu ditutup dengan doa bersama warga."
    for text in (_TRIBUN_BODY + last + " " + code + "\n", _TRIBUN_BODY + last + "\n" + code + "\n"):
        article = newsingest.ingest(text)
        assert article.paragraphs[-1].text == last
        assert code in [removed.text for removed in article.removed]


@pytest.mark.parametrize(
    "code", ["(riz)", "(ra)", "(sar)", "(kompas/msr)", "(advertorial)", "(ligaindonesiabaru)", "(Sumber TribunJabar)"]
)
def test_tribun_editor_code_after_the_last_sentence_is_cut(code):
    """An editor's initials or a source in lower case closes many Tribun articles, glued or on a line."""
    last = "“Kegiatan itu ditutup dengan doa bersama warga,” pungkasnya."
    for text in (
        _TRIBUN_BODY + last + " " + code + "\n",
        _TRIBUN_BODY + last + code + "\n",
        _TRIBUN_BODY + last + "\n" + code + "\n",
    ):
        article = newsingest.ingest(text)
        assert article.paragraphs[-1].text == last
        assert code in [removed.text for removed in article.removed]


@pytest.mark.parametrize(
    "last",
    [
        "Harga tiket naik menjadi Rp 50.000 (dewasa).",  # the parenthesis inside the sentence
        "Menurut dia, jalan itu ditutup sementara (sampai Senin)",  # no sentence end before it
        "Hal itu diriwayatkan dalam sebuah hadis. (HR. An-Nasa’i, no. 2954)",  # a citation, not a code
        "Apa ibu kota provinsi Jawa Barat? (b)",  # a quiz's answer, one letter
    ],
)
def test_a_parenthesis_closing_a_tribun_article_that_is_no_code_stays(last):
    assert newsingest.ingest(_TRIBUN_BODY + last + "\n").paragraphs[-1].text == last


def test_a_contributor_credit_in_parentheses_under_the_article_names_an_author():
    last = "Relawan langsung membantu proses evakuasi."
    credit = "(Kontributor Tribunjabar Kabupaten Cianjur, Fauzi Noviandi)"
    article = newsingest.ingest(_TRIBUN_BODY + last + " " + credit + "\n")
    assert article.paragraphs[-1].text == last
    assert article.authors == ("Fauzi Noviandi",)


@pytest.mark.parametrize(
    "line",
    [
        "Kumpulan Artikel Buleleng",
        "Artikel lainnya di google news.",
        "Baca berita Tribun Jabar lainnya di GoogleNews.",
        "Baca Berita Update TribunManado.co.id di sini >>>",
        "Bergabung dengan WA Tribun Manado di sini >>>",
        "Berita terbaru Tribun Manado: klik di sini.",
        "Baca berita lain di Pos Kupang.com KLIK >>> GOOGLE.NEWS",
        "Pastikan Tribunners sudah install aplikasi WhatsApp ya",
        # Surya's channel promo closing an article, its links gone from the scrape (realdata), and a link label
        "Harian Surya atau SURYA.co.id akan mengirimkan rekomendasi bacaan menarik Surabaya, Sidoarjo, Gresik, "
        "Persebaya dari seluruh daerah di Jawa Timur, melalui:",
        "KLIK LINK lagu daerah NTT dari Flores Timur Tate Telepa",
    ],
)
def test_tribun_link_lines_and_prompts_are_dropped(line):
    article = newsingest.ingest(_TRIBUN_BODY + line + "\n")
    assert len(article.paragraphs) == 2
    assert line in article.removed[-1].text or line in [removed.text for removed in article.removed]


def test_tribun_google_news_prompt_glued_to_the_last_sentence_is_cut():
    text = _TRIBUN_BODY + (
        "“Indikator yang kita sepakati bersama,” tegas dia. Akses TribunJakarta.com di Google News atau WhatsApp "
        "Channel TribunJakarta.com. Pastikan Tribunners sudah install aplikasi WhatsApp ya\n"
    )
    assert newsingest.ingest(text).paragraphs[-1].text == "“Indikator yang kita sepakati bersama,” tegas dia."


def test_the_site_and_its_reporter_above_the_dateline_name_an_author():
    text = "POS-KUPANG.COM, Maria Vianey Gunu Gokok\nPOS-KUPANG.COM, SOE - Ketua Kwarda NTT hadir dalam kursus itu.\n"
    article = newsingest.ingest(text + "Kursus berlangsung selama lima hari di Soe.\n")
    assert article.authors == ("Maria Vianey Gunu Gokok",) and article.title is None
    assert article.paragraphs[0].text == "Ketua Kwarda NTT hadir dalam kursus itu."
    # the dateline's own place written out above it is not a reporter
    place = newsingest.ingest(
        "TRIBUNJAKARTA.COM, Kebayoran Baru\nTRIBUNJAKARTA.COM, KEBAYORAN BARU - Satpol PP menggelar razia malam itu.\n"
        "Tiga orang diamankan petugas dan dibawa ke panti sosial.\n"
    )
    assert place.authors == () and place.metadata["dateline"] == "KEBAYORAN BARU"


def test_a_headline_the_dateline_opens_becomes_the_title():
    headline = "Pendaftaran KIP Kuliah 2025 Dibuka hingga 31 Oktober untuk Jalur Mandiri PTN dan PTS"
    body = "Pendaftaran ini ditujukan untuk peserta seleksi mandiri di perguruan tinggi negeri.\n"
    article = newsingest.ingest(f"TRIBUNJAMBI.COM - {headline}\n{body}")
    assert article.title == headline and article.text == body.strip()


def test_a_lead_sentence_without_its_full_stop_stays_body():
    lead = "Laga kualifikasi Piala Dunia 2026 Zona Asia Jepang vs Timnas Indonesia akan digelar hari ini di Osaka"
    article = newsingest.ingest(f"TRIBUNNEWS.COM - {lead}\nPertandingan dimulai pukul 17.35 WIB.\n")
    assert article.title is None and article.paragraphs[0].text == lead


def test_a_prompt_glued_to_the_syndication_footer_is_not_its_title_or_site():
    from newsingest_plugins.tribun import parse_syndication

    assert parse_syndication(
        "SerambiNews.com dengan judul Diduga Korsleting Listrik Satu Rumah di Idi Rayeuk Terbakar, "
        "Update berita lainnya di PROHABA.co dan Google News"
    ) == {"site": "SerambiNews.com", "title": "Diduga Korsleting Listrik Satu Rumah di Idi Rayeuk Terbakar"}
    assert parse_syndication(
        "Kompas.com - Ikuti Saluran WhatsApp Tribun Manado dan Google News Tribun Manado untuk pembaharuan "
        "lebih lanjut tentang berita populer lainnya."
    ) == {"site": "Kompas.com"}
    title = "Cara Update Aplikasi WhatsApp di Android, Mudah dan Cepat"  # a title about the apps keeps its words
    assert parse_syndication(f"Tribunnews.com dengan judul {title}, https://www.tribunnews.com/x")["title"] == title


@pytest.mark.parametrize(
    ("footer", "title"),
    [
        # the URL missing after the title's comma
        (
            "WartaKotalive.com dengan judul Henry Indraguna Dukung Kebijakan Bahlil Soal Tambang di Raja Ampat,",
            "Henry Indraguna Dukung Kebijakan Bahlil Soal Tambang di Raja Ampat",
        ),
        # the title in quotes
        (
            'Kompas.com dengan judul "Kusnadi: Saya Tidak Diculik, Saya Mohon Maaf"',
            "Kusnadi: Saya Tidak Diculik, Saya Mohon Maaf",
        ),
        (
            "Kompas.com dengan judul “Analisis Penyebab Gempa di Pangandaran”, https://www.kompas.com/x",
            "Analisis Penyebab Gempa di Pangandaran",
        ),
        # a related-news header the scraper joined to the footer's line
        (
            "Tribunnews.com dengan judul Ria Ricis Berpacaran dengan Personel Band, Sang Kakak Tidak Merestui?, Berita terkait lainnya",
            "Ria Ricis Berpacaran dengan Personel Band, Sang Kakak Tidak Merestui?",
        ),
    ],
)
def test_the_syndication_footers_title_is_the_title_alone(footer, title):
    """The title is what links a copy to its original: no quotes, no dangling comma, no header after it."""
    from newsingest_plugins.tribun import parse_syndication

    assert parse_syndication(footer)["title"] == title


#: A 2025 newsweek.com article's body as an app's scraper kept it (a public repository's demo data; the words
#: ours): no footer, no byline; the house format's section headings and the newsroom's request for comment.
_NEWSWEEK_2025_LEAD = "The Supreme Court is meeting in private on Friday to consider taking up the order, according to the Associated Press."
_NEWSWEEK_2025_BODY = (
    "The order has faced several legal challenges and has not taken effect, and lower courts have struck it down."
)


@pytest.mark.parametrize(
    "text",
    [
        f"{_NEWSWEEK_2025_LEAD}\n  Why It Matters\n{_NEWSWEEK_2025_BODY}\nWhat To Know\n{_NEWSWEEK_2025_BODY}",
        f"{_NEWSWEEK_2025_LEAD}\nWhat People Are Saying\n{_NEWSWEEK_2025_BODY}\nWhat Happens Next\n{_NEWSWEEK_2025_BODY}",
        f"{_NEWSWEEK_2025_LEAD}\n{_NEWSWEEK_2025_BODY} Newsweek called the members of Congress on Saturday for comment.",
        f"{_NEWSWEEK_2025_LEAD}\n{_NEWSWEEK_2025_BODY} Newsweek also contacted the White House via email for comment.",
        f"{_NEWSWEEK_2025_LEAD}\nAccording to a statement shared with Newsweek, the union is striking.\n"
        f"A spokesperson told Newsweek that the hospital complies with the law.",
        # a "How to Watch" piece: its promo lines and the affiliate disclaimer
        f"{_NEWSWEEK_2025_LEAD}\nThis is a great NBA Basketball matchup that you will not want to miss; make sure to tune in "
        "and catch all the action.\nLive stream Portland Trail Blazers at Golden State Warriors on Fubo: Watch the event now!\n"
        "You can live stream NBA games all season long with Fubo, who offer a free trial. They carry all the channels you "
        "need, never to miss the action, including nationally broadcast channels like ESPN and NBA TV.\n"
        "Regional restrictions may apply. If you purchase a product or register for an account through one of the links on "
        "our site, we may receive compensation.",
    ],
    ids=["why-what", "people-next", "called-for-comment", "also-contacted", "statement-and-told", "how-to-watch"],
)
def test_newsweek_body_text_of_2025_is_recognised(text):
    article = newsingest.ingest(text)
    assert article.outlet == "newsweek"
    assert article.paragraphs[0].text == _NEWSWEEK_2025_LEAD  # (a first sentence, never the headline)
    assert "Why It Matters" not in (article.title or "")
    assert not any(promo in article.text for promo in ("tune in", "Fubo", "Regional restrictions", "channels you need"))


@pytest.mark.parametrize(
    "text",
    [
        f"{_NEWSWEEK_2025_LEAD}\nWhat to Know\n{_NEWSWEEK_2025_BODY}",  # one heading many outlets print
        f"{_NEWSWEEK_2025_LEAD}\n{_NEWSWEEK_2025_BODY} Newsweek called the film a triumph of the decade.",
        f"{_NEWSWEEK_2025_LEAD}\nThe actor told Newsweek in 2019 that he would never return to the show.",
    ],
    ids=["one-heading", "called-the-film", "told-once"],
)
def test_newsweek_is_not_claimed_on_one_weak_sign(text):
    assert newsingest.ingest(text).outlet is None


def test_newsweek_first_sentence_closing_a_quotation_is_no_headline():
    lead = 'Vice President JD Vance reacted to the meeting on Friday in the Oval Office, calling it an "all-timer."'
    body = "The first Oval Office meeting between the two drew attention far beyond typical city politics, aides said."
    article = newsingest.ingest(
        f"{lead}\n{body}\nNewsweek reached out to the White House for comment.", outlet="newsweek"
    )
    assert article.title is None and article.paragraphs[0].text == lead


def test_newsweek_is_recognised_by_its_caption_script_left_in_the_text():
    text = (
        "Elon Musk Responds to Trump Criticism\nBy John Doe\nNov 5, 2025 at 1:00 PM EST\n"
        "Elon Musk responded on Wednesday to criticism from President Donald Trump.\n"
        "function toggleCap(){var el=document.getElementById('cap');el.classList.toggle('open');}\n"
        "Musk's companies have contracts worth billions with the federal government.\n"
    )
    article = newsingest.ingest(text)
    assert article.outlet == "newsweek" and article.authors == ("John Doe",)
    assert [p.text[:12] for p in article.paragraphs] == ["Elon Musk re", "Musk's compa"]


def test_newsweek_caption_printed_twice_inside_a_glued_paragraph_goes():
    text = (
        "Storm Warning Issued for 10 States By Anna Smith Weather Reporter Newsweek Is A Trust Project Member "
        "Feb 3, 2025 at 7:30 AM EST A powerful storm will bring heavy snow to the Northeast this week. "
        "Snow totals could reach 18 inches. A man shovels snow in Boston on January 20. Scott Eisen/Getty Images "
        "A man shovels snow in Boston on January 20. Scott Eisen/Getty Images The storm should clear by Thursday. "
        "Officials cited data from NASA/JPL-Caltech/MSSS in their forecast for the week."
    )
    article = newsingest.ingest(text)
    assert article.outlet == "newsweek"
    assert article.text == (
        "A powerful storm will bring heavy snow to the Northeast this week. Snow totals could reach 18 inches. "
        "The storm should clear by Thursday. Officials cited data from NASA/JPL-Caltech/MSSS in their forecast for the week."
    )
    assert list(article.metadata["captions"]) == [
        {"text": "A man shovels snow in Boston on January 20.", "credit": "Scott Eisen/Getty Images"}
    ]


def test_newsweek_thumbnail_copy_then_captioned_copy_inside_a_glued_paragraph_go():
    """The thumbnail's copy without its credit, then the caption with it: ``caption caption credit`` in one line."""
    caption = "A nurse prepares a measles vaccine at a clinic in Lubbock, Texas, on February 27, 2025."
    text = (
        "Measles Cases Rise in Texas By Anna Smith Health Reporter Newsweek Is A Trust Project Member "
        f"Mar 3, 2025 at 10:05 AM EST Measles cases in Texas rose to 146 on Friday, state officials said. "
        f"{caption} {caption} Jan Sonnenmair/Getty Images The outbreak began in January in Gaines County. "
        "Health officials urged parents to vaccinate their children."
    )
    article = newsingest.ingest(text)
    assert article.text == (
        "Measles cases in Texas rose to 146 on Friday, state officials said. "
        "The outbreak began in January in Gaines County. Health officials urged parents to vaccinate their children."
    )
    assert list(article.metadata["captions"]) == [{"text": caption, "credit": "Jan Sonnenmair/Getty Images"}]


@pytest.mark.parametrize(
    "credit", ["TIMOTHY A. CLARY/AFP VIA GETTY", "PIYASET/GETTY", "Timothy A. Clary/AFP via Getty Images"]
)
def test_newsweek_thumbnail_copy_with_a_credit_in_capitals_inside_a_glued_paragraph_go(credit):
    """Newsweek prints credits in capitals (``PIYASET/GETTY``): glued, the credit ends where its capitals do."""
    caption = "Patrick Mahomes throws a pass against the Buffalo Bills at Highmark Stadium on January 21, 2024."
    text = (
        "Chiefs Face Ravens in AFC Championship By Tom Baker Sports Reporter Newsweek Is A Trust Project Member "
        "Jan 28, 2024 at 9:00 AM EST The Kansas City Chiefs travel to Baltimore on Sunday for the AFC title game. "
        f"{caption} {caption} {credit} Lamar Jackson threw for 152 yards and two touchdowns last week."
    )
    article = newsingest.ingest(text)
    assert article.text == (
        "The Kansas City Chiefs travel to Baltimore on Sunday for the AFC title game. "
        "Lamar Jackson threw for 152 yards and two touchdowns last week."
    )
    assert list(article.metadata["captions"]) == [{"text": caption, "credit": credit}]


def test_newsweek_glued_caption_copies_on_hostile_text_stay_bounded():
    from newsingest_plugins.newsweek import CaptionCopies

    repeated = "Aaaa Bbbb/Cccc Dddd " * 5000  # a credit's shape repeated, no sentence: nothing is a caption
    captions = ("Abc def ghi jkl mno. " * 3 + "X Y/Z W ") * 500  # nothing but doubled captions: the block goes
    draft = Draft(blocks=[Block("First."), Block(repeated.strip()), Block(captions.strip()), Block("Last.")])
    CaptionCopies().apply(draft)
    assert [block.text for block in draft.blocks] == ["First.", repeated.strip(), "Last."]
    assert len(draft.removed) == 250 and "".join(r.text for r in draft.removed).count("X Y/Z W") == 500


def test_newsweek_byline_and_date_line():
    text = (
        "Storm Map Shows Where Snow Will Fall This Week\n\nBy Jane Doe\n\nSenior Reporter\n\n"
        "Newsweek Is A Trust Project Member\n\nJan 24, 2024 at 2:00 PM EST\n\n"
        "A storm will bring heavy snow to the Plains on Thursday, forecasters said.\n\nAD Loading...\n\n"
        "Schools in several states have already announced closures.\n"
    )
    article = newsingest.ingest(text)
    assert article.outlet == "newsweek"
    assert article.title == "Storm Map Shows Where Snow Will Fall This Week"
    assert article.authors == ("Jane Doe",)
    assert article.published.isoformat() == "2024-01-24T14:00:00-05:00"
    assert len(article.paragraphs) == 2


_BYLINE = ["By Maria Lopez Weather Reporter", "Newsweek Is A Trust Project Member"]
_DATES = ["Published Jul 6, 2025 at 9:12 AM EDT", "Updated Jul 6, 2025 at 11:40 AM EDT"]


@pytest.mark.parametrize("separator", [" ", "\n\n"])
@pytest.mark.parametrize(
    "header",
    [
        [*_BYLINE, "Jul 6, 2025 at 9:12 AM EDT", _DATES[1]],  # the dates under the byline
        # the dates between the headline and the byline: glued into a one-line scrape, the headline
        # and both dates had stayed in the body and no date was read
        [*_DATES, *_BYLINE],
    ],
)
def test_newsweek_published_and_updated_lines_near_the_byline(separator, header):
    """Both dates near the byline go to their fields, glued into a one-line scrape or on lines of their own."""
    text = separator.join(
        [
            "Texas Floods Leave Thousands Without Power",
            *header,
            "Thousands of residents in central Texas remained without power on Sunday as rivers crested.",
            "Emergency crews rescued more than 200 people from flooded homes, officials said.",
        ]
    )
    article = newsingest.ingest(text)
    assert article.outlet == "newsweek" and article.authors == ("Maria Lopez",)
    assert article.title == "Texas Floods Leave Thousands Without Power"
    assert article.published.isoformat() == "2025-07-06T09:12:00-04:00"
    assert article.updated.isoformat() == "2025-07-06T11:40:00-04:00"
    assert article.paragraphs[0].text.startswith("Thousands of residents")


@pytest.mark.parametrize("separator", [" ", "\n"])
def test_newsweek_two_writers_and_their_plural_role(separator):
    text = separator.join(
        [
            "Map Shows Flood Risk",
            "By Jane Doe and John Smith",
            "Senior Reporters",
            "Newsweek Is A Trust Project Member",
            "Mar 3, 2025 at 10:05 AM EST",
            "Floods are rising across the Midwest this spring. Officials urged residents to prepare.",
        ]
    )
    article = newsingest.ingest(text)
    assert article.authors == ("Jane Doe", "John Smith")
    assert article.text == "Floods are rising across the Midwest this spring. Officials urged residents to prepare."


@pytest.mark.parametrize("separator", [" ", "\n"])
@pytest.mark.parametrize(
    "role",
    ["Senior Politics Reporter", "Live News Deputy Editor", "Senior Crime and Justice Reporter", "Sports Writer"],
)
def test_newsweek_role_of_several_words_is_no_part_of_the_name(separator, role):
    """Newsweek's roles name a beat and a rank: ``By Jane Doe Senior Politics Reporter`` is Jane Doe's byline."""
    text = separator.join(
        [
            "Biden Signs Executive Order on AI Safety",
            f"By Jane Doe {role}",
            "Newsweek Is A Trust Project Member",
            "Nov 30, 2023 at 10:15 AM EST",
            "President Joe Biden on Thursday signed an executive order that sets new standards for AI safety.",
            "The order requires developers of the most powerful systems to share safety test results.",
        ]
    )
    article = newsingest.ingest(text)
    assert article.authors == ("Jane Doe",)
    assert article.paragraphs[0].text.startswith("President Joe Biden")


def test_newsweek_subscription_bullets_go_without_the_lines_above_them():
    """The footer's first line (here the AI-policy link, which a generic rule takes first) is no longer there."""
    text = "\n".join(
        [
            "Storm Map Shows Where Snow Will Fall",
            "By Jane Doe",
            "Senior Reporter",
            "Jan 24, 2024 at 2:00 PM EST",
            "A storm will bring heavy snow to the Plains on Thursday, forecasters said.",
            "Schools in several states have already announced closures.",
            "To read how Newsweek uses AI as a newsroom tool, Click here.",
            "• Newsweek magazine delivered to your door",
            "• Newsweek Voices: Diverse audio opinions",
            "• Enjoy ad-free browsing on Newsweek.com",
            "Comment on articles",
            "Newsweek app updates on-the-go",
        ]
    )
    article = newsingest.ingest(text)
    assert article.outlet == "newsweek"
    assert article.text == (
        "A storm will bring heavy snow to the Plains on Thursday, forecasters said.\n\n"
        "Schools in several states have already announced closures."
    )


def test_newsweek_newsletter_prompt_inside_a_glued_paragraph_is_cut():
    text = (
        "Bird Flu Spreads in Dairy Herds By Anna Smith Health Reporter Newsweek Is A Trust Project Member "
        "Apr 2, 2024 at 6:12 AM EDT Farmers have been told to report sick animals. "
        "Sign up for Newsweek's Health newsletter to get the latest news in your inbox. "
        "The Department of Agriculture is investigating. Readers who sign up for the agency's newsletter get alerts."
    )
    article = newsingest.ingest(text)
    assert article.text == (
        "Farmers have been told to report sick animals. The Department of Agriculture is investigating. "
        "Readers who sign up for the agency's newsletter get alerts."
    )


def test_newsweek_streaming_promo_inside_a_glued_paragraph_is_cut():
    text = (
        "How to Watch Chiefs vs Bills By John Doe Sports Reporter Newsweek Is A Trust Project Member "
        "Jan 26, 2025 at 8:00 AM EST The Kansas City Chiefs host the Buffalo Bills on Sunday. "
        "Live stream Chiefs vs Bills on Fubo. You can live stream the game with Fubo, which offers a free trial. "
        "Regional restrictions may apply. Patrick Mahomes has won three Super Bowls with Kansas City."
    )
    article = newsingest.ingest(text)
    assert article.text == (
        "The Kansas City Chiefs host the Buffalo Bills on Sunday. "
        "Patrick Mahomes has won three Super Bowls with Kansas City."
    )


def test_newsweek_caption_printed_twice_above_an_agency_credit_line_goes():
    """The credit alone on its line names an agency the generic caption rule knows: the copies above are the caption."""
    caption = "A nurse prepares a measles vaccine at a clinic in Lubbock, Texas, on February 27, 2025."
    text = (
        "Newsweek reached out to the health department for comment on Monday.\n"
        f"{caption}\n{caption}\nJan Sonnenmair/Getty Images\n"
        "The outbreak in west Texas has grown to 159 cases, state officials said on Friday.\n"
    )
    article = newsingest.ingest(text)
    assert article.outlet == "newsweek"
    assert [p.text[:12] for p in article.paragraphs] == ["Newsweek rea", "The outbreak"]
    assert [dict(c) for c in article.metadata["captions"]] == [
        {"text": caption, "credit": "Jan Sonnenmair/Getty Images"}
    ]


_NURSE = "A nurse prepares a measles vaccine at a clinic in Lubbock, Texas, on February 27, 2025."


@pytest.mark.parametrize(
    ("between", "credit"),
    [
        (f"{_NURSE}\n{_NURSE} Jan Sonnenmair/Getty Images\n", "Jan Sonnenmair/Getty Images"),  # thumbnail copy bare
        (f"{_NURSE}\n{_NURSE} MARIO TAMA/GETTY IMAGES\n", "MARIO TAMA/GETTY IMAGES"),  # the same, a credit in capitals
        (f"{_NURSE}\n{_NURSE} PIYASET/GETTY\n", "PIYASET/GETTY"),
        (f"{_NURSE}\n{_NURSE}\nBrandon Bell/Getty Images via AFP\n", "Brandon Bell/Getty Images via AFP"),
        ("Photo-illustration by Newsweek/Getty\n", "Photo-illustration by Newsweek/Getty"),  # a credit, no caption
    ],
)
def test_newsweek_caption_shapes_leave_no_copy_or_credit(between, credit):
    text = (
        "Newsweek reached out to the health department for comment on Monday.\n"
        + between
        + "The outbreak in west Texas has grown to 159 cases, state officials said on Friday.\n"
    )
    article = newsingest.ingest(text)
    assert [p.text[:12] for p in article.paragraphs] == ["Newsweek rea", "The outbreak"]
    assert credit in [c["credit"] for c in article.metadata["captions"]]


@pytest.mark.parametrize(
    "furniture",
    [
        "AD Loading...",
        "Video Player is loading.",
        "Loaded: 12.5%",
        "Newsweek Is A Trust Project Member",
        "Link copied",
        "Request Reprint & Licensing",
        "function toggleCap(){var el=document.getElementById('cap');}",
        "Do you have a tip on a science story that Newsweek should be covering? Let us know via science@newsweek.com.",
        "Do you have a question about the NFL playoffs? Let us know via sports@newsweek.com.",
        "Do you have questions about your taxes? Let us know via finance@newsweek.com.",
        "Regional restrictions may apply.",
        "If you purchase a product or register for an account through a link on our site, we may receive compensation.",
        "You can stream the game on Peacock.",
        "You can live stream the game with Fubo, which offers a free trial.",
        "pic.twitter.com/AbCdEf1234",
    ],
)
def test_newsweek_furniture_glued_into_a_paragraph_is_cut(furniture):
    """Each piece of the furniture rule, between two sentences (its needles must let every piece through)."""
    first = "Newsweek reached out to the agency for comment on Sunday."
    last = "The agency said the report would be published next week."
    article = newsingest.ingest(f"{first} {furniture} {last}")
    assert article.outlet == "newsweek" and article.text == f"{first} {last}"


# --- text shapes -----------------------------------------------------------------------------


def test_inline_read_also_is_cut_and_the_sentences_kept():
    draft = Draft(
        blocks=[
            Block(
                "Polisi masih menyelidiki kasus itu. Baca juga: Harga Cabai Naik di Pasar Kramat Jati "
                "Polisi menyebut pelaku sudah ditangkap sejak Senin."
            )
        ]
    )
    INLINE_READ_ALSO.apply(draft)
    assert (
        draft.blocks[0].text
        == "Polisi masih menyelidiki kasus itu. Polisi menyebut pelaku sudah ditangkap sejak Senin."
    )
    assert draft.removed[0].text == "Baca juga: Harga Cabai Naik di Pasar Kramat Jati"


@pytest.mark.parametrize("opening", ["Artikel ini telah tayang di", "Berita ini telah tayang di"])
def test_inline_read_also_stops_before_the_syndication_footer(opening):
    # realdata joined into one line: the last read-also headline ate "Artikel", and the footer after it
    # ("ini telah tayang di …") was left in the body
    headline = "Kantor Guru SDN 13 Peudada Bireuen Terbakar, Damkar Kerahkan 3 Mobil"
    text = (
        f"Kerugian ditaksir Rp 250 juta, ujar Syamsul. Baca juga: {headline} {opening} TribunJakarta.com dengan judul X"
    )
    draft = Draft(blocks=[Block(text)])
    INLINE_READ_ALSO.apply(draft)
    assert draft.removed[0].text == f"Baca juga: {headline}"
    assert draft.blocks[0].text.endswith(f"ujar Syamsul. {opening} TribunJakarta.com dengan judul X")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a link line glued on at the end of a paragraph, its headline in sentence case
        (
            "Polisi masih menyelidiki kasus itu. Read more: Another story about something",
            "Polisi masih menyelidiki kasus itu.",
        ),
        (
            "Polisi masih menyelidiki kasus itu. Baca juga: Polisi tangkap dua pelaku pencurian motor",
            "Polisi masih menyelidiki kasus itu.",
        ),
        # glued to the last word, as adjacent inline elements of a page read (property seed 1894)
        (
            "Laporan Wartawan Tribunnews.com, Budi SantosoRead more: Another story about something",
            "Laporan Wartawan Tribunnews.com, Budi Santoso",
        ),
    ],
)
def test_inline_read_also_closing_a_block_is_cut_whatever_its_case(text, kept):
    draft = Draft(blocks=[Block(text)])
    INLINE_READ_ALSO.apply(draft)
    assert draft.blocks[0].text == kept


def test_read_more_in_a_sentence_is_body():
    draft = Draft(blocks=[Block("Read more about the storm in our guide to the season, which has plenty of detail.")])
    INLINE_READ_ALSO.apply(draft)
    assert not draft.removed


def test_headline_end_stops_where_the_sentence_starts():
    tokens = ["Trump", "Says", "Haley", "Should", "Drop", "Out", "Super", "Tuesday", "The", "Haley", "campaign", "said"]
    assert tokens[: headline_end(tokens)] == ["Trump", "Says", "Haley", "Should", "Drop", "Out", "Super", "Tuesday"]
    assert headline_end(["Only"]) == 0


def test_lines_broken_at_links_are_rejoined():
    text = (
        "Jakarta\n-\nPresiden Partai Keadilan Sejahtera (\nPKS\n) Almuzzammil Yusuf akan sowan ke Presiden\n"
        "Prabowo Subianto\n. Pertemuan itu bagian dari silaturahmi.\nBiaya Perpanjang SIM\n"
        "Biaya perpanjangan SIM tidak berubah tahun ini.\n"
    )
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == [
        "Jakarta - Presiden Partai Keadilan Sejahtera (PKS) Almuzzammil Yusuf akan sowan ke Presiden "
        "Prabowo Subianto. Pertemuan itu bagian dari silaturahmi.",
        "Biaya Perpanjang SIM",
        "Biaya perpanjangan SIM tidak berubah tahun ini.",
    ]
    assert blocks[1].kind == "heading"


# --- the kit: eval and mine ------------------------------------------------------------------


def test_eval_reports_recall_and_false_claims(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"url": "https://jogja.tribunnews.com/x", "text": "TRIBUNJOGJA.COM, YOGYA - Hujan deras turun sejak pagi."},
        {"url": "https://news.detik.com/y", "text": "Jakarta - Hujan deras turun sejak pagi.\nBaca juga: Banjir Lagi"},
        {"url": "https://jogja.tribunnews.com/z", "text": "Hujan deras turun sejak pagi di Yogyakarta."},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = evaluate([corpus], fixtures=[FIXTURES / "negative"])
    assert (result.outlets["tribun"].articles, result.outlets["tribun"].recognised) == (2, 1)
    assert result.outlets["none"].recognised == 1 and not result.false_claims
    assert result.removals[("tribun", "tribun-dateline")] == 1
    assert all(not s.noise_left and not s.body_lost and s.outlet is None for s in result.fixtures)
    assert "tribun" in render(result)


def test_mine_lists_recurring_lines_and_whether_a_rule_removes_them():
    texts = [
        f"TRIBUNJAMBI.COM - Berita nomor {n} tentang cuaca hari ini.\nIkuti kami di\nKalimat {n}." for n in range(4)
    ]
    total, recurring = mine(texts, outlet="tribun", min_articles=3)
    by_text = {entry.key: entry for entry in recurring}
    assert total == 4 and by_text["ikuti kami di"].articles == 4 and by_text["ikuti kami di"].removed_in == 4
    assert by_text["kalimat 0."].removed_in == 0  # numbers fold to 0: a recurring body line, kept
    assert repeated_lines(texts, min_articles=3) >= {"ikuti kami di", "kalimat 0."}


# --- captions: one shape, whichever rule moved them ------------------------------------------


_GLUED_NEWSWEEK = (
    "Storm Warning Issued for 10 States By Anna Smith Weather Reporter Newsweek Is A Trust Project Member "
    "Feb 3, 2025 at 7:30 AM EST A powerful storm will bring heavy snow to the Northeast this week. "
    "Snow totals could reach 18 inches. A man shovels snow in Boston on January 20. Scott Eisen/Getty Images "
    "A man shovels snow in Boston on January 20. Scott Eisen/Getty Images The storm should clear by Thursday."
)
_NBC_BODY = (
    "Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings.\n\n"
    "The senator said on Tuesday that the vote would go ahead as planned.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # NBC: a bare credit after the caption's sentence
            _NBC_BODY
            + "A nurse walks past the hospital entrance in Columbia on Monday. Sean Rayford / Getty Images\n\n"
            "The hospital said it would reopen the ward.\n",
            {
                "text": "A nurse walks past the hospital entrance in Columbia on Monday.",
                "credit": "Sean Rayford / Getty Images",
            },
        ),
        (  # NBC: a photographer's middle initial is no sentence end
            _NBC_BODY
            + "A pedestrian walks past graffiti calling for a rent strike in Seattle. Ted S. Warren / AP file\n\n"
            "The hospital said it would reopen the ward.\n",
            {
                "text": "A pedestrian walks past graffiti calling for a rent strike in Seattle.",
                "credit": "Ted S. Warren / AP file",
            },
        ),
        (  # NBC: the credit first
            _NBC_BODY + "Jonathan Ernst / Reuters Lois Lerner boards an elevator after the hearing in Washington.\n\n"
            "The hospital said it would reopen the ward.\n",
            {
                "text": "Lois Lerner boards an elevator after the hearing in Washington.",
                "credit": "Jonathan Ernst / Reuters",
            },
        ),
        (  # Newsweek: a caption, then its credit on a line of its own
            "Newsweek reached out to the agency for comment.\nA rover crosses the crater floor on Mars in 2024.\n"
            "NASA/JPL-Caltech/MSSS\nScientists said the samples would return in 2033.\n",
            {"text": "A rover crosses the crater floor on Mars in 2024.", "credit": "NASA/JPL-Caltech/MSSS"},
        ),
        (  # Newsweek: a caption printed twice inside a glued paragraph
            _GLUED_NEWSWEEK,
            {"text": "A man shovels snow in Boston on January 20.", "credit": "Scott Eisen/Getty Images"},
        ),
        (  # Tribun: a photo caption above the dateline
            "FOTO ILUSTRASI: Petugas memeriksa kendaraan di gerbang tol (TRIBUNJABAR.ID/Ahya Nurdin)\n" + _TRIBUN_BODY,
            {
                "text": "FOTO ILUSTRASI: Petugas memeriksa kendaraan di gerbang tol",
                "credit": "TRIBUNJABAR.ID/Ahya Nurdin",
            },
        ),
    ],
)
def test_a_caption_a_plugin_moves_has_the_generic_shape(text, expected):
    """``metadata.captions`` holds ``{text, credit}`` from every rule: a list of mixed shapes breaks a reader's loop."""
    captions = newsingest.ingest(text).metadata["captions"]
    assert expected in captions
    assert all(isinstance(caption, Mapping) and set(caption) == {"text", "credit"} for caption in captions)


@pytest.mark.parametrize(
    "line", ["Jesus and Mary contributed.", "Reporting by Joy Lord", "Update (May 5, 2025): we sing again"]
)
def test_english_lines_in_a_tribun_article_are_not_read_as_english_credits(line):
    """Tribun writes in Indonesian: the English note and credit rules do not run on its articles.

    Real Tribun articles quote English songs line by line (Bethel Music, Planetshakers); a
    lyric shaped like a wire credit or a contributor line is body there, not a credit.
    """
    lead = (
        "TRIBUNMANADO.COM - Simak berikut lirik lagu rohani berjudul Center dari Bethel Music yang tayang di YouTube."
    )
    after = "Lagu ini dinyanyikan oleh jemaat setiap minggu di gereja-gereja di Manado dan sekitarnya."
    article = newsingest.ingest(f"{lead}\n\n{line}\n\n{after}")
    assert article.outlet == "tribun"
    assert line in [p.text for p in article.paragraphs]


#: The shape of real scraped Newsweek text (two articles of January 2024, kept in a public repository's API
#: example: the text of ``#v_article > div.article-body.v_text``): one line, the page's paragraphs joined with
#: nothing between them, a picture's caption twice (thumbnail and full) with its credit and the page's
#: ``function toggleCap(){…}``, a reader call-out, the footer glued on (``Uncommon KnowledgeNewsweek is
#: committed …`` twice) and the footer's script. The words ours.
_TOGGLE_CAP = (
    "function toggleCap(){const shortDesc=document.getElementById('short-cap-description');const fullDesc="
    "document.getElementById('full-cap-description');if(fullDesc.style.display==='none'){shortDesc.style.display="
    "'none';fullDesc.style.display='inline'}else{shortDesc.style.display='inline';fullDesc.style.display='none'}}"
)
_FOOTER_SCRIPT = (
    "doFir.push(function(){jQuery(document).ready(function(){if(jQuery('.uncommon-list')[0]){jQuery('.uncommon-"
    "knowledge').show()}})})"
)


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("A rover photographs itself on the plain. The search for water goes on.", "NASA/JPL-Caltech/MSSS"),
        ("Bacteria grow in lab dishes at the university. The study looked at packing plants.", "Penn State"),
    ],
)
def test_newsweek_one_line_scrape_of_2024(caption, credit):
    committed = "Newsweek is committed to challenging conventional wisdom and finding connections in the search for common ground."
    more = [  # (a page's paragraphs, joined by the scrape with nothing between them)
        f"The measurements were taken {when}, when the air over the crater is {state}."
        for when, state in [("before sunrise", "still"), ("at noon", "warm"), ("after sunset", "cooling")] * 4
    ]
    text = (
        "Scientists may have found why the planet burps.In recent years, the rover has measured methane in the air."
        + "".join(more)
        + f"The gas could be a sign of life, the team said. {caption} {caption} {credit} {_TOGGLE_CAP} "
        '"We think these windows offer the best chance," the lead author said.The team used models of the rock.'
        "Is there a health issue that's worrying you? Do you have a question about methane? Let us know via "
        "science@newsweek.com. We can ask experts for advice, and your story could be featured on Newsweek. "
        f"Uncommon Knowledge{committed}{committed} {_FOOTER_SCRIPT}"
    )
    article = newsingest.ingest(text)
    assert article.outlet == "newsweek"
    assert article.text == (
        "Scientists may have found why the planet burps. In recent years, the rover has measured methane in the air. "
        + " ".join(more)
        + ' The gas could be a sign of life, the team said. "We think these windows offer the best chance," the lead '
        "author said. The team used models of the rock."
    )
    assert [dict(found) for found in article.metadata["captions"]] == [{"text": caption, "credit": credit}]


#: The pets desk's call-out (a public cleaning script strips it from newsweek.com text, the address already
#: gone): its question is no ``Do you have a tip``; the request after it names the desk's feature.
_PETS_CALL_OUT = (
    "Do you have funny and adorable videos or pictures of your pet you want to share? Send them to "
    "life@newsweek.com with some details about your best friend and they could appear in our Pet of the Week lineup."
)


@pytest.mark.parametrize("address", ["life@newsweek.com", "[email protected]", ""])
@pytest.mark.parametrize("glued", [False, True], ids=["own-line", "glued"])
def test_newsweek_reader_call_out_that_asks_for_pictures_goes(address, glued):
    call_out = _PETS_CALL_OUT.replace("life@newsweek.com ", f"{address} " if address else "")
    body = [
        "The dog had never done anything like it before, its owner said, and the clip has been viewed two million times.",
        "Several viewers said their own pets had done the same thing when they were left alone for an afternoon.",
    ]
    committed = "Newsweek is committed to challenging conventional wisdom and finding connections in the search for common ground."
    joiner = " " if glued else "\n\n"
    article = newsingest.ingest(joiner.join([*body, call_out, f"Uncommon Knowledge{joiner}{committed}"]))
    assert article.outlet == "newsweek"
    assert article.text == joiner.join(body)


#: The rating box above the writer's bio (a public cleaning script strips these lines from newsweek.com text).
_FAIRNESS_METER = [
    "fairness meter",
    "Newsweek is committed to journalism that's factual and fair.",
    "Hold us accountable and submit your rating of this article on the meter.",
    "Click On Meter To Rate This Article",
]


@pytest.mark.parametrize("glued", [False, True], ids=["own-lines", "glued"])
def test_newsweek_fairness_meter_goes_and_is_newsweek_evidence(glued):
    body = [
        "The school board voted to keep the program for another year after hours of public comment on Tuesday.",
        "Parents who spoke at the meeting said the classes had helped their children catch up after the pandemic.",
    ]
    bio = ["About the writer", "Jane Roe is a Weekend Reporter at Newsweek based in New York."]
    joiner = " " if glued else "\n\n"
    article = newsingest.ingest(joiner.join([*body, *_FAIRNESS_METER[1 if glued else 0 :], *bio]))
    assert article.outlet == "newsweek"
    assert article.text == joiner.join(body)


#: A Tribun article page as public scrapers read it (``h1#arttitle``, the credit heading ``div.f20.credit.mt10 >
#: h6 > div#penulis a, div#editor a``, the lead picture in ``div#artimg`` with its caption, the body in
#: ``div.side-article.txt-article.multi-fontsize.editcontent`` holding ``div.reserved_box_ads``, ``p.baca`` and
#: popIn's ``div._popIn_recommend_art_title``, the tags in ``div.tagcloud3``). Class names and nesting as
#: those name them; the words ours.
_TRIBUN_PAGE = (
    '<html lang="id"><head><title>Banjir Rendam Ratusan Rumah di Kudus - Tribunnews.com</title></head><body>'
    '<div id="article_con"><h1 id="arttitle" class="f50 black2 f400 crimson">Banjir Rendam Ratusan Rumah di Kudus</h1>'
    '<div class="mt10"><time class="grey">Senin, 9 Juni 2025 10:15 WIB</time><div class="f20 credit mt10"><h6>'
    '<div id="penulis">Penulis: <a href="/penulis/budi">Budi Santoso</a></div><div id="editor">Editor: '
    '<a href="/editor/siti">Siti Aminah</a></div></h6></div></div><div id="artimg"><div class="pb20 ovh"><div '
    'class="ovh imgfull_div"><a class="glightbox"><img class="imgfull" src="x.jpg"></a></div><div class="arial f12 '
    'pt5 grey2">Warga melintasi genangan air di Desa Jati, Kudus. (TRIBUNJATENG.COM/Rifqi Gozali)</div></div></div>'
    '<div class="side-article txt-article multi-fontsize editcontent"><p><strong>TRIBUNJATENG.COM, KUDUS</strong> - '
    "Banjir merendam ratusan rumah warga di Kabupaten Kudus setelah hujan deras sejak Minggu malam.</p><p>Ketinggian "
    'air di sejumlah desa mencapai lutut orang dewasa, dan warga mulai mengungsi.</p><div class="reserved_box_ads">'
    '<div id="div-gpt-ad-2">ADVERTISEMENT</div></div><p class="baca">Baca juga: <a href="/x">Jalan Pantura Kudus '
    'Macet Panjang</a></p><div class="_popIn_recommend_art_title">Pemkab Kudus Siapkan Dapur Umum untuk Korban '
    "Banjir</div><p>Badan Penanggulangan Bencana Daerah setempat mendirikan posko dan membagikan makanan.</p><p>"
    'Hingga Senin siang, belum ada laporan korban jiwa.</p></div><div class="side-article mb5"><div '
    'class="tagcloud3"><a>banjir</a><a>Kudus</a></div></div></div></body></html>'
)


def test_tribun_page_credit_heading_names_the_writer_and_editor():
    # the writer and editor stand in the credit heading above the picture, where the extraction does not
    # read: the article had no author (the page's meta tags that name them are not on every template)
    article = newsingest.ingest(_TRIBUN_PAGE, url="https://jateng.tribunnews.com/2025/06/09/banjir-kudus")
    assert article.outlet == "tribun"
    assert article.authors == ("Budi Santoso",)
    assert article.metadata["editor"] == "Siti Aminah"
    assert [p.text[:20] for p in article.paragraphs] == [
        "Banjir merendam ratu",
        "Ketinggian air di se",
        "Badan Penanggulangan",
        "Hingga Senin siang, ",
    ]
