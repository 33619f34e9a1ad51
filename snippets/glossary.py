"""The glossary: one Portuguese term per concept, with its English counterpart.

This list is the single source for the glossary page (both languages), the
tooltips shown where a term appears on a page (Markdown abbreviations appended to
every page by the build), and the terminology test, which flags a discouraged
synonym on a Portuguese page.

Examples
--------
>>> from snippets.glossary import TERMS, abbreviations
>>> viés = next(term for term in TERMS if term.en == "bias")
>>> viés.pt, viés.avoid
('viés', ('bias',))
>>> abbreviations("en").splitlines()[0]  # doctest: +ELLIPSIS
'*[artificial neuron]: Unit that computes...'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from snippets.i18n import check_lang, t

__all__ = ["TERMS", "Term", "abbreviations", "sort_key", "table", "terms"]


@dataclass(frozen=True)
class Term:
    """One concept: its term and short definition in each language.

    Attributes
    ----------
    pt, en : str
        The term in Portuguese (Brazil) and in English.
    pt_definition, en_definition : str
        One or two sentences, plain text (they become tooltips).
    avoid : tuple of str
        Forms the Portuguese pages do not use for this concept: other
        synonyms, European Portuguese or pre-2009 spellings, and the English
        term itself (allowed only on the glossary page). The terminology test
        flags them, whole word and ignoring case.
    tooltip : bool
        Whether the term gets a tooltip wherever it appears (off for words so
        common that a tooltip on each would be noise).
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

    def other(self, lang: str) -> str:
        """The term in the language that is not ``lang``."""
        return self.en if check_lang(lang) == "pt" else self.pt

    def definition(self, lang: str) -> str:
        """The definition in ``lang``."""
        return self.pt_definition if check_lang(lang) == "pt" else self.en_definition


