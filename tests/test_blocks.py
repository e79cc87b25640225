"""Splitting plain text into blocks (newsingest._text.blocks)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsingest._text.blocks import (
    looks_like_heading,
    looks_like_headline,
    mark_headings,
    normalize_text,
    normalize_whitespace,
    split_blocks,
)
from newsingest.model import Block


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in split_blocks(text)]


# --------------------------------------------------------------------------------------------
# Paragraph shapes


def test_blank_line_separated_paragraphs():
    text = "First paragraph, one sentence.\n\nSecond paragraph here.\n\n\n\nThird one, after extra blank lines.\n"
    assert kinds_and_texts(text) == [
        ("paragraph", "First paragraph, one sentence."),
        ("paragraph", "Second paragraph here."),
        ("paragraph", "Third one, after extra blank lines."),
    ]


def test_one_paragraph_per_line_like_seed_002(seeds_dir):
    text = (seeds_dir / "002_b9d6f5e61d96cdcf.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    blocks = split_blocks(text)
    # every line ends a sentence or starts upper case: each is its own block, unchanged
    assert [block.text for block in blocks] == [" ".join(line.split()) for line in lines]
    assert len(blocks) == 16
    assert blocks[3].text.startswith("Baca juga: Rusia Mau Ambil")
    assert all(block.kind == "paragraph" for block in blocks)


def test_one_paragraph_per_line_without_blank_lines():
    text = "The mayor spoke on Monday.\nShe said the road stays closed.\nWork starts next week."
    assert [b.text for b in split_blocks(text)] == [
        "The mayor spoke on Monday.",
        "She said the road stays closed.",
        "Work starts next week.",
    ]


def test_hard_wrapped_lines_are_rejoined():
    text = (
        "The council voted on Tuesday to close the\n"
        "bridge for repairs, a decision that will\n"
        "divert traffic for months.\n"
        "\n"
        "Residents were not consulted.\n"
    )
    assert kinds_and_texts(text) == [
        (
            "paragraph",
            "The council voted on Tuesday to close the bridge for repairs, a decision that will divert traffic for months.",
        ),
        ("paragraph", "Residents were not consulted."),
    ]


def test_line_after_a_sentence_end_or_in_upper_case_is_not_joined():
    # previous line ended a sentence: a lower-case line still starts a new block
    assert len(split_blocks("It ended.\nand a new line starts here.")) == 2
    # previous line did not end, but this one starts in upper case (a heading glued above a paragraph)
    assert len(split_blocks("Reinforcements Heading to Bakhmut\nLocal residents cross a bridge.")) == 2
    # a blank line always separates, even mid-sentence
    assert len(split_blocks("Line ending mid\n\nnext lower.")) == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a sentence broken after a bracket it closed (a Tribun text cut at its links)
        ("Ada 6 Perguruan Tinggi Swasta (PTS)", "di Provinsi Riau yang terakreditasi baik."),
        ("Polisi menahan tersangka pada Senin (9/6/2025)", "dini hari di rumahnya."),
        # a quotation closed mid-sentence, its speaker on the next line
        ('"We are ready for the vote,"', "the mayor said on Monday."),
        ("“Kami siap menghadapi pemilihan,”", "kata dia di Jakarta."),
        ('He called the report "deeply flawed"', "and asked for a second one."),
    ],
)
def test_a_line_closing_a_bracket_or_quote_mid_sentence_is_continued_in_lower_case(first, second):
    assert [b.text for b in split_blocks(f"{first}\n{second}")] == [f"{first} {second}"]


@pytest.mark.parametrize(
    "link",
    [
        # realdata tribun.jsonl:42 and :604: the link cut the sentence, the scrape glued a word to it
        "Baca juga: Prediksi Skor Kazakhstan vs Makedonia Utara di Kualifikasi Piala Dunia, Cek Statistik dan H2h TimChina",
        "Baca juga: Puluhan Siswa SD di Sabu Raijua jadi Korban Pelecehan, Gubernur NTT: Tidak Lagi Mentolerir",
        "Read more: The council's budget vote",
    ],
)
def test_a_line_in_lower_case_under_a_read_also_link_is_the_sentence_it_cut_not_the_link(link):
    sentence = "kalah empat kali dari lima pertandingan terakhirnya (satu kali menang)."
    assert [b.text for b in split_blocks(f"{link}\n{sentence}")] == [link, sentence]


@pytest.mark.parametrize(
    "first",
    [
        "(rgr/dry)",  # editors' initials alone on their line: the tags below are no sentence of theirs
        "(*)",
        "Dia pulang ke rumahnya. (Edi)",  # the sentence ended before the bracket
        '"We are ready."',  # the quotation ended its sentence
        "“Kami siap!”",
    ],
)
def test_a_line_that_closed_its_sentence_before_a_bracket_or_quote_is_not_continued(first):
    assert len(split_blocks(f"{first}\nmitsubishi dst")) == 2


def test_wrapped_line_does_not_join_a_list_item():
    blocks = split_blocks("• first item without end\ncontinued in lower case")
    assert blocks[0] == Block("first item without end", "list_item")
    assert blocks[1].text == "continued in lower case"


# --------------------------------------------------------------------------------------------
# Bullets


@pytest.mark.parametrize("bullet", ["•", "-", "*", "·", "▪", "●"])
def test_bullets_become_list_items(bullet):
    text = f"Subscribe today.\n{bullet} Newsweek magazine delivered to your door\n  {bullet}   Comment on articles\n"
    assert kinds_and_texts(text) == [
        ("paragraph", "Subscribe today."),
        ("list_item", "Newsweek magazine delivered to your door"),
        ("list_item", "Comment on articles"),
    ]


def test_hyphen_without_space_is_not_a_bullet():
    assert kinds_and_texts("-5 degrees overnight, forecasters said.") == [
        ("paragraph", "-5 degrees overnight, forecasters said.")
    ]
    assert kinds_and_texts("Well-known fact.") == [("paragraph", "Well-known fact.")]


def test_a_dateline_broken_at_its_link_is_one_paragraph_not_a_list():
    """detik text: the place on the first line, its dash and the first sentence on the next."""
    sentence = "- Menjelang tahun baru, PT ASDP Indonesia Ferry memprediksi penyeberangan meningkat."
    assert kinds_and_texts(f"Jakarta\n{sentence}\nParagraf kedua.") == [
        ("paragraph", f"Jakarta {sentence}"),
        ("paragraph", "Paragraf kedua."),
    ]
    # a short heading over a list stays a heading over its items
    items = "- gula pasir dua sendok makan dan sedikit garam halus untuk rasa\n- garam\n"
    assert kinds_and_texts("Bahan-bahan\n" + items + "Cara membuat.") == [
        ("heading", "Bahan-bahan"),
        ("list_item", "gula pasir dua sendok makan dan sedikit garam halus untuk rasa"),
        ("list_item", "garam"),
        ("paragraph", "Cara membuat."),
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Jakarta\n-\nPresiden\nPrabowo\nSubianto memimpin rapat terbatas bersama sejumlah menteri di Istana.\n",
            "Jakarta - Presiden Prabowo Subianto memimpin rapat terbatas bersama sejumlah menteri di Istana.",
        ),
        (
            "Jakarta\n-\nTrio serang\nOle Romeny,\nEgy Maulana Vikri, dan Ricky Kambuaya tampil apik.\n",
            "Jakarta - Trio serang Ole Romeny, Egy Maulana Vikri, dan Ricky Kambuaya tampil apik.",
        ),
    ],
)
def test_a_dateline_broken_at_links_in_capitals_is_one_paragraph(text, first):
    """detik: each link's text (a name, in capitals) on its own line, right after the dateline's dash.

    A dateline opens a sentence: until the sentence ends, the short lines under it are its words.
    """
    assert [block.text for block in split_blocks(text + "Paragraf kedua.")] == [first, "Paragraf kedua."]


@pytest.mark.parametrize(
    "text",
    [
        # a finished first sentence: the heading under it stays a block
        "Jakarta - Harga cabai naik lagi.\nHarga Cabai Hari Ini\nParagraf kedua.",
        # a long first line without an end (a Tribun opening): the next paragraph stays one
        "SURYAMALANG.COM, MALANG - Berikut ini daftar harga bahan pokok di pasar tradisional kota Malang hari ini\n"
        "Harga Cabai Rawit\nParagraf kedua.",
    ],
)
def test_a_finished_or_long_dateline_line_is_not_joined(text):
    assert len(split_blocks(text)) == 3


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        # a list of a month and a value, one a line
        (
            "Januari - 560.301 unit\nFebruari - 581.277 unit\nMaret - 541.684 unit",
            ["Januari - 560.301 unit", "Februari - 581.277 unit", "Maret - 541.684 unit"],
        ),
        # a brand's dateline, its dash on the line, and a heading over a timetable (Tribun)
        (
            "TRIBUNJOGJA.COM -\nYogyakarta ke Kutoarjo\n501KUTOARJOCOMMUTER LINE PRAMEKS KUTOARJO06:40",
            ["TRIBUNJOGJA.COM - Yogyakarta ke Kutoarjo", "501KUTOARJOCOMMUTER LINE PRAMEKS KUTOARJO06:40"],
        ),
        # a table's header further down, its columns split by a dash alone on its line
        (
            "Berikut daftar resmi hari ini:\nTransfer Masuk\n-\nTransfer Keluar\n1. Jorginho Released -",
            ["Berikut daftar resmi hari ini:", "Transfer Masuk - Transfer Keluar", "1. Jorginho Released -"],
        ),
    ],
)
def test_only_a_dateline_opening_the_text_with_its_dash_alone_joins_the_lines_under_it(text, blocks):
    assert [block.text for block in split_blocks(text)] == blocks


def test_a_line_above_a_dateline_broken_at_its_link_is_not_joined_to_it():
    """detik: the last entry of a table of contents, then ``Jakarta`` / ``-`` / the first sentence."""
    text = "Daftar Isi\nBiaya Perpanjang SIM\nJakarta\n-\nSIM mati bisa diperpanjang pada 30 Mei 2025.\n"
    assert [block.text for block in split_blocks(text)] == [
        "Daftar Isi",
        "Biaya Perpanjang SIM",
        "Jakarta - SIM mati bisa diperpanjang pada 30 Mei 2025.",
    ]


def test_a_paragraph_broken_at_its_links_is_rejoined_without_space_before_its_punctuation():
    """detik and Kompas text: the link's text on a line of its own, the comma or full stop after it on the next."""
    text = (
        "Presiden Partai Keadilan Sejahtera (\nPKS\n) Almuzzammil Yusuf akan sowan ke Presiden\nPrabowo Subianto\n"
        ". Pertemuan tersebut bagian dari upaya menyambung silaturahmi.\nMengutip\nNew York Post\n, Minggu (8/6/2025)"
        " dalam video yang diunggah.\nKapal itu berlayar menuju ke\nJalur Gaza\n.\n"
    )
    assert [block.text for block in split_blocks(text)] == [
        "Presiden Partai Keadilan Sejahtera (PKS) Almuzzammil Yusuf akan sowan ke Presiden Prabowo Subianto."
        " Pertemuan tersebut bagian dari upaya menyambung silaturahmi.",
        "Mengutip New York Post, Minggu (8/6/2025) dalam video yang diunggah.",
        "Kapal itu berlayar menuju ke Jalur Gaza.",
    ]


