"""Split plain text into blocks, and guess each block's kind.

Scrapers leave paragraphs one per line, or separated by blank lines, and
sometimes hard-wrap them. Every non-empty line starts a new block unless it
plainly continues the previous one (the previous line did not end a sentence and
this one starts in lower case), so a heading glued to the paragraph below it is
still seen as its own block.
"""

from __future__ import annotations

import re
import unicodedata

from newsingest._text.leads import lead_alternation
from newsingest.model import Block

#: A list bullet and the spaces after it, at the start of a line; several in a row all go (``· • item``: one
#: taken off would leave the other for a second reading to take, property seed 2285).
BULLET_PREFIX = re.compile(r"^\s*(?:(?:[•·▪●◦‣∙]|[-*](?=\s))\s*)+")
_SENTENCE_END = (".", "!", "?", "…", ":", ";", '"', "”", "’", "'", ")", "»", "。", "！", "？")
_HEADING_NOT_END = (".", "!", "?", "…", ":", ";", ",", "。", "！", "？")
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
#: The characters a list bullet (:data:`BULLET_PREFIX`) starts with.
BULLET_CHARS = frozenset("•·▪●◦‣∙*-")
#: A line opening with a read-also link's lead-in (``Baca juga:``, ``Read more:``), as the read-also rule reads it.
_READ_ALSO_LINE = re.compile("(?i)(?:" + lead_alternation() + r")\s*:")


def normalize_whitespace(text: str) -> str:
    """Collapse runs of spaces, drop zero-width characters, keep the words."""
    return " ".join(_ZERO_WIDTH.sub("", text).split())


