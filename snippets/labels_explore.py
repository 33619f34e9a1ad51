"""Words of the pages one explores by moving things: the playground, the parameters.

Merged into `snippets.labels.LABELS` (same rules: both languages have the same
keys, `str.format` templates); kept apart so that the label table stays readable.
"""

from __future__ import annotations

EXPLORE_LABELS: dict[str, dict[str, str]] = {
    "pt": {
        # --- the playground's controls --------------------------------------------
        "pg_control_activation": "Função de ativação",
        "pg_control_init": "Inicialização",
        "pg_control_depth": "Camadas ocultas",
        "pg_control_rate": "Taxa de aprendizado",
        "pg_init_glorot": "Glorot",
        "pg_init_he": "He",
        "pg_init_lecun": "LeCun",
        "pg_data_moons": "duas luas",
        "pg_data_xor": "XOR",
        "pg_title_plane": "{data}: rede da semente {seed}",
        "pg_grid_activations": "Funções de ativação: {items}",
        "pg_grid_inits": "Inicializações: {items}",
        "pg_grid_depths": "Camadas ocultas: {items}",
        "pg_grid_rates": "Taxas de aprendizado: {items}",
        "pg_grid_fixed": (
            "Fixo: {width} neurônios por camada oculta, {epochs} épocas de descida do "
            "gradiente com o conjunto de treinamento inteiro, entropia cruzada, "
            "sementes {seeds}"
        ),
        "pg_grid_data": (
            "{data}: {train} pontos para treinar, {test} separados para avaliar"
        ),
        "pg_grid_signal": (
            "Sinal na inicialização: {width} neurônios por camada, {batch} exemplos "
            "aleatórios"
        ),
        "pg_grid_size": "{size} combinações, {networks} redes treinadas",
        "pg_loss_spread": "{mean} (de {lo} a {hi})",
        "pg_same_all_seeds": "{value} (a mesma em todas as sementes)",
        "pg_diverged": "divergiu em {count} de {seeds} sementes",
        "pg_diverged_short": "divergiu",
        "pg_col_combination": (
            "função de ativação; inicialização; camadas ocultas; taxa de aprendizado"
        ),
        "pg_col_ratio": "gradiente, camada 1 ÷ última",
        "pg_col_loss_moons": "perda final, duas luas",
        "pg_col_loss_xor": "perda final, XOR",
        "pg_col_acc_moons": "acurácia, duas luas",
        "pg_col_acc_xor": "acurácia, XOR",
        "pg_baseline_name": "modelo linear (sem camada oculta)",
        "pg_grid_baseline": (
            "Referência: um modelo linear (regressão logística, sem camada oculta), "
            "treinado até convergir nos mesmos pontos, chega a uma perda de {m_loss} "
            "e a uma acurácia de {m_acc} % nas duas luas, e a uma perda de {x_loss} "
            "(\\(\\ln 2\\) ≈ 0,693) e a uma acurácia de {x_acc} % no XOR"
        ),
        "pg_ratio": (
            "o gradiente na camada 1 dividido pelo gradiente na camada {depth} dá "
            "{ratio}"
        ),
        "pg_ratio_same": (
            "o gradiente na camada 1 dividido pelo gradiente na camada {depth} dá "
            "{ratio}: os dois têm quase o mesmo tamanho"
        ),
        "pg_summary": (
            "<p><strong>{act}, inicialização {init}, {depth} camadas ocultas, taxa "
            "de aprendizado {rate}.</strong> Na inicialização, "
            "{ratio}. Depois de {epochs} épocas, a perda de treinamento média "
            "entre {seeds} sementes é {moons} nas duas luas e {xor} no XOR; a "
            "acurácia média em pontos que a rede não viu é {m_acc} nas duas luas e "
            "{x_acc} no XOR.</p>"
        ),
        # --- alt text -------------------------------------------------------------
        "pg_alt_signal_frame": (
            "Eixos de dois gráficos, camada de 1 a {layers} no eixo horizontal, "
            "escala logarítmica no vertical: à esquerda, a variância das "
            "pré-ativações entre os exemplos; à direita, o tamanho do gradiente "
            "∂L/∂z."
        ),
        "pg_alt_signal": (
            "Dois gráficos de uma rede com {depth} camadas ocultas ({act}, "
            "inicialização {init}) na inicialização, camada de 1 a {depth} no eixo "
            "horizontal, escala logarítmica no vertical; cada linha é a média "
            "geométrica de {seeds} sementes, com a faixa do menor ao maior valor. À "
            "esquerda, a variância das pré-ativações entre os exemplos, de {first} "
            "na camada 1 a {last} na camada {depth}; à direita, o tamanho do "
            "gradiente ∂L/∂z, de {gfirst} na camada 1 a {glast} na camada {depth}."
        ),
        "pg_alt_training_frame": (
            "Eixos de três gráficos: em cima, a perda em cada uma de {epochs} "
            "épocas, em escala logarítmica; embaixo, o plano de cada conjunto de "
            "dados com os seus pontos de treinamento, classe 0 em círculos e classe 1 "
            "em quadrados."
        ),
        "pg_alt_training": (
            "Três gráficos do treinamento de uma rede com {depth} camadas ocultas "
            "({act}, inicialização {init}) com taxa de aprendizado {rate}, "
            "{epochs} épocas, {seeds} sementes. Em cima, a perda de treinamento em "
            "escala logarítmica, média das sementes com a faixa do menor ao maior "
            "valor: nas duas luas, de {m_start} a {m_end}; no XOR, de {x_start} a "
            "{x_end}. Embaixo, as regiões de cada classe e a fronteira de decisão "
            "da rede da semente {seed}, sobre os pontos de treinamento, classe 0 em "
            "círculos e classe 1 em quadrados; acurácia média em pontos que a rede "
            "não viu: {m_acc} % nas duas luas e {x_acc} % no XOR."
        ),
        # --- the parameters of the catalogue pages (snippets.parameters) ----------
        "px_label_slope": "Inclinação a",
        "px_label_alpha": "Parâmetro α",
        "px_label_beta": "Parâmetro β",
        "px_label_bounds": "Limites (mínimo e máximo)",
        "px_bounds": "{lo} e {hi}",
        "px_legend_default": "padrão: {params}",
        "px_summary": "{params}: E[f(Z)] = {mean}, máx |f′| = {max}, ganho RMS {gain}.",
        "px_alt_frame": (
            "Eixos do gráfico de {name} e da sua derivada, com a legenda; o padrão é "
            "{default}."
        ),
        "px_alt_params": ", com {params}",
        "px_alt_default": (
            "; em linhas finas cinza, a função e a derivada com o padrão, {params}"
        ),
    },
    "en": {
        # --- the playground's controls --------------------------------------------
        "pg_control_activation": "Activation function",
        "pg_control_init": "Initialisation",
        "pg_control_depth": "Hidden layers",
        "pg_control_rate": "Learning rate",
        "pg_init_glorot": "Glorot",
        "pg_init_he": "He",
        "pg_init_lecun": "LeCun",
        "pg_data_moons": "two moons",
        "pg_data_xor": "XOR",
        "pg_title_plane": "{data}: network of seed {seed}",
        "pg_grid_activations": "Activation functions: {items}",
        "pg_grid_inits": "Initialisations: {items}",
        "pg_grid_depths": "Hidden layers: {items}",
        "pg_grid_rates": "Learning rates: {items}",
        "pg_grid_fixed": (
            "Fixed: {width} neurons per hidden layer, {epochs} epochs of gradient "
            "descent on the whole training set, cross-entropy, seeds {seeds}"
        ),
        "pg_grid_data": "{data}: {train} points to train on, {test} held out",
        "pg_grid_signal": (
            "Signal at initialisation: {width} neurons per layer, {batch} random examples"
        ),
        "pg_grid_size": "{size} combinations, {networks} networks trained",
        "pg_loss_spread": "{mean} (from {lo} to {hi})",
        "pg_same_all_seeds": "{value} (the same for every seed)",
        "pg_diverged": "diverged in {count} of {seeds} seeds",
        "pg_diverged_short": "diverged",
        "pg_col_combination": (
            "activation function, initialisation, hidden layers, learning rate"
        ),
        "pg_col_ratio": "gradient, layer 1 ÷ last",
        "pg_col_loss_moons": "final loss, two moons",
        "pg_col_loss_xor": "final loss, XOR",
        "pg_col_acc_moons": "accuracy, two moons",
        "pg_col_acc_xor": "accuracy, XOR",
        "pg_baseline_name": "linear model (no hidden layer)",
        "pg_grid_baseline": (
            "Baseline: a linear model (logistic regression, no hidden layer), "
            "trained to convergence on the same points, reaches a loss of {m_loss} "
            "and an accuracy of {m_acc} % on the two moons, and a loss of {x_loss} "
            "(\\(\\ln 2\\) ≈ 0.693) and an accuracy of {x_acc} % on XOR"
        ),
        "pg_ratio": (
            "the gradient at layer 1 divided by the gradient at layer {depth} is "
            "{ratio}"
        ),
        "pg_ratio_same": (
            "the gradient at layer 1 divided by the gradient at layer {depth} is "
            "{ratio}: the two are about the same size"
        ),
        "pg_summary": (
            "<p><strong>{act}, {init} initialisation, {depth} hidden layers, "
            "learning rate {rate}.</strong> At initialisation, {ratio}. After "
            "{epochs} epochs, the mean training loss over {seeds} seeds is {moons} "
            "on the two moons and {xor} on XOR; the mean accuracy on points the "
            "network has not seen is {m_acc} on the two moons and {x_acc} on XOR.</p>"
        ),
        # --- alt text -------------------------------------------------------------
        "pg_alt_signal_frame": (
            "Axes of two plots, layer 1 to {layers} on the horizontal axis, "
            "logarithmic vertical axis: on the left, the variance of the "
            "pre-activations across the examples; on the right, the size of the "
            "gradient ∂L/∂z."
        ),
        "pg_alt_signal": (
            "Two plots of a network with {depth} hidden layers ({act}, {init} "
            "initialisation) at initialisation, layer 1 to {depth} on the "
            "horizontal axis, logarithmic vertical axis; each line is the "
            "geometric mean of {seeds} seeds, with the band from the smallest to "
            "the largest value. On the left, the variance of the pre-activations "
            "across the examples, from {first} at layer 1 to {last} at layer "
            "{depth}; on the right, the size of the gradient ∂L/∂z, from {gfirst} "
            "at layer 1 to {glast} at layer {depth}."
        ),
        "pg_alt_training_frame": (
            "Axes of three plots: above, the loss at each of {epochs} epochs, on a "
            "logarithmic scale; below, the plane of each data set with its "
            "training points, class 0 as circles and class 1 as squares."
        ),
        "pg_alt_training": (
            "Three plots of training a network with {depth} hidden layers ({act}, "
            "{init} initialisation) at learning rate {rate}, {epochs} epochs, "
            "{seeds} seeds. Above, the training loss on a logarithmic scale, the "
            "mean of the seeds with the band from the smallest to the largest "
            "value: on the two moons, from {m_start} to {m_end}; on XOR, from "
            "{x_start} to {x_end}. Below, the regions of each class and the "
            "decision boundary of the network of seed {seed}, over the training "
            "points, class 0 as circles and class 1 as squares; mean accuracy on "
            "points the network has not seen: {m_acc} % on the two moons and "
            "{x_acc} % on XOR."
        ),
        # --- the parameters of the catalogue pages (snippets.parameters) ----------
        "px_label_slope": "Slope a",
        "px_label_alpha": "Parameter α",
        "px_label_beta": "Parameter β",
        "px_label_bounds": "Bounds (minimum and maximum)",
        "px_bounds": "{lo} and {hi}",
        "px_legend_default": "default: {params}",
        "px_summary": "{params}: E[f(Z)] = {mean}, max |f′| = {max}, RMS gain {gain}.",
        "px_alt_frame": (
            "Axes of the plot of {name} and of its derivative, with the legend; the "
            "default is {default}."
        ),
        "px_alt_params": ", with {params}",
        "px_alt_default": (
            "; as thin grey lines, the function and the derivative with the "
            "default, {params}"
        ),
    },
}

EXPLORE_SAME_IN_BOTH = frozenset(
    {"pg_init_glorot", "pg_init_he", "pg_init_lecun", "pg_data_xor"}
)
"""Keys whose text is legitimately identical in both languages (names)."""
