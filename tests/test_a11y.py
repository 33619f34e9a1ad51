"""Gate: accessibility of every page, both languages, light and dark.

* axe-core (the ``axe.min.js`` bundled by the ``axe-playwright-python`` wheel) in
  Debian's Chromium: no violation of serious or critical impact, in either colour
  scheme (colour contrast included). How the pages are visited, and what is checked
  once rather than on every page, is in tests/browser_tour.py.
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

from tests.browser_tour import site_pages

GATED_IMPACTS = ("serious", "critical")


def test_no_serious_or_critical_axe_violation(tour) -> None:
    found = []
    for path, visit in tour.items():
        for v in visit.violations:
            if v["impact"] in GATED_IMPACTS:
                nodes = "\n      ".join(v["nodes"])
                found.append(
                    f"/{path} [{v['scheme']}] {v['id']} ({v['impact']}): {v['help']}"
                    f"\n      {nodes}"
                )
    assert not found, f"{len(found)} violations:\n" + "\n".join(found)


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
