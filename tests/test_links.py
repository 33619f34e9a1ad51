"""Gate: every internal link and anchor of the built site resolves, both languages.

MkDocs' strict ``validation:`` checks the Markdown links of each language; this
checks the HTML actually written (theme, language switcher, links printed by
build-time code, cross-language links), with ``scripts/check_links.py``. External
links are listed in ``<site>/external-links.txt``, never fetched.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from scripts import check_links
from tests.background import HOSTING


def test_internal_links_and_anchors_resolve(built_site: Path) -> None:
    root = urlsplit(HOSTING["SITE_URL"]).path  # the test build's address
    problems, external = check_links.check(built_site, root)
    report = check_links.external_report(external)
    (built_site / "external-links.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    assert not problems, f"{len(problems)} broken links or anchors:\n" + "\n".join(
        problems
    )


def test_the_checker_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#x">ok</a> <a href="a/#y">bad anchor</a> <a href="b/">bad</a>'
        '<img src="a/fig.svg"> <a href="https://example.org/">out</a>',
        encoding="utf-8",
    )
    problems, external = check_links.check(tmp_path)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "'a/#y' -> no id 'y' in a/index.html",
        "'b/' -> no such file",
        "'a/fig.svg' -> no such file",
    ]
    assert list(external) == ["https://example.org/"]
