"""Photo captions: paragraphs that end in a photographer or agency credit.

A caption is recognised by its tail, the text after its last sentence end: when
that tail is nothing but credits (``Name/AFP via Getty Images``, ``REUTERS/Name``,
``AP Photo/Name``, ``Sergey Shestak/AFP/Getty``, several joined by ``;``) the
paragraph is a caption. Only the tail (at most :data:`MAX_CREDIT_CHARS`) is
matched, which keeps the pattern cheap on long paragraphs. A short block whose
credit follows a ``Foto:``/``Photo:`` label (``… Foto: Luthfi Anshori/detikOto``)
is a caption too, whatever the credit names (:func:`labelled_credit`).
"""

from __future__ import annotations

import functools
import re
import string

import attrs

from newsingest._text.draft import Draft

AGENCIES = (
    "AFP",
    "AP",
    "AP Photo",
    "AP Images",
    "Getty",
    "Getty Images",
    "Reuters",
    "REUTERS",
    "EPA",
    "EPA-EFE",
    "Bloomberg",
    "Anadolu",
    "Anadolu Agency",
    "Sipa USA",
    "Sipa",
    "NurPhoto",
    "SOPA Images",
    "LightRocket",
    "Xinhua",
    "TASS",
    "Sputnik",
    "Kyodo",
    "Shutterstock",
    "iStock",
    "Alamy",
    "Pool",
    "Handout",
    "ANTARA FOTO",
    "dpa",
    "picture alliance",
    "Imago",
)

MAX_CREDIT_CHARS = 200

_NAME = r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,4}"
_SEPARATOR = r"\s*[;,]\s*"
# The tail starts after the last sentence end (". ", "… ", ") ") or the start.
_TAIL_START = re.compile(r"[.!?…)\]]\s+")


def _atomic_credit(group: str, one_credit: str) -> str:
    """One credit, matched atomically: inside a lookahead, then consumed by back-reference.

    A credit never contains ``;`` or ``,``, so it can only end at a separator or at the end
    of the text; pinning it there and taking it whole keeps a run of credits that fails at
    its end (``AFP/AFP; AFP/AFP; … x``) from being re-split in exponentially many ways.
    Under ``fullmatch`` the strings accepted are the same as without the lookahead.
    """
    return rf"(?=(?P<{group}>{one_credit}(?={_SEPARATOR}|\Z)))(?P={group})"


@functools.lru_cache(maxsize=32)
def credit_patterns(agencies: tuple[str, ...] = AGENCIES) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The credit pattern and the agency-at-the-end pattern for a set of agency names.

    Outlet plugins add their own outlet's name (``NBC News``, ``Newsweek``) through
    :class:`Captions` ``own_credits``; the generic set names agencies only.
    """
    agency = "(?:" + "|".join(sorted((re.escape(a) for a in agencies), key=len, reverse=True)) + ")"
    one_credit = (
        r"(?:(?:Photo(?:graph)?(?: illustration)?(?: by)?|Foto|Credit)\s*:?\s*)?"
        r"(?:"
        rf"(?:{_NAME}/)?{agency}(?:/{agency})*(?: via {agency})?"  # Name/AFP/Getty, AFP via Getty Images
        rf"|{agency}/{_NAME}"  # REUTERS/Name, AP Photo/Name
        rf"|{_NAME} (?:via|for) {agency}"  # Name via Getty Images
        r")"
    )
    credit = re.compile(rf"{_atomic_credit('first', one_credit)}(?:{_SEPARATOR}{_atomic_credit('next', one_credit)})*")
    return credit, re.compile(rf"{agency}$")


CREDIT, _AGENCY_AT_END = credit_patterns()


def credit_tail(text: str, agencies: tuple[str, ...] = AGENCIES) -> str | None:
    """The credit at the end of ``text``, or ``None`` if it does not end in one."""
    credit, agency_at_end = credit_patterns(agencies)
    text = text.strip()
    if "/" not in text[-MAX_CREDIT_CHARS:] and not agency_at_end.search(text, max(0, len(text) - 40)):
        return None  # every credit form has a slash or ends in an agency name
    tail_start = 0
    past_initials = 0  # the same, passing over a capital's full stop (an initial: ``Timothy A. Clary``)
    window = text[-MAX_CREDIT_CHARS:]
    offset = len(text) - len(window)
    for match in _TAIL_START.finditer(window):
        tail_start = offset + match.end()
        if not _is_initial(window, match.start()):
            past_initials = tail_start
    if tail_start == 0 and offset:
        return None  # a long paragraph with no sentence end near its end
    # the tail after the last sentence end that is no initial's (``… 2023. Timothy A. Clary/AFP via Getty
    # Images``, ``AP Photo/J. Scott Applewhite``); failing that, after the last one (``… vitamin D. Getty Images``)
    starts = (past_initials, tail_start) if past_initials or not offset else (tail_start,)  # (none in the window)
    for start in dict.fromkeys(starts):
        tail = text[start:]
        inner = tail[1:-1] if tail.startswith("(") and tail.endswith(")") else tail  # "(AP Photo/Name)"
        if credit.fullmatch(inner):
            return tail
    return None


def _is_initial(text: str, at: int) -> bool:
    """Whether the mark at ``at`` is a full stop after a capital standing alone (``A.``, ``/J.``)."""
    return text[at] == "." and at >= 1 and text[at - 1].isupper() and (at == 1 or text[at - 2] in " /(")


#: A credit after its label at the end of a block: ``… Foto: Luthfi Anshori/detikOto``, ``(Foto: dok.
#: Istimewa)``, ``Foto: (Name/detikcom)``, ``Photo: Jane Smith``. The label is capitalised and the credit opens
#: with a capital or ``dok``/``Doc`` (documentation): ``foto: sebuah rumah`` and ``Photo: upload a …`` are sentences.
_LABELLED = re.compile(
    r"(?:^|(?<=\s))(?P<open>\()?(?:Foto|FOTO|Photo|PHOTO) ?: ?\(?(?P<credit>(?:[A-Z]|[Dd]ok\b|Doc\b)[^\n:()]{0,80}?)"
    r"\.?\)?(?(open)\))\.?$"
)
#: The labels :data:`_LABELLED` opens with, and the same with their colon as draft needles (case-folded).
_LABELS = ("Foto", "FOTO", "Photo", "PHOTO")
_LABEL_NEEDLES = ("foto:", "foto :", "photo:", "photo :")
#: The longest credit after a label, in words (``David Buono/Icon Sportswire via Getty Images``: six).
_LABELLED_WORDS = 8
#: The longest block a labelled caption is taken from: a long paragraph is not a caption.
_LABELLED_BLOCK_CHARS = 500


def labelled_credit(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` of a block ending in a labelled credit (see :data:`_LABELLED`), else ``None``."""
    text = text.strip()
    if len(text) > _LABELLED_BLOCK_CHARS:
        return None
    # the last label, found at C speed: the pattern is tried from there only (a search trying every
    # position of the tail cost more than the rest of the caption rule)
    at = max(text.rfind(label) for label in _LABELS)
    if at < max(0, len(text) - MAX_CREDIT_CHARS):
        return None
    match = _LABELLED.search(text, max(0, at - 1))
    if match is None or len(match.group("credit").split()) > _LABELLED_WORDS:
        return None
    return text[: match.start()].strip(), match.group("credit").strip()


