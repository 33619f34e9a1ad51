"""Numbers of snippets.properties against independent references (closed forms, mpmath)."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from scipy.special import logit, ndtr, ndtri

from snippets import properties as P
from snippets.activations import get, names

SQRT_2PI = math.sqrt(2.0 * math.pi)


# ------------------------------------------------------------ expectations (closed forms)


def test_relu_mean_and_variance():
    assert P.mean_under_normal("relu") == pytest.approx(1 / SQRT_2PI, abs=1e-10)
    var = 0.5 - 1 / (2 * math.pi)
    assert P.variance_under_normal("relu") == pytest.approx(var, abs=1e-10)


def test_gelu_mean():
    expected = 1 / (2 * math.sqrt(math.pi))
    assert P.mean_under_normal("gelu") == pytest.approx(expected, abs=1e-10)


@pytest.mark.parametrize("slope", [0.01, 0.2, 0.3])
def test_leaky_relu_mean(slope):
    # E[max(x, 0)] + s E[min(x, 0)] = (1 - s) / sqrt(2 pi)
    act = get("leaky_relu", slope=slope)
    assert P.mean_under_normal(act) == pytest.approx((1 - slope) / SQRT_2PI, abs=1e-10)


@pytest.mark.parametrize("name", ["gelu", "silu", "hard_swish"])
def test_mean_derivative_is_half_for_x_times_symmetric_gate(name):
    # f = x g(x) with g(x) + g(-x) = 1  =>  E[f'(X)] = 1/2
    assert P.mean_derivative_under_normal(name) == pytest.approx(0.5, abs=1e-10)


def test_selu_fixed_point():
    # With the 31-digit published constants, mpmath gives |E[f]| and |E[f^2] - 1|
    # below 2e-32: the constants are the fixed point. In float64 the constants are
    # rounded (relative 1e-16) and the quadrature is good to ~1e-13, so 1e-12 is a
    # safe yet meaningful tolerance.
    mean = P.mean_under_normal("selu")
    second_moment = P.variance_under_normal("selu") + mean**2
    assert abs(mean) < 1e-12
    assert abs(second_moment - 1.0) < 1e-12


def test_symmetric_means():
    assert abs(P.mean_under_normal("tanh")) < 1e-14
    assert P.mean_under_normal("sigmoid") == pytest.approx(0.5, abs=1e-14)
    assert P.mean_under_normal("step") == pytest.approx(0.5, abs=1e-14)
    assert P.variance_under_normal("step") == pytest.approx(0.25, abs=1e-14)
    assert P.variance_under_normal("identity") == pytest.approx(1.0, abs=1e-13)


def test_softplus_and_log_sigmoid_mirror():
    # log_sigmoid(x) = -softplus(-x) and X is symmetric
    assert P.mean_under_normal("log_sigmoid") == pytest.approx(
        -P.mean_under_normal("softplus"), abs=1e-13
    )


def _mp_mean(f):
    with mp.workdps(25):

        def pdf(x):
            return mp.exp(-(x**2) / 2) / mp.sqrt(2 * mp.pi)

        return float(mp.quad(lambda x: f(x) * pdf(x), [-mp.inf, -5, 0, 5, mp.inf]))


@pytest.mark.parametrize(
    ("name", "f"),
    [
        ("sigmoid", lambda x: 1 / (1 + mp.exp(-x))),
        ("softplus", lambda x: mp.log(1 + mp.exp(x))),
        ("mish", lambda x: x * mp.tanh(mp.log(1 + mp.exp(x)))),
    ],
)
def test_mean_against_mpmath(name, f):
    assert P.mean_under_normal(name) == pytest.approx(_mp_mean(f), abs=1e-9)


# ------------------------------------------------------------------- P(f(X) > 0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sigmoid", 1.0),
        ("softplus", 1.0),
        ("log_sigmoid", 0.0),
        ("relu", 0.5),
        ("step", 0.5),
        ("tanh", 0.5),
        ("gelu", 0.5),
        ("silu", 0.5),
        ("mish", 0.5),
        ("elu", 0.5),
        ("hard_sigmoid", float(ndtr(3.0))),  # zero below -3
        ("relu6", 0.5),
    ],
)
def test_prob_positive(name, expected):
    assert P.prob_positive(name) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sigmoid", 0.0),  # never negative, as softplus, hard sigmoid, ReLU
        ("softplus", 0.0),
        ("hard_sigmoid", 0.0),
        ("relu", 0.0),
        ("relu6", 0.0),
        ("step", 0.0),
        ("log_sigmoid", 1.0),
        ("identity", 0.5),
        ("tanh", 0.5),
        ("leaky_relu", 0.5),  # small, but negative: not zero as in ReLU
        ("elu", 0.5),
        ("gelu", 0.5),
        ("hard_swish", 0.5 - float(ndtr(-3.0))),  # negative on (-3, 0), zero below
    ],
)
def test_prob_negative(name, expected):
    assert P.prob_negative(name) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("name", names())
def test_signs_and_zeros_add_up_to_one(name):
    # P(f(X) = 0) on the normal quantiles at 1/(2n), 3/(2n), ..., independently
    x = ndtri((np.arange(20_000) + 0.5) / 20_000)
    zero = float(np.mean(get(name)(x) == 0))
    total = P.prob_positive(name) + P.prob_negative(name) + zero
    assert total == pytest.approx(1.0, abs=2e-3)


# ---------------------------------------------------------------------- plateaus


def test_max_abs_derivative():
    assert P.max_abs_derivative("sigmoid") == pytest.approx(0.25, abs=1e-12)
    assert P.max_abs_derivative("tanh") == pytest.approx(1.0, abs=1e-12)
    assert P.max_abs_derivative("hard_sigmoid") == pytest.approx(1 / 6, abs=1e-12)
    assert P.max_abs_derivative("hard_swish") == pytest.approx(1.5, abs=1e-12)
    lam_alpha = 1.0507009873554805 * 1.6732632423543772  # SELU'(0-)
    assert P.max_abs_derivative("selu") == pytest.approx(lam_alpha, abs=1e-12)
    assert P.max_abs_derivative("step") == 0.0


@pytest.mark.parametrize("beta", [0.5, 1.0, 2.0, 5.0, 10.0])
def test_max_abs_derivative_is_the_supremum_over_the_whole_line(beta):
    """softplus' = σ(βx) → 1 as x → ∞ (never reached): the supremum is 1 for every
    β > 0, while [-10, 10] alone gives σ(10β) (0.9933 at β = 0.5)."""
    act = get("softplus", beta=beta)
    assert P.max_abs_derivative(act) == 1.0
    on_ten = P.max_abs_derivative(act, interval=(-10.0, 10.0))
    assert on_ten == pytest.approx(1 / (1 + math.exp(-10 * beta)), rel=1e-15)
    assert P.max_abs_derivative("log_sigmoid") == 1.0  # σ(−x) → 1 as x → −∞


def test_max_abs_derivative_misses_no_tail():
    """For every function and every value of the parameter controls, no |f′| far
    out (up to 10^300, both sides) exceeds the reported maximum."""
    from snippets.parameters import VALUES

    far = np.concatenate([-np.geomspace(10, 1e300, 997), np.geomspace(10, 1e300, 997)])
    for name in names():
        for params in VALUES.get(name, [{}]):
            act = get(name, **params)
            best = P.max_abs_derivative(act)
            assert np.abs(act.derivative(far)).max() <= best, (name, params)


def test_max_abs_derivative_silu_interior_maximum():
    # the refined maximum beats a 1e-5 grid; SiLU' peaks at 1.0998393 near x = 2.4
    silu = get("silu")
    best = P.max_abs_derivative(silu)
    x = np.linspace(-10, 10, 2_000_001)
    assert best >= silu.derivative(x).max() - 1e-15
    assert best == pytest.approx(1.0998393, abs=1e-7)


# Independent references: the derivatives written out for mpmath (used at 30 digits).
LAM, ALPHA = "1.0507009873554804934193349852946", "1.6732632423543772848170429916717"
MP_DERIVATIVE = {
    "sigmoid": lambda x: 1 / (mp.exp(x / 2) + mp.exp(-x / 2)) ** 2,
    "tanh": lambda x: mp.sech(x) ** 2,
    "gelu": lambda x: mp.ncdf(x) + x * mp.npdf(x),
    "silu": lambda x: (1 + mp.exp(-x) + x * mp.exp(-x)) / (1 + mp.exp(-x)) ** 2,
    "selu": lambda x: mp.mpf(LAM) * (1 if x > 0 else mp.mpf(ALPHA) * mp.exp(x)),
}


def _edge(name, threshold, bracket):
    """Where |f'| = threshold, by mpmath's root finder on the reference f'."""
    d = MP_DERIVATIVE[name]
    with mp.workdps(30):
        root = mp.findroot(lambda x: abs(d(x)) - threshold, bracket, solver="anderson")
        return float(root)


