"""The terminology check (scripts/terminology.py) and the terminology of the site.

First, on small texts, that the check catches each kind of violation: an avoided
form (singular or plural, across a line break, whole words only, not inside a
chosen term), an English variant on an English page, a bridge that names no term,
that does not follow its term, that comes after the term's first use, that is
given twice, and a term whose first page in the navigation does not bridge it.
Then the same rules on every page of both languages (found in ``docs/``, the
notebooks' Markdown cells included), on the figure and table labels, on the
registry's texts and on the glossary's own definitions.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml

from scripts import terminology
from scripts.terminology import (
    DOCS,
    EXEMPT,
    REFERENCES,
    bridge_problems,
    bridges,
    check,
    first_use_problems,
    nav_order,
    notebook_markdown,
    page_source,
    pages,
    prose,
    uses,
    violations,
)
from snippets.activations import get, names
from snippets.glossary import TERMS
from snippets.i18n import LABELS


def term(pt: str):
    return next(t for t in TERMS if t.pt == pt)


def found(text: str, lang: str = "pt") -> list[tuple[int, str]]:
    return [(line, form.casefold()) for line, form, _ in violations(text, lang=lang)]


def advice(problems) -> list[str]:
    return [p.advice for p in problems]


# --------------------------------------------------------------------------- #
# Avoided forms
# --------------------------------------------------------------------------- #
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
    assert found(text) == [
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
    assert found(text) == [(3, "dying relu"), (8, "treino"), (14, "dataset")]
    assert [f for _, f, _ in violations(text, references=True)] == ["treino"]


def test_the_checker_matches_whole_words_singular_or_plural():
    assert violations("O treinamento e os pré-treinos.") == []
    assert violations("Sem treino.")[0][2] == "treinamento"
    assert violations("Dois treinos.")[0][2] == "treinamento"
    assert violations("O sigmóide.")[0][2] == "sigmoide"
    assert found("Em redes diretas profundas.") == [(1, "redes diretas")]
    assert found("Duas torneiras; o tornei.") == [(1, "torneiras")]


def test_an_avoided_form_inside_a_chosen_term_is_not_flagged():
    text = "O estimador straight-through.\nUm gradiente straight-through.\n"
    assert found(text) == [(2, "straight-through")]
    assert found("Os estimadores straight-through.") == []


def test_an_avoided_form_inside_an_allowed_name_is_not_flagged():
    """ "unidade" is avoided for "neurônio", but not inside the names the term
    allows ("unidade linear retificada", "unidades com porta")."""
    assert found("Cada unidade da camada.") == [(1, "unidade")]
    assert found("A unidade linear retificada (ReLU).") == []
    assert found("# Unidades com porta e aprendíveis\n") == []
    assert found("Duas unidades Maxout e uma unidade.") == [(1, "unidade")]
    assert found("A unidade\nlinear exponencial.") == []
    # an allowed name is Portuguese only, and only for its own term
    assert "unidade linear" in term("neurônio artificial").allow
    assert all(not t.allow for t in TERMS if t.pt != "neurônio artificial")


def test_an_inactive_neuron_has_one_name():
    assert sorted(found("Os neurônios calados; duas camadas caladas.")) == [
        (1, "caladas"),
        (1, "calados"),
    ]
    assert found("Um neurônio desligado não morre.") == []
    assert found("Two silent neurons.", lang="en") == [(1, "silent neurons")]


def test_the_checker_allows_the_english_term_in_its_bridge_form_only():
    text = (
        "A retropropagação (em inglês, *backpropagation*) e o modo reverso (em\n"
        "inglês, *reverse\nmode*).\n"
        "Sem o parêntese, *backpropagation* é prosa; (em inglês, backprop) também;\n"
        "e (in English, *overflow*) também.\n"
    )
    assert found(text) == [(4, "backprop"), (4, "backpropagation"), (5, "overflow")]
    assert bridge_problems(text) == []


def test_the_checker_allows_exactly_the_english_bridge():
    text = (
        "A retropropagação (em inglês, *backpropagation*) e a normalização em lote\n"
        "(em inglês, *batch normalization*) e a borda do caos (em inglês,\n"
        "*edge of\nchaos*).\n"
        "Mas não: backpropagation, (*backpropagation*), (em inglês, backpropagation),\n"
        "(em inglês: *backpropagation*).\n"
    )
    assert found(text) == [(5, "backpropagation")] * 3 + [(6, "backpropagation")]


def test_english_pages_use_one_english_term():
    text = "Glorot initialization and batch normalization.\nSee *Initialization*.\n"
    assert found(text, "en") == [
        (1, "batch normalization"),
        (1, "initialization"),
        (2, "initialization"),
    ]
    assert found("Glorot initialisation and batch normalisation.", "en") == []
    # Titles of cited works keep their own spelling.
    cited = "## References\n\n- Ioffe (2015). *Batch normalization: accelerating*.\n"
    assert violations(cited, lang="en") == []


# --------------------------------------------------------------------------- #
# Bridges
# --------------------------------------------------------------------------- #
def test_a_bridge_follows_its_term():
    ok = (
        "O **desaparecimento do gradiente** (em inglês, *vanishing gradient*) e a "
        "[ReLU com vazamento](x.md) (em inglês, *Leaky ReLU*); os platôs (em\n"
        "inglês, *plateaus*).\n"
    )
    assert bridge_problems(ok) == []
    assert [t.pt for _, t in bridges(ok)] == [
        "desaparecimento do gradiente",
        "ReLU com vazamento",
        "platô",
    ]


def test_a_bridge_must_name_a_glossary_term():
    text = "A perda (em inglês, *cost*) e o passo (em inglês, *step*).\n"
    assert len(bridge_problems(text)) == 2
    assert all("bridges no term" in a for a in advice(bridge_problems(text)))


def test_a_bridge_must_follow_the_term_it_bridges():
    text = "A perda é grande (em inglês, *loss*).\n"
    (problem,) = bridge_problems(text)
    assert "must follow 'perda'" in problem.advice
    assert bridge_problems("O viés (em inglês, *loss*).\n")  # the wrong term


def test_a_term_is_bridged_once_per_page():
    text = "O viés (em inglês, *bias*).\n\nDe novo, o viés (em inglês, *bias*).\n"
    (problem,) = bridge_problems(text)
    assert problem.line == 3 and "twice" in problem.advice


def test_a_bridge_comes_at_the_first_use():
    text = "O platô some.\n\nUm platô (em inglês, *plateau*) é plano.\n"
    (problem,) = bridge_problems(text)
    assert problem.line == 3 and "first use, line 1" in problem.advice


def test_headings_tables_and_boxes_are_not_the_first_use():
    text = (
        "# Platôs\n\n"
        '!!! abstract "Nesta página"\n    O que é um platô.\n\n'
        "| platô | 1 |\n|---|---|\n\n"
        "Um platô (em inglês, *plateau*) é plano.\n\n"
        '??? success "Resposta"\n    Um platô.\n'
    )
    assert bridge_problems(text) == []
    assert len(uses(text, term("platô"))) == 1


def test_a_bridge_is_given_in_the_running_text_not_in_a_box_or_a_table():
    boxed = (
        '!!! abstract "Nesta página"\n    O que é um platô (em inglês, *plateau*).\n\n'
        "Um platô é plano.\n"
    )
    (problem,) = bridge_problems(boxed)
    assert problem.line == 2 and "running text" in problem.advice
    # ... unless the running text does not use the term: then the box may bridge it
    answer = '??? success "Resposta"\n    Tem posto (em inglês, *rank*) 1.\n'
    assert bridge_problems(answer) == []
    # A term only a box uses is not used by the page: the next page bridges it.
    only_boxed = ("a.md", '!!! abstract "Nesta página"\n    Um platô.\n')
    prose_use = ("b.md", "Um platô é plano.\n")
    (name, problem), *_ = first_use_problems([only_boxed, prose_use], (term("platô"),))
    assert name == "b.md" and problem.line == 1
    table = "| um platô (em inglês, *plateau*) | 1 |\n|---|---|\n\nUm platô.\n"
    assert "running text" in bridge_problems(table)[0].advice


def test_a_use_inside_a_longer_term_is_not_a_use():
    text = "A unidade linear com porta (em inglês, *gated linear unit*) multiplica.\n"
    assert uses(text, term("porta")) == []
    assert len(uses(text, term("unidade linear com porta"))) == 1


def test_the_first_page_that_uses_a_term_bridges_it():
    viés = term("viés")
    unbridged = ("a.md", "O viés desloca.\n")
    bridged = ("b.md", "O viés (em inglês, *bias*) desloca.\n")
    silent = ("c.md", "Nada aqui.\n")
    (name, problem), *_ = [
        (n, p)
        for n, p in first_use_problems([silent, unbridged, bridged])
        if p.found == "viés"
    ]
    assert name == "a.md" and problem.line == 1 and "*bias*" in problem.advice
    assert not [p for _, p in first_use_problems([silent, bridged, unbridged], (viés,))]
    assert not first_use_problems([silent], (viés,))


# --------------------------------------------------------------------------- #
# Pages and the navigation
# --------------------------------------------------------------------------- #
def test_pages_are_found_and_ordered_by_the_navigation():
    for lang in ("pt", "en"):
        found_pages = pages(lang)
        root = DOCS / lang
        listed = [p.relative_to(root).as_posix() for p in found_pages]
        on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*.md")}
        assert on_disk <= set(listed) and "notebooks/training.py" in listed
        order = [name for name in nav_order(lang) if name in listed]
        assert listed[: len(order)] == order


def test_the_navigation_is_read_when_the_check_runs(tmp_path, monkeypatch):
    """Another order of the navigation moves the first use, and the bridge with it."""
    config = yaml.safe_load(
        re.sub(r"!!?\S+", "", (terminology.ROOT / "mkdocs.yml").read_text("utf-8"))
    )
    reverse = tmp_path / "mkdocs.yml"
    reverse.write_text(yaml.safe_dump({"nav": list(reversed(nav_order("pt")))}))
    monkeypatch.setitem(terminology.CONFIGS, "pt", reverse)
    assert nav_order("pt") == list(reversed(list(_flat(config["nav"]))))
    assert pages("pt")[0].relative_to(DOCS / "pt").as_posix() == nav_order("pt")[0]


def _flat(item):
    if isinstance(item, str):
        yield item
    elif isinstance(item, list):
        for entry in item:
            yield from _flat(entry)
    elif isinstance(item, dict):
        for value in item.values():
            yield from _flat(value)


def test_notebook_markdown_cells_are_read_and_code_is_not():
    source = (
        "# ---\n# x: 1\n# ---\n\n# %% [markdown]\n# Um treino.\n#\n\n# %%\ntreino = 1\n"
    )
    text = notebook_markdown(source)
    assert text.split("\n")[5] == "Um treino." and "treino = 1" not in text
    assert found(text) == [(6, "treino")]
    assert "$x$" not in prose("Com $x$ e $$y$$.")


# --------------------------------------------------------------------------- #
# The site
# --------------------------------------------------------------------------- #
def _ids(paths, lang):
    return [p.relative_to(DOCS / lang).as_posix() for p in paths]


@pytest.mark.parametrize("lang", ["pt", "en"])
@pytest.mark.parametrize(
    "page",
    sorted({p.relative_to(DOCS / "pt").as_posix() for p in pages("pt")} - EXEMPT),
)
def test_page_uses_the_glossary_terms(lang, page):
    text = page_source(DOCS / lang / page)
    report = [
        f"docs/{lang}/{page}:{line}: '{form}' -> use '{chosen}'"
        for line, form, chosen in violations(
            text, references=page in REFERENCES, lang=lang
        )
    ]
    if lang == "pt":
        report += [
            f"docs/pt/{page}:{p.line}: {p.advice}" for p in bridge_problems(text)
        ]
    assert not report, "\n".join(report)


def test_each_bridged_term_is_bridged_on_its_first_page():
    report = [
        f"docs/pt/{name}:{p.line}: {p.advice}"
        for name, p in check("pt")
        if "first page" in p.advice
    ]
    assert not report, "\n".join(report)
    texts = [page_source(path) for path in pages("pt") if path.name != "glossary.md"]
    used = {t.pt for t in TERMS if t.bridge and any(uses(text, t) for text in texts)}
    assert len(used) > 30  # the rule is not checked in a vacuum


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_labels_use_the_glossary_terms(lang):
    report = []
    for key, template in LABELS[lang].items():
        if key.startswith("glossary_"):  # the labels of the glossary itself
            continue
        text = re.sub(r"\{\w+\}", " ", template)
        report += [
            f"{key}: '{f}' -> use '{c}'" for _, f, c in violations(text, lang=lang)
        ]
    assert not report, "\n".join(report)


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_registry_texts_use_the_glossary_terms(lang):
    """Display names (in every table and figure) and the other texts of the
    registry, in each language."""
    report = []
    for name in names():
        meta = get(name).meta
        for field in dataclasses.fields(meta):
            value = getattr(meta, field.name)
            if isinstance(value, dict) and isinstance(value.get(lang), str):
                report += [
                    f"{name}.{field.name}: '{f}' -> use '{c}'"
                    for _, f, c in violations(value[lang], lang=lang)
                ]
    assert not report, "\n".join(report)
    assert get("leaky_relu").meta.display["pt"] == term("ReLU com vazamento").pt


@pytest.mark.parametrize("lang", ["pt", "en"])
def test_definitions_use_the_glossary_terms(lang):
    report = [
        f"{t.term(lang)}: '{f}' -> use '{c}'"
        for t in TERMS
        for _, f, c in violations(t.definition(lang), lang=lang)
    ]
    assert not report, "\n".join(report)


def test_the_script_reports_and_fails(tmp_path, monkeypatch, capsys):
    assert terminology.main() == 0
    assert "no problem" in capsys.readouterr().out
    bad = tmp_path / "pt"
    (bad / "x").mkdir(parents=True)
    (bad / "x" / "page.md").write_text("Um treino (em inglês, *training*).\n")
    (tmp_path / "en").mkdir()
    monkeypatch.setattr(terminology, "DOCS", tmp_path)
    assert terminology.main() == 1
    out = capsys.readouterr().out
    assert "docs/pt/x/page.md:1: 'treino': use 'treinamento'" in out
    assert "bridges no term" in out and "2 problem(s)" in out
