"""Print the site as one PDF per language (``make pdf``).

    python scripts/pdf.py [--site-dir site] [--lang pt en] [--keep DIR]

1. Build the languages asked for with the print-site plugin on (``SITE_PDF=true``,
   see mkdocs.yml and scripts/pdf_hooks.py) into a temporary folder: every page,
   in the order of the navigation, in one print page per language, with a cover
   and a table of contents. The site's own build (``make build``) is not touched:
   its pages never carry the plugin's files.
2. Serve that folder on this machine and let Chromium (Debian's, driven by
   Playwright) print each print page to PDF: A4, the light colour scheme, the
   page's language and title in the PDF's metadata, the page's internal links
   as links inside the PDF, and the headings as its outline.
3. Write the PDFs into the built site, where the home page of each language links
   to them: ``site/pdf/funcoes-de-ativacao.pdf`` and
   ``site/en/pdf/activation-functions.pdf``. ``make build`` empties ``site/``:
   run ``make pdf`` after it (the CI workflow does).

Fails (exit status 1) if the build fails, a print page asks for anything on
another host, or a link of a print page points at neither an anchor of the page
nor another site.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import logging
import os
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_hooks import LANGUAGE_ROOT, PDF_FOLDER, PDF_NAMES

ROOT = Path(__file__).resolve().parent.parent
PRINT_PAGE = "print_page/"  # print-site's default print_page_basename
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# What Chromium needs here (as tests/conftest.py): no sandbox (root in a
# container), and no call home: no background networking, component updates, sync.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
log = logging.getLogger("mkdocs.pdf")


def pdf_path(site_dir: Path, lang: str) -> Path:
    """Where the PDF of ``lang`` goes in the site built into ``site_dir``."""
    return site_dir / LANGUAGE_ROOT[lang] / PDF_FOLDER / PDF_NAMES[lang]


def build_print_pages(print_dir: Path, langs: list[str]) -> None:
    """Build ``langs`` with the print page into ``print_dir`` (English under en/)."""
    import website

    os.environ["SITE_PDF"] = "true"
    try:
        if set(langs) == set(website.CONFIGS):
            website.build_all(print_dir)  # both at once, as make build
        else:
            for lang in langs:
                website.build_language(lang, print_dir)
    finally:
        del os.environ["SITE_PDF"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _Server:
    """``print_dir`` served on a free local port, in a thread."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_Quiet, directory=str(folder))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# Links of the print page that a PDF cannot follow: not an anchor of the page,
# not another site (the header and the sidebars are hidden in print; only the
# content counts).
_LINKS_OUTSIDE = """() => {
  const page = document.getElementById("print-site-page");
  const wrong = [];
  for (const a of page.querySelectorAll("a[href]")) {
    if (!a.getClientRects().length) continue;  // not printed
    const href = a.getAttribute("href");
    if (href.startsWith("#")) {
      const id = decodeURIComponent(href.slice(1));
      if (!document.getElementById(id) && !document.getElementsByName(id).length)
        wrong.push(href);
    } else if (!/^(https?|mailto):/.test(href)) {
      wrong.push(href);
    }
  }
  return wrong;
}"""
_IMAGES_LOADED = """() => [...document.images].every(i => i.complete)
  && document.querySelector("#print-page-toc ul") !== null"""


def print_pdf(browser, url: str, target: Path) -> None:
    """Print the print page at ``url`` into ``target``."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    host = urlsplit(url).netloc
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if urlsplit(r.url).scheme in ("http", "https")
            and urlsplit(r.url).netloc != host
            else None
        ),
    )
    try:
        response = page.goto(url, wait_until="load", timeout=300_000)
        if response is None or not response.ok:
            raise RuntimeError(f"{url}: {response.status if response else 'no answer'}")
        page.wait_for_function(_IMAGES_LOADED, timeout=120_000)
        wrong = page.evaluate(_LINKS_OUTSIDE)
        if wrong:
            raise RuntimeError(
                f"{url}: {len(wrong)} links lead nowhere in a PDF: {sorted(set(wrong))[:10]}"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(target),
            prefer_css_page_size=True,  # A4 and margins from scripts/print/print.css
            print_background=True,  # code blocks' and tables' shading
            outline=True,  # headings as bookmarks
            tagged=True,  # an accessible PDF, with the page's language
        )
    finally:
        context.close()
    if outside:
        raise RuntimeError(f"{url} asked another host for: {sorted(set(outside))}")


@contextlib.contextmanager
def _chromium():
    """Chromium, launched by Playwright (closed on leaving)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) "
            "or name it in the CHROMIUM variable"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def make_pdfs(site_dir: Path, langs: list[str], keep: Path | None = None) -> list[Path]:
    """Build the print pages of ``langs`` and print them into ``site_dir``: the
    same steps for every language, only the configuration differs."""
    with tempfile.TemporaryDirectory(prefix="print-site-") as tmp:
        print_dir = keep or Path(tmp) / "site"
        start = time.perf_counter()
        build_print_pages(print_dir, langs)
        log.info("print pages built in %.1f s", time.perf_counter() - start)
        server = _Server(print_dir)
        written = []
        try:
            with _chromium() as browser:
                for lang in langs:
                    start = time.perf_counter()
                    target = pdf_path(site_dir, lang)
                    url = server.base + LANGUAGE_ROOT[lang] + PRINT_PAGE
                    print_pdf(browser, url, target)
                    size = target.stat().st_size / 1e6
                    took = time.perf_counter() - start
                    log.info("%s: %s (%.1f MB) in %.1f s", lang, target, size, took)
                    written.append(target)
        finally:
            server.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument(
        "--lang", nargs="+", choices=list(PDF_NAMES), default=list(PDF_NAMES)
    )
    parser.add_argument(
        "--keep", type=Path, help="build the print pages into this folder and keep it"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError

    try:
        make_pdfs(args.site_dir.resolve(), args.lang, args.keep and args.keep.resolve())
    except (Abort, BuildError, ConfigurationError, RuntimeError) as error:
        print(f"PDF failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
