"""Deterministic serialisation: SVG and PNG bytes, SVG recoloured for the other scheme."""

from __future__ import annotations

import functools
import io
import re
from typing import Any

import matplotlib
from matplotlib.figure import Figure

from snippets.figures._base import (
    _TINTS,
    SVG_HASH_SALT,
    _check_theme,
    _tint,
)


# --------------------------------------------------------------------------- #
# Serialisation
# --------------------------------------------------------------------------- #
def _saved_area(fig: Figure) -> Any:
    """What to save of ``fig``: its tight bounding box, padded as
    ``bbox_inches="tight"`` pads it.

    For a figure whose layout is done (the figures of this module), the box is
    measured here, sparing the extra draw that ``"tight"`` makes Matplotlib do
    before saving; a figure that still has a layout engine gets ``"tight"``.
    """
    if fig.get_layout_engine() is not None:
        return "tight"
    return fig.get_tightbbox().padded(matplotlib.rcParams["savefig.pad_inches"])


def svg_bytes(fig: Figure, whole: bool = False) -> bytes:
    """Serialise ``fig`` as SVG, byte-for-byte reproducible.

    Text is converted to paths (``svg.fonttype = "path"``) so the result does not
    depend on the reader's fonts; element ids come from a fixed hash salt and no
    date is written.

    Parameters
    ----------
    fig
        The figure.
    whole
        Save the whole figure, not its tight bounding box (the frames of
        `snippets.figures.overlay`, whose layers must know where the axes are).

    Returns
    -------
    bytes
        The SVG document.
    """
    buffer = io.BytesIO()
    with matplotlib.rc_context(
        {
            "svg.hashsalt": SVG_HASH_SALT,
            "svg.fonttype": "path",
            "svg.image_inline": True,
        }
    ):
        fig.savefig(
            buffer,
            format="svg",
            bbox_inches=None if whole else _saved_area(fig),
            metadata={"Date": None},
            facecolor=fig.get_facecolor(),
        )
    return buffer.getvalue()


_SVG_COLOUR = re.compile(rb"#[0-9a-fA-F]{6}(?![\w-])")


@functools.cache
def _colour_map(source: str, target: str) -> dict[bytes, bytes]:
    """Every colour the figures use in theme ``source`` -> the same role's colour
    in ``target`` (hex, as Matplotlib writes it), tints included."""
    src, dst = _check_theme(source), _check_theme(target)
    roles = ("background", "text", "muted", "grid")
    pairs = [(getattr(src, role), getattr(dst, role)) for role in roles]
    pairs += zip(src.palette, dst.palette, strict=True)
    pairs += [
        (_tint(a, src.background, amount), _tint(b, dst.background, amount))
        for a, b in zip(src.palette, dst.palette, strict=True)
        for amount in _TINTS.values()
    ]
    mapping, ambiguous = {}, set()
    for a, b in pairs:
        a, b = (matplotlib.colors.to_hex(c).encode() for c in (a, b))
        if mapping.setdefault(a, b) != b:
            ambiguous.add(a)  # one colour, two roles: cannot be mapped
    return {a: b for a, b in mapping.items() if a not in ambiguous}


def recolour_svg(svg: bytes, theme: str, drawn_in: str = "light") -> bytes:
    """Turn the SVG of a figure drawn in theme ``drawn_in`` into the SVG of the
    same figure in ``theme``, without drawing it again.

    The themes differ only in colours (same fonts, sizes and layout), so
    replacing every colour by the one with the same role in ``theme`` gives the
    figure that ``theme`` draws; only the SVG's internal ids, which Matplotlib
    hashes from the colours, stay those of ``drawn_in``.

    Parameters
    ----------
    svg
        An SVG document from `svg_bytes`.
    theme, drawn_in
        ``"light"`` or ``"dark"``: the theme wanted and the one drawn.

    Returns
    -------
    bytes
        The SVG document in ``theme``.

    Raises
    ------
    ValueError
        If the SVG holds a colour that is not one of ``drawn_in``'s (then draw
        the figure in ``theme`` instead).
    """
    mapping = _colour_map(drawn_in, theme)

    def swap(match: re.Match) -> bytes:
        colour = match.group().lower()
        if colour not in mapping:
            raise ValueError(
                f"colour {colour.decode()} is not a colour of theme {drawn_in!r}"
            )
        return mapping[colour]

    return _SVG_COLOUR.sub(swap, svg)


def png_bytes(fig: Figure, dpi: int = 150) -> bytes:
    """Serialise ``fig`` as PNG, byte-for-byte reproducible.

    Parameters
    ----------
    fig
        The figure.
    dpi
        Resolution in dots per inch.

    Returns
    -------
    bytes
        The PNG image.
    """
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format="png",
        dpi=dpi,
        bbox_inches=_saved_area(fig),
        metadata={"Software": None},
        facecolor=fig.get_facecolor(),
    )
    return buffer.getvalue()
