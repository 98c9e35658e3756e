"""Open one page in headless Chromium with every request off 127.0.0.1 aborted, and record what it shows."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
# No CSSOM preload: axe-core would fetch each @import again, resolved against the page rather than the
# stylesheet (the theme's `@import "../basic.css"` becomes a 404 at the site root). Only the
# css-orientation-lock rule reads the CSSOM.
AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}
# The light scheme first, as a page opens; then dark, as the theme shows it to a reader whose system prefers it.
SCHEMES = ("light", "dark")
DARK = """() => { document.documentElement.dataset.theme = 'dark'; document.documentElement.dataset.mode = 'dark'; }"""
BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"

# Resolves when every CSS transition now running has ended. sphinx-togglebutton fades a solution in over .3 s
# once clicked; audited mid-fade, its text and links fail color-contrast at part opacity (05, 06 and 08 did so
# on CI, the pages whose last clicked solution holds a link or code).
# Only transitions of rendered elements: one inside a closed <details> (a folded code cell) never runs, so it
# would never finish.
TRANSITIONS_DONE = """() => Promise.all(document.getAnimations()
  .filter(animation => animation instanceof CSSTransition && animation.effect?.target?.checkVisibility())
  .map(animation => animation.finished))"""
MATHJAX_DONE = "() => window.MathJax?.startup?.promise?.then(() => true) ?? !document.querySelector('.math')"

FACTS = """() => ({
  math: [...document.querySelectorAll('.math')].map(math => math.querySelector('mjx-container') !== null),
  mathErrors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
  mathjax: document.querySelector('script[src*="mathjax"]')?.src ?? null,
  images: [...document.images].map(image => ({
    src: image.currentSrc || image.src,
    loaded: image.complete && image.naturalWidth > 0,
    alt: image.alt,
    link: image.closest('a')?.href ?? null,
  })),
  links: [...document.querySelectorAll('a[href]')].map(anchor => anchor.href),
  sidebar: [...document.querySelectorAll('nav.bd-docs-nav a.reference')].map(anchor => anchor.href),
})"""


@dataclass
class PageVisit:
    """What one page showed: HTTP status, JavaScript errors, MathJax done, dropdowns that opened, `FACTS`,
    axe-core's violations and the page's background colour in each of `SCHEMES`."""

    status: int
    errors: list
    math_done: bool
    dropdowns: int
    dropdowns_opened: int
    facts: dict
    violations: dict
    backgrounds: dict


def is_local(url):
    """True for URLs on the loopback address the test server listens on."""
    return urlsplit(url).hostname == "127.0.0.1"


def _record_error(errors, message):
    # A console error located at another site is an external resource that was blocked: expected offline.
    source = message.location.get("url", "")
    if message.type == "error" and (is_local(source) or not source):
        errors.append(f"console: {message.text} ({source})")


def _open_dropdowns(tab):
    """Click every collapsed dropdown (an exercise's solution); count those hidden before and shown after."""
    opened = 0
    dropdowns = tab.locator(".admonition.dropdown")
    for index in range(dropdowns.count()):
        dropdown = dropdowns.nth(index)
        body = dropdown.locator(":scope > :not(.admonition-title)").first
        if body.is_visible():
            continue
        dropdown.locator(".admonition-title").click()
        opened += body.is_visible()
    return dropdowns.count(), opened


def _audit(tab):
    """axe-core's violations on the page once its transitions have ended: rule, impact, help text and the
    elements that fail."""
    tab.evaluate(TRANSITIONS_DONE)
    return [{"rule": violation["id"], "impact": violation["impact"], "help": violation["help"],
             "targets": [node["target"] for node in violation["nodes"]]}
            for violation in AXE.run(tab, options=AXE_OPTIONS).response["violations"]]


def _screenshot(tab, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=path, full_page=True)


def _schemes(tab, screenshots):
    """Audit the page in each colour scheme, after a full-page screenshot of the dark one."""
    violations, backgrounds = {}, {}
    # The pointer rests where the last dropdown was clicked, perhaps over a link that axe would then see in its
    # hover colour (05_pca's citation link failed color-contrast that way): move it to the window's corner.
    tab.mouse.move(0, 0)
    for scheme in SCHEMES:
        if scheme == "dark":
            tab.emulate_media(color_scheme="dark")
            tab.evaluate(DARK)
            _screenshot(tab, screenshots["dark"])
        violations[scheme] = _audit(tab)
        backgrounds[scheme] = tab.evaluate(BACKGROUND)
    return violations, backgrounds


def visit_page(browser, url, screenshots):
    """Load `url` offline, wait for MathJax, audit it and return a `PageVisit`.

    `screenshots` maps each of `SCHEMES` to the file that gets the page's full-page screenshot in it.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if is_local(route.request.url) else route.abort())
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    tab.on("console", lambda message: _record_error(errors, message))
    try:
        response = tab.goto(url, wait_until="load")
        math_done = tab.evaluate(MATHJAX_DONE)
        _screenshot(tab, screenshots["light"])
        facts = tab.evaluate(FACTS)
        dropdowns = _open_dropdowns(tab)
        return PageVisit(response.status, errors, math_done, *dropdowns, facts, *_schemes(tab, screenshots))
    finally:
        context.close()
