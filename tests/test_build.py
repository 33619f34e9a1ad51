"""The strict build of both languages succeeds, and a failing page fails it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT
from tests.conftest import run_build


def test_both_languages_build_strictly(built_site: Path) -> None:
    pt, en = built_site / "index.html", built_site / "en" / "index.html"
    assert pt.is_file() and en.is_file()
    assert re.search(r'<html lang="pt-BR"', pt.read_text(encoding="utf-8"))
    assert re.search(r'<html lang="en"', en.read_text(encoding="utf-8"))
    # Each language has its own search index, holding only its own pages.
    pt_index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    en_index = (built_site / "en" / "search" / "search_index.json").read_text(
        encoding="utf-8"
    )
    assert '"lang":["pt"]' in pt_index.replace(" ", "")
    assert '"lang":["en"]' in en_index.replace(" ", "")


def test_formulas_are_mathml_written_at_build_time(built_site: Path) -> None:
    """Every formula of every page (prose, output of build-time code, notebooks'
    Markdown cells) is MathML in the built page: no TeX is left for a script, and
    no math renderer or math font is shipped."""
    with_math = []
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(built_site)
        assert 'class="arithmatex"' not in html, f"{where}: a formula left as TeX"
        assert not re.search(r"<script[^>]*mathjax", html, re.I), where
        if "<math " in html:
            with_math.append(where.as_posix())
    assert len(with_math) > 40 and {
        "properties/differentiability/index.html",
        "en/properties/differentiability/index.html",
        "activations/gelu/index.html",
        "notebooks/training/index.html",
        "en/notebooks/training/index.html",
    } <= set(with_math)
    assert "index.html" not in with_math  # the home page has no formula
    assert not list(built_site.rglob("*mathjax*")) and not list(
        built_site.rglob("*.woff*")
    )


def test_a_failing_code_block_fails_the_build_and_names_the_page(
    tmp_path: Path,
) -> None:
    # A copy of the project with only the home pages (fast to build).
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        nav = text.index("\nnav:")
        (copy / name).write_text(text[:nav] + "\nnav:\n  - index.md\n", "utf-8")
    for name in ("overrides", "scripts"):
        shutil.copytree(ROOT / name, copy / name)
    for lang in ("pt", "en"):
        (copy / "docs" / lang).mkdir(parents=True)
        shutil.copy(ROOT / "docs" / lang / "index.md", copy / "docs" / lang)
    page = copy / "docs" / "pt" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n```python exec="on"\nraise ValueError("injected failure")\n```\n',
        encoding="utf-8",
    )
    result = run_build(tmp_path / "site", cwd=copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "injected failure" in output
    assert "docs/pt/index.md: markdown_exec" in output, output
