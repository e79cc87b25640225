"""The outlet plugin API.

A plugin is a class that *declares* what it knows about one outlet, in the manner
of fundus's publisher parsers: the domains it owns, its language, the CSS
selectors of its page furniture, the text rules for its noise, and the
signatures that recognise its text when no URL is given. Hooks cover what a
declaration cannot say; most plugins need none::

    class Example(Plugin):
        name = "example"
        display_name = "Example Times"
        domains = ("example.com",)
        language = "en"
        drop_selectors = (".ad-slot", ".related-rail")
        rules = (DropLine("promo", r"Subscribe to Example Times.*", "subscription promo"),)
        signatures = (Signature(r"Example Times", 1.0),)

Register it under the ``newsingest.plugins`` entry-point group (see docs/plugins.md).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

import attrs

from newsingest._text.match import FoldedText, fold_needles, literal_prefix
from newsingest._text.rules import Rule

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from newsingest._text.draft import Draft

_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
#: How many characters of a text signatures are matched against (from each end).
SIGNATURE_WINDOW = 20_000


def _compile(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    return pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)


#: Characters around a needle occurrence that a signature's pattern is matched in.
NEEDLE_REACH = 200
#: ``^``, ``$``, ``\\A`` or ``\\Z`` in a pattern: its search window must hold whole lines.
_ANCHORS = re.compile(r"(?<!\\)[$^]|\\[AZ]")


@attrs.frozen
class Signature:
    """A pattern that, found anywhere in a text, adds ``weight`` to a plugin's score.

    ``needles`` are plain strings, one of which every match of the pattern
    contains; they are compared case-folded (see :mod:`newsingest._text.match`),
    so they match in any case and any script. With needles, the pattern is only
    tried around their occurrences: scoring runs for every plugin on every text
    that comes without a URL, and a substring test is far cheaper than a regex
    that starts with ``\\b`` or ``(?i)``. A pattern that starts with plain text
    (``Follow NBC News``, ``РИА Новости сообщает``) needs none: that text is its needle.
    """

    pattern: re.Pattern[str] = attrs.field(converter=_compile)
    weight: float = 1.0
    needles: tuple[str, ...] = attrs.field(converter=fold_needles)
    _anchored: bool = attrs.field(init=False, repr=False, eq=False)

    @needles.default
    def _literal_prefix(self) -> tuple[str, ...]:
        """Without explicit needles, a pattern's leading literal text (if any) is one."""
        prefix = literal_prefix(self.pattern.pattern).strip()
        return (prefix,) if len(prefix) >= 4 else ()

    @_anchored.default
    def _has_anchors(self) -> bool:
        return _ANCHORS.search(self.pattern.pattern) is not None

    def found_in(self, text: str, folded: FoldedText | None = None) -> bool:
        """True when the pattern occurs in ``text`` (``folded`` is its :class:`FoldedText`, if at hand)."""
        if not self.needles:
            return self.pattern.search(text) is not None
        folded = FoldedText(text) if folded is None else folded
        for needle in self.needles:
            searched_to = 0  # the text up to here has been searched already: linear however many hits
            at = folded.find(needle)
            while at != -1:
                char = folded.char_index(at)
                if char + len(needle) > searched_to:
                    start = max(0, char - NEEDLE_REACH)
                    end = min(len(text), char + len(needle) + NEEDLE_REACH)
                    if self._anchored:  # whole lines around the occurrence, so ^ and $ keep their meaning
                        start = text.rfind("\n", 0, max(0, char - NEEDLE_REACH)) + 1
                        newline = text.find("\n", end)
                        end = len(text) if newline == -1 else newline
                    if self.pattern.search(text, start, end):
                        return True
                    searched_to = end
                at = folded.find(needle, at + len(needle) + NEEDLE_REACH)
        return False


