"""The PDFs (``make pdf``, scripts/pdf.py and scripts/pdf_hooks.py).

* The site's own build is untouched by the print-site plugin: no print page, no
  stylesheet or script of its own, no navigation entry; the plugin is on only when
  ``SITE_PDF`` says so. The home pages link to the PDFs where ``make pdf`` writes
  them.
* The Portuguese PDF, made in the background as ``make pdf`` makes it
  (tests/background.py, job ``pdf``: a build of the print page from the first
  build's block outputs, then Chromium; some 25 CPU-seconds), read with pypdf:
  its size, language and title, every page of the navigation in its order, the
  first page of a few chapters, the figures, the links inside the document. The
  print page it was printed from is checked too: every figure of the site, in
  the light scheme only, and every collapsed answer open.
* The English PDF goes through the same code, with ``lang="en"``: the last tests
  check that ``make_pdfs`` takes the same steps for both languages and that the
  English configuration turns the same plugin on, with its own words.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import pytest

from scripts import pdf
from scripts.pdf_hooks import (
    PDF_NAMES,
    PRINT_CSS_URL,
    PUBLISHED_LATER,
    print_page_for_paper,
)
from tests.conftest import ROOT

SITE_NAME = {"pt": "Funções de ativação", "en": "Activation functions"}
TOC_TITLE = {"pt": "Sumário", "en": "Contents"}


def _html_pages(site: Path, lang: str) -> list[Path]:
    """The HTML files of one language of a built site."""
    pages = sorted((site / pdf.LANGUAGE_ROOT[lang]).rglob("*.html"))
    if lang == "pt":
        pages = [p for p in pages if p.relative_to(site).parts[0] != "en"]
    return pages


# --- The site's own build ----------------------------------------------------- #
def test_the_site_build_carries_nothing_of_the_plugin(built_site: Path) -> None:
    for lang in PDF_NAMES:
        root = built_site / pdf.LANGUAGE_ROOT[lang]
        for made_by_plugin in ("print_page", "css", "js", "pdf"):
            assert not (root / made_by_plugin).exists(), root / made_by_plugin
        assert not (root / PRINT_CSS_URL).exists()
        for page in _html_pages(built_site, lang):
            html = page.read_text(encoding="utf-8")
            assert "print-site" not in html and "print_page" not in html, page


def test_the_plugin_is_on_only_for_make_pdf(monkeypatch) -> None:
    from mkdocs.config import load_config

    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        monkeypatch.delenv("SITE_PDF", raising=False)
        config = load_config(str(ROOT / name))
        assert config.plugins["print-site"].config["enabled"] is False
        monkeypatch.setenv("SITE_PDF", "true")
        config = load_config(str(ROOT / name))
        plugin = config.plugins["print-site"].config
        assert plugin["enabled"] is True
        lang = "pt" if name == "mkdocs.yml" else "en"
        assert plugin["toc_title"] == TOC_TITLE[lang]
        assert config.site_name == SITE_NAME[lang]
        assert (ROOT / plugin["cover_page_template"]).is_file()


def test_the_home_pages_link_to_where_make_pdf_writes(built_site: Path) -> None:
    for lang in PDF_NAMES:
        home = built_site / pdf.LANGUAGE_ROOT[lang] / "index.html"
        links = re.findall(r'href="([^"]+\.pdf)"', home.read_text(encoding="utf-8"))
        assert len(links) == 1, links
        base = "http://site.invalid/" + pdf.LANGUAGE_ROOT[lang]
        where = urljoin(base, links[0]).removeprefix("http://site.invalid/")
        written = pdf.pdf_path(Path("/site"), lang).relative_to("/site").as_posix()
        assert where == written
        assert where in PUBLISHED_LATER  # what scripts/check_links.py is told


def test_the_print_page_is_made_for_paper() -> None:
    html = (
        "<html><head><title>Print Site - X</title></head><body>"
        '<img src="a.svg" class="only-light" loading="lazy">'
        '<img src="b.svg" class="only-dark" loading="lazy">'
        '<details class="success"><summary>A</summary>1</details>'
        '<details class="note" open><summary>B</summary>2</details>'
        "code</body></html>"
    )
    out = print_page_for_paper(html, "Funções & ativação", "../print.css")
    assert "<title>Funções &amp; ativação</title>" in out
    assert "a.svg" in out and "b.svg" not in out and "lazy" not in out
    assert out.count("<details") == out.count(" open>") == 2
    assert "code</body>" in out
    assert '<link rel="stylesheet" href="../print.css">\n</head>' in out


# --- The Portuguese PDF, made as make pdf makes it ---------------------------- #
@pytest.fixture(scope="module")
def book(pdf_job: Path):
    from pypdf import PdfReader

    return PdfReader(pdf.pdf_path(pdf_job / "site", "pt"))


def _text(reader, index: int) -> str:
    """A page's text: ligatures undone (ﬁ -> fi), spaces collapsed."""
    text = unicodedata.normalize("NFKC", reader.pages[index].extract_text())
    return re.sub(r"\s+", " ", text)


