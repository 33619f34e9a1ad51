"""MkDocs hooks for the PDFs (``make pdf``, scripts/pdf.py).

1. The PDFs are files of the published site that no MkDocs build writes:
   ``make pdf`` prints them after the build, into ``pdf/`` of each language
   (``PDF_NAMES``). Every build declares them to MkDocs as files excluded from
   the build, so the home page's link to its language's PDF passes the strict
   validation (MkDocs logs, at INFO, that the link points at an excluded file) and
   the build writes nothing more. ``scripts/check_links.py`` is told about them
   the same way (``PUBLISHED_LATER``).

The rest acts only when the print-site plugin is enabled (``SITE_PDF=true``, see
mkdocs.yml): the build that makes the print page, never the site's own build.

2. print-site keeps each page's HTML as its own ``on_page_content`` sees it,
   before scripts/hooks.py's (hooks run after the plugins): formulas still in TeX,
   figures still at ``@fig/``. Each page hands it its final HTML instead, with the
   anchors of its reference list on the list items (print-site makes ids unique per
   chapter only on headings, list items and superscripts). print-site
   also warns unless it is the last plugin, and mkdocstrings appends autorefs after
   it (print-site resolves autorefs' links itself); with the final HTML handed over,
   the order does not matter, so that one warning, which would fail the strict
   build, is dropped.
3. The print page is made for paper: the site's name as its title (the PDF's
   title), the light scheme's figures only, collapsed answers open, no lazy
   images, and the print stylesheet ``scripts/print/print.css``. The cover
   (``scripts/print/cover.html``) says where the copy comes from
   (``config.extra.print``).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

PLUGIN = "print-site"
PDF_FOLDER = "pdf"
PDF_NAMES = {"pt": "funcoes-de-ativacao.pdf", "en": "activation-functions.pdf"}
LANGUAGE_ROOT = {"pt": "", "en": "en/"}  # each language's folder in the site
# Site-relative paths of the PDFs, for scripts/check_links.py.
PUBLISHED_LATER = {
    f"{LANGUAGE_ROOT[lang]}{PDF_FOLDER}/{name}" for lang, name in PDF_NAMES.items()
}
PRINT_CSS = Path(__file__).parent / "print" / "print.css"
PRINT_CSS_URL = "assets/stylesheets/print.css"
ROOT = Path(__file__).resolve().parent.parent


def _language(config) -> str:
    return "pt" if config.theme["language"].startswith("pt") else "en"


def _plugin(config):
    plugin = config.plugins.get(PLUGIN)
    return plugin if plugin and plugin.config.get("enabled") else None


# --- 1. The PDFs, declared ---------------------------------------------------- #
def on_files(files, config):
    name = f"{PDF_FOLDER}/{PDF_NAMES[_language(config)]}"
    pdf = File(
        name,
        src_dir=None,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        inclusion=InclusionLevel.EXCLUDED,  # written by `make pdf`, not by MkDocs
    )
    files.append(pdf)
    return files


# --- 2. print-site sees the final HTML ---------------------------------------- #
class _NotLastPlugin(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "'print-site' should be defined as the *last* plugin" not in str(
            record.msg
        )


logging.getLogger("mkdocs.plugins").addFilter(_NotLastPlugin())


def on_config(config):
    if _plugin(config):
        config.extra["print"] = _provenance(config)
    return config


# A reference list's anchors are spans (scripts/citations.py); print-site makes
# ids unique per chapter, and its citations' links with them, only on headings,
# list items and superscripts, so in the print page each anchor moves to its item.
_REFERENCE_ANCHOR = re.compile(r'<li><span id="(ref-[^"]+)"></span>')


def on_page_context(context, page, config, nav):
    if _plugin(config):  # what the page shows, after every hook
        page.html = _REFERENCE_ANCHOR.sub(r'<li id="\1">', page.content)
    return context


# --- 3. The print page, for paper --------------------------------------------- #
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
_DARK_FIGURE = re.compile(r'<img [^>]*class="only-dark"[^>]*>')
_CLOSED = re.compile(r"<details(?![^>]*\sopen)([^>]*)>")


def print_page_for_paper(html: str, title: str, css_url: str) -> str:
    """The print page's HTML made for paper (section 3)."""
    from html import escape

    html = _TITLE.sub(lambda _: f"<title>{escape(title)}</title>", html, count=1)
    html = _DARK_FIGURE.sub("", html)
    html = _CLOSED.sub(r"<details\1 open>", html)
    html = html.replace(' loading="lazy"', "")
    link = f'<link rel="stylesheet" href="{css_url}">'
    return html.replace("</head>", f"{link}\n</head>", 1)


def on_post_build(config):
    plugin = _plugin(config)
    if plugin is None:
        return
    page = plugin.print_page
    target = Path(config.site_dir) / PRINT_CSS_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(PRINT_CSS.read_bytes())
    from mkdocs.utils import get_relative_url

    path = Path(page.file.abs_dest_path)
    html = print_page_for_paper(
        path.read_text(encoding="utf-8"),
        config.site_name,
        get_relative_url(PRINT_CSS_URL, page.file.url),
    )
    path.write_text(html, encoding="utf-8")


def _provenance(config) -> dict[str, str]:
    """Where a printed copy comes from: the published address (when SITE_URL says
    where the site is published) and the commit it was built from."""
    found = {"address": config.site_url if os.environ.get("SITE_URL") else ""}

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout.strip()

    found["commit"], _, found["date"] = git("log", "-1", "--format=%h %cs").partition(
        " "
    )
    found["changed"] = bool(git("status", "--porcelain", "--", "docs", "snippets"))
    return found
