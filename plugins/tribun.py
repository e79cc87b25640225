"""The Tribun network (tribunnews.com and its regional sites; one template, Indonesian).

Noise: the reporter line, the ``TRIBUNNEWS.COM, CITY -`` dateline glued to the
first sentence, ``Baca juga:`` lines, ``(Tribunnews.com/Name)`` and ``(*)``
attributions, the ``Artikel ini telah tayang di …`` syndication footer, credit
lines (``Penulis:``, ``Editor:``, ``Sumber:``), ``Berita Terkait`` blocks,
pagination and Google News prompts. Sentences quoting a foreign outlet
(``kata X kepada Newsweek``) are body text.

Recognised from text only on the network's own evidence: one of its brands
(enumerated from real datelines and attributions, see :data:`BRAND`) opening a
line as a dateline, in an attribution, a reporter line, a syndication footer or
a brand's own prompt. Habits every Indonesian outlet shares (``Baca juga``, a
Google News prompt) are not evidence.
"""

from __future__ import annotations

import functools
import re
from types import MappingProxyType

import attrs
from lxml import etree

from newsingest import CutInline, Draft, DropLine, Extract, Plugin, Signature
from newsingest._text.blocks import looks_like_heading
from newsingest._text.match import fold
from newsingest.model import Block

from ._rules import GatedExtract, MatchFirstDropLine

TRIBUN_DOMAINS = (
    "tribunnews.com",
    "tribunjogja.com",
    "tribunjateng.com",
    "tribunjatim.com",
    "tribunnewsbogor.com",
    "tribun-medan.com",
    "tribun-timur.com",
    "tribunbatam.id",
    "tribunmanado.co.id",
    "tribunpontianak.co.id",
    "tribunkaltim.co",
    "tribunlampung.co.id",
    "surya.co.id",
    "serambinews.com",
    "bangkapos.com",
    "sripoku.com",
    "wartakotalive.com",
    "banjarmasinpost.co.id",
    "pos-kupang.com",
    "tribunjabar.id",
    "tribunjambi.com",
    "tribun-bali.com",
    "tribunpekanbaru.com",
    "tribungorontalo.com",
    "tribunsumsel.com",
    "tribunjakarta.com",
    "tribunpadang.com",
    "tribunkalteng.com",
    "tribun-papua.com",
    "tribunsolo.com",
    "suryamalang.com",
    "prohaba.co",
    "posbelitung.co",
)

#: The network's brands as its datelines, attributions and reporter lines write them (any case),
#: enumerated from 785 real articles of 30 regional sites: ``TRIBUNJATENG.COM``, ``Tribun-Medan.com``,
#: ``SURYAMALANG.COM``, ``PROHABA.CO``, ``BANGKAPOS.COM``, ``SRIPOKU.COM``, ``SERAMBINEWS.COM``,
#: ``BANJARMASINPOST.CO.ID``, ``WARTAKOTALIVE.COM``, ``POS-KUPANG.COM`` (also ``POS KUPANG.COM``);
#: and ``PosBelitung.co``, the network's Belitung paper (belitung.tribunnews.com), seen in a real
#: syndication footer outside that corpus.
BRAND = (
    r"(?:tribun[a-z\-]{0,20}|surya(?:malang)?|sripoku|serambinews|bangkapos|banjarmasinpost"
    r"|wartakota(?:live)?|pos[\- ]kupang|posbelitung|prohaba)"
)
#: The top-level domain after a brand, as written (``.com``, ``.co.id``, ``.id``, ``.co``; ``,COM`` once,
#: ``,co,id`` once).
TLD = r"(?:[.,] ?(?:com|co[.,]id|co|id)| (?:com|co\.id))\b"
#: One of these holds every piece of Tribun evidence: the brands as written before their domain
#: (``surya.`` and ``pos-kupang``, not ``surya`` and ``kupang``, which are also names of people and places).
BRAND_NEEDLES = (
    "tribun",
    "surya.",
    "suryamalang",
    "sripoku",
    "serambinews",
    "bangkapos",
    "banjarmasinpost",
    "wartakota",
    "pos-kupang",
    "pos kupang",
    "posbelitung",
    "prohaba",
)

#: A Tribun-network site name (``Tribunnews.com``), in any case.
_SITE_ANY_CASE = rf"{BRAND}{TLD}"


_URL_AT_END = re.compile(r",\s*(https?://\S+?)\s*\.?$")
#: A Google News prompt a scraper glued to the footer's line: ``…, Update berita lainnya di PROHABA.co dan
#: Google News``, ``Kompas.com - Ikuti Saluran WhatsApp Tribun Manado dan Google News Tribun Manado …``.
_FOOTER_PROMPT = re.compile(
    r"(?i)\s*[,.\-–]\s*(?:update|ikuti|baca|simak|akses|dapatkan)\b[^\n]{0,120}?\bgoogle ?news\b[^\n]*$"
    # the related-news header under the footer, joined to its line: ``…, Berita terkait lainnya``
    r"|\s*[,.\-–]\s*berita (?:terkait|lainnya|lain)(?: lainnya)?\s*:?\s*$"
)
#: Quotes around the whole title: ``dengan judul "Kusnadi: Saya Tidak Diculik"``.
_QUOTED_TITLE = re.compile(r'^["“”](?P<title>[^"“”]+)["“”]$')


def parse_syndication(text: str) -> dict[str, str]:
    """``Site dengan judul Title, url`` → its parts.

    The title may hold commas itself, so the URL is whatever follows the last
    comma, when that is a URL. A Google News prompt glued on after the site or
    the title is not part of either (the title is what links a copy to its original).
    """
    text = _FOOTER_PROMPT.sub("", text)
    site, found, rest = text.partition(" dengan judul ")
    if not found:
        return {"site": text.strip()}
    url = _URL_AT_END.search(rest)
    title = (rest[: url.start()] if url else rest).strip().rstrip(".,").strip()  # (a URL missing after its comma)
    quoted = _QUOTED_TITLE.match(title)
    title = quoted.group("title").strip() if quoted else title
    parts = {"site": site.strip(), "title": title}
    if url:
        parts["url"] = url.group(1)
    return parts


_NAME_WORDS = re.compile(r"[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|bin|binti|de|van|al))*")
_REPORTER = re.compile(
    r"(?i)^(?:laporan(?: langsung)?(?P<role> (?:wartawan|reporter|kontributor|jurnalis))?|reporter\s*:)\s+(?P<rest>[^\n]{2,140})$"
)
#: The site opening what follows ``Laporan Wartawan``, and the comma or slash after it (``Tribun Medan / Name``).
_REPORTER_SITE = re.compile(
    rf"(?i)^(?:tribun [a-z]{{2,20}}(?=\s*[,/])|{BRAND}(?:{TLD})?|tribun [a-z]{{2,20}})\s*[,/]?\s*"
)
#: What follows a reporter's name on the line: where from (``dari Osaka``) or the place (``I Lhokseumawe``,
#: ``| Banda Aceh``, and ``l Aceh Singkil`` where a lower-case L stands for the bar).
_AFTER_NAME = re.compile(r"\s+(?:dari|I|l|\||-|–)\s+.*$")


#: A reporter line with a lower-case line glued on: ``Laporan Wartawan Tribunnews.com, Budi Santoso date …``.
_GLUED_REPORTER = re.compile(
    rf"(?P<line>(?i:laporan(?: wartawan| reporter| kontributor)?\s+{BRAND}{TLD})\s*,?\s*"
    r"(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,5}))(?P<tail> [a-z][^\n]*)$"
)


def reporter_line_name(match: re.Match[str]) -> str | None:
    """The person a :data:`_REPORTER` match names: a reporter line says who (``Wartawan``) or for which site.

    ``Laporan`` alone opens sentences too (``Laporan itu diterima Kapolres, Budi Santoso.``):
    without the role or a site after it, all that follows must be the name (and the place:
    ``Laporan Sara Masroni | Banda Aceh``), not the last of several parts.
    """
    rest = match.group("rest")
    if not match.group("role") and match.group(0)[:1] in "lL" and not _REPORTER_SITE.match(rest):
        return clean_name(rest)
    return reporter_name(rest)


