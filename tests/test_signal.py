"""snippets.signal against closed forms, mpmath, PyTorch's documented gains and
finite differences."""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest

from snippets import signal as S
from snippets.activations import get, names
from snippets.nn import INITS

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_LAMBDA = 1.0507009873554804934193349852946


def _phi(x):  # standard normal cdf, closed form
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


# --------------------------------------------------------------- closed forms


def test_relu_factors_are_one_half():
    assert S.forward_factor("relu") == pytest.approx(0.5, abs=1e-13)
    assert S.backward_factor("relu") == pytest.approx(0.5, abs=1e-13)


@pytest.mark.parametrize("slope", [0.01, 0.2, 0.5])
def test_leaky_relu_factors(slope):
    act = get("leaky_relu", slope=slope)
    assert S.forward_factor(act) == pytest.approx((1 + slope**2) / 2, abs=1e-13)
    assert S.backward_factor(act) == pytest.approx((1 + slope**2) / 2, abs=1e-13)


@pytest.mark.parametrize("std", [0.3, 1.0, 4.0])
def test_positively_homogeneous_functions_scale_with_the_variance(std):
    # relu(c z) = c relu(z): E[f(sZ)^2] = s^2 / 2, and f' does not change
    assert S.forward_factor("relu", std) == pytest.approx(std**2 / 2, rel=1e-12)
    assert S.backward_factor("relu", std) == pytest.approx(0.5, abs=1e-13)
    assert S.forward_factor("identity", std) == pytest.approx(std**2, rel=1e-12)


def test_selu_factors():
    # E[f^2] = 1 is what the constants are chosen for (Klambauer et al. 2017);
    # E[f'^2] = lambda^2 (1/2 + alpha^2 E[e^{2Z}; Z < 0]) = lambda^2 (1/2 + alpha^2 e^2 Phi(-2))
    assert S.forward_factor("selu") == pytest.approx(1.0, abs=1e-12)
    expected = SELU_LAMBDA**2 * (0.5 + SELU_ALPHA**2 * math.e**2 * _phi(-2.0))
    assert S.backward_factor("selu") == pytest.approx(expected, abs=1e-12)


def test_elu_factors():
    # E[(e^Z - 1)^2; Z < 0] = e^2 Phi(-2) - 2 e^{1/2} Phi(-1) + 1/2
    second = 0.5 + math.e**2 * _phi(-2.0) - 2 * math.exp(0.5) * _phi(-1.0) + 0.5
    assert S.forward_factor("elu") == pytest.approx(second, abs=1e-12)
    assert S.backward_factor("elu") == pytest.approx(
        0.5 + math.e**2 * _phi(-2.0), abs=1e-12
    )


def test_identity_and_step():
    assert S.forward_factor("identity") == pytest.approx(1.0, abs=1e-13)
    assert S.backward_factor("identity") == pytest.approx(1.0, abs=1e-13)
    assert S.forward_factor("step") == pytest.approx(0.5, abs=1e-13)
    assert S.backward_factor("step") == 0.0  # f' = 0 almost everywhere


# --------------------------------------------------------------------- mpmath


# 20 significant digits: the comparisons ask for 9 to 11, and the references come
# out the same, as floats, as at 30 digits (checked), in half the time.
MP_DIGITS = 20


def _mp_expect(g, std=1.0):
    with mp.workdps(MP_DIGITS):
        s = mp.mpf(std)

        def pdf(x):
            return mp.exp(-((x / s) ** 2) / 2) / (s * mp.sqrt(2 * mp.pi))

        cuts = [-mp.inf, -5 * s, -1 * s, 0, 1 * s, 5 * s, mp.inf]
        return float(mp.quad(lambda x: g(x) * pdf(x), cuts))


def _mp_sigmoid(x):
    return 1 / (1 + mp.exp(-x))


