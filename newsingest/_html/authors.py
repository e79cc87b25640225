"""Author strings from page metadata turned into person names.

Pages put whatever their CMS holds in ``author`` fields: bylines with their
lead-in (``By …``, ``Analysis by …``, ``Текст …``), several people in one string
(``MEG KINNARD and ERRIN HAINES``), a job title or the agency after a comma
(``Mike Marshall, Shipping Expert``, ``…, Associated Press``), a date or an
avatar's initials caught with the name (``Luke Kim December``, ``CM Craig
McCarthy``), and sometimes no name at all (``Dec``, ``262588213843476``, a URL).
:func:`author_names` keeps the people. A string that names only an organisation
(``Podium Staff``, ``TOI Lifestyle Desk``) is kept as it is: it is the page's
only credit, and the article's author in that sense.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from newsingest._source.decode import _clean_str as clean_text_chars


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Lead-ins that can only open a byline (``By``, ``Analysis by``, ``Author:``).
_LEAD_IN = re.compile(
    r"^(?:(?:(?:an?\s+)?(?:analysis|opinion|commentary|review|story|text|words|photos?|video|interview|reporting|"
    r"written|posted|published|reported|compiled|edited|created|updated)\s+)?by\b|authors?\b|written\s+by\b)"
    r"\s*[:|\-–—]?\s*",
    re.IGNORECASE,
)
#: Lead-ins that are also words of names (``Von Miller``): dropped only when two words follow.
_FOREIGN_LEAD_IN = re.compile(
    r"^(?:text|текст|автор|авторы|oleh|penulis|reporter|wartawan|von|par|por|door|af|av|tekst)\b\s*[:|\-–—]?\s*(?=\S+\s+\S)",
    re.IGNORECASE,
)
#: Between two people: ``and`` in the corpora's languages, ``&``, ``;``, ``|``, ``/``, a spaced dash.
_PEOPLE = re.compile(r"(?<!\s)(?:\s+(?:and|und|и|dan|y|et|e|og|och|en)\s+|\s*[&;|/]\s*|\s+[-–—]\s+)", re.IGNORECASE)
#: Words that make a part a job title, a credential or an organisation, not a person.
_NOT_PERSON = _wordset(
    """
    agency ap afp associated press reuters bloomberg news newsroom times post today daily weekly herald tribune
    gazette journal magazine media network staff team desk bureau editorial editors editor contributor contributors
    contributing correspondent reporter writer columnist author blogger producer expert director manager ceo cto
    coo cfo founder co-founder cofounder president chair chairman officer head senior analyst consultant
    specialist strategist coordinator professor lecturer researcher scientist engineer developer designer
    photographer md phd mba rn cpa esq inc ltd llc gmbh group institute university college school company
    corporation corp blog intern former guest administrator admin marketing communications department office
    of at for the
    """
)
_MONTHS = _wordset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
#: A date or time stamp caught after the name (``Luke Kim December``, ``… Last updated 3 May``).
#: Months that are also names (``Theresa May``) count only before a number.
_TRAILING_STAMP = re.compile(
    r"(?<!\s)\s+(?:(?:(?:last\s+)?updated|published|posted|january|february|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b[\s\d,.:]*|(?:may|march|april|june|july|august)\s+\d[\s\d,.:]*)$",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\([^()]*\)")
_LETTER = re.compile(r"[^\W\d_]")
_URLISH = re.compile(r"^(?:https?:|www\.)|://|@|^[\w-]+(?:\.[\w-]+)+$", re.IGNORECASE)


def clean_metadata_text(value: str) -> str:
    """A metadata string made plain: entities unescaped (twice-escaped ones too), bad characters
    replaced as in body text, whitespace collapsed."""
    for _ in range(2):  # ``&amp;#8217;`` is escaped twice
        if "&" not in value:
            break
        value = html.unescape(value)
    return " ".join(clean_text_chars(value).split())


def author_names(values: str | Iterable[str]) -> list[str]:
    """The people one author string (or several, as a page lists them) names, in order, each once.

    When no string names a person, the first organisation credited is kept
    (``Podium Staff``); a lone job title (``CEO``) or date (``Dec``) is no author.

    >>> author_names("By MEG KINNARD and ERRIN HAINES, Associated Press")
    ['Meg Kinnard', 'Errin Haines']
    >>> author_names(["Mike Marshall, Shipping Expert", "Analysis by Chris Cillizza"])
    ['Mike Marshall', 'Chris Cillizza']
    """
    names: list[str] = []
    organisations: list[str] = []
    for value in [values] if isinstance(values, str) else values:
        text = clean_metadata_text(value).strip(" ,;:|-–—·•")
        if not text or _URLISH.search(text):
            continue
        for position, part in enumerate(_comma_parts(text)):
            found_here = False
            for piece in _PEOPLE.split(part):
                name = _tidy(piece)
                if not name:
                    continue
                if _is_person(name) and (position == 0 or " " in name):
                    names.append(_title_case(name))
                    found_here = True
                elif position == 0 and not found_here and name.casefold() not in _NOT_PERSON:
                    organisations.append(name)
    found = names or organisations[:1]
    unique: list[str] = []
    for name in found:
        if name.casefold() not in {u.casefold() for u in unique}:
            unique.append(name)
    return unique


def _comma_parts(text: str) -> list[str]:
    """The string cut at commas; a lead-in is dropped from the first part."""
    parts = [part.strip() for part in text.split(",")]
    parts[0] = _strip_lead_in(parts[0])
    return [part for part in parts if part]


def _tidy(piece: str) -> str:
    """One name: lead-in, stamps, avatar initials and stray punctuation gone; ALL CAPS made Title Case."""
    name = _strip_lead_in(piece)
    name = _PARENTHESES.sub(" ", name)
    name = _TRAILING_STAMP.sub("", name).strip(" ,;:|-–—·•()[]\"'")
    words = name.split()
    if len(words) >= 3 and _is_initials_of(words[0], words[1:]):
        words = words[1:]  # ``CM Craig McCarthy``: an avatar's initials before the name
    name = " ".join(words)
    if not _LETTER.search(name) or _URLISH.search(name):
        return ""
    if name.casefold() in _MONTHS or name.casefold() in {"the author", "author", "admin", "staff"}:
        return ""
    return name


def _title_case(name: str) -> str:
    """A name written in capitals (``MEG KINNARD``) as a name is written; other names unchanged."""
    if name.isupper() and " " in name:
        return " ".join(_capitalise(word) for word in name.split())
    return name


def _strip_lead_in(text: str) -> str:
    text = _LEAD_IN.sub("", text.strip(), count=1)
    return _FOREIGN_LEAD_IN.sub("", text, count=1).strip()


def _is_initials_of(token: str, words: list[str]) -> bool:
    return token.isupper() and len(token) in (2, 3) and token == "".join(w[0] for w in words[: len(token)])


def _capitalise(word: str) -> str:
    """``KINNARD`` → ``Kinnard``, ``O'RIORDAN`` → ``O'Riordan``, ``MUNOZ-MANTILLA`` → ``Munoz-Mantilla``."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), word)


def _is_person(name: str) -> bool:
    """One to five words, none a job title, credential or organisation word, not all lower case."""
    words = name.split()
    if not 1 <= len(words) <= 5 or name.islower():
        return False
    folded = [word.casefold().strip(".,()") for word in words]
    return not any(word in _NOT_PERSON or word + "." in _NOT_PERSON for word in folded)