def reporter_name(rest: str) -> str | None:
    """The person in what follows ``Laporan Wartawan``: site, place and origin dropped.

    ``TribunnewsBogor.com, Muamarrudin Irfani`` → ``Muamarrudin Irfani``;
    ``Tribunnews.com Abdul Majid dari Osaka Jepang`` → ``Abdul Majid``;
    ``Tribunjabar.id, Subang, Ahya Nurdin`` → ``Ahya Nurdin``; ``Dede Rosadi I Aceh Singkil`` → ``Dede Rosadi``.
    """
    rest = _REPORTER_SITE.sub("", rest.strip(), count=1)
    rest = _AFTER_NAME.sub("", rest).strip(" ,")
    name = rest.rsplit(",", 1)[-1].strip()
    return clean_name(name)


def closing_reporter_name(rest: str) -> str | None:
    """The person of a reporter credit under the article: there it must name the site first.

    ``Tribunjabar.id, Subang, Ahya Nurdin`` → ``Ahya Nurdin``. Down there, what opens
    with ``Laporan`` and names no site is a body sentence (``Laporan itu diterima …``).
    """
    return reporter_name(rest) if _REPORTER_SITE.match(rest) else None


def clean_name(name: str) -> str | None:
    """A person's name as a credit writes it, or ``None`` when it does not read as one (1-6 words)."""
    name = _AFTER_NAME.sub("", " ".join(name.split())).strip(" ,.*")
    if not name or _is_site_name(name) or not _NAME_WORDS.fullmatch(name) or len(name.split()) > 6:
        return None
    return name


#: The first characters a reporter line can open with: ``laporan …`` or ``reporter:`` in any case
#: (no character but ``L`` and ``R`` matches ``l`` or ``r`` in a case-insensitive pattern).
REPORTER_OPENINGS = "lLrR"


@attrs.frozen
class ReporterLine:
    """``Laporan Wartawan <Site>, <Name>`` (and its spellings) near the top: the name goes to ``authors``."""

    name: str = "tribun-reporter"
    pattern: re.Pattern[str] = _REPORTER
    #: the blocks looked at; named as the generic rules name it, so the pipeline runs this rule
    #: again when a later step changes them (a second copy of the line moves up)
    first_blocks: int = 4

    #: the blocks looked at from the end: some regional sites print the line under the article
    last_blocks: int = 2

    def apply(self, draft: Draft) -> None:
        """Every reporter line among the first ``first_blocks`` blocks (a repeated one too), then the last ones."""
        self._at_the_top(draft)
        if any(block.text[:1] in REPORTER_OPENINGS for block in draft.blocks[-self.last_blocks :]):
            self._at_the_end(draft)  # (the usual article ends otherwise)

    def _at_the_end(self, draft: Draft) -> None:
        """``Laporan Kontributor Tribunjabar.id, Subang, Ahya Nurdin`` as one of the last blocks.

        Down there the line must name the site before the person: a last paragraph
        that opens with ``Laporan`` is otherwise body text (``Laporan itu diterima …``).
        A removal that brings another block into the window (a second copy of the line)
        makes the pipeline run the rule again (``last_blocks``).
        """
        blocks = draft.blocks
        for index in range(len(blocks) - 1, max(self.first_blocks, len(blocks) - self.last_blocks) - 1, -1):
            text = blocks[index].text
            if text[:1] not in REPORTER_OPENINGS or len(text) > 160:
                continue
            match = self.pattern.match(text)
            name = closing_reporter_name(match.group("rest")) if match else None
            if name:
                draft.add_author(name)
                draft.remove(index, "reporter line (name kept in authors)", self.name, moved_to="authors")

    def _at_the_top(self, draft: Draft) -> None:
        reach = self.first_blocks
        if draft.title is not None and draft.blocks and looks_like_heading(draft.blocks[0].text):
            # a heading-like first block under a title from elsewhere (the page's): read again as text,
            # it becomes the title and every block moves up one, so the window reaches one further now;
            # and one further again when the second block is heading-like too, since that reading widens
            # its window for it in turn (property seed 2030)
            reach += 2 if len(draft.blocks) > 1 and looks_like_heading(draft.blocks[1].text) else 1
        for block in draft.blocks[:reach]:
            if block.text[:1] in REPORTER_OPENINGS:
                break
        else:
            return  # (the usual case, and this rule runs again whenever the first blocks change)
        index, seen = 0, 0
        while index < len(draft.blocks) and seen < reach:
            seen += 1
            block = draft.blocks[index]
            if block.text[:1] not in REPORTER_OPENINGS:
                index += 1  # the cheap test first: no reporter line starts so
                continue
            match = self.pattern.match(block.text) if len(block.text) <= 160 else None
            name = reporter_line_name(match) if match else None
            if name:
                draft.add_author(name)
                draft.remove(index, "reporter line (name kept in authors)", self.name, moved_to="authors")
                continue
            glued = _GLUED_REPORTER.match(block.text) if match else None
            name = clean_name(glued.group("name")) if glued else None
            if glued and name:
                # the next line, starting in lower case, was joined to the reporter line: keep it as body
                draft.add_author(name)
                draft.record_strip(glued.group("line"), "reporter line (name kept in authors)", self.name, "authors")
                draft.blocks[index] = Block(glued.group("tail").strip(), block.kind, block.language)
            elif block.text[:7].casefold() == "laporan" and (at := dateline_inside(block.text)) is not None:
                # a text that came as one line: the reporter line runs up to the dateline (cut by the next rule)
                line = block.text[:at].strip()
                match = self.pattern.match(line)
                name = reporter_line_name(match) if match else None
                if name:
                    draft.add_author(name)
                    draft.record_strip(line, "reporter line (name kept in authors)", self.name, "authors")
                    draft.blocks[index] = Block(block.text[at:], block.kind, block.language)
            index += 1


#: The brand of a dateline and what follows it: its domain, the city, the dash.
_SITE_AND_AFTER = (
    rf"(?P<site>{BRAND})(?P<tld>{TLD})?\.?(?: ?[,|.])?"
    rf"(?:(?: ?(?P<city>[a-z][a-z .'’\-]{{0,40}}?) ?,?)? ?(?P<dash>[-–—]+|:) ?)?"
)
_DATELINE = re.compile(rf"(?i)^(?:(?P<pre>[a-z][a-z .'’\-]{{1,30}}), ?)?{_SITE_AND_AFTER}")
#: :data:`_DATELINE` for a text where no place can stand before the brand (see :func:`may_put_place_first`):
#: the same match, without trying a place first (``pre`` never takes part), in a third to two thirds of the time.
_SITE_FIRST = re.compile(rf"(?i)^(?P<pre>(?!))?{_SITE_AND_AFTER}")
#: The first two letters of each brand of :data:`BRAND`, case-folded. Every character that a
#: case-insensitive pattern takes for one of these letters (``S``, ``ſ``) folds to that letter.
_BRAND_OPENINGS = frozenset(["tr", "su", "sr", "se", "ba", "wa", "po", "pr"])


#: A line of the draft's folded text (a block) opening with a brand, or with a place, a comma and a brand:
#: where a dateline further down may stand (it starts only at a line break: linear).
_BRAND_OPENS_A_LINE = re.compile(rf"\n(?:[^\n,]{{2,31}}, ?)?{BRAND}")


#: Where a brand in capitals may start after a space (the upper-case :data:`_BRAND_OPENINGS`).
_CAPITAL_BRAND_AFTER_SPACE = re.compile(r" (?=TR|SU|SR|SE|BA|WA|PO|PR)")
#: :data:`_SITE_AND_AFTER` wherever it is asked to match (``pattern.match(text, at)``).
_SITE_HERE = re.compile(rf"(?i){_SITE_AND_AFTER}")
#: How far into a text a dateline glued behind its reporter line is looked for.
_DATELINE_INSIDE_CHARS = 200


