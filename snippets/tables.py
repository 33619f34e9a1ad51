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

from snippets.activations import get, names
from snippets.cost import cost_table
from snippets.i18n import check_lang, fmt_and, fmt_auto, fmt_list, fmt_number, t
from snippets.properties import FLAT_THRESHOLD, PLATEAU_INTERVAL, property_card

COST_SIZE = 200_000
"""Array size of the cost measurement shown on the cards (float32 elements)."""

CENTRED_TOLERANCE = 0.1
"""The comparison table calls a function zero-centred when |E[f(X)]| < this,
X ~ N(0, 1)."""


COST_FILE_VARIABLE = "SNIPPETS_COST_FILE"
"""Environment variable naming the file that holds this build's measurement."""


@functools.cache
def measured_costs(size: int = COST_SIZE, repeats: int = 7) -> dict:
    """Cost of every activation relative to ReLU, measured once per build.

    A site build (``scripts/website.py``) measures once, before the two languages
    are built, and passes the result to both through the file named by
    ``SNIPPETS_COST_FILE``: every page of both languages shows the same numbers.
    The next build measures again. Without the variable, measured once per process.
    """
    path = os.environ.get(COST_FILE_VARIABLE)
    if path and os.path.isfile(path):
        with open(path, encoding="utf-8") as stored:
            return json.load(stored)
    costs = cost_table(names(), size=size, dtype="float32", repeats=repeats)
    if path:
        with open(path, "w", encoding="utf-8") as stored:
            json.dump(costs, stored)
    return costs


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
    """The function and its derivative as display formulas.

    Examples
    --------
    >>> print(formulas("relu", "en"))  # doctest: +ELLIPSIS
    **Function**...
    """
    check_lang(lang)
    meta = get(name).meta
    return (
        f"**{t('card_function', lang)}**\n\n\\[\n{meta.latex}\n\\]\n\n"
        f"**{t('card_derivative', lang)}**\n\n\\[\n{meta.latex_derivative}\n\\]\n"
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
        Output of `snippets.cost.cost_table`; measured (once per
        process) when omitted.
    """
    check_lang(lang)
    act = get(name)
    numbers = property_card(act, cost=cost if cost is not None else measured_costs())
    kinks = numbers["kinks"]
    ops = act.meta.transcendentals
    threshold = fmt_number(FLAT_THRESHOLD, lang, 2)
    rows = [
        ("card_range", _range(*numbers["output_range"], lang)),
        ("card_class", t(f"class_{numbers['differentiability']}", lang)),
        (
            "card_kinks",
            fmt_list([fmt_auto(k, lang, 3) for k in kinks], lang) if kinks else "—",
        ),
        ("card_monotonic", _yes_no(act.meta.monotonic, lang)),
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
        (
            "card_transcendentals",
            ", ".join(f"{op} × {n}" for op, n in sorted(ops.items())) or "0",
        ),
        ("card_cost", fmt_number(numbers["relative_cost"], lang, 1) + "×"),
    ]
    header = [t("card_property", lang), t("card_value", lang)]
    return markdown_table(
        header, [[t(key, lang, threshold=threshold), value] for key, value in rows]
    )


def origin(name: str, lang: str) -> str:
    """One line citing the work that introduced or popularised the function."""
    check_lang(lang)
    o = get(name).meta.origin
    if o.get("title") in (None, "", "—"):
        return t("cat_origin_none", lang)
    year = f" ({o['year']})" if o.get("year") else ""
    venue = f". {o['venue']}" if o.get("venue") else ""
    return f"{o['authors']}{year}. *{o['title']}*{venue}."


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
        o = act.meta.origin
        rows.append(
            [
                f"[{act.meta.display[lang]}]({prefix}{name}.md)",
                _range(*act.output_range(), lang),
                t("class_" + act.meta.differentiability, lang),
                o["authors"] + (f" ({o['year']})" if o.get("year") else ""),
            ]
        )
    return markdown_table([t(k, lang) for k in keys], rows)


def comparison(
    lang: str, prefix: str = "activations/", cost: dict | None = None
) -> str:
    """Every activation against every property, one row each."""
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
        "col_cost",
    )
    rows = []
    for name in names():
        act = get(name)
        c = property_card(act, cost=costs)
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
                fmt_number(c["relative_cost"], lang, 1) + "×",
            ]
        )
    return markdown_table([t(k, lang) for k in keys], rows)
