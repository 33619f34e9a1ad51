"""The terminology check: one term per concept on every page, and the English bridges.

    python scripts/terminology.py      # every page of both languages; exit 1 on a problem

The terms are those of :mod:`snippets.glossary`. What it checks, on the prose of
every page (code, math, link targets, HTML comments, mkdocstrings directives and
the titles of cited works are not prose):

* **Portuguese pages** use no ``avoid`` form of any term (whole word, ignoring case,
  singular or plural), except inside a chosen term that contains it
  ("straight-through" alone is flagged, "estimador straight-through" is not),
  inside a longer name the term allows ("unidade" is flagged, "unidade linear
  retificada" is not) and
  in the bridge, the one form in which a Portuguese page names an English term:
  exactly "termo (em inglês, *English term*)", right after the term.
* **Bridges.** A bridge names a term's ``bridge`` (its English term), follows a use
  of that term, comes at the term's first use in the running text of its page
  (headings, tables and admonitions, such as the box "Nesta página" that opens a
  page, are not running text: a term used in the box is bridged at its first use
  in the prose below; only a term the running text does not use may be bridged
  in a box, such as an exercise's answer), and appears at most once per page; the first page in the navigation's order
  (``mkdocs.yml``, read at each run) that uses a term with a bridge bridges it.
* **English pages** use no ``en_avoid`` form (for example "initialization": the
  English pages spell it "initialisation").

The glossary page is exempt: it lists the discouraged forms on purpose. Pages are
found under ``docs/pt`` and ``docs/en`` (Markdown pages and the notebooks' Markdown
cells), not listed here.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from snippets.glossary import TERMS, Term  # noqa: E402

DOCS = ROOT / "docs"
CONFIGS = {"pt": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
EXEMPT = {"glossary.md"}  # pages that may use the avoided forms
REFERENCES = {"references.md"}  # pages that are lists of references as a whole


class Problem(NamedTuple):
    """One finding: where, what was found and what to do."""

    line: int
    found: str
    advice: str


# --------------------------------------------------------------------------- #
# Prose: what is left of a page once code, math, links... are blanked
# --------------------------------------------------------------------------- #
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_DIRECTIVE = re.compile(r"^\s*::: ")  # mkdocstrings: ::: snippets.datasets
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITALIC = re.compile(r"(?<![*\w])\*(?![*\s])[^*]+?(?<![*\s])\*(?![*\w])", re.DOTALL)
_NOT_PROSE = (
    re.compile(r"<!--.*?-->", re.DOTALL),  # HTML comments
    re.compile(r"\\\[.*?\\\]", re.DOTALL),  # display math
    re.compile(r"\\\(.*?\\\)", re.DOTALL),  # inline math
    re.compile(r"\$\$.*?\$\$", re.DOTALL),  # display math (notebooks)
    re.compile(r"(?<![\\$\w])\$[^$\n]+?\$(?!\w)"),  # inline math (notebooks)
    re.compile(r"(`+).+?\1", re.DOTALL),  # inline code
    re.compile(r"\]\([^)]*\)"),  # link targets
)
#: The bridge: exactly "(em inglês, *term*)".
BRIDGE = re.compile(r"\(em\s+inglês,\s+\*([^*()]+)\*\)")
_SECTION_OF_REFERENCES = ("referências", "references")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


@functools.lru_cache(maxsize=512)
def prose(text: str, references: bool = False, bridges: bool = True) -> str:
    """``text`` with what is not prose blanked out.

    ``references`` says the whole text is a list of references (the references
    page); otherwise only sections headed "Referências"/"References" are, whose
    italics (titles of cited works, in their own language) are blanked.
    ``bridges=False`` keeps the bridges "(em inglês, *term*)", which are blanked
    by default. Blanked characters become spaces and newlines are kept, so line
    numbers and offsets do not change.
    """
    lines, fence, cited, section = [], None, [], None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        heading = _HEADING.match(line) if fence is None else None
        if heading:
            level = len(heading.group(1))
            if section is not None and level <= section:
                section = None
            if heading.group(2).strip().casefold().startswith(_SECTION_OF_REFERENCES):
                section = level
        if fence is None and match:
            fence = match.group(1)
            line = " " * len(line)
        elif fence is not None:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
            ):
                fence = None
            line = " " * len(line)
        elif _DIRECTIVE.match(line):
            line = " " * len(line)
        lines.append(line)
        cited.append(references or section is not None)
    out = "\n".join(lines)
    for pattern in (*_NOT_PROSE, BRIDGE) if bridges else _NOT_PROSE:
        out = pattern.sub(_blank, out)

    def title(match: re.Match) -> str:  # titles of cited works
        line = out.count("\n", 0, match.start())
        return _blank(match) if cited[line] else match.group(0)

    return _ITALIC.sub(title, out)


def notebook_markdown(source: str) -> str:
    """The Markdown cells of a notebook in jupytext's percent format.

    Each line of a Markdown cell loses its leading ``# ``; every other line
    (the header, the code cells) becomes empty, so line numbers are kept.
    """
    lines, markdown = [], False
    for line in source.split("\n"):
        if line.startswith("# %%"):
            markdown = "[markdown]" in line
            lines.append("")
        elif markdown and (line == "#" or line.startswith("# ")):
            lines.append(line[2:])
        else:
            lines.append("")
    return "\n".join(lines)


def page_source(path: Path) -> str:
    """The Markdown of a page: the file, or a notebook's Markdown cells."""
    text = path.read_text(encoding="utf-8")
    return notebook_markdown(text) if path.suffix == ".py" else text


