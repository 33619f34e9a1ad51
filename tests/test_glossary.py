"""The glossary (snippets.glossary, its terms in snippets.terms).

Two groups of tests:

* integrity of ``TERMS``: one term per concept in each language, real definitions,
  ``avoid`` and ``en_avoid`` lists that cannot flag a chosen term, bridges that
  fit the bridge's syntax, and the definitions' numbers checked against the code
  and NumPy;
* the outputs built from it: the glossary list and the Markdown abbreviations
  (rendered with Python-Markdown's ``abbr`` extension, as the site does), whose
  Portuguese titles give the English term.

The terminology of the pages (every page of both languages, the labels and the
registry) is checked by ``scripts/terminology.py``, tested in
``tests/test_terminology.py``.
"""

from __future__ import annotations

import re
import unicodedata

import markdown
import numpy as np
import pytest

from scripts.terminology import prose, violations  # noqa: F401 (used by other tests)
from snippets.glossary import (
    TERMS,
    Term,
    abbreviations,
    definition_list,
    sort_key,
    terms,
)


def fold(text: str) -> str:
    """Lower case, no accents: an independent key for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def by_en(en: str) -> Term:
    return next(term for term in TERMS if term.en == en)


# --------------------------------------------------------------------------- #
# Integrity of TERMS
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("lang", ["pt", "en"])
def test_one_entry_per_term(lang):
    seen = [term.term(lang).casefold() for term in TERMS]
    duplicates = sorted({s for s in seen if seen.count(s) > 1})
    assert not duplicates


def test_terms_returns_every_entry():
    assert terms() == TERMS
    assert all(isinstance(term, Term) for term in TERMS)


@pytest.mark.parametrize("term", TERMS, ids=lambda term: term.en)
def test_entry_is_complete(term):
    for text in (term.pt, term.en):
        assert text and text == text.strip() and "\n" not in text
    for definition in (term.pt_definition, term.en_definition):
        assert (
            len(definition) > 20
            and definition[0].isupper()
            and definition.endswith(".")
        )
        assert "  " not in definition
    for forms, chosen in ((term.avoid, term.pt), (term.en_avoid, term.en)):
        assert isinstance(forms, tuple)
        folded = [form.casefold() for form in forms]
        assert len(set(folded)) == len(folded), "a form is listed twice"
        assert chosen.casefold() not in folded, "a term cannot avoid itself"


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_an_avoided_form_is_no_other_concept(lang):
    """One term per concept, both ways: no avoided form is a chosen term, no
    form is avoided for two concepts, and no chosen term contains another
    concept's avoided form (a term may contain its own: "estimador
    straight-through" avoids "straight-through" alone)."""
    from scripts.terminology import form_pattern

    def avoided(term):
        return term.avoid if lang == "pt" else term.en_avoid

    chosen = {term.term(lang).casefold() for term in TERMS}
    forms = [form.casefold() for term in TERMS for form in avoided(term)]
    assert not chosen & set(forms)
    assert len(forms) == len(set(forms)), "a form is avoided by two terms"
    for term in TERMS:
        for other in TERMS:
            allowed = other.allow if lang == "pt" else ()
            if any(form_pattern(a).search(term.term(lang)) for a in allowed):
                continue  # "unidade linear com porta", a name "neurônio" allows
            for form in avoided(other) if other is not term else ():
                assert not form_pattern(form).search(term.term(lang)), (term, form)


def test_mixed_forms_found_on_the_pages_are_avoided():
    """The competing forms once found on the Portuguese pages are each
    another term's discouraged form now, so the terminology test catches them."""
    mixed = {
        "normalização por lote": "normalização em lote",
        "estimador direto": "estimador straight-through",
        "straight-through": "estimador straight-through",
        "Leaky ReLU": "ReLU com vazamento",
        "hard swish": "swish rígida",
        "torneira": "porta",
        "ELU escalonada": "ELU com escala",
        "rede direta": "rede feedforward",
        "caderno": "notebook",
        "épsilon da máquina": "épsilon de máquina",
    }
    for form, chosen in mixed.items():
        assert [(1, form, chosen)] == violations(form), form


