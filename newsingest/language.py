"""Language detection behind a small interface, deterministic by construction.

langdetect samples n-grams at random; with its default unseeded generator the same
text can get different answers on different runs. :class:`LangdetectDetector`
owns a private factory with a fixed seed, and every call builds a fresh detector
from it, so the answer depends on the text alone: the same in every run, thread
and process.
"""

from __future__ import annotations

import threading
from typing import Protocol, runtime_checkable

import attrs

#: Fewer letters than this and a language is a guess: we answer ``None`` instead.
MIN_LETTERS = 20
#: A prior (the outlet's language) wins when it is within this much of the best guess.
PRIOR_MARGIN = 0.2


@attrs.frozen
class LanguageGuess:
    """A detected language and the detector's probability for it."""

    language: str
    confidence: float


@runtime_checkable
class LanguageDetector(Protocol):
    """Anything that ranks candidate languages for a text, best first."""

    def candidates(self, text: str) -> list[LanguageGuess]: ...


class LangdetectDetector:
    """langdetect with a fixed seed and a private, lazily loaded profile set."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self._factory = None
        self._lock = threading.Lock()

    def _get_factory(self):
        if self._factory is None:
            with self._lock:
                if self._factory is None:
                    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                    factory = DetectorFactory()
                    factory.load_profile(PROFILES_DIRECTORY)
                    factory.set_seed(self.seed)
                    self._factory = factory
        return self._factory

    def candidates(self, text: str) -> list[LanguageGuess]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._get_factory().create()
        detector.append(text)
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:
            return []
        return [LanguageGuess(_normalise_code(item.lang), round(item.prob, 3)) for item in ranked]


def _normalise_code(code: str) -> str:
    """langdetect says ``zh-cn``/``zh-tw``; we report ISO 639-1 ``zh``."""
    return code.split("-")[0]


def count_letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha())


def detect_language(text: str, detector: LanguageDetector, prior: str | None = None) -> LanguageGuess | None:
    """The language of ``text``, or ``None`` when there is too little text to tell.

    ``prior`` (the outlet's language) decides close calls such as Indonesian
    against Malay: it wins when the detector ranks it within :data:`PRIOR_MARGIN`
    of its first choice.
    """
    if count_letters(text) < MIN_LETTERS:
        return None
    ranked = detector.candidates(text)
    if not ranked:
        return None
    best = ranked[0]
    if prior and best.language != prior:
        for guess in ranked[1:]:
            if guess.language == prior and best.confidence - guess.confidence <= PRIOR_MARGIN:
                return guess
    return best
