"""The site in a real browser: Debian's chromium driven by Playwright (no browser download).

Screenshots at phone and desktop width go to test-artifacts/screenshots/.
"""
import os
from pathlib import Path

import pytest

from tests.conftest import PROJECT, SEED, SHARED

CHROMIUM = Path(os.environ.get("UNSC_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = PROJECT / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (apt-get install chromium)"),
]


@pytest.fixture
def archive(countries, settings, tmp_path):
    from records.ingest import import_record

    settings.MEDIA_ROOT = tmp_path
    paths = [SEED] + [SHARED / "records" / lang / f"S_PV.10124_{lang}.first16000.txt" for lang in ("fr", "ru")]
    for path in paths:
        if path.exists():
            assert import_record(path).ok
    from records.search import documents

    documents.rebuild()  # only this test's archive in the search index


@pytest.fixture
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    # Playwright's event loop must not meet Django's async-unsafe guard in this thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    problems = []
    tab.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.problems = problems
    yield tab
    context.close()


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(viewport)
        path = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=False)
        assert path.stat().st_size > 5000
    page.set_viewport_size(DESKTOP)


def test_filter_open_meeting_follow_permalink_switch_language(live_server, archive, page):
    page.goto(f"{live_server.url}/")
    assert "UN Security Council archive" in page.title()
    shoot(page, "home")

    # Filter the meetings by country and date.
    page.get_by_role("link", name="Meetings", exact=True).click()
    page.locator("summary", has_text="Filter meetings").click()
    page.get_by_label("Country (name or ISO3 code)").fill("CHN")
    page.get_by_label("From").fill("2024-01-01")
    page.get_by_label("Until").fill("2024-12-31")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/meetings/?**country=CHN**")
    assert "1 meeting" in page.get_by_role("status").inner_text()
    assert page.locator(".active-filters").get_by_text("CHN").is_visible()
    shoot(page, "meetings-filtered")

    # Open the meeting.
    page.get_by_role("link", name="S/PV.9589").click()
    page.wait_for_url("**/meetings/9589/")
    assert page.locator("h1").inner_text().startswith("S/PV.9589")
    assert page.locator("#s2").get_attribute("class").startswith("speech")
    shoot(page, "meeting")

    # Follow a speech's permalink, then its page with every language and the citation.
    page.get_by_role("link", name="Permalink to speech 2", exact=True).click()
    assert page.url.endswith("#s2")
    page.locator("#s2").get_by_role("link", name="cite", exact=True).click()  # one language: "cite"
    page.wait_for_url("**/meetings/9589/speeches/2/")
    page.get_by_text("Cite this speech").click()
    assert page.get_by_label("Reference").input_value().startswith(
        "United Nations Security Council, S/PV.9589, 26 March 2024")
    assert "@techreport{" in page.get_by_label("BibTeX").input_value()
    shoot(page, "speech")

    # Switch the language of a meeting with several versions.
    if (SHARED / "records" / "ru").exists():
        page.goto(f"{live_server.url}/meetings/10124/")
        switch = page.get_by_role("navigation", name="Language versions")
        switch.get_by_role("link", name="Russian", exact=True).click()
        page.wait_for_url("**/meetings/10124/?lang=ru")
        assert page.locator("[lang=ru] #s1").count() == 1  # the record text carries its language
        assert "Председатель" in page.locator("#s1").inner_text()
        assert switch.get_by_text("Russian").get_attribute("aria-current") == "page"
    assert page.problems == [], page.problems


def test_search_and_keyboard_navigation(live_server, archive, page):
    page.goto(f"{live_server.url}/search/?q=%E4%B8%8D%E6%89%A9%E6%95%A3")
    assert page.locator("mark").first.inner_text() == "不扩散"
    shoot(page, "search")
    page.goto(f"{live_server.url}/meetings/9589/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert page.problems == [], page.problems


def test_api_reference_and_votes_pages_work_under_the_content_security_policy(live_server, archive, page):
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".opblock").count() >= 10  # every endpoint drawn by Swagger UI
    shoot(page, "api-docs")
    page.goto(f"{live_server.url}/meetings/9589/")
    assert page.locator("figure.vote#v1").count() == 1
    page.goto(f"{live_server.url}/votes/")
    assert "S/PV.9589" in page.locator("main").inner_text()
    page.goto(f"{live_server.url}/votes/agreement/?year=2024")
    assert page.locator("table.agreement").count() == 1
    shoot(page, "agreement")
    assert page.problems == [], page.problems


AXE = PROJECT / "tests" / "browser" / "js" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def serious_violations(page):
    """axe-core's serious and critical findings on the open page (it is injected: the context bypasses the CSP)."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))""")
    return [v for v in found if v["impact"] in SERIOUS]


