"""Activation functions, their derivatives and their properties.

A small registry of the activation functions taught on the site (`registry`, with
the formulas in `formulas` and the record of properties in `meta`). Every entry gives
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
from typing import Any

import numpy as np

from snippets.activations.formulas import SELU_ALPHA, SELU_LAMBDA
from snippets.activations.meta import Meta, _Entry
from snippets.activations.registry import _REGISTRY

__all__ = ["SELU_ALPHA", "SELU_LAMBDA", "Activation", "Meta", "get", "names"]


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
