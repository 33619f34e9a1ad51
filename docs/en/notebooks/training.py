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
# # Training a network from scratch
#
# <div class="admonition abstract">
# <p class="admonition-title">In this notebook</p>
#
# **You will be able to:**
#
# - train a small network with the `snippets` package and read its loss curve;
# - compare activation functions by changing only the function (and the
#   initialisation made for it) and holding everything else fixed, over several
#   seeds and with the accuracy measured on points training did not see;
# - measure the gradient that reaches each layer and recognise the vanishing
#   gradient.
#
# **Assumes:**
#
# - [the limits of linearity](../linearity.md): a linear model's decision
#   boundary is a line;
# - [backpropagation by hand](../backprop.md) and [the output layer](../output-layer.md):
#   gradients, the sigmoid and cross-entropy;
# - [plateaus and vanishing gradients](../properties/plateaus.md).
#
# </div>
#
# In this notebook you train a small neural network, written by hand with NumPy in
# this site's `snippets` package, to separate two classes that **no straight line**
# can separate. Then you swap the activation function of the hidden layers and
# compare four choices: the identity, the sigmoid, the hyperbolic tangent (tanh)
# and ReLU.
#
# Each neuron computes $a = f(\mathbf{x} \cdot \mathbf{w} + b)$: a weighted sum
# of the inputs $\mathbf{x}$ (one example, as a row, as everywhere on the site)
# with the weights $\mathbf{w}$, plus the bias $b$, passed through the activation
# function $f$. Training adjusts every weight $w$ and every bias $b$ by gradient
# descent, one small step per epoch against the gradient of the loss $L$:
#
# $$w \leftarrow w - \eta \, \frac{\partial L}{\partial w},$$
#
# where $\eta$ is the learning rate. Everything runs in a few seconds.
#
# **To run it:** install the project (`pip install -e .` at the root of the
# repository) and run the cells from top to bottom.

# %% [markdown]
# ## Setup
#
# We import the data set, the network, the training loop and the figures. The
# function `show` draws each figure below the cell, with alternative text that
# describes it (outside Jupyter, it saves a PNG in the current folder).

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
# ## The data set: two moons
#
# Two half-moons that interlock, with a little noise. The points are generated in
# code (nothing is downloaded), and the fixed seed means you see the same numbers
# as shown here. The 200 points of `X, y` are the training points; another 1000,
# drawn with another seed, are held out of training and measure the accuracy on
# points the network never saw.

# %%
X, y = two_moons(n=200, noise=0.15, seed=0)
X_test, y_test = two_moons(n=1000, noise=0.15, seed=1)  # held out
print(f"{len(X)} training points with {X.shape[1]} coordinates")
for label in (0, 1):
    print(f"class {label}: {(y == label).sum()} points")
print(f"{len(X_test)} held-out points")

# %% [markdown]
# ## First, a linear model
#
# Without a hidden layer, the network `MLP((2, 1))` is a logistic regression: the
# output $z = \mathbf{x} \cdot \mathbf{w} + b$ gives the probability $p = \sigma(z)$ of class 1, and
# the loss is the cross-entropy
#
# $$L = -\frac{1}{n} \sum_{i=1}^{n} \bigl[\, y_i \ln p_i + (1 - y_i) \ln(1 - p_i) \,\bigr].$$
#
# The decision boundary is where $z = 0$: a straight line in the plane. However
# well it is trained, a line cannot follow the curves of the moons.

# %%
linear = MLP((2, 1), "identity", seed=0)
history = train(linear, X, y, loss="bce", lr=0.5, epochs=400)
print(f"final loss: {fmt_number(history['loss'][-1], 'en', 3)}")
train_acc = fmt_number(100 * accuracy(linear, X, y), "en", 1)
test_acc = fmt_number(100 * accuracy(linear, X_test, y_test), "en", 1)
print(f"accuracy on the training points: {train_acc} %")
print(f"held-out accuracy: {test_acc} %")
show(decision_boundary, linear.predict, X, y, lang="en",
     title_key="nb_title_linear")

# %% [markdown]
# The background shows the class the model predicts at each point of the plane,
# and the line between the two background colours is the decision boundary. The
# points on the wrong side of the line are the model's mistakes: they sit at the
# tips of the moons, where one class reaches into the curve of the other.

# %% [markdown]
# ## Two hidden layers, four activation functions
#
# Now the network has two hidden layers of 16 neurons: `MLP((2, 16, 16, 1))`. We
# train the same architecture with each activation function in the hidden layers,
# with the same data, the same learning rate and the same number of epochs. The
# weight initialisation follows the function: He [-@he2015] for ReLU, Glorot
# [-@glorot2010] for the others. A single draw of the initial weights can be lucky
# or unlucky, so each function is trained from five seeds (0 to 4), and the cell
# prints the accuracy of each on the 1000 held-out points. The figures below use
# seed 0.

