"""Small two-dimensional data sets generated in code (seeded, nothing downloaded).

Every function returns ``(X, y)`` with ``X`` a float64 array of shape ``(n, 2)``
and ``y`` an integer array of shape ``(n,)`` holding the class labels 0 and 1.
Randomness comes only from ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["spirals", "two_moons", "xor"]

_CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_XOR_LABELS = np.array([0, 1, 1, 0])


def _check(n, noise, minimum=2, name="n"):
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {n!r}")
    if not (np.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a finite number >= 0, got {noise!r}")
    return int(n)


def xor(n_per_corner=None, noise=0.0, seed=0):
    """The XOR problem: label 1 when exactly one coordinate is 1.

    Parameters
    ----------
    n_per_corner : int or None, optional
        ``None`` returns the four classic points. An integer >= 1 returns that
        many copies of each corner (``4 * n_per_corner`` points, shuffled) with
        Gaussian noise added.
    noise : float, optional
        Standard deviation of the Gaussian noise, >= 0 (only with
        ``n_per_corner``).
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
    >>> X, y = xor()
    >>> X.tolist(), y.tolist()
    ([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0, 1, 1, 0])
    >>> xor(n_per_corner=5, noise=0.1)[0].shape
    (20, 2)
    """
    if n_per_corner is None:
        if noise != 0:
            raise ValueError("noise needs n_per_corner (an integer >= 1)")
        return _CORNERS.copy(), _XOR_LABELS.copy()
    n = _check(n_per_corner, noise, minimum=1, name="n_per_corner")
    rng = np.random.default_rng(seed)
    X = np.repeat(_CORNERS, n, axis=0) + noise * rng.standard_normal((4 * n, 2))
    y = np.repeat(_XOR_LABELS, n)
    order = rng.permutation(4 * n)
    return X[order], y[order]


def two_moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles (class 0 on top, class 1 below, shifted).

    Parameters
    ----------
    n : int, optional
        Number of points, >= 2 (``n // 2`` in class 0, the rest in class 1).
    noise : float, optional
        Standard deviation of the Gaussian noise added to both coordinates, >= 0.
    seed : int, optional
        Seed of the random generator.

    Returns
    -------
    X : numpy.ndarray
        Shape ``(n, 2)``, float64.
    y : numpy.ndarray
        Shape ``(n,)``, int, values 0 and 1, shuffled.

    Examples
    --------
    >>> X, y = two_moons(100)
    >>> X.shape, int(y.sum())
    ((100, 2), 50)
    """
    n = _check(n, noise)
    rng = np.random.default_rng(seed)
    n0 = n // 2
    t = np.pi * rng.uniform(size=n)
    upper = np.column_stack([np.cos(t[:n0]), np.sin(t[:n0])])
    lower = np.column_stack([1.0 - np.cos(t[n0:]), 0.5 - np.sin(t[n0:])])
    X = np.vstack([upper, lower]) + noise * rng.standard_normal((n, 2))
    y = np.repeat([0, 1], [n0, n - n0])
    order = rng.permutation(n)
    return X[order], y[order]


def spirals(n=200, turns=1.5, noise=0.05, seed=0):
    """Two interleaved spirals, one per class (the second is the first turned by pi).

    Parameters
    ----------
    n : int, optional
        Number of points, >= 2 (``n // 2`` in class 0, the rest in class 1).
    turns : float, optional
        Number of turns of each spiral, > 0.
    noise : float, optional
        Standard deviation of the Gaussian noise added to both coordinates, >= 0
        (the spirals reach radius 1).
    seed : int, optional
        Seed of the random generator.

    Returns
    -------
    X : numpy.ndarray
        Shape ``(n, 2)``, float64.
    y : numpy.ndarray
        Shape ``(n,)``, int, values 0 and 1, shuffled.

    Examples
    --------
    >>> X, y = spirals(100, turns=2)
    >>> X.shape, bool(abs(X).max() < 1.5)
    ((100, 2), True)
    """
    n = _check(n, noise)
    if not (np.isfinite(turns) and turns > 0):
        raise ValueError(f"turns must be a finite number > 0, got {turns!r}")
    rng = np.random.default_rng(seed)
    y = np.repeat([0, 1], [n // 2, n - n // 2])
    r = 0.1 + 0.9 * rng.uniform(size=n)  # radius grows along the spiral
    angle = 2.0 * np.pi * turns * r + np.pi * y
    X = r[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    X += noise * rng.standard_normal((n, 2))
    order = rng.permutation(n)
    return X[order], y[order]
