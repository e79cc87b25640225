"""Share, follow and newsletter prompts, ad labels and consent notices."""

from __future__ import annotations

from newsingest._text.cleaners.inline import CutInline
from newsingest._text.rules import DropLine

PROMPT_PATTERNS = (
    # ad slot labels, alone on a line
    r"advertisement|advertising|sponsored(?: content)?|iklan|anzeige|publicité|publicidad|реклама",
    r"scroll (?:down |to continue)[^.]{0,40}",
    r"(?:continue reading|lanjut(?:kan)? baca)[^.]{0,40}",
    # share / follow prompts
    r"(?:share|tweet|email|print)(?: (?:this|on|via) [\w ]{1,30})?",
    r"share this (?:article|story)[^\n]{0,60}",
    # (after "like", a capitalised name: "Like many users on X, she said …" is a sentence)
    r"(?:follow (?:us|[\w .]{1,30})|like (?:us|(?-i:[A-Z])[\w .]{0,29})) on (?:facebook|twitter|x|instagram|tiktok|youtube|threads|google news|whatsapp|telegram|linkedin)[^\n]{0,80}",
    r"(?:ikuti|follow) (?:kami|juga)? ?(?:di|on) (?:google news|whatsapp|instagram|facebook|twitter|tiktok|youtube|telegram)[^\n]{0,60}",
    r"(?:simak|dapatkan|cek) berita[^\n]{0,120}di google news[^\n]{0,40}",
    # newsletter boxes
    r"(?:sign up|subscribe|register)(?: now| today| here)? (?:to|for) [\w'’ ,.&-]{0,60}newsletters?\b[^\n]{0,160}",
    # (not "Have you noticed … in your inbox lately?": a question is body text)
    r"(?:get|receive|have) (?!you\b)[^\n?]{0,100}(?:to|in|into) your inbox\b[^\n]{0,200}",
    r"get (?:the|our) [\w' ]{1,40}newsletter[^\n]{0,120}",
    r"(?:this site is protected by recaptcha|by (?:signing up|subscribing), you agree)[^\n]{0,200}",
    # cookie and consent notices
    r"(?:we|this (?:site|website)) uses? cookies[^\n]{0,240}",
    r"(?:accept|manage) (?:all )?cookies[^\n]{0,60}",
    r"link copied|copy link",
    # an embedded player or post left as a bracketed placeholder: ``[Gambas:Video 20detik]``
    r"\[(?:gambas|embed|video|iframe|instagram|twitter|tiktok|youtube)\s*:[^\]\n]{0,80}\]",
    # video promos between paragraphs: ``Lihat juga video: …``, ``Simak Video: …``, ``Video: …``
    r"(?:(?:lihat|simak|tonton|saksikan)(?: juga)? )?video\s*:[^\n]{3,160}",
    r"(?:lihat|simak|tonton)(?: juga)? video\b[^\n]{3,160}",
    r"saksikan live [\w ]{1,30}:",
    r"(?:simak|baca) (?:berita |artikel )?selengkapnya di halaman (?:selanjutnya|berikutnya)",
    # the editors' initials closing an Indonesian article, alone on the last line: ``(kny/imk)``, ``(ahs/nu1)``
    r"\((?:[a-z]{2,4}\d?/){1,3}[a-z]{2,4}\d?\)",
    # a link's text alone: ``Selengkapnya``, ``Baca kisah inspiratif kandidat polisi teladan di sini``
    r"selengkapnya|baca [^\n]{1,80}? di ?sini",
)

PROMPTS = DropLine(
    name="prompts",
    pattern="(?i)(?:" + "|".join(PROMPT_PATTERNS) + r")\.?",
    reason="share/follow/newsletter prompt, ad label or consent notice",
    max_chars=300,
)

#: A sentence whose point is a link the scrape dropped: ``For full results …, please click here.``,
#: ``Selengkapnya klik di sini.`` Tried only where a sentence starts, and it must end with its sentence:
#: a sentence about clicking (``Jangan klik link dari nomor tak dikenal.``) names no "here", and a
#: "click here" in quoted speech is someone's words.
CLICK_HERE = CutInline(
    name="click-here",
    pattern=r"(?:(?<=[.!?\"”] )|^)[^.!?\n\"“”]{0,160}?\b(?i:click here|klik di ?sini)\b[^.!?\n]{0,160}(?:[.!?]|$)",
    reason="a sentence that only points to a link",
    needles=("click here", "klik di"),
)
