"""MkDocs hook: citations by key, and each page's list of references.

Pages cite the works of ``snippets/references.bib`` by key, in a syntax close to
Pandoc's:

- ``[@glorot2010]``: the narrative citation, "Glorot and Bengio (2010)";
- ``[-@rosenblatt1958]``: the year alone, "(1958)", after a sentence that already
  names the authors ("Rosenblatt's perceptron [-@rosenblatt1958]");
- ``(@glorot2010; @he2015)``: the parenthetical citation, "(Glorot and Bengio,
  2010; He et al., 2015)".

Each citation links to its entry in the page's list of references, which this hook
writes, from the keys cited on the page and in the style of
:mod:`snippets.bibliography`, in place of the marker ``<div id="refs"></div>`` (the
one Pandoc uses), under the page's "## Referências"/"## References" heading.
Citations in code (fenced blocks, inline code) and in HTML comments are left alone.
An unknown key, a malformed citation, a page that cites without the marker or a
marker on a page that cites nothing fail the build, naming the page.

The notebook (mkdocs-jupyter) is not Markdown to MkDocs: its Markdown cells are
converted in the rendered HTML, and the copies offered for download (``.ipynb``,
``.py``) get the citations and the list as plain text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from snippets.bibliography import cite, keys, reference_list

MARKER = '<div id="refs"></div>'
KEY = r"[A-Za-z][\w:-]*"
CITATION = re.compile(
    rf"\[(?P<year>-?)@(?P<key>{KEY})\]"  # [@key], [-@key]
    rf"|(?<!\])\((?P<pre>[^()@\[\]]*?)"  # (@key; @key), with words before or after
    rf"(?<![\w.@/])(?P<keys>@{KEY}(?:;\s*@{KEY})*)(?P<post>[^()@\[\]]*)\)"
)
LEFTOVER = re.compile(rf"\[-?@|\(@|(?<![\w.@/])@(?P<key>{KEY})")  # a missed citation
_CODE = re.compile(
    r"^([ \t]*)(`{3,}|~{3,}).*?(?:^[ \t]*\2[`~]*[ \t]*$|\Z)"  # fenced blocks
    r"|(`+).+?\3"  # inline code
    r"|<!--.*?-->",  # HTML comments
    re.MULTILINE | re.DOTALL,
)
_HERE = "\x00references\x00"  # where a marker was, until the list is known
_HTML_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)

keys()  # parse the bibliography now: before the English build forks (website.py)


def _language(config) -> str:
    return "pt" if config.theme["language"].startswith("pt") else "en"


def _source(page, config) -> str:
    """The page's source file as messages name it: ``docs/pt/neuron.md``."""
    return f"docs/{_language(config)}/{page.file.src_uri}"


def _citations(text: str, lang: str, where: str, style: str):
    """``(text, cited, markers)``: ``text`` with its citations written out (code
    left alone) and its markers as `_HERE`, the keys it cites, and how many
    markers it has."""
    cited: list[str] = []

    def link(key: str, form: str) -> str:
        try:
            words = cite(key, lang, form)
        except ValueError as error:  # unknown key: the closest ones are named
            raise PluginError(f"{where}: {error}") from None
        cited.append(key)
        if style == "html":
            return f'<a href="#ref-{key}">{html.escape(words)}</a>'
        return words if style == "plain" else f"[{words}](#ref-{key})"

    def one(match: re.Match) -> str:
        if match["key"] and match["year"]:
            return f"({link(match['key'], 'year')})"
        if match["key"]:
            return link(match["key"], "narrative")
        found = [k.strip().lstrip("@") for k in match["keys"].split(";")]
        listed = "; ".join(link(k, "parenthetical") for k in found)
        return f"({match['pre']}{listed}{match['post']})"

    pieces, start, markers, known = [], 0, 0, set(keys())
    for code in [*(_HTML_CODE if style == "html" else _CODE).finditer(text), None]:
        end = code.start() if code else len(text)
        prose = CITATION.sub(one, text[start:end])
        left = next(
            (m for m in LEFTOVER.finditer(prose) if not m["key"] or m["key"] in known),
            None,
        )
        if left:
            line = text.count("\n", 0, start) + prose.count("\n", 0, left.start()) + 1
            raise PluginError(
                f"{where}:{line}: malformed citation {prose[left.start() :][:30]!r}"
            )
        markers += prose.count(MARKER)
        pieces += [prose.replace(MARKER, _HERE), code.group(0) if code else ""]
        start = code.end() if code else end
    return "".join(pieces), cited, markers