@functools.lru_cache(maxsize=32)
def _last_chars(agencies: tuple[str, ...]) -> frozenset[str]:
    """The characters a credit without a slash can end in: those its agency names end in."""
    return frozenset(agency[-1] for agency in agencies if agency)


@functools.lru_cache(maxsize=32)
def _after_slash(agencies: tuple[str, ...]) -> frozenset[str]:
    """What a credit's last slash is followed by: a name's capital, or an agency's first character."""
    return frozenset(string.ascii_uppercase) | frozenset(agency[0] for agency in agencies if agency)


def _may_end_in_credit(
    text: str, agencies: tuple[str, ...], last_chars: frozenset[str], after_slash: frozenset[str]
) -> bool:
    """Whether ``text`` (stripped) can end in a credit :func:`credit_tail` accepts: the cheap tests it needs.

    A credit with a slash has the text's last slash in it, right before a name or an agency
    (``Name/AFP``, ``REUTERS/Name``): a date's slash (``(9/6/2025)``, in most Indonesian
    paragraphs) is followed by a figure. A parenthesised credit ends the text with ``)``; one
    without a slash ends with an agency's name. Every text ``credit_tail`` finds a credit in
    passes (``tests/test_cleaners.py`` checks it on any text).
    """
    at = text.rfind("/")
    if at != -1 and at >= len(text) - MAX_CREDIT_CHARS and (text[at + 1 : at + 2] in after_slash or text[-1:] == ")"):
        return True
    return text[-1:] in last_chars and text.endswith(agencies)


@attrs.frozen
class Captions:
    """Move caption paragraphs to ``metadata.captions`` as ``{text, credit}``.

    A list item is judged as a paragraph is: the clean text keeps no bullets, so the
    same line must get the same answer when that text is ingested again.

    ``own_credits`` are names that count as credits besides the agencies: an
    outlet plugin replaces the generic ``caption`` rule with one that knows its
    outlet's own photo credit (``Captions("nbc-caption", own_credits=("NBC News",))``).
    ``credit_lines=False`` leaves a block that is a credit alone where it is, for a
    plugin whose own rule knows which block above it is its caption.
    """

    name: str = "caption"
    reason: str = "photo caption (ends in an agency or photographer credit)"
    own_credits: tuple[str, ...] = ()
    credit_lines: bool = True

    def apply(self, draft: Draft) -> None:
        agencies = AGENCIES + self.own_credits
        last_chars = _last_chars(agencies)
        # the blocks that can end in a credit (a slash near the end, or an agency's name at the
        # end: its last character first, the cheaper test), found in one pass over the texts every
        # rule shares: credit_tail, the dear test, runs on those only
        texts = draft.stripped_texts()
        after_slash = _after_slash(agencies)
        candidates = [
            index for index, text in enumerate(texts) if _may_end_in_credit(text, agencies, last_chars, after_slash)
        ]
        # a labelled credit (``Foto: …``) needs its label somewhere in the text: one look at the
        # draft's folded text (kept for every rule's needles) before any block is read for it
        labels = draft.may_contain(_LABEL_NEEDLES)
        if not candidates and not labels:
            return  # the usual case
        tried = set(candidates)
        removed = 0  # blocks taken out so far: the indices above were counted before
        for index in range(len(texts)) if labels else candidates:
            at = index - removed
            block = draft.blocks[at]
            credit = credit_tail(block.text, agencies) if index in tried else None
            labelled = labelled_credit(block.text) if credit is None and labels else None
            if labelled is not None:
                caption, credit = labelled
            elif credit is not None:
                caption = block.text.strip()[: -len(credit)].strip()
            else:
                continue
            if not caption and not self.credit_lines:
                continue
            draft.remove(at, self.reason, self.name, moved_to="metadata.captions")
            removed += 1
            draft.add_metadata("captions", {"text": caption, "credit": credit.strip("()")}, many=True)


CAPTIONS = Captions()
