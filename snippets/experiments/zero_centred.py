"""Zero-centred inputs: descent paths on a quadratic loss, same-sign gradients, shifted activations."""

from __future__ import annotations

import numpy as np
from scipy.special import expit

from snippets.activations import get


def _resolve(act):
    return get(act) if isinstance(act, str) else act


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


def same_sign_steps(path):
    """Share of the steps of a descent path that move every weight the same way.

    A step ``w[k+1] - w[k]`` counts when all of its components are positive (all
    weights up) or all negative (all down).

    Parameters
    ----------
    path : numpy.ndarray
        Weights along the path, ``(k + 1, d)``, as in `descent_path`; ``k >= 1``.

    Returns
    -------
    float
        In [0, 1].

    Examples
    --------
    >>> same_sign_steps(np.array([[0.0, 0.0], [1.0, 1.0], [0.5, 0.5], [1.0, 0.0]]))
    0.6666666666666666
    """
    steps = np.diff(np.asarray(path, dtype=np.float64), axis=0)
    if steps.shape[0] < 1:
        raise ValueError(f"the path needs at least two points, got {len(path)}")
    one_sign = (steps > 0).all(axis=1) | (steps < 0).all(axis=1)
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
        the start, ``w = 0``), ``"same_sign_steps"`` (`same_sign_steps`)
        and ``"loss"`` (`quadratic_loss`).

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
        run["same_sign_steps"] = same_sign_steps(run["path"])
        run["loss"] = quadratic_loss(X, y)
        out[key] = run
    return out


class _Shifted:
    """``f(x) + c`` for a registered ``f``: the same slopes, outputs moved by ``c``."""

    def __init__(self, base, shift):
        self.base = _resolve(base)
        self.shift = float(shift)
        self.name = f"{self.base.name}{self.shift:+g}"

    @property
    def params(self):
        """The base function's parameters and the shift (what, with `name`,
        identifies the function, as for the registry's functions)."""
        return {**self.base.params, "shift": self.shift}

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