@functools.lru_cache(maxsize=256)  # (the rules that ask read the first blocks again, the same texts, as they change)
def dateline_inside(text: str) -> int | None:
    """Where a dateline in capitals starts inside the start of ``text``, a space before it, if one does.

    A page scraped as one line glues the reporter line to the dateline:
    ``Laporan Wartawan TribunnewsBogor.com, Muamarrudin Irfani TRIBUNNEWSBOGOR.COM, CIBINONG - …``.
    The dateline's brand is in capitals, with its domain or a place, and a dash after it.
    """
    for space in _CAPITAL_BRAND_AFTER_SPACE.finditer(text, 0, _DATELINE_INSIDE_CHARS):
        at = space.end()
        match = _SITE_HERE.match(text, at)
        if (
            match is not None
            and match.group("dash")
            and match.group("dash") != ":"
            and match.group("site").isupper()
            and (match.group("tld") or match.group("city"))
        ):
            return at
    return None


def may_open_with_dateline(text: str) -> bool:
    """False when ``text`` cannot open with a dateline: a cheap test before :data:`_DATELINE`.

    A dateline opens with a brand, or with a place of 2 to 31 characters, a comma
    (the text's first: a place holds none), maybe a space, and a brand
    (``BINTAN, TRIBUNBATAM.id -``).
    """
    return text[:2].casefold() in _BRAND_OPENINGS or may_put_place_first(text)


def may_put_place_first(text: str) -> bool:
    """False when no place can stand before the brand in a dateline ``text`` opens with.

    Such a place is 2 to 31 characters, none a comma, so the text's first comma
    ends it; a brand follows, maybe after a space.
    """
    comma = text.find(",", 2, 32)
    if comma == -1:
        return False
    brand = comma + 2 if text[comma + 1 : comma + 2] == " " else comma + 1
    return text[brand : brand + 2].casefold() in _BRAND_OPENINGS


#: A labelled line (``Penulis: …``, ``Editor: …``) or a reporter line: a credit, never a headline.
_LABELLED = re.compile(r"(?i)^(?:[a-z]{3,12}\s*:|laporan\b)")
#: The site and its reporter above the dateline, without ``Laporan``: ``POS-KUPANG.COM, Maria Vianey Gunu Gokok``
#: (a name in capitals would be the dateline's city, never taken).
_SITE_CREDIT = re.compile(rf"(?i:{_SITE_ANY_CASE}),\s*(?P<name>[^\n,]{{2,60}})")
#: A photo caption standing above the dateline: ``FOTO Ilustrasi : …``, ``Foto: …``.
_PHOTO = re.compile(r"(?i)^foto\b\s*[\w ]{0,30}:")
#: The credit closing such a caption, in parentheses: ``(TRIBUNJABAR.ID/Ahya Nurdin)``.
_PHOTO_CREDIT = re.compile(r"\(([^()\n]{2,80})\)\s*\.?\s*$")


@attrs.frozen
class Dateline:
    """``TRIBUNJATENG.COM, SEMARANG - `` (any brand, any case, city before or after) opening the text.

    The prefix is cut and the rest of the sentence kept; the city goes to
    ``metadata.dateline``, the brand to ``metadata.dateline_site``. What stands
    above it is not body: the headline (moved to the title), a photo caption
    (to ``metadata.captions``), or a teaser sentence the body repeats.
    """

    name: str = "tribun-dateline"
    pattern: re.Pattern[str] = _DATELINE
    #: the blocks looked at (named as the generic rules name it: re-run when the first blocks change)
    first_blocks: int = 5

    def apply(self, draft: Draft) -> None:
        self._at_the_top(draft)
        self._further_down(draft)

    def _further_down(self, draft: Draft) -> None:
        """A dateline below the first blocks: each story of a digest (``5 berita populer …``) opens with one.

        Its prefix is cut as at the top; the article's own place stays the one in
        ``metadata.dateline``. A block is read once (the blocks are marked).
        """
        mark = self.name + "-further-down"
        if draft.unchanged_since_mark(mark, self.first_blocks):
            return  # (this rule runs again when the first blocks change; the others are as they were)
        if _BRAND_OPENS_A_LINE.search(draft.folded_text(), 1) is None:
            draft.mark(mark)
            return  # the usual article: no line after the first opens with a brand (one search of all)
        blocks = draft.blocks
        for index in range(self.first_blocks, len(blocks)):
            text = blocks[index].text
            match = self._opening(draft, text) if may_open_with_dateline(text) else None
            if match is None or not match.group("dash") or not (rest := text[match.end() :].strip()):
                continue
            draft.record_strip(match.group(0).strip(), "dateline of a story further down (a digest's)", self.name)
            blocks[index] = type(blocks[index])(rest, blocks[index].kind, blocks[index].language)
        draft.mark(mark)

    def _at_the_top(self, draft: Draft) -> None:
        window = draft.blocks[: self.first_blocks]
        for block in window:
            if may_open_with_dateline(block.text):
                break
        else:
            if self._headline_glued_to_it(draft):
                self._at_the_top(draft)  # (the first block opens with the dateline now)
            return  # (this rule runs again whenever the first blocks change)
        teaser = False
        for index, block in enumerate(draft.blocks[: self.first_blocks + 1]):
            if index == self.first_blocks and not teaser:
                break  # (past the window only for the block under a teaser that closes it)
            match = self._opening(draft, block.text)
            teaser = False
            if match:
                if self._repeated_below(draft, index, block.text[match.end() :].strip()):
                    teaser = True
                    continue  # a teaser with its own dateline: the next block is the article's start
                before = len(draft.blocks)
                self._cut(draft, index, match)
                if index == 0 and len(draft.blocks) == before:
                    self._headline_after(draft)
                self._above(draft, index)
                self._cut_repeats(draft)
                return
        if self._headline_glued_to_it(draft):
            self._at_the_top(draft)

    def _headline_glued_to_it(self, draft: Draft) -> bool:
        """``Headline TRIBUN-BALI.COM, BULELENG - First sentence …`` (a page scraped as one line): split there.

        What stands before a dateline in capitals inside the first block is the headline when it
        reads as one (:func:`_headline`): it becomes the title (or goes, as the title repeated), and
        the block opens with the dateline, cut as any other. Under another title it stays, a block
        of its own. True when the block was split.
        """
        if not draft.blocks or (at := dateline_inside(draft.blocks[0].text)) is None:
            return False
        block = draft.blocks[0]
        head = block.text[:at].strip()
        if _LABELLED.match(head):
            # a credit (``Penulis: Dede Rosadi I Aceh Singkil``) or a reporter line the reporter rule could not
            # read: a line of its own, for the credit rules to read (and the dateline is first in the next block)
            draft.keep_cut(0, head)
            draft.blocks.insert(1, type(block)(block.text[at:], block.kind, block.language))
            return True
        if not _headline(head):
            return False
        if draft.title is not None and " ".join(draft.title.casefold().split()) != head.casefold():
            # another title: what stands before the dateline is not known to be the headline, but it is no
            # part of the first sentence either: a block of its own (a page's glued lines, property seed 1564),
            # and the rules read both blocks again
            draft.keep_cut(0, head)
            draft.blocks.insert(1, type(block)(block.text[at:], block.kind, block.language))
            return True
        if draft.title is None:
            draft.title = head
        draft.record_strip(head, "headline on the first line (moved to title)", self.name, "title")
        draft.blocks[0] = type(block)(block.text[at:], block.kind, block.language)
        return True

    def _opening(self, draft: Draft, text: str) -> re.Match[str] | None:
        """The dateline ``text`` opens with, if it opens with one.

        Remembered for the article (in ``draft.state``): the rule reads the first
        blocks again whenever a later step changed them, and most are the same text.
        """
        known: dict[str, re.Match[str] | None] = draft.state.setdefault(self.name, {})
        if text in known:
            return known[text]
        place_first = may_put_place_first(text)
        if place_first or text[:2].casefold() in _BRAND_OPENINGS:  # (may_open_with_dateline)
            pattern = _SITE_FIRST if self.pattern is _DATELINE and not place_first else self.pattern
            match = pattern.match(text)
        else:
            match = None
        found = match if match and self._is_dateline(match, text) else None
        known[text] = found
        return found

    def _cut_repeats(self, draft: Draft) -> None:
        """A dateline repeated lower in the window is cut too, so a second reading finds none left."""
        index = 0
        while index < min(self.first_blocks, len(draft.blocks)):
            match = self._opening(draft, draft.blocks[index].text)
            if match:
                before = len(draft.blocks)
                self._cut(draft, index, match)
                if len(draft.blocks) < before:
                    continue
            index += 1

    @staticmethod
    def _is_dateline(match: re.Match[str], text: str) -> bool:
        rest = text[match.end() :]
        if not (match.group("tld") or match.group("city")):
            return False
        if match.group("dash"):
            return True  # (a dateline alone on its line, the sentence below it, too)
        if not rest:
            return False
        rest = text[match.end("tld") if match.group("tld") else match.end() :].lstrip(". ")
        # no dash: ``BANJARMASINPOST.CO.ID Presenter …``, a brand in capitals then the sentence
        site = match.group("site") + (match.group("tld") or "")
        return bool(match.group("tld")) and site.isupper() and not match.group("city") and rest[:1].isupper()

    def _cut(self, draft: Draft, index: int, match: re.Match[str]) -> None:
        block = draft.blocks[index]
        city = (match.group("pre") or match.group("city") or "").strip(" .")
        if city:
            draft.add_metadata("dateline", city)
        draft.add_metadata("dateline_site", (match.group("site") + (match.group("tld") or "")).strip())
        draft.record_strip(
            match.group(0).strip(),
            "dateline glued to the first sentence",
            self.name,
            "metadata.dateline" if city else None,
        )
        rest = block.text[match.end() :].strip()
        if rest:
            draft.blocks[index] = type(block)(rest, block.kind, block.language)
        else:
            draft.blocks.pop(index)

    def _headline_after(self, draft: Draft) -> None:
        """``BANGKAPOS.COM - Kalender 2025: 4 Tanggal Merah …`` and the first sentence on the next line.

        What the dateline opened, on the first line, is then the headline, not a
        sentence: no sentence end, every word capitalised but the small ones
        (:func:`_title_cased`). It becomes the title when the article has none.
        """
        text = draft.blocks[0].text.strip()
        if draft.title is not None or len(draft.blocks) < 2 or text.endswith((".", "!", "?", '"', "”", ":", ",", ";")):
            return
        if _title_cased(text):
            draft.title = draft.remove(0, "headline after the dateline (moved to title)", self.name, "title").text

    def _after_dateline(self, draft: Draft, text: str) -> str:
        """``text`` without a dateline prefix, when it opens with one."""
        match = self._opening(draft, text)
        return text[match.end() :].strip() if match else text

    def _repeated_below(self, draft: Draft, index: int, rest: str) -> bool:
        """The next block opens with a dateline too and repeats this one's sentence."""
        if index + 1 >= len(draft.blocks) or not rest:
            return False
        following = draft.blocks[index + 1].text
        sentence = self._after_dateline(draft, following)
        return sentence != following and rest[:60] in sentence

    def _above(self, draft: Draft, index: int) -> None:
        """Blocks above the dateline: caption, teaser repeated below, or the headline."""
        if index == 0:
            return  # (the usual case: nothing above it)
        body = " ".join(block.text for block in draft.blocks[index:])
        for at in range(index - 1, -1, -1):
            text = draft.blocks[at].text
            if _LABELLED.match(text):
                continue  # a credit (``Penulis: …``) or reporter line: the credit rules' to read
            credit = _SITE_CREDIT.fullmatch(text)
            name = clean_name(credit.group("name")) if credit and not credit.group("name").isupper() else None
            if name and name.casefold() != str(draft.metadata.get("dateline", "")).casefold():  # (not the city again)
                draft.add_author(name)
                draft.remove(at, "reporter line above the dateline (name kept in authors)", self.name, "authors")
            elif _PHOTO.match(text):
                credit = _PHOTO_CREDIT.search(text)
                if credit:
                    caption = {"text": text[: credit.start()].strip(), "credit": credit.group(1).strip()}
                else:
                    caption = {"text": text.strip(), "credit": ""}
                draft.add_metadata("captions", caption, many=True)
                draft.remove(at, "photo caption above the dateline", self.name, moved_to="metadata.captions")
            elif self._after_dateline(draft, text)[:60] in body:
                draft.remove(at, "teaser above the dateline (repeated in the body)", self.name)
            elif at == 0 and draft.title is None and _headline(text):
                draft.title = draft.remove(at, "headline on the first line (moved to title)", self.name, "title").text


