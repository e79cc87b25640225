"""The Tribun network (tribunnews.com and its regional sites; one template, Indonesian).

Noise: the reporter line, the ``TRIBUNNEWS.COM, CITY -`` dateline glued to the
first sentence, ``Baca juga:`` lines, ``(Tribunnews.com/Name)`` and ``(*)``
attributions, the ``Artikel ini telah tayang di …`` syndication footer, credit
lines (``Penulis:``, ``Editor:``, ``Sumber:``), ``Berita Terkait`` blocks,
pagination and Google News prompts. Sentences quoting a foreign outlet
(``kata X kepada Newsweek``) are body text.
"""

from __future__ import annotations

import re

from newsingest import DropLine, Extract, Plugin, Signature
from newsingest.draft import Draft

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
)

#: A Tribun-network site name as it appears in datelines and credits.
SITE = r"(?:TRIBUN[A-Z\-]*|SURYA|SERAMBINEWS|BANGKAPOS|SRIPOKU|WARTAKOTALIVE|BANJARMASINPOST|POS-KUPANG)(?i:\.(?:com|co\.id|id|co))"
_SITE_ANY_CASE = r"(?:Tribun[\w\-]*|Surya|Serambinews|Bangkapos|Sripoku|Wartakotalive|Banjarmasinpost|Pos-Kupang)\.(?:com|co\.id|id|co)"
#: Every word capitalised, as in all 42 reporter names of the real corpus; case-sensitive even
#: inside a ``(?i)`` pattern, so a name never runs on into the next line's ``date``.
_NAME = r"(?-i:[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,4})"


_URL_AT_END = re.compile(r",\s*(https?://\S+?)\s*\.?$")


def parse_syndication(text: str) -> dict[str, str]:
    """``Site dengan judul Title, url`` → its parts.

    The title may hold commas itself, so the URL is whatever follows the last
    comma, when that is a URL.
    """
    site, found, rest = text.partition(" dengan judul ")
    if not found:
        return {"site": text.strip()}
    url = _URL_AT_END.search(rest)
    title = (rest[: url.start()] if url else rest).strip().rstrip(".")
    parts = {"site": site.strip(), "title": title}
    if url:
        parts["url"] = url.group(1)
    return parts


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
        Extract(
            "tribun-reporter",
            rf"(?i)laporan (?:wartawan|reporter|kontributor|jurnalis)\b[^,\n]{{0,40}},\s*(?P<value>{_NAME})",
            "authors",
            "reporter line (name kept in authors)",
            first_blocks=3,
            max_chars=120,
        ),
        Extract(
            "tribun-dateline",
            rf"^{SITE}(?:\s*,\s*(?P<value>[A-Z][A-Za-z .'\-]{{1,40}}?))?\s*[-–—]+\s*",
            "metadata.dateline",
            "dateline glued to the first sentence",
            first_blocks=3,
        ),
        Extract(
            "tribun-writer",
            r"(?i)penulis\s*:\s*(?P<value>[^|\n]{2,80}?)\s*(?=\||$)",
            "authors",
            "credit line: writer",
            many=True,
            max_chars=200,
            needles="penulis",
        ),
        Extract(
            "tribun-editor",
            r"(?i)editor\s*:\s*(?P<value>[^|\n]{2,80}?)\s*(?=\||$)",
            "metadata.editor",
            "credit line: editor",
            max_chars=200,
            needles="editor",
        ),
        Extract(
            "tribun-source",
            r"(?i)sumber\s*:\s*(?P<value>[^|\n]{2,80}?)\s*(?=\||$)",
            "metadata.source",
            "credit line: source",
            max_chars=200,
            needles="sumber",
        ),
        Extract(
            "tribun-attribution",
            rf"\((?:(?P<value>{_SITE_ANY_CASE}/[^()\n]{{1,60}})|\*)\)$",
            "metadata.attribution",
            "closing attribution",
            many=True,
        ),
        Extract(
            "tribun-syndication",
            r"(?i)(?:artikel|berita) ini (?:telah|sudah) (?:tayang|terbit|dimuat) di (?P<value>[^\n]{2,400})",
            "metadata.first_published",
            "syndication footer",
            convert=parse_syndication,
            max_chars=500,
            needles=("artikel ini", "berita ini"),
        ),
        DropLine(
            "tribun-pagination",
            r"(?i)(?:halaman (?:selanjutnya|berikutnya|sebelumnya)|selanjutnya|berikutnya|halaman\s+\d+\s*(?:/|dari)\s*\d+|halaman\s+\d+(?:\s+\d+){0,9}\s*|(?:«|‹)?\s*(?:sebelumnya|prev)\s*(?:\d+(?:\s+\d+){0,9}\s*)?(?:selanjutnya|next)?\s*(?:»|›)?)\s*[»›>]*",
            "pagination link",
            max_chars=80,
        ),
        DropLine(
            "tribun-google-news",
            r"(?i)(?:simak|ikuti|baca|dapatkan|follow)[^\n]{0,120}(?:google news|whatsapp channel|saluran whatsapp)[^\n]{0,80}",
            "Google News / WhatsApp prompt",
            max_chars=240,
        ),
    )
    signatures = (
        # the network's main brands; the smaller sites are recognised by their domains and other signatures
        Signature(r"\b(?:TRIBUN[A-Z\-]*|SURYA)(?i:\.(?:com|co\.id|id|co))\b", 2.0, needles=("tribun", "surya")),
        Signature(r"(?i)laporan wartawan", 1.5, needles="laporan wartawan"),
        Signature(r"(?i)artikel ini telah tayang di", 1.5, needles="artikel ini telah tayang"),
        Signature(r"Baca [Jj]uga\s*:", 1.0),
        Signature(r"\((?:Tribunnews|Tribun[\w\-]*)\.com/", 1.0, needles="(tribun"),
    )

    def read_page(self, tree, draft: Draft) -> None:
        """Tribun pages name the writer and editor in their own meta tags.

        ``<meta name="author">`` holds the site's name, not a person, so it is
        never taken as an author here.
        """
        tags = draft.page.meta if draft.page is not None else {}  # scanned once by the pipeline
        if tags.get("content_author") and not draft.authors:
            draft.add_author(tags["content_author"])
        if tags.get("content_editor"):
            draft.metadata.setdefault("editor", tags["content_editor"])
        draft.authors[:] = [a for a in draft.authors if not _is_site_name(a)]


def _is_site_name(name: str) -> bool:
    """``Tribunnews.com``, ``Tribunjateng.com``: a site, not a person."""
    return bool(re.fullmatch(_SITE_ANY_CASE, name.strip(), flags=re.IGNORECASE))
