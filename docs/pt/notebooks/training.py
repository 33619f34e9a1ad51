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
# - comparar funções de ativação mudando só a função e mantendo todo o resto fixo;
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
from snippets.i18n import fmt_auto, fmt_number
from snippets.nn import MLP, accuracy, layer_gradient_norms, train
from snippets.publish import show

# %% [markdown]
# ## O conjunto de dados: duas luas
#
# Duas meias-luas encaixadas uma na outra, com um pouco de ruído. Os pontos são
# gerados no próprio código (nada é baixado) e a semente fixa garante que você
# veja os mesmos números que estão aqui.

# %%
X, y = two_moons(n=200, noise=0.15, seed=0)
print(f"{len(X)} pontos com {X.shape[1]} coordenadas")
for label in (0, 1):
    print(f"classe {label}: {(y == label).sum()} pontos")

# %% [markdown]
# ## Primeiro, um modelo linear
#
# Sem camada oculta, a rede `MLP((2, 1))` é uma regressão logística: a saída
# $z = \mathbf{x} \cdot \mathbf{w} + b$ dá a probabilidade $p = \sigma(z)$ da classe 1, e a perda é a
# entropia cruzada
#
# $$L = -\frac{1}{n} \sum_{i=1}^{n} \bigl[\, y_i \log p_i + (1 - y_i) \log(1 - p_i) \,\bigr].$$
#
# A fronteira de decisão é onde $z = 0$: uma reta no plano. Por melhor que seja o
# treinamento, uma reta não acompanha as curvas das luas.

# %%
linear = MLP((2, 1), "identity", seed=0)
history = train(linear, X, y, loss="bce", lr=0.5, epochs=400)
print(f"perda final: {fmt_number(history['loss'][-1], 'pt', 3)}")
print(f"acurácia: {fmt_number(100 * accuracy(linear, X, y), 'pt', 1)} %")
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
# Treinamos a mesma arquitetura quatro vezes, mudando só a função de ativação das
# camadas ocultas, com a mesma semente, a mesma taxa de aprendizado e o mesmo
# número de épocas. A inicialização dos pesos acompanha a função: He [-@he2015]
# para a ReLU, Glorot [-@glorot2010] para as outras.

# %%
# função de ativação das camadas ocultas -> inicialização dos pesos
INITS = {"identity": "glorot", "sigmoid": "glorot", "tanh": "glorot",
         "relu": "he"}
models, histories, lines = {}, {}, []  # impresso de uma vez: um só bloco de saída
for name, init in INITS.items():
    models[name] = MLP((2, 16, 16, 1), name, seed=0, init=init)
    histories[name] = train(models[name], X, y, loss="bce", lr=0.5,
                            epochs=400)
    loss = fmt_number(histories[name]["loss"][-1], "pt", 3)
    acc = fmt_number(100 * accuracy(models[name], X, y), "pt", 1)
    lines.append(f"{name:>8}: perda final {loss}, acurácia {acc} %")
print("\n".join(lines))

# %% [markdown]
# ### Curvas de perda
#
# A figura mostra a perda a cada época, em escala logarítmica. Uma curva que desce
# rápido indica que o gradiente levou os pesos numa boa direção; uma curva que
# fica plana indica que o treinamento empacou.

# %%
curves = {get(name).meta.display["pt"]: history["loss"]
          for name, history in histories.items()}
show(loss_curves, curves, lang="pt")

# %% [markdown]
# Com a **identidade**, empilhar camadas não ajuda: a composição de funções afins
# ainda é afim, e a rede inteira continua sendo um modelo linear (compare a
# acurácia com a do modelo linear acima). A **sigmoide** fica presa perto dessa
# mesma solução nessas 400 épocas. A **tanh** e a **ReLU** descem bem mais e
# acertam quase todos os pontos. A curva da tanh tem um salto brusco perto do fim:
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
# ## Por que a sigmoide aprende devagar: o gradiente em cada camada
#
# Na [retropropagação](../backprop.md), o gradiente que chega a uma camada é multiplicado pela
# derivada da função de ativação de cada camada que está depois dela. A derivada
# da sigmoide é $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$, que nunca passa de
# $1/4$; a da tanh chega a $1$ em $z = 0$; a da ReLU vale $1$ para todo $z > 0$.
# Multiplicar muitos fatores menores que $1/4$ encolhe o gradiente: é o
# desaparecimento do gradiente.
#
# Para ver o efeito com clareza, usamos uma rede mais funda, com seis camadas
# ocultas, e medimos a norma do gradiente da perda em relação aos pesos de cada
# camada, ainda na inicialização (antes de qualquer passo).

# %%
deep = (2, 16, 16, 16, 16, 16, 16, 1)
norms = {}
for name, init in INITS.items():
    if name == "identity":
        continue
    model = MLP(deep, name, seed=0, init=init)
    label = get(name).meta.display["pt"]
    norms[label] = layer_gradient_norms(model, X, y)
for label, values in norms.items():
    ratio = fmt_auto(values[0] / values[-1], "pt")
    print(f"{label}: primeira camada / última camada = {ratio}")
show(gradient_norms_by_layer, norms, lang="pt")

# %% [markdown]
# Na figura, a camada 1 é a mais próxima da entrada. Com a sigmoide, a norma do
# gradiente cai camada após camada à medida que nos afastamos da saída: as
# primeiras camadas recebem um sinal muito menor do que as últimas e, com a mesma
# taxa de aprendizado, quase não se mexem. Com a tanh e a ReLU (e a inicialização
# adequada a cada uma), as normas ficam na mesma ordem de grandeza em todas as
# camadas.

# %% [markdown]
# ## Resumo
#
# - Sem camada oculta, ou com a identidade nas camadas ocultas, a rede é um modelo
#   linear, e a fronteira de decisão é uma reta.
# - Com a mesma arquitetura, a mesma semente e a mesma taxa de aprendizado, a tanh e
#   a ReLU acertam quase todos os pontos das duas luas, e a sigmoide fica perto do
#   modelo linear.
# - Numa rede de seis camadas ocultas, o gradiente da sigmoide encolhe camada após
#   camada em direção à entrada; com a tanh e a ReLU, e a inicialização adequada a
#   cada uma, ele fica na mesma ordem de grandeza em todas as camadas.

# %% [markdown]
# ## Exercícios
#
# 1. **Mais épocas para a sigmoide.** Treine a rede `MLP((2, 16, 16, 1))` com a
#    sigmoide por 2000 épocas em vez de 400. A perda e a acurácia melhoram muito?
#
#    <details><summary>Resposta</summary>
#
#    Quase nada: a perda continua praticamente no mesmo valor e a acurácia fica no
#    nível do modelo linear. O problema não é falta de épocas: com gradientes tão
#    pequenos nas primeiras camadas, cada passo da descida do gradiente mal move
#    os pesos, e a rede fica num platô.
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
#    e treine a tanh e a ReLU com 400 épocas. Qual delas se sai melhor? E com
#    3000 épocas?
#
#    <details><summary>Resposta</summary>
#
#    Em 400 épocas a ReLU já acerta bem mais pontos do que a tanh, que ainda está
#    perto de um modelo linear. Com 3000 épocas as duas acertam quase
#    todos os pontos: a tanh chega lá, só que mais devagar.
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
