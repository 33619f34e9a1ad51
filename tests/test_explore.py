"""Explorers (snippets/explore.py) and layered figures (snippets/figures/overlay.py):
the HTML and the words a page shows, the layers drawn where Matplotlib draws, and,
on the built site, every state's files."""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from snippets.explore import Control, Panel, State, explorer
from snippets.figures import recolour_svg, svg_bytes
from snippets.figures._base import _THEMES, _rc, _style
from snippets.figures.overlay import MatplotlibPainter, SvgPainter, transparent
from snippets.figures.playground import signal_frame, training_frame
from snippets.i18n import LANGS
from tests.test_reproducible import words

# --------------------------------------------------------------- layers


def _frame(log: bool = False) -> tuple[Figure, object]:
    """A frame in the light theme's colours, one axes placed by hand."""
    with matplotlib.rc_context(_rc(_THEMES["light"])):
        fig = Figure(figsize=(5.0, 3.0), facecolor=_THEMES["light"].background)
        ax = fig.add_axes((0.15, 0.2, 0.7, 0.65))
        ax.set_xlim(0, 10)
        ax.set_ylim(*((1e-3, 10.0) if log else (-1.0, 2.0)))
        if log:
            ax.set_yscale("log")
        _style(ax, "en", "light")
    return transparent(fig), ax


def _matplotlib_path(svg: bytes, gid: str) -> np.ndarray:
    """The points of the path Matplotlib wrote for the artist with ``gid``."""
    text = svg.decode()
    group = text[text.index(f'<g id="{gid}">') :]
    d = re.search(r'<path d="([^"]+)"', group).group(1)
    return np.array(re.findall(r"(-?[\d.]+) (-?[\d.]+)", d), dtype=float)


def _layer_path(svg: bytes) -> np.ndarray:
    d = re.search(r'<path d="(M[^"]+)" fill="none"', svg.decode()).group(1)
    return np.array(re.findall(r"(-?[\d.]+) (-?[\d.]+)", d), dtype=float)


@pytest.mark.parametrize("log", [False, True])
def test_a_layer_draws_where_matplotlib_draws(log):
    """The same line, written by Matplotlib into the frame's SVG and by the
    layer: the same points, to the layer's 0.1 pt."""
    x = np.linspace(0.5, 9.5, 7)
    y = np.geomspace(2e-3, 5.0, 7) if log else np.sin(x)
    fig, ax = _frame(log)
    (line,) = ax.plot(x, y, gid="probe", clip_on=False)
    with_line = svg_bytes(fig, whole=True)
    line.remove()
    layer = SvgPainter(fig, svg_bytes(fig, whole=True))
    layer.lines(ax, x, y, series=0)
    expected = _matplotlib_path(with_line, "probe")
    assert np.allclose(_layer_path(layer.svg()), expected, atol=0.06)


@pytest.mark.parametrize("log", [False, True])
def test_a_layers_grid_is_matplotlibs(log):
    """Frames draw no grid (they lie over their layer); the layer draws it at the
    places where Matplotlib's own grid lines go."""
    fig, ax = _frame(log)
    ax.grid(True)
    fig.draw_without_rendering()  # creates the ticks and their grid lines
    lines = [*ax.get_xgridlines(), *ax.get_ygridlines()]
    for i, line in enumerate(lines):
        line.set_gid(f"grid{i}")
    with_grid = svg_bytes(fig, whole=True)
    expected = set()
    for i in range(len(lines)):
        if f'id="grid{i}"'.encode() in with_grid:
            x, y = _matplotlib_path(with_grid, f"grid{i}")[0]
            expected.add(round(float(x if i < len(ax.get_xgridlines()) else -y), 1))
    ax.grid(False)
    layer = SvgPainter(fig, svg_bytes(fig, whole=True))
    layer.grid(ax)
    d = re.search(r'<path d="([^"]+)"', layer.svg().decode()).group(1)
    found = set()
    number = r"(-?[\d.]+)"
    for x0, y0, x1, _ in re.findall(f"M{number} {number}L{number} {number}", d):
        found.add(round(float(x0), 1) if x0 == x1 else round(-float(y0), 1))
    assert found and all(min(abs(f - e) for e in expected) <= 0.06 for f in found)
    assert len(found) == len(expected)


