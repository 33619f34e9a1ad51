"""Normalisation and residual connections: training a deep sigmoid network with and without them."""

from __future__ import annotations

import numpy as np

from snippets.datasets import two_moons
from snippets.nn import MLP, accuracy, cross_entropy, train

#: Results of the deterministic runs, kept for the rest of the process: the page
#: prints a table and a test checks it without training twice.
_RUNS: dict = {}


def deep_network_runs(
    norm=None,
    residual=False,
    activation="sigmoid",
    depth=10,
    width=16,
    lr=2.0,
    epochs=60,
    seeds=range(5),
    n_train=100,
    n_test=500,
):
    """Train a deep network from several seeds; report held-out accuracy.

    The network has ``depth`` hidden layers of ``width`` units (Glorot
    initialisation) and one output logit; it is trained by full-batch gradient
    descent on the cross-entropy, on ``n_train`` points of the two moons (seed 0),
    and evaluated on ``n_test`` other points drawn from the same distribution
    (seed 1). Only ``norm`` and ``residual`` change between the variants of the
    page: the data, the initial weights (same seeds), the learning rate and the
    number of epochs stay the same.

    Parameters
    ----------
    norm : {None, "layer"}, optional
        Layer normalisation in the hidden layers (`snippets.nn.MLP`).
    residual : bool, optional
        Residual connections around the hidden layers of equal width.
    activation : str, optional
        Activation of the hidden layers.
    depth, width : int, optional
        Number and width of the hidden layers.
    lr : float, optional
        Learning rate.
    epochs : int, optional
        Number of gradient steps.
    seeds : iterable of int, optional
        Seeds of the initial weights (one run each).
    n_train, n_test : int, optional
        Sizes of the training and held-out sets.

    Returns
    -------
    dict
        ``"loss"``: mean training loss per epoch, shape ``(epochs,)``;
        ``"final_losses"``: training loss after the last step, one per seed;
        ``"test_accuracies"``: held-out accuracy, one per seed;
        ``"output_ranges"``: largest minus smallest output (logit) over the
        held-out points, one per seed (near 0: the same answer for every input).

    Examples
    --------
    >>> r = deep_network_runs(residual=True, depth=3, epochs=20, seeds=[0])
    >>> r["loss"].shape, r["test_accuracies"].shape
    ((20,), (1,))
    """
    seeds = tuple(int(s) for s in seeds)
    key = (
        norm,
        bool(residual),
        activation,
        depth,
        width,
        float(lr),
        epochs,
        seeds,
        n_train,
        n_test,
    )
    if key not in _RUNS:
        X, y = two_moons(n_train, seed=0)
        X_test, y_test = two_moons(n_test, seed=1)
        sizes = (2, *(width,) * depth, 1)
        curves, finals, accs, ranges = [], [], [], []
        for seed in seeds:
            model = MLP(
                sizes,
                activation,
                seed=seed,
                init="glorot",
                norm=norm,
                residual=residual,
            )
            history = train(model, X, y, lr=lr, epochs=epochs, record=False)
            curves.append(history["loss"])
            finals.append(cross_entropy(model.forward(X), y)[0])
            accs.append(accuracy(model, X_test, y_test))
            ranges.append(np.ptp(model.forward(X_test)))
        _RUNS[key] = {
            "loss": np.mean(curves, axis=0),
            "final_losses": np.array(finals),
            "test_accuracies": np.array(accs),
            "output_ranges": np.array(ranges),
        }
    return {name: value.copy() for name, value in _RUNS[key].items()}
