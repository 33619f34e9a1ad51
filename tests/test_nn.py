"""The tiny network: exact gradients, XOR, determinism, classic deep-net results."""

from __future__ import annotations

import numpy as np
import pytest

from snippets.datasets import spirals, two_moons, xor
from snippets.nn import (
    MLP,
    Dense,
    LayerNorm,
    accuracy,
    cross_entropy,
    layer_gradient_norms,
    mse,
    softmax_cross_entropy,
    train,
)

LOSSES = {"bce": cross_entropy, "mse": mse, "softmax": softmax_cross_entropy}


def _fd_grads(model, X, y, loss, h=1e-6):
    """Central finite differences of the loss for every parameter entry."""
    fn = LOSSES[loss]
    out = []
    for p in model.params():
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + h
            up = fn(model.forward(X), y)[0]
            p[i] = old - h
            down = fn(model.forward(X), y)[0]
            p[i] = old
            g[i] = (up - down) / (2 * h)
        out.append(g)
    return out


@pytest.mark.parametrize("act", ["tanh", "sigmoid", "gelu", "silu", "softplus"])
@pytest.mark.parametrize("loss", ["bce", "mse", "softmax"])
def test_gradients_match_finite_differences(act, loss):
    rng = np.random.default_rng(1)
    X = rng.standard_normal((6, 3))
    n_out = 3 if loss == "softmax" else 1
    y = rng.integers(0, n_out + (loss != "softmax"), size=6)
    model = MLP((3, 5, 4, n_out), act, seed=2, init="glorot")
    for layer in model.layers:  # non-zero biases exercise db too
        layer.b += 0.1 * rng.standard_normal(layer.b.shape)
    _, dloss = LOSSES[loss](model.forward(X), y)
    model.backward(dloss)
    analytic = [g.copy() for g in model.grads()]
    numeric = _fd_grads(model, X, y, loss)
    for a, n in zip(analytic, numeric, strict=True):
        assert np.linalg.norm(a - n) <= 1e-6 * np.linalg.norm(a + n) + 1e-10
        np.testing.assert_allclose(a, n, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("act", ["tanh", "sigmoid", "gelu"])
@pytest.mark.parametrize("residual", [False, True])
def test_layer_norm_and_residual_gradients_match_finite_differences(act, residual):
    rng = np.random.default_rng(3)
    X = rng.standard_normal((6, 3))
    y = rng.integers(0, 2, size=6)
    model = MLP(
        (3, 5, 5, 5, 1), act, seed=4, init="glorot", norm="layer", residual=residual
    )
    assert model.skips == [False, residual, residual, False]
    for layer in model.layers:  # gamma != 1 and beta != 0 exercise every term
        layer.b += 0.1 * rng.standard_normal(layer.b.shape)
        if layer.norm is not None:
            layer.norm.gamma += 0.3 * rng.standard_normal(layer.norm.gamma.shape)
            layer.norm.beta += 0.1 * rng.standard_normal(layer.norm.beta.shape)
    assert len(model.params()) == 4 * 3 + 2  # W, b, gamma, beta per hidden layer
    _, dloss = cross_entropy(model.forward(X), y)
    dX = model.backward(dloss)
    analytic = [g.copy() for g in model.grads()]
    numeric = _fd_grads(model, X, y, "bce")
    for a, n in zip(analytic, numeric, strict=True):
        np.testing.assert_allclose(a, n, rtol=1e-6, atol=1e-9)
    # and the gradient with respect to the inputs, through the skips too
    h, fd = 1e-6, np.zeros_like(X)
    for i in np.ndindex(X.shape):
        up, down = X.copy(), X.copy()
        up[i] += h
        down[i] -= h
        loss_up = cross_entropy(model.forward(up), y)[0]
        fd[i] = (loss_up - cross_entropy(model.forward(down), y)[0]) / (2 * h)
    np.testing.assert_allclose(dX, fd, rtol=1e-6, atol=1e-9)


def test_layer_norm_normalises_each_example():
    rng = np.random.default_rng(0)
    z = 3.0 + 5.0 * rng.standard_normal((4, 50))
    norm = LayerNorm(50)
    y = norm.forward(z)
    np.testing.assert_allclose(y.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(y.var(axis=1), 1.0, rtol=1e-6)  # eps = 1e-5 of 25
    norm.gamma[:], norm.beta[:] = 2.0, -1.0  # then scale and shift
    np.testing.assert_allclose(norm.forward(z), 2.0 * y - 1.0)
    # a constant row (variance 0) gives beta, not a division by zero
    assert np.array_equal(norm.forward(np.full((1, 50), 7.0)), np.full((1, 50), -1.0))


def test_layer_norm_removes_a_common_scale_and_shift():
    rng = np.random.default_rng(1)
    z = rng.standard_normal((3, 8))
    a, b = LayerNorm(8, eps=0.0), LayerNorm(8, eps=0.0)
    np.testing.assert_allclose(a.forward(z), b.forward(10.0 * z + 4.0), atol=1e-12)


def test_residual_skips_only_equal_widths():
    assert MLP((2, 4, 4, 3, 3, 1), residual=True).skips == [
        False,
        True,
        False,
        True,
        False,
    ]
    assert not any(MLP((2, 4, 4, 1)).skips)


def test_identity_path_carries_the_gradient():
    # With every layer's own gradient switched off (f' = 0), the residual path
    # still hands the output's gradient to the input unchanged: d(x + F(x))/dx = I.
    model = MLP((4, 4, 4, 4, 4), "relu", seed=0, residual=True)
    model.layers[-1].W[:] = np.eye(4)  # the output layer passes its input on
    for layer in model.layers[:-1]:
        layer.b[:] = -100.0  # every hidden unit off: F(h) = 0 and F'(h) = 0
    X = np.random.default_rng(0).standard_normal((5, 4))
    np.testing.assert_allclose(model.forward(X), X)
    dloss = np.ones((5, 4))
    assert np.array_equal(model.backward(dloss), dloss)


def test_losses_known_values():
    loss, grad = cross_entropy(np.array([[0.0], [1000.0]]), np.array([1, 1]))
    assert loss == pytest.approx(np.log(2) / 2) and np.isfinite(grad).all()
    loss, grad = cross_entropy(np.array([[-1000.0]]), np.array([1]))
    assert loss == pytest.approx(1000.0)  # no overflow, exact
    loss, grad = mse(np.array([[1.0], [3.0]]), np.array([1.0, 1.0]))
    assert loss == 2.0 and grad.tolist() == [[0.0], [2.0]]
    loss, _ = softmax_cross_entropy(np.zeros((4, 3)), np.array([0, 1, 2, 0]))
    assert loss == pytest.approx(np.log(3))


def test_tanh_net_solves_xor():
    X, y = xor()
    model = MLP((2, 8, 1), "tanh", seed=0, init="glorot")
    history = train(model, X, y, loss="bce", lr=0.5, epochs=2000)
    assert accuracy(model, X, y) == 1.0
    assert history["loss"][-1] < 0.01 < history["loss"][0]


@pytest.mark.parametrize("sizes", [(2, 1), (2, 4, 1), (2, 8, 8, 1)])
def test_linear_network_cannot_fit_xor(sizes):
    # A composition of affine maps is affine: its decision boundary is a line,
    # and no line separates XOR, so at most 3 of the 4 points are right.
    X, y = xor()
    for seed in range(5):
        model = MLP(sizes, "identity", seed=seed, init="glorot")
        train(model, X, y, loss="bce", lr=0.2, epochs=300, record=False)
        assert accuracy(model, X, y) <= 0.75


def test_same_seed_same_history():
    X, y = two_moons(60, seed=3)

    def run():
        model = MLP((2, 6, 6, 1), "gelu", seed=7)
        return train(model, X, y, lr=0.1, epochs=50)

    a, b = run(), run()
    assert np.array_equal(a["loss"], b["loss"])
    assert np.array_equal(a["grad_norms"], b["grad_norms"])
    assert a["grad_norms"].shape == (50, 3)
    c = train(MLP((2, 6, 6, 1), "gelu", seed=8), X, y, lr=0.1, epochs=50)
    assert not np.array_equal(a["loss"], c["loss"])


def test_softmax_training_fits_spirals():
    X, y = spirals(200, seed=0)
    model = MLP((2, 32, 32, 2), "relu", seed=0, init="he")
    history = train(model, X, y, loss="softmax", lr=0.5, epochs=1000, record=False)
    assert "grad_norms" not in history
    assert history["loss"][-1] < 0.05 * history["loss"][0]
    assert accuracy(model, X, y) >= 0.95


def test_vanishing_gradients_sigmoid_vs_tanh():
    # Nielsen ch. 5 / Glorot & Bengio 2010: sigmoid gradients shrink ~4-5x per layer
    rng = np.random.default_rng(1)
    X = rng.standard_normal((64, 10))
    y = (X[:, 0] > 0).astype(int)
    sizes = (10, *(32,) * 8, 1)
    sig = layer_gradient_norms(MLP(sizes, "sigmoid", init="glorot"), X, y)
    tanh = layer_gradient_norms(MLP(sizes, "tanh", init="glorot"), X, y)
    assert sig.shape == (9,)
    assert sig[0] / sig[-2] < 1e-3
    assert tanh[0] / tanh[-2] > 0.1


def test_layer_gradient_norms_leave_weights_alone():
    X, y = xor()
    model = MLP((2, 4, 1), "relu", seed=0)
    before = [p.copy() for p in model.params()]
    layer_gradient_norms(model, X, y, loss="mse")
    assert all(
        np.array_equal(a, b) for a, b in zip(before, model.params(), strict=True)
    )


def _variances(activation, init, depth=30, width=256, scale=1.0):
    rng = np.random.default_rng(0)
    h = scale * rng.standard_normal((512, width))
    out = []
    for _ in range(depth):
        h = Dense(width, width, activation, init, rng).forward(h)
        out.append(h.var())
    return np.array(out)


def test_selu_self_normalises():
    # Klambauer et al. 2017: with LeCun-normal weights the variance stays near 1
    var = _variances("selu", "lecun")
    assert np.all((var > 0.9) & (var < 1.1))
    # and it is pulled back towards 1 from a too-wide input
    assert 0.8 < _variances("selu", "lecun", depth=20, scale=np.sqrt(2))[-1] < 1.2


def test_relu_with_lecun_init_shrinks():
    # same init, ReLU: the second moment halves each layer
    var = _variances("relu", "lecun", depth=20)
    assert var[-1] < 1e-4


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: Dense(0, 3), "n_in"),
        (lambda: Dense(2, 2.5), "n_out"),
        (lambda: Dense(2, 3, init="xavier"), "init"),
        (lambda: Dense(2, 3, norm="batch"), "norm must be one of"),
        (lambda: MLP((2, 3, 1), norm="Layer"), "norm must be one of"),
        (lambda: LayerNorm(0), "n must be"),
        (lambda: MLP((2,)), "sizes"),
        (lambda: train(MLP((2, 1)), *xor(), lr=0), "lr"),
        (lambda: train(MLP((2, 1)), *xor(), epochs=0), "epochs"),
        (lambda: train(MLP((2, 1)), *xor(), loss="hinge"), "loss"),
        (lambda: train(MLP((2, 1)), xor()[0], np.zeros(3)), "length"),
        (lambda: layer_gradient_norms(MLP((2, 1)), *xor(), loss="l1"), "loss"),
    ],
)
def test_bad_arguments(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_dense_accepts_activation_object():
    from snippets.activations import get

    layer = Dense(2, 2, get("leaky_relu", slope=0.2), rng=0)
    z = np.array([[-1.0, 1.0]])
    layer.W[:] = np.eye(2)
    assert layer.forward(z).tolist() == [[-0.2, 1.0]]
