"""Tests of snippets/neuron.py and of the claims on the neuron and linearity pages."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pytest

from conftest import page_training
from snippets import neuron as module
from snippets.activations import get
from snippets.datasets import two_moons, xor
from snippets.neuron import (
    best_line,
    collapse,
    dense_layer,
    forward,
    neuron,
    perceptron,
    random_layers,
    source,
)
from snippets.nn import MLP, accuracy, train

XOR_X, XOR_Y = xor()
AND_Y = np.array([0, 0, 0, 1])
OR_Y = np.array([0, 1, 1, 1])


def test_doctests():
    result = doctest.testmod(module)
    assert result.attempted >= 8 and result.failed == 0


# --------------------------------------------------------------------------- #
# The functions
# --------------------------------------------------------------------------- #
def test_neuron_is_the_weighted_sum_plus_bias_through_f():
    x, w, b = [0.5, -1.0, 2.0], [0.8, 0.3, -0.5], 0.1
    z = 0.8 * 0.5 + 0.3 * -1.0 + -0.5 * 2.0 + 0.1  # written out by hand
    assert neuron(x, w, b) == pytest.approx(z)
    assert neuron(x, w, b, "sigmoid") == pytest.approx(1 / (1 + math.exp(-z)))
    assert neuron(x, w, b, "relu") == 0.0


def test_dense_layer_is_every_neuron_at_once():
    rng = np.random.default_rng(5)
    x, W, b = rng.normal(size=3), rng.normal(size=(3, 4)), rng.normal(size=4)
    for act in ("identity", "tanh", "relu"):
        layer = dense_layer(x, W, b, act)
        each = [neuron(x, W[:, j], b[j], act) for j in range(4)]
        np.testing.assert_allclose(layer, each, rtol=0, atol=1e-14)
    batch = rng.normal(size=(6, 3))
    rows = np.array([dense_layer(row, W, b, "tanh") for row in batch])
    np.testing.assert_allclose(dense_layer(batch, W, b, "tanh"), rows, atol=1e-14)


def test_random_layers_shapes_are_seeded_and_validated():
    layers = random_layers((3, 5, 4, 2), seed=1)
    assert [(W.shape, b.shape) for W, b in layers] == [
        ((3, 5), (5,)),
        ((5, 4), (4,)),
        ((4, 2), (2,)),
    ]
    again = random_layers((3, 5, 4, 2), seed=1)
    assert all(np.array_equal(a[0], c[0]) for a, c in zip(layers, again, strict=True))
    assert not np.array_equal(random_layers((3, 5), seed=2)[0][0], layers[0][0])
    for bad in [(3,), (3, 0), (2.5, 2)]:
        with pytest.raises(ValueError, match="at least two integers"):
            random_layers(bad)


@pytest.mark.parametrize(
    ("init", "variance"),
    [
        ("glorot", lambda n_in, n_out: 2 / (n_in + n_out)),
        ("he", lambda n_in, n_out: 2 / n_in),
        ("lecun", lambda n_in, n_out: 1 / n_in),
    ],
)
def test_random_layers_with_an_initialisation_scheme(init, variance):
    sizes = (300, 200, 100)
    layers = random_layers(sizes, seed=3, init=init)
    for (W, b), n_in, n_out in zip(layers, sizes[:-1], sizes[1:], strict=True):
        assert W.shape == (n_in, n_out) and np.array_equal(b, np.zeros(n_out))
        # sample variance of 20,000 or more normal draws: within 5 % of the target
        assert W.var() == pytest.approx(variance(n_in, n_out), rel=0.05)
        assert abs(W.mean()) < 0.05 * np.sqrt(variance(n_in, n_out))
    again = random_layers(sizes, seed=3, init=init)
    assert all(np.array_equal(a[0], c[0]) for a, c in zip(layers, again, strict=True))
    for bad in ["xavier", "Glorot", ["he"], 1.0]:
        with pytest.raises(ValueError, match="init must be one of None, 'glorot'"):
            random_layers(sizes, init=bad)


def test_forward_uses_hidden_and_output_activations():
    layers = random_layers((3, 4, 2), seed=0)
    x = np.array([0.5, -1.0, 2.0])
    (W1, b1), (W2, b2) = layers
    expected = np.tanh(x @ W1 + b1) @ W2 + b2
    np.testing.assert_allclose(forward(x, layers, "tanh"), expected, atol=1e-14)
    sig = forward(x, layers, "tanh", out_activation="sigmoid")
    np.testing.assert_allclose(sig, 1 / (1 + np.exp(-expected)), atol=1e-14)


@pytest.mark.parametrize("sizes", [(3, 5, 4, 2), (2, 2), (4, 1, 4), (1, 7, 7, 7, 1)])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_collapse_equals_stacked_linear_layers(sizes, seed):
    layers = random_layers(sizes, seed=seed)
    W, b = collapse(layers)
    assert W.shape == (sizes[0], sizes[-1]) and b.shape == (sizes[-1],)
    X = np.random.default_rng(seed + 10).normal(size=(500, sizes[0]))
    stacked = forward(X, layers)
    assert np.max(np.abs(stacked - (X @ W + b))) < 1e-12 * max(1, np.abs(stacked).max())
    # independent reference: the product of the matrices, the bias as f(0)
    np.testing.assert_allclose(
        W, np.linalg.multi_dot([np.eye(sizes[0])] + [w for w, _ in layers])
    )
    np.testing.assert_allclose(b, forward(np.zeros(sizes[0]), layers), atol=1e-12)


def test_collapse_does_not_hold_with_a_nonlinear_activation():
    layers = random_layers((3, 5, 4, 2), seed=1)
    W, b = collapse(layers)
    X = np.random.default_rng(2).normal(size=(1000, 3))
    assert np.max(np.abs(forward(X, layers, "tanh") - (X @ W + b))) > 0.1


def test_best_line_separable_and_not():
    for labels in (AND_Y, OR_Y, 1 - AND_Y):
        w, b, acc = best_line(XOR_X, labels, n_lines=20_000, seed=0)
        assert acc == 1.0
        assert np.array_equal((XOR_X @ w + b > 0).astype(int), labels)
    w, b, acc = best_line(XOR_X, XOR_Y, n_lines=100_000, seed=0)
    assert acc == 0.75  # the page's figure: 3 of 4
    assert np.mean((XOR_X @ w + b > 0) == XOR_Y) == 0.75


@pytest.mark.parametrize("seed", range(5))
def test_no_line_gets_xor_right(seed):
    assert best_line(XOR_X, XOR_Y, n_lines=50_000, seed=seed)[2] <= 0.75


def test_xor_inequalities_have_no_solution_on_a_grid():
    # independent of best_line: every (w1, w2, b) on a grid through 0 fails
    g = np.linspace(-3, 3, 61)
    w1, w2, b = np.meshgrid(g, g, g, indexing="ij")
    ok = (b <= 0) & (w2 + b > 0) & (w1 + b > 0) & (w1 + w2 + b <= 0)
    assert not ok.any()


def test_perceptron_learns_and_or_and_cycles_on_xor():
    for labels in (AND_Y, OR_Y):
        w, b, mistakes = perceptron(XOR_X, labels, epochs=10)
        assert mistakes[-1] == 0 and mistakes[-2] == 0
        assert np.array_equal((XOR_X @ w + b > 0).astype(int), labels)
    mistakes = perceptron(XOR_X, XOR_Y, epochs=10)[2]
    assert all(m == 4 for m in mistakes[2:])  # "from the third pass on, all four"
    assert min(mistakes) > 0
    ends = {
        (*perceptron(XOR_X, XOR_Y, epochs=e)[0], perceptron(XOR_X, XOR_Y, epochs=e)[1])
        for e in range(2, 11)
    }
    assert len(ends) == 1  # the same weights at the end of every pass from the 2nd


def test_source_strips_the_docstring_only():
    for func in (neuron, dense_layer, collapse):
        text = source(func)
        assert text.startswith("```python\ndef ") and text.endswith("\n```")
        assert '"""' not in text and "return" in text
        assert len(text.splitlines()) <= 10  # "a few lines each"


