"""Small, seeded experiments behind the pages on zero-centred outputs and plateaus.

Each function runs in well under a second (float64 NumPy, small data) and returns
plain numbers or arrays, so that a page can print them and a test can assert them.

Zero-centred outputs
    `positive_inputs`, `descent_path`, `zigzag`,
    `same_sign_share`, `shifted`, `train_runs`,
    `epochs_to`.
Plateaus and vanishing gradients
    `bias_gradient_norms`, `dead_units`, `dying_relu`,
    `born_dead_share`.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

from snippets.activations import get
from snippets.datasets import two_moons
from snippets.nn import MLP, accuracy, cross_entropy, layer_gradient_norms, train

__all__ = [
    "bias_gradient_norms",
    "born_dead_share",
    "dead_units",
    "descent_path",
    "dying_relu",
    "epochs_to",
    "positive_inputs",
    "quadratic_loss",
    "same_sign_share",
    "shifted",
    "train_runs",
    "zigzag",
]


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


# ------------------------------------------------------------ zero-centred inputs


def positive_inputs(d, n=200, centred=False, noise=0.1, seed=0):
    """A linear-regression problem whose inputs are the outputs of a sigmoid layer.

    ``X = sigmoid(Z)`` with ``Z ~ N(0, 1)``, so every input lies in (0, 1) and has
    mean about 1/2, like the activations a sigmoid layer hands to the next one.
    The targets are ``y = X @ w_true + noise``. With ``centred=True`` the column
    means of ``X`` are subtracted (same data, shifted to mean zero) and ``y`` is
    rebuilt from the centred inputs, so both problems share ``w_true``.

    Parameters
    ----------
    d : int
        Number of inputs (weights), >= 1.
    n : int, optional
        Number of examples, >= 2.
    centred : bool, optional
        Subtract the column means of ``X``.
    noise : float, optional
        Standard deviation of the Gaussian noise added to ``y``, >= 0.
    seed : int, optional
        Seed of the generator (inputs, true weights and noise).

    Returns
    -------
    X : numpy.ndarray
        Shape ``(n, d)``.
    y : numpy.ndarray
        Shape ``(n,)``.

    Examples
    --------
    >>> X, y = positive_inputs(3)
    >>> bool((X > 0).all()), bool(abs(positive_inputs(3, centred=True)[0].mean()) < 1e-12)
    (True, True)
    """
    if int(d) != d or d < 1 or int(n) != n or n < 2:
        raise ValueError(f"need integers d >= 1 and n >= 2, got d={d!r}, n={n!r}")
    if not noise >= 0:
        raise ValueError(f"noise must be >= 0, got {noise!r}")
    rng = np.random.default_rng(seed)
    X = expit(rng.standard_normal((int(n), int(d))))
    w_true = rng.standard_normal(int(d))
    eps = noise * rng.standard_normal(int(n))
    if centred:
        X = X - X.mean(axis=0)
    return X, X @ w_true + eps


def quadratic_loss(X, y):
    """The mean squared error ``L(w) = |Xw - y|² / (2n)`` as a function of ``w``.

    The returned function accepts the weights as separate arrays of any (common)
    shape, one per input, so it can be evaluated on a grid for contour plots.

    Examples
    --------
    >>> X, y = np.eye(2), np.array([1.0, 2.0])
    >>> float(quadratic_loss(X, y)(np.array(1.0), np.array(2.0)))
    0.0
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    # |Xw - y|² = wᵀ(XᵀX)w - 2 wᵀXᵀy + yᵀy, written with the weights as arrays.
    A, b, c = X.T @ X, X.T @ y, y @ y

    def loss(*w):
        if len(w) != A.shape[0]:
            raise ValueError(f"expected {A.shape[0]} weight arrays, got {len(w)}")
        quad = sum(A[i, j] * w[i] * w[j] for i in range(len(w)) for j in range(len(w)))
        lin = sum(b[i] * w[i] for i in range(len(w)))
        return (quad - 2.0 * lin + c) / (2.0 * n)

    return loss


def descent_path(X, y, tol=1e-3, max_iter=10_000, w0=None):
    """Plain gradient descent on `quadratic_loss`, with the best fixed step.

    The Hessian is ``H = XᵀX / n``; the step ``2 / (λ_min + λ_max)`` of its
    eigenvalues is the fixed learning rate that converges fastest, so the
    comparison between two problems does not depend on a hand-tuned rate.
    Descent stops when ``|w - ŵ| <= tol * |w0 - ŵ|``, ``ŵ`` the least-squares
    solution.

    Parameters
    ----------
    X, y : numpy.ndarray
        Inputs ``(n, d)`` and targets ``(n,)``.
    tol : float, optional
        Relative distance to the minimum that counts as converged, in (0, 1).
    max_iter : int, optional
        Give up after this many steps.
    w0 : numpy.ndarray, optional
        Starting weights (zeros by default).

    Returns
    -------
    dict
        ``"path"`` (array ``(k + 1, d)``, start first), ``"iterations"`` (``k``,
        or ``None`` if not converged), ``"lr"``, ``"condition"``
        (``λ_max / λ_min``) and ``"minimum"`` (``ŵ``).

    Examples
    --------
    >>> descent_path(np.eye(2), np.ones(2))["iterations"]  # H = I/2: one step
    1
    """
    if not 0 < tol < 1:
        raise ValueError(f"tol must be in (0, 1), got {tol!r}")
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    H = X.T @ X / n
    eig = np.linalg.eigvalsh(H)
    lr = 2.0 / (eig[0] + eig[-1])
    w_min = np.linalg.solve(H, X.T @ y / n)
    w = np.zeros(d) if w0 is None else np.array(w0, dtype=np.float64)
    start = np.linalg.norm(w - w_min)
    path, iterations = [w.copy()], None
    for k in range(int(max_iter) + 1):
        if np.linalg.norm(w - w_min) <= tol * start:
            iterations = k
            break
        w = w - lr * X.T @ (X @ w - y) / n
        path.append(w.copy())
    return {
        "path": np.array(path),
        "iterations": iterations,
        "lr": float(lr),
        "condition": float(eig[-1] / eig[0]),
        "minimum": w_min,
    }


