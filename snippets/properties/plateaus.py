"""Plateaus: the largest slope, flat tails, dead zones and the RMS gain of the derivative."""

from __future__ import annotations

import numpy as np
from scipy import optimize

from snippets.properties._common import (
    _TAIL,
    _boundaries,
    _check_interval,
    _expect,
    _resolve,
    _scalar,
)


def max_abs_derivative(act, interval=None, points=20_001):
    """Largest |f'(x)|: the best gain one layer can give a gradient.

    On ``interval``, a dense grid finds the best cell, then bounded Brent
    optimisation refines it (relative accuracy about 1e-8 in x, so about 1e-16
    in a smooth maximum). The derivative one ulp either side of each kink is
    also tried, so a supremum approached at a kink (hard swish at 3-, SELU at
    0-) is found too.

    Without ``interval``, the supremum over the whole real line: the search
    above on [-10, 10], and |f'| at ±10^k for k from 1 to 300 in steps of
    about 10 % (`_BEYOND_TEN`). A supremum that is only a limit is found there: the
    softplus' derivative σ(βx) tends to 1 as x → ∞ for every β > 0, and
    reaches 1 in float64 far out, where [-10, 10] alone would give σ(10β).

    Parameters
    ----------
    act : Activation or str
        The activation.
    interval : tuple of float, optional
        ``(lo, hi)`` with ``lo < hi``; ``None`` (default): the whole real line.
    points : int, optional
        Grid size, >= 3.

    Returns
    -------
    float

    Examples
    --------
    >>> round(max_abs_derivative("sigmoid"), 12)
    0.25
    >>> max_abs_derivative("log_sigmoid"), round(
    ...     max_abs_derivative("log_sigmoid", interval=(-10, 10)), 6)
    (1.0, 0.999955)
    """
    a = _resolve(act)
    whole = interval is None
    lo, hi = _check_interval((-10.0, 10.0) if whole else interval)
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
    far = np.abs(a.derivative(_BEYOND_TEN)).max() if whole else 0.0
    return float(max(d[i], -res.fun, at_kinks, far))


_BEYOND_TEN = np.concatenate([-np.logspace(1, 300, 7_000), np.logspace(1, 300, 7_000)])
"""Points beyond [-10, 10] where `max_abs_derivative` looks for a supremum."""


FLAT_THRESHOLD = 0.05
"""A derivative below this in absolute value counts as flat: a gradient crossing
the function there comes out at least twenty times smaller. No registered
function has a constant slope equal to it (leaky ReLU's is 0.01, hard sigmoid's
1/6), so no verdict hinges on a tie."""

PLATEAU_INTERVAL = (-6.0, 6.0)
"""The interval on which the cards report which share the flat tails cover."""

#: Where the flat tails are looked for: a grid of step 1e-3 on [-40, 40] (built
#: from integers, so that 0, 1, 3 and 6 are exact), then points spaced
#: geometrically out to +-1e6 (softsign's derivative, the slowest to fall, is
#: 1e-12 there).
_FAR = np.geomspace(_TAIL, 1e6, 400)[1:]
_FLAT_GRID = np.concatenate([-_FAR[::-1], np.arange(-40_000, 40_001) / 1000, _FAR])
#: Where the dead zones are looked for: on [-10, 10] no registered derivative
#: underflows to 0 (GELU's, the fastest to fall, is 7.7e-22 at -10), so a zero
#: there is a true zero; a dead tail that reaches +-10 is taken to go on to
#: infinity.
_DEAD_GRID = np.arange(-10_000, 10_001) / 1000


def _tail_edges(pred, x):
    """``(left, right)``: ``pred`` holds for ``x < left`` and for ``x > right``.

    ``pred`` is checked on the grid ``x``; the first grid point where it fails,
    counting from each end, and its neighbour are then narrowed by bisection to
    machine precision (the edge returned is the last point where ``pred``
    holds, so a kink such as ReLU's 0 comes out exact). ``left = -inf``
    (``right = inf``) when ``pred`` fails at that end of the grid: no tail;
    ``(inf, -inf)`` when it holds on the whole grid.
    """
    ok = pred(x)
    if ok.all():
        return np.inf, -np.inf

    def narrow(inside, outside):  # pred(inside) is True, pred(outside) False
        for _ in range(80):
            m = 0.5 * (inside + outside)
            if m in (inside, outside):
                break
            if pred(np.array([m]))[0]:
                inside = m
            else:
                outside = m
        return float(inside)

    left, right = -np.inf, np.inf
    if ok[0]:
        i = int(np.argmin(ok))  # first grid point where pred fails
        left = narrow(x[i - 1], x[i])
    if ok[-1]:
        j = x.size - 1 - int(np.argmin(ok[::-1]))  # last point where it fails
        right = narrow(x[j + 1], x[j])
    return left, right


