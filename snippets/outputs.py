"""The output layer: softmax, log-sum-exp and the losses, naive and stable.

The page "The output layer" uses these functions to show

* why the naive softmax ``exp(z) / sum(exp(z))`` and the naive log-sum-exp
  ``log(sum(exp(z)))`` overflow (`softmax_naive`, `logsumexp_naive`: deliberately
  naive, they warn and return ``inf``/``nan`` on large logits), and how
  subtracting the largest logit fixes them (`softmax`, `logsumexp`,
  `log_softmax`: no warning for any finite input, in float64 and float32);
* the losses computed from the logits, stably (`loss_from_logits`), and the
  naive way, through the probabilities (`cross_entropy_naive`,
  `binary_cross_entropy_naive`);
* the gradient of each output/loss pair with respect to the logits
  (`logit_gradient`): ``p - y`` for the sigmoid with binary cross-entropy and
  for the softmax with cross-entropy, ``2 (p - y) p (1 - p)`` for the sigmoid
  with the squared error, ``2 (z - y)`` for the identity with the squared
  error;
* what gradient descent on a confidently wrong logit does with each loss
  (`descend_logit`).

Losses are per example (no mean): a batch of ``n`` logits gives ``n`` losses.
Logits are ``z`` (shape ``(n,)`` for one output unit, ``(n, k)`` or ``(k,)``
for ``k`` classes); labels are ``y``.

Examples
--------
>>> import numpy as np
>>> softmax(np.array([1000.0, 999.0, 998.0])).round(4)
array([0.6652, 0.2447, 0.09  ])
>>> round(float(logsumexp(np.array([1000.0, 1000.0]))), 6)  # 1000 + log 2
1000.693147
"""

from __future__ import annotations

import math

import numpy as np
from scipy.special import expit

__all__ = [
    "PAIRS",
    "binary_cross_entropy_naive",
    "cross_entropy_naive",
    "descend_logit",
    "log_softmax",
    "logit_gradient",
    "logsumexp",
    "logsumexp_naive",
    "loss_from_logits",
    "softmax",
    "softmax_naive",
]

PAIRS = ("sigmoid_bce", "softmax_ce", "sigmoid_mse", "identity_mse")
"""Output activation and loss pairs: sigmoid with binary cross-entropy, softmax
with cross-entropy, sigmoid with squared error, identity with squared error."""


def _float_array(z, name="z"):
    """``z`` as an array of its own float dtype (integers become float64)."""
    a = np.asarray(z)
    if a.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be real numbers, got dtype {a.dtype}")
    if a.dtype.kind != "f":
        a = a.astype(np.float64)
    return a


def _check_axis(a, axis):
    if a.ndim == 0:
        raise ValueError("z must have at least one dimension (the logits of a layer)")
    if not isinstance(axis, int | np.integer) or not -a.ndim <= axis < a.ndim:
        raise ValueError(f"axis must be an integer in [{-a.ndim}, {a.ndim - 1}]")


def softmax_naive(z, axis=-1):
    """``exp(z) / sum(exp(z))`` as written: deliberately naive, for the page.

    It overflows when a logit exceeds about 709.78 in float64 (88.72 in float32):
    NumPy warns (``overflow encountered in exp``) and the result holds NaN
    (``inf / inf``). When every logit is very negative, every exponential
    rounds to 0 and the result is NaN too (``0 / 0``). Use `softmax`.

    Examples
    --------
    >>> softmax_naive(np.array([1.0, 2.0, 3.0])).round(4)
    array([0.09  , 0.2447, 0.6652])
    """
    a = _float_array(z)
    _check_axis(a, axis)
    e = np.exp(a)
    return e / np.sum(e, axis=axis, keepdims=True)


def logsumexp_naive(z, axis=-1):
    """``log(sum(exp(z)))`` as written: deliberately naive, for the page.

    ``inf`` (with NumPy's overflow warning) as soon as one exponential
    overflows; ``-inf`` (with a divide-by-zero warning) when they all round to
    zero. Use `logsumexp`.

    Examples
    --------
    >>> float(logsumexp_naive(np.array([0.0, 0.0])).round(6))
    0.693147
    """
    a = _float_array(z)
    _check_axis(a, axis)
    return np.log(np.sum(np.exp(a), axis=axis))


