"""Turn the properties of a good activation function into numbers.

Every function accepts an `snippets.activations.Activation` object or a
registry name such as ``"relu"``. Expectations are taken for a standard normal
input ``X ~ N(0, 1)``, the typical pre-activation of a well initialised layer, and
are computed by deterministic adaptive quadrature (no sampling).

What a function costs to compute is measured in `snippets.cost`.
"""

from snippets.properties.card import property_card
from snippets.properties.differentiability import differentiability
from snippets.properties.expectations import (
    mean_derivative_under_normal,
    mean_under_normal,
    prob_negative,
    prob_positive,
    variance_under_normal,
)
from snippets.properties.plateaus import (
    FLAT_THRESHOLD,
    PLATEAU_INTERVAL,
    dead_zone,
    flat_tails,
    gradient_through_layers,
    max_abs_derivative,
    rms_gain,
    tail_share,
)

__all__ = [
    "FLAT_THRESHOLD",
    "PLATEAU_INTERVAL",
    "dead_zone",
    "differentiability",
    "flat_tails",
    "gradient_through_layers",
    "max_abs_derivative",
    "mean_derivative_under_normal",
    "mean_under_normal",
    "prob_negative",
    "prob_positive",
    "property_card",
    "rms_gain",
    "tail_share",
    "variance_under_normal",
]
