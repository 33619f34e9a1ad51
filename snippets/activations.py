"""Activation functions, their derivatives and their properties.

A small registry of the activation functions taught on the site. Every entry gives
the function, its derivative and a `Meta` record (names in Portuguese and
English, LaTeX, output range, smoothness, kinks, monotonicity, bounds, origin,
default and "exaggerated" parameters, transcendental operations per element).

Examples
--------
>>> from snippets.activations import get, names
>>> act = get("leaky_relu", slope=0.2)
>>> act([-1.0, 0.0, 2.0])
array([-0.2,  0. ,  2. ])
>>> act.derivative([-1.0, 2.0])
array([0.2, 1. ])
>>> act.name, act.params
('leaky_relu', {'slope': 0.2})
>>> names()[:4]
('identity', 'step', 'sigmoid', 'tanh')

Inputs and outputs
------------------
* Inputs may be Python numbers, (nested) lists or tuples, or NumPy arrays of any
  shape. ``float32`` gives ``float32``, ``float16`` gives ``float16`` (computed in
  ``float32``), ``float64`` gives ``float64``; integers, booleans, lists and
  Python numbers give ``float64``. Scalar (0-d) inputs give a NumPy scalar such
  as ``np.float64``.
* No warning is emitted for any input (``±inf``, ``±1e308``, NaN, huge
  ``float32``); NaN gives NaN (for the derivative too) and ``±inf`` gives the
  limit, e.g. ``sigmoid(inf) = 1``, ``elu(-inf) = -alpha``.
* Complex numbers, strings, ``None`` and other objects raise ``TypeError``.

Accuracy
--------
In ``float64`` the function and its derivative are within a relative error of
``1e-12`` of the exact value (checked against ``mpmath`` at 50 digits), except
(i) near a zero of the derivative (the minimum of GELU, SiLU, Mish), where the
absolute error is below ``1e-16``, and (ii) for true values below ``1e-300`` in
magnitude, which may underflow to zero. Exponentials are always evaluated on
branch-safe inputs (``exp(minimum(x, 0))``, ``exp(-|x|)``) and cancellations are
avoided with ``expm1``, ``log1p``, ``erfc`` and ``expit``.

Convention at kinks
-------------------
Where the derivative does not exist, `Activation.derivative` returns what
PyTorch's autograd returns:

* ``relu'(0) = 0``; ``leaky_relu'(0) = prelu'(0) = slope`` (the ``x <= 0``
  branch: PyTorch's kernels test ``x > 0``); ``relu6'(0) = relu6'(6) = 0``;
* ``hard_tanh'(min_val) = hard_tanh'(max_val) = 0``; ``hard_sigmoid'(±3) = 0``;
* ``hard_swish'(x) = (2x + 3)/6`` on the closed interval ``[-3, 3]``, so
  ``hard_swish'(-3) = -0.5`` and ``hard_swish'(3) = 1.5``;
* ``elu'(0) = alpha`` and ``selu'(0) = lambda * alpha`` (the left branch);
  ``celu'(0) = 1`` (CELU is continuously differentiable);
* ``step(0) = 0`` and ``step'(x) = 0`` everywhere, including ``x = 0`` where it
  is mathematically undefined: the step function has no useful gradient.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from numbers import Real
from typing import Any

import numpy as np
from scipy import special

__all__ = ["Activation", "Meta", "get", "names"]

INF = math.inf
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_LAMBDA = 1.0507009873554804934193349852946
_SQRT1_2 = 0.70710678118654752440  # 1/sqrt(2)
_INV_SQRT_2PI = 0.39894228040143267794  # 1/sqrt(2*pi)
_SQRT_2_PI = 0.79788456080286535588  # sqrt(2/pi)
_GELU_TANH_C = 0.044715
_BIG = 1000.0  # beyond |x| = 1000 every exponential tail below is exactly 0 or 1


# --------------------------------------------------------------------------- #
# Metadata
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class Meta:
    """Properties of an activation function for its default parameters.

    Attributes
    ----------
    display : dict
        Human-readable name, ``{"pt": ..., "en": ...}``.
    latex : str
        LaTeX of the function (converted to MathML on the site), parameters as symbols.
    latex_derivative : str
        LaTeX of the derivative.
    output_range : tuple of float
        ``(inf, sup)`` of the function's values for the default parameters
        (``-inf``/``inf`` when unbounded; open or closed is not recorded).
    differentiability : str
        ``"discontinuous"``, ``"kinks"`` (continuous with corners), ``"C1"``
        (continuous derivative, second derivative jumps) or ``"smooth"``.
    kinks : tuple of float
        Points where the derivative does not exist (default parameters).
    monotonic : bool
        Whether the function is non-decreasing.
    bounded_above, bounded_below : bool
        Whether the function is bounded above / below.
    origin : str or None
        Key, in the site's bibliography (`snippets.bibliography`), of the work
        that introduced the function (in the form defined here) or popularised
        it; ``None`` when there is no single such work. Citations live in one bibliography file and are cited
        by key: `snippets.tables.origin` writes the full reference.
    see_also : tuple of str
        Keys of related works: earlier or later forms, the work that spread it.
    defaults : dict
        Default parameters (PyTorch's defaults); empty if parameter-free.
    exaggerated : dict
        Parameters that make the parameter's effect visible in a plot.
    transcendentals : dict
        Transcendental operations per element in the textbook formula,
        e.g. ``{"exp": 1}``.
    kink_convention : dict
        ``{"pt": ..., "en": ...}``: what `Activation.derivative` returns
        where the derivative does not exist (PyTorch's autograd convention).
    """

    display: dict
    latex: str
    latex_derivative: str
    output_range: tuple
    differentiability: str
    kinks: tuple
    monotonic: bool
    bounded_above: bool
    bounded_below: bool
    origin: str | None
    see_also: tuple = ()
    defaults: dict = field(default_factory=dict)
    exaggerated: dict = field(default_factory=dict)
    transcendentals: dict = field(default_factory=dict)
    kink_convention: dict = field(default_factory=dict)


_NO_KINKS = {"pt": "Sem pontos angulosos.", "en": "No kinks."}


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
def _identity(x):
    return x.copy()


def _d_identity(x):
    return _keep_nan(x, 1.0)


def _step(x):
    return np.sign(np.clip(x, 0.0, np.inf))  # 1 for x > 0, 0 for x <= 0, NaN kept


def _d_step(x):
    return _keep_nan(x, 0.0)


def _sigmoid(x):
    return special.expit(x)


def _d_sigmoid(x):
    return special.expit(x) * special.expit(-x)


def _tanh(x):
    return np.tanh(x)


def _d_tanh(x):
    e = np.exp(-2.0 * np.minimum(np.abs(x), _BIG))  # sech(x)**2 = 4e / (1+e)**2
    return 4.0 * e / (1.0 + e) ** 2


def _relu(x):
    # Same as np.maximum(x, 0.0), which NumPy runs 3-8x slower than clip on some
    # CPUs (a scalar operand misses the fast loop); clip keeps NaN as well.
    return np.clip(x, 0.0, np.inf)


def _d_relu(x):
    return _step(x)


def _leaky_relu(x, slope):
    with np.errstate(over="ignore"):  # |slope| > 1: inf is the rounded true value
        return np.where(x > 0, x, slope * x)


def _d_leaky_relu(x, slope):
    return _keep_nan(x, np.where(x > 0, 1.0, slope))


def _elu(x, alpha):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def _d_elu(x, alpha):
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


def _selu(x):
    with np.errstate(over="ignore"):  # x > 1.7e308 / lambda: inf is correctly rounded
        return SELU_LAMBDA * _elu(x, SELU_ALPHA)


def _d_selu(x):
    return SELU_LAMBDA * _d_elu(x, SELU_ALPHA)


def _celu(x, alpha):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0) / alpha))


def _d_celu(x, alpha):
    return np.where(x > 0, 1.0, np.exp(np.minimum(x, 0.0) / alpha))


def _gelu(x):
    x = np.maximum(x, -_BIG)  # GELU(-inf) = 0, not -inf * 0
    return 0.5 * x * special.erfc(-_SQRT1_2 * x)


def _d_gelu(x):
    x = np.clip(x, -_BIG, _BIG)
    d = 0.5 * special.erfc(-_SQRT1_2 * x) + x * _INV_SQRT_2PI * np.exp(-0.5 * x * x)
    return _near_zero(x, d, "gelu")


def _gelu_tanh(x):
    xc = np.clip(x, -_BIG, _BIG)  # tanh(u) = 2*sigmoid(2u) - 1, u ~ x**3
    u = _SQRT_2_PI * xc * (1.0 + _GELU_TANH_C * xc * xc)
    return np.maximum(x, -_BIG) * special.expit(2.0 * u)


def _d_gelu_tanh(x):
    x = np.clip(x, -_BIG, _BIG)
    u = _SQRT_2_PI * x * (1.0 + _GELU_TANH_C * x * x)
    du = _SQRT_2_PI * (1.0 + 3.0 * _GELU_TANH_C * x * x)
    d = special.expit(2.0 * u) * (1.0 + 2.0 * x * du * special.expit(-2.0 * u))
    return _near_zero(x, d, "gelu_tanh")


def _silu(x):
    x = np.maximum(x, -_BIG)
    return x * special.expit(x)


def _d_silu(x):
    x = np.clip(x, -_BIG, _BIG)
    s = special.expit(x)  # 1 - s = sigmoid(-x) loses digits only where x (1 - s) << 1
    d = s * (1.0 + x * (1.0 - s))
    return _near_zero(x, d, "silu")


def _mish(x):
    t, _, _ = _mish_parts(x)
    return np.maximum(x, -_BIG) * t


def _d_mish(x):
    x = np.clip(x, -_BIG, _BIG)
    t, n, e = _mish_parts(x)
    sech2 = 2.0 / (n + 2.0) * (1.0 + t)  # 1 - t**2 = (1 - t)(1 + t)
    d = t + x * (e / (1.0 + e)) * sech2
    return _near_zero(x, d, "mish")


def _softplus(x, beta):
    z = _scaled(np.abs(x), beta)
    return np.maximum(x, 0.0) + np.log1p(np.exp(-z)) / beta


def _d_softplus(x, beta):
    return special.expit(_scaled(x, beta))


def _softsign(x):
    # Beyond 2/eps (2**53 in float64), 1 + |x| is no longer exact and the ratio
    # steps backwards by whole units (found by hypothesis); there softsign(x) is
    # ±1 to the last digit anyway. Below, rounding of 1 + |x| can still reverse two
    # neighbours by one ulp (as in every library's x / (1 + |x|)).
    big = 2.0 / float(np.finfo(x.dtype).eps)
    x = np.clip(x, -big, big)
    return x / (1.0 + np.abs(x))


def _d_softsign(x):
    d = 1.0 / (1.0 + np.abs(x))
    return d * d


def _log_sigmoid(x):
    return np.minimum(x, 0.0) - np.log1p(np.exp(-np.abs(x)))  # -softplus(-x)


def _d_log_sigmoid(x):
    return special.expit(-x)


def _hard_sigmoid(x):
    return np.clip(x + 3.0, 0.0, 6.0) / 6.0


def _d_hard_sigmoid(x):
    return _keep_nan(x, np.where((x > -3.0) & (x < 3.0), 1.0 / 6.0, 0.0))


def _hard_tanh(x, min_val, max_val):
    return np.clip(x, min_val, max_val)


def _d_hard_tanh(x, min_val, max_val):
    return _keep_nan(x, np.where((x > min_val) & (x < max_val), 1.0, 0.0))


def _hard_swish(x):
    return np.maximum(x, -3.0) * (np.clip(x + 3.0, 0.0, 6.0) / 6.0)


def _d_hard_swish(x):
    inner = (2.0 * np.clip(x, -3.0, 3.0) + 3.0) / 6.0  # on [-3, 3], as in PyTorch
    d = np.where(x < -3.0, 0.0, np.where(x <= 3.0, inner, 1.0))
    return _keep_nan(x, d)


def _relu6(x):
    return np.clip(x, 0.0, 6.0)


def _d_relu6(x):
    return _keep_nan(x, np.where((x > 0.0) & (x < 6.0), 1.0, 0.0))


# --------------------------------------------------------------------------- #
# Parameters
# --------------------------------------------------------------------------- #
def _real(name, value):
    """Validate a parameter: a finite real number (not bool); return a float."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(
            f"parameter {name!r} must be a real number, got {value!r} "
            f"of type {type(value).__name__}"
        )
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"parameter {name!r} must be finite, got {value!r}")
    return value