@pytest.mark.parametrize("term", [t for t in TERMS if t.bridge], ids=str)
def test_a_bridge_fits_the_bridge_form(term):
    """The English term of a bridge is written "(em inglês, *term*)": it has no
    asterisk or parenthesis, and it differs from the Portuguese term."""
    assert term.bridge == term.bridge.strip() and "  " not in term.bridge
    assert not set("*()\n") & set(term.bridge)
    assert term.bridge.casefold() != term.pt.casefold()
    assert re.fullmatch(r"[A-Za-z][A-Za-z' -]*", term.bridge), term.bridge


def test_the_bridged_terms_are_those_of_papers_and_pytorch():
    """A sample of the choice: the jargon a student meets in English sources is
    bridged; words shared by both languages and everyday words are not."""
    bridged = {term.pt for term in TERMS if term.bridge}
    assert {
        "viés",
        "desaparecimento do gradiente",
        "retropropagação",
        "normalização em lote",
        "taxa de aprendizado",
        "ReLU com vazamento",
        "inicialização de He",
        "rede feedforward",
    } <= bridged
    assert not {"softmax", "perceptron", "logit", "peso", "derivada"} & bridged
    assert by_en("initialisation").bridge == "initialization"  # PyTorch's spelling


def test_bias_is_only_said_in_portuguese_as_vies():
    vies = by_en("bias")
    assert vies.pt == "viés" and "bias" in vies.avoid and vies.bridge == "bias"


def test_initialisation_variances_are_those_of_the_network():
    # The glossary's variances, checked against the schemes snippets.nn draws with.
    from snippets.nn import INITS

    term = by_en("initialisation")
    for text in (term.pt_definition, term.en_definition):
        for formula in ("1/n_in (LeCun)", "2/(n_in + n_out) (Glorot)", "2/n_in (He)"):
            assert formula in text
        assert "fan_in" in text  # PyTorch's name for n_in
    schemes = {"lecun": "1/n_in", "glorot": "2/(n_in + n_out)", "he": "2/n_in"}
    for scheme, formula in schemes.items():
        named = by_en(
            f"{'LeCun' if scheme == 'lecun' else scheme.title()} initialisation"
        )
        for text in (named.pt_definition, named.en_definition):
            assert f"variância {formula}" in text or f"variance {formula}" in text
    for n_in, n_out in [(3, 4), (784, 10), (1, 1)]:
        assert INITS["lecun"](n_in, n_out) ** 2 == pytest.approx(1 / n_in)
        assert INITS["glorot"](n_in, n_out) ** 2 == pytest.approx(2 / (n_in + n_out))
        assert INITS["he"](n_in, n_out) ** 2 == pytest.approx(2 / n_in)


def test_floating_point_numbers_of_the_definitions():
    """Machine epsilon and precision, as the glossary states them."""
    eps = by_en("machine epsilon")
    assert np.finfo(np.float64).eps == 2.0**-52 and np.finfo(np.float32).eps == 2.0**-23
    assert f"{2.0**-52:.1e}" == "2.2e-16" and f"{2.0**-23:.1e}" == "1.2e-07"
    assert "2⁻⁵² ≈ 2,2 × 10⁻¹⁶" in eps.pt_definition
    assert "2⁻²³ ≈ 1,2 × 10⁻⁷" in eps.pt_definition
    assert "2⁻⁵² ≈ 2.2 × 10⁻¹⁶" in eps.en_definition
    # "at most half of it": round to nearest, in numbers
    assert np.float64(1) + np.float64(2.0**-53) == 1.0  # half an epsilon: rounds back
    precision = by_en("precision")
    for dtype, bits, digits in [(np.float64, 53, 16), (np.float32, 24, 7)]:
        assert np.finfo(dtype).nmant + 1 == bits
        assert round(bits * np.log10(2)) == digits
    assert (
        "53 bits" in precision.pt_definition
        and "16 algarismos" in precision.pt_definition
    )
    assert "24 em float32 (cerca de 7)" in precision.pt_definition


