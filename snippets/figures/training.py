"""Figures of the training pages: the computation graph of backpropagation, and the
loss and gradient of an output unit as functions of its logit."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch

from snippets.figures._base import (
    _THEMES,
    _display,
    _figure_function,
    _finish,
    _inline,
    _new_figure,
    _num,
    _series,
)
from snippets.figures.networks import _sub
from snippets.i18n import fmt_auto, fmt_list, t


# --------------------------------------------------------------------------- #
# The computation graph of a two-layer network, forward values and δ's
# --------------------------------------------------------------------------- #
@_figure_function
def backprop_graph(
    x,
    y,
    params: Mapping[str, np.ndarray],
    activation: str = "tanh",
    lang: str = "pt",
    theme: str = "light",
) -> Figure:
    """Draw a 2-layer network with its forward values above each unit and its
    δ = ∂L/∂z below, as `snippets.backprop` computes them.

    Parameters
    ----------
    x
        One example, ``n_in`` numbers (1 to 4).
    y
        Its label, 0 or 1.
    params
        ``W1``, ``b1``, ``W2``, ``b2`` as in `snippets.backprop.forward`, with
        1 to 4 hidden units.
    activation
        Name of the hidden layer's activation.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    from snippets.backprop import backward, forward

    x = np.asarray(x, dtype=float).reshape(1, -1)
    n_in, n_hidden = x.shape[1], np.shape(params["W1"])[-1]
    if not (1 <= n_in <= 4 and 1 <= n_hidden <= 4):
        raise ValueError(
            f"draws 1 to 4 inputs and 1 to 4 hidden units, got {n_in} and {n_hidden}"
        )
    steps = forward(x, [y], params, activation)
    grads = backward(steps, params)
    th = _THEMES[theme]
    fwd_color, bwd_color = th.palette[0], th.palette[1]
    fig, ax = _new_figure(theme, figsize=(7.6, 5.3))
    ax.set_xlim(-0.2, 13.2)
    ax.set_ylim(-0.9, 8.7)
    ax.set_aspect("equal")
    ax.axis("off")
    radius = 0.5

    def ys(count, top=6.8, bottom=1.5):
        return np.linspace(top, bottom, count) if count > 1 else np.array([4.15])

    def node(center, text, color):
        ax.add_patch(
            Circle(
                center,
                radius,
                facecolor=th.background,
                edgecolor=color,
                linewidth=2.0,
                zorder=3,
            )
        )
        ax.text(*center, text, ha="center", va="center", fontsize=12, zorder=4)

    def arrow(start, end, r_end=radius, color=th.muted, style="-", width=1.2):
        (x0, y0), (x1, y1) = start, end
        length = math.hypot(x1 - x0, y1 - y0)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        ax.add_patch(
            FancyArrowPatch(
                (x0 + ux * radius, y0 + uy * radius),
                (x1 - ux * r_end, y1 - uy * r_end),
                arrowstyle="-|>",
                mutation_scale=12,
                color=color,
                linewidth=width,
                linestyle=style,
                zorder=2,
            )
        )

    def box(center, text, color, dashed, va):
        ax.text(
            *center,
            text,
            ha="center",
            va=va,
            fontsize=9.5,
            zorder=5,
            bbox={
                "boxstyle": "round,pad=0.22",
                "facecolor": th.background,
                "edgecolor": color,
                "linewidth": 1.3,
                "linestyle": "--" if dashed else "-",
            },
        )

    col = {"in": 1.0, "hid": 5.2, "out": 9.2, "loss": 12.2}
    inputs = [(col["in"], v) for v in ys(n_in, 5.85, 2.45)]
    hidden = [(col["hid"], v) for v in ys(n_hidden)]
    out, end = (col["out"], 4.15), (col["loss"], 4.15)
    heads = [
        ("bp_col_inputs", "in"),
        ("bp_col_hidden", "hid"),
        ("bp_col_output", "out"),
        ("bp_col_loss", "loss"),
    ]
    for key, c in heads:
        ax.text(
            col[c],
            8.35,
            t(key, lang, name=activation),
            ha="center",
            va="center",
            fontsize=10.5,
            color=th.muted,
        )
    for i, start in enumerate(inputs):
        for j, stop in enumerate(hidden):
            arrow(start, stop)
            w = float(params["W1"][i][j])
            ax.text(
                start[0] + 0.33 * (stop[0] - start[0]),
                start[1] + 0.33 * (stop[1] - start[1]),
                _num(w, lang, 2),
                ha="center",
                va="center",
                fontsize=9.5,
                color=th.muted,
                zorder=4,
                bbox={
                    "boxstyle": "round,pad=0.08",
                    "facecolor": th.background,
                    "edgecolor": "none",
                },
            )
    for j, start in enumerate(hidden):
        arrow(start, out)
        ax.text(
            start[0] + 0.5 * (out[0] - start[0]),
            start[1] + 0.5 * (out[1] - start[1]),
            _num(float(params["W2"][j][0]), lang, 2),
            ha="center",
            va="center",
            fontsize=9.5,
            color=th.muted,
            zorder=4,
            bbox={
                "boxstyle": "round,pad=0.08",
                "facecolor": th.background,
                "edgecolor": "none",
            },
        )
    arrow(out, end)
    for i, c in enumerate(inputs):
        node(c, f"x{_sub(i + 1)}", th.text)
        box(
            (c[0], c[1] + radius + 0.12),
            _num(x[0, i], lang, 3),
            fwd_color,
            False,
            "bottom",
        )
    for j, c in enumerate(hidden):
        node(c, "f", th.text)
        box(
            (c[0], c[1] + radius + 0.12),
            t(
                "bp_hidden_values",
                lang,
                z=_num(steps["z1"][0, j], lang, 3),
                a=_num(steps["a1"][0, j], lang, 3),
            ),
            fwd_color,
            False,
            "bottom",
        )
        box(
            (c[0], c[1] - radius - 0.12),
            t("bp_delta", lang, value=_num(grads["delta1"][0, j], lang, 3)),
            bwd_color,
            True,
            "top",
        )
    node(out, "σ", th.text)
    box(
        (out[0], out[1] + radius + 0.12),
        t(
            "bp_output_values",
            lang,
            z=_num(steps["z2"][0, 0], lang, 3),
            p=_num(steps["p"][0, 0], lang, 3),
        ),
        fwd_color,
        False,
        "bottom",
    )
    box(
        (out[0], out[1] - radius - 0.12),
        t("bp_delta", lang, value=_num(grads["delta2"][0, 0], lang, 3)),
        bwd_color,
        True,
        "top",
    )
    node(end, "L", th.text)
    box(
        (end[0], end[1] + radius + 0.12),
        t(
            "bp_loss_value",
            lang,
            loss=_num(steps["loss"], lang, 3),
            y=_num(float(np.ravel(y)[0]), lang),
        ),
        fwd_color,
        False,
        "bottom",
    )
    # the two directions, as arrows across the bottom
    ax.add_patch(
        FancyArrowPatch(
            (0.6, -0.1),
            (12.6, -0.1),
            arrowstyle="-|>",
            mutation_scale=14,
            color=fwd_color,
            linewidth=1.8,
            zorder=2,
        )
    )
    ax.text(6.6, 0.02, t("bp_forward", lang), ha="center", va="bottom", fontsize=10)
    ax.add_patch(
        FancyArrowPatch(
            (12.6, -0.7),
            (0.6, -0.7),
            arrowstyle="-|>",
            mutation_scale=14,
            color=bwd_color,
            linewidth=1.8,
            linestyle="--",
            zorder=2,
        )
    )
    ax.text(6.6, -0.58, t("bp_backward", lang), ha="center", va="bottom", fontsize=10)
    ax.set_title(t("title_backprop_graph", lang))
    alt = t(
        "alt_backprop_graph",
        lang,
        n_in=n_in,
        n_hidden=n_hidden,
        name=_inline(_display(activation, lang)),
        z1=fmt_list([_num(v, lang, 3) for v in steps["z1"][0]], lang),
        p=_num(steps["p"][0, 0], lang, 3),
        loss=_num(steps["loss"], lang, 3),
        delta2=_num(grads["delta2"][0, 0], lang, 3),
        delta1=fmt_list([_num(v, lang, 3) for v in grads["delta1"][0]], lang),
    )
    return _finish(fig, alt, lang, theme)


