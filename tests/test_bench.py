"""What ``make bench`` measures: one page of every kind (scripts/page_kinds.py),
served gzipped as GitHub Pages serves it (scripts/bench.py). The measurements
themselves are the bench's, not the tests' (a busy machine must not fail them)."""

from __future__ import annotations

import gzip
import re
import urllib.request
from pathlib import Path

from scripts import bench
from scripts.page_kinds import HEAVIER, LANGUAGES, PAGE_KINDS, kind_of, sample_pages
from tests.browser_tour import site_pages


def test_every_page_is_of_a_kind_and_every_kind_is_measured(built_site: Path) -> None:
    pages = site_pages(built_site)
    unknown = [p for p in pages if kind_of(p) is None]
    assert not unknown, (
        f"pages of no kind: {unknown}; give their kind, and the page that stands "
        "for it, in scripts/page_kinds.py (PAGE_KINDS)"
    )
    kinds = {kind_of(p) for p in pages}
    assert kinds == set(PAGE_KINDS), set(PAGE_KINDS) - kinds
    sampled = sample_pages()
    assert len(sampled) == len(PAGE_KINDS) * len(LANGUAGES)
    for kind, path in sampled:
        assert path in pages and kind_of(path) == kind, (kind, path)


def _elements(site: Path, path: str) -> int:
    return len(
        re.findall(r"<[a-zA-Z]", (site / path / "index.html").read_text("utf-8"))
    )


def test_the_page_standing_for_each_kind_is_its_heaviest(built_site: Path) -> None:
    """A page measured for its kind is not lighter than the others of its kind
    (by elements, what a phone's main thread pays for), so no heavy page goes
    unmeasured; give a page that grew the place of its kind's sample."""
    heavier = []
    for kind, path in sample_pages():
        weight = _elements(built_site, path)
        for page in site_pages(built_site):
            same_language = page.startswith("en/") == path.startswith("en/")
            if not same_language or kind_of(page) != kind:
                continue
            if _elements(built_site, page) > HEAVIER * weight:
                heavier.append(
                    f"/{page} ({_elements(built_site, page)} elements) is "
                    f"heavier than /{path} ({weight}), the {kind}'s sample"
                )
    assert not heavier, "\n".join(heavier)


def test_the_bench_serves_text_gzipped(tmp_path: Path) -> None:
    page = "<p>" + "activation " * 500 + "</p>"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "f.png").write_bytes(b"\x89PNG" + bytes(100))
    httpd, base = bench._serve(tmp_path)
    try:
        gzipped = urllib.request.Request(
            base + "a/", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(gzipped) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode() == page
        with urllib.request.urlopen(base + "a/") as response:  # a client without gzip
            assert response.headers["Content-Encoding"] is None
        image = urllib.request.Request(
            base + "f.png", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(image) as response:  # images go as they are
            assert response.headers["Content-Encoding"] is None
    finally:
        httpd.shutdown()
        httpd.server_close()
