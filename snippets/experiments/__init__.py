"""Small, seeded experiments behind the pages on zero-centred outputs, plateaus,
normalisation, choosing and the playground.

One module per page: `zero_centred`, `plateaus`, `normalisation`, `choosing`,
`playground`, and `training` (the seeded training runs the pages use). Everything public is importable
from ``snippets.experiments``. Each function runs in well under a second (float64
NumPy, small data) and returns plain numbers or arrays, so that a page can print them
and a test can assert them.

Zero-centred outputs
    `positive_inputs`, `descent_path`, `zigzag`,
    `same_sign_share`, `same_sign_steps`, `shifted`, `train_runs`,
    `epochs_to`.
Plateaus and vanishing gradients
    `signal_by_layer`, `learning_rate_sweep`, `train_together`,
    `dead_units`, `dying_relu`, `born_dead_share`.
Normalisation and residual connections
    `deep_network_runs`.
Comparing and choosing
    `rate_sweep`, `spirals_split`.
The playground
    `playground_runs`, `train_stacked` (the grid: ``playground.GRID``).
"""

from snippets.experiments.choosing import rate_sweep, spirals_split
from snippets.experiments.normalisation import deep_network_runs
from snippets.experiments.plateaus import (
    born_dead_share,
    dead_units,
    dying_relu,
    learning_rate_sweep,
    signal_by_layer,
    train_together,
)
from snippets.experiments.playground import playground_runs, train_stacked
from snippets.experiments.training import epochs_to, train_runs
from snippets.experiments.zero_centred import (
    descent_path,
    positive_inputs,
    quadratic_loss,
    same_sign_share,
    same_sign_steps,
    shifted,
    zigzag,
)

__all__ = [
    "born_dead_share",
    "dead_units",
    "deep_network_runs",
    "descent_path",
    "dying_relu",
    "epochs_to",
    "learning_rate_sweep",
    "playground_runs",
    "positive_inputs",
    "quadratic_loss",
    "rate_sweep",
    "same_sign_share",
    "same_sign_steps",
    "shifted",
    "signal_by_layer",
    "spirals_split",
    "train_runs",
    "train_stacked",
    "train_together",
    "zigzag",
]