def test_a_word_that_starts_with_a_dot_keeps_its_space_when_rejoined():
    assert [block.text for block in split_blocks("Microsoft merilis\n.NET 9 untuk para pengembang aplikasi.\n")] == [
        "Microsoft merilis .NET 9 untuk para pengembang aplikasi."
    ]


def test_a_lone_dash_after_a_finished_sentence_is_a_separator_not_a_continuation():
    """Tribun Manado: ``… pungkasnya. (Edi)`` / ``-`` / ``Baca juga: …``; the dash must not glue onto the sign-off."""
    text = '"Semoga saya bisa jadi dokter," pungkasnya. (Edi)\n-\nBaca juga: Sosok Nadia Fania Saisab\n'
    assert [block.text for block in split_blocks(text)] == [
        '"Semoga saya bisa jadi dokter," pungkasnya. (Edi)',
        "Baca juga: Sosok Nadia Fania Saisab",
    ]


@pytest.mark.parametrize("above", ["", "Selesai.\n"])
def test_a_dash_alone_that_continues_nothing_is_no_part_of_the_next_line(above):
    """Glued to the line under it, ``- Neither …`` read again is a list item (found by the property tests)."""
    text = f"{above}-\nNeither a withdrawal nor a victory has come to fruition.\n"
    assert kinds_and_texts(text)[-1] == ("paragraph", "Neither a withdrawal nor a victory has come to fruition.")


