"""Formulas as MathML, for scripts/hooks.py (its section 1).

pymdownx.arithmatex (generic mode, no delimiters: see mkdocs.yml) leaves each
formula, HTML-escaped, in <span class="arithmatex"> (inline) or
<div class="arithmatex"> (display), in the pages as in the output of build-time
code; notebooks' Markdown cells get the same markup (section 5 of the hooks).
`math_to_mathml` replaces each by its MathML <math> (latex2mathml), plus a few
touches of TeX's spacing that latex2mathml lacks. A formula it cannot convert, or
would silently get wrong (an unknown command or a stray brace left as text), is a
warning naming the page and the formula: the strict build fails on it.

The conversions are kept between builds (`keep_between_builds`, `save_kept`):
``mathml-<key>.json`` beside the block cache, ``key`` hashing this module and
latex2mathml's version, so a warm build converts only the formulas it has not
met before (a fifth of a second of each language's build otherwise).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from pathlib import Path
from types import SimpleNamespace

log = logging.getLogger("mkdocs.hooks.snippets")

_ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)
_TEX_LEFT = re.compile(r">[^<]*[\\{}]")  # a text node with TeX in it
_ROWS = ("math", "mrow", "mstyle", "msqrt", "mtd", "mphantom", "menclose")
_CLOSING = (")", "]", "}", "|", "‖")


@functools.cache  # a formula met again (cards, tables) is reused
def tex_to_mathml(tex: str, display: str = "inline") -> str:
    """The TeX formula ``tex`` as a MathML ``<math>`` element for an HTML page.

    Raises ValueError, saying what is wrong, if ``tex`` cannot be converted.
    """
    from unicodedata import category
    from xml.etree import ElementTree

    from latex2mathml.converter import convert

    braces = re.sub(r"\\[{}]", "", tex)
    if braces.count("{") != braces.count("}"):
        raise ValueError("unbalanced braces")
    # latex2mathml lays out align* but not aligned, the same inside a formula.
    tex = re.sub(r"\\(begin|end)\{aligned\}", r"\\\1{align*}", tex)
    try:
        mathml = convert(tex.strip(), display=display)
    except Exception as error:  # latex2mathml's errors: a class name, no message
        name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", type(error).__name__).lower()
        raise ValueError(f"{name}: {error}" if str(error) else name) from None
    if _TEX_LEFT.search(mathml):
        raise ValueError("unknown command or stray brace")
    namespace = ' xmlns="http://www.w3.org/1998/Math/MathML"'  # implied in HTML
    try:
        root = ElementTree.fromstring(mathml.replace(namespace, "", 1))
    except ElementTree.ParseError:
        raise ValueError("not valid MathML (a < or & in \\text?)") from None
    for mi in root.iter("mi"):
        text = mi.text or ""
        if len(text) == 1 and "Α" <= text <= "Ω":  # \Phi upright, as TeX
            mi.set("mathvariant", "normal")
        elif len(text) == 1 and (text in ";:" or category(text) == "Sm"):
            mi.tag = "mo"  # \pm, \sim, ";": operators, not identifiers
            mi.text = "∼" if text == "~" else text  # \sim, not ASCII's tilde
    for mo in root.iter("mo"):  # names (\max, \operatorname{ReLU}) and ordinary
        text = mo.text or ""  # symbols (\infty, \partial, \dots) are no operators
        if (text.isalnum() and len(text) > 1) or text in tuple("∞∂⊤…⋯"):
            mo.tag = "mi"
        elif mo.text in ("/", "."):  # ordinary in TeX: no space around them
            mo.attrib.update(lspace="0", rspace="0")
    for mrow in root.iter("mrow"):  # 0{,}5: TeX's braces make an operator ordinary
        if len(mrow) == 1 and mrow[0].tag == "mo":
            mrow[0].attrib.update(lspace="0", rspace="0")
    for msup in root.iter("msup"):  # f': the prime glyph is raised already
        if len(msup) == 2 and set(msup[1].text or "x") <= set("′″‴"):
            msup.tag = "mrow"
    rows = [element for element in root.iter() if element.tag in _ROWS]
    for parent in rows:  # a sign first or after an operator is unary: (-x), = -1
        unary = True
        for element in parent:
            if unary and element.tag == "mo" and element.text in ("+", "−", "±"):
                element.set("form", "prefix")
            if element.tag != "mspace" and (element.text or "x").strip():
                unary = element.tag == "mo" and element.text not in _CLOSING
    for parent in rows:  # thin space around a name: x \ln y, (a)\ln(b), not \ln(b)
        for index in range(len(parent) - 1, 0, -1):
            left, right = parent[index - 1], parent[index]
            if (_is_name(left) and not _spaced(right, "start")) or (
                _is_name(right) and not _spaced(left, "end")
            ):
                parent.insert(index, ElementTree.Element("mspace", width="0.1667em"))
    return ElementTree.tostring(root, encoding="unicode")


def _is_name(element) -> bool:
    while element.tag in ("msub", "msup", "msubsup") and len(element):
        element = element[0]
    text = element.text or ""
    return element.tag == "mi" and len(text) > 1 and text.isalnum()


def _spaced(element, side: str) -> bool:
    """Whether ``element`` has space of its own on that side: an operator, a space,
    an opening fence at its start (TeX puts a thin space after a closing one)."""
    while element.tag == "mrow" and len(element):
        element = element[0 if side == "start" else -1]
    closing = element.tag == "mo" and element.text in _CLOSING
    return element.tag in ("mo", "mspace") and not (side == "end" and closing)


# Conversions kept between builds: ``"<display> <tex>"`` -> MathML, the file they
# are kept in (None: nowhere) and how many it holds.
_kept = SimpleNamespace(formulas={}, path=None, saved=0)


def keep_between_builds(folder: Path | None) -> None:
    """Read the conversions kept in ``folder`` (None: keep none). The file only
    grows while its key stays the same: an edit to this module starts anew."""
    from importlib.metadata import version

    _kept.formulas, _kept.path, _kept.saved = {}, None, 0
    if folder is None:
        return
    key = hashlib.sha256(Path(__file__).read_bytes())
    key.update(version("latex2mathml").encode())
    _kept.path = folder / f"mathml-{key.hexdigest()[:20]}.json"
    try:
        _kept.formulas = json.loads(_kept.path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or unreadable: convert again
        return
    _kept.saved = len(_kept.formulas)


def save_kept() -> None:
    """Write the conversions back if this build added some; otherwise mark the
    file as used (scripts/website.py forgets the files a full build did not use)."""
    path = _kept.path
    if path is None:
        return
    if len(_kept.formulas) == _kept.saved:
        if path.is_file():
            path.touch()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")  # readers never see
    partial.write_text(json.dumps(_kept.formulas, sort_keys=True), encoding="utf-8")
    partial.replace(path)  # half a file
    _kept.saved = len(_kept.formulas)


def math_to_mathml(html: str, where: str) -> str:
    """``html`` with the formulas marked up by pymdownx.arithmatex as MathML."""
    from html import unescape

    def convert(match: re.Match) -> str:
        tex = unescape(match.group(2))
        display = "block" if match.group(1) == "div" else "inline"
        key = f"{display} {tex}"
        if key not in _kept.formulas:
            try:
                _kept.formulas[key] = tex_to_mathml(tex, display)
            except ValueError as error:
                message = "%s: cannot convert the formula %r: %s"
                log.warning(message, where, tex.strip(), error)
                return match.group(0)
        return _kept.formulas[key]

    return _ARITHMATEX.sub(convert, html)
