"""The glossary: one Portuguese term per concept, with its English counterpart.

This list is the single source for the glossary page (both languages), the
tooltips shown where a term appears on a page (Markdown abbreviations appended to
every page by the build), and the terminology test, which flags a discouraged
synonym on a Portuguese page.
"""

from __future__ import annotations

from dataclasses import dataclass

from snippets.i18n import check_lang


@dataclass(frozen=True)
class Term:
    """One concept: its term and short definition in each language.

    ``avoid`` lists Portuguese synonyms the site does not use (a test flags them
    on Portuguese pages); ``tooltip`` says whether the term gets a tooltip wherever
    it appears.
    """

    pt: str
    en: str
    pt_definition: str
    en_definition: str
    avoid: tuple[str, ...] = ()
    tooltip: bool = True

    def term(self, lang: str) -> str:
        """The term in ``lang``."""
        return self.pt if check_lang(lang) == "pt" else self.en

    def definition(self, lang: str) -> str:
        """The definition in ``lang``."""
        return self.pt_definition if check_lang(lang) == "pt" else self.en_definition


TERMS: tuple[Term, ...] = (
    Term(
        "neurônio artificial", "artificial neuron",
        "Unidade que calcula a soma ponderada das entradas mais um viés e aplica "
        "uma função de ativação.",
        "Unit that computes the weighted sum of its inputs plus a bias and applies "
        "an activation function.",
        avoid=("neurónio",),
    ),
    Term(
        "peso", "weight",
        "Número que multiplica uma entrada; aprendido no treinamento.",
        "Number that multiplies an input; learned in training.",
        tooltip=False,
    ),
    Term(
        "viés", "bias",
        "Número somado à soma ponderada; desloca a saída do neurônio.",
        "Number added to the weighted sum; shifts the neuron's output.",
        avoid=("tendência",),
    ),
    Term(
        "soma ponderada", "weighted sum",
        "Soma das entradas, cada uma multiplicada pelo seu peso.",
        "Sum of the inputs, each multiplied by its weight.",
    ),
    Term(
        "pré-ativação", "pre-activation",
        "A soma ponderada mais o viés, antes da função de ativação.",
        "The weighted sum plus the bias, before the activation function.",
    ),
    Term(
        "função de ativação", "activation function",
        "Função, em geral não linear, aplicada à pré-ativação de cada neurônio.",
        "Function, usually non-linear, applied to each neuron's pre-activation.",
        tooltip=False,
    ),
    Term(
        "camada", "layer",
        "Conjunto de neurônios que recebem as mesmas entradas.",
        "Set of neurons that receive the same inputs.",
        tooltip=False,
    ),
    Term(
        "camada oculta", "hidden layer",
        "Camada entre a entrada e a saída da rede.",
        "Layer between the network's input and output.",
        avoid=("camada escondida",),
    ),
    Term(
        "rede neural", "neural network",
        "Composição de camadas de neurônios artificiais.",
        "Composition of layers of artificial neurons.",
        avoid=("rede neuronal",),
        tooltip=False,
    ),
    Term(
        "propagação direta", "forward pass",
        "Cálculo da saída da rede a partir da entrada, camada por camada.",
        "Computing the network's output from its input, layer by layer.",
        avoid=("passo forward",),
    ),
    Term(
        "retropropagação", "backpropagation",
        "Cálculo do gradiente da perda em relação a cada peso pela regra da cadeia, "
        "da saída para a entrada.",
        "Computing the gradient of the loss with respect to every weight by the "
        "chain rule, from the output back to the input.",
        avoid=("backpropagation", "retro-propagação"),
    ),
    Term(
        "perda", "loss",
        "Número que mede o erro da rede num conjunto de dados; o treinamento o "
        "minimiza.",
        "Number that measures the network's error on a data set; training "
        "minimises it.",
        tooltip=False,
    ),
    Term(
        "gradiente", "gradient",
        "Vetor das derivadas parciais da perda em relação aos parâmetros.",
        "Vector of the partial derivatives of the loss with respect to the "
        "parameters.",
        tooltip=False,
    ),
    Term(
        "descida do gradiente", "gradient descent",
        "Método que ajusta os parâmetros dando passos contra o gradiente.",
        "Method that adjusts the parameters by stepping against the gradient.",
        avoid=("gradiente descendente", "descida de gradiente"),
    ),
    Term(
        "taxa de aprendizado", "learning rate",
        "Tamanho do passo da descida do gradiente.",
        "Step size of gradient descent.",
        avoid=("taxa de aprendizagem",),
    ),
    Term(
        "época", "epoch",
        "Uma passagem completa pelo conjunto de treinamento.",
        "One full pass over the training set.",
    ),
    Term(
        "treinamento", "training",
        "Ajuste dos parâmetros da rede para reduzir a perda.",
        "Adjusting the network's parameters to reduce the loss.",
        avoid=("treino",),
        tooltip=False,
    ),
    Term(
        "derivada", "derivative",
        "Taxa de variação de uma função; a inclinação do seu gráfico.",
        "Rate of change of a function; the slope of its graph.",
        tooltip=False,
    ),
    Term(
        "diferenciável", "differentiable",
        "Que tem derivada em todos os pontos considerados.",
        "Having a derivative at every point considered.",
        avoid=("derivável",),
    ),
    Term(
        "ponto anguloso", "kink",
        "Ponto onde a função é contínua mas as derivadas à esquerda e à direita "
        "diferem.",
        "Point where the function is continuous but its left and right "
        "derivatives differ.",
        avoid=("quina", "bico"),
    ),
    Term(
        "diferenças finitas", "finite differences",
        "Estimativa da derivada por (f(x + h) − f(x − h)) / 2h com h pequeno.",
        "Estimate of the derivative by (f(x + h) − f(x − h)) / 2h with small h.",
    ),
    Term(
        "centrada em zero", "zero-centred",
        "Diz-se da função cujas saídas têm média zero para entradas típicas.",
        "Said of a function whose outputs average zero for typical inputs.",
        avoid=("zero-centrada",),
    ),
    Term(
        "platô", "plateau",
        "Região onde a função é quase constante, e a derivada, quase zero.",
        "Region where the function is nearly constant and its derivative nearly "
        "zero.",
        avoid=("plateau", "patamar"),
    ),
    Term(
        "saturação", "saturation",
        "Comportamento de uma função que se aproxima de um valor constante para "
        "entradas grandes.",
        "Behaviour of a function that approaches a constant for large inputs.",
    ),
    Term(
        "desaparecimento do gradiente", "vanishing gradient",
        "Encolhimento do gradiente ao atravessar muitas camadas, que impede as "
        "primeiras de aprender.",
        "Shrinking of the gradient through many layers, which stops the first "
        "ones from learning.",
        avoid=("gradiente evanescente", "dissipação do gradiente"),
    ),
    Term(
        "ReLU morta", "dying ReLU",
        "Neurônio ReLU cuja pré-ativação é negativa para toda entrada: sua saída "
        "e seu gradiente são sempre zero.",
        "ReLU unit whose pre-activation is negative for every input: its output "
        "and gradient are always zero.",
        avoid=("ReLU moribunda",),
    ),
    Term(
        "fronteira de decisão", "decision boundary",
        "Curva que separa as regiões do plano classificadas de formas diferentes.",
        "Curve that separates the regions of the plane classified differently.",
        avoid=("limite de decisão",),
    ),
    Term(
        "linearmente separável", "linearly separable",
        "Conjunto de pontos de duas classes que uma reta (ou hiperplano) separa.",
        "Set of points of two classes that a line (or hyperplane) separates.",
    ),
    Term(
        "custo computacional", "computational cost",
        "Tempo (ou operações) gasto para calcular uma função.",
        "Time (or operations) spent computing a function.",
        tooltip=False,
    ),
    Term(
        "função degrau", "step function",
        "Função que vale 0 para entradas negativas e 1 para positivas.",
        "Function that is 0 for negative inputs and 1 for positive ones.",
        avoid=("função escada",),
    ),
    Term(
        "sigmoide", "sigmoid",
        "A função logística 1 / (1 + e^(−x)), com saída entre 0 e 1.",
        "The logistic function 1 / (1 + e^(−x)), with output between 0 and 1.",
        avoid=("sigmóide", "sigmóid"),
    ),
    Term(
        "conjunto de dados", "data set",
        "Os exemplos (entradas e rótulos) usados para treinar ou avaliar a rede.",
        "The examples (inputs and labels) used to train or evaluate the network.",
        avoid=("dataset",),
        tooltip=False,
    ),
)


def terms() -> tuple[Term, ...]:
    """Every glossary entry, in the order of the glossary page."""
    return TERMS


def abbreviations(lang: str) -> str:
    """Markdown abbreviation definitions that turn terms into tooltips.

    Each line reads ``*[term]: definition``; the Markdown ``abbr`` extension then
    wraps every occurrence of the term on a page in an ``<abbr>`` whose title
    Material shows as a tooltip.
    """
    lines = [f"*[{t.term(lang)}]: {t.definition(lang)}" for t in TERMS if t.tooltip]
    return "\n".join(lines) + "\n"
