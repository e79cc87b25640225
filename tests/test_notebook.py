"""Notebook ergonomics: Article._repr_html_, to_dataframe, removed_report, the example notebook."""

from __future__ import annotations

import contextlib
import html
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

import newsingest
from newsingest import Article, Block, Removed, Translation
from newsingest.frontends.notebook import DATAFRAME_COLUMNS, REPORT_COLUMNS, article_html, removed_counts

SEED_001 = SEEDS / "001_825440407aefd421.txt"
NOTEBOOK = ROOT / "docs" / "examples" / "quickstart.ipynb"
VOID = {"br", "img", "hr", "meta", "input", "link", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, cls: str) -> list[Element]:
        return [e for e in self.iter() if cls in e.classes]


class TreeBuilder(HTMLParser):
    """A strict little DOM: every non-void tag must be closed in order, or the test fails."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(markup: str) -> Element:
    builder = TreeBuilder()
    builder.feed(markup)
    builder.close()
    assert builder.current is builder.root, "unclosed tags"
    return builder.root


def hostile_article() -> Article:
    nasty = '<script>alert("x")</script> & \'quoted\' "double" <b>bold</b>'
    paragraphs = (
        Block("First <p> paragraph & more", "paragraph"),
        Block('A <heading> with "quotes"', "heading"),
        Block(nasty, "paragraph"),
        Block("quoted <q>", "quote"),
        Block("item one <li>", "list_item"),
        Block("item two", "list_item"),
        Block("Last paragraph", "paragraph", language="fr"),
    )
    return Article(
        id="0123456789abcdef",
        text="\n\n".join(b.text for b in paragraphs),
        source="<stdin>",
        url='javascript:alert("x")',
        outlet="ex<ample>",
        title='Title <i>with</i> & "tags"',
        paragraphs=paragraphs,
        authors=("Ann <Author>", "Bob & Co"),
        published="2024-03-01T10:00:00+01:00",
        updated="2024-03-02",
        language="en",
        language_confidence=0.97,
        removed=(
            Removed("Subscribe <now>!", 'promo "<b>" & co', "promo", plugin="ex<ample>"),
            Removed("Photo: <img src=x onerror=alert(1)>", "photo caption", "caption", moved_to="metadata.captions"),
            Removed("Footer & links", "site footer", "footer", plugin="example"),
            Removed("Footer & links", "site footer", "footer", plugin="example"),
        ),
        metadata={"warnings": ["plugin <x> failed"]},
    )


# --------------------------------------------------------------------------- _repr_html_


def test_repr_html_is_article_html_and_repr_stays_short():
    article = hostile_article()
    assert article._repr_html_() == article_html(article)
    text = repr(newsingest.ingest(SEED_001))
    assert text.startswith("<Article ") and len(text) < 250 and "\n" not in text


def test_repr_html_escapes_everything():
    article = hostile_article()
    markup = article._repr_html_()
    assert "<script" not in markup and "<b>" not in markup and "<img" not in markup and "<i>" not in markup
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in markup
    assert 'href="javascript:' not in markup  # a URL that is not http(s) is shown, never linked
    root = parse(markup)
    # the only tags are the renderer's own
    assert {e.tag for e in root.iter()} <= {"#root", "div", "span", "p", "h3", "h4", "blockquote", "ul", "li"} | {
        "details",
        "summary",
        "a",
        "br",
    }
    (title,) = root.find_all("nsi-title")
    assert title.text == article.title
    assert root.find_all("nsi-outlet")[0].text == "ex<ample>"
    assert root.find_all("nsi-authors")[0].text == "Ann <Author>, Bob & Co"
    assert "plugin <x> failed" in root.find_all("nsi-warnings")[0].text


def test_repr_html_shows_metadata():
    root = parse(hostile_article()._repr_html_())
    assert root.find_all("nsi-language")[0].text == "en (97%)"
    assert root.find_all("nsi-published")[0].text == "2024-03-01 10:00 UTC+01:00"
    assert root.find_all("nsi-updated")[0].text == "2024-03-02"
    assert "0123456789abcdef" in root.find_all("nsi-footer")[0].text


def test_repr_html_kept_blocks_in_order_with_their_kinds():
    article = hostile_article()
    root = parse(article._repr_html_())
    blocks = root.find_all("nsi-block")
    assert [b.attrs["data-index"] for b in blocks] == [str(i) for i in range(len(article.paragraphs))]
    tags = {"paragraph": "p", "heading": "h4", "quote": "blockquote", "list_item": "li"}
    for element, block in zip(blocks, article.paragraphs, strict=True):
        assert element.tag == tags[block.kind]
        assert element.text.startswith(block.text)
        assert f"nsi-{block.kind}" in element.classes
    items = [b for b in blocks if b.tag == "li"]
    assert items[0].parent is items[1].parent and items[0].parent.tag == "ul"
    # a block in another language than the article's is marked
    assert blocks[-1].find_all("nsi-block-lang")[0].text == "fr"


def test_repr_html_every_removed_piece_set_apart_with_its_reason():
    article = hostile_article()
    root = parse(article._repr_html_())
    (section,) = root.find_all("nsi-removed-section")
    (body,) = root.find_all("nsi-body")
    removed = root.find_all("nsi-removed")
    assert len(removed) == len(article.removed)
    assert not body.find_all("nsi-removed")  # apart from the kept text
    for element, item in zip(removed, article.removed, strict=True):
        assert element in list(section.iter())
        assert element.find_all("nsi-removed-text")[0].text == item.text
        title = element.attrs["title"]
        assert item.reason in title and item.rule in title
        if item.plugin:
            assert item.plugin in title
        if item.moved_to:
            assert "nsi-moved" in element.classes and item.moved_to in title
        else:
            assert "nsi-dropped" in element.classes
            assert "line-through" in element.find_all("nsi-removed-text")[0].attrs["style"]
        # greyed, not the body's colour
        group = element.parent
        assert "nsi-removed-group" in group.classes and "color:#6e7781" in group.attrs["style"]


def test_repr_html_seed_001_footer_removed_and_body_kept():
    article = newsingest.ingest(SEED_001)
    markup = article._repr_html_()
    root = parse(markup)
    assert root.find_all("nsi-title")[0].text == article.title
    assert root.find_all("nsi-outlet")[0].text == "newsweek"
    blocks = root.find_all("nsi-block")
    assert [b.text for b in blocks] == [p.text for p in article.paragraphs]
    assert [b.tag for b in blocks].count("h4") == sum(p.kind == "heading" for p in article.paragraphs) >= 1
    footer = [e for e in root.find_all("nsi-removed") if "newsweek-footer" in e.attrs["title"]]
    assert len(footer) == sum(r.rule == "newsweek-footer" for r in article.removed) > 5
    for element in footer:
        assert "nsi-dropped" in element.classes
        assert "Newsweek footer" in element.attrs["title"] and "plugin newsweek" in element.attrs["title"]
    # the footer's text is nowhere in the kept body
    body_text = root.find_all("nsi-body")[0].text
    assert "About the writer" not in body_text and "Uncommon Knowledge" not in body_text


def test_repr_html_translation_and_empty_article():
    article = Article(
        id="x",
        text="",
        translation=Translation("en", "A <title>", ("one <p>", "two")),
    )
    root = parse(article._repr_html_())
    assert root.find_all("nsi-untitled") and root.find_all("nsi-empty")
    assert not root.find_all("nsi-removed-section")
    (translation,) = root.find_all("nsi-translation")
    assert [p.text for p in translation.find_all("nsi-translation-p")] == ["one <p>", "two"]
    assert "A <title>" in translation.text


def test_repr_html_links_only_http_urls():
    article = Article(id="x", text="t", url='https://example.com/a?b=1&c="2"')
    root = parse(article._repr_html_())
    (link,) = [e for e in root.iter() if e.tag == "a"]
    assert link.attrs["href"] == 'https://example.com/a?b=1&c="2"'
    assert html.escape('"2"') in article._repr_html_()


# --------------------------------------------------------------------------- tables


class FakeError:
    """Anything with ``to_dict()`` giving an error record counts as one (like newsingest.ErrorRecord)."""

    def to_dict(self):
        return {"source": "broken.html", "id": "feedfacefeedface", "error": {"type": "InputError", "message": "empty"}}


def seed_articles() -> list[Article]:
    return [newsingest.ingest(p) for p in sorted(SEEDS.glob("*.txt"))]


def test_removed_counts_tallies_per_rule_without_pandas():
    articles = seed_articles()
    rows = removed_counts([*articles, FakeError(), {"source": "x", "id": None, "error": {"type": "T", "message": "m"}}])
    assert all(tuple(row) == REPORT_COLUMNS for row in rows)
    assert sum(row["count"] for row in rows) == sum(len(a.removed) for a in articles)
    footer = next(row for row in rows if row["rule"] == "newsweek-footer")
    assert footer["plugin"] == "newsweek" and footer["articles"] == 1
    assert footer["count"] == sum(r.rule == "newsweek-footer" for r in articles[1].removed)
    assert footer["example"] == "Uncommon Knowledge"
    counts = [row["count"] for row in rows]
    assert counts == sorted(counts, reverse=True)
    assert any(row["plugin"] is None for row in rows)  # generic cleaners


def test_to_dataframe_rows_for_articles_and_error_records():
    pytest.importorskip("pandas")
    articles = seed_articles()
    records = [*articles, FakeError(), {"source": "y", "id": "abc", "error": {"type": "T", "message": "m"}}]
    records.append(articles[1].to_dict())  # a JSONL record reads back as the article
    frame = newsingest.to_dataframe(records)
    assert tuple(frame.columns) == DATAFRAME_COLUMNS
    assert len(frame) == len(records)
    first = frame.iloc[1]
    assert first["id"] == articles[1].id and first["outlet"] == "newsweek"
    assert first["authors"] == "; ".join(articles[1].authors)
    assert first["n_paragraphs"] == len(articles[1].paragraphs) and first["n_removed"] == len(articles[1].removed)
    assert first["text"] == articles[1].text and first["error_type"] is None
    assert first["updated"] == articles[1].updated
    error = frame.iloc[4]
    assert (error["source"], error["id"], error["error_type"], error["error_message"]) == (
        "broken.html",
        "feedfacefeedface",
        "InputError",
        "empty",
    )
    assert error["title"] is None and frame["n_paragraphs"].isna().tolist() == [False] * 4 + [True, True, False]
    assert frame.iloc[6].drop(["source"]).equals(frame.iloc[1].drop(["source"]))


def test_to_dataframe_with_ingest_errors():
    pytest.importorskip("pandas")
    try:
        from newsingest.batch import ErrorRecord
    except ImportError:  # pragma: no cover - batch not there
        pytest.skip("newsingest.batch not available")
    frame = newsingest.to_dataframe([ErrorRecord("a.txt", None, "InputError", "input is empty")])
    assert frame.loc[0, "error_type"] == "InputError" and frame.loc[0, "source"] == "a.txt"


def test_to_dataframe_empty_and_single():
    pytest.importorskip("pandas")
    assert list(newsingest.to_dataframe([]).columns) == list(DATAFRAME_COLUMNS)
    assert len(newsingest.to_dataframe(newsingest.ingest(SEED_001))) == 1
    with pytest.raises(TypeError, match="expected an Article"):
        newsingest.to_dataframe([42])


def test_removed_report_dataframe():
    pytest.importorskip("pandas")
    articles = seed_articles()
    report = newsingest.removed_report(articles)
    assert tuple(report.columns) == REPORT_COLUMNS
    assert report.to_dict("records") == removed_counts(articles)
    assert str(report["count"].dtype) == "int64"
    assert newsingest.removed_report([]).empty


def test_without_pandas_the_error_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"newsingest\[notebook\]"):
        newsingest.to_dataframe([])
    with pytest.raises(ImportError, match=r"removed_report\(\) needs pandas"):
        newsingest.removed_report([])


def test_notebook_module_does_not_import_pandas():
    code = "import sys, newsingest, newsingest.frontends.notebook; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --------------------------------------------------------------------------- the example notebook


def test_example_notebook_is_committed_without_outputs():
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "strip the outputs before committing"


@pytest.mark.parametrize("model", ["no model", "tiny model"])
def test_example_notebook_runs(tmp_path: Path, model: str):
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    try:
        import argostranslate  # noqa: F401
    except ImportError:  # without the extra the notebook must say so, and a model cannot be installed
        if model == "tiny model":
            pytest.skip("the tiny model needs the translate extra")
        has_extra = False
    else:
        has_extra = True
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    with contextlib.ExitStack() as stack:
        if has_extra:  # the kernel sees a private Argos home: empty, or with the tiny model
            from translate_helpers import argos_home

            stack.enter_context(argos_home(tmp_path / "argos"))
        if model == "tiny model":
            from newsingest.testing.tiny_argos import build_tiny_package
            from newsingest.translate import install_from_file

            install_from_file(build_tiny_package(tmp_path / "build"))
        # the kernel's own inline backend draws the chart, whatever MPLBACKEND says here
        env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
        client.execute(env=env)  # raises CellExecutionError on any failing cell
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    htmls = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="nsi-article"' in h for h in htmls), "the article's HTML repr"
    assert any("newsweek-footer" in h and "<table" in h for h in htmls), "the removed report table"
    assert any("<table" in h and "InputError" in h for h in htmls), "the batch table, with its error row"
    assert any("image/png" in o.get("data", {}) for o in outputs), "the bar chart"
    last = notebook.cells[-1]
    assert "translate=True" in last.source
    told = "".join(o["text"] for o in last.outputs if o["output_type"] == "stream" and o["name"] == "stdout")
    if model == "tiny model":
        assert told.startswith("Translated with the model argos:id-en:1.0"), told
    elif has_extra:
        assert told.startswith("Not translated (ModelNotInstalledError)"), told
        assert "newsingest models install id en" in told
    else:
        assert told.startswith("Not translated (TranslationError)"), told
        assert "pip install 'newsingest[translate]'" in told