# %%
# activation of the hidden layers -> initialisation of the weights
INITS = {"identity": "glorot", "sigmoid": "glorot", "tanh": "glorot",
         "relu": "he"}
models, histories, lines = {}, {}, []  # printed once: one output block
for name, init in INITS.items():
    accs = []
    for seed in range(5):
        model = MLP((2, 16, 16, 1), name, seed=seed, init=init)
        history = train(model, X, y, loss="bce", lr=0.5, epochs=400)
        accs.append(fmt_number(100 * accuracy(model, X_test, y_test), "en", 1))
        if seed == 0:  # seed 0 is kept for the figures
            models[name], histories[name] = model, history
    lines.append(f"{get(name).meta.display['en']}: {fmt_list(accs, 'en')} %")
print("held-out accuracy, seeds 0 to 4:")
print("\n".join(lines))

# %% [markdown]
# ### Loss curves
#
# The figure shows the loss at every epoch, on a logarithmic scale, for seed 0. A curve that
# drops fast means the gradient took the weights in a good direction; a curve that
# stays flat means training got stuck.

# %%
curves = {get(name).meta.display["en"]: history["loss"]
          for name, history in histories.items()}
show(loss_curves, curves, lang="en")

# %% [markdown]
# With the **identity**, stacking layers does not help: a composition of affine
# functions is still affine, and the whole network remains a linear model (compare
# its accuracy with the linear model's above: 87 % on every seed). The **sigmoid**
# stays stuck near that same solution in these 400 epochs, on every seed too.
# **ReLU** goes much lower and gets 97 to 98 % of the held-out points right on every
# seed; **tanh** does too on four of the five, but on seed 1 it stays at the linear
# solution (87 %). Comparing the functions on a single seed would have hidden that.
# The tanh curve of seed 0 has a sudden jump near the end: a
# step too long for that point of the loss surface, from which gradient descent
# recovers in the following epochs.
#
# ### Decision boundaries
#
# The boundaries show what each network learned. With non-linear activation
# functions, the boundary can bend.

# %%
for name in ["sigmoid", "tanh", "relu"]:
    predict = models[name].predict
    show(decision_boundary, predict, X, y, lang="en",
         title_key=f"nb_title_{name}")

# %% [markdown]
# The sigmoid's boundary is still almost straight. Those of tanh and ReLU bend
# around the tips of the moons; ReLU's is made of straight pieces, because ReLU is
# piecewise linear, with a kink at zero.

# %% [markdown]
# ## A second problem in deep networks: the gradient in each layer
#
# In the network above, after its 400 epochs, the sigmoid's gradient is small and
# about the same size in every layer: the network sits on a plateau near the linear
# solution (exercise 1). Stacking more layers adds a second effect. In
# [backpropagation](../backprop.md), the gradient of a layer's weights is multiplied
# by the derivative of the activation function of its own layer and of every hidden
# layer after it. The sigmoid's
# derivative is $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$, which never exceeds
# $1/4$; tanh's reaches $1$ at $z = 0$; ReLU's is $1$ for every $z > 0$.
# Multiplying many factors below $1/4$ shrinks the gradient: this is the vanishing
# gradient.
#
# To see the effect clearly, we use a deeper network, with six hidden layers, and
# measure the norm of the gradient of the loss with respect to each layer's
# weights, still at initialisation (before any step).

# %%
deep = (2, 16, 16, 16, 16, 16, 16, 1)
norms = {}  # seed 0, for the figure
print("first layer / last layer, seeds 0 to 4:")
for name, init in INITS.items():
    if name == "identity":
        continue
    label, ratios = get(name).meta.display["en"], []
    for seed in range(5):
        model = MLP(deep, name, seed=seed, init=init)
        values = layer_gradient_norms(model, X, y)
        ratios.append(fmt_auto(values[0] / values[-1], "en"))
        if seed == 0:
            norms[label] = values
    print(f"{label}: {fmt_list(ratios, 'en')}")
show(gradient_norms_by_layer, norms, lang="en")

# %% [markdown]
# In the figure (seed 0), layer 1 is the one closest to the input. With the
# sigmoid, the gradient's norm falls layer after layer as we move away from the
# output: on every seed, the first layer receives less than a thousandth of what
# the last one receives and, with the same learning rate, hardly moves. With tanh
# and ReLU (and the initialisation suited to each), the ratio between the first and
# the last layer stays within a factor of about ten, either way, on every seed.

