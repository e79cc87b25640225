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

import functools
import re
from itertools import repeat

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
    "hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "kana": "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
}

#: Languages whose script is theirs alone among langdetect's 55: being written in it
#: confirms them.
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
#: character class or ``None``. Russian is written with ы or э and none of the letters
#: of Ukrainian, Belarusian, Macedonian, Serbian or the Turkic Cyrillic alphabets;
#: Arabic with none of the letters Persian and Urdu add.
LETTER_RULES: dict[str, tuple[str, str | None, str | None]] = {
    "ru": ("cyrillic", "[ыэ]", "[іїєґўјљњќѓѕћђәөүұқңғһ]"),
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

_SCRIPT_RE = {name: re.compile(f"[{chars}]") for name, chars in SCRIPTS.items()}
_FAMILY = {lang: family for family in FAMILIES for lang in family}
_CJK_RE = re.compile(f"[{SCRIPTS['han']}{SCRIPTS['kana']}{SCRIPTS['hangul']}]")
_LETTER_RULES = {
    lang: (_SCRIPT_RE[script], *(re.compile(chars) if chars else None for chars in (required, forbidden)))
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
    """Letters in ``text``, Han, kana and Hangul counting :data:`CJK_WEIGHT` times.

    With a ``limit``, the count may stop early once it is reached (a long text then costs
    no more than a short one): the answer is exact below ``limit``, at least ``limit``
    otherwise.
    """
    if limit is not None and len(text) > 2 * limit:
        count = _weighted_letters(text[: 2 * limit])
        if count >= limit:
            return count
    return _weighted_letters(text)


def _weighted_letters(text: str) -> int:
    count = sum(map(str.isalpha, text))
    if not text.isascii():
        count += (CJK_WEIGHT - 1) * len(_CJK_RE.findall(text))
    return count


def has_script(text: str, language: str) -> bool:
    """Whether ``text`` has a letter of a script ``language`` needs (unknown languages: yes)."""
    scripts = REQUIRED_SCRIPTS.get(language)
    return scripts is None or any(_SCRIPT_RE[script].search(text) for script in scripts)


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
    return sum(map(str.isalpha, text))


def _share(script: re.Pattern, text: str) -> float:
    letters = _plain_letters(text)
    return len(script.findall(text)) / letters if letters else 0.0


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
    # one pass: each word adds 1 (the language's or its family's), _FOREIGN (other
    # languages' only) and _DISTINCT (the language's own within its group) at once
    total = sum(map(_tally(language).get, tokens, repeat(0)))
    own, others, distinctive = total % _FOREIGN, total // _FOREIGN % _FOREIGN, total // _DISTINCT
    return (
        own >= MIN_FUNCTION_WORDS
        and own >= MIN_FUNCTION_SHARE * len(tokens)
        and others <= MAX_FOREIGN_SHARE * (own + others)
        and distinctive >= MIN_DISTINCTIVE_WORDS
    )


_FOREIGN = 1 << 12
_DISTINCT = 1 << 24


@functools.cache
def _tally(language: str) -> dict[str, int]:
    """What each function word adds to :func:`_function_words_confirm`'s sum for ``language``."""
    own = _FAMILY_WORDS.get(language, _WORD_SETS[language])
    tally = dict.fromkeys(_INDEX, _FOREIGN)
    tally.update(dict.fromkeys(own, 1))
    for word in _DISTINCTIVE[language]:
        tally[word] = 1 + _DISTINCT
    return tally
