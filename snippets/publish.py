"""Put a figure on a page, or on the reader's disk: one call, three places.

The figure functions in `snippets.figures` are pure: they return a Matplotlib
figure and never save anything. `show` is the one step that saves, and it
behaves according to where the code runs:

* **site build** (the ``SNIPPETS_FIGURE_DIR`` environment variable is set by the
  MkDocs hook): draws the figure in the light and the dark colour scheme, writes
  both as deterministic SVG files named by their content, and prints the HTML that
  shows the variant matching the reader's scheme, with alt text in the page's
  language (the site's build caches a block's output with its figures, see
  ``scripts/hooks.py``);
* **Jupyter** (checked first): displays the light figure below the cell as PNG,
  with its alt text; in a kernel started by the site build (which inherits the
  variable) the output is instead the site's HTML for both schemes, each variant
  an SVG data URL that the build's hook writes into a file of its own;
* **plain Python** (a reader who copied a snippet): saves ``<name>-<lang>.png`` in
  the current folder and prints where. Each call keeps its own file: a snippet
  that draws two figures with the same function saves ``<name>-<lang>.png`` and
  then ``<name>-<lang>-2.png`` (the count is kept per Python process).
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from snippets.i18n import check_lang, t

if TYPE_CHECKING:  # Matplotlib loads with the figure functions, not with this module
    from matplotlib.figure import Figure

FIGURE_DIR_VARIABLE = "SNIPPETS_FIGURE_DIR"
#: How many PNG files each name has been given in this process (plain Python).
_SAVED: dict[str, int] = {}
_SVG_SIZE = re.compile(rb'<svg[^>]*?width="([\d.]+)pt"[^>]*?height="([\d.]+)pt"')


def show(make: Callable[..., Figure], *args: Any, lang: str, **kwargs: Any) -> None:
    """Draw ``make(*args, lang=lang, **kwargs)`` where the reader will see it.

    Parameters
    ----------
    make
        A figure function of `snippets.figures`: it takes ``lang`` and
        ``theme`` keywords and returns a `matplotlib.figure.Figure` whose
        ``alt_text`` attribute describes it.
    *args, **kwargs
        Passed on to ``make``.
    lang
        ``"pt"`` or ``"en"``: the language of every label and of the alt text.

    Examples
    --------
    >>> from snippets.figures import activations_overview
    >>> show(activations_overview, ["sigmoid", "relu"], lang="en")  # doctest: +SKIP
    Figure saved to activations_overview-en.png
    """
    check_lang(lang)
    figure_dir = os.environ.get(FIGURE_DIR_VARIABLE)
    if _in_jupyter():  # first: a kernel started by the site build inherits the variable
        from IPython.display import display

        if figure_dir:  # the site's notebook page: both schemes, as on the pages
            variants, alt = _draw_both(make, args, kwargs, lang)
            markup = _figure_html(variants, alt)
            display({"text/html": markup, "text/plain": alt}, raw=True)
            return
        light = make(*args, lang=lang, theme="light", **kwargs)
        display(_notebook_bundle(light), raw=True)
        return
    if figure_dir:
        variants, alt = _draw_both(make, args, kwargs, lang)
        # markdown-exec captures what a page's code prints by giving it its own
        # ``print``; use the caller's, so the HTML lands in the page.
        page_print = sys._getframe(1).f_globals.get("print", print)
        page_print(_figure_html(variants, alt, Path(figure_dir)))
        return
    light = make(*args, lang=lang, theme="light", **kwargs)
    path = _png_path(f"{make.__name__}-{lang}")
    light.savefig(path, dpi=150, metadata={"Software": None})
    print(t("figure_saved", lang, path=path))


def _png_path(stem: str) -> Path:
    """``<stem>.png`` the first time, then ``<stem>-2.png``, ``<stem>-3.png``…:
    every figure a process saves keeps its own file."""
    count = _SAVED[stem] = _SAVED.get(stem, 0) + 1
    return Path(f"{stem}.png" if count == 1 else f"{stem}-{count}.png")


def _in_jupyter() -> bool:
    """Whether this code runs in a Jupyter kernel (not merely with IPython imported)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell is not None and getattr(shell, "kernel", None) is not None


def _notebook_bundle(fig: Figure) -> dict[str, str]:
    """A Jupyter display bundle of ``fig``: PNG, and HTML that carries the alt text.

    Jupyter and Colab show the image with its description (front ends that prefer
    HTML), or the plain PNG. A bare ``display(fig)`` shows only ``<Figure ...>``
    unless pyplot was imported.
    """
    import base64

    from snippets.figures import png_bytes

    dpi = 110  # a notebook of a dozen figures stays small
    png = png_bytes(fig, dpi=dpi)
    width = round(int.from_bytes(png[16:20], "big") * 96 / dpi)  # CSS pixels
    data = base64.b64encode(png).decode("ascii")
    alt = html.escape(getattr(fig, "alt_text", "") or "", quote=True)
    return {
        "text/html": f'<img src="data:image/png;base64,{data}" width="{width}" '
        f'alt="{alt}" style="max-width: 100%; height: auto">',
        "image/png": data,
        "text/plain": getattr(fig, "alt_text", "") or "",
    }


def _draw_both(make, args, kwargs, lang) -> tuple[dict[str, bytes], str]:
    """SVG of the light and dark variants plus the alt text.

    The figure is drawn once, in the light scheme; the dark SVG is the light one
    with every colour replaced by its dark counterpart (the schemes differ only
    in colours), which halves the drawing time. A figure with a colour outside
    the schemes is drawn again in the dark scheme.
    """
    from snippets.figures import recolour_svg, svg_bytes

    fig = make(*args, lang=lang, theme="light", **kwargs)
    alt = getattr(fig, "alt_text", "")
    variants = {"light": svg_bytes(fig)}
    try:
        variants["dark"] = recolour_svg(variants["light"], "dark")
    except ValueError:  # a colour of its own: draw the dark variant
        variants["dark"] = svg_bytes(make(*args, lang=lang, theme="dark", **kwargs))
    return variants, alt


def save_svg(svg: bytes, folder: Path) -> str:
    """Write ``svg`` into ``folder`` under a name made from its content; return it.

    The same figure gets the same name in every build (and in both languages),
    so the files can be cached and shared.
    """
    name = hashlib.sha256(svg).hexdigest()[:20] + ".svg"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(svg)
    return name


def _figure_html(
    variants: dict[str, bytes], alt: str, folder: Path | None = None
) -> str:
    """The HTML that shows both variants, each in its colour scheme.

    With ``folder``, each variant is written there as an SVG file and the image
    refers to it as ``@fig/<name>`` (the site's hook makes that a URL); without,
    the image carries the SVG as a data URL (a notebook's output, see `show`).
    """
    import base64

    if not alt:
        raise ValueError("the figure has no alt text: set fig.alt_text in its function")
    alt = html.escape(alt, quote=True)
    tags = []
    for scheme, svg in variants.items():
        if folder is None:
            src = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        else:
            src = "@fig/" + save_svg(svg, folder)
        width, height = (
            round(float(v) * 4 / 3) for v in _SVG_SIZE.search(svg).groups()
        )
        tags.append(
            f'<img src="{src}" class="only-{scheme}" alt="{alt}" '
            f'width="{width}" height="{height}" loading="lazy" decoding="async">'
        )
    return '<figure class="snippets-figure">' + "".join(tags) + "</figure>"