def test_a_layer_has_the_frames_size_and_the_themes_colours():
    fig, ax = _frame()
    frame = svg_bytes(fig, whole=True)
    layer = SvgPainter(fig, frame)
    layer.band(ax, [1, 2, 3], [0, 0, 0], [1, 1.5, 1], series=1)
    layer.lines(ax, [1, 2, 3], [0.5, 0.6, 0.7], series=2, linestyle="--")
    p = np.linspace(0, 1, 8)
    layer.regions(ax, (0, 10, -1, 2), np.add.outer(p, p) / 2)
    svg = layer.svg()
    head = re.compile(rb'width="[^"]+" height="[^"]+" viewBox="[^"]+"')
    assert head.search(svg).group() == head.search(frame).group()
    light = {c.lower() for c in re.findall(rb"#[0-9a-fA-F]{6}", svg)}
    assert _THEMES["light"].background.encode() in light
    dark = recolour_svg(svg, "dark")  # raises if a colour is not the theme's
    assert _THEMES["dark"].background.encode() in dark
    assert b"stroke-dasharray" in svg  # the line style, not only the colour


def test_a_layer_breaks_lines_at_nan_and_skips_empty_data():
    fig, ax = _frame()
    layer = SvgPainter(fig, svg_bytes(fig, whole=True))
    layer.lines(ax, [1, 2, 3, 4], [0.1, 0.2, np.nan, 0.3], 0)  # a piece of 2 points
    layer.lines(ax, [1, 2], [np.nan, np.nan], 0)
    layer.regions(ax, (0, 1, 0, 1), np.full((4, 4), np.nan))
    svg = layer.svg().decode()
    assert svg.count("<path") == 1 and svg.count("M") == 1


def test_a_layer_needs_a_whole_frame_with_fixed_axes():
    fig, _ = _frame()
    with pytest.raises(ValueError, match="whole=True"):
        SvgPainter(fig, svg_bytes(fig))  # saved tight
    with pytest.raises(ValueError, match="not an SVG"):
        SvgPainter(fig, b"<html>")
    whole = svg_bytes(fig, whole=True)
    fig.set_layout_engine("tight")
    with pytest.raises(ValueError, match="no layout engine"):
        SvgPainter(fig, whole)


def test_matplotlib_painter_draws_the_same_things():
    _, ax = _frame()
    painter = MatplotlibPainter("light")
    painter.band(ax, [1, 2], [0, 0], [1, 1], series=0)
    painter.lines(ax, [1, 2], [0, 5], series=0)  # 5: clipped near the top
    p = np.linspace(0, 1, 6)
    painter.regions(ax, (0, 10, -1, 2), np.add.outer(p, p) / 2)
    assert len(ax.lines) == 1 and max(ax.lines[0].get_ydata()) <= 2.0 + 3.0
    assert len(ax.collections) >= 2  # the band and the regions


@pytest.mark.parametrize("frame", [signal_frame, training_frame])
def test_frames_put_their_axes_in_the_same_place_in_both_languages(frame):
    """So a layer, which has no words, serves both languages."""
    positions = {
        lang: [
            tuple(np.round(ax.get_position().bounds, 9)) for ax in frame(lang=lang).axes
        ]
        for lang in LANGS
    }
    assert positions["pt"] == positions["en"]


# -------------------------------------------------------------- explorers


def _toy(folder: Path | None, lang: str = "en", **kwargs) -> str:
    fig, _ = _frame()

    def paint(painter, frame, key):
        painter.lines(frame.axes[0], [0, 10], [0, float(key[1])], series=0)

    controls = [
        Control("kind", "Kind", ("a", "b"), ("Apple", "Banana")),
        Control("level", "Level", ("1", "2", "3"), ("one", "two", "three"), "range"),
    ]
    states = {
        (k, n): State(
            alt={"plot": f"alt {k}{n}"}, texts={"note": f"<p>note {k} {n}</p>"}
        )
        for k in ("a", "b")
        for n in ("1", "2", "3")
    }
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), pytest.MonkeyPatch.context() as mp:
        if folder is None:
            mp.delenv("SNIPPETS_FIGURE_DIR", raising=False)
        else:
            mp.setenv("SNIPPETS_FIGURE_DIR", str(folder))
        explorer(
            "toy",
            controls,
            [Panel("plot", fig, paint, shared=lambda key: key[1])],
            states,
            ("b", "2"),
            lang,
            **kwargs,
        )
    return printed.getvalue()


