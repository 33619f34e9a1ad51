"""Gated and learnable units: GLU and its variants, Maxout, and PReLU's slope.

The units here are not elementwise functions of one pre-activation, as the
registry's (`snippets.activations`) are: a gated unit multiplies two affine maps of
its input, one of them passed through a gate function; a Maxout unit takes the
largest of ``k`` affine maps; PReLU is Leaky ReLU whose slope is trained with the
weights. Row vectors throughout, as on the rest of the site: one example is a row
``x`` (1 x n_in), a batch ``X`` is (n x n_in) and an affine map is ``X @ W + b``
with ``W`` of shape (n_in x n_out).

* `gated` computes ``(XW + b) * g(XV + c)`` for a gate ``g`` from the registry
  (`GATES`: GLU, bilinear, ReGLU, GEGLU, SwiGLU), and `GatedLayer` adds the
  backward pass, like `snippets.nn.Dense`.
* `swiglu_ffn` is the feed-forward block of LLaMA,
  ``(SiLU(X W1) * (X W3)) W2``, with `llama_hidden` its hidden width and
  `ffn_parameters` the parameter counts of the plain and the gated block.
* `maxout` and `MaxoutLayer`: ``max_i (X W[:, :, i] + b[:, i])``.
* `prelu_slope_gradient` is ``df/da = min(z, 0)`` for PReLU, and `fit_prelu`
  trains one PReLU unit, weights and slope, by gradient descent.

Examples
--------
>>> import numpy as np
>>> x = np.array([[1.0, -2.0]])
>>> W, V = np.array([[1.0], [0.5]]), np.array([[2.0], [1.0]])
>>> gated(x, W, V, gate="identity")  # bilinear: (1 - 1) * (2 - 2)
array([[0.]])
>>> maxout(np.array([[-2.0], [3.0]]), np.array([[[1.0, 0.0]]]), np.zeros((1, 2)))
array([[0.],
       [3.]])
"""

from __future__ import annotations

import math
from numbers import Integral

import numpy as np

from snippets.activations import get

__all__ = [
    "GATES",
    "GatedLayer",
    "MaxoutLayer",
    "ffn_parameters",
    "fit_prelu",
    "gated",
    "llama_hidden",
    "maxout",
    "prelu_slope_gradient",
    "swiglu_ffn",
]

GATES = {
    "glu": "sigmoid",  # Dauphin et al. (2017)
    "bilinear": "identity",  # the variants below: Shazeer (2020)
    "reglu": "relu",
    "geglu": "gelu",
    "swiglu": "silu",
}
"""Each gated unit and the registry function its gate branch goes through."""


# --------------------------------------------------------------------------- #
# Validation
# --------------------------------------------------------------------------- #
def _real(name, a, ndim=None):
    """``a`` as a float array (float32 kept, other reals as float64)."""
    a = np.asarray(a)
    if a.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold real numbers, got dtype {a.dtype}")
    if a.dtype.kind != "f" or a.dtype.itemsize > 8:
        a = a.astype(np.float64)
    if ndim is not None and a.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimensions, got shape {a.shape}")
    return a


def _batch(X, n_in=None):
    """``X`` as a 2-D batch (a 1-D ``X`` is one example); also whether it was 1-D."""
    X = _real("X", X)
    if X.ndim not in (1, 2):
        raise ValueError(
            f"X must be one example (1-D) or a batch (2-D), got shape {X.shape}"
        )
    one = X.ndim == 1
    X = X[None, :] if one else X
    if n_in is not None and X.shape[1] != n_in:
        raise ValueError(
            f"X has {X.shape[1]} inputs per example but the weights expect {n_in}"
        )
    return X, one


def _vector(name, v, n, dtype=np.float64):
    """A bias: ``None`` gives zeros of ``dtype``; otherwise a vector of length ``n``."""
    if v is None:
        return np.zeros(n, dtype=dtype)
    v = _real(name, v)
    if v.shape != (n,):
        raise ValueError(f"{name} must have shape ({n},), got {v.shape}")
    return v


def _gate(name):
    """The registry activation of gate ``name`` (a `GATES` key or a registry name)."""
    if isinstance(name, str) and name in GATES:
        return get(GATES[name])
    try:
        return get(name)
    except ValueError:
        choices = ", ".join(GATES)
        raise ValueError(
            f"unknown gate {name!r}; valid choices: {choices}, or any name of "
            "snippets.activations.names()"
        ) from None


def _count(name, n, minimum=1):
    if isinstance(n, bool) or not isinstance(n, Integral) or n < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {n!r}")
    return int(n)


