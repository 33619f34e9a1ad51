"""Glossary terms: the neuron, the network and linearity.

Part of the glossary's data (see :mod:`snippets.glossary`, which gathers the
topics into ``TERMS`` in this order).
"""

from snippets.terms import Term

TERMS: tuple[Term, ...] = (
    # --- the neuron and the network ----------------------------------------------
    Term(
        "neurônio artificial",
        "artificial neuron",
        "Elemento de uma rede que calcula a soma ponderada das entradas mais um viés "
        "e aplica uma função de ativação.",
        "Element of a network that computes the weighted sum of its inputs plus a "
        "bias and applies an activation function.",
        avoid=("neurónio", "neurónios", "unidade"),
        # names of the literature, not the neuron of this site
        allow=(
            "unidade linear",
            "unidade com porta",
            "unidade tanh com porta",
            "unidade Maxout",
            "unidade lógica de limiar",
            "unidade de medida",
        ),
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
        bridge="bias",
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
        "notebook",
        "notebook",
        "Documento que mistura texto, código e os resultados do código, executado "
        "célula por célula (no Jupyter ou no Colab); o deste site pode ser baixado "
        "e rodado.",
        "Document that mixes text, code and the code's results, run cell by cell "
        "(in Jupyter or Colab); this site's can be downloaded and run.",
        avoid=("caderno",),
        tooltip=False,
    ),
    Term(
        "registro",
        "registry",
        "A lista das funções de ativação deste site, no pacote snippets: cada "
        "entrada guarda a função, a derivada e os seus dados (nomes, fórmula, "
        "intervalo, origem); as tabelas, as fichas, as figuras e os testes são "
        "gerados a partir dela.",
        "The list of this site's activation functions, in the snippets package: "
        "each entry holds the function, its derivative and its data (names, "
        "formula, range, origin); the tables, cards, figures and tests are "
        "generated from it.",
        avoid=("registry",),
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
        bridge="hidden layer",
    ),
    Term(
        "camada densa",
        "dense layer",
        "Camada em que cada neurônio recebe todas as entradas, cada uma com um peso "
        "próprio: z = xW + b, com W de forma n_in × n_out (nn.Linear no PyTorch, "
        "que guarda a transposta de W).",
        "Layer in which every neuron receives every input, each with a weight of "
        "its own: z = xW + b, with W of shape n_in × n_out (nn.Linear in PyTorch, "
        "which stores the transpose of W).",
        avoid=("camada totalmente conectada", "camada completamente conectada"),
        bridge="dense layer",
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
        "rede feedforward",
        "feed-forward network",
        "Rede em que o sinal só vai da entrada para a saída, camada após camada, "
        "sem ciclos (ao contrário de uma rede recorrente); o perceptron "
        "multicamadas é o exemplo mais simples.",
        "Network in which the signal only goes from the input to the output, layer "
        "after layer, with no cycles (unlike a recurrent network); the multilayer "
        "perceptron is the simplest example.",
        avoid=("rede direta", "rede de alimentação direta", "rede alimentada adiante"),
        bridge="feedforward network",
        en_avoid=("feedforward network",),
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
        bridge="multilayer perceptron",
    ),
    Term(
        "rede recorrente",
        "recurrent network",
        "Rede que lê uma sequência passo a passo, com os mesmos pesos em cada "
        "passo, levando adiante um estado.",
        "Network that reads a sequence step by step, with the same weights at "
        "every step, carrying a state forward.",
        bridge="recurrent network",
    ),
    Term(
        "LSTM",
        "LSTM",
        "Rede recorrente (long short-term memory) cuja célula guarda, além da "
        "saída, um estado c: a cada passo, três portas sigmoides decidem quanto de "
        "c apagar (a porta de esquecimento), quanto escrever nele e quanto dele ler; "
        "a tangente hiperbólica limita o que é escrito e o que é lido.",
        "Recurrent network (long short-term memory) whose cell keeps, besides its "
        "output, a state c: at every step three sigmoid gates decide how much of c "
        "to erase (the forget gate), how much to write into it and how much of it to "
        "read; the hyperbolic tangent bounds what is written and what is read.",
    ),
    Term(
        "GRU",
        "GRU",
        "Rede recorrente (gated recurrent unit) mais simples que a LSTM: duas portas "
        "sigmoides, de atualização e de reinício, e um só estado, que é também a "
        "saída.",
        "Recurrent network (gated recurrent unit) simpler than the LSTM: two sigmoid "
        "gates, update and reset, and a single state, which is also the output.",
    ),
    Term(
        "porta",
        "gate",
        "Fator que multiplica um sinal elemento a elemento e controla quanto dele "
        "passa adiante: nas redes recorrentes como a LSTM e na GLU, a saída de uma "
        "sigmoide, entre 0 e 1; na GELU e na SiLU, Φ(x) e σ(x), que multiplicam x; "
        "ali a porta vem da própria pré-ativação, e por isso a GELU e a SiLU são "
        "funções de um número, não unidades com porta.",
        "Factor that multiplies a signal elementwise and controls how much of it "
        "goes through: in recurrent networks such as the LSTM and in the GLU, the "
        "output of a sigmoid, between 0 and 1; in GELU and SiLU, Φ(x) and σ(x), "
        "which multiply x; there the gate comes from the pre-activation itself, so "
        "GELU and SiLU are functions of one number, not gated units.",
        bridge="gate",
        avoid=("torneira",),
    ),
    Term(
        "unidade com porta",
        "gated unit",
        "Neurônio que multiplica, elemento a elemento, uma função linear da entrada "
        "(xW + b, no sentido deste site) por uma porta calculada de outra função "
        "linear da mesma entrada; uma camada GLU, SwiGLU ou GEGLU é feita desses "
        "neurônios. Não é uma função de uma única pré-ativação.",
        "Neuron that multiplies, elementwise, a linear map of its input (xW + b, in "
        "this site's sense) by a gate computed from another linear map of the same "
        "input; a GLU, SwiGLU or GEGLU layer is made of such neurons. It is not a "
        "function of one pre-activation.",
        bridge="gated unit",
    ),
    Term(
        "unidade linear com porta",
        "gated linear unit",
        "Unidade com porta da GLU: a porta é a sigmoide de uma função linear da "
        "entrada (xW + b, no sentido deste site); SwiGLU e GEGLU trocam essa "
        "sigmoide pela SiLU e pela GELU.",
        "The gated unit of the GLU: the gate is the sigmoid of a linear map of the "
        "input (xW + b, in this site's sense); SwiGLU and GEGLU replace that sigmoid "
        "by SiLU and GELU.",
        bridge="gated linear unit",
    ),
    Term(
        "Maxout",
        "Maxout",
        "Neurônio que calcula k funções lineares da entrada (xW + b, no sentido deste "
        "site) e devolve a maior; contém a ReLU e a ReLU com vazamento como casos "
        "particulares.",
        "Neuron that computes k linear maps of its input (xW + b, in this site's "
        "sense) and returns the largest; it contains ReLU and Leaky ReLU as special "
        "cases.",
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
        bridge="feed-forward block",
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
    # --- other architectures, named on the pages ------------------------------
    Term(
        "rede convolucional",
        "convolutional network",
        "Rede para imagens (ou sequências) cujas camadas aplicam os mesmos pesos, um "
        "filtro pequeno, em cada posição da entrada; cada filtro produz um mapa de "
        "características, um canal da camada seguinte.",
        "Network for images (or sequences) whose layers apply the same weights, a "
        "small filter, at every position of the input; each filter produces a "
        "feature map, one channel of the next layer.",
    ),
    Term(
        "canal",
        "channel",
        "Numa rede convolucional, um dos mapas de características de uma camada (na "
        "imagem de entrada, cada cor); numa camada densa, o papel de um canal é o de "
        "um neurônio.",
        "In a convolutional network, one of a layer's feature maps (in the input "
        "image, each colour); in a dense layer, a neuron plays the part of a "
        "channel.",
    ),
    Term(
        "GAN",
        "GAN",
        "Rede adversária generativa (generative adversarial network): duas redes "
        "treinadas uma contra a outra, um gerador que produz exemplos (imagens, por "
        "exemplo) a partir de ruído e um discriminador que tenta distingui-los dos "
        "exemplos reais.",
        "Generative adversarial network: two networks trained against each other, a "
        "generator that produces examples (images, say) from noise and a "
        "discriminator that tries to tell them from real examples.",
    ),
    Term(
        "autoencoder variacional",
        "variational autoencoder",
        "Rede gerativa que descreve cada exemplo por uma distribuição normal (prevê a "
        "média e o desvio-padrão) e aprende a reconstruí-lo a partir de amostras "
        "dela; novas amostras geram novos exemplos.",
        "Generative network that describes each example by a normal distribution "
        "(it predicts the mean and the standard deviation) and learns to rebuild it "
        "from samples of it; new samples generate new examples.",
    ),
    Term(
        "rede de neurônios pulsantes",
        "spiking neural network",
        "Rede cujos neurônios se comunicam por pulsos binários ao longo do tempo, "
        "como os neurônios biológicos: cada um dispara quando um potencial interno "
        "passa de um limiar.",
        "Network whose neurons communicate by binary pulses over time, like "
        "biological neurons: each fires when an internal potential crosses a "
        "threshold.",
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
        en_avoid=("nonlinear",),
    ),
    Term(
        "não linearidade",
        "non-linearity",
        "O fato de ser não linear; também se diz da própria função de ativação.",
        "The quality of being non-linear; also a name for the activation function "
        "itself.",
        avoid=("não-linearidade",),
        en_avoid=("nonlinearity",),
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
        bridge="decision boundary",
    ),
    Term(
        "teorema da aproximação universal",
        "universal approximation theorem",
        "Resultado segundo o qual uma rede com uma camada oculta e ativação não "
        "polinomial (localmente limitada e contínua por partes, como todas as do "
        "catálogo) aproxima qualquer função contínua numa região fechada e limitada "
        "tão bem quanto se queira, dados neurônios suficientes.",
        "Result stating that a network with one hidden layer and a non-polynomial "
        "activation (locally bounded and piecewise continuous, as all of the "
        "catalogue's are) approximates any continuous function on a closed, bounded "
        "region as closely as desired, given enough neurons.",
        bridge="universal approximation theorem",
    ),
)