def test_hard_functions_are_described_as_the_registry_computes_them():
    from snippets.activations import get

    x = np.array([-4.0, -3.0, 0.0, 3.0, 4.0])
    relu6 = np.clip(x + 3, 0, 6) / 6
    assert np.allclose(get("hard_sigmoid")(x), relu6)  # "ReLU6(x + 3)/6"
    assert np.allclose(get("hard_swish")(x), x * relu6)  # "x · ReLU6(x + 3)/6"
    assert np.allclose(get("hard_tanh")(x), np.clip(x, -1, 1))  # −1, x, 1
    for en, formula in [
        ("hard sigmoid", "ReLU6(x + 3)/6"),
        ("hard swish", "x · ReLU6"),
    ]:
        assert formula in by_en(en).pt_definition and formula in by_en(en).en_definition


def test_convexity_and_the_condition_number_as_defined():
    """The definitions' claims on a small example: a convex quadratic's chord
    lies above the graph, and gradient descent with the best fixed rate needs
    steps in proportion to the condition number."""
    f = lambda w: 0.5 * w @ np.diag([1.0, 10.0]) @ w  # noqa: E731
    x, y = np.array([1.0, -2.0]), np.array([-3.0, 0.5])
    for t_ in np.linspace(0, 1, 11):
        assert f(t_ * x + (1 - t_) * y) <= t_ * f(x) + (1 - t_) * f(y) + 1e-12

    def steps(kappa):
        h = np.array([1.0, kappa])
        rate, w, n = 2 / (h.min() + h.max()), np.ones(2), 0
        while np.linalg.norm(w) > 1e-3 * np.sqrt(2):
            w, n = w - rate * h * w, n + 1
        return n

    ratios = [steps(k) / k for k in (100, 1000, 10000)]
    assert max(ratios) / min(ratios) < 1.2  # proportional to the condition number


def test_linear_means_affine_in_both_languages():
    # One usage: "linear" is x -> xW + b, and "non-linear" is defined from it.
    for lang in ("pt", "en"):
        assert "x ↦ xW + b" in by_en("linear").definition(lang)
        assert "x ↦ xW + b" in by_en("non-linear").definition(lang)
        assert "affine" not in by_en("non-linear").definition(lang)
        assert "afim" not in by_en("non-linear").definition(lang)


def test_term_methods():
    term = next(term for term in TERMS if term.en == "plateau")
    assert (term.term("pt"), term.term("en")) == ("platô", "plateau")
    assert (term.other("pt"), term.other("en")) == ("plateau", "platô")
    assert term.definition("en") == term.en_definition
    with pytest.raises(ValueError, match="unknown language"):
        term.term("es")


# --------------------------------------------------------------------------- #
# The glossary list
# --------------------------------------------------------------------------- #
_ENTRY = re.compile(
    r"\*\*(?P<term>.+?)\*\*"
    r"(?: \((?P<label>.+?): \*(?P<other>.+?)\*\{: lang=\"(?P<lang>pt|en)\" \}\))?"
    r"\n:   (?P<definition>.+)"
)


