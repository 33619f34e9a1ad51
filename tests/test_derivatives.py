"""One neuron trained by hand: gradients, the step function, the perceptron, kinks.

Also the claims of the differentiability page that its code blocks do not print.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.activations import SELU_ALPHA, SELU_LAMBDA, get, names
from snippets.derivatives import (
    kink_table,
    one_sided_derivatives,
    perceptron,
    separable,
    train_neuron,
)

# The settings of the page's experiment.
LR, EPOCHS = 1.0, 100


@pytest.fixture(scope="module")
def data():
    return separable(40)


def _mse(act, X, y, w, b):
    return np.mean((get(act)(X @ w + b) - y) ** 2)


# --------------------------------------------------------------------- separable


def test_separable_is_separated_by_the_line_with_its_margin():
    X, y = separable(200, margin=0.3, seed=5)
    s = X.sum(axis=1)
    assert X.shape == (200, 2) and y.shape == (200,) and X.dtype == np.float64
    assert set(np.unique(y)) == {0, 1}
    np.testing.assert_array_equal(y, (s > 0).astype(int))
    assert np.abs(s).min() >= 0.3
    assert np.abs(X).max() <= 2.0


def test_separable_is_deterministic_and_seeded():
    a, b, c = separable(30, seed=1), separable(30, seed=1), separable(30, seed=2)
    np.testing.assert_array_equal(a[0], b[0])
    assert not np.array_equal(a[0], c[0])


@pytest.mark.parametrize(
    "kwargs", [{"n": 1}, {"n": 2.5}, {"margin": 2.0}, {"margin": -1}]
)
def test_separable_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        separable(**kwargs)


# ------------------------------------------------------------------ train_neuron


def test_gradient_matches_finite_differences_of_the_loss(data):
    """One step of the hand-written chain rule equals the numerical gradient."""
    X, y = data
    run = train_neuron("sigmoid", X, y, lr=1.0, epochs=1, seed=3)
    w, b = run["w_start"], run["b_start"]
    step = np.append(w - run["w_end"], b - run["b_end"])  # = lr * gradient
    h = 1e-6
    fd = []
    for i in range(3):
        e = np.zeros(3)
        e[i] = h
        up = _mse("sigmoid", X, y, w + e[:2], b + e[2])
        down = _mse("sigmoid", X, y, w - e[:2], b - e[2])
        fd.append((up - down) / (2 * h))
    np.testing.assert_allclose(step, fd, rtol=1e-6, atol=1e-10)
    assert run["grad_norm"][0] == pytest.approx(np.linalg.norm(fd), rel=1e-6)


def test_loss_history_is_the_loss_of_the_weights(data):
    X, y = data
    run = train_neuron("tanh", X, y, lr=0.1, epochs=7)
    assert len(run["loss"]) == 7 and len(run["grad_norm"]) == 7
    assert run["loss"][0] == pytest.approx(_mse("tanh", X, y, run["w_start"], 0.0))
    assert run["final_loss"] == pytest.approx(
        _mse("tanh", X, y, run["w_end"], run["b_end"])
    )


def test_page_claim_step_unit_never_moves(data):
    """The step neuron's gradient is exactly 0 at every step: nothing changes."""
    X, y = data
    run = train_neuron("step", X, y, lr=LR, epochs=EPOCHS)
    assert run["grad_norm"] == [0.0] * EPOCHS
    np.testing.assert_array_equal(run["w_end"], run["w_start"])
    assert run["b_end"] == run["b_start"] == 0.0
    assert len(set(run["loss"])) == 1 and run["final_loss"] == run["loss"][0]
    assert run["accuracy"] < 1.0  # it starts (and stays) wrong on some points


def test_page_claim_sigmoid_unit_learns(data):
    """Same data, start and learning rate: the sigmoid neuron's loss falls > 90 %."""
    X, y = data
    step = train_neuron("step", X, y, lr=LR, epochs=EPOCHS)
    run = train_neuron("sigmoid", X, y, lr=LR, epochs=EPOCHS)
    np.testing.assert_array_equal(run["w_start"], step["w_start"])
    assert run["final_loss"] < 0.1 * run["loss"][0]
    assert all(np.diff([*run["loss"], run["final_loss"]]) < 0)
    assert run["accuracy"] == 1.0


def test_straight_through_estimator_trains_the_step_unit(data):
    X, y = data
    run = train_neuron("step", X, y, lr=LR, epochs=EPOCHS, backward="identity")
    assert run["accuracy"] == 1.0 and run["final_loss"] == 0.0


def test_train_neuron_is_deterministic(data):
    X, y = data
    a = train_neuron("relu", X, y, lr=0.3, epochs=5, seed=4)
    b = train_neuron("relu", X, y, lr=0.3, epochs=5, seed=4)
    assert a["loss"] == b["loss"]


