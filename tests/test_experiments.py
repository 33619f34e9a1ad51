"""The experiments of the zero-centred and plateau pages, and the claims made there."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import expit

from snippets.activations import get
from snippets.experiments import (
    bias_gradient_norms,
    born_dead_share,
    dead_units,
    descent_path,
    dying_relu,
    epochs_to,
    positive_inputs,
    quadratic_loss,
    same_sign_share,
    shifted,
    train_runs,
    zigzag,
)
from snippets.experiments.training import _MEMO
from snippets.nn import MLP, layer_gradient_norms
from snippets.properties import gradient_through_layers, mean_under_normal

# --------------------------------------------------------------------- helpers


def test_positive_inputs_are_sigmoid_outputs_and_centring_keeps_the_weights():
    X, y = positive_inputs(4, n=500, seed=3)
    Xc, yc = positive_inputs(4, n=500, centred=True, seed=3)
    assert X.shape == (500, 4) and bool(((X > 0) & (X < 1)).all())
    assert np.allclose(X.mean(axis=0), 0.5, atol=0.03)
    assert np.allclose(Xc, X - X.mean(axis=0))
    # same true weights and noise: the least-squares solutions nearly agree
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    wc = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    assert np.allclose(w, wc, atol=0.1)


def test_quadratic_loss_matches_the_direct_formula():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((30, 2)), rng.standard_normal(30)
    loss = quadratic_loss(X, y)
    W1, W2 = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-2, 2, 4))
    direct = np.array(
        [
            [np.sum((X @ [a, b] - y) ** 2) / 60 for a, b in zip(r1, r2, strict=True)]
            for r1, r2 in zip(W1, W2, strict=True)
        ]
    )
    assert np.allclose(loss(W1, W2), direct, rtol=1e-12)
    with pytest.raises(ValueError, match="weight arrays"):
        loss(W1)


@pytest.mark.parametrize(("a", "b"), [(1.0, 1.0), (1.0, 4.0), (0.5, 10.0)])
def test_descent_iterations_match_the_contraction_factor(a, b):
    # H = diag(a, b): with step 2/(a+b) both coordinates of the error shrink by
    # exactly (b-a)/(b+a) per step, so the count follows in closed form.
    X = np.sqrt(2.0) * np.diag(np.sqrt([a, b]))  # X^T X / n = diag(a, b), n = 2
    run = descent_path(X, np.array([1.0, -1.0]), tol=1e-3)
    q = (b - a) / (b + a)
    expected = 1 if q == 0 else math.ceil(math.log(1e-3) / math.log(q))
    assert run["iterations"] == expected
    assert run["condition"] == pytest.approx(b / a)
    assert run["path"].shape == (expected + 1, 2)
    assert np.allclose(
        run["path"][-1], run["minimum"], atol=2e-3 * np.abs(run["minimum"]).max()
    )


def test_descent_path_gives_up_and_checks_tol():
    X, y = positive_inputs(10)
    assert descent_path(X, y, max_iter=5)["iterations"] is None
    with pytest.raises(ValueError, match="tol"):
        descent_path(X, y, tol=1.5)


def test_same_sign_share():
    rng = np.random.default_rng(1)
    X = rng.uniform(0.1, 1.0, size=(100, 3))
    assert same_sign_share(X, rng.standard_normal(100)) == 1.0
    Xc = rng.standard_normal((4000, 2))
    assert same_sign_share(Xc, rng.standard_normal(4000)) == pytest.approx(
        0.5, abs=0.03
    )


def test_shifted_activations():
    x = np.linspace(-5, 5, 101)
    s = shifted("sigmoid", -0.5)
    assert np.allclose(s(x), np.tanh(x / 2) / 2, atol=1e-15)
    assert np.allclose(s.derivative(x), expit(x) * expit(-x))
    t = shifted("tanh", 1.0)
    assert bool((t(x) > 0).all())
    assert np.array_equal(t.derivative(x), get("tanh").derivative(x))
    assert repr(t) == "shifted('tanh', 1.0)"


def test_epochs_to():
    assert epochs_to([0.9, 0.5, 0.2], 0.3) == 3
    assert epochs_to([0.9, 0.5], 0.3) is None


def test_train_runs_is_deterministic_and_memo_returns_copies():
    a = train_runs("tanh", sizes=(2, 4, 1), epochs=20, seeds=[0, 1])
    a["loss"][:] = 0.0
    b = train_runs("tanh", sizes=(2, 4, 1), epochs=20, seeds=[0, 1])
    assert bool((b["loss"] > 0).all())
    _MEMO.clear()
    c = train_runs("tanh", sizes=(2, 4, 1), epochs=20, seeds=[0, 1])
    assert np.array_equal(b["loss"], c["loss"])
    assert b["final_losses"].shape == (2,) and c["accuracies"].shape == (2,)


def test_dead_units_and_bias_gradient_norms_against_direct_computation():
    net = MLP((2, 5, 3, 1), "relu", seed=0)
    X = np.random.default_rng(0).standard_normal((50, 2))
    net.layers[1].b[0] = -1e3
    dead = dead_units(net, X)
    assert dead.shape == (8,) and bool(dead[5]) and not dead[:5].all()
    from snippets.datasets import two_moons

    Xm, ym = two_moons(200, seed=0)
    model = MLP((2, 8, 8, 1), "tanh", seed=7, init="glorot")
    layer_gradient_norms(model, Xm, ym)
    direct = [np.linalg.norm(layer.db) for layer in model.layers]
    got = bias_gradient_norms("tanh", "glorot", depth=2, width=8, seeds=[7])
    assert np.allclose(got, direct, rtol=1e-12)


def test_born_dead_share_exact_small_cases():
    # positive 1-D data: one unit is dead iff its weight is negative (p = 1/2);
    # two layers of one unit: dead unless both weights are positive (p = 3/4)
    data = np.array([[0.5], [1.0], [2.0]])
    assert born_dead_share(1, 1, trials=20_000, data=data) == pytest.approx(
        0.5, abs=0.015
    )
    assert born_dead_share(1, 2, trials=20_000, data=data) == pytest.approx(
        0.75, abs=0.015
    )
    with pytest.raises(ValueError, match="width"):
        born_dead_share(0, 3)


def test_bad_arguments():
    with pytest.raises(ValueError, match="d >= 1"):
        positive_inputs(0)
    with pytest.raises(ValueError, match="noise"):
        positive_inputs(2, noise=-1)


# ------------------------------------------------ claims of zero-centred.md


def test_zigzag_numbers_on_the_page():
    two, ten = zigzag(2), zigzag(10)
    assert (two["positive"]["iterations"], two["centred"]["iterations"]) == (46, 3)
    assert (ten["positive"]["iterations"], ten["centred"]["iterations"]) == (305, 7)
    # every per-example gradient shares one sign with positive inputs
    assert two["positive"]["same_sign"] == ten["positive"]["same_sign"] == 1.0
    # centred: about half for d = 2, almost none for d = 10 (2 / 2^d)
    assert two["centred"]["same_sign"] == pytest.approx(0.5, abs=0.05)
    assert ten["centred"]["same_sign"] < 0.02
    # positive inputs: a much larger condition number
    for r in (two, ten):
        assert r["positive"]["condition"] > 10 * r["centred"]["condition"]


def test_zigzag_d5_lies_between_exercise_4():
    two, five, ten = zigzag(2), zigzag(5), zigzag(10)
    for key in ("iterations", "condition"):
        assert two["positive"][key] < five["positive"][key] < ten["positive"][key]


def test_relu_mean_is_about_0_4():
    assert mean_under_normal("relu") == pytest.approx(0.4, abs=0.01)


def _page_variants():
    variants = {
        "sigmoid": "sigmoid",
        "sigmoid-1/2": shifted("sigmoid", -0.5),
        "tanh+1": shifted("tanh", 1.0),
        "tanh": "tanh",
    }
    return {
        k: train_runs(a, sizes=(2, 16, 16, 1), lr=1.0, epochs=200, seeds=range(5))
        for k, a in variants.items()
    }


def test_sigmoid_against_tanh_claims():
    r = _page_variants()
    ep = {k: epochs_to(v["loss"], 0.3) for k, v in r.items()}
    final = {k: v["final_losses"].mean() for k, v in r.items()}
    # with tanh's slope, centring reaches the threshold several times earlier
    assert ep["tanh+1"] >= 3 * ep["tanh"]
    # with the sigmoid's slope, centring changes almost nothing
    assert abs(ep["sigmoid"] - ep["sigmoid-1/2"]) <= 0.1 * ep["sigmoid"]
    assert final["sigmoid"] == pytest.approx(final["sigmoid-1/2"], abs=0.005)
    # the slope weighs more: both sigmoids are far behind both tanh variants
    assert min(ep["sigmoid"], ep["sigmoid-1/2"]) > 2 * ep["tanh+1"]
    assert min(final["sigmoid"], final["sigmoid-1/2"]) > 3 * max(
        final["tanh"], final["tanh+1"]
    )
    # by the end tanh + 1 comes close to tanh
    assert final["tanh+1"] == pytest.approx(final["tanh"], abs=0.02)


# ---------------------------------------------------- claims of plateaus.md


def test_sigmoid_best_case_through_ten_layers_is_about_a_millionth():
    best = gradient_through_layers("sigmoid", 10, kind="best")[-1]
    assert best == pytest.approx(0.25**10)
    assert 5e-7 < best < 2e-6
    assert (0.25**9 > 1e-6) and (0.25**10 < 1e-6)  # exercise 2: L = 10


def test_gradient_per_layer_at_initialisation():
    setups = (("tanh", "glorot"), ("relu", "he"), ("gelu", "he"), ("selu", "lecun"))
    sig = bias_gradient_norms("sigmoid", "glorot", depth=10, width=64)[:-1]
    ratio = sig[-1] / sig[0]
    assert 1e5 < ratio < 1e6  # hundreds of thousands
    assert 3.5 < ratio ** (1 / 9) < 5.0  # about four per layer (Nielsen: 4-5)
    for name, init in setups:
        g = bias_gradient_norms(name, init, depth=10, width=64)[:-1]
        assert 0.8 < (g[-1] / g[0]) ** (1 / 9) < 1.25, name


def test_deep_sigmoid_stalls_where_tanh_and_relu_learn():
    sizes = (2, 32, 32, 32, 32, 32, 32, 1)
    runs = {
        name: train_runs(name, sizes=sizes, lr=0.1, epochs=300, seeds=[0], init=init)
        for name, init in (("sigmoid", "glorot"), ("tanh", "glorot"), ("relu", "he"))
    }
    assert runs["sigmoid"]["final_losses"][0] == pytest.approx(math.log(2), abs=1e-3)
    assert runs["sigmoid"]["accuracies"][0] < 0.6
    for name in ("tanh", "relu"):
        assert runs[name]["final_losses"][0] < 0.1
        assert runs[name]["accuracies"][0] > 0.95


def test_large_learning_rate_switches_units_off():
    relu_small = dying_relu("relu", lr=0.3, epochs=100, seeds=range(5))
    relu_large = dying_relu("relu", lr=3.0, epochs=100, seeds=range(5))
    leaky_large = dying_relu("leaky_relu", lr=3.0, epochs=100, seeds=range(5))
    assert relu_small["dead_after"] < 0.1
    assert relu_large["dead_after"] > 0.3
    assert relu_large["dead_after"] > 5 * relu_small["dead_after"]
    assert leaky_large["dead_after"] > 0.2  # almost as many are "off"


def test_bad_bias_init_kills_relu_and_slope_sets_recovery():
    relu = dying_relu("relu", lr=0.5, bias=-2.0, epochs=300, seeds=range(3))
    leaky = dying_relu("leaky_relu", lr=0.5, bias=-2.0, epochs=300, seeds=range(3))
    wide = dying_relu(
        get("leaky_relu", slope=0.1), lr=0.5, bias=-2.0, epochs=300, seeds=range(3)
    )
    assert relu["dead_before"] > 0.8 and relu["dead_after"] == relu["dead_before"]
    assert relu["final_loss"] == pytest.approx(math.log(2), abs=1e-9)
    assert relu["accuracy"] == 0.5
    assert leaky["final_loss"] > 0.65  # barely moves
    assert wide["final_loss"] < 0.3 and wide["accuracy"] > 0.85
    assert wide["dead_after"] < wide["dead_before"]  # revives some units


def test_born_dead_claims():
    shares = {
        (w, d): born_dead_share(w, d, trials=1000)
        for w, d in ((2, 2), (2, 5), (2, 10), (2, 20), (4, 10), (8, 10))
    }
    narrow = [shares[(2, d)] for d in (2, 5, 10, 20)]
    assert narrow == sorted(narrow)
    assert shares[(2, 10)] > 0.5  # most
    assert shares[(2, 20)] > 0.95  # almost all
    assert shares[(8, 10)] == 0.0  # none
    assert shares[(2, 10)] > shares[(4, 10)] > shares[(8, 10)]


def test_loss_curve_features_described_on_the_page():
    from snippets.datasets import two_moons
    from snippets.nn import train

    curves = _page_variants()
    first = curves["tanh+1"]["loss"]
    assert first[1] > 3 * first[0]  # the jump after the first step
    X, y = two_moons(200, seed=0)
    spiky = []
    for seed in range(5):
        model = MLP((2, 16, 16, 1), "tanh", seed=seed, init="glorot")
        loss = train(model, X, y, lr=1.0, epochs=200, record=False)["loss"]
        spiky.append(bool(loss[100:].max() > 1.0))
    assert sum(spiky) == 1  # tanh's late spike comes from a single seed


# ------------------------------------------------- normalisation and residual connections


def test_deep_sigmoid_network_learns_only_with_residual_connections():
    from snippets.experiments import deep_network_runs

    for kwargs in ({}, {"norm": "layer"}):  # stuck at ln 2, a constant answer
        r = deep_network_runs(**kwargs)
        assert np.allclose(r["final_losses"], math.log(2), atol=1e-3)
        assert np.all(r["output_ranges"] < 1e-4)
    assert deep_network_runs()["test_accuracies"].mean() < 0.5  # below 50 %
    r = deep_network_runs(residual=True)
    assert np.all(r["final_losses"] < 0.35) and np.all(r["test_accuracies"] > 0.8)
    assert np.all(r["output_ranges"] > 1)
    again = deep_network_runs(residual=True)
    again["loss"][:] = 0.0  # a copy: the remembered result is not touched
    assert np.all(deep_network_runs(residual=True)["loss"] > 0)


def test_layer_normalisation_keeps_a_sigmoid_layer_off_the_plateau():
    from snippets.nn import Dense

    X = np.random.default_rng(0).standard_normal((200, 64))
    shares = {}
    for scale in (1, 4, 16):
        for norm in (None, "layer"):
            layer = Dense(64, 64, "sigmoid", init="glorot", rng=0, norm=norm)
            layer.W *= scale
            layer.forward(X)
            shares[scale, norm] = np.mean(np.abs(layer.act.derivative(layer.u)) < 0.01)
    assert 0.7 < shares[16, None] < 0.8  # "three quarters"
    assert all(shares[scale, "layer"] == 0 for scale in (1, 4, 16))
