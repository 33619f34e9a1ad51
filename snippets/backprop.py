"""Backpropagation by hand: a two-layer network, every step of it, in the open.

The page "Backpropagation by hand" computes the gradient of a small network
(``n_in`` inputs, one hidden layer, one output unit) step by step. Row vectors,
as everywhere on the site: one example is a row ``x`` (1 × n_in), a batch ``X``
is (n × n_in), and

* forward: ``z1 = X W1 + b1``, ``a1 = f(z1)``, ``z2 = a1 W2 + b2`` (the logit),
  ``p = sigmoid(z2)`` and the binary cross-entropy
  ``L = mean(log(1 + e^z2) - y z2)``;
* backward: ``delta2 = dL/dz2 = (p - y) / n``, ``dW2 = a1^T delta2``,
  ``db2 = sum(delta2)``, ``delta1 = (delta2 W2^T) * f'(z1)``,
  ``dW1 = X^T delta1``, ``db1 = sum(delta1)``.

The same network is `snippets.nn.MLP` with ``sizes=(n_in, n_hidden, 1)`` and
``out_activation="identity"`` trained with `snippets.nn.cross_entropy`: the
page checks that both give the same gradient, and that central finite
differences (`central_differences`) agree with it. `matmul_counts` counts the
multiply-adds of each pass, which is why the backward pass costs about as much
as the forward one.

Everything is float64 and deterministic.

Examples
--------
>>> x, y, params = example()
>>> steps = forward(x, y, params)
>>> round(steps["loss"], 4)
0.5954
>>> grads = backward(steps, params)
>>> sorted(grads)
['dW1', 'dW2', 'da1', 'db1', 'db2', 'delta1', 'delta2']
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping

import numpy as np
from scipy.special import expit

from snippets.activations import get
from snippets.i18n import check_lang, fmt_auto, fmt_list

__all__ = [
    "PARAMS",
    "backward",
    "central_differences",
    "example",
    "fmt_array",
    "forward",
    "gradients",
    "loss",
    "matmul_counts",
    "max_relative_difference",
    "numerical_gradients",
]

PARAMS = ("W1", "b1", "W2", "b2")
"""Names of the parameters, in the order `snippets.nn.MLP.params` lists them."""


def _resolve(activation):
    return get(activation) if isinstance(activation, str) else activation


def example():
    """The page's network and example: 2 inputs, 3 hidden units, 1 output.

    Returns
    -------
    x : numpy.ndarray
        One example as a row, shape (1, 2).
    y : numpy.ndarray
        Its label, shape (1,): class 1.
    params : dict
        ``W1`` (2 × 3), ``b1`` (3,), ``W2`` (3 × 1), ``b2`` (1,): small, readable
        numbers, new arrays on every call.

    Examples
    --------
    >>> x, y, params = example()
    >>> x.shape, y, params["W1"].shape, params["W2"].shape
    ((1, 2), array([1.]), (2, 3), (3, 1))
    """
    x = np.array([[0.5, -1.0]])
    y = np.array([1.0])
    params = {
        "W1": np.array([[0.2, -0.4, 0.6], [0.5, 0.3, -0.1]]),
        "b1": np.array([0.1, 0.0, -0.2]),
        "W2": np.array([[0.7], [-0.5], [0.4]]),
        "b2": np.array([0.1]),
    }
    return x, y, params


def _check(X, y, params):
    """Validate shapes and labels; return float64 copies of X and y."""
    missing = [name for name in PARAMS if name not in params]
    if missing:
        raise ValueError(f"params lacks {missing}; it needs the keys {list(PARAMS)}")
    W1 = np.asarray(params["W1"], dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    if X.ndim == 1:
        X = X[None, :]
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must have shape (n, n_in) with n >= 1, got {X.shape}")
    n, n_in = X.shape
    if W1.ndim != 2 or W1.shape[0] != n_in:
        raise ValueError(f"W1 must have shape ({n_in}, n_hidden), got {W1.shape}")
    n_hidden = W1.shape[1]
    expected = {"b1": (n_hidden,), "W2": (n_hidden, 1), "b2": (1,)}
    for name, shape in expected.items():
        if np.shape(params[name]) != shape:
            raise ValueError(
                f"{name} must have shape {shape}, got {np.shape(params[name])}"
            )
    if y.shape != (n,):
        raise ValueError(f"y must hold one label per example ({n}), got {y.size}")
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("y must hold the labels 0 and 1")
    return X, y


def forward(X, y, params, activation="tanh"):
    """The forward pass, keeping every intermediate value.

    Parameters
    ----------
    X : array_like
        Inputs, shape (n, n_in); a 1-d array is one example.
    y : array_like
        Labels in {0, 1}, one per example.
    params : mapping
        ``W1`` (n_in × n_hidden), ``b1`` (n_hidden,), ``W2`` (n_hidden × 1),
        ``b2`` (1,).
    activation : str or Activation, optional
        Activation ``f`` of the hidden layer (the output is a sigmoid).

    Returns
    -------
    dict
        ``X``, ``y``, ``z1`` and ``a1`` (n × n_hidden), ``z2`` and ``p``
        (n × 1), ``loss`` (float, the mean binary cross-entropy, computed from
        the logit ``z2`` without overflow) and ``activation``.

    Raises
    ------
    ValueError
        If a shape does not match, a parameter is missing or a label is not 0/1.
    """
    X, y = _check(X, y, params)
    act = _resolve(activation)
    z1 = X @ params["W1"] + params["b1"]
    a1 = act(z1)
    z2 = a1 @ params["W2"] + params["b2"]
    p = expit(z2)
    loss_ = float(np.mean(np.logaddexp(0.0, z2[:, 0]) - y * z2[:, 0]))
    return {
        "X": X,
        "y": y,
        "z1": z1,
        "a1": a1,
        "z2": z2,
        "p": p,
        "loss": loss_,
        "activation": act,
    }


def backward(steps, params):
    """The backward pass: every δ and every gradient, from the output back.

    Parameters
    ----------
    steps : dict
        What `forward` returned.
    params : mapping
        The parameters `forward` used.

    Returns
    -------
    dict
        ``delta2`` = dL/dz2 (n × 1), ``dW2``, ``db2``, ``da1`` = dL/da1 =
        ``delta2 W2^T`` (n × n_hidden), ``delta1`` = dL/dz1 =
        ``da1 * f'(z1)``, ``dW1``, ``db1``. Gradients have the shapes of their
        parameters.

    Examples
    --------
    >>> x, y, params = example()
    >>> grads = backward(forward(x, y, params), params)
    >>> grads["dW1"].shape, grads["db2"].shape
    ((2, 3), (1,))
    """
    X, y, n = steps["X"], steps["y"], steps["X"].shape[0]
    delta2 = (steps["p"] - y[:, None]) / n  # dL/dz2: sigmoid with cross-entropy
    da1 = delta2 @ params["W2"].T  # dL/da1
    delta1 = da1 * steps["activation"].derivative(steps["z1"])  # dL/dz1
    return {
        "delta2": delta2,
        "dW2": steps["a1"].T @ delta2,
        "db2": delta2.sum(axis=0),
        "da1": da1,
        "delta1": delta1,
        "dW1": X.T @ delta1,
        "db1": delta1.sum(axis=0),
    }


def loss(X, y, params, activation="tanh"):
    """The mean binary cross-entropy of the network (a float); see `forward`."""
    return forward(X, y, params, activation)["loss"]


def gradients(X, y, params, activation="tanh"):
    """``{"W1": dL/dW1, "b1": ..., "W2": ..., "b2": ...}`` by backpropagation.

    Examples
    --------
    >>> x, y, params = example()
    >>> [g.shape for g in gradients(x, y, params).values()]
    [(2, 3), (3,), (3, 1), (1,)]
    """
    grads = backward(forward(X, y, params, activation), params)
    return {name: grads["d" + name] for name in PARAMS}


def central_differences(f: Callable[[], float], array: np.ndarray, h: float = 1e-6):
    """Estimate the gradient of ``f()`` with respect to every entry of ``array``.

    Each entry is moved by ``+h`` and ``-h`` in place (and put back), and the
    derivative estimated by ``(f(+h) - f(-h)) / (2h)``: an error of order
    ``h²`` from the formula, plus rounding of order ``eps |f| / h``.

    Parameters
    ----------
    f : callable
        Takes no argument and returns a float that depends on ``array``.
    array : numpy.ndarray
        A float64 array ``f`` reads; it is modified during the call and
        restored exactly.
    h : float, optional
        The step, > 0.

    Returns
    -------
    numpy.ndarray
        The estimates, shape of ``array``.

    Examples
    --------
    >>> a = np.array([1.0, 2.0])
    >>> g = central_differences(lambda: float(np.sum(a**3)), a, h=1e-5)
    >>> np.allclose(g, [3.0, 12.0])
    True
    """
    if not (isinstance(h, int | float | np.floating) and np.isfinite(h) and h > 0):
        raise ValueError(f"h must be a finite number > 0, got {h!r}")
    if not isinstance(array, np.ndarray) or array.dtype != np.float64:
        raise ValueError(
            "array must be a float64 NumPy array (it is modified in place)"
        )
    out = np.empty_like(array)
    for i in np.ndindex(array.shape):
        old = array[i]
        array[i] = old + h
        up = f()
        array[i] = old - h
        down = f()
        array[i] = old
        out[i] = (up - down) / (2 * h)
    return out


def numerical_gradients(X, y, params, activation="tanh", h=1e-6):
    """Central finite differences of `loss` for every parameter entry.

    Parameters
    ----------
    X, y, params, activation
        As in `forward`.
    h : float, optional
        The step of `central_differences`.

    Returns
    -------
    dict
        ``{"W1": ..., "b1": ..., "W2": ..., "b2": ...}``, shapes of the
        parameters; ``params`` itself is left unchanged.
    """
    work = {name: np.array(params[name], dtype=np.float64) for name in PARAMS}
    _check(X, y, work)
    return {
        name: central_differences(lambda: loss(X, y, work, activation), work[name], h)
        for name in PARAMS
    }


def max_relative_difference(a, b):
    """Largest ``|a - b| / max(|a|, |b|)`` over all entries (0 where both are 0).

    Parameters
    ----------
    a, b : array_like or mapping of array_like
        Two gradients; mappings are compared key by key (the same keys).

    Returns
    -------
    float

    Examples
    --------
    >>> round(max_relative_difference([1.0, 0.0], [1.001, 0.0]), 6)
    0.000999
    """
    if isinstance(a, Mapping) or isinstance(b, Mapping):
        if not (isinstance(a, Mapping) and isinstance(b, Mapping)):
            raise ValueError("compare two mappings, or two arrays")
        if set(a) != set(b):
            raise ValueError(f"the keys differ: {sorted(a)} and {sorted(b)}")
        return max(max_relative_difference(a[k], b[k]) for k in a)
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"the shapes differ: {a.shape} and {b.shape}")
    scale = np.maximum(np.abs(a), np.abs(b))
    diff = np.abs(a - b)
    rel = np.divide(diff, scale, out=np.zeros_like(diff), where=scale > 0)
    return float(rel.max(initial=0.0))


def matmul_counts(sizes, n=1):
    """Multiply-adds of the matrix products of one forward and one backward pass.

    A dense layer with ``n_in`` inputs and ``n_out`` outputs, on a batch of
    ``n`` examples, does one product in the forward pass (``X W``: ``n n_in
    n_out`` multiply-adds) and two in the backward pass (``X^T delta`` for the
    weights and ``delta W^T`` for the layer below; the first layer skips the
    second, nobody needs dL/dX). Element-wise work (activations, their
    derivatives, biases) is left out: it grows with the number of units, not of
    weights.

    Parameters
    ----------
    sizes : sequence of int
        Layer widths from input to output, at least two, each >= 1.
    n : int, optional
        Batch size, >= 1.

    Returns
    -------
    dict
        ``forward`` and ``backward`` (int, multiply-adds), ``params`` (int,
        weights and biases) and ``fd_passes`` (int, forward passes that central
        finite differences need for the whole gradient: two per parameter).

    Examples
    --------
    >>> matmul_counts((2, 3, 1))
    {'forward': 9, 'backward': 12, 'params': 13, 'fd_passes': 26}
    """
    sizes = tuple(sizes)
    bad = [s for s in sizes if not isinstance(s, int | np.integer) or s < 1]
    if len(sizes) < 2 or bad:
        raise ValueError(f"sizes needs at least two integers >= 1, got {sizes!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be an integer >= 1, got {n!r}")
    products = [n * a * b for a, b in itertools.pairwise(sizes)]
    params = sum(a * b + b for a, b in itertools.pairwise(sizes))
    return {
        "forward": int(sum(products)),
        "backward": int(2 * sum(products) - products[0]),
        "params": int(params),
        "fd_passes": int(2 * params),
    }


def fmt_array(a, lang, significant=4):
    """A vector or matrix as text for a table cell, numbers in ``lang``.

    A row is written ``(a, b, c)`` (``(a; b; c)`` in Portuguese, whose
    numbers use the comma); the rows of a matrix are stacked with ``<br>``.

    Examples
    --------
    >>> fmt_array([[0.5, -1.0]], "pt")
    '(0,5; −1)'
    >>> fmt_array([[1.0], [2.0]], "en")
    '(1)<br>(2)'
    """
    check_lang(lang)
    a = np.atleast_2d(np.asarray(a, dtype=np.float64))
    if a.ndim != 2:
        raise ValueError(f"a must be a vector or a matrix, got shape {a.shape}")
    rows = [fmt_list([fmt_auto(v, lang, significant) for v in row], lang) for row in a]
    return "<br>".join(f"({row})" for row in rows)
