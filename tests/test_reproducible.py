"""Gate: what the site shows is what its code gives, every time.

Two checks, on the build the tests make (``built_site``, every block of code run):

* **A reader gets what the page shows.** The tests of the pages' code (the root
  ``conftest.py``) run every build-time block again, by itself, in another process,
  as a reader who copied it would; what it prints must hold the same words and
  numbers, in the same order, as the output the page shows below the block (its
  HTML as the build kept it in its block cache). Markup is not compared (Markdown
  printed by a block becomes HTML on the page), nor are figures: the page shows SVG
  files named by their content, a reader's run saves a PNG and says where
  (test_figures.py checks that every figure function draws the same SVG twice).
  Blocks that read the site's cost measurement are left out: they show this
  build's measurement (a ranking or a sentence can depend on it), and a reader's
  run measures again; in the blocks that time code themselves, the numbers are
  left out and the words compared.
* **Two builds give the same files.** A second build of the Portuguese site
  (``second_site``, another process, run by tests/background.py once
  ``built_site`` is done) takes the blocks' output from the first build's block
  cache, as ``make build`` does from the developer's; its files must match the
  first build's Portuguese files byte for byte (the English pages go through the
  same code with other words). Pages that show a fresh measurement of time differ
  between builds by nature; they are listed here, from the registry, and compared
  without the output of their build-time code (the ``div.result`` blocks, where a
  measured number can change a ranking, a sentence or a figure); their prose, code
  and headings must still be identical. The measured pages are properties/cost.md,
  choosing.md, cheatsheet.md (its table shows the measured share of a layer) and
  every activations/<name>.md (its property card shows the measured cost); plus
  properties/index.md, whose summary table shows the measured share of a layer
  (found by this test).
"""

from __future__ import annotations

import html
import json
import re
import time
from pathlib import Path

import pytest

from conftest import block_run_file
from snippets.activations import names
from snippets.i18n import t

MEASURED = {"properties/cost/", "choosing/", "cheatsheet/", "properties/"} | {
    f"activations/{n}/" for n in names()
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?")
_FIGURE = re.compile(r"[0-9a-f]{20}\.svg")


def _page(rel: str) -> str | None:
    """The page path (``choosing/``) of a built HTML file, without the ``en/``."""
    if not rel.endswith("index.html"):
        return None
    return rel.removeprefix("en/").removesuffix("index.html")


def _measured(rel: str) -> bool:
    return _page(rel) in MEASURED


def _mask(text: str) -> str:
    """The page without the output of its build-time code (``div.result``)."""
    out, depth = [], 0
    for piece in re.split(r"(<div\b[^>]*>|</div>)", text):
        if piece.startswith("<div"):
            if depth or 'class="result"' in piece:
                depth += 1
                continue
        elif piece == "</div>" and depth:
            depth -= 1
            continue
        if not depth:
            out.append(piece)
    return "".join(out)


def _search_index(path: Path) -> str:
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        if doc.get("location", "").split("#")[0] in MEASURED:
            doc["text"] = ""  # the page's own comparison covers its prose
    return json.dumps(index, sort_keys=True)


def _figures_of_unmeasured_pages(site: Path) -> set[str]:
    used = set()
    for page in site.rglob("index.html"):
        if not _measured(page.relative_to(site).as_posix()):
            used |= set(_FIGURE.findall(page.read_text(encoding="utf-8")))
    return used


def test_two_builds_are_identical_except_fresh_measurements(
    built_site: Path, second_site: Path
) -> None:
    files = {
        site: {
            rel
            for p in site.rglob("*")
            if p.is_file()
            and not (rel := p.relative_to(site).as_posix()).startswith("en/")
        }
        for site in (built_site, second_site)
    }
    ignored = {"external-links.txt"}  # written by test_links.py into the first build
    first, second = files[built_site] - ignored, files[second_site] - ignored
    problems = []
    needed = _figures_of_unmeasured_pages(built_site)
    for rel in sorted(first ^ second):
        name = rel.rsplit("/", 1)[-1]
        if _FIGURE.fullmatch(name) and name not in needed:
            continue  # a figure of a measured page (its data are measurements)
        side = "first" if rel in first else "second"
        problems.append(f"{rel}: only in the {side} build")
    for rel in sorted(first & second):
        a, b = (built_site / rel).read_bytes(), (second_site / rel).read_bytes()
        if a == b:
            continue
        if _measured(rel):
            a, b = _mask(a.decode()), _mask(b.decode())
        elif rel.endswith("search/search_index.json"):
            a, b = _search_index(built_site / rel), _search_index(second_site / rel)
        if a != b:
            problems.append(f"{rel}: differs between two builds" + _first_line(a, b))
    assert not problems, "\n".join(problems)


def _first_line(a, b) -> str:
    if isinstance(a, bytes):
        try:
            a, b = a.decode(), b.decode()
        except UnicodeDecodeError:
            return " (binary)"
    for n, (x, y) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), 1):
        if x != y:
            return f" (line {n}: {x.strip()[:100]!r} vs {y.strip()[:100]!r})"
    return " (length)"


