"""The artificial neuron and the limits of linearity, in a few readable functions.

The pages "The artificial neuron" and "The limits of linearity" show these
functions and call them: one neuron, one layer, a forward pass through stacked
layers, the single linear map that stacked linear layers collapse into, and two
ways of asking whether a straight line can separate two classes (a search over
many random lines and Rosenblatt's perceptron rule).

Every function is deterministic: randomness only comes from
``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap

import numpy as np

from snippets.activations import get
from snippets.nn import INITS  # the initialisation schemes of the training code

__all__ = [
    "best_line",
    "collapse",
    "dense_layer",
    "forward",
    "neuron",
    "perceptron",
    "random_layers",
    "source",
]


def neuron(x, w, b, activation="identity"):
    """Output of one neuron: ``f(w · x + b)``.

    Parameters
    ----------
    x, w : array_like
        Inputs and weights, the same length.
    b : float
        The bias.
    activation : str, optional
        Name of the activation function ``f`` in `snippets.activations`.

    Returns
    -------
    float
        ``f(z)`` with the pre-activation ``z = Σ wᵢ xᵢ + b``.

    Examples
    --------
    >>> neuron([1.0, 2.0], [0.5, -1.0], 0.25)  # 0.5 - 2 + 0.25
    -1.25
    >>> neuron([1.0, 2.0], [0.5, -1.0], 0.25, "relu")
    0.0
    """
    z = np.dot(w, x) + b
    return float(get(activation)(z))


def dense_layer(x, W, b, activation="identity"):
    """Output of a layer of neurons: ``f(x @ W + b)``.

    Column ``j`` of ``W`` holds the weights of neuron ``j`` and ``b[j]`` its bias,
    so the layer is every neuron at once.

    Parameters
    ----------
    x : array_like
        One input of shape ``(n_in,)`` or a batch, one example per row,
        ``(n_examples, n_in)``.
    W : array_like
        Weights, shape ``(n_in, n_out)``.
    b : array_like
        Biases, shape ``(n_out,)``.
    activation : str, optional
        Name of the activation function.

    Returns
    -------
    numpy.ndarray
        Shape ``(n_out,)`` or ``(n_examples, n_out)``.

    Examples
    --------
    >>> dense_layer([1.0, 2.0], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], [0.0, 0.0, -3.0])
    array([1., 2., 0.])
    """
    z = np.asarray(x, dtype=float) @ W + b
    return get(activation)(z)


def random_layers(sizes, seed=0, init=None):
    """Weights and biases of stacked layers, drawn at random.

    Parameters
    ----------
    sizes : sequence of int
        Widths from input to output, e.g. ``(3, 4, 2)``; at least two.
    seed : int, optional
        Seed of the random generator.
    init : {None, "glorot", "he", "lecun"}, optional
        ``None``: weights and biases from a standard normal (any numbers will
        do, e.g. to show that linear layers collapse). A scheme name: weights
        from a normal with the standard deviation of `snippets.nn.INITS` for
        the layer's numbers of inputs and outputs (``sqrt(2 / (n_in + n_out))``
        for ``"glorot"``), and biases at zero, as a network starts training.

    Returns
    -------
    list of (numpy.ndarray, numpy.ndarray)
        ``[(W1, b1), (W2, b2), ...]`` with ``Wk`` of shape
        ``(sizes[k-1], sizes[k])`` and ``bk`` of shape ``(sizes[k],)``.

    Raises
    ------
    ValueError
        Fewer than two sizes, a size that is not an integer >= 1, or an
        unknown ``init`` (the message lists the valid ones).

    Examples
    --------
    >>> [(W.shape, b.shape) for W, b in random_layers((3, 4, 2))]
    [((3, 4), (4,)), ((4, 2), (2,))]
    >>> random_layers((3, 4), init="glorot")[0][1]
    array([0., 0., 0., 0.])
    """
    sizes = tuple(sizes)
    if len(sizes) < 2 or any(int(n) != n or n < 1 for n in sizes):
        raise ValueError(f"sizes needs at least two integers >= 1, got {sizes!r}")
    if init is not None and (not isinstance(init, str) or init not in INITS):
        valid = ", ".join(["None", *map(repr, sorted(INITS))])
        raise ValueError(f"init must be one of {valid}; got {init!r}")
    rng = np.random.default_rng(seed)
    layers = []
    for n_in, n_out in itertools.pairwise(sizes):
        if init is None:
            layers.append(
                (rng.standard_normal((n_in, n_out)), rng.standard_normal(n_out))
            )
        else:
            std = INITS[init](n_in, n_out)
            layers.append((std * rng.standard_normal((n_in, n_out)), np.zeros(n_out)))
    return layers


def forward(x, layers, activation="identity", out_activation="identity"):
    """Forward pass through stacked layers.

    Parameters
    ----------
    x : array_like
        Input ``(n_in,)`` or batch ``(n_examples, n_in)``.
    layers : list of (W, b)
        As returned by `random_layers`.
    activation : str, optional
        Activation of every layer but the last.
    out_activation : str, optional
        Activation of the last layer.

    Returns
    -------
    numpy.ndarray
        The output of the last layer.

    Examples
    --------
    >>> layers = [(np.eye(2), np.zeros(2)), (np.ones((2, 1)), np.array([1.0]))]
    >>> forward([2.0, -3.0], layers, "relu")  # relu -> (2, 0), then 2 + 0 + 1
    array([3.])
    """
    h = np.asarray(x, dtype=float)
    for k, (W, b) in enumerate(layers, start=1):
        h = dense_layer(h, W, b, out_activation if k == len(layers) else activation)
    return h


def collapse(layers):
    """The single linear layer ``(W, b)`` equal to stacked linear layers.

    With no activation, ``((x W1 + b1) W2 + b2) W3 + b3`` is
    ``x (W1 W2 W3) + (b1 W2 W3 + b2 W3 + b3)``: one matrix and one bias.

    Parameters
    ----------
    layers : list of (W, b)
        As returned by `random_layers`.

    Returns
    -------
    W : numpy.ndarray
        Shape ``(n_in, n_out)``: the product ``W1 W2 … Wk``.
    b : numpy.ndarray
        Shape ``(n_out,)``.

    Examples
    --------
    >>> W, b = collapse([(np.array([[2.0]]), np.array([1.0])),
    ...                  (np.array([[3.0]]), np.array([-1.0]))])
    >>> float(W[0, 0]), float(b[0])  # 3 (2x + 1) - 1 = 6x + 2
    (6.0, 2.0)
    """
    W = np.eye(np.shape(layers[0][0])[0])
    b = np.zeros(W.shape[1])
    for Wk, bk in layers:
        W, b = W @ Wk, b @ Wk + bk
    return W, b


def best_line(X, y, n_lines=100_000, seed=0):
    """The best of many random straight lines on a two-class problem.

    Each line ``w · x + b = 0`` predicts class 1 where ``w · x + b > 0``;
    ``n_lines`` lines are drawn with ``w`` and ``b`` standard normal (so every
    direction and both orientations are equally likely).

    Parameters
    ----------
    X : array_like
        Points, shape ``(n, d)``.
    y : array_like
        Labels 0 and 1, shape ``(n,)``.
    n_lines : int, optional
        Number of random lines, >= 1.
    seed : int, optional
        Seed of the random generator.

    Returns
    -------
    w : numpy.ndarray
        Weights of the best line (the first one found), shape ``(d,)``.
    b : float
        Its bias.
    accuracy : float
        The share of points it classifies correctly.

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> best_line(X, [0, 0, 0, 1], n_lines=10_000)[2]  # AND: separable
    1.0
    """
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((n_lines, X.shape[1]))
    b = rng.standard_normal(n_lines)
    predicted = (w @ X.T + b[:, None]) > 0  # one row per line
    hits = np.mean(predicted == np.asarray(y, dtype=bool), axis=1)
    best = int(np.argmax(hits))
    return w[best], float(b[best]), float(hits[best])


def source(func):
    """The code of ``func`` without its docstring, as a Markdown code block.

    Lets a page show the function it calls, exactly as the package defines it.

    Examples
    --------
    >>> print(source(neuron).splitlines()[1])
    def neuron(x, w, b, activation="identity"):
    """
    lines = inspect.getsource(func).splitlines()
    body = ast.parse(textwrap.dedent("\n".join(lines))).body[0].body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        del lines[body[0].lineno - 1 : body[0].end_lineno]
    return "```python\n" + "\n".join(lines) + "\n```"


def perceptron(X, y, epochs=10, lr=1.0):
    """Rosenblatt's perceptron rule, with a step activation.

    Visits the points in order; after each mistake moves the weights by
    ``lr * (target - prediction) * x`` and the bias by ``lr * (target -
    prediction)``. Starts from zero weights and bias.

    Parameters
    ----------
    X : array_like
        Points, shape ``(n, d)``.
    y : array_like
        Labels 0 and 1.
    epochs : int, optional
        Passes over the points.
    lr : float, optional
        Size of each correction.

    Returns
    -------
    w : numpy.ndarray
        Final weights, shape ``(d,)``.
    b : float
        Final bias.
    mistakes : list of int
        Number of mistakes in each pass.

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> perceptron(X, [0, 1, 1, 1], epochs=5)[2]  # OR is learned
    [1, 2, 1, 0, 0]
    """
    X = np.asarray(X, dtype=float)
    w, b, mistakes = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        count = 0
        for xi, target in zip(X, y, strict=True):
            error = target - (1 if w @ xi + b > 0 else 0)
            w, b, count = w + lr * error * xi, b + lr * error, count + (error != 0)
        mistakes.append(int(count))
    return w, float(b), mistakes
