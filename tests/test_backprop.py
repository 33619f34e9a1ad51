"""Tests of snippets/backprop.py and of the claims on the page "Backpropagation by hand".

References independent of the module's formulas: mpmath at 50 digits (the loss
written as explicit sums, differentiated by ``mpmath.diff``), the tiny network
of ``snippets.nn`` (its own backward pass), and closed forms.
"""

from __future__ import annotations

import doctest

import mpmath
import numpy as np
import pytest

from snippets import backprop as module
from snippets.backprop import (
    PARAMS,
    backward,
    central_differences,
    example,
    fmt_array,
    forward,
    gradients,
    loss,
    matmul_counts,
    max_relative_difference,
    numerical_gradients,
)
from snippets.nn import MLP, cross_entropy

mpmath.mp.dps = 50


def test_doctests():
    result = doctest.testmod(module)
    assert result.attempted >= 12 and result.failed == 0


# --------------------------------------------------------------------------- #
# An independent reference: the loss as explicit sums, in mpmath
# --------------------------------------------------------------------------- #
def _mp(array):
    """An object array of mpmath numbers (exact copies of the float64 entries)."""
    a = np.asarray(array, dtype=float)
    return np.vectorize(mpmath.mpf, otypes=[object])(a) if a.size else a


def _mp_loss(X, y, params, act="tanh"):
    f = {"tanh": mpmath.tanh, "sigmoid": lambda u: 1 / (1 + mpmath.exp(-u))}[act]
    W1, b1, W2, b2 = (params[k] for k in PARAMS)
    X = np.asarray(X, dtype=float).reshape(len(y), -1)
    total = mpmath.mpf(0)
    for row, label in zip(X, y, strict=True):
        hidden = [
            f(sum(mpmath.mpf(row[i]) * W1[i, j] for i in range(len(row))) + b1[j])
            for j in range(W1.shape[1])
        ]
        z = sum(h * W2[j, 0] for j, h in enumerate(hidden)) + b2[0]
        p = 1 / (1 + mpmath.exp(-z))
        total += -(label * mpmath.log(p) + (1 - label) * mpmath.log(1 - p))
    return total / len(y)


def _mp_gradient(X, y, params, act="tanh"):
    """dL/d(every parameter) by mpmath's numerical differentiation (50 digits)."""
    exact = {k: _mp(params[k]) for k in PARAMS}
    out = {}
    for name in PARAMS:
        g = np.empty(np.shape(params[name]))
        for idx in np.ndindex(g.shape):

            def moved(t, idx=idx, name=name):
                arr = exact[name].copy()
                arr[idx] = arr[idx] + t
                return _mp_loss(X, y, {**exact, name: arr}, act)

            g[idx] = float(mpmath.diff(moved, 0))
        out[name] = g
    return out


def test_page_example_forward_matches_mpmath():
    x, y, params = example()
    steps = forward(x, y, params)
    exact = float(_mp_loss(x, y, {k: _mp(v) for k, v in params.items()}))
    assert steps["loss"] == pytest.approx(exact, rel=1e-14)
    np.testing.assert_allclose(steps["z1"], [[-0.3, -0.5, 0.2]], rtol=1e-15)
    z2 = np.tanh([-0.3, -0.5, 0.2]) @ np.array([0.7, -0.5, 0.4]) + 0.1
    assert steps["z2"][0, 0] == pytest.approx(z2, rel=1e-15)
    assert steps["p"][0, 0] == pytest.approx(1 / (1 + np.exp(-z2)), rel=1e-15)


@pytest.mark.parametrize("act", ["tanh", "sigmoid"])
def test_backward_matches_mpmath_derivatives(act):
    rng = np.random.default_rng(3)
    X = rng.standard_normal((4, 2))
    y = np.array([1.0, 0.0, 0.0, 1.0])
    params = {
        "W1": rng.standard_normal((2, 3)),
        "b1": rng.standard_normal(3),
        "W2": rng.standard_normal((3, 1)),
        "b2": rng.standard_normal(1),
    }
    analytic = gradients(X, y, params, act)
    exact = _mp_gradient(X, y, params, act)
    for name in PARAMS:
        np.testing.assert_allclose(analytic[name], exact[name], rtol=1e-12, atol=1e-15)


