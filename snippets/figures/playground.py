"""Figures of the playground: the signal at initialisation, and training.

Each figure is a frame (axes, words, the data points; `signal_frame`,
`training_frame`) and the data of one combination of the grid, painted on it
(`paint_signal`, `paint_training`) by a painter of `snippets.figures.overlay`.
`playground_signal` and `playground_training` draw both with Matplotlib, as a
reader's Python saves them; the site draws each frame once and each
combination's data as a small SVG layer. The frames have fixed axes (the same
place in both languages, so one layer serves both) and the same limits for
every combination, so that a change of choice moves the curves, not the axes.
"""

from __future__ import annotations

import numpy as np
from matplotlib import ticker
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from snippets.experiments.playground import GRID, data_sets, extents, playground_runs
from snippets.figures._base import (
    _THEMES,
    _figure_function,
    _inline,
    _series,
    _short,
    _style,
)
from snippets.figures.overlay import MatplotlibPainter, transparent
from snippets.figures.signal import _power_of_ten
from snippets.i18n import fmt_auto, fmt_number, t

__all__ = [
    "LIMITS",
    "paint_signal",
    "paint_training",
    "playground_signal",
    "playground_training",
    "signal_alt",
    "signal_frame",
    "training_alt",
    "training_frame",
]

#: Vertical limits shared by every combination (tested to hold all of them).
LIMITS = {"spread": (1e-10, 10.0), "grad": (1e-6, 10.0), "loss": (1e-4, 1000.0)}
#: Series (colour) and line style of each data set on the loss axes: not the
#: colours of the classes (series 0 and 1), which the boundaries use.
DATA_SERIES = {"moons": (2, "-"), "xor": (3, "--")}
SIGNAL_SIZE = (7.0, 3.4)
TRAINING_SIZE = (7.0, 6.6)


def _log_axis(ax, limits) -> None:
    ax.set_yscale("log")
    ax.set_ylim(*limits)
    ax.yaxis.set_major_locator(ticker.LogLocator(numticks=6))
    ax.yaxis.set_major_formatter(ticker.FuncFormatter(_power_of_ten))
    ax.yaxis.set_minor_locator(ticker.NullLocator())


def _frame(size, theme) -> Figure:
    """A figure with no layout engine: its axes stay where they are put."""
    th = _THEMES[theme]
    fig = Figure(figsize=size, facecolor=th.background)
    FigureCanvasAgg(fig)
    return fig


def _done(fig: Figure, alt: str, lang: str, theme: str) -> Figure:
    for ax in fig.axes:
        _style(ax, lang, theme)
        ax.apply_aspect()  # where an equal aspect puts the axes, before any draw
    fig.alt_text = alt
    return fig


# ------------------------------------------------------------------ the signal


@_figure_function
def signal_frame(lang: str = "pt", theme: str = "light") -> Figure:
    """The axes of the signal at initialisation, without data (transparent).

    Two panels, layer 1 to the grid's deepest on the horizontal axis,
    logarithmic vertical axes: the variance of the pre-activations across the
    examples (left) and the root mean square of ∂L/∂z (right).

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``; ``fig.axes`` is ``[left, right]``.
    """
    fig = _frame(SIGNAL_SIZE, theme)
    left = fig.add_axes((0.11, 0.2, 0.36, 0.66))
    right = fig.add_axes((0.61, 0.2, 0.36, 0.66))
    deepest = max(GRID.depths)
    for ax, key, title, label in (
        (left, "spread", "title_signal_forward", "axis_spread"),
        (right, "grad", "title_signal_backward", "axis_grad_rms"),
    ):
        _log_axis(ax, LIMITS[key])
        ax.grid(False)  # the layer draws it, under the curves
        ax.set_xlim(0.7, deepest + 0.3)
        ax.xaxis.set_major_locator(ticker.FixedLocator(range(1, deepest + 1)))
        ax.set_title(t(title, lang), fontsize=11.5)
        ax.set_ylabel(t(label, lang))
    fig.text(0.54, 0.03, t("axis_layer", lang), ha="center", va="bottom")
    alt = t("pg_alt_signal_frame", lang, layers=deepest)
    return _done(transparent(fig), alt, lang, theme)


