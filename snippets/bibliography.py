"""The site's bibliography: one BibTeX file, cited by key, written in either language.

Every work the site cites is an entry of ``snippets/references.bib``, read here with
pybtex. Pages cite an entry by its key (``[@glorot2010]``; ``scripts/citations.py``
converts the citations when the site is built), and the registry of activation
functions names the work behind each function by key (``Meta.origin``). This module
writes, in ``"pt"`` or ``"en"``:

* a short citation: ``Glorot and Bengio (2010)``, ``He et al. (2015)``;
* a full reference, in one style for both languages: authors, year, title in
  italics, venue, volume(number), pages, publisher, then the DOI, arXiv or web link.
  Only the connecting words are translated ("e"/"and", "Em"/"In", "Tese de
  doutorado"/"PhD thesis"...); titles keep their original language.

Examples
--------
>>> cite("glorot2010", "pt")
'Glorot e Bengio (2010)'
>>> cite("he2015", "en", form="parenthetical")
'He et al., 2015'
>>> print(reference("rumelhart1986", "en"))  # doctest: +NORMALIZE_WHITESPACE
David E. Rumelhart, Geoffrey E. Hinton and Ronald J. Williams (1986). *Learning
representations by back-propagating errors*. Nature 323(6088), 533–536.
[doi:10.1038/323533a0](https://doi.org/10.1038/323533a0).
"""

from __future__ import annotations

import difflib
import functools
import re
from pathlib import Path

from snippets.i18n import check_lang

__all__ = [
    "BIB_FILE",
    "GROUPS",
    "cite",
    "entry",
    "group",
    "group_list",
    "keys",
    "reference",
    "reference_list",
]

BIB_FILE = Path(__file__).with_name("references.bib")
"""The BibTeX file (shipped with the package)."""

GROUPS = ("neuron", "approximation", "activations", "training", "architectures")
GROUPS += ("books",)
"""The topic groups of the references page, in page order; each entry's
``keywords`` field names one."""

MAX_AUTHORS = 6
"""Longer author lists are cut to their first three names and "et al."."""

WORDS = {
    "pt": {
        "and": "e",
        "in": "Em",
        "no date": "s.d.",
        "phdthesis": "Tese de doutorado",
        "mastersthesis": "Dissertação de mestrado",
        "techreport": "Relatório técnico",
        "Diploma thesis": "Tese de diploma",
        "Unpublished manuscript": "Manuscrito não publicado",
        "edition": "{n}ª edição",
        "introduced": "Cada função do catálogo com o trabalho que a introduziu (na "
        "forma usada neste site) ou a popularizou, segundo o registro de funções de "
        "ativação, em ordem cronológica:",
        "without": "Sem um trabalho de origem único: {names}.",
        "others": "Outros trabalhos sobre funções de ativação citados no site:",
    },
    "en": {
        "and": "and",
        "in": "In",
        "no date": "n.d.",
        "phdthesis": "PhD thesis",
        "mastersthesis": "Master's thesis",
        "techreport": "Technical report",
        "Diploma thesis": "Diploma thesis",
        "Unpublished manuscript": "Unpublished manuscript",
        "edition": "{n}{th} edition",
        "introduced": "Each function of the catalogue with the work that introduced "
        "it (in the form used on this site) or popularised it, from the registry of "
        "activation functions, in chronological order:",
        "without": "Without a single work of origin: {names}.",
        "others": "Other works on activation functions cited on the site:",
    },
}
"""The connecting words, per language."""

