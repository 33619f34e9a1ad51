"""Collect the code of every page as tests, with pytest-codeblocks.

pytest-codeblocks (``--codeblocks``) only collects fences whose info string is
exactly ``python``, ``sh`` or ``bash``; the pages also run code at build time with
markdown-exec (```` ```python exec="on" ... ````), which it would skip silently. So
this plugin feeds every Markdown file under ``docs/`` and the README to
pytest-codeblocks' own parser and test item, taking any ``python`` fence whatever
its attributes. ``tests/test_fences.py`` checks that nothing shown is left out.

Each block runs in a fresh temporary folder (a figure saved by a snippet lands
there) with the build-only variable unset, as a reader who copied it would run it;
like the site build, the two languages' copies of a block train each network once
between them (``scripts/sharing.py``: bit for bit the same network). What a
build-time block prints is kept, in a folder every xdist worker of the run shares,
for ``tests/test_reproducible.py``: a reader who runs a block must get what the
page shows (the build ran it in another process).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import tempfile
import traceback
from pathlib import Path

# Small matrices everywhere: one BLAS thread avoids contention on a 2-core machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pytest
from pytest_codeblocks.main import extract_from_file
from pytest_codeblocks.plugin import TestBlock

ROOT = Path(__file__).parent
RUNNABLE = {"python", "sh", "bash"}
BLOCK_RUNS = "block-runs"  # what build-time blocks printed, in the shared folder
PAGE_TRAINING = "page-training"  # the networks the blocks trained (scripts/sharing.py)
_BUILD_TIME = re.compile(r"""\bexec=["']?(on|1|true)\b""", re.IGNORECASE)


def block_run_file(config, nodeid: str) -> Path:
    """Where the test ``nodeid`` of a build-time block keeps what the block printed."""
    name = hashlib.sha256(nodeid.encode()).hexdigest()[:24]
    return shared_folder(config) / BLOCK_RUNS / f"{name}.json"


@contextlib.contextmanager
def page_training(config):
    """Within it, training runs are shared (scripts/sharing.py) by the pages'
    blocks and the tests of what the pages say about them. As in a site build, the
    Portuguese and the English copy of a block (they differ only in words) train
    each network once between them, bit for bit the same network. In a folder of
    this test run: what the build trained is not reused, so the build's output is
    compared with new runs (tests/test_reproducible.py)."""
    from scripts.sharing import SHARED_DIR_VARIABLE, install

    install()
    before = os.environ.get(SHARED_DIR_VARIABLE)
    os.environ[SHARED_DIR_VARIABLE] = str(shared_folder(config) / PAGE_TRAINING)
    try:
        yield
    finally:
        if before is None:
            del os.environ[SHARED_DIR_VARIABLE]
        else:
            os.environ[SHARED_DIR_VARIABLE] = before


def shared_folder(config) -> Path:
    """A folder all xdist workers of this run share (pytest's base temp folder)."""
    base = config._tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


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
            build_time = language == "python" and bool(_BUILD_TIME.search(block.syntax))
            block.syntax = language
            item = PageBlock.from_parent(parent=self, name=f"line {block.lineno}")
            item.obj = block
            item.build_time = build_time
            for mark in block.marks:
                item.add_marker(
                    eval(mark, {"pytest": pytest})
                )  # as pytest-codeblocks does
            yield item


class PageBlock(TestBlock):
    """One block of a page, run by itself in a fresh folder, as a reader would."""

    build_time = False  # exec="on": the build runs it too, and shows its output

    def runtest(self):
        here = os.getcwd()
        saved = os.environ.pop("SNIPPETS_FIGURE_DIR", None)
        with tempfile.TemporaryDirectory() as folder, page_training(self.config):
            os.chdir(folder)
            try:
                if self.obj.syntax == "python":
                    self._run_python()
                else:
                    super().runtest()
            finally:
                os.chdir(here)
                if saved is not None:
                    os.environ["SNIPPETS_FIGURE_DIR"] = saved

    def _run_python(self) -> None:
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(self.obj.code, {"__name__": "__main__"})
        except Exception:
            self._keep(None)
            raise RuntimeError(
                f"{self.path.relative_to(ROOT)}, line {self.obj.lineno}:\n```\n"
                f"{self.obj.code}```\n\n{traceback.format_exc(limit=-3)}"
            ) from None
        self._keep(printed.getvalue())

    def _keep(self, printed: str | None) -> None:
        """Keep what a build-time block printed (None: it failed) for the test that
        compares it with the page (tests/test_reproducible.py)."""
        if not self.build_time:
            return
        kept = block_run_file(self.config, self.nodeid)
        kept.parent.mkdir(exist_ok=True)
        record = {
            "page": self.path.relative_to(ROOT).as_posix(),
            "line": self.obj.lineno,
            "code": self.obj.code,
            "printed": printed,
        }
        partial = kept.with_suffix(".tmp")
        partial.write_text(json.dumps(record), encoding="utf-8")
        partial.replace(kept)  # whole, or not there
