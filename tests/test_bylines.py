"""Bylines read off a page whose metadata names no author (trafilatura's search, one pass)."""

from __future__ import annotations

import pytest

from newsingest._html.bylines import page_byline
from newsingest._html.extract import parse_html


def byline(body: str) -> str | None:
    return page_byline(parse_html(f"<html><body>{body}<p>Story text.</p></body></html>"))


def test_an_author_link_comes_before_a_byline_class():
    body = "<div class='byline'>Staff Desk</div><p>By <a rel='author' href='/a'>Jane Doe</a></p>"
    assert byline(body) == "Jane Doe"


def test_byline_classes_and_ids():
    assert byline("<span class='post-byline'>Ana Lima</span>") == "Ana Lima"
    assert byline("<div id='article-author'>Budi Santoso</div>") == "Budi Santoso"
    assert byline("<h4 class='posted-by'>Mike Woodward</h4>") == "Mike Woodward"


def test_comments_sidebars_dates_and_figures_are_left_out():
    body = (
        "<div class='comments'><span class='author'>A Commenter</span></div>"
        "<aside><div class='sidebar'><span class='author'>Side Bar</span></div></aside>"
        "<figure><figcaption class='author'>Photo Person</figcaption></figure>"
        "<div class='author-box'>Real Author<time>3 May 2024</time></div>"
    )
    assert byline(body) == "Real Author"


@pytest.mark.parametrize(
    "body", ["<p>No byline here.</p>", "<span class='author'>x</span>", "<span class='author'>" + "y" * 200 + "</span>"]
)
def test_no_byline_when_none_fits(body):
    assert byline(body) is None


def test_same_answers_as_trafilatura_on_small_pages():
    from trafilatura.metadata import extract_author

    pages = [
        "<div class='author'>By Ana Lima</div>",
        "<div class='entry'><a href='/u/1' class='author-name'>Jo Bloggs</a> and <span class='writer'>X</span></div>",
        "<div class='comments-list'><p class='author'>Nope</p></div><p itemprop='author'>Kim Lee</p>",
    ]
    for body in pages:
        tree = parse_html(f"<html><body>{body}</body></html>")
        assert page_byline(tree) == extract_author(tree)


def test_an_author_box_social_links_are_not_part_of_the_name():
    # nbcnews.com's 2016 pages close the article with the author's box: the name, then a list of
    # social links whose labels are there for screen readers only; they had joined the name
    body = (
        "<div class='author'><div class='author_name'>Jane Roe</div><ul class='social-list social-list_author'>"
        "<li><a href='https://twitter.com/@janeroe'><i class='fa fa-twitter'></i>"
        "<span class='screen-reader-txt'>Twitter</span></a></li><li><a href='mailto:jane@example.com'>"
        "<i class='fa fa-envelope-o'></i><span class='screen-reader-txt'>Email</span></a></li></ul></div>"
    )
    assert byline(body) == "Jane Roe"
    assert byline("<span class='byline'>Ana Lima <span class='sr-only'>(opens profile)</span></span>") == "Ana Lima"
