"""Figures in two layers: a frame drawn once by Matplotlib, data drawn many times cheaply.

A page that lets the reader choose between many precomputed states (the
playground, the parameters of a catalogue page) shows for each state the same
axes, labels and legend with other curves. Drawing every state with Matplotlib
costs about 0.1 s each; instead, the words and axes are drawn once, as a
*frame* (a Matplotlib figure with a transparent background), and the data of
each state as a small SVG *layer* of the same size, placed under the frame: a
few paths, written here directly in the coordinates the frame's axes give them.

Both layers are drawn through a *painter* with the same few methods (`lines`,
`band`, `regions`): `MatplotlibPainter` draws on the axes of a
figure (the whole figure in one, as a reader's Python saves it), `SvgPainter`
writes the layer. The layer holds no text, so one layer serves both languages.
Its colours are those of the theme, so `recolour_svg` turns the light layer
into the dark one.
"""

from __future__ import annotations

import re

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from snippets.figures._base import _THEMES, _TINTS, _kink_marker, _rc, _series, _tint

__all__ = ["MatplotlibPainter", "SvgPainter", "transparent"]

_HEADER = re.compile(
    rb'<svg[^>]*?width="([^"]+)"[^>]*?height="([^"]+)"[^>]*?viewBox="([^"]+)"'
)
_DASHES = {
    "-": None,
    "--": "lines.dashed_pattern",
    ":": "lines.dotted_pattern",
    "-.": "lines.dashdot_pattern",
}


def transparent(fig: Figure) -> Figure:
    """Make the background of ``fig`` and of its axes transparent (a frame)."""
    fig.patch.set_alpha(0.0)
    for ax in fig.axes:
        ax.patch.set_alpha(0.0)
    return fig


def _hex(colour) -> str:
    return matplotlib.colors.to_hex(colour)


def _finite_segments(x: np.ndarray, y: np.ndarray):
    """The runs of ``(x, y)`` without NaN (where Matplotlib breaks a line too)."""
    ok = np.isfinite(x) & np.isfinite(y)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], ok.astype(int), [0]])))
    for start, stop in zip(edges[::2], edges[1::2], strict=True):
        yield x[start:stop], y[start:stop]


class MatplotlibPainter:
    """Draw the data of a layered figure on the figure's own axes.

    Parameters
    ----------
    theme
        ``"light"`` or ``"dark"``: the colours of the series and tints.
    """

    def __init__(self, theme: str) -> None:
        self.theme = theme

    def lines(
        self,
        ax: Axes,
        x,
        y,
        series: int,
        linewidth: float = 2.2,
        linestyle=None,
        muted: bool = False,
    ) -> None:
        """A line in the colour and style of series ``series`` (or ``linestyle``:
        ``"-"``, ``"--"``, ``":"``, ``"-."``; ``muted``: in the theme's grey);
        NaN breaks it, values beyond the axes are clipped to a little past them."""
        style = _series(series, self.theme)
        x, y = _clipped(ax, x, y)
        ax.plot(
            x,
            y,
            color=_THEMES[self.theme].muted if muted else style["color"],
            linestyle=linestyle or style["linestyle"],
            linewidth=linewidth,
        )

    def markers(self, ax: Axes, x, y) -> None:
        """Open circles at ``(x, y)``: points where the derivative does not exist."""
        ax.plot(x, y, **_kink_marker(self.theme))

    def grid(self, ax: Axes) -> None:
        """The grid at the major ticks, behind the data (frames draw none: a
        frame lies over its layer)."""
        ax.grid(True)

    def band(self, ax: Axes, x, low, high, series: int) -> None:
        """The area between ``low`` and ``high``, light, in series ``series``'s colour."""
        x, low = _clipped(ax, x, low)
        _, high = _clipped(ax, x, high)
        ax.fill_between(
            x,
            low,
            high,
            color=_series(series, self.theme)["color"],
            alpha=0.2,
            linewidth=0,
        )

    def regions(self, ax: Axes, extent, probability) -> None:
        """Colour where ``probability`` (rows: y) is below and above 1/2, and
        draw the boundary between; nothing where it is not finite."""
        th = _THEMES[self.theme]
        x, y, p = _grid(extent, probability)
        if not np.isfinite(p).any():
            return
        p = np.ma.masked_invalid(p)
        tints = [
            _tint(_series(c, self.theme)["color"], th.background, _TINTS["region"])
            for c in (0, 1)
        ]
        ax.contourf(x, y, p, levels=[-1.0, 0.5, 2.0], colors=tints)
        if p.min() < 0.5 < p.max():
            ax.contour(x, y, p, levels=[0.5], colors=th.text, linewidths=1.6)


