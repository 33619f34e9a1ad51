"""Every word the code shows a reader, in both languages: the label table.

`LABELS` ``[lang][key]`` is a `str.format` template; `snippets.i18n.t` looks
keys up and fills them in. Both languages have the same keys (tested); the few
whose text is the same in both are listed in `SAME_IN_BOTH`. The keys live in
modules by where they appear, merged here (a key defined in two of them is an
error):

- `snippets.labels_figures`: axes, titles, legends and annotations, alt text;
- `snippets.labels_tables`: tables, property cards, the glossary list, messages;
- `snippets.labels_training`: the figures of the training pages;
- `snippets.labels_explore`: the pages one explores by moving things.
"""

from __future__ import annotations

from snippets import labels_explore, labels_figures, labels_tables, labels_training

_MODULES = (labels_figures, labels_tables, labels_training)


def _merge() -> dict[str, dict[str, str]]:
    tables = [m.LABELS for m in _MODULES] + [labels_explore.EXPLORE_LABELS]
    merged: dict[str, dict[str, str]] = {"pt": {}, "en": {}}
    for table in tables:
        for lang, words in table.items():
            twice = merged[lang].keys() & words.keys()
            if twice:
                raise ValueError(f"label keys defined twice: {sorted(twice)}")
            merged[lang].update(words)
    return merged


LABELS: dict[str, dict[str, str]] = _merge()
"""Label table: ``LABELS[lang][key]`` is a `str.format` template."""

SAME_IN_BOTH = frozenset(
    {
        "param_alpha",
        "param_beta",
        "param_value",
        "neuron_sum_formula",
        "neuron_output_formula",
        "cost_value",
        "share_value",
        "items_sep",
        "alt_scale_linear",
        "value_of",
        "card_mean",  # formulas
        "col_mean",
        "card_prob_positive",
        "card_prob_negative",
        "tail_left",  # formulas
        "tail_right",
        "tail_symmetric",
        "bp_hidden_values",  # formulas (the training pages' figures)
        "bp_output_values",
        "bp_delta",
        "bp_loss_value",
        "axis_logit",
        "axis_logit_grad",
    }
)
"""Keys whose text is legitimately identical in both languages (symbols, names)."""

SAME_IN_BOTH = SAME_IN_BOTH | labels_explore.EXPLORE_SAME_IN_BOTH