# --------------------------------------------------------------------------- #
# Gated linear units
# --------------------------------------------------------------------------- #
def gated(X, W, V, b=None, c=None, gate="glu"):
    """A gated unit: ``(X W + b) * g(X V + c)``, the product taken elementwise.

    Parameters
    ----------
    X : array_like
        One example (n_in,) or a batch (n, n_in).
    W, V : array_like
        Weights (n_in, n_out) of the linear branch and of the gate branch.
    b, c : array_like, optional
        Biases (n_out,) of the two branches; ``None`` means no bias (zeros).
    gate : str, optional
        A key of `GATES` (``"glu"``: sigmoid, Dauphin et al., 2017; ``"swiglu"``:
        SiLU; ``"geglu"``: GELU; ``"reglu"``: ReLU; ``"bilinear"``: identity) or
        any registry name.

    Returns
    -------
    numpy.ndarray
        (n_out,) for one example, (n, n_out) for a batch.

    Raises
    ------
    ValueError
        Shapes that do not fit, or an unknown gate.
    TypeError
        Inputs that are not real numbers.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([2.0])
    >>> one = np.ones((1, 1))
    >>> float(gated(x, one, one, gate="glu")[0])  # 2 * sigmoid(2) = SiLU(2)
    1.7615941559557646
    """
    W = _real("W", W, ndim=2)
    V = _real("V", V, ndim=2)
    if W.shape != V.shape:
        raise ValueError(
            f"W and V must have the same shape, got {W.shape} and {V.shape}"
        )
    X, one = _batch(X, W.shape[0])
    g = _gate(gate)
    n_out, dtype = W.shape[1], np.result_type(X, W, V)
    A = X @ W + _vector("b", b, n_out, dtype)
    H = A * g(X @ V + _vector("c", c, n_out, dtype))
    return H[0] if one else H


class GatedLayer:
    """A layer of gated units with its backward pass, like `snippets.nn.Dense`.

    ``H = A * g(Z)`` with ``A = X W + b`` (the linear branch) and
    ``Z = X V + c`` (the gate branch). Back-propagation, given ``dH = dL/dH``::

        dA = dH * g(Z)           # the linear branch: no derivative of g
        dZ = dH * A * g'(Z)      # the gate branch
        dW = X^T dA, db = sum(dA), dV = X^T dZ, dc = sum(dZ)
        dX = dA W^T + dZ V^T

    Parameters
    ----------
    n_in, n_out : int
        Inputs and units, >= 1.
    gate : str, optional
        As in `gated`.
    bias : bool, optional
        Whether the two branches have biases (LLaMA's have none).
    rng : numpy.random.Generator or int, optional
        Source of the initial weights, normal with standard deviation
        ``1 / sqrt(n_in)``; biases start at zero.

    Examples
    --------
    >>> layer = GatedLayer(3, 2, "swiglu", rng=0)
    >>> layer.forward(np.ones((4, 3))).shape
    (4, 2)
    >>> layer.backward(np.ones((4, 2))).shape
    (4, 3)
    """

    def __init__(self, n_in, n_out, gate="glu", bias=True, rng=None):
        n_in, n_out = _count("n_in", n_in), _count("n_out", n_out)
        self.act = _gate(gate)
        gen = np.random.default_rng(rng)
        std = 1.0 / math.sqrt(n_in)
        self.W = std * gen.standard_normal((n_in, n_out))
        self.V = std * gen.standard_normal((n_in, n_out))
        self.bias = bool(bias)
        self.b, self.c = np.zeros(n_out), np.zeros(n_out)

    def forward(self, X):
        """``(X W + b) * g(X V + c)`` for a batch ``X`` (n, n_in); keeps what
        `backward` needs."""
        self.X, _ = _batch(X, self.W.shape[0])
        self.A = self.X @ self.W + self.b
        self.Z = self.X @ self.V + self.c
        self.G = self.act(self.Z)
        return self.A * self.G

    def backward(self, dH):
        """Given ``dL/dH`` (n, n_out), store ``dW, dV, db, dc``; return ``dL/dX``."""
        dH = _real("dH", dH)
        if dH.shape != self.A.shape:
            raise ValueError(f"dH must have shape {self.A.shape}, got {dH.shape}")
        dA = dH * self.G
        dZ = dH * self.A * self.act.derivative(self.Z)
        self.dW, self.dV = self.X.T @ dA, self.X.T @ dZ
        zeros = np.zeros_like(self.b)
        self.db = dA.sum(axis=0) if self.bias else zeros
        self.dc = dZ.sum(axis=0) if self.bias else zeros
        return dA @ self.W.T + dZ @ self.V.T


