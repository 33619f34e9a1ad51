"""The playground page: every combination of a small grid, trained when the site is built.

The reader of ``playground.md`` chooses an activation, an initialisation, a depth
and a learning rate; every combination of `GRID` is computed here beforehand:

- the signal at initialisation, by `snippets.signal.signal_through_depth`, in a
  random network of that activation, initialisation and depth;
- training by full-batch gradient descent on two small data sets
  (`data_sets`), from several seeds, with the loss of every step, the
  accuracy on held-out points and the predicted probability on a grid of the
  plane (for the decision boundary).

The networks of one activation, initialisation and depth (every rate, data set
and seed) are trained together, their weights stacked (`train_stacked`): the
arithmetic of `snippets.nn.train`, one matrix product per layer for all of them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import product

import numpy as np
from scipy import optimize
from scipy.special import expit

from snippets.datasets import two_moons, xor
from snippets.nn import INITS, MLP
from snippets.signal import signal_through_depth

__all__ = [
    "GRID",
    "Grid",
    "data_sets",
    "linear_baseline",
    "playground_runs",
    "train_stacked",
]


@dataclass(frozen=True)
class Grid:
    """What the playground lets a reader choose, and what it holds fixed.

    Attributes
    ----------
    activations, inits, depths, rates : tuple
        The choices: activation of the hidden layers, weight initialisation,
        number of hidden layers, learning rate.
    seeds : tuple of int
        Seeds of the initial weights; every combination is trained from each.
    width : int
        Units per hidden layer.
    epochs : int
        Steps of full-batch gradient descent.
    signal_width, signal_batch : int
        Width and number of random inputs of the network whose signal at
        initialisation is measured (`snippets.signal.signal_through_depth`).
    resolution : int
        Points per side of the grid on which the boundary is computed.
    """

    activations: tuple = ("sigmoid", "tanh", "relu")
    inits: tuple = ("glorot", "he")
    depths: tuple = (2, 4, 8)
    rates: tuple = (0.03, 0.3, 3.0)
    seeds: tuple = (0, 1, 2, 3, 4)
    width: int = 6
    epochs: int = 100
    signal_width: int = 32
    signal_batch: int = 32
    resolution: int = 36

    def combinations(self):
        """Every ``(activation, init, depth, rate)``, in the order of the choices."""
        return list(product(self.activations, self.inits, self.depths, self.rates))

    @property
    def size(self) -> int:
        """Number of combinations."""
        return len(self.combinations())

    @property
    def networks(self) -> int:
        """Number of networks trained: combinations × data sets × seeds."""
        return self.size * len(data_sets()) * len(self.seeds)


GRID = Grid()
"""The grid of the site's playground."""


def data_sets():
    """The two data sets, each ``{"train": (X, y), "test": (X, y)}`` (copies).

    Two moons (48 points to train on, 400 held out) and XOR with noise (12 points
    around each corner, 100 around each held out); the held-out points are other
    draws (seed 1) of the same distributions.

    Returns
    -------
    dict
        ``{"moons": ..., "xor": ...}``.

    Examples
    --------
    >>> [len(d["train"][0]) for d in data_sets().values()]
    [48, 48]
    """
    return {
        name: {part: tuple(a.copy() for a in xy) for part, xy in parts.items()}
        for name, parts in _data_sets().items()
    }


@functools.cache
def _data_sets():
    return {
        "moons": {
            "train": two_moons(48, noise=0.1, seed=0),
            "test": two_moons(400, noise=0.1, seed=1),
        },
        "xor": {
            "train": xor(12, noise=0.15, seed=0),
            "test": xor(100, noise=0.15, seed=1),
        },
    }


def linear_baseline():
    """What a linear model gets on each data set: the reference for the grid.

    Logistic regression, ``p = σ(x·w + b)``, no hidden layer: the mean
    cross-entropy on the training points minimised to convergence (BFGS with the
    exact gradient; the loss is convex, so this is its global minimum). Its
    decision boundary is a straight line.

    Returns
    -------
    dict
        ``{name: {"loss": training loss at the minimum, "accuracy": share of the
        held-out points classified correctly, "weights": (w1, w2, b)}}``, in the
        order of `data_sets`.

    Examples
    --------
    >>> base = linear_baseline()
    >>> round(base["xor"]["loss"], 2), round(base["xor"]["accuracy"], 1)
    (0.69, 0.5)
    """
    return {
        name: {key: (v.copy() if key == "weights" else v) for key, v in r.items()}
        for name, r in _linear_baseline().items()
    }


@functools.cache
def _linear_baseline():
    result = {}
    for name, parts in _data_sets().items():
        X, y = parts["train"]
        A = np.column_stack([X, np.ones(len(X))])

        def loss(p, A=A, y=y):
            z = A @ p
            return (
                np.mean(np.logaddexp(0.0, z) - y * z),
                A.T @ (expit(z) - y) / len(y),
            )

        fit = optimize.minimize(
            loss, np.zeros(3), jac=True, method="BFGS", options={"gtol": 1e-10}
        )
        Xt, yt = parts["test"]
        logits = np.column_stack([Xt, np.ones(len(Xt))]) @ fit.x
        result[name] = {
            "loss": float(fit.fun),
            "accuracy": float(np.mean((logits > 0) == yt)),
            "weights": fit.x.copy(),
        }
    return result


