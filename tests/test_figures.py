"""The figure functions: text from the label table, alt text, themes, determinism."""

from __future__ import annotations

import re

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from snippets import activations, figures
from snippets.i18n import LABELS, LANGS

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


def _xor_probability(Z):
    return np.where((Z[:, 0] > 0.5) ^ (Z[:, 1] > 0.5), 0.9, 0.1)


def _bowl(w1, w2):
    return 0.5 * (8.0 * w1**2 + w2**2)


def _descent(rate, steps=12):
    path = [np.array([-1.0, 2.0])]
    for _ in range(steps):
        w = path[-1]
        path.append(w - rate * np.array([8.0 * w[0], w[1]]))
    return np.array(path)


# Labels passed in by the caller (legend entries of loss and gradient figures).
SERIES = ("sigmoide", "ReLU")

# Two networks, three seeds, six layers, as snippets.signal.signal_through_depth
# returns them.
_SIGNAL_RUNS = {
    SERIES[0]: {
        "spread": np.geomspace([1.0, 2.0, 3.0], [1e-9, 1e-8, 1e-7], 6).T,
        "grad": np.geomspace([1e-6, 2e-6, 3e-6], [0.2, 0.3, 0.4], 6).T,
    },
    SERIES[1]: {"spread": np.full((3, 6), 0.5), "grad": np.full((3, 6), 0.8)},
}

CASES = {
    "activation_plot": lambda **k: figures.activation_plot("sigmoid", **k),
    "activation_plot_params": lambda **k: figures.activation_plot("leaky_relu", **k),
    "activation_plot_step": lambda **k: figures.activation_plot("step", **k),
    "activations_overview": lambda **k: figures.activations_overview(
        ["step", "sigmoid", "tanh", "relu"], **k
    ),
    "neuron_diagram": lambda **k: figures.neuron_diagram(
        [0.5, -1.0], [0.8, -0.4], 0.1, "sigmoid", **k
    ),
    "decision_boundary": lambda **k: figures.decision_boundary(
        _xor_probability,
        XOR_X,
        XOR_Y,
        title_key="title_xor_nonlinear",
        resolution=60,
        **k,
    ),
    "loss_curves": lambda **k: figures.loss_curves(
        {SERIES[0]: np.linspace(0.7, 0.3, 50), SERIES[1]: np.geomspace(0.7, 1e-3, 50)},
        **k,
    ),
    "gradient_norms_by_layer": lambda **k: figures.gradient_norms_by_layer(
        {SERIES[0]: 0.25 ** np.arange(6)[::-1], SERIES[1]: np.linspace(0.3, 0.5, 6)},
        **k,
    ),
    "gradient_norms_forward_backward": lambda **k: figures.gradient_norms_by_layer(
        {SERIES[0]: 0.25 ** np.arange(6)[::-1], SERIES[1]: np.linspace(0.3, 0.5, 6)},
        measure="error",
        forward={SERIES[0]: 0.06 ** np.arange(6), SERIES[1]: np.linspace(0.4, 0.2, 6)},
        **k,
    ),
    "loss_curves_bands": lambda **k: figures.loss_curves(
        {SERIES[0]: np.geomspace(0.7, 1e-3, 50)},
        bands={SERIES[0]: (np.geomspace(0.5, 5e-4, 50), np.geomspace(0.9, 2e-3, 50))},
        **k,
    ),
    "cost_bars": lambda **k: figures.cost_bars(
        {
            "relu": {"registry": 0.015, "fast": 0.015},
            "sigmoid": {"registry": 0.24, "fast": 0.13},
            "gelu": {"registry": 0.55, "fast": 0.35},
        },
        stamp="x86_64, NumPy 2",
        layer="256 × 512",
        **k,
    ),
    "derivatives_with_plateaus": lambda **k: figures.derivatives_with_plateaus(
        ["sigmoid", "relu", "leaky_relu", "identity"], **k
    ),
    "zigzag_paths": lambda **k: figures.zigzag_paths(
        {SERIES[0]: _descent(0.2), SERIES[1]: _descent(0.05)}, contours=_bowl, **k
    ),
    "gated_units_plot": lambda **k: figures.gated_units_plot(**k),
    "backprop_graph": lambda **k: figures.backprop_graph(
        [0.5, -1.0],
        1,
        {
            "W1": np.array([[0.2, -0.4, 0.6], [0.5, 0.3, -0.1]]),
            "b1": np.array([0.1, 0.0, -0.2]),
            "W2": np.array([[0.7], [-0.5], [0.4]]),
            "b2": np.array([0.1]),
        },
        "tanh",
        **k,
    ),
    "logit_loss_gradient": lambda **k: figures.logit_loss_gradient((-8.0, 8.0), **k),
    "signal_by_layer": lambda **k: figures.signal_by_layer(_SIGNAL_RUNS, **k),
    "playground_signal": lambda **k: figures.playground_signal(
        "sigmoid", "glorot", 2, **k
    ),
    "playground_training": lambda **k: figures.playground_training(
        "tanh", "he", 2, 0.3, **k
    ),
}


