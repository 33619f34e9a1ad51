"""MkDocs hooks: the few things the configuration alone cannot do.

1. Serve the math renderer from the site itself: MathJax 3 (tex-chtml.js and its
   fonts) is copied from the ``django-static-mathjax`` wheel, installed from PyPI,
   into ``assets/mathjax/``. No page view fetches anything from a CDN.
2. Figures drawn at build time: :func:`snippets.publish.show` writes SVG files into
   ``<site_dir>/assets/figures/`` (told by the ``SNIPPETS_FIGURE_DIR`` variable set
   here) and refers to them as ``@fig/<name>``; each page gets that prefix rewritten
   into a relative URL, so the site works under any base path and from disk.
"""

from __future__ import annotations

import os
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

FIGURE_PREFIX = "@fig/"
MATHJAX_DEST = "assets/mathjax"


def on_config(config):
    os.environ["SNIPPETS_FIGURE_DIR"] = str(Path(config.site_dir) / "assets" / "figures")
    return config


def on_files(files, config):
    root = Path(str(package_files("mathjax"))) / "static" / "mathjax" / "es5"
    fonts = sorted((root / "output" / "chtml" / "fonts" / "woff-v2").glob("*.woff"))
    for path in [root / "tex-chtml.js", *fonts]:
        uri = f"{MATHJAX_DEST}/{path.relative_to(root).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_content(html, page, config, files):
    if FIGURE_PREFIX not in html:
        return html
    prefix = get_relative_url("assets/figures/x", page.url)[:-1]
    return html.replace(f'src="{FIGURE_PREFIX}', f'src="{prefix}')