TERMS: tuple[Term, ...] = (
    # --- the neuron and the network ----------------------------------------------
    Term(
        "neurônio artificial",
        "artificial neuron",
        "Unidade que calcula a soma ponderada das entradas mais um viés e aplica "
        "uma função de ativação.",
        "Unit that computes the weighted sum of its inputs plus a bias and applies "
        "an activation function.",
        avoid=("neurónio", "neurónios"),
    ),
    Term(
        "peso",
        "weight",
        "Número que multiplica uma entrada; aprendido no treinamento.",
        "Number that multiplies an input; learned in training.",
        tooltip=False,
    ),
    Term(
        "viés",
        "bias",
        "Número somado à soma ponderada; desloca a saída do neurônio.",
        "Number added to the weighted sum; shifts the neuron's output.",
        avoid=("bias",),
    ),
    Term(
        "soma ponderada",
        "weighted sum",
        "Soma das entradas, cada uma multiplicada pelo seu peso.",
        "Sum of the inputs, each multiplied by its weight.",
    ),
    Term(
        "pré-ativação",
        "pre-activation",
        "A soma ponderada mais o viés, antes da função de ativação.",
        "The weighted sum plus the bias, before the activation function.",
        avoid=("preativação",),
    ),
    Term(
        "função de ativação",
        "activation function",
        "Função, em geral não linear, aplicada à pré-ativação de cada neurônio.",
        "Function, usually non-linear, applied to each neuron's pre-activation.",
        tooltip=False,
    ),
    Term(
        "camada",
        "layer",
        "Conjunto de neurônios que recebem as mesmas entradas.",
        "Set of neurons that receive the same inputs.",
        tooltip=False,
    ),
    Term(
        "camada oculta",
        "hidden layer",
        "Camada entre a entrada e a saída da rede.",
        "Layer between the network's input and output.",
        avoid=("camada escondida",),
    ),
    Term(
        "rede neural",
        "neural network",
        "Composição de camadas de neurônios artificiais.",
        "Composition of layers of artificial neurons.",
        avoid=("rede neuronal",),
        tooltip=False,
    ),
    Term(
        "perceptron",
        "perceptron",
        "Neurônio artificial com a função degrau como ativação e uma regra de "
        "aprendizado própria (Rosenblatt, 1958); separa duas classes por uma reta "
        "ou um hiperplano.",
        "Artificial neuron with the step function as activation and its own "
        "learning rule (Rosenblatt, 1958); separates two classes by a line or a "
        "hyperplane.",
    ),
    Term(
        "perceptron multicamadas",
        "multilayer perceptron",
        "Rede de camadas densas, em que cada neurônio recebe todas as saídas da "
        "camada anterior, com ativação não linear nas camadas ocultas (sigla MLP).",
        "Network of dense layers, each neuron receiving every output of the "
        "previous layer, with a non-linear activation in the hidden layers (MLP).",
        avoid=("perceptron multicamada", "perceptron de múltiplas camadas"),
    ),
    Term(
        "rede recorrente",
        "recurrent network",
        "Rede que lê uma sequência passo a passo, com os mesmos pesos em cada "
        "passo, levando adiante um estado.",
        "Network that reads a sequence step by step, with the same weights at "
        "every step, carrying a state forward.",
    ),
    Term(
        "porta",
        "gate",
        "Fator que multiplica um sinal elemento a elemento e controla quanto dele "
        "passa adiante: nas redes recorrentes como a LSTM e na GLU, a saída de uma "
        "sigmoide, entre 0 e 1; na GELU e na SiLU, Φ(x) e σ(x), que multiplicam x.",
        "Factor that multiplies a signal elementwise and controls how much of it "
        "goes through: in recurrent networks such as the LSTM and in the GLU, the "
        "output of a sigmoid, between 0 and 1; in GELU and SiLU, Φ(x) and σ(x), "
        "which multiply x.",
    ),
    Term(
        "unidade linear com porta",
        "gated linear unit",
        "Unidade (GLU) que multiplica, elemento a elemento, uma transformação afim "
        "da entrada por uma porta calculada de outra transformação afim da mesma "
        "entrada; SwiGLU e GEGLU trocam a sigmoide da porta pela SiLU e pela GELU.",
        "Unit (GLU) that multiplies, elementwise, an affine map of the input by a "
        "gate computed from another affine map of the same input; SwiGLU and "
        "GEGLU replace the gate's sigmoid by SiLU and GELU.",
    ),
    Term(
        "Maxout",
        "Maxout",
        "Unidade que calcula k transformações afins da entrada e devolve a maior; "
        "contém a ReLU e a Leaky ReLU como casos particulares.",
        "Unit that computes k affine maps of its input and returns the largest; "
        "it contains ReLU and Leaky ReLU as special cases.",
    ),
    Term(
        "bloco denso",
        "feed-forward block",
        "Parte de cada camada de um transformer que processa cada posição da "
        "sequência separadamente: camadas densas com uma ativação (ou uma porta) "
        "entre elas.",
        "Part of each layer of a transformer that processes every position of the "
        "sequence separately: dense layers with an activation (or a gate) between "
        "them.",
    ),
    Term(
        "transformer",
        "transformer",
        "Arquitetura de rede baseada em atenção, usada nos grandes modelos de "
        "linguagem; seus blocos densos usam em geral a GELU, ou a SiLU dentro da "
        "SwiGLU (o original, de 2017, usava ReLU).",
        "Attention-based network architecture, used in large language models; "
        "its dense blocks usually use GELU, or SiLU inside SwiGLU (the original, "
        "from 2017, used ReLU).",
    ),
    # --- linearity ---------------------------------------------------------------
    Term(
        "linear",
        "linear",
        "Neste site, como é costume em aprendizado de máquina, diz-se de uma "
        "função da forma x ↦ xW + b (em álgebra, afim; linear no sentido estrito "
        "quando b = 0); a composição de funções assim é outra do mesmo tipo.",
        "On this site, as is usual in machine learning, said of a map of the form "
        "x ↦ xW + b (affine, in algebra; linear in the strict sense when b = 0); a "
        "composition of such maps is another one of the same kind.",
        tooltip=False,
    ),
    Term(
        "não linear",
        "non-linear",
        "Que não é linear, isto é, não é da forma x ↦ xW + b: o gráfico não é uma "
        "reta, um plano ou um hiperplano.",
        "Not linear, that is, not of the form x ↦ xW + b: the graph is not a line, "
        "a plane or a hyperplane.",
        avoid=("não-linear", "não-lineares"),
        tooltip=False,
    ),
    Term(
        "não linearidade",
        "non-linearity",
        "O fato de ser não linear; também se diz da própria função de ativação.",
        "The quality of being non-linear; also a name for the activation function "
        "itself.",
        avoid=("não-linearidade",),
    ),
    Term(
        "linearmente separável",
        "linearly separable",
        "Conjunto de pontos de duas classes que uma reta (ou hiperplano) separa.",
        "Set of points of two classes that a line (or hyperplane) separates.",
    ),
    Term(
        "fronteira de decisão",
        "decision boundary",
        "Curva que separa as regiões do plano classificadas de formas diferentes.",
        "Curve that separates the regions of the plane classified differently.",
        avoid=("limite de decisão",),
    ),
    Term(
        "teorema da aproximação universal",
        "universal approximation theorem",
        "Resultado segundo o qual uma rede com uma camada oculta e ativação não "
        "polinomial aproxima qualquer função contínua numa região fechada e limitada "
        "tão bem quanto se queira, dados neurônios suficientes.",
        "Result stating that a network with one hidden layer and a non-polynomial "
        "activation approximates any continuous function on a closed, bounded region "
        "as closely as desired, given enough neurons.",
    ),
    # --- training ----------------------------------------------------------------
    Term(
        "conjunto de dados",
        "data set",
        "Os exemplos (entradas e rótulos) usados para treinar ou avaliar a rede.",
        "The examples (inputs and labels) used to train or evaluate the network.",
        avoid=("dataset", "datasets"),
        tooltip=False,
    ),
    Term(
        "perda",
        "loss",
        "Número que mede o erro da rede num conjunto de dados; o treinamento o "
        "minimiza.",
        "Number that measures the network's error on a data set; training "
        "minimises it.",
        avoid=("função de custo",),
        tooltip=False,
    ),
    Term(
        "erro quadrático médio",
        "mean squared error",
        "Perda igual à média dos quadrados das diferenças entre a saída da rede e "
        "o valor desejado.",
        "Loss equal to the mean of the squared differences between the network's "
        "output and the target.",
    ),
    Term(
        "entropia cruzada",
        "cross-entropy",
        "Perda de classificação: a média de menos o logaritmo da probabilidade que "
        "a rede atribui à classe correta.",
        "Classification loss: the average of minus the logarithm of the "
        "probability the network gives the correct class.",
    ),
    Term(
        "treinamento",
        "training",
        "Ajuste dos parâmetros da rede para reduzir a perda.",
        "Adjusting the network's parameters to reduce the loss.",
        avoid=("treino",),
        tooltip=False,
    ),
    Term(
        "época",
        "epoch",
        "Uma passagem completa pelo conjunto de treinamento.",
        "One full pass over the training set.",
    ),
    Term(
        "propagação direta",
        "forward pass",
        "Cálculo da saída da rede a partir da entrada, camada por camada.",
        "Computing the network's output from its input, layer by layer.",
        avoid=(
            "passo forward",
            "forward pass",
            "propagação para frente",
            "propagação para a frente",
        ),
    ),
    Term(
        "retropropagação",
        "backpropagation",
        "Cálculo do gradiente da perda em relação a cada peso pela regra da cadeia, "
        "da saída para a entrada.",
        "Computing the gradient of the loss with respect to every weight by the "
        "chain rule, from the output back to the input.",
        avoid=("backpropagation", "backprop", "retro-propagação"),
    ),
    Term(
        "grafo computacional",
        "computational graph",
        "Desenho de uma conta como nós (operações) ligados por setas (valores); a "
        "propagação direta percorre as setas num sentido, a retropropagação no "
        "outro.",
        "Picture of a computation as nodes (operations) joined by arrows "
        "(values); the forward pass follows the arrows one way, backpropagation "
        "the other.",
        avoid=("grafo de computação",),
    ),
    Term(
        "produto elemento a elemento",
        "elementwise product",
        "Produto de dois vetores ou matrizes de mesma forma, entrada por entrada; "
        "escreve-se ⊙.",
        "Product of two vectors or matrices of the same shape, entry by entry; "
        "written ⊙.",
    ),
    Term(
        "modo reverso",
        "reverse mode",
        "Diferenciação automática que aplica a regra da cadeia da saída para a "
        "entrada: dá a derivada de um número (a perda) em relação a todos os "
        "parâmetros numa só passagem; a retropropagação é o modo reverso numa rede.",
        "Automatic differentiation that applies the chain rule from the output "
        "back to the input: it gives the derivative of one number (the loss) with "
        "respect to every parameter in one pass; backpropagation is reverse mode "
        "on a network.",
        avoid=("modo reverse", "reverse mode"),
    ),
    Term(
        "verificação do gradiente",
        "gradient check",
        "Comparação do gradiente calculado pela retropropagação com uma estimativa "
        "por diferenças finitas.",
        "Comparison of the gradient computed by backpropagation with a "
        "finite-difference estimate.",
        avoid=("gradient check", "checagem do gradiente", "checagem de gradiente"),
    ),
    # --- the output layer --------------------------------------------------------
    Term(
        "camada de saída",
        "output layer",
        "A última camada da rede; sua função de ativação é escolhida pela tarefa e "
        "pela perda (sigmoide, softmax ou identidade).",
        "The network's last layer; its activation function is chosen by the task "
        "and the loss (sigmoid, softmax or identity).",
    ),
    Term(
        "logit",
        "logit",
        "Pré-ativação de uma unidade da camada de saída, antes da sigmoide ou da "
        "softmax; para a sigmoide, é ln(p / (1 − p)).",
        "Pre-activation of an output unit, before the sigmoid or the softmax; for "
        "the sigmoid, it is ln(p / (1 − p)).",
    ),
    Term(
        "log-sum-exp",
        "log-sum-exp",
        "A função ln(Σ exp(zⱼ)); calculada como m + ln(Σ exp(zⱼ − m)), com m o "
        "maior zⱼ, não sofre estouro.",
        "The function ln(Σ exp(zⱼ)); computed as m + ln(Σ exp(zⱼ − m)), with m "
        "the largest zⱼ, it does not overflow.",
    ),
    Term(
        "log-softmax",
        "log-softmax",
        "Logaritmo da softmax, calculado direto dos logits como zⱼ − log-sum-exp(z), "
        "sem passar pelas probabilidades.",
        "Logarithm of the softmax, computed straight from the logits as "
        "zⱼ − log-sum-exp(z), without going through the probabilities.",
    ),
    Term(
        "estouro",
        "overflow",
        "Resultado grande demais para o tipo de ponto flutuante, que vira infinito; "
        "exp(z) estoura acima de z ≈ 709,78 em float64 e 88,72 em float32.",
        "A result too large for the floating-point type, which becomes infinity; "
        "exp(z) overflows above z ≈ 709.78 in float64 and 88.72 in float32.",
        avoid=("overflow", "transbordamento"),
    ),
    Term(
        "gradiente",
        "gradient",
        "Vetor das derivadas parciais da perda em relação aos parâmetros.",
        "Vector of the partial derivatives of the loss with respect to the parameters.",
        tooltip=False,
    ),
    Term(
        "descida do gradiente",
        "gradient descent",
        "Método que ajusta os parâmetros dando passos contra o gradiente.",
        "Method that adjusts the parameters by stepping against the gradient.",
        avoid=("gradiente descendente", "descida de gradiente", "gradient descent"),
    ),
    Term(
        "taxa de aprendizado",
        "learning rate",
        "Tamanho do passo da descida do gradiente.",
        "Step size of gradient descent.",
        avoid=("taxa de aprendizagem", "learning rate"),
    ),
    Term(
        "inicialização",
        "initialisation",
        "Escolha dos valores iniciais dos pesos, em geral sorteados com uma "
        "variância que depende do tamanho da camada: 1/n_in (LeCun), "
        "2/(n_in + n_out) (Glorot) ou 2/n_in (He), em que n_in e n_out são os "
        "números de entradas e de saídas da camada.",
        "Choice of the weights' starting values, usually drawn with a variance set "
        "by the layer's size: 1/n_in (LeCun), 2/(n_in + n_out) (Glorot) or 2/n_in "
        "(He), where n_in and n_out are the layer's numbers of inputs and outputs.",
    ),
    Term(
        "normalização em lote",
        "batch normalisation",
        "Operação que padroniza cada pré-ativação com a média e a variância do "
        "lote de exemplos e depois aplica uma escala e um deslocamento aprendidos.",
        "Operation that standardises each pre-activation with the mean and "
        "variance of the batch of examples, then applies a learned scale and "
        "shift.",
        avoid=("batch normalization", "batch norm", "batchnorm"),
    ),
    Term(
        "decaimento de pesos",
        "weight decay",
        "Termo que, a cada passo do treinamento, puxa os parâmetros para 0; na "
        "descida do gradiente simples, equivale a somar à perda uma penalidade "
        "proporcional à soma dos seus quadrados.",
        "Term that pulls the parameters towards 0 at every training step; with "
        "plain gradient descent it amounts to adding to the loss a penalty "
        "proportional to the sum of their squares.",
    ),
    Term(
        "sobreajuste",
        "overfitting",
        "Ajuste do modelo aos dados de treinamento, ruído incluído, que o faz "
        "errar mais em dados novos do que nos de treinamento.",
        "Fit of the model to its training data, noise included, that makes it "
        "err more on new data than on the training data.",
        avoid=("sobreajustamento", "sobre-ajuste"),
    ),
    Term(
        "autonormalização",
        "self-normalisation",
        "Propriedade das redes com SELU e a inicialização adequada: média perto de "
        "0 e variância perto de 1 nas ativações, camada após camada.",
        "Property of SELU networks with the matching initialisation: activations "
        "keep a mean near 0 and a variance near 1, layer after layer.",
        avoid=("auto-normalização",),
    ),
    Term(
        "normalização de camada",
        "layer normalisation",
        "Operação que padroniza as pré-ativações de cada exemplo com a média e a "
        "variância das unidades da camada e depois aplica uma escala e um "
        "deslocamento aprendidos.",
        "Operation that standardises the pre-activations of each example with the "
        "mean and variance over the layer's units, then applies a learned scale "
        "and shift.",
        avoid=(
            "layer normalization",
            "layer norm",
            "layernorm",
            "normalização por camada",
        ),
    ),
    Term(
        "conexão residual",
        "residual connection",
        "Caminho que soma a entrada de um bloco de camadas à sua saída, h + F(h); "
        "por ele o gradiente passa sem ser multiplicado pelas derivadas do bloco.",
        "Path that adds the input of a block of layers to its output, h + F(h); "
        "the gradient crosses it without being multiplied by the block's "
        "derivatives.",
        avoid=(
            "conexão de salto",
            "ligação residual",
            "skip connection",
            "residual connection",
        ),
    ),
    Term(
        "propagação do sinal",
        "signal propagation",
        "Como a variância das ativações, para a frente, e a dos gradientes, para "
        "trás, muda de camada em camada numa rede.",
        "How the variance of the activations, forward, and that of the gradients, "
        "backward, changes from layer to layer in a network.",
    ),
    Term(
        "ganho",
        "gain",
        "Número que multiplica o desvio-padrão dos pesos iniciais; o PyTorch "
        "recomenda um para cada função de ativação.",
        "Number that multiplies the standard deviation of the initial weights; "
        "PyTorch recommends one for each activation function.",
        tooltip=False,  # "ganho" also means an improvement on other pages
    ),
    Term(
        "ponto fixo",
        "fixed point",
        "Valor que uma regra de atualização leva nele mesmo; numa rede profunda, a "
        "variância para a qual as camadas convergem.",
        "Value that an update rule maps to itself; in a deep network, the variance "
        "the layers converge to.",
    ),
    Term(
        "teoria de campo médio",
        "mean-field theory",
        "Análise de redes aleatórias no limite de camadas infinitamente largas, "
        "em que a variância e a correlação seguem regras determinísticas de "
        "camada em camada.",
        "Analysis of random networks in the limit of infinitely wide layers, where "
        "the variance and the correlation follow deterministic rules from layer "
        "to layer.",
        avoid=("mean-field", "mean field"),
    ),
    Term(
        "borda do caos",
        "edge of chaos",
        "Fronteira entre a fase ordenada, em que os gradientes desaparecem, e a "
        "caótica, em que explodem; nela o sinal atravessa muitas camadas.",
        "Boundary between the ordered phase, where gradients vanish, and the "
        "chaotic one, where they explode; near it the signal crosses many layers.",
        avoid=("beira do caos", "limiar do caos", "edge of chaos"),
    ),
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
        "diferenças finitas",
        "finite differences",
        "Estimativa da derivada por (f(x + h) − f(x − h)) / 2h com h pequeno.",
        "Estimate of the derivative by (f(x + h) − f(x − h)) / 2h with small h.",
    ),
    Term(
        "diferenciação automática",
        "automatic differentiation",
        "Cálculo das derivadas de um programa aplicando a regra da cadeia operação "
        "por operação, como fazem PyTorch e JAX; exato a menos do arredondamento.",
        "Computing the derivatives of a program by applying the chain rule "
        "operation by operation, as PyTorch and JAX do; exact up to rounding.",
        avoid=("autodiferenciação",),
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
        "zigue-zague",
        "zig-zag",
        "Trajetória da descida do gradiente que muda de direção a cada passo em vez "
        "de seguir direto ao mínimo; aparece, por exemplo, quando todas as entradas "
        "de um neurônio são positivas.",
        "Path of gradient descent that changes direction at every step instead of "
        "heading straight to the minimum; it appears, for example, when all the "
        "inputs of a neuron are positive.",
        avoid=("ziguezague", "zig-zag", "zigzag"),
    ),
    Term(
        "platô",
        "plateau",
        "Região onde a função é quase constante, e a derivada, quase zero.",
        "Region where the function is nearly constant and its derivative nearly zero.",
        avoid=("plateau", "plateaus", "patamar"),
    ),
    Term(
        "cauda plana",
        "flat tail",
        "Semirreta em que |f′| fica abaixo de um limiar até o infinito: um "
        "gradiente que atravessa a função ali sai muito menor.",
        "Half-line on which |f′| stays below a threshold all the way to infinity: "
        "a gradient crossing the function there comes out much smaller.",
    ),
    Term(
        "zona morta",
        "dead zone",
        "Região em que a derivada da função de ativação é exatamente zero: um "
        "neurônio cuja pré-ativação está ali não recebe gradiente.",
        "Region where the derivative of the activation function is exactly zero: "
        "a unit whose pre-activation lies there receives no gradient.",
    ),
    Term(
        "saturação",
        "saturation",
        "Comportamento de uma função que se aproxima de um valor constante para "
        "entradas grandes.",
        "Behaviour of a function that approaches a constant for large inputs.",
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
    ),
    Term(
        "explosão do gradiente",
        "exploding gradient",
        "Crescimento do gradiente ao atravessar muitas camadas, que torna os "
        "passos da descida do gradiente grandes demais.",
        "Growth of the gradient through many layers, which makes the steps of "
        "gradient descent far too large.",
        avoid=("gradiente explosivo", "exploding gradient"),
    ),
    Term(
        "ReLU morta",
        "dying ReLU",
        "Neurônio ReLU cuja pré-ativação é negativa para toda entrada: sua saída "
        "e seu gradiente são sempre zero.",
        "ReLU unit whose pre-activation is negative for every input: its output "
        "and gradient are always zero.",
        avoid=("ReLU moribunda", "dying ReLU"),
    ),
    # --- functions ---------------------------------------------------------------
    Term(
        "função degrau",
        "step function",
        "Função que vale 0 para entradas negativas e 1 para positivas.",
        "Function that is 0 for negative inputs and 1 for positive ones.",
        avoid=("função escada",),
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


def terms() -> tuple[Term, ...]:
    """Every glossary entry, grouped by topic (the page sorts them)."""
    return TERMS


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical key that ignores accents and case (``é`` sorts with ``e``).

    Examples
    --------
    >>> sorted(["época", "entrada", "ReLU", "platô", "peso"], key=sort_key)
    ['entrada', 'época', 'peso', 'platô', 'ReLU']
    """
    plain = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return plain.casefold(), text


def table(lang: str) -> str:
    """The glossary as a Markdown table, sorted by the term in ``lang``.

    Columns: the term in ``lang``, the term in the other language and the
    definition in ``lang``; the Portuguese table adds the discouraged synonyms
    (`Term.avoid`).

    Parameters
    ----------
    lang : str
        ``"pt"`` or ``"en"``.

    Returns
    -------
    str
        A Markdown table, one row per term.

    Examples
    --------
    >>> print(table("en").splitlines()[0])
    | Term | In Portuguese | Definition |
    """
    from snippets.tables import markdown_table  # numerical imports, only here

    check_lang(lang)
    keys = ["glossary_col_term", "glossary_col_other", "glossary_col_definition"]
    if lang == "pt":
        keys.append("glossary_col_avoid")
    rows = []
    for term in sorted(TERMS, key=lambda term: sort_key(term.term(lang))):
        cells = [f"**{term.term(lang)}**", term.other(lang), term.definition(lang)]
        if lang == "pt":
            cells.append(", ".join(term.avoid) or "—")
        rows.append(cells)
    return markdown_table([t(key, lang) for key in keys], rows)


def abbreviations(lang: str) -> str:
    """Markdown abbreviation definitions that turn terms into tooltips.

    Each line reads ``*[term]: definition``; the Markdown ``abbr`` extension then
    wraps every occurrence of the term on a page in an ``<abbr>`` whose title
    Material shows as a tooltip.

    Parameters
    ----------
    lang : str
        ``"pt"`` or ``"en"``.

    Returns
    -------
    str
        One line per term with ``tooltip=True``, ending in a newline.
    """
    lines = [f"*[{t.term(lang)}]: {t.definition(lang)}" for t in TERMS if t.tooltip]
    return "\n".join(lines) + "\n"
