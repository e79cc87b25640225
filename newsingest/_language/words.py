"""Cheap evidence about a paragraph's language: function words and writing systems.

Running langdetect on every paragraph would cost more than the rest of the pipeline
(a detection is a random walk of seven trials; even the compiled accelerator needs
~0.03 ms a paragraph, 0.5 ms for a typical article). Most paragraphs are simply in the
article's language, and that is cheap to *confirm*:

* for languages written with spaces between words, a good share of the paragraph's
  words are that language's function words (*the, of, and* / *yang, di, dan* / *и, в,
  что*), few are other languages' only, and some are its own within its group of
  look-alikes (:data:`GROUPS`);
* Russian, Ukrainian and Arabic also by letters only they use in their script;
* for languages with a script of their own (Greek, Thai, Korean, …) and for Chinese and
  Japanese, the paragraph is written in that script (Japanese: with kana; Chinese:
  with Han characters and no kana or Hangul).

:func:`confirms` answers only "yes, this is the article's language" or "can't say";
a paragraph it cannot confirm goes to the real detector. So the tables here can make
paragraph tagging slower when they are incomplete, but they can only make it wrong
when a foreign paragraph happens to be full of the article language's function words.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from itertools import repeat

from newsingest._language.unicode_marks import MARK_RANGES

#: The most frequent function words of each language, lower case, as :func:`words` splits
#: text: at spaces and apostrophes (``l'équipe`` gives ``l`` and ``équipe``), punctuation
#: left on (a word next to a comma or a quote mark is not counted; function words
#: seldom are).
FUNCTION_WORDS: dict[str, str] = {
    "en": (
        "the of and to a in is that for on with as was by he it at from his her said be have has had are"
        " were not but this they which an or their will would been its who after more than about we there"
        " when she our them also into over can could should you him one up out what all if no so do did"
        " then some other these those while where"
    ),
    "de": (
        "der die das und in den von zu mit ist im sich des dem nicht ein eine einer einem einen auf für auch"
        " es an als er sie wir ihr sind war wurde werden wird hat haben nach bei aus um noch wie am vor über"
        " so nur oder aber bis dass man sei zum zur durch mehr sagte gegen schon unter wenn kann ich"
    ),
    "nl": (
        "de het een van en in is dat op te zijn met voor niet er aan om ook als bij door maar dan nog naar was"
        " werd worden wordt heeft hebben uit over tot zich die deze dit al wel of zo we ze hij zij hun haar"
        " moet kan meer geen na onder tegen"
    ),
    "af": (
        "die van en in is het nie om te op vir met wat sy hulle ook dat was word deur aan by maar as ons hy"
        " jy sal kan hul toe nog een my baie meer oor uit na tot"
    ),
    "da": (
        "og i at det en den til er som på de med for af ikke der var han har jeg sig et men om vi fra blev"
        " efter skal kan også være ved da hun eller havde nu over under mod"
    ),
    "no": (
        "og i det er som en på til av at de med for ikke den har jeg var han seg om vi fra et men skal kan"
        " også vil etter blir ble da hun eller hadde nå over under mot"
    ),
    "sv": (
        "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så"
        " kan också efter eller vid under hon skulle när mot nu ska blir blev"
    ),
    "fr": (
        "le la les de des du un une et en à au aux que qui est pour dans sur par pas plus il elle ils ne se"
        " ce cette son sa ses a été avec ont sont l d qu n s c leur mais ou nous vous on y lors selon après"
        " avant était être comme tout"
    ),
    "es": (
        "el la los las de del y en a que un una es por con para se no su sus al lo como más pero ha han fue"
        " son está este esta esto entre sobre también ya le les o sin desde hasta muy todo según tras"
    ),
    "pt": (
        "o a os as de do da dos das e em no na nos nas um uma é que para com por se não ao aos mais como mas"
        " foi são está pelo pela também ou seu sua já entre sobre até ele ela isso este esta"
    ),
    "it": (
        "il lo la i gli le di del della dei delle e è in un una che per con non si da dal al alla nel nella"
        " sono ha hanno ma come anche più l dell all nell sul sulla questo questa essere stato era tra fra"
        " dopo"
    ),
    "ca": (
        "el la els les de del i a en un una que per amb no es va és al als com més però ha han d l s seu"
        " seva aquest aquesta també ja"
    ),
    "ro": (
        "și şi în de la a că cu nu pe din o un al ale care este sunt au fost pentru mai se ce lui ei le iar"
        " dar după sau prin acest această"
    ),
    "pl": (
        "i w na z się nie do że to jest o a jak od po za co ale przez dla jego oraz już tak może być był"
        " była było przy są tym tego który która które"
    ),
    "cs": (
        "a v se na je že s z do o to jako by k ve pro ale i jsou byl byla bylo tak jeho které který která"
        " podle po za už při jen také však"
    ),
    "sk": (
        "a v sa na je že s z do o to ako by k vo pre ale aj sú bol bola bolo tak jeho ktoré ktorý ktorá"
        " podľa po za už pri len tiež však"
    ),
    "hr": "i je u se na da za su od ne s a o kao što koji koja koje ali to će iz bi bio bila sve još samo nakon prema",
    "sl": "in je v se na da za so od ne s z a o kot ki ali to bo iz bi bil bila vse še samo po pri tudi",
    "hu": "a az és hogy nem is egy van volt meg de el ki be csak már mint ez azt ami aki vagy kell után szerint között",
    "tr": "ve bir bu da de için ile olarak çok daha gibi en ama ancak olan sonra kadar ki ne değil her şey o diye ise",
    "fi": "ja on ei että se oli hän ovat kun myös mutta tai jo vain sekä kuin joka mukaan vuoden sen hänen olla",
    "et": "ja on ei et see oli ta ka kui aga või veel ning mis kes oma selle seda pärast",
    "lt": "ir yra kad su į iš ne tai jo bet kaip buvo o jau dar per po apie",
    "lv": "un ir ka ar no uz par kas ne to bet tas bija arī jau vai pēc",
    "sq": "dhe në e të i një që për me nga është u se ka por si më",
    "sw": "na ya wa kwa la za katika ni kwamba hiyo hii huo pia lakini kama baada sana",
    "tl": "ang ng sa na mga at ay si ni para kay hindi ito may nang siya sila kung pero din rin",
    "cy": "y yr a ac i o yn ar mae bod gan ei eu wedi am fel ond hefyd",
    "vi": "và của là có các được trong cho không một những người này với đã để khi đến từ theo tại như về cũng sẽ ra nhiều",
    "id": (
        "yang dan di ini itu dengan untuk dari ke akan pada tidak juga ada dalam oleh karena telah bahwa kata"
        " mereka sebagai adalah bisa sudah saat namun atau lebih hingga setelah tersebut kami kita saya ia"
        " para menjadi masih dapat sejak tak agar kepada menurut terhadap tetapi hanya serta secara sebuah"
        " seorang beberapa sejumlah antara bagi lagi pun jika maka hal dia sangat belum harus yakni yaitu"
        " saja lalu kemudian sementara selama sekitar"
    ),
    "ms": (
        "yang dan di ini itu dengan untuk dari ke akan pada tidak juga ada dalam oleh kerana telah bahawa kata"
        " mereka sebagai adalah boleh sudah ketika namun atau lebih hingga selepas tersebut kami kita saya ia"
        " para menjadi masih dapat sejak tak agar daripada sebarang semasa kepada menurut terhadap tetapi hanya"
        " serta secara sebuah seorang beberapa antara bagi lagi pun jika maka hal dia sangat belum harus iaitu"
        " sahaja lalu kemudian sementara selama sekitar supaya"
    ),
    "ru": (
        "и в не на что с по это он к из у за от о для как но она а же так его ее её был была было были они"
        " мы вы бы уже при до после также который которые которая чтобы то если или только во со этого этом"
        " этой эти этих тем том которых которой котором которого может будет есть нет более около почти ещё"
        " еще через между под без всё все свой своей своих"
    ),
    "uk": (
        "і в не на що з по це він до із у за від про для як але вона а же так його її був була було були"
        " вони ми ви б вже при після також який які яка щоб те якщо або тільки та й"
    ),
    "bg": (
        "и в не на че с по това той към от за да се е са как но тя а така го я беше бил била били те ние вие"
        " вече при след също който които която ще или само"
    ),
    "mk": (
        "и во не на дека со по ова тој кон од за да се е како но таа а така го ја беше бил била биле тие ние"
        " вие веќе при исто кој кои која ќе или само"
    ),
    "ar": (
        "في من على إلى أن إن التي الذي عن مع هذا هذه كان قد لا ما بين بعد قبل كما وقال قال أو ثم حتى عند"
        " كل الذين هو هي منذ خلال ذلك تلك لم لن وفي ومن وأن أنه إنه أنها إنها وهو وهي أكثر أيضا حيث غير بعض"
        " عدة نحو لدى ضد دون وقد فيما بينما لكن وكان ولا فقد إلا أي أمام عبر هناك مثل وذلك سوف كانت يكون تم"
        " له لها لهم به بها فيه فيها منه منها عليه عليها"
    ),
    "fa": "و در به از که این را با است برای آن یک تا می بر هم شد شده کرد کند نیز خود ما او بود هر اما پس",
    "ur": "کے میں کی ہے اور سے کو نے پر کا یہ ہیں تھا تھی کہ بھی وہ ایک لیے گیا تھے جو ان اس",
}

#: Languages close enough that the article's language decides between them, as the
#: outlet's language does for the article (a Malay sentence in an Indonesian article).
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"id", "ms"}),
    frozenset({"da", "no"}),
    frozenset({"cs", "sk"}),
    frozenset({"bg", "mk"}),
)

#: Languages that share many function words (*de, la, que*; *в, на, и*): a paragraph
#: confirms its language only with words the rest of the group lacks.
GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"es", "pt", "it", "fr", "ca", "ro"}),
    frozenset({"en", "de", "nl", "af", "da", "no", "sv"}),
    frozenset({"pl", "cs", "sk", "hr", "sl"}),
    frozenset({"ru", "uk", "bg", "mk"}),
    frozenset({"id", "ms", "tl"}),
    frozenset({"ar", "fa", "ur"}),
    frozenset({"fi", "et", "lt", "lv"}),
)

#: Unicode ranges of the writing systems used below.
SCRIPTS: dict[str, str] = {
    "latin": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
    "cyrillic": "\u0400-\u04ff\u0500-\u052f",
    "arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "greek": "\u0370-\u03ff\u1f00-\u1fff",
    "hebrew": "\u0590-\u05ff\ufb1d-\ufb4f",
    "thai": "\u0e00-\u0e7f",
    "devanagari": "\u0900-\u097f",
    "bengali": "\u0980-\u09ff",
    "gurmukhi": "\u0a00-\u0a7f",
    "gujarati": "\u0a80-\u0aff",
    "tamil": "\u0b80-\u0bff",
    "telugu": "\u0c00-\u0c7f",
    "kannada": "\u0c80-\u0cff",
    "malayalam": "\u0d00-\u0d7f",
    "armenian": "\u0530-\u058f\ufb13-\ufb17",
    "georgian": "\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f",
    "sinhala": "\u0d80-\u0dff",
    "lao": "\u0e80-\u0eff",
    "khmer": "\u1780-\u17ff\u19e0-\u19ff",
    "hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "kana": "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
}

#: Languages whose script is theirs alone among langdetect's 55 (and, for Armenian,
#: Georgian, Sinhala, Lao and Khmer, which langdetect lacks, among the languages of the
#: news): being written in it confirms them, and a few letters of it name them
#: (:func:`script_language`).
OWN_SCRIPT: dict[str, str] = {
    "el": "greek",
    "he": "hebrew",
    "th": "thai",
    "ko": "hangul",
    "bn": "bengali",
    "pa": "gurmukhi",
    "gu": "gujarati",
    "ta": "tamil",
    "te": "telugu",
    "kn": "kannada",
    "ml": "malayalam",
    "hy": "armenian",
    "ka": "georgian",
    "si": "sinhala",
    "lo": "lao",
    "km": "khmer",
}

#: The script(s) a language cannot be written without (any one of them will do). A
#: detector's answer whose script does not occur in the text at all is impossible:
#: langdetect calls short Chinese text Korean, though it has no Hangul.
REQUIRED_SCRIPTS: dict[str, tuple[str, ...]] = {
    **{lang: (script,) for lang, script in OWN_SCRIPT.items()},
    **dict.fromkeys(("ru", "uk", "bg", "mk"), ("cyrillic",)),
    **dict.fromkeys(("ar", "fa", "ur"), ("arabic",)),
    **dict.fromkeys(("hi", "mr", "ne"), ("devanagari",)),
    "zh": ("han",),
    "ja": ("kana", "han"),
    **dict.fromkeys(FUNCTION_WORDS.keys() - {"ru", "uk", "bg", "mk", "ar", "fa", "ur"}, ("latin",)),
    **dict.fromkeys(("so",), ("latin",)),
}

#: Letters that settle a language within its script: ``(required, forbidden)``, each a
#: character class or ``None``. Russian is written with ы, э or ё and none of the letters
#: of Ukrainian, Belarusian, Macedonian, Serbian or the Turkic Cyrillic alphabets;
#: Arabic with none of the letters Persian and Urdu add.
LETTER_RULES: dict[str, tuple[str, str | None, str | None]] = {
    "ru": ("cyrillic", "[ыэё]", "[іїєґўјљњќѓѕћђәөүұқңғһ]"),
    "uk": ("cyrillic", "[іїєґ]", "[ыэъёўјљњќѓѕћђәөүұқңғһ]"),
    "ar": ("arabic", None, "[\u067e\u0686\u0698\u06a9\u06af\u06cc\u0679\u0688\u0691\u06ba\u06c1\u06d2]"),
}

#: A Han, kana or Hangul character says as much as about three letters of an alphabet
#: (measured: langdetect needs ~14 Chinese or Japanese characters where it needs ~40
#: letters of a European language), so letter thresholds count it three times.
CJK_WEIGHT = 3

#: At least this many function words of the article's language ...
MIN_FUNCTION_WORDS = 3
#: ... making up at least this share of the paragraph's words ...
MIN_FUNCTION_SHARE = 0.15
#: ... while at most this share of the paragraph's function words (of all listed
#: languages) belong to other languages only (its family's count as its own).
MAX_FOREIGN_SHARE = 0.15
#: ... and at least this many are words the rest of its group (:data:`GROUPS`) lacks.
MIN_DISTINCTIVE_WORDS = 1
#: Share of a paragraph's letters that must be in a language's own script to confirm it.
MIN_SCRIPT_SHARE = 0.6
#: Share of a Japanese paragraph's Han and kana that must be kana.
MIN_KANA_SHARE = 0.1

#: Letters a language's alphabet lacks: an answer of that language for a text with one of
#: them is impossible (langdetect calls short Ukrainian text Russian; Russian with ы or э
#: Bulgarian or Macedonian).
FOREIGN_LETTERS: dict[str, str] = {
    # a Latin i inside a Cyrillic word is Ukrainian і typed on a Latin keyboard
    "ru": "[іїєґјљњќѓѕўђћџ]|(?<=[а-яґєії])i|i(?=[а-яґєії])",
    "uk": "[ыэъёјљњќѓѕўђћџ]",
    "bg": "[ыэёіїєґјљњќѓѕўђћџ]",
    "mk": "[ыэёйщъьюяіїєґўђћ]",
}

_SCRIPT_RE = {name: re.compile(f"[{chars}]") for name, chars in SCRIPTS.items()}
_FOREIGN_LETTERS = {lang: re.compile(chars, re.IGNORECASE) for lang, chars in FOREIGN_LETTERS.items()}
_FAMILY = {lang: family for family in FAMILIES for lang in family}
_CJK_RE = re.compile(f"[{SCRIPTS['han']}{SCRIPTS['kana']}{SCRIPTS['hangul']}]")
_LETTER_RULES: dict[str, tuple[re.Pattern, re.Pattern | None, re.Pattern | None]] = {
    lang: (
        _SCRIPT_RE[script],
        re.compile(required) if required else None,
        re.compile(forbidden) if forbidden else None,
    )
    for lang, (script, required, forbidden) in LETTER_RULES.items()
}


def _index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for lang, words in FUNCTION_WORDS.items():
        for word in set(words.split()):
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


_INDEX = _index()
_WORD_SETS = {lang: frozenset(words.split()) for lang, words in FUNCTION_WORDS.items()}
#: A language's function words with its family's: none of them count against it.
_FAMILY_WORDS = {
    lang: frozenset().union(*(_WORD_SETS[member] for member in family)) for lang, family in _FAMILY.items()
}
_GROUP = {lang: group for group in GROUPS for lang in group}
#: A language's (and its family's) function words that the rest of its group lacks.
_DISTINCTIVE = {
    lang: _FAMILY_WORDS.get(lang, words).difference(
        *(_WORD_SETS[other] for other in _GROUP.get(lang, ()) if other != lang and other not in _FAMILY.get(lang, ()))
    )
    for lang, words in _WORD_SETS.items()
}


def words(text: str) -> list[str]:
    """The paragraph split at spaces and apostrophes, lower-cased (cheap: no regex)."""
    return text.lower().replace("'", " ").replace("\u2019", " ").split()


def count_letters(text: str, limit: int | None = None) -> int:
    """Letters in ``text`` (Unicode ``L*`` and ``M*``), Han, kana and Hangul counting :data:`CJK_WEIGHT` times.

    A combining mark counts: Devanagari, Thai, Bengali or Tamil vowel signs are part of
    the letter a reader sees, though ``str.isalpha`` says no (Hindi has about 0.6
    ``isalpha`` characters per character, and all of its letters count here).

    With a ``limit``, the count may stop early once it is reached (a long text then costs
    no more than a short one): the answer is exact below ``limit``, at least ``limit``
    otherwise.
    """
    if limit is not None and len(text) > 2 * limit:
        head = text[: 2 * limit]
        count = sum(map(str.isalpha, head))  # marks and CJK weights only add: enough already?
        if count >= limit:
            return count
        count = _weighted_letters(head)
        if count >= limit:
            return count
    return _weighted_letters(text)


def has_letters(text: str, limit: int) -> bool:
    """Whether ``text`` has at least ``limit`` letters as :func:`count_letters` counts them.

    ASCII text (most paragraphs of most news) is answered by one regular expression
    that stops at the ``limit``-th letter; other text is counted.
    """
    if text.isascii():
        return len(text) >= limit and _ascii_letters(limit).match(text) is not None
    return count_letters(text, limit) >= limit


@functools.cache
def _ascii_letters(limit: int) -> re.Pattern:
    """``limit`` ASCII letters, anything else between them (possessive: it never backtracks)."""
    return re.compile(r"(?:[^A-Za-z]*+[A-Za-z]){" + str(limit) + "}")


def _weighted_letters(text: str) -> int:
    count = sum(map(str.isalpha, text))
    if not text.isascii():
        count += (CJK_WEIGHT - 1) * len(_CJK_RE.findall(text)) + len(_marks().findall(text))
    return count


@functools.cache
def _marks() -> re.Pattern:
    """Any combining mark (compiled on first use: ``import newsingest`` stays cheap)."""
    return re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in MARK_RANGES) + "]")


def has_script(text: str, language: str) -> bool:
    """Whether ``text`` can be in ``language`` by its letters (unknown languages: yes).

    It needs a letter of a script ``language`` needs (:data:`REQUIRED_SCRIPTS`) and none
    its alphabet lacks (:data:`FOREIGN_LETTERS`, case-folded).
    """
    scripts = REQUIRED_SCRIPTS.get(language)
    if scripts is not None and not any(_SCRIPT_RE[script].search(text) for script in scripts):
        return False
    foreign = _FOREIGN_LETTERS.get(language)
    return foreign is None or text.isascii() or not foreign.search(text)


def confirms(language: str, text: str, tokens: list[str]) -> bool:
    """Whether ``text`` is evidently in ``language``; ``False`` means "can't say", not "no".

    ``tokens`` are :func:`words` of ``text``.
    """
    if language in LETTER_RULES and _letters_confirm(language, text):
        return True
    if language in FUNCTION_WORDS:
        return _function_words_confirm(language, tokens)
    if language in OWN_SCRIPT:
        return _share(_SCRIPT_RE[OWN_SCRIPT[language]], text) >= MIN_SCRIPT_SHARE
    if language in ("zh", "ja"):
        letters = _plain_letters(text)
        han = len(_SCRIPT_RE["han"].findall(text))
        kana = len(_SCRIPT_RE["kana"].findall(text))
        if not letters or han + kana < MIN_SCRIPT_SHARE * letters:
            return False
        if language == "ja":
            return kana >= MIN_KANA_SHARE * (han + kana)
        return kana == 0 and not _SCRIPT_RE["hangul"].search(text)
    return False


def _plain_letters(text: str) -> int:
    """Letters and combining marks, each counting once."""
    count = sum(map(str.isalpha, text))
    return count if text.isascii() else count + len(_marks().findall(text))


def _share(script: re.Pattern, text: str) -> float:
    letters = _plain_letters(text)
    return len(script.findall(text)) / letters if letters else 0.0


def letters_confirm(language: str, text: str) -> bool:
    """Whether letters only ``language`` uses in its script show it (:data:`LETTER_RULES`)."""
    return language in LETTER_RULES and _letters_confirm(language, text)


def _letters_confirm(language: str, text: str) -> bool:
    script, required, forbidden = _LETTER_RULES[language]
    assert script is not None  # every language with letter rules names its script
    if required is not None and not required.search(text):
        return False
    if forbidden is not None and forbidden.search(text):
        return False
    return _share(script, text) >= MIN_SCRIPT_SHARE


def _function_words_confirm(language: str, tokens: list[str]) -> bool:
    """Enough of ``language``'s function words, and few function words of other languages.

    Words several languages share (*de, la, que* in Spanish, Catalan and French) count
    for each; a Spanish paragraph in a Catalan article fails on *los, las, y, con*,
    which are not Catalan. And some of the words must be the language's own within its
    group: *в, на, и* are Russian, Ukrainian, Bulgarian and Macedonian alike.
    """
    return function_word_test(language)(tokens)  # type: ignore[misc]  # (callers check FUNCTION_WORDS)


@functools.cache
def function_word_test(language: str) -> Callable[[list[str]], bool] | None:
    """:func:`_function_words_confirm` for one language, as a function of the tokens (``None``: no word list).

    A paragraph it confirms, :func:`confirms` confirms too (whatever else that
    checks first), so a caller may try it alone first: it is the cheap test that
    settles most paragraphs.
    """
    if language not in FUNCTION_WORDS:
        return None
    get = _tally(language).get

    def confirmed(tokens: list[str]) -> bool:
        # one pass: each word adds 1 (the language's or its family's), _FOREIGN (other
        # languages' only) and _DISTINCT (the language's own within its group) at once
        total = sum(map(get, tokens, repeat(0)))
        own, others, distinctive = total % _FOREIGN, total // _FOREIGN % _FOREIGN, total // _DISTINCT
        return (
            own >= MIN_FUNCTION_WORDS
            and own >= MIN_FUNCTION_SHARE * len(tokens)
            and others <= MAX_FOREIGN_SHARE * (own + others)
            and distinctive >= MIN_DISTINCTIVE_WORDS
        )

    return confirmed


#: The sum packs three counts into one int, a field of 32 bits each: a paragraph would need
#: 2**32 words (a token list of over 32 GB) before one count spills into the next.
_FOREIGN = 1 << 32
_DISTINCT = 1 << 64


@functools.cache
def _tally(language: str) -> dict[str, int]:
    """What each function word adds to :func:`_function_words_confirm`'s sum for ``language``."""
    own = _FAMILY_WORDS.get(language, _WORD_SETS[language])
    tally = dict.fromkeys(_INDEX, _FOREIGN)
    tally.update(dict.fromkeys(own, 1))
    for word in _DISTINCTIVE[language]:
        tally[word] = 1 + _DISTINCT
    return tally


