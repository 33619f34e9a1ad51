"""The offline copy (``make offline``) works opened from disk, with no server.

Built from a copy of the project trimmed to a small home page plus one small page
per language (the machinery, not the content, is under test here):
pages load from ``file://``, the language switcher lands on the same page, search
answers in the page's language, formulas and figures render, and nothing is
requested from outside the folder.

The copy is built as on a reader's machine, told neither the site's address nor
the repository (CI's variables are removed): its pages name no address in another
language, and the home page keeps the clone command's placeholder and shows no
repository link (the test build, told both, is checked in test_hosting.py).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from scripts.hosting import CLONE_PLACEHOLDERS
from tests.background import HOSTING
from tests.conftest import ROOT, run_build

PAGES = ["index.md", "activations/sigmoid.md", "playground.md"]
SMALL_PAGE = """# {title}

A formula, \\(\\sigma(x) = 1 / (1 + e^{{-x}})\\), a figure and a [link](../index.md).

```python exec="on" html="1"
from snippets.figures import activation_plot
from snippets.publish import show

show(activation_plot, "sigmoid", lang="{lang}")
```
"""
SMALL_HOME = """# {title}

A home page that links to [a small page](activations/sigmoid.md), with the real
one's clone command (its placeholders stay: the copy knows no repository).

```console
$ git clone {address} && cd {folder}
```
"""
# The playground's explorer: its figures and its script are loaded from disk too.
EXPLORER_PAGE = """# {title}

```python exec="on" html="1"
from snippets.playground import show_playground

show_playground(lang="{lang}")
```
"""


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("offline-project")
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        nav = "".join(f"  - {page}\n" for page in PAGES)
        (copy / name).write_text(
            text[: text.index("\nnav:")] + "\nnav:\n" + nav, "utf-8"
        )
    for name in ("overrides", "scripts"):
        shutil.copytree(ROOT / name, copy / name)
    for lang, title in (("pt", "Sigmoide"), ("en", "Sigmoid")):
        (copy / "docs" / lang / "activations").mkdir(parents=True)
        # The real home page links to the whole course: a small one stands in.
        address, folder = CLONE_PLACEHOLDERS[lang]
        start = "Início" if lang == "pt" else "Home"
        home = SMALL_HOME.format(title=start, address=address, folder=folder)
        (copy / "docs" / lang / "index.md").write_text(home, "utf-8")
        small = SMALL_PAGE.format(title=title, lang=lang)
        (copy / "docs" / lang / "activations" / "sigmoid.md").write_text(small, "utf-8")
        explorer = EXPLORER_PAGE.format(title="Playground", lang=lang)
        (copy / "docs" / lang / "playground.md").write_text(explorer, "utf-8")
    site = copy / "site-offline"
    env = {k: v for k, v in os.environ.items() if k not in HOSTING}
    result = run_build(site, "--offline", cwd=copy, env=env)
    if result.returncode != 0:
        pytest.fail(f"offline build failed:\n{result.stdout}\n{result.stderr}")
    return site


def test_offline_pages_are_files(offline_site: Path) -> None:
    assert (offline_site / "activations" / "sigmoid.html").is_file()
    assert (offline_site / "en" / "activations" / "sigmoid.html").is_file()
    assert (offline_site / "search" / "search_index.js").is_file()  # inlined index
    html = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "https://" not in html.split("<body")[0]


def test_without_the_settings_no_alternates_and_no_repository(offline_site) -> None:
    for page in ("index.html", "en/index.html", "en/activations/sigmoid.html"):
        html = (offline_site / page).read_text(encoding="utf-8")
        assert "hreflang" not in html.split("<body")[0], page
        assert "github.com" not in html, page
    for page, placeholder in (
        ("index.html", "git clone &lt;endereço do repositório&gt;"),
        ("en/index.html", "git clone &lt;repository address&gt;"),
    ):
        text = re.sub(r"<[^>]+>", "", (offline_site / page).read_text("utf-8"))
        assert placeholder in text, page


def test_offline_copy_works_from_disk(browser, offline_site: Path) -> None:
    root = offline_site.as_uri() + "/"
    page = browser.new_page()
    outside, errors = [], []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None
        ),
    )
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(root + "activations/sigmoid.html")
        formula = page.locator("article math").first  # MathML, typeset natively
        assert (formula.bounding_box() or {}).get("width", 0) > 50
        assert page.evaluate(
            "[...document.querySelectorAll('.snippets-figure img.only-light')]"
            ".every(i => i.complete && i.naturalWidth > 0)"
        )
        page.click(".md-header__option .md-select button", force=True)
        page.click('a.md-select__link[hreflang="en"]', force=True)
        page.wait_for_load_state("load")
        assert page.url == root + "en/activations/sigmoid.html"
        page.keyboard.press("s")  # Material's shortcut to the search box
        page.keyboard.type("sigmoid")
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=15_000)
        hrefs = results.evaluate_all("els => els.map(e => e.href)")
        assert hrefs and all(h.startswith(root + "en/") for h in hrefs), hrefs
    finally:
        page.close()
    assert not outside, f"requests left the folder: {outside}"
    assert not errors, f"console errors: {errors}"


def test_offline_explorer_works_from_disk(browser, offline_site: Path) -> None:
    """The playground's controls, from file://: the script loads, a control moved
    by keyboard shows another combination's figure, which loads from disk."""
    root = offline_site.as_uri() + "/"
    page = browser.new_page()
    outside, errors = [], []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None
        ),
    )
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    training = "#explorer-playground img[data-panel=training].only-light"
    loaded = f"() => {{ const i = document.querySelector('{training}'); "
    loaded += "return i.complete && i.naturalWidth > 0; }"
    try:
        page.goto(root + "en/playground.html")
        page.wait_for_function(loaded)
        before = page.get_attribute(training, "src")
        page.focus("#explorer-playground-rate")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(loaded)
        after = page.get_attribute(training, "src")
        assert after != before and after.startswith("assets/figures/"), after
    finally:
        page.close()
    assert not outside, f"requests left the folder: {outside}"
    assert not errors, f"console errors: {errors}"