@functools.cache
def _nav(lang: str = "pt") -> dict[str, str]:
    """Each page of the navigation, in its order: the id print-site gives it in the
    print page (``activations-sigmoid``) and its address (``activations/sigmoid/``)."""
    from mkdocs.config import load_config

    def files(items):
        for item in items:
            if isinstance(item, dict):
                yield from files(item.values())
            elif isinstance(item, list):
                yield from files(item)
            else:
                yield item

    name = "mkdocs.yml" if lang == "pt" else "mkdocs.en.yml"
    pages = {}
    for source in files(load_config(str(ROOT / name)).nav):
        stem = re.sub(r"\.(md|py)$", "", source).removesuffix("index").strip("/")
        url = f"{stem}/" if stem else ""
        pages[stem.replace("/", "-") or "index"] = url
    return pages


def _first_pages(reader) -> dict[str, int]:
    """The page (0-based) where each page of the navigation starts, in its order."""
    dests = reader.named_destinations
    return {key: reader.get_destination_page_number(dests[f"/{key}"]) for key in _nav()}


def test_the_pdf_is_a_book_in_the_pages_language(book) -> None:
    assert 150 <= len(book.pages) <= 600, len(book.pages)
    assert book.trailer["/Root"]["/Lang"] == "pt-BR"
    assert book.metadata.title == SITE_NAME["pt"]
    assert SITE_NAME["pt"] in _text(book, 0)  # the cover
    assert TOC_TITLE["pt"] in _text(book, 1)  # then the table of contents
    assert len(book.outline) > 10  # headings as bookmarks


def test_every_page_of_the_navigation_in_its_order(book, built_site: Path) -> None:
    first = _first_pages(book)
    order = list(first.values())
    assert order == sorted(order) and len(set(order)) == len(order), first
    # The first page of a few chapters: the page's title and its opening words,
    # as the site shows them.
    for key, url in [
        ("neuron", "neuron/"),
        ("activations-sigmoid", "activations/sigmoid/"),
        ("notebooks-training", "notebooks/training/"),
        ("properties-cost", "properties/cost/"),
        ("api", "api/"),
    ]:
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article") :]
        title = re.search(r"<h1[^>]*>(.*?)<", article, re.S).group(1).strip()
        opening = re.sub(r"<[^>]+>", "", re.search(r"<p>(.*?)</p>", article, re.S)[1])
        words = " ".join(unicodedata.normalize("NFKC", opening).split()[:8])
        text = _text(book, first[key])
        assert title in text and words in text, (key, title, words, text[:300])
        # No navigation chrome: no search box, no link to skip to the content.
        assert "Buscar" not in text and "Pular para conteúdo" not in text


