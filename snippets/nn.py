"""A tiny neural network, small enough to read in one sitting.

Dense layers, two losses, back-propagation by hand and plain gradient descent.
The activation's derivative comes from the registry (``act.derivative``), so the
network learns with exactly the functions shown on the site. Everything is
float64 and seeded: the same seed gives the same numbers.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit, logsumexp, softmax

from snippets.activations import get
from snippets.sharing import shared_training

__all__ = [
    "MLP",
    "Dense",
    "accuracy",
    "cross_entropy",
    "layer_gradient_norms",
    "mse",
    "softmax_cross_entropy",
    "train",
]

#: Standard deviation of the initial weights, as a function of (n_in, n_out).
INITS = {
    "he": lambda n_in, n_out: np.sqrt(2.0 / n_in),  # keeps ReLU variance
    "glorot": lambda n_in, n_out: np.sqrt(2.0 / (n_in + n_out)),  # tanh, sigmoid
    "lecun": lambda n_in, n_out: np.sqrt(1.0 / n_in),  # SELU
}


def _resolve(act):
    return get(act) if isinstance(act, str) else act


class Dense:
    """One layer: ``z = x @ W + b`` then ``a = f(z)``.

    Parameters
    ----------
    n_in, n_out : int
        Number of inputs and outputs, >= 1.
    activation : str or Activation, optional
        The function ``f``.
    init : {"he", "glorot", "lecun"}, optional
        Weights are normal with standard deviation ``INITS[init](n_in, n_out)``;
        biases start at zero.
    rng : numpy.random.Generator or int, optional
        Source of the initial weights.

    Examples
    --------
    >>> layer = Dense(2, 3, "tanh", rng=0)
    >>> layer.forward(np.ones((5, 2))).shape
    (5, 3)
    """

    def __init__(self, n_in, n_out, activation="relu", init="he", rng=None):
        for name, n in (("n_in", n_in), ("n_out", n_out)):
            if not isinstance(n, int | np.integer) or n < 1:
                raise ValueError(f"{name} must be an integer >= 1, got {n!r}")
        if init not in INITS:
            raise ValueError(f"init must be one of {sorted(INITS)}, got {init!r}")
        self.act = _resolve(activation)
        std = INITS[init](n_in, n_out)
        self.W = std * np.random.default_rng(rng).standard_normal((n_in, n_out))
        self.b = np.zeros(n_out)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)

    def forward(self, x):
        """Compute ``f(x @ W + b)``, keeping ``x`` and ``z`` for the backward pass."""
        self.x = x
        self.z = x @ self.W + self.b
        return self.act(self.z)

    def backward(self, da):
        """Given dL/da, store dL/dW and dL/db and return dL/dx (chain rule)."""
        dz = da * self.act.derivative(self.z)  # dL/dz = dL/da * f'(z)
        self.dW = self.x.T @ dz  # dL/dW = x^T dL/dz (summed over examples)
        self.db = dz.sum(axis=0)  # dL/db = sum of dL/dz over examples
        return dz @ self.W.T  # dL/dx = dL/dz W^T


class MLP:
    """A stack of `Dense` layers.

    Parameters
    ----------
    sizes : sequence of int
        Layer widths from input to output, e.g. ``(2, 8, 1)``; at least two.
    activation : str or Activation, optional
        Activation of the hidden layers.
    out_activation : str or Activation, optional
        Activation of the last layer (``"identity"``: outputs are logits).
    seed : int, optional
        Seed of the generator that draws all initial weights.
    init : {"he", "glorot", "lecun"}, optional
        Weight initialisation of every layer.

    Examples
    --------
    >>> net = MLP((2, 8, 1), "tanh", seed=0)
    >>> net.forward(np.zeros((4, 2))).shape
    (4, 1)
    """

    def __init__(
        self, sizes, activation="relu", out_activation="identity", seed=0, init="he"
    ):
        sizes = tuple(sizes)
        if len(sizes) < 2:
            raise ValueError(f"sizes needs at least two widths, got {sizes!r}")
        rng = np.random.default_rng(seed)
        acts = [activation] * (len(sizes) - 2) + [out_activation]
        self.layers = [
            Dense(n_in, n_out, act, init, rng)
            for n_in, n_out, act in zip(sizes[:-1], sizes[1:], acts, strict=True)
        ]

    def forward(self, X):
        """Output of the network for inputs ``X`` of shape (n, sizes[0])."""
        h = np.asarray(X, dtype=np.float64)
        for layer in self.layers:
            h = layer.forward(h)
        return h

    def backward(self, dloss):
        """Back-propagate dL/d(output) through all layers (after ``forward``)."""
        for layer in reversed(self.layers):
            dloss = layer.backward(dloss)
        return dloss

    def params(self):
        """List ``[W1, b1, W2, b2, ...]`` (the arrays themselves, not copies)."""
        return [p for layer in self.layers for p in (layer.W, layer.b)]

    def grads(self):
        """List ``[dW1, db1, dW2, db2, ...]`` from the last ``backward``."""
        return [g for layer in self.layers for g in (layer.dW, layer.db)]

    def step(self, lr):
        """One step of plain gradient descent: ``p -= lr * dp``."""
        for layer in self.layers:
            layer.W -= lr * layer.dW
            layer.b -= lr * layer.db

    def predict(self, X, threshold=0.0):
        """Class labels: ``output > threshold`` for one output, else the argmax."""
        out = self.forward(X)
        if out.shape[1] == 1:
            return (out[:, 0] > threshold).astype(int)
        return out.argmax(axis=1)


def mse(y_pred, y):
    """Mean squared error and its gradient with respect to ``y_pred``.

    Examples
    --------
    >>> mse(np.array([[1.0], [3.0]]), np.array([1.0, 1.0]))[0]
    2.0
    """
    diff = y_pred - np.reshape(y, y_pred.shape)
    return float(np.mean(diff**2)), 2.0 * diff / diff.size


def cross_entropy(logits, y):
    """Binary cross-entropy of labels ``y`` in {0, 1} given logits, and its gradient.

    ``loss = mean(log(1 + e^z) - y z)`` written with ``logaddexp`` (no overflow);
    the gradient is ``(sigmoid(z) - y) / n``.

    Examples
    --------
    >>> round(cross_entropy(np.zeros((2, 1)), np.array([0, 1]))[0], 6)  # log 2
    0.693147
    """
    y = np.reshape(y, logits.shape)
    n = logits.size
    loss = (np.logaddexp(0.0, logits) - y * logits).sum() / n  # the mean
    return float(loss), (expit(logits) - y) / n


def softmax_cross_entropy(logits, y):
    """Multiclass cross-entropy of integer labels ``y`` given logits (n, k).

    Examples
    --------
    >>> round(softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 2]))[0], 6)
    1.098612
    """
    n = logits.shape[0]
    rows = np.arange(n)
    loss = np.mean(logsumexp(logits, axis=1) - logits[rows, y])
    grad = softmax(logits, axis=1)
    grad[rows, y] -= 1.0
    return float(loss), grad / n


LOSSES = {"bce": cross_entropy, "mse": mse, "softmax": softmax_cross_entropy}


def _loss_fn(loss):
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {sorted(LOSSES)}, got {loss!r}")
    return LOSSES[loss]


def layer_gradient_norms(model, X, y, loss="bce"):
    """Frobenius norm of dL/dW for every layer (first layer first), at the current
    weights; the weights are not changed.

    Examples
    --------
    >>> from snippets.datasets import xor
    >>> X, y = xor()
    >>> layer_gradient_norms(MLP((2, 4, 4, 1), "sigmoid"), X, y).shape
    (3,)
    """
    fn = _loss_fn(loss)
    _, dloss = fn(model.forward(X), y)
    model.backward(dloss)
    return np.array([np.linalg.norm(layer.dW) for layer in model.layers])


@shared_training  # a site build trains once for both languages (snippets/sharing.py)
def train(model, X, y, loss="bce", lr=0.1, epochs=1000, record=True):
    """Full-batch gradient descent; returns the history of the run.

    Parameters
    ----------
    model : MLP
        Trained in place.
    X, y : numpy.ndarray
        Inputs (n, d) and targets (n,) (labels for "bce"/"softmax").
    loss : {"bce", "mse", "softmax"}, optional
        Loss function (the network's outputs are its input).
    lr : float, optional
        Learning rate, > 0.
    epochs : int, optional
        Number of gradient steps, >= 1.
    record : bool, optional
        Also record each layer's gradient norm ||dL/dW|| at every epoch.

    Returns
    -------
    dict
        ``"loss"``: array (epochs,), the loss before each step;
        ``"grad_norms"``: array (epochs, n_layers) if ``record``.

    Examples
    --------
    >>> from snippets.datasets import xor
    >>> X, y = xor()
    >>> hist = train(MLP((2, 8, 1), "tanh", init="glorot"), X, y, lr=0.5, epochs=500)
    >>> bool(hist["loss"][-1] < hist["loss"][0])
    True
    """
    fn = _loss_fn(loss)
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr!r}")
    if not isinstance(epochs, int | np.integer) or epochs < 1:
        raise ValueError(f"epochs must be an integer >= 1, got {epochs!r}")
    if len(X) != len(y):
        raise ValueError(f"X and y differ in length: {len(X)} != {len(y)}")
    history = {"loss": np.empty(epochs)}
    if record:
        history["grad_norms"] = np.empty((epochs, len(model.layers)))
    for epoch in range(epochs):
        history["loss"][epoch], dloss = fn(model.forward(X), y)
        model.backward(dloss)
        if record:
            history["grad_norms"][epoch] = [np.linalg.norm(g.dW) for g in model.layers]
        model.step(lr)
    return history


def accuracy(model, X, y, threshold=0.0):
    """Share of examples whose predicted label equals ``y``.

    Examples
    --------
    >>> from snippets.datasets import xor
    >>> X, y = xor()
    >>> accuracy(MLP((2, 1), "identity"), X, y) <= 0.75
    True
    """
    return float(np.mean(model.predict(X, threshold) == np.asarray(y)))
