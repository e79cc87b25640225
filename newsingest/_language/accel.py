"""Optional accelerator for langdetect: langdetect-rs, a Rust port with bit-identical results.

``pip install newsingest[fast]`` installs `langdetect-rs <https://pypi.org/project/langdetect-rs/>`_,
which reproduces langdetect 1.0.9's random walk (same Mersenne Twister, same Gaussian
smoothing, same floating-point operations in the same order, same profile order) 20-50
times faster. :func:`load_factory` returns ``None`` when it is not installed, and the
caller falls back to pure-Python langdetect.

Two ways into langdetect-rs are used:

* its public ``DetectorFactory``/``Detector`` API, a drop-in for langdetect's;
* the core call behind its own module-level ``detect_langs`` (one call per text, no
  ``Detector`` object, about twice as fast on articles). That call is private, so it is
  used only after it has given exactly the public API's answer on a set of probe texts
  when the factory is built; on any difference or error the public API is used.

Either way the answers are checked against stock langdetect, on the whole language sample,
by ``tests/test_language_accel.py``.
"""

from __future__ import annotations

import logging

from newsingest._language.seeded import Probabilities, seeded_probabilities

logger = logging.getLogger(__name__)

#: Texts the private fast path must answer exactly as the public API does before it is used.
PROBE_TEXTS = (
    "The grueling battle has seen both sides suffer heavy losses and much of the city cratered.",
    "Pemerintah Ukraina mendapat kecaman karena penolakannya untuk menyerahkan kota Bakhmut.",
    "Война и мир — роман Льва Толстого. See https://example.com/x?y=1 or mail me@example.org",
    "北京是中华人民共和国的首都，也是全国的政治和文化中心。",
    "東京は日本の首都です。ひらがなとカタカナも使います。",
    "1234 5678 !!!",
    "",
    "ab",
)


def load_factory(seed: int) -> Probabilities | None:
    """langdetect-rs's probabilities with ``seed``, or ``None`` when it is not installed."""
    try:
        from langdetect_rs.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        from langdetect_rs.lang_detect_exception import LangDetectException
    except ImportError:
        return None

    factory, public = seeded_probabilities(DetectorFactory, PROFILES_DIRECTORY, LangDetectException, seed)
    return _fast_path(factory, seed, public) or public


def _fast_path(factory, seed: int, public: Probabilities) -> Probabilities | None:
    """The one-call core path, if present and identical to ``public`` on the probe texts."""
    try:
        from langdetect_rs._seed import seed_state

        state = seed_state(seed)
        core_detect = factory._core.detect_langs

        def fast(text: str) -> list[tuple[str, float]] | None:
            ranked = core_detect(text, state)
            return None if ranked is None else [(lang, prob) for lang, prob in ranked]

        for text in PROBE_TEXTS:
            if fast(text) != public(text):
                logger.info("langdetect-rs fast path differs from its public API; using the public API")
                return None
    except Exception as err:  # a private API: any change in it just costs speed
        logger.info("langdetect-rs fast path unavailable (%s); using the public API", err)
        return None
    return fast
