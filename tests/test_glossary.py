"""The glossary (snippets.glossary) and the terminology of the Portuguese pages.

Three groups of tests:

* integrity of ``TERMS``: one term per concept in each language, real definitions,
  ``avoid`` lists that cannot flag the preferred term itself;
* the outputs built from it: the glossary table and the Markdown abbreviations
  (rendered with Python-Markdown's ``abbr`` extension, as the site does);
* the terminology test: no discouraged synonym (``Term.avoid``) in the prose of a
  Portuguese page, nor in the Portuguese labels of figures and tables.

The rule, kept simple: code (fenced and inline), math, link targets, HTML comments,
mkdocstrings directives and the English term given as "(em inglês, *term*)" are not
prose; neither are the titles of cited works
(the italic text of the references page and of any section headed "Referências"),
which keep their original language, nor the English term given once, in exactly
the form "(em inglês, *term*)", next to the Portuguese one for readers who will
meet it in papers and library documentation. Everything else is checked. The glossary page
is the one exception: it lists the discouraged forms on purpose, and it is the only
page where an English term such as "bias" may appear in the prose.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import markdown
import pytest

from snippets.glossary import TERMS, Term, abbreviations, sort_key, table, terms
from snippets.i18n import LABELS

ROOT = Path(__file__).resolve().parent.parent
PT_DOCS = ROOT / "docs" / "pt"
EXEMPT = {"glossary.md"}  # relative to docs/pt: pages allowed to use avoided forms


def fold(text: str) -> str:
    """Lower case, no accents: an independent key for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


# --------------------------------------------------------------------------- #
# The terminology checker
# --------------------------------------------------------------------------- #
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_DIRECTIVE = re.compile(r"^\s*::: ")  # mkdocstrings: ::: snippets.datasets
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITALIC = re.compile(r"(?<![*\w])\*(?![*\s])[^*]+?(?<![*\s])\*(?![*\w])", re.DOTALL)
_NOT_PROSE = (
    re.compile(r"<!--.*?-->", re.DOTALL),  # HTML comments
    re.compile(r"\\\[.*?\\\]", re.DOTALL),  # display math
    re.compile(r"\\\(.*?\\\)", re.DOTALL),  # inline math
    re.compile(r"(`+).+?\1", re.DOTALL),  # inline code
    re.compile(r"\]\([^)]*\)"),  # link targets
    # The English term given once, as a bridge to papers and PyTorch's documentation:
    # exactly "(em inglês, *term*)".
    re.compile(r"\(em\s+inglês,\s+\*[^*()]+\*\)"),
)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(text: str, references: bool = False) -> str:
    """``text`` with what is not prose blanked out (see the module docstring).

    ``references`` says the whole text is a list of references (the references
    page); otherwise only sections headed "Referências" are. Blanked characters
    become spaces and newlines are kept, so line numbers do not change.
    """
    lines, fence, cited, section = [], None, [], None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        heading = _HEADING.match(line) if fence is None else None
        if heading:
            level = len(heading.group(1))
            if section is not None and level <= section:
                section = None
            if heading.group(2).strip().casefold().startswith("referências"):
                section = level
        if fence is None and match:
            fence = match.group(1)
            line = ""
        elif fence is not None:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
            ):
                fence = None
            line = ""
        elif _DIRECTIVE.match(line):
            line = ""
        lines.append(line)
        cited.append(references or section is not None)
    for pattern in _NOT_PROSE:
        text = pattern.sub(_blank, "\n".join(lines))
        lines = text.split("\n")
    # Titles of cited works: italics on the lines of a list of references.
    out = "\n".join(lines)

    def title(match: re.Match) -> str:
        line = out.count("\n", 0, match.start())
        return _blank(match) if cited[line] else match.group(0)

    return _ITALIC.sub(title, out)


