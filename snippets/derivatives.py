"""Why gradient descent needs derivatives: one neuron, trained by hand.

A single neuron ``ŷ = f(w · x + b)`` is small enough to write its training loop
in a dozen readable lines. With it the differentiability page shows that a
neuron whose activation has a zero derivative (the step function) never moves
under gradient descent, while a sigmoid neuron on the same data learns; that
Rosenblatt's perceptron rule, which uses no derivative, trains the step neuron
anyway; and what the derivative of a kinked function is on each side of its
kink. Everything is float64 and seeded.

Examples
--------
>>> X, y = separable(20)
>>> run = train_neuron("sigmoid", X, y, epochs=5)
>>> len(run["loss"]), run["final_loss"] < run["loss"][0]
(5, True)
"""

from __future__ import annotations

import numpy as np

from snippets.activations import get, names
from snippets.i18n import check_lang, fmt_auto, t
from snippets.tables import markdown_table

__all__ = [
    "kink_table",
    "one_sided_derivatives",
    "perceptron",
    "separable",
    "train_neuron",
]


def _resolve(act):
    return get(act) if isinstance(act, str) else act


def _positive_int(name, value):
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
    return int(value)


def _check_data(X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or y.shape != (X.shape[0],) or X.shape[0] == 0:
        raise ValueError(
            f"X must have shape (n, d) and y shape (n,), got {X.shape} and {y.shape}"
        )
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("y must hold the labels 0 and 1")
    return X, y


def _start(d, seed):
    """Small random initial weights and a zero bias (the same for every method)."""
    return 0.5 * np.random.default_rng(seed).standard_normal(d), 0.0


def separable(n=40, margin=0.25, seed=0):
    """Points in the plane that the line ``x₁ + x₂ = 0`` separates with a margin.

    Points are drawn uniformly in the square ``[-2, 2]²``; those closer than
    ``margin`` (measured along ``x₁ + x₂``) to the line are drawn again. The
    label is 1 above the line and 0 below it.

    Parameters
    ----------
    n : int, optional
        Number of points, >= 2.
    margin : float, optional
        Smallest ``|x₁ + x₂|`` of a point, in ``[0, 2)``.
    seed : int, optional
        Seed of the random generator.

    Returns
    -------
    X : numpy.ndarray
        Shape ``(n, 2)``, float64.
    y : numpy.ndarray
        Shape ``(n,)``, int, values 0 and 1.

    Examples
    --------
    >>> X, y = separable(6)
    >>> bool(((X.sum(axis=1) > 0) == (y == 1)).all())
    True
    """
    n = _positive_int("n", n)
    if n < 2:
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    if not 0 <= margin < 2:
        raise ValueError(f"margin must be in [0, 2), got {margin!r}")
    rng = np.random.default_rng(seed)
    points = np.empty((0, 2))
    while len(points) < n:
        batch = rng.uniform(-2.0, 2.0, size=(2 * n, 2))
        points = np.vstack([points, batch[np.abs(batch.sum(axis=1)) >= margin]])
    X = points[:n]
    return X, (X.sum(axis=1) > 0).astype(int)


def train_neuron(activation, X, y, lr=0.5, epochs=100, seed=0, backward=None):
    """Train one neuron ``ŷ = f(w · x + b)`` by gradient descent on the mean squared error.

    Each epoch computes the loss ``L = mean((ŷ - y)²)`` on all examples and
    its gradient by the chain rule,
    ``∂L/∂w = Σ ∂L/∂ŷ · f′(z) · x``, then steps ``w ← w − lr · ∂L/∂w``
    (and the same for ``b``).

    Parameters
    ----------
    activation : str or Activation
        The function ``f`` of the forward pass.
    X : array_like
        Inputs, shape ``(n, d)``.
    y : array_like
        Labels 0 and 1, shape ``(n,)``.
    lr : float, optional
        Learning rate, > 0.
    epochs : int, optional
        Number of gradient steps, >= 1.
    seed : int, optional
        Seed of the initial weights (normal, standard deviation 0.5; bias 0).
    backward : str or Activation, optional
        Use this function's derivative instead of ``f′`` in the backward pass
        (a *straight-through estimator* when ``f`` is the step). ``None`` uses
        ``f′``.

    Returns
    -------
    dict
        ``loss`` (one value per epoch: the loss of that epoch's forward pass,
        before its step), ``final_loss`` (after the last step), ``grad_norm``
        (norm of ``(∂L/∂w, ∂L/∂b)`` at each step), ``w_start``,
        ``w_end``, ``b_start``, ``b_end`` and ``accuracy`` (share of examples
        with ``(ŷ > 0.5) == y`` at the end).

    Examples
    --------
    >>> X, y = separable(20)
    >>> run = train_neuron("step", X, y, epochs=3)
    >>> run["grad_norm"], bool((run["w_end"] == run["w_start"]).all())
    ([0.0, 0.0, 0.0], True)
    """
    f = _resolve(activation)
    df = _resolve(backward).derivative if backward is not None else f.derivative
    X, y = _check_data(X, y)
    epochs = _positive_int("epochs", epochs)
    if not (np.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a finite number > 0, got {lr!r}")
    w, b = _start(X.shape[1], seed)
    w_start, b_start = w.copy(), b
    losses, grad_norms = [], []
    for _ in range(epochs):
        z = X @ w + b  # pre-activation of every example
        y_hat = f(z)  # forward pass
        losses.append(float(np.mean((y_hat - y) ** 2)))
        dL_dyhat = 2.0 * (y_hat - y) / len(y)  # ∂L/∂ŷ
        dL_dz = dL_dyhat * df(z)  # chain rule: times f′(z)
        grad_w, grad_b = X.T @ dL_dz, dL_dz.sum()  # times x (and times 1 for b)
        grad_norms.append(float(np.sqrt(grad_w @ grad_w + grad_b**2)))
        w, b = w - lr * grad_w, b - lr * grad_b  # one step of gradient descent
    y_hat = f(X @ w + b)
    return {
        "loss": losses,
        "final_loss": float(np.mean((y_hat - y) ** 2)),
        "grad_norm": grad_norms,
        "w_start": w_start,
        "w_end": w,
        "b_start": b_start,
        "b_end": float(b),
        "accuracy": float(np.mean((y_hat > 0.5) == y)),
    }


def perceptron(X, y, epochs=20, lr=1.0, seed=0):
    """Rosenblatt's perceptron rule for a step neuron; no derivative is used.

    For each example in turn, ``ŷ = step(w · x + b)`` and
    ``w ← w + lr · (y − ŷ) · x``, ``b ← b + lr · (y − ŷ)``: the weights move only
    when the example is misclassified. On linearly separable data the number of
    mistakes per pass reaches 0 after finitely many updates (Novikoff, 1962).

    Parameters
    ----------
    X, y : array_like
        As in `train_neuron`.
    epochs : int, optional
        Number of passes over the examples, >= 1.
    lr : float, optional
        Step size, > 0.
    seed : int, optional
        Seed of the initial weights (the same as `train_neuron`'s).

    Returns
    -------
    dict
        ``mistakes`` (misclassified examples in each pass), ``w_end``, ``b_end``
        and ``accuracy`` at the end.

    Examples
    --------
    >>> X, y = separable(20)
    >>> perceptron(X, y)["mistakes"][-1]
    0
    """
    step = get("step")
    X, y = _check_data(X, y)
    epochs = _positive_int("epochs", epochs)
    if not (np.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a finite number > 0, got {lr!r}")
    w, b = _start(X.shape[1], seed)
    mistakes = []
    for _ in range(epochs):
        wrong = 0
        for x_i, y_i in zip(X, y, strict=True):
            error = y_i - step(x_i @ w + b)  # -1, 0 or 1
            if error != 0:
                w, b, wrong = w + lr * error * x_i, b + lr * error, wrong + 1
        mistakes.append(wrong)
    accuracy = float(np.mean(step(X @ w + b) == y))
    return {"mistakes": mistakes, "w_end": w, "b_end": float(b), "accuracy": accuracy}


def one_sided_derivatives(act, x):
    """``(f′(x⁻), f′(x⁺))``: the derivative one floating-point step either side of ``x``.

    Parameters
    ----------
    act : str or Activation
        The activation.
    x : float
        The point.

    Returns
    -------
    tuple of float

    Examples
    --------
    >>> one_sided_derivatives("relu", 0.0)
    (0.0, 1.0)
    """
    a = _resolve(act)
    left = float(a.derivative(np.nextafter(float(x), -np.inf)))
    right = float(a.derivative(np.nextafter(float(x), np.inf)))
    return left, right


def kink_table(lang, prefix="../activations/"):
    """Markdown tables of every kink of the kinked functions of the registry.

    The first table has one row per kink of each function whose class is
    ``"kinks"``: the point, the derivative just left and just right of it (they
    differ: that is the kink) and the value
    `snippets.activations.Activation.derivative` returns at the point
    itself. The second table gives, for each of these functions, the registry's
    statement of the convention (``meta.kink_convention``).

    Parameters
    ----------
    lang : {"pt", "en"}
        Language of the headers, numbers and convention text.
    prefix : str, optional
        Path from the printing page to the catalogue folder, for the links.

    Returns
    -------
    str
        Two Markdown tables separated by a blank line.

    Examples
    --------
    >>> print(kink_table("en").splitlines()[2])
    | [Rectified linear unit (ReLU)](../activations/relu.md) | 0 | 0 | 1 | 0 |
    """
    check_lang(lang)
    keys = (
        "col_function",
        "diff_col_point",
        "diff_col_left",
        "diff_col_right",
        "diff_col_returned",
    )
    points, texts = [], []
    for name in names():
        act = get(name)
        if act.meta.differentiability != "kinks":
            continue
        link = f"[{act.meta.display[lang]}]({prefix}{name}.md)"
        for i, k in enumerate(act.kinks()):
            left, right = one_sided_derivatives(act, k)
            values = (k, left, right, float(act.derivative(k)))
            points.append(
                [link if i == 0 else "", *(fmt_auto(v, lang, 4) for v in values)]
            )
        texts.append([link, act.meta.kink_convention[lang]])
    conventions = [t("col_function", lang), t("diff_col_convention", lang)]
    return (
        markdown_table([t(k, lang) for k in keys], points)
        + "\n"
        + markdown_table(conventions, texts)
    )
