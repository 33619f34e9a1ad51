"""Figures of gated and learnable units: a one-input GLU and a Maxout unit."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from snippets import activations
from snippets.figures._base import (
    _THEMES,
    _figure_function,
    _finish,
    _legend,
    _new_figure,
    _num,
    _series,
    _short,
)
from snippets.gated import gated, maxout
from snippets.i18n import fmt_and, t

MAXOUT_PIECES = ((-1.0, -1.0), (0.25, 0.0), (1.0, -1.0))
"""Default Maxout pieces ``(slope, intercept)``: a convex, piecewise linear unit."""


def _affine_text(slope: float, intercept: float, lang: str) -> str:
    """``0,25x − 1`` / ``−x``: a one-input affine map, written for a legend."""
    if slope == 0:
        head = ""
    elif abs(slope) == 1:
        head = "x" if slope > 0 else "−x"
    else:
        head = f"{_num(slope, lang)}x"
    if not head:
        return _num(intercept, lang)
    if intercept == 0:
        return head
    sign = "+" if intercept > 0 else "−"
    return f"{head} {sign} {_num(abs(intercept), lang)}"


@_figure_function
def gated_units_plot(
    gate_weights: Sequence[float] = (0.5, 1.0, 4.0),
    pieces: Sequence[tuple[float, float]] = MAXOUT_PIECES,
    lang: str = "pt",
    theme: str = "light",
    x_range: tuple[float, float] = (-4, 4),
) -> Figure:
    """Two units of one input: a GLU for several gate weights, and a Maxout unit.

    Left: ``h(x) = x * sigmoid(v x)`` (a GLU with ``w = 1`` on the linear
    branch, gate weight ``v``, no biases) for each ``v`` in ``gate_weights``,
    with ReLU for reference; ``v = 1`` is SiLU. Right: the affine ``pieces``
    ``slope * x + intercept`` (thin) and their maximum, a Maxout unit (thick).

    Parameters
    ----------
    gate_weights
        Gate weights ``v`` of the left panel (1 to 5 of them, each > 0).
    pieces
        ``(slope, intercept)`` of each Maxout piece (1 to 5).
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    x_range
        ``(min, max)`` of both horizontal axes.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    if not 1 <= len(gate_weights) <= 5 or not 1 <= len(pieces) <= 5:
        raise ValueError("gate_weights and pieces need 1 to 5 entries each")
    if not all(v > 0 for v in gate_weights):
        raise ValueError(f"gate weights must be > 0, got {tuple(gate_weights)!r}")
    th = _THEMES[theme]
    fig, (left, right) = _new_figure(theme, 1, 2, figsize=(9.0, 4.2), sharey=False)
    x = np.linspace(*map(float, x_range), 361)
    one = np.ones((1, 1))

    left.plot(
        x,
        activations.get("relu")(x),
        color=th.muted,
        linewidth=1.2,
        label=_short("relu", lang),
    )
    for i, v in enumerate(gate_weights):
        h = gated(x[:, None], one, float(v) * one, gate="glu")[:, 0]
        label = t("legend_gate_weight", lang, value=_num(v, lang))
        if v == 1:
            label = t("legend_gate_weight_silu", lang, label=label)
        style = _series(i, theme)
        left.plot(x, h, **style, markevery=(12 * i + 20, 60), label=label)
    left.set_title(t("title_glu_one_input", lang))
    _legend(left, theme, loc="upper left")

    W = np.array([[[s for s, _ in pieces]]])
    b = np.array([[c for _, c in pieces]])
    for i, (s, c) in enumerate(pieces):
        style = _series(i + 1, theme)
        right.plot(
            x,
            s * x + c,
            color=style["color"],
            linestyle="--",
            linewidth=1.3,
            label=t("legend_piece", lang, i=i + 1, formula=_affine_text(s, c, lang)),
        )
    h = maxout(x[:, None], W, b)[:, 0]
    right.plot(x, h, color=th.palette[0], linewidth=3.2, label=t("legend_maxout", lang))
    right.set_title(t("title_maxout", lang, k=len(pieces)))
    top = float(h.max())
    right.set_ylim(min(float(h.min()), 0.0) - 0.6 * (top + 1.0), 1.5 * top + 0.5)
    _legend(right, theme, loc="upper center")  # above the thick line's dip

    for ax in (left, right):
        ax.set_xlim(*x_range)
        ax.set_xlabel(t("axis_input", lang))
        for line in (ax.axhline, ax.axvline):
            line(0, color=th.muted, linewidth=0.9, alpha=0.7, zorder=1)
    left.set_ylabel(t("axis_output", lang))

    weights = fmt_and([_num(v, lang) for v in gate_weights], lang)
    formulas = fmt_and([_affine_text(s, c, lang) for s, c in pieces], lang)
    alt = t(
        "alt_gated_units",
        lang,
        xmin=_num(x_range[0], lang),
        xmax=_num(x_range[1], lang),
        weights=weights,
        k=len(pieces),
        pieces=formulas,
    )
    return _finish(fig, alt, lang, theme)
