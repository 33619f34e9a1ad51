"""The built site in a real browser: Debian's Chromium driven by Playwright.

Opens pages in both languages, switches language, searches, toggles the colour
scheme, and watches every request and console message. Skips (saying why) when
Chromium is not installed, except under CI, where ``.ci/run`` installs it.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# The fixtures (``server``, ``browser``, ``watch``) and ``Watch`` live in
# tests/conftest.py, shared with the quality gates (test_a11y.py, test_requests.py).


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
    """Also: what the home pages request once loaded (the search index, its
    language's stemmer...) stays on the site (checked when ``w`` closes)."""
    w = watch()
    w.goto("/", until="networkidle")
    assert w.page.get_attribute("html", "lang") == "pt-BR"
    assert w.page.get_attribute("input.md-search__input", "placeholder") == "Buscar"
    w.goto("/en/", until="networkidle")
    assert w.page.get_attribute("html", "lang") == "en"
    assert w.page.get_attribute("input.md-search__input", "placeholder") == "Search"


def test_every_switcher_link_points_at_the_same_page(built_site) -> None:
    """Statically, on every page of both languages."""
    link = re.compile(
        r'<a href="([^"]*)" hreflang="([^"]+)"[^>]*class="md-select__link"'
    )
    for path in (p.lstrip("/") for p in _pages(built_site)):
        for lang, here in (("pt-BR", path), ("en", "en/" + path)):
            html = (built_site / here / "index.html").read_text(encoding="utf-8")
            targets = {hreflang: href for href, hreflang in link.findall(html)}
            for hreflang, mirror in (("pt-BR", path), ("en", "en/" + path)):
                resolved = urljoin("http://site/" + here, targets[hreflang])
                assert resolved == "http://site/" + mirror, (lang, here, hreflang)


@pytest.mark.parametrize("path", ["", "activations/relu/", "notebooks/training/"])
def test_language_switcher_lands_on_the_same_page(watch, path) -> None:
    """In the browser, with Material's own script running."""
    w = watch(search=False)
    w.goto("/" + path)
    for lang, expected in (("en", "/en/" + path), ("pt-BR", "/" + path)):
        w.page.click(".md-header__option .md-select button", force=True)
        w.page.click(f'a.md-select__link[hreflang="{lang}"]', force=True)
        w.page.wait_for_url(w.base + expected)
        assert w.page.get_attribute("html", "lang") == lang


@pytest.mark.parametrize(("start", "word"), [("/", "ativação"), ("/en/", "activation")])
def test_search_returns_only_pages_of_the_same_language(watch, start, word) -> None:
    w = watch()
    w.goto(start, until="networkidle")  # the search index has arrived
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
    w = watch(search=False)
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
    # The figures load lazily: give the one just scrolled to the time to arrive.
    w.page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0",
        arg=dark.element_handle(),
        timeout=10_000,
    )


def test_wide_tables_are_keyboard_scrollable_regions(watch) -> None:
    """overrides/assets/javascripts/scroll-regions.js: a table wider than the
    screen scrolls in its own region, which must then be in the tab order and named
    (WCAG 2.1.1); when the window widens and it fits, it leaves the tab order."""
    w = watch(search=False)
    w.goto("/activations/")
    state = """() => [...document.querySelectorAll(".md-typeset__scrollwrap")].map(r => [
        r.scrollWidth > r.clientWidth, r.tabIndex === 0 && r.role === "region",
        r.getAttribute("aria-label"), r.querySelector("th").textContent.trim()])"""
    settled = f"() => ({state})().every(([wide, focusable]) => wide === focusable)"
    seen = []
    for width in (360, 1600):
        w.page.set_viewport_size({"width": width, "height": 720})
        try:
            w.page.wait_for_function(settled, timeout=5_000)
        except PlaywrightTimeout:
            pytest.fail(
                f"at {width} px, [scrolls, focusable region, name] per table "
                f"disagree: {w.page.evaluate(state)}"
            )
        seen.append(w.page.evaluate(state))
    narrow, wide = seen
    assert any(scrolls for scrolls, *_ in narrow), "no table scrolls on a phone"
    for scrolls, _, label, header in narrow:
        assert not scrolls or label == header, (label, header)  # named by its table
    changed = [a[0] != b[0] for a, b in zip(narrow, wide, strict=True)]
    assert any(changed), "no table fits once the window is wide"


def test_dark_system_preference_is_followed(watch) -> None:
    w = watch("dark", search=False)
    w.goto("/en/")
    assert w.page.locator("body").get_attribute("data-md-color-scheme") == "slate"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path", ["/properties/differentiability/", "/notebooks/training/"]
)
def test_math_is_mathml_typeset_by_the_browser(watch, path, scheme) -> None:
    """Formulas arrive as MathML (written at build time) and Chromium lays them out
    itself, in the colour of the text: no script, no font is fetched for them."""
    w = watch(scheme, search=False)
    w.goto(path)
    block = w.page.locator("article math[display='block']").first
    block.scroll_into_view_if_needed()
    assert block.evaluate("m => getComputedStyle(m).display") == "block math"
    box = block.bounding_box()
    assert box and box["width"] > 40 and box["height"] > 20, box
    # A fraction is laid out as one: the numerator above the denominator.
    fraction = w.page.locator("article mfrac").first
    over, under = (fraction.locator(":scope > *").nth(i).bounding_box() for i in (0, 1))
    assert over and under and over["y"] + over["height"] <= under["y"] + 1
    colour = block.evaluate("m => getComputedStyle(m).color")
    red, green, blue = map(int, re.findall(r"\d+", colour)[:3])
    assert (red + green + blue > 3 * 128) == (scheme == "dark"), colour
    fetched = [u for u in w.requests if re.search(r"mathjax|\.woff2?$|\.otf$", u, re.I)]
    assert not fetched, fetched