def test_statistics_charts_render_with_their_tables_at_phone_and_desktop_width(live_server, archive, page):
    page.goto(f"{live_server.url}/statistics/")
    charts = page.locator("svg.chart")
    assert charts.count() >= 5
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.get_attribute("role") == "img"
        assert chart.locator("title").first.text_content()  # its name for screen readers
        assert chart.locator("rect.rect").count() > 0  # bars drawn
        box = chart.bounding_box()
        assert box["width"] > 300 and box["height"] > 100, box
    assert page.locator(".chart-data table").count() == charts.count()
    assert page.locator("#chart-meetings-h").inner_text() == "Meetings per year"
    table = page.locator(".chart-data table").first.inner_text()
    assert "2024" in table and "2026" in table or "2024" in table
    shoot(page, "statistics")
    page.set_viewport_size(PHONE)
    assert charts.first.bounding_box()["width"] <= PHONE["width"]  # no sideways scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/statistics/?start=2024&end=2024")
    assert page.get_by_role("status").inner_text() == "2024–2024"
    assert page.problems == [], page.problems


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core not installed ({AXE}): make test installs it with npm")
@pytest.mark.parametrize("path", ["/statistics/", "/votes/", "/votes/agreement/?year=2024", "/countries/CHN/",
                                  "/meetings/9589/", "/resolutions/"])
def test_no_serious_accessibility_violation(live_server, archive, browser, path):
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        tab = context.new_page()
        tab.goto(f"{live_server.url}{path}")
        assert serious_violations(tab) == [], (path, viewport)
        context.close()


def test_long_meeting_contents_a_person_in_two_scripts_and_the_readers_language(live_server, archive, browser, page):
    from records.ingest import import_record

    long_meeting = SHARED / "records" / "en" / "pdf" / "S_PV.8699_E.pdf"
    if not long_meeting.exists() or not (SHARED / "records" / "ru").exists():
        pytest.skip(f"S/PV.8699 and the Russian opening of S/PV.10124 are not in {SHARED}")
    assert import_record(long_meeting).ok
    resumed = SHARED / "records" / "en" / "pdf" / "S_PV.8699(Resumption1)_E.pdf"
    assert import_record(resumed).ok
    page.goto(f"{live_server.url}/meetings/")
    symbol = page.get_by_role("link", name="S/PV.8699 (Resumption 1)", exact=True)
    single = page.get_by_role("link", name="S/PV.8699", exact=True).bounding_box()["height"]
    assert symbol.bounding_box()["height"] == single  # on one line on a desktop, no gap in the list
    page.goto(f"{live_server.url}/meetings/8699/")
    contents = page.locator("nav.contents")
    assert contents.locator("details").get_attribute("open") is not None  # open on a wide screen
    assert contents.locator("li.toc-speech").count() == 101
    contents.locator('ol.toc a[href="#s50"]').click()
    assert page.url.endswith("#s50") and page.locator("#s50").is_visible()
    shoot(page, "meeting-contents")
    contents.get_by_role("link", name="Russian Federation", exact=True).click()  # jump to a State
    assert "Russian Federation" in page.locator(page.url[page.url.index("#"):]).inner_text()
    page.get_by_role("link", name="Back to top").first.click()
    assert page.url.endswith("#main")

    phone = browser.new_context(viewport=PHONE)
    small = phone.new_page()
    small.goto(f"{live_server.url}/meetings/8699/")
    assert small.locator("nav.contents details").get_attribute("open") is None  # closed on a phone
    small.locator("nav.contents summary").click()
    small.locator('nav.contents ol.toc a[href="#s3"]').click()
    assert small.url.endswith("#s3")
    small.screenshot(path=str(SCREENSHOTS / "meeting-contents-phone-open.png"))
    phone.close()

    # DiCarlo briefed S/PV.10124: one person, named in French and in Russian.
    page.goto(f"{live_server.url}/speakers/?q=%D0%94%D0%B8%D0%BA%D0%B0%D1%80%D0%BB%D0%BE")  # Дикарло
    page.locator("ol.speaker-list a").first.click()
    main = page.locator("main").inner_text()
    assert "Дикарло" in main and "DiCarlo" in main
    assert page.locator('ol.speech-list [lang="ru"]').count() >= 1 and page.locator('ol.speech-list [lang="fr"]').count() >= 1
    shoot(page, "person")

    # A reader whose browser asks for Russian gets the Russian version.
    russian = browser.new_context(viewport=DESKTOP, locale="ru-RU")
    tab = russian.new_page()
    tab.goto(f"{live_server.url}/meetings/10124/")
    switch = tab.get_by_role("navigation", name="Language versions")
    assert switch.get_by_text("Russian").get_attribute("aria-current") == "page"
    russian.close()
    assert page.problems == [], page.problems
