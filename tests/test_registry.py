"""Plugin discovery through real entry points, and how a plugin is chosen."""

import sys
import textwrap
import warnings
from importlib import metadata

import pytest

from newsingest import Plugin, PluginError, PluginRegistry, Signature
from newsingest._outlets.registry import PluginLoadWarning


class Alpha(Plugin):
    name = "alpha"
    display_name = "Alpha Daily"
    domains = ("alpha.example", "alpha-news.example")
    signatures = (Signature(r"Alpha Daily", 1.0), Signature(r"alpha-only phrase", 0.5))


class Beta(Plugin):
    name = "beta"
    display_name = "Beta Times"
    domains = ("beta.example", "local.alpha.example")
    signatures = (Signature(r"Beta Times", 1.0),)


def registry():
    return PluginRegistry([Alpha(), Beta()], entry_points=False)


def test_explicit_outlet_wins_over_everything():
    reg = registry()
    chosen = reg.choose(outlet="beta", url="https://alpha.example/x", text="Alpha Daily")
    assert chosen.name == "beta"


def test_outlet_none_forces_generic_cleaning():
    assert registry().choose(outlet="none", url="https://alpha.example/x", text="Alpha Daily") is None


def test_unknown_outlet_is_a_plugin_error_listing_the_known():
    with pytest.raises(PluginError, match="alpha, beta"):
        registry().choose(outlet="gamma", url=None, text=None)


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://alpha.example/story", "alpha"),
        ("https://www.alpha.example/story", "alpha"),
        ("http://news.alpha-news.example/x?y=1", "alpha"),
        ("https://local.alpha.example/x", "beta"),  # the most specific domain wins
        ("beta.example/path", "beta"),
        ("https://notalpha.example/x", None),
    ],
)
def test_url_domain_and_subdomains(url, name):
    chosen = registry().for_url(url)
    assert (chosen.name if chosen else None) == name


def test_url_beats_signatures():
    assert registry().choose(outlet=None, url="https://beta.example/a", text="Alpha Daily").name == "beta"


def test_signatures_pick_the_best_over_threshold():
    reg = registry()
    assert reg.for_text("From Alpha Daily: an alpha-only phrase").name == "alpha"
    assert reg.for_text("only an alpha-only phrase") is None  # 0.5 < threshold
    assert reg.for_text("Alpha Daily and Beta Times") is None  # a tie picks nobody


def test_misdeclared_plugins_are_refused():
    class BadName(Plugin):
        name = "Bad Name"

    class BadDomains(Plugin):
        name = "ok"
        domains = ["list.example"]

    class BadRule(Plugin):
        name = "ok2"
        rules = ("not a rule",)

    for cls in (BadName, BadDomains, BadRule):
        with pytest.raises(PluginError):
            cls()


def test_register_in_code():
    reg = PluginRegistry(entry_points=False)
    reg.register(Alpha)
    assert reg.names() == ["alpha"]
    assert reg.infos()[0].origin == "registered in code"


def _install_dist(tmp_path, dist: str, module: str, source: str, entry_points: str):
    """A real installed distribution: a module and a dist-info folder on sys.path."""
    (tmp_path / f"{module}.py").write_text(textwrap.dedent(source))
    info = tmp_path / f"{dist}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points))


