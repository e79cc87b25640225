"""Language detection behind a small interface, deterministic by construction.

langdetect samples n-grams at random; with its default unseeded generator the same
text can get different answers on different runs. :class:`LangdetectDetector`
owns a private factory with a fixed seed, and every call detects with a fresh
generator seeded from it, so the answer depends on the text alone: the same in
every run, thread and process.

When `langdetect-rs <https://pypi.org/project/langdetect-rs/>`_ is installed (a
dependency wherever it has wheels) the same walk runs in Rust, 20-50 times faster and
with the same answers down to the last bit of every probability (see
:mod:`newsingest._language.accel`); without it, pure-Python langdetect runs.

Two levels, two rules (see ``docs/language.md`` for the measurements behind them):

* the article (:func:`detect_language`): a one-language script names its language from
  a few letters; otherwise langdetect's best language, from :data:`MIN_LETTERS` letters,
  or from fewer when it is sure and the measured floor for that language
  (:data:`SHORT_MIN_LETTERS`) or its own words or letters allow; Malay told from
  Indonesian by its words (:mod:`newsingest._language.malay`); the outlet's language decides close
  calls;
* each paragraph (:func:`paragraph_languages`): ``None`` below
  :data:`PARAGRAPH_MIN_LETTERS` letters; the article's language when the paragraph's
  function words or script show it (cheap, :mod:`newsingest._language.words`);
  otherwise langdetect on the paragraph alone, kept only when it is sure
  (:data:`PARAGRAPH_MIN_CONFIDENCE`) and, for a line with no sign of any language, only
  when it is the article's.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import attrs

from newsingest._language import malay
from newsingest._language import words as langdetect_words
from newsingest._language.seeded import stock_probabilities
from newsingest.errors import MissingExtraError

#: Fewer letters than this and a language is a guess: we answer ``None`` instead
#: (a Han, kana or Hangul character counts as three letters: see :func:`count_letters`).
MIN_LETTERS = 40
#: Below :data:`MIN_LETTERS`, an answer of one of these languages is kept from this many
#: letters on when langdetect is sure of it (:data:`SHORT_MIN_CONFIDENCE`). Learned on half
#: of the lingua sentences (``python benchmarks/bench_language.py floors``): the lowest floor
#: (in steps of 5, from 10) at which that language's answers are still at least 99% right,
#: no 5-letter band below 95%; checked on the other half (docs/language.md, *Short texts*).
#: A language not listed (no measurement: Afrikaans, Catalan, Bulgarian, ...) keeps
#: :data:`MIN_LETTERS`, as do its answers on too little data.
SHORT_MIN_LETTERS: dict[str, int] = {
    "de": 10, "fa": 10, "fr": 20, "hi": 10, "id": 10, "it": 10, "nl": 10, "pl": 10, "pt": 25,
    "ru": 35, "sw": 10, "tl": 25, "tr": 10, "vi": 10,
}  # fmt: skip
#: No text shorter than this is given a language by the detector (the script may name one).
SHORTEST = 10
#: How sure langdetect must be of a text shorter than :data:`MIN_LETTERS`.
SHORT_MIN_CONFIDENCE = 0.99
#: A paragraph needs this many letters before it gets a language of its own.
PARAGRAPH_MIN_LETTERS = 40
#: A paragraph langdetect has to judge alone keeps its answer only at this probability
#: (langdetect averages 7 trials: 6 of 7 agreeing gives 0.857).
PARAGRAPH_MIN_CONFIDENCE = 0.85
#: At most this many paragraphs of one article are given to the detector (the rest of
#: those the cheap check cannot confirm get ``None``), so that a hostile input of
#: thousands of odd paragraphs costs bounded time (typical articles need 0 to 5).
PARAGRAPH_MAX_DETECTIONS = 100
#: A prior (the outlet's language) wins when it is within this much of the best guess.
PRIOR_MARGIN = 0.2
#: Languages langdetect has no profile for, and the profile their text gets: with such
#: a prior, that answer is taken to be the prior (a Malay outlet's text comes out ``id``).
UNPROFILED: dict[str, str] = {"ms": "id"}
#: Without an outlet prior of one of these, text langdetect calls Indonesian is Malay when
#: its words say so (:func:`newsingest._language.malay.is_malay`); with one, the outlet decides.
MALAY_INDONESIAN = frozenset({"id", "ms"})


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
    """langdetect with a fixed seed and a private, lazily loaded profile set.

    ``accelerate``: ``None`` (default) uses langdetect-rs when it is installed, ``True``
    requires it (``ImportError`` otherwise), ``False`` always runs pure-Python langdetect.
    :attr:`backend` says which one runs.
    """

    def __init__(self, seed: int = 0, accelerate: bool | None = None) -> None:
        self.seed = seed
        self.accelerate = accelerate
        self._probabilities = None
        self._backend: str | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:
        """Pickles as its settings: a worker process loads its own profiles."""
        return {"seed": self.seed, "accelerate": self.accelerate}

    def __setstate__(self, state: dict) -> None:
        LangdetectDetector.__init__(self, **state)

    @property
    def backend(self) -> str:
        """``"langdetect-rs"`` or ``"langdetect"`` (loads the profiles on first use)."""
        self._load()
        assert self._backend is not None
        return self._backend

    def _load(self):
        if self._probabilities is None:
            with self._lock:
                if self._probabilities is None:
                    self._probabilities, self._backend = self._make()
        return self._probabilities

    def _make(self):
        if self.accelerate is not False:
            from newsingest._language.accel import load_factory

            probabilities = load_factory(self.seed)
            if probabilities is not None:
                return probabilities, "langdetect-rs"
            if self.accelerate:
                raise MissingExtraError("accelerate=True needs langdetect-rs: pip install newsingest[fast]")
        return stock_probabilities(self.seed), "langdetect"

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        """langdetect's own answer: ``(code, probability)`` pairs as it gives them, unrounded.

        Codes are langdetect's (``zh-cn``, ``zh-tw``); ``[]`` when the text has no
        features langdetect can use.
        """
        return self._load()(text) or []

    def candidates(self, text: str) -> list[LanguageGuess]:
        return [LanguageGuess(_normalise_code(lang), round(prob, 3)) for lang, prob in self.probabilities(text)]


def _normalise_code(code: str) -> str:
    """langdetect says ``zh-cn``/``zh-tw``; we report ISO 639-1 ``zh``."""
    return code.split("-")[0]


def count_letters(text: str, limit: int | None = None) -> int:
    """Letters in ``text``, Han, kana and Hangul counting three times; stops at ``limit``.

    Three, because langdetect needs about a third as many of those characters as
    letters of an alphabet to be as sure (see docs/language.md).
    """
    return langdetect_words.count_letters(text, limit)


def detect_language(
    text: str, detector: LanguageDetector, prior: str | None = None, *, min_letters: int = MIN_LETTERS
) -> LanguageGuess | None:
    """The language of ``text``, or ``None`` when there is too little text to tell.

    * A text written in a script only one language uses (Thai, Hangul, Greek, Hebrew,
      kana, Armenian, Georgian, …: :func:`newsingest._language.words.script_language`)
      is that language from a few letters on, the detector not asked; the confidence is
      the share of the letters in that script.
    * Otherwise, below ``min_letters`` (:data:`MIN_LETTERS`), the detector's answer is
      kept only when it is at least :data:`SHORT_MIN_CONFIDENCE` sure and the text has
      the letters measured to be enough for that language (:data:`SHORT_MIN_LETTERS`), or
      letters only that language uses show it (Russian ы, Ukrainian ї:
      :func:`newsingest._language.words.letters_confirm`); never below :data:`SHORTEST`.

    Answers whose script does not occur in the text (Korean without Hangul) are
    dropped and the rest renormalised. ``prior`` (the outlet's language) decides
    close calls such as Indonesian against Malay: it wins when the detector ranks it
    within :data:`PRIOR_MARGIN` of its first choice, or when the first choice is the
    profile langdetect gives text in the prior's language (:data:`UNPROFILED`).
    """
    by_script = langdetect_words.script_language(text)
    if by_script is not None:
        return LanguageGuess(*by_script)
    letters = count_letters(text, limit=min_letters)
    if letters < min(min_letters, SHORTEST):
        return None
    ranked = _plausible(text, detector.candidates(text))
    if not ranked:
        return None
    best = _with_prior(ranked, prior)
    if letters < min_letters and not _short_answer_holds(best, text, letters):
        return None
    if best.language == "id" and prior not in MALAY_INDONESIAN and malay.is_malay(text):
        return LanguageGuess("ms", best.confidence)
    return best


def _short_answer_holds(guess: LanguageGuess, text: str, letters: int) -> bool:
    if guess.confidence < SHORT_MIN_CONFIDENCE:
        return False
    return letters >= SHORT_MIN_LETTERS.get(guess.language, MIN_LETTERS) or langdetect_words.confirms(
        guess.language, text, langdetect_words.words(text)
    )


def _with_prior(ranked: list[LanguageGuess], prior: str | None) -> LanguageGuess:
    best = ranked[0]
    if prior and best.language != prior:
        if UNPROFILED.get(prior) == best.language:
            return LanguageGuess(prior, best.confidence)
        for guess in ranked[1:]:
            if guess.language == prior and best.confidence - guess.confidence <= PRIOR_MARGIN:
                return guess
    return best


def _plausible(text: str, ranked: list[LanguageGuess]) -> list[LanguageGuess]:
    """``ranked`` without languages whose script is absent from ``text``, renormalised."""
    kept = [guess for guess in ranked if langdetect_words.has_script(text, guess.language)]
    if len(kept) == len(ranked) or not kept:
        return kept
    total = sum(guess.confidence for guess in kept)
    return [LanguageGuess(guess.language, round(guess.confidence / total, 3)) for guess in kept]


def paragraph_languages(
    texts: Sequence[str], article_language: str | None, detector: LanguageDetector, prior: str | None = None
) -> list[str | None]:
    """A language (or ``None``) for each paragraph of an article in ``article_language``.

    * fewer than :data:`PARAGRAPH_MIN_LETTERS` letters: ``None``, never a guess;
    * cheap evidence (:func:`newsingest._language.words.paragraph_evidence`), without
      the detector: function words or script confirm the article's language, or the
      paragraph has some of its function words and no sign of another language (no
      letter of another script, no function word of a language outside its family): the
      article's language;
    * otherwise the detector judges the paragraph alone, the article's language (or
      ``prior`` when there is none) deciding close calls; its answer is kept when its
      probability is at least :data:`PARAGRAPH_MIN_CONFIDENCE`, else ``None``. A paragraph
      with no sign of any language (no function word, the article's script: names, a
      byline, a heading) keeps only the article's language, else ``None``: there the
      detector is sure of rare neighbours (Tagalog for an Indonesian heading). After
      :data:`PARAGRAPH_MAX_DETECTIONS` detections, the rest get ``None``.
    """
    languages: list[str | None] = []
    paragraph_prior = article_language or prior
    detections = 0
    enough_letters = langdetect_words.has_letters
    words = langdetect_words.words
    # the usual paragraph is confirmed by its function words alone: that test, inlined
    confirmed_by_words = langdetect_words.function_word_test(article_language) if article_language else None
    for text in texts:
        if not enough_letters(text, PARAGRAPH_MIN_LETTERS):
            languages.append(None)
            continue
        tokens = words(text)
        if confirmed_by_words is not None and confirmed_by_words(tokens):
            languages.append(article_language)
            continue
        evidence = (
            langdetect_words.paragraph_evidence(
                article_language, text, tokens, words_failed=confirmed_by_words is not None
            )
            if article_language
            else "-"
        )
        if evidence in ("confirmed", "own"):
            languages.append(article_language)
        elif detections >= PARAGRAPH_MAX_DETECTIONS:
            languages.append(None)
        else:
            detections += 1
            guess = detect_language(text, detector, paragraph_prior, min_letters=0)
            if guess is None or guess.confidence < PARAGRAPH_MIN_CONFIDENCE:
                languages.append(None)
            elif evidence == "none" and guess.language != article_language:
                languages.append(None)  # no sign of any language: not a rare neighbour's either
            elif guess.language in MALAY_INDONESIAN and prior in MALAY_INDONESIAN:
                languages.append(prior)  # the outlet decides between the two, whatever the article
            else:
                languages.append(guess.language)
    return languages
