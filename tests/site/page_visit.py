"""Open one page in headless Chromium with every request off 127.0.0.1 aborted, and record what it shows."""

from dataclasses import dataclass
from urllib.parse import urlsplit

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
    """What one page showed: HTTP status, JavaScript errors, MathJax done, dropdowns that opened, `FACTS`."""

    status: int
    errors: list
    math_done: bool
    dropdowns: int
    dropdowns_opened: int
    facts: dict


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


def visit_page(browser, url, screenshot):
    """Load `url` offline, wait for MathJax, save a full-page screenshot and return a `PageVisit`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if is_local(route.request.url) else route.abort())
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    tab.on("console", lambda message: _record_error(errors, message))
    try:
        response = tab.goto(url, wait_until="load")
        math_done = tab.evaluate(MATHJAX_DONE)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=screenshot, full_page=True)
        facts = tab.evaluate(FACTS)
        return PageVisit(response.status, errors, math_done, *_open_dropdowns(tab), facts)
    finally:
        context.close()
