"""Figures of a parameter one can move: a function and its derivative, one value at a time.

The frame (`parameter_frame`) holds the axes, the words and the legend; the
data of each parameter value (`paint_parameter`) is painted on it by a painter
of `snippets.figures.overlay`. The axes keep the same limits for every value of
the list they are drawn for, so that moving the parameter moves the curves, not
the axes. `parameter_plot` draws both with Matplotlib, as a reader's Python
saves it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from snippets import activations
from snippets.figures._base import (
    _THEMES,
    _figure_function,
    _inline,
    _kink_marker,
    _params_text,
    _sample,
    _series,
    _style,
)
from snippets.figures.functions import _activation_alt, _kinks_in
from snippets.figures.overlay import MatplotlibPainter, transparent
from snippets.i18n import t

__all__ = ["paint_parameter", "parameter_alt", "parameter_frame", "parameter_plot"]

X_RANGE = (-6.0, 6.0)
SIZE = (7.0, 4.7)
AXES = (0.1, 0.29, 0.86, 0.62)  # fixed: the same place in both languages


def _limits(name: str, values: Sequence[Mapping[str, float]]) -> tuple[float, float]:
    """Vertical limits holding the function and its derivative for every value."""
    lows, highs = [], []
    for params in values:
        _, f, df = _sample(activations.get(name, **params), X_RANGE)
        both = np.concatenate([f, df])
        both = both[np.isfinite(both)]
        lows.append(both.min())
        highs.append(both.max())
    lo, hi = min(lows), max(highs)
    pad = 0.06 * (hi - lo)
    return lo - pad, hi + pad


@_figure_function
def parameter_frame(
    name: str,
    values: Sequence[Mapping[str, float]],
    lang: str = "pt",
    theme: str = "light",
) -> Figure:
    """The axes of ``name`` and its derivative for the parameter ``values``.

    Parameters
    ----------
    name
        A registered activation with parameters, e.g. ``"leaky_relu"``.
    values
        The parameter values the reader can choose (dicts of parameters): the
        vertical axis holds all of them.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.

    Returns
    -------
    matplotlib.figure.Figure
        Transparent, without data, with ``alt_text``; ``fig.axes[0]`` is the
        plot.
    """
    act = activations.get(name)
    if not act.meta.defaults:
        raise ValueError(f"{name} has no parameters to move")
    th = _THEMES[theme]
    fig = Figure(figsize=SIZE, facecolor=th.background)
    FigureCanvasAgg(fig)
    ax = fig.add_axes(AXES)
    ax.set_xlim(*X_RANGE)
    ax.set_ylim(*_limits(name, values))
    ax.grid(False)  # the layer draws it and the zero lines, under the curves
    ax.set_xlabel(t("axis_input", lang))
    ax.set_ylabel(t("axis_output", lang))
    ax.set_title(act.meta.display[lang])
    default = _params_text(name, act.meta.defaults, lang)
    handles = [
        Line2D(
            [],
            [],
            color=_series(0, theme)["color"],
            linewidth=2.2,
            label=t("legend_function", lang),
        ),
        Line2D(
            [],
            [],
            color=_series(1, theme)["color"],
            linestyle="--",
            linewidth=2.2,
            label=t("legend_derivative", lang),
        ),
        Line2D(
            [],
            [],
            color=th.muted,
            linewidth=1.2,
            label=t("px_legend_default", lang, params=default),
        ),
    ]
    if any(_kinks_in(activations.get(name, **p), X_RANGE) for p in values):
        # only where some value has a kink to mark (not softplus, not CELU)
        handles.append(
            Line2D([], [], **_kink_marker(theme), label=t("legend_kink", lang))
        )
    fig.legend(
        handles=handles,
        loc="lower center",
        ncols=2,
        bbox_to_anchor=(0.53, 0.0),
        frameon=False,
    )
    _style(ax, lang, theme)
    fig.alt_text = t(
        "px_alt_frame", lang, name=_inline(act.meta.display[lang]), default=default
    )
    return transparent(fig)


def paint_parameter(
    painter, fig: Figure, name: str, params: Mapping[str, float]
) -> None:
    """Paint ``name`` with ``params`` on `parameter_frame`: the function (solid),
    its derivative (dashed), an open circle at each kink, and, for values other
    than the defaults, the default function and derivative as thin grey lines."""
    ax = fig.axes[0]
    painter.grid(ax)
    painter.lines(ax, X_RANGE, [0.0, 0.0], 0, linewidth=0.9, linestyle="-", muted=True)
    painter.lines(
        ax, [0.0, 0.0], ax.get_ylim(), 0, linewidth=0.9, linestyle="-", muted=True
    )
    act = activations.get(name, **params)
    if act.params != act.meta.defaults:
        x0, f0, df0 = _sample(activations.get(name), X_RANGE)
        painter.lines(ax, x0, f0, 0, linewidth=1.2, muted=True)
        painter.lines(ax, x0, df0, 0, linewidth=1.2, linestyle="--", muted=True)
    x, f, df = _sample(act, X_RANGE)
    painter.lines(ax, x, f, 0, linestyle="-")
    painter.lines(ax, x, df, 1, linestyle="--")
    kinks = _kinks_in(act, X_RANGE)
    if kinks:
        painter.markers(ax, kinks, [float(act(k)) for k in kinks])


def parameter_alt(name: str, params: Mapping[str, float], lang: str) -> str:
    """The alt text of ``name`` with ``params`` drawn on its frame."""
    act = activations.get(name, **params)
    alt = _activation_alt(act, X_RANGE, lang)[:-1]
    alt = alt + t("px_alt_params", lang, params=_params_text(name, act.params, lang))
    if act.params != act.meta.defaults:
        default = _params_text(name, act.meta.defaults, lang)
        alt += t("px_alt_default", lang, params=default)
    return alt + "."


@_figure_function
def parameter_plot(
    name: str,
    params: Mapping[str, float],
    values: Sequence[Mapping[str, float]],
    lang: str = "pt",
    theme: str = "light",
) -> Figure:
    """``name`` with ``params`` on the frame of ``values``: one state of the
    catalogue page's control, as a single Matplotlib figure.

    Parameters
    ----------
    name
        A registered activation with parameters.
    params
        The parameters drawn.
    values
        The values of the frame (see `parameter_frame`).
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    fig = parameter_frame(name, values, lang=lang, theme=theme)
    fig.patch.set_alpha(1.0)
    paint_parameter(MatplotlibPainter(theme), fig, name, params)
    fig.alt_text = parameter_alt(name, params, lang)
    return fig
