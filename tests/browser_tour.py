"""One visit to every page of both languages, shared by the browser gates.

Loading 70-odd pages is the expensive part of a browser test, so the gates that need
every page (``test_requests.py``: no request leaves the site, no console error;
``test_a11y.py``: axe-core in the light and the dark colour scheme) share one tour,
run once per session by the ``tour`` fixture of ``tests/conftest.py``.

Per page, after ``load`` (and MathJax's typesetting, on pages with math):

* every request and console error is recorded (with :class:`tests.conftest.Watch`),
  plus every response with an HTTP error status;
* axe-core (bundled by the ``axe-playwright-python`` wheel) runs on the whole page
  in the light scheme, then its ``color-contrast`` rule in the dark scheme (the other
  rules do not depend on colours). To keep this fast, two theme-rendered parts are
  simplified first, because they are the same on every page and are checked once,
  in place, on the home page of each language: MathJax's output (thousands of
  elements on a page with formulas) and the syntax-highlighting spans of code blocks
  (their text stays, in the code's base colour). The colours of every highlighting
  class used anywhere on the site are checked on the home page too, in both schemes,
  with a specimen code block holding one span of each class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from axe_playwright_python.base import AXE_FILE_PATH

from tests.conftest import Watch

HOME_PAGES = ("", "en/")
_PYGMENTS_SPAN = re.compile(r'<span class="([a-z]{1,3}[0-9]?)">')

# Runs in the page: wait for MathJax, switch off transitions, simplify (unless
# told not to), run axe in light then dark; returns compact violations.
_AUDIT = """
async ({simplify, specimen}) => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  const style = document.createElement("style");
  style.textContent = "*,*::before,*::after{transition:none!important;animation:none!important}";
  document.head.appendChild(style);
  if (simplify) {
    for (const m of document.querySelectorAll("mjx-container")) m.replaceWith("x");
    for (const c of document.querySelectorAll(".highlight code")) c.textContent = c.textContent;
  }
  let context = document;
  if (specimen.length) {
    const block = document.createElement("div");
    block.className = "language-python highlight";
    block.id = "qa-specimen";
    block.innerHTML = "<pre><code>" + specimen.map(
      c => `<span class="${c}">${c}_sample </span>`).join("\\n") + "</code></pre>";
    document.querySelector("article").appendChild(block);
    context = {include: ["#qa-specimen"]};
  }
  const pack = (scheme, r) => r.violations.map(v => ({
    id: v.id, impact: v.impact, scheme, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " +
      (n.any.concat(n.all, n.none).map(c => c.message).join("; ")))
  }));
  const out = [];
  const light = {resultTypes: ["violations"]};
  if (specimen.length) light.runOnly = ["color-contrast"];
  out.push(...pack("light", await axe.run(context, light)));
  const slate = document.querySelector('input[data-md-color-scheme="slate"]');
  if (slate) {
    for (const a of slate.attributes) {
      if (a.name.startsWith("data-md-color-")) document.body.setAttribute(a.name, a.value);
    }
  }
  out.push(...pack("dark", await axe.run(context,
    {runOnly: ["color-contrast"], resultTypes: ["violations"]})));
  return out;
}
"""


@dataclass
class PageVisit:
    path: str  # "" , "neuron/", "en/neuron/"...
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "404 http://..." responses
    violations: list[dict] = field(default_factory=list)


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
    """Visit every page once; see the module docstring."""
    watch = Watch(browser, base)
    watch.context.add_init_script(path=str(AXE_FILE_PATH))
    failed: list[str] = []
    watch.page.on(
        "response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    specimen = highlight_classes(site)
    visits: dict[str, PageVisit] = {}
    try:
        for path in site_pages(site):
            marks = len(watch.requests), len(watch.errors), len(failed)
            visit = visits[path] = PageVisit(path)
            response = watch.page.goto(base + "/" + path, wait_until="load")
            if response is None or not response.ok:
                visit.failed.append(f"{response and response.status} {base}/{path}")
                continue
            home = path in HOME_PAGES
            visit.violations = watch.page.evaluate(
                _AUDIT, {"simplify": not home, "specimen": []}
            )
            if home:  # the colours of every highlighting class, both schemes
                watch.page.goto(base + "/" + path, wait_until="load")
                visit.violations += watch.page.evaluate(
                    _AUDIT, {"simplify": False, "specimen": specimen}
                )
            visit.requests = watch.requests[marks[0]:]
            visit.errors = watch.errors[marks[1]:]
            visit.failed += failed[marks[2]:]
    finally:
        watch.context.close()
    return visits
