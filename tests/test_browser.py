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


_TABLES_SHOWN = """() => [...document.querySelectorAll(".md-typeset__scrollwrap table")]
    .map(table => table.checkVisibility({contentVisibilityAuto: true}))"""
# Per table a reader can reach (not in a closed <details>): laid out, focusable,
# scrolls sideways.
_TABLE_STATES = """() => [...document.querySelectorAll(".md-typeset__scrollwrap")]
    .filter(r => !r.closest("details:not([open])"))
    .map(r => [r.querySelector("table").checkVisibility({contentVisibilityAuto: true}),
               r.tabIndex === 0, r.scrollWidth > r.clientWidth])"""
_SHOW_EACH_TABLE = """async () => {
    for (const table of document.querySelectorAll(".md-typeset__scrollwrap table")) {
      table.scrollIntoView();
      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    } }"""


def test_wide_tables_are_keyboard_scrollable_regions(watch) -> None:
    """overrides/assets/javascripts/scroll-regions.js: a table wider than the
    screen scrolls in its own region, which must then be in the tab order and named
    (WCAG 2.1.1); when the window widens and it fits, it leaves the tab order.
    A table below the screen is laid out only when it comes near (extra.css):
    until then, whether it may scroll comes from its longest words (--words);
    it is checked for real once laid out."""
    w = watch(search=False)
    w.page.set_viewport_size({"width": 360, "height": 720})
    w.goto("/activations/")
    w.page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    )
    assert not all(w.page.evaluate(_TABLES_SHOWN)), "every table laid out at load"
    # A table not laid out yet is in the tab order already if it may scroll (its
    # words, --words): none that scrolls once laid out was missing from it.
    at_load = w.page.evaluate(_TABLE_STATES)
    w.page.evaluate(_SHOW_EACH_TABLE)
    laid_out = w.page.evaluate(_TABLE_STATES)
    waited = [
        (focusable, scrolls)
        for (shown, focusable, _), (_, _, scrolls) in zip(
            at_load, laid_out, strict=True
        )
        if not shown
    ]
    assert waited, "no reachable table waited to be laid out"
    assert all(focusable for focusable, scrolls in waited if scrolls), waited
    state = """() => [...document.querySelectorAll(".md-typeset__scrollwrap")].map(r => [
        r.scrollWidth > r.clientWidth, r.tabIndex === 0 && r.role === "region",
        r.getAttribute("aria-label"), r.querySelector("th").textContent.trim()])"""
    settled = f"() => ({state})().every(([wide, focusable]) => wide === focusable)"
    seen = []
    for width in (360, 1600):
        w.page.set_viewport_size({"width": width, "height": 720})
        w.page.evaluate(_SHOW_EACH_TABLE)
        assert all(w.page.evaluate(_TABLES_SHOWN))
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


# The code blocks a reader sees by scrolling (not those in a closed <details>).
_SHOWN_CODE = """[...document.querySelectorAll(".md-typeset .highlight pre > code")]
    .filter(code => !code.closest("details:not([open])"))"""
_CODE_BLOCKS = f"""() => {_SHOWN_CODE}
    .map(code => [code.getBoundingClientRect().height,
                  !code.firstElementChild ||
                  code.firstElementChild.checkVisibility({{contentVisibilityAuto: true}})])"""


@pytest.mark.parametrize("path", ["/en/output-layer/", "/activations/gated/"])
def test_code_blocks_below_the_screen_wait_and_keep_their_height(watch, path) -> None:
    """extra.css: the browser lays out a code block's tokens (about half of a
    content page's elements) only when the block comes near the screen; until
    then the block holds the height it will have (--lines), so nothing moves."""
    w = watch(search=False)
    w.page.set_viewport_size({"width": 412, "height": 823})  # a phone
    w.goto(path)
    w.page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    )
    before = w.page.evaluate(_CODE_BLOCKS)
    assert any(not shown for _, shown in before), "every code block laid out at load"
    after = w.page.evaluate(  # each block as it comes on screen
        f"""async () => {{ const seen = [];
          for (const c of {_SHOWN_CODE}) {{
            c.scrollIntoView();
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            seen.push([c.getBoundingClientRect().height, !c.firstElementChild ||
                       c.firstElementChild.checkVisibility({{contentVisibilityAuto: true}})]);
          }} return seen; }}"""
    )
    assert all(shown for _, shown in after), after
    heights = [
        (round(a, 1), round(b, 1)) for (a, _), (b, _) in zip(before, after, strict=True)
    ]
    assert all(abs(a - b) < 0.5 for a, b in heights), heights


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


# --- Explorers (snippets/explore.py, overrides/assets/javascripts/explore.js) -------
_EXPLORER_STATE = """root => ({
    focused: document.activeElement && document.activeElement.id,
    figures: [...root.querySelectorAll("img[data-panel]")]
        .filter(i => i.checkVisibility())
        .map(i => [i.dataset.panel, i.getAttribute("src"), i.alt,
                   i.complete && i.naturalWidth > 0]),
    texts: [...root.querySelectorAll("[data-slot]")].map(s => s.textContent.trim()),
})"""