def _together(cited: list[str], markers: int, where: str) -> None:
    if cited and markers != 1:
        raise PluginError(
            f"{where}: cites {cited[0]!r} but has no {MARKER} (or several)"
        )
    if not cited and markers:
        raise PluginError(f"{where}: has {MARKER} but cites nothing")


def convert(text: str, lang: str, where: str, style: str = "markdown") -> str:
    """``text`` with its citations written out and its marker replaced by the list.

    ``style`` is ``"markdown"`` (links to ``#ref-<key>``, the list as Markdown with
    those ids) or ``"html"`` (the same in HTML, for rendered notebook cells).
    Raises `PluginError`, naming ``where``, on an unknown key or a malformed
    citation, and when citations and the marker do not come together.
    """
    text, cited, markers = _citations(text, lang, where, style)
    _together(cited, markers, where)
    return text.replace(_HERE, _references(cited, lang, style))


def _references(cited: list[str], lang: str, style: str) -> str:
    listed = reference_list(cited, lang)
    if style == "plain":
        return re.sub(r'<span id="ref-[^"]+"></span>', "", listed)
    if style == "html":
        import markdown

        return markdown.markdown(listed)
    return listed


def on_page_markdown(markdown, page, config, files):
    return convert(markdown, _language(config), _source(page, config))


def _is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".py")  # only mkdocs-jupyter renders .py pages


def on_page_content(html_, page, config, files):
    if not _is_notebook(page):
        return html_
    return convert(html_, _language(config), _source(page, config), style="html")


def on_post_page(output, page, config):
    """The notebook's downloads (written by mkdocs-jupyter and scripts/hooks.py,
    which run before this hook): citations and list as plain text."""
    if not _is_notebook(page):
        return output
    import nbformat

    lang, where = _language(config), _source(page, config)
    folder, stem = Path(page.file.abs_dest_path).parent, Path(page.file.src_uri).stem
    ipynb, script = folder / f"{stem}.ipynb", folder / f"{stem}.py"
    notebook = nbformat.read(str(ipynb), as_version=4)
    listed = _plain_notebook(notebook, lang, where)
    if listed:
        nbformat.write(notebook, str(ipynb))
    if listed and script.is_file():  # jupytext "percent": Markdown lines are "# ..."
        lines = []
        for line in script.read_text(encoding="utf-8").split("\n"):
            if line.startswith("# ") and line[2:].strip() == MARKER:
                lines += [f"# {item}" for item in listed.split("\n")]
            elif line.startswith("# "):
                lines.append(f"# {_citations(line[2:], lang, where, 'plain')[0]}")
            else:
                lines.append(line)
        script.write_text("\n".join(lines), encoding="utf-8")
    return output


def _plain_notebook(notebook, lang: str, where: str) -> str:
    """Write the citations of the notebook's Markdown cells as plain text and the
    marker as the list; returns the list ("" when nothing is cited)."""
    cells = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
    done = [_citations(cell.source, lang, where, "plain") for cell in cells]
    cited = [key for _, found, _ in done for key in found]
    _together(cited, sum(markers for _, _, markers in done), where)
    listed = _references(cited, lang, "plain").rstrip("\n") if cited else ""
    for cell, (text, _, _) in zip(cells, done, strict=True):
        cell.source = text.replace(_HERE, listed)
    return listed
