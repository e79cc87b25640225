"""Layout versions: a plugin holds one version per period, chosen by the article's date."""

import datetime as dt
import html
import json
from pathlib import Path

import pytest

import newsingest
from newsingest import DropLine, NewsingestError, Pipeline, Plugin, PluginError, PluginRegistry
from newsingest.errors import ArgumentTypeError, UsageError

try:
    from batch_helpers import WarcResponse, duck_pipeline, write_warc
except ImportError:  # tests/ imported as a package
    from tests.batch_helpers import WarcResponse, duck_pipeline, write_warc

FIXTURES = Path(__file__).parent / "fixtures"
OLD_NBC = FIXTURES / "nbc" / "nbc_v1_01_trump_putin.txt"


class ExampleV1(Plugin):
    name = "example"
    domains = ("example.com",)
    valid_until = dt.date(2019, 12, 31)
    rules = (DropLine("example-old-promo", r"Old promo line", "old promo"),)


class ExampleV1_1(ExampleV1):  # the version in the name, as in fundus
    version = "1.1"
    valid_until = dt.date(2021, 6, 30)
    rules = (*ExampleV1.rules, DropLine("example-promo-fix", r"Old promo line, fixed", "fixed promo"))


class Example(ExampleV1_1):
    version = "2"
    valid_until = None
    older_versions = (ExampleV1_1, ExampleV1)  # any order: sorted by valid_until
    rules = (DropLine("example-promo", r"New promo line", "new promo"),)


def test_versions_are_ordered_and_chosen_by_date():
    plugin = Example()
    assert [v.version for v in plugin.versions()] == ["1", "1.1", "2"]
    assert plugin.for_date(None) is plugin
    assert plugin.for_date(dt.date(2018, 1, 1)).version == "1"
    assert plugin.for_date(dt.date(2019, 12, 31)).version == "1"  # valid_until is inclusive
    assert plugin.for_date(dt.datetime(2020, 1, 1, 0, 5)).version == "1.1"
    assert plugin.for_date(dt.date(2021, 7, 1)) is plugin


def test_ingest_date_picks_the_version():
    pipeline = Pipeline(plugins=PluginRegistry([Example()], entry_points=False))
    text = "Old promo line\n\nA body paragraph long enough to be kept as the article's text.\n\nNew promo line\n"
    old = pipeline.ingest(text, outlet="example", date="2018-05-01")
    new = pipeline.ingest(text, outlet="example", date=dt.date(2024, 1, 1))
    undated = pipeline.ingest(text, outlet="example")
    assert [r.rule for r in old.removed] == ["example-old-promo"]
    assert old.metadata["outlet_version"] == "1"
    assert [r.rule for r in new.removed] == ["example-promo"] == [r.rule for r in undated.removed]
    assert undated.metadata["outlet_version"] == "2"


def test_a_built_in_plugin_has_two_versions_and_date_chooses():
    nbc = newsingest.default_registry().get("nbc")
    assert [v.version for v in nbc.versions()] == ["1", "2"]
    old = newsingest.ingest(OLD_NBC, date="2015-12-18T14:00:00Z")
    new = newsingest.ingest(OLD_NBC)
    assert old.outlet == new.outlet == "nbc"
    assert (old.metadata["outlet_version"], new.metadata["outlet_version"]) == ("1", "2")
    assert {"nbc-video-share", "nbc-video-embed"} <= {r.rule for r in old.removed}
    # undated scraped text of that period is common, so the current version also drops the
    # player's lines, by its own general rules: the versions differ in which rule did it
    assert not {"nbc-video-share", "nbc-video-embed"} & {r.rule for r in new.removed}
    assert "Play Facebook" not in [b.text for b in new.paragraphs]


@pytest.mark.parametrize("bad", ["yesterday", "2016-13-45"])
def test_a_bad_date_string_is_a_usage_error(bad):
    with pytest.raises(UsageError, match="ISO 8601"):
        newsingest.ingest("Some text that is long enough to be an article body.", date=bad)


def test_a_date_of_the_wrong_type_is_a_type_error():
    with pytest.raises(ArgumentTypeError) as caught:
        newsingest.ingest("Some text that is long enough to be an article body.", date=3.5)
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, NewsingestError)


def test_url_of_the_wrong_type_is_a_clear_type_error():
    with pytest.raises(TypeError, match="url must be a str") as caught:
        newsingest.ingest("Some text that is long enough to be an article body.", url=123)
    assert isinstance(caught.value, NewsingestError)


def test_ingest_takes_a_name():
    article = newsingest.ingest("Some text that is long enough to be an article body.", name="row-7")
    assert article.source == "row-7"


def test_a_str_naming_a_file_is_refused_and_a_path_is_read(tmp_path, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text("A body paragraph long enough to be kept as the article's text.\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"pass pathlib\.Path"):
        newsingest.ingest(str(story))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError):
        Pipeline().ingest("story.txt")
    assert newsingest.ingest(story).source == str(story)
    assert newsingest.ingest("story.txt is a file name, but this sentence is text.").title is None


def test_a_str_naming_a_folder_is_refused_with_the_batch_call_to_use(tmp_path):
    with pytest.raises(UsageError, match=r"is the name of a folder.*ingest_many"):
        newsingest.ingest(str(tmp_path))


class NoDate(Example):
    older_versions = (type("Undated", (Plugin,), {"name": "example"}),)


class OtherName(Example):
    older_versions = (type("Other", (ExampleV1,), {"name": "other"}),)


class SameLabel(Example):
    version = "1"


@pytest.mark.parametrize(
    ("cls", "message"), [(NoDate, "valid_until"), (OtherName, "named 'other'"), (SameLabel, "share a version label")]
)
def test_misdeclared_versions_are_refused(cls, message):
    with pytest.raises(PluginError, match=message):
        cls()


@pytest.mark.parametrize("workers", [0, 1])
def test_batch_inputs_pick_the_version_by_their_date(tmp_path, workers):
    """A JSONL record's ``date`` and a WARC record's ``WARC-Date`` reach ``Pipeline.clean``."""
    text = OLD_NBC.read_text(encoding="utf-8")
    page = (
        "<html><body><article>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
        + "</article></body></html>"
    )
    url = "https://www.nbcnews.com/politics/2016-election/trump-putin-n482251"
    jsonl = tmp_path / "records.jsonl"
    records = [
        {"source": "old", "url": url, "date": "2015-12-18", "text": text},
        {"source": "new", "url": url, "date": "2024-05-01T12:00:00Z", "text": text},
        {"source": "undated", "url": url, "text": text},
    ]
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    warc = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            WarcResponse(url, page.encode(), warc_date="2015-12-18T14:00:00Z"),
            WarcResponse(url, page.encode(), warc_date="2025-02-01T09:30:00Z"),
        ],
    )
    results = list(newsingest.ingest_many([jsonl, warc], workers=workers))
    assert [r.outlet for r in results] == ["nbc"] * 5, results
    assert [r.metadata["outlet_version"] for r in results] == ["1", "2", "2", "1", "2"]


def test_a_pipeline_factory_must_give_a_pipeline(tmp_path):
    """The batch gives ``clean`` the input's date: a look-alike without ``date=`` is refused at once."""
    record = {"source": "old", "date": "2015-12-18", "text": OLD_NBC.read_text(encoding="utf-8")}
    with pytest.raises(UsageError, match=r"must return a newsingest\.Pipeline, not DuckPipeline"):
        list(newsingest.ingest_many([record], workers=0, pipeline_factory=duck_pipeline))
