"""Search entries kept between builds, for scripts/hooks.py (its section 13).

Material's search plugin reads the HTML of every page again at every build
(Python's HTMLParser over some 5 MB per language, about a second of a warm build
for each). A page whose HTML, address, title, table of contents and search
settings are the same as at an earlier build gets the same entries, so they are
kept, as JSON, beside the block cache (``.cache/blocks/<lang>/search-<key>.json``,
``key`` hashing all of those and Material's version), and a full build forgets the
ones it did not use, as it does the blocks (scripts/website.py). With the block
cache off (``SNIPPETS_BLOCK_CACHE=""``, as in the tests) every page is read.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path


def _toc(items) -> list:
    return [[item.id, item.url, _toc(item.children)] for item in items]


def page_key(index, page) -> str:
    """What the entries of ``page`` depend on, hashed."""
    meta = {name: page.meta.get(name) for name in ("title", "tags", "search")}
    parts = [version("mkdocs-material"), index.config, page.url, str(page.title)]
    parts += [meta, _toc(page.toc), page.content]
    text = json.dumps(parts, default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def install(folder: Path | None) -> None:
    """Wrap the search index's ``add_entry_from_context`` to keep each page's
    entries in ``folder`` (``None``: no cache, Material's own method)."""
    from material.plugins.search.plugin import SearchIndex

    method = SearchIndex.add_entry_from_context
    original = getattr(method, "__wrapped__", method)
    if folder is None:
        SearchIndex.add_entry_from_context = original
        return

    @functools.wraps(original)
    def add_entry_from_context(self, page) -> None:
        kept = folder / f"search-{page_key(self, page)}.json"
        if kept.is_file():
            self.entries.extend(json.loads(kept.read_text(encoding="utf-8")))
            kept.touch()  # in use: kept by scripts/website.py
            return
        first = len(self.entries)
        original(self, page)
        folder.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.tmp")  # readers never see
        partial.write_text(json.dumps(self.entries[first:]), encoding="utf-8")
        partial.replace(kept)  # half a file

    SearchIndex.add_entry_from_context = add_entry_from_context
