"""Words of the figures: axes, titles, legends and annotations, alt text.

Merged into `snippets.labels.LABELS` (see there for the rules).
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
        "axis_gradient_size": "norma do gradiente",
        "axis_error_size": "sinal de erro ∂ℓ/∂z (RMS)",
        "axis_forward_size": "variância entre exemplos",
        "axis_layer_share": "parcela do tempo da propagação direta (%)",
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
        "nb_link_ipynb": "Baixar o notebook (.ipynb)",
        "nb_link_source": "Fonte (.py, jupytext)",
        "nb_link_colab": "Abrir no Colab",
        "nb_install_comment": "Colab: instala o pacote usado neste notebook, se faltar.",
        "title_loss": "Perda durante o treinamento",
        "title_gradient_size": "Norma do gradiente em cada camada",
        "title_error_size": "Retropropagação: sinal de erro",
        "title_forward_size": "Propagação direta: ativações",
        "title_cost": "Parcela da ativação no tempo de uma camada densa",
        "title_plateaus": "Derivadas, caudas planas e zonas mortas",
        "title_zigzag": "Caminhos da descida do gradiente",
        "title_glu_one_input": "GLU de uma entrada: x · σ(v x)",
        "title_maxout": "Maxout com {k} pedaços afins",
        "title_signal_forward": "Propagação direta: pré-ativações",
        "title_signal_backward": "Retropropagação: gradiente",
        # --- legends and annotations ----------------------------------------------
        "legend_function": "função f(x)",
        "legend_derivative": "derivada f′(x)",
        "legend_function_params": "f(x) com {params}",
        "legend_derivative_params": "f′(x) com {params}",
        "legend_kink": "ponto não diferenciável",
        "legend_class": "classe {label}",
        "legend_plateau": "cauda plana (|f′| < {threshold})",
        "legend_dead_zone": "zona morta (f′ = 0)",
        "legend_start": "início",
        "legend_end": "fim",
        "legend_loss_level": "curvas de nível da perda",
        "legend_boundary": "fronteira de decisão",
        "legend_reference": "referência (ReLU = 1)",
        "legend_gate_weight": "peso da porta v = {value}",
        "legend_gate_weight_silu": "{label}: a SiLU",
        "legend_piece": "pedaço {i}: {formula}",
        "legend_maxout": "o maior dos pedaços (Maxout)",
        "legend_registry_code": "código deste site (o registro)",
        "legend_fast_code": "formulação mais rápida",
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
        "share_value": "{value} %",
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
        "alt_derivative_peak_left": (
            "a derivada atinge o maior valor, {max}, logo à esquerda de x = {at} "
            "(à direita vale {other})"
        ),
        "alt_derivative_peak_right": (
            "a derivada atinge o maior valor, {max}, logo à direita de x = {at} "
            "(à esquerda vale {other})"
        ),
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
            "{epochs} épocas para {count} configurações; o último ponto de cada "
            "curva (a perda antes do último passo) é {finals}; o menor é o de "
            "{best}."
        ),
        "alt_loss_bands": (
            "A faixa sombreada em torno de cada curva vai da menor à maior perda "
            "entre as execuções que a curva resume."
        ),
        "alt_scale_log": "logarítmica",
        "alt_scale_linear": "linear",
        "alt_gradient_sizes": (
            "Norma do gradiente em cada uma das {layers} camadas (eixo vertical "
            "em escala logarítmica) para {count} configurações; {items}."
        ),
        "alt_error_sizes": (
            "Tamanho do sinal de erro ∂ℓ/∂z que chega a cada uma das {layers} "
            "camadas (eixo vertical em escala logarítmica) para {count} "
            "configurações; {items}."
        ),
        "alt_forward_backward": (
            "Dois painéis, com o eixo vertical em escala logarítmica, para {count} "
            "configurações e {layers} camadas. À esquerda, a variância entre os "
            "exemplos das ativações de cada camada: {forward}. À direita, o "
            "tamanho do sinal de erro ∂ℓ/∂z que chega a cada camada: {backward}."
        ),
        "alt_layers_item": (
            "{label}: {first} na camada 1 e {last} na camada {layers} (a camada 1 "
            "recebe {ratio} vezes o que recebe a camada {layers}: {gain} por camada)"
        ),
        "alt_forward_item": "{label}: {first} na camada 1 e {last} na camada {layers}",
        "alt_cost": (
            "Gráfico de barras horizontais, duas por função, para {count} funções "
            "de ativação: a parcela do tempo da propagação direta de uma camada "
            "densa ({layer}) gasta na função, com o código deste site e com a "
            "formulação mais rápida. Com a mais rápida, a menor parcela é a de "
            "{cheapest} ({cheapest_value} %) e a maior a de {dearest} "
            "({dearest_value} %); com o código deste site, a maior é a de "
            "{registry_dearest} ({registry_dearest_value} %). Medido em: {stamp}."
        ),
        "alt_plateaus": (
            "Derivadas de {count} funções de ativação para x de {xmin} a "
            "{xmax}, uma por painel; as regiões hachuradas marcam as caudas "
            "planas, onde |f′| < {threshold} daí até o fim do eixo e além, e as "
            "regiões mais escuras, com hachuras cruzadas, as zonas mortas, onde "
            "f′ = 0: {items}."
        ),
        "alt_plateau_item": "{name}: cauda plana {intervals}",
        "alt_plateau_items": "{name}: caudas planas {intervals}",
        "alt_plateau_all_dead": ", tudo zona morta (f′ = 0)",
        "alt_plateau_dead": ", com zona morta (f′ = 0) {intervals}",
        "alt_plateau_not_dead": ", sem zona morta (f′ nunca é 0 ali)",
        "alt_plateau_none": "{name}: nenhuma cauda plana",
        "alt_interval": "de {a} a {b}",
        "alt_zigzag": (
            "Caminhos da descida do gradiente para dois pesos, w₁ e w₂{contours}; "
            "{items}."
        ),
        "alt_zigzag_contours": ", sobre as curvas de nível da perda",
        "alt_zigzag_item": "{label}: {steps} passos, de {start} até {end}",
        "alt_gated_units": (
            "Dois gráficos, para x de {xmin} a {xmax}. À esquerda, a saída de uma "
            "unidade linear com porta (GLU) de uma entrada, x vezes σ(v x), para os pesos da porta "
            "v = {weights}, com a ReLU como referência em linha fina: quanto maior "
            "v, mais a curva se aproxima da ReLU, e com v = 1 ela é a SiLU. À "
            "direita, {k} retas tracejadas, {pieces}, e o maior dos seus valores em "
            "cada x, em linha grossa: uma unidade Maxout, convexa e linear por "
            "partes."
        ),
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
        "axis_gradient_size": "gradient norm",
        "axis_error_size": "error signal ∂ℓ/∂z (RMS)",
        "axis_forward_size": "variance across examples",
        "axis_layer_share": "share of the forward pass time (%)",
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
        "title_gradient_size": "Gradient norm in each layer",
        "title_error_size": "Backpropagation: error signal",
        "title_forward_size": "Forward pass: activations",
        "title_cost": "The activation's share of a dense layer's time",
        "title_plateaus": "Derivatives, flat tails and dead zones",
        "title_zigzag": "Gradient descent paths",
        "title_glu_one_input": "One-input GLU: x · σ(v x)",
        "title_maxout": "Maxout with {k} affine pieces",
        "title_signal_forward": "Forward pass: pre-activations",
        "title_signal_backward": "Backward pass: gradient",
        # --- legends and annotations ----------------------------------------------
        "legend_function": "function f(x)",
        "legend_derivative": "derivative f′(x)",
        "legend_function_params": "f(x) with {params}",
        "legend_derivative_params": "f′(x) with {params}",
        "legend_kink": "non-differentiable point",
        "legend_class": "class {label}",
        "legend_plateau": "flat tail (|f′| < {threshold})",
        "legend_dead_zone": "dead zone (f′ = 0)",
        "legend_start": "start",
        "legend_end": "end",
        "legend_loss_level": "loss contour lines",
        "legend_boundary": "decision boundary",
        "legend_reference": "reference (ReLU = 1)",
        "legend_gate_weight": "gate weight v = {value}",
        "legend_gate_weight_silu": "{label}: SiLU",
        "legend_piece": "piece {i}: {formula}",
        "legend_maxout": "the largest piece (Maxout)",
        "legend_registry_code": "this site's code (the registry)",
        "legend_fast_code": "fastest formulation",
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
        "share_value": "{value} %",
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
        "alt_derivative_peak_left": (
            "the derivative reaches its largest value, {max}, just left of "
            "x = {at} (on the right it is {other})"
        ),
        "alt_derivative_peak_right": (
            "the derivative reaches its largest value, {max}, just right of "
            "x = {at} (on the left it is {other})"
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
            "for {count} configurations; the last point of each curve (the loss "
            "before the last step) is {finals}; the lowest is that of {best}."
        ),
        "alt_loss_bands": (
            "The shaded band around each curve goes from the lowest to the "
            "highest loss among the runs the curve summarises."
        ),
        "alt_scale_log": "logarithmic",
        "alt_scale_linear": "linear",
        "alt_gradient_sizes": (
            "Gradient norm in each of the {layers} layers (vertical axis on a "
            "logarithmic scale) for {count} configurations; {items}."
        ),
        "alt_error_sizes": (
            "Size of the error signal ∂ℓ/∂z that reaches each of the {layers} "
            "layers (vertical axis on a logarithmic scale) for {count} "
            "configurations; {items}."
        ),
        "alt_forward_backward": (
            "Two panels, with the vertical axis on a logarithmic scale, for {count} "
            "configurations and {layers} layers. On the left, the variance across "
            "examples of each layer's activations: {forward}. On the right, the "
            "size of the error signal ∂ℓ/∂z that reaches each layer: {backward}."
        ),
        "alt_layers_item": (
            "{label}: {first} in layer 1 and {last} in layer {layers} (layer 1 "
            "gets {ratio} times what layer {layers} gets: {gain} per layer)"
        ),
        "alt_forward_item": "{label}: {first} in layer 1 and {last} in layer {layers}",
        "alt_cost": (
            "Horizontal bar chart, two bars per function, for {count} activation "
            "functions: the share of a dense layer's forward pass time ({layer}) "
            "spent in the function, with this site's code and with the fastest "
            "formulation. With the fastest, the smallest share is that of "
            "{cheapest} ({cheapest_value} %) and the largest that of {dearest} "
            "({dearest_value} %); with this site's code, the largest is that of "
            "{registry_dearest} ({registry_dearest_value} %). Measured on: {stamp}."
        ),
        "alt_plateaus": (
            "Derivatives of {count} activation functions for x from {xmin} to "
            "{xmax}, one per panel; the hatched regions mark the flat tails, "
            "where |f′| < {threshold} from there to the end of the axis and "
            "beyond, and the darker, cross-hatched regions the dead zones, where "
            "f′ = 0: {items}."
        ),
        "alt_plateau_item": "{name}: flat tail {intervals}",
        "alt_plateau_items": "{name}: flat tails {intervals}",
        "alt_plateau_all_dead": ", all of it dead zone (f′ = 0)",
        "alt_plateau_dead": ", with a dead zone (f′ = 0) {intervals}",
        "alt_plateau_not_dead": ", no dead zone (f′ is never 0 there)",
        "alt_plateau_none": "{name}: no flat tail",
        "alt_interval": "from {a} to {b}",
        "alt_zigzag": (
            "Gradient descent paths for two weights, w₁ and w₂{contours}; {items}."
        ),
        "alt_zigzag_contours": ", over the contour lines of the loss",
        "alt_zigzag_item": "{label}: {steps} steps, from {start} to {end}",
        "alt_gated_units": (
            "Two plots, for x from {xmin} to {xmax}. Left: the output of a "
            "one-input GLU unit, x times σ(v x), for gate weights v = {weights}, "
            "with ReLU as a thin reference line: the larger v, the closer the curve "
            "to ReLU, and with v = 1 it is SiLU. Right: {k} dashed lines, {pieces}, "
            "and the largest of their values at each x, as a thick line: a Maxout "
            "unit, convex and piecewise linear."
        ),
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
    },
}
