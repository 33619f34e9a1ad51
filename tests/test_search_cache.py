"""scripts/search_cache.py: a page's search entries, kept between builds, are the
entries Material's search plugin makes from it, and only while the page is the same."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import search_cache
from material.plugins.search.plugin import SearchIndex

HTML = """<h1 id="title">Título</h1><p>Uma frase sobre a <em>ReLU</em>.</p>
<h2 id="second">Segunda seção</h2><p>Outra frase, com <code>np.tanh</code>.</p>"""


def page(content: str = HTML):
    item = lambda id, children=(): SimpleNamespace(  # noqa: E731
        id=id, url=f"#{id}", children=list(children)
    )
    return SimpleNamespace(
        meta={},
        content=content,
        url="relu/",
        title="ReLU",
        toc=[item("title", [item("second")])],
    )


@pytest.fixture
def index():
    yield SearchIndex(lang=["pt"], separator=r"[\s\-]+")
    search_cache.install(None)


def fresh(content: str = HTML) -> list[dict]:
    search_cache.install(None)
    made = SearchIndex(lang=["pt"], separator=r"[\s\-]+")
    made.add_entry_from_context(page(content))
    return made.entries


def test_kept_entries_are_the_plugins_own(index, tmp_path) -> None:
    expected = fresh()
    assert [e["location"] for e in expected] == ["relu/", "relu/#second"]
    search_cache.install(tmp_path)
    index.add_entry_from_context(page())  # made, then kept
    assert index.entries == expected and len(list(tmp_path.glob("search-*.json"))) == 1
    again = SearchIndex(lang=["pt"], separator=r"[\s\-]+")
    again.add_entry_from_context(page())  # read back
    assert again.entries == expected


def test_a_changed_page_is_read_again(index, tmp_path) -> None:
    search_cache.install(tmp_path)
    index.add_entry_from_context(page())
    changed = HTML.replace("Outra frase", "Uma frase nova")
    second = SearchIndex(lang=["pt"], separator=r"[\s\-]+")
    second.add_entry_from_context(page(changed))
    assert second.entries == fresh(changed) != fresh()
    assert len(list(tmp_path.glob("search-*.json"))) == 2


def test_without_a_folder_the_plugin_reads_every_page(index, tmp_path) -> None:
    search_cache.install(tmp_path)
    search_cache.install(None)
    assert not hasattr(SearchIndex.add_entry_from_context, "__wrapped__")
    index.add_entry_from_context(page())
    assert index.entries == fresh() and not list(tmp_path.iterdir())