# --------------------------------------------------------------------------- #
# Claims on the neuron page
# --------------------------------------------------------------------------- #
def test_neuron_page_numbers():
    # step-by-step table: z = -0.8 and sigmoid(-0.8) = 0.31
    assert neuron([0.5, -1.0, 2.0], [0.8, 0.3, -0.5], 0.1) == pytest.approx(-0.8)
    assert round(neuron([0.5, -1.0, 2.0], [0.8, 0.3, -0.5], 0.1, "sigmoid"), 2) == 0.31
    # the bias alone turns AND into OR
    for b, labels in ((-1.5, AND_Y), (-0.5, OR_Y)):
        outs = [neuron(x, [1.0, 1.0], b, "step") for x in XOR_X]
        assert outs == list(labels)
    # without a bias the output at the origin is f(0) for any weights
    rng = np.random.default_rng(0)
    for w in rng.normal(size=(20, 2)):
        assert neuron([0.0, 0.0], w, 0.0) == 0.0
        assert neuron([0.0, 0.0], w, 0.0, "sigmoid") == 0.5


def test_neuron_page_forward_pass_saturation():
    # Seed 0, biases at zero in both cases: "with the standard normal, two of the
    # four neurons sit near -1, and their derivatives drop to about 0.01 and 0.05;
    # with Glorot's scale, the smallest derivative is 0.156."
    x, tanh = np.array([0.5, -1.0, 2.0]), get("tanh")
    W_std = random_layers((3, 4, 2), seed=0)[0][0]
    W_glorot = random_layers((3, 4, 2), seed=0, init="glorot")[0][0]
    # "the numbers drawn are the same; only the factor changes, sqrt(2/7) ~ 0.53"
    np.testing.assert_allclose(W_glorot, math.sqrt(2 / 7) * W_std, rtol=1e-15)
    assert round(math.sqrt(2 / 7), 2) == 0.53
    d = np.sort(tanh.derivative(x @ W_std))
    assert np.sum(tanh(x @ W_std) < -0.97) == 2
    assert round(float(d[0]), 2) == 0.01 and round(float(d[1]), 2) == 0.05
    assert float(tanh.derivative(x @ W_glorot).min()) == pytest.approx(0.156, abs=5e-4)
    assert np.all(np.abs(dense_layer(x, W_glorot, np.zeros(4), "tanh")) < 0.95)


