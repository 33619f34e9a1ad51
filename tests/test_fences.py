"""Guard: every Python fence shown to readers is executed by the tests.

An independent scanner (CommonMark fence rules: backticks or tildes, any indent,
nested fences) lists every fence of every page; each Python one must be collected
and run by the page collector in ``conftest.py``, unmarked. Shell fences must either
run (``sh``/``bash``) or say they are not meant to (``console``, or a skip mark).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_codeblocks.main import extract_from_file

from conftest import ROOT, RUNNABLE, fence_language

PYTHON = {"python", "py", "python3", "py3"}
SHELL = {"sh", "bash", "shell", "zsh"}
OPENER = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def scan_fences(path: Path) -> list[tuple[int, str]]:
    """Every fence opener in a Markdown file, as (line number, info string)."""
    found, open_fence = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = OPENER.match(line)
        if open_fence is None:
            if match and not (match["fence"][0] == "`" and "`" in match["info"]):
                open_fence = match["fence"]
                found.append((number, match["info"].strip()))
        elif (
            match
            and match["fence"][0] == open_fence[0]
            and len(match["fence"]) >= len(open_fence)
            and not match["info"].strip()
        ):
            open_fence = None
    return found


def unexecuted_fences(path: Path) -> list[str]:
    """Problems with the fences of one page, as 'file:line: message'."""
    collected = {
        block.lineno: block
        for block in extract_from_file(path)
        if fence_language(block.syntax) in RUNNABLE
    }
    problems = []
    for line, info in scan_fences(path):
        language = fence_language(info)
        where = (
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{line}"
        )
        block = collected.get(line)
        if language in PYTHON:
            if block is None or fence_language(block.syntax) != "python":
                problems.append(
                    f"{where}: ```{info} is not run by the tests; write ```python"
                )
            elif any("skip" in mark or "xfail" in mark for mark in block.marks):
                problems.append(f"{where}: a Python fence is marked {block.marks}")
        elif language in SHELL and block is None:
            problems.append(
                f"{where}: ```{info} never runs; use ```bash to run it, or "
                "```console for commands shown but not run"
            )
    return problems


def pages() -> list[Path]:
    return [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_python_fence_is_executed(page: Path) -> None:
    problems = unexecuted_fences(page)
    assert not problems, "\n".join(problems)


def test_guard_catches_fences_the_collector_would_skip(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "text\n\n```py\nprint(1)\n```\n\n~~~python\nprint(2)\n~~~\n\n"
        "<!--pytest.mark.skip-->\n```python\nprint(3)\n```\n\n"
        "```shell\nls\n```\n\n````markdown\n```py\nnot a fence\n```\n````\n\n"
        '```python exec="on"\nprint(4)\n```\n\n```console\n$ ls\n```\n',
        encoding="utf-8",
    )
    problems = unexecuted_fences(page)
    lines = [int(p.split(":")[1]) for p in problems]
    assert lines == [3, 7, 12, 16], problems
    assert "```py is not run" in problems[0]