def _extent(X, pad=0.3):
    """``(xmin, xmax, ymin, ymax)`` around the points ``X``, padded, to 0.1."""
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    return tuple(
        float(v)
        for v in (
            np.floor(lo[0] * 10) / 10,
            np.ceil(hi[0] * 10) / 10,
            np.floor(lo[1] * 10) / 10,
            np.ceil(hi[1] * 10) / 10,
        )
    )


@functools.cache
def extents():
    """The part of the plane drawn for each data set: ``{name: (x0, x1, y0, y1)}``."""
    return {name: _extent(d["train"][0]) for name, d in _data_sets().items()}


# ------------------------------------------------------------- stacked training


def train_stacked(models, X, y, lr, epochs):
    """Train several networks of one shape at once by full-batch gradient descent.

    The cross-entropy loss and the arithmetic of `snippets.nn.train` (one output
    logit), with the networks on a leading axis: one matrix product per layer
    for all of them. The bias gradient is summed in another order, so the
    weights agree with `snippets.nn.train`'s to rounding, not bit for bit. Each
    network may have its own data and learning rate.

    Parameters
    ----------
    models : list of snippets.nn.MLP
        ``S`` networks of the same widths and activations, one output; trained
        in place.
    X : numpy.ndarray
        Inputs, ``(n, d)`` for all networks or ``(S, n, d)``, one set each.
    y : numpy.ndarray
        Labels in {0, 1}, ``(n,)`` or ``(S, n)``.
    lr : float or sequence of float
        Learning rate, one for all or one per network, each > 0.
    epochs : int
        Number of gradient steps, >= 1.

    Returns
    -------
    numpy.ndarray
        ``(epochs, S)``: each network's loss before each step. A network that
        diverges ends with inf or NaN, without warnings; the others go on.

    Examples
    --------
    >>> from snippets.datasets import xor
    >>> X, y = xor()
    >>> nets = [MLP((2, 4, 1), "tanh", seed=s, init="glorot") for s in (0, 1)]
    >>> train_stacked(nets, X, y, lr=[0.5, 1.0], epochs=10).shape
    (10, 2)
    """
    models = list(models)
    count = len(models)
    if not count or models[0].layers[-1].W.shape[1] != 1:
        raise ValueError("train_stacked needs at least one network with one output")
    shapes = {tuple(layer.W.shape for layer in m.layers) for m in models}
    acts = {tuple((a.act.name, repr(a.act.params)) for a in m.layers) for m in models}
    if len(shapes) != 1 or len(acts) != 1:
        raise ValueError("train_stacked needs networks of one shape and activation")
    rates = np.broadcast_to(np.asarray(lr, dtype=np.float64), (count,))
    if not np.all(rates > 0):
        raise ValueError(f"lr must be > 0, got {lr!r}")
    if not isinstance(epochs, int | np.integer) or epochs < 1:
        raise ValueError(f"epochs must be an integer >= 1, got {epochs!r}")
    X = np.asarray(X, dtype=np.float64)
    X = np.broadcast_to(X, (count, *X.shape)) if X.ndim == 2 else X
    target = np.asarray(y, dtype=np.float64)
    target = (
        np.broadcast_to(target, (count, *target.shape)) if target.ndim == 1 else target
    )
    if X.shape[:2] != target.shape or X.shape[0] != count:
        raise ValueError(
            f"X and y must hold one set per network ({count}) of equal length, "
            f"got shapes {X.shape} and {target.shape}"
        )
    target = target[..., None]
    n = target.shape[1]
    layers = [layer.act for layer in models[0].layers]
    W = [np.stack([m.layers[k].W for m in models]) for k in range(len(layers))]
    b = [
        np.stack([m.layers[k].b for m in models])[:, None, :]
        for k in range(len(layers))
    ]
    step = rates[:, None, None]
    ones = np.ones((1, n))  # ones @ d sums over the examples (faster than .sum)
    history = np.empty((epochs, count))
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            h, kept = X, []
            for Wk, bk, act in zip(W, b, layers, strict=True):
                z = h @ Wk + bk
                a = act(z)
                kept.append((h, z, a))
                h = a
            history[epoch] = (np.logaddexp(0.0, h) - target * h).sum(axis=(1, 2)) / n
            d = (expit(h) - target) / n  # dL/d(logit), as snippets.nn.cross_entropy
            for k in reversed(range(len(layers))):
                x, z, a = kept[k]
                d = d * _slope(layers[k], z, a)
                dW = np.swapaxes(x, -1, -2) @ d
                db = ones @ d
                d = d @ np.swapaxes(W[k], -1, -2)
                W[k] -= step * dW
                b[k] -= step * db
    for i, model in enumerate(models):
        for k, layer in enumerate(model.layers):
            layer.W[...] = W[k][i]
            layer.b[...] = b[k][i, 0]
    return history


