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

import re
from typing import TYPE_CHECKING, ClassVar

import attrs

from .rules import Rule

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from .draft import Draft

_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
#: How many characters of a text signatures are matched against (from each end).
SIGNATURE_WINDOW = 20_000


def _compile(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    return pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)


def _lowered(needles: tuple[str, ...] | str) -> tuple[str, ...]:
    return tuple(n.lower() for n in ((needles,) if isinstance(needles, str) else needles))


#: Characters around a needle occurrence that a signature's pattern is matched in.
NEEDLE_REACH = 400


@attrs.frozen
class Signature:
    """A pattern that, found anywhere in a text, adds ``weight`` to a plugin's score.

    ``needles`` are plain strings, one of which every match of the pattern
    contains (in any case). With needles, the pattern is only tried on the lines
    around their occurrences: scoring runs for every plugin on every text that
    comes without a URL, and a substring test is far cheaper than a regex that
    starts with ``\\b`` or ``(?i)``.
    """

    pattern: re.Pattern[str] = attrs.field(converter=_compile)
    weight: float = 1.0
    needles: tuple[str, ...] = attrs.field(default=(), converter=_lowered)

    def found_in(self, text: str, lowered: str | None = None) -> bool:
        """True when the pattern occurs in ``text`` (``lowered`` is ``text.lower()``, if at hand)."""
        if not self.needles:
            return self.pattern.search(text) is not None
        lowered = text.lower() if lowered is None else lowered
        for needle in self.needles:
            at = lowered.find(needle)
            while at != -1:
                # whole lines around the occurrence, so ^ and $ keep their meaning
                start = text.rfind("\n", 0, max(0, at - NEEDLE_REACH)) + 1
                end = text.find("\n", at + len(needle) + NEEDLE_REACH)
                if self.pattern.search(text, start, len(text) if end == -1 else end):
                    return True
                at = lowered.find(needle, at + len(needle) + NEEDLE_REACH)
        return False


class Plugin:
    """Base class of outlet plugins: override the class attributes, and hooks if needed."""

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

    def __init__(self) -> None:
        check_plugin(self)

    def __repr__(self) -> str:
        return f"<Plugin {self.name!r} ({self.display_name}) domains={list(self.domains)}>"

    def owns(self, host: str) -> bool:
        """True when ``host`` is one of the plugin's domains or a subdomain of one."""
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def score(self, text: str, lowered: str | None = None) -> float:
        """How strongly ``text`` looks like this outlet's: the sum of matching signatures.

        ``lowered`` (``text.lower()``) may be passed in so that several plugins
        scoring one text lower it once.
        """
        window = (
            text if len(text) <= 2 * SIGNATURE_WINDOW else text[:SIGNATURE_WINDOW] + "\n" + text[-SIGNATURE_WINDOW:]
        )
        if window is not text or lowered is None:
            lowered = window.lower()
        return sum(sig.weight for sig in self.signatures if sig.found_in(window, lowered))

    # Hooks: the default implementations do nothing.

    def prepare_dom(self, tree: HtmlElement, draft: Draft) -> None:
        """Change the parsed page before extraction (after ``drop_selectors``)."""

    def read_page(self, tree: HtmlElement, draft: Draft) -> None:
        """Read metadata the outlet keeps in its own markup (bylines, credit boxes)."""

    def process(self, draft: Draft) -> None:
        """Last word on the cleaned draft, after the plugin's rules."""


def check_plugin(plugin: Plugin) -> None:
    """Refuse a misdeclared plugin early, with a message that says what is wrong."""
    from .errors import PluginError

    where = type(plugin).__qualname__
    if not isinstance(plugin.name, str) or not _NAME.fullmatch(plugin.name) or plugin.name == "none":
        raise PluginError(f"{where}: name must match [a-z][a-z0-9_]* (and not be 'none'), got {plugin.name!r}")
    for field in ("domains", "drop_selectors", "rules", "signatures"):
        if not isinstance(getattr(plugin, field), tuple):
            raise PluginError(f"{where}: {field} must be a tuple")
    for domain in plugin.domains:
        if not isinstance(domain, str) or "/" in domain or domain != domain.lower().strip("."):
            raise PluginError(f"{where}: domains must be lower-case host names, got {domain!r}")
    for rule in plugin.rules:
        if not isinstance(rule, Rule):
            raise PluginError(f"{where}: {rule!r} is not a rule (it needs a name and apply(draft))")
    for signature in plugin.signatures:
        if not isinstance(signature, Signature):
            raise PluginError(f"{where}: signatures must be Signature objects, got {signature!r}")
