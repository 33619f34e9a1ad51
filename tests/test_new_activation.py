"""Adding an activation function is one registry entry (plus its two pages).

In a temporary copy of the project, a throwaway function is registered with one
entry at the end of ``snippets/activations/registry.py``; then, without touching anything
else, it appears in the catalogue index, the comparison table, the property card,
the figures, and the parametrised tests, and the page test asks for its pages and
the cheat sheet's test for its strengths and flaws.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENTRY = """

# --- a throwaway entry, added by tests/test_new_activation.py --------------- #
_REGISTRY["half_relu"] = _Entry(
    lambda x: 0.5 * formulas.relu(x),
    lambda x: 0.5 * formulas.d_relu(x),
    Meta(
        display={"pt": "Meia ReLU", "en": "Half ReLU"},
        latex=r"f(x) = \\tfrac{1}{2}\\max(0, x)",
        latex_derivative=r"f'(x) = \\tfrac{1}{2}[x > 0]",
        output_range=(0.0, float("inf")),
        differentiability="kinks",
        kinks=(0.0,),
        monotonic=True,
        bounded_above=False,
        bounded_below=True,
        origin="nair2010",
        kink_convention=_kc("x = 0", "0"),
    ),
)
"""
CHECK = """
from snippets.activations import get, names
from snippets.figures import activation_plot
from snippets.properties import property_card
from snippets.tables import card, catalogue_index, comparison

row = {"relative": 1.0, "share": 0.01}
costs = {"functions": {n: {"registry": row, "fast": row} for n in names()}}
assert names()[-1] == "half_relu"
assert get("half_relu")(4.0) == 2.0
assert "[Meia ReLU](half_relu.md)" in catalogue_index("pt")
assert "[Half ReLU](activations/half_relu.md)" in comparison("en", cost=costs)
assert "0,5000" in card("half_relu", "pt", cost=costs)  # max |f'| = 1/2
assert abs(property_card("half_relu")["mean"] - 0.5 / (2 * 3.141592653589793) ** 0.5) < 1e-9
assert "half relu" in activation_plot("half_relu", lang="en").alt_text.lower()
print("ok")
"""


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    for name in ("snippets", "scripts", "tests", "docs"):
        shutil.copytree(
            ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    for name in ("conftest.py", "pyproject.toml", "mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, root / name)
    with (root / "snippets" / "activations" / "registry.py").open(
        "a", encoding="utf-8"
    ) as source:
        source.write(textwrap.dedent(ENTRY))
    return root


def _run(copy: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(copy))  # the copy's snippets come first
    return subprocess.run(
        [sys.executable, *args],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _pytest(copy: Path, *args: str) -> subprocess.CompletedProcess:
    """pytest in the copy, on the tests named ``half_relu``."""
    return _run(
        copy, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args, "-k", "half_relu"
    )


def test_one_entry_reaches_tables_cards_and_figures(copy: Path) -> None:
    result = _run(copy, "-c", CHECK)
    assert result.stdout.strip() == "ok", result.stderr


def test_the_parametrised_tests_pick_it_up(copy: Path) -> None:
    result = _pytest(copy, "--collect-only", "tests/test_activations.py")
    collected = [line for line in result.stdout.splitlines() if "half_relu" in line]
    assert len(collected) >= 8, result.stdout[-2000:]


@pytest.fixture(scope="module")
def asking(copy: Path) -> subprocess.CompletedProcess:
    """The page test and the cheat sheet's test in the copy, in one pytest run."""
    return _pytest(copy, "tests/test_pages.py", "tests/test_cheatsheet.py")


def test_the_page_test_asks_for_its_pages(asking) -> None:
    assert "FAILED tests/test_pages.py::" in asking.stdout, asking.stdout[-2000:]
    assert "add docs/pt/activations/half_relu.md" in asking.stdout
    assert "add docs/en/activations/half_relu.md" in asking.stdout


def test_the_cheatsheet_test_asks_for_its_strengths_and_flaws(asking) -> None:
    assert "FAILED tests/test_cheatsheet.py::" in asking.stdout, asking.stdout[-2000:]
    assert "add NOTES['half_relu']" in asking.stdout