_MP = {  # f and f' from the definitions, for mpmath
    "sigmoid": (_mp_sigmoid, lambda x: _mp_sigmoid(x) * _mp_sigmoid(-x)),
    "tanh": (mp.tanh, lambda x: mp.sech(x) ** 2),
    "gelu": (
        lambda x: x * mp.ncdf(x),
        lambda x: mp.ncdf(x) + x * mp.npdf(x),
    ),
    "silu": (
        lambda x: x * _mp_sigmoid(x),
        lambda x: _mp_sigmoid(x) * (1 + x * _mp_sigmoid(-x)),
    ),
    "softplus": (lambda x: mp.log1p(mp.exp(x)), _mp_sigmoid),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2),
}


@pytest.mark.parametrize("name", sorted(_MP))
@pytest.mark.parametrize("std", [1.0, 2.5])
def test_factors_against_mpmath(name, std):
    f, d = _MP[name]
    assert S.forward_factor(name, std) == pytest.approx(
        _mp_expect(lambda x: f(x) ** 2, std), rel=1e-11, abs=1e-13
    )
    assert S.backward_factor(name, std) == pytest.approx(
        _mp_expect(lambda x: d(x) ** 2, std), rel=1e-11, abs=1e-13
    )


@pytest.mark.parametrize("name", names())
def test_every_registered_function_has_finite_factors(name):
    fwd, bwd = S.forward_factor(name), S.backward_factor(name)
    assert np.isfinite(fwd) and fwd > 0
    assert np.isfinite(bwd) and bwd >= 0


def test_bad_std():
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="std must be"):
            S.forward_factor("tanh", bad)
        with pytest.raises(ValueError, match="std must be"):
            S.backward_factor("tanh", bad)


# ------------------------------------------------------------- PyTorch's gains


def test_torch_gains_are_the_documented_literals():
    # torch.nn.init.calculate_gain, PyTorch documentation (torch/nn/init.py):
    # linear 1, sigmoid 1, tanh 5/3, relu sqrt(2), selu 3/4,
    # leaky_relu sqrt(2 / (1 + negative_slope^2)) with the default slope 0.01.
    assert S.torch_gain("identity") == 1
    assert S.torch_gain("sigmoid") == 1
    assert S.torch_gain("tanh") == pytest.approx(5 / 3, abs=0)
    assert S.torch_gain("relu") == pytest.approx(1.4142135623730951, abs=0)
    assert S.torch_gain("selu") == 0.75
    assert S.torch_gain("leaky_relu") == pytest.approx(math.sqrt(2 / 1.0001), abs=0)
    assert S.torch_gain(get("leaky_relu", slope=0.2)) == pytest.approx(
        math.sqrt(2 / 1.04), abs=0
    )
    for name in ("gelu", "silu", "elu", "softplus", "mish"):
        assert S.torch_gain(name) is None  # PyTorch: "Unsupported nonlinearity"


@pytest.mark.parametrize("act", ["relu", "leaky_relu", get("leaky_relu", slope=0.3)])
def test_rectifier_gains_compensate_both_factors_exactly(act):
    gain = S.torch_gain(act)
    assert gain**2 * S.forward_factor(act) == pytest.approx(1.0, abs=1e-12)
    assert gain**2 * S.backward_factor(act) == pytest.approx(1.0, abs=1e-12)


def test_tanh_and_selu_gains_are_not_the_factors():
    # 5/3 and 3/4 are rules of thumb: neither compensates E[f^2] or E[f'^2]
    for name in ("tanh", "selu"):
        gain = S.torch_gain(name)
        for factor in (S.forward_factor(name), S.backward_factor(name)):
            assert abs(gain - 1 / math.sqrt(factor)) > 0.05


# ------------------------------------------------------------- weight variance


