"""What the registry records about each function (`Meta`), the registry's entry
type and the checks of parameter values."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from numbers import Real


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
