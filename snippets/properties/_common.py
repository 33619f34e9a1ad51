"""What the property modules share: name resolution, quadrature under N(0, 1), boundaries."""

from __future__ import annotations

import itertools

import numpy as np
from scipy import integrate

from snippets.activations import get

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
