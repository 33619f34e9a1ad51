"""The parameters one can move on the catalogue pages (snippets/parameters.py), their
figures (snippets/figures/parameters.py), the card rows that follow them
(snippets.tables.card_rows), and what the catalogue pages say about them."""

from __future__ import annotations

import contextlib
import io
import math
import re

import numpy as np
import pytest

from snippets.activations import get, names
from snippets.figures import svg_bytes
from snippets.figures._base import _sample
from snippets.figures.overlay import SvgPainter
from snippets.figures.parameters import (
    X_RANGE,
    paint_parameter,
    parameter_alt,
    parameter_frame,
    parameter_plot,
)
from snippets.i18n import LANGS
from snippets.parameters import VALUES, show_parameter, values
from snippets.tables import card, card_rows

WITH_PARAMETERS = [n for n in names() if get(n).meta.defaults]


def test_every_function_with_parameters_has_values_to_choose():
    assert set(VALUES) == set(WITH_PARAMETERS)
    for name in WITH_PARAMETERS:
        meta = get(name).meta
        choices = values(name)
        assert meta.defaults in choices and meta.exaggerated in choices, name
        assert all(set(p) == set(meta.defaults) for p in choices), name
        first = [next(iter(p.values())) for p in choices]
        assert first == sorted(first) and len(set(map(str, choices))) == len(choices)
        for params in choices:
            get(name, **params)  # valid parameters


def test_values_of_a_function_without_parameters_is_an_error():
    with pytest.raises(ValueError, match="functions with parameters: leaky_relu"):
        values("relu")


# ------------------------------------------------------------------ card rows


@pytest.mark.parametrize("name", WITH_PARAMETERS)
def test_card_rows_at_the_defaults_are_the_cards(name):
    """The card and the control's table share their rows, word for word."""
    for lang in LANGS:
        table = card(name, lang)
        for _, value in card_rows(name, lang):
            assert f"| {value.replace('|', chr(92) + '|')} |" in table


def test_differentiability_follows_the_parameters():
    cls = {
        a: dict(card_rows("elu", "en", {"alpha": a}))["card_class"] for a in (0.5, 1.0)
    }
    assert cls == {0.5: "continuous, with one kink", 1.0: "continuous derivative (C¹)"}
    two = dict(card_rows("hard_tanh", "pt", {"min_val": -2.0, "max_val": 2.0}))
    assert two["card_class"] == "contínua, com pontos angulosos"
    assert two["card_kinks"].count("x =") == 2
    one = dict(card_rows("relu", "pt"))
    assert (one["card_class"], one["card_kinks"]) == (
        "contínua, com um ponto anguloso",
        "x = 0",
    )
    for alpha in (0.25, 3.0):  # CELU: no jump at any alpha
        assert dict(card_rows("celu", "en", {"alpha": alpha}))["card_kinks"] == "—"
    identity = dict(card_rows("leaky_relu", "en", {"slope": 1.0}))
    assert identity["card_class"].startswith("smooth")


@pytest.mark.parametrize("slope", [-0.25, 0.0, 0.1, 0.5])
def test_monotonicity_follows_the_slope(slope):
    """Leaky ReLU and PReLU are x for x > 0 and a x below: non-decreasing exactly
    when a >= 0."""
    expected = {True: "yes", False: "no"}[slope >= 0]
    for name in ("leaky_relu", "prelu"):
        assert (
            dict(card_rows(name, "en", {"slope": slope}))["card_monotonic"] == expected
        )


# ------------------------------------------- what the catalogue pages say


def _rows(name, params, lang="en"):
    return dict(card_rows(name, lang, params))


def test_leaky_relu_page():
    assert {0.0, 0.01, 0.2} <= {p["slope"] for p in values("leaky_relu")}
    means = [float(_rows("leaky_relu", p)["card_mean"]) for p in values("leaky_relu")]
    assert means == sorted(means, reverse=True)  # closer to zero as a grows
    tails = {
        p["slope"]: _rows("leaky_relu", p)["card_flat_tails"]
        for p in values("leaky_relu")
    }
    threshold = 0.05  # the cards' threshold (snippets.properties.FLAT_THRESHOLD)
    assert all((t == "none") == (a >= threshold) for a, t in tails.items()), tails
    assert _rows("leaky_relu", {"slope": 0.0}) == _rows("relu", None)


def test_prelu_page():
    assert {-0.25, 0.0, 0.25} <= {p["slope"] for p in values("prelu")}
    assert _rows("prelu", {"slope": -0.25})["card_monotonic"] == "no"
    x = np.linspace(-6, -0.1, 50)
    assert np.all(get("prelu", slope=-0.25).derivative(x) < 0)  # negative on the left
    assert np.allclose(get("prelu", slope=-1.0)(x), np.abs(x))
    assert _rows("prelu", {"slope": 0.0})["card_dead_zone"].startswith("x < 0")


def test_elu_page():
    assert 0.5 in {p["alpha"] for p in values("elu")}
    elu = get("elu", alpha=0.5)
    assert elu(-np.inf) == -0.5 and elu.kinks() == (0.0,)
    left, right = elu.derivative(np.array([-1e-9, 1e-9]))
    assert left == pytest.approx(0.5) and right == 1.0
    others = [p for p in values("elu") if p["alpha"] != 1.0]
    assert all(get("elu", **p).kinks() == (0.0,) for p in others)


def test_celu_page():
    alphas = [p["alpha"] for p in values("celu")]
    assert 2.0 in alphas
    starts = []
    for alpha in alphas:
        act = get("celu", alpha=alpha)
        assert act.kinks() == () and act(-np.inf) == -alpha
        starts.append(
            float(
                re.search(
                    r"x < (\S+):", _rows("celu", {"alpha": alpha})["card_flat_tails"]
                )
                .group(1)
                .replace("−", "-")
            )
        )
    assert starts == sorted(starts, reverse=True)  # smaller alpha: closer to 0