@pytest.mark.parametrize(
    "kwargs",
    [{"lr": 0.0}, {"lr": float("nan")}, {"epochs": 0}, {"epochs": 1.5}],
)
def test_train_neuron_rejects_bad_settings(data, kwargs):
    with pytest.raises(ValueError):
        train_neuron("sigmoid", *data, **kwargs)


@pytest.mark.parametrize(
    "X, y",
    [
        (np.ones((3, 2)), np.array([0, 1])),
        (np.ones(3), np.array([0, 1, 1])),
        (np.ones((2, 2)), np.array([0, 2])),
    ],
)
def test_train_neuron_rejects_bad_data(X, y):
    with pytest.raises(ValueError):
        train_neuron("sigmoid", X, y)
    with pytest.raises(ValueError):
        perceptron(X, y)


# -------------------------------------------------------------------- perceptron


def test_perceptron_separates_the_data(data):
    X, y = data
    run = perceptron(X, y)
    assert run["mistakes"][0] > 0 and run["mistakes"][-1] == 0
    assert run["accuracy"] == 1.0
    # independent check of the final weights
    pred = (X @ run["w_end"] + run["b_end"] > 0).astype(int)
    np.testing.assert_array_equal(pred, y)


def test_perceptron_stops_updating_once_it_makes_no_mistake(data):
    X, y = data
    short = perceptron(X, y, epochs=5)
    long = perceptron(X, y, epochs=50)
    assert short["mistakes"][-1] == 0
    np.testing.assert_array_equal(short["w_end"], long["w_end"])


# ------------------------------------------------------------------------- kinks


def test_one_sided_derivatives_of_known_kinks():
    assert one_sided_derivatives("relu", 0.0) == (0.0, 1.0)
    assert one_sided_derivatives("hard_tanh", 1.0) == (1.0, 0.0)
    left, right = one_sided_derivatives("selu", 0.0)
    assert left == pytest.approx(SELU_LAMBDA * SELU_ALPHA, rel=1e-12)
    assert right == pytest.approx(SELU_LAMBDA, rel=1e-15)


def test_page_claim_elu_alpha_1_has_no_kink_but_other_alphas_do():
    left, right = one_sided_derivatives("elu", 0.0)
    assert left == pytest.approx(right, abs=1e-15)
    left, right = one_sided_derivatives(get("elu", alpha=0.5), 0.0)
    assert (left, right) == (pytest.approx(0.5), 1.0)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_kink_table_lists_every_kink(lang):
    points, texts = (part.splitlines() for part in kink_table(lang).split("\n\n"))
    kinked = [n for n in names() if get(n).meta.differentiability == "kinks"]
    assert len(points) == 2 + sum(len(get(n).kinks()) for n in kinked)
    assert len(texts) == 2 + len(kinked)
    for name in kinked:
        link = f"(../activations/{name}.md)"
        assert sum(link in row for row in points) == 1
        text = next(row for row in texts if link in row)
        assert text.endswith(
            get(name).meta.kink_convention[lang].replace("|", "\\|") + " |"
        )
    relu = next(row for row in points if "(../activations/relu.md)" in row)
    assert relu.split(" | ")[1:] == ["0", "0", "1", "0 |"]
    assert all(row.count(" | ") == 4 for row in points[2:])


def test_kink_table_returned_value_is_one_of_the_one_sided_ones():
    """The convention picks the left or the right derivative (or, for hard swish,
    the formula on the closed interval, which is also one of the two)."""
    for name in names():
        act = get(name)
        if act.meta.differentiability != "kinks":
            continue
        for k in act.kinks():
            left, right = one_sided_derivatives(act, k)
            value = float(act.derivative(k))
            assert value == pytest.approx(left) or value == pytest.approx(right)


def test_kink_table_rejects_unknown_language():
    with pytest.raises(ValueError):
        kink_table("fr")


def test_page_claim_exact_zeros_are_rare():
    """float64 normal samples essentially never hit 0; float32 ones do, rarely.

    The page prints the counts for 10⁷ samples (seed 0) and says float32 hits
    0 about once in 2²³ draws (NumPy's float32 normals are a 23-bit integer
    times a scale, and the integer is 0 with probability 2⁻²³), although the
    float32 grid reaches about 1e-45 near 0; this checks that rate on more
    samples (expected about 6 hits in 5 × 10⁷).
    """
    assert np.finfo(np.float32).smallest_subnormal < 1e-44
    rng = np.random.default_rng(1)
    assert np.count_nonzero(rng.standard_normal(20_000_000) == 0) == 0
    hits = np.count_nonzero(rng.standard_normal(50_000_000, dtype=np.float32) == 0)
    assert 2e-8 < hits / 50_000_000 < 5e-7  # 2⁻²³ ≈ 1.2e-7
