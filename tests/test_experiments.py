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
    rate_sweep,
    same_sign_share,
    same_sign_steps,
    shifted,
    spirals_split,
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


def test_same_sign_steps():
    path = np.array(
        [[0.0, 0.0, 0.0], [1.0, 2.0, 3.0], [0.0, 1.0, 2.0], [1.0, 0.0, 2.0]]
    )
    # up, down, then a step that moves the weights in different directions
    assert same_sign_steps(path) == pytest.approx(2 / 3)
    assert same_sign_steps(path[:2]) == 1.0
    with pytest.raises(ValueError, match="two points"):
        same_sign_steps(path[:1])


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


def test_train_runs_per_run_curves_and_held_out_accuracy():
    from snippets.datasets import two_moons
    from snippets.nn import accuracy, train

    data, other = two_moons(100, seed=0), two_moons(300, seed=5)
    r = train_runs(
        "tanh", sizes=(2, 4, 1), data=data, lr=0.5, epochs=30, seeds=[3, 4],
        held_out={"other": other},
    )  # fmt: skip
    assert r["losses"].shape == (2, 30)
    assert np.array_equal(r["loss"], r["losses"].mean(axis=0))
    for i, seed in enumerate((3, 4)):  # the same network, trained directly
        model = MLP((2, 4, 1), "tanh", seed=seed, init="glorot")
        curve = train(model, *data, lr=0.5, epochs=30, record=False)["loss"]
        assert np.array_equal(r["losses"][i], curve)
        assert r["held_out_accuracies"]["other"][i] == accuracy(model, *other)
    assert "held_out_accuracies" not in train_runs("tanh", (2, 4, 1), epochs=5)


def test_spirals_split_draws_three_independent_sets():
    from snippets.datasets import spirals

    split = spirals_split()
    for part, n, seed in (
        ("train", 200, 0),
        ("test", 1000, 1),
        ("validation", 1000, 2),
    ):
        X, y = split[part]
        expected = spirals(n, turns=1.0, seed=seed)
        assert np.array_equal(X, expected[0]) and np.array_equal(y, expected[1])
    assert not np.isin(split["test"][0][:, 0], split["train"][0][:, 0]).any()


def test_rate_sweep_chooses_on_validation_and_reports_test():
    r = rate_sweep("relu", rates=(0.05, 1.0), epochs=40, seeds=[0, 1])
    split = spirals_split()
    for lr in (0.05, 1.0):
        runs = train_runs(
            "relu", (2, 16, 16, 1), data=split["train"], lr=lr, epochs=40,
            seeds=[0, 1], init="he",
            held_out={"v": split["validation"], "t": split["test"]},
        )  # fmt: skip
        assert np.array_equal(r["validation"][lr], runs["held_out_accuracies"]["v"])
        assert np.array_equal(r["test"][lr], runs["held_out_accuracies"]["t"])
    best = max((0.05, 1.0), key=lambda lr: r["validation"][lr].mean())
    assert r["chosen"] == best
    with pytest.raises(ValueError, match="rates"):
        rate_sweep("relu", rates=(0.0, 1.0))
    with pytest.raises(ValueError, match="two seeds"):
        rate_sweep("relu", seeds=[0])


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
        # every full-batch step moves all weights one way, alternately up and
        # down, with positive inputs; none does with centred inputs
        assert r["positive"]["same_sign_steps"] == 1.0
        assert r["centred"]["same_sign_steps"] == 0.0
        steps = np.diff(r["positive"]["path"], axis=0)
        up = (steps > 0).all(axis=1)
        assert bool((up[1:] != up[:-1]).all())


def test_zigzag_batch_errors_have_both_signs_at_every_step_for_d2():
    X, y = positive_inputs(2)
    path = zigzag(2)["positive"]["path"]
    errors = path[:-1] @ X.T - y  # one row per step, one column per example
    assert bool(((errors > 0).any(axis=1) & (errors < 0).any(axis=1)).all())


