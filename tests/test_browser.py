"""The built site in a real browser: Debian's Chromium driven by Playwright.

Opens pages in both languages, switches language, searches, toggles the colour
scheme, and watches every request and console message. Skips (saying why) when
Chromium is not installed, except under CI, where ``.ci/run`` installs it.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_or_skip() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if path:
        return path
    message = f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message + "; under CI the browser tests must run")
    pytest.skip(message)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_site: Path):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    executable = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield browser
        browser.close()


class Watch:
    """A page plus every request it made and every console error it logged."""

    def __init__(self, browser, base: str, scheme: str = "light") -> None:
        self.base = base
        self.context = browser.new_context(color_scheme=scheme)
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type == "error" else None,
        )

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response}"
        self.page.wait_for_load_state("networkidle")

    def close(self) -> None:
        self.context.close()
        host = urlsplit(self.base).netloc
        outside = [
            u
            for u in self.requests
            if urlsplit(u).scheme in {"http", "https"} and urlsplit(u).netloc != host
        ]
        assert not outside, f"requests left the site: {outside}"
        assert not self.errors, f"console errors: {self.errors}"


@pytest.fixture()
def watch(browser, server):
    watches: list[Watch] = []

    def make(scheme: str = "light") -> Watch:
        watches.append(Watch(browser, server, scheme))
        return watches[-1]

    yield make
    for w in watches:
        w.close()


def _pages(site: Path) -> list[str]:
    """Every Portuguese page path (``''``, ``neuron/``...), as MkDocs wrote it."""
    return sorted(
        p.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        for p in site.rglob("index.html")
        if not p.is_relative_to(site / "en")
        and not p.parent.name.startswith(("assets", "search"))
        and p.parent != site / "404"
    )


def test_html_lang_and_ui_strings(watch) -> None:
    w = watch()
    w.goto("/")
    assert w.page.get_attribute("html", "lang") == "pt-BR"
    assert w.page.get_attribute("input.md-search__input", "placeholder") == "Buscar"
    w.goto("/en/")
    assert w.page.get_attribute("html", "lang") == "en"
    assert w.page.get_attribute("input.md-search__input", "placeholder") == "Search"


def test_language_switcher_lands_on_the_same_page(watch, built_site) -> None:
    w = watch()
    for path in _pages(built_site):
        path = path.lstrip("/")
        w.goto("/" + path)
        w.page.click(".md-header__option .md-select button", force=True)
        w.page.click('a.md-select__link[hreflang="en"]', force=True)
        w.page.wait_for_load_state("networkidle")
        assert urlsplit(w.page.url).path == "/en/" + path
        assert w.page.get_attribute("html", "lang") == "en"
        w.page.click(".md-header__option .md-select button", force=True)
        w.page.click('a.md-select__link[hreflang="pt-BR"]', force=True)
        w.page.wait_for_load_state("networkidle")
        assert urlsplit(w.page.url).path == "/" + path


@pytest.mark.parametrize(("start", "word"), [("/", "ativação"), ("/en/", "activation")])
def test_search_returns_only_pages_of_the_same_language(watch, start, word) -> None:
    w = watch()
    w.goto(start)
    w.page.click("input.md-search__input")
    w.page.keyboard.type(word)  # Material searches on key events
    results = w.page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    hrefs = [
        urlsplit(h).path for h in results.evaluate_all("els => els.map(e => e.href)")
    ]
    assert hrefs
    in_english = [h.startswith("/en/") for h in hrefs]
    assert all(in_english) if start == "/en/" else not any(in_english), hrefs


def test_colour_scheme_toggle_and_figures(watch) -> None:
    w = watch()
    w.goto("/")
    body = w.page.locator("body")
    light = w.page.locator(".snippets-figure img.only-light").first
    dark = w.page.locator(".snippets-figure img.only-dark").first
    assert body.get_attribute("data-md-color-scheme") == "default"
    assert light.is_visible() and not dark.is_visible()
    # The toggle cycles: follow the system (light here) -> light -> dark.
    for _ in range(3):
        if body.get_attribute("data-md-color-scheme") == "slate":
            break
        w.page.click("form[data-md-component='palette'] label:visible")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    dark.scroll_into_view_if_needed()
    assert dark.is_visible() and not light.is_visible()
    assert w.page.evaluate(
        "img => img.complete && img.naturalWidth > 0", dark.element_handle()
    )


def test_dark_system_preference_is_followed(watch) -> None:
    w = watch("dark")
    w.goto("/en/")
    assert w.page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_math_is_rendered_locally(watch) -> None:
    w = watch()
    w.goto("/")
    w.page.wait_for_selector("mjx-container", timeout=15_000)
    assert any("/assets/mathjax/tex-chtml.js" in u for u in w.requests)