class _Figures(dict):
    """``built[case, lang, theme]``: each figure drawn the first time it is asked
    for, then kept (each xdist worker draws only what its share of tests needs);
    ``built.svg(case, lang, theme)``: its SVG, serialised once. Every drawing is
    watched: ``rc_changes`` lists the figures whose function changed Matplotlib's
    global ``rcParams`` (``test_global_rcparams_untouched``)."""

    def __init__(self) -> None:
        super().__init__()
        self.svgs: dict[tuple[str, str, str], bytes] = {}
        self.rc_changes: list[tuple[str, str, str]] = []

    def __missing__(self, key):
        case, lang, theme = key
        before = dict(matplotlib.rcParams)
        self[key] = CASES[case](lang=lang, theme=theme)
        if dict(matplotlib.rcParams) != before:
            self.rc_changes.append(key)
        return self[key]

    def svg(self, case: str, lang: str, theme: str) -> bytes:
        key = (case, lang, theme)
        if key not in self.svgs:
            self.svgs[key] = figures.svg_bytes(self[key])
        return self.svgs[key]


@pytest.fixture(scope="module")
def built():
    """Every case in every language and theme, each built (and serialised) once."""
    return _Figures()


@pytest.fixture(scope="module", params=list(CASES))
def case(request) -> str:
    """One figure case. A module-scoped parameter: pytest runs all the tests of a
    case one after the other, so the xdist worker that draws a case's figures
    (``built``) mostly runs every test that looks at them."""
    return request.param


def _texts(fig: Figure) -> list[str]:
    fig.draw_without_rendering()  # creates the tick labels
    return [
        text.get_text()
        for text in fig.findobj(Text)
        if text.get_visible() and text.get_text().strip()
    ]


def _words(text: str) -> set[str]:
    text = text.replace(r"\mathdefault", "")
    # superscript digits (the exponent of "10⁻⁵") are numbers, not words
    found = re.findall(r"[^\W\d_]+", text)
    return {w.lower() for w in found if not w.isnumeric()}


def _vocabulary(lang: str) -> set[str]:
    words = set().union(*(_words(s) for s in LABELS[lang].values()))
    for name in activations.names():
        words |= _words(activations.get(name).meta.display[lang])
    for series in SERIES:
        words |= _words(series)
    return words | {"x", "f", "z", "b", "w", "ŷ", "σ", "numpy"}


ENGLISH_ONLY = re.compile(
    r"\b(derivative|input|output|loss|epoch|layer|weight|bias|class|start|end|"
    r"plateau|function|with|slope|boundary|relative|cost|gradient|measured)\b",
    re.IGNORECASE,
)


def test_figure_and_alt_text(built, case):
    alts = {}
    for lang in LANGS:
        for theme in figures.THEMES:
            fig = built[case, lang, theme]
            assert isinstance(fig, Figure)
            assert isinstance(fig.alt_text, str) and len(fig.alt_text) > 40
            assert "{" not in fig.alt_text and "}" not in fig.alt_text
            alts[lang, theme] = fig.alt_text
    assert alts["pt", "light"] == alts["pt", "dark"]
    assert alts["pt", "light"] != alts["en", "light"]
    assert not re.search(r"\d,\d", alts["en", "light"])  # decimal point in English
    assert not re.search(r"\d\.\d{1,2}(?!\d)", alts["pt", "light"])  # comma in pt


