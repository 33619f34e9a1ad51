"""Markdown for the pages: formulas, property cards and tables, from the registry.

Every function here returns a Markdown string that a page prints at build time, so
the catalogue, its index and the comparison table always list every registered
activation with numbers computed by `snippets.properties`. Headers and words
come from `snippets.i18n.LABELS`; numbers are formatted for the language.
"""

from __future__ import annotations

import functools
import json
import math
import os

import numpy as np

from snippets.activations import get, names
from snippets.bibliography import cite, reference
from snippets.cost import layer_costs
from snippets.fast import FAST
from snippets.i18n import check_lang, fmt_and, fmt_auto, fmt_list, fmt_number, t
from snippets.properties import FLAT_THRESHOLD, PLATEAU_INTERVAL, property_card

CENTRED_TOLERANCE = 0.1
"""The comparison table calls a function zero-centred when |E[f(Z)]| < this,
Z ~ N(0, 1)."""


COST_FILE_VARIABLE = "SNIPPETS_COST_FILE"
"""Environment variable naming the file that holds this build's measurement."""


@functools.cache
def measured_costs(repeats: int = 15) -> dict:
    """`snippets.cost.layer_costs` of every activation, measured once per build.

    A site build (``scripts/website.py``) measures once, before the two languages
    are built, and passes the result to both through the file named by
    ``SNIPPETS_COST_FILE``: every page of both languages shows the same numbers.
    The next build measures again. Without the variable, measured once per
    process: blocks run in one Python session share one measurement; a block
    run alone, in a new process, measures again.
    """
    path = os.environ.get(COST_FILE_VARIABLE)
    if path and os.path.isfile(path):
        with open(path, encoding="utf-8") as stored:
            return json.load(stored)
    costs = layer_costs(names(), repeats=repeats)
    if path:
        with open(path, "w", encoding="utf-8") as stored:
            json.dump(costs, stored)
    return costs


def cost_cells(name: str, lang: str, cost: dict | None = None) -> dict:
    """The measured cost of one activation, formatted for the cards and tables.

    Parameters
    ----------
    name
        A registered activation name.
    lang
        ``"pt"`` or ``"en"``.
    cost
        Output of `snippets.cost.layer_costs`; `measured_costs` when omitted.

    Returns
    -------
    dict
        ``registry`` and ``fast``: cost relative to ReLU of this site's code
        and of the fastest formulation (`snippets.fast.FAST`), e.g. ``"77×"``;
        ``share``: the fastest formulation's share of a dense layer's forward
        time, e.g. ``"35 %"``.
    """
    check_lang(lang)
    row = (cost if cost is not None else measured_costs())["functions"][name]
    registry = t("cost_value", lang, value=fmt_auto(row["registry"]["relative"], lang))
    fast = t("cost_value", lang, value=fmt_auto(row["fast"]["relative"], lang))
    share = t("share_value", lang, value=fmt_auto(100 * row["fast"]["share"], lang))
    return {"registry": registry, "fast": fast, "share": share}


