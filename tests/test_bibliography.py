"""The bibliography (snippets/references.bib, snippets.bibliography) and the citations.

* the file: every entry has the fields its type needs, a group, a year that is a
  year, pages as a range, DOIs and arXiv identifiers of the right shape, and no two
  entries cite alike;
* the formatting, in both languages, against citations and references written out
  by hand: narrative citations for one, two and more authors, and the full style of
  every entry type the file uses;
* the pages: every key cited on a page (both languages, the notebook) and in the
  registry exists, every entry is on the references page (the entries no page
  cites yet are there too), no hand-formatted
  reference is left, and the citation hook (scripts/citations.py) writes citations
  and lists, leaves code alone and fails, naming page and key, on a bad citation.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from scripts import citations
from snippets import bibliography as bib
from snippets.activations import get, names
from tests.test_glossary import prose, violations

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted([*DOCS.glob("*/**/*.md"), *DOCS.glob("*/notebooks/*.py")])
KEYS = bib.keys()
KEY_IN_TEXT = re.compile(rf"@({citations.KEY})")


def _cited(text: str) -> list[str]:
    """The keys cited in ``text`` (code left out), in order."""
    return [
        k
        for m in citations.CITATION.finditer(_without_code(text))
        for k in (KEY_IN_TEXT.findall(m.group(0)))
    ]


def _without_code(text: str) -> str:
    return citations._CODE.sub("", text)


def _markdown_of(page: Path) -> str:
    """A page's Markdown; for the notebook (jupytext "percent"), its comment lines."""
    text = page.read_text(encoding="utf-8")
    if page.suffix == ".py":
        text = "\n".join(
            line[2:] for line in text.splitlines() if line.startswith("# ")
        )
    return text


# --------------------------------------------------------------------------- #
# The file
# --------------------------------------------------------------------------- #
def test_the_file_has_entries_and_ships_with_the_package():
    assert len(KEYS) > 60 and len(set(KEYS)) == len(KEYS)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'snippets = ["references.bib"]' in pyproject
    assert bib.BIB_FILE == ROOT / "snippets" / "references.bib"


@pytest.mark.parametrize("key", KEYS)
def test_entry_has_the_fields_of_its_type(key):
    entry = bib.entry(key)
    assert entry.type in bib.REQUIRED, f"{key}: entry type {entry.type} not styled"
    fields = set(entry.fields) | set(entry.persons)
    missing = set(bib.REQUIRED[entry.type]) - fields
    assert not missing, f"{key}: missing {sorted(missing)}"
    assert entry.fields["keywords"] in bib.GROUPS
    year = entry.fields.get("year")
    if year is None:  # a web page without a date: a name without a year
        assert entry.type == "misc" and "url" in entry.fields
        assert re.fullmatch(r"[a-z][a-z0-9]*[a-z]", key), "keys: a name, no year"
    else:
        assert re.fullmatch(r"[a-z]+\d{4}", key), "keys: surname and year"
        assert re.fullmatch(r"1[89]\d\d|20[0-2]\d", year)
        assert key.endswith(year), f"{key}: the key's year is not {year}"
    if "edition" in entry.fields:
        assert re.fullmatch(r"[1-9]\d?", entry.fields["edition"]), "edition: a number"
    if "pages" in entry.fields:
        first, last = map(int, entry.fields["pages"].split("--"))
        assert first < last
    if "doi" in entry.fields:
        assert re.fullmatch(r"10\.\d{4,5}/\S+", entry.fields["doi"])
    if "eprint" in entry.fields:
        assert entry.fields["archivePrefix"] == "arXiv"
        assert re.fullmatch(r"\d{4}\.\d{4,5}", entry.fields["eprint"])
        assert int("20" + entry.fields["eprint"][:2]) <= int(year)
    if entry.type == "misc" and "eprint" not in entry.fields:
        assert "url" in entry.fields, f"{key}: a misc entry needs an arXiv id or a url"


def test_no_two_entries_cite_alike():
    for lang in ("pt", "en"):
        labels = [bib.cite(key, lang) for key in KEYS]
        assert len(set(labels)) == len(labels)


