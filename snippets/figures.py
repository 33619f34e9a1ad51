"""The site's figures: pure functions from parameters to a Matplotlib figure.

Every public figure function takes ``lang`` (``"pt"`` or ``"en"``) and ``theme``
(``"light"`` or ``"dark"``) keywords and returns a new
`matplotlib.figure.Figure`; nothing is saved and no global state is touched
(no ``pyplot``, rcParams only through `matplotlib.rc_context`). All text
comes from `snippets.i18n.LABELS` and the activation registry, numbers are
formatted for the language (``0,25`` in Portuguese), and every figure carries a
description for screen readers in ``fig.alt_text``.

Lines differ by colour (the colour-blind-safe Okabe–Ito palette) *and* by line
style and marker, so colour is never the only cue.

`svg_bytes` and `png_bytes` serialise a figure deterministically: the
same figure gives the same bytes on every run.

Examples
--------
>>> fig = activation_plot("sigmoid", lang="en")
>>> fig.alt_text[:44]
'Plot of the Sigmoid (logistic) function (sol'
>>> svg_bytes(fig) == svg_bytes(activation_plot("sigmoid", lang="en"))
True
"""

from __future__ import annotations

import functools
import inspect
import io
import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
import numpy as np
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch, Patch

from snippets import activations
from snippets.i18n import (
    check_lang,
    fmt_and,
    fmt_auto,
    fmt_items,
    fmt_list,
    fmt_number,
    t,
)

__all__ = [
    "THEMES",
    "activation_plot",
    "activations_overview",
    "cost_bars",
    "decision_boundary",
    "derivatives_with_plateaus",
    "gradient_norms_by_layer",
    "loss_curves",
    "neuron_diagram",
    "png_bytes",
    "recolour_svg",
    "svg_bytes",
    "zigzag_paths",
]

THEMES = ("light", "dark")
"""The colour schemes, matching Material for MkDocs' ``default`` and ``slate``."""

FIGSIZE = (7.0, 4.0)
N_POINTS = 361  # samples per curve: smooth at 7 in, small SVG files
SVG_HASH_SALT = "snippets-figures"

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any common
# colour-vision deficiency.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
# How much of a palette colour is mixed into the background (see `_tint`) for
# areas: decision regions, the reference bar, plateaus.
_TINTS = {"region": 0.28, "reference": 0.45, "plateau": 0.22}
_LINESTYLES = ("-", "--", ":", "-.", (0, (5, 1.5, 1, 1.5, 1, 1.5)), (0, (8, 2)))
_MARKERS = ("o", "s", "^", "D", "v", "P")


@dataclass(frozen=True)
class _Theme:
    background: str
    text: str
    muted: str
    grid: str
    palette: tuple[str, ...]  # ordered by contrast against the background


_THEMES = {
    "light": _Theme(
        background="#ffffff",
        text="#1f2328",
        muted="#59636e",
        grid="#d9dee3",
        palette=tuple(
            OKABE_ITO[c]
            for c in ("blue", "vermillion", "green", "purple", "orange", "sky_blue")
        ),
    ),
    "dark": _Theme(  # Material's slate background is hsl(232, 15%, 14%)
        background="#1e2129",
        text="#e6e8ee",
        muted="#aab1bf",
        grid="#3a404d",
        palette=tuple(
            OKABE_ITO[c]
            for c in ("sky_blue", "orange", "green", "purple", "yellow", "vermillion")
        ),
    ),
}


# --------------------------------------------------------------------------- #
# Shared machinery
# --------------------------------------------------------------------------- #
def _check_theme(theme: str) -> _Theme:
    if theme not in _THEMES:
        choices = ", ".join(repr(name) for name in THEMES)
        raise ValueError(f"unknown theme {theme!r}; valid choices: {choices}")
    return _THEMES[theme]


def _rc(th: _Theme) -> dict[str, Any]:
    """rcParams for drawing in theme ``th`` (used only inside a context)."""
    return {
        "font.size": 12,
        "axes.titlesize": 13,
        "axes.labelsize": 12,
        "legend.fontsize": 11,
        "figure.titlesize": 13,
        "figure.labelsize": 12,
        "text.color": th.text,
        "axes.labelcolor": th.text,
        "axes.titlecolor": th.text,
        "axes.edgecolor": th.muted,
        "axes.facecolor": th.background,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.unicode_minus": True,
        "axes.axisbelow": True,
        "figure.facecolor": th.background,
        "grid.color": th.grid,
        "grid.linewidth": 0.7,
        "legend.facecolor": th.background,
        "legend.edgecolor": th.grid,
        "legend.framealpha": 0.92,
        "lines.linewidth": 2.2,
        "lines.markersize": 7,
        "patch.edgecolor": th.text,
        "xtick.color": th.muted,
        "ytick.color": th.muted,
        "xtick.labelcolor": th.text,
        "ytick.labelcolor": th.text,
        "xtick.labelsize": 11,
        "ytick.labelsize": 11,
        "hatch.linewidth": 0.8,
    }