def test_neuron_page_saturation_over_a_thousand_seeds():
    # "about a fifth of the hidden neurons have a derivative below 0.01 with
    # standard-normal weights, against about 1 % with Glorot's scale; below 0.1,
    # almost half against about a seventh."
    x, d_tanh = np.array([0.5, -1.0, 2.0]), get("tanh").derivative
    shares = {}
    for init in (None, "glorot"):
        d = np.array(
            [d_tanh(x @ random_layers((3, 4), s, init)[0][0]) for s in range(1000)]
        )
        shares[init] = (np.mean(d < 0.01), np.mean(d < 0.1))
    assert 0.17 < shares[None][0] < 0.23 and 0.005 < shares["glorot"][0] < 0.015
    assert 0.40 < shares[None][1] < 0.50 and 0.12 < shares["glorot"][1] < 0.16


def test_neuron_page_exercises():
    assert neuron([1, 2], [0.5, -0.25], 0.5, "relu") == 0.5  # exercise 1
    assert neuron([1, 2], [0.5, -0.25], -0.5, "relu") == 0.0
    n_params = sum(W.size + b.size for W, b in random_layers((3, 4, 2)))
    assert n_params == 26  # exercise 2
    for b in (0.01, 0.5, 1.0):  # exercise 3: NOT for 0 < b <= 1
        assert [neuron([x], [-1.0], b, "step") for x in (0, 1)] == [1.0, 0.0]
    for b in (0.0, 1.01):
        assert [neuron([x], [-1.0], b, "step") for x in (0, 1)] != [1.0, 0.0]
    W, b = random_layers((3, 4))[0]  # exercise 4
    assert dense_layer(np.ones((32, 3)), W, b).shape == (32, 4)
    assert neuron([0.0, 0.0], [3.0, -2.0], math.log(9), "sigmoid") == pytest.approx(0.9)
    assert round(math.log(9), 1) == 2.2  # exercise 5