def _shifted(a, axis):
    """``z - m``, ``log1p(sum over j != argmax of exp(z_j - m))`` and the row maximum.

    Every ``z - m`` is <= 0, so no exponential overflows; the largest term,
    ``exp(0) = 1``, is left out of the sum and added by ``log1p``, which keeps
    full relative accuracy when the other terms are tiny. ``m`` is the row
    maximum, or 0 where that is not finite (the callers then use the maximum
    itself, or NaN).
    """
    top = np.max(a, axis=axis, keepdims=True)
    m = np.where(np.isfinite(top), top, 0).astype(a.dtype)
    with np.errstate(over="ignore", invalid="ignore"):
        shifted = a - m  # <= 0; may round to -inf, whose exp is 0
        e = np.exp(shifted)
    first = np.argmax(a, axis=axis, keepdims=True)
    np.put_along_axis(e, first, 0, axis=axis)  # leave out one term exp(0) = 1
    with np.errstate(invalid="ignore"):
        rest = np.log1p(np.sum(e, axis=axis, keepdims=True))
    return shifted, rest, top


def logsumexp(z, axis=-1):
    """``log(sum(exp(z)))`` computed without overflow or underflow.

    ``m + log(1 + sum_{j != argmax} exp(z_j - m))`` with ``m = max(z)``: every
    exponential is at most 1 and the sum lies between 1 and ``k``.

    Parameters
    ----------
    z : array_like
        Logits, real; float32 stays float32.
    axis : int, optional
        The axis of the classes.

    Returns
    -------
    numpy.ndarray
        The log-sum-exp, with ``axis`` removed. No warning for any finite
        input; ``+inf`` in a row gives ``inf``, a row of ``-inf`` gives ``-inf``,
        NaN gives NaN.

    Raises
    ------
    TypeError
        If ``z`` is not real.
    ValueError
        If ``z`` is 0-d or ``axis`` is out of range.

    Examples
    --------
    >>> float(logsumexp(np.array([1000.0, 999.0, 998.0])).round(6))
    1000.407606
    """
    a = _float_array(z)
    _check_axis(a, axis)
    _, rest, top = _shifted(a, axis)
    with np.errstate(invalid="ignore"):
        out = np.where(np.isfinite(top), top + rest, top)  # inf, -inf or NaN
    return np.squeeze(out, axis=axis).astype(a.dtype)


def log_softmax(z, axis=-1):
    """``log(softmax(z))`` computed directly: ``(z - m) - log1p(...)``.

    Accurate where ``softmax`` itself rounds to 0 (a logit far below the
    others gets a large negative number, not ``-inf``) and where it rounds to
    1 (a tiny negative number, not 0). Same shape, dtype and rule for rows
    whose largest logit is not finite as `softmax`.

    Examples
    --------
    >>> log_softmax(np.array([0.0, -800.0])).round(3)
    array([   0., -800.])
    """
    a = _float_array(z)
    _check_axis(a, axis)
    shifted, rest, top = _shifted(a, axis)
    with np.errstate(invalid="ignore"):
        return np.where(np.isfinite(top), shifted - rest, np.nan).astype(a.dtype)


def softmax(z, axis=-1):
    """``exp(z) / sum(exp(z))``, computed as ``exp(z - m) / sum(exp(z - m))``.

    Subtracting ``m = max(z)`` changes nothing mathematically (the factor
    ``exp(-m)`` cancels) and keeps every exponential at most 1, so nothing
    overflows and the sum is at least 1.

    Parameters
    ----------
    z : array_like
        Logits, real; float32 stays float32.
    axis : int, optional
        The axis of the classes.

    Returns
    -------
    numpy.ndarray
        Probabilities, the shape of ``z``; each row sums to 1. No warning for
        any input; a row whose largest logit is not finite (``+inf``, NaN, or
        every logit ``-inf``) gives NaN.

    Examples
    --------
    >>> softmax(np.array([100.0, 99.0, 98.0], dtype=np.float32)).dtype
    dtype('float32')
    """
    a = _float_array(z)
    _check_axis(a, axis)
    m = np.max(a, axis=axis, keepdims=True)
    finite = np.isfinite(m)
    m = np.where(finite, m, 0).astype(a.dtype)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        e = np.exp(a - m)
        p = e / np.sum(e, axis=axis, keepdims=True)
    return np.where(finite, p, np.nan).astype(a.dtype)