def _figure_function(func: Callable[..., Figure]) -> Callable[..., Figure]:
    """Validate ``lang`` and ``theme``, then draw inside the theme's rc context."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Figure:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        check_lang(bound.arguments["lang"])
        th = _check_theme(bound.arguments["theme"])
        with matplotlib.rc_context(_rc(th)):
            fig = func(*bound.args, **bound.kwargs)
        if not getattr(fig, "alt_text", ""):
            raise RuntimeError(f"{func.__name__} produced a figure without alt text")
        return fig

    return wrapper


def _new_figure(
    theme: str, nrows: int = 1, ncols: int = 1, figsize=FIGSIZE, **subplot_kw: Any
) -> tuple[Figure, Any]:
    """A new themed figure (not registered with pyplot) and its axes.

    The figure gets its own Agg canvas, whose renderer is reused by the layout
    and by `svg_bytes` (text is measured once, not once per pass).
    """
    th = _THEMES[theme]
    fig = Figure(figsize=figsize, facecolor=th.background)
    FigureCanvasAgg(fig)
    fig.set_layout_engine("constrained")
    axes = fig.subplots(nrows, ncols, squeeze=True, **subplot_kw)
    return fig, axes


def _style(ax: Axes, lang: str, theme: str) -> None:
    """Final touches of one axes: theme colours for ticks, localised tick labels.

    Called after the scales are set (a new scale resets the tick formatters).
    Tick properties are set explicitly because ticks are created lazily at draw
    time, outside the rc context.
    """
    th = _THEMES[theme]
    ax.tick_params(
        which="both",
        color=th.muted,
        labelcolor=th.text,
        labelsize=11,
        grid_color=th.grid,
    )
    for axis in (ax.xaxis, ax.yaxis):
        default = type(axis.get_major_formatter()) is ticker.ScalarFormatter
        if axis.get_scale() == "linear" and default:
            axis.set_major_formatter(_LocaleFormatter(lang))


def _finish(fig: Figure, alt_text: str, lang: str, theme: str) -> Figure:
    """Style every axes of ``fig``, lay it out, attach the alt text; return ``fig``.

    The constrained layout is computed once here (without drawing) and then
    frozen: it is not bit-for-bit idempotent (positions jitter in the last
    floating-point digit from one draw to the next, which would change the SVG's
    clip-path ids), and a frozen layout makes every later save identical.
    """
    for ax in fig.axes:
        _style(ax, lang, theme)
    fig.get_layout_engine().execute(fig)
    fig.set_layout_engine(None)  # frozen: savefig needs no layout draw either
    fig.alt_text = alt_text
    return fig


class _LocaleFormatter(ticker.Formatter):
    """Tick labels with the language's decimal separator and just enough digits."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.digits = 2

    def set_locs(self, locs: Sequence[float]) -> None:
        super().set_locs(locs)
        self.digits = next(
            (
                d
                for d in range(7)
                if all(abs(v - round(v, d)) <= 1e-9 * max(1.0, abs(v)) for v in locs)
            ),
            6,
        )

    def __call__(self, x: float, pos: int | None = None) -> str:
        return fmt_number(x, self.lang, self.digits)


def _series(i: int, theme: str) -> dict[str, Any]:
    """Colour, line style and marker of the ``i``-th data series."""
    palette = _THEMES[theme].palette
    return {
        "color": palette[i % len(palette)],
        "linestyle": _LINESTYLES[i % len(_LINESTYLES)],
        "marker": _MARKERS[i % len(_MARKERS)],
    }


def _num(x: float, lang: str, digits: int = 2) -> str:
    """A number with at most ``digits`` decimals, trailing zeros removed."""
    return fmt_auto(round(float(x), digits), lang, significant=15)


def _inline(display: str) -> str:
    """A display name for use inside a sentence: "Sigmoide (…)" → "sigmoide (…)".

    Acronyms ("ReLU com vazamento", "GELU") keep their capitals.
    """
    if len(display) > 1 and display[0].isupper() and display[1].islower():
        return display[0].lower() + display[1:]
    return display


def _display(name: str, lang: str) -> str:
    """The full display name of an activation function."""
    return activations.get(name).meta.display[lang]


def _short(name: str, lang: str) -> str:
    """A short name for legends: the acronym in parentheses, if there is one.

    "Unidade linear retificada (ReLU)" becomes "ReLU"; "Sigmoide (logística)"
    stays whole.
    """
    if name not in activations.names():
        return name
    full = _display(name, lang)
    head, _, tail = full.rpartition(" (")
    if head and sum(c.isupper() for c in tail) >= 2:
        return tail.rstrip(")")
    return full


def _params_text(name: str, params: Mapping[str, float], lang: str) -> str:
    """E.g. ``"inclinação = 0,2"`` for ``leaky_relu`` with ``slope=0.2``."""
    parts = []
    for param, value in params.items():
        try:
            label = t(f"param_{param}", lang)
        except KeyError:
            label = param
        parts.append(t("param_value", lang, param=label, value=_num(value, lang)))
    return fmt_and(parts, lang)


def _sample(act: Any, x_range: tuple[float, float], n: int = N_POINTS):
    """Sample ``act`` and its derivative, breaking the curves at kinks.

    Returns ``(x, f, df)``; the arrays contain NaN between the pieces where a curve
    jumps (the derivative at every kink, the function where it is discontinuous),
    so no false vertical segment is drawn.
    """
    lo, hi = map(float, x_range)
    kinks = sorted(k for k in act.kinks() if lo < k < hi)
    edges = [lo, *kinks, hi]
    delta = 1e-9 * max(1.0, hi - lo)
    xs, fs, dfs = [], [], []
    for i, (a, b) in enumerate(itertools.pairwise(edges)):
        m = max(round(n * (b - a) / (hi - lo)), 2)
        x = np.linspace(a, b, m)
        x[0] += delta if i > 0 else 0.0
        x[-1] -= delta if i < len(edges) - 2 else 0.0
        f, df = act(x), act.derivative(x)
        if i > 0:  # separator at the kink edges[i]
            k = edges[i]
            jump = abs(fs[-1][-1] - f[0]) > 1e-6
            xs.append([k])
            fs.append([np.nan if jump else float(act(k))])
            dfs.append([np.nan])
        xs.append(x)
        fs.append(f)
        dfs.append(df)
    x, f, df = (np.concatenate(parts) for parts in (xs, fs, dfs))
    return x, f, df


