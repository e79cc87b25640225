"""The Article model: what the pipeline produces, and its JSON form.

Everything here is frozen so that an article can be shared between threads, cached
and hashed without anyone changing it behind another's back: lists become tuples
and ``metadata`` a read-only :class:`FrozenMetadata` (nested dicts and lists
frozen too). ``to_dict`` returns plain JSON types only (dates as ISO 8601
strings) and ``from_dict`` reads that form back, so a JSONL file written by the
CLI round-trips into equal objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from newsingest.errors import UsageError

#: Kinds a block of the body can have.
BLOCK_KINDS = ("paragraph", "heading", "quote", "list_item")

Date = dt.datetime | dt.date


def content_id(text: str) -> str:
    """A stable id for an input: the first 16 hex digits of SHA-256 over its text.

    Hashing the decoded text (not the raw bytes) gives the same id to the same
    article whatever encoding it arrived in.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _tuple(items: Iterable[Any] | None) -> tuple[Any, ...]:
    return tuple(items) if items is not None else ()


#: Values that are immutable as they are (``datetime`` is a ``date``).
_PLAIN = (str, int, float, type(None), dt.date)


def _freeze(value: Any) -> Any:
    """Containers made immutable, recursively: mappings to :class:`FrozenMetadata`, lists to tuples."""
    if isinstance(value, _PLAIN_OR_FROZEN):
        return value  # (tested first: the abstract Mapping test below is slow, and most values are plain)
    if isinstance(value, Mapping):
        return FrozenMetadata(value)
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_freeze(item) for item in value)
    return value


class FrozenMetadata(Mapping[str, Any]):
    """A read-only, hashable mapping: an article's ``metadata``.

    Built from any mapping; nested mappings become :class:`FrozenMetadata` and
    lists tuples, so nothing inside can be changed either. Compares equal to a
    ``dict`` with the same (frozen) content; :meth:`Article.to_dict` turns it back
    into JSON types.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, Any] | Iterable[tuple[str, Any]] = ()) -> None:
        self._data: dict[str, Any] = {str(key): _freeze(value) for key, value in dict(data).items()}
        self._hash: int | None = None

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def get(self, key: str, default: Any = None) -> Any:
        """The value under ``key``, else ``default``: the dict's own lookup (``Mapping.get`` raises and catches)."""
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMetadata):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == {key: _freeze(value) for key, value in other.items()}
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenMetadata({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMetadata, (self._data,))


_PLAIN_OR_FROZEN = (*_PLAIN, FrozenMetadata)


def _frozen_metadata(value: Mapping[str, Any] | None) -> FrozenMetadata:
    return value if isinstance(value, FrozenMetadata) else FrozenMetadata(value or {})


def _validate_kind(instance: Any, attribute: attrs.Attribute, value: str) -> None:
    if value not in BLOCK_KINDS:
        raise UsageError(f"{attribute.name} must be one of {BLOCK_KINDS}, got {value!r}")


@attrs.frozen
class Block:
    """One block of the clean body, in reading order.

    ``language`` is the block's own language where it was detected, so a stray
    foreign-language line in an otherwise English article can be seen.
    """

    text: str
    kind: str = attrs.field(default="paragraph", validator=_validate_kind)
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "language": self.language}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Block:
        return cls(text=data["text"], kind=data.get("kind", "paragraph"), language=data.get("language"))


@attrs.frozen
class Removed:
    """A piece of the input the pipeline took out, and why.

    ``rule`` names the rule that took it; ``plugin`` is the plugin the rule belongs
    to, or ``None`` for the generic cleaners. ``moved_to`` names the field the text
    went to when it was moved rather than thrown away (``"metadata.captions"``,
    ``"title"``, ...).
    """

    text: str
    reason: str
    rule: str
    plugin: str | None = None
    moved_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Removed:
        return cls(
            text=data["text"],
            reason=data["reason"],
            rule=data["rule"],
            plugin=data.get("plugin"),
            moved_to=data.get("moved_to"),
        )


@attrs.frozen
class Translation:
    """An English rendering of an article, aligned 1:1 with its paragraphs."""

    language: str
    title: str | None
    paragraphs: tuple[str, ...] = attrs.field(converter=_tuple)
    model: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "model": self.model,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Translation:
        return cls(
            language=data["language"],
            title=data.get("title"),
            paragraphs=data.get("paragraphs", ()),
            model=data.get("model", ""),
        )


#: Kinds of link between copies and versions of one story (see :mod:`newsingest.linking`): an exact
#: copy, a near copy (the same text, edited), a syndicated copy (it names its original), a member of a
#: template series (the same text frame with other figures: it copies nothing), a translation.
LINK_KINDS = ("exact", "near", "syndicated", "series", "translation")


def _validate_link_kind(instance: Any, attribute: attrs.Attribute, value: str) -> None:
    if value not in LINK_KINDS:
        raise ValueError(f"{attribute.name} must be one of {LINK_KINDS}, got {value!r}")