@pytest.mark.parametrize("t", [0.01, 0.05, 0.2])
def test_flat_tails_of_sigmoid_and_tanh_closed_forms(t):
    # sigma' = s (1 - s) < t  <=>  |x| > logit((1 + sqrt(1 - 4 t)) / 2)
    x_sigmoid = logit((1 + math.sqrt(1 - 4 * t)) / 2)
    # tanh' = 1 - tanh^2 < t  <=>  |x| > atanh(sqrt(1 - t))
    x_tanh = math.atanh(math.sqrt(1 - t))
    for name, x in (("sigmoid", x_sigmoid), ("tanh", x_tanh)):
        left, right = P.flat_tails(name, threshold=t)
        assert left == pytest.approx(-x, abs=1e-12)
        assert right == pytest.approx(x, abs=1e-12)
    # tanh(x) = 2 sigma(2x) - 1, so tanh'(x) = 4 sigma'(2x): tanh's tail at t
    # starts at half the point where sigma' falls to t / 4
    assert x_tanh == pytest.approx(P.flat_tails("sigmoid", t / 4)[1] / 2, abs=1e-12)


def test_flat_tails_closed_forms_of_the_one_sided_functions():
    t = P.FLAT_THRESHOLD
    lam_alpha = 1.0507009873554805 * 1.6732632423543772
    expected = {
        "elu": (math.log(t), math.inf),  # e^x < t
        "selu": (math.log(t / lam_alpha), math.inf),
        "softplus": (logit(t), math.inf),  # sigma(x) < t
        "log_sigmoid": (-math.inf, -logit(t)),  # sigma(-x) < t
        "softsign": (1 - 1 / math.sqrt(t), 1 / math.sqrt(t) - 1),  # 1/(1+|x|)^2
        "relu": (0.0, math.inf),
        "leaky_relu": (0.0, math.inf),  # slope 0.01 < t: flat, but not dead
        "relu6": (0.0, 6.0),
        "hard_tanh": (-1.0, 1.0),
        "hard_sigmoid": (-3.0, 3.0),
        "identity": (-math.inf, math.inf),  # no tail
        "step": (math.inf, -math.inf),  # flat everywhere
    }
    for name, (left, right) in expected.items():
        got = P.flat_tails(name)
        assert got[0] == pytest.approx(left, abs=1e-12), name
        assert got[1] == pytest.approx(right, abs=1e-12), name