def _labels(y, n, k=None):
    """Labels as a 1-d array of length ``n``: 0/1, or classes 0..k-1."""
    y = np.asarray(y)
    if y.ndim > 1 or y.size != n:
        raise ValueError(
            f"y must hold one label per example ({n}), got shape {y.shape}"
        )
    y = y.reshape(n)
    if k is None:
        if not np.isin(y, (0, 1)).all():
            raise ValueError("y must hold the labels 0 and 1 for a sigmoid output")
        return y.astype(np.float64)
    if y.dtype.kind not in "iu" and not np.all(np.asarray(y, float) % 1 == 0):
        raise ValueError(f"y must hold integer classes 0 to {k - 1}")
    y = y.astype(np.int64)
    if y.min() < 0 or y.max() >= k:
        raise ValueError(f"y must hold integer classes 0 to {k - 1}, got {y.tolist()}")
    return y


def _check_pair(pair):
    if pair not in PAIRS:
        raise ValueError(f"pair must be one of {list(PAIRS)}, got {pair!r}")


def _prepare(z, y, pair):
    """Logits as (n,) or (n, k), labels as (n,), and whether z was one example."""
    _check_pair(pair)
    a = _float_array(z)
    if pair == "softmax_ce":
        single = a.ndim == 1
        a2 = a[None, :] if single else a
        if a2.ndim != 2 or a2.shape[1] < 2:
            raise ValueError(
                f"softmax_ce needs z of shape (k,) or (n, k), k >= 2, got {a.shape}"
            )
        return a2, _labels(y, a2.shape[0], a2.shape[1]), single
    single = a.ndim == 0
    a1 = a.reshape(-1) if a.ndim <= 1 else None
    if a1 is None:
        raise ValueError(
            f"{pair} needs z of shape (n,) (one logit per example), got {a.shape}"
        )
    if pair == "identity_mse":
        target = np.asarray(y, dtype=np.float64).reshape(-1)
        if target.shape != a1.shape:
            raise ValueError(f"y must hold one target per example ({a1.size})")
        return a1, target, single
    return a1, _labels(y, a1.size), single


def loss_from_logits(z, y, pair):
    """Loss of each example, computed from the logits, stably.

    * ``"sigmoid_bce"``: ``-y log p - (1 - y) log(1 - p)``, ``p = sigmoid(z)``,
      computed as ``log(1 + exp(-z))`` for ``y = 1`` and ``log(1 + exp(z))``
      for ``y = 0`` (``np.logaddexp``): accurate for every logit;
    * ``"softmax_ce"``: ``-log softmax(z)_y`` = ``-log_softmax(z)[y]``;
    * ``"sigmoid_mse"``: ``(sigmoid(z) - y)²``;
    * ``"identity_mse"``: ``(z - y)²`` (regression, ``y`` any real target).

    Parameters
    ----------
    z : array_like
        Logits: ``(n,)`` (or a scalar) for one output unit; ``(n, k)`` (or
        ``(k,)``, one example) for the softmax.
    y : array_like
        Labels 0/1 (sigmoid), classes ``0..k-1`` (softmax) or real targets
        (identity), one per example.
    pair : {"sigmoid_bce", "softmax_ce", "sigmoid_mse", "identity_mse"}
        Output activation and loss.

    Returns
    -------
    numpy.ndarray or float
        One loss per example (a float for one example).

    Raises
    ------
    ValueError
        Unknown pair, shapes that do not match, labels outside the valid set.

    Examples
    --------
    >>> float(loss_from_logits(-800.0, 1, "sigmoid_bce"))
    800.0
    >>> float(loss_from_logits([0.0, -800.0], 1, "softmax_ce"))
    800.0
    """
    a, y, single = _prepare(z, y, pair)
    if pair == "softmax_ce":
        out = -np.take_along_axis(log_softmax(a), y[:, None], axis=1)[:, 0]
    elif pair == "sigmoid_bce":
        out = np.logaddexp(0.0, (1.0 - 2.0 * y) * a)
    elif pair == "sigmoid_mse":
        out = (expit((1.0 - 2.0 * y) * a)) ** 2  # |sigmoid(z) - y|, no cancellation
    else:
        out = (a - y) ** 2
    return float(out[0]) if single else out


