"""scripts/website.py: what ``make serve`` rebuilds after an edit.

Run on a copy of the project trimmed to a home page and a small notebook per
language (the machinery is under test, not the content).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.test_notebooks import SMALL_NOTEBOOK

EDIT = """
import json, sys, time
sys.path.insert(0, "scripts")
import website
from pathlib import Path

site = Path(sys.argv[1])
website.build_all(site)
import os
shared = os.environ.get("SNIPPETS_SHARED_DIR")  # for the full build only
left = [p.name for p in site.parent.iterdir() if p.name.startswith(".en-build-")]
since = time.time()
time.sleep(0.05)
page = Path("docs/en/index.md")
page.write_text(page.read_text() + "\\nAn edited line.\\n")
langs = website.rebuild_changed(site, since)
cache = sorted(p.name for p in Path(".cache/notebooks").rglob("*.json"))
print(json.dumps({"langs": langs, "cache": cache, "shared": shared, "left": left}))
"""


def test_an_edit_rebuilds_its_language_and_keeps_the_notebook_outputs(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "project"
    for name in ("overrides", "scripts", "snippets"):
        shutil.copytree(ROOT / name, copy / name)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        nav = "\nnav:\n  - index.md\n  - notebooks/training.py\n"
        (copy / name).write_text(text[: text.index("\nnav:")] + nav, "utf-8")
    for lang in ("pt", "en"):
        (copy / "docs" / lang / "notebooks").mkdir(parents=True)
        (copy / "docs" / lang / "index.md").write_text("# Home\n", encoding="utf-8")
        notebook = copy / "docs" / lang / "notebooks" / "training.py"
        notebook.write_text(SMALL_NOTEBOOK, encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-c", EDIT, str(site)],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["langs"] == ["en"], "only the edited language is rebuilt"
    # The folder the two languages shared (scripts/sharing.py) is gone, and later
    # rebuilds do not look for it.
    assert report["shared"] is None and report["left"] == [], report
    assert "An edited line." in (site / "en" / "index.html").read_text("utf-8")
    assert (site / "index.html").is_file(), "the other language is left in place"
    # The dirty rebuild rendered only the edited page; the notebooks' cached
    # outputs of both languages must survive it (mkdocs-jupyter evicts unused ones).
    assert len(report["cache"]) == 2, report


def test_the_cost_measurement_is_kept_between_builds(tmp_path, monkeypatch) -> None:
    """website.py times the activations once per machine and version of snippets/:
    a second build reads the kept file (its blocks that print costs then come from
    the block cache), a changed key measures again and drops the old file, and
    without a block cache each build measures into its own folder."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import website

    from snippets import tables

    calls = []

    def layer_costs(names, repeats):
        calls.append(repeats)
        return {"functions": {}, "run": len(calls)}

    monkeypatch.setattr(tables, "layer_costs", layer_costs)
    monkeypatch.setenv("SNIPPETS_BLOCK_CACHE", str(tmp_path / "blocks"))
    # website.py sets the variable itself: recorded first, so that it is undone
    monkeypatch.setenv(tables.COST_FILE_VARIABLE, "")
    monkeypatch.delenv(tables.COST_FILE_VARIABLE)
    for build in (1, 2):
        website._measure_costs_once(tmp_path / f"tmp{build}")
        assert tables.measured_costs()["run"] == 1
    assert len(calls) == 1
    kept = list((tmp_path / "blocks").glob("costs-*.json"))
    assert len(kept) == 1

    monkeypatch.setattr(website, "ROOT", tmp_path)  # another snippets/: another key
    (tmp_path / "snippets").mkdir()
    website._measure_costs_once(tmp_path / "tmp3")
    assert len(calls) == 2 and tables.measured_costs()["run"] == 2
    assert [p.name for p in (tmp_path / "blocks").glob("costs-*.json")] != kept

    monkeypatch.setenv("SNIPPETS_BLOCK_CACHE", "")
    (tmp_path / "tmp4").mkdir()
    website._measure_costs_once(tmp_path / "tmp4")
    assert (tmp_path / "tmp4" / "costs.json").is_file() and len(calls) == 3
    tables.measured_costs.cache_clear()  # the next caller measures for real


def test_english_reads_the_pages_that_train_first_from_the_last(
    monkeypatch, tmp_path
) -> None:
    """In a full build the English process reads the pages that train first, from
    the last to the first, then the others from the last (hooks.py, section 14):
    the two processes do not reach the same training run at once, and the training
    is split between them; the pages read are the same."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import hooks
    from mkdocs.structure.files import File, Files

    sources = {
        "a": "# A\n\nNo training here.",
        "b": "```python\nfrom snippets.nn import MLP, train\n```",
        "c": "Text only.",
        "d": "```python\nfrom snippets.experiments import rate_sweep\n```",
        "e": "snippets.nnx is another name",
    }
    for name, text in sources.items():
        (tmp_path / f"{name}.md").write_text(text)
    files = Files([File(f"{n}.md", str(tmp_path), "site", True) for n in sources])
    monkeypatch.delenv(hooks.PAGE_ORDER_VARIABLE, raising=False)
    assert hooks.on_files(files, None) is files  # outside a full build

    monkeypatch.setenv(hooks.PAGE_ORDER_VARIABLE, "reversed")  # English
    read = hooks.on_files(files, None).documentation_pages()
    assert [f.src_uri[0] for f in read] == ["d", "b", "e", "c", "a"]
