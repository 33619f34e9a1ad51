"""The cheat sheet: every registered activation on one page, in a few words.

`NOTES` holds, for each activation of the registry, its strengths and its flaws
in a few words, in both languages: the only place where these words live.
`cheatsheet` prints them in one Markdown table next to the key numbers of the
property cards (range, zero-centred or not, RMS gain, flat tails, dead zone,
share of a dense layer's time), computed and formatted as in the cards and the
comparison table (`snippets.tables`), so the three always agree. A function added to the registry
gets its row by itself; its words must be added here (`notes` says so, naming
the function, and ``tests/test_cheatsheet.py`` checks that every registered
function has them).

Examples
--------
>>> strengths, flaws = notes("relu", "en")
>>> flaws  # doctest: +ELLIPSIS
'Not zero-centred; ...'
"""

from __future__ import annotations

from snippets.activations import get, names
from snippets.i18n import check_lang, fmt_number, t
from snippets.properties import property_card
from snippets.tables import (
    CENTRED_TOLERANCE,
    _range,
    cost_cells,
    markdown_table,
    measured_costs,
)

__all__ = ["COLUMNS", "NOTES", "cheatsheet", "notes"]

NOTES: dict[str, dict[str, tuple[str, str]]] = {
    "identity": {
        "pt": (
            "Derivada 1 em toda parte; a saída de uma regressão.",
            "Linear: camadas com ela se fundem numa só.",
        ),
        "en": (
            "Derivative 1 everywhere; the output of a regression.",
            "Linear: layers with it merge into one.",
        ),
    },
    "step": {
        "pt": (
            "Tudo ou nada, como o neurônio de McCulloch e Pitts e o perceptron.",
            "Descontínua, com derivada zero: não treina por descida do gradiente.",
        ),
        "en": (
            "All or nothing, like the McCulloch–Pitts neuron and the perceptron.",
            "Discontinuous, with a zero derivative: gradient descent cannot train it.",
        ),
    },
    "sigmoid": {
        "pt": (
            "Saída entre 0 e 1: a probabilidade de um classificador binário; "
            "portas de LSTM.",
            "Derivada de no máximo 1/4, saída sempre positiva, caudas planas nas "
            "duas pontas: evite em camadas ocultas.",
        ),
        "en": (
            "Output between 0 and 1: a binary classifier's probability; LSTM gates.",
            "Derivative at most 1/4, always-positive output, flat tails at both "
            "ends: avoid in hidden layers.",
        ),
    },
    "tanh": {
        "pt": (
            "Centrada em zero e limitada; comprime o estado de redes recorrentes.",
            "Caudas planas nas duas pontas: satura com pré-ativações grandes.",
        ),
        "en": (
            "Zero-centred and bounded; squashes the state of recurrent networks.",
            "Flat tails at both ends: saturates for large pre-activations.",
        ),
    },
    "relu": {
        "pt": (
            "Barata, derivada 1 em toda a metade positiva: o ponto de partida em "
            "camadas ocultas.",
            "Não é centrada em zero; a metade esquerda é uma zona morta: "
            "neurônios podem morrer (ReLU morta).",
        ),
        "en": (
            "Cheap, derivative 1 on the whole positive half: the starting point for "
            "hidden layers.",
            "Not zero-centred; its left half is a dead zone: neurons can die "
            "(dying ReLU).",
        ),
    },
    "leaky_relu": {
        "pt": (
            "Sem zona morta: um neurônio desligado recebe gradiente e pode voltar; "
            "sem funções transcendentes.",
            "A metade esquerda ainda é uma cauda plana; um hiperparâmetro a mais, "
            "com valor padrão diferente em cada biblioteca.",
        ),
        "en": (
            "No dead zone: an inactive neuron still gets a gradient and "
            "can come back; no transcendental functions.",
            "Its left half is still a flat tail; one more hyperparameter, with a "
            "different default in each library.",
        ),
    },
    "prelu": {
        "pt": (
            "A inclinação do lado negativo é aprendida no treinamento.",
            "Valor inicial diferente em cada biblioteca; o decaimento de pesos puxa "
            "a inclinação para zero.",
        ),
        "en": (
            "The slope of the negative side is learned in training.",
            "A different initial value in each library; weight decay pulls the "
            "slope towards zero.",
        ),
    },
    "elu": {
        "pt": (
            "Lado negativo suave, que satura em −α: média da saída mais perto de "
            "zero que a da ReLU.",
            "Uma exponencial por elemento; cauda plana à esquerda, onde satura.",
        ),
        "en": (
            "A smooth negative side that saturates at −α: mean output closer to "
            "zero than ReLU's.",
            "One exponential per element; a flat tail on the left, where it saturates.",
        ),
    },
    "selu": {
        "pt": (
            "Centrada em zero; em redes densas com a inicialização de LeCun, "
            "se autonormaliza.",
            "Só com o pacote completo (LeCun, *alpha dropout*); derivada acima de 1 "
            "perto da origem e à direita, ponto anguloso em 0.",
        ),
        "en": (
            "Zero-centred; in dense networks with LeCun initialisation, "
            "self-normalising.",
            "Only with the full package (LeCun, alpha dropout); derivative above 1 "
            "near and right of the origin, a kink at 0.",
        ),
    },
    "celu": {
        "pt": (
            "A ELU com derivada contínua para qualquer α; igual à ELU com α = 1.",
            "Os defeitos da ELU; raramente usada.",
        ),
        "en": (
            "ELU with a continuous derivative for any α; the same as ELU at α = 1.",
            "ELU's flaws; rarely used.",
        ),
    },
    "gelu": {
        "pt": (
            "Suave, quase a ReLU longe da origem: a ativação de transformers como "
            "o BERT e o ViT.",
            "Uma função erro por elemento; não é monótona nem centrada em zero.",
        ),
        "en": (
            "Smooth, almost ReLU away from the origin: the activation of "
            "transformers such as BERT and ViT.",
            "One error function per element; neither monotonic nor zero-centred.",
        ),
    },
    "gelu_tanh": {
        "pt": (
            "A GELU com tanh no lugar da função erro: a do GPT-2 e a padrão do JAX.",
            "Não é exatamente a GELU: trocar uma forma pela outra muda os resultados.",
        ),
        "en": (
            "GELU with tanh in place of the error function: GPT-2's, and JAX's "
            "default.",
            "Not exactly GELU: swapping one form for the other changes the results.",
        ),
    },
    "silu": {
        "pt": (
            "Suave, com uma pequena depressão abaixo de zero; dentro da SwiGLU "
            "(LLaMA) e na EfficientNet.",
            "Uma exponencial por elemento; não é monótona nem centrada em zero.",
        ),
        "en": (
            "Smooth, with a small dip below zero; inside SwiGLU (LLaMA) and in "
            "EfficientNet.",
            "One exponential per element; neither monotonic nor zero-centred.",
        ),
    },
    "mish": {
        "pt": (
            "Suave, quase com a forma da SiLU; usada no YOLOv4.",
            "A fórmula com mais funções transcendentes do catálogo; ganhos pequenos "
            "relatados sobre a SiLU.",
        ),
        "en": (
            "Smooth, shaped almost like SiLU; used in YOLOv4.",
            "The formula with the most transcendental functions in the catalogue; "
            "small reported gains over SiLU.",
        ),
    },
    "softplus": {
        "pt": (
            "Suave e sempre positiva: boa para parâmetros que precisam ser "
            "positivos (desvios-padrão).",
            "Em camadas ocultas, não supera a ReLU; média da saída longe de zero.",
        ),
        "en": (
            "Smooth and always positive: good for parameters that must be positive "
            "(standard deviations).",
            "In hidden layers, no better than ReLU; mean output far from zero.",
        ),
    },
    "softsign": {
        "pt": (
            "Centrada em zero e limitada, sem exponenciais; satura mais devagar "
            "que a tanh.",
            "Caudas planas nas duas pontas, só que começando mais longe que as da "
            "tanh; pouco usada hoje.",
        ),
        "en": (
            "Zero-centred and bounded, without exponentials; saturates more slowly "
            "than tanh.",
            "Flat tails at both ends, only starting further out than tanh's; rarely "
            "used today.",
        ),
    },
    "log_sigmoid": {
        "pt": (
            "O logaritmo da sigmoide sem perda de precisão: perdas como a entropia "
            "cruzada binária.",
            "Não serve para camadas ocultas; a saída nunca é positiva.",
        ),
        "en": (
            "The logarithm of the sigmoid without loss of precision: losses such as "
            "binary cross-entropy.",
            "Not for hidden layers; the output is never positive.",
        ),
    },
    "hard_sigmoid": {
        "pt": (
            "Pedaços de reta, sem exponenciais: uma porta barata em celulares "
            "(MobileNetV3).",
            "Zona morta nas duas pontas e derivada de no máximo 1/6; definições "
            "diferentes entre bibliotecas.",
        ),
        "en": (
            "Straight pieces, no exponentials: a cheap gate on phones (MobileNetV3).",
            "A dead zone at both ends and a derivative of at most 1/6; definitions "
            "differ between libraries.",
        ),
    },
    "hard_tanh": {
        "pt": (
            "Pedaços de reta, centrada em zero: uma substituta barata da tanh.",
            "Zona morta nas duas pontas: neurônios podem travar à esquerda e à "
            "direita.",
        ),
        "en": (
            "Straight pieces, zero-centred: a cheap stand-in for tanh.",
            "A dead zone at both ends: neurons can get stuck on the left and on the "
            "right.",
        ),
    },
    "hard_swish": {
        "pt": (
            "A SiLU com a sigmoide rígida como porta, sem exponenciais: barata em "
            "celulares (MobileNetV3).",
            "Derivada com saltos, acima de 1 em alguns trechos; zona morta à esquerda.",
        ),
        "en": (
            "SiLU with the hard sigmoid as its gate, no exponentials: cheap on "
            "phones (MobileNetV3).",
            "A derivative with jumps, above 1 in places; a dead zone on the left.",
        ),
    },
    "relu6": {
        "pt": (
            "A ReLU com teto: robusta em aritmética de baixa precisão (MobileNetV2).",
            "Zona morta nas duas pontas; o teto só faz sentido para pré-ativações "
            "de escala conhecida.",
        ),
        "en": (
            "ReLU with a ceiling: robust in low-precision arithmetic (MobileNetV2).",
            "A dead zone at both ends; the ceiling only makes sense for "
            "pre-activations of a known scale.",
        ),
    },
}
"""Strengths and flaws of each registered activation, ``NOTES[name][lang]`` =
``(strengths, flaws)``: a few words each, Markdown allowed (italics)."""