def _legend(ax: Axes, theme: str, **kwargs: Any):
    """A legend with the theme's frame; ``kwargs`` go to `Axes.legend`."""
    kwargs.setdefault("loc", "best")
    return ax.legend(**kwargs)


def _kink_marker(theme: str) -> dict[str, Any]:
    """Style of the open circle that marks a point without derivative."""
    th = _THEMES[theme]
    return {
        "linestyle": "none",
        "marker": "o",
        "markersize": 9,
        "markerfacecolor": th.background,
        "markeredgecolor": th.text,
        "markeredgewidth": 1.6,
        "zorder": 5,
    }


# --------------------------------------------------------------------------- #
# 1. One activation function and its derivative
# --------------------------------------------------------------------------- #
@_figure_function
def activation_plot(
    name: str,
    lang: str = "pt",
    theme: str = "light",
    params: Mapping[str, float] | None = None,
    x_range: tuple[float, float] = (-6, 6),
) -> Figure:
    """Plot an activation function (solid) and its derivative (dashed).

    For a function with parameters, the function and its derivative are also drawn
    with the registry's "exaggerated" parameters (dotted and dash-dotted), so the
    parameter's effect is visible; the legend gives both parameter values. Points
    where the derivative does not exist are marked with an open circle.

    Parameters
    ----------
    name
        A name from `snippets.activations.names`, e.g. ``"sigmoid"``.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    params
        Parameters of the main curve; ``None`` uses the defaults.
    x_range
        ``(min, max)`` of the horizontal axis.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    act = activations.get(name, **(params or {}))
    fig, ax = _new_figure(theme)
    series = [_series(i, theme) for i in range(4)]
    exaggerated = dict(act.meta.exaggerated)
    if exaggerated and exaggerated == dict(act.params):
        exaggerated = dict(act.meta.defaults)
    labels = {
        "f": t("legend_function", lang),
        "df": t("legend_derivative", lang),
    }
    if exaggerated:
        main = _params_text(name, act.params, lang)
        other = _params_text(name, exaggerated, lang)
        labels = {
            "f": t("legend_function_params", lang, params=main),
            "df": t("legend_derivative_params", lang, params=main),
            "f2": t("legend_function_params", lang, params=other),
            "df2": t("legend_derivative_params", lang, params=other),
        }

    x, f, df = _sample(act, x_range)
    ax.plot(x, f, color=series[0]["color"], linestyle="-", label=labels["f"])
    ax.plot(x, df, color=series[1]["color"], linestyle="--", label=labels["df"])
    if exaggerated:
        act2 = activations.get(name, **exaggerated)
        x2, f2, df2 = _sample(act2, x_range)
        ax.plot(
            x2,
            f2,
            color=series[2]["color"],
            linestyle=":",
            linewidth=2.6,
            label=labels["f2"],
        )
        ax.plot(
            x2,
            df2,
            color=series[3]["color"],
            linestyle="-.",
            linewidth=1.8,
            label=labels["df2"],
        )
    kinks = _kinks_in(act, x_range)
    marked = [(k, float(act(k))) for k in kinks]
    if exaggerated:
        marked += [(k, float(act2(k))) for k in _kinks_in(act2, x_range)]
    if marked:
        ax.plot(
            *zip(*marked, strict=True),
            **_kink_marker(theme),
            label=t("legend_kink", lang),
        )

    ax.set_xlim(*x_range)
    ax.set_xlabel(t("axis_input", lang))
    ax.set_ylabel(t("axis_output", lang))
    ax.set_title(act.meta.display[lang])
    _zero_lines(ax, theme)
    if exaggerated:  # five entries: below the axes, never over a curve
        fig.legend(loc="outside lower center", ncols=2)
    else:
        _legend(ax, theme)

    alt = t(
        "alt_activation",
        lang,
        name=_inline(act.meta.display[lang]),
        xmin=_num(x_range[0], lang),
        xmax=_num(x_range[1], lang),
        range=_range_text(act.output_range(), lang),
        derivative=_derivative_text(act, x_range, lang),
    )
    if kinks:
        points = fmt_and([f"x = {_num(k, lang)}" for k in kinks], lang)
        alt = alt[:-1] + t("alt_kinks", lang, points=points) + "."
    if exaggerated:
        alt = alt[:-1] + t("alt_exaggerated", lang, params=other) + "."
    return _finish(fig, alt, lang, theme)


def _kinks_in(act: Any, x_range: tuple[float, float]) -> list[float]:
    return [float(k) for k in act.kinks() if x_range[0] <= k <= x_range[1]]


def _zero_lines(ax: Axes, theme: str) -> None:
    """Thin lines along x = 0 and y = 0, behind the data."""
    for line in (ax.axhline, ax.axvline):
        line(0, color=_THEMES[theme].muted, linewidth=0.9, alpha=0.7, zorder=1)


def _range_text(output_range: tuple[float, float], lang: str) -> str:
    lo, hi = output_range
    return t("alt_range", lang, lo=_num(lo, lang), hi=_num(hi, lang))


def _derivative_text(act: Any, x_range: tuple[float, float], lang: str) -> str:
    """Describe the derivative over ``x_range``: constant, a peak, or its range."""
    x = np.linspace(*map(float, x_range), 4001)
    kinks = np.asarray(act.kinks(), dtype=float)
    if kinks.size:  # one-sided conventions at kinks are not values of f'
        x = x[np.min(np.abs(x[:, None] - kinks[None, :]), axis=1) > 1e-9]
    d = np.asarray(act.derivative(x), dtype=float)
    dmin, dmax = float(d.min()), float(d.max())
    if dmax - dmin < 1e-9:
        return t("alt_derivative_constant", lang, value=_num(dmax, lang))
    near_max = np.flatnonzero(d >= dmax - 1e-6 * max(1.0, abs(dmax)))
    interior = near_max[0] > 0 and near_max[-1] < x.size - 1
    if interior and x[near_max[-1]] - x[near_max[0]] < 0.01:
        i = int(np.argmax(d))
        lo, hi = x[max(i - 1, 0)], x[min(i + 1, x.size - 1)]
        for _ in range(60):  # golden-section search for the peak
            m1, m2 = lo + 0.382 * (hi - lo), hi - 0.382 * (hi - lo)
            if float(act.derivative(m1)) < float(act.derivative(m2)):
                lo = m1
            else:
                hi = m2
        at = 0.5 * (lo + hi)
        return t(
            "alt_derivative_peak",
            lang,
            max=_num(act.derivative(at), lang),
            at=_num(at, lang),
        )
    return t("alt_derivative_max", lang, min=_num(dmin, lang), max=_num(dmax, lang))


# --------------------------------------------------------------------------- #
# 2. Several functions on one axes
# --------------------------------------------------------------------------- #
@_figure_function
def activations_overview(
    names: Sequence[str] = ("step", "sigmoid", "tanh", "relu"),
    lang: str = "pt",
    theme: str = "light",
    x_range: tuple[float, float] = (-4, 4),
) -> Figure:
    """Plot several activation functions on one axes, each with its own style.

    Parameters
    ----------
    names
        Names from `snippets.activations.names`.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    x_range
        ``(min, max)`` of the horizontal axis.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    fig, ax = _new_figure(theme)
    items = []
    for i, name in enumerate(names):
        act = activations.get(name)
        x, f, _ = _sample(act, x_range)
        style = _series(i, theme)
        ax.plot(
            x,
            f,
            **style,
            markevery=(6 * i + 20, 45),
            markersize=7,
            label=_short(name, lang),
        )
        lo, hi = act.output_range()
        items.append(
            t(
                "alt_overview_item",
                lang,
                name=_short(name, lang),
                lo=_num(lo, lang),
                hi=_num(hi, lang),
            )
        )
    ax.set_xlim(*x_range)
    ax.set_xlabel(t("axis_input", lang))
    ax.set_ylabel(t("axis_output", lang))
    ax.set_title(t("title_overview", lang))
    _zero_lines(ax, theme)
    _legend(ax, theme, loc="upper left")
    alt = t(
        "alt_overview",
        lang,
        count=len(names),
        xmin=_num(x_range[0], lang),
        xmax=_num(x_range[1], lang),
        items=fmt_items(items, lang),
    )
    return _finish(fig, alt, lang, theme)


