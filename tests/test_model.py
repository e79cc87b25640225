"""The Article model: frozen, typed, and a lossless JSON round trip."""

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsingest import Article, Block, NewsingestError, Removed, Translation
from newsingest.model import content_id, parse_date


def make_article(**changes) -> Article:
    fields = dict(
        id="0123456789abcdef",
        text="First paragraph.\n\nA heading\n\nSecond paragraph.",
        source="seeds/x.txt",
        url="https://www.example.com/a",
        outlet="nbc",
        title="A title",
        paragraphs=[
            Block("First paragraph."),
            Block("A heading", "heading"),
            Block("Second paragraph.", language="en"),
        ],
        authors=["Jane Doe"],
        published=dt.date(2023, 5, 1),
        updated=dt.datetime(2023, 1, 10, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        language="en",
        language_confidence=0.999,
        translation=Translation("en", "T", ["p1", "p2"], "argos:id-en:1.0"),
        removed=[
            Removed("Baca juga: x", "read-also link", "read-also", None),
            Removed("c", "r", "rule", "nbc", "metadata.captions"),
        ],
        metadata={"captions": [{"text": "c", "credit": "AFP"}], "dateline": "JAKARTA", "when": dt.date(2020, 1, 2)},
    )
    fields.update(changes)
    return Article(**fields)


def test_round_trip_through_json():
    article = make_article(metadata={"captions": [{"text": "c", "credit": "AFP"}], "dateline": "JAKARTA"})
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data) == article


def test_to_dict_is_json_serialisable_as_is():
    data = make_article().to_dict()
    json.dumps(data)  # dates inside metadata too
    assert data["published"] == "2023-05-01"
    assert data["updated"] == "2023-01-10T10:30:00-05:00"
    assert data["metadata"]["when"] == "2020-01-02"
    assert data["paragraphs"][1] == {"text": "A heading", "kind": "heading", "language": None}
    assert data["removed"][1]["moved_to"] == "metadata.captions"


def test_articles_are_frozen():
    article = make_article()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "changed"


def test_articles_are_hashable_and_their_metadata_read_only():
    article = make_article()
    assert hash(article) == hash(make_article())
    plain = make_article(metadata={"captions": [{"text": "c", "credit": "AFP"}]})
    assert hash(plain) == hash(Article.from_dict(json.loads(json.dumps(plain.to_dict()))))
    with pytest.raises(TypeError):
        article.metadata["x"] = 1
    assert isinstance(article.metadata["captions"], tuple)  # nested lists are tuples, nested dicts read-only too
    with pytest.raises(TypeError):
        article.metadata["captions"][0]["text"] = "changed"
    assert article.metadata == {
        "captions": [{"text": "c", "credit": "AFP"}],
        "dateline": "JAKARTA",
        "when": dt.date(2020, 1, 2),
    }
    assert {article: 1}[make_article()] == 1


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers()), st.sampled_from(["a", "b", "c", 1, None]))
def test_frozen_metadata_reads_like_its_dict(data, key):
    from newsingest import FrozenMetadata

    frozen = FrozenMetadata(data)
    assert frozen.get(key) == data.get(key) and frozen.get(key, "none") == data.get(key, "none")
    assert (key in frozen) == (key in data) and frozen == data


def test_text_always_agrees_with_paragraphs():
    with pytest.raises(ValueError, match="joined by blank lines") as caught:
        make_article(text="Something else entirely.")
    assert isinstance(caught.value, NewsingestError)
    derived = Article(id="x", text="One.\n\nTwo.")
    assert [b.text for b in derived.paragraphs] == ["One.", "Two."]


def test_sequences_become_tuples():
    article = make_article()
    assert isinstance(article.paragraphs, tuple)
    assert isinstance(article.authors, tuple)
    assert isinstance(article.removed, tuple)


def test_block_kind_is_validated():
    with pytest.raises(ValueError, match="kind"):
        Block("x", "sidebar")


def test_dates_parse_from_iso_strings():
    assert parse_date("2023-05-01") == dt.date(2023, 5, 1)
    assert parse_date("2023-01-09T10:00:00Z") == dt.datetime(2023, 1, 9, 10, tzinfo=dt.timezone.utc)
    assert make_article(published="2023-05-01").published == dt.date(2023, 5, 1)


def test_repr_is_short():
    text = repr(make_article(text="x" * 10_000, paragraphs=[Block("x" * 10_000)]))
    assert len(text) < 200 and "0123456789abcdef" in text


def test_content_id_is_stable_and_encoding_independent():
    assert content_id("Hello") == content_id("Hello")
    assert content_id("Hello") != content_id("Hello!")
    assert len(content_id("x")) == 16


@given(
    title=st.none() | st.text(max_size=30),
    paragraphs=st.lists(
        st.tuples(st.text(min_size=1, max_size=40), st.sampled_from(["paragraph", "heading", "quote", "list_item"]))
    ),
    authors=st.lists(st.text(max_size=20), max_size=3),
    confidence=st.none() | st.floats(0, 1),
)
def test_round_trip_property(title, paragraphs, authors, confidence):
    blocks = [Block(text, kind) for text, kind in paragraphs]
    article = Article(
        id=content_id("x"),
        text="\n\n".join(b.text for b in blocks),
        title=title,
        paragraphs=blocks,
        authors=authors,
        language_confidence=confidence,
    )
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
