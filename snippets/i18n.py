"""Every word the code shows to a reader, in Brazilian Portuguese and in English.

The site is written in pt-BR first and English second. Figures, alt text and
printed messages take all of their text from one table, `LABELS`, so that
both languages always have the same entries and the Portuguese terminology stays
consistent:

=====================  ======================
pt-BR                  English
=====================  ======================
função de ativação     activation function
derivada               derivative
entrada / saída        input / output
peso / viés            weight / bias
neurônio / camada      neuron / layer
gradiente              gradient
platô                  plateau
fronteira de decisão   decision boundary
época / perda          epoch / loss
taxa de aprendizado    learning rate
descida do gradiente   gradient descent
=====================  ======================

"Viés" is the only word used for the bias. The full glossary, with the synonyms the
site avoids, is ``snippets.glossary``.

Examples
--------
>>> t("axis_input", "pt")
'entrada x'
>>> fmt_number(0.25, "pt", 2)
'0,25'
>>> fmt_number(1234567, "en", 0)
'1,234,567'
"""

from __future__ import annotations

import math
import re
import string
from typing import Any

from snippets.labels import LABELS as LABELS  # the label table, re-exported

LANGS = ("pt", "en")
"""The languages of the site, main language first."""

MINUS = "\u2212"
"""The typographic minus sign used for negative numbers (as Matplotlib does)."""