COLUMNS = (
    "col_function",
    "col_strengths",
    "col_flaws",
    "card_range",
    "col_zero_centred",
    "col_rms_gain",
    "col_flat_tails",
    "col_dead_zone",
    "col_share",
)
"""The label keys (`snippets.labels`) of the cheat sheet's columns, in order.

After the words, the range (from the card) and five of the comparison table's
columns: whether the output is centred, what one layer does to a gradient on
average (RMS gain), where it stalls (flat tails) or stops (dead zone), and the
share of a layer's time. Differentiability, E[f(Z)], max |f′| and the relative
cost are left to the comparison table, so that the sheet fits the width of a
page next to its words; the dead zone is kept because the flat tails alone do
not tell ReLU from leaky ReLU."""


def notes(name: str, lang: str) -> tuple[str, str]:
    """The strengths and the flaws of one activation, in ``lang``.

    Parameters
    ----------
    name
        A registered activation name.
    lang
        ``"pt"`` or ``"en"``.

    Returns
    -------
    tuple of str
        ``(strengths, flaws)``.

    Raises
    ------
    KeyError
        If ``name`` is not registered (the message lists the registered names),
        or if it is registered but has no entry in `NOTES` (the message says
        where to add it).
    """
    check_lang(lang)
    if name not in names():
        raise KeyError(f"unknown activation {name!r}; registered: {', '.join(names())}")
    if name not in NOTES:
        raise KeyError(
            f"no strengths and flaws for {name!r}: add NOTES[{name!r}] to "
            "snippets/cheatsheet.py (both languages)"
        )
    return NOTES[name][lang]


