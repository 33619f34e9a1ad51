"""The cheat sheet (snippets.cheatsheet): complete, consistent, and its words true.

Every registered activation has its strengths and flaws in both languages; the
table has one row per function with a link to its catalogue page; its numbers are
the cells of the property card and of the comparison table (same cost dictionary,
same formatting); and the checkable claims of the short texts are checked against
the registry and independent computations (finite differences, closed forms).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

from snippets import cheatsheet as C
from snippets import tables
from snippets.activations import get, names
from snippets.cost import layer_costs
from snippets.i18n import fmt_number, t
from snippets.properties import FLAT_THRESHOLD

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
    assert derivative("sigmoid").max() == pytest.approx(0.25, abs=1e-9)  # "at most 1/4"
    assert derivative("hard_sigmoid").max() == pytest.approx(1 / 6, abs=1e-9)  # "1/6"
    for name in ("selu", "hard_swish"):  # "derivative above 1"
        assert derivative(name).max() > 1.1, name


#: Out to 1e6 on both sides, beyond the grid of the cards' own search.
FAR = np.concatenate([-np.geomspace(1e6, 8.0, 200), X, np.geomspace(8.0, 1e6, 200)])


def tails(name: str, dead: bool = False) -> tuple[bool, bool]:
    """(left, right): whether the card has a flat tail (a dead zone if ``dead``)
    on each side, after checking its edges against central differences: below
    the threshold (exactly 0) all the way out beyond each edge, not just inside
    it; where the card has no tail, not at the far end either. Dead zones are
    checked on [-8, 8]: further out, central differences of the sigmoid and the
    others round to 0 although their derivative is not zero."""
    left, right = tables.property_card(name)["dead_zone" if dead else "flat_tails"]
    x = X if dead else FAR
    d = np.abs(derivative(name, x))

    def holds(v):
        return v == 0.0 if dead else v < FLAT_THRESHOLD

    for edge, outside, inside, end in ((left, -1, 1, 0), (right, 1, -1, -1)):
        if np.isinf(edge):  # no tail on this side
            assert not holds(d[end]), (name, edge)
            continue
        assert np.all(holds(d[outside * (x - edge) > 1e-4])), (name, edge)
        assert not holds(np.abs(derivative(name, np.array([edge + inside * 1e-3]))))[0]
    return bool(left > -np.inf), bool(right < np.inf)


@pytest.mark.parametrize(
    ("name", "flat", "dead"),
    [
        ("sigmoid", (True, True), (False, False)),  # "flat tails at both ends"
        ("tanh", (True, True), (False, False)),
        ("softsign", (True, True), (False, False)),
        ("relu", (True, False), (True, False)),  # "its left half is a dead zone"
        ("leaky_relu", (True, False), (False, False)),  # "still a flat tail", no dead
        ("elu", (True, False), (False, False)),  # "a flat tail on the left"
        ("hard_sigmoid", (True, True), (True, True)),  # "a dead zone at both ends"
        ("hard_tanh", (True, True), (True, True)),
        ("relu6", (True, True), (True, True)),
        ("hard_swish", (True, False), (True, False)),  # "a dead zone on the left"
    ],
)
def test_flat_tail_and_dead_zone_claims(name, flat, dead):
    assert tails(name) == flat
    assert tails(name, dead=True) == dead
    card = tables.property_card(name)
    if name == "relu":
        assert card["dead_zone"] == (0.0, np.inf)  # the whole left half
    if name == "leaky_relu":
        assert card["flat_tails"] == (0.0, np.inf)


def test_softsign_tails_start_further_out_than_tanh():
    tanh_edge = tables.property_card("tanh")["flat_tails"][1]
    x = np.array([tanh_edge + 0.01, 3.0])
    assert np.all(derivative("tanh", x) < FLAT_THRESHOLD)
    assert np.all(derivative("softsign", x) > FLAT_THRESHOLD)
    assert tables.property_card("softsign")["flat_tails"][1] > tanh_edge


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
def test_bounded_monotonic_functions_have_flat_tails_at_both_ends():
    """Range bullet: "in the catalogue, every such function has flat tails on both
    sides"."""
    for name in names():
        meta = get(name).meta
        if meta.bounded_above and meta.bounded_below and meta.monotonic:
            left, right = tables.property_card(name)["flat_tails"]
            assert left > -np.inf and right < np.inf, name


