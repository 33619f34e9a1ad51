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
    # The math renderer is served from the site itself.
    assert (built_site / "assets" / "mathjax" / "tex-chtml.js").is_file()
    assert (built_site / "en" / "assets" / "mathjax" / "tex-chtml.js").is_file()


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