def test_pt_text_comes_from_the_table(built, case):
    vocabulary = _vocabulary("pt")
    for text in _texts(built[case, "pt", "light"]):
        assert not ENGLISH_ONLY.search(text), text
        assert _words(text) <= vocabulary, (text, _words(text) - vocabulary)
        assert not re.search(r"\d\.\d{1,2}(?!\d)", text), text  # "0,5", not "0.5"


def test_en_text_comes_from_the_table(built, case):
    vocabulary = _vocabulary("en")
    for text in _texts(built[case, "en", "light"]):
        assert _words(text) <= vocabulary, (text, _words(text) - vocabulary)
        assert not re.search(r"\d,\d{1,2}(?!\d)", text), text


def test_svg_is_deterministic_and_themes_differ(built, case):
    fig = built[case, "pt", "light"]
    first = built.svg(case, "pt", "light")  # the figure's first serialisation
    assert first.startswith(b"<?xml") and b"<svg" in first
    assert figures.svg_bytes(fig) == first  # serialised again
    assert figures.svg_bytes(CASES[case](lang="pt", theme="light")) == first  # redrawn
    assert built.svg(case, "pt", "dark") != first
    assert b"<dc:date>" not in first


# Element ids that Matplotlib hashes from an element's content (colours included).
_HASHED_IDS = re.compile(rb"\b[a-z][0-9a-f]{10}\b")


def test_recoloured_svg_is_the_other_theme(built, case):
    """The SVG of one theme, recoloured, is the SVG the other theme draws."""
    for lang in LANGS:
        light, dark = built.svg(case, lang, "light"), built.svg(case, lang, "dark")
        for svg, other, drawn_in, theme in (
            (light, dark, "light", "dark"),
            (dark, light, "dark", "light"),
        ):
            recoloured = figures.recolour_svg(svg, theme, drawn_in=drawn_in)
            assert _HASHED_IDS.sub(b"id", recoloured) == _HASHED_IDS.sub(b"id", other)


def test_recolour_refuses_colours_outside_the_theme():
    with pytest.raises(ValueError, match="#123456 is not a colour of theme 'light'"):
        figures.recolour_svg(b'<path style="fill: #123456"/>', "dark")
    with pytest.raises(ValueError, match="valid choices"):
        figures.recolour_svg(b"<svg/>", "sepia")


def test_png_is_deterministic():
    make = CASES["activation_plot"]
    png = figures.png_bytes(make(lang="en", theme="dark"), dpi=60)
    assert png.startswith(b"\x89PNG")
    assert figures.png_bytes(make(lang="en", theme="dark"), dpi=60) == png


def test_global_rcparams_untouched(built):
    """No figure function changes Matplotlib's global settings: every drawing of
    ``built`` compares ``rcParams`` before and after (each case is drawn at least
    once here; most already were, by the tests of that case)."""
    for case in CASES:
        built[case, "pt", "dark"]
    assert built.rc_changes == []


def test_backgrounds_match_the_themes(built):
    light = built["activation_plot", "pt", "light"]
    dark = built["activation_plot", "pt", "dark"]
    assert matplotlib.colors.to_hex(light.get_facecolor()) == "#ffffff"
    assert matplotlib.colors.to_hex(dark.get_facecolor()) == "#1e2129"
    assert dark.axes[0].title.get_color() != light.axes[0].title.get_color()


def test_bad_lang_and_theme(case):
    with pytest.raises(ValueError, match="valid choices: 'pt', 'en'"):
        CASES[case](lang="fr", theme="light")
    with pytest.raises(ValueError, match="valid choices: 'light', 'dark'"):
        CASES[case](lang="pt", theme="sepia")


# SELU's constants as Klambauer et al. (2017) print them, not the registry's.
_PAPER_ALPHA = 1.6732632423543772848170429916717
_PAPER_LAMBDA = 1.0507009873554804934193349852946