def test_softplus_page():
    assert {0.5, 1.0, 10.0} <= {p["beta"] for p in values("softplus")}
    assert get("softplus", beta=0.5)(0.0) == pytest.approx(2 * math.log(2))
    edge = {
        b: float(
            re.search(r"x < (\S+):", _rows("softplus", {"beta": b})["card_flat_tails"])
            .group(1)
            .replace("−", "-")
        )
        for b in (0.5, 10.0)
    }
    assert edge[10.0] > 10 * edge[0.5]  # much closer to the origin
    assert all(get("softplus", **p).kinks() == () for p in values("softplus"))


def test_hard_tanh_page():
    bounds = [(p["min_val"], p["max_val"]) for p in values("hard_tanh")]
    assert {(-1.0, 1.0), (-2.0, 2.0), (0.0, 1.0)} <= set(bounds)
    dead = {
        b: _rows("hard_tanh", {"min_val": b[0], "max_val": b[1]})["card_dead_zone"]
        for b in bounds
    }
    assert dead[-2.0, 2.0].startswith("|x| > 2") and dead[-1.0, 1.0].startswith(
        "|x| > 1"
    )
    assert (
        float(_rows("hard_tanh", {"min_val": 0.0, "max_val": 1.0})["card_mean"]) > 0.1
    )


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize("name", WITH_PARAMETERS)
def test_the_frame_holds_every_value(name):
    fig = parameter_frame(name, values(name), lang="en")
    lo, hi = fig.axes[0].get_ylim()
    for params in values(name):
        _, f, df = _sample(get(name, **params), X_RANGE)
        both = np.concatenate([f, df])
        both = both[np.isfinite(both)]
        assert lo < both.min() and both.max() < hi, params


@pytest.mark.parametrize("name", WITH_PARAMETERS)
def test_layers_are_the_same_in_both_languages_and_differ_by_value(name):
    layers = {}
    for lang in LANGS:
        frame = parameter_frame(name, values(name), lang=lang)
        whole = svg_bytes(frame, whole=True)
        for params in values(name):
            painter = SvgPainter(frame, whole)
            paint_parameter(painter, frame, name, params)
            layers.setdefault(lang, []).append(painter.svg())
    assert layers["pt"] == layers["en"]
    assert len(set(layers["en"])) == len(values(name))


def test_alt_text_names_the_value_and_the_default():
    alt = parameter_alt("leaky_relu", {"slope": 0.2}, "en")
    assert "with slope = 0.2" in alt and "default, slope = 0.01" in alt
    assert "not differentiable at x = 0" in alt
    default = parameter_alt("leaky_relu", {"slope": 0.01}, "pt")
    assert "inclinação = 0,01" in default and "padrão" not in default


def test_a_readers_figure_is_the_frame_with_the_data():
    fig = parameter_plot("elu", {"alpha": 0.5}, values("elu"), lang="en")
    assert fig.patch.get_alpha() == 1.0
    assert len(fig.axes[0].lines) >= 2 + 4 + 1  # zero lines, curves, default, kink
    assert fig.alt_text == parameter_alt("elu", {"alpha": 0.5}, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_show_parameter_puts_every_value_on_the_page(tmp_path, monkeypatch, lang):
    monkeypatch.setenv("SNIPPETS_FIGURE_DIR", str(tmp_path))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        show_parameter("hard_tanh", lang)
    page = printed.getvalue()
    assert 'id="explorer-hard-tanh-parameters"' in page
    assert page.count("<option ") == len(values("hard_tanh"))
    assert page.count(" selected>") == 1  # the default
    assert "<table>" in page and 'data-slot="summary" aria-live="polite"' in page


@pytest.mark.parametrize(
    ("name", "kinks"),
    [
        ("leaky_relu", True),
        ("elu", True),
        ("hard_tanh", True),
        ("softplus", False),
        ("celu", False),
    ],
)
def test_the_legend_names_a_kink_only_where_some_value_has_one(name, kinks):
    frame = parameter_frame(name, values(name), lang="en")
    (legend,) = frame.legends
    labels = [text.get_text() for text in legend.get_texts()]
    assert ("non-differentiable point" in labels) is kinks, labels


@pytest.mark.parametrize(
    ("name", "params", "lang", "start"),
    [
        ("elu", {"alpha": 0.5}, "en", "<p>α = 0.5: "),
        ("softplus", {"beta": 10.0}, "pt", "<p>β = 10: "),
        ("leaky_relu", {"slope": 0.2}, "pt", "<p>Inclinação = 0,2: "),
        ("hard_tanh", {"min_val": 0.0, "max_val": 1.0}, "en", "<p>Minimum = 0 "),
    ],
)
def test_the_summary_capitalises_a_word_not_a_symbol(name, params, lang, start):
    from snippets.parameters import _summary

    assert _summary(name, params, lang).startswith(start)


@pytest.mark.parametrize("beta", [0.5, 1.0, 2.0])
def test_the_summary_gives_the_supremum_and_names_z(beta):
    """The line under the softplus control: E[f(Z)], as on the card, and
    max |f′| = 1 (the supremum of σ(βx), a limit) for every β."""
    from snippets.parameters import _summary

    pt = _summary("softplus", {"beta": beta}, "pt")
    en = _summary("softplus", {"beta": beta}, "en")
    assert "E[f(Z)]" in pt and "E[f(Z)]" in en and "f(X)" not in pt + en
    assert "máx |f′| = 1,0000" in pt and "max |f′| = 1.0000" in en
