"""The playground page's explorer: four controls over the grid of
`snippets.experiments.playground`, two layered figures and a summary.

Examples
--------
>>> show_playground(lang="en")  # doctest: +SKIP
Activation function: Sigmoid (logistic), Hyperbolic tangent, ReLU
...
"""

from __future__ import annotations

import math

import numpy as np

from snippets.experiments.playground import (
    GRID,
    data_sets,
    linear_baseline,
    playground_runs,
)
from snippets.explore import Control, Panel, State, explorer
from snippets.figures._base import _short
from snippets.figures.playground import (
    paint_signal,
    paint_training,
    signal_alt,
    signal_frame,
    training_alt,
    training_frame,
)
from snippets.i18n import check_lang, fmt_auto, fmt_number, fmt_spread, t

__all__ = ["DEFAULT", "controls", "show_playground", "summary"]

DEFAULT = ("relu", "he", 4, 0.3)
"""The combination the page shows first: activation, init, depth, rate."""


def _key(activation, init, depth, rate) -> tuple[str, ...]:
    return (activation, init, str(depth), repr(float(rate)))


def controls(lang: str) -> list[Control]:
    """The four controls, labelled in ``lang``."""
    check_lang(lang)
    return [
        Control(
            "activation",
            t("pg_control_activation", lang),
            GRID.activations,
            tuple(_short(a, lang) for a in GRID.activations),
        ),
        Control(
            "init",
            t("pg_control_init", lang),
            GRID.inits,
            tuple(t(f"pg_init_{i}", lang) for i in GRID.inits),
        ),
        Control(
            "depth",
            t("pg_control_depth", lang),
            tuple(str(d) for d in GRID.depths),
            tuple(str(d) for d in GRID.depths),
            kind="range",
        ),
        Control(
            "rate",
            t("pg_control_rate", lang),
            tuple(repr(float(r)) for r in GRID.rates),
            tuple(fmt_auto(r, lang) for r in GRID.rates),
            kind="range",
        ),
    ]


def _spread(values, lang) -> str:
    """``mean (from lo to hi)`` of the seeds' final losses, the single value when
    every seed gives the same, or how many diverged."""
    values = np.asarray(values, dtype=float)
    bad = int((~np.isfinite(values)).sum())
    if bad:
        return t("pg_diverged", lang, count=bad, seeds=values.size)
    return _summary_spread(_loss_texts(values, lang), lang, "")


def _summary_spread(texts, lang, unit) -> str:
    """The summary's words for `_loss_texts` or `_percent_texts`."""
    if len(texts) == 1:
        return t("pg_same_all_seeds", lang, value=texts[0] + unit)
    mean, lo, hi = (x + unit for x in texts)
    return t("pg_loss_spread", lang, mean=mean, lo=lo, hi=hi)


def _loss_texts(values, lang) -> tuple[str, ...]:
    """Mean, smallest and largest loss of the seeds, with two significant digits
    or, when that makes two of them the same text, up to four; one text when
    every seed gives the same to four digits.

    Examples
    --------
    >>> _loss_texts([0.17, 0.21, 0.28], "pt")
    ('0,22', '0,17', '0,28')
    >>> _loss_texts([0.6934, 0.6935, 0.7027, 0.6981, 0.6934], "en")
    ('0.696', '0.693', '0.703')
    >>> _loss_texts([0.6931472, 0.6931471], "en")
    ('0.6931',)
    """
    values = np.asarray(values, dtype=float)
    for significant in (2, 3, 4):
        texts = tuple(
            _loss_number(v, lang, significant)
            for v in (values.mean(), values.min(), values.max())
        )
        if len(set(texts)) == 3:
            break
    return texts[:1] if texts[1] == texts[2] else texts


def _percent_texts(values, lang) -> tuple[str, ...]:
    """Mean, smallest and largest of the seeds' held-out accuracies in whole
    percent (numbers only); one text when they all round to the same.

    Examples
    --------
    >>> _percent_texts([0.84, 0.87, 0.9], "en"), _percent_texts([0.4975, 0.5], "pt")
    (('87', '84', '90'), ('50',))
    """
    values = 100 * np.asarray(values, dtype=float)
    texts = tuple(
        fmt_number(v, lang, 0) for v in (values.mean(), values.min(), values.max())
    )
    return texts[:1] if texts[1] == texts[2] else texts


def _accuracy(values, lang) -> str:
    """Held-out accuracy of the seeds for a table cell: ``mean % (lo–hi)``, or
    ``mean %`` when every seed rounds to the same."""
    return fmt_spread(values, lang, 0, scale=100, unit=" %")


