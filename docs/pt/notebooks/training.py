# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Treinando uma rede do zero
#
# <div class="admonition abstract">
# <p class="admonition-title">Neste notebook</p>
#
# **Ao final, você saberá:**
#
# - treinar uma rede pequena com o pacote `snippets` e ler a sua curva de perda;
# - comparar funções de ativação mudando só a função (e a inicialização feita para
#   ela) e mantendo todo o resto fixo, em várias sementes e com a acurácia medida em
#   pontos que o treinamento não viu;
# - medir o gradiente que chega a cada camada e reconhecer o desaparecimento do
#   gradiente.
#
# **Pressupõe:**
#
# - [os limites da linearidade](../linearity.md): a fronteira de decisão de um
#   modelo linear é uma reta;
# - [retropropagação à mão](../backprop.md) e [a camada de saída](../output-layer.md):
#   gradientes, sigmoide e entropia cruzada;
# - [platôs e desaparecimento do gradiente](../properties/plateaus.md).
#
# </div>
#
# Neste notebook você treina uma pequena rede neural, escrita à mão com NumPy no
# pacote `snippets` deste site, para separar duas classes que **nenhuma reta**
# separa. Depois troca a função de ativação das camadas ocultas e compara quatro
# escolhas: a identidade, a sigmoide, a tangente hiperbólica (tanh) e a ReLU.
#
# Cada neurônio calcula $a = f(\mathbf{x} \cdot \mathbf{w} + b)$: uma soma
# ponderada das entradas $\mathbf{x}$ (um exemplo, em linha, como em todo o site)
# com os pesos $\mathbf{w}$, mais o viés $b$, passada pela função de ativação $f$.
# O treinamento ajusta cada peso $w$ e cada viés $b$ por descida do gradiente, um
# pequeno passo por época contra o gradiente da perda $L$:
#
# $$w \leftarrow w - \eta \, \frac{\partial L}{\partial w},$$
#
# em que $\eta$ é a taxa de aprendizado. Tudo roda em poucos segundos.
#
# **Para rodar:** instale o projeto (`pip install -e .` na raiz do repositório) e
# execute as células de cima para baixo.

# %% [markdown]
# ## Preparação
#
# Importamos o conjunto de dados, a rede, o treinamento e as figuras. A função
# `show` desenha cada figura abaixo da célula, com um texto alternativo que a
# descreve (fora do Jupyter, ela salva um PNG na pasta atual).

# %%
from snippets.activations import get
from snippets.datasets import two_moons
from snippets.figures import (
    decision_boundary,
    gradient_norms_by_layer,
    loss_curves,
)
from snippets.i18n import fmt_auto, fmt_list, fmt_number
from snippets.nn import MLP, accuracy, layer_gradient_norms, train
from snippets.publish import show

# %% [markdown]
# ## O conjunto de dados: duas luas
#
# Duas meias-luas encaixadas uma na outra, com um pouco de ruído. Os pontos são
# gerados no próprio código (nada é baixado) e a semente fixa garante que você
# veja os mesmos números que estão aqui. Os 200 pontos de `X, y` são os de
# treinamento; outros 1000, sorteados com outra semente, ficam de fora do
# treinamento e servem para medir a acurácia em pontos que a rede nunca viu.

# %%
X, y = two_moons(n=200, noise=0.15, seed=0)
X_test, y_test = two_moons(n=1000, noise=0.15, seed=1)  # fora do treinamento
print(f"{len(X)} pontos de treinamento com {X.shape[1]} coordenadas")
for label in (0, 1):
    print(f"classe {label}: {(y == label).sum()} pontos")
print(f"{len(X_test)} pontos fora do treinamento")

# %% [markdown]
# ## Primeiro, um modelo linear
#
# Sem camada oculta, a rede `MLP((2, 1))` é uma regressão logística: a saída
# $z = \mathbf{x} \cdot \mathbf{w} + b$ dá a probabilidade $p = \sigma(z)$ da classe 1, e a perda é a
# entropia cruzada
#
# $$L = -\frac{1}{n} \sum_{i=1}^{n} \bigl[\, y_i \ln p_i + (1 - y_i) \ln(1 - p_i) \,\bigr].$$
#
# A fronteira de decisão é onde $z = 0$: uma reta no plano. Por melhor que seja o
# treinamento, uma reta não acompanha as curvas das luas.

