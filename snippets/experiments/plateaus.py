"""Plateaus and vanishing gradients: the signal layer by layer, deep networks
trained at several learning rates, dead and born-dead ReLU units.

The experiments that train several seeds of one network train them together
(`train_together`: the seeds' weights stacked, one matrix product per layer for
all of them), which gives the same numbers as training each with
`snippets.nn.train`, in a fraction of the time.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

from snippets.activations import get
from snippets.datasets import two_moons
from snippets.experiments.training import _MEMO, _bce, _memo_key
from snippets.nn import INITS, MLP, accuracy


def _resolve(act):
    return get(act) if isinstance(act, str) else act


# ----------------------------------------------------- several networks at once


class _Layer:
    """One layer of `_Stack`: weights ``(S, n_in, n_out)``, biases ``(S, 1, n_out)``."""

    def __init__(self, layers):
        self.act = layers[0].act
        self.W = np.stack([layer.W for layer in layers])
        self.b = np.stack([layer.b for layer in layers])[:, None, :]


class _Stack:
    """``S`` MLPs of the same shape and activations as one: `snippets.nn.MLP`'s
    arithmetic, with the networks on a leading axis."""

    def __init__(self, models):
        shapes = {tuple(layer.W.shape for layer in m.layers) for m in models}
        acts = {
            tuple((a.act.name, repr(a.act.params)) for a in m.layers) for m in models
        }
        if len(shapes) != 1 or len(acts) != 1:
            raise ValueError(
                "train_together needs networks of one shape and activation"
            )
        self.layers = [
            _Layer(group) for group in zip(*(m.layers for m in models), strict=True)
        ]

    def forward(self, X):
        h = np.asarray(X, dtype=np.float64)
        for layer in self.layers:
            layer.x = h
            layer.z = h @ layer.W + layer.b
            h = layer.a = layer.act(layer.z)
        return h

    @staticmethod
    def _slope(layer):
        """f'(z), as the registry computes it. For the sigmoid, whose derivative
        is computed as sigma(z) * sigma(-z), sigma(z) is taken from the forward
        pass: the same numbers, one exponential fewer."""
        if layer.act.name == "sigmoid":
            return layer.a * expit(-layer.z)
        return layer.act.derivative(layer.z)

    def backward(self, dout):
        for layer in reversed(self.layers):
            dz = dout * self._slope(layer)
            layer.dW = np.swapaxes(layer.x, -1, -2) @ dz
            layer.db = dz.sum(axis=-2, keepdims=True)
            dout = dz @ np.swapaxes(layer.W, -1, -2)

    def unstack(self, models):
        for i, model in enumerate(models):
            for layer, stacked in zip(model.layers, self.layers, strict=True):
                layer.W[...] = stacked.W[i]
                layer.b[...] = stacked.b[i, 0]


def _train_stack(stack, X, y, loss="bce", lr=0.1, epochs=1000, record=False):
    """`snippets.nn.train` (cross-entropy, one logit) for a `_Stack`; the loss
    history has one column per network. A network that diverges ends with inf or
    NaN weights and losses, without warnings: the others go on."""
    target = np.reshape(y, (1, -1, 1)).astype(np.float64)
    n = target.shape[1]
    history = {"loss": np.empty((epochs, len(stack.layers[0].W)))}
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            logits = stack.forward(X)
            history["loss"][epoch] = (np.logaddexp(0.0, logits) - target * logits).sum(
                axis=(1, 2)
            ) / n
            stack.backward((expit(logits) - target) / n)
            for layer in stack.layers:
                layer.W -= lr * layer.dW
                layer.b -= lr * layer.db
    return history


def train_together(models, X, y, lr, epochs):
    """Train several networks of the same shape at once, by full-batch gradient descent.

    Each network ends with exactly the weights `snippets.nn.train` (cross-entropy
    loss, one output logit) would give it, to the last bit on this machine: the
    same operations, done for all networks with one stacked matrix product per
    layer instead of one product per network.

    Parameters
    ----------
    models : list of snippets.nn.MLP
        Networks of the same shape and activations, one output; trained in place.
    X, y : numpy.ndarray
        Inputs ``(n, d)`` and labels ``(n,)`` in {0, 1}.
    lr : float
        Learning rate, > 0.
    epochs : int
        Number of gradient steps, >= 1.

    Returns
    -------
    numpy.ndarray
        Shape ``(epochs, len(models))``: each network's loss before each step.

    Examples
    --------
    >>> from snippets.datasets import xor
    >>> X, y = xor()
    >>> nets = [MLP((2, 4, 1), "tanh", seed=s, init="glorot") for s in (0, 1)]
    >>> train_together(nets, X, y, lr=0.5, epochs=10).shape
    (10, 2)
    """
    models = list(models)
    if not models or models[0].layers[-1].W.shape[1] != 1:
        raise ValueError("train_together needs at least one network with one output")
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr!r}")
    if not isinstance(epochs, int | np.integer) or epochs < 1:
        raise ValueError(f"epochs must be an integer >= 1, got {epochs!r}")
    if len(X) != len(y):
        raise ValueError(f"X and y differ in length: {len(X)} != {len(y)}")
    stack = _Stack(models)
    history = _train_stack(stack, X, y, lr=lr, epochs=int(epochs))
    stack.unstack(models)
    return history["loss"]


# ------------------------------------------------------------------ plateaus


def signal_by_layer(activation, init, depth=10, width=64, data=None, seeds=range(5)):
    """How the signal changes from layer to layer of a deep network at initialisation.

    Forward, the variance across examples of each hidden layer's activations
    (averaged over its units): how much of what tells the examples apart is
    left. Backward, the size of the error signal ``∂ℓ/∂z`` that reaches each
    hidden layer: for each example the norm of the vector of that layer's
    ``∂ℓ/∂z``, then the root mean square over the examples (the back-propagated
    gradients of Glorot and Bengio, 2010). The weight gradient of the layer is
    built from it (``∂L/∂W = Σ x δᵀ``). Geometric means over the seeds.

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
    dict
        ``"forward"`` and ``"backward"``, arrays of shape ``(depth,)`` (hidden
        layer 1, next to the input, first); ``"preactivation"``, the variance
        of the pre-activations of each hidden layer (over examples and units,
        arithmetic mean over the seeds); ``"gain"``, ``c E[f'(z)²]`` with ``z``
        the pre-activations of all hidden layers and ``c = n_in Var(W)`` the
        initialisation's factor (``c = 2`` for He, 1 for LeCun and for Glorot
        with equal widths): the factor by which the squared error signal
        changes per layer, on average.

    Examples
    --------
    >>> s = signal_by_layer("sigmoid", "glorot", depth=4, seeds=[0])
    >>> s["backward"].shape, bool(s["backward"][0] < s["backward"][3])
    ((4,), True)
    """
    seeds = tuple(int(s) for s in seeds)
    key = (
        None
        if data is not None
        else _memo_key(activation, "signal", init, int(depth), int(width), seeds)
    )
    if key in _MEMO:
        return {k: v.copy() for k, v in _MEMO[key].items()}
    X, y = two_moons(200, seed=0) if data is None else data
    sizes = (X.shape[1], *(width,) * int(depth), 1)
    forward, backward, pre, square = [], [], [], []
    for seed in seeds:
        model = MLP(sizes, activation, seed=seed, init=init)
        out = model.forward(X)
        hidden = model.layers[:-1]
        forward.append(
            [np.log(layer.act(layer.z).var(axis=0).mean()) for layer in hidden]
        )
        pre.append([layer.z.var() for layer in hidden])
        square.append(
            np.mean([np.mean(layer.act.derivative(layer.z) ** 2) for layer in hidden])
        )
        delta = expit(out) - np.reshape(y, out.shape)  # ∂ℓ/∂(output logit), per example
        sizes_back = []
        for layer in reversed(model.layers):
            delta = delta * layer.act.derivative(layer.z)  # ∂ℓ/∂z of this layer
            sizes_back.append(np.log(np.sqrt(np.mean(np.sum(delta**2, axis=1)))))
            delta = delta @ layer.W.T
        backward.append(sizes_back[::-1][:-1])  # hidden layers only
    c = INITS[init](width, width) ** 2 * width
    result = {
        "forward": np.exp(np.mean(forward, axis=0)),
        "backward": np.exp(np.mean(backward, axis=0)),
        "preactivation": np.mean(pre, axis=0),
        "gain": np.array(c * np.mean(square)),
    }
    if key is not None:
        _MEMO[key] = {k: v.copy() for k, v in result.items()}
    return result


def dead_units(model, X):
    """Which hidden units never have a positive pre-activation on ``X``.

    A ReLU unit with ``z <= 0`` for every example outputs 0 everywhere and its
    derivative is 0 everywhere: no gradient reaches its weights. In the first
    layer, whose inputs are the data, it never comes back (a dead ReLU); in a
    later layer it can, if training the earlier layers changes its inputs.

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


