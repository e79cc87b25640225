"""Story linking: exact, near, syndicated and translated copies; the streaming rule; the model fields."""

from __future__ import annotations

import importlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")  # the link extra

import newsingest
from newsingest import Article, Block, Link, NewsingestError, Translation
from newsingest.linking import StoryLinker, features, link_stories

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COPY_FIXTURE = FIXTURES / "tribun" / "tribun_02_malioboro_libur.txt"
ORIGINAL_URL = "https://jogja.tribunnews.com/2025/05/12/malioboro-dipadati-wisatawan-saat-libur-waisak-pemkot-yogya-siagakan-300-petugas"
ORIGINAL_TITLE = "Malioboro Dipadati Wisatawan saat Libur Waisak, Pemkot Yogya Siagakan 300 Petugas"

STORY = (
    "Banjir merendam 120 rumah di Kecamatan Cipinang, Jakarta Timur, Senin (9/6/2025) sore setelah hujan deras "
    "mengguyur sejak siang. Lurah Cipinang, Ahmad Fauzi, mengatakan ketinggian air mencapai 80 sentimeter di "
    "beberapa gang. Sebanyak 45 warga mengungsi ke masjid terdekat dan petugas pemadam kebakaran menyiapkan "
    "perahu karet untuk mengevakuasi warga lanjut usia. Menurut Fauzi, banjir terjadi karena saluran air "
    "tersumbat sampah dan Kali Sunter meluap. Dinas Sumber Daya Air DKI Jakarta mengerahkan 12 pompa mobile "
    "untuk menyedot genangan, dan air diperkirakan surut pada Selasa pagi jika hujan tidak turun lagi."
)
OTHER = (
    "Harga cabai rawit di Pasar Johar Semarang naik menjadi Rp 95.000 per kilogram pada Rabu (11/6/2025). "
    "Pedagang menyebut pasokan dari Temanggung dan Magelang berkurang karena gagal panen akibat hujan. "
    "Pemerintah Kota Semarang berencana menggelar operasi pasar bersama Bulog pekan depan untuk menekan harga, "
    "sementara pembeli mengurangi belanja dan beralih ke cabai kering yang lebih murah di pasar tradisional."
)


def article(text: str, id: str, **fields) -> Article:
    return Article(id=id, text=text, paragraphs=[Block(p) for p in text.split("\n\n")], **fields)


def edited(text: str, seed: int, rate: float = 0.02) -> str:
    """The text with a few words dropped, as a rewrite of the same story would."""
    rng = random.Random(seed)
    return " ".join(w for w in text.split() if rng.random() > rate)


def link(*articles: Article, **options) -> list[Article]:
    return list(link_stories(articles, **options))


# --------------------------------------------------------------------------- kinds of link


def test_exact_copies_are_linked_and_duplicate_of_is_the_earliest():
    first = article(STORY, "a1", url="https://a.example/1", published="2025-06-09T10:00:00+07:00")
    copy = article(STORY.replace(" ", "  "), "a2", url="https://b.example/2", published="2025-06-09T12:00:00+07:00")
    other = article(OTHER, "b1")
    out = link(first, other, copy)
    assert out[0].story == "a1" and out[0].duplicate_of is None and out[0].link is None
    assert out[1].story == "b1" and out[1].link is None
    assert out[2].story == "a1" and out[2].duplicate_of == "a1"
    assert out[2].link == Link("exact", "a1", 1.0, ("content hash",))


def test_near_duplicates_share_a_story_with_their_similarity():
    out = link(article(STORY, "a1"), article(OTHER, "b1"), article(edited(STORY, 1), "a2"))
    near = out[2].link
    assert out[2].story == "a1" and out[2].duplicate_of == "a1"
    assert near.kind == "near" and near.target == "a1" and 0.4 <= near.similarity < 1.0
    assert near.matched[0] == "5-word shingles (MinHash)"


def test_unrelated_articles_never_share_a_story():
    out = link(article(STORY, "a1"), article(OTHER, "b1"))
    assert [a.story for a in out] == ["a1", "b1"] and all(a.link is None for a in out)


