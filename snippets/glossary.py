"""The glossary: one Portuguese term per concept, with its English counterpart.

The terms themselves live in :mod:`snippets.terms`, one module per topic; this
module gathers them into ``TERMS``, the single source for the glossary page (both
languages), the tooltips shown where a term appears on a page (Markdown
abbreviations appended to every page by the build), and the terminology test,
which flags a discouraged synonym on a Portuguese page.

Examples
--------
>>> from snippets.glossary import TERMS, abbreviations
>>> viés = next(term for term in TERMS if term.en == "bias")
>>> viés.pt, viés.avoid
('viés', ('bias',))
>>> abbreviations("en").splitlines()[0]  # doctest: +ELLIPSIS
'*[artificial neuron]: Element of a network that computes...'
"""

from __future__ import annotations

import unicodedata

from snippets.i18n import check_lang, t
from snippets.terms import Term, calculus, deep, maths, network, training

__all__ = ["TERMS", "Term", "abbreviations", "sort_key", "table", "terms"]

#: Every term, grouped by topic (the glossary page sorts them).
TERMS: tuple[Term, ...] = (
    *network.TERMS,
    *training.TERMS,
    *deep.TERMS,
    *calculus.TERMS,
    *maths.TERMS,
)


def terms() -> tuple[Term, ...]:
    """Every glossary entry, grouped by topic (the page sorts them)."""
    return TERMS


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical key that ignores accents and case (``é`` sorts with ``e``).

    Examples
    --------
    >>> sorted(["época", "entrada", "ReLU", "platô", "peso"], key=sort_key)
    ['entrada', 'época', 'peso', 'platô', 'ReLU']
    """
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    return plain.casefold(), text


def table(lang: str) -> str:
    """The glossary as a Markdown table, sorted by the term in ``lang``.

    Columns: the term in ``lang``, the term in the other language and the
    definition in ``lang``; the Portuguese table gives, as the English term, the
    bridge where there is one (the form of papers and PyTorch: "initialization"),
    and adds the discouraged synonyms (`Term.avoid`).

    Parameters
    ----------
    lang : str
        ``"pt"`` or ``"en"``.

    Returns
    -------
    str
        A Markdown table, one row per term.

    Examples
    --------
    >>> print(table("en").splitlines()[0])
    | Term | In Portuguese | Definition |
    """
    from snippets.tables import markdown_table  # numerical imports, only here

    check_lang(lang)
    keys = ["glossary_col_term", "glossary_col_other", "glossary_col_definition"]
    if lang == "pt":
        keys.append("glossary_col_avoid")
    rows = []
    for term in sorted(TERMS, key=lambda term: sort_key(term.term(lang))):
        other = (term.bridge or term.en) if lang == "pt" else term.pt
        cells = [f"**{term.term(lang)}**", other, term.definition(lang)]
        if lang == "pt":
            cells.append(", ".join(term.avoid) or "—")
        rows.append(cells)
    return markdown_table([t(key, lang) for key in keys], rows)


def abbreviations(lang: str) -> str:
    """Markdown abbreviation definitions that turn terms into tooltips.

    Each definition reads ``*[term]: definition``; the Markdown ``abbr``
    extension then wraps every occurrence of the term on a page in an ``<abbr>``
    whose title Material shows as a tooltip. In Portuguese the title of a term
    with a bridge ends with the English term (`Term.title`). The definitions are
    separated by blank lines: in one block, the extension would take out one
    definition at a time and hand the rest back to every block parser (quadratic
    in the number of terms, about a second per language build).

    Parameters
    ----------
    lang : str
        ``"pt"`` or ``"en"``.

    Returns
    -------
    str
        One definition per term with ``tooltip=True``, a blank line between two,
        ending in a newline.
    """
    lines = [f"*[{t.term(lang)}]: {t.title(lang)}" for t in TERMS if t.tooltip]
    return "\n\n".join(lines) + "\n"