def _default_data():
    """Training data (two moons, 200 points, seed 0) and held-out data (1000
    points drawn with another seed, 1)."""
    return two_moons(200, seed=0), two_moons(1000, seed=1)


def dying_relu(
    activation,
    lr,
    bias=0.0,
    sizes=(2, 8, 8, 1),
    epochs=200,
    seeds=range(10),
    data=None,
    test=None,
):
    """Dead hidden units before and after training, loss and held-out accuracy.

    The networks of all the seeds are trained together (`train_together`).

    Parameters
    ----------
    activation : str or Activation
        Activation of the hidden layers (He initialisation).
    lr : float
        Learning rate.
    bias : float, optional
        Initial value of every hidden bias (0 is the usual choice; a negative
        value starts many units dead).
    sizes : tuple of int, optional
        Layer widths, input first, one output.
    epochs : int, optional
        Number of gradient steps.
    seeds : iterable of int, optional
        Seeds of the initial weights, one network each.
    data, test : tuple, optional
        ``(X, y)`` to train on and to measure the accuracy on; two moons of
        200 points (seed 0) and of 1000 points (seed 1) by default.

    Returns
    -------
    dict
        Arrays with one entry per seed: ``"dead_before"``, ``"dead_after"``
        (share of the hidden units that are off for every training example,
        see `dead_units`), ``"layer_off"`` (whether a whole hidden layer is
        off: with ReLU the output is then the same for every example),
        ``"final_loss"`` (training loss after the last step) and
        ``"accuracy"`` (on the held-out data).

    Examples
    --------
    >>> r = dying_relu("relu", lr=0.1, bias=-5.0, epochs=20, seeds=[0, 1])
    >>> r["dead_before"].tolist(), r["dead_after"].tolist()
    ([1.0, 1.0], [1.0, 1.0])
    """
    (X, y), (Xt, yt) = _default_data()
    X, y = (X, y) if data is None else data
    Xt, yt = (Xt, yt) if test is None else test
    act = _resolve(activation)
    models = [MLP(sizes, act, seed=int(seed), init="he") for seed in seeds]
    for model in models:
        for layer in model.layers[:-1]:
            layer.b[:] = bias
    before = [dead_units(model, X).mean() for model in models]
    train_together(models, X, y, lr=lr, epochs=epochs)
    with np.errstate(over="ignore", invalid="ignore"):  # a diverged run: NaN
        after = [dead_units(model, X) for model in models]
        losses = [_bce(m, X, y) for m in models]
        accs = [accuracy(m, Xt, yt) for m in models]
    ends = np.cumsum([layer.b.size for layer in models[0].layers[:-1]])[:-1]
    return {
        "dead_before": np.array(before),
        "dead_after": np.array([dead.mean() for dead in after]),
        "layer_off": np.array(
            [any(part.all() for part in np.split(dead, ends)) for dead in after]
        ),
        "final_loss": np.array(losses),
        "accuracy": np.array(accs),
    }