def test_the_same_year_everywhere_for_the_dated_works():
    """The review's disagreements, settled: the published version's year."""
    assert bib.cite("clevert2016", "en") == "Clevert et al. (2016)"
    assert bib.cite("lu2020", "en") == "Lu et al. (2020)"
    assert bib.cite("misra2020", "en") == "Misra (2020)"
    assert "arXiv:1511.07289](https://arxiv.org/abs/1511.07289) (2015)" in (
        bib.reference("clevert2016", "en")
    )
    assert "(2019)" in bib.reference("lu2020", "pt")


# --------------------------------------------------------------------------- #
# Formatting
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    ("key", "lang", "form", "expected"),
    [
        ("cybenko1989", "en", "narrative", "Cybenko (1989)"),
        ("cybenko1989", "pt", "parenthetical", "Cybenko, 1989"),
        ("glorot2010", "en", "narrative", "Glorot and Bengio (2010)"),
        ("glorot2010", "pt", "narrative", "Glorot e Bengio (2010)"),
        ("glorot2010", "en", "parenthetical", "Glorot and Bengio, 2010"),
        ("he2015", "en", "narrative", "He et al. (2015)"),
        ("he2015", "pt", "narrative", "He et al. (2015)"),
        ("glorot2011", "pt", "parenthetical", "Glorot et al., 2011"),
        ("cho2014", "en", "narrative", "Cho et al. (2014)"),
        ("he2015", "pt", "year", "2015"),
        ("cs231n", "en", "narrative", "Karpathy (n.d.)"),
        ("cs231n", "pt", "narrative", "Karpathy (s.d.)"),
        ("pytorch2021", "en", "narrative", "PyTorch contributors (2021)"),
        ("ledig2017", "pt", "parenthetical", "Ledig et al., 2017"),
    ],
)
def test_short_citations(key, lang, form, expected):
    assert bib.cite(key, lang, form) == expected