# --------------------------------------------------------------------------- #
# Forms: whole words, singular or plural
# --------------------------------------------------------------------------- #
def _word(word: str) -> str:
    """A word and its plurals (Portuguese and English, loosely)."""
    plain = re.escape(word)
    low = word.casefold()
    if low.endswith("ão"):
        return re.escape(word[:-2]) + "(?:ão|ões|ães|ãos)"
    if low.endswith("l"):
        return f"(?:{plain}|{re.escape(word[:-1])}(?:is|eis|éis|óis))"
    if low.endswith("m"):
        return f"(?:{plain}|{re.escape(word[:-1])}ns)"
    return plain + "(?:s|es)?"


@functools.cache
def form_pattern(form: str) -> re.Pattern:
    """Whole-word, case-insensitive pattern for ``form``, each word singular or
    plural; a space also matches a line break (and any run of spaces)."""
    body = r"\s+".join(_word(word) for word in form.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def _finditer(form: str, clean: str, folded: str) -> list[re.Match]:
    """``form_pattern(form).finditer(clean)``, fast: the pattern is only tried
    where ``folded`` (``clean`` in lower case) has the start of the form."""
    first = form.split()[0].lower()
    stem = first[: max(1, len(first) - 2)]
    pattern = form_pattern(form)
    if len(folded) != len(clean):  # lower() changed a length: no shortcut
        return list(pattern.finditer(clean))
    found, at, end = [], folded.find(stem), 0
    while at >= 0:
        match = pattern.match(clean, at) if at >= end else None
        if match:
            found.append(match)
            end = match.end()
        at = folded.find(stem, at + 1)
    return found


def _spans(clean: str, forms: Iterable[str]) -> list[tuple[int, int, str]]:
    folded = clean.lower()
    return [
        (m.start(), m.end(), form)
        for form in forms
        for m in _finditer(form, clean, folded)
    ]


@functools.lru_cache(maxsize=256)
def _term_spans(clean: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """Every occurrence of every chosen term in ``clean``."""
    return tuple(_spans(clean, [term.term(lang) for term in TERMS]))


def _inside(span: tuple[int, int], spans: Iterable[tuple[int, int, str]], form: str):
    """Whether ``span`` lies inside an occurrence of a longer form than ``form``."""
    start, end = span
    return any(
        s <= start and end <= e and len(other) > len(form) for s, e, other in spans
    )


def _line(clean: str, offset: int) -> int:
    return clean.count("\n", 0, offset) + 1


# --------------------------------------------------------------------------- #
# The checks
# --------------------------------------------------------------------------- #
def violations(
    text: str,
    terms_: tuple[Term, ...] = TERMS,
    references: bool = False,
    lang: str = "pt",
) -> list[tuple[int, str, str]]:
    """``(line, form found, chosen term)`` for each avoided form in the prose.

    ``lang="pt"`` looks for ``Term.avoid``, ``"en"`` for ``Term.en_avoid``. A
    form inside an occurrence of a longer chosen term, or of one of the longer
    names its term allows (``Term.allow``), is not flagged.
    """
    clean = prose(text, references)
    chosen = _term_spans(clean, lang)
    folded = clean.lower()
    found = []
    for term in terms_:
        forms = term.avoid if lang == "pt" else term.en_avoid
        allowed = _spans(clean, term.allow) if forms and lang == "pt" else []
        for form in forms:
            for match in _finditer(form, clean, folded):
                if _inside(match.span(), chosen, form) or _inside(
                    match.span(), allowed, form
                ):
                    continue
                found.append(
                    (_line(clean, match.start()), match.group(0), term.term(lang))
                )
    return sorted(found)


def uses(text: str, term: Term, clean: str | None = None) -> list[int]:
    """Offsets of the uses of ``term`` (Portuguese) in the running text of
    ``text``: its prose without headings, admonitions and bridges. A use inside
    a longer term ("porta" in "unidade linear com porta") is not one."""
    spans = _term_spans(_running_text(prose(text) if clean is None else clean), "pt")
    return [
        start
        for start, end, form in spans
        if form == term.pt and not _inside((start, end), spans, form)
    ]


_ADMONITION = re.compile(r"^(\s*)(!!!|\?\?\?\+?)\s")
_TABLE_ROW = re.compile(r"^\s*\|")


@functools.lru_cache(maxsize=256)
def _running_text(clean: str) -> str:
    """``clean`` without its headings, tables and admonitions (the box "Nesta
    página" that opens a page, notes, the exercises' answers): the running text."""
    lines, box = [], None
    for line in clean.split("\n"):
        if box is not None and line.strip() and len(line) - len(line.lstrip()) <= box:
            box = None
        admonition = _ADMONITION.match(line)
        if admonition and box is None:
            box = len(admonition.group(1))
        if box is not None or _HEADING.match(line) or _TABLE_ROW.match(line):
            line = " " * len(line)
        lines.append(line)
    return "\n".join(lines)


def _bridged_terms(terms_: tuple[Term, ...]) -> dict[str, Term]:
    return {term.bridge.casefold(): term for term in terms_ if term.bridge}


def bridges(text: str, terms_: tuple[Term, ...] = TERMS) -> list[tuple[int, Term]]:
    """``(offset, term)`` of each well-formed bridge of ``text``: one that names
    the ``bridge`` of a term right after a use of it (see `bridge_problems`)."""
    return [
        (offset, term)
        for offset, _, term, problem in _bridges(text, terms_)
        if not problem
    ]


def _bridges(text: str, terms_: tuple[Term, ...]):
    """``(offset, offset of the use bridged, term, problem or None)`` per bridge."""
    clean, plain = prose(text, bridges=False), prose(text)
    known = _bridged_terms(terms_)
    for match in BRIDGE.finditer(clean):
        english = " ".join(match.group(1).split()).casefold()
        term = known.get(english) or known.get(english.removesuffix("s"))
        if term is None:
            yield (
                match.start(),
                None,
                None,
                (
                    f"'{match.group(0)}' bridges no term of the glossary: a bridge "
                    "names the English term of a glossary term with a bridge"
                ),
            )
            continue
        start = max(0, match.start() - 300)
        use = re.search(
            form_pattern(term.pt).pattern + r"[\s*_\]]*\Z",
            plain[start : match.start()],
            re.IGNORECASE,
        )
        if use is None:
            yield (
                match.start(),
                None,
                term,
                (f"'{match.group(0)}' must follow '{term.pt}', the term it bridges"),
            )
            continue
        yield match.start(), start + use.start(), term, None


def bridge_problems(text: str, terms_: tuple[Term, ...] = TERMS) -> list[Problem]:
    """The bridges of one page that break a rule.

    Each bridge "(em inglês, *X*)" must name the ``bridge`` of a term (X, or X
    with a final "s"), right after a use of that term (bold or italic markup, or
    the end of a link, in between is fine), at the term's first use in the
    running text of the page (headings, tables and admonitions, such as the box
    "Nesta página", are not, see `uses`), so not inside a heading, a table or an
    admonition, unless the running text does not use the term at all (a term
    only an exercise's answer uses may be bridged there); and a term is bridged
    at most once per page.
    """
    problems, seen = [], set()
    clean = prose(text)
    running = _running_text(clean)
    for offset, use, term, problem in _bridges(text, terms_):
        line = _line(clean, offset)
        if problem:
            problems.append(Problem(line, term.bridge if term else "?", problem))
        elif not running[use].strip() and uses(text, term, clean):
            advice = (
                f"the bridge of '{term.pt}' belongs in the running text, at its "
                "first use there, not in a heading, a table or a box"
            )
            problems.append(Problem(line, term.bridge, advice))
        elif term.pt in seen:
            advice = f"'{term.pt}' is bridged twice on the page"
            problems.append(Problem(line, term.bridge, advice))
        else:
            seen.add(term.pt)
            first = uses(text, term, clean)
            if first and first[0] < use:
                advice = (
                    f"the bridge of '{term.pt}' belongs at its first use, "
                    f"line {_line(clean, first[0])}"
                )
                problems.append(Problem(line, term.bridge, advice))
    return problems


# --------------------------------------------------------------------------- #
# Pages, in the navigation's order
# --------------------------------------------------------------------------- #
class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring its !ENV and !!python tags."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_order(lang: str = "pt") -> list[str]:
    """The pages of the navigation, in order, as paths relative to the docs."""
    config = yaml.load(CONFIGS[lang].read_text(encoding="utf-8"), Loader=_Loader)
    found: list[str] = []

    def walk(item) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            for entry in item:
                walk(entry)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)

    walk(config["nav"])
    return found


def pages(lang: str) -> list[Path]:
    """Every page of ``lang``: the navigation's order, then any page not in it."""
    root = DOCS / lang
    found = {
        p.relative_to(root).as_posix(): p
        for p in root.rglob("*")
        if p.is_file()
        and (p.suffix == ".md" or (p.suffix == ".py" and p.parent.name == "notebooks"))
    }
    order = [name for name in nav_order(lang) if name in found]
    return [found[name] for name in order + sorted(set(found) - set(order))]


def first_use_problems(
    texts: list[tuple[str, str]], terms_: tuple[Term, ...] = TERMS
) -> list[tuple[str, Problem]]:
    """``(page, problem)`` for each term with a bridge whose first page does not
    bridge it; ``texts`` is ``[(page, Markdown), ...]`` in the reading order."""
    found = []
    cleaned = [(name, text, prose(text)) for name, text in texts]
    bridged = {name: {t.pt for _, t in bridges(text, terms_)} for name, text in texts}
    for term in terms_:
        if not term.bridge:
            continue
        for name, text, clean in cleaned:
            offsets = uses(text, term, clean)
            if offsets:
                if term.pt not in bridged[name]:
                    advice = (
                        f"first page to use '{term.pt}': bridge it there, "
                        f"'{term.pt} (em inglês, *{term.bridge}*)'"
                    )
                    found.append(
                        (name, Problem(_line(clean, offsets[0]), term.pt, advice))
                    )
                break
    return found


def check(lang: str) -> list[tuple[str, Problem]]:
    """Every problem of the pages of ``lang``, as ``(page, problem)``."""
    root = DOCS / lang
    report, texts = [], []
    for path in pages(lang):
        name = path.relative_to(root).as_posix()
        if name in EXEMPT:
            continue
        text = page_source(path)
        for line, form, chosen in violations(
            text, references=name in REFERENCES, lang=lang
        ):
            report.append((name, Problem(line, form, f"use '{chosen}'")))
        if lang == "pt":
            report += [(name, p) for p in bridge_problems(text)]
            texts.append((name, text))
    if lang == "pt":
        report += first_use_problems(texts)
    return report


def main() -> int:
    failed = 0
    for lang in ("pt", "en"):
        for name, (line, found, advice) in check(lang):
            print(f"docs/{lang}/{name}:{line}: '{found}': {advice}")
            failed += 1
    print(f"{failed} problem(s)" if failed else "terminology: no problem")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
