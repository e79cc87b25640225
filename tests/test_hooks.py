"""Plugin hooks: each runs once per article, sees the page read once, keeps state per article."""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsingest import Draft, Page, Pipeline, Plugin, PluginRegistry

SHORT_PAGE = """<html><head><title>Short</title>
<meta name="content_author" content="Budi Santoso"><meta property="og:title" content="A short story">
<link rel="canonical" href="https://hooks.example/a">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A short story"}</script>
</head><body><article><p>One short paragraph of the story, not long.</p></article></body></html>"""

LONG_PAGE = SHORT_PAGE.replace(
    "<p>One short paragraph of the story, not long.</p>",
    "".join(f"<p>Paragraph {i} of a long story that goes on and on with many words in it.</p>" for i in range(30)),
)


class Recorder(Plugin):
    name = "hooks"
    domains = ("hooks.example",)

    def __init__(self):
        super().__init__()
        self.calls = []
        self.pages = []

    def read_page(self, tree, draft):
        self.calls.append("read_page")
        self.pages.append(draft.page)
        draft.state["seen"] = draft.page.meta.get("content_author")

    def prepare_dom(self, tree, draft):
        self.calls.append("prepare_dom")

    def process(self, draft):
        self.calls.append("process")
        draft.add_metadata("seen", draft.state["seen"])


@pytest.mark.parametrize("html", [SHORT_PAGE, LONG_PAGE], ids=["short (full extraction)", "long"])
def test_each_hook_runs_once_in_order(html):
    plugin = Recorder()
    article = Pipeline(plugins=PluginRegistry([plugin], entry_points=False)).ingest(html)
    assert article.outlet == "hooks"
    assert plugin.calls == ["read_page", "prepare_dom", "process"]
    assert article.metadata["seen"] == "Budi Santoso"


def test_hooks_get_the_page_read_once():
    plugin = Recorder()
    Pipeline(plugins=PluginRegistry([plugin], entry_points=False)).ingest(SHORT_PAGE)
    (page,) = plugin.pages
    assert isinstance(page, Page)
    assert page.canonical_url == "https://hooks.example/a"
    assert page.meta["og:title"] == "A short story"
    assert page.json_ld[0]["headline"] == "A short story"
    assert page.metadata.title == "A short story"
    with pytest.raises(TypeError):
        page.meta["x"] = "y"  # read-only


def test_text_input_has_no_page():
    seen = []

    class TextPlugin(Plugin):
        name = "texthooks"

        def process(self, draft: Draft) -> None:
            seen.append(draft.page)

    body = "A body paragraph long enough to be kept as the article's text.\n"
    Pipeline(plugins=PluginRegistry([TextPlugin()], entry_points=False)).ingest(body, outlet="texthooks")
    assert seen == [None]


def test_per_article_state_does_not_mix_under_threads():
    """State kept in draft.state stays with its article, whatever thread runs it."""

    class Stateful(Plugin):
        name = "stateful"
        barrier = threading.Barrier(8)

        def process(self, draft):
            draft.state["first"] = draft.blocks[0].text
            with contextlib.suppress(threading.BrokenBarrierError):
                self.barrier.wait(timeout=5)  # every thread has written its state before any reads it
            draft.add_metadata("first", draft.state["first"])

    pipeline = Pipeline(plugins=PluginRegistry([Stateful()], entry_points=False))
    texts = [f"Article number {i} has a first paragraph of its own words.\n" for i in range(8)]
    with ThreadPoolExecutor(8) as pool:
        articles = list(pool.map(lambda t: pipeline.ingest(t, outlet="stateful"), texts))
    assert [a.metadata["first"] for a in articles] == [t.strip() for t in texts]


def test_tribun_reads_meta_from_the_page_without_rescanning(monkeypatch):
    from lxml import html as lxml_html

    import newsingest

    calls = []
    original = lxml_html.HtmlElement.iter

    def counting_iter(self, *tags):
        if "meta" in tags:
            calls.append(tags)
        return original(self, *tags)

    monkeypatch.setattr(lxml_html.HtmlElement, "iter", counting_iter)
    page = SHORT_PAGE.replace("hooks.example", "www.tribunnews.com").replace(
        '<meta name="content_author"', '<meta name="content_editor" content="Editor Satu"><meta name="content_author"'
    )
    article = newsingest.ingest(page)
    assert article.outlet == "tribun"
    assert article.authors == ("Budi Santoso",) and article.metadata["editor"] == "Editor Satu"
    assert len(calls) == 1  # htmlmeta's one scan; the plugin reads draft.page.meta


@pytest.mark.parametrize("html", [SHORT_PAGE, LONG_PAGE], ids=["short (full extraction)", "long"])
def test_a_page_is_parsed_once(monkeypatch, html):
    """The docstrings say "parsed once": hold them to it."""
    from newsingest._html import extract as htmlextract

    calls = []
    original = htmlextract.parse_html

    def counting(text):
        calls.append(1)
        return original(text)

    monkeypatch.setattr(htmlextract, "parse_html", counting)
    Pipeline(plugins=PluginRegistry([Recorder()], entry_points=False)).ingest(html)
    assert len(calls) == 1
