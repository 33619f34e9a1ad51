"""Activation functions compared fairly: each at the best rate of a small sweep.

The experiment behind "the choice matters less than it seems" on the page on
comparing and choosing. A network is trained on two spirals from several seeds at
each learning rate of a sweep; the rate is chosen by the accuracy on a validation
set, and the accuracy reported is that on a test set, both drawn apart from the
training data (other seeds of `snippets.datasets.spirals`).
"""

from __future__ import annotations

import numpy as np

from snippets.datasets import spirals
from snippets.experiments.training import train_runs

#: The spirals of the experiment: one turn each, so that a small network can
#: learn them in a few hundred steps of gradient descent.
TURNS = 1.0
#: Seeds of the data sets: training (200 points), test and validation (1000 each).
DATA_SEEDS = {"train": 0, "test": 1, "validation": 2}


def spirals_split(turns=TURNS):
    """The training, validation and test sets of the experiment.

    Three independent draws of `snippets.datasets.spirals`: 200 points to train
    on, 1000 to choose the learning rate, 1000 to report.

    Returns
    -------
    dict
        ``{"train": (X, y), "validation": (X, y), "test": (X, y)}``.

    Examples
    --------
    >>> split = spirals_split()
    >>> [len(split[k][0]) for k in ("train", "validation", "test")]
    [200, 1000, 1000]
    """
    sizes = {"train": 200, "validation": 1000, "test": 1000}
    return {
        part: spirals(sizes[part], turns=turns, seed=DATA_SEEDS[part])
        for part in ("train", "validation", "test")
    }


def rate_sweep(
    activation,
    rates=(0.3, 1.0, 3.0),
    init="he",
    sizes=(2, 16, 16, 1),
    epochs=200,
    seeds=range(5),
):
    """Train at each learning rate; choose the rate on the validation set.

    Every run is full-batch gradient descent on the training spirals of
    `spirals_split` (with `train_runs`).

    Parameters
    ----------
    activation : str or Activation-like
        Activation of the hidden layers.
    rates : sequence of float, optional
        The learning rates tried, each > 0.
    init : {"he", "glorot", "lecun"}, optional
        Weight initialisation.
    sizes : tuple of int, optional
        Layer widths, input first.
    epochs : int, optional
        Gradient steps per run.
    seeds : iterable of int, optional
        Seeds of the initial weights; at least two, for a spread.

    Returns
    -------
    dict
        ``"validation"`` and ``"test"``: ``{rate: accuracies}``, one accuracy per
        seed; ``"chosen"``: the rate with the highest mean validation accuracy
        (the first of them on a tie).

    Examples
    --------
    >>> r = rate_sweep("relu", rates=(0.1, 1.0), epochs=20, seeds=[0, 1])
    >>> sorted(r["test"]), r["chosen"] in (0.1, 1.0), r["test"][1.0].shape
    ([0.1, 1.0], True, (2,))
    """
    rates = tuple(float(r) for r in rates)
    seeds = tuple(seeds)
    if not rates or min(rates) <= 0:
        raise ValueError(f"rates must be one or more numbers > 0, got {rates!r}")
    if len(seeds) < 2:
        raise ValueError(f"need at least two seeds for a spread, got {seeds!r}")
    split = spirals_split()
    held_out = {"validation": split["validation"], "test": split["test"]}
    result = {"validation": {}, "test": {}}
    for lr in rates:
        runs = train_runs(
            activation, sizes, data=split["train"], lr=lr, epochs=epochs,
            seeds=seeds, init=init, held_out=held_out,
        )  # fmt: skip
        for part in ("validation", "test"):
            result[part][lr] = runs["held_out_accuracies"][part]
    means = [np.mean(result["validation"][lr]) for lr in rates]
    result["chosen"] = rates[int(np.argmax(means))]
    return result