def test_same_wording_other_figures_is_a_template_series_not_a_copy():
    template = STORY.replace("120", "{n}").replace("80", "{m}").replace("45", "{k}").replace("12 pompa", "{p} pompa")
    day_one = template.format(n=120, m=80, k=45, p=12)
    day_two = template.format(n=310, m=150, k=96, p=27).replace("(9/6/2025)", "(17/7/2026)")
    copy_of_two = edited(day_two, 4)
    out = link(
        article(day_one, "d1", published="2025-06-09"),
        article(day_two, "d2", published="2025-06-01"),
        article(copy_of_two, "d3", published="2025-06-20"),
    )
    # one story, but day two copies nothing: its figures are its own
    series = out[1].link
    assert out[1].story == "d1" and out[1].duplicate_of is None and series.kind == "series" and series.target == "d1"
    assert series.similarity >= 0.4 and series.matched[:2] == ("5-word shingles (MinHash)", "numbers 0.00")
    assert series.matched[2].startswith("figures only here: ") and "310" in series.matched[2]
    assert "120" not in series.matched[2]
    # a copy of day two copies day two (its figures), though day one started the story
    assert out[2].story == "d1" and out[2].link.kind == "near" and out[2].link.target == "d2"
    assert out[2].duplicate_of == "d2"
    assert out[0].duplicate_of is None  # day one is not a copy of day two, dated before it or not
    # series=False keeps the old rule: apart
    out = link(article(day_one, "d1"), article(day_two, "d2"), series=False)
    assert out[1].story == "d2" and out[1].link is None
    # the number check can be switched off: then shingles alone decide, and they are near copies
    out = link(article(day_one, "d1"), article(day_two, "d2"), number_agreement=0.0)
    assert out[1].story == "d1" and out[1].link.kind == "near"


def test_a_series_link_does_not_hide_a_copy_that_agrees():
    template = STORY.replace("120", "{n}").replace("80", "{m}").replace("45", "{k}").replace("12 pompa", "{p} pompa")
    day_one = template.format(n=120, m=80, k=45, p=12)
    day_two = template.format(n=310, m=150, k=96, p=27).replace("(9/6/2025)", "(17/7/2026)")
    out = link(article(day_two, "d2"), article(day_one, "d1"), article(edited(day_one, 6), "d1b"))
    assert out[1].link.kind == "series"
    # d1b is more like d1 than d2, and agrees with d1 on the figures: near d1, whatever d2 scores
    assert out[2].link.kind == "near" and out[2].link.target == "d1" and out[2].duplicate_of == "d1"


def test_a_copy_that_adds_figures_repeats_the_originals_and_is_a_near_copy():
    # Real case (two Bali articles on the same ministerial decision): the longer version adds a
    # paragraph of figures, so the two share few of their numbers taken together, but every
    # figure of the shorter one is in the longer one.
    added = (
        "Data BPBD mencatat banjir melanda 14 RT di 3 RW, dengan 210 jiwa terdampak, 17 lansia, 23 balita, "
        "5 ibu hamil, 31 sepeda motor terendam, 8 mobil rusak, 64 kios tutup, 2 sekolah libur, 19 titik "
        "genangan dan 27 petugas gabungan."
    )
    copy = edited(STORY, 3) + "\n\n" + added
    ours = features.number_sketch(features.numbers(copy))
    theirs = features.number_sketch(features.numbers(STORY))
    agreement, count = features.number_agreement(ours, theirs)
    assert agreement == 1.0 and count == 7  # all 7 of the story's numbers; sketches of 19 and 7
    out = link(article(STORY, "a1"), article(copy, "a2"))
    assert out[1].story == "a1" and out[1].link.kind == "near"


def test_number_agreement_is_the_share_of_the_fewer_numbers_repeated():
    def sketch(values):
        return features.number_sketch(str(v) for v in values)

    assert features.number_agreement(sketch([11, 22, 33, 44]), sketch(range(11, 100, 11))) == (1.0, 4)
    assert features.number_agreement(sketch([11, 22, 33, 44]), sketch([11, 22, 55, 66, 77])) == (0.5, 4)
    assert features.number_agreement(sketch([]), sketch([11, 22])) == (1.0, 0)
    many = range(100, 160)  # beyond the sketch: estimated on the sample of the union, still 1.0 for a subset
    assert features.number_agreement(sketch(many[:30]), sketch(many))[0] == 1.0
    assert features.number_agreement(sketch(range(100, 130)), sketch(range(200, 260)))[0] == 0.0


def ingest_copy() -> Article:
    return newsingest.ingest(COPY_FIXTURE, url="https://www.tribunnews.com/regional/2025/05/12/malioboro-libur-waisak")


def original_article(url: str | None = ORIGINAL_URL, title: str | None = None) -> Article:
    text = (
        "Kawasan Malioboro dipadati ribuan wisatawan selama libur panjang Hari Raya Waisak, Senin (12/5/2025). "
        "Pemkot Yogyakarta menyiagakan 300 petugas gabungan."
    )
    return article(text, "0riginal", url=url, title=title, published="2025-05-12T09:00:00+07:00")


def test_tribun_syndication_footer_links_to_the_original_in_the_batch():
    copy = ingest_copy()
    assert copy.metadata["first_published"]["url"] == ORIGINAL_URL  # what the plugin reads
    original, linked_copy = link(original_article(), copy)
    assert linked_copy.story == original.story == "0riginal"
    assert linked_copy.link == Link("syndicated", "0riginal", None, ("first_published.url",))
    assert linked_copy.duplicate_of == "0riginal"