@pytest.mark.parametrize(("fan_in", "fan_out"), [(1, 1), (300, 100), (64, 256)])
def test_weight_variances(fan_in, fan_out):
    assert S.weight_variance("lecun", fan_in, fan_out) == pytest.approx(1 / fan_in)
    assert S.weight_variance("he", fan_in, fan_out) == pytest.approx(2 / fan_in)
    assert S.weight_variance("glorot", fan_in, fan_out) == pytest.approx(
        2 / (fan_in + fan_out)
    )
    assert S.weight_variance("he", fan_in, fan_out, gain=3.0) == pytest.approx(
        18 / fan_in
    )
    for scheme, std in INITS.items():  # the standard deviations Dense uses
        assert std(fan_in, fan_out) ** 2 == pytest.approx(
            S.weight_variance(scheme, fan_in, fan_out)
        )


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (("xavier", 3, 3), "scheme must be one of"),
        (("he", 0, 3), "fan_in"),
        (("he", 3, 2.5), "fan_out"),
        (("he", 3, 3, 0.0), "gain"),
    ],
)
def test_weight_variance_bad_arguments(args, match):
    with pytest.raises(ValueError, match=match):
        S.weight_variance(*args)


# ----------------------------------------------------------------- fixed point


def _mp_fixed_point(f, d, gain):
    with mp.workdps(MP_DIGITS):
        g2 = mp.mpf(gain) ** 2

        def q_map(q):
            return g2 * _mp_expect_exact(lambda x: f(x) ** 2, mp.sqrt(q))

        q = mp.findroot(lambda q: q_map(q) - q, (0.01, 50), solver="illinois")
        chi = g2 * _mp_expect_exact(lambda x: d(x) ** 2, mp.sqrt(q))
        return float(q), float(chi)


def _mp_expect_exact(g, s):
    def pdf(x):
        return mp.exp(-((x / s) ** 2) / 2) / (s * mp.sqrt(2 * mp.pi))

    return mp.quad(lambda x: g(x) * pdf(x), [-mp.inf, -s, 0, s, mp.inf])


@pytest.mark.parametrize(
    ("name", "gain"), [("tanh", 5 / 3), ("tanh", 3.0), ("sigmoid", 1.0)]
)
def test_fixed_point_against_mpmath(name, gain):
    q, chi = _mp_fixed_point(*_MP[name], gain)
    fp = S.fixed_point(name, gain)
    assert fp["q"] == pytest.approx(q, rel=1e-9)
    assert fp["chi"] == pytest.approx(chi, rel=1e-9)


@pytest.mark.parametrize("gain", [0.5, 1.0])
def test_tanh_with_small_weights_fades_to_zero(gain):
    # q -> gain^2 E[tanh(sqrt(q) Z)^2] < q for every q > 0 when gain <= 1
    fp = S.fixed_point("tanh", gain)
    assert fp["q"] == 0.0 and fp["chi"] == pytest.approx(gain**2, abs=1e-15)


def test_fixed_point_refuses_unbounded_functions():
    with pytest.raises(ValueError, match="bounded activation"):
        S.fixed_point("relu", 1.4)
    with pytest.raises(ValueError, match="gain"):
        S.fixed_point("tanh", -1.0)


# ----------------------------------------------------------- the depth experiment


def test_relu_lecun_halves_and_he_keeps_the_second_moment():
    # E[relu(z)^2] = q/2: with variance 1/n the mean square halves at every
    # layer; with 2/n it stays (up to finite-width noise)
    lecun = S.signal_through_depth("relu", "lecun", depth=20)["second"].mean(axis=0)
    per_layer = (lecun[-1] / lecun[0]) ** (1 / 19)
    assert per_layer == pytest.approx(0.5, rel=0.05)
    he = S.signal_through_depth("relu", "he", depth=20)["second"].mean(axis=0)
    assert 0.3 < he[-1] / he[0] < 3


def test_selu_keeps_the_variance_near_one():
    r = S.signal_through_depth("selu", "lecun")
    assert np.all((r["second"] > 0.8) & (r["second"] < 1.2))


def test_sigmoid_spread_collapses_while_the_second_moment_stays():
    r = S.signal_through_depth("sigmoid", "glorot")
    assert np.all(r["spread"][:, -1] < 1e-20)
    # the second moment settles at the mean-field fixed point (about 0.26)
    q = S.fixed_point("sigmoid", 1.0)["q"]
    assert r["second"][:, 10:].mean() == pytest.approx(q, rel=0.1)


