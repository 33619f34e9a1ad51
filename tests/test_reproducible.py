"""Gate: two independent builds give byte-identical pages and figures.

The second build (``second_site``, run by tests/background.py once ``built_site``
is done) builds the Portuguese site again in other processes, every block of code
run and every figure drawn again (no cached output); its files must match the first
build's Portuguese files (the English pages run the same code with other words).
Pages that show a fresh measurement of time differ between builds by nature; they
are listed here, from the registry, and compared
without the output of their build-time code (the ``div.result`` blocks, where a
measured number can change a ranking, a sentence or a figure); their prose, code
and headings must still be identical. The measured pages are
properties/cost.md, choosing.md and every activations/<name>.md (its property card
shows the measured cost); plus properties/index.md, whose summary table shows
measured cost ratios (found by this test).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from snippets.activations import names

MEASURED = {"properties/cost/", "choosing/", "properties/"} | {
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
