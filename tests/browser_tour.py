"""One visit to every page of both languages, shared by the browser gates.

Loading 70-odd pages is the expensive part of a browser test, so the gates that need
every page (``test_requests.py``: no request leaves the site, no console error;
``test_a11y.py``: axe-core in the light and the dark colour scheme) share one tour,
run once per session by the ``tour`` fixture of ``tests/conftest.py``.

Per page, after ``load`` (formulas need no wait: they are MathML in the page):

* every request and console error is recorded (with :class:`tests.conftest.Watch`),
  plus every response with an HTTP error status;
* axe-core (bundled by the ``axe-playwright-python`` wheel) runs with its default
  rules in the light scheme, then its colour rules (``color-contrast``,
  ``link-in-text-block``: the only ones that depend on the scheme) in the dark one.

The chrome (header, navigation, search, footer) is the same on every page of a
language, so the whole page is checked as it is on the two home pages only; there,
a specimen code block with one span of each syntax-highlighting class used anywhere
on the site checks every highlighting colour in both schemes. On the other pages
axe checks the content (``<article>``, formulas included), after one simplification
that keeps it fast on a busy machine: the highlighting spans of code blocks are
merged into their text (their colours: the specimen). The colour rules, the costly
ones, run on one element per combination of text colour, size, weight, decoration
and backgrounds behind it: elements alike in all of these have the same contrast.
For the same reason a combination checked on one page of the tour is not checked
again on the next pages (most pages then add none, and skip the colour rules).

Those shortcuts are checked in turn (``plain_audits``, beside the tour): one page
of every kind (``scripts/page_kinds.py``, the kinds alternating between the two
languages) is audited plainly, as a reader's browser shows it: the whole page,
every rule in the light scheme and the colour rules in the dark one, the scheme
chosen the way readers choose it (the system's preference, then a fresh load); and,
on a 360-px phone, how far the page scrolls sideways (nothing should).
``tests/test_a11y.py`` fails if that finds a violation the tour did not report.

Before axe runs, transitions are switched off (colours are then final) and every
part of the page is rendered (``content-visibility``, which the API page uses to
skip what is off screen, would hide it from axe); the page is given two frames to
finish what its scripts do once it is shown (code blocks, scrolling tables).

Material's search: every page starts the search worker (``new Worker``), fetches
its language's index (``search/search_index.json``, about 0.9 MB) and sends it to
the worker, which loads its language's stemmers and builds the index, some 0.35
CPU-seconds per page (a third of the tour's cost without axe). The worker's work
depends only on the worker's address, the index's address and the search
configuration it is sent: on the home pages it runs to the end (the tour waits for
the worker's "ready"), and on every other page the tour records the three and
keeps the index from the worker (``_SEARCH_PROBE``); ``test_requests.py`` checks
that every page starts its language's search as its home page does, so that the
home page's run stands for it (its requests and console errors are seen there).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from axe_playwright_python.base import AXE_FILE_PATH

from scripts.page_kinds import LANGUAGES, PAGE_KINDS
from tests.conftest import ARGS, Watch, _chromium_or_skip, open_tab

HOME_PAGES = ("", "en/")
COLOUR_RULES = ("color-contrast", "link-in-text-block")  # the scheme matters to these
# Runs in the page first: transitions off, everything rendered, two frames.
_SETTLE = """
  const style = document.createElement("style");
  style.textContent = "*,*::before,*::after{transition:none!important;" +
    "animation:none!important;content-visibility:visible!important}";
  document.head.appendChild(style);
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
"""
# The tour's browser renders frames as a reader's does: with the compositor on the
# main thread (--disable-threaded-compositing, a quarter fewer CPU-seconds) no
# frame ever came, so what pages do once shown never ran (a ResizeObserver, an
# IntersectionObserver, requestAnimationFrame: the scrolling tables' keyboard
# access, the code blocks' copy buttons), and axe judged pages no reader sees.
TOUR_ARGS = ARGS
_PYGMENTS_SPAN = re.compile(r'<span class="([a-z]{1,3}[0-9]?)">')

# Added to every page of the tour, before the page's scripts: records the search
# worker's address, the configuration Material sends it (message type 0, SETUP)
# and its answer (type 1, READY); outside the home pages, the SETUP message with
# the index is not delivered (see the module docstring).
_SEARCH_PROBE = """
(() => {
  const full = ["/", "/en/"].includes(location.pathname);
  const probe = window.__qaSearch = {workers: [], configs: [], docs: [], ready: false};
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      probe.workers.push(new URL(url, location.href).href);
      this.addEventListener("message", e => {
        if (e.data && e.data.type === 1) probe.ready = true;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 0) {
        probe.configs.push(JSON.stringify(message.data.config));
        probe.docs.push(message.data.docs.length);
        if (!full) return;
      }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""

# Runs in the page: switch off transitions, then run axe in the light scheme and
# its colour rules in the dark scheme; returns compact violations.
# ``full`` (home pages): the whole page as it is, plus the highlighting specimen.
# Otherwise the page is simplified and the colour rules run on one element per
# combination of text style and backgrounds ("representatives") not already checked
# on an earlier page of the tour (``seen``, per scheme), see the docstring. Returns
# the violations and the combinations this page added.
_PACK = """
  const pack = (scheme, r) => out.push(...r.violations.map(v => ({
    id: v.id, impact: v.impact, scheme, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " +
      n.any.concat(n.all, n.none).map(c => c.message).join("; "))
  })));
"""
_AUDIT = (
    """
async ({full, specimen, seen}) => {"""
    + _SETTLE
    + """
  const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
  const out = [];"""
    + _PACK
    + """
  const background = el => {
    const chain = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.opacity !== "1") chain.push("opacity " + s.opacity);
      if (s.backgroundImage !== "none" || s.backgroundColor !== "rgba(0, 0, 0, 0)") {
        chain.push(s.backgroundColor + " " + s.backgroundImage);
        if (s.backgroundColor.startsWith("rgb(")) break;  // opaque: nothing shows through
      }
    }
    return chain.join("|");
  };
  const added = {light: [], dark: []};
  const representatives = scheme => {
    for (const e of document.querySelectorAll("[data-qa-rep]")) e.removeAttribute("data-qa-rep");
    const known = new Set(seen[scheme]);
    for (const el of document.querySelectorAll("article *")) {
      if (![...el.childNodes].some(c => c.nodeType === 3 && c.textContent.trim())) continue;
      const s = getComputedStyle(el);
      const key = [el.closest("a") !== null, s.color, s.fontSize, s.fontWeight,
        s.textDecorationLine, s.textShadow, background(el)].join(";");
      if (!known.has(key)) {
        known.add(key); added[scheme].push(key); el.setAttribute("data-qa-rep", "");
      }
    }
    return document.querySelector("[data-qa-rep]") ? {include: ["[data-qa-rep]"]} : null;
  };
  const colourCheck = async scheme => {
    const context = representatives(scheme);
    if (context) pack(scheme, await axe.run(context, colours));
  };
  const dark = () => {
    const slate = document.querySelector('input[data-md-color-scheme="slate"]');
    for (const a of slate ? slate.attributes : []) {
      if (a.name.startsWith("data-md-color-")) document.body.setAttribute(a.name, a.value);
    }
  };
  const colours = {runOnly: COLOUR_RULES, resultTypes: ["violations"]};
  if (full) {
    if (specimen.length) {
      const block = document.createElement("div");
      block.className = "language-python highlight";
      block.id = "qa-specimen";
      block.innerHTML = "<pre><code>" + specimen.map(
        c => `<span class="${c}">${c}_sample</span>`).join("\\n") + "</code></pre>";
      document.querySelector("article").appendChild(block);
    }
    pack("light", await axe.run(document, {resultTypes: ["violations"]}));
    dark();
    pack("dark", await axe.run(document, colours));
  } else {
    for (const c of document.querySelectorAll(".highlight code")) c.textContent = c.textContent;
    const others = {resultTypes: ["violations"], rules: {}};
    for (const id of COLOUR_RULES) others.rules[id] = {enabled: false};
    pack("light", await axe.run({include: ["article"]}, others));
    await colourCheck("light");
    dark();
    await colourCheck("dark");
  }
  return {violations: out, added};
}
"""
)
# A plain run: the whole page, every rule (``colours``: the colour rules only).
_PLAIN_AUDIT = (
    """
async ({scheme, colours}) => {"""
    + _SETTLE
    + """
  const out = [];"""
    + _PACK
    + """
  const options = {resultTypes: ["violations"]};
  if (colours) options.runOnly = colours;
  pack(scheme, await axe.run(document, options));
  return out;
}
"""
)


@dataclass
class PageVisit:
    path: str  # "" , "neuron/", "en/neuron/"...
    base: str = ""  # the server's address, "http://127.0.0.1:<port>"
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "404 http://..." responses
    violations: list[dict] = field(default_factory=list)
    # the search worker's address, the index's address, the configuration sent to
    # the worker with the number of documents, and whether it answered "ready"
    search: dict = field(default_factory=dict)
    # plain audits, light scheme: CSS pixels the page scrolls sideways on a phone
    overflow: int = 0


def site_pages(site: Path) -> list[str]:
    """Every page of both languages (``""``, ``neuron/``, ``en/``, ``en/neuron/``...)."""
    skip = ("assets", "search")
    return sorted(
        (p.parent.relative_to(site).as_posix() + "/").removeprefix("./")
        for p in site.rglob("index.html")
        if not any(part in skip for part in p.relative_to(site).parts)
    )


def highlight_classes(site: Path) -> list[str]:
    """The Pygments classes used by the code blocks of every page."""
    found: set[str] = set()
    for page in site.rglob("*.html"):
        found |= set(_PYGMENTS_SPAN.findall(page.read_text(encoding="utf-8")))
    return sorted(found)


def tour(browser, base: str, site: Path) -> dict[str, PageVisit]:
    """Visit every page once; see the module docstring. One browser: on two cores a
    second one, taking every other page, made the tour slower (measured: 26.5 s and
    50 CPU-seconds with two, 22.7 s and 38 with one): one Chromium already keeps
    both cores busy."""
    return _visit(browser, base, site_pages(site), highlight_classes(site))


def _visit(
    browser, base: str, paths: list[str], specimen: list[str]
) -> dict[str, PageVisit]:
    watch = Watch(open_tab(browser, str(AXE_FILE_PATH)), base)
    watch.page.context.add_init_script(script=_SEARCH_PROBE)
    failed: list[str] = []
    watch.page.on(
        "response",
        lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    visits: dict[str, PageVisit] = {}
    seen: dict[str, list[str]] = {"light": [], "dark": []}  # styles already checked
    try:
        for path in paths:
            marks = len(watch.requests), len(watch.errors), len(failed)
            visit = visits[path] = PageVisit(path, base)
            response = watch.page.goto(base + "/" + path, wait_until="load")
            if response is None or not response.ok:
                visit.failed.append(f"{response and response.status} {base}/{path}")
                continue
            home = path in HOME_PAGES
            # Every page sends the index to the worker (kept from it outside the
            # home pages, where the whole search runs: wait for the index built).
            done = "ready" if home else "configs.length"
            watch.page.wait_for_function(  # polled: no frames come (TOUR_ARGS)
                f"window.__qaSearch.{done}", polling=50, timeout=60_000
            )
            audit = watch.page.evaluate(
                _AUDIT,
                {"full": home, "specimen": specimen if home else [], "seen": seen},
            )
            visit.violations = audit["violations"]
            visit.search = watch.page.evaluate("window.__qaSearch")
            for scheme, keys in audit["added"].items():
                seen[scheme] += keys
            visit.requests = watch.requests[marks[0] :]
            visit.errors = watch.errors[marks[1] :]
            visit.failed += failed[marks[2] :]
    finally:
        watch.page.context.close()
    return visits


def plain_pages() -> list[str]:
    """The page of each kind, the kinds alternating between the languages."""
    folders = list(LANGUAGES.values())
    return [
        folders[index % len(folders)] + page
        for index, (page, _) in enumerate(PAGE_KINDS.values())
    ]


PHONE = {"width": 360, "height": 740}
"""The narrowest screen the plain audits look at the page on (WCAG 1.4.10, reflow:
nothing scrolls sideways but what must, such as wide tables and code)."""


def _overflow(page, size: dict) -> int:
    """How far the document scrolls sideways at ``size``, in CSS pixels; the
    viewport is then restored."""
    before = page.viewport_size
    page.set_viewport_size(size)
    try:
        return page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    finally:
        page.set_viewport_size(before)


def plain_audits(browser, base: str) -> dict[str, PageVisit]:
    """axe-core on ``plain_pages()`` as readers see them (module docstring):
    ``{"<path> <scheme>": PageVisit}``, with each load's requests and errors."""
    watch = Watch(open_tab(browser, str(AXE_FILE_PATH)), base)
    audits: dict[str, PageVisit] = {}
    try:
        for scheme, colours in (("light", None), ("dark", list(COLOUR_RULES))):
            watch.page.emulate_media(color_scheme=scheme)
            for path in plain_pages():
                marks = len(watch.requests), len(watch.errors)
                visit = audits[f"{path} {scheme}"] = PageVisit(path, base)
                response = watch.page.goto(base + "/" + path, wait_until="load")
                if response is None or not response.ok:
                    visit.failed.append(f"{response and response.status} {path}")
                    continue
                visit.violations = watch.page.evaluate(
                    _PLAIN_AUDIT, {"scheme": scheme, "colours": colours}
                )
                if scheme == "light":  # and on a phone: no sideways scrolling
                    visit.overflow = _overflow(watch.page, PHONE)
                visit.requests = watch.requests[marks[0] :]
                visit.errors = watch.errors[marks[1] :]
    finally:
        watch.page.context.close()
    return audits


def main(site: Path, out: Path, plain: bool = False) -> None:
    """Take the tour of the built ``site`` (served here), or with ``plain`` the
    plain audits, and pickle it into ``out``: ``python -m tests.browser_tour SITE
    OUT [plain]``, run by ``tests/background.py`` (the two side by side)."""
    import functools
    import pickle
    from http.server import ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    from tests.conftest import _QuietHandler

    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=_chromium_or_skip(), args=TOUR_ARGS
            )
            base = f"http://127.0.0.1:{httpd.server_address[1]}"
            result = plain_audits(browser, base) if plain else tour(browser, base, site)
            browser.close()
    finally:
        httpd.shutdown()
    out.write_bytes(pickle.dumps(result))


if __name__ == "__main__":
    import sys

    from tests.browser_tour import main as run  # pickles tests.browser_tour.PageVisit

    run(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] == ["plain"])
