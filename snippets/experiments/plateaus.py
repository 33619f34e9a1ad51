"""Plateaus and vanishing gradients: gradient sizes by layer, dead and born-dead ReLU units."""

from __future__ import annotations

import numpy as np

from snippets.activations import get
from snippets.datasets import two_moons
from snippets.experiments.training import _MEMO, _bce, _memo_key
from snippets.nn import MLP, accuracy, layer_gradient_norms, train


def _resolve(act):
    return get(act) if isinstance(act, str) else act


# ------------------------------------------------------------------ plateaus


def bias_gradient_norms(
    activation, init, depth=10, width=64, data=None, seeds=range(5)
):
    """Size of the gradient reaching each layer of a deep network at initialisation.

    For every layer the norm ``|∂L/∂b|`` of the gradient with respect to its
    biases is measured (Nielsen's "speed of learning" of a layer): it is the
    back-propagated signal ``∂L/∂z`` summed over the examples, and unlike
    ``|∂L/∂W|`` it does not depend on how many inputs the layer has. The
    geometric mean over the seeds is returned.

    Parameters
    ----------
    activation : str
        Activation of the hidden layers.
    init : {"he", "glorot", "lecun"}
        Weight initialisation.
    depth, width : int, optional
        Number and width of the hidden layers.
    data : tuple, optional
        ``(X, y)``; two moons (200 points, seed 0) by default.
    seeds : iterable of int, optional
        Seeds of the initial weights.

    Returns
    -------
    numpy.ndarray
        Shape ``(depth + 1,)``: hidden layers 1..depth (1 next to the input),
        then the output layer.

    Examples
    --------
    >>> g = bias_gradient_norms("sigmoid", "glorot", depth=4, seeds=[0])
    >>> g.shape, bool(g[0] < g[3])
    ((5,), True)
    """
    seeds = tuple(int(s) for s in seeds)
    key = (
        None
        if data is not None
        else _memo_key(activation, "bias_grad", init, int(depth), int(width), seeds)
    )
    if key in _MEMO:
        return _MEMO[key].copy()
    X, y = two_moons(200, seed=0) if data is None else data
    sizes = (X.shape[1], *(width,) * int(depth), 1)
    logs = []
    for seed in seeds:
        model = MLP(sizes, activation, seed=seed, init=init)
        layer_gradient_norms(model, X, y)  # runs the backward pass
        logs.append([np.log(np.linalg.norm(layer.db)) for layer in model.layers])
    result = np.exp(np.mean(logs, axis=0))
    if key is not None:
        _MEMO[key] = result.copy()
    return result


def dead_units(model, X):
    """Which hidden units never have a positive pre-activation on ``X``.

    A ReLU unit with ``z <= 0`` for every example outputs 0 everywhere and its
    derivative is 0 everywhere: no gradient reaches its weights, so gradient
    descent cannot bring it back (the "dying ReLU").

    Parameters
    ----------
    model : snippets.nn.MLP
    X : numpy.ndarray
        The inputs, ``(n, d)``.

    Returns
    -------
    numpy.ndarray
        Boolean, one entry per hidden unit (all hidden layers concatenated).

    Examples
    --------
    >>> net = MLP((2, 3, 1), "relu", seed=0)
    >>> net.layers[0].b[:] = -100.0
    >>> dead_units(net, np.ones((4, 2))).tolist()
    [True, True, True]
    """
    h = np.asarray(X, dtype=np.float64)
    out = []
    for layer in model.layers[:-1]:
        z = h @ layer.W + layer.b
        out.append((z <= 0).all(axis=0))
        h = layer.act(z)
    return np.concatenate(out)


def dying_relu(
    activation,
    lr,
    bias=0.0,
    sizes=(2, 32, 32, 1),
    epochs=200,
    seeds=range(5),
    data=None,
):
    """Share of dead hidden units before and after training, averaged over seeds.

    Parameters
    ----------
    activation : str or Activation
        Activation of the hidden layers (He initialisation).
    lr : float
        Learning rate.
    bias : float, optional
        Initial value of every hidden bias (0 is the usual choice; a negative
        value starts many units dead).
    sizes, epochs, seeds, data
        As in `train_runs`.

    Returns
    -------
    dict
        ``"dead_before"``, ``"dead_after"``: mean share of dead units;
        ``"final_loss"``, ``"accuracy"``: means over the runs.

    Examples
    --------
    >>> r = dying_relu("relu", lr=0.1, bias=-5.0, epochs=20, seeds=[0])
    >>> r["dead_before"] == r["dead_after"] == 1.0
    True
    """
    X, y = two_moons(200, seed=0) if data is None else data
    act = _resolve(activation)
    before, after, losses, accs = [], [], [], []
    for seed in seeds:
        model = MLP(sizes, act, seed=seed, init="he")
        for layer in model.layers[:-1]:
            layer.b[:] = bias
        before.append(dead_units(model, X).mean())
        train(model, X, y, lr=lr, epochs=epochs, record=False)
        after.append(dead_units(model, X).mean())
        losses.append(_bce(model, X, y))
        accs.append(accuracy(model, X, y))
    return {
        "dead_before": float(np.mean(before)),
        "dead_after": float(np.mean(after)),
        "final_loss": float(np.mean(losses)),
        "accuracy": float(np.mean(accs)),
    }


def born_dead_share(width, depth, trials=1000, data=None, seed=0):
    """Share of random ReLU networks that are constant on the data from the start.

    Weights are He-normal (``N(0, 2/fan_in)``), biases zero. A network is "born
    dead" when some hidden layer outputs 0 for every example: from there on the
    output is the same for all inputs and every gradient below that layer is 0
    (Lu et al., 2020). All ``trials`` networks are drawn and evaluated at once.

    Parameters
    ----------
    width, depth : int
        Width and number of hidden layers, >= 1.
    trials : int, optional
        Number of random networks.
    data : numpy.ndarray, optional
        Inputs ``(n, d)``; the two-moons inputs (200 points, seed 0) by default.
    seed : int, optional
        Seed of the weights.

    Returns
    -------
    float
        In [0, 1].

    Examples
    --------
    >>> born_dead_share(64, 2, trials=100)
    0.0
    """
    for name, v in (("width", width), ("depth", depth), ("trials", trials)):
        if int(v) != v or v < 1:
            raise ValueError(f"{name} must be an integer >= 1, got {v!r}")
    X = two_moons(200, seed=0)[0] if data is None else np.asarray(data, dtype=float)
    rng = np.random.default_rng(seed)
    h = np.broadcast_to(X, (int(trials), *X.shape))
    dead = np.zeros(int(trials), dtype=bool)
    for _ in range(int(depth)):
        fan_in = h.shape[2]
        W = rng.standard_normal((int(trials), fan_in, int(width))) * np.sqrt(2 / fan_in)
        h = np.maximum(h @ W, 0.0)
        dead |= ~(h > 0).any(axis=(1, 2))
    return float(dead.mean())