def _range(lo: float, hi: float, lang: str) -> str:
    """``0 a 1`` / ``0 to 1``; infinite ends as ``−∞`` and ``+∞``."""

    def end(x: float) -> str:
        return fmt_number(x, lang, 0) if math.isinf(x) else fmt_auto(x, lang, 4)

    return t("range", lang, lo=end(lo), hi=end(hi))


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table: one header row, then ``rows``; pipes in cells escaped.

    Examples
    --------
    >>> print(markdown_table(["x", "|x|"], [["-1", "1"]]), end="")
    | x | \\|x\\| |
    |---|---|
    | -1 | 1 |
    """

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |\n"

    return line(header) + "|---" * len(header) + "|\n" + "".join(map(line, rows))


def _interval(lang: str) -> str:
    """``[−6, 6]``: the interval of the flat-tail shares."""
    lo, hi = (fmt_number(v, lang, 0) for v in PLATEAU_INTERVAL)
    return f"[{lo}, {hi}]"


def tails_text(tails: tuple[float, float], share: float, lang: str) -> str:
    """Where the tails are and which share of `PLATEAU_INTERVAL` they cover.

    ``tails`` is ``(left, right)`` as returned by
    `snippets.properties.flat_tails` or `snippets.properties.dead_zone`.

    Examples
    --------
    >>> tails_text((-2.8873, 2.8873), 0.5188, "en")
    '|x| > 2.89: 51.9 % of [−6, 6]'
    >>> tails_text((0.0, float("inf")), 0.5, "pt")
    'x < 0: 50,0 % de [−6, 6]'
    >>> tails_text((-float("inf"), float("inf")), 0.0, "en")
    'none'
    """
    left, right = tails

    def edge(x: float) -> str:  # kinks such as 0, 1, 3, 6 exactly, others to 0.01
        return fmt_number(x, lang, 0 if float(x).is_integer() else 2)

    if left == -math.inf and right == math.inf:
        return t("tail_none", lang)
    if left == math.inf:  # the whole line
        where = t("tail_everywhere", lang)
    elif left == -right:
        where = t("tail_symmetric", lang, x=edge(right))
    else:
        parts = []
        if left > -math.inf:
            parts.append(t("tail_left", lang, x=edge(left)))
        if right < math.inf:
            parts.append(t("tail_right", lang, x=edge(right)))
        where = fmt_and(parts, lang)
    share_text = fmt_number(100 * share, lang, 1) + " %"
    return t(
        "tail_share", lang, tails=where, share=share_text, interval=_interval(lang)
    )


def _yes_no(value: bool, lang: str) -> str:
    return t("yes" if value else "no", lang)


def formulas(name: str, lang: str) -> str:
    """The function and its derivative as display formulas, in ``lang``.

    The formulas are the registry's LaTeX in the language (`Meta.tex`: words and
    decimal separators differ), followed by a sentence saying that their
    x is the neuron's pre-activation.

    Examples
    --------
    >>> print(formulas("relu", "en"))  # doctest: +ELLIPSIS
    **Function**...
    """
    check_lang(lang)
    meta = get(name).meta
    return (
        f"**{t('card_function', lang)}**\n\n\\[\n{meta.tex(lang)}\n\\]\n\n"
        f"**{t('card_derivative', lang)}**\n\n"
        f"\\[\n{meta.tex(lang, derivative=True)}\n\\]\n\n"
        f"{t('formula_variable', lang)}\n"
    )


def card(name: str, lang: str, cost: dict | None = None) -> str:
    """The property card of one activation: a two-column Markdown table.

    Parameters
    ----------
    name
        A registered activation name.
    lang
        ``"pt"`` or ``"en"``.
    cost
        Output of `snippets.cost.layer_costs`; `measured_costs` (once per
        process) when omitted.
    """
    check_lang(lang)
    act = get(name)
    costs = cost_cells(name, lang, cost)
    ops = act.meta.transcendentals
    rows = [
        *card_rows(name, lang),
        (
            "card_transcendentals",
            ", ".join(f"{op} × {n}" for op, n in sorted(ops.items())) or "0",
        ),
        ("card_cost", costs["registry"]),
        (
            "card_cost_fast",
            costs["fast"]
            if FAST.get(name)
            else t("cost_same_code", lang, value=costs["fast"]),
        ),
        ("card_share", costs["share"]),
    ]
    header = [t("card_property", lang), t("card_value", lang)]
    return markdown_table(
        header, [[card_label(key, lang), value] for key, value in rows]
    )


def card_label(key: str, lang: str) -> str:
    """The name of a card row, e.g. ``card_flat_tails``, in ``lang``."""
    return t(key, lang, threshold=fmt_number(FLAT_THRESHOLD, lang, 2))


def card_rows(
    name: str, lang: str, params: dict | None = None
) -> list[tuple[str, str]]:
    """The card's rows that depend on the function's parameters, formatted.

    Parameters
    ----------
    name
        A registered activation name.
    lang
        ``"pt"`` or ``"en"``.
    params
        Its parameters; the defaults (the card's) when omitted.

    Returns
    -------
    list of (str, str)
        ``(label key, value)``: range, differentiability, kinks, monotonicity,
        mean, probability of a positive output, largest |f′|, RMS gain, flat
        tails and dead zone, for these parameters (`card_label` names a row).

    Examples
    --------
    >>> dict(card_rows("elu", "en", {"alpha": 0.5}))["card_class"]
    'continuous, with one kink'
    >>> dict(card_rows("hard_tanh", "en"))["card_class"]
    'continuous, with kinks'
    """
    check_lang(lang)
    act = get(name, **(params or {}))
    numbers = property_card(act)
    kinks = numbers["kinks"]
    return [
        ("card_range", _range(*numbers["output_range"], lang)),
        ("card_class", t(_class_key(act, kinks), lang)),
        (
            "card_kinks",
            # "x = 0", not "0", which would read as a count of points
            fmt_list([f"x = {fmt_auto(k, lang, 3)}" for k in kinks], lang)
            if kinks
            else "—",
        ),
        ("card_monotonic", _yes_no(_monotonic(act), lang)),
        ("card_mean", fmt_number(numbers["mean"], lang, 4)),
        ("card_prob_positive", fmt_number(numbers["prob_positive"], lang, 4)),
        ("card_max_derivative", fmt_number(numbers["max_abs_derivative"], lang, 4)),
        ("card_rms_gain", fmt_number(numbers["rms_gain"], lang, 4)),
        (
            "card_flat_tails",
            tails_text(numbers["flat_tails"], numbers["flat_share"], lang),
        ),
        (
            "card_dead_zone",
            tails_text(numbers["dead_zone"], numbers["dead_share"], lang),
        ),
    ]


def _class_key(act, kinks) -> str:
    """The label of the card's differentiability row: the class, in the
    singular when there is a single kink ("with one kink")."""
    cls = _differentiability(act)
    return "class_kink_one" if cls == "kinks" and len(kinks) == 1 else f"class_{cls}"


def _differentiability(act) -> str:
    """The smoothness class for the actual parameters: the registry's class is
    that of the defaults, and a parameter can add a kink (ELU with α ≠ 1) or
    remove one (a slope of 1 makes Leaky ReLU the identity)."""
    declared = act.meta.differentiability
    if declared in ("C1", "smooth") and act.kinks():
        return "kinks"
    if declared == "kinks" and not act.kinks():
        return "smooth"
    return declared


def _monotonic(act) -> bool:
    """Monotonicity for the actual parameters (the registry's is the defaults'):
    with other parameters, whether f′ ≥ 0 on a fine grid of [−50, 50]."""
    if act.params == act.meta.defaults:
        return act.meta.monotonic
    return bool(np.all(act.derivative(np.linspace(-50.0, 50.0, 100001)) >= 0))


def origin(name: str, lang: str) -> str:
    """The full reference of the work that introduced or popularised the function.

    ``Meta.origin`` is a key of the site's bibliography; the reference is written
    by `snippets.bibliography.reference` in ``lang`` (block outputs are not seen
    by the citation hook, so the text is complete here).

    Examples
    --------
    >>> print(origin("relu", "en"))  # doctest: +ELLIPSIS
    Vinod Nair and Geoffrey E. Hinton (2010). *Rectified linear units improve...
    """
    check_lang(lang)
    key = get(name).meta.origin
    return t("cat_origin_none", lang) if key is None else reference(key, lang)


def catalogue_index(lang: str, prefix: str = "") -> str:
    """A table of every registered activation, each linked to its catalogue page.

    ``prefix`` is the path from the page that prints the table to the catalogue
    folder (``""`` from ``activations/index.md``).
    """
    check_lang(lang)
    keys = ("col_function", "card_range", "card_class", "col_origin")
    rows = []
    for name in names():
        act = get(name)
        key = act.meta.origin
        rows.append(
            [
                f"[{act.meta.display[lang]}]({prefix}{name}.md)",
                _range(*act.output_range(), lang),
                t("class_" + act.meta.differentiability, lang),
                "—" if key is None else cite(key, lang),
            ]
        )
    return markdown_table([t(k, lang) for k in keys], rows)


def comparison(
    lang: str, prefix: str = "activations/", cost: dict | None = None
) -> str:
    """Every activation against every property, one row each.

    The cost column is the fastest formulation's share of a dense layer's forward
    time (`cost_cells`), not its ratio to ReLU: the share does not divide by
    ReLU's own time, a nanosecond or less that moves with whatever is
    timed around it (see the cost page), so it is the steadier number. The
    ratios stay on each function's card.
    """
    check_lang(lang)
    costs = cost if cost is not None else measured_costs()
    keys = (
        "col_function",
        "col_class",
        "col_zero_centred",
        "col_mean",
        "col_max_derivative",
        "col_rms_gain",
        "col_flat_tails",
        "col_dead_zone",
        "col_share",
    )
    rows = []
    for name in names():
        act = get(name)
        c = property_card(act)
        cells = cost_cells(name, lang, costs)
        rows.append(
            [
                f"[{act.meta.display[lang]}]({prefix}{name}.md)",
                t("class_" + c["differentiability"], lang),
                _yes_no(abs(c["mean"]) < CENTRED_TOLERANCE, lang),
                fmt_number(c["mean"], lang, 3),
                fmt_number(c["max_abs_derivative"], lang, 3),
                fmt_number(c["rms_gain"], lang, 3),
                fmt_number(100 * c["flat_share"], lang, 0) + " %",
                fmt_number(100 * c["dead_share"], lang, 0) + " %",
                cells["share"],
            ]
        )
    return markdown_table([t(k, lang) for k in keys], rows)
