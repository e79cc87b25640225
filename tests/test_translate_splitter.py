"""The rule-based sentence splitter (no translate extra needed)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsingest.translate.splitter import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        (
            "Mr. Smith went to Washington. He arrived at 3.5 p.m. on Monday.",
            ["Mr. Smith went to Washington.", "He arrived at 3.5 p.m. on Monday."],
        ),
        ("The U.S. officials agreed. Then they left.", ["The U.S. officials agreed.", "Then they left."]),
        ("J. K. Rowling wrote it. Then what?", ["J. K. Rowling wrote it.", "Then what?"]),
        ("Wait... and then nothing. Done.", ["Wait... and then nothing.", "Done."]),
        ("He waited… Then he left.", ["He waited…", "Then he left."]),
        (
            'He said "Stop!" and left. "We are ready," she said.',
            ['He said "Stop!" and left.', '"We are ready," she said.'],
        ),
        (
            "Dr. Siti berkata: \u201cKami siap.\u201d Lalu dia pergi.",
            ["Dr. Siti berkata: \u201cKami siap.\u201d", "Lalu dia pergi."],
        ),
        ("Bpk. Joko tiba di Jl. Sudirman. Dia tersenyum.", ["Bpk. Joko tiba di Jl. Sudirman.", "Dia tersenyum."]),
        ("Harganya Rp. 5.000 per kilo. Mahal!", ["Harganya Rp. 5.000 per kilo.", "Mahal!"]),
        ("Hingga 100.000 tentara tewas. Itu banyak.", ["Hingga 100.000 tentara tewas.", "Itu banyak."]),
        ("Beras, gula, dll. Naik lagi.", ["Beras, gula, dll.", "Naik lagi."]),
        ("Visit example.com today. Ok", ["Visit example.com today.", "Ok"]),
        ("(Laporan awal.) Berikutnya.", ["(Laporan awal.)", "Berikutnya."]),
        ("Score: 2. Next game soon.", ["Score: 2.", "Next game soon."]),
        ("Ends with e.g. something else. Yes.", ["Ends with e.g. something else.", "Yes."]),
        ("Line one\nLine two without stop", ["Line one", "Line two without stop"]),
        (
            "他说：\u201c我们准备好了。\u201d然后离开。真的吗？是的！",
            ["他说：\u201c我们准备好了。\u201d", "然后离开。", "真的吗？", "是的！"],
        ),
        ("東京は晴れ。大阪は雨。", ["東京は晴れ。", "大阪は雨。"]),
        ("Это Москва. Это Киев.", ["Это Москва.", "Это Киев."]),
        ("", []),
        ("  \n\t ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_ordinals_in_languages_that_write_them_with_a_stop() -> None:
    text = "Am 3. Oktober feiern wir. Das ist gut."
    assert split_sentences(text, "de") == ["Am 3. Oktober feiern wir.", "Das ist gut."]
    assert split_sentences("Jumlahnya 12. Polisi datang.", "id") == ["Jumlahnya 12.", "Polisi datang."]


def test_run_on_text_is_cut_at_clause_marks_then_spaces() -> None:
    clauses = "; ".join(f"klausa nomor {i} yang cukup panjang" for i in range(40))
    pieces = split_sentences(clauses, max_chars=200)
    assert all(len(p) <= 200 for p in pieces) and len(pieces) > 1
    assert all(p.endswith(";") for p in pieces[:-1])
    assert [len(p) for p in split_sentences("x" * 450, max_chars=200)] == [200, 200, 50]


_TEXT = st.lists(
    st.sampled_from([*"abcXYZ .!?…。！？\"'“”()\n 0123456789", "Dr", "U.S", "e.g", " Mr. ", "3.5"]),
    max_size=80,
).map("".join)


@given(_TEXT)
def test_splitting_keeps_every_character(text: str) -> None:
    """Only whitespace between sentences is dropped, and no sentence is blank."""
    sentences = split_sentences(text, max_chars=40)
    assert all(s and s == s.strip() for s in sentences)
    assert re.sub(r"\s", "", "".join(sentences)) == re.sub(r"\s", "", text)
    assert all(len(s) <= 40 for s in sentences)