def test_a_bare_bullet_line_is_dropped():
    assert kinds_and_texts("•   \nNext paragraph.") == [("paragraph", "Next paragraph.")]


@pytest.mark.parametrize("bullet", ["·", "•"])
def test_a_bare_bullet_line_separates_as_a_blank_line_does(bullet):
    """An empty list item between a line left open and a line in lower case joins nothing (found by the property tests)."""
    text = f"Source: This article originally belongs to Nbcnews.com\n{bullet}\n date 2023-05-01 The first sentence follows."
    assert [block.text for block in split_blocks(text)] == [
        "Source: This article originally belongs to Nbcnews.com",
        "date 2023-05-01 The first sentence follows.",
    ]


def test_seed_001_subscription_bullets(seeds_dir):
    blocks = split_blocks((seeds_dir / "001_825440407aefd421.txt").read_text(encoding="utf-8"))
    items = [b.text for b in blocks if b.kind == "list_item"]
    assert items[:2] == ["Newsweek magazine delivered to your door", "Newsweek Voices: Diverse audio opinions"]
    assert len(items) == 9
    assert not any(b.text.startswith("•") for b in blocks)


# --------------------------------------------------------------------------------------------
# Line endings and invisible characters


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n", "\u2028"])
def test_line_endings(newline):
    text = newline.join(["First sentence.", "", "Second sentence.", "Third sentence."])
    assert [b.text for b in split_blocks(text)] == ["First sentence.", "Second sentence.", "Third sentence."]