def to_nfc(text: str) -> str:
    """``text`` in Unicode's composed form (NFC): one spelling of ``é``, whatever the editor saved.

    Both paths read their text through it (plain text in :func:`normalize_text`, a page's
    blocks and metadata once extracted: :func:`blocks_in_nfc`), so a rule, a title and a
    re-ingested clean text all see the same characters. A text already in NFC (nearly all)
    is returned as it is after one quick check.
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):  # (isascii: a flag Python keeps)
        return text
    return unicodedata.normalize("NFC", text)


def blocks_in_nfc(blocks: list[Block]) -> list[Block]:
    """``blocks`` with their texts in NFC (:func:`to_nfc`); a block already so is kept as it is.

    For a page's extracted blocks: normalising them costs a few microseconds, the whole page
    (hundreds of kilobytes of markup) about half a millisecond.
    """
    return [
        block if (text := to_nfc(block.text)) is block.text else Block(text, block.kind, block.language)
        for block in blocks
    ]


def spaced_long_blocks(blocks: list[Block]) -> list[Block]:
    """``blocks`` with the glued sentences of those longer than :data:`GLUED_LINE_CHARS` spaced (:func:`spaced_sentences`).

    For a page's extracted blocks: adjacent inline elements glue their sentences as a browser
    shows them (``<span>… bombardments.</span><span>Neither …</span>``). Plain text of such a block
    is spaced when it is read (:func:`split_blocks`), so the page's is spaced the same way: the
    article's text, read again, gives the same blocks.
    """
    return [
        Block(spaced, block.kind, block.language) if (spaced := spaced_if_long(block.text)) != block.text else block
        for block in blocks
    ]


def normalize_text(text: str) -> str:
    """Unify line endings, Unicode form and invisible characters so rules see one spelling of each."""
    if text.isascii():  # (a flag Python keeps: no invisible characters, already NFC)
        return text.replace("\r\n", "\n").replace("\r", "\n")
    text = to_nfc(text)
    if any(char in text for char in _ZERO_WIDTH_CHARS):  # one fast scan a character: a regex class costs 10x
        text = _ZERO_WIDTH.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


#: A sentence glued to the next one without a space (``… scientists have warned.Listeria is …``, ``… burp?In
#: recent years``): what a scraper leaves when it joins a page's paragraphs on one line with nothing between
#: them. The word before it is all lower case, so a handle (``Rafi.Yudhika``), a place (``Lubuk Baja.Nagoya``),
#: an amount or an abbreviation (``U.S.A.``, ``e.g.``) is no glue; the next word opens with a capital and a
#: small letter, maybe after a quotation mark (whose sentence it belongs to is decided by the marks before it).
_GLUED_SENTENCE = re.compile(r"\b[a-z]{3,}[.!?](?=[\"“”]?[A-Z][a-z])")
#: A line longer than this is taken for paragraphs joined by a scraper, and searched for glued sentences
#: (a search costs a tenth of a plain-text ingest: paragraphs as written are not searched).
GLUED_LINE_CHARS = 1500


def spaced_sentences(line: str) -> str:
    """``line`` with a space put after each sentence glued to the next (:data:`_GLUED_SENTENCE`).

    A straight quotation mark between them closes the first sentence's quotation when
    an odd number stand before it (``… life forms?" Therefore``), else it opens the
    next (``… flexibility. "To date``); a curly one says which it is.
    """
    pieces, start = [], 0
    for match in _GLUED_SENTENCE.finditer(line):
        at = match.end()
        mark = line[at]
        if mark == "”" or (mark == '"' and line.count('"', 0, at) % 2 == 1):
            at += 1  # the mark closes the sentence before it
        pieces.append(line[start:at])
        start = at
    pieces.append(line[start:])
    return " ".join(pieces)


def spaced_if_long(line: str) -> str:
    """``line`` with its glued sentences spaced when it is longer than :data:`GLUED_LINE_CHARS`, else as it is."""
    return spaced_sentences(line) if len(line) > GLUED_LINE_CHARS else line


#: Quotation marks and brackets that may close a sentence after its full stop (``… "all-timer."``, ``… (sic.)``).
CLOSING_MARKS = "\"'”’»)]"


def split_blocks(text: str) -> list[Block]:
    """Turn plain text into paragraph, heading and list-item blocks."""
    texts: list[str] = []  # each block's first line, then its text
    kinds: list[str] = []
    more: list[str] = []  # the lines continuing the last block (rare), joined to it once it is done
    previous_line = ""
    lines = normalize_text(text).split("\n")
    if max(map(len, lines)) > GLUED_LINE_CHARS:  # (a scrape that joined the page's paragraphs: rare, and searched)
        lines = [spaced_if_long(line) for line in lines]
    for number, raw_line in enumerate(lines):
        words = raw_line.split()
        if not words:
            previous_line = ""
            continue
        bullet = (
            BULLET_PREFIX.match(raw_line) if words[0][0] in BULLET_CHARS and raw_line.strip() not in _DASHES else None
        )
        if bullet and previous_line and len(texts) == 1 and _dateline_split(previous_line, words, lines, number):
            more.append(" ".join(words))  # ``Jakarta`` / ``- Menjelang …``: one paragraph, dash and all
        elif bullet:
            line = " ".join(raw_line[bullet.end() :].split())
            if not line:
                previous_line = ""  # an empty list item separates, as a blank line does
                continue
            more = _joined(texts, more)
            texts.append(line)
            kinds.append("list_item")
        else:
            line = " ".join(words)
            if (
                previous_line
                and kinds[-1] == "paragraph"
                and (
                    # a finished line is continued only by one that starts by closing it (what
                    # _continues and _link_break decide there, tested at once: the usual case);
                    # a dash alone under it separates (``… pungkasnya. (Edi)`` / ``-``)
                    (_starts_closing(line) and line not in _DASHES)
                    or (line[:1].islower() and _closed_mid_sentence(previous_line))
                    if previous_line.endswith(_SENTENCE_END)
                    else (
                        _continues(previous_line, line)
                        or _link_break(previous_line, line, lines, number)
                        or (len(texts) == 1 and _in_open_dateline(texts[0], more))
                    )
                    # (a read-also link's text is a headline: what comes under it is the sentence it cut)
                    and _READ_ALSO_LINE.match(previous_line) is None
                )
            ):
                more.append(line)  # (joined by a space: words stay words)
            elif line in _DASHES:
                previous_line = ""  # a dash alone that continues nothing separates, as a blank line does
                continue
            else:
                more = _joined(texts, more)
                texts.append(line)
                kinds.append("paragraph")
        previous_line = line
    _joined(texts, more)
    last = len(texts) - 1
    return [  # a heading-like paragraph that introduces more text is a heading (as mark_headings does)
        Block(
            block_text,
            "heading"
            if kind == "paragraph"
            and index < last
            and not block_text.endswith(_HEADING_NOT_END)  # (looks_like_heading's first test, inlined)
            and looks_like_heading(block_text)
            else kind,
        )
        for index, (block_text, kind) in enumerate(zip(texts, kinds, strict=True))
    ]


def _dateline_split(previous: str, words: list[str], lines: list[str], number: int) -> bool:
    """The first line a place, the next its dash and the first sentence: a dateline broken at its link.

    ``Jakarta`` / ``- Menjelang tahun baru, PT ASDP …`` (how detik text arrives): the
    dash is the dateline's, not a bullet. A list under a short heading has more
    items below, each a bullet; this is one long line followed by plain text.
    """
    if words[0] not in _DASHES or len(words) < 9 or previous.endswith(_HEADING_NOT_END):
        return False
    place = previous.split()
    if not 1 <= len(place) <= 3 or not all(word[:1].isupper() for word in place):
        return False
    following = next((line.lstrip()[:1] for line in lines[number + 1 :] if line.strip()), "")
    return following not in BULLET_CHARS


#: A dateline's place: one to three capitalised words.
_DATELINE_PLACE = re.compile(r"[A-Z][\w.]*+(?: [A-Z][\w.]*+){0,2}")
#: A block opened by a dateline this short (in words) has not said its first sentence yet.
_OPEN_DATELINE_WORDS = 8


def _in_open_dateline(first: str, more: list[str]) -> bool:
    """The block so far is a place, a dash alone on its line, and a few words: the next line goes on with it.

    detik puts each link's text on a line of its own, names in capitals too
    (``Jakarta`` / ``-`` / ``Presiden`` / ``Prabowo`` / ``Subianto memimpin …``):
    lines a heading could not be told from, but a dateline opens a sentence. Only
    the text's first block, a dash alone on its line (a list's ``Januari - 560.301
    unit`` is no dateline, nor a table's header ``Transfer Masuk`` / ``-`` / ``Transfer
    Keluar`` further down), and a short block: a long one is an opening that stops
    without a full stop.
    """
    if not more or more[0] not in _DASHES:
        return False
    if len(first.split()) + sum(len(line.split()) for line in more) > _OPEN_DATELINE_WORDS:
        return False
    return _DATELINE_PLACE.fullmatch(first) is not None


def _joined(texts: list[str], more: list[str]) -> list[str]:
    """Join the lines continuing the last block to it (once: joining line by line is quadratic).

    By a space, except before a line that starts with a comma, a full stop or a closing
    bracket, and after one that ends with an opening bracket: a paragraph broken at its
    links (``Jalur Gaza`` / ``.``, ``(`` / ``PKS`` / ``) …``) reads as it did on the page.
    """
    if more:
        parts = [texts[-1]]
        for line in more:
            # (a mark that starts a word, ``.NET``, keeps its space)
            tight = line[0] in _TIGHT_AFTER and (len(line) == 1 or not line[1].isalnum() or line[0] == ")")
            if not tight and parts[-1][-1] not in "([":
                parts.append(" ")
            parts.append(line)
        texts[-1] = "".join(parts)
        return []
    return more


#: What ends a sentence inside a closing bracket or quotation mark: ``… pulang. (Edi)``, ``"… siap!"``.
_STRONG_END = (".", "!", "?", "…", ":", ";", "。", "！", "？")
_CLOSING_QUOTES = ('"', "”", "’", "'", "»")


def _closed_mid_sentence(line: str) -> bool:
    """The line ends with a bracket or quotation mark closed mid-sentence: its sentence goes on.

    ``… Perguruan Tinggi Swasta (PTS)`` or ``"We are ready for the vote,"`` (the speaker on
    the next line): such a mark is no sentence end by itself, so a line starting in lower
    case continues it. A bracket alone on its line (an editor's ``(rgr/dry)``, the tags under it)
    and a mark after the sentence's own end (``… pulang. (Edi)``, ``"… siap!"``) close it.
    """
    if line.endswith(")"):
        before = line[: line.rfind("(")].rstrip() if "(" in line else ""
        return bool(before) and not before.endswith(_STRONG_END)
    inner = line.rstrip("".join(_CLOSING_QUOTES))
    return len(inner) < len(line) and bool(inner) and not inner.endswith(_STRONG_END)


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the previous one stopped mid-sentence, this one goes on in lower case."""
    return not previous.endswith(_SENTENCE_END) and line[:1].islower()


#: Characters that close what the previous line opened: a line starting with one continues it.
_CLOSERS = (".", ",", ";", ":", "!", "?", ")", "]", "…", "-", "–", "—")
_OPENERS = ("(", "[", "-", "–", "—", ",")
#: What a continuing line may start with that sticks to the word before it (not a dash: ``Jakarta - …``).
_TIGHT_AFTER = frozenset(".,;:!?)]")
_DASHES = frozenset("-–—")
#: ``.@GoyaFoods …``: the dot before a handle or tag that opens a tweet (:func:`_starts_closing`).
_TWEET_MARKS = ("@", "#")


def _starts_closing(line: str) -> bool:
    """Whether the line opens with what closes the line above (``.``, ``,``, ``)``, a dash…).

    Not ``.@GoyaFoods …`` or ``.#tag``: the dot before a handle that makes a tweet a
    public reply opens the tweet's own text.
    """
    return line.startswith(_CLOSERS) and line[1:2] not in _TWEET_MARKS


def _link_break(previous: str, line: str, lines: list[str], number: int) -> bool:
    """A paragraph a scraper broke at every inline link (how Kompas and detik text arrives).

    The page's link text went on a line of its own: ``… akan sowan ke Presiden`` /
    ``Prabowo Subianto`` / ``. Pertemuan …``. The pieces belong together when a
    line starts with what closes a sentence or bracket (``.``, ``,``, ``)``, a
    dash), when the previous one ends open (``(``, a dash, a comma), or when a
    short line without an ending sits between an unfinished line and one that
    continues it. A short heading between finished paragraphs is never joined, nor
    a labelled line (``Read more: …``, ``Penulis: …``): a link's text is a name or
    a phrase, not a label and its value.
    """
    if previous.endswith(_OPENERS) or _starts_closing(line):
        return True
    if previous.endswith(_SENTENCE_END) or len(line.split()) > 6 or line.endswith(_SENTENCE_END):
        return False
    if ": " in line:
        return False
    following = next((candidate.strip() for candidate in lines[number + 1 : number + 2]), "")
    if following in _DASHES:
        return False  # ``Jakarta`` / ``-`` / the first sentence: a dateline starts here (detik)
    return bool(following) and (following[:1].islower() or following.startswith(_CLOSERS))


_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "vs",
        "via",
        "with",
    ]
)