def test_syndication_by_title_when_the_url_differs():
    original = original_article(url="https://m.tribunjogja.com/amp/malioboro", title=ORIGINAL_TITLE)
    _, linked_copy = link(original, ingest_copy())
    assert linked_copy.link.kind == "syndicated" and linked_copy.link.matched == ("first_published.title",)


def test_syndicated_copy_arriving_first_is_found_by_the_original():
    copy, original = link(ingest_copy(), original_article())
    assert copy.story == copy.id and copy.link is None
    assert original.story == copy.id
    assert original.link == Link("syndicated", copy.id, None, ("named as first_published.url",))
    assert original.duplicate_of is None  # the original copies nothing


def test_near_copy_that_names_the_others_site_is_syndicated():
    first = article(STORY, "a1", url="https://www.nbcnews.com/news/flood")
    copy = article(
        edited(STORY, 3), "a2", url="https://aggregator.example/flood", metadata={"syndicated_from": "Nbcnews.com"}
    )
    out = link(first, copy)
    assert out[1].link.kind == "syndicated" and "first published at Nbcnews.com" in out[1].link.matched


ENGLISH = (
    "Floods submerged 120 houses in Cipinang, East Jakarta, on Monday afternoon after heavy rain fell since noon. "
    "Cipinang's village head Ahmad Fauzi said the water reached 80 centimetres in some alleys. A total of 45 "
    "residents took shelter in a nearby mosque and firefighters prepared rubber boats to evacuate elderly residents. "
    "According to Fauzi, the flooding happened because drains were clogged with rubbish and the Sunter River overflowed."
)


def test_translation_links_to_the_english_original_when_translated():
    english = article(ENGLISH, "en1", language="en")
    translated = article(
        STORY,
        "id1",
        language="id",
        translation=Translation("en", None, (edited(ENGLISH, 5, 0.02),)),
    )
    out = link(english, translated)
    assert out[1].story == "en1" and out[1].link.kind == "translation" and out[1].link.target == "en1"
    assert out[1].duplicate_of is None  # a version in another language, not a copy
    assert not out[1].link.candidate


def test_without_a_translation_shared_numbers_and_names_make_a_candidate_only():
    english = article(ENGLISH + " Ahmad Fauzi spoke to Tribun Jakarta.", "en1", language="en")
    indonesian = article(STORY + " Kata Ahmad Fauzi kepada Tribun Jakarta.", "id1", language="id")
    out = link(english, indonesian)
    assert out[1].story == "id1" and out[1].link is None  # a candidate never joins the story
    (candidate,) = out[1].link_candidates
    assert candidate.kind == "translation" and candidate.candidate and candidate.target == "en1"
    assert candidate.matched == ("numbers, names and quotes",)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["en", "id", None]), st.integers(0, 6)), max_size=10))
def test_candidates_asked_only_where_another_language_was_met_change_nothing(monkeypatch, picks):
    """The chunk's language check before candidates gives what asking every article gives."""
    from newsingest.linking import linker as linker_module

    tails = (" Ahmad Fauzi spoke to Tribun Jakarta.", " Kata Ahmad Fauzi kepada Tribun Jakarta.", "", " Budi Santoso.")
    texts = (ENGLISH, STORY, OTHER, ENGLISH.upper())
    articles = [
        article(edited(texts[story], seed) + tails[story], f"a{i}", language=language)
        for i, (story, language, seed) in enumerate(picks)
    ]
    checked = [a.to_dict() for a in link_stories(articles)]
    with monkeypatch.context() as patched:
        patched.setattr(
            linker_module.StoryLinker,
            "_anchors_met_other_language",
            lambda self, known, spans, base: [True] * len(spans),
        )
        asked = [a.to_dict() for a in link_stories(articles)]
    assert checked == asked


def test_candidates_come_from_another_language_only():
    english = article(ENGLISH + " Ahmad Fauzi spoke to Tribun Jakarta.", "en1", language="en")
    indonesian = article(STORY + " Kata Ahmad Fauzi kepada Tribun Jakarta.", "id1", language="id")
    again = article(edited(STORY, 3) + " Kata Ahmad Fauzi kepada Tribun Jakarta.", "id2", language="id")
    out = link(english, indonesian, again)
    assert [c.target for c in out[1].link_candidates] == ["en1"]
    assert out[2].link is not None and out[2].link.target == "id1"  # same language: shingles decide
    assert all(c.target == "en1" for c in out[2].link_candidates)


# --------------------------------------------------------------------------- streaming and determinism


def test_later_dated_copy_arriving_first_keeps_the_documented_rule():
    late = article(STORY, "late", published="2025-06-10")
    early = article(edited(STORY, 2), "early", published="2025-06-09")
    out = link(late, early)
    assert out[0].story == out[1].story == "late"  # a story id never changes once written
    assert out[0].duplicate_of is None and out[1].duplicate_of is None  # the earlier copy copies nothing older
    third = link(late, early, article(edited(STORY, 9), "third", published="2025-06-11"))[2]
    assert third.duplicate_of == "early"  # the earliest by date, not by arrival


