"""The kinds of page of the site, and one page of each kind to measure.

Pages of one kind share their template and their heavy parts (figures, tables,
code blocks, a notebook's outputs, the API's docstrings, the explorers' controls
and layered figures), so one page stands for its kind: its heaviest (the most
elements, what a phone's main thread pays for). Sampling only light pages hid the
heavy ones once (the API page, the notebook): the budgets (``scripts/bench.py``:
Lighthouse on each kind's page in both languages) and the plain accessibility
check (``tests/browser_tour.py``, ``tests/test_a11y.py``) take one page of every
kind from here, and ``tests/test_bench.py`` fails when a page has grown heavier
than the one that stands for its kind (by more than ``HEAVIER``).

Every page of the site belongs to the first kind whose pattern matches its path
(relative to its language's root: ``""``, ``"neuron/"``, ``"activations/relu/"``);
``tests/test_bench.py`` fails on a page of no kind (a new section of the site),
so a new kind of page is added here, with the page that stands for it, before it
can be left unmeasured.
"""

from __future__ import annotations

import re

#: kind: (the page that stands for it, the pattern of its pages' paths). A page
#: is of the first kind that matches: the last, content pages, takes every page
#: at the top and the sections' index pages without a kind of their own.
PAGE_KINDS: dict[str, tuple[str, str]] = {
    "home": ("", r""),
    "catalogue index": ("activations/", r"activations/"),
    "catalogue page": ("activations/gated/", r"activations/[^/]+/"),
    "property page": ("properties/plateaus/", r"properties/[^/]+/"),
    "notebook": ("notebooks/training/", r"notebooks/[^/]+/"),
    "API": ("api/", r"api/"),
    "glossary": ("glossary/", r"glossary/"),
    "references": ("references/", r"references/"),
    "playground": ("playground/", r"playground/"),
    "content page": ("output-layer/", r"[^/]+/|properties/"),
}
LANGUAGES = {"pt": "", "en": "en/"}  # each language's folder in the site
HEAVIER = 1.1  # a page with 10 % more elements than its kind's sample is heavier


def kind_of(path: str) -> str | None:
    """The kind of the page at ``path`` (either language), or None."""
    path = path.removeprefix(LANGUAGES["en"]) if path.startswith("en/") else path
    for kind, (_, pattern) in PAGE_KINDS.items():
        if re.fullmatch(pattern, path):
            return kind
    return None


def sample_pages(languages=LANGUAGES) -> list[tuple[str, str]]:
    """``(kind, path)`` of the page standing for each kind, in each language."""
    return [
        (kind, LANGUAGES[lang] + page)
        for kind, (page, _) in PAGE_KINDS.items()
        for lang in languages
    ]
