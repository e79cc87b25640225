"""Author strings from page metadata become person names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsingest._html.authors import author_names, clean_metadata_text


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By MEG KINNARD and ERRIN HAINES, Associated Press", ["Meg Kinnard", "Errin Haines"]),
        ("Analysis by Chris Cillizza", ["Chris Cillizza"]),
        ("Opinion by Jane Doe", ["Jane Doe"]),
        ("Mike Marshall, Shipping Expert", ["Mike Marshall"]),
        ("Текст Лида Буслаева", ["Лида Буслаева"]),
        ("Oleh Budi Santoso", ["Budi Santoso"]),
        ("Von Max Muster", ["Max Muster"]),
        ("Author Isaiah Shelton", ["Isaiah Shelton"]),
        ("By: Ana Lima", ["Ana Lima"]),
        ("Brian Truitt, USA TODAY", ["Brian Truitt"]),
        ("Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal", ["Manoj Jain", "Jagpreet Chhatwal"]),
        ("Doris Munoz-Mantilla, MD, FOMA, DABOM", ["Doris Munoz-Mantilla"]),
        (
            "Naftali Tishby, Fernando C. Pereira, William Bialek",
            ["Naftali Tishby", "Fernando C. Pereira", "William Bialek"],
        ),
        ("David Jackson - FullStack Editorial Team", ["David Jackson"]),
        ("Luke Kim December", ["Luke Kim"]),
        ("CM Craig McCarthy Last updated", ["Craig McCarthy"]),
        ("Jo Bloggs December 3, 2025", ["Jo Bloggs"]),
        ("Alice Smith & Bob Jones; Carol White", ["Alice Smith", "Bob Jones", "Carol White"]),
        ("AOIFE O'RIORDAN", ["Aoife O'Riordan"]),
        ("Anthony O&#39;Neil", ["Anthony O'Neil"]),
        ("Ana&nbsp;Lima", ["Ana Lima"]),
        ("Dr. Andrew Huberman", ["Dr. Andrew Huberman"]),
        ("hackermondev (Daniel)", ["hackermondev"]),
    ],
)
def test_author_strings_become_names(raw, names):
    assert author_names(raw) == names


@pytest.mark.parametrize(
    "name",
    ["Theresa May", "Von Miller", "Martin Luther King Jr.", "Gabo", "Jean-Luc Aufranc", "Budi Santoso"],
)
def test_names_that_look_like_lead_ins_or_stamps_are_kept(name):
    assert author_names(name) == [name]


@pytest.mark.parametrize(
    "raw", ["Dec", "August", "262588213843476", "paperium.net", "http://x.com/people/a", "The Author", "", "  ,  "]
)
def test_strings_naming_nobody_give_no_author(raw):
    assert author_names(raw) == []


def test_an_organisation_alone_is_kept_but_not_next_to_people():
    assert author_names("Podium Staff") == ["Podium Staff"]
    assert author_names("TOI Lifestyle Desk") == ["TOI Lifestyle Desk"]
    assert author_names(["Reuters", "Jane Doe"]) == ["Jane Doe"]
    assert author_names(["Mayank Gupta", "CEO"]) == ["Mayank Gupta"]
    assert author_names("CEO") == []


def test_each_name_once():
    assert author_names(["Jane Doe", "By JANE DOE", "jane doe, Reuters"]) == ["Jane Doe"]


def test_clean_metadata_text_unescapes_and_replaces_bad_characters():
    assert (
        clean_metadata_text("Best Long-Distance &#038; Cross-Country Movers")
        == "Best Long-Distance & Cross-Country Movers"
    )
    assert (
        clean_metadata_text("&#8220;We needed to win this&nbsp;game&#8221;") == "\u201cWe needed to win this game\u201d"
    )
    assert clean_metadata_text("Tom &amp;amp; Jerry") == "Tom & Jerry"
    assert clean_metadata_text("bad \ud800 char\x00") == "bad \ufffd char"


@given(st.text(max_size=200) | st.lists(st.text(max_size=60), max_size=4))
def test_author_names_never_fail_and_give_clean_short_names(raw):
    names = author_names(raw)
    for name in names:
        assert name == " ".join(name.split()) and name
        assert not any("\ud800" <= ch <= "\udfff" for ch in name)
        assert len(name) <= 200