# --- A reader gets what the page shows --------------------------------------------

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)  # highlighted code: spans in words
_SOURCE = re.compile(r'\s*<div class="highlight"><pre\b.*?</pre></div>', re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")  # Markdown [text](target): the target
_FENCE = re.compile(r"^[ \t]*(```|~~~).*$", re.MULTILINE)  # with its info string
_ATTRIBUTES = re.compile(r"\{:[^{}]*\}")  # Markdown attribute list: {: lang="en" }
_WORD = re.compile(r"\w+")
_TIMES_ITSELF = re.compile(r"\b(timeit|perf_counter|cost_table|layer_costs)\b")


def words(text: str) -> list[str]:
    """The words and numbers of ``text`` (HTML or Markdown), without the markup."""
    text = _PRE.sub(lambda m: _TAG.sub("", m.group(0)), text)
    text = _FENCE.sub(" ", _LINK_TARGET.sub("]", _ATTRIBUTES.sub("", text)))
    text = html.unescape(_TAG.sub(" ", text))
    return [w for w in (w.strip("_") for w in _WORD.findall(text)) if w]


def _lines(code: str) -> str:
    """Code without its indentation and blank lines (pytest-codeblocks drops the
    blank lines of a fence indented in a list or an admonition)."""
    import textwrap

    return "\n".join(
        line for line in textwrap.dedent(code).splitlines() if line.strip()
    )


def _output_shown(block_html: str) -> str:
    """The HTML of a block's output: source="block" shows its code first."""
    source = _SOURCE.match(block_html)
    assert source, f"no code before the output: {block_html[:200]}"
    return block_html[source.end() :]


def _without_saved_figures(printed: str, lang: str) -> str:
    """A reader's output without the lines that say where a figure was saved."""
    before, _, after = t("figure_saved", lang, path="\0").partition("\0")
    saved = re.compile(f"^{re.escape(before)}\\S+{re.escape(after)}$", re.MULTILINE)
    return saved.sub("", printed)


def _first_difference(shown: list[str], printed: list[str]) -> str:
    for n, (a, b) in enumerate(zip(shown, printed, strict=False)):
        if a != b:
            page, reader = shown[n : n + 8], printed[n : n + 8]
            return f"word {n + 1}: page {page} vs reader {reader}"
    return f"the page has {len(shown)} words, the reader's run {len(printed)}"


def _reader_runs(request, timeout: float = 900) -> list[dict]:
    """What each build-time block of this run printed when run as a reader would
    (root conftest.py); waits for the blocks other xdist workers are running."""
    expected = {
        item.nodeid
        for item in request.session.items
        if getattr(item, "build_time", False)
    }
    if not expected:
        pytest.skip("the pages' code is not part of this run (pytest docs/)")
    files = {block_run_file(request.config, n): n for n in expected}
    deadline = time.monotonic() + timeout
    while missing := [n for f, n in files.items() if not f.is_file()]:
        if time.monotonic() > deadline:
            pytest.fail(f"{len(missing)} blocks never reported, e.g. {missing[:3]}")
        time.sleep(0.5)
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def test_a_reader_gets_what_the_page_shows(built_site: Path, request) -> None:
    shown = {}  # (lang, code) -> the block's entry in the build's block cache
    # block outputs are named by a hex key (search-*.json: scripts/search_cache.py)
    for entry in (built_site.parent / "blocks").glob("*/[0-9a-f]*.json"):
        stored = json.loads(entry.read_text(encoding="utf-8"))
        shown[entry.parent.name, _lines(stored["code"])] = stored
    runs = _reader_runs(request)
    problems, compared = [], 0
    for run in sorted(runs, key=lambda r: (r["page"], r["line"])):
        if run["printed"] is None:
            continue  # the block failed: its own test says why
        lang = run["page"].split("/")[1]
        where = f"{run['page']}:{run['line']}"
        page = shown.get((lang, _lines(run["code"])))
        if page is None:
            problems.append(f"{where}: the build kept no output for this block")
            continue
        if page["costs"] is not None:
            continue  # shows this build's measurement of time
        compared += 1
        a = words(_output_shown(page["html"]))
        b = words(_without_saved_figures(run["printed"], lang))
        if _TIMES_ITSELF.search(run["code"]):  # fresh timings: the words must match
            a, b = ([_NUMBER.sub("#", w) for w in x] for x in (a, b))
        if a != b:
            problems.append(f"{where}: {_first_difference(a, b)}")
    assert not problems, "\n".join(problems)
    assert compared > 0.8 * len(runs), (compared, len(runs))