def test_bounded_and_zero_centred_functions_and_their_tails():
    """Exercise 1."""
    found = {
        n
        for n in names()
        if get(n).meta.bounded_above and get(n).meta.bounded_below and centred(n)
    }
    assert found == {"tanh", "softsign", "hard_tanh"}
    card = {n: tables.property_card(n) for n in found}
    for name in found:  # flat tails at both ends, monotonic
        assert tails(name) == (True, True) and get(name).meta.monotonic
    # only hard tanh's are a dead zone, from |x| = 1 on
    assert card["hard_tanh"]["dead_zone"] == (-1.0, 1.0)
    assert card["tanh"]["dead_share"] == card["softsign"]["dead_share"] == 0.0
    assert tails("tanh", dead=True) == tails("softsign", dead=True) == (False, False)
    # softsign's tails begin further out and cover less, yet its RMS gain is lower
    assert card["softsign"]["flat_tails"][1] > card["tanh"]["flat_tails"][1]
    assert card["softsign"]["flat_share"] < card["tanh"]["flat_share"]
    assert card["softsign"]["rms_gain"] < card["tanh"]["rms_gain"]
    # 1/(1 + |x|)^2 is softsign's derivative; smaller than tanh's near the origin
    # (where most standard normal pre-activations are), larger only further out
    x = np.linspace(0.01, 20.0, 20_000)
    soft, tanh = 1 / (1 + x) ** 2, 1 / np.cosh(x) ** 2
    assert np.allclose(derivative("softsign", x), soft, atol=1e-8)
    cross = x[np.argmax(soft > tanh)]
    assert np.all(soft[x < cross] < tanh[x < cross])
    assert np.all(soft[x >= cross] > tanh[x >= cross])
    assert math.erf(cross / math.sqrt(2)) > 0.5  # P(|Z| < cross) > 1/2
    # hard tanh: the largest of the three; slope 1 inside [-1, 1], 0 outside
    gains = {n: c["rms_gain"] for n, c in card.items()}
    assert max(gains, key=gains.get) == "hard_tanh"
    assert gains["hard_tanh"] == pytest.approx(math.sqrt(math.erf(1 / math.sqrt(2))))


def test_leaky_relu_flat_tail_without_dead_zone():
    """Exercise 2 and the summary."""
    from snippets.properties import dead_zone, flat_tails, rms_gain

    slope = get("leaky_relu").meta.defaults["slope"]
    assert 0 < slope < FLAT_THRESHOLD  # "both are below the threshold"
    assert np.allclose(derivative("leaky_relu", X[X < -1e-3]), slope)
    relu, leaky = tables.property_card("relu"), tables.property_card("leaky_relu")
    assert relu["flat_tails"] == leaky["flat_tails"] == (0.0, np.inf)
    assert relu["dead_zone"] == (0.0, np.inf)
    assert leaky["dead_zone"] == (-np.inf, np.inf)
    # slope 0 is ReLU
    zero = get("leaky_relu", slope=0.0)
    assert np.array_equal(zero(X), get("relu")(X))
    assert dead_zone(zero) == relu["dead_zone"]
    # any slope at or above the threshold takes the flat tail away; 0.1 is above
    for a in (FLAT_THRESHOLD, 0.1):
        assert flat_tails(get("leaky_relu", slope=a)) == (-np.inf, np.inf)
    assert flat_tails(get("leaky_relu", slope=0.999 * FLAT_THRESHOLD)) == (0.0, np.inf)
    # the RMS gain hardly tells slope 0 from the default: sqrt((1 + a^2)/2)
    for a in (0.0, slope, 0.1):
        gain = rms_gain(get("leaky_relu", slope=a))
        assert gain == pytest.approx(math.sqrt((1 + a * a) / 2), rel=1e-9)
    assert fmt_number(rms_gain(zero), "en", 3) == fmt_number(leaky["rms_gain"], "en", 3)
