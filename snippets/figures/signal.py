"""Figures of the page on signal propagation: the signal of a deep network, layer by layer."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib import ticker
from matplotlib.figure import Figure

from snippets.figures._base import (
    _figure_function,
    _finish,
    _new_figure,
    _series,
)
from snippets.i18n import fmt_auto, fmt_items, t


def _geometric_mean(values: np.ndarray) -> np.ndarray:
    return np.exp(np.log(values).mean(axis=0))


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _power_of_ten(value: float, pos: int | None = None) -> str:
    """Tick label ``10⁻⁵`` as plain text (no mathtext to lay out: much faster)."""
    return "10" + str(round(np.log10(value))).translate(_SUPERSCRIPT)


# --------------------------------------------------------------------------- #
# 9. Signal propagation at initialisation
# --------------------------------------------------------------------------- #
@_figure_function
def signal_by_layer(
    runs: Mapping[str, Mapping[str, np.ndarray]],
    lang: str = "pt",
    theme: str = "light",
) -> Figure:
    """Spread of the pre-activations and size of the gradient in each layer.

    Two panels with the layer on the horizontal axis and a logarithmic vertical
    axis: above, the variance of the pre-activations across the examples; below,
    the root mean square of ``∂L/∂z``. Each line is the geometric mean over the
    seeds, with the band from the smallest to the largest seed shaded.

    Parameters
    ----------
    runs
        ``{label: result}`` with ``result`` as returned by
        `snippets.signal.signal_through_depth` (arrays ``"spread"`` and
        ``"grad"``, shape ``(seeds, layers)``); labels appear in the legend as
        given (write them in the figure's language).
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    if not runs:
        raise ValueError("runs must hold at least one network")
    fig, (top, bottom) = _new_figure(theme, nrows=2, figsize=(7.0, 7.2), sharex=True)
    items, layers, seeds = [], 0, 0
    for i, (label, result) in enumerate(runs.items()):
        style = _series(i, theme)
        spread = np.asarray(result["spread"], dtype=float)
        grad = np.asarray(result["grad"], dtype=float)
        if spread.ndim != 2 or spread.shape != grad.shape:
            raise ValueError(
                f"{label}: 'spread' and 'grad' must be arrays (seeds, layers) of "
                f"one shape, got {spread.shape} and {grad.shape}"
            )
        layer = np.arange(1, spread.shape[1] + 1)
        every = max(spread.shape[1] // 6, 1)
        for ax, values in ((top, spread), (bottom, grad)):
            ax.fill_between(
                layer,
                values.min(axis=0),
                values.max(axis=0),
                color=style["color"],
                alpha=0.18,
                linewidth=0,
            )
            ax.plot(
                layer,
                _geometric_mean(values),
                **style,
                markevery=every,
                label=label if ax is top else None,
            )
        mean_spread, mean_grad = _geometric_mean(spread), _geometric_mean(grad)
        layers, seeds = max(layers, layer.size), max(seeds, spread.shape[0])
        items.append(
            t(
                "alt_signal_item",
                lang,
                label=label,
                first=fmt_auto(mean_spread[0], lang),
                last=fmt_auto(mean_spread[-1], lang),
                gfirst=fmt_auto(mean_grad[0], lang),
                glast=fmt_auto(mean_grad[-1], lang),
                layers=layer.size,
            )
        )
    for ax in (top, bottom):
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(ticker.LogLocator(numticks=6))
        ax.yaxis.set_major_formatter(ticker.FuncFormatter(_power_of_ten))
        ax.yaxis.set_minor_locator(ticker.NullLocator())
    bottom.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))
    top.set_title(t("title_signal_forward", lang))
    top.set_ylabel(t("axis_spread", lang))
    bottom.set_title(t("title_signal_backward", lang))
    bottom.set_ylabel(t("axis_grad_rms", lang))
    bottom.set_xlabel(t("axis_layer", lang))
    fig.legend(loc="outside lower center", ncols=min(len(runs), 3))
    alt = t(
        "alt_signal",
        lang,
        layers=layers,
        count=len(items),
        seeds=seeds,
        items=fmt_items(items, lang),
    )
    return _finish(fig, alt, lang, theme)
