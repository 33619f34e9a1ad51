"""Collect the code of every page as tests, with pytest-codeblocks.

pytest-codeblocks (``--codeblocks``) only collects fences whose info string is
exactly ``python``, ``sh`` or ``bash``; the pages also run code at build time with
markdown-exec (```` ```python exec="on" ... ````), which it would skip silently. So
this plugin feeds every Markdown file under ``docs/`` and the README to
pytest-codeblocks' own parser and test item, taking any ``python`` fence whatever
its attributes. ``tests/test_fences.py`` checks that nothing shown is left out.

Each block runs in a fresh temporary folder (a figure saved by a snippet lands
there) with the build-only variable unset, exactly as a reader who copied it would
run it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Small matrices everywhere: one BLAS thread avoids contention on a 2-core machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pytest
from pytest_codeblocks.main import extract_from_file
from pytest_codeblocks.plugin import TestBlock

ROOT = Path(__file__).parent
RUNNABLE = {"python", "sh", "bash"}


def fence_language(info: str | None) -> str:
    """The language of a fence's info string: ``python exec="on"`` -> ``python``."""
    return (info or "").strip().split(" ", 1)[0].split("{", 1)[0].lower()


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix != ".md" or parent.config.option.codeblocks:
        return None
    if file_path.is_relative_to(ROOT / "docs") or file_path == ROOT / "README.md":
        return PageFile.from_parent(parent, path=file_path)
    return None


class PageFile(pytest.File):
    def collect(self):
        for block in extract_from_file(self.path):
            language = fence_language(block.syntax)
            if language not in RUNNABLE:
                continue
            block.syntax = language
            item = PageBlock.from_parent(parent=self, name=f"line {block.lineno}")
            item.obj = block
            for mark in block.marks:
                item.add_marker(
                    eval(mark, {"pytest": pytest})
                )  # as pytest-codeblocks does
            yield item


class PageBlock(TestBlock):
    def runtest(self):
        here = os.getcwd()
        saved = os.environ.pop("SNIPPETS_FIGURE_DIR", None)
        with tempfile.TemporaryDirectory() as folder:
            os.chdir(folder)
            try:
                super().runtest()
            finally:
                os.chdir(here)
                if saved is not None:
                    os.environ["SNIPPETS_FIGURE_DIR"] = saved
