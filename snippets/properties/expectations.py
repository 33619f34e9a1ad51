"""Where the outputs are centred: expectations and sign probabilities under N(0, 1)."""

from __future__ import annotations

import itertools

import numpy as np
from scipy.special import ndtr

from snippets.properties._common import _boundaries, _expect, _resolve, _scalar


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