def swiglu_ffn(X, W1, W3, W2):
    """LLaMA's feed-forward block: ``(SiLU(X W1) * (X W3)) W2``, no biases.

    Parameters
    ----------
    X : array_like
        One example (d,) or a batch (n, d).
    W1, W3 : array_like
        (d, hidden): ``W1`` goes through SiLU (the gate branch), ``W3`` is the
        linear branch (the names of LLaMA's code, ``w1``, ``w3``, ``w2``).
    W2 : array_like
        (hidden, d), back to the model's width.

    Returns
    -------
    numpy.ndarray
        Same leading shape as ``X``, last dimension ``W2.shape[1]``.
    """
    W2 = _real("W2", W2, ndim=2)
    H = gated(X, W3, W1, gate="swiglu")
    if H.shape[-1] != W2.shape[0]:
        raise ValueError(
            f"W2 must have {H.shape[-1]} rows (the hidden width), got shape {W2.shape}"
        )
    return H @ W2


def llama_hidden(d, multiple_of=256):
    """Hidden width of LLaMA's feed-forward block for model width ``d``.

    Two thirds of ``4 d`` (so that three matrices hold as many parameters as the
    plain block's two), rounded up to a multiple of ``multiple_of``, as LLaMA's
    ``FeedForward`` computes it: ``int(2 * 4d / 3)`` rounded up.

    Examples
    --------
    >>> llama_hidden(4096)  # LLaMA-7B
    11008
    """
    d = _count("d", d)
    multiple_of = _count("multiple_of", multiple_of)
    hidden = int(2 * (4 * d) / 3)
    return multiple_of * -(-hidden // multiple_of)


def ffn_parameters(d, hidden, kind="plain", bias=False):
    """Number of parameters of a transformer's feed-forward block.

    Parameters
    ----------
    d, hidden : int
        Model width and hidden width.
    kind : {"plain", "gated"}, optional
        ``"plain"``: ``f(X W1 + b1) W2 + b2``, two matrices; ``"gated"``:
        ``(g(X W1 + b1) * (X W3 + b3)) W2 + b2``, three.
    bias : bool, optional
        Whether to count the biases.

    Examples
    --------
    >>> ffn_parameters(512, 2048), ffn_parameters(512, 1365, "gated")
    (2097152, 2096640)
    """
    d, hidden = _count("d", d), _count("hidden", hidden)
    if kind not in ("plain", "gated"):
        raise ValueError(f"kind must be 'plain' or 'gated', got {kind!r}")
    into = 2 if kind == "gated" else 1  # matrices d -> hidden
    count = into * d * hidden + hidden * d
    if bias:
        count += into * hidden + d
    return count


# --------------------------------------------------------------------------- #
# Maxout
# --------------------------------------------------------------------------- #
def _maxout_weights(W, b):
    W = _real("W", W, ndim=3)
    b = _real("b", b, ndim=2)
    if b.shape != W.shape[1:]:
        raise ValueError(
            f"b must have shape {W.shape[1:]} (n_out, k) to match W {W.shape}, "
            f"got {b.shape}"
        )
    return W, b


def maxout(X, W, b):
    """Maxout units (Goodfellow et al., 2013): the largest of ``k`` affine maps.

    ``H[:, j] = max_i (X W[:, j, i] + b[j, i])``.

    Parameters
    ----------
    X : array_like
        One example (n_in,) or a batch (n, n_in).
    W : array_like
        (n_in, n_out, k): ``k`` affine pieces for each of the ``n_out`` units.
    b : array_like
        (n_out, k).

    Returns
    -------
    numpy.ndarray
        (n_out,) or (n, n_out).

    Examples
    --------
    >>> import numpy as np
    >>> W = np.array([[[1.0, -1.0]]])  # pieces x and -x: |x|
    >>> maxout(np.array([[-3.0], [2.0]]), W, np.zeros((1, 2)))[:, 0]
    array([3., 2.])
    """
    W, b = _maxout_weights(W, b)
    X, one = _batch(X, W.shape[0])
    H = (np.einsum("ni,ijk->njk", X, W) + b).max(axis=-1)
    return H[0] if one else H


class MaxoutLayer:
    """A layer of Maxout units with its backward pass.

    The gradient reaches only the piece that wins (the first one in a tie), as
    for a max-pooling layer.

    Parameters
    ----------
    n_in, n_out : int
        Inputs and units, >= 1.
    k : int, optional
        Pieces per unit, >= 1 (``k`` times the weights of a dense layer).
    rng : numpy.random.Generator or int, optional
        Source of the initial weights, normal with standard deviation
        ``1 / sqrt(n_in)``; biases start at zero.

    Examples
    --------
    >>> layer = MaxoutLayer(3, 2, k=4, rng=0)
    >>> layer.W.shape, layer.forward(np.ones((5, 3))).shape
    ((3, 2, 4), (5, 2))
    """

    def __init__(self, n_in, n_out, k=2, rng=None):
        n_in, n_out, k = _count("n_in", n_in), _count("n_out", n_out), _count("k", k)
        gen = np.random.default_rng(rng)
        self.W = gen.standard_normal((n_in, n_out, k)) / math.sqrt(n_in)
        self.b = np.zeros((n_out, k))

    def forward(self, X):
        """``max_i (X W[:, :, i] + b[:, i])`` for a batch ``X`` (n, n_in)."""
        self.X, _ = _batch(X, self.W.shape[0])
        Z = np.einsum("ni,ijk->njk", self.X, self.W) + self.b
        self.winner = Z.argmax(axis=-1)  # (n, n_out)
        return np.take_along_axis(Z, self.winner[..., None], axis=-1)[..., 0]

    def backward(self, dH):
        """Given ``dL/dH`` (n, n_out), store ``dW``, ``db``; return ``dL/dX``."""
        dH = _real("dH", dH)
        if dH.shape != self.winner.shape:
            raise ValueError(f"dH must have shape {self.winner.shape}, got {dH.shape}")
        dZ = np.zeros((*dH.shape, self.W.shape[2]))
        np.put_along_axis(dZ, self.winner[..., None], dH[..., None], axis=-1)
        self.dW = np.einsum("ni,njk->ijk", self.X, dZ)
        self.db = dZ.sum(axis=0)
        return np.einsum("njk,ijk->ni", dZ, self.W)


# --------------------------------------------------------------------------- #
# PReLU: the slope learns
# --------------------------------------------------------------------------- #
def prelu_slope_gradient(z):
    """``df/da`` for ``f(z) = max(0, z) + a min(0, z)``: ``min(z, 0)``.

    It does not depend on ``a``; at ``z = 0`` it is 0 (as PyTorch's
    ``grad_weight = input * grad`` there). The derivative with respect to ``z``
    is the registry's: ``get("prelu", slope=a).derivative(z)``.

    Examples
    --------
    >>> prelu_slope_gradient([-2.0, 0.0, 3.0])
    array([-2.,  0.,  0.])
    """
    return np.minimum(_real("z", z), 0.0)


def fit_prelu(X, y, slope=0.25, lr=0.1, epochs=300, seed=0):
    """Fit one PReLU unit, ``y ~ prelu_a(X w)``, weights and slope together.

    Full-batch gradient descent on the mean squared error
    ``L = mean((f(X w) - y)**2)``, with ``dL/dw = X^T (dL/df * f'(z))`` and
    ``dL/da = sum(dL/df * min(z, 0))``. No weight decay on the slope (He et
    al. 2015 leave it out: it pulls ``a`` towards 0, that is, towards ReLU).

    Parameters
    ----------
    X : array_like
        Inputs (n, n_in).
    y : array_like
        Targets (n,).
    slope : float, optional
        Initial slope ``a`` (PyTorch's ``nn.PReLU`` starts at 0.25).
    lr : float, optional
        Learning rate, > 0.
    epochs : int, optional
        Gradient steps, >= 1.
    seed : int, optional
        Seed of the initial weights (normal, standard deviation
        ``1 / sqrt(n_in)``).

    Returns
    -------
    dict
        ``"slope"`` and ``"loss"``: arrays (epochs + 1,), before each step and
        after the last; ``"w"``: the final weights (n_in,).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((100, 2))
    >>> y = get("prelu", slope=0.5)(X @ np.array([1.0, -1.0]))
    >>> round(float(fit_prelu(X, y, epochs=500)["slope"][-1]), 3)
    0.5
    """
    X = _real("X", X, ndim=2)
    y = _real("y", y, ndim=1)
    if len(y) != len(X):
        raise ValueError(f"X and y differ in length: {len(X)} != {len(y)}")
    a = float(get("prelu", slope=slope).params["slope"])  # validates the slope
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr!r}")
    epochs = _count("epochs", epochs)
    w = np.random.default_rng(seed).standard_normal(X.shape[1]) / math.sqrt(X.shape[1])
    slopes, losses = np.empty(epochs + 1), np.empty(epochs + 1)
    for epoch in range(epochs + 1):
        act = get("prelu", slope=a)
        z = X @ w
        residual = act(z) - y
        slopes[epoch], losses[epoch] = a, float(np.mean(residual**2))
        if epoch == epochs:
            break
        df = 2.0 * residual / len(y)  # dL/df
        w = w - lr * (X.T @ (df * act.derivative(z)))
        a = a - lr * float(df @ prelu_slope_gradient(z))
    return {"slope": slopes, "loss": losses, "w": w}
