"""Figures of activation functions: one function and its derivative, several on one axes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from snippets import activations
from snippets.figures._base import (
    _THEMES,
    _figure_function,
    _finish,
    _inline,
    _kink_marker,
    _legend,
    _new_figure,
    _num,
    _params_text,
    _sample,
    _series,
    _short,
)
from snippets.i18n import (
    fmt_and,
    fmt_items,
    t,
)


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

    alt = _activation_alt(act, x_range, lang)
    if exaggerated:
        alt = alt[:-1] + t("alt_exaggerated", lang, params=other) + "."
    return _finish(fig, alt, lang, theme)


def _activation_alt(act: Any, x_range: tuple[float, float], lang: str) -> str:
    """The alt text of ``act`` drawn on ``x_range``: its name, the interval, its
    range, its derivative and the kinks inside the interval (ending in ".")."""
    alt = t(
        "alt_activation",
        lang,
        name=_inline(act.meta.display[lang]),
        xmin=_num(x_range[0], lang),
        xmax=_num(x_range[1], lang),
        range=_range_text(act.output_range(), lang),
        derivative=_derivative_text(act, x_range, lang),
    )
    kinks = _kinks_in(act, x_range)
    if kinks:
        points = fmt_and([f"x = {_num(k, lang)}" for k in kinks], lang)
        alt = alt[:-1] + t("alt_kinks", lang, points=points) + "."
    return alt


def _kinks_in(act: Any, x_range: tuple[float, float]) -> list[float]:
    return [float(k) for k in act.kinks() if x_range[0] <= k <= x_range[1]]


def _zero_lines(ax: Axes, theme: str) -> None:
    """Thin lines along x = 0 and y = 0, behind the data."""
    for line in (ax.axhline, ax.axvline):
        line(0, color=_THEMES[theme].muted, linewidth=0.9, alpha=0.7, zorder=1)


def _range_text(output_range: tuple[float, float], lang: str) -> str:
    lo, hi = output_range
    return t("alt_range", lang, lo=_num(lo, lang), hi=_num(hi, lang))


def _derivative_summary(act: Any, x_range: tuple[float, float]) -> dict:
    """What the alt text says about f′ over ``x_range``, as numbers.

    Returns ``{"kind": "constant", "value"}``, ``{"kind": "range", "min", "max"}``,
    ``{"kind": "peak", "max", "at"}`` for a smooth peak, or, when the largest
    value is a one-sided limit at a kink (SELU at 0, ELU with ``alpha > 1``,
    hard swish at 3), ``{"kind": "peak_left" | "peak_right", "max", "at",
    "other"}``: the larger one-sided value, the side it is on, and the value on
    the other side. The value returned *at* a kink is a convention, not a value
    of f′, and is left out.
    """
    x = np.linspace(*map(float, x_range), 4001)
    kinks = np.asarray(act.kinks(), dtype=float)
    if kinks.size:  # one-sided conventions at kinks are not values of f'
        x = x[np.min(np.abs(x[:, None] - kinks[None, :]), axis=1) > 1e-9]
    d = np.asarray(act.derivative(x), dtype=float)
    dmin, dmax = float(d.min()), float(d.max())
    if dmax - dmin < 1e-9:
        return {"kind": "constant", "value": dmax}
    near_max = np.flatnonzero(d >= dmax - 1e-6 * max(1.0, abs(dmax)))
    interior = near_max[0] > 0 and near_max[-1] < x.size - 1
    if not (interior and x[near_max[-1]] - x[near_max[0]] < 0.01):
        return {"kind": "range", "min": dmin, "max": dmax}
    i = int(np.argmax(d))
    lo, hi = x[max(i - 1, 0)], x[min(i + 1, x.size - 1)]
    inside = kinks[(kinks >= lo) & (kinks <= hi)]
    if inside.size:  # f' jumps at the peak: its sup is a one-sided limit
        at = float(inside[0])
        left = float(act.derivative(np.nextafter(at, -np.inf)))
        right = float(act.derivative(np.nextafter(at, np.inf)))
        side = "peak_left" if left >= right else "peak_right"
        return {
            "kind": side,
            "max": max(left, right),
            "at": at,
            "other": min(left, right),
        }
    for _ in range(60):  # golden-section search for a smooth peak
        m1, m2 = lo + 0.382 * (hi - lo), hi - 0.382 * (hi - lo)
        if float(act.derivative(m1)) < float(act.derivative(m2)):
            lo = m1
        else:
            hi = m2
    at = 0.5 * (lo + hi)
    return {"kind": "peak", "max": float(act.derivative(at)), "at": at}


def _derivative_text(act: Any, x_range: tuple[float, float], lang: str) -> str:
    """Describe the derivative over ``x_range``: constant, a peak, or its range."""
    s = _derivative_summary(act, x_range)
    if s["kind"] == "constant":
        return t("alt_derivative_constant", lang, value=_num(s["value"], lang))
    if s["kind"] == "range":
        return t(
            "alt_derivative_max",
            lang,
            min=_num(s["min"], lang),
            max=_num(s["max"], lang),
        )
    values = {k: _num(v, lang) for k, v in s.items() if k != "kind"}
    return t(f"alt_derivative_{s['kind']}", lang, **values)


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