#: A text whose letters are at least :data:`MIN_SCRIPT_SHARE` in a language's own script
#: (:data:`OWN_SCRIPT`; Japanese: Han and kana with kana) is that language from this
#: many letters of the script on: no other language is written in it (measured on the
#: lingua sentences: see docs/language.md).
SCRIPT_MIN_LETTERS = 3

_OWN_SCRIPT_RANGES = sorted(
    (ord(chars[index]), ord(chars[index + 2]), lang)
    for lang, script in (*OWN_SCRIPT.items(), ("ja", "kana"))
    for chars in [SCRIPTS[script]]
    for index in range(0, len(chars), 3)
)
_OWN_SCRIPT_STARTS = [first for first, _, _ in _OWN_SCRIPT_RANGES]
_OWN_SCRIPT_RE = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b, _ in _OWN_SCRIPT_RANGES) + "]")


def script_language(text: str) -> tuple[str, float] | None:
    """The language a text's script names, and the share of its letters in that script.

    ``None`` unless at least :data:`SCRIPT_MIN_LETTERS` letters are in one language's own
    script and make up at least :data:`MIN_SCRIPT_SHARE` of the letters (Japanese: kana,
    with Han, at least that share, kana at least :data:`MIN_KANA_SHARE` of them).
    """
    if text.isascii():
        return None
    found = _OWN_SCRIPT_RE.findall(text)
    if not found:
        return None
    counts: dict[str, int] = {}
    for char in found:
        lang = _OWN_SCRIPT_RANGES[bisect.bisect_right(_OWN_SCRIPT_STARTS, ord(char)) - 1][2]
        counts[lang] = counts.get(lang, 0) + 1
    lang = max(sorted(counts), key=counts.__getitem__)
    letters = _plain_letters(text)
    in_script = counts[lang]
    if lang == "ja":
        han = len(_SCRIPT_RE["han"].findall(text))
        if in_script < MIN_KANA_SHARE * (han + in_script):
            return None
        in_script += han
    share = in_script / letters if letters else 0.0
    if in_script < SCRIPT_MIN_LETTERS or share < MIN_SCRIPT_SHARE:
        return None
    return lang, min(1.0, round(share, 3))


