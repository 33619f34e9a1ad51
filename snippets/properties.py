"""Turn the properties of a good activation function into numbers.

Every function accepts an `snippets.activations.Activation` object or a
registry name such as ``"relu"``. Expectations are taken for a standard normal
input ``X ~ N(0, 1)``, the typical pre-activation of a well initialised layer, and
are computed by deterministic adaptive quadrature (no sampling).

What a function costs to compute is measured in `snippets.cost`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import numpy as np
from scipy import integrate, optimize
from scipy.special import ndtr

from snippets.activations import get
from snippets.cost import transcendental_count

__all__ = [
    "differentiability",
    "gradient_through_layers",
    "max_abs_derivative",
    "mean_derivative_under_normal",
    "mean_under_normal",
    "prob_negative",
    "prob_positive",
    "property_card",
    "saturated_share",
    "variance_under_normal",
]

#: Integration range for expectations under N(0, 1): the density is below
#: 1e-347 (zero in float64) outside it.
_TAIL = 40.0
#: Extra break points that help the adaptive quadrature follow the density.
_BREAKS = (-10.0, -5.0, -2.0, 0.0, 2.0, 5.0, 10.0)
_INV_SQRT_2PI = 1.0 / np.sqrt(2.0 * np.pi)


def _resolve(act):
    """Return an Activation for an Activation object or a registry name."""
    return get(act) if isinstance(act, str) else act


def _scalar(fn):
    """Wrap an array function so that quadrature can call it with floats."""
    return lambda x: float(fn(np.array([x], dtype=np.float64))[0])


def _check_interval(interval):
    lo, hi = (float(v) for v in interval)
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"interval must be finite with lo < hi, got {interval!r}")
    return lo, hi


# ------------------------------------------------------------- differentiability


def differentiability(act, interval=(-6.0, 6.0), points=1201, exclude=1e-3):
    """Smoothness class, kinks and a finite-difference check of the derivative.

    ``max_fd_error`` is the largest ``|f'(x) - fd(x)| / max(1, |f'(x)|)`` on an
    evenly spaced grid, where ``fd`` is the central difference with step
    ``h = 1e-5 * max(1, |x|)``; grid points within ``exclude`` of a kink are
    dropped (a difference across a jump or kink measures nothing useful).
    For a smooth function the result is about 1e-10 (truncation plus rounding);
    where a C1 function's second derivative jumps (ELU, CELU and softsign at 0)
    the central difference is off by O(h), about 1e-5.

    Parameters
    ----------
    act : Activation or str
        The activation.
    interval : tuple of float, optional
        Grid range ``(lo, hi)`` with ``lo < hi``.
    points : int, optional
        Number of grid points, >= 2.
    exclude : float, optional
        Radius of the excluded neighbourhood of each kink; must exceed the
        largest finite-difference step ``1e-5 * max(1, |lo|, |hi|)``.

    Returns
    -------
    dict
        ``class``, ``kinks``, ``max_fd_error`` and ``grid`` (the settings used).

    Examples
    --------
    >>> d = differentiability("relu")
    >>> d["class"], d["kinks"], d["max_fd_error"] < 1e-8
    ('kinks', (0.0,), True)
    """
    a = _resolve(act)
    lo, hi = _check_interval(interval)
    if int(points) < 2:
        raise ValueError(f"points must be an integer >= 2, got {points!r}")
    step = 1e-5 * max(1.0, abs(lo), abs(hi))
    if not exclude > step:
        raise ValueError(f"exclude must be > the step h = {step:g}, got {exclude!r}")
    kinks = tuple(float(k) for k in a.kinks())
    x = np.linspace(lo, hi, int(points))
    for k in kinks:
        x = x[np.abs(x - k) > exclude]
    h = 1e-5 * np.maximum(1.0, np.abs(x))
    d = a.derivative(x)
    fd = (a(x + h) - a(x - h)) / (2.0 * h)
    err = np.abs(d - fd) / np.maximum(1.0, np.abs(d))
    return {
        "class": a.meta.differentiability,
        "kinks": kinks,
        "max_fd_error": float(err.max()) if err.size else 0.0,
        "grid": {
            "interval": (lo, hi),
            "points": int(points),
            "h": "1e-5*max(1,|x|)",
            "exclude": float(exclude),
        },
    }


# -------------------------------------------------------- expectations under N(0,1)


def _expect(g, breaks=(), std=1.0, tol=1e-13):
    """E[g(X)] for X ~ N(0, std^2): adaptive quadrature split at ``breaks``."""
    tail = _TAIL * std
    cuts = {-tail, tail, *(b * std for b in _BREAKS)}
    cuts |= {float(b) for b in breaks if -tail < b < tail}
    cuts = sorted(cuts)

    def integrand(x):
        return g(x) * np.exp(-0.5 * (x / std) ** 2) * _INV_SQRT_2PI / std

    total = 0.0
    for a, b in itertools.pairwise(cuts):
        val, _ = integrate.quad(
            integrand, a, b, epsabs=tol / 100, epsrel=tol, limit=200
        )
        total += val
    return total


def mean_under_normal(act):
    """E[f(X)] for X ~ N(0, 1): how far from zero the outputs are centred.

    Computed by adaptive Gauss–Kronrod quadrature on [-40, 40] (the normal density
    is zero in float64 beyond), split at 0 and at the kinks; about 13 correct
    digits for the registered functions.

    Parameters
    ----------
    act : Activation or str
        The activation.

    Returns
    -------
    float

    Examples
    --------
    >>> round(mean_under_normal("relu"), 10)  # 1/sqrt(2 pi)
    0.3989422804
    """
    a = _resolve(act)
    return _expect(_scalar(a), a.kinks())


def variance_under_normal(act):
    """Var[f(X)] = E[f(X)^2] - E[f(X)]^2 for X ~ N(0, 1).

    Parameters
    ----------
    act : Activation or str
        The activation.

    Returns
    -------
    float

    Examples
    --------
    >>> round(variance_under_normal("relu"), 10)  # 1/2 - 1/(2 pi)
    0.3408450569
    """
    a = _resolve(act)
    f = _scalar(a)
    mean = _expect(f, a.kinks())
    return _expect(lambda x: f(x) ** 2, a.kinks()) - mean**2


def mean_derivative_under_normal(act):
    """E[f'(X)] for X ~ N(0, 1), using the registered derivative.

    Jumps contribute nothing (the Dirac mass of the step function's derivative
    is not counted): this is what back-propagation sees.

    Parameters
    ----------
    act : Activation or str
        The activation.

    Returns
    -------
    float

    Examples
    --------
    >>> round(mean_derivative_under_normal("gelu"), 12)
    0.5
    """
    a = _resolve(act)
    return _expect(_scalar(a.derivative), a.kinks())


def _boundaries(pred, lo=-_TAIL, hi=_TAIL, points=80_001):
    """Points where the boolean ``pred`` changes value, located by bisection.

    A fine grid finds the sign changes (sets narrower than the grid step,
    1e-3 here, could be missed); 80 bisection steps then pin each one down to
    machine precision. Returns the boundaries and the value of ``pred`` at ``lo``.
    """
    x = np.linspace(lo, hi, points)
    p = pred(x)
    idx = np.flatnonzero(p[1:] != p[:-1])
    out = []
    for i in idx:
        a, b, pa = x[i], x[i + 1], p[i]
        for _ in range(80):
            m = 0.5 * (a + b)
            if m in (a, b):
                break
            if pred(np.array([m]))[0] == pa:
                a = m
            else:
                b = m
        out.append(b)
    return out, bool(p[0])


def prob_positive(act):
    """P(f(X) > 0) for X ~ N(0, 1).

    The set where ``f > 0`` is located on a grid over [-40, 40] (step 1e-3) and its
    boundaries refined by bisection; the probability is then a sum of differences
    of the normal CDF. Works for jumps (step), flat parts (ReLU) and sign changes.

    Parameters
    ----------
    act : Activation or str
        The activation.

    Returns
    -------
    float

    Examples
    --------
    >>> prob_positive("relu"), prob_positive("sigmoid")
    (0.5, 1.0)
    """
    a = _resolve(act)
    return _probability(lambda x: a(x) > 0)


def prob_negative(act):
    """P(f(X) < 0) for X ~ N(0, 1).

    Computed as `prob_positive`, for the set where ``f < 0``. Together they tell
    the sign of the outputs apart: ReLU and tanh both have ``P(f(X) > 0) = 1/2``,
    but ReLU has no negative outputs (the other half is exactly zero) and tanh
    has ``P(f(X) < 0) = 1/2``.

    Parameters
    ----------
    act : Activation or str
        The activation.

    Returns
    -------
    float

    Examples
    --------
    >>> prob_negative("relu"), prob_negative("tanh"), prob_negative("sigmoid")
    (0.0, 0.5, 0.0)
    """
    a = _resolve(act)
    return _probability(lambda x: a(x) < 0)


def _probability(pred):
    """P(pred(X)) for X ~ N(0, 1), ``pred`` a boolean array function (see
    `_boundaries`): a sum of differences of the normal CDF over the intervals
    where it holds (upper tails for positive intervals, for accuracy)."""
    cuts, first = _boundaries(pred)
    edges = [-np.inf, *cuts, np.inf]
    total, inside = 0.0, first
    for lo, hi in itertools.pairwise(edges):
        if inside:
            total += ndtr(hi) - ndtr(lo) if hi <= 0 else ndtr(-lo) - ndtr(-hi)
        inside = not inside
    return float(total)


# ----------------------------------------------------------------------- plateaus


def max_abs_derivative(act, interval=(-10.0, 10.0), points=20_001):
    """Largest |f'(x)| on an interval: the best gain one layer can give a gradient.

    A dense grid finds the best cell, then bounded Brent optimisation refines it
    (relative accuracy about 1e-8 in x, so about 1e-16 in a smooth maximum). The
    derivative one ulp either side of each kink is also tried, so a supremum
    approached at a kink (hard swish at 3-, SELU at 0-) is found too.

    Parameters
    ----------
    act : Activation or str
        The activation.
    interval : tuple of float, optional
        ``(lo, hi)`` with ``lo < hi``.
    points : int, optional
        Grid size, >= 3.

    Returns
    -------
    float

    Examples
    --------
    >>> round(max_abs_derivative("sigmoid"), 12)
    0.25
    """
    a = _resolve(act)
    lo, hi = _check_interval(interval)
    if int(points) < 3:
        raise ValueError(f"points must be an integer >= 3, got {points!r}")
    x = np.linspace(lo, hi, int(points))
    d = np.abs(a.derivative(x))
    i = int(np.argmax(d))
    left, right = x[max(i - 1, 0)], x[min(i + 1, x.size - 1)]
    neg = _scalar(lambda t: -np.abs(a.derivative(t)))
    res = optimize.minimize_scalar(
        neg, bounds=(left, right), method="bounded", options={"xatol": 1e-12}
    )
    # One-sided limits at kinks inside the interval (hard swish peaks at 3-).
    k = np.array([t for t in a.kinks() if lo < t < hi], dtype=np.float64)
    sides = np.concatenate([np.nextafter(k, -np.inf), np.nextafter(k, np.inf)])
    at_kinks = np.abs(a.derivative(sides)).max(initial=0.0)
    return float(max(d[i], -res.fun, at_kinks))


def saturated_share(act, interval=(-6.0, 6.0), threshold=0.01, cells=120_000):
    """Fraction of an interval where |f'(x)| < threshold (the plateaus).

    The interval is cut into ``cells`` equal cells and |f'| is evaluated at their
    midpoints; the error is at most (number of threshold crossings) / ``cells``,
    i.e. below 2e-5 for the default 120 000 cells and two crossings.

    Parameters
    ----------
    act : Activation or str
        The activation.
    interval : tuple of float, optional
        ``(lo, hi)`` with ``lo < hi``.
    threshold : float, optional
        Gradient size counted as "saturated", > 0.
    cells : int, optional
        Number of cells, >= 1.

    Returns
    -------
    float
        Number in [0, 1].

    Examples
    --------
    >>> saturated_share("relu")
    0.5
    """
    a = _resolve(act)
    lo, hi = _check_interval(interval)
    if not threshold > 0:
        raise ValueError(f"threshold must be > 0, got {threshold!r}")
    if int(cells) < 1:
        raise ValueError(f"cells must be a positive integer, got {cells!r}")
    n = int(cells)
    x = lo + (np.arange(n) + 0.5) * ((hi - lo) / n)
    return float(np.count_nonzero(np.abs(a.derivative(x)) < threshold) / n)


def gradient_through_layers(act, depth, kind="rms", preactivation=1.0):
    """How a gradient's size changes through ``L`` layers, for ``L = 1..depth``.

    Only the activation's factor of the chain rule is modelled (weights left out).
    With pre-activations ``Z ~ N(0, preactivation^2)``:

    - ``"best"``: ``max|f'| ** L``, the largest possible product of derivatives;
    - ``"rms"``: ``E[f'(Z)^2] ** (L/2)``, the root-mean-square gain of a random
      path (what sets the gradient norm in mean-field analyses);
    - ``"geometric"``: ``exp(L * E[log|f'(Z)|])``, the typical (median-like)
      product; it is 0 when ``f' = 0`` on a set of positive probability (ReLU).

    Parameters
    ----------
    act : Activation or str
        The activation.
    depth : int
        Number of layers, >= 1.
    kind : {"rms", "best", "geometric"}, optional
        Which summary of the product, as above.
    preactivation : float, optional
        Standard deviation of the pre-activations, > 0 (ignored for ``"best"``).

    Returns
    -------
    numpy.ndarray
        Shape ``(depth,)``; entry ``L-1`` is the factor after ``L`` layers.

    Examples
    --------
    >>> gradient_through_layers("sigmoid", 3, kind="best")
    array([0.25    , 0.0625  , 0.015625])
    """
    a = _resolve(act)
    if int(depth) != depth or depth < 1:
        raise ValueError(f"depth must be an integer >= 1, got {depth!r}")
    if not preactivation > 0:
        raise ValueError(f"preactivation must be > 0, got {preactivation!r}")
    layers = np.arange(1, int(depth) + 1)
    if kind == "best":
        return max_abs_derivative(a) ** layers
    d = _scalar(a.derivative)
    if kind == "rms":
        return _expect(lambda x: d(x) ** 2, a.kinks(), preactivation) ** (layers / 2)
    if kind == "geometric":
        z = np.linspace(-10.0, 10.0, 20_001) * preactivation
        if np.count_nonzero(a.derivative(z) == 0) > 2:  # f' = 0 on a whole interval
            return np.zeros(layers.size)
        roots, _ = _boundaries(lambda x: a.derivative(x) > 0)
        # 1e-300 only guards the far tails, where f' underflows to 0 in float64.
        log_gain = _expect(
            lambda x: np.log(max(abs(d(x)), 1e-300)),
            (*a.kinks(), *roots),
            preactivation,
            tol=1e-10,
        )
        return np.exp(layers * log_gain)
    raise ValueError(f"kind must be 'rms', 'best' or 'geometric', got {kind!r}")


# --------------------------------------------------------------------------- card


def property_card(act, cost=None):
    """All the numbers of this module for one activation, in one dictionary.

    Parameters
    ----------
    act : Activation or str
        The activation.
    cost : float or Mapping, optional
        Cost relative to ReLU, either as a number or as the output of
        `cost_table` (looked up by name). Measuring is slow, so it is not
        done here; ``None`` stores ``None``.

    Returns
    -------
    dict
        Keys ``name``, ``output_range``, ``differentiability``, ``kinks``,
        ``mean``, ``prob_positive``, ``max_abs_derivative``, ``saturated_share``,
        ``transcendentals``, ``relative_cost``.

    Examples
    --------
    >>> card = property_card("relu")
    >>> card["prob_positive"], card["saturated_share"]
    (0.5, 0.5)
    """
    a = _resolve(act)
    if isinstance(cost, Mapping):
        cost = cost[a.name]["relative"]
    return {
        "name": a.name,
        "output_range": tuple(a.output_range()),
        "differentiability": a.meta.differentiability,
        "kinks": tuple(float(k) for k in a.kinks()),
        "mean": mean_under_normal(a),
        "prob_positive": prob_positive(a),
        "max_abs_derivative": max_abs_derivative(a),
        "saturated_share": saturated_share(a),
        "transcendentals": transcendental_count(a),
        "relative_cost": None if cost is None else float(cost),
    }