# --------------------------------------------------------------------------- #
# 3. One artificial neuron
# --------------------------------------------------------------------------- #
@_figure_function
def neuron_diagram(
    inputs: Sequence[float],
    weights: Sequence[float],
    bias: float,
    activation: str = "sigmoid",
    lang: str = "pt",
    theme: str = "light",
) -> Figure:
    """Draw one artificial neuron with its inputs, weights, bias and output.

    The weighted sum ``z = Σ wᵢ xᵢ + b`` and the output ``f(z)`` are computed from
    the arguments and written on the diagram.

    Parameters
    ----------
    inputs
        Input values ``x₁ … xₙ`` (1 to 5 of them).
    weights
        Weights ``w₁ … wₙ``, as many as inputs.
    bias
        The bias ``b``.
    activation
        Name of the activation function.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    if x.ndim != 1 or not 1 <= x.size <= 5 or w.shape != x.shape:
        raise ValueError(
            f"need 1 to 5 inputs and as many weights, got {x.size} inputs and "
            f"{w.size} weights"
        )
    act = activations.get(activation)
    z = float(w @ x + bias)
    y = float(act(z))
    th = _THEMES[theme]
    palette = th.palette
    fig, ax = _new_figure(theme)
    ax.set_xlim(0, 14)
    ax.set_ylim(-0.3, 7.3)
    ax.set_aspect("equal")
    ax.axis("off")

    def node(center, radius, text, color, fontsize=13):
        ax.add_patch(
            Circle(
                center,
                radius,
                facecolor=th.background,
                edgecolor=color,
                linewidth=2.2,
                zorder=3,
            )
        )
        ax.text(*center, text, ha="center", va="center", fontsize=fontsize, zorder=4)

    def arrow(start, end, r_start, r_end, linestyle="-"):
        (x0, y0), (x1, y1) = start, end
        length = math.hypot(x1 - x0, y1 - y0)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        ax.add_patch(
            FancyArrowPatch(
                (x0 + ux * r_start, y0 + uy * r_start),
                (x1 - ux * r_end, y1 - uy * r_end),
                arrowstyle="-|>",
                mutation_scale=16,
                color=th.text,
                linewidth=1.5,
                linestyle=linestyle,
                zorder=2,
            )
        )

    label_box = {
        "boxstyle": "round,pad=0.2",
        "facecolor": th.background,
        "edgecolor": "none",
        "alpha": 0.9,
    }
    sum_center, sum_r = (7.0, 3.2), 0.75
    act_center, act_r = (10.2, 3.2), 0.75
    ys = np.linspace(5.8, 0.6, x.size) if x.size > 1 else np.array([3.2])
    ax.text(
        1.3, 6.95, t("neuron_inputs", lang), ha="center", color=th.muted, fontsize=11
    )
    for i, (xi, wi, yi) in enumerate(zip(x, w, ys, strict=True), start=1):
        node((1.3, yi), 0.62, f"x{_sub(i)}\n{_num(xi, lang)}", palette[0], fontsize=11)
        arrow((1.3, yi), sum_center, 0.62, sum_r)
        mx, my = 1.3 + 0.55 * (sum_center[0] - 1.3), yi + 0.55 * (sum_center[1] - yi)
        ax.text(
            mx,
            my,
            f"w{_sub(i)} = {_num(wi, lang)}",
            ha="center",
            va="center",
            fontsize=11,
            bbox=label_box,
            zorder=3,
        )
    # bias
    bias_center = (sum_center[0], 6.4)
    ax.text(
        *bias_center,
        f"{t('neuron_bias', lang)}\nb = {_num(bias, lang)}",
        ha="center",
        va="center",
        fontsize=11,
        zorder=4,
        bbox={
            "boxstyle": "round,pad=0.3",
            "facecolor": th.background,
            "edgecolor": palette[2],
            "linewidth": 2.0,
        },
    )
    arrow(bias_center, sum_center, 0.55, sum_r)
    # weighted sum, activation, output
    node(sum_center, sum_r, "Σ", palette[1], fontsize=20)
    ax.text(
        sum_center[0],
        sum_center[1] - sum_r - 0.35,
        f"{t('neuron_preactivation', lang)}\n"
        + t("neuron_sum_formula", lang, z=_num(z, lang)),
        ha="center",
        va="top",
        fontsize=11,
    )
    arrow(sum_center, act_center, sum_r, act_r)
    node(act_center, act_r, "", palette[3])
    # a small plot of f on [-4, 4] inside its node, with a dot at (z, f(z))
    u = np.linspace(-4.0, 4.0, 81)
    fu = act(u)
    lo, span = float(np.min(fu)), float(np.ptp(fu)) or 1.0
    sx, sy = 0.42 / 4.0, 0.7 / span
    cx, cy = act_center[0], act_center[1] - 0.35 - lo * sy
    ax.plot(cx + sx * u, cy + sy * fu, color=th.text, linewidth=1.6, zorder=4)
    if abs(z) <= 4.0:
        ax.plot(cx + sx * z, cy + sy * y, "o", color=palette[3], ms=6, zorder=5)
    ax.text(
        act_center[0],
        act_center[1] + act_r + 0.25,
        f"{t('neuron_activation', lang)} f\n{_short(activation, lang)}",
        ha="center",
        va="bottom",
        fontsize=11,
    )
    out_end = (13.6, act_center[1])
    arrow(act_center, out_end, act_r, 0.0)
    ax.text(
        12.7,
        act_center[1] - 0.35,
        f"{t('neuron_output', lang)}\n"
        + t("neuron_output_formula", lang, y=_num(y, lang)),
        ha="center",
        va="top",
        fontsize=11,
    )
    ax.set_title(t("title_neuron", lang))

    alt = t(
        "alt_neuron",
        lang,
        count=x.size,
        inputs=fmt_list([_num(v, lang) for v in x], lang),
        weights=fmt_list([_num(v, lang) for v in w], lang),
        bias=_num(bias, lang),
        z=_num(z, lang),
        name=_inline(_display(activation, lang)),
        y=_num(y, lang),
    )
    return _finish(fig, alt, lang, theme)


def _sub(i: int) -> str:
    """Subscript digits: ``_sub(12) == "₁₂"``."""
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


# --------------------------------------------------------------------------- #
# 4. Decision boundary of a classifier
# --------------------------------------------------------------------------- #
@_figure_function
def decision_boundary(
    predict: Callable[[np.ndarray], np.ndarray],
    X: np.ndarray,
    y: np.ndarray,
    lang: str = "pt",
    theme: str = "light",
    title_key: str = "title_decision_boundary",
    resolution: int = 200,
) -> Figure:
    """Colour the plane by predicted class and draw the data points on top.

    Parameters
    ----------
    predict
        Maps an ``(m, 2)`` array to predictions: class labels ``(m,)``, the
        probability of class 1 ``(m,)`` or ``(m, 1)``, or class probabilities
        ``(m, k)``.
    X
        Points, shape ``(n, 2)``.
    y
        Integer class labels, shape ``(n,)``.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    title_key
        Label key of the title, e.g. ``"title_xor_linear"``.
    resolution
        Grid points per side for the background.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(int).ravel()
    th = _THEMES[theme]
    classes = np.unique(y)
    k = max(int(classes.max()) + 1, 2)
    pad = 0.15 * np.ptp(X, axis=0).clip(min=1.0)
    (x1min, x2min), (x1max, x2max) = X.min(axis=0) - pad, X.max(axis=0) + pad
    g1, g2 = np.meshgrid(
        np.linspace(x1min, x1max, resolution), np.linspace(x2min, x2max, resolution)
    )
    grid_classes = _classes(predict(np.column_stack([g1.ravel(), g2.ravel()])))
    fig, ax = _new_figure(theme)
    tints = [
        _tint(_series(c, theme)["color"], th.background, _TINTS["region"])
        for c in range(k)
    ]
    ax.contourf(
        g1,
        g2,
        grid_classes.reshape(g1.shape),
        levels=np.arange(k + 1) - 0.5,
        colors=tints,
    )
    ax.contour(
        g1,
        g2,
        grid_classes.reshape(g1.shape),
        levels=np.arange(k - 1) + 0.5,
        colors=th.text,
        linewidths=1.6,
    )
    handles = []
    for c in range(k):
        style = _series(c, theme)
        (h,) = ax.plot(
            *X[y == c].T,
            linestyle="none",
            marker=style["marker"],
            color=style["color"],
            markeredgecolor=th.text,
            markeredgewidth=0.7,
            markersize=8 if len(X) < 50 else 6,
            label=t("legend_class", lang, label=c),
            zorder=3,
        )
        handles.append(h)
    handles.append(
        Line2D([], [], color=th.text, linewidth=1.6, label=t("legend_boundary", lang))
    )
    ax.set_xlim(x1min, x1max)
    ax.set_ylim(x2min, x2max)
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_xlabel(t("axis_feature_1", lang))
    ax.set_ylabel(t("axis_feature_2", lang))
    title = t(title_key, lang)
    ax.set_title(title)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.03, 1.0))
    accuracy = 100.0 * float(np.mean(_classes(predict(X)) == y))
    alt = t(
        "alt_decision_boundary",
        lang,
        title=title,
        count=len(y),
        classes=len(classes),
        x1min=_num(x1min, lang, 1),
        x1max=_num(x1max, lang, 1),
        x2min=_num(x2min, lang, 1),
        x2max=_num(x2max, lang, 1),
        accuracy=_num(accuracy, lang, 1),
    )
    return _finish(fig, alt, lang, theme)