def test_crlf_does_not_leave_carriage_returns():
    blocks = split_blocks("A paragraph that wraps\r\nin the middle.\r\n\r\nNext.\r\n")
    assert [b.text for b in blocks] == ["A paragraph that wraps in the middle.", "Next."]
    assert not any("\r" in b.text for b in blocks)


def test_paragraph_separator_is_a_blank_line():
    assert [b.text for b in split_blocks("wraps here\u2029and lower case.")] == ["wraps here", "and lower case."]


def test_zero_width_characters_are_removed():
    text = "\ufeffHel\u200blo wor\u200dld.\n\u200b\u2060\nNext\u200c paragraph."
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["Hello world.", "Next paragraph."]
    # a line holding only zero-width characters is blank: it separated the two paragraphs
    assert len(split_blocks("wraps here\n\u200b\nand continues.")) == 2


def test_unicode_is_nfc_normalised():
    decomposed = "E\u0301cole fermée."
    assert split_blocks(decomposed)[0].text == unicodedata.normalize("NFC", decomposed)
    assert normalize_text(decomposed) == "École fermée."


def test_tabs_and_runs_of_spaces_collapse():
    assert split_blocks("  Too   many\tspaces\t here.  ")[0].text == "Too many spaces here."


def test_empty_and_blank_input():
    assert split_blocks("") == []
    assert split_blocks(" \n\t\r\n \u200b \n") == []


# --------------------------------------------------------------------------------------------
# Headings


def test_title_case_line_inside_the_body_is_a_heading():
    text = "The first paragraph ends here.\n\nReinforcements Heading to Bakhmut\n\nThe next paragraph goes on."
    assert kinds_and_texts(text) == [
        ("paragraph", "The first paragraph ends here."),
        ("heading", "Reinforcements Heading to Bakhmut"),
        ("paragraph", "The next paragraph goes on."),
    ]


def test_seed_001_subheading_and_headline(seeds_dir):
    blocks = split_blocks((seeds_dir / "001_825440407aefd421.txt").read_text(encoding="utf-8"))
    assert blocks[0] == Block("Ukraine Reinforcements Head to Bakhmut in Fight 'Against All Odds'", "heading")
    heading = next(b for b in blocks if b.text == "Reinforcements Heading to Bakhmut")
    assert heading.kind == "heading"
    assert blocks[blocks.index(heading) + 1].text.startswith("Local residents cross")


@pytest.mark.parametrize(
    "line",
    [
        "The president said the vote would happen",  # a sentence without its full stop
        "Officials say the talks have stalled.",
        "Is this what the voters wanted?",
        "Headline With A Colon:",
        "Words, Words, Words,",
        "This Line Has Far Too Many Capitalised Words To Be Any Kind Of Heading",
    ],
)
def test_sentences_are_not_headings(line):
    blocks = split_blocks(f"Body text here.\n\n{line}\n\nMore body text.")
    assert blocks[1] == Block(line, "paragraph")


