"""The label table: both languages complete, consistent and well formatted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from snippets.i18n import (
    LABELS,
    LANGS,
    check_lang,
    fmt_and,
    fmt_auto,
    fmt_items,
    fmt_list,
    fmt_mean_sd,
    fmt_number,
    fmt_range,
    fmt_spread,
    placeholders,
    t,
)
from snippets.labels import SAME_IN_BOTH


def test_languages():
    assert LANGS == ("pt", "en")
    assert set(LABELS) == set(LANGS)


def test_identical_keys():
    assert set(LABELS["pt"]) == set(LABELS["en"])


def test_no_key_written_twice():
    """A key written twice in a language silently keeps only its last text (two
    figures once shared 'alt_signal' after a merge)."""
    import ast
    import collections

    import snippets.labels

    folder = Path(snippets.labels.__file__).parent
    modules = sorted(folder.glob("labels*.py"))
    assert len(modules) >= 5, modules  # labels.py and the modules it merges
    for module in modules:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                twice = [k for k, n in collections.Counter(keys).items() if n > 1]
                assert not twice, f"{module.name} line {node.lineno}: {twice}"


def test_a_key_in_two_label_modules_is_an_error(monkeypatch):
    from snippets import labels, labels_tables

    monkeypatch.setitem(
        labels_tables.LABELS["pt"], "axis_input", labels.LABELS["pt"]["axis_input"]
    )
    with pytest.raises(ValueError, match="axis_input"):
        labels._merge()


@pytest.mark.parametrize("key", sorted(LABELS["pt"]))
def test_identical_placeholders(key):
    assert placeholders(LABELS["pt"][key]) == placeholders(LABELS["en"][key])


@pytest.mark.parametrize("lang", LANGS)
def test_no_empty_strings(lang):
    empty = [key for key, text in LABELS[lang].items() if not text.strip()]
    assert not empty


def test_translated_unless_whitelisted():
    same = {key for key in LABELS["pt"] if LABELS["pt"][key] == LABELS["en"][key]}
    assert same <= SAME_IN_BOTH, sorted(same - SAME_IN_BOTH)


def test_whitelist_is_current():
    assert set(LABELS["pt"]) >= SAME_IN_BOTH


def test_no_stray_whitespace_or_ascii_minus_before_digits():
    for lang in LANGS:
        for key, text in LABELS[lang].items():
            assert text == text.strip() or key in {"list_sep", "items_sep", "list_and"}
            assert not re.search(r"(?<![\w)])-\d", text), (lang, key)


def test_bias_is_vies_in_portuguese():
    # The glossary's avoid lists are checked over every pt label in
    # tests/test_terminology.py; here only the one word the figures depend on.
    assert "viés" in LABELS["pt"]["neuron_bias"]


def test_t_formats():
    assert t("figure_saved", "pt", path="a.png") == "Figura salva em a.png"
    assert t("figure_saved", "en", path="a.png") == "Figure saved to a.png"


def test_t_missing_key_names_key_and_language():
    with pytest.raises(KeyError, match=r"'no_such_key'.*'pt'"):
        t("no_such_key", "pt")


def test_t_missing_placeholder_names_it():
    with pytest.raises(KeyError, match=r"figure_saved.*path"):
        t("figure_saved", "en")


@pytest.mark.parametrize("bad", ["xx", "PT", "pt-BR", ""])
def test_bad_lang(bad):
    message = f"unknown language {bad!r}; valid choices: 'pt', 'en'"
    with pytest.raises(ValueError, match=re.escape(message)):
        check_lang(bad)
    with pytest.raises(ValueError, match="valid choices"):
        t("figure_saved", bad, path="x")
    with pytest.raises(ValueError, match="valid choices"):
        fmt_number(1.0, bad, 2)


@pytest.mark.parametrize(
    ("x", "lang", "digits", "expected"),
    [
        (0.25, "pt", 2, "0,25"),
        (0.25, "en", 2, "0.25"),
        (1_000_000, "pt", 0, "1.000.000"),
        (1_000_000, "en", 0, "1,000,000"),
        (1234.5, "pt", 2, "1.234,50"),
        (1234.5, "en", 2, "1,234.50"),
        (-1.5, "pt", 1, "−1,5"),
        (-0.001, "pt", 2, "0,00"),
        (3, "en", 0, "3"),
        (float("inf"), "pt", 0, "+∞"),
        (float("-inf"), "en", 2, "−∞"),
    ],
)
def test_fmt_number(x, lang, digits, expected):
    assert fmt_number(x, lang, digits) == expected


@pytest.mark.parametrize(
    ("x", "lang", "expected"),
    [
        (0.25, "pt", "0,25"),
        (0.012345, "en", "0.012"),
        (2.0, "pt", "2"),
        (3.2e-7, "pt", "3,2 × 10⁻⁷"),
        (9.96e-5, "en", "1 × 10⁻⁴"),
        (-1234.0, "pt", "−1.200"),
        (0.0, "en", "0"),
    ],
)
def test_fmt_auto(x, lang, expected):
    assert fmt_auto(x, lang) == expected


def test_fmt_spread():
    values = [0.1, 0.25, 0.4]
    assert fmt_spread(values, "pt", 2) == "0,25 (0,10–0,40)"
    assert fmt_spread(values, "en", 1, scale=100, unit=" %") == "25.0 % (10.0–40.0)"
    # sample standard deviation: sqrt(((0.15)^2 * 2) / 2) = 0.15
    assert fmt_spread(values, "en", 2, style="sd") == "0.25 ± 0.15"
    assert fmt_spread([0.6931, 0.6932], "en", 3) == "0.693"  # the ends print alike
    assert fmt_spread([-1.0, 1.0], "pt", 1, style="sd") == "0,0 ± 1,4"
    assert fmt_spread([0.5], "en", 1, style="sd") == "0.5 ± 0.0"
    with pytest.raises(ValueError, match="style"):
        fmt_spread(values, "en", style="iqr")
    with pytest.raises(ValueError, match="at least one"):
        fmt_spread([], "en")
    with pytest.raises(ValueError, match="unknown language"):
        fmt_spread(values, "fr")


def test_list_joins():
    assert fmt_list(["0,5", "1"], "pt") == "0,5; 1"
    assert fmt_list(["0.5", "1"], "en") == "0.5, 1"
    # an item with a comma of its own (a thousands separator): semicolons
    assert fmt_list(["1,000", "999", "998"], "en") == "1,000; 999; 998"
    assert fmt_items(["a, b", "c"], "en") == "a, b; c"
    assert fmt_and(["a", "b", "c"], "pt") == "a, b e c"
    assert fmt_and(["a", "b"], "en") == "a and b"
    assert fmt_and(["a"], "en") == "a"


def test_fmt_mean_sd_is_the_sample_spread():
    import statistics

    values = [0.996, 0.994, 0.99, 0.988, 0.995]
    mean, sd = statistics.mean(values), statistics.stdev(values)  # n - 1
    assert fmt_mean_sd(values, "en", 4) == f"{mean:.4f} ± {sd:.4f}"
    assert fmt_mean_sd([99.25, 98.75], "pt", 2) == "99,00 ± 0,35"
    with pytest.raises(ValueError, match="at least two"):
        fmt_mean_sd([1.0], "en")


def test_fmt_range():
    assert fmt_range([0.277, 0.2784, 0.2771], "en", 3) == "0.277–0.278"
    assert fmt_range([22, 25, 24], "pt", 0) == "22–25"
    assert fmt_range([7.04, 6.96], "en", 1) == "7.0"  # equal once rounded
    with pytest.raises(ValueError, match="at least one"):
        fmt_range([], "en")
