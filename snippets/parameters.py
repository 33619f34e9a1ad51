"""The parameters of the catalogue pages, to move: every value drawn and measured at build.

Every activation of the registry that has parameters (``meta.defaults``) gets,
on its catalogue page, a control that switches between the values of `VALUES`:
the figure of the function and its derivative with that value, and the rows of
the property card that depend on it (`snippets.tables.card_rows`). Built on
`snippets.explore.explorer`; the frame and the data of the figure come from
`snippets.figures.parameters`.

Examples
--------
>>> [p["slope"] for p in values("leaky_relu")][:3]
[0.0, 0.01, 0.05]
"""

from __future__ import annotations

import html

from snippets.activations import get, names
from snippets.explore import Control, Panel, State, explorer
from snippets.figures._base import _params_text
from snippets.figures.parameters import paint_parameter, parameter_alt, parameter_frame
from snippets.i18n import check_lang, fmt_auto, fmt_number, t
from snippets.properties import property_card
from snippets.tables import card_label, card_rows

__all__ = ["VALUES", "show_parameter", "values"]

VALUES = {
    "leaky_relu": [{"slope": v} for v in (0.0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5)],
    "prelu": [{"slope": v} for v in (-0.25, 0.0, 0.1, 0.25, 0.5)],
    "elu": [{"alpha": v} for v in (0.25, 0.5, 1.0, 1.5, 2.0)],
    "celu": [{"alpha": v} for v in (0.25, 0.5, 1.0, 2.0, 3.0)],
    "softplus": [{"beta": v} for v in (0.5, 1.0, 2.0, 5.0, 10.0)],
    "hard_tanh": [
        {"min_val": lo, "max_val": hi}
        for lo, hi in ((-3.0, 3.0), (-2.0, 2.0), (-1.0, 1.0), (-0.5, 0.5), (0.0, 1.0))
    ],
}
"""The values a reader can choose, by function: the registry's default and its
"exaggerated" value among them, in increasing order of the first parameter."""


def values(name: str) -> list[dict]:
    """The parameter values of ``name`` a reader can choose (copies).

    Raises
    ------
    ValueError
        If ``name`` has no parameters, or none listed in `VALUES`.
    """
    if name not in VALUES:
        with_params = [n for n in names() if get(n).meta.defaults]
        raise ValueError(
            f"{name!r} has no values to choose; functions with parameters: "
            f"{', '.join(with_params)}"
        )
    return [dict(p) for p in VALUES[name]]


def _key(params: dict) -> str:
    return ",".join(repr(float(v)) for v in params.values())


def _control(name: str, lang: str) -> Control:
    choices = values(name)
    keys = tuple(_key(p) for p in choices)
    if len(choices[0]) == 1:
        (param,) = choices[0]
        return Control(
            "value",
            t(f"px_label_{param}", lang),
            keys,
            tuple(fmt_auto(p[param], lang) for p in choices),
            kind="range",
        )
    return Control(
        "value",
        t("px_label_bounds", lang),
        keys,
        tuple(
            t(
                "px_bounds",
                lang,
                lo=fmt_auto(p["min_val"], lang),
                hi=fmt_auto(p["max_val"], lang),
            )
            for p in choices
        ),
    )


def _card(name: str, params: dict, lang: str) -> str:
    """The rows of the card that depend on the parameters, as an HTML table."""
    head = "".join(f"<th>{t(k, lang)}</th>" for k in ("card_property", "card_value"))
    rows = "".join(
        f"<tr><td>{html.escape(card_label(key, lang))}</td>"
        f"<td>{html.escape(value)}</td></tr>"
        for key, value in card_rows(name, lang, params)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _summary(name: str, params: dict, lang: str) -> str:
    numbers = property_card(get(name, **params))
    text = t(
        "px_summary",
        lang,
        params=_params_text(name, params, lang),
        mean=fmt_number(numbers["mean"], lang, 4),
        max=fmt_number(numbers["max_abs_derivative"], lang, 4),
        gain=fmt_number(numbers["rms_gain"], lang, 4),
    )
    if len(text.split(" ", 1)[0]) > 1:  # a word gets a capital, a symbol (α) not
        text = text[0].upper() + text[1:]
    return f"<p>{html.escape(text)}</p>"


def show_parameter(name: str, lang: str) -> None:
    """Put the control of ``name``'s parameters on its catalogue page.

    The default value is shown first (and without the page's script).
    """
    check_lang(lang)
    choices = values(name)
    by_key = {(_key(p),): p for p in choices}
    frame = parameter_frame(name, choices, lang=lang)
    states = {
        key: State(
            alt={"plot": parameter_alt(name, params, lang)},
            texts={
                "summary": _summary(name, params, lang),
                "card": _card(name, params, lang),
            },
        )
        for key, params in by_key.items()
    }
    explorer(
        f"{name.replace('_', '-')}-parameters",
        [_control(name, lang)],
        [
            Panel(
                "plot",
                frame,
                lambda p, f, key: paint_parameter(p, f, name, by_key[key]),
            )
        ],
        states,
        (_key(get(name).meta.defaults),),
        lang,
        layout=("summary", "plot", "card"),
    )