REFERENCES = {  # one per entry type and case, written out by hand
    ("hornik1991", "en"): "Kurt Hornik (1991). *Approximation capabilities of "
    "multilayer feedforward networks*. Neural Networks 4(2), 251–257. "
    "[doi:10.1016/0893-6080(91)90009-T]"
    "(https://doi.org/10.1016/0893-6080%2891%2990009-T).",
    ("glorot2010", "pt"): "Xavier Glorot e Yoshua Bengio (2010). *Understanding the "
    "difficulty of training deep feedforward neural networks*. Em Proceedings of the "
    "13th International Conference on Artificial Intelligence and Statistics "
    "(AISTATS), PMLR 9, 249–256.",
    ("dugas2001", "en"): "Charles Dugas, Yoshua Bengio, François Bélisle, Claude "
    "Nadeau and René Garcia (2001). *Incorporating second-order functional knowledge "
    "for better option pricing*. In Advances in Neural Information Processing "
    "Systems 13, 472–478. MIT Press.",
    ("lecun1998", "pt"): "Yann LeCun, Léon Bottou, Genevieve B. Orr e Klaus-Robert "
    "Müller (1998). *Efficient BackProp*. Em Neural Networks: Tricks of the Trade, "
    "Lecture Notes in Computer Science 1524, 9–50. Springer. "
    "[doi:10.1007/3-540-49430-8_2](https://doi.org/10.1007/3-540-49430-8_2).",
    ("minsky1969", "pt"): "Marvin Minsky e Seymour Papert (1969). *Perceptrons: an "
    "introduction to computational geometry*. MIT Press.",
    ("collobert2004", "pt"): "Ronan Collobert (2004). *Large scale machine "
    "learning*. Tese de doutorado, Université Paris VI.",
    ("collobert2004", "en"): "Ronan Collobert (2004). *Large scale machine "
    "learning*. PhD thesis, Université Paris VI.",
    ("hochreiter1991", "pt"): "Sepp Hochreiter (1991). *Untersuchungen zu "
    "dynamischen neuronalen Netzen*. Tese de diploma, Technische Universität München.",
    ("hochreiter1991", "en"): "Sepp Hochreiter (1991). *Untersuchungen zu "
    "dynamischen neuronalen Netzen*. Diploma thesis, Technische Universität München.",
    ("bergstra2009", "pt"): "James Bergstra, Guillaume Desjardins, Pascal Lamblin e "
    "Yoshua Bengio (2009). *Quadratic polynomials learn better image features*. "
    "Relatório técnico 1337, DIRO, Université de Montréal.",
    ("radford2018", "en"): "Alec Radford, Karthik Narasimhan, Tim Salimans and Ilya "
    "Sutskever (2018). *Improving language understanding by generative "
    "pre-training*. Technical report, OpenAI.",
    ("krizhevsky2010", "pt"): "Alex Krizhevsky (2010). *Convolutional deep belief "
    "networks on CIFAR-10*. Manuscrito não publicado, University of Toronto.",
    ("hendrycks2016", "en"): "Dan Hendrycks and Kevin Gimpel (2016). *Gaussian error "
    "linear units (GELUs)*. [arXiv:1606.08415](https://arxiv.org/abs/1606.08415).",
    ("clevert2016", "pt"): "Djork-Arné Clevert, Thomas Unterthiner e Sepp Hochreiter "
    "(2016). *Fast and accurate deep network learning by exponential linear units "
    "(ELUs)*. Em International Conference on Learning Representations (ICLR). "
    "[arXiv:1511.07289](https://arxiv.org/abs/1511.07289) (2015).",
    ("nielsen2015", "en"): "Michael A. Nielsen (2015). *Neural networks and deep "
    "learning*. Determination Press. [http://neuralnetworksanddeeplearning.com/]"
    "(http://neuralnetworksanddeeplearning.com/).",
    ("okabe2008", "en"): "Masataka Okabe and Kei Ito (2008). *Color universal design "
    "(CUD): how to make figures and presentations that are friendly to colorblind "
    "people*. J\\*FLY. [https://jfly.uni-koeln.de/color/]"
    "(https://jfly.uni-koeln.de/color/).",
    ("bridle1990", "en"): "John S. Bridle (1990). *Probabilistic interpretation of "
    "feedforward classification network outputs, with relationships to statistical "
    "pattern recognition*. In Neurocomputing: Algorithms, Architectures and "
    "Applications, NATO ASI Series F 68, 227–236. Springer. "
    "[doi:10.1007/978-3-642-76153-9_28](https://doi.org/10.1007/978-3-642-76153-9_28).",
    ("linnainmaa1970", "pt"): "Seppo Linnainmaa (1970). *Algoritmin kumulatiivinen "
    "pyöristysvirhe yksittäisten pyöristysvirheiden Taylor-kehitelmänä [The "
    "representation of the cumulative rounding error of an algorithm as a Taylor "
    "expansion of the local rounding errors]*. Dissertação de mestrado, University of "
    "Helsinki.",
    ("press1992", "en"): "William H. Press, Saul A. Teukolsky, William T. Vetterling "
    "and Brian P. Flannery (1992). *Numerical Recipes in C: the art of scientific "
    "computing*. 2nd edition. Cambridge University Press.",
    ("press1992", "pt"): "William H. Press, Saul A. Teukolsky, William T. Vetterling e "
    "Brian P. Flannery (1992). *Numerical Recipes in C: the art of scientific "
    "computing*. 2ª edição. Cambridge University Press.",
    ("baydin2018", "en"): "Atılım Güneş Baydin, Barak A. Pearlmutter, Alexey "
    "Andreyevich Radul and Jeffrey Mark Siskind (2018). *Automatic differentiation in "
    "machine learning: a survey*. Journal of Machine Learning Research 18(153), 1–43. "
    "[arXiv:1502.05767](https://arxiv.org/abs/1502.05767) (2015); "
    "[https://jmlr.org/papers/v18/17-468.html]"
    "(https://jmlr.org/papers/v18/17-468.html).",
    ("pytorchinit", "pt"): "PyTorch contributors (s.d.). "
    "*torch.nn.init.calculate_gain*. PyTorch documentation. "
    "[https://docs.pytorch.org/docs/stable/nn.init.html#torch.nn.init.calculate_gain]"
    "(https://docs.pytorch.org/docs/stable/nn.init.html#torch.nn.init.calculate_gain).",
    ("vaswani2017", "en"): "Ashish Vaswani, Noam Shazeer, Niki Parmar et al. (2017). "
    "*Attention is all you need*. In Advances in Neural Information Processing "
    "Systems 30, 5998–6008.",
}


