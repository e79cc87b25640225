"""The pipeline end to end: inputs of every kind, HTML and text, plugin faults, threads."""

import concurrent.futures
from pathlib import Path

import pytest

import newsingest
from newsingest import Extract, InputError, Pipeline, Plugin, PluginError, PluginRegistry, Signature
from newsingest.pipeline import take_title_line, text_draft

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Council Approves Budget | The Example Times</title>
<meta property="og:title" content="Council Approves Budget">
<meta property="og:site_name" content="The Example Times">
<link rel="canonical" href="https://www.example-times.test/politics/council-budget">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council Approves Budget",
 "datePublished": "2024-03-05T09:30:00+00:00", "dateModified": "2024-03-06T11:00:00+00:00",
 "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Raj Patel"}]}
</script></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Council Approves Budget</h1>
<p>The city council on Monday approved a budget of $4.2 billion for the coming fiscal year, after a debate that ran late into the night.</p>
<div class="promo-box">Subscribe to The Example Times for unlimited access to our journalism.</div>
<p>The budget increases spending on schools and public transport, while cutting funds for several road projects in the north of the city.</p>
<h2>What Changes for Residents</h2>
<p>Residents will see property taxes rise by two percent, the first increase in five years, according to the finance committee report.</p>
<p>Read more: Council election results, district by district</p>
<figure><img src="a.jpg"><figcaption>Council members vote on Monday. Jane Doe/The Example Times</figcaption></figure>
<p>Opponents said the plan relied on optimistic revenue forecasts and promised to challenge it at the next session of the council.</p>
</article>
<footer>© The Example Times</footer></body></html>
"""


class ExampleTimes(Plugin):
    name = "example"
    display_name = "The Example Times"
    domains = ("example-times.test",)
    language = "en"
    drop_selectors = (".promo-box",)
    signatures = (Signature("Example Times", 1.0),)


class Exploding(Plugin):
    name = "exploding"
    display_name = "Exploding News"
    domains = ("exploding.test",)

    def process(self, draft):
        raise RuntimeError("boom")


@pytest.fixture
def pipeline():
    return Pipeline(plugins=PluginRegistry([ExampleTimes(), Exploding()], entry_points=False))


def test_ingest_accepts_str_bytes_and_path(seed_paths):
    path = seed_paths[2]
    from_path = newsingest.ingest(path)
    from_bytes = newsingest.ingest(path.read_bytes())
    from_str = newsingest.ingest(path.read_text(encoding="utf-8"))
    assert from_path.text == from_bytes.text == from_str.text
    assert from_path.id == from_bytes.id == from_str.id
    assert from_path.source == str(path)
    assert from_bytes.source is None


def test_text_is_paragraphs_joined_by_blank_lines(seed_paths):
    article = newsingest.ingest(seed_paths[0])
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)


def test_html_page(pipeline):
    article = pipeline.ingest(PAGE)
    assert article.outlet == "example"  # chosen by the canonical URL's domain
    assert article.url == "https://www.example-times.test/politics/council-budget"
    assert article.title == "Council Approves Budget"
    assert article.authors == ("Jane Doe", "Raj Patel")
    assert article.published.isoformat() == "2024-03-05T09:30:00+00:00"
    assert article.updated.isoformat() == "2024-03-06T11:00:00+00:00"
    assert article.language == "en"
    kinds = [(p.kind, p.text[:20]) for p in article.paragraphs]
    assert ("heading", "What Changes for Res") in kinds
    assert article.paragraphs[0].text.startswith("The city council on Monday")
    assert article.paragraphs[-1].text.startswith("Opponents said")
    assert "Subscribe" not in article.text
    assert "Read more" not in article.text
    assert "Home" not in article.text and "©" not in article.text
    rules = {r.rule for r in article.removed}
    assert "selector .promo-box" in rules and "read-also" in rules
    assert article.metadata["captions"][0]["text"].startswith("Council members vote")
    assert article.metadata["site_name"] == "The Example Times"
    assert article.metadata["input_format"] == "html"


def test_html_without_plugin_is_cleaned_generically(pipeline):
    article = pipeline.ingest(PAGE, outlet="none")
    assert article.outlet is None
    assert "Read more" not in article.text


def test_explicit_url_chooses_the_plugin(pipeline):
    text = "A council story with enough words to be an article about the city budget and taxes.\n\nMore text here."
    assert pipeline.ingest(text, url="https://example-times.test/a").outlet == "example"
    assert pipeline.ingest(text).outlet is None


def test_unknown_outlet(pipeline):
    with pytest.raises(PluginError, match="unknown outlet"):
        pipeline.ingest("Some text that is long enough to be an article body.", outlet="nope")


def test_failing_plugin_falls_back_to_generic_cleaning(pipeline, caplog):
    text = "Body paragraph long enough to be kept in the article.\n\nBaca juga: Something else"
    article = pipeline.ingest(text, outlet="exploding")
    assert article.outlet is None
    assert article.text == "Body paragraph long enough to be kept in the article."
    assert "boom" in article.metadata["warnings"][0]
    assert "exploding" in caplog.text


@pytest.mark.parametrize("bad", ["", "   ", b"\x89PNG\r\n\x1a\n\x00\x00", Path("/nonexistent/file.txt")])
def test_bad_input_raises_input_error(bad):
    with pytest.raises(InputError):
        newsingest.ingest(bad)


def test_errors_share_one_base():
    assert issubclass(InputError, newsingest.NewsingestError)
    assert issubclass(PluginError, newsingest.NewsingestError)


def test_title_line_only_for_heading_like_first_lines():
    draft = text_draft("A Headline About Things\n\nThe body follows here.", None, None, ())
    assert draft.title == "A Headline About Things"
    draft = text_draft("The body starts with a sentence.\n\nAnd goes on.", None, None, ())
    assert draft.title is None
    take_title_line(draft)
    assert draft.title is None


def test_one_pipeline_shared_by_threads_gives_sequential_results(seed_paths):
    pipeline = Pipeline()
    inputs = [p for p in seed_paths for _ in range(4)]
    sequential = [pipeline.ingest(p).to_dict() for p in inputs]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda p: pipeline.ingest(p).to_dict(), inputs))
    assert threaded == sequential


def test_html_without_structured_metadata_falls_back_to_the_page_itself():
    page = (
        "<html><head><title>Quiet Town Votes | Local Paper</title></head><body><nav>Home</nav><article>"
        "<h1>Quiet Town Votes on New Park</h1><p class='byline'>By Jane Roe and Sam Poe</p>"
        "<time datetime='2024-04-02'>April 2, 2024</time>"
        "<p>The council of the quiet town voted on Tuesday to build a new park on the site of the old factory.</p>"
        "<p>The park will open next spring, the mayor said, with a playground and a garden for residents.</p>"
        "</article></body></html>"
    )
    article = newsingest.ingest(page, outlet="none")
    assert article.title == "Quiet Town Votes on New Park"  # not the <title> with the site's suffix
    assert article.authors == ("Jane Roe", "Sam Poe")
    assert article.published.isoformat() == "2024-04-02"


def test_a_page_caption_without_a_credit_has_an_empty_one():
    """Every caption has ``text`` and ``credit``, as the text rules store them: one shape to loop over."""
    page = (
        "<html><body><article><h1>Quiet Town Votes on New Park</h1>"
        "<p>The council of the quiet town voted on Tuesday to build a new park on the site of the old factory.</p>"
        "<figure><img src='a.jpg'><figcaption>The old factory site in March</figcaption></figure>"
        "<figure><video></video><figcaption>How the vote went <span class='duration'>01:58</span></figcaption></figure>"
        "<p>The park will open next spring, the mayor said, with a playground and a garden for residents.</p>"
        "</article></body></html>"
    )
    captions = [dict(caption) for caption in newsingest.ingest(page, outlet="none").metadata["captions"]]
    assert captions == [
        {"text": "The old factory site in March", "credit": ""},
        {"text": "How the vote went", "credit": "", "duration": "01:58"},
    ]


def test_the_rule_plan_is_made_once_and_again_when_a_plugin_changes_its_rules():
    from newsingest import DropLine
    from newsingest._text.cleaners import GENERIC_RULES
    from newsingest.pipeline import generic_rules_for, rule_plan

    class Promo(Plugin):
        name = "promo"
        rules = (DropLine("promo-a", r"Promo A", "promo"),)

    plugin = Promo()
    registry = PluginRegistry([plugin], entry_points=False)
    pipeline = Pipeline(plugins=registry)
    text = "First paragraph of the story.\n\nPromo A\n\nPromo B\n\nLast paragraph of the story."
    first = rule_plan(plugin, pipeline.generic_rules)
    assert rule_plan(plugin, pipeline.generic_rules) is first  # made once
    generic = generic_rules_for(plugin, GENERIC_RULES)
    *before, last = generic  # the dangling-heading rule judges what the plugin's rules leave: it runs after them
    assert last[0].name == "dangling-heading"
    assert first[0] == [*before, (plugin.rules[0], "promo"), last]
    assert "Promo B" in pipeline.ingest(text, outlet="promo").text
    plugin.rules = (DropLine("promo-b", r"Promo B", "promo"),)  # replaced on the instance: a new plan
    plugin.generic_rules = {"prompts": None}
    article = pipeline.ingest(text, outlet="promo")
    assert "Promo A" in article.text and "Promo B" not in article.text
    assert [rule.name for rule, _ in rule_plan(plugin, pipeline.generic_rules)[0]] == [
        *(rule.name for rule in GENERIC_RULES[:-1] if rule.name != "prompts"),
        "promo-b",
        "dangling-heading",
    ]


BRIDGE = (
    "The council voted on Tuesday to close the bridge for repairs, a decision that will divert traffic "
    "for months, officials said."
)


@pytest.mark.parametrize(
    "glued",
    [
        # a read-also link glued after the aggregator's footer (found by the property tests)
        "Source: | This article originally belongs to Nbcnews.com Baca juga: Update Perang Rusia vs Ukraina "
        "Hari ke-386 Invasi: Wagner Perluas Pengepungan Bakhmut",
        # a sentence pointing to a link, glued before it
        "For full results and analysis, click here. This article originally belongs to Nbcnews.com",
    ],
)
def test_a_line_left_whole_by_a_cut_inside_a_block_is_read_by_the_rules_before_it(glued):
    """A cut inside a block can leave a line that a rule which ran before the cut takes out whole.

    That rule must see it: ingesting the clean text again would take it out (the aggregator footer,
    read before the inline cuts) and its metadata would be lost the first time.
    """
    article = newsingest.ingest(f"{BRIDGE}\n{glued}")
    assert [p.text for p in article.paragraphs] == [BRIDGE]
    assert article.metadata["syndicated_from"]
    again = newsingest.ingest(article.text, outlet=article.outlet or "none")
    assert not again.removed


def test_a_headline_left_first_once_the_noise_above_it_is_gone_is_the_title_not_body():
    """A read-also line above the page's headline hid the repeat from the pre-cleaning check.

    The repeat stayed as the first paragraph, and a second ingest of the clean text took it
    as the title and then cut the date prefix under it (found by the property tests).
    """
    page = (
        "<html><head><title>Harga Cabai Naik Lagi di Pasar Induk</title></head><body><article>"
        "<p>Baca juga: Sesuatu yang lain terjadi di Jakarta</p>"
        "<h1>Harga Cabai Naik Lagi di Pasar Induk</h1>"
        "<p>date 2023-05-01 Harga cabai rawit di Pasar Induk Kramat Jati naik lagi pada Senin pagi, "
        "kata para pedagang yang ditemui di pasar itu.</p>"
        "<p>Pedagang menyebut pasokan dari daerah sentra berkurang karena hujan deras sepekan terakhir.</p>"
        "</article></body></html>"
    )
    article = newsingest.ingest(page)
    assert article.title == "Harga Cabai Naik Lagi di Pasar Induk"
    assert article.paragraphs[0].text.startswith("Harga cabai rawit di Pasar Induk")
    assert str(article.published) == "2023-05-01"
    again = newsingest.ingest(article.text, outlet=article.outlet or "none")
    assert not again.removed


def test_a_plain_text_is_folded_once_for_the_plugin_choice_and_the_rules(monkeypatch) -> None:
    # the plugin choice reads the blocks' text folded, and the rules start from that folding
    import newsingest._text.draft
    import newsingest._text.match

    text = "SURYAMALANG.COM, MALANG - Warga berkumpul di alun-alun.\n\nMereka menunggu pengumuman.\n\nBaca juga: Berita lain"
    whole: list[str] = []
    real = newsingest._text.match.fold

    def counting(value: str) -> str:
        if "\n" in value:
            whole.append(value)
        return real(value)

    monkeypatch.setattr(newsingest._text.match, "fold", counting)
    monkeypatch.setattr(newsingest._text.draft, "fold", counting)
    article = Pipeline().ingest(text)
    assert article.outlet == "tribun"
    assert len(whole) == 1


@pytest.mark.parametrize("source", ["text", "html"])
def test_a_headline_line_printed_twice_is_the_title_once(source) -> None:
    # the headline taken from the first line, its copy right under it is the title repeated
    headline = "Storm Closes Schools Across the County"
    body = "Schools across the county closed on Monday as a storm brought heavy snow, officials said."
    text = f"{headline}\n\n{headline}\n\n{body}"
    if source == "html":
        text = f"<html><body><article><p>{headline}</p><p>{headline}</p><p>{body}</p></article></body></html>"
    article = Pipeline().ingest(text)
    assert article.title == headline
    assert [p.text for p in article.paragraphs] == [body]


def test_a_headline_line_printed_three_times_is_the_title_once() -> None:
    headline = "Storm Closes Schools Across the County"
    body = "Schools across the county closed on Monday as a storm brought heavy snow, officials said."
    article = Pipeline().ingest("\n\n".join([headline, headline, headline, body]))
    assert article.title == headline
    assert [p.text for p in article.paragraphs] == [body]


@pytest.mark.parametrize("as_html", [False, True])
def test_an_input_of_nothing_but_boilerplate_is_refused_as_html_as_as_text(as_html) -> None:
    # every line is a read-also link: no article is left, and neither path returns an empty one
    lines = [
        "Baca juga: Sesuatu yang lain terjadi di Jakarta hari ini",
        "Baca juga: Berita lain tentang banjir di Bekasi",
    ]
    source = "\n".join(lines)
    if as_html:
        source = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in lines) + "</article></body></html>"
    with pytest.raises(InputError, match="no article text left after cleaning"):
        Pipeline().ingest(source)


@pytest.mark.parametrize("as_html", [False, True])
def test_html_and_text_give_one_spelling_of_each_character(as_html) -> None:
    # decomposed accents (as some editors save them) and a CJK compatibility ideograph: NFC on both
    # paths, so the rules see one spelling and re-ingesting the clean text gives the same article
    title = "Cafe\u0301 Owners Protest New Rules"
    body = "Les proprie\u0301taires du cafe\u0301 \U0002f800 ont manifeste\u0301 lundi devant la mairie de la ville."
    if as_html:
        source = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    else:
        source = f"{title}\n\n{body}"
    article = Pipeline().ingest(source)
    assert article.title == "Café Owners Protest New Rules"
    assert article.text == "Les propriétaires du café \u4e3d ont manifesté lundi devant la mairie de la ville."
    assert Pipeline().ingest(article.text).text == article.text


def test_a_plugin_rule_marked_before_generic_rules_runs_first() -> None:
    from newsingest._text.cleaners import GENERIC_RULES
    from newsingest.pipeline import rule_plan

    early = Extract("site-credit", r"\(Example Times\)$", "metadata.credit", "credit", before_generic_rules=True)
    late = Extract("late", r"^Late: (?P<value>.+)$", "metadata.late", "late")

    class Framed(ExampleTimes):
        name = "framed"
        rules = (late, early)

    chosen = [rule for rule, _ in rule_plan(Framed(), GENERIC_RULES)[0]]
    assert chosen[0] is early
    assert chosen.index(late) > max(chosen.index(rule) for rule in GENERIC_RULES if rule.name != "dangling-heading")


@pytest.mark.parametrize("as_html", [False, True])
def test_a_bullet_a_cut_leaves_first_in_its_block_goes_as_at_the_start_of_a_line(as_html) -> None:
    """What a cut leaves may start with a list bullet: read as a line starting so is (found by the property tests)."""
    body = "The council approved the budget on Monday after a long debate that ran late into the night."
    glued = "For the full results, please click here. • Residents will see property taxes rise next year."
    source = f"{body}\n{glued}"
    if as_html:
        source = f"<html><body><article><p>{body}</p><p>{glued}</p></article></body></html>"
    article = Pipeline().ingest(source)
    assert [p.text for p in article.paragraphs] == [body, "Residents will see property taxes rise next year."]
    assert Pipeline().ingest(article.text).text == article.text


def test_a_shorter_variant_of_the_headline_under_it_goes_with_it():
    # a Tribun text: the headline, then the site's shorter headline of the same words, then the article:
    # the variant stayed in the body, and ingesting the clean text again made it the title
    text = (
        "Angkatan Udara AS Uji Drone Tempur dengan Teknologi AI di Nellis\n"
        "Angkatan Udara AS Uji Drone Tempur AI\n"
        "Angkatan Udara AS mengambil langkah berani dengan mengaktifkan unit baru di Pangkalan Nellis, Nevada.\n"
        "Skuadron baru ini kini bertugas menguji integrasi pesawat tanpa awak dalam operasi udara.\n"
    )
    article = newsingest.ingest(text, outlet="none")
    assert article.title == "Angkatan Udara AS Uji Drone Tempur dengan Teknologi AI di Nellis"
    assert article.paragraphs[0].text.startswith("Angkatan Udara AS mengambil")
    again = newsingest.ingest(article.text, outlet="none")
    assert again.title is None and again.paragraphs == article.paragraphs


def test_a_heading_of_a_few_of_the_headlines_words_stays():
    text = (
        "Harga Emas Antam Hari Ini Naik Tipis Usai Turun Tajam Pekan Lalu\n\n"
        "Harga Emas Hari Ini\n\n"
        "Harga emas Antam naik Rp 5.000 per gram pada perdagangan hari ini, Selasa pagi.\n\n"
        "Sebelumnya harga emas sempat turun tajam pada akhir pekan lalu.\n"
    )
    article = newsingest.ingest(text, outlet="none")
    assert article.paragraphs[0].text == "Harga Emas Hari Ini"