def same_sign_share(X, y, w=None):
    """Share of examples whose own gradient has all components of one sign.

    For the squared error of one example, ``∂L/∂wᵢ = (x·w - y) xᵢ``: the error
    ``x·w - y`` times the input. When every ``xᵢ > 0`` all components share the
    sign of the error, so the example pushes all weights up or all down.

    Parameters
    ----------
    X, y : numpy.ndarray
        Inputs ``(n, d)`` and targets ``(n,)``.
    w : numpy.ndarray, optional
        Weights at which the gradients are taken (zeros by default).

    Returns
    -------
    float
        In [0, 1].

    Examples
    --------
    >>> same_sign_share(np.array([[1.0, 2.0], [1.0, -1.0]]), np.array([1.0, 1.0]))
    0.5
    """
    X = np.asarray(X, dtype=np.float64)
    w = np.zeros(X.shape[1]) if w is None else np.asarray(w, dtype=np.float64)
    grads = (X @ w - np.asarray(y, dtype=np.float64))[:, None] * X
    one_sign = (grads > 0).all(axis=1) | (grads < 0).all(axis=1)
    return float(one_sign.mean())


def zigzag(d, n=200, tol=1e-3, seed=0):
    """Gradient descent with all-positive inputs against the same inputs centred.

    Parameters
    ----------
    d : int
        Number of weights.
    n, seed : int, optional
        As in `positive_inputs`.
    tol : float, optional
        As in `descent_path`.

    Returns
    -------
    dict
        ``{"positive": ..., "centred": ...}``, each the output of
        `descent_path` plus ``"same_sign"`` (`same_sign_share` at
        the start, ``w = 0``) and ``"loss"`` (`quadratic_loss`).

    Examples
    --------
    >>> r = zigzag(2)
    >>> r["positive"]["iterations"] > 5 * r["centred"]["iterations"]
    True
    """
    out = {}
    for key, centred in (("positive", False), ("centred", True)):
        X, y = positive_inputs(d, n=n, centred=centred, seed=seed)
        run = descent_path(X, y, tol=tol)
        run["same_sign"] = same_sign_share(X, y)
        run["loss"] = quadratic_loss(X, y)
        out[key] = run
    return out


class _Shifted:
    """``f(x) + c`` for a registered ``f``: the same slopes, outputs moved by ``c``."""

    def __init__(self, base, shift):
        self.base = _resolve(base)
        self.shift = float(shift)
        self.name = f"{self.base.name}{self.shift:+g}"

    def __call__(self, x):
        return self.base(x) + self.shift

    def derivative(self, x):
        return self.base.derivative(x)

    def __repr__(self):
        return f"shifted({self.base.name!r}, {self.shift!r})"


def shifted(name, shift):
    """An activation moved up or down: ``x -> f(x) + shift``, same derivative.

    ``shifted("sigmoid", -0.5)`` is centred (it equals ``tanh(x/2) / 2``) with the
    sigmoid's slopes; ``shifted("tanh", 1.0)`` has the slopes of tanh but only
    positive outputs. Comparing the four separates the effect of centring from
    the effect of the slope. The object works as an activation in
    `snippets.nn.MLP`.

    Examples
    --------
    >>> f = shifted("tanh", 1.0)
    >>> float(f(np.array([0.0]))[0]), float(f.derivative(np.array([0.0]))[0])
    (1.0, 1.0)
    """
    return _Shifted(name, shift)


def train_runs(
    activation,
    sizes=(2, 16, 16, 1),
    data=None,
    lr=1.0,
    epochs=200,
    seeds=range(5),
    init="glorot",
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

    Returns
    -------
    dict
        ``"loss"``: mean loss per epoch over the runs, ``"final_losses"`` and
        ``"accuracies"``: arrays with one entry per run.

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
        if data is not None
        else _memo_key(
            activation, "train", tuple(sizes), float(lr), int(epochs), seeds, init
        )
    )
    if key in _MEMO:
        return {k: v.copy() for k, v in _MEMO[key].items()}
    X, y = two_moons(200, seed=0) if data is None else data
    act = _resolve(activation)
    curves, finals, accs = [], [], []
    for seed in seeds:
        model = MLP(sizes, act, seed=seed, init=init)
        history = train(model, X, y, lr=lr, epochs=epochs, record=False)
        curves.append(history["loss"])
        finals.append(_bce(model, X, y))
        accs.append(accuracy(model, X, y))
    result = {
        "loss": np.mean(curves, axis=0),
        "final_losses": np.array(finals),
        "accuracies": np.array(accs),
    }
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
    (Lu et al. 2020). All ``trials`` networks are drawn and evaluated at once.

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
