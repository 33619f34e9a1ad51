"""The fast formulations (snippets/fast.py): fidelity, warnings, dtypes, and the
claims the cost page makes about them."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from scipy import special

from snippets import fast as F
from snippets.activations import get, names

# --- The fast formulations -------------------------------------------------------


def test_fast_table_covers_the_registry():
    assert list(F.FAST) == list(names())


@pytest.mark.parametrize("name", names())
def test_fast_formulation_is_faithful_in_float32(name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f = F.fidelity(name)
    assert f["fast"] < F.FAITHFUL, f
    assert f["keeps_nan"], f
    assert f["warnings"] == [], f


def test_fidelity_sees_an_unfaithful_formula(monkeypatch):
    # The test above can fail: a formula that cancels (1 - s for sigmoid(-x)),
    # one that warns and gives NaN (x / (1 + exp(-x)) at -inf: inf / inf).
    monkeypatch.setitem(F.FAST, "sigmoid", "1.0 - 1.0 / (1.0 + np.exp(x))")
    monkeypatch.setitem(F.FAST, "silu", "x / (1.0 + np.exp(-x))")
    monkeypatch.setattr(F, "_COMPILED", {})
    bad = F.fidelity("sigmoid")
    assert bad["fast"] > 0.5
    nan = F.fidelity("silu")
    assert nan["fast"] == math.inf and nan["warnings"]


@pytest.mark.parametrize("name", names())
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_fast_formulation_keeps_dtype_shape_and_gives_no_warning(name, dtype):
    big = float(np.finfo(dtype).max)
    x = np.array(
        [
            [-np.inf, -big, -1e30, -50.0, -1.0, -0.0],
            [0.0, 1e-40, 1.0, 50.0, big, np.inf],
        ]
    ).astype(dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = F.fast(name)(x)
    assert y.dtype == dtype and y.shape == x.shape
    ref = get(name)(x.astype(np.float64))
    with np.errstate(over="ignore"):  # beyond float32's range: inf is right
        rounded = ref.astype(dtype)
    close = np.isclose(y.astype(np.float64), ref, rtol=1e-5, atol=1e-30)
    assert (close | (np.isinf(rounded) & (y == rounded))).all(), (x, y, ref)


def test_normal_cdf_against_scipy():
    # An independent implementation (SciPy's ndtr, double precision): the
    # coefficients of Numerical Recipes' erfc are copied right.
    x = np.linspace(-37.0, 37.0, 200_001)  # ndtr(-38.5) underflows
    ours, theirs = F.normal_cdf(x), special.ndtr(x)
    assert np.max(np.abs(ours - theirs) / theirs) < 2e-7
    assert F.normal_cdf(np.float32(0.0)) == np.float32(0.5)


def test_fast_sees_unknown_names():
    with pytest.raises(ValueError, match="valid names"):
        F.fast("sigmod")
    assert F.fast("tanh") is not None and F.fast("tanh").name == "tanh"


def test_fidelity_grid_reaches_the_extremes():
    g = F.fidelity_grid()
    f32 = np.finfo(np.float32)
    assert g.dtype == np.float32 and np.all(np.diff(g) > 0)
    for v in (0.0, f32.smallest_subnormal, f32.tiny, f32.max, np.inf):
        assert v in g and -v in g
    assert np.count_nonzero((g > -16) & (g < 16)) > 2**16


# --- Claims of properties/cost.md -------------------------------------------------


def test_where_the_registry_in_float32_is_far_off_expit_flushes_to_zero():
    """The page: where the last column is large (sigmoid, tanh form of GELU,
    SiLU), SciPy's expit in float32 gives 0 in the far left tail, where the true
    value is still a tiny positive number."""
    large = {"sigmoid", "gelu_tanh", "silu"}
    for name in names():
        if F.FAST[name] is not None:
            f = F.fidelity(name)
            assert (f["registry"] > 1e-3) == (name in large), (name, f)
    assert special.expit(np.float32(-89.0)) == 0
    assert special.expit(-89.0) > 0  # float64: the true value, about 2e-39


def test_gelu_worst_error_is_in_the_far_left_tail_for_both_codes():
    f = F.fidelity("gelu")
    assert f["fast_at"] < -8 and f["registry"] > 1e-6
    assert f["fast"] < 4 * f["registry"]  # the same order: float32's own limit
    # "about x² times at most half of float32's machine epsilon, about 1e-5 at
    # x = -13": the rounding of x/sqrt(2) before erfc, amplified by x²
    bound = f["fast_at"] ** 2 * np.finfo(np.float32).eps / 2
    assert round(f["fast_at"]) == -13 and round(bound, 5) == 1e-5
    assert 0.5 < f["registry"] / bound < 2


def test_the_guard_against_minus_infinity_is_what_it_says():
    """np.maximum(x, -1e3) is there only so that -inf gives 0, not NaN."""
    x = np.array([-np.inf, -2000.0, -1.0, 3.0], dtype=np.float32)
    guarded = F.fast("silu")(x)
    with np.errstate(invalid="ignore"):
        plain = x * F._NAMESPACE["sigmoid"](x)
    assert np.isnan(plain[0]) and guarded[0] == 0
    np.testing.assert_array_equal(guarded[1:], plain[1:])
    with np.errstate(invalid="ignore"):
        assert np.isnan(x[0] * F.normal_cdf(x[0]))
    assert F.fast("gelu")(x)[0] == 0


def test_the_fast_sigmoid_is_seven_numpy_operations():
    """The cost page's exercise 2: np.minimum, np.abs, a negation, two np.exp, an
    addition and a division, each a pass over the array (np.tanh makes one)."""
    import ast

    tree = ast.parse(F.FAST["sigmoid"], mode="eval")
    calls = sorted(
        ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)
    )
    assert calls == ["np.abs", "np.exp", "np.exp", "np.minimum"]
    operators = [
        type(n.op).__name__
        for n in ast.walk(tree)
        if isinstance(n, ast.BinOp | ast.UnaryOp)
    ]
    assert sorted(operators) == ["Add", "Div", "USub"]


def test_expit_has_its_own_float32_loop():
    """The page: SciPy's expit runs a scalar loop of its own in float32 (it does not
    compute in double and round: its float32 result flushes to 0 where the
    rounded double would not)."""
    assert "f->f" in special.expit.types
    rounded = np.float32(special.expit(-89.0))
    assert rounded > 0 and special.expit(np.float32(-89.0)) == 0


def test_the_sigmoid_through_tanh_is_not_faithful_in_the_left_tail():
    """Exercise 5: ½ tanh(x/2) + ½ is off in the second digit at x = -15 and
    gives 0 at x = -20, where σ is still a normal float32 number; by the table's
    criterion (`FAITHFUL`) it is not a candidate."""

    def through_tanh(x):
        return 0.5 * np.tanh(0.5 * x) + 0.5

    tail = np.array([-15.0, -20.0], dtype=np.float32)
    exact = special.expit(tail.astype(np.float64))
    y = through_tanh(tail)
    assert y.dtype == np.float32
    assert abs(y[0] / exact[0] - 1) > 0.01  # the second significant digit
    assert y[1] == 0 and exact[1] > np.finfo(np.float32).tiny
    grid = F.fidelity_grid()
    reference = get("sigmoid")(grid.astype(np.float64))
    assert F._worst_error(through_tanh(grid), reference)[0] > F.FAITHFUL
    assert F.fidelity("sigmoid")["fast"] < F.FAITHFUL  # the table's formulation is
