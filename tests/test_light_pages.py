"""Pages light enough for a phone (scripts/hooks.py, section 11; scripts/bench.py
measures them; issue 17): every code block carries its number of lines, from which
the stylesheet knows its height while the browser skips it; the API page's table
of contents lists the modules only, every object keeps its anchor, and no
signature prints a whole data table (``show_attribute_values`` off where a value
is one)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from scripts import hooks
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
    hooks.modules_only_toc("<p>a page</p>", page)
    assert [len(s.children) for s in toc[0].children] == [2, 1]
    hooks.modules_only_toc(hooks._MODULE + "</div>", page)
    assert [len(s.children) for s in toc[0].children] == [0, 0]
    assert len(toc[0].children) == 2


def test_every_code_block_carries_its_number_of_lines(built_site: Path) -> None:
    blocks = 0
    for page in built_site.rglob("*.html"):
        for attributes, code in _CODE_BLOCK.findall(page.read_text("utf-8")):
            blocks += 1
            lines = code.count("\n")
            assert attributes == f' style="--lines: {lines}"', (page, code[:200])
    assert blocks > 500


def test_code_lines_counts_the_lines_of_each_block() -> None:
    html = (
        '<div class="highlight"><pre><span></span><code>a = 1\nb = 2\n</code></pre>'
        "</div><p><code>inline</code></p><pre><code>x\n</code></pre>"
    )
    assert hooks.code_lines(html) == (
        '<div class="highlight"><pre><span></span><code style="--lines: 2">a = 1\n'
        'b = 2\n</code></pre></div><p><code>inline</code></p><pre><code style="--lines:'
        ' 1">x\n</code></pre>'
    )