def logit_gradient(z, y, pair):
    """Derivative of each example's loss with respect to its logits.

    * ``"sigmoid_bce"`` and ``"softmax_ce"``: ``p - y`` (``y`` one-hot for the
      softmax);
    * ``"sigmoid_mse"``: ``2 (p - y) p (1 - p)``: the factor ``p (1 - p)``,
      the sigmoid's derivative, vanishes on a confident answer, right or wrong;
    * ``"identity_mse"``: ``2 (z - y)``.

    ``p - y`` is computed without cancellation: for ``y = 1`` as
    ``-sigmoid(-z)``, and ``p_y - 1`` of the softmax as minus the sum of the
    other probabilities.

    Parameters
    ----------
    z, y, pair
        As in `loss_from_logits`.

    Returns
    -------
    numpy.ndarray or float
        The shape of ``z`` (a float for one logit).

    Examples
    --------
    >>> float(logit_gradient(0.0, 1, "sigmoid_bce"))
    -0.5
    >>> logit_gradient([0.0, 0.0], 0, "softmax_ce")
    array([-0.5,  0.5])
    """
    a, y, single = _prepare(z, y, pair)
    if pair == "softmax_ce":
        p = softmax(a)
        rows = np.arange(a.shape[0])
        others = p.copy()
        others[rows, y] = 0.0
        g = p.copy()
        g[rows, y] = -others.sum(axis=1)
        return g[0] if single else g
    if pair == "identity_mse":
        g = 2.0 * (a - y)
    else:
        sign = 1.0 - 2.0 * y  # +1 for y = 0, -1 for y = 1
        diff = sign * expit(sign * a)  # p - y, without cancellation
        g = diff if pair == "sigmoid_bce" else 2.0 * diff * expit(a) * expit(-a)
    return float(g[0]) if single else g


def descend_logit(z0, y, pair, lr=1.0, steps=100):
    """Gradient descent on one logit, as if it were the only free parameter.

    Parameters
    ----------
    z0 : float
        The starting logit.
    y : float
        The label (or the target, for ``"identity_mse"``).
    pair : {"sigmoid_bce", "sigmoid_mse", "identity_mse"}
        Output activation and loss (one output unit).
    lr : float, optional
        Learning rate, > 0.
    steps : int, optional
        Number of steps, >= 1.

    Returns
    -------
    numpy.ndarray
        The logits ``z_0, z_1, ..., z_steps``.

    Examples
    --------
    >>> descend_logit(0.0, 1, "sigmoid_bce", lr=2.0, steps=1)
    array([0., 1.])
    """
    if pair == "softmax_ce":
        raise ValueError("descend_logit takes one logit: use a pair with one output")
    _check_pair(pair)
    if not (isinstance(lr, int | float | np.floating) and np.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a finite number > 0, got {lr!r}")
    if not isinstance(steps, int | np.integer) or steps < 1:
        raise ValueError(f"steps must be an integer >= 1, got {steps!r}")
    logit_gradient(z0, y, pair)  # checks y
    sign = 1.0 - 2.0 * float(y)  # the scalar formulas of `logit_gradient`
    path = np.empty(steps + 1)
    path[0] = z = float(z0)
    for i in range(steps):
        if pair == "identity_mse":
            grad = 2.0 * (z - y)
        else:
            grad = sign * _expit(sign * z)  # p - y
            if pair == "sigmoid_mse":
                grad *= 2.0 * _expit(z) * _expit(-z)
        z -= lr * grad
        path[i + 1] = z
    return path


def _expit(x):
    """The sigmoid of one Python float, without overflow."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def cross_entropy_naive(z, y):
    """``-log(softmax_naive(z)[y])``: deliberately naive, for the page.

    A logit far below the largest gives a probability that rounds to 0 and a
    loss of ``inf`` (NumPy warns: ``divide by zero encountered in log``); large
    logits overflow as in `softmax_naive`. Use
    ``loss_from_logits(z, y, "softmax_ce")``.

    Examples
    --------
    >>> round(cross_entropy_naive([0.0, 0.0], 1), 6)
    0.693147
    """
    a, y, single = _prepare(z, y, "softmax_ce")
    p = softmax_naive(a)
    out = -np.log(p[np.arange(a.shape[0]), y])
    return float(out[0]) if single else out


def binary_cross_entropy_naive(z, y):
    """``-y log p - (1 - y) log(1 - p)`` with ``p = 1 / (1 + exp(-z))``: naive.

    For a very negative logit ``exp(-z)`` overflows and ``p`` is 0; for a
    logit above about 36.7, ``p`` rounds to 1: either way a logarithm of 0,
    and a loss of ``inf`` or NaN (``0 * log 0``), with NumPy's warnings, where
    the true loss is finite. Use
    ``loss_from_logits(z, y, "sigmoid_bce")``.

    Examples
    --------
    >>> round(binary_cross_entropy_naive(0.0, 1), 6)
    0.693147
    """
    a, y, single = _prepare(z, y, "sigmoid_bce")
    p = 1.0 / (1.0 + np.exp(-a))
    out = -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
    return float(out[0]) if single else out
