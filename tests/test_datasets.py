"""The small data sets: shapes, determinism, geometry, validation."""

from __future__ import annotations

import numpy as np
import pytest

from snippets.datasets import spirals, two_moons, xor


def test_classic_xor():
    X, y = xor()
    assert X.dtype == np.float64 and X.shape == (4, 2)
    assert y.tolist() == [0, 1, 1, 0]
    assert np.array_equal(y, np.logical_xor(X[:, 0], X[:, 1]).astype(int))
    X[0, 0] = 9.0  # callers get copies
    assert xor()[0][0, 0] == 0.0


def test_noisy_xor():
    X, y = xor(n_per_corner=10, noise=0.0, seed=1)
    assert X.shape == (40, 2) and np.bincount(y).tolist() == [20, 20]
    assert np.array_equal(y, np.logical_xor(X[:, 0], X[:, 1]).astype(int))
    Xn, _yn = xor(n_per_corner=10, noise=0.1, seed=1)
    assert not np.array_equal(X, Xn) and np.abs(Xn - np.round(Xn)).max() < 0.6


@pytest.mark.parametrize("make", [two_moons, spirals])
def test_shapes_and_determinism(make):
    X, y = make(101, seed=5)
    assert X.shape == (101, 2) and X.dtype == np.float64
    assert y.shape == (101,) and np.issubdtype(y.dtype, np.integer)
    assert np.bincount(y).tolist() == [50, 51]
    X2, y2 = make(101, seed=5)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    assert not np.array_equal(X, make(101, seed=6)[0])


def test_moons_geometry_without_noise():
    X, y = two_moons(200, noise=0.0)
    upper, lower = X[y == 0], X[y == 1]
    np.testing.assert_allclose(np.hypot(*upper.T), 1.0, rtol=1e-12)
    assert np.all(upper[:, 1] >= 0)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1, lower[:, 1] - 0.5), 1.0)
    assert np.all(lower[:, 1] <= 0.5)


def test_spirals_geometry_without_noise():
    turns = 2.0
    X, y = spirals(200, turns=turns, noise=0.0)
    r = np.hypot(*X.T)
    assert np.all((r >= 0.1) & (r <= 1.0))
    # angle = 2 pi turns r + pi y  (mod 2 pi)
    residue = np.arctan2(X[:, 1], X[:, 0]) - 2 * np.pi * turns * r - np.pi * y
    np.testing.assert_allclose(np.cos(residue), 1.0, atol=1e-12)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: xor(n_per_corner=0), "n_per_corner"),
        (lambda: xor(noise=0.1), "n_per_corner"),
        (lambda: xor(n_per_corner=3, noise=-1), "noise"),
        (lambda: two_moons(1), "n"),
        (lambda: two_moons(10.5), "n"),
        (lambda: two_moons(10, noise=float("nan")), "noise"),
        (lambda: spirals(10, turns=0), "turns"),
        (lambda: spirals(True), "n"),
    ],
)
def test_bad_arguments(call, match):
    with pytest.raises(ValueError, match=match):
        call()
