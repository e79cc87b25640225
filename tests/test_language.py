"""Language detection: deterministic, null on too little text, outlet prior on close calls."""

import subprocess
import sys

from newsingest.language import LangdetectDetector, LanguageGuess, detect_language

INDONESIAN = "Pemerintah Ukraina mendapat kecaman karena penolakannya untuk menyerahkan kota Bakhmut."
ENGLISH = "The grueling battle has seen both sides suffer heavy losses and much of the city cratered."
SHORT_MIXED = "ok ya 123"


class FixedDetector:
    def __init__(self, ranked):
        self.ranked = ranked

    def candidates(self, text):
        return self.ranked


def test_detects_languages():
    detector = LangdetectDetector()
    assert detect_language(ENGLISH, detector).language == "en"
    assert detect_language(INDONESIAN, detector).language == "id"


def test_too_little_text_is_none_not_a_guess():
    assert detect_language(SHORT_MIXED, LangdetectDetector()) is None
    assert detect_language("!!! ??? ...", LangdetectDetector()) is None


def test_same_answer_every_call():
    detector = LangdetectDetector()
    text = "Ini adalah teks pendek tentang berita"
    answers = {detect_language(text, detector) for _ in range(20)}
    assert len(answers) == 1


def test_same_answer_in_another_process():
    text = "Korban diyakini sama-sama tinggi di kedua sisi dan berita"
    code = (
        "from newsingest.language import LangdetectDetector, detect_language;"
        f"g = detect_language({text!r}, LangdetectDetector()); print(g.language, g.confidence)"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        for _ in range(3)
    }
    here = detect_language(text, LangdetectDetector())
    assert outputs == {f"{here.language} {here.confidence}\n"}


def test_prior_decides_close_calls():
    detector = FixedDetector([LanguageGuess("ms", 0.55), LanguageGuess("id", 0.45)])
    text = "x" * 40
    assert detect_language(text, detector).language == "ms"
    assert detect_language(text, detector, prior="id").language == "id"


def test_prior_does_not_override_a_clear_answer():
    detector = FixedDetector([LanguageGuess("en", 0.95), LanguageGuess("id", 0.05)])
    assert detect_language("x" * 40, detector, prior="id").language == "en"


def test_zh_codes_are_normalised():
    guess = detect_language("北京是中华人民共和国的首都，也是全国的政治和文化中心。", LangdetectDetector())
    assert guess.language == "zh"
