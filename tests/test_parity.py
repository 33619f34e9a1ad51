"""Gate: both languages of every page have the same structure; stale pages are marked.

The checker is ``scripts/parity.py`` (run it alone to see the first difference of
every page); the notice on possibly stale pages is section 6 of ``scripts/hooks.py``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from scripts import hooks, parity

PAGES = parity.pages()


@pytest.mark.parametrize("page", PAGES)
def test_page_has_the_same_structure_in_both_languages(page: str) -> None:
    if parity.is_placeholder(page):
        pytest.skip(f"{page}: placeholder on one side, not written yet")
    difference = parity.first_difference(page)
    assert difference is None, difference


PT = """# Título

Texto com \\(x\\) e uma figura.

## Fórmula {#formula}

```python exec="on" source="block"
from snippets.publish import show

show(plot, "relu", lang="pt")  # desenha
print("Olá")
```

| a | b |
|---|---|
| 1 | 2 |

!!! note "Nota"
    \\[ y = x \\]
"""
EN = (
    PT.replace("Título", "Title")
    .replace("Texto com", "Text with")
    .replace("Fórmula", "Formula")
    .replace('lang="pt"', 'lang="en"')
    .replace("# desenha", "# draws")
    .replace('"Olá"', '"Hello"')
    .replace('"Nota"', '"Note"')
)


def _docs(tmp_path: Path, pt: str, en: str) -> Path:
    for lang, text in (("pt", pt), ("en", en)):
        (tmp_path / lang).mkdir(parents=True, exist_ok=True)
        (tmp_path / lang / "page.md").write_text(text, encoding="utf-8")
    return tmp_path


def _first_difference(tmp_path: Path, pt: str, en: str) -> str | None:
    return parity.first_difference("page.md", _docs(tmp_path / "docs", pt, en))


def test_translated_prose_strings_and_comments_are_not_differences(tmp_path) -> None:
    assert _first_difference(tmp_path, PT, EN) is None
    kinds = [e.kind for e in parity.elements(PT)]
    assert kinds == [
        "heading",
        "formula",
        "heading",
        "code",
        "figure",
        "table",
        "admonition",
        "formula",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("## Formula {#formula}", "### Formula {#formula}"), "different heading"),
        (("{#formula}", "{#other}"), "different heading"),
        (
            ("print(", "len("),
            "code differs (strings and comments aside): 'print' at block line 4 vs 'len'",
        ),
        (("| a | b |\n|---|---|\n| 1 | 2 |", "| a |\n|---|\n| 1 |"), "different table"),
        (('!!! note "Note"', '!!! tip "Note"'), "different admonition"),
        (("\\[ y = x \\]", "y = x"), "(nothing more)"),
        (("with \\(x\\)", "with x"), "different element"),
    ],
)
def test_each_structural_difference_is_named_with_both_lines(
    tmp_path, change, expected
) -> None:
    en = EN.replace(*change)
    assert en != EN
    message = _first_difference(tmp_path, PT, en)
    assert message is not None and expected in message, message
    assert "docs/pt/page.md:" in message and "docs/en/page.md" in message


def test_a_missing_counterpart_is_named(tmp_path) -> None:
    docs = _docs(tmp_path / "docs", PT, EN)
    (docs / "en" / "page.md").unlink()
    assert "missing" in parity.first_difference("page.md", docs)


# --- possibly stale pages: git history of a temporary repository ------------


def _git(repo: Path, *args: str, when: int | None = None) -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _commit(repo: Path, paths: list[str], when: int) -> None:
    for path in paths:
        file = repo / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"# {path} at {when}\n", encoding="utf-8")
    _git(repo, "add", *paths)
    _git(repo, "commit", "-q", "-m", f"at {when}", when=when)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    start = 1_700_000_000
    _commit(
        tmp_path,
        [
            "docs/pt/a.md",
            "docs/en/a.md",
            "docs/pt/b.md",
            "docs/en/b.md",
            "docs/pt/c.md",
            "docs/en/c.md",
        ],
        start,
    )
    _commit(tmp_path, ["docs/pt/a.md"], start + 86_400)  # en/a.md lags a day
    _commit(tmp_path, ["docs/en/b.md"], start + 86_400)  # pt/b.md lags a day
    _commit(tmp_path, ["docs/pt/c.md"], start + 90_000)  # translated 10 min later:
    _commit(tmp_path, ["docs/en/c.md"], start + 90_600)  # in step
    return tmp_path


def test_the_older_side_of_a_pair_changed_later_is_stale(repo: Path) -> None:
    assert hooks.stale_pages(repo) == {"pt": {"b.md"}, "en": {"a.md"}}


def test_a_commit_can_declare_pages_in_step(repo: Path) -> None:
    """A wording fix in one language leaves the other right: a commit says so
    with an In-step trailer, and the page is no longer marked."""
    message = "Wording only\n\nIn-step: docs/en/a.md docs/en/zz.md\nIn-step: x.md"
    _git(repo, "commit", "-q", "--allow-empty", "-m", message, when=1_700_100_000)
    assert hooks.stale_pages(repo) == {"pt": {"b.md"}, "en": set()}
    _commit(repo, ["docs/pt/a.md"], 1_700_200_000)  # a later change counts again
    assert hooks.stale_pages(repo)["en"] == {"a.md"}


def test_outside_git_nothing_is_stale(tmp_path: Path) -> None:
    assert hooks.stale_pages(tmp_path) == {}


def test_the_stale_page_gets_a_notice_in_its_language(repo: Path) -> None:
    def build(lang: str, page: str, markdown: str) -> str:
        config = SimpleNamespace(
            config_file_path=str(repo / "mkdocs.yml"),
            theme={"language": "pt-BR" if lang == "pt" else lang},
        )
        hooks._find_stale_pages(config)
        return hooks.stale_notice(
            markdown, SimpleNamespace(file=SimpleNamespace(src_uri=page)), config
        )

    assert build("en", "a.md", "# A\n\nText.\n").startswith(
        '# A\n\n!!! warning "This translation may be out of date"'
    )
    assert "desatualizada" in build("pt", "b.md", "# B\n\nTexto.\n")
    assert build("pt", "a.md", "# A\n\nTexto.\n") == "# A\n\nTexto.\n"
    assert build("en", "c.md", "# C\n") == "# C\n"
    hooks._stale.clear()
