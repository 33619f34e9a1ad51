"""The glossary's data: the :class:`Term` class and the terms, one module per topic.

:mod:`snippets.glossary` gathers the topic modules (``network``, ``training``,
``deep``, ``calculus``, ``maths``) into ``TERMS`` and builds from them the glossary
page and the tooltips; the terminology test (``scripts/terminology.py``) reads them
too.
"""

from __future__ import annotations

from dataclasses import dataclass

from snippets.i18n import check_lang

__all__ = ["Term"]


@dataclass(frozen=True)
class Term:
    """One concept: its term and short definition in each language.

    Attributes
    ----------
    pt, en : str
        The term in Portuguese (Brazil) and in English.
    pt_definition, en_definition : str
        One or two sentences, plain text (they become tooltips).
    avoid : tuple of str
        Forms the Portuguese pages do not use for this concept: other
        synonyms, European Portuguese or pre-2009 spellings, and the English
        term itself (allowed on the glossary page and in the bridge, see
        ``bridge``). The terminology test flags them, whole word and ignoring
        case, except inside an occurrence of a chosen term (``straight-through``
        is avoided alone, not in "estimador straight-through").
    tooltip : bool
        Whether the term gets a tooltip wherever it appears (off for words so
        common that a tooltip on each would be noise).
    bridge : str
        The English term a student meets in papers and in PyTorch's
        documentation (so in American spelling: "batch normalization"), given to
        Portuguese readers as "termo (em inglês, *bridge*)" where the term is
        first used on the site, and in the term's Portuguese tooltip. Empty for
        the terms that need none: words shared by both languages ("softmax"),
        near-identical ones ("subgradiente") and everyday words ("peso").
    en_avoid : tuple of str
        Variants the English pages do not use for this concept (American
        spellings, other synonyms): the English pages keep one term too.
    allow : tuple of str
        Longer Portuguese names, not terms of the glossary, inside which an
        ``avoid`` form is fine: "unidade" is avoided for *neurônio*, but
        "unidade linear retificada", the name of ReLU, is allowed.
    """

    pt: str
    en: str
    pt_definition: str
    en_definition: str
    avoid: tuple[str, ...] = ()
    tooltip: bool = True
    bridge: str = ""
    en_avoid: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()

    def term(self, lang: str) -> str:
        """The term in ``lang``."""
        return self.pt if check_lang(lang) == "pt" else self.en

    def other(self, lang: str) -> str:
        """The term in the language that is not ``lang``."""
        return self.en if check_lang(lang) == "pt" else self.pt

    def definition(self, lang: str) -> str:
        """The definition in ``lang``."""
        return self.pt_definition if check_lang(lang) == "pt" else self.en_definition

    def title(self, lang: str) -> str:
        """The tooltip: the definition, and in Portuguese the English term.

        Examples
        --------
        >>> term = Term("platô", "plateau", "Região plana.", "Flat region.",
        ...             bridge="plateau")
        >>> term.title("pt"), term.title("en")
        ('Região plana. (em inglês: plateau)', 'Flat region.')
        """
        if check_lang(lang) == "pt" and self.bridge:
            return f"{self.pt_definition} (em inglês: {self.bridge})"
        return self.definition(lang)
