"""Cost measurement: the timings' structure and sanity, the machine stamp,
the clock, errors (the fast formulations: tests/test_fast.py)."""

from __future__ import annotations

import sys
import time

import numpy as np
import pytest

from snippets import cost as C
from snippets.activations import get, names


def test_cost_sanity():
    table = C.cost_table(["relu", "sigmoid", "gelu"], size=10_000, repeats=3)
    assert list(table) == ["relu", "sigmoid", "gelu"]
    assert table["relu"]["relative"] == 1.0
    assert table["relu"]["relative_spread"] == [1.0, 1.0]
    for row in table.values():
        assert np.isfinite(row["relative"]) and row["relative"] > 0
        assert np.isfinite(row["ns_per_element"]) and row["ns_per_element"] > 0
        low, high = row["relative_spread"]
        assert low <= row["relative"] <= high
    r = C.relative_cost("relu", size=10_000, dtype="float64", repeats=5)
    assert np.isfinite(r) and 0.05 < r < 20  # sanity only: machines are noisy


@pytest.fixture(scope="module")
def layer():
    return C.layer_costs(batch=16, width=64, repeats=3)


def test_layer_costs_structure(layer):
    assert (layer["batch"], layer["width"], layer["repeats"]) == (16, 64, 3)
    assert layer["layer_ns_per_element"] > 0
    assert list(layer["functions"]) == list(names())
    relu = layer["functions"]["relu"]["registry"]
    assert relu["relative"] == 1.0 and relu["relative_spread"] == [1.0, 1.0]
    for name, row in layer["functions"].items():
        for kind in ("registry", "fast"):
            r = row[kind]
            assert r["ns_per_element"] > 0
            assert r["relative_spread"][0] <= r["relative"] <= r["relative_spread"][1]
            assert 0 < r["share_spread"][0] <= r["share"] <= r["share_spread"][1] < 1
        if C.FAST.get(name) is None:  # no faster code: the registry's numbers
            assert row["fast"] == row["registry"]


def test_layer_costs_times_relu_even_when_not_asked(layer):
    costs = C.layer_costs(["gelu"], batch=4, width=16, repeats=2)
    assert list(costs["functions"]) == ["gelu"]
    assert costs["functions"]["gelu"]["registry"]["relative"] > 0


def test_share_is_time_over_layer_plus_time(layer):
    # With one repeat the medians are the single timings, so the share and the
    # times per element are tied exactly: share = a / (layer + a).
    one = C.layer_costs(["tanh"], batch=8, width=32, repeats=1)
    a = one["functions"]["tanh"]["registry"]["ns_per_element"]
    lay = one["layer_ns_per_element"]
    assert one["functions"]["tanh"]["registry"]["share"] == pytest.approx(
        a / (lay + a), rel=1e-12
    )


# --- Machine stamp, errors -------------------------------------------------------


def test_machine_stamp_and_transcendentals():
    stamp = C.machine_stamp(size=10, dtype="float64")
    assert stamp["numpy"] == np.__version__ and stamp["size"] == 10
    assert stamp["dtype"] == "float64" and stamp["cpu"] and stamp["blas"]
    assert stamp["clock"] == f"time.{C.CLOCK.__name__}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux clock")
def test_on_linux_the_clock_leaves_out_time_given_to_other_programs():
    """The page: each call is timed with the thread's processor time, so a pause
    (here a sleep, as when the system runs another program) does not count."""
    assert C.CLOCK is time.thread_time
    assert time.get_clock_info("thread_time").resolution <= 1e-6
    times = C._time_calls({"sleep": lambda: time.sleep(0.02)}, repeats=3)
    assert max(times["sleep"]) < 0.005
    assert C.transcendental_count("relu") == 0
    assert C.transcendental_count("mish") == sum(
        get("mish").meta.transcendentals.values()
    )


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: C.relative_cost("tanh", size=-1), "size"),
        (lambda: C.relative_cost("tanh", size=10, repeats=0), "repeats"),
        (lambda: C.cost_table(["tanh"], size=10, dtype="int32"), "dtype"),
        (lambda: C.layer_costs(["tanh"], batch=0), "size"),
        (lambda: C.layer_costs(["tanh"], repeats=0), "repeats"),
        (lambda: C.layer_costs(["tnah"]), "valid names"),
    ],
)
def test_bad_arguments(call, match):
    with pytest.raises(ValueError, match=match):
        call()
