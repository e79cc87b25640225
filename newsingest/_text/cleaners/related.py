"""Related-links blocks: a header, then headline and teaser lines of other stories."""

from __future__ import annotations

from newsingest._text.rules import DropLine, DropRelatedBlock

RELATED_HEADERS = (
    "you may also like",
    "you might also like",
    "related",
    "related stories",
    "related articles",
    "related coverage",
    "related content",
    "more from [\\w .]{1,40}",
    "more stories",
    "recommended",
    "read next",
    "trending",
    "berita terkait",
    "berita lain terkait [^\\n]{1,60}",
    "artikel terkait",
    "baca selanjutnya",
    "das könnte sie auch interessieren",
    "à lire également",
    "sur le même sujet",
    "te puede interesar",
    "noticias relacionadas",
    "похожие новости",
    "читайте также",
)

RELATED_BLOCK = DropRelatedBlock(
    name="related-block",
    header="(?i)(?:" + "|".join(RELATED_HEADERS) + r")\s*:?",
    reason="related-links block: headlines and teasers of other stories",
)

RELATED_LINE = DropLine(
    name="related-link",
    pattern=r"(?i)(?:related|more|watch|lihat|baca)\s*:\s+\S.{0,200}",
    reason="inline related-story link",
    max_chars=220,
)