#: The words a Title Case headline leaves in lower case (Indonesian and English): a lead sentence
#: that the scraper left without its full stop has others (``akan digelar``, ``kunci jawaban``).
_TITLE_SMALL_WORDS = frozenset(
    [
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "hingga",
        "yang",
        "vs",
        "atau",
        "dengan",
        "pada",
        "dalam",
        "oleh",
        "bagi",
        "sebagai",
        "usai",
        "jelang",
        "soal",
        "the",
        "of",
        "and",
        "in",
        "on",
        "for",
        "to",
        "a",
        "an",
        "at",
        "by",
        "with",
        "from",
    ]
)


def _title_cased(text: str) -> bool:
    """Four to thirty words, each capitalised, a number or sign, or a small word (:data:`_TITLE_SMALL_WORDS`)."""
    words = text.split()
    if not 4 <= len(words) <= 30 or not words[0][:1].isupper():
        return False
    return all(
        not word[:1].isalpha() or word[:1].isupper() or word.lower().strip(",:;") in _TITLE_SMALL_WORDS
        for word in words
    )


def _headline(text: str) -> bool:
    """A headline: heading-like, or up to 30 words in Title Case that do not open with a quote.

    One that ends with a full stop (tribun.jsonl:371's headline line does) must be longer and
    more capitalised: a short sentence with names in it (``Jane Roe and Reuters contributed.``,
    found by the property tests before a dateline) reads as one otherwise.
    """
    words = text.split()
    if looks_like_heading(text):
        return True
    if not 3 <= len(words) <= 30 or text[:1] in "\"“‘'(" or text.endswith((":", ",", ";")):
        return False
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    if text.endswith("."):
        return len(words) >= 6 and capitalised / len(words) >= 0.75
    return capitalised / len(words) >= 0.6


@attrs.frozen
class RelatedBullets:
    """Another story's headline after a bullet: a link, not a list.

    ``• Kendaraan Listrik Yadea Hadir di Pontianak, Klaim Bisa Tempuh 100 Km Dengan
    Sekali Isi Daya``: Tribun links related stories so, one to three of them between two
    paragraphs or under the last (18 in 14 of the 785 realdata Tribun articles, none in the
    other outlets'). A run of at most
    :attr:`max_run` list items goes when every item is a headline as the network writes
    them (:func:`_headline`, :attr:`min_words` words or more, two parts joined by a comma,
    colon or question mark, no closing punctuation); a list of the article's own (longer,
    of short items, of names or posts, or of sentences) stays.
    """

    name: str = "tribun-related-bullet"
    reason: str = "related story's headline after a bullet"
    max_run: int = 3
    min_words: int = 6

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        index = 0
        while index < len(blocks):
            if blocks[index].kind != "list_item":
                index += 1
                continue
            end = index
            while end < len(blocks) and blocks[end].kind == "list_item":
                end += 1
            if end - index <= self.max_run and all(self._headline(block.text) for block in blocks[index:end]):
                for _ in range(end - index):
                    draft.remove(index, self.reason, self.name)
            else:
                index = end

    def _headline(self, text: str) -> bool:
        text = text.strip()
        return (
            len(text.split()) >= self.min_words
            and not text.endswith((".", "!", "?", ":", ";", ","))
            and any(mark in text for mark in (", ", ": ", "? "))  # the network's two-part headline
            and _headline(text)
        )