def test_flat_tails_of_gelu_silu_and_selu_against_mpmath():
    t = P.FLAT_THRESHOLD
    for name, bracket in (("gelu", (-3.0, -2.0)), ("silu", (-5.0, -3.5))):
        left, right = P.flat_tails(name)
        assert right == math.inf
        assert left == pytest.approx(_edge(name, t, bracket), abs=1e-12)
    assert P.flat_tails("selu")[0] == pytest.approx(
        _edge("selu", t, (-4, -3)), abs=1e-12
    )


@pytest.mark.parametrize("name", ["gelu", "gelu_tanh", "silu", "mish"])
def test_isolated_zero_of_the_derivative_is_not_a_tail(name):
    # f' = 0 at the minimum (x0 < 0), yet f' grows again to the left of it
    act = get(name)
    x = np.linspace(-3, 0, 30_001)
    x0 = x[np.argmin(np.abs(act.derivative(x)))]
    left, right = P.flat_tails(name, threshold=1e-3)
    assert left < x0 - 0.5 and right == math.inf
    assert P.dead_zone(name) == (-math.inf, math.inf)


def test_threshold_is_no_registered_constant_slope():
    # the verdict never hinges on a tie |f'| == threshold on a whole stretch
    x = np.linspace(-50, 50, 1_000_001)
    for name in names():
        d = np.abs(get(name).derivative(x))
        assert np.count_nonzero(d == P.FLAT_THRESHOLD) <= 2, name


