"""Tests for :mod:`snippets.activations`.

The accuracy tests compare every function and derivative with a reference written
independently with ``mpmath`` at 50 significant digits, from the mathematical
definitions (not from the implementation's formulas), over a dense grid, the tails
and the neighbourhoods of kinks and extrema. The largest errors are written to
``/tmp/activation_errors.txt``.
"""

from __future__ import annotations

import math
import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from snippets.activations import Activation, Meta, get, names

FAST = settings(max_examples=60, deadline=None)
ERRORS_FILE = "/tmp/activation_errors.txt"
RTOL = 1e-12  # relative tolerance for f and f' in float64
ATOL = 1e-16  # absolute tolerance: near zeros of f', tiny results, kinks
TINY = 1e-300  # true values below this in magnitude may underflow
FLOAT_MAX = np.finfo(np.float64).max

# --------------------------------------------------------------------------- #
# Reference implementation (mpmath, 50 digits), from the definitions
# --------------------------------------------------------------------------- #
mp.mp.dps = 50
_SELU_A = mp.mpf("1.6732632423543772848170429916717")
_SELU_L = mp.mpf("1.0507009873554804934193349852946")
_C = mp.mpf("0.044715")
_HUGE = mp.mpf(10) ** 5  # erfc(1e5) = exp(-1e10): beyond it, erfc is 0 to 50 digits


def _pos(x):
    return mp.mpf(1) if x > 0 else mp.mpf(0)


def _logistic(z):
    return 1 / (1 + mp.exp(-z))


def _Phi(x):  # standard normal CDF, via erfc (no cancellation in the left tail)
    return mp.erfc(-max(min(x, _HUGE), -_HUGE) / mp.sqrt(2)) / 2


def _phi(x):
    return mp.exp(-(x**2) / 2) / mp.sqrt(2 * mp.pi)


def _one_plus_tanh(u):  # 1 + tanh(u) = 2 e^u / (e^u + e^-u), exact in both tails
    return 2 / (1 + mp.exp(-2 * u))


def _gt_u(x):
    return mp.sqrt(2 / mp.pi) * (x + _C * x**3)


def _elu(x, a):
    return x if x > 0 else a * mp.expm1(x)


def _softplus(x, b=1):
    return mp.log1p(mp.exp(b * x)) / b


def _clip(x, lo, hi):
    return min(max(x, mp.mpf(lo)), mp.mpf(hi))


def _inside(x, lo, hi):
    return mp.mpf(1) if lo < x < hi else mp.mpf(0)


REF = {
    "identity": (lambda x, p: x, lambda x, p: mp.mpf(1)),
    "step": (lambda x, p: _pos(x), lambda x, p: mp.mpf(0)),
    "sigmoid": (
        lambda x, p: _logistic(x),
        lambda x, p: mp.exp(-x) / (1 + mp.exp(-x)) ** 2,
    ),
    "tanh": (lambda x, p: mp.tanh(x), lambda x, p: mp.sech(x) ** 2),
    "relu": (lambda x, p: max(x, mp.mpf(0)), lambda x, p: _pos(x)),
    "leaky_relu": (
        lambda x, p: x if x > 0 else p["slope"] * x,
        lambda x, p: mp.mpf(1) if x > 0 else mp.mpf(p["slope"]),
    ),
    "elu": (
        lambda x, p: _elu(x, p["alpha"]),
        lambda x, p: mp.mpf(1) if x > 0 else p["alpha"] * mp.exp(x),
    ),
    "selu": (
        lambda x, p: _SELU_L * _elu(x, _SELU_A),
        lambda x, p: _SELU_L * (1 if x > 0 else _SELU_A * mp.exp(x)),
    ),
    "celu": (
        lambda x, p: max(x, 0) + min(0, p["alpha"] * mp.expm1(x / p["alpha"])),
        lambda x, p: mp.mpf(1) if x > 0 else mp.exp(x / p["alpha"]),
    ),
    "gelu": (
        lambda x, p: x * _Phi(x),
        lambda x, p: _Phi(x) + x * _phi(x),
    ),
    "gelu_tanh": (
        lambda x, p: x / 2 * _one_plus_tanh(_gt_u(x)),
        lambda x, p: (
            _one_plus_tanh(_gt_u(x)) / 2
            + x / 2 * mp.sech(_gt_u(x)) ** 2 * mp.sqrt(2 / mp.pi) * (1 + 3 * _C * x**2)
        ),
    ),
    "silu": (
        lambda x, p: x * _logistic(x),
        lambda x, p: _logistic(x) + x * mp.exp(-x) / (1 + mp.exp(-x)) ** 2,
    ),
    "mish": (
        lambda x, p: x * mp.tanh(_softplus(x)),
        lambda x, p: (
            mp.tanh(_softplus(x)) + x * mp.sech(_softplus(x)) ** 2 * _logistic(x)
        ),
    ),
    "softplus": (
        lambda x, p: _softplus(x, p["beta"]),
        lambda x, p: _logistic(p["beta"] * x),
    ),
    "softsign": (lambda x, p: x / (1 + abs(x)), lambda x, p: 1 / (1 + abs(x)) ** 2),
    "log_sigmoid": (
        lambda x, p: -mp.log1p(mp.exp(-x)),
        lambda x, p: 1 / (1 + mp.exp(x)),
    ),
    "hard_sigmoid": (
        lambda x, p: _clip(x + 3, 0, 6) / 6,
        lambda x, p: _inside(x, -3, 3) / 6,
    ),
    "hard_tanh": (
        lambda x, p: _clip(x, p["min_val"], p["max_val"]),
        lambda x, p: _inside(x, p["min_val"], p["max_val"]),
    ),
    "hard_swish": (
        lambda x, p: x * _clip(x + 3, 0, 6) / 6,
        lambda x, p: mp.mpf(0) if x < -3 else (1 if x > 3 else (2 * x + 3) / 6),
    ),
    "relu6": (lambda x, p: _clip(x, 0, 6), lambda x, p: _inside(x, 0, 6)),
}