def test_zigzag_d5_lies_between_exercise_5():
    two, five, ten = zigzag(2), zigzag(5), zigzag(10)
    for key in ("iterations", "condition"):
        assert two["positive"][key] < five["positive"][key] < ten["positive"][key]


def test_relu_mean_is_about_0_4():
    assert mean_under_normal("relu") == pytest.approx(0.4, abs=0.01)


def test_sign_groups_named_on_the_page():
    from snippets.activations import names
    from snippets.properties import prob_negative, prob_positive

    centred = {"identity", "tanh", "softsign", "hard_tanh", "selu"}
    never_negative = {"sigmoid", "softplus", "hard_sigmoid"}
    half_zero = {"relu", "relu6"}
    half_negative = {
        "leaky_relu",
        "prelu",
        "elu",
        "celu",
        "gelu",
        "silu",
        "mish",
        "hard_swish",
    }
    for name in centred:
        assert abs(mean_under_normal(name)) < 1e-9
        assert prob_positive(name) == prob_negative(name) == pytest.approx(0.5)
    for name in never_negative | half_zero:
        assert prob_negative(name) == 0.0
    for name in never_negative:
        assert mean_under_normal(name) >= 0.5 - 1e-12
    assert prob_positive("log_sigmoid") == 0.0  # the mirror image
    for name in half_zero:
        assert prob_positive(name) == 0.5 and mean_under_normal(name) > 0
    means = {name: mean_under_normal(name) for name in half_negative}
    for name in half_negative:
        assert prob_negative(name) == pytest.approx(0.5, abs=0.002)
    assert {n for n, m in means.items() if m < 0.17} == {"elu", "celu", "hard_swish"}
    assert max(means, key=means.get) == "leaky_relu"
    assert 0.27 < sorted(means.values())[-3] == means["gelu"] < 0.29  # "to 0.28"
    assert 0.295 < means["prelu"] < 0.305  # "PReLU ... 0.30"
    assert means["leaky_relu"] > 0.98 * mean_under_normal("relu")  # next to ReLU
    # every function of the catalogue is in one group (gelu_tanh with GELU)
    grouped = centred | never_negative | half_zero | half_negative
    assert set(names()) - grouped == {"step", "log_sigmoid", "gelu_tanh"}


ETA_RUNS = {  # the runs of the table and the figure: label -> (activation, rate)
    "sigmoid, 1": ("sigmoid", 1.0),
    "sigmoid-1/2, 1": (shifted("sigmoid", -0.5), 1.0),
    "sigmoid, 4": ("sigmoid", 4.0),
    "sigmoid-1/2, 4": (shifted("sigmoid", -0.5), 4.0),
    "tanh+1, 1": (shifted("tanh", 1.0), 1.0),
    "tanh, 1": ("tanh", 1.0),
}


@pytest.fixture(scope="module")
def page_runs(request):
    """The page's runs, shared with its blocks (see ``page_training``)."""
    from conftest import page_training

    with page_training(request.config):
        return {
            label: train_runs(act, sizes=(2, 16, 16, 1), lr=lr, epochs=200)
            for label, (act, lr) in ETA_RUNS.items()
        }


def _epochs(runs):
    return np.array([epochs_to(curve, 0.3) for curve in runs["losses"]])


