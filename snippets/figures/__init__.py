"""The site's figures: pure functions from parameters to a Matplotlib figure.

One module per topic, as the site's chapters: `functions` (an activation and its
derivative, several at once), `gated` (gated and Maxout units), `networks` (the
neuron, decision boundaries, loss curves, gradients by layer), `properties` (cost,
plateaus, descent paths), `signal` (the signal of a deep network, layer by layer),
`training` (the computation graph of backpropagation, an output unit's loss and
gradient against its logit), `playground` (the playground's signal and training,
drawn in two layers by `overlay`) and `serialise` (deterministic SVG and PNG). Everything
public is importable from
``snippets.figures``.

Every public figure function takes ``lang`` (``"pt"`` or ``"en"``) and ``theme``
(``"light"`` or ``"dark"``) keywords and returns a new
`matplotlib.figure.Figure`; nothing is saved and no global state is touched
(no ``pyplot``, rcParams only through `matplotlib.rc_context`). All text
comes from `snippets.i18n.LABELS` and the activation registry, numbers are
formatted for the language (``0,25`` in Portuguese), and every figure carries a
description for screen readers in ``fig.alt_text``.

Lines differ by colour (the colour-blind-safe Okabe–Ito palette) *and* by line
style and marker, so colour is never the only cue.

`svg_bytes` and `png_bytes` serialise a figure deterministically: the
same figure gives the same bytes on every run.

Examples
--------
>>> fig = activation_plot("sigmoid", lang="en")
>>> fig.alt_text[:39]
'Plot of the activation function sigmoid'
>>> svg_bytes(fig) == svg_bytes(activation_plot("sigmoid", lang="en"))
True
"""

from snippets.figures._base import THEMES
from snippets.figures.functions import activation_plot, activations_overview
from snippets.figures.gated import gated_units_plot
from snippets.figures.networks import (
    decision_boundary,
    gradient_norms_by_layer,
    loss_curves,
    neuron_diagram,
)
from snippets.figures.playground import playground_signal, playground_training
from snippets.figures.properties import (
    cost_bars,
    derivatives_with_plateaus,
    zigzag_paths,
)
from snippets.figures.serialise import png_bytes, recolour_svg, svg_bytes
from snippets.figures.signal import signal_by_layer
from snippets.figures.training import backprop_graph, logit_loss_gradient

__all__ = [
    "THEMES",
    "activation_plot",
    "activations_overview",
    "backprop_graph",
    "cost_bars",
    "decision_boundary",
    "derivatives_with_plateaus",
    "gated_units_plot",
    "gradient_norms_by_layer",
    "logit_loss_gradient",
    "loss_curves",
    "neuron_diagram",
    "playground_signal",
    "playground_training",
    "png_bytes",
    "recolour_svg",
    "signal_by_layer",
    "svg_bytes",
    "zigzag_paths",
]
