"""Newsweek (newsweek.com).

Noise: the headline as the first line of scraped text, photo captions ending in
credits, ``Update …`` notes, and a long footer (``Uncommon Knowledge``, the
promise line, ``About the writer``, AI policy, subscription bullets, reprint
and trust-project lines). The author's name lives in ``About the writer``.
``Newsweek reached out to X for comment.`` is body text and stays.

Scraped pages (see the "Seen in real scraped text" notes) arrive as one long
line or with paragraphs glued, so most furniture here is cut out of a paragraph
rather than dropped as a line: ``AD Loading...``, ``Video Player is loading.``,
the byline (``By Name``, ``Senior Reporter``, ``Newsweek Is A Trust Project
Member``) and the date line (``Jan 24, 2024 at 2:00 PM EST``, to ``published``),
``Read more`` headline lists, reader call-outs, embedded posts, streaming and
affiliate promos, credit lines under captions and leftover JavaScript.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from newsingest import Captions, CutInline, Draft, DropFrom, DropLine, Extract, Plugin, Signature
from newsingest._text.blocks import CLOSING_MARKS
from newsingest._text.cleaners import credit_tail, split_names
from newsingest._text.cleaners.inline import is_headline

FOOTER_MARKERS = (
    r"Uncommon Knowledge",
    r"Newsweek is committed to challenging conventional wisdom.*",
    r"About the writers?",
    r"To read how Newsweek uses AI as a newsroom tool.*",
    r"Newsweek cover",
    # the subscription offer's lines, for when the lines above them are gone
    r"Newsweek magazine delivered to your door",
    r"Newsweek Voices: [^\n]{0,80}",
    r"Enjoy ad-free browsing on Newsweek\.com",
    r"Request Reprint (?:&|and) Licensing",
    r"Newsweek Is A Trust Project Member",
    # the rating box above the writer's bio
    r"(?i:fairness meter)",
    r"Newsweek is committed to journalism that['’]s factual and fair\..*",
    r"Hold us accountable and submit your rating of this article on the meter\..*",
    r"Click On Meter To Rate This Article",
)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
#: ``Jan 24, 2024 at 2:00 PM EST``: the date line under the byline.
DATE_LINE = rf"{_MONTH} \d{{1,2}}, \d{{4}}(?: at \d{{1,2}}:\d{{2}} ?[AaPp]\.?[Mm]\.?(?: [A-Z]{{2,4}})?)?"
_ZONES = {"EST": -5, "EDT": -4, "ET": -5, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
_ZONES |= {"GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2}
_DATE_PARTS = re.compile(
    r"(?P<month>[A-Za-z]{3})[a-z]*\.? (?P<day>\d{1,2}), (?P<year>\d{4})"
    r"(?: at (?P<hour>\d{1,2}):(?P<minute>\d{2}) ?(?P<half>[AaPp])\.?[Mm]\.?(?: (?P<zone>[A-Z]{2,4}))?)?"
)
_MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}


def parse_date_line(text: str) -> dt.date | dt.datetime | None:
    """``Jan 24, 2024 at 2:00 PM EST`` → an aware datetime (a bare date without the time)."""
    match = _DATE_PARTS.search(text)
    if match is None or match.group("month").lower() not in _MONTHS:
        return None
    try:
        day = dt.date(int(match.group("year")), _MONTHS[match.group("month").lower()], int(match.group("day")))
        if match.group("hour") is None:
            return day
        hour = int(match.group("hour")) % 12 + (12 if match.group("half").lower() == "p" else 0)
        offset = _ZONES.get(match.group("zone") or "", None)
        zone = dt.timezone(dt.timedelta(hours=offset)) if offset is not None else None
        return dt.datetime.combine(day, dt.time(hour, int(match.group("minute"))), zone)
    except ValueError:
        return None


_PERSON = r"[A-Z][\w.'’\-]+(?: (?:[A-Z][\w.'’\-]+|de|van|von|al)){0,3}?"
#: The words before a role's noun: rank, desk and beat (``Senior Politics Reporter``, ``Live News Deputy Editor``,
#: ``Senior Crime and Justice Reporter``).
_ROLE_WORDS = (
    "Senior|Deputy|Associate|Assistant|Managing|Executive|Weekend|Night|Breaking|Contributing|Staff|Live|US|U\\.S\\."
    "|World|National|International|Global|Foreign|News|Politics|Political|Crime|Justice|Legal|Sports|Betting"
    "|Entertainment|Celebrity|Culture|Pop|TV|Science|Health|Business|Finance|Economy|Technology|Tech|Weather|Climate"
    "|Trending|Opinion|Education|Immigration|Royal|Royals|Travel|Lifestyle|Video|Digital|Social|Audience|General"
    "|Assignment|Investigative|Military|Defense|Security"
)
#: ``Senior Reporter``, ``Weekend Editor``, ``Senior Politics Reporter``: the role under the byline.
ROLE = (
    rf"(?:(?:{_ROLE_WORDS})(?: and)? ){{0,4}}"
    r"(?:Reporter|Writer|Editor|Correspondent|Journalist|Producer|Columnist|Contributor|Analyst|Director)s?"  # (two writers: plural)
)
#: The byline cluster as one-line scrapes run it together: ``By Name [and Name] [Role] [Trust line] [date]``.
BYLINE = re.compile(
    rf"By (?P<value>{_PERSON}(?:,? (?:and|&) {_PERSON})?)(?= {ROLE}\b| Newsweek Is A Trust| {_MONTH} \d| (?:Published|Updated) |$)"
    rf"(?: {ROLE}\b)?(?: Newsweek Is A Trust Project Member)?"
)
#: ``Published Jan 24, 2024 at 2:00 PM EST`` / ``Updated …``, as a line or inside one.
DATED = re.compile(rf"(?:(?P<kind>Published|Updated):? )?(?P<value>{DATE_LINE} [A-Z]{{2,4}}\b|{DATE_LINE})")


_HEADER_LINE = re.compile(rf"{ROLE}|Newsweek Is A Trust Project Member")


def _names(value: str) -> list[str] | None:
    names = split_names(value)
    return names if names and all(len(name.split()) <= 5 for name in names) else None


@attrs.frozen
class BylineAndDate:
    """The byline, role, trust line and date line near the top, as lines or glued into one.

    The names go to ``authors``, the date to ``published`` (``Updated …`` to
    ``updated``). In a one-line scrape the headline stands before the byline:
    it becomes the title when it reads as one, and the rest stays the body.
    """

    name: str = "newsweek-byline"
    pattern: re.Pattern[str] = BYLINE
    date: re.Pattern[str] = DATED
    look_at: int = 6

    def apply(self, draft: Draft) -> None:
        self._header_lines(draft)
        for index in range(min(self.look_at, len(draft.blocks))):
            block = draft.blocks[index]
            match = self._byline(block.text)
            if match is None:
                continue
            for name in _names(match.group("value")) or []:
                draft.add_author(name)
            before, after = block.text[: match.start()].strip(), block.text[match.end() :].strip()
            draft.record_strip(match.group(0), "byline (names kept in authors)", self.name, "authors")
            before = self._dates_closing(draft, before)
            after = self._date(draft, after)
            if before and draft.title is None and index == 0 and is_headline(before):
                draft.title = before
                draft.record_strip(before, "headline on the first line (moved to title)", self.name, "title")
                before = ""
            text = " ".join(part for part in (before, after) if part)
            if text:
                draft.blocks[index] = type(block)(text, block.kind, block.language)
            else:
                draft.blocks.pop(index)
            self._date_lines(draft)
            return
        self._date_lines(draft)

    def _byline(self, text: str) -> re.Match[str] | None:
        """The byline in the first 2,000 characters, ``By`` starting a word (the pattern opens with
        the literal, which the regex engine finds fast; the word start is checked here)."""
        at = 0
        while True:
            match = self.pattern.search(text, at, 2000)
            if match is None or match.start() == 0 or not text[match.start() - 1].isalnum():
                return match
            at = match.start() + 1

    def _header_lines(self, draft: Draft) -> None:
        """The role and trust-project lines under the byline, each on its own line (before the footer
        rule can take the trust line for the footer's start)."""
        index = 0
        while index < min(self.look_at, len(draft.blocks)):
            text = draft.blocks[index].text.strip()
            if len(text) <= 60 and _HEADER_LINE.fullmatch(text):
                draft.remove(index, "byline furniture (role, trust-project line)", self.name)
            else:
                index += 1

    def _date(self, draft: Draft, text: str) -> str:
        """The dates opening ``text`` (what followed the byline) go to their fields; the rest is returned.

        Two at most: the date line and an ``Updated …`` one after it.
        """
        for _ in range(2):
            match = self.date.match(text)
            if match is None:
                break
            self._store(draft, match)
            text = text[match.end() :].strip()
        return text

    def _dates_closing(self, draft: Draft, text: str) -> str:
        """The dates closing ``text`` (the headline before the byline, glued into one line) go to their
        fields, in the order they stand; the rest is returned.

        Two at most, as after the byline: the date line and an ``Updated …`` one.
        """
        closing: list[re.Match[str]] = []
        end = len(text)
        for match in reversed(list(self.date.finditer(text))):
            if len(closing) == 2 or text[match.end() : end].strip():
                break
            closing.insert(0, match)
            end = match.start()
        stored = [match for match in closing if self._store(draft, match)]
        return text[: stored[0].start()].strip() if stored else text

    def _date_lines(self, draft: Draft) -> None:
        """Date lines of their own near the top."""
        index = 0
        while index < min(self.look_at, len(draft.blocks)):
            match = self.date.fullmatch(draft.blocks[index].text.strip())
            if match and self._store(draft, match):
                draft.remove(
                    index, "date line", self.name, "updated" if match.group("kind") == "Updated" else "published"
                )
            else:
                index += 1

    def _store(self, draft: Draft, match: re.Match[str]) -> bool:
        value = parse_date_line(match.group("value"))
        if value is None:
            return False
        field = "updated" if match.group("kind") == "Updated" or draft.published is not None else "published"
        if getattr(draft, field) is None:
            setattr(draft, field, value)
        if (match.string is not None and match.start() != 0) or match.end() != len(match.string):
            draft.record_strip(match.group(0), "date line", self.name, field)
        return True


#: Player and ad furniture that a scrape keeps wherever it stood.
FURNITURE = (
    r"AD Loading\.\.\.",
    r"Video Player is loading\.",
    r"Loaded: \d{1,3}(?:\.\d{1,2})?%",
    r"Newsweek Is A Trust Project Member",
    r"Link copied",
    r"Request Reprint (?:&|and) Licensing",
    r"function \w{1,40}\([^)]{0,100}\) ?\{(?:[^{}]|\{[^{}]{0,300}\}){0,600}\}",
    # a newsletter box's prompt, glued between two sentences
    r"(?<![^.!?] )Sign up for (?:Newsweek['’]s|our) [^.\n]{0,60}?newsletters?\b[^.\n]{0,120}\.",
    # reader call-outs
    # (a health desk's opens with its own question and closes with its promise: real text of 2024)
    r"(?:Is there [^?\n]{1,80}worrying you\? )?"
    r"Do you have (?:a tip|a story|a question|any questions|questions)[^?\n]{0,160}\?(?: Do you have [^?\n]{0,160}\?)?"
    r"(?: (?:Let us know via|Contact|Email|Reach out (?:to|via))[^\n]{0,120}?(?:\.(?= |$)|$))?"
    r"(?: We can ask experts for advice,? and your story could be featured on Newsweek\.)?",
    # (a desk's call for readers' pictures: ``… you want to share? Send them to … our Pet of the Week lineup.``,
    # the address often gone from the scrape)
    r"Do you have [^?\n]{1,160}\? (?:Send|Share|Email) (?:them|it|yours|us)\b[^\n]{0,200}?"
    r"(?:Pet of the Week|featured on Newsweek|@newsweek\.com|\[email protected\])[^\n]{0,120}?(?:\.(?= |$)|$)",
    # streaming and affiliate promos
    r"Regional restrictions may apply\.",
    # a "How to Watch" piece's line above its stream promo
    r"This is a great [^.;\n]{1,80} (?:matchup|game|match|fight|race|event|showdown) that you (?:will not|won['’]t) want "
    r"to miss; make sure to tune in and catch all the action\.",
    r"If you (?:purchase|buy) a product or register for an account through (?:a |one of the )?links? on our site,? "
    r"we may receive compensation\.",
    r"You can (?:live )?stream [^.\n]{1,200}?\b(?:Fubo(?:TV)?|Sling(?: TV)?|DirecTV Stream|Peacock|Paramount\+|ESPN\+)\b[^.\n]{0,120}(?:\.|$)"
    # (and the service's pitch after it: ``They carry all the channels you need, never to miss the action, …``)
    r"(?: They carry all the channels you need[^.\n]{0,240}\.)?",
    # the line promo of the stream-promo rule, glued between two sentences
    r"(?<=[.!?] )Live stream [^.\n]{1,120} (?:with|on) (?:Fubo(?:TV)?|Sling(?: TV)?|DirecTV Stream|Peacock|Paramount\+|ESPN\+)\b[^.\n]{0,80}\.",
    # embedded posts: the picture link and the signature line
    r"pic\.twitter\.com/\w{1,20}",
    r"— [^\n()—]{1,60} \(@\w{1,30}\) " + _MONTH + r" \d{1,2}, \d{4}",
)
#: One of these occurs in every piece of :data:`FURNITURE` (any case).
FURNITURE_NEEDLES = (
    "ad loading",
    "video player",
    "loaded:",
    "trust project",
    "link copied",
    "reprint",
    "function ",
    "do you have",
    "regional restrictions",
    "if you purchase",
    "if you buy",
    "you can stream",
    "you can live stream",
    "live stream",
    "pic.twitter",
    "(@",
    "sign up for",
    "tune in",
)
#: A credit on a line of its own under a caption: ``PIYASET/GETTY``, ``NASA/JPL-Caltech/MSSS``.
CREDIT_LINE = (
    r"[A-Z][\w.&'’\-]{0,30}(?: [A-Z][\w.&'’\-]{0,30}){0,2}(?:/[A-Z][\w.&'’\-]{0,30}(?: [A-Z][\w.&'’\-]{0,30}){0,2}){1,3}"
    r"(?: via [A-Z][\w.&'’\-]{0,30}(?: [A-Z][\w.&'’\-]{0,30}){0,2})?"  # ``Name/Getty Images via AFP``
)
#: A lead picture's credit with no caption: ``Photo-illustration by Newsweek/Getty``, ``Illustration by Jane Doe``.
_ILLUSTRATION = re.compile(r"(?:Photo[- ]?[Ii]llustration|Illustration)(?: by)? [A-Z][\w.&'’\-/ ]{1,80}")


@attrs.frozen
class ReadMoreList:
    """``Read more`` / ``READ MORE`` on a line of its own, then two to four related headlines."""

    name: str = "newsweek-read-more"
    pattern: re.Pattern[str] = re.compile(r"(?i)read more:?")
    most: int = 4

    def apply(self, draft: Draft) -> None:
        index = 0
        while index < len(draft.blocks):
            if not self.pattern.fullmatch(draft.blocks[index].text.strip()):
                index += 1
                continue
            end = index + 1
            while end < len(draft.blocks) and end - index <= self.most and is_headline(draft.blocks[end].text):
                end += 1
            if end - index < 2 and index > 0 and index == len(draft.blocks) - 1:
                index += 1  # a bio's closing "Read more" is the footer rule's
                continue
            for _ in range(end - index):
                draft.remove(index, "related headlines under Read more", self.name)


#: Words a photo credit without a slash holds: ``Penn State``, ``Courtesy of …``, ``Getty Images``.
_CREDIT_WORDS = re.compile(
    r"\b(?:Getty|Images|AP|AFP|Reuters|EPA|NASA|Photo|Photos|Courtesy|Handout|Illustration|Newsweek|University"
    r"|State|College|Institute|Museum|Agency|Department|Police|Office|Studios?|Pictures|Press|Shutterstock|iStock)\b"
)


#: How a caption's last sentence ends (the credit follows it; a copy of the caption starts after one).
_CAPTION_SENTENCE_END = (".", "!", "?", '"', "”")
#: The page's caption script, which a scrape of the article's text keeps after the caption and its credit.
_TOGGLE_CAP = re.compile(r"function toggleCap\(\) ?\{(?:[^{}]|\{[^{}]{0,300}\}){0,600}\}")
#: The most words a picture's credit has (``NASA/JPL-Caltech/MSSS``, ``Penn State``, ``Jane Doe/Getty Images``).
_CREDIT_MOST_WORDS = 6
#: The most sentences a caption has.
_SCRIPTED_CAPTION_SENTENCES = 4
_WORD = re.compile(r"\S+")
#: A sentence's end and the space after it: where a caption's copy may start.
_SENTENCE_END = re.compile(r"[.!?][\"”]? ")


@attrs.frozen
class ScriptedCaption:
    """A picture's caption as a scrape of the article's text keeps it: twice, its credit, then the page's script.

    ``… the team said. A rover photographs itself. A rover photographs itself. NASA/JPL-Caltech/MSSS
    function toggleCap(){…} "We think …`` (real scraped text of 2024, one line). The script is
    where the caption block ends; before it, the credit (a few words: a slash, or a credit's
    vocabulary, :data:`_CREDIT_WORDS`) and, right before that, the same sentences twice, each copy
    starting where a sentence does. The copies, the credit and the script go (the caption and
    its credit to ``metadata.captions``); without the two copies only the script goes, as
    furniture.
    """

    name: str = "newsweek-caption-script"
    pattern: re.Pattern[str] = _TOGGLE_CAP

    def apply(self, draft: Draft) -> None:
        for index, block in enumerate(draft.blocks):
            if "function toggleCap(" not in block.text:
                continue  # (the usual block: one substring test)
            text = block.text
            for script in reversed(list(self.pattern.finditer(text))):  # (from the end: earlier spans stay put)
                found = _doubled_caption(text[: script.start()].rstrip())
                if found is None:
                    continue
                start, caption, credit = found
                draft.add_metadata("captions", {"text": caption, "credit": credit}, many=True)
                draft.record_strip(
                    text[start : script.end()],
                    "photo caption printed twice, its credit and the page's caption script",
                    self.name,
                    "metadata.captions",
                )
                text = " ".join((text[:start] + " " + text[script.end() :]).split())
            if text != block.text:
                draft.keep_cut(index, text)


def _doubled_caption(before: str) -> tuple[int, str, str] | None:
    """Where ``before`` ends with a caption twice and a credit: the first copy's start, the caption, the credit."""
    words_at = [match.start() for match in _WORD.finditer(before)]
    for count in range(1, _CREDIT_MOST_WORDS + 1):
        if count >= len(words_at):
            return None
        credit = before[words_at[-count] :]
        if "/" not in credit and not _CREDIT_WORDS.search(credit):
            continue
        copies = before[: words_at[-count]].rstrip()
        if not copies.endswith(_CAPTION_SENTENCE_END):
            continue
        # the second copy starts where one of the last sentences does; the first copy is the same text before it
        starts = [match.end() for match in _SENTENCE_END.finditer(copies)]
        for second in reversed(starts[-_SCRIPTED_CAPTION_SENTENCES:]):
            caption = copies[second:]
            first = second - 1 - len(caption)
            if (
                len(caption.split()) >= 5
                and first >= 0
                and copies[first : second - 1] == caption
                and (first == 0 or copies[:first].rstrip().endswith(_CAPTION_SENTENCE_END))
            ):
                return first, caption, credit
    return None


@attrs.frozen
class CaptionCopies:
    """Captions printed twice (thumbnail and full) and a credit on the line under them.

    A credit line (``NASA/JPL-Caltech/MSSS``) takes the block above it along as
    the caption; a short credit without a slash (``Penn State``: a credit's vocabulary,
    see :data:`_CREDIT_WORDS`) only when the block above it is a caption's
    second copy (the same text right above it).
    Both copies go.
    """

    name: str = "newsweek-caption"
    pattern: re.Pattern[str] = re.compile(CREDIT_LINE)

    def apply(self, draft: Draft) -> None:
        self._copy_above_a_credit_in_capitals(draft)
        index = 1
        while index < len(draft.blocks):
            credit = draft.blocks[index].text.strip()
            if len(credit) > 80:
                index += 1  # not a credit line: the cheap test first, this runs on every block
                continue
            above = draft.blocks[index - 1].text
            copies = [index - 2] if index >= 2 and draft.blocks[index - 2].text == above else []
            slashed = self.pattern.fullmatch(credit) is not None
            short = 0 < len(credit.split()) <= 4 and _CREDIT_WORDS.search(credit) is not None
            copies = copies if len(above.split()) >= 6 else []
            if not ((slashed or (short and copies)) and len(above.split()) <= 80):
                index += 1
                continue
            draft.add_metadata("captions", {"text": above.strip(), "credit": credit}, many=True)
            draft.remove(index, "caption credit", self.name, "metadata.captions")
            draft.remove(index - 1, "photo caption", self.name, "metadata.captions")
            for at in reversed(copies):
                draft.remove(at, "photo caption (second copy)", self.name, "metadata.captions")
            index = max(1, index - 1 - len(copies))
        for index in range(len(draft.blocks) - 1, -1, -1):  # (from the end: a block may go)
            text = draft.blocks[index].text
            if "/" in text and len(text) > 100:  # (a glued paragraph with a credit in it: rare)
                self._cut_glued_copies(draft, index)
        self._other_copies_and_credits(draft)

    def _copy_above_a_credit_in_capitals(self, draft: Draft) -> None:
        """The thumbnail's copy, then the caption with a credit in capitals on its line (``… 2024. PIYASET/GETTY``).

        A credit in agencies' own case is the generic caption rule's (the copy then goes as a copy of
        a moved caption); one in capitals is taken here, only under its caption's copy.
        """
        index = 1
        while index < len(draft.blocks):
            above = draft.blocks[index - 1].text.strip()
            text = draft.blocks[index].text.strip()
            credit = text[len(above) + 1 :]
            if (
                len(above.split()) >= 6
                and text.startswith(above + " ")
                and len(credit) <= 80
                and credit.isupper()
                and self.pattern.fullmatch(credit)
            ):
                draft.add_metadata("captions", {"text": above, "credit": credit}, many=True)
                draft.remove(index - 1, "photo caption (thumbnail copy)", self.name, "metadata.captions")
                draft.remove(index - 1, "photo caption with its credit", self.name, "metadata.captions")
                index = max(1, index - 1)
            else:
                index += 1

    def _other_copies_and_credits(self, draft: Draft) -> None:
        """A copy of a moved caption left without its credit (the thumbnail's), and a credit with no caption."""
        # (every caption rule stores ``{"text", "credit"}``)
        moved = {caption["text"] for caption in draft.metadata.get("captions", ()) if len(caption["text"].split()) >= 6}
        index = 0
        while index < len(draft.blocks):
            text = draft.blocks[index].text.strip()
            if text in moved:
                draft.remove(index, "photo caption (second copy)", self.name, "metadata.captions")
            elif len(text) <= 100 and _ILLUSTRATION.fullmatch(text):
                draft.add_metadata("captions", {"text": "", "credit": text}, many=True)
                draft.remove(index, "picture credit", self.name, "metadata.captions")
            else:
                index += 1

    def _cut_glued_copies(self, draft: Draft, index: int) -> None:
        """A caption printed twice inside a glued paragraph: both copies and the credit go.

        ``… in some areas. A man shovels snow in Boston. Scott Eisen/Getty Images A man
        shovels snow in Boston. Scott Eisen/Getty Images The storm …`` (a one-line
        scrape), or the thumbnail's copy without the credit first: ``… A man shovels
        snow in Boston. A man shovels snow in Boston. Scott Eisen/Getty Images The
        storm …``. Only the doubled forms are cut: a caption is found by its copy; a
        credit printed once inside a paragraph is left where it is.
        """
        block = draft.blocks[index]
        text = block.text
        cuts: list[tuple[int, int]] = []  # the spans of both copies, in order, none overlapping
        for credit in _GLUED_CREDIT.finditer(text):
            if cuts and credit.start() < cuts[-1][1]:
                continue  # the second copy's credit, already in a cut
            # glued, a credit runs into the next sentence's first word (``…/Getty Images The storm``): each
            # end from the whole match back to the slash's part is tried; the copy decides
            slash = text.index("/", credit.start())
            ends = [credit.end()] + [at for at in range(credit.end() - 1, slash, -1) if text[at] == " "]
            for end in ends:
                found = self._copy_before(text, credit.start(), end, cuts[-1][1] if cuts else 0)
                if found is not None:
                    cut_start, cut_end, start = found
                    cuts.append((cut_start, cut_end))
                    caption = {
                        "text": " ".join(text[start : credit.start()].split()),
                        "credit": " ".join(text[credit.start() : end].split()),
                    }
                    draft.add_metadata("captions", caption, many=True)
                    draft.record_strip(
                        text[cut_start:cut_end], "photo caption printed twice", self.name, "metadata.captions"
                    )
                    break
        if cuts:
            bounds = [0, *(at for cut in cuts for at in cut), len(text)]
            kept = " ".join(" ".join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)).split())
            if kept:
                draft.keep_cut(index, kept)
            else:
                draft.blocks.pop(index)  # nothing but captions (each cut is recorded above)

    @staticmethod
    def _copy_before(text: str, credit_start: int, end: int, floor: int) -> tuple[int, int, int] | None:
        """The caption ending in the credit at ``credit_start:end``, when it is printed twice.

        The caption ends its last sentence before the credit; it starts where a
        sentence does (after ``. ``, ``? ``, ``! ``, at the paragraph's start, or
        where the last cut ended), at most :data:`_CAPTION_SENTENCES` sentences and
        :data:`_CAPTION_CHARS` characters back. Its copy, caption and credit, follows
        right after; or its sentences alone stand right before it (the thumbnail's
        copy), and then the credit must be one by :func:`credit_tail`'s patterns, which
        decides where it ends. Returns the span to cut and where the caption starts.
        """
        lowest = max(floor, credit_start - _CAPTION_CHARS)
        window = text[lowest:credit_start]  # (only this much is read: linear however many credits a text holds)
        if not window.rstrip().endswith(_CAPTION_SENTENCE_END):
            return None  # a caption is a sentence: a credit after anything else is not one's
        credit = text[credit_start:end].strip()
        start = credit_start
        for _ in range(_CAPTION_SENTENCES):
            found = max(text.rfind(mark, lowest, start - 1) for mark in (". ", "? ", "! "))
            if found != -1:
                start = found + 2
            elif lowest == floor:  # the paragraph's start, or the end of the last cut
                start = floor + (len(window) - len(window.lstrip()))
            else:
                return None
            copy = text[start:end]
            if len(copy.split()) >= 6 and text.startswith(" " + copy, end):
                return start, end + 1 + len(copy), start
            sentences = text[start:credit_start].strip()
            before = text[max(floor, start - 1 - len(sentences)) : start].rstrip()
            if len(sentences.split()) >= 6 and before == sentences and _ends_there(sentences, credit):
                return start - 1 - len(sentences), end, start
            if found == -1:
                return None
        return None


