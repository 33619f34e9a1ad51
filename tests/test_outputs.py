"""Tests of snippets/outputs.py and of the claims on the page "The output layer".

References: mpmath at 50 digits (softmax, log-sum-exp, the losses and, by
``mpmath.diff``, their derivatives), SciPy's ``softmax``/``logsumexp``, and
closed forms. pytest turns every warning into an error (pyproject.toml), so a
test that passes on extreme input also shows that no warning was emitted; the
deliberately naive functions are the only ones expected to warn.
"""

from __future__ import annotations

import doctest
import warnings

import mpmath
import numpy as np
import pytest
import scipy.special

from snippets import outputs as module
from snippets.outputs import (
    PAIRS,
    binary_cross_entropy_naive,
    cross_entropy_naive,
    descend_logit,
    log_softmax,
    logit_gradient,
    logsumexp,
    logsumexp_naive,
    loss_from_logits,
    softmax,
    softmax_naive,
)

mpmath.mp.dps = 50

ROWS = [
    [1.0, 2.0, 3.0],
    [1000.0, 999.0, 998.0],
    [-1000.0, -1001.0, -1002.0],
    [0.0, -800.0, 5.0],
    [1e308, -1e308, 0.0],
    [-745.0, -745.5, -746.0],
    [3.0, 3.0, 3.0],
    [0.0, -40.0, -40.0],
]


