"""Formulas become MathML when the site is built (``scripts/hooks.py``, section 1).

The built pages are checked in ``test_build.py`` and ``test_notebooks.py``, their
rendering in ``test_browser.py``; here, the conversion itself.
"""

from __future__ import annotations

import json
import logging
import os

import pytest

from scripts import hooks


def test_inline_and_block_formulas() -> None:
    inline = hooks.tex_to_mathml(r"\sigma(x) = \frac{1}{1 + e^{-x}}")
    assert inline.startswith('<math display="inline">') and "<mfrac>" in inline
    assert "σ" in inline and "xmlns" not in inline  # the namespace is implied in HTML
    block = hooks.tex_to_mathml(r"\sqrt{2/\pi}", "block")
    assert block.startswith('<math display="block">') and "<msqrt>" in block


def test_arithmatex_markup_becomes_mathml_and_entities_are_read() -> None:
    html = (
        '<p>If <span class="arithmatex">a &lt; b \\&amp; b &gt; 0</span>'
        ' and</p>\n<div class="arithmatex">\nf(x) = \\begin{cases} x &amp; x &gt; 0'
        " \\\\ 0 &amp; \\text{otherwise} \\end{cases}\n</div>"
    )
    out = hooks.math_to_mathml(html, "docs/en/page.md")
    assert "arithmatex" not in out
    assert out.count('<math display="inline">') == 1
    assert out.count('<math display="block">') == 1
    assert "<mo>&lt;</mo>" in out and "<mo>&gt;</mo>" in out  # escaped once, again
    assert "<mi>&amp;</mi>" in out
    assert "<mtable" in out and "<mtext>otherwise</mtext>" in out
    assert out.startswith("<p>If <math") and out.endswith("</math>")


@pytest.mark.parametrize(
    ("tex", "reason"),
    [
        (r"\frac{1}{2", "unbalanced braces"),
        (r"x^", "missing super script or subscript error"),
        (r"\begin{cases} x", "missing end error"),
        (r"\left( x", "extra left or missing right error"),
        (r"\foo(x)", "unknown command or stray brace"),
        (r"\text{a < b}", "not valid MathML"),
    ],
)
def test_a_malformed_formula_is_a_warning_naming_page_and_formula(
    caplog, tex, reason
) -> None:
    with pytest.raises(ValueError, match=reason):
        hooks.tex_to_mathml(tex)
    html = f'<span class="arithmatex">{tex.replace("<", "&lt;")}</span>'
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.snippets"):
        out = hooks.math_to_mathml(html, "docs/pt/neuron.md")
    assert out == html  # left as it was; the strict build fails on the warning
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith("docs/pt/neuron.md: cannot convert")
    assert repr(tex) in record.getMessage() and reason in record.getMessage()


@pytest.mark.parametrize(
    ("tex", "expected", "unexpected"),
    [
        # Names are identifiers (upright, no operator space), a thin space after
        # them unless a parenthesis follows, as TeX spaces \ln x and \ln(x).
        (r"\operatorname{ReLU}(x)", "<mi>ReLU</mi><mo", "mspace"),
        (r"\ln \sigma", '<mi>ln</mi><mspace width="0.1667em" /><mi>σ</mi>', ""),
        (r"(a)\log(b)", '<mspace width="0.1667em" /><mi>log</mi><mo', ""),
        (r"\max(0, x)", "<mi>max</mi>", "<mo>max</mo>"),
        # A prime is not a raised, shrunk superscript.
        (r"f'(x)", "<mrow><mi>f</mi><mi>′</mi></mrow>", "msup"),
        # Signs after an opening or an operator are unary.
        (
            r"f(-x) = -1 - x",
            '<mo form="prefix">−</mo><mi>x',
            '<mo form="prefix">−</mo><mi>x</mi></mrow>',
        ),
        # Capital Greek upright; \pm and \sim are operators; 0{,}5 has no space.
        (r"\Phi \pm \sim", '<mi mathvariant="normal">Φ</mi><mo>±</mo><mo>∼</mo>', ""),
        (r"0{,}5", '<mo lspace="0" rspace="0">,</mo>', ""),
        # aligned is laid out as a table, not a row with stray ampersands.
        (r"\begin{aligned} a &= b \\ c &= d \end{aligned}", "<mtable", "&amp;"),
    ],
)
def test_tex_spacing(tex, expected, unexpected) -> None:
    mathml = hooks.tex_to_mathml(tex)
    assert expected in mathml
    assert not unexpected or unexpected not in mathml


def test_notebook_markdown_math_gets_the_same_markup(monkeypatch) -> None:
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    for name in ("inline_math", "block_math", "latex_environment"):
        monkeypatch.setattr(IPythonRenderer, name, getattr(IPythonRenderer, name))
    hooks.notebook_math_as_arithmatex()  # imported by hooks.py from notebook_pages
    markdown = "Costs `$5`, and $a < b$:\n\n$$x^2$$\n\n```python\nprint('$x$')\n```\n"
    html = MarkdownWithMath(renderer=IPythonRenderer(escape=False)).render(markdown)
    assert '<span class="arithmatex">a &lt; b</span>' in html
    assert '<div class="arithmatex">x^2</div>' in html
    assert "<code>$5</code>" in html and "$x$" in html  # code is left alone
    out = hooks.math_to_mathml(html, "docs/en/notebooks/training.py")
    assert '<math display="block">' in out and "arithmatex" not in out


def test_conversions_are_kept_between_builds(tmp_path, monkeypatch) -> None:
    """A warm build reads its formulas' MathML from the file the last one left
    (scripts/mathml.py); a formula that does not convert is never kept."""
    from scripts import mathml

    page = '<p><span class="arithmatex">x^2</span> <span class="arithmatex">\\nope</span></p>'
    monkeypatch.setattr(mathml, "_kept", mathml.SimpleNamespace(**vars(mathml._kept)))
    mathml.keep_between_builds(tmp_path)
    first = mathml.math_to_mathml(page, "page.md")
    mathml.save_kept()
    (kept,) = tmp_path.glob("mathml-*.json")
    assert set(json.loads(kept.read_text())) == {"inline x^2"}  # not \nope
    assert "<msup>" in first and "\\nope" in first  # left as it was, with a warning

    # The next build takes the kept conversion instead of converting again.
    kept.write_text(json.dumps({"inline x^2": "<math>kept</math>"}))
    mathml.keep_between_builds(tmp_path)
    assert "<math>kept</math>" in mathml.math_to_mathml(page, "page.md")
    modified = kept.stat().st_mtime_ns
    os.utime(kept, ns=(modified - 10**9, modified - 10**9))
    mathml.save_kept()  # nothing new: the file is only marked as used
    assert json.loads(kept.read_text()) == {"inline x^2": "<math>kept</math>"}
    assert kept.stat().st_mtime_ns > modified - 10**9

    mathml.keep_between_builds(None)  # the cache off (as in the tests' builds)
    assert "<math>kept</math>" not in mathml.math_to_mathml(page, "page.md")
    mathml.save_kept()
    assert list(tmp_path.glob("*.json")) == [kept]
