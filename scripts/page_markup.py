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
    - tables, the same (Material wraps each in a region that scrolls sideways):
      `table_widths` gives each ``<table>`` the length of the longest word of
      each of its columns, in characters (``--words``), from which
      scroll-regions.js estimates whether it may scroll sideways before it is
      laid out (a column is never narrower than its longest word; the estimate
      counts each character as a wide one, to err on the side of scrolling);
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
    page where two such sections are listed. `name_section_lists` names each
    such list after its title (the words its own title bar shows).
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


_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<t[hd]\b([^>]*)>(.*?)</t[hd]>", re.DOTALL)
_SPAN = re.compile(r'colspan="(\d+)"')
_MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
_BREAK = re.compile(r"[ \t\n\r\f]+")  # where a browser may break a line (not at nbsp)


def table_widths(html: str) -> str:
    """Each table without attributes (Markdown's) with the length of the longest
    word of each of its columns, in characters (``--words``, space-separated).

    A formula is one word, counted one and a half times (a math font's glyphs
    and the spaces around operators are wider than text). A cell spanning
    several columns counts for none of them (its words may share their width).
    """
    from html import unescape

    def text_of(fragment: str) -> str:
        return unescape(re.sub(r"<[^>]+>", "", fragment))

    def longest_word(cell: str) -> int:
        cell = _MATH.sub(
            lambda m: " " + "M" * -(-3 * len(text_of(m[0])) // 2) + " ", cell
        )
        text = text_of(re.sub(r"<br\s*/?>", " ", cell))
        return max((len(word) for word in _BREAK.split(text)), default=0)

    def measured(match: re.Match) -> str:
        widths: list[int] = []
        for row in _ROW.findall(match[1]):
            column = 0
            for attributes, cell in _CELL.findall(row):
                span = _SPAN.search(attributes)
                width = int(span[1]) if span else 1
                while len(widths) < column + width:
                    widths.append(0)
                if width == 1:
                    widths[column] = max(widths[column], longest_word(cell))
                column += width
        words = " ".join(map(str, widths))
        return f'<table style="--words: {words}">{match[1]}</table>'

    return _TABLE.sub(measured, html)


def modules_only_toc(html: str, page) -> None:
    """On a page of mkdocstrings modules, drop every entry below the modules'
    from ``page.toc`` (the page's title, its own sections and the modules stay)."""
    if _MODULE not in html:
        return
    for title in page.toc:
        for section in title.children:
            section.children = []


_EMPTY_TOGGLE = re.compile(
    r'<label class="md-nav__link[^"]*" for="(__nav_[\d_]+)" id="\1_label"[^>]*>'
    r'\s*<span class="md-nav__icon md-icon"></span>\s*</label>'
)


def name_section_lists(html: str) -> str:
    """Each list of the navigation that is named after a wordless toggle named
    after its title instead."""
    for path in set(_EMPTY_TOGGLE.findall(html)):
        title = f'<label class="md-nav__title" for="{path}">'
        if title not in html:
            continue
        html = html.replace(
            title, f'<label class="md-nav__title" for="{path}" id="{path}_title">'
        )
        html = html.replace(
            f'aria-labelledby="{path}_label"', f'aria-labelledby="{path}_title"'
        )
    return html