def learning_rate_sweep(
    activation,
    init,
    rates=(0.3, 1.0, 3.0),
    sizes=(2, 16, 16, 16, 16, 1),
    epochs=300,
    seeds=range(5),
    data=None,
    test=None,
):
    """Train one network from several seeds at each of several learning rates.

    Everything but the learning rate is held fixed: data, widths, initial
    weights (the same seeds at every rate), number of full-batch steps. The
    seeds are trained together (`train_together`).

    Parameters
    ----------
    activation : str
        Activation of the hidden layers.
    init : {"he", "glorot", "lecun"}
        Weight initialisation.
    rates : sequence of float, optional
        Learning rates, each > 0.
    sizes : tuple of int, optional
        Layer widths, input first, one output.
    epochs : int, optional
        Number of gradient steps.
    seeds : iterable of int, optional
        Seeds of the initial weights.
    data, test : tuple, optional
        ``(X, y)`` to train on and to measure the accuracy on; two moons of
        100 points (seed 0) and of 1000 points (seed 1) by default.

    Returns
    -------
    dict
        ``"rates"`` (R,); ``"loss"``, ``"low"``, ``"high"`` (R, epochs): the
        mean, smallest and largest loss over the seeds at each epoch;
        ``"final_losses"`` and ``"accuracies"`` (R, S): training loss after the
        last step and held-out accuracy of each run (NaN for a run that
        diverged); ``"best"``: the index of the rate with the lowest mean final
        loss (never a rate at which a run diverged).

    Notes
    -----
    With the default data the result is remembered for the rest of the
    process (copies are returned), like `snippets.experiments.train_runs`.

    Examples
    --------
    >>> r = learning_rate_sweep("tanh", "glorot", rates=(0.1, 1.0), epochs=20, seeds=[0])
    >>> r["loss"].shape, r["accuracies"].shape
    ((2, 20), (2, 1))
    """
    rates, seeds = tuple(float(r) for r in rates), tuple(int(s) for s in seeds)
    key = (
        None
        if data is not None or test is not None
        else _memo_key(
            activation, "sweep", init, rates, tuple(sizes), int(epochs), seeds
        )
    )
    if key in _MEMO:
        return {k: np.copy(v) for k, v in _MEMO[key].items()}
    X, y = two_moons(100, seed=0) if data is None else data
    Xt, yt = two_moons(1000, seed=1) if test is None else test
    curves, finals, accs = [], [], []
    for lr in rates:  # one stack of seeds per rate (small arrays stay in cache)
        models = [MLP(sizes, activation, seed=seed, init=init) for seed in seeds]
        curves.append(train_together(models, X, y, lr=lr, epochs=epochs))
        with np.errstate(over="ignore", invalid="ignore"):  # diverged runs: NaN
            finals.append([_bce(m, X, y) for m in models])
            accs.append([accuracy(m, Xt, yt) for m in models])
    curves = np.array(curves)  # (R, epochs, S)
    finals, accs = np.array(finals), np.array(accs)
    means = finals.mean(axis=1)
    means[~np.isfinite(means)] = np.inf  # a rate where some run diverged is no best
    result = {
        "rates": np.array(rates),
        "loss": curves.mean(axis=2),
        "low": curves.min(axis=2),
        "high": curves.max(axis=2),
        "final_losses": finals,
        "accuracies": accs,
        "best": np.array(int(np.argmin(means))),
    }
    if key is not None:
        _MEMO[key] = {k: np.copy(v) for k, v in result.items()}
    return result


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