# %%
linear = MLP((2, 1), "identity", seed=0)
history = train(linear, X, y, loss="bce", lr=0.5, epochs=400)
print(f"perda final: {fmt_number(history['loss'][-1], 'pt', 3)}")
train_acc = fmt_number(100 * accuracy(linear, X, y), "pt", 1)
test_acc = fmt_number(100 * accuracy(linear, X_test, y_test), "pt", 1)
print(f"acurácia nos pontos de treinamento: {train_acc} %")
print(f"acurácia fora do treinamento: {test_acc} %")
show(decision_boundary, linear.predict, X, y, lang="pt",
     title_key="nb_title_linear")

# %% [markdown]
# O fundo mostra a classe que o modelo prevê em cada ponto do plano, e a linha
# entre as duas cores do fundo é a fronteira de decisão. Os pontos que caem do
# lado errado da reta são os erros do modelo: eles ficam nas pontas das luas,
# onde uma classe entra na curva da outra.

# %% [markdown]
# ## Duas camadas ocultas, quatro funções de ativação
#
# Agora a rede tem duas camadas ocultas de 16 neurônios: `MLP((2, 16, 16, 1))`.
# Treinamos a mesma arquitetura com cada função de ativação nas camadas ocultas,
# com os mesmos dados, a mesma taxa de aprendizado e o mesmo número de épocas. A
# inicialização dos pesos acompanha a função: He [-@he2015] para a ReLU, Glorot
# [-@glorot2010] para as outras. Um só sorteio dos pesos iniciais pode dar sorte
# ou azar, então cada função é treinada a partir de cinco sementes (0 a 4), e a
# célula imprime a acurácia de cada uma nos 1000 pontos fora do treinamento. As
# figuras a seguir usam a semente 0.

# %%
# função de ativação das camadas ocultas -> inicialização dos pesos
INITS = {"identity": "glorot", "sigmoid": "glorot", "tanh": "glorot",
         "relu": "he"}
models, histories, lines = {}, {}, []  # impresso de uma vez, num só bloco
for name, init in INITS.items():
    accs = []
    for seed in range(5):
        model = MLP((2, 16, 16, 1), name, seed=seed, init=init)
        history = train(model, X, y, loss="bce", lr=0.5, epochs=400)
        accs.append(fmt_number(100 * accuracy(model, X_test, y_test), "pt", 1))
        if seed == 0:  # a semente 0 fica para as figuras
            models[name], histories[name] = model, history
    lines.append(f"{get(name).meta.display['pt']}: {fmt_list(accs, 'pt')} %")
print("acurácia fora do treinamento, sementes 0 a 4:")
print("\n".join(lines))

# %% [markdown]
# ### Curvas de perda
#
# A figura mostra a perda a cada época, em escala logarítmica, na semente 0. Uma curva que desce
# rápido indica que o gradiente levou os pesos numa boa direção; uma curva que
# fica plana indica que o treinamento empacou.

# %%
curves = {get(name).meta.display["pt"]: history["loss"]
          for name, history in histories.items()}
show(loss_curves, curves, lang="pt")

# %% [markdown]
# Com a **identidade**, empilhar camadas não ajuda: a composição de funções afins
# ainda é afim, e a rede inteira continua sendo um modelo linear (compare a
# acurácia com a do modelo linear acima: 87 % em todas as sementes). A
# **sigmoide** fica presa perto dessa mesma solução nessas 400 épocas, também em
# todas as sementes. A **ReLU** desce bem mais e acerta de 97 a 98 % dos pontos
# fora do treinamento em todas as sementes; a **tanh** também, em quatro das cinco,
# mas na semente 1 ela fica na solução linear (87 %). Comparar as funções numa só
# semente teria escondido isso. A curva da tanh na semente 0 tem um salto brusco perto do fim:
# um passo longo demais para aquele ponto da superfície de perda, do qual a
# descida do gradiente se recupera nas épocas seguintes.
#
# ### Fronteiras de decisão
#
# As fronteiras mostram o que cada rede aprendeu. Com funções de ativação não
# lineares, a fronteira pode se curvar.