def _explore_by_keyboard(w, root, steps) -> list[tuple[str, dict, dict]]:
    """Tab to each control in turn and press its key; the state before and after."""
    seen = []
    first = root.locator("[data-control]").first
    first.focus()
    for n, (ident, key) in enumerate(steps):
        if n:
            w.page.keyboard.press("Tab")  # the next control, in the page's order
        before = root.evaluate(_EXPLORER_STATE)
        assert before["focused"] == ident, (before["focused"], ident)
        w.page.keyboard.press(key)
        w.page.wait_for_function(
            f"root => ({_EXPLORER_STATE})(root).figures.every(f => f[3])",
            arg=root.element_handle(),
        )  # the new files arrived and were drawn
        seen.append((ident, before, root.evaluate(_EXPLORER_STATE)))
    return seen


@pytest.mark.parametrize(("lang", "scheme"), [("pt", "light"), ("en", "dark")])
def test_playground_controls_work_by_keyboard(watch, lang, scheme) -> None:
    """Each control, reached with Tab and moved with an arrow key, changes the
    figure (its file, in the page's colour scheme), its alt text and the summary,
    announced politely; range controls say their value in the page's language."""
    w = watch(scheme)
    w.goto(("/en" if lang == "en" else "") + "/playground/")
    root = w.page.locator("#explorer-playground")
    # On first load, only the default state's figures (a layer and a frame per
    # figure and scheme), at most; the other states' wait for the reader (and lazy
    # loading waits for the figures to come near the screen).
    root.locator("img[data-panel=training]:visible").scroll_into_view_if_needed()
    w.page.wait_for_load_state("networkidle")
    fetched = {u.rsplit("/", 1)[-1] for u in w.requests if u.endswith(".svg")}
    default = root.evaluate(
        """root => [...root.querySelectorAll("img")]
            .map(i => i.getAttribute("src").split("/").pop())"""
    )
    assert fetched and fetched <= set(default) and len(default) == 8, fetched
    assert root.locator(".explorer-controls").is_visible()  # shown by the script
    assert root.locator("[data-slot=summary]").get_attribute("aria-live") == "polite"
    for control in root.locator("[data-control]").all():
        ident = control.get_attribute("id")
        label = root.locator(f'label[for="{ident}"]')
        assert label.count() == 1 and label.inner_text().strip()
    steps = [
        ("explorer-playground-activation", "ArrowUp"),  # ReLU -> tanh
        ("explorer-playground-init", "ArrowUp"),  # He -> Glorot
        ("explorer-playground-depth", "ArrowRight"),  # 4 -> 8
        ("explorer-playground-rate", "ArrowLeft"),  # 0.3 -> 0.03
    ]
    for ident, before, after in _explore_by_keyboard(w, root, steps):
        assert after["texts"] != before["texts"], ident
        changed = [
            panel
            for (panel, src, alt, _), (_, src2, alt2, _) in zip(
                before["figures"], after["figures"], strict=True
            )
            if src != src2 and alt != alt2
        ]
        # the rate plays no part at initialisation: only the training changes
        assert changed == (
            ["training"] if ident.endswith("rate") else ["signal", "training"]
        )
        for _, src, _, _ in after["figures"]:
            assert ("dark" in scheme) == (src in _dark_layers(root)), src
    summary = root.locator("[data-slot=summary]").inner_text()
    name = {"pt": "Tangente hiperbólica", "en": "Hyperbolic tangent"}[lang]
    assert summary.startswith(f"{name}, ") and " 8 " in summary
    rate = root.locator("#explorer-playground-rate")
    assert rate.get_attribute("aria-valuetext") == {"pt": "0,03", "en": "0.03"}[lang]
    assert (
        root.locator("output[for=explorer-playground-rate]").inner_text()
        == ({"pt": "0,03", "en": "0.03"}[lang])
    )


def _dark_layers(root) -> set[str]:
    """Every dark layer of the explorer's table, as the page's <img> would use it."""
    return set(
        root.evaluate(
            """root => Object.values(JSON.parse(root.dataset.states))
                .flatMap(s => Object.values(s.layers).map(pair => pair[1]))"""
        )
    )


@pytest.mark.parametrize(
    ("name", "lang", "key"),
    [
        ("leaky_relu", "pt", "ArrowRight"),
        ("prelu", "en", "ArrowLeft"),
        ("elu", "pt", "ArrowLeft"),
        ("celu", "en", "ArrowRight"),
        ("softplus", "pt", "ArrowRight"),
        ("hard_tanh", "en", "ArrowDown"),
    ],
)
def test_catalogue_parameters_work_by_keyboard(watch, name, lang, key) -> None:
    """The control of a catalogue page's parameters, moved by keyboard, changes
    the figure (file and alt text), the summary and the card values."""
    w = watch()
    w.goto(("/en" if lang == "en" else "") + f"/activations/{name}/")
    root = w.page.locator(f"#explorer-{name.replace('_', '-')}-parameters")
    ident = f"explorer-{name.replace('_', '-')}-parameters-value"
    assert root.locator(f'label[for="{ident}"]').inner_text().strip()
    ((_, before, after),) = _explore_by_keyboard(w, root, [(ident, key)])
    (panel, src, alt, _), (_, src2, alt2, loaded) = (
        before["figures"][0],
        after["figures"][0],
    )
    assert panel == "plot" and src2 != src and alt2 != alt and loaded
    summary, card = before["texts"], after["texts"]
    assert summary[0] != card[0]  # the live summary
    assert summary[1] != card[1]  # the card values
    assert root.locator("[data-slot=card] td").count() == 20  # ten rows
