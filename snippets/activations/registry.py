"""The registry: one entry per activation function, in teaching order.

Each entry gives the function and its derivative (from `formulas`), its `Meta`
record (names in Portuguese and English, LaTeX, output range, smoothness, kinks,
monotonicity, bounds, bibliography keys of its origin, PyTorch's default
parameters, "exaggerated" parameters for plots, transcendental operations per
element, the derivative's convention at kinks) and, for functions with
parameters, how to check them. Adding a function is one entry here (plus its two
pages): the catalogue, the tables, the figures and the tests iterate over it.
"""

from __future__ import annotations

import math

from snippets.activations import formulas
from snippets.activations.formulas import SELU_ALPHA, SELU_LAMBDA
from snippets.activations.meta import (
    _NO_KINKS,
    Meta,
    _check_hard_tanh,
    _Entry,
    _kc,
    _positive,
    _real,
)

INF = math.inf

_REGISTRY: dict[str, _Entry] = {
    "identity": _Entry(
        formulas.identity,
        formulas.d_identity,
        Meta(
            display={"pt": "Identidade (linear)", "en": "Identity (linear)"},
            latex=r"f(x) = x",
            latex_derivative=r"f'(x) = 1",
            output_range=(-INF, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=False,
            bounded_below=False,
            origin=None,  # the linear neuron: no single work of origin
            kink_convention=_NO_KINKS,
        ),
    ),
    "step": _Entry(
        formulas.step,
        formulas.d_step,
        Meta(
            display={"pt": "Degrau (Heaviside)", "en": "Step (Heaviside)"},
            latex=r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
            latex_derivative=(
                r"f'(x) = 0 \quad (x \ne 0;\ \text{undefined at } x = 0)"
            ),
            output_range=(0.0, 1.0),
            differentiability="discontinuous",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="mcculloch1943",
            see_also=("rosenblatt1958",),
            kink_convention={
                "pt": "f(0) = 0 e f'(x) = 0 em toda parte, inclusive em x = 0, "
                "onde a derivada não existe: o degrau não tem gradiente útil.",
                "en": "f(0) = 0 and f'(x) = 0 everywhere, including x = 0 where "
                "the derivative does not exist: the step has no useful "
                "gradient.",
            },
        ),
    ),
    "sigmoid": _Entry(
        formulas.sigmoid,
        formulas.d_sigmoid,
        Meta(
            display={"pt": "Sigmoide (logística)", "en": "Sigmoid (logistic)"},
            latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
            latex_derivative=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
            output_range=(0.0, 1.0),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="rumelhart1986",
            see_also=("verhulst1838",),
            transcendentals={"exp": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "tanh": _Entry(
        formulas.tanh,
        formulas.d_tanh,
        Meta(
            display={"pt": "Tangente hiperbólica", "en": "Hyperbolic tangent"},
            latex=r"f(x) = \tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
            latex_derivative=r"f'(x) = 1 - \tanh^2 x = \operatorname{sech}^2 x",
            output_range=(-1.0, 1.0),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="lecun1998",
            transcendentals={"tanh": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "relu": _Entry(
        formulas.relu,
        formulas.d_relu,
        Meta(
            display={
                "pt": "Unidade linear retificada (ReLU)",
                "en": "Rectified linear unit (ReLU)",
            },
            latex=r"f(x) = \max(0, x)",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x < 0 "
            r"\end{cases}",
            output_range=(0.0, INF),
            differentiability="kinks",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="nair2010",
            see_also=("fukushima1969", "glorot2011"),
            kink_convention=_kc("x = 0", "0"),
        ),
    ),
    "leaky_relu": _Entry(
        formulas.leaky_relu,
        formulas.d_leaky_relu,
        Meta(
            display={"pt": "ReLU com vazamento", "en": "Leaky ReLU"},
            latex=r"f(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ a & x < 0 "
            r"\end{cases}",
            output_range=(-INF, INF),
            differentiability="kinks",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=False,
            bounded_below=False,
            origin="maas2013",
            see_also=("he2015",),
            defaults={"slope": 0.01},
            exaggerated={"slope": 0.2},
            kink_convention=_kc("x = 0", "the slope", "x = 0", "a inclinação"),
        ),
        rules={"slope": _real},
        output_range=lambda p: (-INF, INF) if p["slope"] > 0 else (0.0, INF),
        kinks=lambda p: (0.0,) if p["slope"] != 1 else (),
    ),
    "prelu": _Entry(  # Leaky ReLU's formulas; the slope is learned (snippets.gated)
        formulas.leaky_relu,
        formulas.d_leaky_relu,
        Meta(
            display={"pt": "ReLU paramétrica (PReLU)", "en": "Parametric ReLU (PReLU)"},
            latex=r"f(x) = \max(0, x) + a\,\min(0, x) = \begin{cases} x & x > 0 \\ "
            r"a\,x & x \le 0 \end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ a & x < 0 "
            r"\end{cases}, \qquad \frac{\partial f}{\partial a} = \min(0, x)",
            output_range=(-INF, INF),
            differentiability="kinks",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=False,
            bounded_below=False,
            origin="he2015",
            defaults={"slope": 0.25},
            exaggerated={"slope": -0.25},
            kink_convention={
                "pt": "Em x = 0, a derivada retornada é a inclinação a, a do ramo "
                "x ≤ 0 (convenção do PyTorch); ali, ∂f/∂a = min(0, 0) = 0.",
                "en": "At x = 0 the derivative returned is the slope a, that of the "
                "x ≤ 0 branch (PyTorch's convention); there ∂f/∂a = min(0, 0) = 0.",
            },
        ),
        rules={"slope": _real},
        output_range=lambda p: (-INF, INF) if p["slope"] > 0 else (0.0, INF),
        kinks=lambda p: (0.0,) if p["slope"] != 1 else (),
    ),
    "elu": _Entry(
        formulas.elu,
        formulas.d_elu,
        Meta(
            display={
                "pt": "Unidade linear exponencial (ELU)",
                "en": "Exponential linear unit (ELU)",
            },
            latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 "
            r"\end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} "
            r"& x \le 0 \end{cases}",
            output_range=(-1.0, INF),
            differentiability="C1",
            kinks=(),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="clevert2016",
            defaults={"alpha": 1.0},
            exaggerated={"alpha": 0.5},
            transcendentals={"exp": 1},
            kink_convention=_kc(
                "x = 0 (if α ≠ 1)",
                "α (left branch)",
                "x = 0 (se α ≠ 1)",
                "α (ramo esquerdo)",
            ),
        ),
        rules={"alpha": _positive},
        output_range=lambda p: (-p["alpha"], INF),
        kinks=lambda p: (0.0,) if p["alpha"] != 1 else (),
    ),
    "selu": _Entry(
        formulas.selu,
        formulas.d_selu,
        Meta(
            display={"pt": "ELU com escala (SELU)", "en": "Scaled ELU (SELU)"},
            latex=r"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) "
            r"& x \le 0 \end{cases}",
            latex_derivative=r"f'(x) = \lambda \begin{cases} 1 & x > 0 \\ "
            r"\alpha\,e^{x} & x \le 0 \end{cases}",
            output_range=(-SELU_LAMBDA * SELU_ALPHA, INF),
            differentiability="kinks",
            kinks=(0.0,),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="klambauer2017",
            transcendentals={"exp": 1},
            kink_convention=_kc(
                "x = 0",
                "λα ≈ 1.7581 (left branch)",
                "x = 0",
                "λα ≈ 1,7581 (ramo esquerdo)",
            ),
        ),
    ),
    "celu": _Entry(
        formulas.celu,
        formulas.d_celu,
        Meta(
            display={
                "pt": "ELU continuamente diferenciável (CELU)",
                "en": "Continuously differentiable ELU (CELU)",
            },
            latex=r"f(x) = \max(0, x) + \min\bigl(0, \alpha\,(e^{x/\alpha} - 1)"
            r"\bigr)",
            latex_derivative=r"f'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha} "
            r"& x \le 0 \end{cases}",
            output_range=(-1.0, INF),
            differentiability="C1",
            kinks=(),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="barron2017",
            defaults={"alpha": 1.0},
            exaggerated={"alpha": 2.0},
            transcendentals={"exp": 1},
            kink_convention=_NO_KINKS,
        ),
        rules={"alpha": _positive},
        output_range=lambda p: (-p["alpha"], INF),
    ),
    "gelu": _Entry(
        formulas.gelu,
        formulas.d_gelu,
        Meta(
            display={
                "pt": "Unidade linear de erro gaussiano (GELU)",
                "en": "Gaussian error linear unit (GELU)",
            },
            latex=r"f(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + "
            r"\operatorname{erf}\frac{x}{\sqrt{2}}\right)",
            latex_derivative=r"f'(x) = \Phi(x) + x\,\varphi(x), \quad "
            r"\varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}",
            output_range=(-0.16997120747990366, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="hendrycks2016",
            transcendentals={"erf": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "gelu_tanh": _Entry(
        formulas.gelu_tanh,
        formulas.d_gelu_tanh,
        Meta(
            display={
                "pt": "GELU (aproximação por tanh)",
                "en": "GELU (tanh approximation)",
            },
            latex=r"f(x) = \frac{x}{2}\bigl(1 + \tanh u\bigr), \quad "
            r"u = \sqrt{2/\pi}\,\bigl(x + 0.044715\,x^{3}\bigr)",
            latex_derivative=r"f'(x) = \frac{1 + \tanh u}{2} + \frac{x}{2}\,"
            r"\operatorname{sech}^2 u\;\sqrt{2/\pi}\,"
            r"\bigl(1 + 3 \cdot 0.044715\,x^{2}\bigr)",
            output_range=(-0.17004075057125405, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="hendrycks2016",
            see_also=("radford2018", "radford2019"),
            transcendentals={"tanh": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "silu": _Entry(
        formulas.silu,
        formulas.d_silu,
        Meta(
            display={
                "pt": "Unidade linear sigmoide (SiLU, Swish)",
                "en": "Sigmoid linear unit (SiLU, Swish)",
            },
            latex=r"f(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}",
            latex_derivative=r"f'(x) = \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))"
            r"\bigr)",
            output_range=(-0.27846454276107380, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="elfwing2018",
            see_also=("hendrycks2016", "ramachandran2017"),
            transcendentals={"exp": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "mish": _Entry(
        formulas.mish,
        formulas.d_mish,
        Meta(
            display={"pt": "Mish", "en": "Mish"},
            latex=r"f(x) = x \tanh\bigl(\ln(1 + e^{x})\bigr)",
            latex_derivative=r"f'(x) = \tanh\bigl(\ln(1 + e^{x})\bigr) + x\,"
            r"\sigma(x)\,\operatorname{sech}^2\bigl(\ln(1 + e^{x})"
            r"\bigr)",
            output_range=(-0.30884341301725041, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="misra2020",
            see_also=("bochkovskiy2020",),
            transcendentals={"exp": 1, "log": 1, "tanh": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "softplus": _Entry(
        formulas.softplus,
        formulas.d_softplus,
        Meta(
            display={"pt": "Softplus", "en": "Softplus"},
            latex=r"f(x) = \frac{1}{\beta} \ln\bigl(1 + e^{\beta x}\bigr)",
            latex_derivative=r"f'(x) = \sigma(\beta x) = \frac{1}{1 + e^{-\beta x}}",
            output_range=(0.0, INF),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=False,
            bounded_below=True,
            origin="dugas2001",
            see_also=("glorot2011",),
            defaults={"beta": 1.0},
            exaggerated={"beta": 0.5},
            transcendentals={"exp": 1, "log": 1},
            kink_convention=_NO_KINKS,
        ),
        rules={"beta": _positive},
    ),
    "softsign": _Entry(
        formulas.softsign,
        formulas.d_softsign,
        Meta(
            display={"pt": "Softsign", "en": "Softsign"},
            latex=r"f(x) = \frac{x}{1 + |x|}",
            latex_derivative=r"f'(x) = \frac{1}{(1 + |x|)^{2}}",
            output_range=(-1.0, 1.0),
            differentiability="C1",
            kinks=(),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="bergstra2009",
            see_also=("glorot2010",),
            kink_convention=_NO_KINKS,
        ),
    ),
    "log_sigmoid": _Entry(
        formulas.log_sigmoid,
        formulas.d_log_sigmoid,
        Meta(
            display={"pt": "Log-sigmoide", "en": "Log-sigmoid"},
            latex=r"f(x) = \ln \sigma(x) = -\ln\bigl(1 + e^{-x}\bigr)",
            latex_derivative=r"f'(x) = 1 - \sigma(x) = \sigma(-x)",
            output_range=(-INF, 0.0),
            differentiability="smooth",
            kinks=(),
            monotonic=True,
            bounded_above=True,
            bounded_below=False,
            origin="cox1958",
            transcendentals={"exp": 1, "log": 1},
            kink_convention=_NO_KINKS,
        ),
    ),
    "hard_sigmoid": _Entry(
        formulas.hard_sigmoid,
        formulas.d_hard_sigmoid,
        Meta(
            display={"pt": "Sigmoide rígida", "en": "Hard sigmoid"},
            latex=r"f(x) = \frac{\operatorname{ReLU6}(x + 3)}{6} = "
            r"\begin{cases} 0 & x \le -3 \\ x/6 + 1/2 & -3 < x < 3 \\ 1 "
            r"& x \ge 3 \end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 1/6 & -3 < x < 3 \\ 0 "
            r"& |x| > 3 \end{cases}",
            output_range=(0.0, 1.0),
            differentiability="kinks",
            kinks=(-3.0, 3.0),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="howard2019",
            see_also=("courbariaux2015",),
            kink_convention=_kc("x = ±3", "0"),
        ),
    ),
    "hard_tanh": _Entry(
        formulas.hard_tanh,
        formulas.d_hard_tanh,
        Meta(
            display={"pt": "Tangente hiperbólica rígida", "en": "Hard tanh"},
            latex=r"f(x) = \min\bigl(\max(x, a), b\bigr), \quad a = "
            r"\mathrm{min\_val},\ b = \mathrm{max\_val}",
            latex_derivative=r"f'(x) = \begin{cases} 1 & a < x < b \\ 0 "
            r"& x < a \text{ or } x > b \end{cases}",
            output_range=(-1.0, 1.0),
            differentiability="kinks",
            kinks=(-1.0, 1.0),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="collobert2004",
            see_also=("collobert2011",),
            defaults={"min_val": -1.0, "max_val": 1.0},
            exaggerated={"min_val": -2.0, "max_val": 2.0},
            kink_convention=_kc(
                "x = min_val and x = max_val", "0", "x = min_val e x = max_val", "0"
            ),
        ),
        rules={"min_val": _real, "max_val": _real},
        check=_check_hard_tanh,
        output_range=lambda p: (p["min_val"], p["max_val"]),
        kinks=lambda p: (p["min_val"], p["max_val"]),
    ),
    "hard_swish": _Entry(
        formulas.hard_swish,
        formulas.d_hard_swish,
        Meta(
            display={"pt": "Swish rígida", "en": "Hard swish"},
            latex=r"f(x) = x\,\frac{\operatorname{ReLU6}(x + 3)}{6} = "
            r"\begin{cases} 0 & x \le -3 \\ x(x + 3)/6 & -3 < x < 3 \\ x "
            r"& x \ge 3 \end{cases}",
            latex_derivative=r"f'(x) = \begin{cases} 0 & x < -3 \\ (2x + 3)/6 "
            r"& -3 < x < 3 \\ 1 & x > 3 \end{cases}",
            output_range=(-0.375, INF),
            differentiability="kinks",
            kinks=(-3.0, 3.0),
            monotonic=False,
            bounded_above=False,
            bounded_below=True,
            origin="howard2019",
            kink_convention={
                "pt": "Em x = −3 e x = 3, a derivada retornada é (2x + 3)/6, isto "
                "é, −0,5 e 1,5 (convenção do PyTorch: fórmula no intervalo "
                "fechado [−3, 3]).",
                "en": "At x = −3 and x = 3, the derivative returned is (2x + 3)/6, "
                "i.e. −0.5 and 1.5 (PyTorch's convention: the formula on the "
                "closed interval [−3, 3]).",
            },
        ),
    ),
    "relu6": _Entry(
        formulas.relu6,
        formulas.d_relu6,
        Meta(
            display={"pt": "ReLU6", "en": "ReLU6"},
            latex=r"f(x) = \min\bigl(\max(0, x), 6\bigr)",
            latex_derivative=r"f'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 "
            r"& x < 0 \text{ or } x > 6 \end{cases}",
            output_range=(0.0, 6.0),
            differentiability="kinks",
            kinks=(0.0, 6.0),
            monotonic=True,
            bounded_above=True,
            bounded_below=True,
            origin="krizhevsky2010",
            see_also=("sandler2018",),
            kink_convention=_kc("x = 0 and x = 6", "0", "x = 0 e x = 6", "0"),
        ),
    ),
}