def test_ties_in_date_are_broken_by_id():
    a = article(STORY, "bbb", published="2025-06-09")
    b = article(edited(STORY, 4), "aaa", published="2025-06-09")
    c = article(edited(STORY, 6), "ccc", published="2025-06-09")
    assert link(a, b, c)[2].duplicate_of == "aaa"


def corpus() -> list[Article]:
    texts = [STORY, OTHER, edited(STORY, 1), STORY, edited(OTHER, 2), ENGLISH, edited(STORY, 3, 0.1)]
    return [article(t, f"x{i}", published=f"2025-06-{10 - i:02d}") for i, t in enumerate(texts)]


def test_same_results_in_another_process_with_another_hash_seed():
    here = [a.to_dict() for a in link(*corpus())]
    code = (
        "import json, sys; sys.path.insert(0, 'tests'); from test_linking import corpus, link; "
        "print(json.dumps([a.to_dict() for a in link(*corpus())]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=root)
    assert json.loads(out.stdout) == json.loads(json.dumps(here))


@settings(max_examples=30, deadline=None)
@given(st.permutations(range(7)))
def test_exact_copies_share_a_story_in_any_order(order):
    articles = [corpus()[i] for i in order]
    out = {a.id: a for a in link(*articles)}
    assert out["x0"].story == out["x3"].story  # the two exact copies
    assert out["x0"].story != out["x1"].story  # unrelated stories


def test_records_and_errors_pass_through_in_order():
    error = {"source": "broken", "id": None, "error": {"type": "InputError", "message": "empty"}}
    out = list(link_stories([article(STORY, "a1").to_dict(), error, article(STORY, "a2").to_dict()]))
    assert out[1] is error
    assert out[2]["story"] == "a1" and out[2]["link"]["kind"] == "exact" and out[2]["duplicate_of"] == "a1"


def test_a_linker_keeps_linking_across_calls():
    linker = StoryLinker()
    list(linker.link_all([article(STORY, "a1")]))
    (second,) = linker.link_all([article(edited(STORY, 7), "a2")])
    assert second.story == "a1" and len(linker) == 2 and linker.nbytes() > 0


def test_empty_text_links_by_nothing_but_its_keys():
    out = link(article("", "e1"), article("", "e2"))
    assert [a.story for a in out] == ["e1", "e2"]


# --------------------------------------------------------------------------- the model


def test_linked_fields_round_trip_and_unlinked_records_keep_their_shape():
    plain = article(STORY, "a1")
    assert "story" not in plain.to_dict()
    linked = attrs.evolve(
        plain,
        story="s",
        duplicate_of="d",
        link=Link("near", "d", 0.81, ("5-word shingles (MinHash)",)),
        link_candidates=[Link("translation", "e", 0.4, ("numbers, names and quotes",), candidate=True)],
    )
    data = json.loads(json.dumps(linked.to_dict()))
    assert data["link"] == {
        "kind": "near",
        "target": "d",
        "similarity": 0.81,
        "matched": ["5-word shingles (MinHash)"],
        "candidate": False,
    }
    assert Article.from_dict(data) == linked
    with pytest.raises(ValueError, match="kind must be one of"):
        Link("copy", "d")


# --------------------------------------------------------------------------- the pieces


def test_signatures_equal_datasketchs():
    datasketch = pytest.importorskip("datasketch")
    import numpy as np

    from newsingest.linking.linker import _Hasher

    hashes = features.shingle_hashes(STORY)
    ours = _Hasher(128, 32, 4, 99).signature(hashes)
    theirs = datasketch.MinHash(num_perm=128, seed=99, hashfunc=int)
    theirs.update_batch(hashes)
    assert np.array_equal(ours, theirs.hashvalues)


def test_word_hashes_follow_words():
    text = "Héllo, wörld! The quick_brown fox; “the” FOX 1.250"
    assert features.words(text) == ["hello", "world", "the", "quick", "brown", "fox", "the", "fox", "1", "250"]
    hashes = features.word_hashes(text).tolist()
    assert len(hashes) == 10 and hashes[2] == hashes[6] and hashes[5] == hashes[7] and hashes[0] != hashes[1]


def test_key_table_finds_every_key_it_holds_through_growth_and_collisions():
    import numpy as np

    from newsingest.linking.index import KeyTable

    table = KeyTable(capacity=4)
    rng = np.random.default_rng(7)
    keys = np.unique(rng.integers(0, 2**64, 5000, dtype=np.uint64, endpoint=False))
    keys[:3] = [0, 1, 2**64 - 1]  # 0 is stored as 1: both answer
    keys = np.unique(keys)
    rng.shuffle(keys)
    held, fresh = keys[:3000], keys[3000:]
    for start in range(0, 3000, 700):  # several inserts, each growing the table
        table.add(held[start : start + 700], np.arange(start, min(start + 700, 3000)))
    table.add(held[:10], np.arange(100, 110))  # already there: the first value stays
    assert len(table) == 3000 and table.nbytes() >= 3000 / 0.75 * 12
    assert table.lookup(held).tolist() == list(range(3000))
    answers = table.lookup(fresh)
    assert all(a == -1 or (fresh[i] in (0, 1)) for i, a in enumerate(answers.tolist()))
    # keys sharing their home slot (same top bits after the spread) all stay findable
    crowded = KeyTable(capacity=64)
    same_home = np.array([k for k in range(1, 200000) if crowded._home(np.array([k], dtype=np.uint64))[0] == 5][:20])
    crowded.add(same_home.astype(np.uint64), np.arange(20))
    assert crowded.lookup(same_home.astype(np.uint64)).tolist() == list(range(20))
    # growing places keys at once; keys whose homes are the last slots of the grown table wrap around
    grown = KeyTable(capacity=128)
    at_the_end = np.array(
        [k for k in range(1, 10**6) if grown._home(np.array([k], dtype=np.uint64))[0] >= 120][:40], dtype=np.uint64
    )
    table = KeyTable(capacity=64)
    table.add(at_the_end, np.arange(40))
    table.add(np.arange(10**7, 10**7 + 20, dtype=np.uint64), np.arange(40, 60))  # 60 keys: it grows to 128 slots
    assert len(table._keys) == 128 and len(table) == 60
    assert table.lookup(at_the_end).tolist() == list(range(40))
    assert table.lookup(np.arange(10**7, 10**7 + 20, dtype=np.uint64)).tolist() == list(range(40, 60))


def stream(count: int, seed: int) -> list[Article]:
    """Articles drawn from three stories, a template series and a few exact copies, named so order is random."""
    rng = random.Random(seed)
    template = STORY.replace("120", "{n}").replace("80", "{m}").replace("45", "{k}")
    bases = [STORY, OTHER, STORY.upper(), template.format(n=1, m=2, k=3)]
    out = []
    for index in range(count):
        roll = rng.random()
        if roll < 0.2:
            text = template.format(n=rng.randrange(100, 999), m=rng.randrange(100, 999), k=rng.randrange(100, 999))
        elif roll < 0.3 and out:
            text = rng.choice(out).text
        else:
            text = edited(rng.choice(bases), rng.randrange(10**6), rate=rng.uniform(0.0, 0.05))
        out.append(
            article(text, f"x{rng.randrange(10**6):06d}-{index}", published=f"2025-06-{1 + rng.randrange(28):02d}")
        )
    return out


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10**6), chunk=st.sampled_from([1, 2, 3, 7, 64]))
def test_chunked_linking_gives_what_one_at_a_time_gives(seed, chunk):
    from newsingest.linking import linker as linker_module

    articles = stream(40, seed)
    one_by_one = StoryLinker()
    expected = [one_by_one.link(a) for a in articles]
    saved = linker_module.CHUNK
    linker_module.CHUNK = chunk
    try:
        chunked = list(StoryLinker().link_all(articles))
    finally:
        linker_module.CHUNK = saved
    assert chunked == expected
    kinds = {a.link.kind for a in expected if a.link}
    assert kinds <= {"exact", "near", "series"}