def _classes(prediction: Any) -> np.ndarray:
    """Turn labels, probabilities of class 1 or class probabilities into labels."""
    p = np.asarray(prediction, dtype=float)
    if p.ndim == 2 and p.shape[1] > 1:
        return np.argmax(p, axis=1)
    p = p.ravel()
    if np.all(p == np.round(p)):
        return p.astype(int)
    return (p >= 0.5).astype(int)


def _tint(color: str, background: str, amount: float) -> tuple[float, ...]:
    """``color`` mixed into ``background``: ``amount`` 0 is the background."""
    c = np.array(matplotlib.colors.to_rgb(color))
    b = np.array(matplotlib.colors.to_rgb(background))
    return tuple(b + amount * (c - b))


# --------------------------------------------------------------------------- #
# 5. Loss during training
# --------------------------------------------------------------------------- #
@_figure_function
def loss_curves(
    histories: Mapping[str, Sequence[float]],
    lang: str = "pt",
    theme: str = "light",
    log_y: bool = True,
) -> Figure:
    """Plot the loss per epoch of several training runs.

    Parameters
    ----------
    histories
        ``{label: losses}``; labels appear in the legend as given (write them in
        the figure's language).
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    log_y
        Logarithmic vertical axis.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    fig, ax = _new_figure(theme)
    finals = {}
    epochs = 0
    for i, (label, losses) in enumerate(histories.items()):
        losses = np.asarray(losses, dtype=float)
        epoch = np.arange(1, losses.size + 1)
        ax.plot(
            epoch,
            losses,
            **_series(i, theme),
            markevery=max(losses.size // 8, 1),
            label=label,
        )
        finals[label] = float(losses[-1])
        epochs = max(epochs, losses.size)
    if log_y:
        ax.set_yscale("log")
    ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))
    ax.set_xlabel(t("axis_epoch", lang))
    ax.set_ylabel(t("axis_loss", lang))
    ax.set_title(t("title_loss", lang))
    _legend(ax, theme)
    best = min(finals, key=finals.get)
    alt = t(
        "alt_loss",
        lang,
        scale=t("alt_scale_log" if log_y else "alt_scale_linear", lang),
        epochs=epochs,
        count=len(finals),
        finals=fmt_and(
            [
                t("value_of", lang, value=fmt_auto(v, lang), label=k)
                for k, v in finals.items()
            ],
            lang,
        ),
        best=best,
    )
    return _finish(fig, alt, lang, theme)


# --------------------------------------------------------------------------- #
# 6. Vanishing gradients
# --------------------------------------------------------------------------- #
@_figure_function
def gradient_norms_by_layer(
    norms: Mapping[str, Sequence[float]],
    lang: str = "pt",
    theme: str = "light",
) -> Figure:
    """Plot the gradient norm of each layer (log scale), one line per network.

    Parameters
    ----------
    norms
        ``{label: norms}`` with the norm for layer 1 (closest to the input) first.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    fig, ax = _new_figure(theme)
    items = []
    layers = 0
    for i, (label, values) in enumerate(norms.items()):
        values = np.asarray(values, dtype=float)
        layer = np.arange(1, values.size + 1)
        ax.plot(layer, values, **_series(i, theme), label=label)
        layers = max(layers, values.size)
        items.append(
            t(
                "alt_grad_norms_item",
                lang,
                label=label,
                first=fmt_auto(values[0], lang),
                last=fmt_auto(values[-1], lang),
                layers=values.size,
                ratio=fmt_auto(values[0] / values[-1], lang),
            )
        )
    ax.set_yscale("log")
    ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))
    ax.set_xlabel(t("axis_layer", lang))
    ax.set_ylabel(t("axis_grad_norm", lang))
    ax.set_title(t("title_grad_norms", lang))
    _legend(ax, theme)
    alt = t(
        "alt_grad_norms",
        lang,
        layers=layers,
        count=len(items),
        items=fmt_items(items, lang),
    )
    return _finish(fig, alt, lang, theme)


