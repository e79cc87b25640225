"""Finding plugins (entry points) and choosing the one that runs on an article.

Built-in plugins register through the ``newsingest.plugins`` entry-point group,
exactly as a third party's do, so there is one way in and the built-ins prove it
works. A plugin that fails to load is reported in a warning naming it; the
others still load.

Conflicts are loud. Two plugins with one name: the built-ins load first, then
other distributions' plugins in (distribution, entry-point) name order, then
plugins registered in code; a later one replaces an earlier one of the same
name, and a :class:`PluginConflictWarning` names both and the one used. Two
plugins owning one domain: the most specific domain wins (``news.example.com``
over ``example.com``); on an equal claim the plugin whose name sorts first
wins, with a warning naming both. ``newsingest plugins`` lists every conflict.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Iterable
from importlib import metadata
from urllib.parse import urlsplit

import attrs

from newsingest._outlets.plugin import Plugin, signature_window
from newsingest._text.match import FoldedText
from newsingest.errors import PluginError

ENTRY_POINT_GROUP = "newsingest.plugins"
#: A content signature score at or above this picks a plugin for text with no URL.
SIGNATURE_THRESHOLD = 1.0

logger = logging.getLogger(__name__)


class PluginLoadWarning(UserWarning):
    """A plugin entry point could not be loaded; the others were."""


class PluginConflictWarning(UserWarning):
    """Two plugins share a name or a domain; the message names both and the one that is used."""


#: The distribution whose plugins are the built-ins.
BUILT_IN_DISTRIBUTION = "newsingest"


@attrs.frozen
class PluginInfo:
    """A loaded plugin and where it came from."""

    plugin: Plugin
    origin: str  # "dist-name version (entry point value)" or "registered in code"


def _instantiate(obj: object, where: str) -> Plugin:
    plugin = obj() if isinstance(obj, type) and issubclass(obj, Plugin) else obj
    if not isinstance(plugin, Plugin):
        raise PluginError(f"{where}: does not point to a newsingest.Plugin subclass or instance")
    return plugin


class PluginRegistry:
    """The plugins known to a pipeline, loaded once from entry points on first use."""

    def __init__(self, plugins: Iterable[Plugin] = (), *, entry_points: bool = True) -> None:
        self._lock = threading.Lock()
        self._infos: dict[str, PluginInfo] | None = None
        self._conflicts: list[str] = []
        self._extra = list(plugins)
        self._use_entry_points = entry_points
        #: every layout version of every plugin with its needle gate, for :meth:`for_text`
        #: (made again after a registration)
        self._gates: tuple[tuple[Plugin, tuple[str, ...] | None], ...] | None = None

    def _loaded(self) -> dict[str, PluginInfo]:
        if self._infos is None:
            with self._lock:
                if self._infos is None:
                    infos: dict[str, PluginInfo] = {}
                    loaded = list(self._from_entry_points()) if self._use_entry_points else []
                    loaded += [PluginInfo(plugin, "registered in code") for plugin in self._extra]
                    for info in loaded:
                        self._add(infos, info)
                    self._infos = infos
                    self._check_domains()
        return self._infos

    def _add(self, infos: dict[str, PluginInfo], info: PluginInfo) -> None:
        """Add ``info``, replacing (loudly) an earlier plugin of the same name."""
        name = info.plugin.name
        earlier = infos.get(name)
        if earlier is not None and earlier.plugin is not info.plugin:
            self._warn(
                f"two plugins are named {name!r}: {earlier.origin} and {info.origin}; "
                f"the second is used (built-ins load first, then other distributions in name order, "
                f"then plugins registered in code: the later replaces the earlier)"
            )
        infos[name] = info

    def _check_domains(self) -> None:
        owners: dict[str, list[PluginInfo]] = {}
        for info in sorted(self._infos.values() if self._infos else (), key=lambda i: i.plugin.name):
            for domain in info.plugin.domains:
                owners.setdefault(domain, []).append(info)
        for domain, infos in sorted(owners.items()):
            if len(infos) > 1:
                named = " and ".join(f"{i.plugin.name!r} ({i.origin})" for i in infos)
                self._warn(
                    f"domain {domain!r} is claimed by {named}; {infos[0].plugin.name!r} is used for it "
                    f"(on an equal claim the plugin whose name sorts first; pass outlet= to choose)"
                )

    def _warn(self, message: str) -> None:
        self._conflicts.append(message)
        logger.warning(message)
        warnings.warn(message, PluginConflictWarning, stacklevel=4)

    def conflicts(self) -> list[str]:
        """Every name or domain conflict found when the plugins were loaded, as a message."""
        self._loaded()
        return list(self._conflicts)

    def _from_entry_points(self) -> Iterable[PluginInfo]:
        def order(entry: metadata.EntryPoint) -> tuple[bool, str, str]:
            dist = getattr(entry, "dist", None)
            dist_name = dist.name if dist else ""
            return (dist_name != BUILT_IN_DISTRIBUTION, dist_name, entry.name)

        for entry in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=order):
            dist = getattr(entry, "dist", None)
            origin = f"{dist.name} {dist.version} ({entry.value})" if dist else entry.value
            try:
                plugin = _instantiate(entry.load(), f"entry point {entry.name!r} = {entry.value}")
            except (Exception, SystemExit) as err:  # a plugin calling sys.exit at import costs only itself
                message = (
                    f"newsingest plugin {entry.name!r} ({entry.value}) failed to load: {type(err).__name__}: {err}"
                )
                logger.warning(message)
                warnings.warn(message, PluginLoadWarning, stacklevel=2)
                continue
            if plugin.name != entry.name:
                logger.info("entry point %r loads plugin named %r", entry.name, plugin.name)
            yield PluginInfo(plugin, origin)

    def register(self, plugin: Plugin | type[Plugin]) -> Plugin:
        """Add a plugin in code (a notebook, a test), replacing one of the same name."""
        instance = _instantiate(plugin, repr(plugin))
        with self._lock:
            self._extra.append(instance)
            self._gates = None
            if self._infos is not None:
                self._add(self._infos, PluginInfo(instance, "registered in code"))
                self._check_domains_of(instance)
        return instance

    def _check_domains_of(self, plugin: Plugin) -> None:
        for info in sorted(self._infos.values() if self._infos else (), key=lambda i: i.plugin.name):
            shared = sorted(set(info.plugin.domains) & set(plugin.domains))
            if info.plugin is not plugin and shared:
                first = min(info.plugin.name, plugin.name)
                self._warn(
                    f"domain {shared[0]!r} is claimed by {info.plugin.name!r} and {plugin.name!r} (registered in code); "
                    f"{first!r} is used for it (on an equal claim the plugin whose name sorts first; pass outlet= to choose)"
                )

    def infos(self) -> list[PluginInfo]:
        return sorted(self._loaded().values(), key=lambda info: info.plugin.name)

    def names(self) -> list[str]:
        return sorted(self._loaded())

    def get(self, name: str) -> Plugin:
        """The plugin called ``name``; :class:`PluginError` listing the known ones if none is."""
        info = self._loaded().get(name)
        if info is None:
            known = ", ".join(self.names()) or "none installed"
            raise PluginError(f"unknown outlet {name!r} (known: {known}; or 'none' for generic cleaning)")
        return info.plugin

    def for_url(self, url: str | None) -> Plugin | None:
        """The plugin owning the URL's host (the most specific domain wins)."""
        if not url:
            return None
        host = urlsplit(url if "//" in url else "//" + url).hostname
        if not host:
            return None
        best: tuple[int, Plugin] | None = None
        for info in sorted(self._loaded().values(), key=lambda i: i.plugin.name):  # equal claims: first name wins
            for domain in info.plugin.domains:
                if (host == domain or host.endswith("." + domain)) and (best is None or len(domain) > best[0]):
                    best = (len(domain), info.plugin)
        return best[1] if best else None

    def may_claim(self, text: str) -> bool:
        """Whether some plugin's telltale strings (its needle gate) occur in ``text``: else :meth:`for_text` chooses none.

        Cheap enough to decide whether a page is worth reading line by line for the choice.
        """
        folded = FoldedText(signature_window(text))
        return any(gate is None or folded.any_of(gate) for _, gate in self._version_gates())

    def _version_gates(self) -> tuple[tuple[Plugin, tuple[str, ...] | None], ...]:
        """Every layout version of every plugin with its needle gate (made again after a registration)."""
        gates = self._gates
        if gates is None:
            gates = self._gates = tuple(
                (version, version._gate) for info in self._loaded().values() for version in info.plugin.versions()
            )
        return gates

    def for_text(
        self, text: str, threshold: float = SIGNATURE_THRESHOLD, *, folded: FoldedText | None = None
    ) -> Plugin | None:
        """The plugin whose signatures score ``text`` highest, if that reaches ``threshold``.

        Every layout version's signatures count (an old page may carry furniture
        the current layout dropped); a plugin scores as its best version. A tie
        between two plugins for first place picks nobody: a coin toss is worse
        than generic cleaning. ``folded``: ``text``'s :class:`FoldedText`, if the
        caller made one (used when ``text`` is short enough to be read whole).
        """
        text = signature_window(text)
        if folded is None or folded.text is not text:
            folded = FoldedText(text)
        gates = self._version_gates()
        # each version's gate (Plugin.may_match) on the folded text, each needle looked for once
        # (FoldedText remembers what it found, for the other versions and the signatures): a text
        # of one outlet holds none of the others' needles, and this runs for every text
        any_of = folded.any_of
        candidates = [version for version, gate in gates if gate is None or any_of(gate)]
        if not candidates:
            return None
        name = candidates[0].name
        if all(plugin.name == name for plugin in candidates):
            # the usual case: no rival to tie with, stop once the threshold is reached (or cannot be)
            for version in candidates:
                if version.bound_reaches(folded, threshold) and version.reaches(text, threshold, folded):
                    return self.get(name)
            return None
        return self._best_by_score(text, folded, candidates, threshold)

    def _best_by_score(
        self, text: str, folded: FoldedText, candidates: list[Plugin], threshold: float
    ) -> Plugin | None:
        """Several plugins may claim the text: the best score wins, a tie for first place picks nobody.

        Plugins are scored in the order of the most they can score (their
        signatures with a needle in the text), and scoring stops at the first
        that cannot even tie with the best so far: a text of one outlet that
        mentions another (``kata X kepada Newsweek``) is mostly not scored for
        that other at all.
        """
        bounds: dict[str, float] = {}
        versions: dict[str, list[Plugin]] = {}
        for plugin in candidates:
            bounds[plugin.name] = max(bounds.get(plugin.name, 0.0), plugin.score_bound(folded))
            versions.setdefault(plugin.name, []).append(plugin)
        ranked = sorted(bounds, key=lambda name: -bounds[name])
        rival = max((bounds[name] for name in ranked[1:]), default=0.0)
        if any(plugin.surely_beats(text, rival, threshold, folded) for plugin in versions[ranked[0]]):
            return self.get(ranked[0])  # its score is above the most any other can score
        best: dict[str, float] = {}
        top = float("-inf")
        for name in ranked:
            if bounds[name] < top or bounds[name] < threshold:
                break  # neither this plugin nor any after it can win or tie with the winner
            best[name] = max(0.0, *(plugin.score(text, folded) for plugin in versions[name]))
            top = max(top, best[name])
        scores = sorted(((score, name) for name, score in best.items()), reverse=True)
        if not scores or scores[0][0] < threshold:
            return None
        if len(scores) > 1 and scores[1][0] == scores[0][0]:
            return None
        return self.get(scores[0][1])

    def choose(self, *, outlet: str | None, url: str | None, text: str | None) -> Plugin | None:
        """Explicit ``outlet`` > the URL's domain > content signatures > ``None``."""
        if outlet is not None:
            return None if outlet == "none" else self.get(outlet)
        return self.for_url(url) or (self.for_text(text) if text else None)


_default_registry: PluginRegistry | None = None
_default_lock = threading.Lock()


def default_registry() -> PluginRegistry:
    """The process-wide registry that :func:`newsingest.ingest` uses."""
    global _default_registry
    if _default_registry is None:
        with _default_lock:
            if _default_registry is None:
                _default_registry = PluginRegistry()
    return _default_registry
