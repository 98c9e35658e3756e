"""Serve the built website on 127.0.0.1 and open it in headless Chromium, offline.

The browser also serves tests/site/test_jupyterlab.py, which needs no built website.
"""

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from site_pages import HTML

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url():
    """The URL of `_build/html`, served by a local HTTP server for the whole session."""
    if not (HTML / "index.html").is_file():
        pytest.fail("_build/html is missing: run `make book` first")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=HTML))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which cannot download a browser of its own here)."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} not found: the website is tested in Chromium; "
                    "install it with `apt-get install chromium` (as root), or set CHROMIUM to a Chrome binary")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
