"""Glossary terms of the mathematics behind the pages: curvature, shape, numerics.

Part of the glossary's data (see :mod:`snippets.glossary`, which gathers the
topics into ``TERMS`` in this order).
"""

from snippets.terms import Term

TERMS: tuple[Term, ...] = (
    # --- linear algebra and curvature -------------------------------------------
    Term(
        "posto",
        "rank",
        "Número máximo de linhas (ou de colunas) linearmente independentes de uma "
        "matriz; uma matriz n × m tem posto no máximo min(n, m), e um produto de "
        "matrizes não tem posto maior que o de nenhum dos fatores.",
        "Largest number of linearly independent rows (or columns) of a matrix; an "
        "n × m matrix has rank at most min(n, m), and a product of matrices has no "
        "larger rank than any of its factors.",
        bridge="rank",
    ),
    Term(
        "autovalor",
        "eigenvalue",
        "Número λ tal que Av = λv para algum vetor v ≠ 0 (um autovetor): nessa "
        "direção, a matriz A só estica ou encolhe. Os autovalores da hessiana são "
        "as curvaturas da função nas suas direções principais.",
        "Number λ such that Av = λv for some vector v ≠ 0 (an eigenvector): along "
        "that direction, the matrix A only stretches or shrinks. The eigenvalues "
        "of the Hessian are the function's curvatures along its principal "
        "directions.",
        avoid=("valor próprio", "valor característico"),
        bridge="eigenvalue",
    ),
    Term(
        "hessiana",
        "Hessian",
        "Matriz das derivadas segundas de uma função de várias variáveis: a "
        "entrada (i, j) é ∂²f/∂xᵢ∂xⱼ. Descreve a curvatura da função em cada "
        "direção; a de uma perda quadrática é constante.",
        "Matrix of the second derivatives of a function of several variables: "
        "entry (i, j) is ∂²f/∂xᵢ∂xⱼ. It describes the function's curvature in "
        "every direction; that of a quadratic loss is constant.",
        avoid=("hessiano", "Hessian"),
        bridge="Hessian",
    ),
    Term(
        "número de condição",
        "condition number",
        "Razão entre o maior e o menor autovalor de uma matriz simétrica positiva "
        "definida; para a hessiana, entre a maior e a menor curvatura. A taxa de "
        "aprendizado da descida do gradiente é limitada pela maior curvatura, e a "
        "direção de menor curvatura avança devagar: numa perda quadrática, o "
        "número de passos cresce em proporção ao número de condição.",
        "Ratio of the largest to the smallest eigenvalue of a symmetric positive "
        "definite matrix; for the Hessian, of the largest to the smallest "
        "curvature. Gradient descent's learning rate is limited by the largest "
        "curvature, and the direction of smallest curvature moves slowly: on a "
        "quadratic loss, the number of steps grows in proportion to the "
        "condition number.",
        avoid=("número de condicionamento",),
        bridge="condition number",
    ),
    # --- shape of a function ----------------------------------------------------
    Term(
        "convexo",
        "convex",
        "Diz-se de um conjunto que contém o segmento entre quaisquer dois dos seus "
        "pontos, e de uma função definida num conjunto assim cujo gráfico fica "
        "abaixo de cada corda: f(tx + (1 − t)y) ≤ t f(x) + (1 − t) f(y) para t "
        "entre 0 e 1. Todo mínimo local de uma função convexa é global.",
        "Said of a set that contains the segment between any two of its points, "
        "and of a function defined on such a set whose graph lies below every "
        "chord: f(tx + (1 − t)y) ≤ t f(x) + (1 − t) f(y) for t between 0 and 1. "
        "Every local minimum of a convex function is global.",
        tooltip=False,
    ),
    Term(
        "monótona",
        "monotonic",
        "Diz-se da função que nunca decresce (x < y implica f(x) ≤ f(y)) ou que "
        "nunca cresce (x < y implica f(x) ≥ f(y)) em todo o seu domínio.",
        "Said of a function that never decreases (x < y implies f(x) ≤ f(y)) or "
        "never increases (x < y implies f(x) ≥ f(y)) over its whole domain.",
        avoid=("monotônica", "monotônico"),
        en_avoid=("monotone",),
        tooltip=False,
    ),
    Term(
        "C¹",
        "C¹",
        "Diz-se da função continuamente diferenciável: tem derivada em todo ponto, "
        "e essa derivada é contínua. A ELU com α = 1 é C¹; a ReLU não é, por causa "
        "do ponto anguloso em 0.",
        "Said of a continuously differentiable function: it has a derivative at "
        "every point, and that derivative is continuous. ELU with α = 1 is C¹; "
        "ReLU is not, because of its kink at 0.",
    ),
    # --- floating point ---------------------------------------------------------
    Term(
        "precisão",
        "precision",
        "Quantos algarismos um tipo de ponto flutuante guarda: 53 bits de "
        "mantissa em float64 (cerca de 16 algarismos decimais) e 24 em float32 "
        "(cerca de 7). Neste site, nunca a fração de acertos de um classificador, "
        "que é a acurácia.",
        "How many digits a floating-point type keeps: 53 bits of significand in "
        "float64 (about 16 decimal digits) and 24 in float32 (about 7). On this "
        "site, never the fraction a classifier gets right, which is accuracy.",
        tooltip=False,
    ),
    Term(
        "épsilon de máquina",
        "machine epsilon",
        "Distância entre 1 e o número seguinte que um tipo de ponto flutuante "
        "representa: 2⁻⁵² ≈ 2,2 × 10⁻¹⁶ em float64 e 2⁻²³ ≈ 1,2 × 10⁻⁷ em "
        "float32; o erro relativo de uma operação arredondada é no máximo a "
        "metade dele.",
        "Distance from 1 to the next number a floating-point type represents: "
        "2⁻⁵² ≈ 2.2 × 10⁻¹⁶ in float64 and 2⁻²³ ≈ 1.2 × 10⁻⁷ in float32; the "
        "relative error of a rounded operation is at most half of it.",
        avoid=(
            "épsilon da máquina",
            "epsilon de máquina",
            "epsilon da máquina",
            "machine epsilon",
        ),
        bridge="machine epsilon",
    ),
)