def flat_tails(act, threshold=FLAT_THRESHOLD):
    """Where the derivative stays small all the way out: ``|f'(x)| < threshold``.

    A flat tail is a half-line on which a gradient crossing the function is
    always damped by more than ``1/threshold``: for ``x < left`` and for
    ``x > right``. Isolated points where ``f'`` crosses zero (the minimum of GELU,
    SiLU or Mish) are not tails: on their far side the derivative grows again.

    The tails are found on a grid (step 1e-3 on [-40, 40], geometric out to
    +-1e6) and their edges refined by bisection to machine precision; a tail
    that ended beyond +-1e6, or a gap in one narrower than 1e-3, would be missed
    (no registered function has either).

    Parameters
    ----------
    act : Activation or str
        The activation.
    threshold : float, optional
        The size below which ``|f'|`` counts as flat, > 0.

    Returns
    -------
    tuple of float
        ``(left, right)``. ``left = -inf`` means no left tail and
        ``right = inf`` no right tail; ``(inf, -inf)`` means flat everywhere.

    Examples
    --------
    >>> flat_tails("relu")  # f' = 0 for x < 0 (at 0 too, by convention), 1 after
    (0.0, inf)
    >>> left, right = flat_tails("sigmoid")
    >>> round(left, 4), round(right, 4)
    (-2.8873, 2.8873)
    """
    a = _resolve(act)
    if not threshold > 0:
        raise ValueError(f"threshold must be > 0, got {threshold!r}")
    return _tail_edges(lambda x: np.abs(a.derivative(x)) < threshold, _FLAT_GRID)


def dead_zone(act):
    """The tails where the derivative is exactly zero: a unit there gets no gradient.

    Same conventions as `flat_tails`, with ``f'(x) == 0`` as the condition,
    checked on [-10, 10] with step 1e-3 (beyond, the derivatives of the sigmoid,
    GELU and others underflow to 0 in float64 although they are not zero); a
    dead tail that reaches +-10 is taken to go on to infinity. The dead zone is
    part of the flat tails, whatever the threshold.

    Parameters
    ----------
    act : Activation or str
        The activation.

    Returns
    -------
    tuple of float
        ``(left, right)``, as in `flat_tails`.

    Examples
    --------
    >>> dead_zone("relu"), dead_zone("leaky_relu")
    ((0.0, inf), (-inf, inf))
    """
    a = _resolve(act)
    return _tail_edges(lambda x: a.derivative(x) == 0, _DEAD_GRID)


def tail_share(tails, interval=PLATEAU_INTERVAL):
    """Share of ``interval`` covered by the tails ``(left, right)``.

    Parameters
    ----------
    tails : tuple of float
        As returned by `flat_tails` or `dead_zone`.
    interval : tuple of float, optional
        ``(lo, hi)`` with ``lo < hi``.

    Returns
    -------
    float
        In [0, 1].

    Examples
    --------
    >>> tail_share((-3.0, 3.0))  # |x| > 3 on [-6, 6]
    0.5
    >>> tail_share((np.inf, -np.inf))  # everywhere
    1.0
    """
    lo, hi = _check_interval(interval)
    left, right = (float(v) for v in tails)
    covered = min(max(left, lo), hi) - lo  # [lo, left)
    covered += hi - max(min(right, hi), lo)  # (right, hi]
    return float(min(covered, hi - lo) / (hi - lo))


def rms_gain(act, preactivation=1.0):
    """Root-mean-square gain of one layer: ``sqrt(E[f'(Z)^2])``, ``Z ~ N(0, s^2)``.

    A gradient crossing a layer backwards is multiplied by ``f'(z)`` at each
    unit; with pre-activations spread as ``Z``, its size changes on average by
    this factor (the weights' own factor, which the initialisation sets, apart).
    Computed by adaptive quadrature, like `mean_under_normal`.

    Parameters
    ----------
    act : Activation or str
        The activation.
    preactivation : float, optional
        Standard deviation ``s`` of the pre-activations, > 0.

    Returns
    -------
    float

    Examples
    --------
    >>> round(rms_gain("relu") ** 2, 12)  # half of the units pass the gradient
    0.5
    """
    a = _resolve(act)
    if not preactivation > 0:
        raise ValueError(f"preactivation must be > 0, got {preactivation!r}")
    d = _scalar(a.derivative)
    return float(np.sqrt(_expect(lambda x: d(x) ** 2, a.kinks(), preactivation)))


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
    if kind == "rms":
        return rms_gain(a, preactivation) ** layers
    if kind == "geometric":
        d = _scalar(a.derivative)
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