#: Words in a closing attribution that name no person: a press release (``Rilis``), a press office (``Humas``).
_NOT_NAMES = r"rilis|release|humas"
#: ``(Tribunnews.com/Name)``, ``( Tribunjogja.com / Name )``, ``(Name/Tribunnews.com)``, ``(cr3/tribun-medan.com)``,
#: ``(Rilis/Bangkapos.com/Name)``, the brand without its domain before a name (``(Surya/Name)``);
#: ``(*)`` and its coded forms ``(*/E3)``, ``(*/adv)`` (an advertorial), ``(*/tio-tribun-medan.com)``.
_ATTRIBUTION = (
    rf"(?i)\(\s*(?:(?P<value>(?:(?:[a-z]{{2,4}}\d{{0,3}}|{_NOT_NAMES})\s*/\s*)?{BRAND}"
    rf"(?:{TLD}(?:\s*/\s*[^()\n/]{{1,60}}){{0,3}}|(?:\s*/\s*[^()\n/]{{1,60}}){{1,3}})"
    rf"|[^()\n/]{{1,60}}/\s*{BRAND}{TLD})|\*(?:\s*/\s*[\w.\-]{{1,40}})?)\s*\)\s*\.?$"
)
#: A short sign-off after the last sentence: a reporter's (``… kata dia. (Ito)``, ``(Lampura).``, ``(cr3)``),
#: an editor's initials or a source in lower case (``(riz)``, ``(kompas/msr)``, ``(ligaindonesiabaru)``), a label
#: (``(advertorial)``), or the site's name alone, without its domain: ``(TribunJakarta)``, ``(Sumber TribunJabar)``.
_SIGN_OFF = re.compile(
    r"(?:(?<=[.!?\"”])\s*|^)\((?:"
    r"(?P<value>[A-Z][a-z]{1,14}|[a-z]{2,20}\d{0,3}|[a-z]\d{1,3}|[a-z]{2,10}(?:/[a-z]{2,6}\d{0,3}){1,2}|(?i:"
    + BRAND
    + r"))|(?i:sumber):?\s+(?P<source>(?i:"
    + BRAND
    + r")))\)\s*\.?$"
)
#: The reporter credited in parentheses after the last sentence: ``(Kontributor Tribunjabar Kabupaten Cianjur,
#: Fauzi Noviandi)``; what follows the role names the site first, as a reporter line under the article does.
_CLOSING_REPORTER = re.compile(
    r"(?:(?<=[.!?\"”])\s*|^)\((?i:(?:laporan\s+)?(?:wartawan|reporter|kontributor|jurnalis))\s+"
    r"(?P<rest>[^()\n]{2,120})\)\s*\.?$"
)
_CODE = re.compile(rf"(?i)[a-z]{{2,4}}\d{{0,3}}|\*|{_NOT_NAMES}")
#: Words that open a photo credit, not a person's name (``Istimewa``: courtesy; ``Dok``: documentation).
_CREDIT_WORDS = frozenset(
    ["Foto", "Dok", "Dokumentasi", "Istimewa", "Ist", "Ilustrasi", "Net", "Tangkapan", "Screenshot"]
)
#: The closing attribution written without its parentheses, alone on the last line: ``Danang Triatmojo/Tribunnews``.
_BARE_ATTRIBUTION = re.compile(rf"(?P<value>{_NAME_WORDS.pattern})\s*/\s*(?i:{BRAND}(?:{TLD})?)\.?")


def ends_in_parenthesis(text: str) -> bool:
    """``…)``, ``…).``, ``…) .``: how every closing attribution and sign-off ends (their ``\\)\\s*\\.?$``)."""
    text = text.rstrip()
    if text.endswith("."):
        text = text[:-1].rstrip()
    return text.endswith(")")


#: A closing parenthesis that ends a block (``…)``, ``…).``) after a parenthesis holding a dot, comma,
#: space or ``*``: in the text of all blocks (one a line), what a closing attribution needs. Its
#: ``(`` is the block's last one (nothing inside it is a parenthesis), and a site name has its dot,
#: comma or space before the domain.
_ATTRIBUTION_END = re.compile(r"(?m)\((?=[^()]*?[., *])[^()]*+\)\s*\.?\s*$")


def may_hold_attribution(draft: Draft) -> bool:
    """False when no block can end in a closing attribution (or ``(*)``): one search of all the text."""
    return _ATTRIBUTION_END.search(draft.folded_text()) is not None


def may_hold_credit_line(draft: Draft) -> bool:
    """False when no block holds a colon: every credit line (``Penulis:``, ``Editor:``, ``Sumber:``) has one."""
    return ":" in draft.folded_text()


def may_hold_opinion_writer(draft: Draft) -> bool:
    """False when none of the first three blocks opens with ``Oleh`` (the rule's pattern is case-sensitive)."""
    for block in draft.blocks[:3]:  # noqa: SIM110 - a plain loop: this runs on every Tribun article, twice
        if block.text.lstrip().startswith("Oleh"):
            return True
    return False


PROMPTS = (
    r"ikuti kami di\b[^\n]{0,60}",
    r"!{0,5}\s*membaca bagi pikiran seperti olahraga bagi tubuh\s*!{0,5}",
    r"(?:akses|baca|update|ikuti|simak|cek|dapatkan)\b[^\n]{0,100}?\b(?:google[ .]?news|whatsapp|saluran wa|channel wa|wa channel|telegram|facebook|instagram)\b[^\n]{0,120}",
    # TribunJakarta's prompt, its second half alone on a line
    r"pastikan tribunners sudah [^\n]{0,60}?whatsapp(?: ya)?",
    r"\[?\s*cek berita[^\n]{0,80}klik di ?sini\s*\]?",
    r"whatsapp [\w ]{1,30}:\s*klik di ?sini",
    r"geser untuk melihat tabel(?: lengkap)?",
    r"baca selengkapnya",
    r"(?:berita|artikel) (?:viral |populer |terbaru )?lainnya di [\w .\-]{1,30}",
    # a brand's link lines: ``Baca Berita Update TribunManado.co.id di sini >>>``, ``Berita terbaru Tribun Manado: klik di sini.``
    r"(?:baca|berita|bergabung|gabung|update|cek)\b[^\n]{0,80}?\bdi ?sini\s*>{0,3}",
    # Tribun Bali's topic link under the article: ``Kumpulan Artikel Buleleng``
    r"kumpulan artikel [\w .\-]{2,40}",
    r"isi komentar sepenuhnya (?:adalah |menjadi )?tanggung ?jawab pengguna[^\n]{0,80}",
    # the standard disclaimer under horoscope, primbon and prediction pieces
    r"disclaimer\s*:[^\n]{10,400}",
    # Surya's channel promo closing an article, the channels' links gone from the scrape
    r"harian [\w ]{2,30} atau [\w.\-]{3,40} akan mengirimkan rekomendasi bacaan[^\n]{0,240}",
    # a link's label in capitals: ``KLIK LINK lagu daerah NTT …``
    r"klik link\b[^\n]{0,120}",
)
#: The same prompts glued into a paragraph (a scraper joined the lines): cut, the sentences kept.
INLINE_PROMPTS = (
    r"isi komentar sepenuhnya (?:adalah |menjadi )?tanggung ?jawab pengguna dan diatur dalam uu ite\.?",
    r"!{2,5}\s*membaca bagi pikiran seperti olahraga bagi tubuh\s*!{0,5}",
    r"(?:- ?)?baca berita terbaru lainnya di google news ?-? ?(?:dapatkan berita viral via saluran whatsapp)?",
    r"ikuti kami di(?:\s+(?:google news|whatsapp|instagram|facebook|twitter|tiktok|youtube|telegram)\b[,.]?){0,6}(?=\s|$)",
    # ``Akses TribunJakarta.com di Google News atau WhatsApp Channel TribunJakarta.com. Pastikan Tribunners sudah
    # install aplikasi WhatsApp ya``
    r"akses [\w.\-]{3,40} di google ?news(?: atau whatsapp channel [\w.\-]{3,40})?\.?"
    r"(?:\s*pastikan tribunners sudah [\w ]{0,40}?whatsapp ya\.?)?",
)