def _positive(name, value):
    """Validate a parameter: a finite real number > 0; return a float."""
    value = _real(name, value)
    if value <= 0:
        raise ValueError(f"parameter {name!r} must be > 0, got {value!r}")
    return value


def _check_hard_tanh(p):
    if not p["min_val"] < p["max_val"]:
        raise ValueError(
            f"hard_tanh needs min_val < max_val, got min_val={p['min_val']!r}, "
            f"max_val={p['max_val']!r}"
        )


# --------------------------------------------------------------------------- #
# The registry: one entry per function, in teaching order
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class _Entry:
    f: Callable
    df: Callable
    meta: Meta
    rules: dict = field(default_factory=dict)  # parameter -> validator
    check: Callable | None = None  # cross-parameter validation
    output_range: Callable | None = None  # params -> (inf, sup)
    kinks: Callable | None = None  # params -> tuple of kinks


_KINK_PT = "Em {where}, a derivada retornada é {value} (convenção do PyTorch)."
_KINK_EN = "At {where} the derivative returned is {value} (PyTorch's convention)."


def _kc(where, value, where_pt=None, value_pt=None):
    return {
        "pt": _KINK_PT.format(where=where_pt or where, value=value_pt or value),
        "en": _KINK_EN.format(where=where, value=value),
    }