@pytest.mark.parametrize(("name", "gain"), [("sigmoid", 1.0), ("tanh", 3.0)])
def test_gradient_factor_per_layer_matches_mean_field(name, gain):
    # Away from the first and last layers, the mean square of dL/dz changes by
    # chi per layer (Poole et al. 2016; Schoenholz et al. 2017)
    g = S.signal_through_depth(name, "glorot", gain)["grad"]
    measured = np.exp(np.mean(2 * np.log(g[:, 5] / g[:, 25])) / 20)
    assert measured == pytest.approx(S.fixed_point(name, gain)["chi"], rel=0.1)


def test_same_seeds_same_matrices_and_cached_copies():
    a = S.signal_through_depth("tanh", depth=5, seeds=[3])
    b = S.signal_through_depth("tanh", depth=5, seeds=[3])
    for key in a:
        assert np.array_equal(a[key], b[key])
    a["grad"][:] = 0.0  # a copy: the cache is not touched
    assert np.all(S.signal_through_depth("tanh", depth=5, seeds=[3])["grad"] > 0)
    c = S.signal_through_depth("tanh", depth=5, seeds=[4])
    assert not np.array_equal(a["spread"], c["spread"])
    X, _, _ = S._draws(5, 128, 32, (3,))
    assert not X.flags.writeable


def test_accepts_an_activation_object():
    r = S.signal_through_depth(get("leaky_relu", slope=0.2), "he", depth=4)
    assert r["grad"].shape == (5, 4)


@pytest.mark.parametrize("norm", [None, "layer", "batch"])
@pytest.mark.parametrize("residual", [False, True])
def test_backward_matches_finite_differences(norm, residual):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 5, 4))
    R = rng.standard_normal((2, 5, 4))
    weights = [0.6 * rng.standard_normal((2, 4, 4)) for _ in range(3)]
    act = get("tanh")
    _, _, _, dX = S._propagate(act, weights, X, R, norm, residual)
    h, fd = 1e-6, np.zeros_like(X)
    for i in np.ndindex(X.shape):
        up, down = X.copy(), X.copy()
        up[i] += h
        down[i] -= h
        loss_up = S._propagate(act, weights, up, R, norm, residual)[2]
        loss_down = S._propagate(act, weights, down, R, norm, residual)[2]
        fd[i] = (loss_up - loss_down)[i[0]] / (2 * h)
    np.testing.assert_allclose(dX, fd, rtol=1e-6, atol=1e-8)


def test_normalisations_normalise_the_right_axis():
    rng = np.random.default_rng(1)
    z = 3.0 + 2.0 * rng.standard_normal((2, 6, 5))
    layer, _ = S._normaliser("layer", z.shape)
    batch, _ = S._normaliser("batch", z.shape)
    np.testing.assert_allclose(layer(z).mean(axis=2), 0.0, atol=1e-12)
    np.testing.assert_allclose(layer(z).var(axis=2), 1.0, rtol=1e-4)
    np.testing.assert_allclose(batch(z).mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(batch(z).var(axis=1), 1.0, rtol=1e-4)


def test_batch_normalisation_keeps_the_sigmoid_spread_and_gradient():
    plain = S.signal_through_depth("sigmoid")
    layer = S.signal_through_depth("sigmoid", norm="layer")
    batch = S.signal_through_depth("sigmoid", norm="batch")
    assert np.allclose(batch["spread"], 1.0, rtol=1e-3)  # by construction
    assert np.all(layer["spread"][:, -1] < 1e-15)  # one row's offset survives
    ratio = batch["grad"][:, 0] / batch["grad"][:, -1]
    assert np.all((ratio > 0.1) & (ratio < 10))
    assert np.all(plain["grad"][:, 0] < 1e-15 * plain["grad"][:, -1])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"init": "xavier"}, "init must be one of"),
        ({"norm": "group"}, "norm must be one of"),
        ({"depth": 0}, "depth"),
        ({"batch": 1}, "batch"),
        ({"width": 2.5}, "width"),
        ({"seeds": []}, "seeds"),
        ({"gain": 0.0}, "gain"),
    ],
)
def test_signal_through_depth_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        S.signal_through_depth("tanh", **kwargs)


