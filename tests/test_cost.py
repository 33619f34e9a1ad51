"""Cost measurement: sanity of the timings, the machine stamp, errors."""

from __future__ import annotations

import numpy as np
import pytest

from snippets import cost as C
from snippets.activations import get


def test_cost_sanity():
    table = C.cost_table(["relu", "sigmoid", "gelu"], size=10_000, repeats=3)
    assert list(table) == ["relu", "sigmoid", "gelu"]
    assert table["relu"]["relative"] == 1.0
    for row in table.values():
        assert np.isfinite(row["relative"]) and row["relative"] > 0
        assert np.isfinite(row["ns_per_element"]) and row["ns_per_element"] > 0
    r = C.relative_cost("relu", size=10_000, dtype="float64", repeats=5)
    assert np.isfinite(r) and 0.05 < r < 20  # sanity only: machines are noisy


def test_machine_stamp_and_transcendentals():
    stamp = C.machine_stamp(size=10, dtype="float64")
    assert stamp["numpy"] == np.__version__ and stamp["size"] == 10
    assert stamp["dtype"] == "float64" and stamp["cpu"]
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
    ],
)
def test_bad_arguments(call, match):
    with pytest.raises(ValueError, match=match):
        call()