class Plugin:
    """Base class of outlet plugins: override the class attributes, and hooks if needed.

    Attributes:
        name: Short identifier, used in ``outlet=`` and in records: lower case, digits, ``_``.
        display_name: Human name of the outlet.
        domains: Domains the outlet publishes on; subdomains are included.
        language: ISO 639-1 language the outlet writes in; a prior for close language calls.
        drop_selectors: CSS selectors of page furniture to drop from HTML before extraction.
        rules: Text rules applied, in order, after the generic cleaners.
        signatures: Patterns that recognise the outlet's text when there is no URL.
        generic_rules: Generic rules this outlet knows better, by id: ``None`` switches one
            off, a rule runs in its place.
        version: This layout version's label (``"1"``, ``"1.1"``, ``"2"``).
        valid_until: The last publication day this layout version is used for; ``None``
            for the current version.
        older_versions: The outlet's earlier layout versions (listed by the current one).
    """

    #: Short identifier, used in ``outlet=`` and in records: lower case, digits, ``_``.
    name: ClassVar[str] = ""
    #: Human name of the outlet.
    display_name: ClassVar[str] = ""
    #: Domains the outlet publishes on; subdomains are included.
    domains: ClassVar[tuple[str, ...]] = ()
    #: ISO 639-1 language the outlet writes in; a prior for close language calls.
    language: ClassVar[str | None] = None
    #: CSS selectors of page furniture to drop from HTML before extraction.
    drop_selectors: ClassVar[tuple[str, ...]] = ()
    #: Text rules applied, in order, after the generic cleaners.
    rules: ClassVar[tuple[Rule, ...]] = ()
    #: Patterns that recognise the outlet's text when there is no URL.
    signatures: ClassVar[tuple[Signature, ...]] = ()
    #: Generic rules this outlet knows better, by id (see ``newsingest._text.cleaners.GENERIC_RULE_IDS``):
    #: ``None`` switches one off, a rule runs in its place (its removals recorded under the plugin).
    generic_rules: ClassVar[Mapping[str, Rule | None]] = MappingProxyType({})
    #: This layout version's label. A selector or rule fix is a minor version
    #: (``"1.1"``) that inherits from the one it fixes; a changed field set is a major one.
    version: ClassVar[str] = "1"
    #: The last publication day (inclusive) this layout version is used for;
    #: ``None`` for the current layout, which every later or undated article gets.
    valid_until: ClassVar[dt.date | None] = None
    #: The outlet's earlier layout versions: :class:`Plugin` classes with the same
    #: ``name``, each with a ``valid_until``. Only the current version lists them.
    older_versions: ClassVar[tuple[type[Plugin], ...]] = ()

    def __init__(self) -> None:
        check_plugin(self)
        self._gate = signature_gate(self.signatures)
        self._by_weight = tuple(sorted(self.signatures, key=lambda sig: -sig.weight))
        self._weight_by_needles = weight_by_needles(self.signatures)
        self._bound_slack = BOUND_SLACK * (1.0 + sum(abs(sig.weight) for sig in self.signatures))
        self._weights_add_up = all(sig.weight >= 0 for sig in self.signatures)
        self._versions = self._build_versions()

    def _build_versions(self) -> tuple[Plugin, ...]:
        """Every layout version, oldest first, this (the current) one last."""
        if self.valid_until is not None:  # an older version stands for itself only
            return (self,)
        from newsingest.errors import PluginError

        where = type(self).__qualname__
        older = []
        for cls in self.older_versions:
            if not (isinstance(cls, type) and issubclass(cls, Plugin)):
                raise PluginError(f"{where}: older_versions must hold Plugin classes, got {cls!r}")
            if cls.valid_until is None:
                raise PluginError(f"{where}: older version {cls.__qualname__} needs a valid_until date")
            if cls.name != self.name:
                raise PluginError(f"{where}: older version {cls.__qualname__} is named {cls.name!r}, not {self.name!r}")
            older.append(cls())
        older.sort(key=lambda plugin: plugin.valid_until or dt.date.max)
        versions = (*older, self)
        labels = [plugin.version for plugin in versions]
        if len(set(labels)) != len(labels):
            raise PluginError(f"{where}: two layout versions share a version label ({labels})")
        until = [plugin.valid_until for plugin in older]
        if len(set(until)) != len(until):
            raise PluginError(f"{where}: two older versions end on the same day")
        return versions

    def metadata_keys(self) -> frozenset[str]:
        """The ``metadata`` keys this version's rules fill (their ``metadata.<key>`` fields)."""
        fields = (getattr(rule, "field", None) for rule in self.rules)
        return frozenset(f[len("metadata.") :] for f in fields if isinstance(f, str) and f.startswith("metadata."))

    def versions(self) -> tuple[Plugin, ...]:
        """The outlet's layout versions, oldest first; the current one (``self``) last."""
        return self._versions

    def for_date(self, date: dt.date | None) -> Plugin:
        """The layout version for an article published on ``date`` (``None``: the current one).

        A version serves articles up to and including its ``valid_until``; the
        first version whose period covers the date wins.
        """
        if date is None:
            return self._versions[-1]
        day = date.date() if isinstance(date, dt.datetime) else date
        for plugin in self._versions[:-1]:
            if plugin.valid_until is not None and day <= plugin.valid_until:
                return plugin
        return self._versions[-1]

    def __repr__(self) -> str:
        version = f" version {self.version}" if len(self._versions) > 1 or self.valid_until else ""
        return f"<Plugin {self.name!r}{version} ({self.display_name}) domains={list(self.domains)}>"

    def owns(self, host: str) -> bool:
        """True when ``host`` is one of the plugin's domains or a subdomain of one."""
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def score(self, text: str, folded: FoldedText | None = None) -> float:
        """How strongly ``text`` looks like this outlet's: the sum of matching signatures.

        ``folded`` (the text's :class:`FoldedText`) may be passed in so that
        several plugins scoring one text fold it once.
        """
        window = signature_window(text)
        if window is not text or folded is None:
            folded = FoldedText(window)
        if not self.may_match(folded):
            return 0.0
        return sum(sig.weight for sig in self.signatures if sig.found_in(window, folded))

    def may_match(self, folded: FoldedText) -> bool:
        """False when none of the outlet's telltale strings occurs: then no signature can match."""
        return self._gate is None or folded.any_of(self._gate)

    def may_reach(self, folded: FoldedText, threshold: float) -> bool:
        """False when :meth:`score` cannot reach ``threshold`` whatever the patterns find.

        A signature with needles is only tried around their occurrences, so one
        whose needles are all absent adds nothing: the most the text can score is
        the weight of the signatures without needles and of those with a needle in it.
        """
        return self.may_match(folded) and self.bound_reaches(folded, threshold)

    def score_bound(self, folded: FoldedText) -> float:
        """The most :meth:`score` can give the text (see :meth:`may_reach`), rounding included.

        No summing order of the signatures' weights (:meth:`score`'s, :meth:`reaches`')
        gives more.
        """
        total = self._bound_slack
        for needles, weight in self._weight_by_needles:
            if not needles or folded.any_of(needles):
                total += weight
        return total

    def bound_reaches(self, folded: FoldedText, threshold: float) -> bool:
        """:meth:`may_reach` for a text already known to pass the needle gate (:meth:`may_match`)."""
        total = self._bound_slack  # (see score_bound)
        for needles, weight in self._weight_by_needles:
            if not needles or folded.any_of(needles):
                total += weight
                if total >= threshold:
                    return True
        return total >= threshold

    def reaches(self, text: str, threshold: float, folded: FoldedText | None = None) -> bool:
        """Whether :meth:`score` would reach ``threshold``, stopping as soon as it does."""
        folded = FoldedText(text) if folded is None else folded
        if not self.may_match(folded):
            return False
        total = 0.0
        for sig in self._by_weight:
            if sig.found_in(text, folded):
                total += sig.weight
                if total >= threshold:
                    return True
        return False

    def surely_beats(self, text: str, rival: float, threshold: float, folded: FoldedText) -> bool:
        """True when :meth:`score` is sure to exceed ``rival`` and reach ``threshold``.

        The signatures are tried heaviest first and the answer comes as soon as
        those found add up to enough; ``False`` means only that it could not tell
        (never for a plugin with a negative weight, whose partial sums prove nothing).
        """
        if not self._weights_add_up:
            return False
        total = -self._bound_slack  # what the found weights add up to, rounding at its worst
        for sig in self._by_weight:
            if sig.found_in(text, folded):
                total += sig.weight
                if total > rival and total >= threshold:
                    return True
        return False

    # Hooks: the default implementations do nothing.

    def prepare_dom(self, tree: HtmlElement, draft: Draft) -> None:
        """Change the parsed page before extraction (after ``drop_selectors``)."""

    def read_page(self, tree: HtmlElement, draft: Draft) -> None:
        """Read metadata the outlet keeps in its own markup (bylines, credit boxes)."""

    def process(self, draft: Draft) -> None:
        """Last word on the cleaned draft, after the plugin's rules."""