@pytest.mark.parametrize(("key", "lang"), REFERENCES)
def test_full_references(key, lang):
    assert bib.reference(key, lang) == REFERENCES[key, lang]


def test_every_entry_type_in_the_file_is_checked_by_hand():
    checked = {bib.entry(key).type for key, _ in REFERENCES}
    assert checked == {bib.entry(key).type for key in KEYS}


def test_authors_cut_with_others_in_the_file(monkeypatch):
    from pybtex.database import parse_string

    text = (
        "@misc{x2020, author = {A One and B Two and others}, title = {T}, year = 2020}"
    )
    data = parse_string(text, "bibtex")
    monkeypatch.setattr(bib, "_database", lambda: data)
    assert bib.cite("x2020", "en") == "One et al. (2020)"
    assert bib.reference("x2020", "pt") == "A One, B Two et al. (2020). *T*."


def test_unknown_key_names_it_and_the_closest():
    with pytest.raises(
        ValueError, match=r"'glorot201'.*closest: glorot2011, glorot2010"
    ):
        bib.cite("glorot201", "en")
    with pytest.raises(ValueError, match=r"'Glorot2010'.*closest: glorot2010"):
        bib.reference("Glorot2010", "en")  # keys are case-sensitive
    with pytest.raises(ValueError, match="unknown form 'apa'"):
        bib.cite("glorot2010", "en", form="apa")
    with pytest.raises(ValueError, match="unknown group 'misc'"):
        bib.group("misc")
    with pytest.raises(ValueError, match="lang"):
        bib.reference("glorot2010", "fr")


def test_words_use_the_glossary_terms():
    assert set(bib.WORDS["pt"]) == set(bib.WORDS["en"])
    text = "\n".join(bib.WORDS["pt"].values())
    assert violations(text) == []


def test_reference_list_is_alphabetical_with_ids():
    listed = bib.reference_list(["he2015", "cybenko1989", "he2015"], "en")
    assert listed.splitlines() == [
        '- <span id="ref-cybenko1989"></span>' + bib.reference("cybenko1989", "en"),
        '- <span id="ref-he2015"></span>' + bib.reference("he2015", "en"),
    ]


# --------------------------------------------------------------------------- #
# The pages and the registry
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_keys_cited_on_the_page_exist(page):
    text = _markdown_of(page)
    for key in _cited(text):
        assert key in KEYS, f"{page.relative_to(ROOT)}: unknown key {key!r}"
    lang = page.relative_to(DOCS).parts[0]
    citations.convert(text, lang, page.relative_to(ROOT).as_posix())  # raises if bad


def test_both_languages_cite_the_same_keys():
    for page in PAGES:
        if "/pt/" not in page.as_posix():
            continue
        english = DOCS / "en" / page.relative_to(DOCS / "pt")
        assert sorted(set(_cited(_markdown_of(page)))) == sorted(
            set(_cited(_markdown_of(english)))
        ), page.relative_to(DOCS)


def test_registry_keys_exist():
    for name in names():
        meta = get(name).meta
        for key in [meta.origin, *meta.see_also]:
            assert key is None or key in KEYS, f"{name}: unknown key {key!r}"
    assert get("identity").meta.origin is None


def test_every_entry_is_on_the_references_page():
    """Each section prints one group, in the order of GROUPS, and every entry is in
    a group; the activation functions' group opens with the registry's works."""
    for lang in ("pt", "en"):
        source = (DOCS / lang / "references.md").read_text(encoding="utf-8")
        printed = re.findall(r'group_list\("(\w+)", lang="(\w+)"', source)
        assert printed == [(name, lang) for name in bib.GROUPS]
        assert len(re.findall(r"^## ", source, re.MULTILINE)) == len(bib.GROUPS)
    assert sorted(k for name in bib.GROUPS for k in bib.group(name)) == sorted(KEYS)
    introduced = {}
    for name in names():
        introduced.setdefault(get(name).meta.origin, []).append(name)
    listed = bib.group_list("activations", "en", introduced)
    assert "Without a single work of origin: identity." in listed
    assert "- **step**: [McCulloch and Pitts (1943)](#ref-mcculloch1943)" in listed
    assert "</span>**hard_sigmoid, hard_swish**: Andrew Howard" in listed
    for key in bib.group("activations"):
        assert listed.count(f'<span id="ref-{key}">') == 1


