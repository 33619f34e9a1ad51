"""Glossary terms of deep networks: initialisation, normalisation, signal propagation.

Part of the glossary's data (see :mod:`snippets.glossary`, which gathers the
topics into ``TERMS`` in this order).
"""

from snippets.terms import Term

TERMS: tuple[Term, ...] = (
    # --- deep networks -----------------------------------------------------------
    Term(
        "inicialização",
        "initialisation",
        "Escolha dos valores iniciais dos pesos, em geral sorteados com uma "
        "variância que depende do tamanho da camada: 1/n_in (LeCun), "
        "2/(n_in + n_out) (Glorot) ou 2/n_in (He), em que n_in e n_out são os "
        "números de entradas e de saídas da camada (fan_in e fan_out no PyTorch).",
        "Choice of the weights' starting values, usually drawn with a variance set "
        "by the layer's size: 1/n_in (LeCun), 2/(n_in + n_out) (Glorot) or 2/n_in "
        "(He), where n_in and n_out are the layer's numbers of inputs and outputs "
        "(fan_in and fan_out in PyTorch).",
        bridge="initialization",
        en_avoid=("initialization",),
    ),
    Term(
        "inicialização de LeCun",
        "LeCun initialisation",
        "Inicialização com pesos de variância 1/n_in: a variância de cada "
        "pré-ativação fica igual à média dos quadrados das entradas da camada, que "
        "a SELU mantém perto de 1 (LeCun et al., 1998).",
        "Initialisation with weights of variance 1/n_in: the variance of each "
        "pre-activation equals the mean square of the layer's inputs, which SELU "
        "keeps near 1 (LeCun et al., 1998).",
        bridge="LeCun initialization",
    ),
    Term(
        "inicialização de Glorot",
        "Glorot initialisation",
        "Inicialização com pesos de variância 2/(n_in + n_out), meio-termo entre "
        "1/n_in, que mantém a variância na propagação direta, e 1/n_out, que a "
        "mantém na retropropagação, para ativações de derivada 1 em 0, como a "
        "tanh (Glorot e Bengio, 2010); no PyTorch, xavier_normal_.",
        "Initialisation with weights of variance 2/(n_in + n_out), a compromise "
        "between 1/n_in, which keeps the variance in the forward pass, and "
        "1/n_out, which keeps it in backpropagation, for activations with slope 1 "
        "at 0, such as tanh (Glorot and Bengio, 2010); in PyTorch, xavier_normal_.",
        avoid=("inicialização de Xavier", "inicialização Xavier"),
        bridge="Glorot initialization",
        en_avoid=("Xavier initialisation",),
    ),
    Term(
        "inicialização de He",
        "He initialisation",
        "Inicialização com pesos de variância 2/n_in, o dobro da de LeCun, porque "
        "a ReLU zera metade das pré-ativações e, com isso, reduz à metade a média "
        "dos seus quadrados; assim a variância se mantém de camada em camada numa "
        "rede com ReLU (He et al., 2015); no PyTorch, kaiming_normal_.",
        "Initialisation with weights of variance 2/n_in, twice LeCun's, because "
        "ReLU zeroes half the pre-activations and so halves their mean square; "
        "then the variance is kept from layer to layer in a ReLU network (He et "
        "al., 2015); in PyTorch, kaiming_normal_.",
        avoid=("inicialização de Kaiming", "inicialização Kaiming"),
        bridge="He initialization",
        en_avoid=("Kaiming initialisation",),
    ),
    Term(
        "normalização em lote",
        "batch normalisation",
        "Operação que padroniza cada pré-ativação com a média e a variância do "
        "lote de exemplos e depois aplica uma escala e um deslocamento aprendidos.",
        "Operation that standardises each pre-activation with the mean and "
        "variance of the batch of examples, then applies a learned scale and "
        "shift.",
        avoid=(
            "batch normalization",
            "batch norm",
            "batchnorm",
            "normalização por lote",
        ),
        bridge="batch normalization",
        en_avoid=("batch normalization", "batchnorm", "batch norm"),
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
        bridge="weight decay",
    ),
    Term(
        "sobreajuste",
        "overfitting",
        "Ajuste do modelo aos dados de treinamento, ruído incluído, que o faz "
        "errar mais em dados novos do que nos de treinamento.",
        "Fit of the model to its training data, noise included, that makes it "
        "err more on new data than on the training data.",
        avoid=("sobreajustamento", "sobre-ajuste"),
        bridge="overfitting",
    ),
    Term(
        "autonormalização",
        "self-normalisation",
        "Propriedade das redes com SELU e a inicialização adequada: média perto de "
        "0 e variância perto de 1 nas ativações, camada após camada.",
        "Property of SELU networks with the matching initialisation: activations "
        "keep a mean near 0 and a variance near 1, layer after layer.",
        avoid=("auto-normalização",),
        bridge="self-normalization",
        en_avoid=("self-normalization",),
    ),
    Term(
        "normalização de camada",
        "layer normalisation",
        "Operação que padroniza as pré-ativações de cada exemplo com a média e a "
        "variância dos neurônios da camada e depois aplica uma escala e um "
        "deslocamento aprendidos.",
        "Operation that standardises the pre-activations of each example with the "
        "mean and variance over the layer's neurons, then applies a learned scale "
        "and shift.",
        avoid=(
            "layer normalization",
            "layer norm",
            "layernorm",
            "normalização por camada",
        ),
        bridge="layer normalization",
        en_avoid=("layer normalization", "layer norm", "layernorm"),
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
        bridge="residual connection",
        en_avoid=("skip connection",),
    ),
    Term(
        "propagação do sinal",
        "signal propagation",
        "Como a variância das ativações, para a frente, e a dos gradientes, para "
        "trás, muda de camada em camada numa rede.",
        "How the variance of the activations, forward, and that of the gradients, "
        "backward, changes from layer to layer in a network.",
        bridge="signal propagation",
    ),
    Term(
        "ganho",
        "gain",
        "Fator que multiplica a escala de um sinal; na inicialização, o número "
        "que multiplica o desvio-padrão dos pesos iniciais, que o PyTorch dá para "
        "algumas funções de ativação (calculate_gain).",
        "Factor that multiplies the scale of a signal; in initialisation, the "
        "number that multiplies the standard deviation of the initial weights, "
        "which PyTorch gives for a few activation functions (calculate_gain).",
        bridge="gain",
    ),
    Term(
        "ponto fixo",
        "fixed point",
        "Valor que uma regra de atualização deixa inalterado: aplicada a ele, a "
        "regra devolve o mesmo valor; numa rede profunda, a variância para a qual as "
        "camadas convergem.",
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
        bridge="mean-field theory",
    ),
    Term(
        "borda do caos",
        "edge of chaos",
        "Fronteira entre a fase ordenada, em que os gradientes desaparecem, e a "
        "caótica, em que explodem; perto dela o sinal atravessa muitas camadas.",
        "Boundary between the ordered phase, where gradients vanish, and the "
        "chaotic one, where they explode; near it the signal crosses many layers.",
        avoid=("beira do caos", "limiar do caos", "edge of chaos"),
        bridge="edge of chaos",
    ),
)