def test_a_site_build_shares_the_computations(tmp_path, monkeypatch):
    # both languages of a build ask for the same numbers: computed once
    from scripts import sharing

    sharing.install()
    monkeypatch.setenv(sharing.SHARED_DIR_VARIABLE, str(tmp_path))
    first = S.forward_factor("softsign", 1.5)
    assert len(list(tmp_path.glob("call-*.pickle"))) == 1
    assert S.forward_factor("softsign", 1.5) == first
    S.fixed_point("sigmoid", 1.25)
    S.signal_through_depth("tanh", depth=3, width=8, batch=4, seeds=[9])
    assert len(list(tmp_path.glob("call-*.pickle"))) == 3


# ------------------------------------------- claims of the initialisation pages


def _range(name, init="glorot", gain=1.0, **kwargs):
    r = S.signal_through_depth(name, init, gain, **kwargs)
    return r["spread"][:, -1], r["grad"][:, 0] / r["grad"][:, -1]


def test_claims_about_the_thirty_layer_networks():
    spread, ratio = _range(
        "relu", "lecun"
    )  # "of the order of 1e-10", "tens of thousands"
    assert np.all((spread > 1e-11) & (spread < 1e-9)) and np.all(1 / ratio > 1e4)
    spread, ratio = _range("relu", "he")  # the gradient keeps its size; spread falls
    assert np.all((ratio > 0.5) & (ratio < 2)) and np.all(spread < 0.5)
    spread, ratio = _range("selu", "lecun")  # spread near 1, gradient grows a little
    assert np.all((spread > 0.8) & (spread < 1.2)) and np.all((ratio > 1) & (ratio < 5))
    spread, ratio = _range("tanh")  # less than a factor of 10 lost
    assert np.all(ratio > 0.1) and np.all(spread < 0.05)
    spread, ratio = _range(
        "tanh", gain=3.0
    )  # variance near 6, grows thousands of times
    assert np.all((spread > 5) & (spread < 7)) and np.all(ratio > 1e3)


def test_claims_about_the_sigmoid_network():
    r = S.signal_through_depth("sigmoid")
    spread, second, grad = (np.exp(np.log(r[k]).mean(axis=0)) for k in r)
    assert 0.25 < second[9:].mean() < 0.28  # "about 0.26"
    assert 0.05 < (spread[19] / spread[4]) ** (1 / 15) < 0.06  # "about 0.055"
    # the gradient's mean square: "0.0551", against the fixed point's chi
    assert round((grad[4] / grad[19]) ** (2 / 15), 4) == 0.0551
    assert round((grad[4] / grad[19]) ** (1 / 15), 3) == 0.235  # size: "0.235"
    ratio = _range("sigmoid")[1]  # "about 4 to 6 x 1e-19", per seed
    assert np.all((ratio > 4e-19) & (ratio < 6.5e-19))
    eps = np.finfo(float).eps
    assert eps < np.sqrt(spread[-1] / second[-1]) < 10 * eps  # "a few times 1e-16"


def test_claims_about_normalisation_at_initialisation():
    spread, ratio = _range("sigmoid", norm="layer")  # larger, still vanishing
    assert np.all(ratio < 1e-10) and np.all(ratio > _range("sigmoid")[1])
    spread, ratio = _range("sigmoid", norm="batch")  # more than half of its size
    assert np.all((ratio > 0.5) & (ratio < 1))
    spread, ratio = _range("sigmoid", residual=True)  # "grows about fourfold"
    assert np.all((ratio > 3.5) & (ratio < 4.5)) and np.all(spread > 1)