def cheatsheet(
    lang: str, prefix: str = "activations/", cost: dict | None = None
) -> str:
    """Every registered activation, its strengths and flaws, and its key numbers.

    Parameters
    ----------
    lang
        ``"pt"`` or ``"en"``.
    prefix
        Path from the page that prints the table to the catalogue folder.
    cost
        Output of `snippets.cost.layer_costs`; `snippets.tables.measured_costs`
        (this build's measurement, as the cards) when omitted.

    Returns
    -------
    str
        A Markdown table, one row per registered activation in registry order:
        the name linked to its catalogue page, `notes`, then the range, "yes" or
        "no" for zero-centred (``|E[f(Z)]| <`` `snippets.tables.CENTRED_TOLERANCE`,
        ``Z ~ N(0, 1)``), the RMS gain, the shares of
        `snippets.properties.PLATEAU_INTERVAL` covered by the flat tails and by
        the dead zone, and the share of a dense layer's time, formatted as in
        `snippets.tables.comparison` (the range as in `snippets.tables.card`).
    """
    check_lang(lang)
    costs = cost if cost is not None else measured_costs()
    rows = []
    for name in names():
        act = get(name)
        numbers = property_card(act)
        strengths, flaws = notes(name, lang)
        centred = abs(numbers["mean"]) < CENTRED_TOLERANCE
        rows.append(
            [
                f"[{act.meta.display[lang]}]({prefix}{name}.md)",
                strengths,
                flaws,
                _range(*numbers["output_range"], lang),
                t("yes" if centred else "no", lang),
                fmt_number(numbers["rms_gain"], lang, 3),
                fmt_number(100 * numbers["flat_share"], lang, 0) + " %",
                fmt_number(100 * numbers["dead_share"], lang, 0) + " %",
                cost_cells(name, lang, costs)["share"],
            ]
        )
    return markdown_table([t(key, lang) for key in COLUMNS], rows)