def _clipped(ax: Axes, x, y):
    """``x`` and ``y`` as floats, ``y`` clipped to a little beyond the axes'
    limits (infinite values included), NaN kept."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    lo, hi = sorted(ax.get_ylim())
    if ax.get_yscale() == "log":
        y = np.where(np.isnan(y), np.nan, np.clip(y, lo / 10.0, hi * 10.0))
    else:
        span = hi - lo
        y = np.where(np.isnan(y), np.nan, np.clip(y, lo - span, hi + span))
    return x, y


def _grid(extent, probability):
    x0, x1, y0, y1 = extent
    p = np.asarray(probability, dtype=float)
    rows, cols = p.shape
    return np.linspace(x0, x1, cols), np.linspace(y0, y1, rows), p


class SvgPainter:
    """Write the data of a layered figure as SVG, in its frame's coordinates.

    Parameters
    ----------
    frame
        The frame: a figure whose axes stay where they are (no layout engine)
        and whose data the layer paints.
    frame_svg
        The whole frame as ``svg_bytes(frame, whole=True)`` wrote it: the layer
        takes its size and view box.
    theme
        ``"light"``; the dark layer is `recolour_svg` of the light one.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from snippets.figures import svg_bytes
    >>> frame = Figure(figsize=(4, 3))
    >>> ax = frame.add_axes((0.1, 0.1, 0.8, 0.8))
    >>> layer = SvgPainter(transparent(frame), svg_bytes(frame, whole=True))
    >>> layer.lines(ax, [0, 1], [0, 1], series=0)
    >>> layer.svg().startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    True
    """

    def __init__(self, frame: Figure, frame_svg: bytes, theme: str = "light") -> None:
        found = _HEADER.search(frame_svg)
        if found is None:
            raise ValueError("frame_svg is not an SVG document written by svg_bytes")
        self.width, self.height, self.view_box = (v.decode() for v in found.groups())
        width, height = frame.get_size_inches() * 72.0
        box = [float(v) for v in self.view_box.split()[2:]]
        if not np.allclose(box, [width, height], rtol=0, atol=1e-3):
            raise ValueError(
                f"the frame's SVG ({self.view_box}) is not the whole figure "
                f"({width:g} × {height:g} pt): save it with svg_bytes(fig, whole=True)"
            )
        if frame.get_layout_engine() is not None:
            raise ValueError("a frame must have no layout engine (axes that stay put)")
        self.theme = theme
        self._dpi = frame.dpi
        self._height = height / 72.0
        self._clips: dict[int, str] = {}
        self._body: list[str] = []
        self._defs: list[str] = []

    # -- coordinates ---------------------------------------------------------
    def _to_svg(self, points: np.ndarray) -> np.ndarray:
        """Display pixels -> SVG user units (points, y down)."""
        inches = points / self._dpi
        x = inches[:, 0] * 72.0
        y = (self._height - inches[:, 1]) * 72.0
        return np.column_stack([x, y])

    def _data(self, ax: Axes, x, y) -> np.ndarray:
        xy = np.column_stack([np.asarray(x, dtype=float), np.asarray(y, dtype=float)])
        return self._to_svg(ax.transData.transform(xy))

    def _clip(self, ax: Axes) -> str:
        """The id of a clip path that is the axes' box."""
        key = id(ax)
        if key not in self._clips:
            (x0, y1), (x1, y0) = self._to_svg(ax.bbox.get_points())
            name = f"c{len(self._clips)}"
            self._defs.append(
                f'<clipPath id="{name}"><rect x="{_f(x0)}" y="{_f(y0)}" '
                f'width="{_f(x1 - x0)}" height="{_f(y1 - y0)}"/></clipPath>'
            )
            self._clips[key] = name
        return self._clips[key]

    # -- the painter's methods -------------------------------------------------
    def lines(
        self,
        ax: Axes,
        x,
        y,
        series: int,
        linewidth: float = 2.2,
        linestyle=None,
        muted: bool = False,
    ) -> None:
        """As `MatplotlibPainter.lines`."""
        style = dict(_series(series, self.theme))
        if linestyle:
            style["linestyle"] = linestyle
        if muted:
            style["color"] = _THEMES[self.theme].muted
        x, y = _clipped(ax, x, y)
        paths = [
            _path(self._data(ax, xs, ys))
            for xs, ys in _finite_segments(x, y)
            if xs.size > 1
        ]
        if not paths:
            return
        dash = _DASHES.get(style["linestyle"])
        pattern = ""
        if dash:
            scale = linewidth if matplotlib.rcParams["lines.scale_dashes"] else 1.0
            pattern = (
                ' stroke-dasharray="'
                + " ".join(_f(v * scale) for v in matplotlib.rcParams[dash])
                + '"'
            )
        self._body.append(
            f'<path d="{"".join(paths)}" fill="none" stroke="{_hex(style["color"])}" '
            f'stroke-width="{_f(linewidth)}" stroke-linejoin="round" '
            f'stroke-linecap="butt"{pattern} clip-path="url(#{self._clip(ax)})"/>'
        )

    def band(self, ax: Axes, x, low, high, series: int) -> None:
        """As `MatplotlibPainter.band`."""
        x, low = _clipped(ax, x, low)
        _, high = _clipped(ax, x, high)
        ok = np.isfinite(low) & np.isfinite(high)
        pieces = []
        for xs, (lo, hi) in _runs(x, ok, low, high):
            outline = np.concatenate(
                [self._data(ax, xs, lo), self._data(ax, xs[::-1], hi[::-1])]
            )
            pieces.append(_path(outline) + "Z")
        if pieces:
            colour = _hex(_series(series, self.theme)["color"])
            self._body.append(
                f'<path d="{"".join(pieces)}" fill="{colour}" fill-opacity="0.2" '
                f'clip-path="url(#{self._clip(ax)})"/>'
            )

    def regions(self, ax: Axes, extent, probability) -> None:
        """As `MatplotlibPainter.regions`."""
        import contourpy

        th = _THEMES[self.theme]
        x, y, p = _grid(extent, probability)
        if not np.isfinite(p).any():
            return
        clip = self._clip(ax)
        tints = [
            _hex(
                _tint(_series(c, self.theme)["color"], th.background, _TINTS["region"])
            )
            for c in (0, 1)
        ]
        generator = contourpy.contour_generator(
            x,
            y,
            np.ma.masked_invalid(p),
            fill_type="OuterOffset",
            line_type="Separate",
        )
        for (low, high), tint in zip(((-1.0, 0.5), (0.5, 2.0)), tints, strict=True):
            polygons, offsets = generator.filled(low, high)
            d = "".join(
                _path(self._data(ax, *part.T)) + "Z"
                for points, cuts in zip(polygons, offsets, strict=True)
                for part in np.split(points, cuts[1:-1])
            )
            if d:
                self._body.append(
                    f'<path d="{d}" fill="{tint}" fill-rule="evenodd" '
                    f'clip-path="url(#{clip})"/>'
                )
        lines = [line for line in generator.lines(0.5) if len(line) > 1]
        if lines:
            d = "".join(_path(self._data(ax, *line.T)) for line in lines)
            self._body.append(
                f'<path d="{d}" fill="none" stroke="{_hex(th.text)}" '
                f'stroke-width="1.6" clip-path="url(#{clip})"/>'
            )

    def grid(self, ax: Axes) -> None:
        """As `MatplotlibPainter.grid`: lines at the axes' major ticks."""
        th = _THEMES[self.theme]
        (x0, y1), (x1, y0) = self._to_svg(ax.bbox.get_points())
        segments = []
        xlo, xhi = sorted(ax.get_xlim())
        for x in ax.get_xticks():
            if xlo <= x <= xhi:
                sx = self._data(ax, [x], [ax.get_ylim()[0]])[0, 0]
                segments.append(f"M{_f(sx)} {_f(y0)}L{_f(sx)} {_f(y1)}")
        ylo, yhi = sorted(ax.get_ylim())
        for y in ax.get_yticks():
            if ylo <= y <= yhi:
                sy = self._data(ax, [ax.get_xlim()[0]], [y])[0, 1]
                segments.append(f"M{_f(x0)} {_f(sy)}L{_f(x1)} {_f(sy)}")
        if segments:
            width = _f(_rc(th)["grid.linewidth"])
            self._body.append(
                f'<path d="{"".join(segments)}" fill="none" '
                f'stroke="{_hex(th.grid)}" stroke-width="{width}"/>'
            )

    def markers(self, ax: Axes, x, y) -> None:
        """As `MatplotlibPainter.markers`."""
        style = _kink_marker(self.theme)
        centres = self._data(ax, x, y)
        radius = _f(style["markersize"] / 2)
        circles = "".join(
            f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{radius}"/>' for cx, cy in centres
        )
        self._body.append(
            f'<g fill="{_hex(style["markerfacecolor"])}" '
            f'stroke="{_hex(style["markeredgecolor"])}" '
            f'stroke-width="{_f(style["markeredgewidth"])}">{circles}</g>'
        )

    def svg(self) -> bytes:
        """The layer: the theme's background, then everything painted, in order."""
        background = _hex(_THEMES[self.theme].background)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" '
            f'height="{self.height}" viewBox="{self.view_box}">'
            f"<defs>{''.join(self._defs)}</defs>"
            f'<rect width="100%" height="100%" fill="{background}"/>'
            f"{''.join(self._body)}</svg>\n"
        ).encode()


def _runs(x, ok, *arrays):
    """``(x, arrays)`` cut into the runs where ``ok`` holds."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], ok.astype(int), [0]])))
    for start, stop in zip(edges[::2], edges[1::2], strict=True):
        if stop - start > 1:
            yield x[start:stop], [a[start:stop] for a in arrays]


def _f(v: float) -> str:
    """A length to 0.01 pt, without trailing zeros."""
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _path(points: np.ndarray) -> str:
    """``M x y L x y ...`` through ``points`` (n × 2), to 0.1 pt."""
    points = np.round(np.asarray(points, dtype=float), 1) + 0.0  # no "-0.0"
    return ("M" + "L".join(["%g %g"] * len(points))) % tuple(points.ravel())
