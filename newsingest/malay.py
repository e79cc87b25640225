"""Malay or Indonesian: a deterministic decision on top of the detector, which has no Malay.

langdetect has no Malay profile and calls Malay text Indonesian. The two are one language
in grammar and most words, and differ in a set of frequent words and spellings: *kerana*
and *karena*, *bahawa* and *bahwa*, *wang* and *uang*, *polis* and *polisi*, *kerajaan*
and *pemerintah*, *boleh* and *bisa*, *-iti* and *-itas* loanwords, and so on. Each word
of :data:`newsingest.malay_evidence.WEIGHTS` carries a weight learned from data (positive
for Malay; ``benchmarks/learn_malay.py`` says from what and how); a text whose distinct
words add up to more than :data:`THRESHOLD` is Malay, anything else stays Indonesian.

The words count as written, split at white space (cheap: a few microseconds an
article), capitalised ones too: *Sdn Bhd* or *Kuala Lumpur* are evidence as well, though
names common in real Indonesian news are dropped when learning.
"""

from __future__ import annotations

from collections.abc import Mapping

from .malay_evidence import WEIGHTS

#: A text is Malay above this score: Indonesian is the default, Malay needs evidence
#: (chosen on the learning half: docs/language.md has what it gives on the held-out one).
THRESHOLD = 0.5
#: Texts of more distinct words than this need :data:`THRESHOLD_PER_WORD` more for each.
THRESHOLD_WORDS = 40
THRESHOLD_PER_WORD = 0.02
#: Only the start of a long text is read: an article shows its side within it.
MAX_CHARS = 3000


def evidence_words(text: str) -> set[str]:
    """The distinct lower-case words of ``text`` as written, split at white space."""
    return set(text[:MAX_CHARS].split())


def malay_score(text: str, weights: Mapping[str, float] = WEIGHTS) -> float:
    """Evidence for Malay (positive) against Indonesian (negative) in ``text``, less the threshold.

    The threshold grows with the text: :data:`THRESHOLD` up to :data:`THRESHOLD_WORDS`
    distinct words, then :data:`THRESHOLD_PER_WORD` more for each further word, so that a
    long Indonesian article does not become Malay from a handful of words both use.
    """
    words = evidence_words(text)
    threshold = THRESHOLD + THRESHOLD_PER_WORD * max(0, len(words) - THRESHOLD_WORDS)
    return sum(weights[word] for word in words.intersection(weights)) - threshold


def is_malay(text: str) -> bool:
    """Whether text langdetect calls Indonesian is Malay by its words."""
    return malay_score(text) > 0