_REGISTRY: dict[str, _Entry] = {
    "identity": _Entry(
        _identity,
        _d_identity,
        Meta(
            display={"pt": "Identidade (linear)", "en": "Identity (linear)"},
            latex=r"f(x) = x",
            latex_derivative=r"f'(x) = 1",
            output_range=(-INF, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=False,
            bounded_below=False,
            origin=None,  # the linear neuron: no single work of origin
            kink_convention=_NO_KINKS,
        ),
    ),
    "step": _Entry(
        _step,
        _d_step,
        Meta(
            display={"pt": "Degrau (Heaviside)", "en": "Step (Heaviside)"},
            latex=r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
            latex_derivative=(
                r"f'(x) = 0 \quad (x \ne 0;\ \text{undefined at } x = 0)"
            ),
            output_range=(0.0, 1.0),
            differentiability="discontinuous",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="mcculloch1943",
            see_also=("rosenblatt1958",),
            kink_convention={
                "pt": "f(0) = 0 e f'(x) = 0 em toda parte, inclusive em x = 0, "
                "onde a derivada não existe: o degrau não tem gradiente útil.",
                "en": "f(0) = 0 and f'(x) = 0 everywhere, including x = 0 where "
                "the derivative does not exist: the step has no useful "
                "gradient.",
            },
        ),
    ),
    "sigmoid": _Entry(
        _sigmoid,
        _d_sigmoid,
        Meta(
            display={"pt": "Sigmoide (logística)", "en": "Sigmoid (logistic)"},
            latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
            latex_derivative=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
            output_range=(0.0, 1.0),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="rumelhart1986",
            see_also=("verhulst1838",),
            transcendentals={"exp": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "tanh": _Entry(
        _tanh,
        _d_tanh,
        Meta(
            display={"pt": "Tangente hiperbólica", "en": "Hyperbolic tangent"},
            latex=r"f(x) = \tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
            latex_derivative=r"f'(x) = 1 - \tanh^2 x = \operatorname{sech}^2 x",
            output_range=(-1.0, 1.0),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="lecun1998",
            transcendentals={"tanh": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "relu": _Entry(
        _relu,
        _d_relu,
        Meta(
            display={
                "pt": "Unidade linear retificada (ReLU)",
                "en": "Rectified linear unit (ReLU)",
            },
            latex=r"f(x) = \max(0, x)",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x < 0 "
            r"\end{cases}",
            output_range=(0.0, INF),
            differentiability="kinks",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="nair2010",
            see_also=("fukushima1969", "glorot2011"),
            kink_convention=_kc("x = 0", "0"),
        ),
    ),
    "leaky_relu": _Entry(
        _leaky_relu,
        _d_leaky_relu,
        Meta(
            display={"pt": "ReLU com vazamento", "en": "Leaky ReLU"},
            latex=r"f(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ a & x < 0 "
            r"\end{cases}",
            output_range=(-INF, INF),
            differentiability="kinks",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=False,
            bounded_below=False,
            origin="maas2013",
            see_also=("he2015",),
            defaults={"slope": 0.01},
            exaggerated={"slope": 0.2},
            kink_convention=_kc("x = 0", "the slope", "x = 0", "a inclinação"),
        ),
        rules={"slope": _real},
        output_range=lambda p: (-INF, INF) if p["slope"] > 0 else (0.0, INF),
        kinks=lambda p: (0.0,) if p["slope"] != 1 else (),
    ),
    "prelu": _Entry(  # Leaky ReLU's formulas; the slope is learned (snippets.gated)
        _leaky_relu,
        _d_leaky_relu,
        Meta(
            display={"pt": "ReLU paramétrica (PReLU)", "en": "Parametric ReLU (PReLU)"},
            latex=r"f(x) = \max(0, x) + a\,\min(0, x) = \begin{cases} x & x > 0 \\ "
            r"a\,x & x \le 0 \end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ a & x < 0 "
            r"\end{cases}, \qquad \frac{\partial f}{\partial a} = \min(0, x)",
            output_range=(-INF, INF),
            differentiability="kinks",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=False,
            bounded_below=False,
            origin="he2015",
            defaults={"slope": 0.25},
            exaggerated={"slope": -0.25},
            kink_convention={
                "pt": "Em x = 0, a derivada retornada é a inclinação a, a do ramo "
                "x ≤ 0 (convenção do PyTorch); ali, ∂f/∂a = min(0, 0) = 0.",
                "en": "At x = 0 the derivative returned is the slope a, that of the "
                "x ≤ 0 branch (PyTorch's convention); there ∂f/∂a = min(0, 0) = 0.",
            },
        ),
        rules={"slope": _real},
        output_range=lambda p: (-INF, INF) if p["slope"] > 0 else (0.0, INF),
        kinks=lambda p: (0.0,) if p["slope"] != 1 else (),
    ),
    "elu": _Entry(
        _elu,
        _d_elu,
        Meta(
            display={
                "pt": "Unidade linear exponencial (ELU)",
                "en": "Exponential linear unit (ELU)",
            },
            latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 "
            r"\end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} "
            r"& x \le 0 \end{cases}",
            output_range=(-1.0, INF),
            differentiability="C1",
            kinks=(),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="clevert2016",
            defaults={"alpha": 1.0},
            exaggerated={"alpha": 0.5},
            transcendentals={"exp": 1},
            kink_convention=_kc(
                "x = 0 (if α ≠ 1)",
                "α (left branch)",
                "x = 0 (se α ≠ 1)",
                "α (ramo esquerdo)",
            ),
        ),
        rules={"alpha": _positive},
        output_range=lambda p: (-p["alpha"], INF),
        kinks=lambda p: (0.0,) if p["alpha"] != 1 else (),
    ),
    "selu": _Entry(
        _selu,
        _d_selu,
        Meta(
            display={"pt": "ELU com escala (SELU)", "en": "Scaled ELU (SELU)"},
            latex=r"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) "
            r"& x \le 0 \end{cases}",
            latex_derivative=r"f'(x) = \lambda \begin{cases} 1 & x > 0 \\ "
            r"\alpha\,e^{x} & x \le 0 \end{cases}",
            output_range=(-SELU_LAMBDA * SELU_ALPHA, INF),
            differentiability="kinks",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="klambauer2017",
            transcendentals={"exp": 1},
            kink_convention=_kc(
                "x = 0",
                "λα ≈ 1.7581 (left branch)",
                "x = 0",
                "λα ≈ 1,7581 (ramo esquerdo)",
            ),
        ),
    ),
    "celu": _Entry(
        _celu,
        _d_celu,
        Meta(
            display={
                "pt": "ELU continuamente diferenciável (CELU)",
                "en": "Continuously differentiable ELU (CELU)",
            },
            latex=r"f(x) = \max(0, x) + \min\bigl(0, \alpha\,(e^{x/\alpha} - 1)"
            r"\bigr)",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha} "
            r"& x \le 0 \end{cases}",
            output_range=(-1.0, INF),
            differentiability="C1",
            kinks=(),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="barron2017",
            defaults={"alpha": 1.0},
            exaggerated={"alpha": 2.0},
            transcendentals={"exp": 1},
            kink_convention=_NO_KINKS,
        ),
        rules={"alpha": _positive},
        output_range=lambda p: (-p["alpha"], INF),
    ),
    "gelu": _Entry(
        _gelu,
        _d_gelu,
        Meta(
            display={
                "pt": "Unidade linear de erro gaussiano (GELU)",
                "en": "Gaussian error linear unit (GELU)",
            },
            latex=r"f(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + "
            r"\operatorname{erf}\frac{x}{\sqrt{2}}\right)",
            latex_derivative=r"f'(x) = \Phi(x) + x\,\varphi(x), \quad "
            r"\varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}",
            output_range=(-0.16997120747990366, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="hendrycks2016",
            transcendentals={"erf": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "gelu_tanh": _Entry(
        _gelu_tanh,
        _d_gelu_tanh,
        Meta(
            display={
                "pt": "GELU (aproximação por tanh)",
                "en": "GELU (tanh approximation)",
            },
            latex=r"f(x) = \frac{x}{2}\bigl(1 + \tanh u\bigr), \quad "
            r"u = \sqrt{2/\pi}\,\bigl(x + 0.044715\,x^{3}\bigr)",
            latex_derivative=r"f'(x) = \frac{1 + \tanh u}{2} + \frac{x}{2}\,"
            r"\operatorname{sech}^2 u\;\sqrt{2/\pi}\,"
            r"\bigl(1 + 3 \cdot 0.044715\,x^{2}\bigr)",
            output_range=(-0.17004075057125405, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="hendrycks2016",
            see_also=("radford2018", "radford2019"),
            transcendentals={"tanh": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "silu": _Entry(
        _silu,
        _d_silu,
        Meta(
            display={
                "pt": "Unidade linear sigmoide (SiLU, Swish)",
                "en": "Sigmoid linear unit (SiLU, Swish)",
            },
            latex=r"f(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}",
            latex_derivative=r"f'(x) = \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))"
            r"\bigr)",
            output_range=(-0.27846454276107380, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="elfwing2018",
            see_also=("hendrycks2016", "ramachandran2017"),
            transcendentals={"exp": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "mish": _Entry(
        _mish,
        _d_mish,
        Meta(
            display={"pt": "Mish", "en": "Mish"},
            latex=r"f(x) = x \tanh\bigl(\ln(1 + e^{x})\bigr)",
            latex_derivative=r"f'(x) = \tanh\bigl(\ln(1 + e^{x})\bigr) + x\,"
            r"\sigma(x)\,\operatorname{sech}^2\bigl(\ln(1 + e^{x})"
            r"\bigr)",
            output_range=(-0.30884341301725041, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="misra2020",
            see_also=("bochkovskiy2020",),
            transcendentals={"exp": 1, "log": 1, "tanh": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "softplus": _Entry(
        _softplus,
        _d_softplus,
        Meta(
            display={"pt": "Softplus", "en": "Softplus"},
            latex=r"f(x) = \frac{1}{\beta} \ln\bigl(1 + e^{\beta x}\bigr)",
            latex_derivative=r"f'(x) = \sigma(\beta x) = \frac{1}{1 + e^{-\beta x}}",
            output_range=(0.0, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="dugas2001",
            see_also=("glorot2011",),
            defaults={"beta": 1.0},
            exaggerated={"beta": 0.5},
            transcendentals={"exp": 1, "log": 1},
            kink_convention=_NO_KINKS,
        ),
        rules={"beta": _positive},
    ),
    "softsign": _Entry(
        _softsign,
        _d_softsign,
        Meta(
            display={"pt": "Softsign", "en": "Softsign"},
            latex=r"f(x) = \frac{x}{1 + |x|}",
            latex_derivative=r"f'(x) = \frac{1}{(1 + |x|)^{2}}",
            output_range=(-1.0, 1.0),
            differentiability="C1",
            kinks=(),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="bergstra2009",
            see_also=("glorot2010",),
            kink_convention=_NO_KINKS,
        ),
    ),
    "log_sigmoid": _Entry(
        _log_sigmoid,
        _d_log_sigmoid,
        Meta(
            display={"pt": "Log-sigmoide", "en": "Log-sigmoid"},
            latex=r"f(x) = \ln \sigma(x) = -\ln\bigl(1 + e^{-x}\bigr)",
            latex_derivative=r"f'(x) = 1 - \sigma(x) = \sigma(-x)",
            output_range=(-INF, 0.0),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=True,
            bounded_below=False,
            origin="cox1958",
            transcendentals={"exp": 1, "log": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "hard_sigmoid": _Entry(
        _hard_sigmoid,
        _d_hard_sigmoid,
        Meta(
            display={"pt": "Sigmoide rígida", "en": "Hard sigmoid"},
            latex=r"f(x) = \frac{\operatorname{ReLU6}(x + 3)}{6} = "
            r"\begin{cases} 0 & x \le -3 \\ x/6 + 1/2 & -3 < x < 3 \\ 1 "
            r"& x \ge 3 \end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 1/6 & -3 < x < 3 \\ 0 "
            r"& |x| > 3 \end{cases}",
            output_range=(0.0, 1.0),
            differentiability="kinks",
            kinks=(-3.0, 3.0),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="howard2019",
            see_also=("courbariaux2015",),
            kink_convention=_kc("x = ±3", "0"),
        ),
    ),
    "hard_tanh": _Entry(
        _hard_tanh,
        _d_hard_tanh,
        Meta(
            display={"pt": "Tangente hiperbólica rígida", "en": "Hard tanh"},
            latex=r"f(x) = \min\bigl(\max(x, a), b\bigr), \quad a = "
            r"\mathrm{min\_val},\ b = \mathrm{max\_val}",
            latex_derivative=r"f'(x) = \begin{cases} 1 & a < x < b \\ 0 "
            r"& x < a \text{ or } x > b \end{cases}",
            output_range=(-1.0, 1.0),
            differentiability="kinks",
            kinks=(-1.0, 1.0),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="collobert2004",
            see_also=("collobert2011",),
            defaults={"min_val": -1.0, "max_val": 1.0},
            exaggerated={"min_val": -2.0, "max_val": 2.0},
            kink_convention=_kc(
                "x = min_val and x = max_val", "0", "x = min_val e x = max_val", "0"
            ),
        ),
        rules={"min_val": _real, "max_val": _real},
        check=_check_hard_tanh,
        output_range=lambda p: (p["min_val"], p["max_val"]),
        kinks=lambda p: (p["min_val"], p["max_val"]),
    ),
    "hard_swish": _Entry(
        _hard_swish,
        _d_hard_swish,
        Meta(
            display={"pt": "Swish rígida", "en": "Hard swish"},
            latex=r"f(x) = x\,\frac{\operatorname{ReLU6}(x + 3)}{6} = "
            r"\begin{cases} 0 & x \le -3 \\ x(x + 3)/6 & -3 < x < 3 \\ x "
            r"& x \ge 3 \end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 0 & x < -3 \\ (2x + 3)/6 "
            r"& -3 < x < 3 \\ 1 & x > 3 \end{cases}",
            output_range=(-0.375, INF),
            differentiability="kinks",
            kinks=(-3.0, 3.0),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="howard2019",
            kink_convention={
                "pt": "Em x = −3 e x = 3, a derivada retornada é (2x + 3)/6, isto "
                "é, −0,5 e 1,5 (convenção do PyTorch: fórmula no intervalo "
                "fechado [−3, 3]).",
                "en": "At x = −3 and x = 3, the derivative returned is (2x + 3)/6, "
                "i.e. −0.5 and 1.5 (PyTorch's convention: the formula on the "
                "closed interval [−3, 3]).",
            },
        ),
    ),
    "relu6": _Entry(
        _relu6,
        _d_relu6,
        Meta(
            display={"pt": "ReLU6", "en": "ReLU6"},
            latex=r"f(x) = \min\bigl(\max(0, x), 6\bigr)",
            latex_derivative=r"f'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 "
            r"& x < 0 \text{ or } x > 6 \end{cases}",
            output_range=(0.0, 6.0),
            differentiability="kinks",
            kinks=(0.0, 6.0),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="krizhevsky2010",
            see_also=("sandler2018",),
            kink_convention=_kc("x = 0 and x = 6", "0", "x = 0 e x = 6", "0"),
        ),
    ),
}


# --------------------------------------------------------------------------- #
# Input handling
# --------------------------------------------------------------------------- #
_FAST_DTYPES = (np.dtype(np.float64), np.dtype(np.float32))  # computed as given


def _as_real_array(x):
    """Return ``(array, out_dtype)``: a float array to compute on, the result dtype.

    Raises
    ------
    TypeError
        If ``x`` is not a real number or an array (or nested list) of them.
    """
    if type(x) is np.ndarray and x.dtype in _FAST_DTYPES:
        return x, x.dtype  # the common case (e.g. inside a network), checked first
    if x is None or isinstance(x, (str, bytes)):
        raise _not_real(x)
    try:
        a = np.asarray(x)
    except (TypeError, ValueError):  # ragged lists and the like
        raise _not_real(x) from None
    kind = a.dtype.kind
    if kind == "f":
        if a.dtype == np.float16:
            return a.astype(np.float32), np.dtype(np.float16)
        if a.dtype.itemsize > 8:  # long double: computed in float64
            return a.astype(np.float64), np.dtype(np.float64)
        return a, a.dtype
    if kind in "iub":
        return a.astype(np.float64), np.dtype(np.float64)
    if kind == "c":
        raise TypeError(
            "expected a real number or an array of real numbers, got complex values"
        )
    raise _not_real(x)


def _not_real(x):
    """The error for an input ``x`` that is not real-valued."""
    return TypeError(
        "expected a real number or an array of real numbers, got "
        f"{type(x).__name__}" + (f" {x!r}" if isinstance(x, (str, bytes)) else "")
    )


def _finish(y, out_dtype, scalar):
    """Cast to the output dtype (no overflow warning) and unwrap 0-d results."""
    y = np.asarray(y)
    if y.dtype != out_dtype:
        with np.errstate(over="ignore"):  # float32 -> float16 may overflow to inf
            y = y.astype(out_dtype)
    return y[()] if scalar else y


# --------------------------------------------------------------------------- #
# Public API
# --------------------------------------------------------------------------- #
class Activation:
    """An activation function with resolved parameters.

    Obtain instances with `get`; do not construct them directly.

    Attributes
    ----------
    name : str
        Canonical name, e.g. ``"leaky_relu"``.
    params : dict
        Resolved parameters (defaults filled in), e.g. ``{"slope": 0.2}``.
    meta : Meta
        Properties for the default parameters; see `output_range` and
        `kinks` for the actual parameters.

    Examples
    --------
    >>> act = get("elu", alpha=0.5)
    >>> act(-np.inf), act.output_range(), act.kinks()
    (np.float64(-0.5), (-0.5, inf), (0.0,))
    """

    __slots__ = ("_entry", "_params", "meta", "name")

    def __init__(self, name: str, params: dict, entry: _Entry):
        self.name = name
        self._params = dict(params)
        self.meta = entry.meta
        self._entry = entry

    @property
    def params(self) -> dict:
        """Resolved parameters (a copy: instances are immutable)."""
        return dict(self._params)

    def __call__(self, x: Any):
        """Evaluate the function element-wise.

        Parameters
        ----------
        x : float, list or numpy.ndarray
            Real input of any shape.

        Returns
        -------
        numpy.ndarray or numpy scalar
            ``f(x)``, same shape; ``float32``/``float16`` preserved, other
            inputs give ``float64``; a scalar input gives a NumPy scalar.

        Raises
        ------
        TypeError
            If ``x`` is not real-valued (strings, ``None``, complex, objects).
        """
        a, out_dtype = _as_real_array(x)
        return _finish(self._entry.f(a, **self._params), out_dtype, a.ndim == 0)

    def derivative(self, x: Any):
        """Evaluate the derivative ``f'(x)`` element-wise.

        At kinks the value follows PyTorch's autograd; see
        ``meta.kink_convention`` and the module docstring.

        Parameters
        ----------
        x : float, list or numpy.ndarray
            Real input of any shape.

        Returns
        -------
        numpy.ndarray or numpy scalar
            ``f'(x)``, with the same shape and dtype rules as `__call__`.

        Raises
        ------
        TypeError
            If ``x`` is not real-valued.
        """
        a, out_dtype = _as_real_array(x)
        return _finish(self._entry.df(a, **self._params), out_dtype, a.ndim == 0)

    def output_range(self) -> tuple:
        """Return ``(inf, sup)`` of the function for the actual parameters.

        Returns
        -------
        tuple of float
            E.g. ``(-0.5, inf)`` for ``get("elu", alpha=0.5)``.
        """
        fn = self._entry.output_range
        return fn(self._params) if fn else self.meta.output_range

    def kinks(self) -> tuple:
        """Return the points where the derivative does not exist (actual params).

        Returns
        -------
        tuple of float
            E.g. ``(0.0,)`` for ``get("elu", alpha=0.5)``, ``()`` for
            ``get("elu")``.
        """
        fn = self._entry.kinks
        return fn(self._params) if fn else self.meta.kinks

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self._params.items())
        return f"get({self.name!r}{args})"


def names() -> tuple:
    """Return the canonical names of all activation functions, in teaching order.

    Returns
    -------
    tuple of str
    """
    return tuple(_REGISTRY)


def get(name: str, **params: Any) -> Activation:
    """Return the activation function ``name`` with the given parameters.

    Parameters
    ----------
    name : str
        Canonical name, one of `names`.
    **params
        Keyword parameters; missing ones take PyTorch's defaults
        (``meta.defaults``).

    Returns
    -------
    Activation

    Raises
    ------
    ValueError
        Unknown name (the message suggests the closest valid name), or an
        invalid parameter value (e.g. ``alpha <= 0``, NaN, ``min_val >= max_val``).
    TypeError
        Unknown parameter name, or a parameter that is not a real number.

    Examples
    --------
    >>> get("leaky_relu", slope=0.2).params
    {'slope': 0.2}
    >>> get("sigmod")
    Traceback (most recent call last):
    ...
    ValueError: unknown activation 'sigmod'; did you mean 'sigmoid'? valid names: ...
    """
    entry = _REGISTRY.get(name) if isinstance(name, str) else None
    if entry is None:
        close = difflib.get_close_matches(str(name), _REGISTRY, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ";"
        raise ValueError(
            f"unknown activation {name!r}{hint} valid names: " + ", ".join(_REGISTRY)
        )
    unknown = set(params) - set(entry.meta.defaults)
    if unknown:
        valid = ", ".join(entry.meta.defaults) or "none (it takes no parameters)"
        raise TypeError(
            f"{name} got unexpected parameter(s) "
            f"{', '.join(map(repr, sorted(unknown)))}; valid parameters: {valid}"
        )
    resolved = dict(entry.meta.defaults)
    for key, value in params.items():
        resolved[key] = entry.rules[key](key, value)
    if entry.check:
        entry.check(resolved)
    return Activation(name, resolved, entry)