_SEPARATORS = {"pt": (",", "."), "en": (".", ",")}  # (decimal, thousands)
_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of `LANGS`.

    Parameters
    ----------
    lang
        A language code.

    Returns
    -------
    str
        ``lang`` unchanged.

    Raises
    ------
    ValueError
        If ``lang`` is not ``"pt"`` or ``"en"``; the message lists the valid
        choices.
    """
    if lang not in LANGS:
        choices = ", ".join(repr(code) for code in LANGS)
        raise ValueError(f"unknown language {lang!r}; valid choices: {choices}")
    return lang


def t(key: str, lang: str, **fmt: Any) -> str:
    """Return the text of ``key`` in ``lang``, formatted with ``fmt``.

    Parameters
    ----------
    key
        A key of `LABELS`.
    lang
        ``"pt"`` or ``"en"``.
    **fmt
        Values for the template's ``{placeholders}``.

    Returns
    -------
    str
        The formatted text.

    Raises
    ------
    ValueError
        If ``lang`` is unknown.
    KeyError
        If ``key`` is not in the table, or a placeholder has no value; the message
        names the key and the language.

    Examples
    --------
    >>> t("figure_saved", "en", path="relu-en.png")
    'Figure saved to relu-en.png'
    """
    check_lang(lang)
    try:
        template = LABELS[lang][key]
    except KeyError:
        raise KeyError(f"no label {key!r} for language {lang!r}") from None
    try:
        return template.format(**fmt)
    except KeyError as missing:
        raise KeyError(
            f"label {key!r} ({lang!r}) needs a value for {missing.args[0]!r}"
        ) from None


def placeholders(template: str) -> frozenset[str]:
    """Return the names of the ``{placeholders}`` of a format template.

    Examples
    --------
    >>> sorted(placeholders("de {a} a {b}"))
    ['a', 'b']
    """
    return frozenset(
        field for _, field, _, _ in string.Formatter().parse(template) if field
    )


def fmt_number(x: float, lang: str, digits: int = 2) -> str:
    """Format a number with the decimal and thousands separators of ``lang``.

    Portuguese (pt-BR) uses a decimal comma and ``.`` between thousands
    (``1.000.000,5``); English uses a decimal point and ``,`` (``1,000,000.5``).
    Negative numbers get the typographic minus sign ``−`` (U+2212), infinities
    are written ``∞``, and ``-0`` is written ``0``.

    Parameters
    ----------
    x
        The number.
    lang
        ``"pt"`` or ``"en"``.
    digits
        Number of decimal places, kept even when they are zeros.

    Returns
    -------
    str
        The formatted number.

    Examples
    --------
    >>> fmt_number(0.25, "pt", 2), fmt_number(0.25, "en", 2)
    ('0,25', '0.25')
    >>> fmt_number(-1234.5, "pt", 1)
    '−1.234,5'
    """
    check_lang(lang)
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return ("+∞", f"{MINUS}∞")[x < 0]
    decimal, thousands = _SEPARATORS[lang]
    text = f"{x:,.{max(digits, 0)}f}"
    if set(text.lstrip("-")) <= set("0.,"):
        text = text.lstrip("-")  # no "−0,00"
    text = text.translate(str.maketrans({",": thousands, ".": decimal}))
    return text.replace("-", MINUS)


def fmt_auto(x: float, lang: str, significant: int = 2) -> str:
    """Format a number with about ``significant`` significant digits.

    Numbers between 0.001 and 1,000,000 are written in positional notation, with
    trailing zeros removed; others in scientific notation (``1,2 × 10⁻⁷``). Used
    for values whose size is not known in advance (losses, gradient norms).

    Parameters
    ----------
    x
        The number.
    lang
        ``"pt"`` or ``"en"``.
    significant
        Number of significant digits.

    Returns
    -------
    str
        The formatted number.

    Examples
    --------
    >>> fmt_auto(0.012345, "pt")
    '0,012'
    >>> fmt_auto(3.0e-7, "en")
    '3 × 10⁻⁷'
    >>> fmt_auto(2.5, "pt")
    '2,5'
    """
    check_lang(lang)
    x = float(x)
    if x == 0 or not math.isfinite(x):
        return fmt_number(x, lang, 0)
    exponent = math.floor(math.log10(abs(x)))
    if -3 <= exponent < 6:
        places = significant - 1 - exponent  # negative: round to tens, hundreds…
        rounded = round(x, places)
        return _strip_zeros(fmt_number(rounded, lang, max(places, 0)), lang)
    mantissa = round(x / 10.0**exponent, significant - 1)
    if abs(mantissa) >= 10:  # rounding carried over, e.g. 9.99 -> 10.0
        mantissa, exponent = mantissa / 10, exponent + 1
    text = _strip_zeros(fmt_number(mantissa, lang, significant - 1), lang)
    return f"{text} × 10{str(exponent).translate(_SUPERSCRIPTS)}"


def fmt_spread(
    values: Any,
    lang: str,
    digits: int = 2,
    scale: float = 1.0,
    unit: str = "",
    style: str = "range",
) -> str:
    """The mean of repeated measurements (seeds, runs) with their spread.

    Parameters
    ----------
    values
        The measurements (a sequence of numbers).
    lang
        ``"pt"`` or ``"en"``.
    digits
        Decimal places of every number shown.
    scale
        Factor applied first (100 for a share shown as a percentage).
    unit
        Text after the mean, e.g. ``" %"``.
    style
        ``"range"``: mean (smallest–largest), the mean alone when the smallest
        and the largest print alike; ``"sd"``: mean ± sample standard deviation.

    Returns
    -------
    str

    Examples
    --------
    >>> fmt_spread([0.2, 0.3, 0.4], "pt")
    '0,30 (0,20–0,40)'
    >>> fmt_spread([0.5, 0.75], "en", 1, scale=100, unit=" %")
    '62.5 % (50.0–75.0)'
    >>> fmt_spread([0.6931, 0.6932], "en", 3)  # every seed alike: one number
    '0.693'
    >>> fmt_spread([1.0, 2.0, 3.0], "en", 2, style="sd")
    '2.00 ± 1.00'
    """
    x = [scale * float(v) for v in values]
    if not x:
        raise ValueError("fmt_spread needs at least one value")
    mean = fmt_number(math.fsum(x) / len(x), lang, digits) + unit
    if style == "range":
        low, high = fmt_number(min(x), lang, digits), fmt_number(max(x), lang, digits)
        return mean if low == high else f"{mean} ({low}–{high})"
    if style == "sd":
        m = math.fsum(x) / len(x)
        sd = math.sqrt(math.fsum((v - m) ** 2 for v in x) / max(len(x) - 1, 1))
        return f"{mean} ± {fmt_number(sd, lang, digits)}"
    raise ValueError(f"style must be 'range' or 'sd', got {style!r}")


def fmt_list(items: list[str], lang: str) -> str:
    """Join texts with the list separator of ``lang`` (``;`` in pt, ``,`` in en).

    Portuguese uses a semicolon because its numbers contain commas; so does
    English when an item contains a comma itself (a thousands separator, as in
    ``1,000``), which the list's commas would otherwise blur.

    Examples
    --------
    >>> fmt_list(["0,5", "1,5"], "pt")
    '0,5; 1,5'
    >>> fmt_list(["1,000", "999"], "en")
    '1,000; 999'
    """
    if any("," in item for item in items):
        return fmt_items(items, lang)
    return t("list_sep", lang).join(items)


def fmt_items(items: list[str], lang: str) -> str:
    """Join descriptions that may contain commas themselves (always ``"; "``).

    Examples
    --------
    >>> fmt_items(["ReLU: 0.1", "tanh: 0.2"], "en")
    'ReLU: 0.1; tanh: 0.2'
    """
    return t("items_sep", lang).join(items)


def fmt_and(items: list[str], lang: str) -> str:
    """Join texts as "a, b e c" (pt) or "a, b and c" (en).

    Examples
    --------
    >>> fmt_and(["de −6 a −4,6", "de 4,6 a 6"], "pt")
    'de −6 a −4,6 e de 4,6 a 6'
    """
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t("list_and", lang) + items[-1]


def _strip_zeros(text: str, lang: str) -> str:
    """Remove trailing decimal zeros (and a dangling separator) from ``text``."""
    decimal = _SEPARATORS[lang][0]
    if decimal in text:
        text = re.sub(rf"\{decimal}?0+$", "", text)
    return text


def fmt_mean_sd(values, lang: str, digits: int = 1) -> str:
    """Mean ± sample standard deviation of ``values`` (at least two), as in
    "99.6 ± 0.3": how results spread over runs with different seeds.

    Examples
    --------
    >>> fmt_mean_sd([1.0, 2.0, 3.0], "pt", 2)
    '2,00 ± 1,00'
    """
    values = [float(v) for v in values]
    if len(values) < 2:
        raise ValueError(f"need at least two values for a spread, got {values!r}")
    mean = math.fsum(values) / len(values)
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1))
    return f"{fmt_number(mean, lang, digits)} ± {fmt_number(sd, lang, digits)}"


def fmt_range(values, lang: str, digits: int = 1) -> str:
    """Smallest and largest of ``values``, as in "0.02–0.28" (one number if equal
    once rounded).

    Examples
    --------
    >>> fmt_range([0.5, 0.25, 2.0], "pt", 2), fmt_range([3, 3], "en", 0)
    ('0,25–2,00', '3')
    """
    values = [float(v) for v in values]
    if not values:
        raise ValueError("need at least one value")
    lo, hi = (
        fmt_number(min(values), lang, digits),
        fmt_number(max(values), lang, digits),
    )
    return lo if lo == hi else f"{lo}–{hi}"