def test_a_long_stream_links_across_chunks():
    articles = stream(600, 3)  # more than two chunks
    linked = link(*articles)
    one_by_one = StoryLinker()
    assert linked == [one_by_one.link(a) for a in articles]
    assert {a.link.kind for a in linked if a.link} == {"exact", "near", "series"}
    assert len({a.story for a in linked}) <= 10  # two stories, a few short edits too cut to match


def test_link_stories_is_lazy_on_import():
    code = "import sys, newsingest; print('newsingest.linking' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
    assert newsingest.link_stories is link_stories


def test_without_numpy_the_error_says_how_to_install(monkeypatch):
    for name in [m for m in sys.modules if m == "newsingest.linking" or m.startswith("newsingest.linking.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(ImportError, match=r"newsingest\[link\]") as caught:
        importlib.import_module("newsingest.linking")
    assert isinstance(caught.value, NewsingestError)


# --------------------------------------------------------------------------- notebook


def linked_batch() -> list[Article]:
    return link(
        article(STORY, "a2", outlet="tribun", language="id", title="Banjir Cipinang", published="2025-06-10"),
        article(OTHER, "b1", outlet="kompas", language="id", published="2025-06-11"),
        article(edited(STORY, 1), "a1", outlet="detik", language="id", title="Banjir", published="2025-06-09"),
        article(STORY, "a3", outlet="tribun", language="id", published="2025-06-12"),
    )


def test_story_rows_one_per_story_biggest_first():
    from newsingest.frontends.notebook import STORY_COLUMNS, story_rows

    error = {"source": "x", "id": None, "error": {"type": "InputError", "message": "empty"}}
    rows = story_rows([*linked_batch(), error])
    assert [tuple(row) for row in rows] == [STORY_COLUMNS] * 2
    first, second = rows
    assert first["story"] == "a2" and first["size"] == 3 and first["outlets"] == "detik; tribun"
    assert first["languages"] == "id" and str(first["first_published"]) == "2025-06-09"
    assert first["earliest"] == "a1" and first["headline"] == "Banjir" and first["copies"] == "a2; a3"
    assert first["links"] == "exact 1; near 1"
    assert second["story"] == "b1" and second["size"] == 1 and second["copies"] == "" and second["links"] == ""


def test_story_table_is_a_dataframe():
    pytest.importorskip("pandas")
    table = newsingest.story_table(linked_batch())
    assert list(table.columns) == [
        "story",
        "size",
        "outlets",
        "languages",
        "first_published",
        "headline",
        "earliest",
        "copies",
        "links",
    ]
    assert table["size"].tolist() == [3, 1]
    frame = newsingest.to_dataframe(linked_batch())
    assert frame["story"].tolist() == ["a2", "b1", "a2", "a2"] and frame["link_kind"].tolist()[2:] == ["near", "exact"]


def test_article_html_names_its_story_what_it_copies_and_why():
    from newsingest.frontends.notebook import article_html

    copy = linked_batch()[3]
    markup = article_html(copy)
    assert 'class="nsi-story"' in markup and "story <span" in markup
    assert (
        '<span class="nsi-duplicate-of">a1</span>' in markup
        and "exact a2 (linked, similarity 1.00; content hash)" in markup
    )
    assert 'class="nsi-story"' not in article_html(article(STORY, "plain"))
    first = linked_batch()[0]
    assert "the first of its story seen" in article_html(first)
    template = STORY.replace("120", "{n}").replace("80", "{m}").replace("45", "{k}").replace("12 pompa", "{p} pompa")
    series = link(
        article(template.format(n=1, m=2, k=3, p=4), "s1"), article(template.format(n=5, m=6, k=7, p=8), "s2")
    )
    markup = article_html(series[1])
    assert "one of a series: the same text frame, other figures" in markup and "series s1 (linked" in markup
    assert "nsi-duplicate-of" not in markup


def test_records_link_exactly_as_their_articles():
    articles = [*corpus(), ingest_copy(), original_article()]
    from_articles = [a.to_dict() for a in link(*articles)]
    from_records = list(link_stories(a.to_dict() for a in articles))
    assert json.dumps(from_records) == json.dumps(from_articles)


def test_fingerprints_made_elsewhere_link_the_same():
    import pickle

    from newsingest.linking import fingerprints

    articles = [*corpus(), ingest_copy(), original_article()]
    shipped = pickle.loads(pickle.dumps(fingerprints(a.to_dict() for a in articles)))  # as from a worker
    assert list(StoryLinker().link_all(shipped)) == [a.to_dict() for a in link(*articles)]
    error = {"source": "x", "id": None, "error": {"type": "InputError", "message": "m"}}
    assert fingerprints([error]) == [error]


def test_records_with_odd_fields_still_link():
    odd = article(STORY, "odd").to_dict()
    odd.update(published="not a date", url=123, title=["a", "list"], metadata={"first_published": {"url": 5}})
    plain = article(edited(STORY, 8), "plain").to_dict()
    out = list(link_stories([odd, plain]))
    assert out[0]["story"] == "odd" and out[1]["story"] == "odd" and out[1]["link"]["kind"] == "near"


def test_fingerprints_of_many_are_each_articles_own():
    import numpy as np

    from newsingest.linking import fingerprint, fingerprints, sketch

    english = Translation(
        language="en", title="Flood", paragraphs=("Floods covered 120 houses in Cipinang on Monday.",)
    )
    articles = [
        *corpus(),
        ingest_copy(),
        original_article(),
        article("Tiga kata saja", "short"),
        article("Satu", "one"),
        article(STORY, "translated", language="id", translation=english),
        article(edited(OTHER, 2), "other"),
    ]
    records = [a.to_dict() for a in articles]
    together = fingerprints([*records[:3], {"error": {"type": "InputError"}}, *records[3:]])
    assert together[3] == {"error": {"type": "InputError"}}
    pairs = [item for item in together if isinstance(item, tuple)]
    assert [record for record, _ in pairs] == records
    for record, fp in pairs:
        alone = fingerprint(record)
        for name, ours, theirs in zip(fp._fields, fp, alone, strict=True):
            if isinstance(ours, np.ndarray) or isinstance(theirs, np.ndarray):
                assert ours is not None and theirs is not None and np.array_equal(ours, theirs), (record["id"], name)
            else:
                assert ours == theirs, (record["id"], name)
    by_id = {record["id"]: fp for record, fp in pairs}
    assert by_id["short"].signature is not None and by_id["translated"].english_signature is not None
    assert by_id["one"].keys.shape == (7 + sketch.BANDS,)  # a one-word text is one shingle


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,a \n\u0663-"), max_size=30))
def test_numbers_are_what_the_pattern_finds_on_ascii_digits(text):
    import re

    pattern = re.compile(r"[0-9][0-9.,]*[0-9]|[0-9]")
    assert features.numbers(text) == {n.replace(".", "").replace(",", "") for n in pattern.findall(text)}


def test_many_texts_are_hashed_in_groups_of_bounded_bytes(monkeypatch):
    import numpy as np

    texts = [edited(STORY, seed) for seed in range(12)] + ["", "dua kata", OTHER * 3]
    whole = features.shingle_hashes64_of(texts)
    monkeypatch.setattr(features, "GROUP_BYTES", 700)  # a group or two per text, one text longer than a group
    grouped = features.shingle_hashes64_of(texts)
    assert np.array_equal(whole[0], grouped[0]) and np.array_equal(whole[1], grouped[1])
    for index, text in enumerate(texts):
        assert np.array_equal(grouped[0][grouped[1] == index], features.shingle_hashes64(text))


def test_unicode_spaces_are_what_str_split_splits_on() -> None:
    outside_ascii = "".join(chr(c) for c in range(128, 0x110000) if chr(c).isspace())
    assert outside_ascii == features.UNICODE_SPACES


_SPACED = st.text(
    alphabet=st.sampled_from(["a", "B", "é", "1", " ", "\n", "\t", "\x1c", "\x85", "\xa0", "\u3000", "“"])
)


@given(st.lists(_SPACED, max_size=6))
def test_unspaced_bytes_are_the_text_split_and_joined(texts: list[str]) -> None:
    import hashlib

    assert [features.unspaced_bytes(t) for t in texts] == ["".join(t.split()).encode("utf-8") for t in texts]
    expected = [
        int.from_bytes(hashlib.sha256("".join(t.split()).encode("utf-8")).digest()[:8], "big") if t.split() else None
        for t in texts
    ]
    assert features.content_hashes(texts) == expected == [features.content_hash(t) for t in texts]


def test_content_hashes_of_a_chunk_are_each_texts() -> None:
    texts = [STORY, "", "  \n ", OTHER + "\n\n\u00a0 " + STORY, " x ", STORY.replace(" ", "\n  ")]
    assert features.content_hashes(texts) == [features.content_hash(t) for t in texts]
    assert features.content_hashes(texts)[1:3] == [None, None]
    assert features.content_hashes(texts)[0] == features.content_hashes(texts)[5]  # whitespace only differs
    # a scraper that spaced an inline link off its punctuation, or broke the line there, left the same text
    assert features.content_hash("Banjir di Jakarta, kata BPBD.") == features.content_hash(
        "Banjir di\nJakarta , kata BPBD ."
    )
    assert features.content_hash("Pak Budi") != features.content_hash("Pak budi")  # case is text


@given(
    st.lists(st.sampled_from(['"', "\u201c", "\u201d", "\n", "abcd ", "x", "0123456789" * 3]), max_size=60).map("".join)
)
def test_quoted_finds_what_the_pattern_finds(text: str) -> None:
    assert features.quoted(text) == features._QUOTED.findall(text)


def test_a_linked_article_is_what_evolve_gives() -> None:
    from newsingest.linking.linker import _with_links

    @attrs.frozen
    class Tagged(Article):
        tag: str = "t"

    @attrs.define(frozen=True, slots=False)
    class Loose(Article):  # fields in a __dict__, not slots
        note: str = "n"

    link = Link("near", "b", 0.5, ("x",))
    articles = (
        newsingest.ingest(STORY, url="https://a.example/1"),
        Tagged("id", "one\n\ntwo", tag="u"),
        Loose("l", "x"),
    )
    for article in articles:
        linked = _with_links(article, ("s", "b", link, (link,)))
        expected = attrs.evolve(article, story="s", duplicate_of="b", link=link, link_candidates=(link,))
        assert linked == expected and hash(linked) == hash(expected) and type(linked) is type(article)
        assert linked.to_dict() == expected.to_dict()


def _folded_words(text: str) -> list[str]:
    """The words as the folding path makes them (case-fold, NFKD, punctuation made spaces), for any text."""
    import unicodedata

    text = features._COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))
    for mark in features._UNICODE_PUNCTUATION:
        text = text.replace(mark, " ")
    return text.encode("utf-8").translate(features._ASCII_WORDS).decode("utf-8").split()


