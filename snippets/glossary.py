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

__all__ = ["TERMS", "Term", "abbreviations", "definition_list", "sort_key", "terms"]

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


def definition_list(lang: str) -> str:
    """The glossary as a Markdown definition list, sorted by the term in ``lang``.

    Each entry: the term in ``lang``, with the term in the other language where
    it differs (marked as that language, for screen readers), then its definition
    in ``lang``. The Portuguese list gives, as the English term, the bridge where
    there is one (the form of papers and PyTorch: "initialization"), and ends a
    definition with "Evite:" and the discouraged synonyms (`Term.avoid`) when
    there are any. A list, not a table: it reflows on a phone, where the table
    scrolled sideways.

    Parameters
    ----------
    lang : str
        ``"pt"`` or ``"en"``.

    Returns
    -------
    str
        Markdown (the ``def_list`` and ``attr_list`` extensions), one entry per
        term.

    Examples
    --------
    >>> print(definition_list("en").splitlines()[0])
    **accuracy** (in Portuguese: *acurácia*{: lang="pt" })
    """
    check_lang(lang)
    other_lang = "en" if lang == "pt" else "pt"
    entries = []
    for term in sorted(TERMS, key=lambda term: sort_key(term.term(lang))):
        name = term.term(lang)
        other = (term.bridge or term.en) if lang == "pt" else term.pt
        entry = f"**{name}**"
        if other.casefold() != name.casefold():
            label = t("glossary_other", lang)
            entry += f' ({label}: *{other}*{{: lang="{other_lang}" }})'
        definition = term.definition(lang)
        if lang == "pt" and term.avoid:
            avoided = ", ".join(f"*{form}*" for form in term.avoid)
            definition += f" {t('glossary_avoid', lang)}: {avoided}."
        entries.append(f"{entry}\n:   {definition}")
    return "\n\n".join(entries) + "\n"


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
