"""snippets.publish: the two colour-scheme variants written at build time."""

from __future__ import annotations

import re

from snippets import figures, publish

# Element ids that Matplotlib hashes from an element's content (colours included).
_HASHED_IDS = re.compile(rb"\b[a-z][0-9a-f]{10}\b")


def test_variants_are_the_figure_in_each_scheme():
    variants, alt = publish._draw_both(
        figures.activation_plot, ("leaky_relu",), {}, "en"
    )
    drawn = {
        theme: figures.activation_plot("leaky_relu", lang="en", theme=theme)
        for theme in figures.THEMES
    }
    assert variants["light"] == figures.svg_bytes(drawn["light"])
    dark = figures.svg_bytes(drawn["dark"])
    assert _HASHED_IDS.sub(b"", variants["dark"]) == _HASHED_IDS.sub(b"", dark)
    assert alt == drawn["dark"].alt_text


def test_a_colour_outside_the_schemes_is_drawn_in_each():
    themes = []

    def make(lang, theme):
        themes.append(theme)
        fig = figures.activation_plot("relu", lang=lang, theme=theme)
        fig.axes[0].axhline(0.5, color="#123456")
        return fig

    variants, _ = publish._draw_both(make, (), {}, "pt")
    assert themes == ["light", "dark"]
    assert b"#123456" in variants["dark"] and b"#1e2129" in variants["dark"]


def test_each_figure_keeps_its_own_file(tmp_path, monkeypatch, capsys):
    # Run outside the site (no figure folder) and outside Jupyter, a snippet
    # that draws two figures with the same function must leave both on disk.
    monkeypatch.delenv(publish.FIGURE_DIR_VARIABLE, raising=False)
    monkeypatch.setattr(publish, "_SAVED", {}, raising=False)  # a fresh count
    monkeypatch.chdir(tmp_path)
    for name in ("relu", "tanh"):
        publish.show(figures.activation_plot, name, lang="en")
    files = sorted(p.name for p in tmp_path.glob("*.png"))
    assert files == ["activation_plot-en-2.png", "activation_plot-en.png"]
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        "Figure saved to activation_plot-en.png",
        "Figure saved to activation_plot-en-2.png",
    ]
    # each file is its own figure: the first is ReLU's, the second tanh's
    first, second = (tmp_path / f for f in reversed(files))
    assert first.read_bytes() != second.read_bytes()
    publish.show(figures.activation_plot, "relu", lang="pt")  # counted per name
    assert (tmp_path / "activation_plot-pt.png").is_file()
