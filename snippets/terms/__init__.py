"""The glossary's data: the :class:`Term` class and the terms, one module per topic.

:mod:`snippets.glossary` gathers the topic modules (``network``, ``training``,
``deep``, ``calculus``) into ``TERMS`` and builds the glossary page, the tooltips
and what the terminology test reads from them.
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
        term itself (allowed only on the glossary page). The terminology test
        flags them, whole word and ignoring case.
    tooltip : bool
        Whether the term gets a tooltip wherever it appears (off for words so
        common that a tooltip on each would be noise).
    """

    pt: str
    en: str
    pt_definition: str
    en_definition: str
    avoid: tuple[str, ...] = ()
    tooltip: bool = True

    def term(self, lang: str) -> str:
        """The term in ``lang``."""
        return self.pt if check_lang(lang) == "pt" else self.en

    def other(self, lang: str) -> str:
        """The term in the language that is not ``lang``."""
        return self.en if check_lang(lang) == "pt" else self.pt

    def definition(self, lang: str) -> str:
        """The definition in ``lang``."""
        return self.pt_definition if check_lang(lang) == "pt" else self.en_definition
