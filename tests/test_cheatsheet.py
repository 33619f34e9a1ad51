"""The cheat sheet (snippets.cheatsheet): complete, consistent, and its words true.

Every registered activation has its strengths and flaws in both languages; the
table has one row per function with a link to its catalogue page; its numbers are
the cells of the property card and of the comparison table (same cost dictionary,
same formatting); and the checkable claims of the short texts are checked against
the registry and independent computations (finite differences, closed forms).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from snippets import cheatsheet as C
from snippets import tables
from snippets.activations import get, names
from snippets.cost import layer_costs
from snippets.i18n import t

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("pt", "en")


@pytest.fixture(scope="module")
def cost():
    return layer_costs(names(), batch=16, width=64, repeats=3)


def cells(row: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


def table(markdown: str) -> tuple[list[str], list[list[str]]]:
    lines = markdown.rstrip("\n").split("\n")
    header = cells(lines[0])
    assert cells(lines[1]) == ["---"] * len(header)
    body = [cells(line) for line in lines[2:]]
    assert all(len(row) == len(header) for row in body)
    return header, body


# --------------------------------------------------------------------------- #
# Every registered function has its words, in both languages
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("name", names())
def test_every_registered_function_has_strengths_and_flaws(name):
    assert name in C.NOTES, (
        f"add NOTES[{name!r}] (strengths and flaws, pt and en) to snippets/cheatsheet.py"
    )
    assert set(C.NOTES[name]) == set(LANGS)
    for lang in LANGS:
        strengths, flaws = C.notes(name, lang)
        for text in (strengths, flaws):
            assert text.strip() == text and text.endswith(".")
            assert 10 <= len(text) <= 120, f"{name} ({lang}): a few words: {text!r}"
            assert "|" not in text


def test_no_words_for_an_unregistered_function():
    assert set(C.NOTES) <= set(names()), set(C.NOTES) - set(names())


def test_notes_errors_name_the_problem():
    with pytest.raises(KeyError, match="registered: identity, step"):
        C.notes("relu7", "pt")
    with pytest.raises(ValueError, match="'pt', 'en'"):
        C.notes("relu", "fr")


def test_a_function_without_words_is_named(monkeypatch, cost):
    monkeypatch.delitem(C.NOTES, "mish")
    with pytest.raises(KeyError, match=r"NOTES\['mish'\] to snippets/cheatsheet.py"):
        C.cheatsheet("en", cost=cost)


# --------------------------------------------------------------------------- #
# The table: one row per function, linked, numbers as the card and comparison
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("lang", LANGS)
def test_one_row_per_function_linked_to_its_page(lang, cost):
    header, body = table(C.cheatsheet(lang, cost=cost))
    assert header == [t(key, lang) for key in C.COLUMNS]
    assert len(body) == len(names())
    for name, row in zip(names(), body, strict=True):
        assert row[0] == f"[{get(name).meta.display[lang]}](activations/{name}.md)"
        assert (ROOT / "docs" / lang / "activations" / f"{name}.md").is_file()
        assert row[1:3] == list(C.notes(name, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_are_those_of_the_comparison_table_and_the_cards(lang, cost):
    _, sheet = table(C.cheatsheet(lang, cost=cost))
    compared_header, compared = table(tables.comparison(lang, cost=cost))
    column = {key: compared_header.index(t(key, lang)) for key in C.COLUMNS[4:]}
    for name, row, other in zip(names(), sheet, compared, strict=True):
        assert row[0] == other[0]
        for key in C.COLUMNS[4:]:
            assert row[C.COLUMNS.index(key)] == other[column[key]], (name, key)
        _, card = table(tables.card(name, lang, cost=cost))
        card_range = next(v for k, v in card if k == t("card_range", lang))
        assert row[C.COLUMNS.index("card_range")] == card_range


def test_the_sheet_reads_this_builds_measurement_when_given_none(monkeypatch, cost):
    monkeypatch.setattr(C, "measured_costs", lambda: cost)
    assert C.cheatsheet("pt") == C.cheatsheet("pt", cost=cost)


def test_prefix_changes_only_the_links(cost):
    plain, other = C.cheatsheet("en", cost=cost), C.cheatsheet("en", "x/", cost=cost)
    assert other == plain.replace("](activations/", "](x/")


# --------------------------------------------------------------------------- #
# What the short texts claim
# --------------------------------------------------------------------------- #
X = np.linspace(-8.0, 8.0, 16_001)


def derivative(name: str, x=X, **params):
    """Central differences of the registry's function (not its derivative)."""
    f, h = get(name, **params), 1e-6
    return (f(x + h) - f(x - h)) / (2 * h)


