"""Two plugins with one name or one domain: a warning naming both and what decides."""

from importlib import metadata

import pytest

from newsingest import Plugin, PluginRegistry
from newsingest._outlets.registry import PluginConflictWarning
from newsingest.frontends.cli import main


class Impostor(Plugin):
    name = "nbc"
    display_name = "Not NBC"
    domains = ("nbc-impostor.example",)


class Claimant(Plugin):
    name = "aaa_claimant"
    domains = ("nbcnews.com",)


def test_a_plugin_registered_with_a_taken_name_warns_naming_both():
    registry = PluginRegistry()
    registry.names()
    with pytest.warns(
        PluginConflictWarning, match=r"two plugins are named 'nbc': newsingest .* and registered in code"
    ):
        registry.register(Impostor)
    assert registry.get("nbc").display_name == "Not NBC"
    assert any("named 'nbc'" in message for message in registry.conflicts())


def test_two_plugins_owning_one_domain_warn_and_the_first_name_wins():
    with pytest.warns(PluginConflictWarning, match=r"domain 'nbcnews.com' is claimed by 'aaa_claimant'.* and 'nbc'"):
        registry = PluginRegistry([Claimant()])
        registry.names()
    assert registry.for_url("https://www.nbcnews.com/x").name == "aaa_claimant"


def test_a_third_party_entry_point_with_a_built_in_name_warns(monkeypatch):
    """A distribution's ``nbc`` entry point replaces the built-in loudly, whatever its entry-point name."""
    real = metadata.entry_points

    class FakeDist:
        name = "aaa-evil-plugins"
        version = "1.0"

    class FakeEntry:
        name = "aaa"
        value = "evil:Impostor"
        dist = FakeDist()
        group = "newsingest.plugins"

        def load(self):
            return Impostor

    def entry_points(group=None, **kwargs):
        found = list(real(group=group, **kwargs))
        return [*found, FakeEntry()] if group == "newsingest.plugins" else found

    monkeypatch.setattr(metadata, "entry_points", entry_points)
    with pytest.warns(PluginConflictWarning, match=r"named 'nbc': newsingest .* and aaa-evil-plugins 1.0"):
        registry = PluginRegistry()
        registry.names()
    assert registry.get("nbc").display_name == "Not NBC"
    # the nbcnews.com URLs still go to a plugin named nbc, and the conflict is on record
    assert len(registry.conflicts()) == 1


def test_plugins_command_lists_conflicts_and_versions(monkeypatch, capsys):
    import newsingest._outlets.registry as registry_module

    registry = PluginRegistry([Claimant()])
    monkeypatch.setattr(registry_module, "default_registry", lambda: registry)
    with pytest.warns(PluginConflictWarning):
        assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "conflict: domain 'nbcnews.com' is claimed by" in out
    assert "versions: 1 (until 2017-12-31), 2 (current)" in out