# %%
for name in ["sigmoid", "tanh", "relu"]:
    predict = models[name].predict
    show(decision_boundary, predict, X, y, lang="pt",
         title_key=f"nb_title_{name}")

# %% [markdown]
# A fronteira da sigmoide ainda é quase reta. As da tanh e da ReLU se dobram em
# volta das pontas das luas; a da ReLU é feita de trechos retos, porque a ReLU é
# linear por partes, com um ponto anguloso em zero.

# %% [markdown]
# ## Um segundo problema nas redes profundas: o gradiente em cada camada
#
# Na rede acima, depois das suas 400 épocas, o gradiente da sigmoide é pequeno e
# tem mais ou menos o mesmo tamanho em todas as camadas: a rede está num platô perto
# da solução linear (exercício 1). Empilhar mais camadas acrescenta um segundo
# efeito. Na [retropropagação](../backprop.md), o gradiente dos pesos de uma camada é
# multiplicado pela derivada da função de ativação da própria camada e de cada
# camada oculta depois dela. A derivada
# da sigmoide é $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$, que nunca passa de
# $1/4$; a da tanh chega a $1$ em $z = 0$; a da ReLU vale $1$ para todo $z > 0$.
# Multiplicar muitos fatores menores que $1/4$ encolhe o gradiente: é o
# desaparecimento do gradiente.
#
# Para ver o efeito com clareza, usamos uma rede mais profunda, com seis camadas
# ocultas, e medimos a norma do gradiente da perda em relação aos pesos de cada
# camada, ainda na inicialização (antes de qualquer passo).

# %%
deep = (2, 16, 16, 16, 16, 16, 16, 1)
norms = {}  # semente 0, para a figura
print("primeira camada / última camada, sementes 0 a 4:")
for name, init in INITS.items():
    if name == "identity":
        continue
    label, ratios = get(name).meta.display["pt"], []
    for seed in range(5):
        model = MLP(deep, name, seed=seed, init=init)
        values = layer_gradient_norms(model, X, y)
        ratios.append(fmt_auto(values[0] / values[-1], "pt"))
        if seed == 0:
            norms[label] = values
    print(f"{label}: {fmt_list(ratios, 'pt')}")
show(gradient_norms_by_layer, norms, lang="pt")

# %% [markdown]
# Na figura (semente 0), a camada 1 é a mais próxima da entrada. Com a sigmoide, a
# norma do gradiente cai camada após camada à medida que nos afastamos da saída:
# em todas as sementes, a primeira camada recebe menos de um milésimo do que recebe
# a última e, com a mesma taxa de aprendizado, quase não se mexe. Com a tanh e a
# ReLU (e a inicialização adequada a cada uma), a razão entre a primeira e a
# última camada fica dentro de um fator de cerca de dez, para mais ou para menos,
# em todas as sementes.

# %% [markdown]
# ## Resumo
#
# - Sem camada oculta, ou com a identidade nas camadas ocultas, a rede é um modelo
#   linear, e a fronteira de decisão é uma reta.
# - Com a mesma arquitetura, a mesma taxa de aprendizado e cinco sementes, a ReLU
#   acerta de 97 a 98 % dos pontos fora do treinamento em todas as sementes, a tanh
#   em quatro de cinco (na semente 1 fica na solução linear), e a sigmoide fica nos
#   87 % do modelo linear.
# - Numa rede de seis camadas ocultas, o gradiente da sigmoide encolhe camada após
#   camada em direção à entrada, e a primeira camada recebe menos de um milésimo do
#   que a última; com a tanh e a ReLU, e a inicialização adequada a cada uma, a
#   razão fica dentro de um fator de cerca de dez.

