"""A tiny neural network, small enough to read in one sitting.

Dense layers, two losses, back-propagation by hand and plain gradient descent,
with optional layer normalisation and residual connections. The activation's
derivative comes from the registry (``act.derivative``), so the network learns
with exactly the functions shown on the site. Everything is float64 and seeded:
the same seed gives the same numbers.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit, logsumexp, softmax

from snippets.activations import get

__all__ = [
    "MLP",
    "Dense",
    "LayerNorm",
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


#: Normalisations a `Dense` layer can apply between ``z`` and ``f``.
NORMS = (None, "layer")


def _resolve(act):
    return get(act) if isinstance(act, str) else act


class LayerNorm:
    """Layer normalisation (Ba et al., 2016), with learnable scale and shift.

    Each example (one row of ``z``) is centred and scaled over the layer's units,
    ``zhat = (z - mean) / sqrt(var + eps)``, then ``y = gamma * zhat + beta``.

    Parameters
    ----------
    n : int
        Number of units, >= 1. ``gamma`` starts at 1 and ``beta`` at 0.
    eps : float, optional
        Added to the variance, so that a constant row does not divide by zero.

    Examples
    --------
    >>> y = LayerNorm(3).forward(np.array([[1.0, 2.0, 6.0]]))
    >>> bool(abs(y.mean()) < 1e-12), round(float(y.var()), 4)
    (True, 1.0)
    """

    def __init__(self, n, eps=1e-5):
        if not isinstance(n, int | np.integer) or n < 1:
            raise ValueError(f"n must be an integer >= 1, got {n!r}")
        self.eps = float(eps)
        self.gamma, self.beta = np.ones(n), np.zeros(n)
        self.dgamma, self.dbeta = np.zeros(n), np.zeros(n)

    def forward(self, z):
        """Normalise each row of ``z``, then scale and shift it."""
        centred = z - z.mean(axis=1, keepdims=True)
        variance = (centred**2).mean(axis=1, keepdims=True)
        self.inv_std = 1.0 / np.sqrt(variance + self.eps)
        self.zhat = centred * self.inv_std  # mean 0 and variance ~1 in every row
        return self.gamma * self.zhat + self.beta

    def backward(self, dy):
        """Given dL/dy, store dL/dgamma and dL/dbeta and return dL/dz."""
        self.dgamma = (dy * self.zhat).sum(axis=0)
        self.dbeta = dy.sum(axis=0)
        g = dy * self.gamma  # dL/dzhat
        # Every zhat of a row depends on the whole row, through its mean and variance:
        mean_g = g.mean(axis=1, keepdims=True)
        mean_gz = (g * self.zhat).mean(axis=1, keepdims=True)
        return self.inv_std * (g - mean_g - self.zhat * mean_gz)


class Dense:
    """One layer: ``z = x @ W + b``, optionally normalised, then ``a = f(z)``.

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
    norm : {None, "layer"}, optional
        ``"layer"`` puts a `LayerNorm` between ``z`` and ``f``:
        ``a = f(LayerNorm(z))``.

    Examples
    --------
    >>> layer = Dense(2, 3, "tanh", rng=0)
    >>> layer.forward(np.ones((5, 2))).shape
    (5, 3)
    """

    def __init__(self, n_in, n_out, activation="relu", init="he", rng=None, norm=None):
        for name, n in (("n_in", n_in), ("n_out", n_out)):
            if not isinstance(n, int | np.integer) or n < 1:
                raise ValueError(f"{name} must be an integer >= 1, got {n!r}")
        if init not in INITS:
            raise ValueError(f"init must be one of {sorted(INITS)}, got {init!r}")
        if norm not in NORMS:
            raise ValueError(f"norm must be one of {NORMS}, got {norm!r}")
        self.act = _resolve(activation)
        std = INITS[init](n_in, n_out)
        self.W = std * np.random.default_rng(rng).standard_normal((n_in, n_out))
        self.b = np.zeros(n_out)
        self.dW, self.db = np.zeros_like(self.W), np.zeros_like(self.b)
        self.norm = LayerNorm(n_out) if norm == "layer" else None

    def forward(self, x):
        """Compute ``f(x @ W + b)`` (normalised first if ``norm``), keeping ``x``,
        ``z`` and the input ``u`` of ``f`` for the backward pass."""
        self.x = x
        self.z = x @ self.W + self.b
        self.u = self.z if self.norm is None else self.norm.forward(self.z)
        return self.act(self.u)

    def backward(self, da):
        """Given dL/da, store dL/dW and dL/db and return dL/dx (chain rule)."""
        du = da * self.act.derivative(self.u)  # dL/du = dL/da * f'(u)
        dz = du if self.norm is None else self.norm.backward(du)  # dL/dz
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
    norm : {None, "layer"}, optional
        Normalisation of the hidden layers (see `Dense`); the output layer is
        never normalised.
    residual : bool, optional
        Give every hidden layer whose input and output widths are equal a
        residual connection: ``h -> h + layer(h)``.

    Examples
    --------
    >>> net = MLP((2, 8, 1), "tanh", seed=0)
    >>> net.forward(np.zeros((4, 2))).shape
    (4, 1)
    >>> deep = MLP((2, 8, 8, 8, 1), "tanh", norm="layer", residual=True)
    >>> deep.skips
    [False, True, True, False]
    """

    def __init__(
        self,
        sizes,
        activation="relu",
        out_activation="identity",
        seed=0,
        init="he",
        norm=None,
        residual=False,
    ):
        sizes = tuple(sizes)
        if len(sizes) < 2:
            raise ValueError(f"sizes needs at least two widths, got {sizes!r}")
        rng = np.random.default_rng(seed)
        hidden = len(sizes) - 2
        acts = [activation] * hidden + [out_activation]
        norms = [norm] * hidden + [None]
        self.layers = [
            Dense(n_in, n_out, act, init, rng, nrm)
            for n_in, n_out, act, nrm in zip(
                sizes[:-1], sizes[1:], acts, norms, strict=True
            )
        ]
        #: Which layers add their input to their output.
        self.skips = [
            bool(residual) and k < hidden and sizes[k] == sizes[k + 1]
            for k in range(len(self.layers))
        ]

    def forward(self, X):
        """Output of the network for inputs ``X`` of shape (n, sizes[0])."""
        h = np.asarray(X, dtype=np.float64)
        for layer, skip in zip(self.layers, self.skips, strict=True):
            h = h + layer.forward(h) if skip else layer.forward(h)
        return h

    def backward(self, dloss):
        """Back-propagate dL/d(output) through all layers (after ``forward``).

        Through a residual connection ``h + F(h)`` the gradient is the sum of
        both paths: the identity passes ``dloss`` on unchanged.
        """
        for layer, skip in zip(self.layers[::-1], self.skips[::-1], strict=True):
            dloss = dloss + layer.backward(dloss) if skip else layer.backward(dloss)
        return dloss

    def params(self):
        """List ``[W1, b1, W2, b2, ...]`` (the arrays themselves, not copies);
        a normalised layer adds its ``gamma`` and ``beta`` after its ``b``."""
        return [p for layer in self.layers for p, _ in _pairs(layer)]

    def grads(self):
        """The gradients from the last ``backward``, in the order of `params`."""
        return [g for layer in self.layers for _, g in _pairs(layer)]

    def step(self, lr):
        """One step of plain gradient descent: ``p -= lr * dp``."""
        for layer in self.layers:
            for p, g in _pairs(layer):
                p -= lr * g

    def predict(self, X, threshold=0.0):
        """Class labels: ``output > threshold`` for one output, else the argmax."""
        out = self.forward(X)
        if out.shape[1] == 1:
            return (out[:, 0] > threshold).astype(int)
        return out.argmax(axis=1)


def _pairs(layer):
    """(parameter, gradient) pairs of one `Dense` layer, its norm's included."""
    pairs = [(layer.W, layer.dW), (layer.b, layer.db)]
    if layer.norm is not None:
        pairs += [
            (layer.norm.gamma, layer.norm.dgamma),
            (layer.norm.beta, layer.norm.dbeta),
        ]
    return pairs


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