# %% [markdown]
# ## Summary
#
# - Without a hidden layer, or with the identity in the hidden layers, the network
#   is a linear model, and the decision boundary is a straight line.
# - With the same architecture, the same learning rate and five seeds, ReLU gets
#   97 to 98 % of the held-out points right on every seed, tanh on four of five (on
#   seed 1 it stays at the linear solution), and the sigmoid stays at the linear
#   model's 87 %.
# - In a network of six hidden layers, the sigmoid's gradient shrinks layer after
#   layer towards the input, and the first layer receives less than a thousandth of
#   what the last one does; with tanh and ReLU, and the initialisation suited to
#   each, the ratio stays within a factor of about ten.

# %% [markdown]
# ## Exercises
#
# 1. **More epochs for the sigmoid.** Train the sigmoid network of the comparison,
#    `MLP((2, 16, 16, 1), "sigmoid", seed=seed, init="glorot")`, on the five seeds,
#    and print `layer_gradient_norms(model, X, y)` after its 400 epochs. Then train
#    it for 2000 epochs instead: do the loss and the held-out accuracy improve much?
#    And with `init="he"`?
#
#    <details><summary>Answer</summary>
#
#    After 400 epochs the three layers' gradient norms are all between 0.0015 and
#    0.0026 on every seed: small, and about the same in every layer. At
#    initialisation (print them before training too) they were between 0.014 and
#    0.47, largest in the last layer on every seed. With 2000
#    epochs and Glorot's initialisation, hardly anything changes, on every seed: the loss stays near
#    0.29 and the held-out accuracy at the linear model's level (about 87 %). Each
#    gradient descent step barely moves the weights, and the network sits on a plateau near the linear solution. The
#    plateau is not a wall, though: with `init="he"`, whose weights are larger,
#    three times in the first layer (variance $2/2 = 1$ against Glorot's
#    $2/18 = 1/9$) and $\sqrt{2}$ times in the second ($2/16$ against $2/32$), the same
#    network leaves it within those 2000 epochs on every seed, and ends between 93
#    and 98 % on the held-out points. The initialisation decides how long the
#    sigmoid stays on the plateau.
#
#    </details>
#
# 2. **The learning rate.** Repeat the training with tanh using `lr=0.05`. What
#    changes in the loss curves?
#
#    <details><summary>Answer</summary>
#
#    With steps ten times smaller, the loss falls much more slowly: in 400 epochs
#    the network has not yet left the almost linear solution, and its accuracy stays
#    close to the linear model's. The learning rate multiplies the gradient at
#    every step.
#
#    </details>
#
# 3. **A harder data set.** Replace `two_moons` with `spirals`
#    (`from snippets.datasets import spirals`; `X, y = spirals(n=200, seed=0)`)
#    and train tanh and ReLU, each with its initialisation of the comparison
#    (`INITS`), on the five seeds, for 400 epochs. Which one gets more training
#    points right? And with 3000 epochs? For reference, train the linear model
#    `MLP((2, 1), "identity", seed=0, init="glorot")` on the spirals too (3000
#    epochs): how many points does a straight line get right?
#
#    <details><summary>Answer</summary>
#
#    In 400 epochs ReLU gets 74 to 95 % of the points right, while tanh is, on
#    every seed, near the 64.5 % of a straight line. With 3000 epochs ReLU gets 99 %
#    or more on every seed, and tanh 99 % on four of the five; on seed 1 it is still
#    at the straight line. tanh gets there more slowly, and not from every set of initial
#    weights: on seed 1 it does not.
#
#    </details>
#
# 4. **A calculation with the derivative.** The sigmoid's derivative never exceeds
#    $1/4$. In a network with six sigmoid hidden layers, what is the largest factor
#    by which these derivatives, multiplied together, can scale the gradient that
#    reaches the first layer?
#
#    <details><summary>Answer</summary>
#
#    $(1/4)^6 = 1/4096$. The weights enter the product too, which is why the
#    measured drop is not exactly this; but the bound shows why the sigmoid, stacked
#    over many layers, suffers from the vanishing gradient.
#
#    </details>
#
# 5. **Why does the identity not help?** Show that two layers with the identity,
#    $(\mathbf{x} W_1 + \mathbf{b}_1) W_2 + \mathbf{b}_2$, are equivalent to a
#    single layer.
#
#    <details><summary>Answer</summary>
#
#    Expand it: $\mathbf{x} W_1 W_2 + (\mathbf{b}_1 W_2 + \mathbf{b}_2) =
#    \mathbf{x} W + \mathbf{b}$, with $W = W_1 W_2$ and
#    $\mathbf{b} = \mathbf{b}_1 W_2 + \mathbf{b}_2$. Any number of identity layers reduces to a single linear
#    layer, and the decision boundary is still a straight line.
#
#    </details>

# %% [markdown]
# ## References
#
# <div id="refs"></div>
