"""Tests for :mod:`snippets.activations`.

The accuracy tests compare every function and derivative with a reference written
independently with ``mpmath`` at 50 significant digits, from the mathematical
definitions (not from the implementation's formulas), over a dense grid, the tails
and the neighbourhoods of kinks and extrema. The largest errors are written to
``/tmp/activation_errors.txt``.
"""

from __future__ import annotations

import math
import re
import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy.integrate import quad

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
    "prelu": (  # max(0, x) + a min(0, x), He et al. (2015), eq. 2
        lambda x, p: max(x, mp.mpf(0)) + p["slope"] * min(x, mp.mpf(0)),
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
    "prelu": {0.0: 0.25},
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
        if abs(r) >= TINY and rel > worst_rel:
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
        (
            f"float64 accuracy vs mpmath (50 digits), {GRID.size} points in "
            "[-1.8e308, 1.8e308]: max relative error where |true| >= 1e-300"
        ),
        f"{'function':<36}{'max rel err f':>14}{'at x':>12}"
        + f"{'max rel err df':>16}{'at x':>12}",
    ]
    for key, ((ef, xf, _), (ed, xd, _)) in table.items():
        lines.append(f"{key:<36}{ef:>14.2e}{xf!s:>12.8}{ed:>16.2e}{xd!s:>12.8}")
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


def test_error_table_written(error_table):
    with open(ERRORS_FILE, encoding="utf-8") as fh:
        text = fh.read()
    assert all(name in text for name in names())


def test_tail_values():
    assert get("gelu")(-10.0) == pytest.approx(-7.6198530241605e-23, rel=1e-12)
    assert get("sigmoid")(-40.0) == pytest.approx(4.248354255291589e-18, rel=1e-14)
    assert get("softplus")(-40.0) == pytest.approx(4.248354255291589e-18, rel=1e-14)
    assert get("elu")(-1e-300) == -1e-300
    assert get("gelu")(-40.0) in (0.0, -0.0)


# --------------------------------------------------------------------------- #
# Kinks and their conventions
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("name", sorted(KINK_VALUES))
def test_derivative_at_kinks_follows_pytorch(name):
    act = get(name)
    xs = np.array(list(KINK_VALUES[name]))
    expected = np.array(list(KINK_VALUES[name].values()))
    np.testing.assert_allclose(act.derivative(xs), expected, rtol=3e-16, atol=0)


def test_other_conventions():
    assert get("elu", alpha=0.5).derivative(0.0) == 0.5  # left branch
    assert get("celu", alpha=2.0).derivative(0.0) == 1.0
    assert get("leaky_relu", slope=0.2).derivative(0.0) == 0.2
    assert get("prelu", slope=-0.25).derivative(0.0) == -0.25
    assert get("step")(0.0) == 0.0
    assert get("hard_tanh", min_val=-2.0, max_val=0.5).derivative(
        [-2.0, 0.5]
    ).tolist() == [0.0, 0.0]


def _one_sided(act, x, h=1e-7):
    left = (act(x) - act(x - h)) / h
    right = (act(x + h) - act(x)) / h
    return left, right


@pytest.mark.parametrize(("name", "params"), CASES)
def test_kinks_are_where_one_sided_derivatives_disagree(name, params):
    act = get(name, **params)
    if act.meta.differentiability == "discontinuous":
        assert act.kinks() == (0.0,)
        return
    candidates = {0.0, -3.0, 3.0, 6.0, -1.0, 1.0, *act.kinks()}
    for c in sorted(candidates):
        left, right = _one_sided(act, c)
        jumps = abs(left - right) > 1e-4
        assert jumps == (c in act.kinks()), (name, params, c, left, right)


