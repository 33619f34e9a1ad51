"""Page markup, for scripts/hooks.py (its sections 11 and 12).

11. What a phone does when a page loads (scripts/bench.py measures it). Material
    starts by reading the page's layout, so the browser styles and lays out the
    whole page in one go, one long task; the parts it can skip until they come
    near the screen (content-visibility, extra.css) are skipped:

    - code blocks, about half of a content page's elements (every token is a
      span): `code_lines` gives each ``<code>`` its number of lines
      (``--lines``), from which the stylesheet knows its exact height while it is
      skipped, so nothing moves when it is shown, and the length of its longest
      line (``--columns``), from which scroll-regions.js knows whether it scrolls
      sideways, and so must be reachable by keyboard, before it is laid out;
    - the API page (mkdocstrings): `modules_only_toc` makes its table of contents
      list the modules, not their 150-odd classes, functions and attributes
      (their headings keep their anchors). Material looks up where each entry's
      heading is when the page loads, and again whenever the page's height
      changes; a heading inside a docstring body not laid out yet made the
      browser lay out that whole module: most of the page's Total Blocking Time.

12. Material's navigation: a section with a page of its own (an index page,
    navigation.indexes) gets a toggle with no words, only an arrow, and the
    section's list of links is named after that toggle (aria-labelledby): two
    landmarks without a name, which axe-core reports (landmark-unique) on every
    page where two such sections are listed. `name_section_toggles` gives each
    toggle its section's title as its name (aria-label), as its list's title
    shows it.
"""

from __future__ import annotations

import re

_MODULE = '<div class="doc doc-object doc-module">'
_CODE = re.compile(r"(<pre[^>]*>(?:<span></span>)?<code)>(.*?</code>)", re.DOTALL)


def code_lines(html: str) -> str:
    """Each code block's ``<code>`` with its number of lines (``--lines``) and the
    characters of its longest line (``--columns``)."""
    from html import unescape

    def counted(match: re.Match) -> str:
        lines = unescape(re.sub(r"<[^>]+>", "", match[2])).split("\n")
        columns = max(len(line) for line in lines)
        style = f"--lines: {len(lines) - 1}; --columns: {columns}"
        return f'{match[1]} style="{style}">{match[2]}'

    return _CODE.sub(counted, html)


def modules_only_toc(html: str, page) -> None:
    """On a page of mkdocstrings modules, drop every entry below the modules'
    from ``page.toc`` (the page's title, its own sections and the modules stay)."""
    if _MODULE not in html:
        return
    for title in page.toc:
        for section in title.children:
            section.children = []


_EMPTY_TOGGLE = re.compile(
    r'(<label class="md-nav__link[^"]*" for="(__nav_[\d_]+)" id="\2_label"(?:(?!aria-label)[^>])*)'
    r'(>\s*<span class="md-nav__icon md-icon"></span>\s*</label>)'
)
_NAV_TITLE = re.compile(
    r'<label class="md-nav__title" for="(__nav_[\d_]+)">\s*'
    r'<span class="md-nav__icon md-icon"></span>(.*?)</label>',
    re.DOTALL,
)


def name_section_toggles(html: str) -> str:
    """Each wordless section toggle of the navigation named after its section."""
    from html import escape, unescape

    titles = {
        path: escape(unescape(" ".join(re.sub(r"<[^>]+>", "", title).split())))
        for path, title in _NAV_TITLE.findall(html)
    }

    def named(match: re.Match) -> str:
        title = titles.get(match[2])
        return f'{match[1]} aria-label="{title}"{match[3]}' if title else match[0]

    return _EMPTY_TOGGLE.sub(named, html)