# --------------------------------------------------------------------------- #
# One output unit: loss and gradient against the logit
# --------------------------------------------------------------------------- #
@_figure_function
def logit_loss_gradient(
    z_range: tuple[float, float] = (-8.0, 8.0),
    lang: str = "pt",
    theme: str = "light",
) -> Figure:
    """Loss and |∂L/∂z| of a positive example (y = 1) against its logit z, for
    the sigmoid with cross-entropy and the sigmoid with the squared error.

    Parameters
    ----------
    z_range
        The logits shown, ``(lo, hi)`` with ``lo < 0 < hi``.
    lang
        ``"pt"`` or ``"en"``.
    theme
        ``"light"`` or ``"dark"``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with ``alt_text``.
    """
    from snippets.outputs import logit_gradient, loss_from_logits

    lo, hi = map(float, z_range)
    if not lo < 0 < hi:
        raise ValueError(
            f"z_range must go from a negative to a positive logit, got {z_range}"
        )
    z = np.linspace(lo, hi, 321)
    ones = np.ones_like(z)
    fig, (left, right) = _new_figure(theme, 1, 2, figsize=(7.6, 4.0))
    pairs = (("sigmoid_bce", "bp_pair_bce"), ("sigmoid_mse", "bp_pair_mse"))
    for i, (pair, key) in enumerate(pairs):
        style = _series(i, theme)
        kw = {**style, "markevery": 40, "label": t(key, lang)}
        left.plot(z, loss_from_logits(z, ones, pair), **kw)
        right.plot(z, np.abs(logit_gradient(z, ones, pair)), **kw)
    for ax, key in ((left, "axis_loss"), (right, "axis_logit_grad")):
        ax.set_xlabel(t("axis_logit", lang))
        ax.set_ylabel(t(key, lang))
        ax.set_xlim(lo, hi)
    right.set_ylim(0, 1.05)
    fig.legend(*left.get_legend_handles_labels(), loc="outside lower center", ncols=2)
    fig.suptitle(t("title_logit_loss_gradient", lang))
    g_bce = abs(logit_gradient(lo, 1, "sigmoid_bce"))
    g_mse = abs(logit_gradient(lo, 1, "sigmoid_mse"))
    peak = z[np.argmax(np.abs(logit_gradient(z, ones, "sigmoid_mse")))]
    alt = t(
        "alt_logit_loss_gradient",
        lang,
        lo=_num(lo, lang),
        hi=_num(hi, lang),
        bce=fmt_auto(g_bce, lang, 4),
        mse=fmt_auto(g_mse, lang, 2),
        peak=_num(peak, lang, 1),
        peak_value=_num(
            np.max(np.abs(logit_gradient(z, ones, "sigmoid_mse"))), lang, 2
        ),
    )
    return _finish(fig, alt, lang, theme)