# --------------------------------------------------------------------------- #
# Claims on the linearity page
# --------------------------------------------------------------------------- #
def test_linearity_page_collapse_error():
    layers = random_layers((3, 5, 4, 2), seed=1)
    W, b = collapse(layers)
    X = np.random.default_rng(2).normal(size=(1000, 3))
    gap = np.max(np.abs(forward(X, layers) - (X @ W + b)))
    assert gap < 1e-12
    # "a few machine epsilons times the size of the outputs"
    assert gap < 100 * np.finfo(float).eps * np.abs(forward(X, layers)).max()


@pytest.mark.parametrize("init", ["glorot", "he"])  # the page's, and the default
@pytest.mark.parametrize("seed", range(6))
def test_trained_linear_network_fails_on_xor(seed, init):
    linear = MLP((2, 4, 1), activation="identity", init=init, seed=seed)
    history = train(linear, XOR_X, XOR_Y, loss="bce", lr=0.5, epochs=2000)
    assert accuracy(linear, XOR_X, XOR_Y) <= 0.75
    assert history["loss"][-1] == pytest.approx(math.log(2), abs=1e-9)
    p = get("sigmoid")(linear.forward(XOR_X).ravel())
    np.testing.assert_allclose(p, 0.5, atol=1e-6)
    W, _ = collapse([(layer.W, layer.b) for layer in linear.layers])
    assert np.abs(W).max() < 1e-6


def test_no_linear_model_beats_ln2_on_xor():
    # Exercise 5: l(z) = ln(1 + e^-z) >= ln 2 - z/2, and z01 + z10 = z00 + z11 for
    # any linear model, so the mean cross-entropy is >= ln 2, equal only at z = 0.
    z = np.linspace(-30, 30, 6001)
    loss = np.logaddexp(0, -z)
    assert np.all(loss >= math.log(2) - z / 2 - 1e-15)
    assert np.all(loss[z != 0] > math.log(2) - z[z != 0] / 2)
    rng = np.random.default_rng(0)
    for scale in (0.01, 1.0, 100.0):
        w, b = scale * rng.normal(size=(10_000, 2)), scale * rng.normal(size=10_000)
        logits = XOR_X @ w.T + b  # (4 points, 10,000 models)
        assert np.allclose(logits[1] + logits[2], logits[0] + logits[3])
        mean = np.mean(
            np.logaddexp(0, np.where(XOR_Y[:, None] == 1, -1, 1) * logits), 0
        )
        assert mean.min() > math.log(2)
    zero = np.mean(np.logaddexp(0, np.zeros(4)))
    assert zero == pytest.approx(math.log(2), abs=1e-15)


def test_step_network_solves_xor():
    W1, b1 = np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([-0.5, -1.5])
    W2, b2 = np.array([[1.0], [-2.0]]), np.array([-0.5])
    out = forward(XOR_X, [(W1, b1), (W2, b2)], "step", out_activation="step")
    assert np.array_equal(out.ravel(), XOR_Y)
    # with the identity instead of the step, it collapses and fails
    linear = forward(XOR_X, [(W1, b1), (W2, b2)]).ravel()
    assert np.mean((linear > 0) == XOR_Y) <= 0.75


def test_tanh_network_solves_xor():
    net = MLP((2, 4, 1), activation="tanh", init="glorot", seed=0)  # the page's
    history = train(net, XOR_X, XOR_Y, loss="bce", lr=0.5, epochs=2000)
    assert accuracy(net, XOR_X, XOR_Y) == 1.0
    assert history["loss"][-1] < 0.01 < math.log(2)
    for seed in range(1, 10):  # not a lucky seed
        net = MLP((2, 4, 1), activation="tanh", init="glorot", seed=seed)
        train(net, XOR_X, XOR_Y, loss="bce", lr=0.5, epochs=2000)
        assert accuracy(net, XOR_X, XOR_Y) == 1.0