def _loss_number(x, lang, significant=2) -> str:
    """A loss to ``significant`` digits, trailing zeros kept ("0,70", not "0,7").

    Examples
    --------
    >>> _loss_number(0.7031, "pt"), _loss_number(0.0029, "en"), _loss_number(2.06, "en")
    ('0,70', '0.0029', '2.1')
    >>> _loss_number(0.693147, "en", 4)
    '0.6931'
    """
    x = float(x)
    if not 1e-3 <= abs(x) < 1e6:
        return fmt_auto(x, lang, significant)
    places = significant - 1 - math.floor(math.log10(abs(x)))
    return fmt_number(x, lang, max(places, 0))


def _percent_spread(values, lang) -> str:
    """``mean % (from lo % to hi %)`` of the seeds' held-out accuracies, or the
    single value when every seed rounds to the same."""
    return _summary_spread(_percent_texts(values, lang), lang, " %")


def _ratio_text(ratio: float, lang: str) -> str:
    """The gradient ratio as the page prints it: two significant digits, and one
    decimal between 1 and 10 ("1.0", not "1").

    Examples
    --------
    >>> _ratio_text(1.03, "pt"), _ratio_text(0.0961, "en"), _ratio_text(3.3e-5, "en")
    ('1,0', '0.096', '3.3 × 10⁻⁵')
    """
    if 1 <= ratio < 9.95:
        return fmt_number(ratio, lang, 1)
    return fmt_auto(ratio, lang)


def summary(activation, init, depth, rate, lang) -> str:
    """The text under the controls for one combination (HTML, one paragraph)."""
    runs = playground_runs(activation, init, depth)
    k = GRID.rates.index(rate)
    grad = np.exp(np.log(runs["grad"]).mean(axis=0))
    ratio = grad[0] / grad[-1]
    sets = list(data_sets())
    return t(
        "pg_summary",
        lang,
        act=_short(activation, lang),
        init=t(f"pg_init_{init}", lang),
        depth=depth,
        rate=fmt_auto(rate, lang),
        ratio=t(
            "pg_ratio_same" if 0.5 <= ratio <= 2 else "pg_ratio",
            lang,
            ratio=_ratio_text(ratio, lang),
            depth=depth,
        ),
        epochs=GRID.epochs,
        seeds=len(GRID.seeds),
        moons=_spread(runs["final_loss"][sets.index("moons"), k], lang),
        xor=_spread(runs["final_loss"][sets.index("xor"), k], lang),
        m_acc=_percent_spread(runs["accuracy"][sets.index("moons"), k], lang),
        x_acc=_percent_spread(runs["accuracy"][sets.index("xor"), k], lang),
    )


def show_playground(lang: str) -> None:
    """Put the playground on the page (`snippets.explore.explorer`).

    Every combination of `GRID` is a state: the signal at initialisation, the
    training, a summary; the frames are drawn in ``lang``.
    """
    check_lang(lang)
    combos = {_key(*c): c for c in GRID.combinations()}

    def runs(key):
        activation, init, depth, _ = combos[key]
        return playground_runs(activation, init, depth)

    panels = [
        Panel(
            "signal",
            signal_frame(lang=lang),
            lambda p, f, key: paint_signal(p, f, runs(key)),
            shared=lambda key: key[:3],  # the rate plays no part at initialisation
        ),
        Panel(
            "training",
            training_frame(lang=lang),
            lambda p, f, key: paint_training(
                p, f, runs(key), GRID.rates.index(combos[key][3])
            ),
        ),
    ]
    states = {}
    for key, (activation, init, depth, rate) in combos.items():
        r = runs(key)
        states[key] = State(
            alt={
                "signal": signal_alt(activation, init, depth, r, lang),
                "training": training_alt(activation, init, depth, rate, r, lang),
            },
            texts={"summary": summary(activation, init, depth, rate, lang)},
        )
    explorer(
        "playground",
        controls(lang),
        panels,
        states,
        _key(*DEFAULT),
        lang,
        layout=("summary", "signal", "training"),
    )


def results(activation, init, depth, rate) -> dict:
    """The numbers of one combination the page's tables show.

    Returns
    -------
    dict
        ``"ratio"``: the gradient's size at layer 1 divided by its size at the
        last layer, at initialisation (geometric means over the seeds);
        ``"loss"``: ``{data set: final training loss of each seed}``;
        ``"accuracy"``: ``{data set: held-out accuracy of each seed}``;
        ``"constant"``: ``{data set: how many seeds end with exactly the same
        output for every training point}``.
    """
    runs = playground_runs(activation, init, depth)
    k = GRID.rates.index(rate)
    grad = np.exp(np.log(runs["grad"]).mean(axis=0))
    return {
        "ratio": float(grad[0] / grad[-1]),
        "loss": {n: runs["final_loss"][i, k] for i, n in enumerate(data_sets())},
        "accuracy": {n: runs["accuracy"][i, k] for i, n in enumerate(data_sets())},
        "constant": {
            n: int((runs["output_spread"][i, k] == 0).sum())
            for i, n in enumerate(data_sets())
        },
    }