def test_every_figure_on_its_pages(book, built_site: Path, pdf_job: Path) -> None:
    """The print page holds every figure of the site in the light scheme only;
    each chapter's pages in the PDF draw at least as many pictures as the page
    has figures (SVG figures become form XObjects, notebook plots images)."""
    figure = re.compile(r'class="only-light"|<img [^>]*src="data:image/png')
    print_page = pdf_job / "print-site" / pdf.PRINT_PAGE / "index.html"
    html = print_page.read_text(encoding="utf-8")
    pages = {
        p: len(figure.findall(p.read_text("utf-8")))
        for p in _html_pages(built_site, "pt")
    }
    assert len(figure.findall(html)) == sum(pages.values()) > 50
    assert "only-dark" not in html
    # Every formula too, as MathML (Chromium typesets it), and nothing that the
    # print page would fetch from another host (a canonical link is not fetched).
    formulas = sum(p.read_text("utf-8").count("<math") for p in pages)
    assert html.count("<math") == formulas > 100
    fetched = re.findall(
        r'<(?:script|img|link(?! rel="canonical"))[^>]*?(?:src|href)="(https?:[^"]+)"',
        html,
    )
    assert not fetched, fetched

    first = _first_pages(book)
    bounds = [*first.values(), len(book.pages)]

    def pictures(index: int) -> int:
        resources = book.pages[index].get("/Resources") or {}
        return len(resources.get("/XObject") or {})

    for (key, start), end in zip(first.items(), bounds[1:], strict=False):
        figures = pages[built_site / _nav()[key] / "index.html"]
        drawn = sum(pictures(i) for i in range(start, end))
        assert drawn >= figures, (key, drawn, figures)
    # The sigmoid's graph: one picture on its page, the light one.
    graph = book.get_destination_page_number(
        book.named_destinations["/activations-sigmoid-grafico"]
    )
    assert pictures(graph) == 1


def test_collapsed_answers_are_open(pdf_job: Path) -> None:
    html = (pdf_job / "print-site" / pdf.PRINT_PAGE / "index.html").read_text("utf-8")
    details = re.findall(r"<details[^>]*>", html)
    assert len(details) > 50 and all(" open" in d for d in details)


def test_links_stay_inside_the_pdf(book) -> None:
    dests = book.named_destinations
    inside, outside = [], []
    for page in book.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            if "/Dest" in link:
                inside.append(link["/Dest"])
            else:
                outside.append(link["/A"].get("/URI", repr(link["/A"])))
    assert len(inside) > 200
    assert all(name in dests for name in inside), set(inside) - set(dests)
    # No link to the local server the page was printed from.
    assert all(re.match(r"https?://(?!127\.|localhost)", url) for url in outside)
    # The table of contents leads to every page of the navigation.
    first = _first_pages(book)
    toc = {
        a.get_object()["/Dest"]
        for index in range(1, first["index"])
        for a in book.pages[index].get("/Annots") or []
    }
    assert {f"/{key}" for key in first} <= toc
    # Links between pages of the site are links inside the PDF, to the page
    # (or the heading) they name: at least one from most chapters.
    starts, keys = list(first.values()), list(first)

    def chapter(index: int) -> str:
        return keys[bisect.bisect_right(starts, index) - 1]

    between = set()
    for index in range(first["index"], len(book.pages)):
        for annotation in book.pages[index].get("/Annots") or []:
            name = annotation.get_object().get("/Dest")
            if name is not None:
                target = book.get_destination_page_number(dests[name])
                if chapter(target) != chapter(index):
                    between.add((chapter(index), name))
    assert len({here for here, _ in between}) > len(keys) // 2, between


# --- English: the same code ------------------------------------------------------ #
def test_both_languages_take_the_same_steps(monkeypatch, tmp_path: Path) -> None:
    import contextlib

    built, printed = [], []
    monkeypatch.setattr(pdf, "build_print_pages", lambda d, langs: built.append(langs))
    monkeypatch.setattr(pdf, "_chromium", lambda: contextlib.nullcontext("browser"))

    def fake_print(browser, url, target):
        printed.append((browser, url.split("/", 3)[3], target))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF")

    monkeypatch.setattr(pdf, "print_pdf", fake_print)
    site = tmp_path / "site"
    pdf.make_pdfs(site, ["pt", "en"])
    assert built == [["pt", "en"]]
    assert printed == [
        ("browser", "print_page/", site / "pdf" / "funcoes-de-ativacao.pdf"),
        ("browser", "en/print_page/", site / "en" / "pdf" / "activation-functions.pdf"),
    ]