@given(st.text(alphabet=st.sampled_from(["a", "Z", "1", " ", ".", "\n", "é", *features._UNICODE_PUNCTUATION])))
def test_words_of_text_with_only_ascii_and_punctuation_are_the_folded_words(text: str) -> None:
    assert features.words(text) == _folded_words(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.integers(0, 2**64 - 1),
                st.integers(0, 2**32 - 1).map(lambda top: (top << 32) | 0xFFFFFFFF),  # largest low bits
                st.integers(0, 255).map(lambda bin_: bin_ << 56),  # same bins, low bits 0
            ),
            max_size=40,
        ),
        min_size=2,
        max_size=6,
    )
)
def test_sketches_of_many_sets_are_each_sets_own(sets):
    import numpy as np

    from newsingest.linking import sketch

    hashes = np.array([h for hashes in sets for h in hashes], dtype=np.uint64)
    owner = np.repeat(np.arange(len(sets)), [len(hashes) for hashes in sets])
    signatures, keys = sketch.sketches(hashes, owner, len(sets))
    for row, one in enumerate(sets):
        if one:
            alone, alone_keys = sketch.sketch(np.array(one, dtype=np.uint64))
            assert signatures[row].tolist() == alone.tolist() and keys[row].tolist() == alone_keys.tolist()
        else:
            assert not signatures[row].any()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Zé1.,\n\u201c-"), max_size=60))