def test_page_example_matches_mpmath_derivatives():
    x, y, params = example()
    assert (
        max_relative_difference(gradients(x, y, params), _mp_gradient(x, y, params))
        < 1e-12
    )


@pytest.mark.parametrize("act", ["tanh", "sigmoid", "gelu", "softplus"])
def test_backward_matches_snippets_nn(act):
    rng = np.random.default_rng(5)
    X = rng.standard_normal((6, 2))
    y = rng.integers(0, 2, size=6)
    net = MLP((2, 3, 1), act, seed=1)
    for layer in net.layers:
        layer.b = 0.1 * rng.standard_normal(layer.b.shape)
    params = dict(zip(PARAMS, (p.copy() for p in net.params()), strict=True))
    _, dloss = cross_entropy(net.forward(X), y)
    net.backward(dloss)
    mine = gradients(X, y, params, act)
    for name, theirs in zip(PARAMS, net.grads(), strict=True):
        np.testing.assert_allclose(mine[name], theirs, rtol=1e-13, atol=1e-16)


def test_backward_intermediates_follow_the_chain_rule():
    x, y, params = example()
    steps = forward(x, y, params)
    grads = backward(steps, params)
    assert grads["delta2"][0, 0] == pytest.approx(steps["p"][0, 0] - 1.0)
    np.testing.assert_allclose(grads["da1"], grads["delta2"] * params["W2"].T)
    np.testing.assert_allclose(
        grads["delta1"], grads["da1"] * (1 - np.tanh(steps["z1"]) ** 2)
    )
    np.testing.assert_allclose(grads["db1"], grads["delta1"][0])  # one example
    np.testing.assert_allclose(grads["dW1"], x.T * grads["delta1"])  # outer product
    np.testing.assert_allclose(grads["dW2"], steps["a1"].T * grads["delta2"])


def test_batch_gradient_is_the_mean_of_the_examples_gradients():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((5, 2)), np.array([0, 1, 1, 0, 1])
    _, _, params = example()
    batch = gradients(X, y, params)
    single = [gradients(X[i], [y[i]], params) for i in range(5)]
    for name in PARAMS:
        mean = np.mean([g[name] for g in single], axis=0)
        np.testing.assert_allclose(batch[name], mean, rtol=1e-13)


# --------------------------------------------------------------------------- #
# Finite differences
# --------------------------------------------------------------------------- #
def test_central_differences_closed_form_and_restores_the_array():
    a = np.array([[0.3, -1.2], [2.0, 0.5]])
    before = a.copy()
    g = central_differences(lambda: float(np.sum(np.sin(a))), a, h=1e-5)
    np.testing.assert_allclose(g, np.cos(before), rtol=1e-9)
    assert np.array_equal(a, before)  # bit for bit
    # exact, up to rounding, for a quadratic: the h² term of the error is f'''
    q = np.array([1.5])
    g = central_differences(lambda: float(3 * q[0] ** 2 - q[0]), q, h=0.25)
    assert g[0] == pytest.approx(8.0, rel=1e-14)


def test_numerical_gradients_agree_and_leave_params_alone():
    x, y, params = example()
    copy = {k: v.copy() for k, v in params.items()}
    numeric = numerical_gradients(x, y, params, h=1e-6)
    for name in PARAMS:
        assert np.array_equal(params[name], copy[name])
    assert max_relative_difference(numeric, gradients(x, y, params)) < 1e-8


def test_finite_difference_error_has_a_best_step():
    """The page's exercise: the error falls like h² down to about h = 1e-5, then
    grows like eps / h."""
    x, y, params = example()
    exact = gradients(x, y, params)
    steps = [10.0**-k for k in range(1, 13)]
    errors = [
        max_relative_difference(numerical_gradients(x, y, params, h=h), exact)
        for h in steps
    ]
    best = int(np.argmin(errors))
    assert 3 <= best <= 6  # h between 1e-4 and 1e-7
    # truncation: h 10x smaller, error about 100x smaller (h² law)
    assert 50 < errors[0] / errors[1] < 200
    assert 50 < errors[1] / errors[2] < 200
    # rounding: error grows as h shrinks past the best step
    assert errors[-1] > 100 * errors[best]
    assert errors[0] > 1e-4 and errors[-1] > 1e-6


