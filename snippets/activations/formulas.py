"""The formulas: each activation function ``f(x, **params)`` and its derivative
``d_f(x, **params)``, evaluated on a float NumPy array (`snippets.activations`
checks and converts the input, then calls these).

Accurate over the whole real line: exponentials only on branch-safe inputs
(``exp(minimum(x, 0))``, ``exp(-|x|)``), cancellations avoided with ``expm1``,
``log1p``, ``erfc`` and ``expit``, and the zeros of the derivatives of GELU, SiLU
and Mish recomputed from their Taylor series (`_near_zero`).
"""

from __future__ import annotations

import numpy as np
from scipy import special

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_LAMBDA = 1.0507009873554804934193349852946
_SQRT1_2 = 0.70710678118654752440  # 1/sqrt(2)
_INV_SQRT_2PI = 0.39894228040143267794  # 1/sqrt(2*pi)
_SQRT_2_PI = 0.79788456080286535588  # sqrt(2/pi)
_GELU_TANH_C = 0.044715
_BIG = 1000.0  # beyond |x| = 1000 every exponential tail below is exactly 0 or 1


# --------------------------------------------------------------------------- #
# Helpers
# --------------------------------------------------------------------------- #
def _keep_nan(x, d):
    """Return ``d`` with NaN wherever ``x`` is NaN (for piecewise-constant f')."""
    return np.where(np.isnan(x), x, d)


def _scaled(x, beta):
    """``beta * x`` without overflow: ``x`` clipped where the result saturates."""
    if beta == 1.0:
        return x
    lim = min(_BIG / beta, float(np.finfo(x.dtype).max))
    return beta * np.clip(x, -lim, lim)


def _mish_parts(x):
    """Return ``(t, n)`` with ``t = tanh(softplus(x)) = n / (n + 2)``, ``n = e(e+2)``.

    ``e = exp(x)`` is evaluated on ``min(x, 40)``: beyond 40, ``t`` is 1 to
    double precision, and ``n`` stays finite in float32 too.
    """
    e = np.exp(np.minimum(x, 40.0))
    n = e * (e + 2.0)
    return n / (n + 2.0), n, e


# Zeros of f' (the minima of GELU, SiLU, Mish) as double-double hi + lo, and the
# Taylor coefficients of f' there (highest power first, computed with mpmath).
_ROOT_WINDOW = 0.01
_ROOTS = {
    "gelu": (
        -0.7517915246935645,
        1.4956759177009883e-17,
        (
            -0.002239538068073497,
            0.004539228379125415,
            0.019421679838189067,
            -0.014771522148244337,
            -0.1140082332972217,
            -0.018199676398671087,
            0.388284982990552,
            0.4314939923140469,
        ),
    ),
    "gelu_tanh": (
        -0.7524614220710163,
        3.635560509207687e-17,
        (
            -0.0024227318458750974,
            0.005261059254921912,
            0.019682309459833118,
            -0.01661932834305256,
            -0.11394448308095899,
            -0.01578285352184803,
            0.38751844613578895,
            0.4304000910248585,
        ),
    ),
    "silu": (
        -1.2784645427610737,
        -1.0946994183093437e-16,
        (
            0.00018570724361186496,
            0.0007985218818397998,
            0.000126627410081122,
            -0.006606589138356696,
            -0.015222655223188032,
            0.018874814223782312,
            0.1466487969969469,
            0.2178117057198001,
        ),
    ),
    "mish": (
        -1.1924312145154952,
        -4.8484829848031044e-17,
        (
            0.0009898181021289196,
            0.0010924055409445854,
            -0.0033606849270232685,
            -0.01582112656173338,
            -0.020271822716684245,
            0.04190782104360987,
            0.20473126408010586,
            0.2669479140495345,
        ),
    ),
}


def _near_zero(x, d, name):
    """Recompute ``f'`` within 0.01 of its zero ``x0`` from the Taylor series there.

    Near ``x0`` the formula for ``f'`` adds two terms of opposite sign and keeps
    only an absolute accuracy of ~1e-17; ``f'(x) = sum_k c_k (x - x0)**k`` keeps
    the relative accuracy (``x - hi`` is exact there, by Sterbenz's lemma).
    """
    hi, lo, coeffs = _ROOTS[name]
    near = np.abs(x - hi) < _ROOT_WINDOW
    if near.any():
        d = np.array(d)  # writable copy (d may be a NumPy scalar)
        t = (x[near] - hi) - lo
        d[near] = t * np.polyval(coeffs, t)
    return d


# --------------------------------------------------------------------------- #
# The functions: f(x, **params) and df(x, **params); x is a float array
# --------------------------------------------------------------------------- #
def identity(x):
    return x.copy()


def d_identity(x):
    return _keep_nan(x, 1.0)


def step(x):
    return np.sign(np.clip(x, 0.0, np.inf))  # 1 for x > 0, 0 for x <= 0, NaN kept


def d_step(x):
    return _keep_nan(x, 0.0)


def sigmoid(x):
    return special.expit(x)


def d_sigmoid(x):
    return special.expit(x) * special.expit(-x)


def tanh(x):
    return np.tanh(x)


def d_tanh(x):
    e = np.exp(-2.0 * np.minimum(np.abs(x), _BIG))  # sech(x)**2 = 4e / (1+e)**2
    return 4.0 * e / (1.0 + e) ** 2