def _ends_there(caption: str, credit: str) -> bool:
    """Whether ``credit``, read up to here after ``caption``, is a whole credit: one by :func:`credit_tail`'s
    patterns, or one all in capitals (``PIYASET/GETTY``, ``TIMOTHY A. CLARY/AFP VIA GETTY``), which ends
    where its capitals do: the next sentence opens in lower case after its first letter."""
    return credit.isupper() or credit_tail(caption + " " + credit) == credit


#: A credit inside a glued paragraph (:data:`CREDIT_LINE`, not part of a longer word or path).
_GLUED_CREDIT = re.compile(rf"(?<![\w/])(?:{CREDIT_LINE})(?![\w/])")
#: Sentences a caption may hold, and how far back from its credit it may start.
_CAPTION_SENTENCES = 3
_CAPTION_CHARS = 400


#: "Zoe Strozewski is a Newsweek reporter …", "X is a senior editor at Newsweek …"
WRITER = re.compile(
    r"^(?P<value>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}) is (?:a|an|the) (?:Newsweek\b|(?:[\w\-]+ ){0,3}"
    r"(?:reporter|writer|editor|correspondent|journalist|contributor|columnist)\b[^\n]{0,40}Newsweek)"
)
_ABOUT = re.compile(r"About the writers?")


