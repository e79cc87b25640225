"""Page metadata: titles and authors as a reader writes them, and bad values that cost only their field."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import newsingest
from newsingest._html.dates import first_date_line
from newsingest._html.extract import parse_html
from newsingest._html.meta import read_page_metadata
from newsingest._html.sitename import is_site_name, site_names, strip_site_suffix

BODY = "".join(
    f"<p>Paragraph {n} of the story tells what happened and why it matters to readers.</p>" for n in range(8)
)


def page(head: str = "", body: str = BODY) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def jsonld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta_of(html: str, url: str | None = None):
    return read_page_metadata(parse_html(html), url=url)


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Best Long-Distance &#038; Cross-Country Movers 2026", "Best Long-Distance & Cross-Country Movers 2026"),
        ("Why you just can&#39;t trust the White House", "Why you just can't trust the White House"),
        (
            "Anthony Lynn: &#8220;We needed to win this&nbsp;game&#8221;",
            "Anthony Lynn: \u201cWe needed to win this game\u201d",
        ),
    ],
)
def test_entities_in_jsonld_and_meta_titles_are_unescaped(raw, title):
    # json.dumps keeps the entity text as the page had it inside the JSON string
    assert meta_of(page(jsonld({"@type": "NewsArticle", "headline": raw}))).title == title
    assert meta_of(page(f'<meta property="og:title" content="{raw.replace("&", "&amp;")}">')).title == title


def test_entities_in_authors_are_unescaped():
    meta = meta_of(page(jsonld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Anthony O&#39;Neil"}})))
    assert meta.authors == ["Anthony O'Neil"]


def test_author_strings_from_metadata_become_names():
    data = {"@type": "NewsArticle", "author": "By MEG KINNARD and ERRIN HAINES, Associated Press"}
    assert meta_of(page(jsonld(data))).authors == ["Meg Kinnard", "Errin Haines"]
    html = page('<meta name="author" content="Analysis by Chris Cillizza">')
    assert meta_of(html).authors == ["Chris Cillizza"]


def test_site_name_suffix_is_cut_from_the_title():
    html = page('<meta property="og:title" content="Machine learning, explained | MIT Sloan">')
    assert meta_of(html, url="https://mitsloan.mit.edu/ideas/x").title == "Machine learning, explained"
    html = page(
        '<meta property="og:title" content="Top tips - Tastewise"><meta property="og:site_name" content="Tastewise">'
    )
    assert meta_of(html).title == "Top tips"


def test_the_sites_logo_text_is_not_the_title():
    head = '<meta property="og:site_name" content="엔터미디어"><title>엔터 미디어</title>'
    body = "<h1 class='logo'>엔터 미디어</h1><h2>배우의 새 영화가 개봉했다</h2>" + BODY
    assert meta_of(page(head, body), url="https://www.entermedia.co.kr/news/1").title != "엔터 미디어"


def test_site_name_helpers():
    sites = site_names("MIT Sloan", None, "https://mitsloan.mit.edu/a")
    assert sites == ["mitsloan", "mitsloan"]
    assert is_site_name("MIT  Sloan", sites)
    assert strip_site_suffix("Alpha | Beta | MIT Sloan", sites) == "Alpha | Beta"
    assert strip_site_suffix("Python, SQL & AI | Splunk", site_names("https://www.splunk.com/x")) == "Python, SQL & AI"
    assert strip_site_suffix("Sloan", sites) == "Sloan"  # nothing left would be no title
    assert strip_site_suffix("Rust 1.80 - a new release", site_names("https://blog.example.org/")) == (
        "Rust 1.80 - a new release"
    )
    assert site_names("http://[bad/") == []


def test_a_date_line_is_read_when_metadata_names_no_date():
    tree = parse_html(page(body="<h1>Title</h1><p>Dec 17, 2025</p>" + BODY))
    assert first_date_line(tree, today=dt.date(2026, 1, 1)) == dt.date(2025, 12, 17)
    tree = parse_html(page(body="<p>Posted on 3rd October 2024</p>" + BODY))
    assert first_date_line(tree, today=dt.date(2026, 1, 1)) == dt.date(2024, 10, 3)
    tree = parse_html(page(body="<p>February 30, 2024</p><p>Due by May 1, 2030</p>" + BODY))
    assert first_date_line(tree, today=dt.date(2026, 1, 1)) is None  # impossible, then in the future
    assert meta_of(page(body="<div class='date'>January 31, 2024</div>" + BODY)).published == dt.date(2024, 1, 31)


# issue 12 item 7: a bad metadata value costs only its own field


@pytest.mark.parametrize("bad", ["0000-00-00", "2023-02-30", "2023-13-45T10:00:00", "9999-99-99 99:99"])
def test_impossible_dates_cost_only_the_date(bad):
    html = page(f'<meta property="article:published_time" content="{bad}"><meta property="og:title" content="A title">')
    meta = meta_of(html)
    assert meta.published is None and meta.title == "A title"
    article = newsingest.ingest(html)
    assert article.published is None and "Paragraph 7" in article.text


def test_keywords_of_the_wrong_type_cost_only_the_keywords():
    html = page(jsonld({"@type": "NewsArticle", "headline": "Headline here", "keywords": 42}))
    assert meta_of(html).keywords == []
    article = newsingest.ingest(html)
    assert article.title == "Headline here" and "keywords" not in article.metadata
    mixed = page(jsonld({"@type": "NewsArticle", "keywords": ["a", 3, None, {"x": 1}, " b "]}))
    assert meta_of(mixed).keywords == ["a", "b"]


@pytest.mark.parametrize(
    "value",
    [
        {"@type": "NewsArticle", "headline": 5, "author": 7, "datePublished": 20240101, "publisher": [1]},
        {"@type": "NewsArticle", "author": [{"name": 3}, None, ["x"]], "url": {"@id": 4}, "editor": True},
    ],
)
def test_wrong_types_anywhere_in_jsonld_cost_only_their_fields(value):
    article = newsingest.ingest(page(jsonld(value)))
    assert "Paragraph 7" in article.text


def test_an_unparsable_canonical_url_costs_only_the_url():
    html = page('<link rel="canonical" href="http://[bad/"><meta property="og:title" content="A title">')
    assert meta_of(html).url is None
    article = newsingest.ingest(html)
    assert article.url is None and article.title == "A title"


def test_lone_surrogates_in_jsonld_do_not_reach_the_output():
    raw = '{"@type":"NewsArticle","headline":"\\ud800","author":"Ana \\udc80Lima"}'
    html = page(f'<script type="application/ld+json">{raw}</script>')
    article = newsingest.ingest(html)
    record = json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")  # would raise on a surrogate
    assert b"\xed\xa0\x80" not in record
    assert article.title in (None, "\ufffd")


def test_a_visible_date_line_comes_before_htmldate_guesses():
    from newsingest._html.dates import page_date

    tree = parse_html(page(body="<h1>Title</h1><p>March 3, 2024</p>" + BODY))
    assert page_date(tree, url="https://example.com/2019/01/05/story") == dt.date(2024, 3, 3)
    bare = parse_html(page())
    assert page_date(bare, url="https://example.com/2019/01/05/story") == dt.date(2019, 1, 5)  # htmldate, from the URL


@pytest.mark.parametrize(
    "markup",
    [
        '<time itemprop="datePublished" datetime="2022-01-17T14:45:00.000Z">Jan. 17, 2022, 9:45 PM</time>',
        '<meta itemProp="datePublished" content="2022-01-17T14:45:00.000Z"><span>Jan. 17, 2022</span>',
    ],
)
def test_schema_org_microdata_date_comes_before_a_date_line(markup):
    # a real nbcnews.com article body (2022) declares its date only in microdata; an inline video's
    # ``Jan. 15, 2022`` further down had been read as the article's date
    video = "<section><h2>A video of the rally</h2><span><span>Jan. 15, 2022</span><span>01:59</span></span></section>"
    meta = meta_of(page(body=f"<h1>Title</h1>{markup}{video}{BODY}"))
    assert meta.published == dt.datetime(2022, 1, 17, 14, 45, tzinfo=dt.timezone.utc)


def test_schema_org_microdata_modified_date_is_the_update():
    head = '<meta itemprop="datePublished" content="2024-11-22"><meta itemprop="dateModified" content="2025-10-08">'
    meta = meta_of(page(head, body="<span>Updated October 8, 2025</span>" + BODY))
    assert (meta.published, meta.updated) == (dt.date(2024, 11, 22), dt.date(2025, 10, 8))


@pytest.mark.parametrize("bullet", ["• ", "▪ ", "- "])
def test_a_headline_with_a_list_bullet_is_the_title_without_it(bullet):
    # the body's copy of the headline loses its bullet as every list line does: the title must
    # too, or the copy is not seen as the title repeated, and stays in the body
    page = (
        f"<!DOCTYPE html><html><body><article><h2>{bullet}Storm Closes Schools Across the County</h2>"
        "<p>Schools across the county closed on Monday as a storm brought heavy snow and strong winds "
        "to the region, officials said.</p></article></body></html>"
    )
    article = newsingest.ingest(page)
    assert article.title == "Storm Closes Schools Across the County"
    assert article.paragraphs[0].text.startswith("Schools across the county")


@pytest.mark.parametrize("lead", ["Baca juga:", "Read more:", "READ ALSO :"])
def test_a_read_also_link_standing_as_the_heading_is_not_the_title(lead):
    # a page without <title> whose heading was a read-also link: the link became the title, its
    # story's headline standing for the article's (left open in an earlier session's note)
    page = (
        f"<!DOCTYPE html><html><body><article><h2><a href='/x'>{lead} Kisah Pilu Solihin Rumahnya Terbakar</a></h2>"
        + BODY
        + "</article></body></html>"
    )
    article = newsingest.ingest(page, outlet="none")
    assert article.title is None or "Solihin" not in article.title
    assert not any("Solihin" in paragraph.text for paragraph in article.paragraphs)
