"""Every page of _toc.yml in headless Chromium with the network cut off: the website as a reader sees it offline.

Screenshots of every page land in _build/screenshots/ (dark mode: _build/screenshots/dark/). axe-core audits
every page in light and dark mode; a serious or critical violation fails unless ALLOWED names its rule with a reason.
"""

import functools
import urllib.error
import urllib.request
from urllib.parse import urldefrag

import pytest

from page_visit import SCHEMES, is_local, visit_page
from site_pages import PAGES, ROOT

SCREENSHOTS = ROOT / "_build" / "screenshots"
# axe-core rule id -> why the finding is accepted (the theme's, not the course's, and not fixable here).
ALLOWED = {}


@pytest.fixture(scope="session")
def visit(browser, site_url):
    """Open a page on first use and keep what it showed for every test of that page."""

    @functools.cache
    def _visit(page):
        screenshots = {"light": SCREENSHOTS / f"{page}.png", "dark": SCREENSHOTS / "dark" / f"{page}.png"}
        return visit_page(browser, f"{site_url}{page}.html", screenshots)

    return _visit


@functools.cache
def _status(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD")) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_site_root_opens_the_first_page(browser, site_url):
    tab = browser.new_page()
    try:
        tab.goto(site_url)
        tab.wait_for_url(f"{site_url}{PAGES[0]}.html")
    finally:
        tab.close()


@pytest.mark.parametrize("page", PAGES)
class TestPage:
    def test_opens(self, visit, page):
        assert visit(page).status == 200

    def test_runs_without_javascript_errors(self, visit, page):
        assert visit(page).errors == []

    def test_math_is_typeset_by_the_sites_own_mathjax(self, visit, page, site_url):
        seen = visit(page)
        if not seen.facts["math"]:
            return
        mathjax = seen.facts["mathjax"]
        assert mathjax and mathjax.startswith(f"{site_url}_static/mathjax/"), \
            f"MathJax must come from the site, not {mathjax}"
        assert seen.math_done, "MathJax did not load"
        assert all(seen.facts["math"]), "some math was not typeset"
        assert seen.facts["mathErrors"] == 0, "MathJax reported an error in the TeX"

    def test_images_load_and_external_ones_degrade_to_a_text_link(self, visit, page):
        images = visit(page).facts["images"]
        broken = [image["src"] for image in images if is_local(image["src"]) and not image["loaded"]]
        bare_external = [image["src"] for image in images
                         if not is_local(image["src"]) and not (image["alt"] and image["link"])]
        assert broken == [], "local images that did not load"
        assert bare_external == [], "external images must be a link's picture with alt text (a badge)"

    def test_local_images_have_alt_text(self, visit, page):
        images = visit(page).facts["images"]
        assert [image["src"] for image in images if is_local(image["src"]) and not image["alt"].strip()] == []

    def test_solutions_stay_hidden_until_clicked(self, visit, page):
        seen = visit(page)
        assert seen.dropdowns_opened == seen.dropdowns

    def test_internal_links_resolve(self, visit, page, site_url):
        targets = {urldefrag(link).url for link in visit(page).facts["links"] if link.startswith(site_url)}
        assert {target: _status(target) for target in targets if _status(target) != 200} == {}

    def test_sidebar_lists_the_toc_in_order(self, visit, page, site_url):
        sidebar = [urldefrag(link).url.removeprefix(site_url).removesuffix(".html")
                   for link in visit(page).facts["sidebar"]]
        assert sidebar == PAGES

    @pytest.mark.parametrize("scheme", SCHEMES)
    def test_has_no_serious_accessibility_violations(self, visit, page, scheme):
        violations = [violation for violation in visit(page).violations[scheme]
                      if violation["impact"] in ("serious", "critical") and violation["rule"] not in ALLOWED]
        assert violations == []

    def test_dark_mode_darkens_the_page(self, visit, page):
        backgrounds = visit(page).backgrounds
        assert backgrounds["light"] != backgrounds["dark"], "the dark colour scheme did not apply"