def looks_like_heading(text: str, max_words: int = 12) -> bool:
    """Short, unpunctuated and mostly capitalised: a subheading, not a sentence."""
    if text.endswith(_HEADING_NOT_END):  # the cheap test first: most paragraphs end in a full stop
        return False
    words = text.split()
    if not 0 < len(words) <= max_words or not any(map(str.isalpha, text)):
        return False  # (a line without a letter, "0" or "2023", is no heading)
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    if not content:
        return False
    initials = [w.lstrip("'\"‘“(«¿¡")[:1] for w in content]
    capitalised = sum(1 for c in initials if c.isupper() or c.isdigit())
    return capitalised / len(content) >= 0.75


#: How a first line that is a sentence of the body ends, and a headline does not.
_NOT_HEADLINE_END = (".", ",", ";", ":", "…", "-", "–", "—", "。")
_HEADLINE_OPENERS = "\"'‘“«"


def looks_like_headline(text: str, following: str) -> bool:
    """A first line that reads as a sentence-case headline above ``following``, the first paragraph.

    :func:`looks_like_heading` knows Title Case headlines. An outlet that writes its
    headlines in sentence case (``Obama makes pitch for 'Promise Zones' to boost
    depressed areas``) gives a line of 3 to 20 words that opens like a sentence and does
    not end like one, above a longer paragraph that does; one ending in ``?`` or ``!``
    counts only in Title Case (a question opening the body is a sentence). A lead
    sentence that lost its full stop to the scraper reads the same, which is why only a
    plugin whose outlet writes such headlines asks, and the generic header rule for a
    line above a byline or a date line (measured on realdata: in Indonesian text, where
    headlines are in Title Case, four lead sentences read so).
    """
    if text.endswith(_NOT_HEADLINE_END) or not following.endswith(_SENTENCE_END):
        return False
    words = text.split()
    if not 3 <= len(words) <= 20 or len(following.split()) <= len(words):
        return False
    first = text.lstrip(_HEADLINE_OPENERS)[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if text.endswith(("?", "!")):  # a question or an exclamation opening the body is a sentence, unless in Title Case
        return looks_like_heading(text.rstrip("?!"), max_words=20)
    return True


def mark_headings(blocks: list[Block]) -> list[Block]:
    """Mark heading-like paragraphs that introduce more text as headings."""
    marked = list(blocks)
    for index, block in enumerate(blocks[:-1]):
        if block.kind == "paragraph" and looks_like_heading(block.text):
            marked[index] = Block(block.text, "heading", block.language)
    return marked
