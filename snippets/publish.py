"""Put a figure on a page, or on the reader's disk: one call, three places.

The figure functions in :mod:`snippets.figures` are pure: they return a Matplotlib
figure and never save anything. :func:`show` is the one step that saves, and it
behaves according to where the code runs:

* **site build** (the ``SNIPPETS_FIGURE_DIR`` environment variable is set by the
  MkDocs hook): draws the figure in the light and the dark colour scheme, writes
  both as deterministic SVG files named by their content, and prints the HTML that
  shows the variant matching the reader's scheme, with alt text in the page's
  language;
* **Jupyter**: displays the light figure below the cell;
* **plain Python** (a reader who copied a snippet): saves ``<name>-<lang>.png`` in
  the current folder and prints where.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from snippets.i18n import check_lang, t

FIGURE_DIR_VARIABLE = "SNIPPETS_FIGURE_DIR"
_SVG_SIZE = re.compile(rb'<svg[^>]*?width="([\d.]+)pt"[^>]*?height="([\d.]+)pt"')


def show(make: Callable[..., Figure], *args: Any, lang: str, **kwargs: Any) -> None:
    """Draw ``make(*args, lang=lang, **kwargs)`` where the reader will see it.

    Parameters
    ----------
    make
        A figure function of :mod:`snippets.figures`: it takes ``lang`` and
        ``theme`` keywords and returns a :class:`~matplotlib.figure.Figure` whose
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
    light = make(*args, lang=lang, theme="light", **kwargs)
    figure_dir = os.environ.get(FIGURE_DIR_VARIABLE)
    if figure_dir:
        dark = make(*args, lang=lang, theme="dark", **kwargs)
        # markdown-exec captures what a page's code prints by giving it its own
        # ``print``; use the caller's, so the HTML lands in the page.
        page_print = sys._getframe(1).f_globals.get("print", print)
        page_print(_figure_html(light, dark, Path(figure_dir)))
    elif "ipykernel" in sys.modules:
        from IPython.display import display

        display(light)
    else:
        path = Path(f"{make.__name__}-{lang}.png")
        light.savefig(path, dpi=150, metadata={"Software": None})
        print(t("figure_saved", lang, path=path))


def _figure_html(light: Figure, dark: Figure, folder: Path) -> str:
    """Write both variants as SVG and return the HTML that shows them."""
    from snippets.figures import svg_bytes

    alt = html.escape(getattr(light, "alt_text", "") or "", quote=True)
    if not alt:
        raise ValueError("the figure has no alt text: set fig.alt_text in its function")
    tags = []
    for fig, scheme in ((light, "light"), (dark, "dark")):
        svg = svg_bytes(fig)
        name = hashlib.sha256(svg).hexdigest()[:20] + ".svg"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(svg)
        width, height = (round(float(v) * 4 / 3) for v in _SVG_SIZE.search(svg).groups())
        tags.append(
            f'<img src="@fig/{name}" class="only-{scheme}" alt="{alt}" '
            f'width="{width}" height="{height}" loading="lazy" decoding="async">'
        )
    return '<figure class="snippets-figure">' + "".join(tags) + "</figure>"
