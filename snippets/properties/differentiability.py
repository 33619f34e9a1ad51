"""Differentiability: smoothness class, kinks and a finite-difference check of the derivative."""

from __future__ import annotations

import numpy as np

from snippets.properties._common import _check_interval, _resolve


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
