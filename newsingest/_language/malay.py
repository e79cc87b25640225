"""Malay or Indonesian: a deterministic decision on top of the detector, which has no Malay.

langdetect has no Malay profile and calls Malay text Indonesian. The two are one language
in grammar and most words, and differ in a set of frequent words and spellings: *kerana*
and *karena*, *bahawa* and *bahwa*, *wang* and *uang*, *polis* and *polisi*, *kerajaan*
and *pemerintah*, *boleh* and *bisa*, *-iti* and *-itas* loanwords, and so on. Each word
of :data:`newsingest._language.malay_evidence.WEIGHTS` carries a weight learned from data (positive
for Malay; ``benchmarks/learn_malay.py`` says from what and how); a text whose distinct
words add up to more than :data:`THRESHOLD` is Malay, anything else stays Indonesian.

The words count as written, split at white space (cheap: a few microseconds an
article), capitalised ones too: *Sdn Bhd* or *Kuala Lumpur* are evidence as well, though
names common in real Indonesian news are dropped when learning.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping

#: A text is Malay above this score: Indonesian is the default, Malay needs evidence
#: (chosen on the learning half: docs/language.md has what it gives on the held-out one).
THRESHOLD = 0.5
#: Texts of more distinct words than this need :data:`THRESHOLD_PER_WORD` more for each.
THRESHOLD_WORDS = 40
THRESHOLD_PER_WORD = 0.02
#: Below this many distinct words, a text needs :data:`SHORT_TEXT_STRONG_WORDS` strong words
#: (weight :data:`STRONG_WEIGHT` or more) to be Malay. Chosen on the lingua Indonesian
#: sentences and the held-out real paragraphs, so the figures on those are not independent
#: (docs/language.md says so).
SHORT_TEXT_WORDS = 20
SHORT_TEXT_STRONG_WORDS = 2
STRONG_WEIGHT = 1.0
#: Only the start of a long text is read: an article shows its side within it.
MAX_CHARS = 3000


def evidence_words(text: str) -> set[str]:
    """The distinct lower-case words of ``text`` as written, split at white space."""
    return set(text[:MAX_CHARS].split())


@functools.cache
def learned_weights() -> Mapping[str, float]:
    """:data:`newsingest._language.malay_evidence.WEIGHTS`, imported on first use (``import newsingest`` stays light)."""
    from newsingest._language.malay_evidence import WEIGHTS

    return WEIGHTS


def malay_score(text: str, weights: Mapping[str, float] | None = None) -> float:
    """Evidence for Malay (positive) against Indonesian (negative) in ``text``, less the threshold.

    The threshold grows with the text: :data:`THRESHOLD` up to :data:`THRESHOLD_WORDS`
    distinct words, then :data:`THRESHOLD_PER_WORD` more for each further word, so that a
    long Indonesian article does not become Malay from a handful of words both use.
    """
    return _score(evidence_words(text), learned_weights() if weights is None else weights)


def _score(words: set[str], weights: Mapping[str, float]) -> float:
    threshold = THRESHOLD + THRESHOLD_PER_WORD * max(0, len(words) - THRESHOLD_WORDS)
    # the text's words looked up in the table, not the table's thousands of words in the text;
    # summed exactly, so the order a set happens to iterate in cannot change the last bit
    return math.fsum([weights[word] for word in words if word in weights]) - threshold


def is_malay(text: str, weights: Mapping[str, float] | None = None) -> bool:
    """Whether text langdetect calls Indonesian is Malay by its words.

    Its score must be positive (:func:`malay_score`), and a text of fewer than
    :data:`SHORT_TEXT_WORDS` distinct words needs :data:`SHORT_TEXT_STRONG_WORDS` words
    that weigh at least :data:`STRONG_WEIGHT` each: one sentence of Indonesian literature
    has a Malay-looking word often enough (*daripada*, *menyertai*).
    """
    if weights is None:
        weights = learned_weights()
    words = evidence_words(text)
    if _score(words, weights) <= 0:
        return False
    return len(words) >= SHORT_TEXT_WORDS or sum(weights.get(word, 0.0) >= STRONG_WEIGHT for word in words) >= (
        SHORT_TEXT_STRONG_WORDS
    )
