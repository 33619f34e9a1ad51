"""Check that the Portuguese and English versions of each page have the same structure.

    python scripts/parity.py [PAGE ...]     # e.g. neuron.md; default: every page

For each page ``docs/pt/X.md`` and its counterpart ``docs/en/X.md`` it compares, in
document order: headings (level, and the explicit ``{#id}`` when one side has it;
ids from text differ between languages), code blocks (language, attributes and code,
with string literals and comments masked: they are for the reader), figures
(``show(`` calls and images), formulas (``\\( \\)``, ``\\[ \\]``, ``$$``), tables
(rows x columns) and admonitions (``!!!``/``???`` and their type). It prints the
first difference of each page, with both line numbers, and the pages that git says
may be stale (see :func:`scripts.hooks.stale_pages`). Pages still marked
``<!-- PLACEHOLDER`` on either side are skipped. Exit status 1 on any difference.
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("pt", "en")
PLACEHOLDER = "<!-- PLACEHOLDER"

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^`]*)$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s+([\w-]+)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_CODE_SPAN = re.compile(r"(`+).*?\1")
_PROSE = re.compile(r"\\\(|\\\[|\$\$|!\[|<img\b")
_QUOTED_ATTR = re.compile(r'(\w+)="[^"]*"')
_MASKED_ATTRS = ("title",)  # fence attributes meant for the reader


class Element(NamedTuple):
    kind: str  # heading, code, figure, formula, table, admonition
    key: tuple  # what must be equal in both languages
    line: int  # 1-based line in its file
    shown: str  # how to show it in a message


def _python_tokens(code: str) -> tuple | None:
    """The code's tokens with strings and comments masked; None if not Python."""
    out = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING):
                continue
            if tok.type == tokenize.STRING:
                out.append((tokenize.STRING, '""', tok.start[0]))
            elif tok.type in (tokenize.INDENT, tokenize.DEDENT):
                out.append((tok.type, "", tok.start[0]))
            elif tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
                continue
            else:
                out.append((tok.type, tok.string, tok.start[0]))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return tuple(out)


def _info(info: str) -> tuple[str, str]:
    info = info.strip()
    lang = info.split(" ", 1)[0].split("{", 1)[0].lower()
    attrs = _QUOTED_ATTR.sub(
        lambda m: f'{m[1]}="…"' if m[1] in _MASKED_ATTRS else m[0], info
    )
    return lang, attrs


def elements(text: str) -> list[Element]:
    """The structural elements of a Markdown page, in order."""
    out: list[Element] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            marker, (lang, attrs) = fence[2], _info(fence[3])
            start, body = i, []
            i += 1
            while i < len(lines):
                close = re.match(r"^\s*(`{3,}|~{3,})\s*$", lines[i])
                if close and close[1][0] == marker[0] and len(close[1]) >= len(marker):
                    break
                body.append(lines[i])
                i += 1
            code = "\n".join(body)
            indent = len(fence[1])
            code = "\n".join(b[indent:] if b[:indent].isspace() else b for b in body)
            tokens = _python_tokens(code + "\n") if lang in ("python", "py") else None
            key = (lang, attrs, tokens if tokens is not None else None)
            out.append(Element("code", key, start + 1, f"```{fence[3].strip()}"))
            if lang in ("python", "py"):
                for n, code_line in enumerate(body):
                    for _ in re.finditer(r"\bshow\(", code_line):
                        out.append(Element("figure", ("show",), start + 2 + n, "show("))
            i += 1
            continue
        heading = _HEADING.match(line)
        if heading:
            explicit = _EXPLICIT_ID.search(heading[2])
            level = len(heading[1])
            key = (level, explicit[1] if explicit else None)
            shown = f"{'#' * level} {heading[2]}"
            out.append(Element("heading", key, i + 1, shown))
            i += 1
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            depth = len(line) - len(line.lstrip())
            kind = (admonition[1].rstrip("+"), admonition[2], depth)
            out.append(Element("admonition", kind, i + 1, line.strip()))
            i += 1
            continue
        if (
            line.lstrip().startswith("|")
            and i + 1 < len(lines)
            and _TABLE_RULE.match(lines[i + 1])
        ):
            columns = lines[i + 1].strip().strip("|").count("|") + 1
            start = i
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                i += 1
            rows = i - start - 1
            shown = f"table {rows - 1}x{columns}"
            out.append(Element("table", (rows, columns), start + 1, shown))
            continue
        prose = _CODE_SPAN.sub("", line)
        for match in _PROSE.finditer(prose):
            token = match[0]
            kind = "figure" if token in ("![", "<img") else "formula"
            name = {"![": "image", "<img": "image"}.get(token, token)
            out.append(Element(kind, (name,), i + 1, name))
        i += 1
    return out


def _describe(element: Element | None, path: Path, docs: Path) -> str:
    name = path.relative_to(docs.parent).as_posix()  # docs/pt/X.md
    if element is None:
        return f"{name}: (nothing more)"
    return f"{name}:{element.line}: {element.kind} {element.shown}"


def _code_difference(a: Element, b: Element) -> str:
    if a.key[:2] != b.key[:2]:
        return "code blocks differ in language or attributes"
    ta, tb = a.key[2] or (), b.key[2] or ()
    for x, y in zip(ta, tb, strict=False):
        if x[:2] != y[:2]:
            return (
                f"code differs (strings and comments aside): {x[1]!r} at block line "
                f"{x[2]} vs {y[1]!r} at block line {y[2]}"
            )
    return "code differs in length (strings and comments aside)"


def first_difference(page: str, docs: Path = DOCS) -> str | None:
    """``None`` if ``page`` (e.g. ``"neuron.md"``) matches in both languages,
    else a message naming both files, their lines and the first difference."""
    pt, en = docs / "pt" / page, docs / "en" / page
    for path in (pt, en):
        if not path.is_file():
            name = path.relative_to(docs.parent).as_posix()
            return f"{name}: missing (its counterpart exists)"
    a = elements(pt.read_text(encoding="utf-8"))
    b = elements(en.read_text(encoding="utf-8"))
    for n in range(max(len(a), len(b))):
        x = a[n] if n < len(a) else None
        y = b[n] if n < len(b) else None
        if x is None or y is None or x.kind != y.kind:
            what = "different element"
        elif x.key != y.key:
            what = _code_difference(x, y) if x.kind == "code" else f"different {x.kind}"
        else:
            continue
        return f"{page}: {what} (element {n + 1}):\n  {_describe(x, pt, docs)}\n  {_describe(y, en, docs)}"
    return None


def pages(docs: Path = DOCS) -> list[str]:
    """Every Markdown page of either language, as a path relative to its language."""
    found = set()
    for lang in LANGS:
        found |= {
            p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")
        }
    return sorted(found)


def is_placeholder(page: str, docs: Path = DOCS) -> bool:
    return any(
        (docs / lang / page).is_file()
        and PLACEHOLDER in (docs / lang / page).read_text(encoding="utf-8")
        for lang in LANGS
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    failed = 0
    for page in argv or pages():
        if is_placeholder(page):
            print(f"{page}: skipped (placeholder)")
            continue
        difference = first_difference(page)
        if difference:
            failed += 1
            print(difference)
    sys.path.insert(0, str(ROOT))
    from scripts.hooks import stale_pages

    for lang, stale in stale_pages(ROOT).items():
        for page in sorted(stale):
            print(f"docs/{lang}/{page}: possibly stale (its counterpart changed later)")
    print(f"{failed} pages differ in structure")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
