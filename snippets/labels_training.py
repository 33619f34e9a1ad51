"""Words of the training pages' figures (backpropagation, the output layer).

Merged into `snippets.labels.LABELS` (see there for the rules).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "pt": {
        # --- training pages (snippets.figures.training) ----------------------------
        "title_backprop_graph": "Propagação direta e retropropagação",
        "bp_col_inputs": "entradas",
        "bp_col_hidden": "camada oculta, f = {name}",
        "bp_col_output": "saída",
        "bp_col_loss": "perda",
        "bp_hidden_values": "z = {z}\na = {a}",
        "bp_output_values": "z = {z}\np = {p}",
        "bp_delta": "δ = {value}",
        "bp_loss_value": "L = {loss}\ny = {y}",
        "bp_forward": "propagação direta: valores",
        "bp_backward": "retropropagação: δ = ∂L/∂z",
        "alt_backprop_graph": (
            "Diagrama de uma rede com {n_in} entradas, {n_hidden} neurônios na "
            "camada oculta, com a função de ativação {name}, e uma saída sigmoide, "
            "seguida da perda; cada seta leva o seu peso. Acima de cada neurônio, "
            "os valores da propagação direta: pré-ativações z = {z1} na camada "
            "oculta, probabilidade p = {p} na saída e perda L = {loss}. Abaixo, "
            "os δ = ∂L/∂z da retropropagação: {delta2} na saída e {delta1} na "
            "camada oculta."
        ),
        "title_logit_loss_gradient": "Um exemplo da classe 1: perda e gradiente em função do logit",
        "axis_logit": "logit z",
        "axis_logit_grad": "|∂L/∂z|",
        "bp_pair_bce": "sigmoide + entropia cruzada",
        "bp_pair_mse": "sigmoide + erro quadrático médio",
        "alt_logit_loss_gradient": (
            "Dois gráficos lado a lado, para um exemplo da classe 1 (y = 1) com "
            "logit z de {lo} a {hi}, com a saída sigmoide e duas perdas: a "
            "entropia cruzada e o erro quadrático médio. À esquerda, a perda: com a "
            "entropia cruzada ela cresce sem limite à medida que z fica mais "
            "negativo; com o erro quadrático médio ela nunca passa de 1. À direita, o "
            "valor absoluto da derivada da perda em relação a z: com a entropia "
            "cruzada ele vale {bce} em z = {lo} e cai a zero quando z cresce; com "
            "o erro quadrático médio ele vale só {mse} em z = {lo}, chega ao máximo de "
            "{peak_value} perto de z = {peak} e volta a cair."
        ),
    },
    "en": {
        # --- training pages (snippets.figures.training) ----------------------------
        "title_backprop_graph": "Forward pass and backward pass",
        "bp_col_inputs": "inputs",
        "bp_col_hidden": "hidden layer, f = {name}",
        "bp_col_output": "output",
        "bp_col_loss": "loss",
        "bp_hidden_values": "z = {z}\na = {a}",
        "bp_output_values": "z = {z}\np = {p}",
        "bp_delta": "δ = {value}",
        "bp_loss_value": "L = {loss}\ny = {y}",
        "bp_forward": "forward pass: values",
        "bp_backward": "backward pass: δ = ∂L/∂z",
        "alt_backprop_graph": (
            "Diagram of a network with {n_in} inputs, {n_hidden} units in the "
            "hidden layer, with the activation function {name}, and one sigmoid "
            "output, followed by the loss; each arrow carries its weight. Above "
            "each unit, the values of the forward pass: pre-activations z = {z1} "
            "in the hidden layer, probability p = {p} at the output and loss "
            "L = {loss}. Below, the δ = ∂L/∂z of the backward pass: {delta2} at "
            "the output and {delta1} in the hidden layer."
        ),
        "title_logit_loss_gradient": "An example of class 1: loss and gradient as functions of the logit",
        "axis_logit": "logit z",
        "axis_logit_grad": "|∂L/∂z|",
        "bp_pair_bce": "sigmoid + cross-entropy",
        "bp_pair_mse": "sigmoid + mean squared error",
        "alt_logit_loss_gradient": (
            "Two plots side by side, for an example of class 1 (y = 1) with logit "
            "z from {lo} to {hi}, with the sigmoid output and two losses: "
            "cross-entropy and the mean squared error. On the left, the loss: with "
            "cross-entropy it grows without bound as z becomes more negative; with "
            "the mean squared error it never exceeds 1. On the right, the absolute "
            "value of the derivative of the loss with respect to z: with "
            "cross-entropy it is {bce} at z = {lo} and falls to zero as z grows; "
            "with the mean squared error it is only {mse} at z = {lo}, reaches its "
            "maximum of {peak_value} near z = {peak} and falls again."
        ),
    },
}
