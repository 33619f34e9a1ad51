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
        "index.html",
        "en/index.html",
    } <= set(with_math)
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


CACHE_PAGE = """# Início

```python exec="on"
from pathlib import Path

runs = Path({runs!r})
runs.write_text(runs.read_text() + "{name} " if runs.exists() else "{name} ")
print("{name} ran")
```

```python exec="on" html="1"
from snippets.figures import activation_plot
from snippets.publish import show

show(activation_plot, "relu", lang="pt")
```

```python exec="on"
from pathlib import Path

from snippets.tables import measured_costs

runs = Path({runs!r})
runs.write_text(runs.read_text() + "cost ")
print(f"{{measured_costs()['functions']['gelu']['registry']['relative']:.3f}}")
```
"""


def test_block_outputs_are_cached_by_code_and_package(tmp_path: Path) -> None:
    """A block whose code, package sources and versions are unchanged is not run
    again: its output and its figures come from the cache; a changed block, or any
    change to snippets/, runs again; a block that read the cost measurement runs
    again when the measurement changes (at every build made by website.py). Each
    build here is given a measurement of its own through ``SNIPPETS_COST_FILE``,
    as website.py gives its two languages theirs, instead of timing the
    activations four times (0.7 CPU-seconds each): the block shows the new one."""
    import json
    import os
    import subprocess
    import sys

    from snippets.tables import COST_FILE_VARIABLE

    copy = tmp_path / "project"
    for name in ("overrides", "scripts", "snippets"):
        shutil.copytree(ROOT / name, copy / name)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (copy / "mkdocs.yml").write_text(text[: text.index("\nnav:")] + "\n", "utf-8")
    page = copy / "docs" / "pt" / "index.md"
    page.parent.mkdir(parents=True)
    runs = tmp_path / "runs.txt"
    costs = tmp_path / "costs.json"
    env = dict(os.environ, SNIPPETS_BLOCK_CACHE=str(tmp_path / "blocks"))
    env[COST_FILE_VARIABLE] = str(costs)
    measured = iter([1.25, 2.5, 3.75, 5.0])  # a new measurement at every build

    def build(name: str) -> str:
        page.write_text(CACHE_PAGE.format(runs=str(runs), name=name), "utf-8")
        relative = next(measured)
        gelu = {"registry": {"relative": relative}}
        costs.write_text(json.dumps({"functions": {"gelu": gelu}}), "utf-8")
        site = tmp_path / "site"
        command = [sys.executable, "scripts/website.py", "build-language", "pt"]
        result = subprocess.run(
            [*command, "--site-dir", str(site)],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        html = (site / "index.html").read_text(encoding="utf-8")
        figures = re.findall(r'src="assets/figures/([0-9a-f]+\.svg)"', html)
        assert figures and all((site / "assets/figures" / f).is_file() for f in figures)
        assert f"{relative:.3f}" in html, (
            "the cost block shows this build's measurement"
        )
        return html

    build("a")
    assert runs.read_text() == "a cost ", "the first build runs every block"
    again = build("a")
    assert "a ran" in again
    # Unchanged: read from the cache; but the cost block read this build's new
    # measurement (each build measures again), so it ran again.
    assert runs.read_text() == "a cost cost "
    build("b")
    assert runs.read_text() == "a cost cost b cost ", "changed code runs again"
    with (copy / "snippets" / "datasets.py").open("a", encoding="utf-8") as file:
        file.write("\n# an edit to the package\n")
    build("b")
    assert runs.read_text().endswith("b cost b cost "), "snippets/ changed: run again"
