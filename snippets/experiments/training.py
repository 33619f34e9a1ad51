"""Seeded training runs shared by the zero-centred and plateau pages."""

from __future__ import annotations

import numpy as np

from snippets.activations import get
from snippets.datasets import two_moons
from snippets.experiments.zero_centred import _Shifted
from snippets.nn import MLP, accuracy, cross_entropy, train


def _resolve(act):
    return get(act) if isinstance(act, str) else act


#: Results of deterministic runs, kept for the rest of the process: a page that
#: prints a table and then draws a figure of the same runs trains only once.
_MEMO: dict = {}


def _memo_key(activation, *rest):
    """A key for `_MEMO`, or None when the activation cannot be named."""
    if isinstance(activation, str):
        name = activation
    elif isinstance(activation, _Shifted):
        name = repr(activation)
    else:
        return None
    return (name, *rest)


def train_runs(
    activation,
    sizes=(2, 16, 16, 1),
    data=None,
    lr=1.0,
    epochs=200,
    seeds=range(5),
    init="glorot",
    held_out=None,
):
    """Train the same network from several seeds; return the mean loss curve.

    Parameters
    ----------
    activation : str or Activation-like
        Activation of the hidden layers (a registry name or e.g. `shifted`).
    sizes : tuple of int, optional
        Layer widths, input first; the output is one logit (cross-entropy loss).
    data : tuple, optional
        ``(X, y)``; `snippets.datasets.two_moons` (200 points, seed 0)
        by default.
    lr : float, optional
        Learning rate of full-batch gradient descent.
    epochs : int, optional
        Number of gradient steps.
    seeds : iterable of int, optional
        Seeds of the initial weights (one run each).
    init : {"he", "glorot", "lecun"}, optional
        Weight initialisation.
    held_out : mapping of str to tuple, optional
        Data sets not trained on, ``{name: (X, y)}``: the accuracy of every run
        on each is returned too.

    Returns
    -------
    dict
        ``"loss"``: mean loss per epoch over the runs; ``"losses"``: the loss
        per epoch of each run (runs × epochs); ``"final_losses"`` and
        ``"accuracies"`` (on the training data): arrays with one entry per run;
        with ``held_out``, ``"held_out_accuracies"``: ``{name: array}``, one
        entry per run.

    Notes
    -----
    The runs are deterministic, so with the default data and an activation given
    by name or by `shifted` the result is remembered for the rest of the
    process (copies are returned): a page that prints a table and then draws the
    same runs trains once.

    Examples
    --------
    >>> r = train_runs("tanh", epochs=50, seeds=[0])
    >>> r["loss"].shape, bool(r["loss"][-1] < r["loss"][0])
    ((50,), True)
    """
    seeds = tuple(int(s) for s in seeds)
    key = (
        None
        if data is not None or held_out is not None
        else _memo_key(
            activation, "train", tuple(sizes), float(lr), int(epochs), seeds, init
        )
    )
    if key in _MEMO:
        return {k: v.copy() for k, v in _MEMO[key].items()}
    X, y = two_moons(200, seed=0) if data is None else data
    act = _resolve(activation)
    held_out = dict(held_out or {})
    curves, finals, accs = [], [], []
    others = {name: [] for name in held_out}
    for seed in seeds:
        model = MLP(sizes, act, seed=seed, init=init)
        history = train(model, X, y, lr=lr, epochs=epochs, record=False)
        curves.append(history["loss"])
        finals.append(_bce(model, X, y))
        accs.append(accuracy(model, X, y))
        for name, (X_other, y_other) in held_out.items():
            others[name].append(accuracy(model, X_other, y_other))
    result = {
        "loss": np.mean(curves, axis=0),
        "losses": np.array(curves),
        "final_losses": np.array(finals),
        "accuracies": np.array(accs),
    }
    if held_out:
        result["held_out_accuracies"] = {k: np.array(v) for k, v in others.items()}
    if key is not None:
        _MEMO[key] = {k: v.copy() for k, v in result.items()}
    return result


def _bce(model, X, y):
    """Cross-entropy of the model as it is now (after the last step)."""
    return cross_entropy(model.forward(X), y)[0]


def epochs_to(losses, threshold):
    """First epoch (counting from 1) whose loss is below ``threshold``, or None.

    Examples
    --------
    >>> epochs_to([0.9, 0.5, 0.2, 0.1], 0.3)
    3
    """
    below = np.flatnonzero(np.asarray(losses) < threshold)
    return int(below[0]) + 1 if below.size else None
