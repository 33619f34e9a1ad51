"""Words of the tables, the property cards, the glossary list and messages.

Merged into `snippets.labels.LABELS` (see there for the rules).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "pt": {
        # --- messages -------------------------------------------------------------
        "figure_saved": "Figura salva em {path}",
        # --- tables and property cards (snippets.tables) ---------------------------
        "card_function": "Função",
        "card_derivative": "Derivada",
        "formula_variable": (
            "Aqui, \\(x\\) é a pré-ativação do neurônio (o \\(z\\) das páginas "
            "anteriores)."
        ),
        "card_property": "Propriedade",
        "card_value": "Valor",
        "card_range": "Imagem (saída)",
        "card_class": "Diferenciabilidade",
        "card_kinks": "Pontos sem derivada",
        "card_monotonic": "Monótona",
        "card_mean": "E[f(Z)], Z ~ N(0, 1)",
        "card_prob_positive": "P(f(Z) > 0)",
        "card_prob_negative": "P(f(Z) < 0)",
        "card_max_derivative": "máx |f′|",
        "card_rms_gain": "Ganho RMS √E[f′(Z)²], Z ~ N(0, 1)",
        "card_flat_tails": "Caudas planas (|f′| < {threshold} até ±∞)",
        "card_dead_zone": "Zona morta (f′ = 0 até ±∞)",
        "tail_left": "x < {x}",
        "tail_right": "x > {x}",
        "tail_symmetric": "|x| > {x}",
        "tail_everywhere": "todo x",
        "tail_none": "nenhuma",
        "tail_share": "{tails}: {share} de {interval}",
        "card_transcendentals": "Operações transcendentes por elemento",
        "card_cost": "Custo relativo à ReLU, código deste site (medido)",
        "card_cost_fast": "Custo relativo à ReLU, formulação mais rápida (medido)",
        "card_share": (
            "Parcela da propagação direta de uma camada densa, formulação mais "
            "rápida (medido)"
        ),
        "cost_same_code": "{value} (o mesmo código)",
        "col_function": "Função",
        "col_origin": "Origem",
        "col_strengths": "Pontos fortes",
        "col_flaws": "Defeitos",
        "cat_origin_none": (
            "Sem um trabalho de origem: a função é matemática comum, mais antiga "
            "que as redes neurais."
        ),
        "col_zero_centred": "Centrada em zero",
        "col_mean": "E[f(Z)]",
        "col_max_derivative": "máx |f′|",
        "col_rms_gain": "Ganho RMS",
        "col_flat_tails": "Caudas planas",
        "col_dead_zone": "Zona morta",
        "col_share": "Parcela da camada",
        "col_class": "Diferenciabilidade",
        "diff_col_point": "Ponto x",
        "diff_col_left": "f′ logo à esquerda",
        "diff_col_right": "f′ logo à direita",
        "diff_col_returned": "f′(x) devolvida",
        "diff_col_convention": "Convenção do registro",
        "class_discontinuous": "descontínua",
        "class_kinks": "contínua, com pontos angulosos",
        "class_kink_one": "contínua, com um ponto anguloso",
        "class_C1": "derivada contínua (C¹)",
        "class_smooth": "suave (infinitamente diferenciável)",
        "yes": "sim",
        "no": "não",
        # --- glossary -------------------------------------------------------------
        "glossary_other": "em inglês",
        "glossary_avoid": "Evite",
    },
    "en": {
        # --- messages -------------------------------------------------------------
        "figure_saved": "Figure saved to {path}",
        # --- tables and property cards (snippets.tables) ---------------------------
        "card_function": "Function",
        "card_derivative": "Derivative",
        "formula_variable": (
            "Here \\(x\\) is the neuron's pre-activation (the \\(z\\) of the "
            "earlier pages)."
        ),
        "card_property": "Property",
        "card_value": "Value",
        "card_range": "Range (output)",
        "card_class": "Differentiability",
        "card_kinks": "Points without a derivative",
        "card_monotonic": "Monotonic",
        "card_mean": "E[f(Z)], Z ~ N(0, 1)",
        "card_prob_positive": "P(f(Z) > 0)",
        "card_prob_negative": "P(f(Z) < 0)",
        "card_max_derivative": "max |f′|",
        "card_rms_gain": "RMS gain √E[f′(Z)²], Z ~ N(0, 1)",
        "card_flat_tails": "Flat tails (|f′| < {threshold} out to ±∞)",
        "card_dead_zone": "Dead zone (f′ = 0 out to ±∞)",
        "tail_left": "x < {x}",
        "tail_right": "x > {x}",
        "tail_symmetric": "|x| > {x}",
        "tail_everywhere": "every x",
        "tail_none": "none",
        "tail_share": "{tails}: {share} of {interval}",
        "card_transcendentals": "Transcendental operations per element",
        "card_cost": "Cost relative to ReLU, this site's code (measured)",
        "card_cost_fast": "Cost relative to ReLU, fastest formulation (measured)",
        "card_share": (
            "Share of a dense layer's forward pass, fastest formulation (measured)"
        ),
        "cost_same_code": "{value} (the same code)",
        "col_function": "Function",
        "col_origin": "Origin",
        "col_strengths": "Strengths",
        "col_flaws": "Flaws",
        "cat_origin_none": (
            "No originating work: the function is common mathematics, older than "
            "neural networks."
        ),
        "col_zero_centred": "Zero-centred",
        "col_mean": "E[f(Z)]",
        "col_max_derivative": "max |f′|",
        "col_rms_gain": "RMS gain",
        "col_flat_tails": "Flat tails",
        "col_dead_zone": "Dead zone",
        "col_share": "Share of the layer",
        "col_class": "Differentiability",
        "diff_col_point": "Point x",
        "diff_col_left": "f′ just left",
        "diff_col_right": "f′ just right",
        "diff_col_returned": "f′(x) returned",
        "diff_col_convention": "Registry convention",
        "class_discontinuous": "discontinuous",
        "class_kinks": "continuous, with kinks",
        "class_kink_one": "continuous, with one kink",
        "class_C1": "continuous derivative (C¹)",
        "class_smooth": "smooth (infinitely differentiable)",
        "yes": "yes",
        "no": "no",
        # --- glossary -------------------------------------------------------------
        "glossary_other": "in Portuguese",
        "glossary_avoid": "Avoid (Portuguese)",
    },
}