REQUIRED = {
    "article": ("author", "title", "journal", "year"),
    "book": ("author", "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "mastersthesis": ("author", "title", "school", "year"),
    "phdthesis": ("author", "title", "school", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "unpublished": ("author", "title", "note", "year"),
    "misc": ("author", "title"),
}
"""The fields each entry type must have (BibTeX's, plus ``author``); every entry
also needs ``keywords`` (its group)."""


def _database():
    """The parsed file; parsed again when it changes (``make serve``)."""
    return _parse(BIB_FILE.stat().st_mtime_ns)


@functools.cache
def _parse(mtime: int):
    from pybtex.database import parse_file

    return parse_file(str(BIB_FILE), "bibtex")


def keys() -> list[str]:
    """Every key of the bibliography, in file order."""
    return list(_database().entries.keys())


def entry(key: str):
    """The pybtex entry of ``key``.

    Raises
    ------
    ValueError
        Unknown key; the message names it and the closest keys.
    """
    entries = _database().entries
    if key not in entries or entries[key].key != key:  # pybtex ignores the case
        close = difflib.get_close_matches(str(key), keys(), n=3, cutoff=0.5)
        hint = f"; closest: {', '.join(close)}" if close else ""
        raise ValueError(f"unknown citation key {key!r}{hint}")
    return entries[key]


def _text(value: str) -> str:
    """A field's text as Markdown: braces dropped, ``--`` as an en dash, ``*``
    escaped."""
    return re.sub(r"[{}]", "", value).replace("--", "–").replace("*", r"\*")


def _field(key: str, name: str) -> str:
    return _text(entry(key).fields.get(name, ""))


def _authors(key: str):
    """``(people, cut)``: the listed authors (pybtex Persons), and whether the
    list goes on ("and others" in the file)."""
    people = entry(key).persons.get("author", [])
    cut = bool(people) and str(people[-1]) == "others"
    return (people[:-1] if cut else people), cut


def _full_name(person) -> str:
    parts = person.first_names + person.middle_names + person.prelast_names
    return " ".join(parts + person.last_names + person.lineage_names)


def _join(names: list[str], lang: str) -> str:
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {WORDS[lang]['and']} {names[-1]}"


def _year(key: str, lang: str) -> str:
    return _field(key, "year") or WORDS[lang]["no date"]


def cite(key: str, lang: str, form: str = "narrative") -> str:
    """The short citation of ``key``: surnames and year.

    Parameters
    ----------
    key
        A key of the bibliography.
    lang
        ``"pt"`` or ``"en"``.
    form
        ``"narrative"`` (``He et al. (2015)``), ``"parenthetical"`` (``He et al.,
        2015``, to go inside parentheses) or ``"year"`` (``2015``).

    Examples
    --------
    >>> cite("cybenko1989", "en"), cite("glorot2011", "pt")
    ('Cybenko (1989)', 'Glorot et al. (2011)')
    """
    check_lang(lang)
    year = _year(key, lang)
    if form == "year":
        return year
    people, cut = _authors(key)
    surnames = [_text(" ".join(p.prelast_names + p.last_names)) for p in people]
    who = f"{surnames[0]} et al." if cut or len(surnames) > 2 else _join(surnames, lang)
    if form == "narrative":
        return f"{who} ({year})"
    if form == "parenthetical":
        return f"{who}, {year}"
    raise ValueError(f"unknown form {form!r}; valid: narrative, parenthetical, year")


def _url(url: str) -> str:
    return url.replace("(", "%28").replace(")", "%29")  # safe in a Markdown link


def _links(key: str) -> list[str]:
    fields = entry(key).fields
    links = []
    if "doi" in fields:
        doi = fields["doi"]
        links.append(f"[doi:{doi}](https://doi.org/{_url(doi)})")
    if fields.get("archivePrefix", "").lower() == "arxiv":
        eprint = fields["eprint"]
        link = f"[arXiv:{eprint}](https://arxiv.org/abs/{eprint})"
        preprint = f"20{eprint[:2]}"  # new-style identifiers: YYMM.NNNNN
        if re.fullmatch(r"\d{4}\.\d{4,5}", eprint) and preprint != fields["year"]:
            link += f" ({preprint})"
        links.append(link)
    if "url" in fields:
        links.append(f"[{fields['url']}]({_url(fields['url'])})")
    return links


def _venue(key: str, lang: str) -> str:
    """Where the work appeared, in the style of its entry type."""
    kind = entry(key).type
    f = functools.partial(_field, key)
    words = WORDS[lang]
    if kind == "article":
        number = f"({f('number')})" if f("number") else ""
        where = f"{f('journal')} {f('volume')}{number}".strip()
        return f"{where}, {f('pages')}" if f("pages") else where
    if kind in ("inproceedings", "incollection"):
        volume = f"{f('volume')}" + (f"({f('number')})" if f("number") else "")
        where = f"{words['in']} {f('booktitle')}"
        where += f", {f('series')} {volume}" if f("series") else f" {volume}".rstrip()
        where += f", {f('pages')}" if f("pages") else ""
        return where + (f". {f('publisher')}" if f("publisher") else "")
    if kind == "book":
        edition = _edition(f("edition"), lang) + ". " if f("edition") else ""
        return edition + f("publisher")
    if kind in ("phdthesis", "mastersthesis"):
        label = _translate(f("type"), lang) if f("type") else words[kind]
        return f"{label}, {f('school')}"
    if kind == "techreport":
        label = _translate(f("type"), lang) if f("type") else words[kind]
        number = f" {f('number')}" if f("number") else ""
        return f"{label}{number}, {f('institution')}"
    if kind == "unpublished":
        place = f", {f('institution')}" if f("institution") else ""
        return f"{_translate(f('note'), lang)}{place}"
    return f("howpublished")  # misc: a preprint (link only) or a web page


def _edition(number: str, lang: str) -> str:
    """``"2"`` as "2nd edition" / "2ª edição"."""
    n = int(number)
    th = (
        "th"
        if n % 100 in (11, 12, 13)
        else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    )
    return WORDS[lang]["edition"].format(n=n, th=th)


def _translate(phrase: str, lang: str) -> str:
    if phrase not in WORDS[lang]:
        raise ValueError(f"no {lang} words for {phrase!r}; add it to WORDS")
    return WORDS[lang][phrase]


def reference(key: str, lang: str) -> str:
    """The full reference of ``key``, as one line of Markdown."""
    check_lang(lang)
    people, cut = _authors(key)
    names = [_text(_full_name(p)) for p in people]
    if cut or len(names) > MAX_AUTHORS:
        authors = f"{', '.join(names[:3])} et al."
    else:
        authors = _join(names, lang)
    parts = [f"{authors} ({_year(key, lang)})", f"*{_field(key, 'title')}*"]
    parts += [p for p in (_venue(key, lang), "; ".join(_links(key))) if p]
    return ". ".join(parts) + "."


def _anchored(item: str, key: str) -> str:
    """A Markdown list item that starts with the anchor ``ref-<key>``."""
    return f'- <span id="ref-{key}"></span>{item}'


def _alphabetical(key: str) -> tuple:
    return (cite(key, "en").casefold(), key)


def _chronological(key: str) -> tuple:
    return (_field(key, "year") or "9999", cite(key, "en").casefold())


def reference_list(cited, lang: str) -> str:
    """The Markdown list of the references of ``cited`` (keys), alphabetical, each
    item with the id ``ref-<key>`` that citations link to."""
    check_lang(lang)
    ordered = sorted(set(cited), key=_alphabetical)
    return "\n".join(_anchored(reference(k, lang), k) for k in ordered) + "\n"


def group(name: str) -> list[str]:
    """The keys whose ``keywords`` is ``name`` (one of `GROUPS`), by year."""
    if name not in GROUPS:
        raise ValueError(f"unknown group {name!r}; valid: {', '.join(GROUPS)}")
    found = [k for k in keys() if entry(k).fields.get("keywords") == name]
    return sorted(found, key=_chronological)


def group_list(name: str, lang: str, introduced: dict | None = None) -> str:
    """The Markdown list of the entries of the group ``name``, by year, each item
    starting with the anchor ``ref-<key>``: a section of the references page.

    For the activation functions, ``introduced`` maps a key to the names of the
    functions that work introduced (from the registry; the key ``None`` gathers
    the functions without one): the list opens with those works, each after its
    functions' names (a work of another group links to its entry there), then the
    group's other works.
    """
    words = WORDS[check_lang(lang)]
    keys_ = group(name)
    out = []
    if introduced:
        out.append(words["introduced"] + "\n")
        works = sorted((k for k in introduced if k is not None), key=_chronological)
        for key in works:
            label = f"**{', '.join(introduced[key])}**: "
            if key in keys_:  # listed here, in full
                out.append(_anchored(label + reference(key, lang), key))
            else:  # listed in full in its own group
                out.append(f"- {label}[{cite(key, lang)}](#ref-{key})")
        if introduced.get(None):
            without = ", ".join(introduced[None])
            out.append("\n" + words["without"].format(names=without))
        keys_ = [k for k in keys_ if k not in introduced]
        out.append("\n" + words["others"] + "\n")
    out.extend(_anchored(reference(k, lang), k) for k in keys_)
    return "\n".join(out) + "\n"