def test_word_hashes_are_each_words_polynomial(text):
    """Each word's hash is sum(byte_i * P**i) modulo 2**64 over its UTF-8 bytes, wherever it stands."""
    expected = []
    for word in features.words(text):
        value = 0
        for position, byte in enumerate(word.encode("utf-8")):
            value = (value + byte * pow(int(features._P), position, 2**64)) % 2**64
        expected.append(value)
    assert features.word_hashes(text).tolist() == expected


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from('ab AZ Kota ,.1.250 2025 "\u201c\u201d\n\u00e9'), max_size=120),
    st.integers(min_value=1, max_value=40),
)
@example('Kata "a         " dan "  " lalu "ab       " kota', 1)  # quotes of one and two characters once collapsed
def test_anchor_hashes_are_the_anchors_hashed(piece, repeat):
    import zlib

    text = piece * repeat  # past ANCHOR_CHARS too
    assert features.number_bytes(text) == {n.encode() for n in features.numbers(text)}
    expected = features.anchors(text, features.numbers(text))
    count, hashes = features.anchor_hashes(text, features.number_bytes(text))
    assert count == len(expected) and sorted(hashes) == sorted(zlib.crc32(a.encode()) for a in expected)
    sketch_of_strings = features.sketched_numbers(features.numbers(text))
    sketch_of_bytes = features.sketched_numbers(features.number_bytes(text))
    assert sketch_of_strings[0].tolist() == sketch_of_bytes[0].tolist() and sketch_of_strings[1] == sketch_of_bytes[1]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab c\n\u00e9.\u201c"), max_size=25), min_size=2, max_size=8))