@attrs.frozen
class Link:
    """Why an article belongs to another article's story: the kind of link and its evidence.

    ``target`` is the id of the article it was matched with; ``similarity`` the
    estimated 5-word-shingle Jaccard similarity (1.0 for an exact copy, ``None``
    where the evidence is not a text comparison); ``matched`` says what matched
    (``"content hash"``, ``"first_published.url"``, the numbers and names two
    texts share, ...). A ``candidate`` is a proposal that was not verified (a
    possible translation found without a translation model): it never joins a story.
    """

    kind: str = attrs.field(validator=_validate_link_kind)
    target: str
    similarity: float | None = None
    matched: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    candidate: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "target": self.target,
            "similarity": self.similarity,
            "matched": list(self.matched),
            "candidate": self.candidate,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Link:
        return cls(
            kind=data["kind"],
            target=data["target"],
            similarity=data.get("similarity"),
            matched=data.get("matched", ()),
            candidate=data.get("candidate", False),
        )


def _date_to_json(value: Date | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_date(value: str | Date | None) -> Date | None:
    """Read an ISO 8601 date or datetime; a bare ``YYYY-MM-DD`` stays a ``date``."""
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@attrs.frozen
class Article:
    """A clean, structured news article: frozen and hashable.

    ``text`` is always the kept ``paragraphs`` joined by blank lines: given both,
    they must agree (else :class:`~newsingest.UsageError`); given ``text`` alone,
    the paragraphs are its blank-line-separated parts.

    ``story``, ``duplicate_of``, ``link`` and ``link_candidates`` are filled by
    :func:`newsingest.link_stories` (``None``/empty until then): the id shared by
    every copy and version of one story, the id of the earliest article this one
    copies, why it joined its story, and unverified proposals (translations found
    without a model). ``to_dict`` writes them only once the article has been
    linked (``story`` set), so unlinked records keep their shape.
    """

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    paragraphs: tuple[Block, ...] = attrs.field(default=(), converter=_tuple)
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    published: Date | None = attrs.field(default=None, converter=parse_date)
    updated: Date | None = attrs.field(default=None, converter=parse_date)
    language: str | None = None
    language_confidence: float | None = None
    translation: Translation | None = None
    removed: tuple[Removed, ...] = attrs.field(default=(), converter=_tuple)
    metadata: FrozenMetadata = attrs.field(factory=FrozenMetadata, converter=_frozen_metadata)
    story: str | None = None
    duplicate_of: str | None = None
    link: Link | None = None
    link_candidates: tuple[Link, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        if not self.paragraphs:
            if self.text:
                object.__setattr__(self, "paragraphs", tuple(Block(part) for part in self.text.split("\n\n")))
            return
        if self.text != "\n\n".join(block.text for block in self.paragraphs):
            raise UsageError("Article.text must be its paragraphs' texts joined by blank lines")

    def to_dict(self) -> dict[str, Any]:
        """The article as plain JSON types, ready for ``json.dumps``."""
        record = {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "text": self.text,
            "paragraphs": [block.to_dict() for block in self.paragraphs],
            "authors": list(self.authors),
            "published": _date_to_json(self.published),
            "updated": _date_to_json(self.updated),
            "language": self.language,
            "language_confidence": self.language_confidence,
            "translation": self.translation.to_dict() if self.translation else None,
            "removed": [item.to_dict() for item in self.removed],
            "metadata": _jsonable(self.metadata),
        }
        if self.story is not None or self.link is not None or self.link_candidates or self.duplicate_of:
            record.update(
                story=self.story,
                duplicate_of=self.duplicate_of,
                link=self.link.to_dict() if self.link else None,
                link_candidates=[link.to_dict() for link in self.link_candidates],
            )
        return record

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output (or a JSONL record)."""
        translation = data.get("translation")
        link = data.get("link")
        return cls(
            id=data["id"],
            text=data.get("text", ""),
            source=data.get("source"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            title=data.get("title"),
            paragraphs=[Block.from_dict(b) for b in data.get("paragraphs", ())],
            authors=data.get("authors", ()),
            published=data.get("published"),
            updated=data.get("updated"),
            language=data.get("language"),
            language_confidence=data.get("language_confidence"),
            translation=Translation.from_dict(translation) if translation else None,
            removed=[Removed.from_dict(r) for r in data.get("removed", ())],
            metadata=data.get("metadata") or {},
            story=data.get("story"),
            duplicate_of=data.get("duplicate_of"),
            link=Link.from_dict(link) if link else None,
            link_candidates=[Link.from_dict(c) for c in data.get("link_candidates", ())],
        )

    def __repr__(self) -> str:
        title = self.title or self.text
        title = title[:60] + "…" if len(title) > 60 else title
        return (
            f"<Article {self.id} outlet={self.outlet!r} language={self.language!r} "
            f"title={title!r} paragraphs={len(self.paragraphs)} removed={len(self.removed)}>"
        )

    def _repr_html_(self) -> str:
        """Jupyter's rendering: clean text by block, removals set apart (see :mod:`newsingest.frontends.article_html`)."""
        from newsingest.frontends.article_html import article_html

        return article_html(self)


def _jsonable(value: Any) -> Any:
    """Copy metadata into JSON types: dates become ISO strings, tuples become lists."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_jsonable(v) for v in value), key=repr)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