def _warned(fn, *args):
    """``fn(*args)`` and the messages of the warnings it emitted."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = fn(*args)
    return out, [str(w.message) for w in caught if w.category is RuntimeWarning]


def _mp_lse(row):
    return mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(v)) for v in row))


def test_doctests():
    result = doctest.testmod(module)
    assert result.attempted >= 15 and result.failed == 0


# --------------------------------------------------------------------------- #
# Stable softmax, log-sum-exp, log-softmax against mpmath
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("row", ROWS)
def test_stable_functions_match_mpmath(row):
    z = np.array(row)
    lse = _mp_lse(row)
    assert float(logsumexp(z)) == pytest.approx(float(lse), rel=1e-15)
    exact_log = [mpmath.mpf(v) - lse for v in row]
    for got, want in zip(log_softmax(z), exact_log, strict=True):
        assert got == pytest.approx(float(want), rel=1e-14, abs=1e-300)
    for got, want in zip(softmax(z), exact_log, strict=True):
        assert got == pytest.approx(float(mpmath.exp(want)), rel=1e-14, abs=1e-300)
    assert np.sum(softmax(z)) == pytest.approx(1.0, abs=4e-16)


@pytest.mark.parametrize("row", [r for r in ROWS if max(map(abs, r)) < 1e300])
def test_stable_functions_match_scipy(row):
    z = np.array(row)
    np.testing.assert_allclose(softmax(z), scipy.special.softmax(z), rtol=1e-14)
    assert logsumexp(z) == pytest.approx(scipy.special.logsumexp(z), rel=1e-15)


def test_log_softmax_keeps_tiny_losses():
    """-log p of a class that is almost certain: 2e-18, not 0 (no cancellation)."""
    z = np.array([0.0, -40.0, -40.0])
    true = float(mpmath.log1p(2 * mpmath.exp(-40)))
    assert -log_softmax(z)[0] == pytest.approx(true, rel=1e-14)
    assert loss_from_logits(z, 0, "softmax_ce") == pytest.approx(true, rel=1e-14)


def test_float32_is_kept_and_accurate():
    for row in ([100.0, 99.0, 98.0], [1e38, -1e38, 0.0], [-100.0, -120.0, -90.0]):
        z = np.array(row, dtype=np.float32)
        for fn in (softmax, log_softmax, logsumexp):
            assert fn(z).dtype == np.float32
        exact = _mp_lse([float(v) for v in z])
        assert float(logsumexp(z)) == pytest.approx(float(exact), rel=3e-7)
        ref = scipy.special.softmax(z.astype(np.float64))
        np.testing.assert_allclose(softmax(z), ref, rtol=3e-6, atol=1e-38)


def test_axis_and_batches():
    Z = np.array([[1.0, 2.0], [1000.0, 0.0], [-5.0, -5.0]])
    np.testing.assert_allclose(softmax(Z).sum(axis=1), 1.0)
    np.testing.assert_allclose(softmax(Z.T, axis=0), softmax(Z).T)
    np.testing.assert_allclose(logsumexp(Z, axis=1), scipy.special.logsumexp(Z, axis=1))
    assert logsumexp(Z).shape == (3,)


def test_shift_invariance():
    z = np.array([0.3, -1.2, 2.5])
    for c in (-700.0, 0.0, 700.0, 1e5):
        np.testing.assert_allclose(softmax(z + c), softmax(z), rtol=1e-10)
        assert logsumexp(z + c) == pytest.approx(logsumexp(z) + c, rel=1e-15)


def test_non_finite_rows():
    assert logsumexp(np.array([np.inf, 0.0])) == np.inf
    assert logsumexp(np.array([-np.inf, -np.inf])) == -np.inf
    assert np.isnan(logsumexp(np.array([np.nan, 0.0])))
    np.testing.assert_array_equal(softmax(np.array([-np.inf, 0.0])), [0.0, 1.0])
    assert np.isnan(softmax(np.array([np.inf, 0.0]))).all()
    assert np.isnan(log_softmax(np.array([np.inf, 0.0]))).all()
    assert np.isnan(softmax(np.array([-np.inf, -np.inf]))).all()


# --------------------------------------------------------------------------- #
# The naive versions: what the page shows
# --------------------------------------------------------------------------- #
def test_naive_softmax_overflows_with_a_warning():
    for row, dtype in (
        ([1000.0, 999.0, 998.0], np.float64),
        ([100.0, 99.0], np.float32),
    ):
        p, messages = _warned(softmax_naive, np.array(row, dtype=dtype))
        assert np.isnan(p).all()
        assert messages == [
            "overflow encountered in exp",
            "invalid value encountered in divide",
        ]
    # the same float32 logits are fine in float64, and agree with the stable one
    z = np.array([100.0, 99.0])
    np.testing.assert_allclose(softmax_naive(z), softmax(z), rtol=1e-15)
    lse, messages = _warned(logsumexp_naive, np.array([1000.0, 0.0]))
    assert lse == np.inf and messages == ["overflow encountered in exp"]
    lse, messages = _warned(logsumexp_naive, np.array([-1000.0, -1001.0]))
    assert lse == -np.inf and messages == ["divide by zero encountered in log"]
    p, messages = _warned(softmax_naive, np.array([-1000.0, -1001.0]))
    assert np.isnan(p).all() and messages == ["invalid value encountered in divide"]


def test_overflow_thresholds():
    """exp overflows above log(max float): 709.78 in float64, 88.72 in float32."""
    assert float(np.log(np.finfo(np.float64).max)) == pytest.approx(709.78, abs=0.005)
    assert float(np.log(np.finfo(np.float32).max)) == pytest.approx(88.72, abs=0.005)
    softmax_naive(np.array([709.0, 0.0]))  # no warning just below
    _, messages = _warned(softmax_naive, np.array([710.0, 0.0]))
    assert "overflow encountered in exp" in messages


def test_naive_losses_fail_where_the_stable_ones_do_not():
    loss, messages = _warned(cross_entropy_naive, [0.0, -800.0], 1)
    assert loss == np.inf and messages == ["divide by zero encountered in log"]
    assert loss_from_logits([0.0, -800.0], 1, "softmax_ce") == 800.0
    loss, messages = _warned(binary_cross_entropy_naive, -800.0, 1)
    assert loss == np.inf and "overflow encountered in exp" in messages
    loss, messages = _warned(binary_cross_entropy_naive, 40.0, 1)
    assert np.isnan(loss) and "invalid value encountered in multiply" in messages
    assert loss_from_logits(-800.0, 1, "sigmoid_bce") == 800.0
    assert loss_from_logits(40.0, 1, "sigmoid_bce") == pytest.approx(
        float(mpmath.log1p(mpmath.exp(-40))), rel=1e-14
    )


# --------------------------------------------------------------------------- #
# Losses and their gradients with respect to the logits
# --------------------------------------------------------------------------- #
def _mp_sigmoid(z):
    return 1 / (1 + mpmath.exp(-z))


MP_LOSSES = {
    "sigmoid_bce": lambda z, y: (
        -(y * mpmath.log(_mp_sigmoid(z)) + (1 - y) * mpmath.log(1 - _mp_sigmoid(z)))
    ),
    "sigmoid_mse": lambda z, y: (_mp_sigmoid(z) - y) ** 2,
    "identity_mse": lambda z, y: (z - y) ** 2,
}


@pytest.mark.parametrize("pair", ["sigmoid_bce", "sigmoid_mse", "identity_mse"])
@pytest.mark.parametrize("z", [-30.0, -6.0, -0.7, 0.0, 2.5, 30.0])
@pytest.mark.parametrize("y", [0, 1])
def test_one_output_losses_and_gradients_match_mpmath(pair, z, y):
    def exact(t):
        return MP_LOSSES[pair](mpmath.mpf(z) + t, y)

    assert loss_from_logits(z, y, pair) == pytest.approx(float(exact(0)), rel=1e-13)
    want = float(mpmath.diff(exact, 0))
    assert logit_gradient(z, y, pair) == pytest.approx(want, rel=1e-12, abs=1e-300)


@pytest.mark.parametrize(
    "row", [[2.0, 1.0, 0.0], [0.0, -40.0, 5.0], [30.0, 0.0, -10.0]]
)
@pytest.mark.parametrize("label", [0, 1, 2])
def test_softmax_ce_loss_and_gradient_match_mpmath(row, label):
    def exact(i, t):
        z = [mpmath.mpf(v) + (t if j == i else 0) for j, v in enumerate(row)]
        return _mp_lse(z) - z[label]

    assert loss_from_logits(row, label, "softmax_ce") == pytest.approx(
        float(exact(0, 0)), rel=1e-13
    )
    grad = logit_gradient(row, label, "softmax_ce")
    for i in range(3):
        want = float(mpmath.diff(lambda t, i=i: exact(i, t), 0))
        assert grad[i] == pytest.approx(want, rel=1e-12, abs=1e-300)


def test_gradient_is_p_minus_y_for_the_matched_pairs():
    z = np.linspace(-5, 5, 11)
    for y in (0, 1):
        ys = np.full_like(z, y)
        np.testing.assert_allclose(
            logit_gradient(z, ys, "sigmoid_bce"), scipy.special.expit(z) - y, atol=1e-16
        )
        p = scipy.special.expit(z)
        np.testing.assert_allclose(
            logit_gradient(z, ys, "sigmoid_mse"), 2 * (p - y) * p * (1 - p), atol=1e-16
        )
    Z = np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 3.0]])
    onehot = np.eye(3)[[0, 2]]
    np.testing.assert_allclose(
        logit_gradient(Z, [0, 2], "softmax_ce"),
        scipy.special.softmax(Z, axis=1) - onehot,
    )


def test_confidently_wrong_example():
    """The page's numbers: at z = -10 with y = 1, cross-entropy's gradient is
    about -1 and the squared error's about -9e-5, ten thousand times smaller."""
    bce = logit_gradient(-10.0, 1, "sigmoid_bce")
    mse = logit_gradient(-10.0, 1, "sigmoid_mse")
    assert bce == pytest.approx(-1.0, abs=1e-4)
    assert mse == pytest.approx(-2 * scipy.special.expit(-10.0), rel=1e-3)
    assert abs(bce / mse) > 1e4