def paragraph_evidence(language: str, text: str, tokens: list[str], *, words_failed: bool = False) -> str:
    """What cheap evidence says about ``text`` as a paragraph of an article in ``language``.

    * ``"confirmed"``: it evidently is in ``language`` (:func:`confirms`);
    * ``"foreign"``: a sign of another language: a letter of a script ``language`` is not
      written in (:data:`REQUIRED_SCRIPTS`), or at least one function word of languages
      outside its family and at least as many of those as of its own (one-letter words
      left out: ``it's`` gives ``s``; Indonesian *ya*, *per*, *kan* among many Indonesian
      function words are not a sign), or some of those (fewer) and none only its family has;
    * ``"own"``: no such sign, and some of ``language``'s function words: one only its
      family has, or only words it shares with others (Indonesian *di* is Italian too) and
      not one of another language only;
    * ``"none"``: no sign of any language: no function word at all, the article's
      script (names, a byline, a heading without listed words). The detector is least
      reliable exactly there (only its answer of ``language`` is worth keeping): it calls ``Apa misi PDIP langsung kritik habis-habisan
      Fadli Zon dkk?`` Tagalog and ``REPUBLIKA.CO.ID Oleh: Hersubeno Arief, Konsultan
      Politik`` German, sure of both;
    * ``"unknown"``: ``language`` has no word list to tell (Hindi, Somali, ...).

    ``tokens`` are :func:`words` of ``text``; ``words_failed``: the caller already found that
    :func:`function_word_test` does not confirm them (it is not run again).
    """
    if words_failed and language in FUNCTION_WORDS:
        confirmed = language in LETTER_RULES and _letters_confirm(language, text)
    else:
        confirmed = confirms(language, text, tokens)
    if confirmed:
        return "confirmed"
    if not text.isascii() and _foreign_script(language).search(text):
        return "foreign"
    total = sum(map(_evidence_tally(language).get, tokens, repeat(0)))
    own, others, unique = total % _FOREIGN, total // _FOREIGN % _FOREIGN, total // _DISTINCT
    if others and others >= own:
        return "foreign"
    if language not in _WORD_SETS:
        return "unknown"
    if unique or (own and not others):
        # its own words, or only words it shares (Indonesian *di*, *dan*, Italian and Dutch too)
        # and not one word of another language only: nothing says it is not the article's
        return "own"
    return "foreign" if own else "none"  # shared words and foreign ones (fewer): the detector decides


@functools.cache
def _evidence_tally(language: str) -> dict[str, int]:
    """Per word: 1 for the language's (or its family's) own, plus :data:`_DISTINCT` when no
    language outside the family has it; :data:`_FOREIGN` for other languages' only (one-letter
    words left out). Any function word is foreign to a language without a list."""
    if language not in _WORD_SETS:
        return {word: _FOREIGN for word in _INDEX if len(word) > 1}
    family = _FAMILY.get(language, frozenset({language}))
    tally = {word: _FOREIGN for word in _INDEX if len(word) > 1}
    for word in _FAMILY_WORDS.get(language, _WORD_SETS[language]):
        tally[word] = 1 + (_DISTINCT if family.issuperset(_INDEX[word]) else 0)
    return tally


@functools.cache
def _foreign_script(language: str) -> re.Pattern:
    own = REQUIRED_SCRIPTS.get(language, ())
    return re.compile("[" + "".join(chars for name, chars in SCRIPTS.items() if name not in own) + "]")