def paint_signal(painter, fig: Figure, runs) -> None:
    """Paint a combination's signal on `signal_frame`: the geometric mean over
    the seeds (line) and the smallest to largest seed (band)."""
    for ax, key in zip(fig.axes, ("spread", "grad"), strict=True):
        painter.grid(ax)
        values = np.asarray(runs[key], dtype=float)
        layer = np.arange(1, values.shape[1] + 1)
        painter.band(ax, layer, values.min(axis=0), values.max(axis=0), 0)
        painter.lines(ax, layer, _geometric_mean(values), 0)


def _geometric_mean(values: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.exp(np.log(values).mean(axis=0))


def _names(activation, init, depth, lang):
    return {
        "act": _inline(_short(activation, lang)),
        "init": t(f"pg_init_{init}", lang),
        "depth": depth,
    }


def signal_alt(activation: str, init: str, depth: int, runs, lang: str) -> str:
    """The alt text of a combination's signal figure."""
    spread, grad = (_geometric_mean(np.asarray(runs[k])) for k in ("spread", "grad"))
    return t(
        "pg_alt_signal",
        lang,
        **_names(activation, init, depth, lang),
        seeds=len(GRID.seeds),
        first=fmt_auto(spread[0], lang),
        last=fmt_auto(spread[-1], lang),
        gfirst=fmt_auto(grad[0], lang),
        glast=fmt_auto(grad[-1], lang),
    )


@_figure_function
def playground_signal(
    activation: str, init: str, depth: int, lang: str = "pt", theme: str = "light"
) -> Figure:
    """The signal at initialisation of one combination of the playground's grid.

    Parameters
    ----------
    activation, init, depth
        A combination of `snippets.experiments.playground.GRID`.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.

    Returns
    -------
    matplotlib.figure.Figure
        `signal_frame` with the data painted on it, on the theme's background,
        with ``alt_text``.
    """
    runs = playground_runs(activation, init, depth)
    fig = signal_frame(lang=lang, theme=theme)
    _opaque(fig)
    paint_signal(MatplotlibPainter(theme), fig, runs)
    fig.alt_text = signal_alt(activation, init, depth, runs, lang)
    return fig


def _opaque(fig: Figure) -> None:
    fig.patch.set_alpha(1.0)


# ------------------------------------------------------------------ training


@_figure_function
def training_frame(lang: str = "pt", theme: str = "light") -> Figure:
    """The axes of training, without data (transparent), with the data points.

    Above, the loss per step (logarithmic) of the two data sets; below, the
    plane of each data set with its training points: class 0 as circles, class
    1 as squares.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``; ``fig.axes`` is
        ``[loss, moons, xor]``.
    """
    th = _THEMES[theme]
    fig = _frame(TRAINING_SIZE, theme)
    loss = fig.add_axes((0.12, 0.62, 0.84, 0.31))
    boxes = extents()
    sets = data_sets()
    planes = {
        "moons": fig.add_axes((0.09, 0.11, 0.47, 0.38)),
        "xor": fig.add_axes((0.67, 0.11, 0.3, 0.38)),
    }
    _log_axis(loss, LIMITS["loss"])
    loss.grid(False)  # the layer draws it, under the curves
    loss.set_xlim(0, GRID.epochs)
    loss.set_xlabel(t("axis_epoch", lang))
    loss.set_ylabel(t("axis_loss", lang))
    loss.set_title(t("title_loss", lang), fontsize=11.5)
    handles = [
        Line2D(
            [],
            [],
            color=_series(s, theme)["color"],
            linestyle=style,
            linewidth=2.2,
            label=t(f"pg_data_{name}", lang),
        )
        for name, (s, style) in DATA_SERIES.items()
    ]
    loss.legend(handles=handles, loc="upper right")
    for name, ax in planes.items():
        x0, x1, y0, y1 = boxes[name]
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal")
        ax.grid(False)
        ax.set_title(
            t(
                "pg_title_plane",
                lang,
                data=t(f"pg_data_{name}", lang),
                seed=GRID.seeds[0],
            ),
            fontsize=11.5,
        )
        X, y = sets[name]["train"]
        for c in (0, 1):
            style = _series(c, theme)
            ax.plot(
                *X[y == c].T,
                linestyle="none",
                marker=style["marker"],
                color=style["color"],
                markeredgecolor=th.text,
                markeredgewidth=0.7,
                markersize=5,
                zorder=3,
            )
    classes = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=_series(c, theme)["marker"],
            color=_series(c, theme)["color"],
            markeredgecolor=th.text,
            markeredgewidth=0.7,
            markersize=6,
            label=t("legend_class", lang, label=c),
        )
        for c in (0, 1)
    ]
    classes.append(
        Line2D([], [], color=th.text, linewidth=1.6, label=t("legend_boundary", lang))
    )
    fig.legend(
        handles=classes,
        loc="lower center",
        ncols=3,
        bbox_to_anchor=(0.5, 0.0),
        frameon=False,
    )
    alt = t("pg_alt_training_frame", lang, epochs=GRID.epochs)
    return _done(transparent(fig), alt, lang, theme)


