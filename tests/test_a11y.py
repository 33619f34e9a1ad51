"""Gate: accessibility of every page, both languages, light and dark.

* axe-core (the ``axe.min.js`` bundled by the ``axe-playwright-python`` wheel) in
  Debian's Chromium: no violation, of any impact (a table header left empty, the
  corner of a printed table, is minor, and fails too), in either colour scheme
  (colour contrast included). How the pages are visited, and what is checked
  once rather than on every page, is in tests/browser_tour.py.
* The tour's shortcuts hide nothing: axe-core run plainly on one page of every
  kind, in both schemes (``plain_audits``), finds no violation, of any impact,
  that the tour did not report (on that page; on its language's home page, where
  the tour checks the header, navigation and footer; or, for the colour rules,
  on any page, since the tour checks each combination of colours once).
* Every ``<img>`` has a non-empty ``alt``, and a Portuguese page's alt texts are not
  the English ones: each is compared with the alt text of the same image (by
  position) on the English page; identical texts of more than two words fail. The
  one exception is the frame of a layered figure (``data-frame``, snippets/explore.py):
  it lies over the image of the data, whose alt text describes the whole figure, and
  has an empty ``alt`` on purpose, so that a screen reader reads the figure once.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from tests.browser_tour import COLOUR_RULES, PHONE, plain_pages, site_pages


def test_no_axe_violation(tour) -> None:
    found = []
    for path, visit in tour.items():
        for v in visit.violations:
            nodes = "\n      ".join(v["nodes"])
            found.append(
                f"/{path} [{v['scheme']}] {v['id']} ({v['impact']}): {v['help']}"
                f"\n      {nodes}"
            )
    assert not found, f"{len(found)} violations:\n" + "\n".join(found)


def _reported(tour, path: str, scheme: str, rule: str) -> bool:
    home = "en/" if path.startswith("en/") else ""
    pages = list(tour) if rule in COLOUR_RULES else [path, home]
    return any(
        (v["id"], v["scheme"]) == (rule, scheme)
        for page in pages
        for v in tour[page].violations
    )


def test_the_tour_reports_what_a_plain_axe_run_finds(tour, plain_audits) -> None:
    assert len(plain_audits) == 2 * len(plain_pages()), sorted(plain_audits)
    missed = []
    for key, audit in plain_audits.items():
        path, scheme = key.rsplit(" ", 1)
        assert not audit.failed, audit.failed
        for v in audit.violations:
            if not _reported(tour, path, scheme, v["id"]):
                nodes = "\n      ".join(v["nodes"])
                missed.append(
                    f"/{path} [{scheme}] {v['id']} ({v['impact']}): {v['help']}"
                    f"\n      {nodes}"
                )
    assert not missed, (
        f"{len(missed)} violations found by a plain axe run that the tour "
        "(tests/browser_tour.py) did not report:\n" + "\n".join(missed)
    )


def test_no_page_scrolls_sideways_on_a_phone(plain_audits) -> None:
    """WCAG 1.4.10 (reflow): on a 360-px screen, a page of every kind fits its
    width; only its wide tables, code and formulas scroll, inside themselves."""
    wide = {
        key: audit.overflow
        for key, audit in plain_audits.items()
        if key.endswith(" light") and audit.overflow > 0
    }
    assert not wide, f"pages wider than a {PHONE['width']}-px phone (px): {wide}"


def test_the_comparison_sees_a_missed_violation() -> None:
    from tests.browser_tour import PageVisit

    def seen(path, rule, scheme):
        visit = PageVisit(path)
        visit.violations = [{"id": rule, "scheme": scheme}]
        return visit

    tour = {
        "": seen("", "region", "light"),
        "en/": PageVisit("en/"),
        "en/api/": seen("en/api/", "color-contrast", "dark"),
        "en/neuron/": PageVisit("en/neuron/"),
    }
    assert _reported(tour, "en/neuron/", "dark", "color-contrast")  # on another page
    assert not _reported(tour, "en/neuron/", "light", "color-contrast")
    assert _reported(tour, "", "light", "region")  # the home page: the chrome
    assert not _reported(tour, "en/neuron/", "light", "region")  # other language
    assert not _reported(tour, "en/api/", "dark", "heading-order")


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alts: list[tuple[str | None, int]] = []
        self._article = 0

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "img" and not ("data-frame" in found and found.get("alt") == ""):
            self.alts.append((found.get("alt"), self.getpos()[0]))


def _alts(page: Path) -> list[tuple[str | None, int]]:
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.alts


def test_every_image_has_alt_text_in_the_page_language(built_site: Path) -> None:
    problems = []
    for path in site_pages(built_site):
        alts = _alts(built_site / path / "index.html")
        for alt, line in alts:
            if not (alt or "").strip():
                problems.append(f"/{path}index.html:{line}: <img> without alt text")
        if path.startswith("en/") or not (built_site / "en" / path).is_dir():
            continue
        english = _alts(built_site / "en" / path / "index.html")
        for (alt, line), (en_alt, _) in zip(alts, english, strict=False):
            if alt and alt == en_alt and len(alt.split()) > 2:
                problems.append(
                    f"/{path}index.html:{line}: alt text is the English one: {alt!r}"
                )
    assert not problems, "\n".join(problems)