@attrs.frozen
class LongLastBlockExtract(Extract):
    """An :class:`Extract` of the last block, when it is longer than ``min_chars``: a text that came as one line.

    Shorter blocks are the line rules' (the syndication footer's reads up to 500 characters). The
    length is tested first: the rule runs again whenever the last block changes.
    """

    min_chars: int = attrs.field(default=500, kw_only=True)

    def apply(self, draft: Draft) -> None:
        if draft.blocks and len(draft.blocks[-1].text) > self.min_chars:
            Extract.apply(self, draft)


#: A credit's label as the footer prints it (``Penulis``, ``Editor``, ``Sumber``; capitalised or in capitals).
_CREDIT_LABEL = r"(?:[Pp]enulis|PENULIS|[Ee]ditor|EDITOR|[Ss]umber|SUMBER)"
#: One to four credits closing a paragraph, after its last sentence: ``… kata dia. Penulis: A | Editor: B``.
_CLOSING_CREDITS = re.compile(
    rf"(?<=[.!?\"”)] ){_CREDIT_LABEL}\s*:\s*[^|\n:]{{2,80}}?(?:\s*\|?\s*{_CREDIT_LABEL}\s*:\s*[^|\n:]{{2,80}}?){{0,3}}\s*$"
)
#: One credit of those, its label and its name (up to the next label or the end).
_ONE_CREDIT = re.compile(
    rf"\|?\s*(?P<label>{_CREDIT_LABEL})\s*:\s*(?P<name>[^|\n:]{{2,80}}?)\s*(?=\|?\s*{_CREDIT_LABEL}\s*:|$)"
)

#: A regional site's follow prompt closing a paragraph, after its last sentence, attribution or end mark
#: (``… (TribunManado.co.id/Ico) Ikuti Saluran WhatsApp Tribun Manado dan Google News …``,
#: ``… (*) Baca berita Wartakotalive.com lainnya di WhatsApp.``): it runs to the paragraph's end.
_CLOSING_PROMPT = re.compile(
    r"(?i)(?<=[.!?\"”)*] )(?:\*+\s*)?(?:ikuti|baca|update|simak|akses|dapatkan|artikel lainnya|bergabung|gabung|follow)\b"
    r"[^\n]{0,200}?\b(?:google ?news|whats ?app)\b[^\n]{0,200}$"
)
#: What makes such a sentence a prompt rather than the last sentence of a story that names WhatsApp: Google
#: News, the site, or its channel.
_PROMPT_TARGET = re.compile(rf"(?i)google ?news|saluran|channel|{BRAND}")
#: An end mark (``***``) right before such a prompt.
_END_MARK_BEFORE = re.compile(r"\s\*{3,}\s*$")


@attrs.frozen
class _ClosingRun:
    """What closes a long last block (a page scraped as one line): found in the block's end only.

    A last block of up to ``max_line_chars`` characters is the line rules' (they read a whole line);
    of a longer one the last ``tail_chars`` characters are searched, when :meth:`_may_hold` says
    they may hold a match. The last block is read again when a later step changes it
    (``last_blocks``).
    """

    name: str
    pattern: re.Pattern[str]
    last_blocks: int = 1
    max_line_chars: int = 200
    tail_chars: int = 400

    def _closing(self, draft: Draft) -> re.Match[str] | None:
        """The pattern's match in the end of the last block, if the block is long and one is there."""
        if not draft.blocks:
            return None
        text = draft.blocks[-1].text
        if len(text) <= self.max_line_chars or not self._may_hold(text[-self.tail_chars :]):
            return None  # (the usual last paragraph)
        return self.pattern.search(text, max(0, len(text) - self.tail_chars))

    def _may_hold(self, tail: str) -> bool:
        """A cheap test of the block's end: false where the pattern cannot match."""
        return True

    @staticmethod
    def _end_before(draft: Draft, start: int) -> None:
        """The last block, cut at ``start`` (what follows was recorded as taken)."""
        block = draft.blocks[-1]
        draft.blocks[-1] = Block(block.text[:start].rstrip(), block.kind, block.language)


@attrs.frozen
class ClosingPrompt(_ClosingRun):
    """A follow prompt closing a long last paragraph (a page scraped as one line): cut to the end.

    On a line of its own it is the prompt rules' (``tribun-google-news``, ``tribun-prompts``); glued after the
    last sentence it is cut here when it names Google News, the site or its WhatsApp channel. A
    story's last sentence that only mentions WhatsApp (``… melalui grup WhatsApp warga.``) is no prompt.
    """

    name: str = "tribun-closing-prompt"
    pattern: re.Pattern[str] = _CLOSING_PROMPT
    tail_chars: int = 420

    def _may_hold(self, tail: str) -> bool:
        folded = fold(tail)  # (not the remembered folding of blocks: a tail is folded once, and would push blocks out)
        return "google" in folded or "whats" in folded

    def apply(self, draft: Draft) -> None:
        match = self._closing(draft)
        if match is None or not _PROMPT_TARGET.search(match.group(0)):
            return
        text, start = match.string, match.start()
        end_mark = _END_MARK_BEFORE.search(text, 0, start)  # (``… Glad in it *** Ikuti …``: the story's end mark)
        if end_mark is not None:
            start = end_mark.start()
        draft.record_strip(text[start:].strip(), "Google News / WhatsApp prompt", self.name)
        self._end_before(draft, start)


#: A reporter line closing a paragraph, after its last sentence or sign-off: ``… (*) Laporan Kontributor
#: Tribunjabar.id, Subang, Ahya Nurdin`` (what follows the role is :func:`closing_reporter_name`'s to read).
_GLUED_CLOSING_REPORTER = re.compile(
    r"(?<=[.!?\"”)] )(?i:laporan(?: langsung)? (?:wartawan|reporter|kontributor|jurnalis))\s+(?P<rest>[^\n]{2,140})$"
)


@attrs.frozen
class ClosingReporter(_ClosingRun):
    """The reporter line under the article, glued to the last paragraph (a page scraped as one line).

    As a line of its own it is :class:`ReporterLine`'s; glued, it goes when it names the site
    before the person, as down there it must, and the person becomes an author.
    """

    name: str = "tribun-closing-reporter"
    pattern: re.Pattern[str] = _GLUED_CLOSING_REPORTER
    tail_chars: int = 240

    def _may_hold(self, tail: str) -> bool:
        return "aporan" in tail or "APORAN" in tail

    def apply(self, draft: Draft) -> None:
        match = self._closing(draft)
        name = closing_reporter_name(match.group("rest")) if match else None
        if match is None or name is None:
            return
        draft.add_author(name)
        draft.record_strip(match.group(0).strip(), "reporter line (name kept in authors)", self.name, "authors")
        self._end_before(draft, match.start())


#: What each credit is, as the credit line rules record it.
_CREDIT_REASONS = {"penulis": "credit line: writer", "editor": "credit line: editor", "sumber": "credit line: source"}


@attrs.frozen
class ClosingCredits(_ClosingRun):
    """The footer's credits closing a long last paragraph: a page scraped as one line.

    ``… kata dia. Penulis: Budi Santoso | Editor: Siti Aminah`` (a bar between them or not): the
    writer goes to ``authors``, the editor and the source to ``metadata``, and the paragraph ends at
    its last sentence. Runs before the syndication footer's rules, whose value would otherwise run
    on into the credits after it; the last block is read again when a later step changes it (an
    attribution cut after the credits).
    """

    name: str = "tribun-closing-credits"
    pattern: re.Pattern[str] = _CLOSING_CREDITS

    def _may_hold(self, tail: str) -> bool:
        return ":" in tail  # (every credit has its colon)

    def apply(self, draft: Draft) -> None:
        match = self._closing(draft)
        if match is None:
            return
        for credit in _ONE_CREDIT.finditer(match.group(0)):
            label, name = credit.group("label").casefold(), credit.group("name")
            if label == "penulis":
                draft.add_author(clean_name(name) or name)
                moved_to = "authors"
            else:
                moved_to = "metadata.editor" if label == "editor" else "metadata.source"
                draft.metadata.setdefault(moved_to.split(".")[1], name)
            draft.record_strip(credit.group(0).strip(), _CREDIT_REASONS[label], self.name, moved_to)
        self._end_before(draft, match.start())


