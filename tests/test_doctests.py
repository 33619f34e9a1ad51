"""The examples in the docstrings of `snippets` run and print what they show.

Readers meet these examples on the API page; a stale example is a false sentence.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import snippets

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(snippets.__path__, "snippets.")
)


def test_every_module_is_found():
    assert {"snippets.activations", "snippets.figures", "snippets.nn"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.failed == 0, f"{result.failed} failing example(s) in {name}"