def test_claims_about_the_gradient_size_at_the_fixed_points():
    # sqrt(chi) per layer, (sqrt(chi))^29 over 29 layers; N(0, q*) in the flat tails
    from snippets.properties import flat_tails

    def flat_share(name, q):
        left, right = flat_tails(name)  # symmetric for both functions
        assert left == pytest.approx(-right, abs=1e-12)
        return math.erfc(right / math.sqrt(2 * q))  # 2 P(Z > right / sqrt(q))

    fp = S.fixed_point("sigmoid", 1.0)
    assert fp["chi"] ** 14.5 == pytest.approx(6.6e-19, rel=0.01)  # "6.6 x 1e-19"
    assert flat_share("sigmoid", fp["q"]) < 1e-6  # "practically none"
    fp = S.fixed_point("tanh", 3.0)
    assert 7500 < fp["chi"] ** 14.5 < 8500  # "about 8 thousand"
    share = flat_share("tanh", fp["q"])
    assert 1 / 3 < share < 0.5  # "more than a third" (and not most)
    assert (fp["chi"] / 9) ** 0.5 < 0.5  # tanh' passes on "less than half"


def test_the_sigmoid_reaches_the_edge_of_chaos_only_with_large_weights():
    # exercise 5: chi = 1 at g = 10.15, q* about 46, two thirds in the flat tails
    from scipy.optimize import brentq

    from snippets.properties import flat_tails

    edge = brentq(lambda g: S.fixed_point("sigmoid", g)["chi"] - 1, 5, 20)
    assert round(edge, 2) == 10.15
    q, chi = _mp_fixed_point(*_MP["sigmoid"], edge)  # independent reference
    assert chi == pytest.approx(1.0, abs=1e-8) and round(q) == 46
    flat = math.erfc(flat_tails("sigmoid")[1] / math.sqrt(2 * q))
    assert 0.66 < flat < 0.68  # "two thirds"


def test_claims_about_selu_with_gain_three_quarters():
    # exercise 3, for 30 and 100 layers: (ratio layer 1 / last, factor per layer
    # over the half near the output)
    def measure(gain, depth):
        r = S.signal_through_depth("selu", "lecun", gain, depth=depth)
        g, half = r["grad"], depth // 2
        late = (g[:, half] / g[:, -1]) ** (1 / (depth - 1 - half))
        return r["second"][:, -1], g[:, 0] / g[:, -1], late

    q, ratio, _ = measure(1.0, 30)
    assert np.all((ratio > 2) & (ratio < 3.1))  # "grows 2 to 3 times"
    q, ratio, _ = measure(0.75, 30)
    assert np.all((q > 0.01) & (q < 0.05))  # "a few hundredths"
    assert np.all((ratio > 0.245) & (ratio < 0.355))  # "0.25 to 0.35"
    q, ratio, late = measure(1.0, 100)
    assert np.all((late > 1.03) & (late < 1.045))  # "3 to 4 % at every layer"
    assert np.all((ratio > 29.5) & (ratio < 39.5))  # "30 to 39 times"
    q, ratio, late = measure(0.75, 100)
    assert np.all(np.abs(late - 1) < 0.01)  # "practically 1"
    assert np.all((ratio > 0.175) & (ratio < 0.525))  # "0.18 to 0.52"


def test_claims_about_the_gains():
    # 5/3: q* about 1.18 and chi about 1.21; 1/sqrt(E[tanh^2]) gives q* = 1, chi 1.18
    fp = S.fixed_point("tanh", 5 / 3)
    assert round(fp["q"], 2) == 1.18 and round(fp["chi"], 2) == 1.21
    fp = S.fixed_point("tanh", S.forward_factor("tanh") ** -0.5)
    assert fp["q"] == pytest.approx(1.0, abs=1e-9) and round(fp["chi"], 2) == 1.18
    fp = S.fixed_point("sigmoid", S.backward_factor("sigmoid") ** -0.5)
    assert round(fp["q"], 1) == 8.5 and fp["chi"] < 0.5  # "still below 1/2"
    # the sigmoid's backward factor: smallest after the step's and the hard sigmoid's
    order = sorted(names(), key=S.backward_factor)
    assert order[:3] == ["step", "hard_sigmoid", "sigmoid"]
