"""Notebook pages and downloads, for scripts/hooks.py (its section 5).

* `notebook_markup`: mkdocs-jupyter's HTML in the site's own markup;
* `figures_as_files`: the figures of a notebook's outputs (SVG data URLs, from
  `snippets.publish.show`) written into ``assets/figures/``;
* `notebook_for_readers`: the ``.ipynb`` offered for download;
* `notebook_math_as_arithmatex` and `retry_a_kernel_that_died_starting`: how the
  build has nbconvert render math, and run a notebook whose kernel died starting;
* `convert_on_first_use`: nbconvert loaded, with those two changes, only when a
  notebook is converted, not at a build whose notebooks all come from the cache.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.snippets")
FIGURE_PREFIX = "@fig/"  # as snippets.publish writes it; hooks.py makes it a URL

_NOTEBOOK_INPUT = re.compile(  # mkdocs-jupyter's code cell (notebook.html.j2)
    r'<div class="jp-CodeMirrorEditor[^>]*>\s*<div class="CodeMirror[^>]*>\s*'
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*'
    r'<div class="highlight-ipynb hl-(\w+)[^"]*"><pre><span></span>(.*?)</pre></div>\s*'
    r'<div class="clipboard-copy-txt"[^>]*>.*?</div>\s*</div>\s*</div>',
    re.DOTALL,
)
_NOTEBOOK_HEAD = re.compile(r"<(script|style)\b.*?</\1>|<!--.*?-->", re.DOTALL)
_NOTEBOOK_LEFTOVERS = ("highlight-ipynb", "clipboard-copy", "<style")
_DATA_SVG = re.compile(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"')


def notebook_markup(html: str, where: str = "") -> str:
    """A notebook page (mkdocs-jupyter's HTML) in the site's own markup: no
    scripts or styles of its own, code cells as Material's code blocks, headings
    with the pages' permalinks, no keyboard stop on every cell. Anything of
    mkdocs-jupyter's markup left over is a warning (the strict build fails)."""
    head, wrapper, body = html.partition('<div class="jupyter-wrapper">')
    if not wrapper:
        return html
    head = _NOTEBOOK_HEAD.sub("", head)
    body = _NOTEBOOK_INPUT.sub(
        r'<div class="language-\1 highlight"><pre><span></span>'
        r"<code>\2</code></pre></div>",
        body,
    )
    body = body.replace(
        '<a class="anchor-link" href=',
        '<a class="headerlink" title="Permanent link" href=',
    )
    body = body.replace(
        ' class="jp-Cell-inputWrapper" tabindex="0"', ' class="jp-Cell-inputWrapper"'
    )
    left = [mark for mark in _NOTEBOOK_LEFTOVERS if mark in head + body]
    if left:
        log.warning(
            "%s: mkdocs-jupyter's markup changed (%s left): update notebook_markup "
            "in scripts/hooks.py",
            where,
            ", ".join(left),
        )
    return head + wrapper + body


def figures_as_files(html: str, site_dir: str) -> str:
    """Each figure carried as an SVG data URL written into ``assets/figures/``."""
    import base64

    from snippets.publish import save_svg

    folder = Path(site_dir) / "assets" / "figures"

    def to_file(match: re.Match) -> str:
        name = save_svg(base64.b64decode(match.group(1)), folder)
        return f'src="{FIGURE_PREFIX}{name}"'

    return _DATA_SVG.sub(to_file, html)


def notebook_for_readers(source: Path, lang: str, repository: str = ""):
    """The jupytext notebook ``source`` as an nbformat notebook to download.

    Without outputs (readers run it); the jupytext pairing metadata is dropped (the
    ``.ipynb`` stands alone). With ``repository`` (``owner/name``), a first cell
    installs the ``snippets`` package from it when it is missing (e.g. on Colab).
    """
    import jupytext
    import nbformat

    from snippets.i18n import t

    notebook = jupytext.read(source)
    notebook.metadata.pop("jupytext", None)
    if repository:
        install = (
            f"# {t('nb_install_comment', lang)}\n"
            "import importlib.util\n\n"
            'if importlib.util.find_spec("snippets") is None:\n'
            f'    get_ipython().run_line_magic("pip", "install --quiet '
            f'git+https://github.com/{repository}")'
        )
        notebook.cells.insert(0, nbformat.v4.new_code_cell(install))
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index}"  # stable ids: the same source gives the same file
    nbformat.validate(notebook)
    return notebook


class _ConverterOnFirstUse:
    """Stands for ``mkdocs_jupyter.convert`` in mkdocs-jupyter's plugin module: the
    first attribute read imports it and makes this site's changes to it."""

    def __getattr__(self, name: str):
        import importlib

        convert = importlib.import_module("mkdocs_jupyter.convert")
        notebook_math_as_arithmatex()
        retry_a_kernel_that_died_starting()
        return getattr(convert, name)


def convert_on_first_use() -> None:
    """Have mkdocs-jupyter reach its converter (and nbconvert, half a second to
    import) through `_ConverterOnFirstUse`: a build whose notebooks all come from
    the cache never loads it. scripts/website.py also stands in for the converter
    (`import_on_first_use`), as the plugin's module imports it when it loads."""
    from mkdocs_jupyter import plugin

    plugin.convert = _ConverterOnFirstUse()


KERNEL_DIED = "Kernel died before replying to kernel_info"


def retry_a_kernel_that_died_starting() -> None:
    """Run a notebook once more when its kernel died before it started: two
    kernels starting at once (the two languages of a build, or two builds of a test
    run) may be given the same TCP port, and the second dies with "Address already
    in use". That says nothing about the notebook; any other error stands."""
    import functools

    from mkdocs_jupyter import convert

    original = getattr(convert.nb2html, "__wrapped__", convert.nb2html)

    @functools.wraps(original)
    def nb2html(*args, **kwargs):
        try:
            return original(*args, **kwargs)
        except RuntimeError as error:
            if KERNEL_DIED not in str(error):
                raise
            log.info("the notebook's kernel died while starting: running it again")
            return original(*args, **kwargs)

    convert.nb2html = nb2html


def notebook_math_as_arithmatex() -> None:
    """nbconvert's Markdown renderer writes math as pymdownx.arithmatex does, for
    scripts/mathml.py (hooks.py, section 5)."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer

    def markup(renderer, tag: str, tex: str) -> str:
        return f'<{tag} class="arithmatex">{renderer.escape_html(tex)}</{tag}>'

    IPythonRenderer.inline_math = lambda self, body: markup(self, "span", body)
    IPythonRenderer.block_math = lambda self, body: markup(self, "div", body)
    IPythonRenderer.latex_environment = lambda self, name, body: markup(
        self, "div", f"\\begin{{{name}}}{body}\\end{{{name}}}"
    )
