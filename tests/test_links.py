"""Gate: every internal link and anchor of the built site resolves, both languages.

MkDocs' strict ``validation:`` checks the Markdown links of each language; this
checks the HTML actually written (theme, language switcher, links printed by
build-time code, cross-language links), with ``scripts/check_links.py``. External
links are listed in ``<site>/external-links.txt``, never fetched. The PDFs, which
``make pdf`` writes after the build, are the one thing the build may link to
without having it (``PUBLISHED_LATER``; tests/test_pdf.py checks that the home
pages' links name what ``make pdf`` writes).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from scripts import check_links
from scripts.pdf_hooks import PUBLISHED_LATER
from tests.background import HOSTING


def test_internal_links_and_anchors_resolve(built_site: Path) -> None:
    root = urlsplit(HOSTING["SITE_URL"]).path  # the test build's address
    problems, external = check_links.check(built_site, root, PUBLISHED_LATER)
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


def test_only_the_files_written_later_may_be_missing(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<a href="pdf/book.pdf">book</a> <a href="pdf/other.pdf">other</a>', "utf-8"
    )
    problems, _ = check_links.check(tmp_path, later={"pdf/book.pdf"})
    assert [p.split(": ", 1)[1] for p in problems] == [
        "'pdf/other.pdf' -> no such file"
    ]
    problems, _ = check_links.check(tmp_path)
    assert len(problems) == 2  # without being told, a missing PDF is a broken link


def test_the_checker_finds_an_id_given_twice(tmp_path: Path) -> None:
    """Two code blocks numbering their lines from the same anchor gave one id to
    several elements of a page: a link to it cannot say which one it means."""
    (tmp_path / "index.html").write_text(
        '<a id="l1" name="l1" href="#l1"></a>\n<span id="l1"></span><p id="ok"></p>',
        encoding="utf-8",
    )
    problems, _ = check_links.check(tmp_path)
    assert problems == ["index.html:2: id 'l1' given to two elements"]
