"""Glossary terms: training, the output layer and gradient descent.

Part of the glossary's data (see :mod:`snippets.glossary`, which gathers the
topics into ``TERMS`` in this order).
"""

from snippets.terms import Term

TERMS: tuple[Term, ...] = (
    # --- training ----------------------------------------------------------------
    Term(
        "conjunto de dados",
        "data set",
        "Os exemplos (entradas e rótulos) usados para treinar ou avaliar a rede.",
        "The examples (inputs and labels) used to train or evaluate the network.",
        avoid=("dataset", "datasets"),
        tooltip=False,
        en_avoid=("dataset",),
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
        bridge="loss",
    ),
    Term(
        "erro quadrático médio",
        "mean squared error",
        "Perda igual à média dos quadrados das diferenças entre a saída da rede e "
        "o valor desejado.",
        "Loss equal to the mean of the squared differences between the network's "
        "output and the target.",
        bridge="mean squared error",
    ),
    Term(
        "entropia cruzada",
        "cross-entropy",
        "Perda de classificação: a média de menos o logaritmo da probabilidade que "
        "a rede atribui à classe correta.",
        "Classification loss: the average of minus the logarithm of the "
        "probability the network gives the correct class.",
        bridge="cross-entropy",
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
        "aprendizado por reforço",
        "reinforcement learning",
        "Aprendizado em que um agente aprende a agir por tentativa e erro, guiado por "
        "recompensas do ambiente em vez de respostas certas.",
        "Learning in which an agent learns to act by trial and error, guided by "
        "rewards from its environment instead of right answers.",
        avoid=("aprendizagem por reforço",),
    ),
    Term(
        "acurácia",
        "accuracy",
        "Fração dos exemplos que um classificador acerta; medida em dados que não "
        "foram usados no treinamento, diz quanto ele generaliza.",
        "Fraction of the examples a classifier gets right; measured on data not "
        "used in training, it says how well it generalises.",
        avoid=("exatidão",),
        bridge="accuracy",
    ),
    Term(
        "erro top-1",
        "top-1 error",
        "Fração dos exemplos em que a classe que o classificador julga mais provável "
        "não é a correta: 1 menos a acurácia. O erro top-5 conta um erro só quando a "
        "classe correta fica fora das cinco mais prováveis.",
        "Fraction of the examples for which the class the classifier finds most "
        "probable is not the right one: 1 minus the accuracy. The top-5 error counts "
        "a mistake only when the right class is not among the five most probable.",
    ),
    Term(
        "perplexidade",
        "perplexity",
        "Medida de um modelo de linguagem num texto: a exponencial da entropia "
        "cruzada média por palavra (ou por token); quanto menor, melhor o modelo "
        "prevê o texto.",
        "Measure of a language model on a text: the exponential of the mean "
        "cross-entropy per word (or per token); the lower, the better the model "
        "predicts the text.",
    ),
    Term(
        "época",
        "epoch",
        "Uma passagem completa pelo conjunto de treinamento.",
        "One full pass over the training set.",
        bridge="epoch",
    ),
    Term(
        "dropout",
        "dropout",
        "Técnica de regularização que, no treinamento, zera cada ativação ao acaso "
        "com probabilidade p e multiplica as outras por 1/(1 − p), para manter a "
        "média; na avaliação, não zera nada. O alpha dropout, feito para a SELU, "
        "leva as ativações sorteadas ao valor de saturação e corrige a média e a "
        "variância.",
        "Regularisation technique that, during training, zeroes each activation at "
        "random with probability p and multiplies the others by 1/(1 − p), to keep "
        "the mean; at evaluation it zeroes nothing. Alpha dropout, made for SELU, "
        "sets the dropped activations to the saturation value and corrects the mean "
        "and the variance.",
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
        bridge="forward pass",
    ),
    Term(
        "caminho de volta",
        "backward pass",
        "A parte da retropropagação que vai da perda para a entrada, camada por "
        "camada, calculando o δ de cada camada e os gradientes dos seus pesos.",
        "The part of backpropagation that goes from the loss back to the input, "
        "layer by layer, computing each layer's δ and the gradients of its weights.",
        avoid=("backward pass", "passo backward", "passagem de volta"),
        bridge="backward pass",
    ),
    Term(
        "retropropagação",
        "backpropagation",
        "Cálculo do gradiente da perda em relação a cada peso pela regra da cadeia, "
        "da saída para a entrada.",
        "Computing the gradient of the loss with respect to every weight by the "
        "chain rule, from the output back to the input.",
        avoid=("backpropagation", "backprop", "retro-propagação"),
        bridge="backpropagation",
        en_avoid=("backprop", "back-propagation"),
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
        bridge="element-wise product",
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
        bridge="reverse mode",
    ),
    Term(
        "verificação do gradiente",
        "gradient check",
        "Comparação do gradiente calculado pela retropropagação com uma estimativa "
        "por diferenças finitas.",
        "Comparison of the gradient computed by backpropagation with a "
        "finite-difference estimate.",
        avoid=("gradient check", "checagem do gradiente", "checagem de gradiente"),
        bridge="gradient check",
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
        "Pré-ativação de um neurônio da camada de saída, antes da sigmoide ou da "
        "softmax; para a sigmoide, é ln(p / (1 − p)).",
        "Pre-activation of an output neuron, before the sigmoid or the softmax; for "
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
        bridge="overflow",
    ),
    Term(
        "gradiente",
        "gradient",
        "Vetor das derivadas parciais da perda em relação aos parâmetros (por extensão, em "
        "relação a qualquer grandeza intermediária, como as pré-ativações, logits "
        "incluídos).",
        "Vector of the partial derivatives of the loss with respect to the parameters (by "
        "extension, with respect to any intermediate quantity, such as the "
        "pre-activations, logits included).",
        tooltip=False,
    ),
    Term(
        "descida do gradiente",
        "gradient descent",
        "Método que ajusta os parâmetros dando passos contra o gradiente.",
        "Method that adjusts the parameters by stepping against the gradient.",
        avoid=("gradiente descendente", "descida de gradiente", "gradient descent"),
        bridge="gradient descent",
    ),
    Term(
        "momento",
        "momentum",
        "Em otimização, técnica que soma a cada passo da descida do gradiente uma "
        "fração do passo anterior: o passo ganha velocidade nas direções em que o "
        "gradiente mantém o sinal e se amortece nas que ele troca de sinal.",
        "In optimisation, a technique that adds to every step of gradient descent a "
        "fraction of the previous step: the step gathers speed along directions "
        "where the gradient keeps its sign and is damped along those where it "
        "flips.",
        tooltip=False,  # "momento" is also an everyday word ("a qualquer momento")
    ),
    Term(
        "Adam",
        "Adam",
        "Otimizador (Kingma e Ba, 2015) que combina momento com um passo próprio para "
        "cada parâmetro, dividido pela raiz da média recente dos quadrados dos "
        "gradientes desse parâmetro.",
        "Optimiser (Kingma and Ba, 2015) that combines momentum with a step of its "
        "own for each parameter, divided by the square root of the recent mean of "
        "that parameter's squared gradients.",
    ),
    Term(
        "taxa de aprendizado",
        "learning rate",
        "Tamanho do passo da descida do gradiente.",
        "Step size of gradient descent.",
        avoid=("taxa de aprendizagem", "learning rate"),
        bridge="learning rate",
    ),
)