def test_an_explorer_prints_html_with_every_states_files(tmp_path):
    page = _toy(tmp_path)
    assert page.count('id="explorer-toy"') == 1
    table = json.loads(
        html.unescape(re.search(r'data-states="([^"]*)"', page).group(1))
    )
    assert set(table) == {f"{k}|{n}" for k in "ab" for n in "123"}
    for state in table.values():
        for name in state["layers"]["plot"]:
            assert (tmp_path / name.removeprefix("@fig/")).is_file()
    # the level alone decides the layer (shared=...): three layers, two schemes
    layers = {tuple(s["layers"]["plot"]) for s in table.values()}
    assert len(layers) == 3
    # the default state is on the page: its layer, alt text and text
    assert f'src="{table["b|2"]["layers"]["plot"][0]}"' in page
    assert 'alt="alt b2"' in page and "<p>note b 2</p>" in page
    # labelled native controls, hidden until the script shows them; a live region
    for ident in ("explorer-toy-kind", "explorer-toy-level"):
        assert f'<label for="{ident}">' in page and f'id="{ident}"' in page
    assert '<option value="b" selected>Banana</option>' in page
    assert 'type="range"' in page and 'aria-valuetext="two"' in page
    assert '<div class="explorer-controls" hidden>' in page
    assert 'data-slot="note" aria-live="polite"' in page
    script = '<script src="@root/assets/javascripts/explore.js" defer></script>'
    assert page.rstrip().endswith(script)


def test_a_readers_run_prints_the_words_the_page_shows(tmp_path):
    shown = _toy(tmp_path)
    plain = _toy(None)
    assert words(re.sub(r'data-states="[^"]*"', "", shown)) == words(plain)
    assert plain.splitlines()[:2] == ["Kind: Apple, Banana", "Level: two"]


def test_an_explorer_needs_every_state_and_a_known_default(tmp_path):
    fig, _ = _frame()
    control = Control("kind", "Kind", ("a", "b"), ("A", "B"))
    panel = Panel("plot", fig, lambda *a: None)
    only_a = {("a",): State(alt={"plot": "a"})}
    with pytest.raises(ValueError, match="every combination"):
        explorer("x", [control], [panel], only_a, ("a",), "en")
    both = {**only_a, ("b",): State(alt={"plot": "b"})}
    with pytest.raises(ValueError, match="is not a state"):
        explorer("x", [control], [panel], both, ("c",), "en")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "checkbox"}, "kind must be"),
        ({"texts": ("A",)}, "as many"),
        ({"name": "Bad name"}, "lower-case"),
    ],
)
def test_controls_check_themselves(kwargs, message):
    args = {"name": "kind", "label": "Kind", "values": ("a", "b"), "texts": ("A", "B")}
    with pytest.raises(ValueError, match=message):
        Control(**{**args, **kwargs})


# ------------------------------------------------------- on the built site


def _states(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    found = re.search(
        r'<div class="explorer" id="explorer-playground"[^>]*data-states="([^"]*)"',
        text,
    )
    assert found, f"no playground explorer in {page}"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize("lang", LANGS)
def test_every_combination_has_its_files_after_the_build(built_site: Path, lang):
    from snippets.experiments.playground import GRID

    page = built_site / ("en/" if lang == "en" else "") / "playground" / "index.html"
    states = _states(page)
    assert len(states) == GRID.size
    for key, state in states.items():
        assert set(state["layers"]) == {"signal", "training"}, key
        for files in state["layers"].values():
            assert len(files) == 2  # light, dark
            for name in files:
                assert name.startswith("../assets/figures/"), name
                assert (page.parent / name).resolve().is_file(), (key, name)
        assert state["alt"]["training"] and state["texts"]["summary"]
    text = page.read_text(encoding="utf-8")
    script = re.search(r'<script src="([^"]+explore\.js)" defer>', text).group(1)
    assert (page.parent / script).resolve().is_file()
    assert "@fig/" not in text and "@root/" not in text
