"""Every word the code shows a reader, in both languages: the label table.

`LABELS` ``[lang][key]`` is a `str.format` template; `snippets.i18n.t` looks
keys up and fills them in. Both languages have the same keys (tested); the few
whose text is the same in both are listed in `SAME_IN_BOTH`. Keys are grouped
by where they appear (axes, legends, alt text, tables, cards...).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "pt": {
        # --- axes -----------------------------------------------------------------
        "axis_input": "entrada x",
        "axis_output": "saída",
        "axis_derivative": "derivada f′(x)",
        "axis_feature_1": "entrada x₁",
        "axis_feature_2": "entrada x₂",
        "axis_epoch": "época",
        "axis_loss": "perda",
        "axis_layer": "camada (1 = mais próxima da entrada)",
        "axis_grad_norm": "norma do gradiente",
        "axis_relative_cost": "custo relativo (ReLU = 1)",
        "axis_weight_1": "peso w₁",
        "axis_weight_2": "peso w₂",
        "axis_spread": "variância entre os exemplos",
        "axis_grad_rms": "tamanho de ∂L/∂z",
        # --- titles ---------------------------------------------------------------
        "title_overview": "Algumas funções de ativação",
        "title_neuron": "Um neurônio artificial",
        "title_decision_boundary": "Fronteira de decisão",
        "title_xor_linear": "XOR com um modelo linear",
        "title_xor_nonlinear": "XOR com uma camada oculta não linear",
        "title_two_moons": "Duas luas: fronteira de decisão",
        "linearity_moons_linear": "Duas luas com um modelo linear",
        "linearity_moons_nonlinear": "Duas luas com uma camada oculta não linear",
        "title_spirals": "Espirais: fronteira de decisão",
        # notebook "Treinando uma rede do zero" (docs/*/notebooks/training.py)
        "nb_title_linear": "Duas luas: modelo linear",
        "nb_title_identity": "Duas luas: camadas ocultas com a identidade",
        "nb_title_sigmoid": "Duas luas: camadas ocultas com a sigmoide",
        "nb_title_tanh": "Duas luas: camadas ocultas com a tanh",
        "nb_title_relu": "Duas luas: camadas ocultas com a ReLU",
        "nb_link_ipynb": "Baixar o caderno (.ipynb)",
        "nb_link_source": "Fonte (.py, jupytext)",
        "nb_link_colab": "Abrir no Colab",
        "nb_install_comment": "Colab: instala o pacote usado neste caderno, se faltar.",
        "title_loss": "Perda durante o treinamento",
        "title_grad_norms": "Norma do gradiente em cada camada",
        "title_cost": "Custo de calcular cada função de ativação",
        "title_plateaus": "Derivadas e seus platôs",
        "title_zigzag": "Caminhos da descida do gradiente",
        "title_signal_forward": "Propagação direta: pré-ativações",
        "title_signal_backward": "Retropropagação: gradiente",
        # --- legends and annotations ----------------------------------------------
        "legend_function": "função f(x)",
        "legend_derivative": "derivada f′(x)",
        "legend_function_params": "f(x) com {params}",
        "legend_derivative_params": "f′(x) com {params}",
        "legend_kink": "ponto não diferenciável",
        "legend_class": "classe {label}",
        "legend_plateau": "platô (|f′| < {threshold})",
        "legend_start": "início",
        "legend_end": "fim",
        "legend_loss_level": "curvas de nível da perda",
        "legend_boundary": "fronteira de decisão",
        "legend_reference": "referência (ReLU = 1)",
        "param_value": "{param} = {value}",
        "param_alpha": "α",
        "param_beta": "β",
        "param_slope": "inclinação",
        "param_min_val": "mínimo",
        "param_max_val": "máximo",
        "neuron_input": "entrada",
        "neuron_inputs": "entradas",
        "neuron_weight": "peso",
        "neuron_bias": "viés",
        "neuron_sum": "soma ponderada",
        "neuron_preactivation": "pré-ativação",
        "neuron_activation": "função de ativação",
        "neuron_output": "saída",
        "neuron_sum_formula": "z = Σ wᵢxᵢ + b = {z}",
        "neuron_output_formula": "ŷ = f(z) = {y}",
        "cost_value": "{value}×",
        "stamp": "Medido em: {stamp}",
        "point": "({a}; {b})",
        "list_sep": "; ",
        "items_sep": "; ",
        "list_and": " e ",
        "value_of": "{value} ({label})",
        # --- alt text -------------------------------------------------------------
        "alt_activation": (
            "Gráfico da função de ativação {name}, em linha contínua, e da sua "
            "derivada, em linha tracejada, para x de {xmin} a {xmax}; {range}; "
            "{derivative}."
        ),
        "alt_range": "a saída vai de {lo} a {hi}",
        "alt_derivative_peak": "a derivada atinge o máximo de {max} em x = {at}",
        "alt_derivative_max": "a derivada fica entre {min} e {max}",
        "alt_derivative_constant": "a derivada é constante e igual a {value}",
        "alt_kinks": "; a função não é diferenciável em {points} (círculo vazado)",
        "alt_exaggerated": (
            "; as linhas pontilhada e traço-ponto repetem a função e a derivada "
            "com {params}, para deixar o efeito do parâmetro visível"
        ),
        "alt_overview": (
            "Gráfico com {count} funções de ativação para x de {xmin} a {xmax}, "
            "cada uma com cor e estilo de linha próprios: {items}."
        ),
        "alt_overview_item": "{name}, saída de {lo} a {hi}",
        "alt_neuron": (
            "Diagrama de um neurônio artificial com {count} entradas "
            "(x = {inputs}), pesos w = {weights} e viés b = {bias}; a "
            "pré-ativação (soma ponderada mais viés) é z = {z} e a saída, após "
            "a função de ativação {name}, é ŷ = {y}."
        ),
        "alt_decision_boundary": (
            "{title}: {count} pontos de {classes} classes, com marcadores de "
            "formato e cor diferentes por classe, sobre o fundo colorido pela "
            "classe prevista, para x₁ de {x1min} a {x1max} e x₂ de {x2min} a "
            "{x2max}; o modelo classifica corretamente {accuracy}% dos pontos."
        ),
        "alt_loss": (
            "Curvas de perda (eixo vertical em escala {scale}) ao longo de "
            "{epochs} épocas para {count} configurações; a perda final é "
            "{finals}; a menor é a de {best}."
        ),
        "alt_scale_log": "logarítmica",
        "alt_scale_linear": "linear",
        "alt_grad_norms": (
            "Norma do gradiente em cada uma das {layers} camadas (eixo vertical "
            "em escala logarítmica) para {count} configurações; {items}."
        ),
        "alt_grad_norms_item": (
            "{label}: {first} na camada 1 e {last} na camada {layers} "
            "(razão entre a primeira e a última: {ratio})"
        ),
        "alt_cost": (
            "Gráfico de barras horizontais com o custo de calcular {count} "
            "funções de ativação, relativo à ReLU; a mais barata é {cheapest} "
            "({cheapest_value}×) e a mais cara é {dearest} ({dearest_value}×). "
            "Medido em: {stamp}."
        ),
        "alt_plateaus": (
            "Derivadas de {count} funções de ativação para x de {xmin} a "
            "{xmax}, uma por painel; as regiões sombreadas e hachuradas marcam "
            "o platô, onde |f′| < {threshold}: {items}."
        ),
        "alt_plateau_item": "{name}: platô {intervals}",
        "alt_plateau_none": "{name}: nenhum platô",
        "alt_interval": "de {a} a {b}",
        "alt_zigzag": (
            "Caminhos da descida do gradiente para dois pesos, w₁ e w₂{contours}; "
            "{items}."
        ),
        "alt_zigzag_contours": ", sobre as curvas de nível da perda",
        "alt_zigzag_item": "{label}: {steps} passos, de {start} até {end}",
        "alt_signal": (
            "Dois gráficos, com a camada no eixo horizontal (de 1 a {layers}) e "
            "escala logarítmica no vertical, para {count} redes; cada linha é a "
            "média geométrica de {seeds} sementes, com a faixa do menor ao maior "
            "valor sombreada. Em cima, a variância das pré-ativações entre os "
            "exemplos; embaixo, o tamanho do gradiente ∂L/∂z. {items}."
        ),
        "alt_signal_item": (
            "{label}: variância de {first} na camada 1 a {last} na camada "
            "{layers}, gradiente de {gfirst} a {glast}"
        ),
        "range": "de {lo} a {hi}",
        # --- messages -------------------------------------------------------------
        "figure_saved": "Figura salva em {path}",
        # --- tables and property cards (snippets.tables) ---------------------------
        "card_function": "Função",
        "card_derivative": "Derivada",
        "card_property": "Propriedade",
        "card_value": "Valor",
        "card_range": "Imagem (saída)",
        "card_class": "Diferenciabilidade",
        "card_kinks": "Pontos sem derivada",
        "card_monotonic": "Monótona",
        "card_mean": "E[f(X)], X ~ N(0, 1)",
        "card_prob_positive": "P(f(X) > 0)",
        "card_max_derivative": "máx |f′|",
        "card_saturated": "Parcela de platô em [−6, 6] (|f′| < 0,01)",
        "card_transcendentals": "Operações transcendentes por elemento",
        "card_cost": "Custo relativo à ReLU (medido)",
        "col_function": "Função",
        "col_origin": "Origem",
        "cat_origin_none": (
            "Sem um trabalho de origem: a função é matemática comum, mais antiga "
            "que as redes neurais."
        ),
        "col_zero_centred": "Centrada em zero",
        "col_mean": "E[f(X)]",
        "col_max_derivative": "máx |f′|",
        "col_saturated": "Platô",
        "col_cost": "Custo",
        "col_class": "Diferenciabilidade",
        "diff_col_point": "Ponto x",
        "diff_col_left": "f′ logo à esquerda",
        "diff_col_right": "f′ logo à direita",
        "diff_col_returned": "f′(x) devolvida",
        "diff_col_convention": "Convenção do registro",
        "class_discontinuous": "descontínua",
        "class_kinks": "contínua, com pontos angulosos",
        "class_C1": "derivada contínua (C¹)",
        "class_smooth": "suave (infinitamente diferenciável)",
        "yes": "sim",
        "no": "não",
        # --- glossary -------------------------------------------------------------
        "glossary_col_term": "Termo",
        "glossary_col_other": "Em inglês",
        "glossary_col_definition": "Definição",
        "glossary_col_avoid": "Evite",
    },
    "en": {
        # --- axes -----------------------------------------------------------------
        "axis_input": "input x",
        "axis_output": "output",
        "axis_derivative": "derivative f′(x)",
        "axis_feature_1": "input x₁",
        "axis_feature_2": "input x₂",
        "axis_epoch": "epoch",
        "axis_loss": "loss",
        "axis_layer": "layer (1 = closest to the input)",
        "axis_grad_norm": "gradient norm",
        "axis_relative_cost": "relative cost (ReLU = 1)",
        "axis_weight_1": "weight w₁",
        "axis_weight_2": "weight w₂",
        "axis_spread": "variance across the examples",
        "axis_grad_rms": "size of ∂L/∂z",
        # --- titles ---------------------------------------------------------------
        "title_overview": "A few activation functions",
        "title_neuron": "An artificial neuron",
        "title_decision_boundary": "Decision boundary",
        "title_xor_linear": "XOR with a linear model",
        "title_xor_nonlinear": "XOR with a non-linear hidden layer",
        "title_two_moons": "Two moons: decision boundary",
        "linearity_moons_linear": "Two moons with a linear model",
        "linearity_moons_nonlinear": "Two moons with a non-linear hidden layer",
        "title_spirals": "Spirals: decision boundary",
        # notebook "Training a network from scratch" (docs/*/notebooks/training.py)
        "nb_title_linear": "Two moons: linear model",
        "nb_title_identity": "Two moons: hidden layers with the identity",
        "nb_title_sigmoid": "Two moons: hidden layers with the sigmoid",
        "nb_title_tanh": "Two moons: hidden layers with tanh",
        "nb_title_relu": "Two moons: hidden layers with ReLU",
        "nb_link_ipynb": "Download the notebook (.ipynb)",
        "nb_link_source": "Source (.py, jupytext)",
        "nb_link_colab": "Open in Colab",
        "nb_install_comment": "Colab: install the package this notebook uses, if missing.",
        "title_loss": "Loss during training",
        "title_grad_norms": "Gradient norm in each layer",
        "title_cost": "Cost of computing each activation function",
        "title_plateaus": "Derivatives and their plateaus",
        "title_zigzag": "Gradient descent paths",
        "title_signal_forward": "Forward pass: pre-activations",
        "title_signal_backward": "Backward pass: gradient",
        # --- legends and annotations ----------------------------------------------
        "legend_function": "function f(x)",
        "legend_derivative": "derivative f′(x)",
        "legend_function_params": "f(x) with {params}",
        "legend_derivative_params": "f′(x) with {params}",
        "legend_kink": "non-differentiable point",
        "legend_class": "class {label}",
        "legend_plateau": "plateau (|f′| < {threshold})",
        "legend_start": "start",
        "legend_end": "end",
        "legend_loss_level": "loss contour lines",
        "legend_boundary": "decision boundary",
        "legend_reference": "reference (ReLU = 1)",
        "param_value": "{param} = {value}",
        "param_alpha": "α",
        "param_beta": "β",
        "param_slope": "slope",
        "param_min_val": "minimum",
        "param_max_val": "maximum",
        "neuron_input": "input",
        "neuron_inputs": "inputs",
        "neuron_weight": "weight",
        "neuron_bias": "bias",
        "neuron_sum": "weighted sum",
        "neuron_preactivation": "pre-activation",
        "neuron_activation": "activation function",
        "neuron_output": "output",
        "neuron_sum_formula": "z = Σ wᵢxᵢ + b = {z}",
        "neuron_output_formula": "ŷ = f(z) = {y}",
        "cost_value": "{value}×",
        "stamp": "Measured on: {stamp}",
        "point": "({a}, {b})",
        "list_sep": ", ",
        "items_sep": "; ",
        "list_and": " and ",
        "value_of": "{value} ({label})",
        # --- alt text -------------------------------------------------------------
        "alt_activation": (
            "Plot of the activation function {name}, as a solid line, and of its "
            "derivative, as a dashed line, for x from {xmin} to {xmax}; {range}; "
            "{derivative}."
        ),
        "alt_range": "the output goes from {lo} to {hi}",
        "alt_derivative_peak": (
            "the derivative reaches its maximum of {max} at x = {at}"
        ),
        "alt_derivative_max": "the derivative stays between {min} and {max}",
        "alt_derivative_constant": "the derivative is constant and equal to {value}",
        "alt_kinks": ("; the function is not differentiable at {points} (open circle)"),
        "alt_exaggerated": (
            "; the dotted and dash-dotted lines repeat the function and the "
            "derivative with {params}, to make the parameter's effect visible"
        ),
        "alt_overview": (
            "Plot of {count} activation functions for x from {xmin} to {xmax}, "
            "each with its own colour and line style: {items}."
        ),
        "alt_overview_item": "{name}, output from {lo} to {hi}",
        "alt_neuron": (
            "Diagram of an artificial neuron with {count} inputs (x = {inputs}), "
            "weights w = {weights} and bias b = {bias}; the pre-activation "
            "(weighted sum plus bias) is z = {z} and the output, after the "
            "{name} activation function, is ŷ = {y}."
        ),
        "alt_decision_boundary": (
            "{title}: {count} points from {classes} classes, with a different "
            "marker shape and colour per class, over a background coloured by "
            "the predicted class, for x₁ from {x1min} to {x1max} and x₂ from "
            "{x2min} to {x2max}; the model classifies {accuracy}% of the points "
            "correctly."
        ),
        "alt_loss": (
            "Loss curves (vertical axis on a {scale} scale) over {epochs} epochs "
            "for {count} configurations; the final loss is {finals}; the lowest "
            "is that of {best}."
        ),
        "alt_scale_log": "logarithmic",
        "alt_scale_linear": "linear",
        "alt_grad_norms": (
            "Gradient norm in each of the {layers} layers (vertical axis on a "
            "logarithmic scale) for {count} configurations; {items}."
        ),
        "alt_grad_norms_item": (
            "{label}: {first} in layer 1 and {last} in layer {layers} "
            "(ratio of the first to the last: {ratio})"
        ),
        "alt_cost": (
            "Horizontal bar chart of the cost of computing {count} activation "
            "functions, relative to ReLU; the cheapest is {cheapest} "
            "({cheapest_value}×) and the most expensive is {dearest} "
            "({dearest_value}×). Measured on: {stamp}."
        ),
        "alt_plateaus": (
            "Derivatives of {count} activation functions for x from {xmin} to "
            "{xmax}, one per panel; the shaded, hatched regions mark the "
            "plateau, where |f′| < {threshold}: {items}."
        ),
        "alt_plateau_item": "{name}: plateau {intervals}",
        "alt_plateau_none": "{name}: no plateau",
        "alt_interval": "from {a} to {b}",
        "alt_zigzag": (
            "Gradient descent paths for two weights, w₁ and w₂{contours}; {items}."
        ),
        "alt_zigzag_contours": ", over the contour lines of the loss",
        "alt_zigzag_item": "{label}: {steps} steps, from {start} to {end}",
        "alt_signal": (
            "Two plots, with the layer on the horizontal axis (from 1 to {layers}) "
            "and a logarithmic vertical axis, for {count} networks; each line is "
            "the geometric mean of {seeds} seeds, with the band from the smallest "
            "to the largest value shaded. Above, the variance of the "
            "pre-activations across the examples; below, the size of the gradient "
            "∂L/∂z. {items}."
        ),
        "alt_signal_item": (
            "{label}: variance from {first} in layer 1 to {last} in layer "
            "{layers}, gradient from {gfirst} to {glast}"
        ),
        "range": "{lo} to {hi}",
        # --- messages -------------------------------------------------------------
        "figure_saved": "Figure saved to {path}",
        # --- tables and property cards (snippets.tables) ---------------------------
        "card_function": "Function",
        "card_derivative": "Derivative",
        "card_property": "Property",
        "card_value": "Value",
        "card_range": "Range (output)",
        "card_class": "Differentiability",
        "card_kinks": "Points without a derivative",
        "card_monotonic": "Monotonic",
        "card_mean": "E[f(X)], X ~ N(0, 1)",
        "card_prob_positive": "P(f(X) > 0)",
        "card_max_derivative": "max |f′|",
        "card_saturated": "Plateau share of [−6, 6] (|f′| < 0.01)",
        "card_transcendentals": "Transcendental operations per element",
        "card_cost": "Cost relative to ReLU (measured)",
        "col_function": "Function",
        "col_origin": "Origin",
        "cat_origin_none": (
            "No originating work: the function is common mathematics, older than "
            "neural networks."
        ),
        "col_zero_centred": "Zero-centred",
        "col_mean": "E[f(X)]",
        "col_max_derivative": "max |f′|",
        "col_saturated": "Plateau",
        "col_cost": "Cost",
        "col_class": "Differentiability",
        "diff_col_point": "Point x",
        "diff_col_left": "f′ just left",
        "diff_col_right": "f′ just right",
        "diff_col_returned": "f′(x) returned",
        "diff_col_convention": "Registry convention",
        "class_discontinuous": "discontinuous",
        "class_kinks": "continuous, with kinks",
        "class_C1": "continuous derivative (C¹)",
        "class_smooth": "smooth (infinitely differentiable)",
        "yes": "yes",
        "no": "no",
        # --- glossary -------------------------------------------------------------
        "glossary_col_term": "Term",
        "glossary_col_other": "In Portuguese",
        "glossary_col_definition": "Definition",
        "glossary_col_avoid": "Avoid (Portuguese)",
    },
}
"""Label table: ``LABELS[lang][key]`` is a `str.format` template."""

SAME_IN_BOTH = frozenset(
    {
        "param_alpha",
        "param_beta",
        "param_value",
        "neuron_sum_formula",
        "neuron_output_formula",
        "cost_value",
        "items_sep",
        "alt_scale_linear",
        "value_of",
        "card_mean",  # formulas
        "col_mean",
        "card_prob_positive",
    }
)
"""Keys whose text is legitimately identical in both languages (symbols, names)."""