def test_dead_zone_closed_forms():
    expected = {
        "relu": (0.0, math.inf),
        "relu6": (0.0, 6.0),
        "hard_tanh": (-1.0, 1.0),
        "hard_sigmoid": (-3.0, 3.0),
        "step": (math.inf, -math.inf),
    }
    for name in names():
        got = P.dead_zone(name)
        if name == "hard_swish":  # f'(-3) = -1/2 by convention: the edge is -3-
            assert got[0] == np.nextafter(-3.0, -np.inf) and got[1] == math.inf
            continue
        assert got == expected.get(name, (-math.inf, math.inf)), name
    # the dead zone lies inside the flat tails
    for name in names():
        (dl, dr), (fl, fr) = P.dead_zone(name), P.flat_tails(name)
        assert dl <= fl and dr >= fr, name


def test_dead_zone_ignores_underflow():
    # sigma'(800) is 0 in float64 (true value 3.7e-348), but it is not a dead zone
    assert get("sigmoid").derivative(800.0) == 0.0
    assert P.dead_zone("sigmoid") == (-math.inf, math.inf)


def test_tail_share():
    assert P.tail_share((-3.0, 3.0)) == 0.5
    assert P.tail_share((0.0, math.inf)) == 0.5
    assert P.tail_share((-math.inf, math.inf)) == 0.0
    assert P.tail_share((math.inf, -math.inf)) == 1.0
    assert P.tail_share((-10.0, 10.0)) == 0.0  # tails outside the interval
    assert P.tail_share((-5.0, -7.0)) == 1.0  # overlapping tails
    assert P.tail_share((0.0, 6.0), interval=(-2.0, 2.0)) == 0.5


def _mp_mean_square(d, breaks=(0,)):
    """E[d(Z)^2], Z ~ N(0, 1), by mpmath's quadrature at 30 digits."""
    with mp.workdps(30):
        return float(
            mp.quad(lambda x: d(x) ** 2 * mp.npdf(x), [-mp.inf, *breaks, mp.inf])
        )


def test_rms_gain_against_closed_forms_and_mpmath():
    assert P.rms_gain("relu") ** 2 == pytest.approx(0.5, abs=1e-13)
    for s in (0.01, 0.2):  # E[f'^2] = (1 + s^2) / 2
        act = get("leaky_relu", slope=s)
        assert P.rms_gain(act) ** 2 == pytest.approx((1 + s * s) / 2, abs=1e-13)
    # SELU: lambda^2 (1/2 + alpha^2 E[e^(2Z); Z < 0]) = lambda^2 (1/2 + alpha^2 e^2 Phi(-2))
    lam, alpha = 1.0507009873554805, 1.6732632423543772
    selu = lam**2 * (0.5 + alpha**2 * math.exp(2) * ndtr(-2))
    assert P.rms_gain("selu") ** 2 == pytest.approx(selu, abs=1e-12)
    assert round(selu, 4) == 1.0716
    assert P.rms_gain("elu") ** 2 == pytest.approx(
        0.5 + math.exp(2) * ndtr(-2), abs=1e-12
    )
    for name in ("sigmoid", "tanh", "gelu", "silu"):
        expected = _mp_mean_square(MP_DERIVATIVE[name])
        assert P.rms_gain(name) ** 2 == pytest.approx(expected, abs=1e-12), name
    assert round(P.rms_gain("tanh") ** 2, 3) == 0.464
    assert P.rms_gain("step") == 0.0 and P.rms_gain("identity") == 1.0


def test_rms_gain_wider_preactivation():
    # for x * g(x) functions and ReLU the slope is scale-free: ReLU stays at 1/2
    assert P.rms_gain("relu", preactivation=3.0) ** 2 == pytest.approx(0.5, abs=1e-12)
    assert P.rms_gain("sigmoid", preactivation=3.0) < P.rms_gain("sigmoid")