# --------------------------------------------------------------------------- #
# Citations written out in plain text: the glossary's tooltips, the docstrings
# --------------------------------------------------------------------------- #
NAME = r"[A-Z](?=[^\W\d_]*[a-z])[^\W\d_]+(?:-[A-Z][^\W\d_]+)?"  # not "ICML"
WRITTEN = (
    re.compile(  # "(Rosenblatt, 1958)", "Poole et al., 2016", "Okabe and Ito (2008)"
        rf"(?<![A-Z]\. )(?P<first>{NAME})(?: et al\.|(?:, {NAME})*,? (?:and|e) {NAME})?"
        r",? \(?(?P<year>1[89]\d\d|20[0-2]\d)\b"
    )
)


def _first_author_and_year(key: str) -> tuple[str, str]:
    person = bib.entry(key).persons["author"][0]
    surname = " ".join(person.prelast_names + person.last_names)
    return re.sub(r"[{}]", "", surname), bib.entry(key).fields.get("year", "")


FIRST_AUTHORS = {_first_author_and_year(key) for key in KEYS}


def _unmatched(text: str) -> list[str]:
    """The citations written in ``text`` whose first author and year are no
    entry's."""
    return [
        m.group(0)
        for m in WRITTEN.finditer(text)
        if (m["first"], m["year"]) not in FIRST_AUTHORS
    ]


def test_written_citations_are_checked():
    assert _unmatched("a rule (Rosenblatt, 1958) and Poole et al. 2016") == []
    assert _unmatched("(Rosenblatt, 1957); Ba, Kiros and Hinton, 2016") == [
        "Rosenblatt, 1957"
    ]
    assert _unmatched("Kiros and Hinton, 2016; Okabe e Ito (2009)") == [
        "Kiros and Hinton, 2016",  # Ba is the first author
        "Okabe e Ito (2009",
    ]
    # a full reference's last author is not a citation, nor an acronym and a year
    assert _unmatched("Vinod Nair and Geoffrey E. Hinton (2010), ICML 2010") == []


def test_the_glossary_cites_as_the_bibliography():
    """The tooltips are plain text (Markdown abbreviations), so the glossary
    cannot cite by key: its citations name the first author and the year of an
    entry."""
    from snippets.glossary import TERMS

    text = "\n".join(d for t in TERMS for d in (t.pt_definition, t.en_definition))
    assert len(list(WRITTEN.finditer(text))) >= 2  # the perceptron, both languages
    assert _unmatched(text) == []


