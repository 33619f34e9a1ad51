"""All the numbers of a property card for one activation, in one dictionary."""

from __future__ import annotations

from collections.abc import Mapping

from snippets.cost import transcendental_count
from snippets.properties._common import _resolve
from snippets.properties.expectations import mean_under_normal, prob_positive
from snippets.properties.plateaus import (
    dead_zone,
    flat_tails,
    max_abs_derivative,
    rms_gain,
    tail_share,
)


def property_card(act, cost=None):
    """All the numbers of this module for one activation, in one dictionary.

    Parameters
    ----------
    act : Activation or str
        The activation.
    cost : float or Mapping, optional
        Cost relative to ReLU, either as a number or as the output of
        `cost_table` (looked up by name). Measuring is slow, so it is not
        done here; ``None`` stores ``None``.

    Returns
    -------
    dict
        Keys ``name``, ``output_range``, ``differentiability``, ``kinks``,
        ``mean``, ``prob_positive``, ``max_abs_derivative``, ``rms_gain``,
        ``flat_tails`` and ``dead_zone`` (as in `flat_tails`), ``flat_share``
        and ``dead_share`` (the share of `PLATEAU_INTERVAL` they cover),
        ``transcendentals``, ``relative_cost``.

    Examples
    --------
    >>> card = property_card("relu")
    >>> card["prob_positive"], card["flat_share"], card["dead_share"]
    (0.5, 0.5, 0.5)
    """
    a = _resolve(act)
    if isinstance(cost, Mapping):
        cost = cost[a.name]["relative"]
    key = (a.name, tuple(sorted(a.params.items())))
    if key not in _CARDS:  # a site build shows each card several times
        _CARDS[key] = _card_numbers(a)
    return {**_CARDS[key], "relative_cost": None if cost is None else float(cost)}


#: Card numbers already computed in this process, by (name, parameters).
_CARDS: dict = {}


def _card_numbers(a):
    """Everything on the card that does not depend on the machine."""
    tails, dead = flat_tails(a), dead_zone(a)
    return {
        "name": a.name,
        "output_range": tuple(a.output_range()),
        "differentiability": a.meta.differentiability,
        "kinks": tuple(float(k) for k in a.kinks()),
        "mean": mean_under_normal(a),
        "prob_positive": prob_positive(a),
        "max_abs_derivative": max_abs_derivative(a),
        "rms_gain": rms_gain(a),
        "flat_tails": tails,
        "flat_share": tail_share(tails),
        "dead_zone": dead,
        "dead_share": tail_share(dead),
        "transcendentals": transcendental_count(a),
    }