@pytest.mark.parametrize(
    ("name", "params", "at", "left", "right"),
    [
        # f'(0⁻) = λα e⁰, f'(0⁺) = λ
        ("selu", {}, 0.0, _PAPER_LAMBDA * _PAPER_ALPHA, _PAPER_LAMBDA),
        ("elu", {"alpha": 2.0}, 0.0, 2.0, 1.0),  # f'(0⁻) = α e⁰, f'(0⁺) = 1
        ("elu", {"alpha": 3.0}, 0.0, 3.0, 1.0),
        ("hard_swish", {}, 3.0, 1.5, 1.0),  # (2·3 + 3)/6 on the left, 1 on the right
    ],
)
def test_derivative_peak_at_a_kink_is_the_larger_one_sided_limit(
    name, params, at, left, right
):
    """A peak of f' at a jump is reported as its larger one-sided limit and side,
    not as the value a search lands on (SELU's λ on the right, 1.05, was reported
    as its maximum)."""
    act = activations.get(name, **params)
    summary = figures.functions._derivative_summary(act, (-6, 6))
    assert summary["kind"] == "peak_left"
    assert summary["at"] == at
    assert summary["max"] == pytest.approx(left, rel=1e-12)
    assert summary["other"] == pytest.approx(right, rel=1e-12)


def test_derivative_alt_text_at_a_kink():
    en = figures.activation_plot("selu", lang="en").alt_text
    assert "its largest value, 1.76, just left of x = 0 (on the right it is 1.05)" in en
    pt = figures.activation_plot("selu", lang="pt").alt_text
    assert "o maior valor, 1,76, logo à esquerda de x = 0 (à direita vale 1,05)" in pt
    # ELU with α = 0.5: the jump at 0 goes up (0.5 to 1), and 1 is a plateau
    summary = figures.functions._derivative_summary(
        activations.get("elu", alpha=0.5), (-6, 6)
    )
    assert summary["kind"] == "range" and summary["max"] == 1.0


def test_parameterised_plot_shows_both_values(built):
    for lang, default, exaggerated in (("pt", "0,01", "0,2"), ("en", "0.01", "0.2")):
        fig = built["activation_plot_params", lang, "light"]
        legend = " | ".join(text.get_text() for text in fig.legends[0].get_texts())
        assert default in legend and exaggerated in legend
        assert exaggerated in fig.alt_text


def test_series_differ_by_more_than_colour(built):
    ax = built["activations_overview", "pt", "light"].axes[0]
    lines = [line for line in ax.get_lines() if line.get_label()[0] != "_"]
    styles = {(str(line.get_linestyle()), line.get_marker()) for line in lines}
    assert len(styles) == len(lines) == 4


@pytest.mark.parametrize(
    ("name", "lang", "inline"),
    [
        ("sigmoid", "pt", "função de ativação sigmoide (logística)"),
        ("relu6", "en", "activation function ReLU6,"),
        ("leaky_relu", "pt", "função de ativação ReLU com vazamento,"),
        ("prelu", "pt", "função de ativação ReLU paramétrica (PReLU)"),
        ("mish", "en", "activation function Mish,"),
        ("gelu", "en", "activation function Gaussian error linear unit (GELU)"),
    ],
)
def test_alt_text_keeps_acronyms_and_proper_names(name, lang, inline):
    """Only a common first word is lowercased inside the sentence ("reLU6" and
    "mish" were not)."""
    assert inline in figures.activation_plot(name, lang=lang).alt_text


def test_alt_text_numbers_are_computed():
    pt = figures.activation_plot("sigmoid", lang="pt").alt_text
    assert "de −6 a 6" in pt and "de 0 a 1" in pt
    assert "máximo de 0,25 em x = 0" in pt
    en = figures.activation_plot("tanh", lang="en", x_range=(-3, 3)).alt_text
    assert "from −3 to 3" in en and "maximum of 1 at x = 0" in en
    relu = figures.activation_plot("relu", lang="en").alt_text
    assert "between 0 and 1" in relu and "not differentiable at x = 0" in relu
    # z = 0.8 * 0.5 - 0.4 * (-1) + 0.1 = 0.9; sigmoid(0.9) = 0.71
    neuron = figures.neuron_diagram([0.5, -1.0], [0.8, -0.4], 0.1, lang="pt")
    assert "z = 0,9" in neuron.alt_text and "ŷ = 0,71" in neuron.alt_text
    texts = _texts(neuron)
    assert any("0,9" in text for text in texts) and any(
        "0,71" in text for text in texts
    )


