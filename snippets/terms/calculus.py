"""Glossary terms: derivatives, the four properties and the functions.

Part of the glossary's data (see :mod:`snippets.glossary`, which gathers the
topics into ``TERMS`` in this order).
"""

from snippets.terms import Term

TERMS: tuple[Term, ...] = (
    # --- derivatives -------------------------------------------------------------
    Term(
        "derivada",
        "derivative",
        "Taxa de variação de uma função; a inclinação do seu gráfico.",
        "Rate of change of a function; the slope of its graph.",
        tooltip=False,
    ),
    Term(
        "regra da cadeia",
        "chain rule",
        "Regra para derivar funções compostas: a derivada de f(g(x)) é "
        "f′(g(x)) · g′(x).",
        "Rule for differentiating composite functions: the derivative of f(g(x)) "
        "is f′(g(x)) · g′(x).",
        bridge="chain rule",
    ),
    Term(
        "diferenciável",
        "differentiable",
        "Que tem derivada em todos os pontos considerados.",
        "Having a derivative at every point considered.",
        avoid=("derivável",),
    ),
    Term(
        "ponto anguloso",
        "kink",
        "Ponto onde a função é contínua mas as derivadas à esquerda e à direita "
        "diferem.",
        "Point where the function is continuous but its left and right "
        "derivatives differ.",
        avoid=("quina", "bico", "kink", "kinks"),
        bridge="kink",
    ),
    Term(
        "subgradiente",
        "subgradient",
        "Num ponto anguloso de uma função convexa, qualquer inclinação entre as "
        "derivadas à esquerda e à direita; a retropropagação usa uma delas por "
        "convenção.",
        "At a kink of a convex function, any slope between the left and right "
        "derivatives; backpropagation uses one of them by convention.",
    ),
    Term(
        "estimador straight-through",
        "straight-through estimator",
        "Truque para treinar com uma função de derivada zero, como o degrau: a "
        "propagação direta usa a função, e a retropropagação faz de conta que a "
        "derivada é a de outra função (a identidade, por exemplo) e deixa o "
        "gradiente passar.",
        "Trick for training with a function whose derivative is zero, such as the "
        "step: the forward pass uses the function, and backpropagation pretends "
        "the derivative is that of another function (the identity, say) and lets "
        "the gradient through.",
        avoid=("estimador direto", "estimador de passagem direta", "straight-through"),
    ),
    Term(
        "diferenças finitas",
        "finite differences",
        "Estimativa de uma derivada a partir de valores da função em pontos "
        "próximos, como a diferença central (f(x + h) − f(x − h)) / 2h com h "
        "pequeno.",
        "Estimate of a derivative from values of the function at nearby points, such "
        "as the central difference (f(x + h) − f(x − h)) / 2h with small h.",
    ),
    Term(
        "diferenciação automática",
        "automatic differentiation",
        "Cálculo das derivadas de um programa aplicando a regra da cadeia operação "
        "por operação, como fazem PyTorch e JAX; exato a menos do arredondamento.",
        "Computing the derivatives of a program by applying the chain rule "
        "operation by operation, as PyTorch and JAX do; exact up to rounding.",
        avoid=("autodiferenciação",),
        bridge="automatic differentiation",
    ),
    # --- the four properties -----------------------------------------------------
    Term(
        "custo computacional",
        "computational cost",
        "Tempo (ou operações) gasto para calcular uma função.",
        "Time (or operations) spent computing a function.",
        tooltip=False,
    ),
    Term(
        "função transcendente",
        "transcendental function",
        "Função que não se escreve com um número finito de somas, produtos, "
        "divisões e raízes, como exp, log, tanh e erf; calculá-la custa mais que "
        "uma comparação.",
        "Function that cannot be written with finitely many sums, products, "
        "divisions and roots, such as exp, log, tanh and erf; it costs more to "
        "compute than a comparison.",
    ),
    Term(
        "centrada em zero",
        "zero-centred",
        "Diz-se da função cujas saídas têm média zero para entradas típicas.",
        "Said of a function whose outputs average zero for typical inputs.",
        avoid=("zero-centrada", "centralizada em zero"),
        bridge="zero-centered",
        en_avoid=("zero-centered",),
    ),
    Term(
        "valor esperado",
        "expected value",
        "Média de uma variável aleatória, ponderada pelas probabilidades; E[f(X)] "
        "é a média de f(X).",
        "Probability-weighted average of a random variable; E[f(X)] is the mean "
        "of f(X).",
    ),
    Term(
        "distribuição normal",
        "normal distribution",
        "Distribuição em forma de sino; N(0, 1) tem média 0 e variância 1.",
        "Bell-shaped distribution; N(0, 1) has mean 0 and variance 1.",
    ),
    Term(
        "desvio-padrão",
        "standard deviation",
        "Raiz quadrada da variância: a distância típica de uma variável aleatória à "
        "sua média, na mesma unidade de medida dela.",
        "Square root of the variance: the typical distance of a random variable from "
        "its mean, in its own unit.",
        avoid=("desvio padrão",),
        tooltip=False,
    ),
    Term(
        "zigue-zague",
        "zigzag",
        "Trajetória da descida do gradiente que muda de direção a cada passo em vez "
        "de seguir direto ao mínimo; aparece, por exemplo, quando todas as entradas "
        "de um neurônio são positivas.",
        "Path of gradient descent that changes direction at every step instead of "
        "heading straight to the minimum; it appears, for example, when all the "
        "inputs of a neuron are positive.",
        avoid=("ziguezague", "zig-zag", "zigzag"),
        en_avoid=("zig-zag",),
    ),
    Term(
        "platô",
        "plateau",
        "Região onde a função é quase constante, e a derivada, quase zero.",
        "Region where the function is nearly constant and its derivative nearly zero.",
        avoid=("plateau", "plateaus", "patamar"),
        bridge="plateau",
    ),
    Term(
        "saturação",
        "saturation",
        "Comportamento de uma função que se aproxima de um valor constante para "
        "entradas grandes.",
        "Behaviour of a function that approaches a constant for large inputs.",
    ),
    # The site's plateau measure (properties/plateaus.md): its own names, not
    # terms of the literature, so no bridge. "ganho RMS" is a term of its own, so
    # that the terminology check does not count its "ganho" as a use of "ganho".
    Term(
        "cauda plana",
        "flat tail",
        "Semirreta em que |f′| fica abaixo de um limiar até o infinito: um "
        "gradiente que atravessa a função ali sai muito menor.",
        "Half-line on which |f′| stays below a threshold all the way to infinity: "
        "a gradient crossing the function there comes out much smaller.",
        avoid=("cauda achatada",),
    ),
    Term(
        "zona morta",
        "dead zone",
        "Região em que a derivada da função de ativação é exatamente zero: um "
        "neurônio cuja pré-ativação está ali não recebe gradiente.",
        "Region where the derivative of the activation function is exactly zero: "
        "a neuron whose pre-activation lies there receives no gradient.",
        avoid=("região morta",),
        en_avoid=("dead region",),
    ),
    Term(
        "ganho RMS",
        "RMS gain",
        "Raiz de E[f′(Z)²], com Z normal padrão: o fator pelo qual a função de "
        "ativação multiplica, em valor quadrático médio (a raiz da média dos "
        "quadrados), um gradiente que a atravessa quando as pré-ativações têm "
        "variância 1 (fora o fator dos pesos).",
        "Square root of E[f′(Z)²], with Z standard normal: the factor by which the "
        "activation function multiplies, in root mean square, a gradient crossing "
        "it when the pre-activations have variance 1 (the weights' factor aside).",
    ),
    Term(
        "desaparecimento do gradiente",
        "vanishing gradient",
        "Encolhimento do gradiente ao atravessar muitas camadas, que impede as "
        "primeiras de aprender.",
        "Shrinking of the gradient through many layers, which stops the first "
        "ones from learning.",
        avoid=(
            "gradiente evanescente",
            "dissipação do gradiente",
            "vanishing gradient",
        ),
        bridge="vanishing gradient",
    ),
    Term(
        "explosão do gradiente",
        "exploding gradient",
        "Crescimento do gradiente ao atravessar muitas camadas, que torna os "
        "passos da descida do gradiente grandes demais.",
        "Growth of the gradient through many layers, which makes the steps of "
        "gradient descent far too large.",
        avoid=("gradiente explosivo", "exploding gradient"),
        bridge="exploding gradient",
    ),
    Term(
        "neurônio desligado",
        "inactive neuron",
        "Neurônio cuja pré-ativação não é positiva em nenhum exemplo do conjunto. "
        "Com a ReLU, a saída e a derivada dele são zero em todos os exemplos, e os "
        "seus pesos não recebem gradiente: ele só volta se as camadas anteriores "
        "mudarem as suas entradas, e na primeira camada não volta mais (é uma ReLU "
        "morta). Com a ReLU com vazamento, o gradiente ainda chega, multiplicado "
        "pela inclinação, e ele pode voltar.",
        "Neuron whose pre-activation is not positive on any example of the set. "
        "With ReLU its output and derivative are zero on every example and its "
        "weights get no gradient: it comes back only if the earlier layers change "
        "its inputs, and in the first layer it never does (a dead ReLU). With Leaky "
        "ReLU the gradient still arrives, multiplied by the slope, and it can come "
        "back.",
        avoid=("calado", "calada", "inativo", "inativa"),
        bridge="inactive neuron",
        en_avoid=("silent neuron", "switched-off neuron"),
    ),
    Term(
        "ReLU morta",
        "dying ReLU",
        "Problema dos neurônios ReLU que se desligam e não voltam mais (cada um, "
        "uma ReLU morta): os pesos deles não recebem gradiente, e as suas entradas "
        "não mudam (na primeira camada) ou não mudam o bastante para que a "
        "pré-ativação fique positiva em algum exemplo.",
        "The problem of ReLU neurons that become inactive and never come back (dead "
        "ReLUs): their weights get no gradient, and their inputs do not change (in "
        "the first layer) or not enough to make the pre-activation positive on some "
        "example.",
        avoid=("ReLU moribunda", "dying ReLU"),
        bridge="dying ReLU",
    ),
    # --- functions ---------------------------------------------------------------
    Term(
        "função degrau",
        "step function",
        "Função que vale 0 para entradas negativas e 1 para positivas.",
        "Function that is 0 for negative inputs and 1 for positive ones.",
        avoid=("função escada",),
        bridge="step function",
    ),
    Term(
        "ReLU com vazamento",
        "Leaky ReLU",
        "Variante da ReLU que, para entradas negativas, devolve ax, com uma "
        "inclinação a pequena e fixa (0,01 por padrão), em vez de 0: o gradiente "
        "nunca é zerado, e o neurônio não morre.",
        "Variant of ReLU that returns ax for negative inputs, with a small, fixed "
        "slope a (0.01 by default), instead of 0: the gradient is never zeroed, and "
        "the neuron does not die.",
        avoid=("Leaky ReLU", "ReLU vazada", "ReLU com fuga"),
        bridge="Leaky ReLU",
    ),
    Term(
        "ELU com escala",
        "scaled ELU",
        "A SELU: a ELU multiplicada por uma constante λ maior que 1, com α e λ "
        "escolhidos para que as ativações de uma rede com a inicialização de "
        "LeCun tendam a média 0 e variância 1 (autonormalização).",
        "SELU: the ELU multiplied by a constant λ greater than 1, with α and λ "
        "chosen so that the activations of a network with LeCun initialisation "
        "tend to mean 0 and variance 1 (self-normalisation).",
        avoid=("ELU escalonada",),
    ),
    Term(
        "sigmoide",
        "sigmoid",
        "A função logística 1 / (1 + e^(−x)), com saída entre 0 e 1.",
        "The logistic function 1 / (1 + e^(−x)), with output between 0 and 1.",
        avoid=("sigmóide", "sigmóides"),
    ),
    Term(
        "tangente hiperbólica",
        "hyperbolic tangent",
        "A função tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ), com saída entre −1 e 1; é "
        "uma sigmoide esticada e centrada em zero: tanh(x) = 2σ(2x) − 1.",
        "The function tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ), with output between −1 "
        "and 1; a stretched, zero-centred sigmoid: tanh(x) = 2σ(2x) − 1.",
    ),
    Term(
        "sigmoide rígida",
        "hard sigmoid",
        "Aproximação da sigmoide por segmentos de reta: ReLU6(x + 3)/6, que vale 0 "
        "até x = −3, sobe em rampa e vale 1 a partir de x = 3; só usa comparações, "
        "somas e produtos.",
        "Approximation of the sigmoid by line segments: ReLU6(x + 3)/6, which is 0 "
        "up to x = −3, rises linearly and is 1 from x = 3 on; it only uses "
        "comparisons, sums and products.",
        avoid=("hard sigmoid", "sigmoide dura"),
        bridge="hard sigmoid",
    ),
    Term(
        "tangente hiperbólica rígida",
        "hard tanh",
        "Aproximação da tangente hiperbólica por segmentos de reta: −1 até "
        "x = −1, x entre −1 e 1, e 1 a partir de x = 1.",
        "Approximation of the hyperbolic tangent by line segments: −1 up to "
        "x = −1, x between −1 and 1, and 1 from x = 1 on.",
        avoid=("hard tanh", "tanh rígida"),
        bridge="hard tanh",
    ),
    Term(
        "swish rígida",
        "hard swish",
        "Aproximação da SiLU (ou swish) que troca a sigmoide pela sigmoide rígida: "
        "x · ReLU6(x + 3)/6; criada para redes que rodam em celulares.",
        "Approximation of SiLU (or swish) that replaces the sigmoid by the hard "
        "sigmoid: x · ReLU6(x + 3)/6; designed for networks that run on phones.",
        avoid=("hard swish", "hard-swish", "h-swish"),
        bridge="hard swish",
    ),
    Term(
        "softmax",
        "softmax",
        "Função que transforma um vetor de números em probabilidades (positivas, "
        "de soma 1); cada saída depende de todas as entradas, por isso não é uma "
        "ativação elemento a elemento.",
        "Function that turns a vector of numbers into probabilities (positive, "
        "summing to 1); each output depends on every input, so it is not an "
        "elementwise activation.",
    ),
)