def test_kinks_and_range_depend_on_params():
    assert get("elu").kinks() == ()
    assert get("elu", alpha=0.5).kinks() == (0.0,)
    assert get("elu", alpha=0.5).output_range() == (-0.5, math.inf)
    assert get("celu", alpha=2.0).kinks() == ()
    assert get("celu", alpha=2.0).output_range() == (-2.0, math.inf)
    assert get("hard_tanh", min_val=-2, max_val=3).kinks() == (-2.0, 3.0)
    assert get("hard_tanh", min_val=-2, max_val=3).output_range() == (-2.0, 3.0)
    assert get("leaky_relu", slope=0.0).output_range() == (0.0, math.inf)
    assert get("leaky_relu", slope=1.0).kinks() == ()
    assert get("prelu", slope=-0.25).output_range() == (0.0, math.inf)
    assert get("prelu", slope=-0.25).kinks() == (0.0,)
    for name in names():  # defaults: the methods agree with the metadata
        act = get(name)
        assert act.kinks() == act.meta.kinks
        assert act.output_range() == act.meta.output_range


# --------------------------------------------------------------------------- #
# Derivative against finite differences (independent of the references above)
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(("name", "params"), CASES)
def test_derivative_matches_central_differences(name, params):
    act = get(name, **params)
    x = np.linspace(-8, 8, 1601)
    for k in act.kinks():
        x = x[np.abs(x - k) > 1e-3]
    h = 1e-6
    fd = (act(x + h) - act(x - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(x), fd, rtol=1e-6, atol=1e-8)


# --------------------------------------------------------------------------- #
# Properties (hypothesis)
# --------------------------------------------------------------------------- #
REALS = st.floats(allow_nan=False, allow_infinity=True, width=64)
MODERATE = st.floats(-1e6, 1e6, allow_nan=False)
FLOAT_DTYPES = [np.float16, np.float32, np.float64]


def _arrays(dtype, elements=None, max_side=6):
    width = 8 * np.dtype(dtype).itemsize
    if elements is None:
        elements = st.floats(allow_nan=False, width=width)
    return hnp.arrays(
        dtype, hnp.array_shapes(max_dims=3, max_side=max_side), elements=elements
    )


MONOTONIC = [n for n in names() if get(n).meta.monotonic]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", MONOTONIC)
@FAST
@given(data=st.data())
def test_monotonic(name, dtype, data):
    x = np.sort(data.draw(_arrays(dtype)).ravel())
    act = get(name)
    y = act(x)
    assert np.all(y[1:] >= y[:-1])


@pytest.mark.parametrize("name", MONOTONIC)
def test_monotonic_over_every_float16(name):
    """Every float16 but NaN (±inf, ±0, subnormals included), in order: f never
    decreases from one to the next. Exhaustive, so it holds for any sorted
    float16 array (what ``test_monotonic`` draws for float32 and float64)."""
    x = np.arange(2**16, dtype=np.uint16).view(np.float16)
    x = np.sort(x[~np.isnan(x)])
    y = get(name)(x)
    assert y.dtype == np.float16
    drops = np.flatnonzero(y[1:] < y[:-1])
    assert drops.size == 0, [(x[i], x[i + 1], y[i], y[i + 1]) for i in drops[:5]]


@pytest.mark.parametrize("name", [n for n in names() if not get(n).meta.monotonic])
def test_non_monotonic_really_dips(name):
    x = np.linspace(-5, 0, 501)
    assert np.any(np.diff(get(name)(x)) < 0)


@pytest.mark.parametrize("name", names())
@FAST
@given(x=_arrays(np.float64))
def test_within_output_range(name, x):
    act = get(name)
    lo, hi = act.output_range()
    y = act(x)
    slack = 1e-15 * max(1.0, abs(lo))
    assert np.all(y >= lo - slack) and np.all(y <= hi)
    assert act.meta.bounded_below == math.isfinite(lo)
    assert act.meta.bounded_above == math.isfinite(hi)


@pytest.mark.parametrize("name", names())
@pytest.mark.parametrize("dtype", [*FLOAT_DTYPES, np.int64, np.int8, np.bool_])
def test_dtype_and_shape_preserved(name, dtype):
    act = get(name)
    x = np.arange(-6, 6).reshape(3, 2, 2).astype(dtype)
    expected = np.dtype(dtype) if np.dtype(dtype).kind == "f" else np.float64
    for y in (act(x), act.derivative(x)):
        assert y.shape == x.shape and y.dtype == expected
    for scalar in (1, 2.5, np.float64(2.5), True):
        y = act(scalar)
        assert np.ndim(y) == 0 and isinstance(y, np.float64)
    assert isinstance(act(np.float32(2.5)), np.float32)
    assert act([[1, 2], [3, 4]]).shape == (2, 2)
    assert act((1.0, 2.0)).dtype == np.float64
    assert act(np.empty((0, 3))).shape == (0, 3)


@pytest.mark.parametrize("name", ["tanh", "softsign", "hard_tanh", "identity"])
@FAST
@given(x=_arrays(np.float64))
def test_odd_symmetry(name, x):
    act = get(name)
    np.testing.assert_array_equal(act(-x), -act(x))
    np.testing.assert_array_equal(act.derivative(-x), act.derivative(x))


@FAST
@given(x=_arrays(np.float64, REALS))
def test_sigmoid_identities(x):
    s = get("sigmoid")
    np.testing.assert_allclose(s(x) + s(-x), 1.0, rtol=0, atol=2.3e-16)
    t = get("tanh")
    np.testing.assert_allclose(
        t(x), 2 * s(2 * np.clip(x, -1e300, 1e300)) - 1, rtol=0, atol=5e-16
    )
    for beta in (1.0, 0.5, 4.0):
        sp = get("softplus", beta=beta)
        np.testing.assert_array_equal(
            sp.derivative(x), s(beta * np.clip(x, -1e300, 1e300))
        )
    np.testing.assert_allclose(get("log_sigmoid").derivative(x), s(-x), rtol=1e-15)


@pytest.mark.parametrize("name", ["gelu", "silu", "hard_swish"])
@FAST
@given(x=_arrays(np.float64, MODERATE))
def test_x_times_symmetric_gate(name, x):
    # f(x) = x g(x) with g(x) + g(-x) = 1  =>  f(x) - f(-x) = x
    f = get(name)
    np.testing.assert_allclose(f(x) - f(-x), x, rtol=4e-16, atol=TINY)


@pytest.mark.parametrize(
    ("name", "even_part"),
    [
        ("silu", lambda x: x * (1 / (1 + np.exp(-np.clip(x, -700, 700))) - 0.5)),
        ("relu", lambda x: np.abs(x) / 2),
    ],
)
@FAST
@given(x=_arrays(np.float64, MODERATE))
def test_half_x_plus_an_even_function(name, even_part, x):
    # The SiLU page, exercise 1: f(x) = x/2 + g(x) with g even, g(x) = x (σ(x) - 1/2)
    # for SiLU and |x|/2 for ReLU (a closed form here, not the registry's formula).
    f = get(name)
    g = f(x) - x / 2
    tolerance = 1e-15 * (np.abs(x) + 1.0)
    assert np.all(np.abs(g - even_part(x)) <= tolerance)
    assert np.all(np.abs((f(-x) + x / 2) - g) <= tolerance)  # g(-x) = g(x)
    # and not "the identity plus an even part": f(x) - x is not even
    assert get(name)(1.0) - 1.0 != get(name)(-1.0) + 1.0


def test_gelu_goes_down_then_up_around_its_minimum():
    # The GELU page: f' < 0 for x < -0.752, f' > 0 on (-0.752, 0), minimum at
    # x = -0.7518 (EXTREMA comes from mpmath, not from the registry).
    gelu, x0 = get("gelu"), EXTREMA["gelu"]
    assert round(x0, 3) == -0.752 and round(x0, 4) == -0.7518
    left = np.linspace(-30.0, x0, 100_001)[:-1]
    right = np.linspace(x0, 0.0, 100_001)[1:]
    assert np.all(gelu.derivative(left) < 0)
    assert np.all(gelu.derivative(right) > 0)


def test_sigmoid_derivative_bound():
    s = get("sigmoid")
    x = np.linspace(-20, 20, 4001)
    assert np.all(s.derivative(x) <= 0.25)
    assert s.derivative(0.0) == 0.25


def test_selu_self_normalising_constants():
    # E[f(X)] = 0 and E[f(X)^2] = 1 for X ~ N(0, 1) (Klambauer et al. 2017)
    f = get("selu")

    def moment(k):
        def integrand(x):
            return f(x) ** k * math.exp(-x * x / 2) / math.sqrt(2 * math.pi)

        return quad(integrand, -40, 0)[0] + quad(integrand, 0, 40)[0]

    assert abs(moment(1)) < 1e-7 and abs(moment(2) - 1) < 1e-7


# --------------------------------------------------------------------------- #
# Extreme inputs: no warnings, NaN propagates, limits at infinity
# --------------------------------------------------------------------------- #
def _extremes(dtype):
    fi = np.finfo(dtype)
    vals = [
        np.inf,
        -np.inf,
        np.nan,
        fi.max,
        -fi.max,
        fi.tiny,
        -fi.tiny,
        fi.smallest_subnormal,
        0.0,
        -0.0,
        1e4,
        -1e4,
        100.0,
        -100.0,
    ]
    with np.errstate(over="ignore"):
        return np.array([*vals, 1e308, -1e308, 1e38, -1e38], dtype=dtype)


@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
@pytest.mark.parametrize(("name", "params"), CASES)
def test_no_warnings_on_extreme_inputs(name, params, dtype):
    act = get(name, **params)
    x = _extremes(dtype)
    rng = np.random.default_rng(0)
    wide = rng.standard_normal(5000) * 10.0 ** rng.integers(-40, 40, 5000)
    with np.errstate(over="ignore"):  # float16/32 overflow while building the input
        mixed = np.concatenate([x, wide.astype(dtype)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for xs in (x, mixed, x[2], x[0]):
            y, d = act(xs), act.derivative(xs)
            nan_in = np.isnan(xs)
            assert np.array_equal(np.isnan(y), nan_in)
            assert np.array_equal(np.isnan(d), nan_in)


LIMITS = {  # name: (f(-inf), f(inf), f'(-inf), f'(inf))
    "identity": (-math.inf, math.inf, 1, 1),
    "step": (0, 1, 0, 0),
    "sigmoid": (0, 1, 0, 0),
    "tanh": (-1, 1, 0, 0),
    "relu": (0, math.inf, 0, 1),
    "leaky_relu": (-math.inf, math.inf, 0.01, 1),
    "prelu": (-math.inf, math.inf, 0.25, 1),
    "elu": (-1, math.inf, 0, 1),
    "selu": (-float(_SELU_L * _SELU_A), math.inf, 0, float(_SELU_L)),
    "celu": (-1, math.inf, 0, 1),
    "gelu": (0, math.inf, 0, 1),
    "gelu_tanh": (0, math.inf, 0, 1),
    "silu": (0, math.inf, 0, 1),
    "mish": (0, math.inf, 0, 1),
    "softplus": (0, math.inf, 0, 1),
    "softsign": (-1, 1, 0, 0),
    "log_sigmoid": (-math.inf, 0, 1, 0),
    "hard_sigmoid": (0, 1, 0, 0),
    "hard_tanh": (-1, 1, 0, 0),
    "hard_swish": (0, math.inf, 0, 1),
    "relu6": (0, 6, 0, 0),
}


@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
@pytest.mark.parametrize("name", names())
def test_limits_at_infinity(name, dtype):
    act = get(name)
    x = np.array([-np.inf, np.inf], dtype=dtype)
    got = [*act(x).tolist(), *act.derivative(x).tolist()]
    expected = [float(np.asarray(v, dtype=dtype)) for v in LIMITS[name]]
    assert got == pytest.approx(expected, rel=3e-16)


# --------------------------------------------------------------------------- #
# Errors
# --------------------------------------------------------------------------- #
def test_unknown_name_suggests_closest():
    with pytest.raises(ValueError, match="unknown activation 'sigmod'") as info:
        get("sigmod")
    msg = str(info.value)
    assert "did you mean 'sigmoid'?" in msg
    assert all(n in msg for n in names())
    with pytest.raises(ValueError, match="valid names: identity"):
        get("zzzzzz")
    with pytest.raises(ValueError, match="did you mean 'leaky_relu'"):
        get("leakyrelu")


def test_unknown_parameter():
    with pytest.raises(TypeError, match=r"'alpha'.*valid parameters: slope"):
        get("leaky_relu", alpha=0.1)
    with pytest.raises(TypeError, match="takes no parameters"):
        get("relu", slope=0.1)


@pytest.mark.parametrize(
    ("name", "params", "exc", "pattern"),
    [
        ("elu", {"alpha": -1.0}, ValueError, "'alpha' must be > 0"),
        ("elu", {"alpha": 0}, ValueError, "'alpha' must be > 0"),
        ("celu", {"alpha": 0.0}, ValueError, "'alpha' must be > 0"),
        ("softplus", {"beta": -2}, ValueError, "'beta' must be > 0"),
        ("softplus", {"beta": math.nan}, ValueError, "'beta' must be finite"),
        ("leaky_relu", {"slope": math.inf}, ValueError, "'slope' must be finite"),
        ("leaky_relu", {"slope": "0.1"}, TypeError, "'slope' must be a real number"),
        ("leaky_relu", {"slope": True}, TypeError, "'slope' must be a real number"),
        ("leaky_relu", {"slope": 1j}, TypeError, "'slope' must be a real number"),
        ("leaky_relu", {"slope": None}, TypeError, "'slope' must be a real number"),
        ("hard_tanh", {"min_val": 1.0}, ValueError, "min_val < max_val"),
        ("hard_tanh", {"min_val": 2, "max_val": -2}, ValueError, "min_val < max_val"),
    ],
)
def test_invalid_parameter_values(name, params, exc, pattern):
    with pytest.raises(exc, match=pattern):
        get(name, **params)


def test_numpy_parameters_accepted():
    act = get("leaky_relu", slope=np.float32(0.25))
    assert act.params == {"slope": 0.25} and type(act.params["slope"]) is float
    assert get("elu", alpha=2).params == {"alpha": 2.0}


@pytest.mark.parametrize(
    "bad",
    [
        "1.0",
        b"1",
        None,
        1 + 2j,
        np.array([1j]),
        [1, "a"],
        [[1, 2], [3]],
        object(),
        {"x": 1},
        np.array(["a"]),
        np.array([1, None], dtype=object),
    ],
)
def test_non_numeric_input(bad):
    act = get("relu")
    for method in (act, act.derivative):
        with pytest.raises(TypeError, match="real number or an array of real"):
            method(bad)


# --------------------------------------------------------------------------- #
# API and metadata
# --------------------------------------------------------------------------- #
EXPECTED_NAMES = (
    "identity",
    "step",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "prelu",
    "elu",
    "selu",
    "celu",
    "gelu",
    "gelu_tanh",
    "silu",
    "mish",
    "softplus",
    "softsign",
    "log_sigmoid",
    "hard_sigmoid",
    "hard_tanh",
    "hard_swish",
    "relu6",
)


def test_names_and_get():
    assert names() == EXPECTED_NAMES
    act = get("leaky_relu", slope=0.2)
    assert isinstance(act, Activation) and isinstance(act.meta, Meta)
    assert act.name == "leaky_relu" and act.params == {"slope": 0.2}
    act.params["slope"] = 5.0  # a copy: the instance is not modified
    assert act.params == {"slope": 0.2}
    assert repr(act) == "get('leaky_relu', slope=0.2)"
    assert get("leaky_relu").params == {"slope": 0.01}
    assert get("hard_tanh").params == {"min_val": -1.0, "max_val": 1.0}
    assert get("softplus").params == {"beta": 1.0}
    assert get("prelu").params == {"slope": 0.25}  # torch.nn.PReLU(init=0.25)


def test_prelu_derivative_at_zero_takes_the_left_branch():
    """PyTorch's PReLU backward (aten/src/ATen/native/cpu/Activation.cpp,
    ``prelu_backward_kernel``) computes ``mask = input > 0``,
    ``grad_input = mask ? grad : weight * grad`` and
    ``grad_weight = mask ? 0 : input * grad``: at x = 0 the input gradient is the
    slope (not 1, the x > 0 branch) and the slope's gradient is 0 * grad = 0."""
    for a in (0.25, 0.6, -0.25, 0.0, 2.0):
        act = get("prelu", slope=a)
        assert act.derivative(0.0) == a
        assert act.derivative(-0.0) == a
        assert act.derivative(np.nextafter(0.0, 1.0)) == 1.0
    assert get("prelu").derivative(np.float32(0.0)) == np.float32(0.25)


@pytest.mark.parametrize("name", names())
def test_meta_complete(name):
    act = get(name)
    m = act.meta
    with pytest.raises(AttributeError):
        m.latex = ""  # frozen
    assert set(m.display) == {"pt", "en"} and all(m.display.values())
    assert set(m.kink_convention) == {"pt", "en"} and all(m.kink_convention.values())
    for lang in ("pt", "en"):
        for tex in (m.tex(lang), m.tex(lang, derivative=True)):
            assert tex.strip() and tex.count("{") == tex.count("}")
    for field in (m.latex, m.latex_derivative):  # one formula, two languages
        assert isinstance(field, str) or set(field) == {"pt", "en"}
        if isinstance(field, dict):
            assert _same_formula(field["pt"], field["en"])
    assert not any(ch.isdigit() for ch in "".join(m.defaults))  # symbols, not numbers
    lo, hi = m.output_range
    assert lo < hi
    assert m.differentiability in {"discontinuous", "kinks", "C1", "smooth"}
    assert (m.differentiability in {"discontinuous", "kinks"}) == bool(m.kinks)
    assert all(
        isinstance(v, bool) for v in (m.monotonic, m.bounded_above, m.bounded_below)
    )
    assert m.origin is None or isinstance(m.origin, str)  # a key: test_bibliography
    assert isinstance(m.see_also, tuple) and m.origin not in m.see_also
    assert set(m.exaggerated) == set(m.defaults)
    assert m.exaggerated != m.defaults or not m.defaults
    get(name, **m.exaggerated)  # valid
    assert all(
        k in {"exp", "log", "tanh", "erf"} and v >= 1
        for k, v in m.transcendentals.items()
    )
    for param in m.defaults:  # parameters appear as symbols in the LaTeX
        symbol = {
            "slope": "a",
            "alpha": r"\alpha",
            "beta": r"\beta",
            "min_val": "min",
            "max_val": "max",
        }[param]
        assert symbol in m.tex("pt") and symbol in m.tex("en")


def _same_formula(pt: str, en: str) -> bool:
    """Whether two LaTeX strings differ only in their words and decimal marks."""

    def neutral(tex):
        tex = re.sub(r"\\text\{[^}]*\}", r"\\text{}", tex)
        return tex.replace("{,}", ".")

    return neutral(pt) == neutral(en)


def test_same_formula_sees_a_real_difference():
    assert _same_formula(r"x \text{ ou } 0{,}5", r"x \text{ or } 0.5")
    assert not _same_formula(r"x \text{ ou } 0{,}5", r"x \text{ or } 0.6")
    assert not _same_formula(r"x < a", r"x \le a")


def test_meta_values_spot_checks():
    assert get("relu6").meta.kinks == (0.0, 6.0)
    assert get("hard_swish").meta.kinks == (-3.0, 3.0)
    assert get("elu").meta.differentiability == "C1"
    assert get("selu").meta.differentiability == "kinks"
    assert get("gelu").meta.transcendentals == {"erf": 1}
    assert get("mish").meta.transcendentals == {"exp": 1, "log": 1, "tanh": 1}
    assert get("gelu").meta.origin == "hendrycks2016"
    assert get("identity").meta.origin is None


@pytest.mark.parametrize("name", ["gelu", "gelu_tanh", "silu", "mish", "hard_swish"])
def test_minimum_matches_output_range(name):
    act = get(name)
    lo = act.output_range()[0]
    x0 = EXTREMA[name]
    assert act(x0) == pytest.approx(lo, rel=1e-15)
    assert abs(act.derivative(x0)) < 1e-15