# --------------------------------------------------------------------------- #
# 7. Cost of computing each function
# --------------------------------------------------------------------------- #
@_figure_function
def cost_bars(
    costs: Mapping[str, float],
    lang: str = "pt",
    theme: str = "light",
    stamp: str = "",
) -> Figure:
    """Horizontal bars of the cost of each activation function relative to ReLU.

    Parameters
    ----------
    costs
        ``{name: cost}``; names from the registry get their display name. Costs
        are divided by the cost of ``"relu"`` when it is present.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    stamp
        Where and how it was measured (machine, NumPy version, array size);
        shown under the chart.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    th = _THEMES[theme]
    reference = costs.get("relu", 1.0)
    relative = {name: float(v) / reference for name, v in costs.items()}
    labels = [_short(name, lang) for name in relative]
    fig, ax = _new_figure(theme, figsize=(7.0, 0.45 * len(relative) + 1.6))
    position = np.arange(len(relative))
    bars = ax.barh(
        position,
        list(relative.values()),
        height=0.62,
        color=th.palette[0],
        edgecolor=th.text,
        linewidth=0.6,
    )
    for bar, name in zip(bars, relative, strict=True):
        if name == "relu":
            bar.set_hatch("//")
            bar.set_facecolor(_tint(th.palette[0], th.background, _TINTS["reference"]))
    ax.bar_label(
        bars,
        labels=[
            t("cost_value", lang, value=_num(v, lang, 1)) for v in relative.values()
        ],
        padding=4,
        fontsize=11,
        color=th.text,
    )
    ax.axvline(1.0, color=th.text, linestyle="--", linewidth=1.2)
    ax.set_yticks(position, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, max(relative.values()) * 1.18)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(t("axis_relative_cost", lang))
    ax.set_title(t("title_cost", lang))
    if stamp:
        fig.supxlabel(t("stamp", lang, stamp=stamp), fontsize=10, color=th.muted)
    cheapest = min(relative, key=relative.get)
    dearest = max(relative, key=relative.get)
    alt = t(
        "alt_cost",
        lang,
        count=len(relative),
        cheapest=_short(cheapest, lang),
        cheapest_value=_num(relative[cheapest], lang, 1),
        dearest=_short(dearest, lang),
        dearest_value=_num(relative[dearest], lang, 1),
        stamp=stamp or "—",
    )
    return _finish(fig, alt, lang, theme)


# --------------------------------------------------------------------------- #
# 8. Derivatives and their plateaus
# --------------------------------------------------------------------------- #
@_figure_function
def derivatives_with_plateaus(
    names: Sequence[str] = ("sigmoid", "tanh", "relu"),
    lang: str = "pt",
    theme: str = "light",
    threshold: float = 0.01,
    x_range: tuple[float, float] = (-6, 6),
) -> Figure:
    """Plot derivatives, one panel each, shading where ``|f′| < threshold``.

    Parameters
    ----------
    names
        Names from `snippets.activations.names` (1 to 6).
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    threshold
        A derivative below this (in absolute value) counts as a plateau.
    x_range
        ``(min, max)`` of the horizontal axis.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    th = _THEMES[theme]
    ncols = min(len(names), 3)
    nrows = math.ceil(len(names) / ncols)
    fig, axes = _new_figure(
        theme, nrows, ncols, figsize=(7.0, 1.0 + 3.0 * nrows), sharex=True, sharey=True
    )
    axes = np.atleast_1d(axes).ravel()
    shade = {
        "facecolor": _tint(th.palette[1], th.background, _TINTS["plateau"]),
        "hatch": "//",
        "hatchcolor": th.palette[1],
        "edgecolor": "none",
        "linewidth": 0,
    }
    items = []
    for ax, name in zip(axes, names, strict=False):
        act = activations.get(name)
        x, _, df = _sample(act, x_range)
        ax.plot(x, df, color=th.palette[0], linestyle="-")
        intervals = _plateaus(act, x_range, threshold)
        for a, b in intervals:
            ax.axvspan(a, b, **shade, zorder=0)
        ax.set_title(_short(name, lang), fontsize=12)
        ax.set_xlim(*x_range)
        if intervals:
            text = fmt_and(
                [
                    t("alt_interval", lang, a=_num(a, lang, 1), b=_num(b, lang, 1))
                    for a, b in intervals
                ],
                lang,
            )
            items.append(
                t("alt_plateau_item", lang, name=_short(name, lang), intervals=text)
            )
        else:
            items.append(t("alt_plateau_none", lang, name=_short(name, lang)))
    for ax in axes[len(names) :]:
        ax.set_visible(False)
    for ax in axes[::ncols]:
        ax.set_ylabel(t("axis_derivative", lang))
    for ax in axes[len(names) - ncols : len(names)]:
        ax.set_xlabel(t("axis_input", lang))
    fig.suptitle(t("title_plateaus", lang))
    threshold_text = _num(threshold, lang, 6)
    handles = [
        Line2D([], [], color=th.palette[0], label=t("legend_derivative", lang)),
        Patch(**shade, label=t("legend_plateau", lang, threshold=threshold_text)),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=2)
    alt = t(
        "alt_plateaus",
        lang,
        count=len(names),
        xmin=_num(x_range[0], lang),
        xmax=_num(x_range[1], lang),
        threshold=threshold_text,
        items=fmt_items(items, lang),
    )
    return _finish(fig, alt, lang, theme)