def paint_training(painter, fig: Figure, runs, rate: int) -> None:
    """Paint a combination's training on `training_frame`: the mean loss and the
    band from the smallest to the largest seed at learning rate number ``rate``
    of the grid, and the boundary of the first seed's network on each plane."""
    loss, *planes = fig.axes
    painter.grid(loss)
    steps = np.arange(1, GRID.epochs + 1)
    boxes = extents()
    for k, name in enumerate(data_sets()):
        curves = np.asarray(runs["loss"][k, rate], dtype=float)  # (seeds, epochs)
        with np.errstate(invalid="ignore"):
            mean = curves.mean(axis=0)
        series, style = DATA_SERIES[name]
        painter.band(loss, steps, curves.min(axis=0), curves.max(axis=0), series)
        painter.lines(loss, steps, mean, series, linestyle=style)
        painter.regions(planes[k], boxes[name], runs["probability"][k, rate])


def _percent(values, lang):
    return fmt_number(100.0 * float(np.mean(values)), lang, 0)


def training_alt(activation, init, depth, rate, runs, lang) -> str:
    """The alt text of a combination's training figure."""
    k = GRID.rates.index(rate)
    parts = {}
    for i, name in enumerate(data_sets()):
        curves = runs["loss"][i, k]
        with np.errstate(invalid="ignore"):
            mean = curves.mean(axis=0)
        parts[name] = {
            "start": fmt_auto(mean[0], lang),
            "end": fmt_auto(mean[-1], lang),
            "accuracy": _percent(runs["accuracy"][i, k], lang),
        }
    return t(
        "pg_alt_training",
        lang,
        **_names(activation, init, depth, lang),
        rate=fmt_auto(rate, lang),
        epochs=GRID.epochs,
        seeds=len(GRID.seeds),
        seed=GRID.seeds[0],
        m_start=parts["moons"]["start"],
        m_end=parts["moons"]["end"],
        x_start=parts["xor"]["start"],
        x_end=parts["xor"]["end"],
        m_acc=parts["moons"]["accuracy"],
        x_acc=parts["xor"]["accuracy"],
    )


@_figure_function
def playground_training(
    activation: str,
    init: str,
    depth: int,
    rate: float,
    lang: str = "pt",
    theme: str = "light",
) -> Figure:
    """Training of one combination of the playground's grid.

    Parameters
    ----------
    activation, init, depth, rate
        A combination of `snippets.experiments.playground.GRID`.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.

    Returns
    -------
    matplotlib.figure.Figure
        `training_frame` with the data painted on it, on the theme's
        background, with ``alt_text``.
    """
    if rate not in GRID.rates:
        raise ValueError(f"rate must be one of {GRID.rates}, got {rate!r}")
    runs = playground_runs(activation, init, depth)
    fig = training_frame(lang=lang, theme=theme)
    _opaque(fig)
    paint_training(MatplotlibPainter(theme), fig, runs, GRID.rates.index(rate))
    fig.alt_text = training_alt(activation, init, depth, rate, runs, lang)
    return fig