def test_last_block_is_never_a_heading():
    blocks = split_blocks("Body text here.\n\nThe Quick Brown Fox")
    assert blocks[-1] == Block("The Quick Brown Fox", "paragraph")
    assert split_blocks("Lone Title Line") == [Block("Lone Title Line", "paragraph")]


def test_list_items_are_never_headings():
    blocks = split_blocks("• Newsweek Voices\n• Comment On Articles\nA closing sentence.")
    assert [b.kind for b in blocks] == ["list_item", "list_item", "paragraph"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reinforcements Heading to Bakhmut", True),
        ("Uncommon Knowledge", True),
        ("What Happens Next in the War", True),  # minor words do not count
        ("2023 Election Results", True),  # digits count as capitalised
        ("“Quoted Title Words”", True),  # opening quotes are skipped
        ("The war in Ukraine goes on", False),  # mostly lower case
        ("of the and", False),  # only minor words
        ("", False),
        ("Is This A Question?", False),
        ("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen", False),
    ],
)
def test_looks_like_heading(text, expected):
    assert looks_like_heading(text) is expected


def test_looks_like_heading_max_words():
    assert looks_like_heading("One Two Three", max_words=3)
    assert not looks_like_heading("One Two Three Four", max_words=3)


def test_mark_headings_keeps_language_and_input_list():
    blocks = [Block("Short Title Here", "paragraph", "en"), Block("Body text.", "paragraph")]
    marked = mark_headings(blocks)
    assert marked[0] == Block("Short Title Here", "heading", "en")
    assert blocks[0].kind == "paragraph"  # the input is not changed


# --------------------------------------------------------------------------------------------
# normalize_whitespace


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  a\t\tb  c \n d  ", "a b c d"),
        ("zero\u200bwidth\ufeff joiner\u200d", "zerowidth joiner"),
        ("\u00a0non-breaking\u00a0space\u3000ideographic ", "non-breaking space ideographic"),
        ("", ""),
        (" \u200b ", ""),
    ],
)
def test_normalize_whitespace(raw, expected):
    assert normalize_whitespace(raw) == expected