def test_two_class_softmax_is_the_sigmoid_of_the_difference():
    for a, b in [(2.0, -1.0), (0.0, 0.0), (-300.0, 400.0)]:
        assert softmax(np.array([a, b]))[0] == pytest.approx(
            scipy.special.expit(a - b), rel=1e-14, abs=1e-300
        )


def test_descent_on_a_wrong_logit():
    ce = descend_logit(-6.0, 1, "sigmoid_bce", lr=1.0, steps=300)
    mse = descend_logit(-6.0, 1, "sigmoid_mse", lr=1.0, steps=300)
    assert np.all(np.diff(ce) > 0) and np.all(np.diff(mse) > 0)
    first_ce, first_mse = np.argmax(ce > 0), np.argmax(mse > 0)
    assert 0 < first_ce < 10 and first_mse > 20 * first_ce
    for pair in ("sigmoid_bce", "sigmoid_mse"):  # each step is -lr * logit_gradient
        for y in (0, 1):
            path = descend_logit(-3.0, y, pair, lr=0.5, steps=20)
            steps = [-0.5 * logit_gradient(z, y, pair) for z in path[:-1]]
            np.testing.assert_allclose(np.diff(path), steps, rtol=1e-12, atol=1e-15)
    reg = descend_logit(5.0, 2.0, "identity_mse", lr=0.25, steps=1)
    assert reg[1] == pytest.approx(5.0 - 0.25 * 2 * 3.0)


# --------------------------------------------------------------------------- #
# Bad input
# --------------------------------------------------------------------------- #
def test_bad_inputs_give_clear_errors():
    with pytest.raises(ValueError, match="pair must be one of"):
        loss_from_logits(0.0, 1, "tanh_mse")
    with pytest.raises(ValueError, match="labels 0 and 1"):
        loss_from_logits([0.0, 1.0], [1, 2], "sigmoid_bce")
    with pytest.raises(ValueError, match="integer classes 0 to 2"):
        loss_from_logits([0.0, 1.0, 2.0], 3, "softmax_ce")
    with pytest.raises(ValueError, match="integer classes 0 to 2"):
        loss_from_logits([0.0, 1.0, 2.0], 0.5, "softmax_ce")
    with pytest.raises(ValueError, match="one label per example"):
        logit_gradient(np.zeros((2, 3)), [0], "softmax_ce")
    with pytest.raises(ValueError, match=r"k >= 2"):
        logit_gradient([1.0], 0, "softmax_ce")
    with pytest.raises(ValueError, match="one logit per example"):
        loss_from_logits(np.zeros((2, 2)), [0, 1], "sigmoid_bce")
    with pytest.raises(ValueError, match="one target per example"):
        loss_from_logits([1.0, 2.0], [1.0], "identity_mse")
    with pytest.raises(ValueError, match="at least one dimension"):
        softmax(1.0)
    with pytest.raises(ValueError, match="axis must be an integer"):
        logsumexp([1.0, 2.0], axis=1)
    with pytest.raises(TypeError, match="real numbers"):
        softmax(np.array([1 + 2j]))
    with pytest.raises(ValueError, match="one logit"):
        descend_logit(0.0, 1, "softmax_ce")
    with pytest.raises(ValueError, match="lr must be"):
        descend_logit(0.0, 1, "sigmoid_bce", lr=-1.0)
    with pytest.raises(ValueError, match="steps must be"):
        descend_logit(0.0, 1, "sigmoid_bce", steps=0)
    assert set(PAIRS) == {"sigmoid_bce", "softmax_ce", "sigmoid_mse", "identity_mse"}