# --------------------------------------------------------------------------- #
# Claims of the page: saturation, cost of the backward pass
# --------------------------------------------------------------------------- #
def test_saturated_hidden_units_shrink_delta1():
    x, y, params = example()
    sizes = []
    for scale in (1.0, 3.0, 10.0):
        scaled = {**params, "W1": scale * params["W1"], "b1": scale * params["b1"]}
        grads = backward(forward(x, y, scaled), scaled)
        sizes.append(np.abs(grads["delta1"]).max())
    assert sizes[0] > sizes[1] > sizes[2]
    assert sizes[2] < sizes[0] / 4


def test_matmul_counts_by_hand():
    assert matmul_counts((2, 3, 1)) == {
        "forward": 2 * 3 + 3 * 1,
        "backward": 2 * (2 * 3 + 3 * 1) - 2 * 3,
        "params": 2 * 3 + 3 + 3 * 1 + 1,
        "fd_passes": 2 * 13,
    }
    big = matmul_counts((784, 100, 10), n=64)
    assert big["forward"] == 64 * (784 * 100 + 100 * 10)
    assert big["backward"] == 64 * (784 * 100 + 2 * 100 * 10)
    assert big["params"] == 79_510 and big["fd_passes"] == 159_020
    for sizes in [(2, 3, 1), (784, 100, 10), (10, 64, 64, 64, 1)]:
        counts = matmul_counts(sizes)
        assert counts["forward"] <= counts["backward"] < 2 * counts["forward"]


# --------------------------------------------------------------------------- #
# Bad input
# --------------------------------------------------------------------------- #
def test_bad_inputs_give_clear_errors():
    x, y, params = example()
    with pytest.raises(ValueError, match=r"params lacks \['b2'\]"):
        forward(x, y, {k: v for k, v in params.items() if k != "b2"})
    with pytest.raises(ValueError, match=r"W1 must have shape \(3, n_hidden\)"):
        forward([[1.0, 2.0, 3.0]], y, params)
    with pytest.raises(ValueError, match=r"W2 must have shape \(3, 1\)"):
        forward(x, y, {**params, "W2": np.ones((2, 1))})
    with pytest.raises(ValueError, match="labels 0 and 1"):
        forward(x, [2], params)
    with pytest.raises(ValueError, match="one label per example"):
        forward(x, [1, 0], params)
    with pytest.raises(ValueError, match="h must be a finite number > 0"):
        numerical_gradients(x, y, params, h=0.0)
    with pytest.raises(ValueError, match="float64 NumPy array"):
        central_differences(lambda: 0.0, [1.0, 2.0])
    with pytest.raises(ValueError, match="shapes differ"):
        max_relative_difference([1.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="keys differ"):
        max_relative_difference({"a": 1.0}, {"b": 1.0})
    with pytest.raises(ValueError, match="at least two integers"):
        matmul_counts((3,))
    with pytest.raises(ValueError, match="n must be an integer >= 1"):
        matmul_counts((2, 1), n=0)
    with pytest.raises(ValueError, match="vector or a matrix"):
        fmt_array(np.zeros((2, 2, 2)), "en")
    with pytest.raises(ValueError, match="unknown language"):
        fmt_array([1.0], "fr")


def test_loss_and_relative_difference_edge_cases():
    x, y, params = example()
    assert loss(x, y, params) == forward(x, y, params)["loss"]
    assert max_relative_difference([0.0, 2.0], [0.0, 2.0]) == 0.0
    assert max_relative_difference([1.0], [-1.0]) == 2.0
    # a huge logit: the loss stays finite and the gradient exact (no warning)
    huge = {**params, "b2": np.array([-800.0])}
    assert forward(x, y, huge)["loss"] == pytest.approx(800.0, rel=1e-3)
    assert gradients(x, y, huge)["b2"][0] == pytest.approx(-1.0)


def test_fmt_array():
    assert fmt_array([[0.5, -1.0], [2.0, 0.25]], "pt") == "(0,5; −1)<br>(2; 0,25)"
    assert fmt_array([0.12345], "en", significant=2) == "(0.12)"