def centred(name: str) -> bool:
    return abs(tables.property_card(name)["mean"]) < tables.CENTRED_TOLERANCE


def test_zero_centred_claims():
    for name in ("tanh", "selu", "softsign", "hard_tanh", "identity"):
        assert centred(name), name
    for name in ("relu", "sigmoid", "softplus", "gelu", "silu", "leaky_relu"):
        assert not centred(name), name


def test_derivative_claims():
    away = np.abs(X) > 1e-3
    assert np.allclose(derivative("identity"), 1.0)
    assert np.all(derivative("step")[away] == 0.0)
    assert np.allclose(derivative("relu")[X > 1e-3], 1.0)
    assert np.all(derivative("relu")[X < -1e-3] == 0.0)
    assert derivative("sigmoid").max() <= 0.25 + 1e-9  # "small derivative"
    for name in ("selu", "hard_swish"):  # "derivative above 1"
        assert derivative(name).max() > 1.1, name
    for name in ("relu6", "hard_tanh"):  # "zero gradient on both sides"
        d = derivative(name)
        assert np.all(d[X < -1.5] == 0.0) and np.all(d[X > 7.5] == 0.0), name
    assert np.all(derivative("hard_swish")[X < -3.5] == 0.0)  # "zero for good"
    for name in ("sigmoid", "tanh"):  # "plateaus at both ends"
        d = derivative(name)
        assert d[0] < 0.01 and d[-1] < 0.01, name


def test_shape_claims():
    assert np.all(get("sigmoid")(X) > 0) and np.all(get("softplus")(X) > 0)
    assert np.all(get("log_sigmoid")(X) <= 0)
    for name in ("gelu", "gelu_tanh", "silu", "mish", "hard_swish"):
        assert not get(name).meta.monotonic and np.any(np.diff(get(name)(X)) < 0)
    assert get("elu")(-50.0) == pytest.approx(-get("elu").meta.defaults["alpha"])
    assert (
        abs(tables.property_card("elu")["mean"]) < tables.property_card("relu")["mean"]
    )
    assert np.allclose(get("celu", alpha=1.0)(X), get("elu", alpha=1.0)(X))
    # softsign saturates more slowly than tanh, but it saturates
    far = np.array([3.0, 10.0, 100.0])
    assert np.all(derivative("softsign", far) > derivative("tanh", far))
    assert derivative("softsign", np.array([1e4]))[0] < 1e-7


def test_cost_claims():
    ops = {n: sum(get(n).meta.transcendentals.values()) for n in names()}
    assert (
        ops["mish"] == max(ops.values()) and list(ops.values()).count(ops["mish"]) == 1
    )
    for name in ("relu", "leaky_relu", "hard_sigmoid", "hard_swish", "softsign"):
        assert ops[name] == 0, name  # no exponentials
    assert get("elu").meta.transcendentals == {"exp": 1}
    assert get("silu").meta.transcendentals == {"exp": 1}
    assert get("gelu").meta.transcendentals == {"erf": 1}


# --------------------------------------------------------------------------- #
# The claims of the cheat sheet page (docs/*/cheatsheet.md)
# --------------------------------------------------------------------------- #
def test_bounded_and_zero_centred_functions_and_their_plateaus():
    from snippets.properties import saturated_share

    found = {
        n
        for n in names()
        if get(n).meta.bounded_above and get(n).meta.bounded_below and centred(n)
    }
    assert found == {"tanh", "softsign", "hard_tanh"}
    assert saturated_share("tanh") >= 0.5 and saturated_share("hard_tanh") >= 0.5
    assert saturated_share("softsign") == 0.0  # within the column's interval...
    assert derivative("softsign", np.array([20.0]))[0] < 0.01  # ...but further out


def test_leaky_relu_plateau_sits_on_the_threshold():
    import inspect

    from snippets.properties import saturated_share

    threshold = inspect.signature(saturated_share).parameters["threshold"].default
    slope = get("leaky_relu").meta.defaults["slope"]
    assert slope == threshold  # "exactly on the threshold"
    assert saturated_share("relu") == 0.5
    assert saturated_share(get("leaky_relu", slope=slope)) == 0.0
    assert saturated_share(get("leaky_relu", slope=slope / 2)) == pytest.approx(0.5)