# x where f' = 0 for the non-monotonic functions (computed with mpmath.findroot)
EXTREMA = {
    "gelu": -0.7517915246935644574579049,
    "gelu_tanh": -0.7524614220710162584879544,
    "silu": -1.278464542761073795109359,
    "mish": -1.192431214515495212137588,
    "hard_swish": -1.5,
}

# derivative at the kinks (PyTorch's autograd convention), default parameters
KINK_VALUES = {
    "step": {0.0: 0.0},
    "relu": {0.0: 0.0},
    "leaky_relu": {0.0: 0.01},
    "selu": {0.0: float(_SELU_L * _SELU_A)},
    "hard_sigmoid": {-3.0: 0.0, 3.0: 0.0},
    "hard_tanh": {-1.0: 0.0, 1.0: 0.0},
    "hard_swish": {-3.0: -0.5, 3.0: 1.5},
    "relu6": {0.0: 0.0, 6.0: 0.0},
}


def _grid():
    """Float64 test points: dense grid, tails, and neighbourhoods of special x."""
    tails = 10.0 ** np.arange(-300, 301, 10, dtype=float)
    extra = [1e3, 1e10, 1e300, 1.7976931348623157e308, 5e-324]
    pts = [np.linspace(-50, 50, 401), np.linspace(-3.5, 3.5, 141), tails, extra]
    pts += [-tails, -np.asarray(extra)]
    special_x = [0.0, -3.0, 3.0, 6.0, -1.0, 1.0, *EXTREMA.values()]
    for c in special_x:  # points approaching c from both sides
        pts.append(c + np.array([-1e-3, -1e-6, -1e-9, -1e-12, 1e-12, 1e-9, 1e-6, 1e-3]))
        pts.append(np.nextafter(c, [-np.inf, np.inf]))
    pts.append(np.linspace(-40, -1, 79))  # GELU/SiLU/Mish negative tails
    pts.append(np.linspace(15, 40, 26))  # saturation of sigmoid-like functions
    x = np.unique(np.concatenate([np.atleast_1d(p) for p in pts]))
    return x[np.isfinite(x)]


GRID = _grid()


def _errors(name, params, which):
    """Max relative error, and whether every point passes, for f or f'."""
    act = get(name, **params)
    ref_fn = REF[name][which]
    y = (act if which == 0 else act.derivative)(GRID)
    kinks = set(act.kinks())
    worst_rel, worst_x, failures = 0.0, None, []
    for xi, yi in zip(GRID.tolist(), y.tolist(), strict=True):
        if which == 1 and xi in kinks:
            continue  # convention, tested separately
        r = ref_fn(mp.mpf(xi), params)
        if abs(r) > FLOAT_MAX:  # overflows: the correctly rounded result is inf
            if yi != math.copysign(math.inf, r):
                failures.append((xi, yi, float(r), math.inf))
            continue
        err = abs(mp.mpf(yi) - r)
        rel = float(err / abs(r)) if r != 0 else (0.0 if yi == 0 else math.inf)
        near_extremum = which == 1 and abs(xi - EXTREMA.get(name, math.inf)) < 1e-3
        ok = rel <= RTOL or (err <= ATOL and (abs(r) < TINY or near_extremum))
        if not ok:
            failures.append((xi, yi, float(r), rel))
        if abs(r) >= TINY and not near_extremum and rel > worst_rel:
            worst_rel, worst_x = rel, xi
    return worst_rel, worst_x, failures


CASES = [(n, get(n).meta.defaults) for n in names()] + [
    (n, get(n).meta.exaggerated) for n in names() if get(n).meta.exaggerated
]


@pytest.fixture(scope="module")
def error_table():
    table = {}
    for name, params in CASES:
        key = name + "".join(f" {k}={v}" for k, v in params.items())
        table[key] = (_errors(name, params, 0), _errors(name, params, 1))
    lines = [
        f"float64 accuracy vs mpmath (50 digits), {GRID.size} points in "
        f"[-1.8e308, 1.8e308]; max relative error where |true| >= 1e-300 and "
        "away from zeros of f' (there: absolute error <= 1e-16)",
        f"{'function':<28}{'max rel err f':>15}{'at x':>12}"
        f"{'max rel err df':>16}{'at x':>12}",
    ]
    for key, ((ef, xf, _), (ed, xd, _)) in table.items():
        lines.append(f"{key:<28}{ef:>15.2e}{xf!s:>12.8}{ed:>16.2e}{xd!s:>12.8}")
    with open(ERRORS_FILE, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return table


@pytest.mark.parametrize("which", [0, 1], ids=["f", "df"])
@pytest.mark.parametrize(
    "key", [n + "".join(f" {k}={v}" for k, v in p.items()) for n, p in CASES]
)
def test_accuracy_against_mpmath(error_table, key, which):
    _, _, failures = error_table[key][which]
    assert not failures, f"{key} {['f', 'df'][which]}: {failures[:5]}"