@pytest.mark.parametrize(
    "module",
    sorted([*(ROOT / "snippets").rglob("*.py"), *(ROOT / "scripts").glob("*.py")]),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_docstrings_cite_as_the_bibliography(module):
    assert _unmatched(module.read_text(encoding="utf-8")) == []


HAND_FORMATTED = [
    re.compile(r"\bet al\b"),  # "He et al. (2015)" written by hand
    re.compile(r"\b[A-Z][\w-]+(?:'s)?,? \(?(1[89]|20)\d\d\)"),  # "Rosenblatt (1958)"
    re.compile(r"\b[A-Z][\w-]+ (and|e|&) [A-Z][\w-]+,? \(?(1[89]|20)\d\d\b"),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_hand_formatted_reference_is_left(page):
    text = _markdown_of(page)
    clean = prose(text)
    found = [m.group(0) for pattern in HAND_FORMATTED for m in pattern.finditer(clean)]
    assert not found, f"{page.relative_to(ROOT)}: cite by key instead of {found}"
    section = re.search(
        r"^## (References|Referências)\n(.*?)(?=^## |\Z)",
        text,
        re.MULTILINE | re.DOTALL,
    )
    if section:  # the list is generated: the section holds the marker alone
        assert section.group(2).strip() == citations.MARKER


# --------------------------------------------------------------------------- #
# The hook
# --------------------------------------------------------------------------- #
PAGE = """# Title

As [@glorot2010] showed, and the perceptron [-@rosenblatt1958] did not
(@glorot2010; @he2015), nor ReLUs (in AlexNet, @krizhevsky2012, for instance).
Mail me@example.org. Inline `[@nokey]` and (`@nokey`).

```python
print("[@nokey] (@nokey)")
```

    ```python
    x = 1  # [@nokey]
    ```

<!-- [@nokey] -->

## References

<div id="refs"></div>
"""


def test_hook_writes_citations_and_the_list():
    out = citations.convert(PAGE, "en", "docs/en/x.md")
    assert "As [Glorot and Bengio (2010)](#ref-glorot2010) showed" in out
    assert "perceptron ([1958](#ref-rosenblatt1958)) did not" in out
    assert (
        "([Glorot and Bengio, 2010](#ref-glorot2010); [He et al., 2015](#ref-he2015))"
        in out
    )
    assert "(in AlexNet, [Krizhevsky et al., 2012](#ref-krizhevsky2012), for" in out
    assert out.count("[@nokey]") == 4 and "(`@nokey`)" in out  # code and comments
    listed = bib.reference_list(
        ["glorot2010", "he2015", "rosenblatt1958", "krizhevsky2012"], "en"
    )
    assert out.endswith("## References\n\n" + listed + "\n")
    pt = citations.convert(PAGE, "pt", "docs/pt/x.md")
    assert "As [Glorot e Bengio (2010)](#ref-glorot2010) showed" in pt


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[@glorot201]\n\n" + citations.MARKER,
            r"docs/pt/p\.md: unknown citation key 'glorot201'; closest: glorot2011",
        ),
        (
            "(@he2015; @nokey)\n\n" + citations.MARKER,
            r"docs/pt/p\.md: unknown citation key 'nokey'",
        ),
        (
            "[@glorot2010; @he2015]\n" + citations.MARKER,
            r"docs/pt/p\.md:1: malformed citation",
        ),
        (
            "a\n\nsee @glorot2010\n" + citations.MARKER,
            r"docs/pt/p\.md:3: malformed citation '@glorot2010",
        ),
        ("[@glorot2010]\n", r"docs/pt/p\.md: cites 'glorot2010' but has no"),
        ("Text.\n\n" + citations.MARKER, r"docs/pt/p\.md: has .* but cites nothing"),
    ],
)
def test_hook_fails_naming_page_and_key(text, message):
    with pytest.raises(PluginError, match=message):
        citations.convert(text, "pt", "docs/pt/p.md")


def test_hook_on_a_page_of_the_build():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="properties/x.md"))
    config = SimpleNamespace(theme={"language": "pt-BR"})
    with pytest.raises(
        PluginError, match=r"docs/pt/properties/x\.md: unknown .*'nokey'"
    ):
        citations.on_page_markdown("[@nokey]", page, config, files=None)
    out = citations.on_page_markdown(PAGE, page, config, files=None)
    assert "[Glorot e Bengio (2010)](#ref-glorot2010)" in out


def test_the_notebook_downloads_get_plain_citations():
    import jupytext

    for lang in ("pt", "en"):
        notebook = jupytext.read(DOCS / lang / "notebooks" / "training.py")
        listed = citations._plain_notebook(notebook, lang, "nb")
        expected = bib.reference_list(["glorot2010", "he2015"], lang)
        assert listed == re.sub(r"<span[^>]*></span>", "", expected).rstrip()
        text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
        assert "He (2015)" in text and citations.MARKER not in text
        assert not re.search(r"\[-?@|\(@", text)


def test_built_pages_have_no_citation_left(built_site: Path):
    references = {
        lang: (built_site / sub / "references" / "index.html").read_text("utf-8")
        for lang, sub in (("pt", ""), ("en", "en"))
    }
    for lang, html in references.items():
        for key in KEYS:
            assert f'id="ref-{key}"' in html, (
                f"{lang}: {key} not on the references page"
            )
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert citations.MARKER not in html, page
        body = re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.DOTALL)
        assert not re.search(r"\[-?@\w", body), page