@pytest.fixture
def third_party(tmp_path, monkeypatch):
    _install_dist(
        tmp_path,
        "gazette-plugin",
        "gazette_plugin",
        """
        from newsingest import DropLine, Plugin, Signature

        class Gazette(Plugin):
            name = "gazette"
            display_name = "The Gazette"
            domains = ("gazette.example",)
            language = "en"
            rules = (DropLine("gazette-promo", r"Subscribe to The Gazette.*", "subscription promo"),)
            signatures = (Signature(r"The Gazette", 1.0),)
        """,
        """
        [newsingest.plugins]
        gazette = gazette_plugin:Gazette
        """,
    )
    _install_dist(
        tmp_path,
        "broken-plugin",
        "broken_plugin",
        "raise ImportError('this plugin is broken on purpose')\n",
        """
        [newsingest.plugins]
        broken = broken_plugin:Broken
        """,
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    for module in ("gazette_plugin", "broken_plugin"):
        sys.modules.pop(module, None)


def test_entry_point_discovery_with_a_real_dist_info(third_party):
    assert any(ep.name == "gazette" for ep in metadata.entry_points(group="newsingest.plugins"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reg = PluginRegistry()
        names = reg.names()
    assert "gazette" in names
    assert {"nbc", "newsweek", "tribun"} <= set(names)  # the built-ins come the same way
    assert "broken" not in names
    messages = [str(w.message) for w in caught if issubclass(w.category, PluginLoadWarning)]
    assert any("'broken'" in m and "broken on purpose" in m for m in messages)
    origin = next(i.origin for i in reg.infos() if i.plugin.name == "gazette")
    assert origin.startswith("gazette-plugin 0.1")


def test_third_party_plugin_cleans(third_party):
    from newsingest import Pipeline

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginLoadWarning)
        pipeline = Pipeline(plugins=PluginRegistry())
        article = pipeline.ingest(
            "The Gazette reports that the council met on Monday to discuss the budget for next year.\n\n"
            "Subscribe to The Gazette for more.",
        )
    assert article.outlet == "gazette"
    assert "Subscribe" not in article.text
    assert article.removed[-1].rule == "gazette-promo" and article.removed[-1].plugin == "gazette"


def test_built_in_plugins_come_from_entry_points():
    reg = PluginRegistry()
    origins = {info.plugin.name: info.origin for info in reg.infos()}
    assert origins["nbc"].startswith("newsingest ")
    assert "newsingest_plugins.tribun:Tribun" in origins["tribun"]


def test_folded_text_and_needles():
    from newsingest._outlets.plugin import signature_gate
    from newsingest._text.match import FoldedText, literal_prefix

    folded = FoldedText("“Quoted” — Told NBC News on Monday")
    assert "told nbc news" in folded
    at = folded.find("told")
    assert folded.text[folded.char_index(at) :].startswith("Told")
    assert literal_prefix("(?i)laporan wartawan") == "laporan wartawan"
    assert literal_prefix("Baca [Jj]uga") == "Baca "
    assert literal_prefix("abcd?e") == "abc"
    assert literal_prefix("a|b") == ""
    gate = signature_gate((Signature("NBC News reported", 1.0), Signature(r"\bnbcnews\.com", 1.0, needles="nbc")))
    assert gate == ("nbc",)  # "nbc news reported" cannot occur without "nbc"
    assert signature_gate((Signature(r"\bx", 1.0),)) is None  # no needle: cannot be ruled out


def test_needles_only_narrow_where_a_pattern_is_tried():
    far = "x " * 500 + "she told NBC News yesterday"
    signature = Signature(r"\b(?:told|tells) NBC News\b", 1.0, needles=("told nbc news",))
    assert signature.found_in(far)
    assert not signature.found_in("told nbc news in lower case only")  # the pattern itself is case-sensitive
    anchored = Signature(r"(?m)^Uncommon Knowledge$", 1.0, needles="uncommon knowledge")
    assert anchored.found_in("a line\nUncommon Knowledge\nmore")
    assert not anchored.found_in("text Uncommon Knowledge inside a line")


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"РИА Новости сообщает", "Москва. РИА Новости сообщает о новом законе, принятом сегодня."),
        ("Été en France", "Reportage : Été en France, les plages sont pleines."),
        (r"(?i)straße gesperrt", "Die STRASSE GESPERRT heißt es. Die Straße gesperrt auch hier."),
        (r"abcd\(|efgh", "only the second alternative: efgh"),
    ],
)
def test_signatures_match_in_any_script(pattern, text):
    assert Signature(pattern, 1.0).found_in(text)


def test_literal_prefix_reads_escapes_and_classes():
    from newsingest._text.match import literal_prefix

    assert literal_prefix(r"abcd\(|efgh") == ""  # an escaped ( opens no group: the | is top level
    assert literal_prefix(r"nbcnews\.com\b") == "nbcnews.com"
    assert literal_prefix(r"[|]x|y") == ""
    assert literal_prefix(r"[|]xy") == ""
    assert literal_prefix(r"ab[|]c") == "ab"
    assert literal_prefix(r"\bword") == ""


def test_a_cyrillic_and_a_french_signature_choose_their_plugin_from_text():
    class Ria(Plugin):
        name = "ria"
        signatures = (Signature(r"РИА Новости сообщает", 1.0),)

    class Francais(Plugin):
        name = "francais"
        signatures = (Signature("Été en France", 1.0),)

    reg = PluginRegistry([Ria(), Francais()], entry_points=False)
    assert reg.for_text("Москва. РИА НОВОСТИ СООБЩАЕТ, что РИА Новости сообщает новости.").name == "ria"
    assert reg.for_text("Chronique : Été en France, un bilan.").name == "francais"


def test_folded_positions_map_back_when_folding_lengthens_the_text():
    from newsingest._text.match import FoldedText

    folded = FoldedText("ßßß ﬁx Told NBC")
    at = folded.find("told")
    assert folded.text[folded.char_index(at) :] == "Told NBC"


def test_may_claim_is_false_only_when_no_plugin_can_choose_the_text():
    # the HTML path reads a page line by line for the choice only when this says a plugin may claim it
    registry = PluginRegistry()
    texts = [
        "A council report with nothing of any outlet in it.",
        "TRIBUNNEWS.COM, JAKARTA - Warga berkumpul.",
        "Get breaking news alerts and special reports. The news and stories that matter, delivered.",
        "kata dia kepada Newsweek.",
    ]
    for text in texts:
        if registry.for_text(text) is not None:
            assert registry.may_claim(text)
    assert not registry.may_claim(texts[0])
    assert registry.may_claim(texts[1])