def avoided_pattern(form: str) -> re.Pattern:
    """Whole-word, case-insensitive pattern; a space also matches a line break."""
    body = r"\s+".join(re.escape(word) for word in form.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def violations(
    text: str, terms_: tuple[Term, ...] = TERMS, references: bool = False
) -> list[tuple[int, str, str]]:
    """``(line, form found, preferred term)`` for each avoided form in the prose."""
    clean = prose(text, references)
    found = []
    for term in terms_:
        for form in term.avoid:
            for match in avoided_pattern(form).finditer(clean):
                line = clean.count("\n", 0, match.start()) + 1
                found.append((line, match.group(0), term.pt))
    return sorted(found)


PT_PAGES = sorted(PT_DOCS.rglob("*.md"))


def test_the_checker_finds_prose_and_skips_code():
    text = (
        "A descida de gradiente usa a taxa de\naprendizagem.\n"
        "```python\nbias = 0  # bias, plateau\n```\n"
        "    ```python\n    treino = 1\n    ```\n"
        "Em código: `bias`; em fórmula: \\(\\text{plateau}\\); "
        "um [link](properties/plateau.md).\n"
        "<!-- treino -->\n"
        "O viés e o treinamento; um Dataset.\n"
    )
    found = [(line, form.lower()) for line, form, _ in violations(text)]
    assert found == [
        (1, "descida de gradiente"),
        (1, "taxa de\naprendizagem"),
        (11, "dataset"),
    ]


def test_the_checker_skips_titles_of_cited_works_only():
    text = (
        "# Página\n\nO *dying ReLU* aqui é prosa; ::: também.\n"
        "::: snippets.datasets\n"
        "## Referências\n\n"
        "- Bengio (1994). *Learning long-term dependencies\n  with gradient descent is"
        " difficult*. Sobre **o treino**.\n"
        "### Livros\n\n- Nielsen. *Dataset* x.\n"
        "## Exercícios\n\nUm *dataset*.\n"
    )
    found = [(line, form.casefold()) for line, form, _ in violations(text)]
    assert found == [(3, "dying relu"), (8, "treino"), (14, "dataset")]
    assert [f for _, f, _ in violations(text, references=True)] == ["treino"]


def test_the_checker_allows_the_english_term_in_its_bridge_form_only():
    text = (
        "A retropropagação (em inglês, *backpropagation*) e o modo reverso (em\n"
        "inglês, *reverse\nmode*).\n"
        "Sem o parêntese, *backpropagation* é prosa; (em inglês, backprop) também;\n"
        "e (in English, *overflow*) também.\n"
    )
    found = [(line, form.casefold()) for line, form, _ in violations(text)]
    assert found == [(4, "backprop"), (4, "backpropagation"), (5, "overflow")]


def test_the_checker_allows_exactly_the_english_bridge():
    text = (
        "A retropropagação (em inglês, *backpropagation*) e a normalização em lote\n"
        "(em inglês, *batch normalization*) e a borda do caos (em inglês,\n"
        "*edge of\nchaos*).\n"
        "Mas não: backpropagation, (*backpropagation*), (em inglês, backpropagation),\n"
        "(em inglês: *backpropagation*).\n"
    )
    found = [(line, form.casefold()) for line, form, _ in violations(text)]
    assert found == [(5, "backpropagation")] * 3 + [(6, "backpropagation")]


def test_the_checker_matches_whole_words_only():
    assert violations("O treinamento e os pré-treinos.") == []
    assert violations("Sem treino.")[0][2] == "treinamento"
    assert violations("O sigmóide.")[0][2] == "sigmoide"


def test_there_are_portuguese_pages():
    assert len(PT_PAGES) > 5
    assert PT_DOCS / "glossary.md" in PT_PAGES


@pytest.mark.parametrize(
    "page",
    [p for p in PT_PAGES if p.relative_to(PT_DOCS).as_posix() not in EXEMPT],
    ids=lambda p: p.relative_to(PT_DOCS).as_posix(),
)
def test_portuguese_page_uses_the_glossary_terms(page):
    references = page.relative_to(PT_DOCS).as_posix() == "references.md"
    found = violations(page.read_text(encoding="utf-8"), references=references)
    report = [
        f"{page.relative_to(ROOT)}:{line}: '{form}' -> use '{preferred}'"
        for line, form, preferred in found
    ]
    assert not report, "discouraged terms:\n" + "\n".join(report)


def test_portuguese_labels_use_the_glossary_terms():
    report = []
    for key, template in LABELS["pt"].items():
        if key.startswith("glossary_"):  # the labels of the glossary itself
            continue
        text = re.sub(r"\{\w+\}", " ", template)
        report += [f"{key}: '{form}' -> use '{pt}'" for _, form, pt in violations(text)]
    assert not report, "\n".join(report)


def test_portuguese_definitions_use_the_glossary_terms():
    report = [
        f"{term.pt}: '{form}' -> use '{pt}'"
        for term in TERMS
        for _, form, pt in violations(term.pt_definition)
    ]
    assert not report, "\n".join(report)


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
    assert isinstance(term.avoid, tuple)
    folded = [form.casefold() for form in term.avoid]
    assert len(set(folded)) == len(folded), "an avoided form is listed twice"
    assert term.pt.casefold() not in folded, "a term cannot avoid itself"
    # The preferred term must not contain an avoided form (it would flag itself).
    assert not violations(term.pt, (term,))


def test_an_avoided_form_is_no_other_concept():
    preferred = {term.pt.casefold() for term in TERMS}
    avoided = [form.casefold() for term in TERMS for form in term.avoid]
    assert not preferred & set(avoided)
    assert len(avoided) == len(set(avoided)), "a form is avoided by two terms"
    for term in TERMS:  # no preferred term contains another term's avoided form
        assert not violations(term.pt), term.pt


def test_bias_is_only_said_in_portuguese_as_vies():
    vies = next(term for term in TERMS if term.en == "bias")
    assert vies.pt == "viés" and "bias" in vies.avoid


def test_initialisation_variances_are_those_of_the_network():
    # The glossary's variances, checked against the schemes snippets.nn draws with.
    from snippets.nn import INITS

    term = next(term for term in TERMS if term.en == "initialisation")
    for text in (term.pt_definition, term.en_definition):
        for formula in ("1/n_in (LeCun)", "2/(n_in + n_out) (Glorot)", "2/n_in (He)"):
            assert formula in text
    for n_in, n_out in [(3, 4), (784, 10), (1, 1)]:
        assert INITS["lecun"](n_in, n_out) ** 2 == pytest.approx(1 / n_in)
        assert INITS["glorot"](n_in, n_out) ** 2 == pytest.approx(2 / (n_in + n_out))
        assert INITS["he"](n_in, n_out) ** 2 == pytest.approx(2 / n_in)


def test_linear_means_affine_in_both_languages():
    # One usage: "linear" is x -> xW + b, and "non-linear" is defined from it.
    by_en = {term.en: term for term in TERMS}
    for lang in ("pt", "en"):
        assert "x ↦ xW + b" in by_en["linear"].definition(lang)
        assert "x ↦ xW + b" in by_en["non-linear"].definition(lang)
        assert "affine" not in by_en["non-linear"].definition(lang)
        assert "afim" not in by_en["non-linear"].definition(lang)


def test_term_methods():
    term = next(term for term in TERMS if term.en == "plateau")
    assert (term.term("pt"), term.term("en")) == ("platô", "plateau")
    assert (term.other("pt"), term.other("en")) == ("plateau", "platô")
    assert term.definition("en") == term.en_definition
    with pytest.raises(ValueError, match="unknown language"):
        term.term("es")


# --------------------------------------------------------------------------- #
# The glossary table
# --------------------------------------------------------------------------- #
def cells(row: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


@pytest.mark.parametrize("lang, columns", [("pt", 4), ("en", 3)])
def test_table_has_one_row_per_term(lang, columns):
    lines = table(lang).strip().split("\n")
    assert len(lines) == len(TERMS) + 2
    assert all(len(cells(line)) == columns for line in lines)
    assert set(cells(lines[1])) == {"---"}
    first = [cells(line)[0].strip("*") for line in lines[2:]]
    assert sorted(first, key=lambda s: (fold(s), s)) == first
    assert set(first) == {term.term(lang) for term in TERMS}
    other = "en" if lang == "pt" else "pt"
    by_term = {cells(line)[0].strip("*"): cells(line) for line in lines[2:]}
    for term in TERMS:
        row = by_term[term.term(lang)]
        assert row[1] == term.term(other)
        assert row[2] == term.definition(lang).replace("|", "\\|")


def test_table_lists_avoided_forms_in_portuguese_only():
    rows = {
        cells(r)[0].strip("*"): cells(r) for r in table("pt").strip().split("\n")[2:]
    }
    assert rows["viés"][3] == "bias"
    assert rows["peso"][3] == "—"
    assert "Evite" in table("pt").split("\n")[0]
    assert "Avoid" not in table("en").split("\n")[0]


def test_table_headers_come_from_the_labels():
    assert cells(table("en").split("\n")[0]) == ["Term", "In Portuguese", "Definition"]


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
        table(bad)
    with pytest.raises(ValueError, match="unknown language"):
        abbreviations(bad)


# --------------------------------------------------------------------------- #
# Abbreviations (tooltips)
# --------------------------------------------------------------------------- #
_ABBR_LINE = re.compile(r"\*\[([^\]\n]+)\]: (\S[^\n]*)")


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_abbreviations_are_valid_markdown_definitions(lang):
    text = abbreviations(lang)
    assert text.endswith("\n") and not text.endswith("\n\n")
    lines = text[:-1].split("\n")
    wanted = {term.term(lang): term.definition(lang) for term in TERMS if term.tooltip}
    parsed = {}
    for line in lines:
        match = _ABBR_LINE.fullmatch(line)
        assert match, line
        parsed[match.group(1)] = match.group(2)
    assert parsed == wanted
    assert len(lines) == len(wanted)


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