#: A site's Google News prompt: ``Baca berita TRIBUN MEDAN lainnya di Google News``, ``Ikuti berita POS-KUPANG.COM
#: lain di GOOGLE NEWS``, ``Simak berita menarik lainnya di sripoku.com dengan mengklik Google News.``
_GOOGLE_NEWS_INLINE = (
    r"(?i)(?:baca|ikuti|simak)(?: terus)? berita(?: [\w.\-]+){0,3}? (?:lainnya |lain )?di:? (?:[\w.\-]+ dengan mengklik )?"
    r"google ?news(?:,? (?:dan|atau) (?:whatsapp|channel wa|telegram)(?: channel)?){0,2}\.?"
)

#: The network's attribution closing a story, wherever it stands (noise may follow it).
_CLOSING_ATTRIBUTION = GatedExtract(
    "tribun-attribution",
    _ATTRIBUTION,
    "metadata.attribution",
    "closing attribution",
    many=True,
    needles=("(",),
    may_apply=may_hold_attribution,
)


class Tribun(Plugin):
    name = "tribun"
    display_name = "Tribun Network (Tribunnews)"
    domains = TRIBUN_DOMAINS
    language = "id"
    drop_selectors = (
        "[class*='ads']",
        "[id*='ads']",
        "[class*='iklan']",
        ".baca",
        "[class*='baca-juga']",
        "[class*='related']",
        "[class*='terkait']",
        "[class*='paging']",
        "[class*='pagination']",
        "[class*='googlenews']",
        "[class*='google-news']",
        "[class*='share']",
    )
    rules = (
        # the attribution closing the last line, cut before the generic rules read that line: what it was
        # glued to (a photo caption, a prompt) is then a line of its own to them (found by the property tests)
        Extract(  # (no gate: the rule reads one block, where its needle test is cheaper than the gate's search)
            _CLOSING_ATTRIBUTION.name,
            _CLOSING_ATTRIBUTION.pattern,
            _CLOSING_ATTRIBUTION.field,
            _CLOSING_ATTRIBUTION.reason,
            many=True,
            needles=_CLOSING_ATTRIBUTION.needles,
            last_blocks=1,
            before_generic_rules=True,
        ),
        ReporterLine(),
        Dateline(),
        GatedExtract(
            "tribun-opinion-writer",
            r"^Oleh\s*:\s*(?P<value>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,4})\s*\*?$",
            "authors",
            "opinion piece: writer's line",
            first_blocks=3,
            max_chars=80,
            needles="oleh",
            may_apply=may_hold_opinion_writer,
        ),
        # (each takes the ``|`` before it, if one stands there: ``Penulis: A | Editor: B`` inside a paragraph
        # leaves no separator behind)
        GatedExtract(
            "tribun-writer",
            r"(?i)(?:\|\s*)?penulis\s*:\s*(?P<value>[^|\n]{2,80}?)\s*(?=\||$)",
            "authors",
            "credit line: writer",
            convert=lambda value: clean_name(value) or value,
            many=True,
            max_chars=200,
            needles="penulis",
            may_apply=may_hold_credit_line,
        ),
        GatedExtract(
            "tribun-editor",
            r"(?i)(?:\|\s*)?editor\s*:\s*(?P<value>[^|\n]{2,80}?)\s*(?=\||$)",
            "metadata.editor",
            "credit line: editor",
            max_chars=200,
            needles="editor",
            may_apply=may_hold_credit_line,
        ),
        GatedExtract(
            "tribun-source",
            r"(?i)(?:\|\s*)?sumber\s*:\s*(?P<value>[^|\n]{2,80}?)\s*(?=\||$)",
            "metadata.source",
            "credit line: source",
            max_chars=200,
            needles="sumber",
            may_apply=may_hold_credit_line,
        ),
        ClosingCredits(),
        ClosingReporter(),
        _CLOSING_ATTRIBUTION,
        Extract(
            "tribun-syndication",
            r"(?i)(?:artikel|berita) ini (?:telah|sudah) (?:tayang|terbit|dimuat) di (?P<value>[^\n]{2,400})",
            "metadata.first_published",
            "syndication footer",
            convert=parse_syndication,
            max_chars=500,
            needles=("artikel ini", "berita ini"),
        ),
        LongLastBlockExtract(  # the same footer closing a text that came as one line: cut with what follows it
            "tribun-syndication",
            # (after the last sentence, a space between them or not: ``… desa tersebut.Artikel ini telah tayang …``)
            r"(?i)(?<=[.!?\"”)])\s?(?:artikel|berita) ini (?:telah|sudah) (?:tayang|terbit|dimuat) di (?P<value>[^\n]{2,400})$",
            "metadata.first_published",
            "syndication footer",
            convert=parse_syndication,
            last_blocks=1,
            needles=("artikel ini", "berita ini"),
        ),
        ClosingPrompt(),  # (after the syndication footer's rules: a prompt may stand before the footer)
        DropLine(
            "tribun-pagination",
            r"(?i)(?:halaman (?:selanjutnya|berikutnya|sebelumnya)|selanjutnya|berikutnya|halaman\s+\d+\s*(?:/|dari)\s*\d+|halaman\s+\d+(?:\s+\d+){0,9}\s*|(?:«|‹)?\s*(?:sebelumnya|prev)\s*(?:\d+(?:\s+\d+){0,9}\s*)?(?:selanjutnya|next)?\s*(?:»|›)?)\s*[»›>]*",
            "pagination link",
            max_chars=80,
        ),
        DropLine(
            "tribun-google-news",
            r"(?i)(?:simak|ikuti|baca|dapatkan|follow)[^\n]{0,120}(?:google ?news|whatsapp channel|saluran whatsapp)[^\n]{0,80}",
            "Google News / WhatsApp prompt",
            max_chars=240,
            needles=("google news", "googlenews", "whatsapp"),
        ),
        MatchFirstDropLine(
            "tribun-prompts",
            r"(?i)(?:[-–•]\s*)?(?:" + "|".join(PROMPTS) + r")\s*[.!]?",
            "follow/read-more prompt, table hint or disclaimer",
            max_chars=460,
            needles=(
                "ikuti",
                "membaca",
                "google news",
                "googlenews",
                "google.news",
                "whatsapp",
                "saluran wa",
                "channel",
                "telegram",
                "facebook",
                "instagram",
                "klik di",
                "geser",
                "selengkapnya",
                "lainnya di",
                "komentar",
                "disclaimer",
                "di sini",
                "disini",
                "kumpulan artikel",
                "rekomendasi bacaan",
                "klik link",
            ),
        ),
        RelatedBullets(),
        CutInline(
            "tribun-prompts-inline",
            r"(?i)(?:" + "|".join(INLINE_PROMPTS) + ")",
            "prompt or comment disclaimer inside a paragraph",
            needles=(
                "isi komentar",
                "membaca bagi",
                "baca berita terbaru",
                "ikuti kami",
                # (TribunJakarta's prompt; not "akses": a common word, and each text holding a needle is searched whole)
                "pastikan tribunners",
                "di google news atau",
                "di googlenews atau",
            ),
        ),
        CutInline(  # a site's Google News prompt glued into a paragraph (a text that came as one line)
            "tribun-google-news",
            _GOOGLE_NEWS_INLINE,
            "Google News prompt inside a paragraph",
            needles=("google news", "googlenews"),  # (the line rule took the prompts on lines of their own)
        ),
    )
    #: The generic rules that read English notes and credits only (update and correction notes,
    #: aggregators' ``This article …`` footers, ``X contributed``, ``reported from``, ``Reporting by``):
    #: Tribun writes in Indonesian, and where its articles hold English it is quoted (song lyrics,
    #: line by line), which those rules would take for credits. On the 785 real Tribun articles of
    #: the realdata corpus none of them removed a line; switched off, they cost nothing either.
    generic_rules = MappingProxyType(
        {
            "update-note": None,
            "aggregator-footer": None,
            "contributors": None,
            "reported-from": None,
            "wire-credits": None,
        }
    )
    signatures = (
        # a brand opening a line: the dateline (``SURYAMALANG.COM, MALANG -``, ``BINTAN, TRIBUNBATAM.id -``)
        Signature(rf"(?im)^[ \t]*(?:[a-z][a-z ]{{1,30}}, ?)?{BRAND}{TLD}", 2.0, needles=BRAND_NEEDLES),
        # the same dateline inside a line, the brand and place in capitals and a dash after them: a page
        # scraped as one line (``… Muamarrudin Irfani TRIBUNNEWSBOGOR.COM, CIBINONG - Aparatur …``)
        Signature(
            rf"(?i)(?<!\S)(?-i:(?=[A-Z][A-Z\-]{{3}})){BRAND}{TLD}(?:,? ?(?-i:[A-Z][A-Z .'’\-]{{1,40}}?))? ?[-–—] ?(?=\w)",
            2.0,
            needles=BRAND_NEEDLES,
        ),
        # the closing attribution: ``(Tribunnews.com/Name)``, ``(Name/Tribunnews.com)``, ``(cr3/tribun-medan.com)``
        # (and a regional paper crediting the network: ``Kepada Surya (TribunJatim.com Network), …``)
        Signature(rf"(?i)\(\s*(?:[^()\n/]{{1,60}}/\s*)?{BRAND}{TLD}(?: network)?\s*[/)]", 2.0, needles=BRAND_NEEDLES),
        Signature(
            rf"(?i)laporan (?:langsung )?(?:wartawan|reporter|kontributor|jurnalis)\s+(?:{BRAND}|tribun\b)",
            2.0,
            needles=BRAND_NEEDLES,
        ),
        Signature(
            rf"(?i)(?:artikel|berita) ini (?:telah|sudah) (?:tayang|terbit|dimuat) di {BRAND}",
            2.0,
            needles=BRAND_NEEDLES,
        ),
        # a brand's own follow prompt: ``Baca berita TRIBUN MEDAN lainnya``, ``Update berita lainnya di PROHABA.co``
        Signature(rf"(?i)\b{BRAND}\b[^\n]{{0,80}}(?:google news|whatsapp)", 2.0, needles=BRAND_NEEDLES),
        # the network's name for its readers
        Signature(r"\bTribunners\b", 1.0, needles="tribunners"),
    )

    def process(self, draft: Draft) -> None:
        """Reporters named in the closing attributions become authors; a short sign-off or credit is cut."""
        for value in draft.metadata.get("attribution", []):
            for number, part in enumerate(value.split("/")):
                part = part.strip()
                if number == 0 and _BRAND_ALONE.fullmatch(part):
                    continue  # (``Surya/Name``: the paper, without its domain)
                if part and not _CODE.fullmatch(part):
                    name = clean_name(part)
                    if name and not _is_photo_credit(name):
                        draft.add_author(name)
        for index in range(len(draft.blocks) - 1, max(-1, len(draft.blocks) - 4), -1):
            outcome = self._cut_sign_off(draft, index) if ends_in_parenthesis(draft.blocks[index].text) else None
            if outcome == "cut":
                break  # cut from the end of a sentence: that sentence closed the article
            # none, or a line of its own went: the block above may close with a credit too
        self._bare_attribution(draft)
        draft.authors[:] = [clean_name(a) or a for a in draft.authors if not _is_site_name(a)]

    @staticmethod
    def _cut_sign_off(draft: Draft, index: int) -> str | None:
        """Cut a sign-off or a reporter credited in parentheses from the end of block ``index``.

        ``"cut"`` when the block kept text before it, ``"removed"`` when it was the whole block, else ``None``.
        """
        block = draft.blocks[index]
        match = _SIGN_OFF.search(block.text)
        if match is not None:
            if match.group("source"):
                draft.metadata.setdefault("source", match.group("source"))  # a ``Sumber:`` credit line comes first
                moved_to = "metadata.source"
            else:
                draft.add_metadata("attribution", match.group("value"), many=True)
                moved_to = "metadata.attribution"
            reason = "sign-off after the last sentence (a reporter's or editor's code, a source)"
        else:
            match = _CLOSING_REPORTER.search(block.text)
            name = closing_reporter_name(match.group("rest")) if match else None
            if match is None or name is None:
                return None
            draft.add_author(name)
            reason, moved_to = "reporter line (name kept in authors)", "authors"
        rest = block.text[: match.start()].strip()
        if rest:
            draft.record_strip(match.group(0).strip(), reason, "tribun-sign-off", moved_to)
            draft.blocks[index] = type(block)(rest, block.kind, block.language)
            return "cut"
        draft.remove(index, reason, "tribun-sign-off", moved_to)
        return "removed"

    @staticmethod
    def _bare_attribution(draft: Draft) -> None:
        """``Name/Tribunnews`` as the last block: the reporter goes to ``authors``, the line out of the body."""
        if not draft.blocks or "/" not in draft.blocks[-1].text:
            return
        text = draft.blocks[-1].text.strip()
        match = _BARE_ATTRIBUTION.fullmatch(text) if len(text) <= 100 else None
        name = clean_name(match.group("value")) if match else None
        if name and not _is_photo_credit(name):
            draft.add_metadata("attribution", text, many=True)
            draft.add_author(name)
            draft.remove(len(draft.blocks) - 1, "closing attribution (name kept in authors)", "tribun-attribution")

    def read_page(self, tree, draft: Draft) -> None:
        """Tribun pages name the writer and editor in their own meta tags, or in the credit heading.

        ``<meta name="author">`` holds the site's name, not a person, so it is
        never taken as an author here. Without the meta tags, the credit heading's links
        (``div#penulis a``, ``div#editor a``, as public scrapers of the pages read them)
        name them: it stands above the picture, where the extraction does not read.
        """
        tags = draft.page.meta if draft.page is not None else {}  # scanned once by the pipeline
        writer = tags.get("content_author") or _credit_link(tree, _WRITER_LINK)
        if writer and not draft.authors:
            draft.add_author(writer)
        editor = tags.get("content_editor") or _credit_link(tree, _EDITOR_LINK)
        if editor:
            draft.metadata.setdefault("editor", editor)
        draft.authors[:] = [a for a in draft.authors if not _is_site_name(a)]


#: The credit heading's links to the writer's and the editor's pages.
_WRITER_LINK = etree.XPath("//div[@id='penulis']//a")
_EDITOR_LINK = etree.XPath("//div[@id='editor']//a")


def _credit_link(tree, links: etree.XPath) -> str | None:
    """The text of the first of the credit heading's links that names someone (not the site)."""
    for link in links(tree):
        name = " ".join(link.text_content().split())
        if name and not _is_site_name(name):
            return name
    return None


_SITE_NAME = re.compile(rf"{_SITE_ANY_CASE}\.?", flags=re.IGNORECASE)
#: A brand without its domain (``Surya``, ``Tribunnews``).
_BRAND_ALONE = re.compile(BRAND, flags=re.IGNORECASE)


def _is_photo_credit(name: str) -> bool:
    """``Istimewa`` (courtesy), ``Dok Pribadi``, ``Ilustrasi``: an attribution that credits a photo, not a person."""
    return name.split()[0].rstrip(".").capitalize() in _CREDIT_WORDS


def _is_site_name(name: str) -> bool:
    """``Tribunnews.com``, ``Tribunjateng.com``: a site, not a person."""
    return _SITE_NAME.fullmatch(name.strip()) is not None