def _slope(act, z, a):
    """f'(z) as the registry computes it; the sigmoid's, expit(z) * expit(-z),
    takes expit(z) from the forward pass (the same numbers, one exponential fewer)."""
    if act.name == "sigmoid" and not act.params:
        return a * expit(-z)
    return act.derivative(z)


# ------------------------------------------------------------------ the runs


def _probabilities(model, extent, resolution):
    """Probability of class 1 on a ``resolution`` × ``resolution`` grid (rows: y)."""
    x0, x1, y0, y1 = extent
    gx, gy = np.meshgrid(
        np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
    )
    with np.errstate(over="ignore", invalid="ignore"):
        logits = model.forward(np.column_stack([gx.ravel(), gy.ravel()]))[:, 0]
    return expit(logits).reshape(resolution, resolution)


def playground_runs(activation, init, depth, grid=None):
    """Signal at initialisation and training of one activation, init and depth.

    Parameters
    ----------
    activation : str
        Activation of the hidden layers (a registry name).
    init : {"glorot", "he", "lecun"}
        Weight initialisation.
    depth : int
        Number of hidden layers, >= 1.
    grid : Grid, optional
        `GRID` by default: rates, seeds, width, epochs...

    Returns
    -------
    dict
        Arrays indexed by data set (in the order of `data_sets`), rate, seed:
        ``"loss"`` (sets, rates, seeds, epochs), the training loss before each
        step; ``"final_loss"`` (sets, rates, seeds), after the last step;
        ``"accuracy"`` (sets, rates, seeds), on the held-out points;
        ``"output_spread"`` (sets, rates, seeds), the standard deviation of the
        final output over the training points (0: the same output for all);
        ``"probability"`` (sets, rates, resolution, resolution), of class 1 by
        the network of the first seed, on the grid of `extents`. And
        ``"spread"``, ``"grad"`` (seeds, depth): the signal at initialisation
        (`snippets.signal.signal_through_depth`, ``signal_width`` units,
        ``signal_batch`` inputs).

    Examples
    --------
    >>> small = Grid(rates=(0.3,), seeds=(0, 1), epochs=5)
    >>> r = playground_runs("tanh", "glorot", 2, small)
    >>> r["loss"].shape, r["grad"].shape
    ((2, 1, 2, 5), (2, 2))
    """
    if init not in INITS:
        raise ValueError(f"init must be one of {sorted(INITS)}, got {init!r}")
    if not isinstance(depth, int | np.integer) or depth < 1:
        raise ValueError(f"depth must be an integer >= 1, got {depth!r}")
    result = _runs(activation, init, int(depth), grid)
    return {name: array.copy() for name, array in result.items()}


@functools.cache  # a page's blocks ask for the same runs again
def _runs(activation, init, depth, grid):
    g = GRID if grid is None else grid
    sets = data_sets()
    boxes = extents()
    sizes = (2, *(g.width,) * depth, 1)
    runs = [(name, lr, seed) for name in sets for lr in g.rates for seed in g.seeds]
    models = [MLP(sizes, activation, seed=seed, init=init) for _, _, seed in runs]
    X = np.stack([sets[name]["train"][0] for name, _, _ in runs])
    y = np.stack([sets[name]["train"][1] for name, _, _ in runs])
    shape = (len(sets), len(g.rates), len(g.seeds))
    loss = train_stacked(models, X, y, [lr for _, lr, _ in runs], g.epochs)
    final, accuracy, spread = [], [], []
    with np.errstate(over="ignore", invalid="ignore"):
        for model, (name, _, _) in zip(models, runs, strict=True):
            Xs, ys = sets[name]["train"]
            logits = model.forward(Xs)[:, 0]
            final.append(float(np.mean(np.logaddexp(0.0, logits) - ys * logits)))
            spread.append(float(np.std(logits)))
            Xt, yt = sets[name]["test"]
            accuracy.append(float(np.mean((model.forward(Xt)[:, 0] > 0) == yt)))
    probability = [
        _probabilities(model, boxes[name], g.resolution)
        for model, (name, _, seed) in zip(models, runs, strict=True)
        if seed == g.seeds[0]
    ]
    signal = signal_through_depth(
        activation,
        init,
        depth=int(depth),
        width=g.signal_width,
        batch=g.signal_batch,
        seeds=g.seeds,
    )
    return {
        "loss": loss.T.reshape(*shape, g.epochs),
        "final_loss": np.array(final).reshape(shape),
        "accuracy": np.array(accuracy).reshape(shape),
        "output_spread": np.array(spread).reshape(shape),
        "probability": np.array(probability).reshape(
            len(sets), len(g.rates), g.resolution, g.resolution
        ),
        "spread": signal["spread"],
        "grad": signal["grad"],
    }