@given(st.text())
def test_normalize_whitespace_is_idempotent_and_keeps_words(text):
    once = normalize_whitespace(text)
    assert normalize_whitespace(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert once.split() == normalize_whitespace(text.replace("\u200b", "")).split()


# --------------------------------------------------------------------------------------------
# Properties

LINE_TEXT = st.text(
    alphabet=st.sampled_from([*"abcXYZ  .,!?:-•*'\"…\t", "\u200b", "\ufeff", "\u0301", "\u00a0", "ü"]),
    max_size=40,
)
NEWLINES = st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\n \n"])


@st.composite
def scraped_text(draw):
    lines = draw(st.lists(LINE_TEXT, max_size=12))
    out = ""
    for line in lines:
        out += line + draw(NEWLINES)
    return out


def _clean(text: str) -> str:
    """The input as the splitter sees it: NFC, no zero-width characters."""
    return normalize_text(text)


@given(st.one_of(scraped_text(), st.text()))
def test_split_blocks_never_invents_words(text):
    # a line that starts with punctuation joins the word before it (``Gaza`` / ``.``): a word is the
    # source's words run together, never new text
    source = "".join(_clean(text).split())
    for block in split_blocks(text):
        assert block.text == block.text.strip() and block.text
        assert "\n" not in block.text and "\r" not in block.text
        for word in block.text.split():
            assert word in source, (word, text)


NO_BULLET_LINE = st.text(alphabet=st.sampled_from([*"abcXYZ .,!?:'\t", "\u200b", "é"]), max_size=40)


@given(st.lists(NO_BULLET_LINE, max_size=12), st.lists(NEWLINES, min_size=12, max_size=12))
def test_split_blocks_keeps_every_word_in_order(lines, newlines):
    """Without bullets nothing is dropped: the blocks hold the input's characters, in order, spaces aside.

    (Spaces aside: a line that starts with punctuation joins the word before it, ``Gaza`` / ``.``.)
    """
    text = "".join(line + newline for line, newline in zip(lines, newlines[: len(lines)], strict=True))
    kept = "".join(word for block in split_blocks(text) for word in block.text.split())
    assert kept == "".join(_clean(text).split())


@given(st.lists(NO_BULLET_LINE, max_size=12), st.lists(NEWLINES, min_size=12, max_size=12))
def test_split_blocks_is_stable_on_its_own_output(lines, newlines):
    """Splitting the blocks joined by blank lines gives the same blocks back."""
    blocks = split_blocks("".join(line + newline for line, newline in zip(lines, newlines[: len(lines)], strict=True)))
    assert split_blocks("\n\n".join(block.text for block in blocks)) == blocks


@pytest.mark.parametrize("mark", [".@", ".#"])
def test_a_tweet_opening_with_a_dot_before_a_handle_is_no_continuation(mark):
    # nbc.jsonl:30 with single line breaks: ``.@GoyaFoods has been …`` (the dot makes a reply public)
    # was glued onto the sentence above it as if it were that sentence's own full stop
    text = f'"Americans should think twice," Castro tweeted.\n{mark}GoyaFoods has been a staple of many homes.\n'
    assert [b.text for b in split_blocks(text)] == [
        '"Americans should think twice," Castro tweeted.',
        f"{mark}GoyaFoods has been a staple of many homes.",
    ]


@pytest.mark.parametrize(
    ("first", "following", "expected"),
    [
        ("Obama makes pitch for 'Promise Zones' to boost depressed areas", "The president spoke on Thursday.", False),
        (
            "Obama makes pitch for 'Promise Zones' to boost depressed areas",
            "President Barack Obama on Thursday named the first five of his promise zones, areas of high poverty.",
            True,
        ),
        (
            "Where Does Bernie Sanders Go From Here?",
            "Sanders lost the primary on Tuesday and now faces a choice.",
            True,
        ),
        (
            "Is the pandemic finally over for good?",
            "Health officials said on Tuesday that new cases fell again.",
            False,
        ),
        ("The Senate passed the bill on Wednesday.", "It now goes to the House for a vote on Friday morning.", False),
        ("Coronavirus outbreak", "Health officials said on Tuesday that the number of new cases fell again.", False),
        ("the senate passed the bill", "It now goes to the House for a vote on Friday morning, leaders said.", False),
        ("Senate passes relief bill", "It now goes to the House for a vote on Friday morning, leaders said", False),
    ],
)
def test_looks_like_headline(first, following, expected):
    assert looks_like_headline(first, following) is expected


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        # a scraper that joins a page's paragraphs with nothing between them (real Newsweek text)
        (
            "Our efforts may be in vain, scientists have warned.Listeria is the third leading cause of death.",
            "Our efforts may be in vain, scientists have warned. Listeria is the third leading cause of death.",
        ),
        (
            'The rover was sent to answer a question: "Did Mars ever support life?"Therefore, the emissions matter.',
            'The rover was sent to answer a question: "Did Mars ever support life?" Therefore, the emissions matter.',
        ),
        ("Why does Mars burp?In recent years, it was found.", "Why does Mars burp? In recent years, it was found."),
        # (real NBC text) a quotation mark that opens the next sentence
        (
            'The extra room is there for flexibility."To date, it remains at $413M," he said.',
            'The extra room is there for flexibility. "To date, it remains at $413M," he said.',
        ),
        ("He spoke.“We won,” he said.", "He spoke. “We won,” he said."),
        ("Read the report at example.com.It is long.", "Read the report at example.com. It is long."),
        # (real Tribun text) a handle, a place, an amount and abbreviations stay as they are
        ("Video itu diunggah akun Instagram Rafi.Yudhika pada Senin.", None),
        ("Ia diamankan di Polsek Lubuk Baja.Nagoya pada malam itu.", None),
        ("Harganya Rp 4.150.000 untuk paket TV Niko Oxxo.Rp 2.000.000 untuk yang kecil.", None),
        ("The U.S.A.Then came the rest, e.g.This one.", None),
    ],
)
def test_sentences_glued_without_a_space_get_one_on_a_line_of_joined_paragraphs(text, spaced):
    # the sentences stay in their block: line rules read a line as the scraper left it (a disclaimer's
    # sentences glued together go with it); only a line long enough to be a page's paragraphs joined is read
    rest = " ".join(["This is an ordinary sentence of the rest of the line."] * 30)
    assert [block.text for block in split_blocks(f"{text} {rest}")] == [f"{spaced or text} {rest}"]
    assert [block.text for block in split_blocks(text)] == [text]  # a paragraph as written: left alone
