"""Figures of neurons and networks: the neuron, decision boundaries, loss curves, gradients by layer."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib import ticker
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch

from snippets import activations
from snippets.figures._base import (
    _THEMES,
    _TINTS,
    _display,
    _figure_function,
    _finish,
    _inline,
    _legend,
    _new_figure,
    _num,
    _series,
    _short,
    _tint,
)
from snippets.i18n import (
    fmt_and,
    fmt_auto,
    fmt_items,
    fmt_list,
    t,
)


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


@_figure_function
def loss_curves(
    histories: Mapping[str, Sequence[float]],
    lang: str = "pt",
    theme: str = "light",
    log_y: bool = True,
    bands: Mapping[str, tuple[Sequence[float], Sequence[float]]] | None = None,
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
    bands
        ``{label: (lowest, highest)}`` per epoch, e.g. over the seeds of the
        runs that ``histories`` averages: shaded around the curve of that label.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    fig, ax = _new_figure(theme)
    bands = dict(bands or {})
    unknown = set(bands) - set(histories)
    if unknown:
        raise ValueError(f"bands for labels without a curve: {sorted(unknown)}")
    finals = {}
    epochs = 0
    for i, (label, losses) in enumerate(histories.items()):
        losses = np.asarray(losses, dtype=float)
        epoch = np.arange(1, losses.size + 1)
        style = _series(i, theme)
        if label in bands:
            low, high = (np.asarray(b, dtype=float) for b in bands[label])
            ax.fill_between(
                epoch, low, high, color=style["color"], alpha=0.2, linewidth=0
            )
        ax.plot(
            epoch,
            losses,
            **style,
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
    if bands:
        alt += " " + t("alt_loss_bands", lang)
    return _finish(fig, alt, lang, theme)


# --------------------------------------------------------------------------- #
# 6. Vanishing gradients
# --------------------------------------------------------------------------- #
@_figure_function
def gradient_norms_by_layer(
    norms: Mapping[str, Sequence[float]],
    lang: str = "pt",
    theme: str = "light",
    measure: str = "gradient",
    forward: Mapping[str, Sequence[float]] | None = None,
) -> Figure:
    """Plot a size per layer (log scale), one line per network.

    Parameters
    ----------
    norms
        ``{label: sizes}`` with the size for layer 1 (closest to the input)
        first.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.
    measure
        What ``norms`` holds: ``"gradient"``, the norm of each layer's weight
        gradient, or ``"error"``, the size of the error signal ``∂ℓ/∂z`` that
        reaches the layer (see `snippets.experiments.signal_by_layer`).
    forward
        ``{label: variances}``: the variance across examples of each layer's
        activations; when given, drawn in a panel of its own, on the left.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``. For each network the alt text gives the
        sizes at the first and last layer and how the first compares with the
        last (``first / last``, and that ratio per layer crossed).
    """
    if measure not in ("gradient", "error"):
        raise ValueError(
            f"measure must be 'gradient' or 'error', got {measure!r}; "
            "valid choices: 'gradient', 'error'"
        )
    if forward is None:
        fig, back_ax = _new_figure(theme)
        panels = [(back_ax, norms, measure)]
    else:
        fig, (fwd_ax, back_ax) = _new_figure(theme, 1, 2, figsize=(7.0, 4.8))
        panels = [(fwd_ax, forward, "forward"), (back_ax, norms, measure)]
    parts, layers = {}, 0
    for ax, series, kind in panels:
        items = []
        for i, (label, values) in enumerate(series.items()):
            values = np.asarray(values, dtype=float)
            layer = np.arange(1, values.size + 1)
            ax.plot(layer, values, **_series(i, theme), label=label)
            layers = max(layers, values.size)
            ratio = values[0] / values[-1]
            items.append(
                t(
                    "alt_forward_item" if kind == "forward" else "alt_layers_item",
                    lang,
                    label=label,
                    first=fmt_auto(values[0], lang),
                    last=fmt_auto(values[-1], lang),
                    layers=values.size,
                    ratio=fmt_auto(ratio, lang),
                    gain=fmt_auto(ratio ** (1 / max(values.size - 1, 1)), lang),
                )
            )
        ax.set_yscale("log")
        ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))
        ax.set_xlabel(t("axis_layer", lang))
        ax.set_ylabel(t(f"axis_{kind}_size", lang))
        ax.set_title(t(f"title_{kind}_size", lang), fontsize=12 if forward else 13)
        parts[kind] = fmt_items(items, lang)
    if forward is None:
        _legend(back_ax, theme)
    else:
        handles, labels = back_ax.get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside lower center", ncols=3)
    if forward is None:
        alt = t(
            f"alt_{measure}_sizes",
            lang,
            layers=layers,
            count=len(norms),
            items=parts[measure],
        )
    else:
        alt = t(
            "alt_forward_backward",
            lang,
            layers=layers,
            count=len(norms),
            forward=parts["forward"],
            backward=parts[measure],
        )
    return _finish(fig, alt, lang, theme)
