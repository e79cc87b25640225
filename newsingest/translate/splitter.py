"""Rule-based sentence splitting: offline, deterministic and fast.

Translation models are trained on single sentences, so a paragraph has to be cut
into sentences before it is translated. Argos Translate's own ``translate()`` does
that with Stanza or MiniSBD models that are downloaded on first use, which we must
never do at translate time; these rules need nothing but ``re``.

The rules prefer a missed boundary to a wrong one: two sentences translated
together still read well, while a sentence cut at "Dr." or "U.S." does not.

* A boundary follows ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
  brackets), then whitespace, then something that can start a sentence: an
  upper-case or uncased letter, a digit, or an opening quote or bracket.
* CJK full stops ``。！？`` end a sentence even with no space after them.
* A full stop after a known abbreviation, an initial ("J. K. Rowling") or a
  dotted acronym ("U.S.") is no boundary; nor, for languages that write ordinals
  with a full stop (German "3. Oktober"), is one after a short number.
* A line break is always a boundary.
* A run-on "sentence" longer than ``max_chars`` is cut at a clause mark or a
  space, so one giant input cannot be truncated by the model's input limit.
"""

from __future__ import annotations

import re

#: Closing quotes and brackets that stay with the sentence they end.
_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)\\]}\u300d\u300f\uff09\u3011\u3015"
#: Opening quotes and brackets that can start a sentence.
_OPENERS = "\"'\u201c\u2018\u201e\u00ab\u2039([{\u300c\u300e\uff08\u3010\u3014\u00bf\u00a1"

_CANDIDATE = re.compile(
    rf"(?P<cjk>[\u3002\uff01\uff1f\uff61]+)[{_CLOSERS}]*"
    rf"|(?P<latin>[.!?\u2026\u203c\u2047\u2048\u2049]+)[{_CLOSERS}]*"
)
_WORD_BEFORE = re.compile(rf"([^\s{re.escape(_OPENERS)}]+)$")
_DOTTED_ACRONYM = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")
_CLAUSE_BREAK = re.compile(r"[;:,\u3001\uff0c\uff1b\uff1a]\s*")

#: Lower-cased, without the final full stop. Abbreviations that often *end* a
#: sentence ("etc.", "dll.") are left out on purpose: a capital after them is more
#: often a new sentence than not.
ABBREVIATIONS = frozenset(
    {
        # English titles, ranks and common abbreviations
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col",
        "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres",
        "inc", "ltd", "co", "corp", "no", "nos", "vol", "vs", "approx", "dept", "fig",
        "e.g", "i.e", "a.m", "p.m", "ph.d", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
        "sat", "sun",
        # Indonesian / Malay
        "bpk", "sdr", "sdri", "yth", "tsb", "jl", "jln", "kec", "kab", "prov", "hlm",
        "drs", "dra", "ir", "h", "hj", "rp", "a.l", "s.h", "s.e", "s.pd", "m.si",
        # German, French, Spanish, Portuguese, Italian, Dutch
        "z.b", "bzw", "ca", "nr", "str", "hr", "fr", "mme", "mlle", "sra", "srta",
        "ud", "uds", "sig", "dott", "ing", "blz",
    }
)  # fmt: skip

#: Languages that write ordinal numbers with a full stop ("3. Oktober").
ORDINAL_DOT_LANGUAGES = frozenset(
    {"de", "da", "nb", "nn", "no", "fi", "cs", "sk", "sl", "hr", "sr", "bs", "hu", "pl", "tr", "et", "lv", "is"}
)

DEFAULT_MAX_CHARS = 500


def _can_start_sentence(char: str) -> bool:
    if char.isdigit() or char in _OPENERS:
        return True
    return char.isalpha() and not char.islower()


def _is_non_boundary_stop(before: str, language: str | None) -> bool:
    """Whether a single full stop after ``before`` belongs to a word, not a sentence end."""
    match = _WORD_BEFORE.search(before)
    if match is None:
        return False
    word = match.group(1)
    lowered = word.lower()
    if lowered in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. K. Rowling"
    if _DOTTED_ACRONYM.match(word):
        return True  # "U.S", "P.B.B"
    # "3. Oktober": a short number before the stop is an ordinal in these languages.
    return language in ORDINAL_DOT_LANGUAGES and word.isdigit() and len(word) <= 2


def _split_line(line: str, language: str | None) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(line):
        end = match.end()
        if match.group("latin") is not None:
            rest = line[end:]
            stripped = rest.lstrip()
            if stripped and (len(stripped) == len(rest) or not _can_start_sentence(stripped[0])):
                continue  # no space after it ("3.5", "example.com") or a lower-case word follows
            if match.group("latin") == "." and _is_non_boundary_stop(line[start : match.start()], language):
                continue
        sentence = line[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    tail = line[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _cut_long(sentence: str, max_chars: int) -> list[str]:
    """Cut a run-on sentence into pieces of at most ``max_chars`` characters."""
    pieces: list[str] = []
    rest = sentence
    while len(rest) > max_chars:
        window = rest[:max_chars]
        cut = 0
        for match in _CLAUSE_BREAK.finditer(window):
            if match.end() > max_chars // 2:
                cut = match.end()
        if not cut:
            space = window.rfind(" ", max_chars // 2)
            cut = space + 1 if space > 0 else max_chars
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return [piece for piece in pieces if piece]


def split_sentences(text: str, language: str | None = None, *, max_chars: int = DEFAULT_MAX_CHARS) -> list[str]:
    """Split ``text`` into sentences, stripped of surrounding whitespace.

    ``language`` (an ISO 639-1 code) only switches on language-specific rules;
    any language can be split. Empty or blank text gives ``[]``.
    """
    sentences: list[str] = []
    for line in text.splitlines():
        for sentence in _split_line(line, language):
            if len(sentence) > max_chars:
                sentences.extend(_cut_long(sentence, max_chars))
            else:
                sentences.append(sentence)
    return sentences