def table(combinations, lang, baseline=False) -> str:
    """A Markdown table of ``combinations`` ``(activation, init, depth, rate)``:
    the gradient ratio at initialisation, the final training loss and the
    held-out accuracy on each data set, each as the mean of the seeds with the
    smallest and largest value. With ``baseline``, a last row gives the linear
    model's (`linear_baseline`: one fit, no seeds)."""
    from snippets.tables import markdown_table

    check_lang(lang)
    from snippets.i18n import fmt_list

    header = [
        t(k, lang)
        for k in (
            "pg_col_combination",
            "pg_col_ratio",
            "pg_col_loss_moons",
            "pg_col_loss_xor",
            "pg_col_acc_moons",
            "pg_col_acc_xor",
        )
    ]
    rows = []
    for activation, init, depth, rate in combinations:
        r = results(activation, init, depth, rate)
        rows.append(
            [
                fmt_list(
                    [
                        _short(activation, lang),
                        t(f"pg_init_{init}", lang),
                        str(depth),
                        fmt_auto(rate, lang),
                    ],
                    lang,
                ),
                _ratio_text(r["ratio"], lang),
                _loss_cell(r["loss"]["moons"], lang),
                _loss_cell(r["loss"]["xor"], lang),
                _accuracy(r["accuracy"]["moons"], lang),
                _accuracy(r["accuracy"]["xor"], lang),
            ]
        )
    if baseline:
        base = linear_baseline()
        rows.append(
            [
                t("pg_baseline_name", lang),
                "—",
                fmt_auto(base["moons"]["loss"], lang),
                fmt_auto(base["xor"]["loss"], lang),
                fmt_number(100 * base["moons"]["accuracy"], lang, 1) + " %",
                fmt_number(100 * base["xor"]["accuracy"], lang, 1) + " %",
            ]
        )
    return markdown_table(header, rows)


def _loss_cell(values, lang) -> str:
    """``mean (lo–hi)`` of the seeds' final losses (`_loss_texts`), the single
    value when every seed gives the same, or how many diverged."""
    values = np.asarray(values, dtype=float)
    bad = int((~np.isfinite(values)).sum())
    if bad:
        return t("pg_diverged", lang, count=bad, seeds=values.size)
    texts = _loss_texts(values, lang)
    return texts[0] if len(texts) == 1 else f"{texts[0]} ({texts[1]}–{texts[2]})"


def describe_grid(lang: str) -> str:
    """The grid as a Markdown list: the choices, what is fixed, how many runs."""
    from snippets.i18n import fmt_list

    check_lang(lang)
    sets = data_sets()
    base = linear_baseline()
    lines = [
        t(
            "pg_grid_activations",
            lang,
            items=fmt_list(list(controls(lang)[0].texts), lang),
        ),
        t(
            "pg_grid_inits",
            lang,
            items=fmt_list([t(f"pg_init_{i}", lang) for i in GRID.inits], lang),
        ),
        t("pg_grid_depths", lang, items=fmt_list([str(d) for d in GRID.depths], lang)),
        t(
            "pg_grid_rates",
            lang,
            items=fmt_list([fmt_auto(r, lang) for r in GRID.rates], lang),
        ),
        t(
            "pg_grid_fixed",
            lang,
            width=GRID.width,
            epochs=GRID.epochs,
            seeds=fmt_list([str(s) for s in GRID.seeds], lang),
        ),
        *(
            t(
                "pg_grid_data",
                lang,
                data=t(f"pg_data_{name}", lang),
                train=len(parts["train"][0]),
                test=len(parts["test"][0]),
            )
            for name, parts in sets.items()
        ),
        t("pg_grid_signal", lang, width=GRID.signal_width, batch=GRID.signal_batch),
        t(
            "pg_grid_baseline",
            lang,
            m_loss=fmt_auto(base["moons"]["loss"], lang),
            m_acc=fmt_number(100 * base["moons"]["accuracy"], lang, 1),
            x_loss=fmt_auto(base["xor"]["loss"], lang),
            x_acc=fmt_number(100 * base["xor"]["accuracy"], lang, 1),
        ),
        t("pg_grid_size", lang, size=GRID.size, networks=GRID.networks),
    ]
    return "\n".join(f"- {line[0].upper()}{line[1:]}" for line in lines)
