"""Every page exists in both languages, every registered activation has its page."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.terminology import nav_order
from snippets.activations import names

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CONFIGS = {"pt": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}


def _pages(lang: str) -> set[str]:
    root = DOCS / lang
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.suffix in {".md", ".py", ".ipynb"} and p.is_file()
    }


def test_both_languages_have_the_same_pages() -> None:
    pt, en = _pages("pt"), _pages("en")
    assert not pt - en, f"pages without an English version: {sorted(pt - en)}"
    assert not en - pt, f"pages without a Portuguese version: {sorted(en - pt)}"


def test_navs_list_the_same_files_in_the_same_order() -> None:
    assert nav_order("pt") == nav_order("en")


@pytest.mark.parametrize("name", names())
@pytest.mark.parametrize("lang", ["pt", "en"])
def test_every_registered_activation_has_its_page(name: str, lang: str) -> None:
    page = DOCS / lang / "activations" / f"{name}.md"
    assert page.is_file(), f"add {page.relative_to(ROOT)} (copy a sibling page)"
    assert f"activations/{name}.md" in nav_order(lang), (
        f"list activations/{name}.md in the nav of {CONFIGS[lang].name}"
    )
    text = page.read_text(encoding="utf-8")
    for call in (f'formulas("{name}"', f'card("{name}"', f'"{name}", lang='):
        assert call in text, f"{page.relative_to(ROOT)} does not call {call}...)"


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_no_placeholder_page_is_left(lang: str) -> None:
    left = [
        p.relative_to(ROOT).as_posix()
        for p in (DOCS / lang).rglob("*.md")
        if "PLACEHOLDER" in p.read_text(encoding="utf-8")
    ]
    assert not left, f"placeholder pages: {left}"


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_the_course_order(lang: str) -> None:
    """Properties before the catalogue: every card uses the measures they explain."""
    files = nav_order(lang)
    assert len(files) == len(set(files)), "a page is listed twice"
    where = files.index
    course = ["index.md", "neuron.md", "linearity.md", "activations/index.md"]
    course += ["backprop.md", "output-layer.md", "properties/index.md"]
    course += ["initialisation.md", "normalisation.md"]
    assert [where(page) for page in course] == sorted(where(page) for page in course)
    catalogue = [where(f"activations/{name}.md") for name in names()]
    assert where("normalisation.md") < min(catalogue)
    assert where("activations/gated.md") == max(catalogue) + 1
    assert max(catalogue) < where("choosing.md") < where("cheatsheet.md")
