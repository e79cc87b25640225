"""Finding plugins (entry points) and choosing the one that runs on an article.

Built-in plugins register through the ``newsingest.plugins`` entry-point group,
exactly as a third party's do, so there is one way in and the built-ins prove it
works. A plugin that fails to load is reported in a warning naming it; the
others still load.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Iterable
from importlib import metadata
from urllib.parse import urlsplit

import attrs

from .errors import PluginError
from .plugin import FoldedText, Plugin

ENTRY_POINT_GROUP = "newsingest.plugins"
#: A content signature score at or above this picks a plugin for text with no URL.
SIGNATURE_THRESHOLD = 1.0

logger = logging.getLogger(__name__)


class PluginLoadWarning(UserWarning):
    """A plugin entry point could not be loaded; the others were."""


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
        self._extra = list(plugins)
        self._use_entry_points = entry_points

    def _loaded(self) -> dict[str, PluginInfo]:
        if self._infos is None:
            with self._lock:
                if self._infos is None:
                    infos = dict(self._from_entry_points()) if self._use_entry_points else {}
                    for plugin in self._extra:
                        infos[plugin.name] = PluginInfo(plugin, "registered in code")
                    self._infos = infos
        return self._infos

    def _from_entry_points(self) -> Iterable[tuple[str, PluginInfo]]:
        for entry in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
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
            yield plugin.name, PluginInfo(plugin, origin)

    def register(self, plugin: Plugin | type[Plugin]) -> Plugin:
        """Add a plugin in code (a notebook, a test), replacing one of the same name."""
        instance = _instantiate(plugin, repr(plugin))
        with self._lock:
            self._extra.append(instance)
            if self._infos is not None:
                self._infos[instance.name] = PluginInfo(instance, "registered in code")
        return instance

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
        for info in self._loaded().values():
            for domain in info.plugin.domains:
                if (host == domain or host.endswith("." + domain)) and (best is None or len(domain) > best[0]):
                    best = (len(domain), info.plugin)
        return best[1] if best else None

    def for_text(self, text: str, threshold: float = SIGNATURE_THRESHOLD) -> Plugin | None:
        """The plugin whose signatures score ``text`` highest, if that reaches ``threshold``.

        A tie for first place picks nobody: a coin toss is worse than generic cleaning.
        """
        folded = FoldedText(text)
        candidates = [info.plugin for info in self._loaded().values() if info.plugin.may_match(folded)]
        if len(candidates) == 1:  # the usual case: no rival to tie with, stop once the threshold is reached
            return candidates[0] if candidates[0].reaches(text, threshold, folded) else None
        scores = sorted(((plugin.score(text, folded), plugin.name) for plugin in candidates), reverse=True)
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
