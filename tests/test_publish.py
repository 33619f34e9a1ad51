"""snippets.publish: the two colour-scheme variants written at build time."""

from __future__ import annotations

import base64
import html
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


def _shown_in_jupyter(monkeypatch, figure_dir):
    """What `show` displays in a Jupyter kernel (the bundle given to display)."""
    import IPython.display

    shown = []
    monkeypatch.setattr(publish, "_in_jupyter", lambda: True)
    monkeypatch.setattr(IPython.display, "display", lambda b, raw: shown.append(b))
    if figure_dir is None:
        monkeypatch.delenv(publish.FIGURE_DIR_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(publish.FIGURE_DIR_VARIABLE, str(figure_dir))
    publish.show(figures.activation_plot, "relu", lang="pt")
    (bundle,) = shown
    return bundle


def test_in_jupyter_a_reader_gets_a_png_with_its_alt_text(monkeypatch, tmp_path):
    bundle = _shown_in_jupyter(monkeypatch, None)
    png = base64.b64decode(bundle["image/png"])
    assert png.startswith(b"\x89PNG")
    alt = figures.activation_plot("relu", lang="pt").alt_text
    assert bundle["text/plain"] == alt and html.escape(alt) in bundle["text/html"]


def test_in_the_site_builds_kernel_both_schemes_travel_as_svg(monkeypatch, tmp_path):
    """The notebook page's figure: both variants as SVG data URLs (the build's
    hook writes them into files), sized and lazy like the pages' figures; nothing
    is written by the kernel itself."""
    bundle = _shown_in_jupyter(monkeypatch, tmp_path)
    assert set(bundle) == {"text/html", "text/plain"}
    tags = re.findall(r"<img [^>]*>", bundle["text/html"])
    variants, _ = publish._draw_both(figures.activation_plot, ("relu",), {}, "pt")
    for tag, (scheme, svg) in zip(tags, variants.items(), strict=True):
        assert f'class="only-{scheme}"' in tag and 'loading="lazy"' in tag
        src = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', tag).group(1)
        assert base64.b64decode(src) == svg
        assert re.search(r'width="\d+" height="\d+"', tag)
    assert not list(tmp_path.iterdir())


def test_save_svg_names_a_file_by_its_content(tmp_path):
    first = publish.save_svg(b"<svg>one</svg>", tmp_path / "figures")
    again = publish.save_svg(b"<svg>one</svg>", tmp_path / "figures")
    other = publish.save_svg(b"<svg>two</svg>", tmp_path / "figures")
    assert first == again != other and first.endswith(".svg")
    assert (tmp_path / "figures" / first).read_bytes() == b"<svg>one</svg>"
