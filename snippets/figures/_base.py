"""Shared machinery of the figures: themes, styling, labels, sampling."""

from __future__ import annotations

import functools
import inspect
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
import numpy as np
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from snippets import activations
from snippets.i18n import (
    check_lang,
    fmt_and,
    fmt_auto,
    fmt_number,
    t,
)

THEMES = ("light", "dark")
"""The colour schemes, matching Material for MkDocs' ``default`` and ``slate``."""

FIGSIZE = (7.0, 4.0)
N_POINTS = 361  # samples per curve: smooth at 7 in, small SVG files
SVG_HASH_SALT = "snippets-figures"

# Okabe and Ito (2008), "Color Universal Design": distinguishable with any common
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
# areas: decision regions, the reference bar, flat tails, dead zones.
_TINTS = {"region": 0.28, "reference": 0.45, "plateau": 0.22, "dead": 0.5}
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


_NAMES = frozenset({"Gaussian", "Mish"})
"""First words that are names, capitalised inside a sentence too."""


def _inline(display: str) -> str:
    """A display name for use inside a sentence: "Sigmoide (…)" → "sigmoide (…)".

    Only a first word written as a common word loses its capital: acronyms and
    words with other capitals ("ReLU com vazamento", "GELU", "ReLU6") and names
    ("Gaussian error linear unit", "Mish") keep theirs.
    """
    first = display.split(" ", 1)[0]
    common = first[:1].isupper() and first[1:] == first[1:].lower()
    if len(first) > 1 and common and first not in _NAMES:
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


def _tint(color: str, background: str, amount: float) -> tuple[float, ...]:
    """``color`` mixed into ``background``: ``amount`` 0 is the background."""
    c = np.array(matplotlib.colors.to_rgb(color))
    b = np.array(matplotlib.colors.to_rgb(background))
    return tuple(b + amount * (c - b))


# --------------------------------------------------------------------------- #
# 5. Loss during training
# --------------------------------------------------------------------------- #