def test_gradient_through_layers():
    depth = np.arange(1, 11)
    best = P.gradient_through_layers("sigmoid", 10, kind="best")
    np.testing.assert_allclose(best, 0.25**depth, rtol=1e-12)
    rms = P.gradient_through_layers("relu", 10, kind="rms")  # E[relu'^2] = 1/2
    np.testing.assert_allclose(rms, 0.5 ** (depth / 2), rtol=1e-10)
    geo = P.gradient_through_layers("leaky_relu", 10, kind="geometric")
    np.testing.assert_allclose(geo, 0.1**depth, rtol=1e-9)  # exp(log(0.01) / 2)
    assert not P.gradient_through_layers("relu", 3, kind="geometric").any()
    ident = P.gradient_through_layers("identity", 4, kind="geometric")
    np.testing.assert_allclose(ident, 1.0, rtol=1e-12)
    # a finite, decreasing geometric picture for a smooth function with a root of f'
    gelu = P.gradient_through_layers("gelu", 5, kind="geometric")
    assert np.all(np.isfinite(gelu)) and np.all(np.diff(gelu) < 0)


def test_gradient_through_layers_wider_preactivation_saturates_sigmoid():
    narrow = P.gradient_through_layers("sigmoid", 1, preactivation=0.5)[0]
    wide = P.gradient_through_layers("sigmoid", 1, preactivation=4.0)[0]
    assert wide < narrow < 0.25


# ------------------------------------------------------------- differentiability


@pytest.mark.parametrize("name", names())
def test_differentiability_fd_check(name):
    d = P.differentiability(name)
    act = get(name)
    assert d["class"] == act.meta.differentiability
    assert d["kinks"] == tuple(act.kinks())
    # C1 functions whose curvature jumps at 0 have an O(h) central-difference error
    tol = 1e-4 if d["class"] == "C1" else 1e-8
    assert d["max_fd_error"] < tol


def test_central_difference_error_at_a_jump_of_f2_shrinks_like_h():
    """differentiability.md: at x = 0 the relative error is h/4 for ELU and h for
    softsign (to first order), so it falls tenfold when h does."""
    for name, factor in (("elu", 0.25), ("softsign", 1.0)):
        f = get(name)
        for h in (1e-3, 1e-4, 1e-5):
            error = abs((f(h) - f(-h)) / (2 * h) / f.derivative(0.0) - 1)
            assert error == pytest.approx(factor * h, rel=2e-3)


# ------------------------------------------------------------------------- card


@pytest.mark.parametrize("name", names())
def test_property_card(name):
    card = P.property_card(name)
    lo, hi = card["output_range"]
    assert lo <= card["mean"] <= hi
    assert 0.0 <= card["prob_positive"] <= 1.0
    assert 0.0 <= card["dead_share"] <= card["flat_share"] <= 1.0
    assert card["flat_share"] == P.tail_share(card["flat_tails"])
    assert card["rms_gain"] <= card["max_abs_derivative"] + 1e-12
    assert card["max_abs_derivative"] >= 0
    assert card["relative_cost"] is None


def test_property_card_cost_argument():
    assert P.property_card("tanh", cost=3.5)["relative_cost"] == 3.5
    table = {"tanh": {"relative": 2.0, "ns_per_element": 1.0}}
    assert P.property_card(get("tanh"), cost=table)["relative_cost"] == 2.0


# ------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: P.flat_tails("tanh", threshold=0), "threshold"),
        (lambda: P.tail_share((-3, 3), interval=(1, 1)), "interval"),
        (lambda: P.rms_gain("tanh", preactivation=-1), "preact"),
        (lambda: P.max_abs_derivative("tanh", interval=(2, -2)), "interval"),
        (lambda: P.gradient_through_layers("tanh", 0), "depth"),
        (lambda: P.gradient_through_layers("tanh", 3, kind="mean"), "kind"),
        (lambda: P.gradient_through_layers("tanh", 3, preactivation=0), "preact"),
        (lambda: P.differentiability("tanh", points=1), "points"),
        (lambda: P.differentiability("tanh", exclude=0), "exclude"),
    ],
)
def test_bad_arguments(call, match):
    with pytest.raises(ValueError, match=match):
        call()
