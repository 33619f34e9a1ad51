"""Page markup (scripts/page_markup.py; hooks.py, sections 11 and 12).

Light enough for a phone (scripts/bench.py measures it; issue 17): every code
block carries its number of lines, from which the stylesheet knows its height
while the browser skips it, and the length of its longest line, from which
scroll-regions.js knows whether it scrolls (the browser tour checks that every
block that scrolls is reachable by keyboard); the API page's table of contents lists the modules
only, every object keeps its anchor, and no signature prints a whole data table
(``show_attribute_values`` off where a value is one). Every landmark of the
navigation has a name.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from types import SimpleNamespace

from scripts import page_markup
from tests.conftest import ROOT

_DIRECTIVE = re.compile(r"^::: (snippets\.\w+)$", re.M)
_TOC = re.compile(r'data-md-component="toc"')
_TOC_LINK = re.compile(r'<a href="#([^"]+)" class="md-nav__link">')
_CODE_BLOCK = re.compile(
    r'<div class="[^"]*highlight[^"]*">(?:<span class="filename">.*?</span>)?'
    r"<pre[^>]*>(?:<span></span>)?<code([^>]*)>(.*?)</code>",
    re.DOTALL,
)
_SIGNATURE = re.compile(r'<div class="doc-signature highlight">(.*?)</div>', re.S)
SIGNATURE_LINES = 40  # about a phone's screen of code


def _toc(html: str) -> list[str]:
    """The anchors linked from the page's table of contents (the sidebar's)."""
    start = [m.start() for m in _TOC.finditer(html)][-1]
    return _TOC_LINK.findall(html[start : html.index('class="md-content"', start)])


def test_the_api_contents_list_the_modules_and_every_object_keeps_its_anchor(
    built_site: Path,
) -> None:
    for lang, folder in (("pt", ""), ("en", "en/")):
        modules = _DIRECTIVE.findall(
            (ROOT / "docs" / lang / "api.md").read_text(encoding="utf-8")
        )
        html = (built_site / folder / "api" / "index.html").read_text("utf-8")
        assert _toc(html) == modules, lang
        objects = re.findall(r'<h[2-6] id="(snippets\.[\w.]+)" class="doc', html)
        assert len(objects) > 5 * len(modules), lang  # functions, classes...
        for name in ("snippets.activations.get", "snippets.nn.MLP"):
            assert name in objects, (lang, name)


def test_no_signature_prints_a_data_table(built_site: Path) -> None:
    html = (built_site / "api" / "index.html").read_text(encoding="utf-8")
    signatures = _SIGNATURE.findall(html)
    assert len(signatures) > 50
    longest = max(signatures, key=lambda s: s.count("\n"))
    assert longest.count("\n") <= SIGNATURE_LINES, re.sub(r"<[^>]+>", "", longest)[:300]


def test_only_pages_of_modules_lose_the_entries_below_their_sections() -> None:
    def entry(*children):
        return SimpleNamespace(children=list(children))

    toc = [entry(entry(entry(), entry()), entry(entry()))]
    page = SimpleNamespace(toc=toc)
    page_markup.modules_only_toc("<p>a page</p>", page)
    assert [len(s.children) for s in toc[0].children] == [2, 1]
    page_markup.modules_only_toc(page_markup._MODULE + "</div>", page)
    assert [len(s.children) for s in toc[0].children] == [0, 0]
    assert len(toc[0].children) == 2


def test_every_code_block_carries_its_lines_and_columns(built_site: Path) -> None:
    blocks = 0
    for page in built_site.rglob("*.html"):
        for attributes, code in _CODE_BLOCK.findall(page.read_text("utf-8")):
            blocks += 1
            lines = unescape(re.sub(r"<[^>]+>", "", code)).split("\n")
            columns = max(map(len, lines))
            style = f' style="--lines: {len(lines) - 1}; --columns: {columns}"'
            assert attributes == style, (page, code[:200])
    assert blocks > 500


def test_code_lines_counts_the_lines_and_columns_of_each_block() -> None:
    html = (
        '<div class="highlight"><pre><span></span><code><span class="n">a</span> = '
        '"&lt;b&gt;"\nb = 2\n</code></pre></div><p><code>inline</code></p>'
        "<pre><code>x\n</code></pre>"
    )
    assert page_markup.code_lines(html) == (
        '<div class="highlight"><pre><span></span><code style="--lines: 2; '
        '--columns: 9"><span class="n">a</span> = "&lt;b&gt;"\nb = 2\n</code></pre>'
        '</div><p><code>inline</code></p><pre><code style="--lines: 1; --columns: 1">'
        "x\n</code></pre>"
    )


def test_table_widths_gives_the_longest_word_of_each_column() -> None:
    html = (
        "<table><thead><tr><th>activation</th><th>a b</th><th>c</th></tr></thead>"
        "<tbody><tr><td>ReLU &amp; x</td><td>7.3 × <math><mi>x</mi><mo>+</mo>"
        "<mn>10</mn></math></td><td>1\u00a0000\u00a0000</td></tr>"
        '<tr><td colspan="2">a very long merged cell</td><td>a<br>b</td></tr>'
        "</tbody></table>"
        '<table class="other"><tr><td>left alone</td></tr></table>'
    )
    out = page_markup.table_widths(html)
    # x+10 is one word, counted one and a half times (6); no break at a no-break
    # space (9); the merged cell widens neither column
    style = ' style="--words: 10 6 9"'
    assert out.startswith(f"<table{style}><thead>")
    assert out.endswith('<table class="other"><tr><td>left alone</td></tr></table>')
    assert out.replace(style, "", 1) == html


def test_every_list_of_the_navigation_is_named(built_site: Path) -> None:
    """Each ``<nav aria-labelledby>`` names an element with words."""
    for path in ("", "en/", "api/", "en/glossary/", "activations/relu/"):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        named = re.findall(r'<nav [^>]*aria-labelledby="([^"]+)"', html)
        assert len(named) > 3, path
        for ident in named:
            label = re.search(
                rf'<label [^>]*id="{ident}"[^>]*>(.*?)</label>', html, re.S
            )
            assert label and re.sub(r"<[^>]+>", "", label[1]).strip(), (path, ident)


def test_a_list_named_after_a_wordless_toggle_is_named_after_its_title() -> None:
    html = (
        '<label class="md-nav__link " for="__nav_6" id="__nav_6_label" tabindex="">'
        '\n  <span class="md-nav__icon md-icon"></span>\n</label>'
        '<nav aria-labelledby="__nav_6_label"><label class="md-nav__title" '
        'for="__nav_6">\n<span class="md-nav__icon md-icon"></span>\n Propriedades'
        "\n</label></nav>"
        '<label class="md-nav__link" for="__nav_7" id="__nav_7_label">Rede</label>'
        '<nav aria-labelledby="__nav_7_label"><label class="md-nav__title" '
        'for="__nav_7">Rede</label></nav>'
    )
    named = page_markup.name_section_lists(html)
    assert '<nav aria-labelledby="__nav_6_title">' in named
    assert '<label class="md-nav__title" for="__nav_6" id="__nav_6_title">' in named
    assert '<nav aria-labelledby="__nav_7_label">' in named  # it has words
    assert page_markup.name_section_lists(named) == named  # once only