@pytest.mark.parametrize(
    ("name", "lang", "inside"),
    [
        ("sigmoid", "pt", "função de ativação sigmoide (logística),"),
        ("tanh", "en", "activation function hyperbolic tangent,"),
        ("leaky_relu", "pt", "função de ativação ReLU com vazamento,"),
        ("leaky_relu", "en", "activation function leaky ReLU,"),
        ("prelu", "pt", "função de ativação ReLU paramétrica (PReLU),"),
        ("relu6", "en", "activation function ReLU6,"),
        ("gelu", "en", "activation function Gaussian error linear unit (GELU),"),
        ("mish", "pt", "função de ativação Mish,"),
    ],
)
def test_alt_text_names_the_function_as_inside_a_sentence(name, lang, inside):
    """A common first word loses its capital; acronyms and names keep theirs."""
    assert inside in figures.activation_plot(name, lang=lang).alt_text


def test_plateau_intervals():
    names = ["sigmoid", "relu", "leaky_relu", "relu6", "identity"]
    alt = figures.derivatives_with_plateaus(names, lang="en").alt_text
    # sigmoid'(x) = 0.05 at |x| = 2.887: flat on both sides, never zero
    assert "flat tails from −6 to −2.9 and from 2.9 to 6, no dead zone" in alt
    # relu' = 0 for x <= 0: flat and dead; leaky: 0.01 < 0.05, flat, not dead
    assert "ReLU: flat tail from −6 to 0, all of it dead zone" in alt
    assert "Leaky ReLU: flat tail from −6 to 0, no dead zone" in alt
    assert "ReLU6: flat tail from −6 to 0, all of it dead zone" in alt  # 6: the edge
    assert "Identity (linear): no flat tail" in alt
    pt = figures.derivatives_with_plateaus(["hard_tanh"], lang="pt").alt_text
    assert "caudas planas de −6 a −1 e de 1 a 6, tudo zona morta" in pt


def test_layer_figures_compare_the_first_layer_with_the_last():
    # one direction everywhere: layer 1 / last layer, and that ratio per layer
    norms = {"a": [1e-4, 1e-3, 1e-2], "b": [2.0, 1.0, 0.5]}
    alt = figures.gradient_norms_by_layer(norms, lang="en", measure="error").alt_text
    assert "layer 1 gets 0.01 times what layer 3 gets: 0.1 per layer" in alt
    assert "layer 1 gets 4 times what layer 3 gets: 2 per layer" in alt
    assert alt.startswith("Size of the error signal")
    both = figures.gradient_norms_by_layer(
        norms, lang="pt", measure="error", forward={"a": [1.0, 0.5, 0.25]}
    )
    assert len(both.axes) == 2
    assert "a: 1 na camada 1 e 0,25 na camada 3" in both.alt_text
    with pytest.raises(ValueError, match="valid choices: 'gradient', 'error'"):
        figures.gradient_norms_by_layer(norms, measure="weights")


def test_loss_bands_need_a_curve():
    with pytest.raises(ValueError, match="without a curve"):
        figures.loss_curves({"a": [1.0, 0.5]}, bands={"b": ([1.0, 0.5], [1.0, 0.5])})
    fig = figures.loss_curves(
        {"a": [1.0, 0.5]}, lang="en", bands={"a": ([0.9, 0.4], [1.1, 0.6])}
    )
    assert "lowest to the highest loss" in fig.alt_text


@pytest.mark.parametrize(
    "predict",
    [
        lambda Z: ((Z[:, 0] > 0.5) ^ (Z[:, 1] > 0.5)).astype(int),  # labels
        lambda Z: _xor_probability(Z)[:, None],  # P(class 1), column
        lambda Z: np.column_stack([1 - _xor_probability(Z), _xor_probability(Z)]),
    ],
)
def test_decision_boundary_accepts_labels_and_probabilities(predict):
    fig = figures.decision_boundary(predict, XOR_X, XOR_Y, lang="en", resolution=30)
    assert "100% of the points" in fig.alt_text


