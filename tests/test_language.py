"""Language detection: deterministic, null on too little text, outlet prior on close calls."""

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest._language.detect import (
    MIN_LETTERS,
    LangdetectDetector,
    LanguageGuess,
    count_letters,
    detect_language,
)
from newsingest._language.words import has_letters

INDONESIAN = "Pemerintah Ukraina mendapat kecaman karena penolakannya untuk menyerahkan kota Bakhmut."
ENGLISH = "The grueling battle has seen both sides suffer heavy losses and much of the city cratered."
SHORT_MIXED = "ok ya 123"
MALAY = (
    "Kerajaan negeri bersetuju untuk melanjutkan perkhidmatan bas malam sehingga hujung tahun kerana"
    " permintaan yang tinggi daripada pekerja syif."
)
#: langdetect alone calls this Korean (0.857), though it has no Hangul.
CHINESE_NOT_KOREAN = "一些城市开放了防空洞、图书馆等公共场所作为避暑点，为户外工作者和有需要的市民提供休息空间。"


class FixedDetector:
    def __init__(self, ranked):
        self.ranked = ranked

    def candidates(self, text):
        return self.ranked


@pytest.fixture(scope="module")
def detector():
    return LangdetectDetector()


def test_detects_languages(detector):
    assert detect_language(ENGLISH, detector).language == "en"
    assert detect_language(INDONESIAN, detector).language == "id"


def test_too_little_text_is_none_not_a_guess(detector):
    assert detect_language(SHORT_MIXED, detector) is None
    assert detect_language("!!! ??? ...", detector) is None
    assert detect_language("Bakhmut, Soledar and Kramatorsk.", detector) is None  # 29 letters
    assert detect_language("", detector) is None


def test_letters_threshold_counts_cjk_three_times():
    assert count_letters("abc 123 ___ déjà") == 7
    assert count_letters("北京是首都") == 15
    assert count_letters("a" * 1000, limit=MIN_LETTERS) >= MIN_LETTERS
    assert count_letters("a b c", limit=MIN_LETTERS) == 3


def test_short_cjk(detector):
    # Han alone, no kana or Hangul: Chinese when langdetect is sure, from 4 characters
    assert detect_language("北京是", detector) is None  # 9 "letters"
    assert detect_language("北京是中华人民共和国", detector).language == "zh"
    assert detect_language("北京是中华人民共和国的首都，也是全国的政治中心。", detector).language == "zh"
    # with kana it is Japanese by its script (langdetect alone says zh 1.0 here)
    assert detect_language("中央銀行は政策金", detector).language == "ja"


def test_same_answer_every_call(detector):
    text = "Ini adalah teks pendek tentang berita dari kota Bakhmut"
    answers = {detect_language(text, detector) for _ in range(20)}
    assert len(answers) == 1
    assert None not in answers


def test_same_answer_in_another_process(detector):
    text = "Korban diyakini sama-sama tinggi di kedua sisi dan berita"
    code = (
        "from newsingest._language.detect import LangdetectDetector, detect_language;"
        f"g = detect_language({text!r}, LangdetectDetector()); print(g.language, g.confidence)"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        for _ in range(3)
    }
    here = detect_language(text, detector)
    assert outputs == {f"{here.language} {here.confidence}\n"}


def test_prior_decides_close_calls():
    detector = FixedDetector([LanguageGuess("ms", 0.55), LanguageGuess("id", 0.45)])
    text = "x" * 40
    assert detect_language(text, detector).language == "ms"
    assert detect_language(text, detector, prior="id").language == "id"


def test_prior_does_not_override_a_clear_answer():
    detector = FixedDetector([LanguageGuess("en", 0.95), LanguageGuess("id", 0.05)])
    assert detect_language("x" * 40, detector, prior="id").language == "en"


def test_malay_told_from_indonesian_by_its_words(detector):
    # langdetect has no Malay profile: it says Indonesian, sure of it; the words say Malay
    assert detector.candidates(MALAY)[0] == LanguageGuess("id", 1.0)
    assert detect_language(MALAY, detector) == LanguageGuess("ms", 1.0)
    assert detect_language(INDONESIAN, detector) == LanguageGuess("id", 1.0)
    # the outlet decides between the two
    assert detect_language(MALAY, detector, prior="ms") == LanguageGuess("ms", 1.0)
    assert detect_language(MALAY, detector, prior="id") == LanguageGuess("id", 1.0)
    assert detect_language(INDONESIAN, detector, prior="id").language == "id"
    # a Malay prior does not turn a clear answer in another language
    assert detect_language(ENGLISH, detector, prior="ms").language == "en"


def test_answers_without_their_script_are_dropped(detector):
    assert detector.candidates(CHINESE_NOT_KOREAN)[0].language == "ko"
    assert detect_language(CHINESE_NOT_KOREAN, detector) == LanguageGuess("zh", 1.0)
    only_korean = FixedDetector([LanguageGuess("ko", 1.0)])
    assert detect_language(CHINESE_NOT_KOREAN, only_korean) is None


def test_zh_codes_are_normalised(detector):
    guess = detect_language("北京是中华人民共和国的首都，也是全国的政治和文化中心。", detector)
    assert guess.language == "zh"


def test_pure_python_and_default_backends_agree_here():
    stock = LangdetectDetector(accelerate=False)
    assert stock.backend == "langdetect"
    assert stock.candidates(ENGLISH) == LangdetectDetector().candidates(ENGLISH)


def test_detector_pickles_as_its_settings(detector):
    import pickle

    detector.candidates(ENGLISH)  # loaded
    copy = pickle.loads(pickle.dumps(detector))
    assert (copy.seed, copy.accelerate) == (detector.seed, detector.accelerate)
    assert copy.candidates(ENGLISH) == detector.candidates(ENGLISH)


@settings(max_examples=300)
@given(text=st.text(alphabet="aZ1 .,\u00e9\u4e2d\u0301'\n", max_size=160), limit=st.sampled_from([0, 1, 10, 40]))
def test_has_letters_agrees_with_count_letters(text, limit):
    # the regular-expression shortcut for ASCII text must answer as the count does
    assert has_letters(text, limit) == (count_letters(text, limit) >= limit)
