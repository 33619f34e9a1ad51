"""Figures of the properties pages: cost, flat tails of the derivative, descent paths."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from snippets import activations
from snippets.figures._base import (
    _THEMES,
    _TINTS,
    _figure_function,
    _finish,
    _new_figure,
    _num,
    _sample,
    _series,
    _short,
    _tint,
)
from snippets.i18n import (
    fmt_and,
    fmt_items,
    t,
)
from snippets.properties import FLAT_THRESHOLD, dead_zone, flat_tails


# --------------------------------------------------------------------------- #
# 7. Cost of computing each function
# --------------------------------------------------------------------------- #
@_figure_function
def cost_bars(
    shares: Mapping[str, Mapping[str, float]],
    lang: str = "pt",
    theme: str = "light",
    stamp: str = "",
    layer: str = "",
) -> Figure:
    """Paired horizontal bars: each activation's share of a dense layer's time.

    Parameters
    ----------
    shares
        ``{name: {"registry": share, "fast": share}}``, shares between 0 and 1
        (time of the activation / (time of the layer + time of the activation)),
        for this site's code and for the fastest formulation; names from the
        registry get their display name. Drawn in the given order.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    stamp
        Where and how it was measured (machine, NumPy version); shown under the
        chart.
    layer
        The layer's shape, e.g. ``"256 × 512"``, for the alt text.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    th = _THEMES[theme]
    names = list(shares)
    fast = np.array([100 * float(shares[n]["fast"]) for n in names])
    registry = np.array([100 * float(shares[n]["registry"]) for n in names])
    fig, ax = _new_figure(theme, figsize=(7.0, 0.5 * len(names) + 1.9))
    position = np.arange(len(names))
    height = 0.38
    kinds = (
        (registry, -height / 2, "legend_registry_code", "//"),
        (fast, height / 2, "legend_fast_code", None),
    )
    for values, offset, key, hatch in kinds:
        bars = ax.barh(
            position + offset,
            values,
            height=height,
            color=_tint(th.palette[0], th.background, _TINTS["reference"])
            if hatch
            else th.palette[0],
            edgecolor=th.text,
            linewidth=0.6,
            hatch=hatch,
            label=t(key, lang),
        )
        ax.bar_label(
            bars,
            labels=[t("share_value", lang, value=_num(v, lang, 1)) for v in values],
            padding=3,
            fontsize=9,
            color=th.text,
        )
    ax.set_yticks(position, [_short(n, lang) for n in names])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.2 * max(registry.max(), fast.max()) + 1.0)  # room for labels
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(t("axis_layer_share", lang))
    fig.suptitle(t("title_cost", lang))  # centred on the figure: long names left
    ax.legend(loc="upper right", fontsize=10)  # the cheapest, short bars, are on top
    if stamp:
        fig.supxlabel(t("stamp", lang, stamp=stamp), fontsize=10, color=th.muted)
    low, high = int(np.argmin(fast)), int(np.argmax(fast))
    worst = int(np.argmax(registry))
    alt = t(
        "alt_cost",
        lang,
        count=len(names),
        layer=layer or "—",
        cheapest=_short(names[low], lang),
        cheapest_value=_num(fast[low], lang, 1),
        dearest=_short(names[high], lang),
        dearest_value=_num(fast[high], lang, 1),
        registry_dearest=_short(names[worst], lang),
        registry_dearest_value=_num(registry[worst], lang, 1),
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
    threshold: float = FLAT_THRESHOLD,
    x_range: tuple[float, float] = (-6, 6),
) -> Figure:
    """Plot derivatives, one panel each, shading their flat tails and dead zones.

    The flat tails (where ``|f′| < threshold`` from there out to ±∞, see
    `snippets.properties.flat_tails`) are hatched; the dead zones, where
    ``f′ = 0`` (`snippets.properties.dead_zone`), are cross-hatched and darker.

    Parameters
    ----------
    names
        Names from `snippets.activations.names` (1 to 6).
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    threshold
        The size of ``|f′|`` below which a tail counts as flat, > 0.
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
    dead_shade = {
        **shade,
        "facecolor": _tint(th.palette[1], th.background, _TINTS["dead"]),
        "hatch": "xx",
    }
    items = []
    for ax, name in zip(axes, names, strict=False):
        act = activations.get(name)
        x, _, df = _sample(act, x_range)
        ax.plot(x, df, color=th.palette[0], linestyle="-")
        flat = _within(flat_tails(act, threshold), x_range)
        dead = _within(dead_zone(act), x_range)
        for intervals, style in ((flat, shade), (dead, dead_shade)):
            for a, b in intervals:
                ax.axvspan(a, b, **style, zorder=0)
        ax.set_title(_short(name, lang), fontsize=12)
        ax.set_xlim(*x_range)
        items.append(_plateau_item(_short(name, lang), flat, dead, lang))
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
        Patch(**dead_shade, label=t("legend_dead_zone", lang)),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=3)
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


def _within(
    tails: tuple[float, float], x_range: tuple[float, float]
) -> list[tuple[float, float]]:
    """The parts of ``x_range`` covered by the tails ``(left, right)``."""
    lo, hi = map(float, x_range)
    left, right = tails
    if left >= right:  # the tails cover the whole line
        return [(lo, hi)]
    out = [(lo, min(left, hi))] if left > lo else []
    return out + ([(max(right, lo), hi)] if right < hi else [])


def _plateau_item(name: str, flat: list, dead: list, lang: str) -> str:
    """One function's part of the alt text: its flat tails and dead zones."""

    def spans(intervals):
        return fmt_and(
            [
                t("alt_interval", lang, a=_num(a, lang, 1), b=_num(b, lang, 1))
                for a, b in intervals
            ],
            lang,
        )

    if not flat:
        return t("alt_plateau_none", lang, name=name)
    key = "alt_plateau_items" if len(flat) > 1 else "alt_plateau_item"
    text = t(key, lang, name=name, intervals=spans(flat))
    if dead == flat:
        return text + t("alt_plateau_all_dead", lang)
    if dead:
        return text + t("alt_plateau_dead", lang, intervals=spans(dead))
    return text + t("alt_plateau_not_dead", lang)


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