def signature_window(text: str) -> str:
    """The part of a text signatures are matched against: all of it, or its two ends when it is long.

    An outlet's telltale lines (credits, footers, datelines) sit at the start or
    the end; a 3 MB text is matched in the time of a 40 kB one.
    """
    if len(text) <= 2 * SIGNATURE_WINDOW + 1:
        return text
    return text[:SIGNATURE_WINDOW] + "\n" + text[-SIGNATURE_WINDOW:]


def signature_gate(signatures: tuple[Signature, ...]) -> tuple[str, ...] | None:
    """The fewest needles of which one must occur for any signature to match.

    A needle that contains another needle adds nothing (``nbcnews.com`` cannot
    occur without ``nbc``), so the gate keeps the shortest; ``None`` when some
    signature has no needle and so cannot be ruled out by one.
    """
    needles = {needle for sig in signatures for needle in sig.needles}
    if not signatures or any(not sig.needles for sig in signatures):
        return None
    # in the order the signatures declare them (the likeliest first, as a plugin lists them):
    # a text of the outlet's passes the gate on its first needle
    ordered = dict.fromkeys(needle for sig in signatures for needle in sig.needles)
    return tuple(n for n in ordered if not any(other != n and other in n for other in needles))


def weight_by_needles(signatures: tuple[Signature, ...]) -> tuple[tuple[tuple[str, ...], float], ...]:
    """The most the signatures with each set of needles can add, the heaviest first (one test per set).

    A negative weight can only lower a score, so it adds nothing to the most a score can be.
    """
    weights: dict[tuple[str, ...], float] = {}
    for sig in signatures:
        weights[sig.needles] = weights.get(sig.needles, 0.0) + max(sig.weight, 0.0)
    return tuple(sorted(weights.items(), key=lambda item: -item[1]))


