"""The fastest formulations of the activation functions in plain NumPy, and how
faithful they are.

The registry (`snippets.activations`) is written to be accurate to ``1e-12`` in
float64 over the whole real line, not to be fast. `FAST` holds, for the default
parameters, the fastest formulation in NumPy that we know of and that stays
faithful in float32; `fast` turns an entry into a function, and `fidelity` says
how faithful it is (worst relative error against the registry on the inputs of
`fidelity_grid`, warnings, NaN). `snippets.cost` times both.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from snippets.activations import SELU_ALPHA, SELU_LAMBDA, get

__all__ = [
    "FAITHFUL",
    "FAST",
    "fast",
    "fidelity",
    "fidelity_grid",
    "normal_cdf",
]

FAITHFUL = 3e-5
"""Worst relative error in float32 that the tests accept for a `FAST` formulation
(about 250 float32 rounding units; GELU's far left tail needs most of it)."""

# --------------------------------------------------------------------------- #
# The fastest faithful formulations we know, in NumPy (default parameters)
# --------------------------------------------------------------------------- #
# Numerical Recipes' erfcc (Press et al., 1992, section 6.2: Numerical Recipes in
# C, 2nd edition): a Chebyshev fit with relative error below 1.2e-7 for
# z >= 0; coefficients highest power first.
_ERFC_COEFFS = (0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807)
_ERFC_COEFFS += (-0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223)


def normal_cdf(x):
    """The standard normal cumulative distribution Φ(x), in NumPy operations.

    ``Φ(-|x|) = erfc(|x|/√2)/2`` with Numerical Recipes' erfc, one ``np.exp``
    and a polynomial, vectorised by NumPy (SciPy's ``ndtr`` and ``erfc`` compute
    in float64 one element at a time). Relative error about 1e-7 in exact
    arithmetic: enough for float32, not for float64 (in float64 it keeps that
    accuracy, and gives 0 below x = -40). The dtype is kept; the
    blend ``tail + (x >= 0) * (1 - 2 tail)`` avoids ``np.where``, which is slow
    on random signs.

    Examples
    --------
    >>> normal_cdf(np.array([-1.0, 0.0, 1.0], dtype=np.float32))
    array([0.15865526, 0.5       , 0.8413447 ], dtype=float32)
    """
    z = np.minimum(np.abs(x), 40.0) * (1.0 / math.sqrt(2.0))  # Φ(-40) underflows
    t = 1.0 / (1.0 + 0.5 * z)
    poly = 0.0
    for c in _ERFC_COEFFS:  # Horner's rule with Python floats: dtype kept
        poly = poly * t + c
    tail = 0.5 * t * np.exp(poly - z * z)  # Φ(-|x|)
    return tail + (x >= 0) * (1.0 - 2.0 * tail)


FAST = {
    "identity": None,
    "step": "np.ceil(np.clip(x, 0.0, 1.0))",
    "sigmoid": "np.exp(np.minimum(x, 0.0)) / (1.0 + np.exp(-np.abs(x)))",
    "tanh": None,
    "relu": None,
    "leaky_relu": "np.maximum(x, 0.01 * x)",
    "prelu": "np.maximum(x, 0.25 * x)",
    "elu": "np.maximum(x, 0.0) + np.expm1(np.minimum(x, 0.0))",
    "selu": (
        "SELU_LAMBDA * np.maximum(x, 0.0)"
        " + SELU_LAMBDA * SELU_ALPHA * np.expm1(np.minimum(x, 0.0))"
    ),
    "celu": "np.maximum(x, 0.0) + np.expm1(np.minimum(x, 0.0))",
    "gelu": "np.maximum(x, -1e3) * normal_cdf(x)",
    "gelu_tanh": (
        "np.maximum(x, -1e3)"
        " * sigmoid(math.sqrt(8 / math.pi) * x * (1.0 + 0.044715 * x * x))"
    ),
    "silu": "np.maximum(x, -1e3) * sigmoid(x)",
    "mish": None,
    "softplus": None,
    "softsign": None,
    "log_sigmoid": None,
    "hard_sigmoid": None,
    "hard_tanh": None,
    "hard_swish": None,
    "relu6": None,
}
"""For each activation (default parameters), the fastest formulation in NumPy
that we know of and that stays faithful in float32, as an expression in ``x``;
``None`` where the registry's own code is already the fastest we found.
``sigmoid`` inside an expression is the one above; ``normal_cdf`` is in this
module; ``np.maximum(x, -1e3)`` only makes ``-inf`` give 0 instead of NaN.
The registry stays the accurate reference; see `fidelity`."""

_NAMESPACE = {"np": np, "math": math, "normal_cdf": normal_cdf}  # for the formulas
_NAMESPACE |= {"SELU_ALPHA": SELU_ALPHA, "SELU_LAMBDA": SELU_LAMBDA}
_COMPILED: dict = {}


def fast(name):
    """The fastest faithful formulation of activation ``name``, as a function.

    Parameters
    ----------
    name : str
        A registered activation name.

    Returns
    -------
    callable
        ``f(x)`` for an array ``x`` (dtype kept), evaluating ``FAST[name]`` with
        NumPy's overflow warning off: SELU's ``λ x`` rounds to ``inf`` where the
        true value is beyond float32's range, as in the registry (`fidelity`
        would see any other overflow as a wrong result). Where ``FAST[name]`` is
        ``None`` (or missing, for a new activation), the registry's function.

    Raises
    ------
    ValueError
        For an unknown name (the message lists the valid names).

    Examples
    --------
    >>> fast("leaky_relu")(np.array([-2.0, 3.0], dtype=np.float32))
    array([-0.02,  3.  ], dtype=float32)
    >>> fast("tanh")
    get('tanh')
    """
    act = get(name)  # unknown names raise here, listing the valid ones
    code = FAST.get(name)
    if code is None:
        return act
    if name not in _COMPILED:
        formula = eval(f"lambda x: {code}", _NAMESPACE)  # the table's expression

        def run(x):
            with np.errstate(over="ignore"):
                return formula(x)

        run.__name__, run.__doc__ = f"fast_{name}", code
        _COMPILED[name] = run
    return _COMPILED[name]


_NAMESPACE["sigmoid"] = fast("sigmoid")


# --------------------------------------------------------------------------- #
# How faithful the fast formulations are
# --------------------------------------------------------------------------- #
def fidelity_grid():
    """The float32 inputs `fidelity` checks (about 85 000, sorted, unique).

    Every multiple of 2**-11 in [-16, 16] (where the functions bend), 10 000
    magnitudes spaced evenly in log scale from float32's smallest subnormal
    number to its largest finite number, both signs, and the extreme values
    themselves: ±0, ±smallest subnormal, ±smallest normal, ±largest, ±inf.

    Examples
    --------
    >>> g = fidelity_grid()
    >>> g.dtype, bool(np.isinf(g).sum() == 2)
    (dtype('float32'), True)
    """
    f32 = np.finfo(np.float32)
    core = np.arange(-(2**15), 2**15 + 1) / 2**11
    mags = np.geomspace(float(f32.smallest_subnormal), float(f32.max), 10_000)
    ends = [0.0, f32.smallest_subnormal, f32.tiny, f32.max, np.inf]
    grid = np.concatenate([core, mags, -mags, ends, np.negative(ends)])
    return np.unique(grid.astype(np.float32))


def _worst_error(y, ref):
    """Worst relative error of float32 ``y`` against float64 ``ref``, and where.

    Below float32's smallest normal number (1.2e-38) the absolute error counts,
    divided by that number. Where the true value is beyond float32's range, the
    right float32 answer is ``±inf``.
    """
    y = y.astype(np.float64)
    with np.errstate(over="ignore"):
        rounded = ref.astype(np.float32).astype(np.float64)
    exact = (y == ref) | (np.isinf(rounded) & (y == rounded))
    with np.errstate(invalid="ignore"):
        err = np.abs(y - ref) / np.maximum(
            np.abs(ref), float(np.finfo(np.float32).tiny)
        )
    err = np.where(exact, 0.0, np.where(np.isnan(err), np.inf, err))
    worst = int(np.argmax(err))
    return float(err[worst]), worst


def fidelity(name):
    """How faithful `fast` ``(name)`` is in float32, against the registry.

    The reference is the registry in float64 on the same float32 inputs
    (accurate to 1e-12); the inputs are `fidelity_grid`.

    Parameters
    ----------
    name : str
        A registered activation name.

    Returns
    -------
    dict
        ``fast``: worst relative error of the fast formulation in float32;
        ``fast_at``: an input where it occurs; ``registry``: the same for the
        registry applied to float32 input (float32's own limits); ``keeps_nan``:
        NaN in gives NaN out; ``warnings``: the warnings the fast formulation
        gave on the grid (float32 and float64), as a sorted list of messages.

    Examples
    --------
    >>> f = fidelity("leaky_relu")
    >>> f["fast"] < 1e-6, f["keeps_nan"], f["warnings"]
    (True, True, [])
    """
    act, fn, grid = get(name), fast(name), fidelity_grid()
    ref = act(grid.astype(np.float64))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        y = fn(grid)
        fn(grid.astype(np.float64))
        nan = fn(np.array([np.nan], dtype=np.float32))
    worst, where = _worst_error(y, ref)
    return {
        "fast": worst,
        "fast_at": float(grid[where]),
        "registry": _worst_error(act(grid), ref)[0],
        "keeps_nan": bool(np.isnan(nan[0])),
        "warnings": sorted({str(w.message) for w in caught}),
    }
