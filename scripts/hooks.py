"""MkDocs hooks: the few things the configuration alone cannot do.

1. Serve the math renderer from the site itself: MathJax 3 (tex-chtml.js and its
   fonts) is copied from the ``django-static-mathjax`` wheel, installed from PyPI,
   into ``assets/mathjax/``. No page view fetches anything from a CDN.
2. Figures drawn at build time: :func:`snippets.publish.show` writes SVG files into
   ``<site_dir>/assets/figures/`` (told by the ``SNIPPETS_FIGURE_DIR`` variable set
   here) and refers to them as ``@fig/<name>``; each page gets that prefix rewritten
   into a relative URL, so the site works under any base path and from disk.
3. Glossary tooltips: the terms of :mod:`snippets.glossary` become Markdown
   abbreviations appended to every page of the build's language (the ``abbr``
   extension and Material's ``content.tooltips`` show them on hover).
4. Name the page in the warning of a failing build-time code block (markdown-exec
   does not), so a failing build says which page to fix.
"""

from __future__ import annotations

import logging
import os
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

FIGURE_PREFIX = "@fig/"
MATHJAX_DEST = "assets/mathjax"


class _PageName(logging.Filter):
    """Prefix markdown-exec's messages with the page being rendered."""

    name = "snippets-page-name"
    page = ""

    def filter(self, record: logging.LogRecord) -> bool:
        if self.page:
            record.msg = f"{self.page}: {record.msg}"
        return True


_page_name = _PageName()


def on_config(config):
    logger = logging.getLogger("mkdocs.plugins.markdown_exec._internal.formatters.base")
    for old in [f for f in logger.filters if getattr(f, "name", "") == _PageName.name]:
        logger.removeFilter(old)
    logger.addFilter(_page_name)
    from snippets.glossary import abbreviations

    lang = "pt" if config.theme["language"].startswith("pt") else "en"
    cache = Path(config.config_file_path).parent / ".cache"
    cache.mkdir(exist_ok=True)
    glossary = cache / f"abbreviations.{lang}.md"
    text = abbreviations(lang)
    if not glossary.is_file() or glossary.read_text(encoding="utf-8") != text:
        glossary.write_text(text, encoding="utf-8")  # unchanged: keep mtime for serve
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["auto_append"] = [str(glossary)]
    os.environ["SNIPPETS_FIGURE_DIR"] = str(
        Path(config.site_dir) / "assets" / "figures"
    )
    if "SNIPPETS_FIGURE_CACHE" not in os.environ:  # set it to "" to turn caching off
        os.environ["SNIPPETS_FIGURE_CACHE"] = str(cache / "figures")
    return config


def on_files(files, config):
    root = Path(str(package_files("mathjax"))) / "static" / "mathjax" / "es5"
    fonts = sorted((root / "output" / "chtml" / "fonts" / "woff-v2").glob("*.woff"))
    for path in [root / "tex-chtml.js", *fonts]:
        uri = f"{MATHJAX_DEST}/{path.relative_to(root).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown, page, config, files):
    docs = Path(config.docs_dir)
    _page_name.page = (
        (docs / page.file.src_uri).relative_to(docs.parent.parent).as_posix()
    )
    return markdown


def on_page_content(html, page, config, files):
    if FIGURE_PREFIX not in html:
        return html
    prefix = get_relative_url("assets/figures/x", page.url)[:-1]
    return html.replace(f'src="{FIGURE_PREFIX}', f'src="{prefix}')
