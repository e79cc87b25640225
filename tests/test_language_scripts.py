"""Letters in every script, and the scripts that name their language from a few letters."""

import sys
import unicodedata

import pytest

from newsingest._language.detect import LangdetectDetector, detect_language
from newsingest._language.unicode_marks import MARK_RANGES, UNICODE_VERSION
from newsingest._language.words import count_letters, has_script, script_language


@pytest.fixture(scope="module")
def detector():
    return LangdetectDetector()


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("नमस्ते", 6),  # न म स ् त े: the virama and the vowel sign are marks, and count
        ("हिन्दी", 6),
        ("สวัสดี", 6),  # Thai vowel and tone marks
        ("বাংলা", 5),
        ("தமிழ்", 5),
        ("déjà vu", 6),
        ("de\u0301ja\u0300", 6),  # decomposed accents count as part of their letter's text
    ],
)
def test_combining_marks_count_as_letters(text, letters):
    assert count_letters(text) == letters


def test_hindi_sentence_reaches_the_threshold_it_looks_like():
    text = "सरकार ने बुधवार को नई योजना की घोषणा की जिससे किसानों को लाभ होगा"
    assert sum(map(str.isalpha, text)) < 40 <= count_letters(text)


def test_mark_table_is_this_unicode_versions_where_it_matches():
    if unicodedata.unidata_version != UNICODE_VERSION:
        pytest.skip(f"table from Unicode {UNICODE_VERSION}, this Python has {unicodedata.unidata_version}")
    marks = {cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)).startswith("M")}
    assert marks == {cp for first, last in MARK_RANGES for cp in range(first, last + 1)}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("สวัสดีครับ", "th"),
        ("안녕하세요", "ko"),
        ("뉴스 속보", "ko"),
        ("Ελλάδα", "el"),
        ("שלום", "he"),
        ("Բարեւ", "hy"),
        ("საქართველო", "ka"),
        ("東京は雨", "ja"),
        ("ニュース", "ja"),
    ],
)
def test_one_language_scripts_answer_from_a_few_letters(detector, text, language):
    assert script_language(text)[0] == language
    guess = detect_language(text, detector)
    assert guess is not None and guess.language == language


def test_script_needs_most_of_the_letters():
    assert script_language("The Seoul 서울 office said on Tuesday that it would") is None
    assert script_language("北京是中华人民共和国的首都") is None  # Han alone: Chinese or Japanese
    assert script_language("Hello") is None
    assert script_language("ab") is None


def test_letters_an_alphabet_lacks_rule_its_language_out():
    assert not has_script("Він прийшов додому ввечері.", "ru")
    assert not has_script("Вiн прийшов", "ru")  # a Latin i inside a Cyrillic word: Ukrainian
    assert not has_script("Ты веришь мне?", "uk")
    assert not has_script("Ты веришь мне?", "bg")
    assert has_script("Ты веришь мне?", "ru")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ты веришь мне?", "ru"),  # ы
        ("Він прийшов додому ввечері.", "uk"),  # і
        ("Die Regierung hat das Gesetz beschlossen.", "de"),
        ("Il governo ha approvato la legge.", "it"),
    ],
)
def test_short_texts_answered_when_the_evidence_is_strong(detector, text, language):
    assert detect_language(text, detector).language == language


def test_short_texts_without_strong_evidence_stay_none(detector):
    assert detect_language("Bakhmut, Soledar and Kramatorsk.", detector) is None
    assert detect_language("Comment on articles", detector) is None
    assert detect_language("ok ya", detector) is None