@attrs.frozen
class WriterBio:
    """The author's name, from the bio under ``About the writer`` (kept for the footer rule to drop).

    A rule of its own because the bio is found by where it sits: the few blocks
    after the header, or (when a scraper lost the header) the last few blocks.
    """

    name: str = "newsweek-writer"
    header: re.Pattern[str] = _ABOUT
    pattern: re.Pattern[str] = WRITER
    look_at: int = 4

    def apply(self, draft: Draft) -> None:
        blocks = draft.blocks
        header = next((i for i, block in enumerate(blocks) if self.header.fullmatch(block.text)), None)
        candidates = blocks[header + 1 : header + 1 + self.look_at] if header is not None else blocks[-12:]
        for block in candidates:
            match = self.pattern.match(block.text) if len(block.text) <= 600 else None
            if match:
                draft.add_author(match.group("value"))


class Newsweek(Plugin):
    name = "newsweek"
    display_name = "Newsweek"
    domains = ("newsweek.com",)
    language = "en"
    drop_selectors = (
        ".paywall-promo",
        ".subscription-box",
        "[class*='newsletter']",
        ".ad-container",
        "[id^='div-gpt-ad']",
        ".related-articles",
        "[class*='related-']",
        ".uncommon-knowledge",
        ".about-author",
        ".author-bio",
        ".ai-policy",
        ".article-tools",
        ".trust-project",
        ".share-bar",
        ".article-byline",
        ".dateInfo",
        # the page's own class names (2018-2020 pages, as public scrapers and a maintained e-book recipe
        # name them): ad slots, share bar, the video block and its caption, Taboola's and Piano's boxes
        ".block-openadstream",
        ".block-ibtmedia-social",
        ".videocontent",
        ".trc_related_container",
        "#taboola-below-main-column",
        "#piano-root",
        ".most-popular",
        ".ibt-media-stories",
        ".block-ibtmedia-top-stories",
    )
    rules = (
        BylineAndDate(),
        WriterBio(),
        DropFrom(
            "newsweek-footer",
            "(?:" + "|".join(FOOTER_MARKERS) + ")",
            "Newsweek footer (promo, writer bio, subscription)",
        ),
        CutInline(
            "newsweek-footer-inline",
            r"(?:Uncommon Knowledge ?)?Newsweek is committed to challenging conventional wisdom[^\n]*$"
            r"|About the writers? (?=[A-Z][\w.'’\-]+ [A-Z][\w.'’\-]+ is (?:a|an|the) )[^\n]*$"
            r"|To read how Newsweek uses AI as a newsroom tool[^\n]*$"
            r"|(?:(?i:fairness meter) ?)?Newsweek is committed to journalism that['’]s factual and fair[^\n]*$",
            "Newsweek footer glued to the last paragraph",
            needles=("newsweek is committed", "about the writer", "to read how newsweek"),
        ),
        Extract(
            "newsweek-embed",
            rf"^(?P<value>[^\n]{{1,600}}? — [^\n()—]{{1,60}} \(@\w{{1,30}}\) {_MONTH} \d{{1,2}}, \d{{4}})$",
            "metadata.embeds",
            "embedded social post",
            many=True,
            max_chars=800,
            needles="(@",
        ),
        ScriptedCaption(),
        CutInline(
            "newsweek-furniture",
            "(?:" + "|".join(FURNITURE) + ")",
            "player, ad, call-out, promo or embed furniture",
            needles=FURNITURE_NEEDLES,
        ),
        DropLine(
            "newsweek-stream-promo",
            r"(?:Live stream|Watch|Stream) [^.\n]{1,120} (?:with|on) (?:Fubo(?:TV)?|Sling(?: TV)?|DirecTV Stream|Peacock|Paramount\+|ESPN\+)\b[^.\n]{0,80}\.?",
            "streaming promo",
            max_chars=240,
        ),
        ReadMoreList(),
        CaptionCopies(),
    )
    signatures = (
        Signature(r"Newsweek is committed to challenging conventional wisdom", 2.0),
        Signature(r"Newsweek is committed to journalism that['’]s factual and fair", 2.0),
        Signature(r"To read how Newsweek uses AI", 1.0),
        Signature(r"is a Newsweek (?:reporter|writer|editor|correspondent)", 1.0),
        # (the bio's other wording: ``is a Weekend Reporter at Newsweek based in New York``)
        Signature(
            r"is an? (?:[A-Z][\w\-]{1,20} ){0,3}(?:[Rr]eporter|[Ww]riter|[Ee]ditor|[Cc]orrespondent) (?:at|for) Newsweek\b",
            1.0,
            needles=("at newsweek", "for newsweek"),
        ),
        Signature(r"Newsweek (?:has |had |also )?(?:reached out to|contacted)\b", 1.0),
        # the newsroom asking for comment in its own name (``Newsweek called the members of Congress … for comment``)
        Signature(
            r"Newsweek (?:has |had |also )?(?:called|emailed|asked|messaged)\b[^.\n]{0,160}?\bfor (?:a )?(?:comment|further "
            r"comment|additional comment|a response)",
            1.0,
        ),
        Signature(r"\b(?:told|tells) Newsweek\b", 0.5, needles=("told newsweek", "tells newsweek")),
        Signature(
            r"\b(?:shared with|provided to|in an? (?:email|statement|interview) (?:to|with)) Newsweek\b",
            0.5,
            needles=("with newsweek", "to newsweek"),
        ),
        # the house format's section headings, each a line of its own (two make the outlet; one, as other
        # outlets print ``What to Know``, does not); one needle for the four: a line opening ``Wh``
        *(
            Signature(rf"(?m)^{heading}$", 0.5, needles="\nwh")
            for heading in (
                r"Why It Matters",
                r"What [Tt]o Know",
                r"What People Are Saying",
                r"What Happens Next",
            )
        ),
        Signature(r"Uncommon Knowledge", 0.5),
        Signature(r"Newsweek Is A Trust Project Member", 2.0),
        # the affiliate disclaimer closing its sports and shopping pieces, both sentences
        Signature(
            r"Regional restrictions may apply\. If you purchase a product or register for an account through "
            r"(?:one of the |a )?links? on our site,? we may receive compensation",
            1.0,
        ),
        Signature(r"(?i)\bNewsweek (?:newsletter|subscription|magazine delivered)", 1.0, needles="newsweek"),
        Signature(r"LiveNews@newsweek\.com", 2.0, needles="@newsweek.com"),
        # page furniture as scrapers keep it
        Signature(r"AD Loading\.\.\.", 1.0),
        Signature(r"Request Reprint (?:&|and) Licensing", 1.0),
        Signature(r"Newsweek['’]s [\w ]{0,30}newsletter", 1.0, needles="newsweek"),
        # the page's own script for its photo captions, left in the text by scrapers
        Signature(r"function toggleCap\(", 1.0),
    )

    def process(self, draft: Draft) -> None:
        """Scraped Newsweek text opens with the headline: take it as the title.

        Newsweek headlines may end in ``?`` or run long, which the generic title
        step refuses; here the first short line with a letter in it, followed by
        body text, is enough. A page with no title of its own is read the same
        way, so that ingesting an article's own text again finds nothing more.
        """
        if draft.title or len(draft.blocks) < 2:
            return
        first = draft.blocks[0].text
        if (
            len(first.split()) <= 30
            and any(char.isalpha() for char in first)
            and not first.rstrip(CLOSING_MARKS).endswith((".", ":", ";", ","))  # (``… calling it an "all-timer."``)
            and len(first) < len(draft.blocks[1].text)
        ):
            draft.title = draft.remove(
                0, "headline on the first line (moved to title)", "newsweek-headline", moved_to="title"
            ).text


# Newsweek credits its own photos and maps "Newsweek": a caption credit here, not in generic code
#: (a credit on a line of its own is left to :class:`CaptionCopies`, which takes the caption above it too)
Newsweek.generic_rules = {
    "caption": Captions("newsweek-caption", own_credits=("Newsweek",), credit_lines=False),
    # the byline, role and date lines are BylineAndDate's: it reads them as lines or glued, with the time
    "header-lines": None,
}
