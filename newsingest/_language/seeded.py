"""langdetect's API (langdetect's own or langdetect-rs's) turned into a seeded probability function.

Shared by :mod:`newsingest._language.detect` (pure-Python langdetect) and
:mod:`newsingest._language.accel` (langdetect-rs), so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Callable

#: ``text -> [(langdetect code, probability), ...]`` best first, or ``None`` when the text
#: has no features langdetect can use (it raises ``LangDetectException`` there).
Probabilities = Callable[[str], "list[tuple[str, float]] | None"]


def seeded_probabilities(factory_class, profiles: str, no_features: type[Exception], seed: int):
    """A seeded factory of langdetect's API (langdetect's or langdetect-rs's) and its probability function.

    A fresh detector per call from one seeded factory: the answer depends on the
    text alone, in every run, thread and process.
    """
    factory = factory_class()
    factory.load_profile(profiles)  # built-in profiles, in langdetect's own load order
    factory.set_seed(seed)

    def probabilities(text: str) -> list[tuple[str, float]] | None:
        detector = factory.create()
        detector.append(text)
        try:
            ranked = detector.get_probabilities()
        except no_features:
            return None
        return [(item.lang, item.prob) for item in ranked]

    return factory, probabilities


def stock_probabilities(seed: int) -> Probabilities:
    """Pure-Python langdetect's probabilities, seeded."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    return seeded_probabilities(DetectorFactory, PROFILES_DIRECTORY, LangDetectException, seed)[1]
