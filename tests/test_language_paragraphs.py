"""A language per paragraph: mixed articles, stray foreign lines, None for short ones."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsingest import Pipeline
from newsingest._language.detect import (
    PARAGRAPH_MIN_LETTERS,
    LangdetectDetector,
    LanguageGuess,
    paragraph_languages,
)
from newsingest._language.words import confirms, words
from newsingest._text.draft import Draft
from newsingest.model import Block
from newsingest.pipeline import build_article

MIXED = Path(__file__).parent / "data" / "languages" / "mixed"
EN_ID = (MIXED / "en_id_01.txt").read_text(encoding="utf-8")
ID_EN = (MIXED / "id_en_01.txt").read_text(encoding="utf-8")


class CountingDetector:
    """Seeded langdetect that counts the texts it is asked about."""

    def __init__(self):
        self.inner = LangdetectDetector()
        self.asked = []

    def candidates(self, text):
        self.asked.append(text)
        return self.inner.candidates(text)


@pytest.fixture(scope="module")
def detector():
    return LangdetectDetector()


def parts(text: str) -> list[str]:
    return [part for part in text.split("\n\n") if part.strip()]


def test_mixed_english_indonesian_article(detector):
    paragraphs = parts(EN_ID)
    assert paragraph_languages(paragraphs, "en", detector) == ["en", "en", "en", "id", "en", "id", "en"]
    paragraphs = parts(ID_EN)
    assert paragraph_languages(paragraphs, "id", detector) == ["id", "id", "id", "en", "id", "id"]


def test_pipeline_fills_block_language():
    pipeline = Pipeline()
    article = pipeline.ingest(EN_ID, outlet="none")
    assert article.language == "en"
    by_text = {block.text[:20]: block.language for block in article.paragraphs}
    assert by_text["Kami sudah menunggu "] == "id"
    assert by_text["Hundreds of thousand"] == "en"
    assert [block.language for block in article.paragraphs].count("id") == 1
    assert article.to_dict()["paragraphs"][0]["language"] == "en"


def test_a_stray_foreign_line_in_an_otherwise_english_article(detector):
    stray = "Baca juga: Jadwal KRL Hari Ini Berubah, Penumpang Diminta Cek Aplikasi Sebelum Berangkat"
    english = parts(EN_ID)[1]
    assert paragraph_languages([english, stray, english], "en", detector) == ["en", "id", "en"]


def test_short_paragraphs_get_none_never_a_guess(detector):
    short = ["Newsweek cover", "Comment on articles", "Reinforcements Heading to Bakhmut", "北京是首都", "ok"]
    # langdetect alone is sure of wrong answers here ("Comment on articles": French, 0.99999)
    assert detector.candidates("Comment on articles")[0].language == "fr"
    assert paragraph_languages(short, "en", detector) == [None] * len(short)
    assert paragraph_languages(short, None, detector) == [None] * len(short)


def test_unsure_paragraphs_get_none(detector):
    class Split:
        def candidates(self, text):
            return [LanguageGuess("nl", 0.571), LanguageGuess("af", 0.429)]

    text = "Zo gaan we het doen, zei hij, maar niet iedereen is het daar mee eens geweest."
    assert paragraph_languages([text], "en", Split()) == [None]


def test_confirmed_paragraphs_skip_the_detector():
    counting = CountingDetector()
    paragraphs = parts(EN_ID)
    paragraph_languages(paragraphs, "en", counting)
    # the English paragraphs are confirmed by their function words; the headline has
    # only words other languages share too (as, for) and none of another language only,
    # so nothing says it is not English; the two Indonesian paragraphs have Indonesian
    # function words: only those go to langdetect
    assert counting.asked == [paragraphs[3], paragraphs[5]]


@pytest.mark.parametrize(
    "line",
    [
        # real lines of Indonesian articles whose only function words Italian or Dutch has
        # too (di, dan): langdetect alone called them English or gave up
        "Head-to-Head dan Statistik San Marino vs Austria",
        "Alias Timnas Indonesia Senior di ajang Round 3 FIFA World Cup Qualifiers 2026 Asia.",
        "Jenderal TNI Purn Fachrul Razi lahir di Aceh 26 Juli 1947.",
    ],
)
def test_a_line_with_only_shared_function_words_keeps_the_article_language(line):
    counting = CountingDetector()
    assert paragraph_languages([line], "id", counting) == ["id"]
    assert counting.asked == []  # it cannot disagree by its words: no detection


@pytest.mark.parametrize(
    "line",
    [
        "Apa misi PDIP langsung kritik habis-habisan Fadli Zon dkk?",
        "Gaya Pacaran Tasya Kamila vs Chelsea Islan, Siapa Pasangan Romantis?",
        "REPUBLIKA.CO.ID Oleh: Hersubeno Arief, Konsultan Politik",
    ],
)
def test_short_indonesian_lines_are_never_a_rare_neighbour(detector, line):
    # langdetect alone is sure these are Tagalog or German
    assert detector.candidates(line)[0].language in ("tl", "de")
    body = parts(ID_EN)[1]
    assert paragraph_languages([body, line, body], "id", detector) in (["id", "id", "id"], ["id", None, "id"])


def test_paragraph_without_any_sign_of_a_language_keeps_only_the_articles_language():
    class SureOfTagalog:
        def candidates(self, text):
            return [LanguageGuess("tl", 1.0)]

    names = "Fadli Zon, Hasto Kristiyanto, Puan Maharani, Megawati Soekarnoputri"
    assert paragraph_languages([names], "id", SureOfTagalog()) == [None]
    # with a sign of Tagalog (its function words), the detector's answer stands
    tagalog = "Ang mga residente ay lumikas sa mga evacuation center ng lungsod"
    assert paragraph_languages([tagalog], "id", SureOfTagalog()) == ["tl"]


def test_build_article_keeps_a_language_a_block_already_has(detector):
    english = parts(EN_ID)[1]
    draft = Draft(blocks=[Block(english), Block(english, language="en-GB"), Block("Short one.")])
    article = build_article(draft, EN_ID, None, None, detector)
    assert [block.language for block in article.paragraphs] == ["en", "en-GB", None]
    assert article.language == "en"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The city council voted on Tuesday to extend the night bus service until the end of the year."),
        ("es", "Los bomberos lograron controlar el incendio tras varias horas de trabajo y no hubo heridos."),
        ("ru", "Пожарным удалось локализовать возгорание через несколько часов, пострадавших нет."),
        ("ar", "تمكن رجال الإطفاء من السيطرة على الحريق بعد عدة ساعات، ولم تسجل أي إصابات."),
        ("zh", "消防员经过数小时的扑救后控制了火势，事故中没有人员受伤。"),
        ("ja", "消防によると火は数時間後にほぼ消し止められ、けが人はいなかった。"),
    ],
)
def test_cheap_confirmation(language, text):
    assert confirms(language, text, words(text))
    for other in ("en", "es", "ca", "pt", "ru", "bg", "uk", "ar", "fa", "zh", "ja", "ko"):
        if other != language:
            assert not confirms(other, text, words(text)), other


def test_russian_function_words_shared_with_bulgarian_confirm_neither():
    text = "Хозяева поля забили два гола в последние десять минут матча и вышли на первое место в таблице."
    assert not confirms("bg", text, words(text))
    assert not confirms("mk", text, words(text))
    assert confirms("ru", text, words(text))  # by its letters: ы, and nothing Ukrainian or Macedonian


def test_paragraph_threshold():
    assert PARAGRAPH_MIN_LETTERS == 40


def test_paragraph_languages_same_in_another_process(detector):
    paragraphs = parts(EN_ID) + parts(ID_EN)
    code = (
        "import sys, json; from newsingest._language.detect import LangdetectDetector, paragraph_languages;"
        "ps = json.load(sys.stdin);"
        "print(json.dumps(paragraph_languages(ps, 'en', LangdetectDetector())))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], input=json.dumps(paragraphs), capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert outputs == {json.dumps(paragraph_languages(paragraphs, "en", detector)) + "\n"}


def test_cheap_confirmation_never_confirms_another_language():
    from test_language_sample import article_paragraphs, sample_paragraphs

    from newsingest._language.words import FAMILIES, FUNCTION_WORDS, OWN_SCRIPT

    checked = sorted({*FUNCTION_WORDS, *OWN_SCRIPT, "zh", "ja"})
    wrong = []
    for lang, text in sample_paragraphs() + article_paragraphs():
        family = next((f for f in FAMILIES if lang in f), {lang})
        tokens = words(text)
        wrong += [
            (lang, other, text[:40]) for other in checked if other not in family and confirms(other, text, tokens)
        ]
    assert wrong == []
    assert len(checked) >= 45


def test_detector_runs_a_bounded_number_of_times_per_article():
    from newsingest._language.detect import PARAGRAPH_MAX_DETECTIONS

    counting = CountingDetector()
    odd = [
        f"Zxqv wprt und klmn {i} bzzt frrk qwghl mnnp trrk vlxx pqqz hrrm kkvt"  # "und": it may be German
        for i in range(3 * PARAGRAPH_MAX_DETECTIONS)
    ]
    languages = paragraph_languages(odd, "en", counting)
    assert len(counting.asked) == PARAGRAPH_MAX_DETECTIONS
    assert languages[PARAGRAPH_MAX_DETECTIONS:] == [None] * (2 * PARAGRAPH_MAX_DETECTIONS)


@pytest.mark.parametrize("count", [4095, 4096, 4098, 6000, 70_000])
def test_function_word_counts_do_not_overflow_in_long_paragraphs(count):
    # the three counts were packed into 12-bit fields: 4,096 English words read as one foreign one
    text = " ".join(["the"] * count)
    assert confirms("en", text, words(text))
    foreign = " ".join(["the"] * 3 + ["und"] * count)
    assert not confirms("en", foreign, words(foreign))