def _plateaus(
    act: Any, x_range: tuple[float, float], threshold: float
) -> list[tuple[float, float]]:
    """Intervals of ``x_range`` where ``|f′(x)| < threshold``, ends interpolated."""
    x = np.linspace(*map(float, x_range), 4001)
    g = np.abs(np.asarray(act.derivative(x), dtype=float)) - threshold
    inside = g < 0
    changes = np.flatnonzero(np.diff(inside.astype(int)))
    ends = []
    for i in changes:  # linear interpolation of the crossing, clipped to the cell
        s = g[i] / (g[i] - g[i + 1]) if g[i] != g[i + 1] else 0.5
        ends.append(float(x[i] + np.clip(s, 0, 1) * (x[i + 1] - x[i])))
    bounds = ([float(x[0])] if inside[0] else []) + ends
    bounds += [float(x[-1])] if inside[-1] else []
    return list(zip(bounds[::2], bounds[1::2], strict=True))


# --------------------------------------------------------------------------- #
# 9. Gradient descent paths over the loss surface
# --------------------------------------------------------------------------- #
@_figure_function
def zigzag_paths(
    paths: Mapping[str, np.ndarray],
    lang: str = "pt",
    theme: str = "light",
    contours: Callable[[np.ndarray, np.ndarray], np.ndarray]
    | tuple[np.ndarray, np.ndarray, np.ndarray]
    | None = None,
) -> Figure:
    """Draw optimisation paths of two weights, optionally over loss contours.

    Parameters
    ----------
    paths
        ``{label: array of shape (k, 2)}``: the weights ``(w₁, w₂)`` after each
        step, starting point first.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    contours
        The loss: a function ``loss(W1, W2)`` evaluated on a grid covering the
        paths, or a precomputed ``(W1, W2, L)`` grid; ``None`` draws no contours.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    th = _THEMES[theme]
    arrays = {label: np.asarray(p, dtype=float) for label, p in paths.items()}
    stacked = np.vstack(list(arrays.values()))
    span = np.ptp(stacked, axis=0).clip(min=1e-3)
    lo, hi = stacked.min(axis=0) - 0.15 * span, stacked.max(axis=0) + 0.15 * span
    fig, ax = _new_figure(theme)
    handles = []
    if contours is not None:
        if callable(contours):
            W1, W2 = np.meshgrid(
                np.linspace(lo[0], hi[0], 200), np.linspace(lo[1], hi[1], 200)
            )
            L = np.asarray(contours(W1, W2), dtype=float)
        else:
            W1, W2, L = (np.asarray(a, dtype=float) for a in contours)
            lo = np.minimum(lo, [W1.min(), W2.min()])
            hi = np.maximum(hi, [W1.max(), W2.max()])
        levels = np.unique(np.quantile(L, np.linspace(0.02, 0.85, 8)))
        ax.contour(W1, W2, L, levels=levels, colors=th.muted, linewidths=0.9, alpha=0.7)
        handles.append(
            Line2D(
                [],
                [],
                color=th.muted,
                linewidth=0.9,
                label=t("legend_loss_level", lang),
            )
        )
    items = []
    for i, (label, p) in enumerate(arrays.items()):
        style = _series(i, theme)
        (h,) = ax.plot(
            p[:, 0],
            p[:, 1],
            **style,
            markersize=4.5,
            linewidth=1.8,
            label=label,
            zorder=3,
        )
        handles.append(h)
        items.append(
            t(
                "alt_zigzag_item",
                lang,
                label=label,
                steps=len(p) - 1,
                start=t("point", lang, a=_num(p[0, 0], lang), b=_num(p[0, 1], lang)),
                end=t("point", lang, a=_num(p[-1, 0], lang), b=_num(p[-1, 1], lang)),
            )
        )
    starts = np.array([p[0] for p in arrays.values()])
    ends = np.array([p[-1] for p in arrays.values()])
    handles.append(
        ax.plot(
            *starts.T,
            linestyle="none",
            marker="o",
            markersize=11,
            markerfacecolor="none",
            markeredgecolor=th.text,
            markeredgewidth=1.8,
            zorder=4,
            label=t("legend_start", lang),
        )[0]
    )
    handles.append(
        ax.plot(
            *ends.T,
            linestyle="none",
            marker="*",
            markersize=15,
            color=th.text,
            markeredgecolor=th.background,
            zorder=4,
            label=t("legend_end", lang),
        )[0]
    )
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_aspect("equal", adjustable="box")
    ax.grid(False)
    ax.set_xlabel(t("axis_weight_1", lang))
    ax.set_ylabel(t("axis_weight_2", lang))
    ax.set_title(t("title_zigzag", lang))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.03, 1.0))
    alt = t(
        "alt_zigzag",
        lang,
        contours=t("alt_zigzag_contours", lang) if contours is not None else "",
        items=fmt_items(items, lang),
    )
    return _finish(fig, alt, lang, theme)


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


def svg_bytes(fig: Figure) -> bytes:
    """Serialise ``fig`` as SVG, byte-for-byte reproducible.

    Text is converted to paths (``svg.fonttype = "path"``) so the result does not
    depend on the reader's fonts; element ids come from a fixed hash salt and no
    date is written.

    Parameters
    ----------
    fig
        The figure.

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
            bbox_inches=_saved_area(fig),
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