def entries(lang: str) -> dict[str, dict[str, str]]:
    """Each entry's parts (term, label, other, lang, definition), by term, in order."""
    text = definition_list(lang)
    found = list(_ENTRY.finditer(text))
    assert "\n\n".join(m[0] for m in found) + "\n" == text  # nothing but entries
    return {m["term"]: m.groupdict() for m in found}


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_list_has_one_entry_per_term(lang):
    found = entries(lang)
    assert len(found) == len(TERMS)
    first = list(found)
    assert sorted(first, key=lambda s: (fold(s), s)) == first
    assert set(first) == {term.term(lang) for term in TERMS}
    for term in TERMS:
        entry = found[term.term(lang)]
        # Portuguese readers get the English of papers and PyTorch, the bridge.
        other = (term.bridge or term.en) if lang == "pt" else term.pt
        if other.casefold() == term.term(lang).casefold():
            assert entry["other"] is None  # "Adam": said once
        else:
            assert entry["label"] == {"pt": "em inglês", "en": "in Portuguese"}[lang]
            assert entry["other"] == other
            assert entry["lang"] == {"pt": "en", "en": "pt"}[lang]
        assert entry["definition"].startswith(term.definition(lang))


def test_list_gives_avoided_forms_in_portuguese_only():
    pt = entries("pt")
    assert pt["viés"]["definition"].endswith(" Evite: *bias*.")
    assert "Evite" not in pt["peso"]["definition"]
    assert not any("Avoid" in e["definition"] for e in entries("en").values())


def test_the_other_language_is_marked_for_screen_readers(built_site):
    page = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert '<em lang="en">accuracy</em>' in page
    english = (built_site / "en" / "glossary" / "index.html").read_text("utf-8")
    assert '<em lang="pt">acurácia</em>' in english
    assert "<table" not in page and page.count("<dt>") == len(TERMS)


def test_sort_key_ignores_accents_and_case():
    words = [
        "platô",
        "plano",
        "Época",
        "epsilon",
        "erro",
        "ReLU morta",
        "retropropagação",
    ]
    assert sorted(words, key=sort_key) == [
        "Época",
        "epsilon",
        "erro",
        "plano",
        "platô",
        "ReLU morta",
        "retropropagação",
    ]


@pytest.mark.parametrize("bad", ["es", "PT", ""])
def test_bad_language(bad):
    with pytest.raises(ValueError, match="unknown language"):
        definition_list(bad)
    with pytest.raises(ValueError, match="unknown language"):
        abbreviations(bad)


# --------------------------------------------------------------------------- #
# Abbreviations (tooltips)
# --------------------------------------------------------------------------- #
_ABBR_LINE = re.compile(r"\*\[([^\]\n]+)\]: (\S[^\n]*)")


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_abbreviations_are_valid_markdown_definitions(lang):
    text = abbreviations(lang)  # one block per definition: see abbreviations()
    assert text.endswith("\n") and not text.endswith("\n\n")
    lines = text[:-1].split("\n\n")
    wanted = {term.term(lang): term.title(lang) for term in TERMS if term.tooltip}
    parsed = {}
    for line in lines:
        match = _ABBR_LINE.fullmatch(line)
        assert match, line
        parsed[match.group(1)] = match.group(2)
    assert parsed == wanted
    assert len(lines) == len(wanted)


def test_portuguese_tooltips_give_the_english_term():
    for term in TERMS:
        pt, en = term.title("pt"), term.title("en")
        assert en == term.en_definition
        if term.bridge:
            assert pt == f"{term.pt_definition} (em inglês: {term.bridge})"
        else:
            assert pt == term.pt_definition
    line = next(x for x in abbreviations("pt").splitlines() if x.startswith("*[platô]"))
    assert line.endswith("(em inglês: plateau)")


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_abbreviations_become_tooltips(lang):
    with_tooltip = [term for term in TERMS if term.tooltip]
    without = [term for term in TERMS if not term.tooltip]
    assert with_tooltip and without
    words = [term.term(lang) for term in TERMS]
    page = "Text: " + "; ".join(words) + ".\n\n" + abbreviations(lang)
    html = markdown.Markdown(extensions=["abbr"]).convert(page)
    shown = set(re.findall(r'<abbr title="[^"]*">([^<]*)</abbr>', html))
    for term in with_tooltip:
        assert term.term(lang) in shown, term.term(lang)
    for term in without:
        assert term.term(lang) not in shown