def test_sigmoid_against_tanh_claims(page_runs):
    ep = {k: _epochs(v) for k, v in page_runs.items()}
    assert all(None not in e for e in ep.values())  # every run gets below 0.3
    # at eta = 1 the sigmoid and sigmoid - 1/2 move together, near 100 epochs
    assert min(ep["sigmoid, 1"].min(), ep["sigmoid-1/2, 1"].min()) >= 80
    assert max(ep["sigmoid, 1"].max(), ep["sigmoid-1/2, 1"].max()) <= 105
    assert abs(np.median(ep["sigmoid, 1"]) - np.median(ep["sigmoid-1/2, 1"])) <= 10
    # at eta = 4, centring halves it ("about half"), in every seed
    ratio = ep["sigmoid, 4"] / ep["sigmoid-1/2, 4"]
    assert ratio.min() > 1.7 and ratio.max() < 2.5
    # with tanh's scale at eta = 1, several times earlier, in every seed
    assert (ep["tanh+1, 1"] / ep["tanh, 1"]).min() > 2.5
    assert np.median(ep["tanh+1, 1"]) / np.median(ep["tanh, 1"]) > 3
    # the scale is the larger effect at eta = 1: both sigmoid variants are slower
    # than both tanh variants in every seed ...
    slowest_tanh = max(ep["tanh+1, 1"].max(), ep["tanh, 1"].max())
    assert min(ep["sigmoid, 1"].min(), ep["sigmoid-1/2, 1"].min()) > 2 * slowest_tanh
    # ... and a rate four times larger closes part of the gap
    assert ep["sigmoid-1/2, 4"].max() < ep["sigmoid-1/2, 1"].min() / 2
    assert ep["sigmoid-1/2, 4"].min() > ep["tanh, 1"].max()
    # after 200 epochs tanh has the lower loss in four of the five seeds
    lower = (
        page_runs["tanh, 1"]["final_losses"] < page_runs["tanh+1, 1"]["final_losses"]
    )
    assert int(lower.sum()) == 4


def test_sigma_minus_half_network_is_a_rescaled_tanh_network():
    # Exercise 3: weights (2, 2, 4, 2, 2, 1) times those of the tanh network and
    # rates (4, 4, 16, 4, 4, 1) times its rate give the same path, step by step.
    from snippets.datasets import two_moons
    from snippets.nn import cross_entropy

    X, y = two_moons(200, seed=0)
    tanh_net = MLP((2, 16, 16, 1), "tanh", seed=0, init="glorot")
    half = MLP((2, 16, 16, 1), shifted("sigmoid", -0.5), seed=0, init="glorot")
    scale = (2.0, 2.0, 4.0, 2.0, 2.0, 1.0)  # W1, b1, W2, b2, W3, b3
    for p, q, c in zip(half.params(), tanh_net.params(), scale, strict=True):
        p[...] = c * q
    eta = 0.5
    for _ in range(30):
        losses = []
        for net, rates in ((tanh_net, [eta] * 6), (half, [eta * c * c for c in scale])):
            loss, dloss = cross_entropy(net.forward(X), y)
            net.backward(dloss)
            for p, g, rate in zip(net.params(), net.grads(), rates, strict=True):
                p -= rate * g
            losses.append(loss)
        assert losses[0] == pytest.approx(losses[1], rel=1e-10)
    for p, q, c in zip(half.params(), tanh_net.params(), scale, strict=True):
        assert np.allclose(p, c * q, rtol=1e-9, atol=1e-12)


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


def test_loss_curve_features_described_on_the_page(page_runs):
    # the jump in the first steps without negative outputs at a large rate; their
    # centred twins go down from the start
    for label in ("tanh+1, 1", "sigmoid, 4"):
        first = page_runs[label]["losses"][:, :6]
        assert bool((first.max(axis=1) > 1.5 * first[:, 0]).all()), label
        assert page_runs[label]["loss"][1:6].max() > 2 * page_runs[label]["loss"][0]
    for label in ("tanh, 1", "sigmoid-1/2, 4"):
        first = page_runs[label]["losses"][:, :6]
        assert bool((np.diff(first, axis=1) < 0).all()), label
    # later spikes: a single seed of tanh (near epoch 125), every seed of the
    # sigmoid at eta = 4 (between epochs 40 and 55)
    tanh = page_runs["tanh, 1"]["losses"]
    assert int((tanh[:, 10:].max(axis=1) > 1.0).sum()) == 1
    assert 120 <= np.argmax(page_runs["tanh, 1"]["loss"][10:]) + 11 <= 130
    sigmoid = page_runs["sigmoid, 4"]["losses"]
    peaks = np.argmax(sigmoid[:, 10:], axis=1) + 11  # epochs counted from 1
    assert bool(((peaks >= 40) & (peaks <= 55)).all())
    assert bool((sigmoid[:, 39:55].max(axis=1) > 2 * sigmoid[:, 35]).all())


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