def test_neuron_needs_matching_weights():
    with pytest.raises(ValueError, match="as many weights"):
        figures.neuron_diagram([1.0, 2.0], [0.5], 0.0)


def test_step_function_has_no_vertical_segment(built):
    ax = built["activation_plot_step", "en", "light"].axes[0]
    function = ax.get_lines()[0]
    x, y = function.get_xdata(), function.get_ydata()
    assert np.isnan(y).any()  # broken at the jump
    finite = ~np.isnan(y)
    assert set(np.unique(y[finite])) == {0.0, 1.0}
    assert x[finite].min() == -6 and x[finite].max() == 6


def test_gated_units_plot_draws_what_it_says():
    fig = figures.gated_units_plot((1.0,), ((1.0, 0.0), (0.0, 0.0)), lang="en")
    left, right = fig.axes
    x, y = left.lines[1].get_data()  # after the ReLU reference: v = 1 is SiLU
    np.testing.assert_allclose(y, activations.get("silu")(x), rtol=1e-14)
    x, y = right.lines[2].get_data()  # max(x, 0): the Maxout line is ReLU
    np.testing.assert_array_equal(y, activations.get("relu")(x))
    assert "gate weight v = 1: SiLU" in [t.get_text() for t in left.get_legend().texts]
    assert "0.25x" in figures.gated_units_plot(lang="en").alt_text


def test_gated_units_plot_rejects_bad_parameters():
    with pytest.raises(ValueError, match="gate weights must be > 0"):
        figures.gated_units_plot((1.0, -2.0))
    with pytest.raises(ValueError, match="1 to 5 entries"):
        figures.gated_units_plot(pieces=())


def test_backprop_graph_shows_the_computed_values(built):
    """z1 = (0.5, -1) W1 + b1 = (-0.3, -0.5, 0.2); p = sigmoid(0.206) = 0.551;
    delta2 = p - 1 = -0.449 (tests/test_backprop.py checks them against mpmath)."""
    fig = built["backprop_graph", "pt", "light"]
    assert "z = −0,3; −0,5; 0,2" in fig.alt_text
    assert "p = 0,551" in fig.alt_text and "−0,449 na saída" in fig.alt_text
    texts = _texts(fig)
    assert "δ = −0,449" in texts and "z = 0,206\np = 0,551" in texts
    with pytest.raises(ValueError, match="1 to 4 hidden units"):
        figures.backprop_graph(
            [1.0],
            0,
            {
                "W1": np.ones((1, 5)),
                "b1": np.zeros(5),
                "W2": np.ones((5, 1)),
                "b2": np.zeros(1),
            },
        )


def test_logit_figure_numbers():
    """At z = -8 with y = 1: |dL/dz| = sigmoid(8) = 0.9997 for cross-entropy and
    2 sigmoid(-8)² sigmoid(8) = 6.7e-4 for the squared error, whose largest value
    is 8/27 = 0.30 at z = -ln 2 = -0.69."""
    alt = figures.logit_loss_gradient((-8.0, 8.0), lang="en").alt_text
    assert "it is 0.9997 at z = −8" in alt and "only 6.7 × 10⁻⁴ at z = −8" in alt
    assert "maximum of 0.3 near z = −0.7" in alt
    with pytest.raises(ValueError, match="negative to a positive logit"):
        figures.logit_loss_gradient((1.0, 8.0))


def test_signal_by_layer_alt_text_and_bad_runs():
    alt = figures.signal_by_layer(_SIGNAL_RUNS, lang="en").alt_text
    # geometric means over the seeds: cbrt(1 * 2 * 3) = 1.8 at layer 1
    assert "from 1 to 6" in alt and "geometric mean of 3 seeds" in alt
    assert "sigmoide: variance from 1.8 in layer 1 to 1 × 10⁻⁸ in layer 6" in alt
    assert "ReLU: variance from 0.5 in layer 1 to 0.5 in layer 6" in alt
    with pytest.raises(ValueError, match="at least one network"):
        figures.signal_by_layer({})
    bad = {"x": {"spread": np.ones((2, 5)), "grad": np.ones((2, 4))}}
    with pytest.raises(ValueError, match="one shape"):
        figures.signal_by_layer(bad)