# %% [markdown]
# ## Exercícios
#
# 1. **Mais épocas para a sigmoide.** Treine a rede de sigmoides da comparação,
#    `MLP((2, 16, 16, 1), "sigmoid", seed=seed, init="glorot")`, nas cinco
#    sementes, e imprima `layer_gradient_norms(model, X, y)` depois das suas 400
#    épocas. Depois treine-a por 2000 épocas: a perda e a acurácia fora do
#    treinamento melhoram muito? E com `init="he"`?
#
#    <details><summary>Resposta</summary>
#
#    Depois de 400 épocas, as normas do gradiente das três camadas ficam todas entre
#    0,0015 e 0,0026 em todas as sementes: pequenas, e mais ou menos iguais em todas
#    as camadas. Na inicialização (imprima-as também antes do treinamento), elas
#    iam de 0,014 a 0,47, a maior na última camada em todas as sementes. Com 2000 épocas e a inicialização de Glorot, quase nada muda, em
#    todas as sementes: a perda fica
#    perto de 0,29 e a acurácia fora do treinamento no nível do modelo linear
#    (cerca de 87 %). Cada passo da
#    descida do gradiente mal move os pesos, e a rede fica num platô perto da
#    solução linear. Mas o platô não é um muro: com `init="he"`, cujos pesos são
#    maiores, três vezes na primeira camada (variância $2/2 = 1$ contra
#    $2/18 = 1/9$ de Glorot) e $\sqrt{2}$ vezes na segunda ($2/16$ contra $2/32$), a mesma rede sai dele dentro dessas 2000 épocas em
#    todas as sementes e termina entre 93 e 98 % nos pontos fora do treinamento. A
#    inicialização decide quanto tempo a sigmoide fica no platô.
#
#    </details>
#
# 2. **A taxa de aprendizado.** Repita o treinamento com a tanh usando
#    `lr=0.05`. O que muda nas curvas de perda?
#
#    <details><summary>Resposta</summary>
#
#    Com passos dez vezes menores, a perda desce bem mais devagar: em 400 épocas a
#    rede ainda não saiu da solução quase linear, e a acurácia fica perto da do
#    modelo linear. A taxa de aprendizado multiplica o gradiente em cada passo.
#
#    </details>
#
# 3. **Um conjunto de dados mais difícil.** Troque `two_moons` por `spirals`
#    (`from snippets.datasets import spirals`; `X, y = spirals(n=200, seed=0)`)
#    e treine a tanh e a ReLU, cada uma com a sua inicialização da comparação
#    (`INITS`), nas cinco sementes, por 400 épocas. Qual delas acerta mais pontos
#    de treinamento? E com 3000 épocas? Como referência, treine também o modelo
#    linear `MLP((2, 1), "identity", seed=0, init="glorot")` nas espirais (3000
#    épocas): quantos pontos uma reta acerta?
#
#    <details><summary>Resposta</summary>
#
#    Em 400 épocas a ReLU acerta de 74 a 95 % dos pontos, enquanto a tanh fica, em
#    todas as sementes, perto dos 64,5 % de uma reta. Com 3000 épocas a ReLU acerta
#    99 % ou mais em todas as sementes, e a tanh 99 % em quatro das cinco; na
#    semente 1 ela continua na reta. A tanh chega lá mais devagar, e não a partir
#    de todos os pesos iniciais: na semente 1, não chega.
#
#    </details>
#
# 4. **Uma conta com a derivada.** A derivada da sigmoide nunca passa de $1/4$.
#    Numa rede com seis camadas ocultas de sigmoide, qual é o maior fator pelo qual
#    essas derivadas, multiplicadas, podem escalar o gradiente que chega à
#    primeira camada?
#
#    <details><summary>Resposta</summary>
#
#    $(1/4)^6 = 1/4096$. Os pesos também entram no produto, e por isso a queda
#    medida não é exatamente essa; mas o limite mostra por que a sigmoide, empilhada
#    em muitas camadas, sofre com o desaparecimento do gradiente.
#
#    </details>
#
# 5. **Por que a identidade não ajuda?** Mostre que duas camadas com a
#    identidade, $(\mathbf{x} W_1 + \mathbf{b}_1) W_2 + \mathbf{b}_2$, equivalem a
#    uma única camada.
#
#    <details><summary>Resposta</summary>
#
#    Basta expandir: $\mathbf{x} W_1 W_2 + (\mathbf{b}_1 W_2 + \mathbf{b}_2) =
#    \mathbf{x} W + \mathbf{b}$, com $W = W_1 W_2$ e
#    $\mathbf{b} = \mathbf{b}_1 W_2 + \mathbf{b}_2$. Qualquer número de camadas com a identidade se reduz a
#    uma única camada linear, e a fronteira de decisão continua sendo uma reta.
#
#    </details>

# %% [markdown]
# ## Referências
#
# <div id="refs"></div>