def relu(x):
    # Same as np.maximum(x, 0.0), which NumPy runs 3-8x slower than clip on some
    # CPUs (a scalar operand misses the fast loop); clip keeps NaN as well.
    return np.clip(x, 0.0, np.inf)


def d_relu(x):
    return step(x)


def leaky_relu(x, slope):
    with np.errstate(over="ignore"):  # |slope| > 1: inf is the rounded true value
        return np.where(x > 0, x, slope * x)


def d_leaky_relu(x, slope):
    return _keep_nan(x, np.where(x > 0, 1.0, slope))


def elu(x, alpha):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def d_elu(x, alpha):
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


def selu(x):
    with np.errstate(over="ignore"):  # x > 1.7e308 / lambda: inf is correctly rounded
        return SELU_LAMBDA * elu(x, SELU_ALPHA)


def d_selu(x):
    return SELU_LAMBDA * d_elu(x, SELU_ALPHA)


def celu(x, alpha):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0) / alpha))


def d_celu(x, alpha):
    return np.where(x > 0, 1.0, np.exp(np.minimum(x, 0.0) / alpha))


def gelu(x):
    x = np.maximum(x, -_BIG)  # GELU(-inf) = 0, not -inf * 0
    return 0.5 * x * special.erfc(-_SQRT1_2 * x)


def d_gelu(x):
    x = np.clip(x, -_BIG, _BIG)
    d = 0.5 * special.erfc(-_SQRT1_2 * x) + x * _INV_SQRT_2PI * np.exp(-0.5 * x * x)
    return _near_zero(x, d, "gelu")


def gelu_tanh(x):
    xc = np.clip(x, -_BIG, _BIG)  # tanh(u) = 2*sigmoid(2u) - 1, u ~ x**3
    u = _SQRT_2_PI * xc * (1.0 + _GELU_TANH_C * xc * xc)
    return np.maximum(x, -_BIG) * special.expit(2.0 * u)


def d_gelu_tanh(x):
    x = np.clip(x, -_BIG, _BIG)
    u = _SQRT_2_PI * x * (1.0 + _GELU_TANH_C * x * x)
    du = _SQRT_2_PI * (1.0 + 3.0 * _GELU_TANH_C * x * x)
    d = special.expit(2.0 * u) * (1.0 + 2.0 * x * du * special.expit(-2.0 * u))
    return _near_zero(x, d, "gelu_tanh")


def silu(x):
    x = np.maximum(x, -_BIG)
    return x * special.expit(x)


def d_silu(x):
    x = np.clip(x, -_BIG, _BIG)
    s = special.expit(x)  # 1 - s = sigmoid(-x) loses digits only where x (1 - s) << 1
    d = s * (1.0 + x * (1.0 - s))
    return _near_zero(x, d, "silu")


def mish(x):
    t, _, _ = _mish_parts(x)
    return np.maximum(x, -_BIG) * t


def d_mish(x):
    x = np.clip(x, -_BIG, _BIG)
    t, n, e = _mish_parts(x)
    sech2 = 2.0 / (n + 2.0) * (1.0 + t)  # 1 - t**2 = (1 - t)(1 + t)
    d = t + x * (e / (1.0 + e)) * sech2
    return _near_zero(x, d, "mish")


def softplus(x, beta):
    z = _scaled(np.abs(x), beta)
    return np.maximum(x, 0.0) + np.log1p(np.exp(-z)) / beta


def d_softplus(x, beta):
    return special.expit(_scaled(x, beta))


def softsign(x):
    # Beyond 2/eps (2**53 in float64), 1 + |x| is no longer exact and the ratio
    # steps backwards by whole units (found by hypothesis); there softsign(x) is
    # ±1 to the last digit anyway. Below, rounding of 1 + |x| can still reverse two
    # neighbours by one ulp (as in every library's x / (1 + |x|)).
    big = 2.0 / float(np.finfo(x.dtype).eps)
    x = np.clip(x, -big, big)
    return x / (1.0 + np.abs(x))


def d_softsign(x):
    d = 1.0 / (1.0 + np.abs(x))
    return d * d


def log_sigmoid(x):
    return np.minimum(x, 0.0) - np.log1p(np.exp(-np.abs(x)))  # -softplus(-x)


def d_log_sigmoid(x):
    return special.expit(-x)


def hard_sigmoid(x):
    return np.clip(x + 3.0, 0.0, 6.0) / 6.0


def d_hard_sigmoid(x):
    return _keep_nan(x, np.where((x > -3.0) & (x < 3.0), 1.0 / 6.0, 0.0))


def hard_tanh(x, min_val, max_val):
    return np.clip(x, min_val, max_val)


def d_hard_tanh(x, min_val, max_val):
    return _keep_nan(x, np.where((x > min_val) & (x < max_val), 1.0, 0.0))


def hard_swish(x):
    return np.maximum(x, -3.0) * (np.clip(x + 3.0, 0.0, 6.0) / 6.0)


def d_hard_swish(x):
    inner = (2.0 * np.clip(x, -3.0, 3.0) + 3.0) / 6.0  # on [-3, 3], as in PyTorch
    d = np.where(x < -3.0, 0.0, np.where(x <= 3.0, inner, 1.0))
    return _keep_nan(x, d)


def relu6(x):
    return np.clip(x, 0.0, 6.0)


def d_relu6(x):
    return _keep_nan(x, np.where((x > 0.0) & (x < 6.0), 1.0, 0.0))