def test_texts_hashed_together_get_each_texts_own_shingles(texts):
    import numpy as np

    hashes, owner = features.shingle_hashes64_of(texts)
    assert owner.tolist() == sorted(owner.tolist())
    for index, text in enumerate(texts):
        assert hashes[owner == index].tolist() == features.shingle_hashes64(text).tolist()
    assert np.array_equal(np.bincount(owner, minlength=len(texts)) > 0, [bool(features.words(t)) for t in texts])


def test_fingerprints_come_back_from_a_pickle_field_by_field():
    import pickle

    import numpy as np

    from newsingest.linking import fingerprints

    english = Translation(language="en", title="Flood", paragraphs=("Floods covered 120 houses on Monday.",))
    articles = [
        *corpus(),
        original_article(),
        article("Satu", "one"),
        article(STORY, "translated", language="id", translation=english),
    ]
    for _, fp in fingerprints(articles):
        back = pickle.loads(pickle.dumps(fp))
        assert type(back) is type(fp) and back._fields == fp._fields
        for name, ours, theirs in zip(fp._fields, fp, back, strict=True):
            if isinstance(ours, np.ndarray):
                assert isinstance(theirs, np.ndarray) and ours.dtype == theirs.dtype, name
                assert np.array_equal(ours, theirs), name
            else:
                assert ours == theirs, name
    kinds = {
        name: [getattr(fp, name) is None for _, fp in fingerprints(articles)]
        for name in ("anchor_signature", "english_signature")
    }
    assert all(any(flags) and not all(flags) for flags in kinds.values())  # both None and set above


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["https://", "http://", "HTTP://", " https://", "ftp://", "//", ""]),
    st.text(alphabet=st.sampled_from("aW.w/?#[]@:1 %\t\u00e9-"), max_size=30),
)
def test_url_keys_are_what_urlsplit_reads(scheme, rest):
    url = scheme + rest
    assert features.url_key(url) == features._split_url_key(url.strip())