def test_relu_exercise_counts(request):
    # Exercise 4 swaps "tanh" for "relu" and nothing else: both use Glorot's init.
    solved, silent = {}, []  # silent: (at the start, at the end) per failing seed
    for act in ("tanh", "relu"):
        solved[act] = 0
        for seed in range(20):
            net = MLP((2, 4, 1), activation=act, init="glorot", seed=seed)
            start = np.all(XOR_X @ net.layers[0].W + net.layers[0].b <= 0, axis=0)
            with page_training(request.config):  # the runs of the page's block
                train(net, XOR_X, XOR_Y, loss="bce", lr=0.5, epochs=2000)
            ok = accuracy(net, XOR_X, XOR_Y) == 1.0
            solved[act] += ok
            if act == "relu" and not ok:
                end = np.all(XOR_X @ net.layers[0].W + net.layers[0].b <= 0, axis=0)
                assert np.all(end[start])  # a neuron silent at the start stays so
                silent.append((int(start.sum()), int(end.sum())))
    assert solved["tanh"] == 20  # "solves all 20"
    assert 10 < solved["relu"] < 20  # "most seeds, but not all"
    assert all(end >= 2 for _, end in silent)  # "at least two end up silent"
    assert any(start >= 2 for start, _ in silent)  # "silent from the start"
    assert any(start < end for start, end in silent)  # "fell silent in training"
    left = sorted({4 - end for _, end in silent})  # "two (or a single one, in one
    assert left == [1, 2] and sum(4 - end == 1 for _, end in silent) == 1  # seed)"


def test_two_relu_neurons_represent_xor():
    # "ReLU(x1 + x2) - 2 ReLU(x1 + x2 - 1) is 0, 1, 1 and 0 at the four points"
    relu, s = get("relu"), XOR_X.sum(axis=1)
    assert np.array_equal(relu(s) - 2 * relu(s - 1), XOR_Y)
    # silent from the start: with zero biases, two non-positive weights
    assert np.all(XOR_X @ np.array([-0.3, 0.0]) <= 0)


def test_two_moons_linear_fails_tanh_succeeds(request):
    # Five seeds (data, new points, initial weights); "the linear network ...
    # between 0.875 and 0.925 on the new points; the hyperbolic tangent between
    # 0.98 and 1".
    acc = {"identity": [], "tanh": []}
    for s in range(5):
        X, y = two_moons(200, noise=0.1, seed=2 * s)
        X_new, y_new = two_moons(200, noise=0.1, seed=2 * s + 1)
        for act in acc:
            net = MLP((2, 16, 1), activation=act, init="glorot", seed=s)
            with page_training(request.config):  # the runs of the page's block
                train(net, X, y, loss="bce", lr=0.5, epochs=1000)
            acc[act].append((accuracy(net, X, y), accuracy(net, X_new, y_new)))
            if act == "identity":  # no better than the best single line
                assert acc[act][-1][0] <= best_line(X, y, 20_000, 0)[2] + 0.02
    new = {act: [a[1] for a in runs] for act, runs in acc.items()}
    assert (min(new["identity"]), max(new["identity"])) == (0.875, 0.925)
    assert max(a for runs in acc["identity"] for a in runs) < 0.95  # "well below 1"
    assert min(new["tanh"]) == 0.98 and max(new["tanh"]) == 1.0


def test_exercise_2_rank_and_exercise_3_line():
    for seed in range(5):
        W, _ = collapse(random_layers((3, 1, 3), seed=seed))
        assert np.linalg.matrix_rank(W) == 1
    pred = (XOR_X @ np.array([1.0, 1.0]) - 0.5 > 0).astype(int)
    wrong = [tuple(p) for p, a, t in zip(XOR_X, pred, XOR_Y, strict=True) if a != t]
    assert wrong == [(1.0, 1.0)]


def test_universal_approximation_needs_nonpolynomial():
    # a net whose activation is a polynomial of degree 1 stays degree 1
    layers = random_layers((1, 50, 1), seed=0)
    x = np.linspace(-1, 1, 101)[:, None]
    out = forward(x, layers).ravel()
    assert np.allclose(np.diff(out, 2), 0, atol=1e-10)


def test_xor_tanh_boundary_shape():
    # the page: class 0 is a diagonal band through (0, 0) and (1, 1); class 1 takes
    # the two other corners, on either side of the band
    net = MLP((2, 4, 1), activation="tanh", init="glorot", seed=0)
    train(net, XOR_X, XOR_Y, loss="bce", lr=0.5, epochs=2000)
    t = np.linspace(0, 1, 51)
    assert not net.predict(np.column_stack([t, t])).any()
    anti = net.predict(np.column_stack([t, 1 - t]))  # from (0, 1) to (1, 0)
    assert anti[0] == 1 and anti[-1] == 1 and anti[25] == 0