#: Room for rounding, per unit of a plugin's total weight, when a bound summed in one order
#: meets a score summed in another (``0.1 + 0.2 + 0.7`` is not ``0.7 + 0.2 + 0.1``).
BOUND_SLACK = 1e-9


def check_plugin(plugin: Plugin) -> None:
    """Refuse a misdeclared plugin early, with a message that says what is wrong."""
    from newsingest.errors import PluginError

    where = type(plugin).__qualname__
    if not isinstance(plugin.name, str) or not _NAME.fullmatch(plugin.name) or plugin.name == "none":
        raise PluginError(f"{where}: name must match [a-z][a-z0-9_]* (and not be 'none'), got {plugin.name!r}")
    if not isinstance(plugin.version, str) or not plugin.version:
        raise PluginError(f"{where}: version must be a non-empty str like '1' or '1.1', got {plugin.version!r}")
    if plugin.valid_until is not None and not isinstance(plugin.valid_until, dt.date):
        raise PluginError(f"{where}: valid_until must be a datetime.date or None, got {plugin.valid_until!r}")
    for field in ("domains", "drop_selectors", "rules", "signatures", "older_versions"):
        if not isinstance(getattr(plugin, field), tuple):
            raise PluginError(f"{where}: {field} must be a tuple")
    for domain in plugin.domains:
        if not isinstance(domain, str) or "/" in domain or domain != domain.lower().strip("."):
            raise PluginError(f"{where}: domains must be lower-case host names, got {domain!r}")
    for rule in plugin.rules:
        if not isinstance(rule, Rule):
            raise PluginError(f"{where}: {rule!r} is not a rule (it needs a name and apply(draft))")
    if not isinstance(plugin.generic_rules, Mapping):
        raise PluginError(f"{where}: generic_rules must map generic rule ids to a rule or None")
    from newsingest._text.cleaners import GENERIC_RULE_IDS

    for rule_id, replacement in plugin.generic_rules.items():
        if rule_id not in GENERIC_RULE_IDS:
            raise PluginError(
                f"{where}: generic_rules names {rule_id!r}, which is no generic rule "
                f"(the ids are: {', '.join(GENERIC_RULE_IDS)})"
            )
        if replacement is not None and not isinstance(replacement, Rule):
            raise PluginError(f"{where}: generic_rules[{rule_id!r}] must be a rule or None, got {replacement!r}")
    for signature in plugin.signatures:
        if not isinstance(signature, Signature):
            raise PluginError(f"{where}: signatures must be Signature objects, got {signature!r}")
