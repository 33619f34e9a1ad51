"""Signal propagation at initialisation, and the initialisations that preserve it.

A layer ``z = x @ W + b`` with independent weights of mean 0 and variance ``v``,
biases 0 and ``n_in`` inputs gives each pre-activation the variance
``n_in * v * E[x_i^2]`` (forward pass); the back-propagated ``dL/dx = dL/dz @ W.T``
has ``n_out * v`` times the variance of ``dL/dz`` (backward pass). With
``x = f(z')`` and ``z' ~ N(0, 1)`` the activation enters through two numbers,
computed here by the same adaptive quadrature as `snippets.properties`:

- `forward_factor`: ``E[f(Z)^2]``, what one layer multiplies the variance by
  (besides ``n_in * v``) on the way forward;
- `backward_factor`: ``E[f'(Z)^2]``, the same for the gradient on the way back.

`torch_gain` gives, as literals from PyTorch's source, the "gain" that
``torch.nn.init.calculate_gain`` recommends (weight variance ``gain^2 / fan_in``);
`weight_variance` the LeCun, Glorot and He variances; `fixed_point` the
mean-field fixed point of the variance of a deep network with a bounded
activation (Poole et al., 2016); and `signal_through_depth` measures, in a deep
random network, the spread of the pre-activations and the size of the gradient
layer by layer.

Examples
--------
>>> round(forward_factor("relu"), 12), round(backward_factor("relu"), 12)
(0.5, 0.5)

Both are 1/2: He's factor 2.
"""

from __future__ import annotations

import functools
import math

import numpy as np
from scipy import optimize

from snippets.nn import INITS, NORMS, LayerNorm
from snippets.properties._common import _expect, _resolve, _scalar

__all__ = [
    "TORCH_GAINS",
    "backward_factor",
    "fixed_point",
    "forward_factor",
    "signal_through_depth",
    "torch_gain",
    "weight_variance",
]

#: ``torch.nn.init.calculate_gain(nonlinearity)`` as written in PyTorch's source
#: (``torch/nn/init.py``) and documentation, by the registry's name. ``identity``
#: is PyTorch's ``"linear"``; ``leaky_relu`` is ``sqrt(2 / (1 + slope**2))`` with
#: the function's slope (PyTorch's default slope is 0.01), see `torch_gain`.
#: Any other function makes PyTorch raise "Unsupported nonlinearity".
TORCH_GAINS = {
    "identity": 1.0,
    "sigmoid": 1.0,
    "tanh": 5.0 / 3.0,
    "relu": math.sqrt(2.0),
    "leaky_relu": "sqrt(2 / (1 + slope**2))",
    "selu": 3.0 / 4.0,
}


def forward_factor(act, std=1.0):
    """E[f(Z)^2] for Z ~ N(0, std^2): the forward pass's factor of one layer.

    A layer whose inputs are ``f(Z)`` gives its pre-activations the variance
    ``n_in * Var(W) * E[f(Z)^2]``: the second moment, not the variance, because a
    mean that every input shares is summed too.

    Parameters
    ----------
    act : Activation or str
        The activation.
    std : float, optional
        Standard deviation of the pre-activations, > 0.

    Returns
    -------
    float

    Examples
    --------
    >>> round(forward_factor("selu"), 12)  # SELU's constants make it 1
    1.0
    """
    a = _resolve(act)
    return _second_moment(a, a.kinks(), _check_std(std))


def backward_factor(act, std=1.0):
    """E[f'(Z)^2] for Z ~ N(0, std^2): the backward pass's factor of one layer.

    Back-propagation multiplies the gradient by ``f'(z)`` at every layer; for a
    random pre-activation its mean square is this number. Jumps (the step
    function's) contribute nothing, as in `snippets.properties`.

    Parameters
    ----------
    act : Activation or str
        The activation.
    std : float, optional
        Standard deviation of the pre-activations, > 0.

    Returns
    -------
    float

    Examples
    --------
    >>> round(backward_factor("leaky_relu"), 12)  # (1 + 0.01**2) / 2
    0.50005
    """
    a = _resolve(act)
    return _second_moment(a.derivative, a.kinks(), _check_std(std))


def _second_moment(fn, kinks, std):
    """E[fn(Z)^2] for Z ~ N(0, std^2), the quadrature split at ``kinks``."""
    g = _scalar(fn)
    return _expect(lambda x: g(x) ** 2, kinks, std)


def _check_std(std):
    if not (np.isfinite(std) and std > 0):
        raise ValueError(f"std must be a finite number > 0, got {std!r}")
    return float(std)


def torch_gain(act):
    """The gain PyTorch's ``calculate_gain`` gives for ``act``, or None.

    Weights drawn by ``kaiming_normal_`` have the variance ``gain^2 / fan_in``;
    by ``xavier_normal_``, ``gain^2 * 2 / (fan_in + fan_out)``.

    Parameters
    ----------
    act : Activation or str
        The activation; its parameters are used (the slope of leaky ReLU).

    Returns
    -------
    float or None
        None for a function ``calculate_gain`` does not accept.

    Examples
    --------
    >>> torch_gain("tanh"), torch_gain("gelu")
    (1.6666666666666667, None)
    """
    a = _resolve(act)
    if a.name == "leaky_relu":
        return math.sqrt(2.0 / (1.0 + a.params["slope"] ** 2))
    return TORCH_GAINS.get(a.name)


def weight_variance(scheme, fan_in, fan_out, gain=1.0):
    """Variance of the initial weights: ``gain^2`` times LeCun's, Glorot's or He's.

    ``"lecun"``: ``1 / fan_in``; ``"glorot"``: ``2 / (fan_in + fan_out)``;
    ``"he"``: ``2 / fan_in``. The standard deviations are those of
    `snippets.nn.INITS`, which `snippets.nn.Dense` uses.

    Parameters
    ----------
    scheme : {"lecun", "glorot", "he"}
        The initialisation.
    fan_in, fan_out : int
        Number of inputs and outputs of the layer, >= 1.
    gain : float, optional
        Multiplies the standard deviation, > 0.

    Returns
    -------
    float

    Examples
    --------
    >>> weight_variance("glorot", 300, 100)  # 2 / 400
    0.005
    """
    if scheme not in INITS:
        raise ValueError(f"scheme must be one of {sorted(INITS)}, got {scheme!r}")
    for name, n in (("fan_in", fan_in), ("fan_out", fan_out)):
        if not isinstance(n, int | np.integer) or n < 1:
            raise ValueError(f"{name} must be an integer >= 1, got {n!r}")
    if not (np.isfinite(gain) and gain > 0):
        raise ValueError(f"gain must be a finite number > 0, got {gain!r}")
    return float((gain * INITS[scheme](fan_in, fan_out)) ** 2)


def fixed_point(act, gain, q_max=1e4):
    """Mean-field fixed point ``q*`` of the variance, and the gradient factor there.

    In a deep, wide network with square layers, weights of variance
    ``gain^2 / width`` and zero biases, the variance of the pre-activations
    follows ``q -> gain^2 * E[f(sqrt(q) Z)^2]`` from layer to layer; it settles at
    a fixed point ``q*`` (0 when the map pulls every ``q`` down to zero). There
    each layer multiplies the gradient's mean square by
    ``chi = gain^2 * E[f'(sqrt(q*) Z)^2]``: below 1 gradients vanish (the
    "ordered" phase of Poole et al., 2016), above 1 they explode ("chaotic"), and
    ``chi = 1`` is the edge of chaos.

    Parameters
    ----------
    act : Activation or str
        A bounded activation (its output range is finite), so that ``q`` cannot
        grow without end.
    gain : float
        Standard deviation of the weights times ``sqrt(width)``, > 0.
    q_max : float, optional
        Largest ``q`` searched.

    Returns
    -------
    dict
        ``"q"``: the fixed point; ``"chi"``: the gradient factor at it.

    Examples
    --------
    >>> fp = fixed_point("tanh", 1.0)  # tanh with gain 1 sits on the edge
    >>> fp["q"], round(fp["chi"], 12)
    (0.0, 1.0)
    """
    a = _resolve(act)
    lo, hi = a.output_range()
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise ValueError(
            f"fixed_point needs a bounded activation (tanh, sigmoid, ...); "
            f"{a.name} has the output range ({lo}, {hi})"
        )
    if not (np.isfinite(gain) and gain > 0):
        raise ValueError(f"gain must be a finite number > 0, got {gain!r}")
    g2 = float(gain) ** 2

    def excess(q):  # > 0 where the map pushes q up
        return g2 * _second_moment(a, a.kinks(), math.sqrt(q)) - q

    tiny = 1e-8
    if excess(tiny) <= 0:  # q = 0 attracts: the variance fades away
        q = 0.0
        chi = g2 * float(a.derivative(np.zeros(1))[0]) ** 2
    else:
        q = optimize.brentq(excess, tiny, q_max, xtol=1e-12, rtol=1e-12)
        chi = g2 * _second_moment(a.derivative, a.kinks(), math.sqrt(q))
    return {"q": float(q), "chi": float(chi)}


# ------------------------------------------------------------ the depth experiment


@functools.lru_cache(maxsize=4)
def _draws(depth, width, batch, seeds):
    """Inputs, standard normal weights and output gradients, one set per seed.

    Every configuration of `signal_through_depth` scales the same matrices, so
    that only the scale, the activation and the normalisation differ.
    """
    X, W, R = [], [], []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        X.append(rng.standard_normal((batch, width)))
        W.append(rng.standard_normal((depth, width, width)))
        R.append(rng.standard_normal((batch, width)))
    arrays = (np.stack(X), np.stack(W, axis=1), np.stack(R))  # W: (depth, seed, ...)
    for array in arrays:
        array.flags.writeable = False
    return arrays


def _normaliser(norm, shape):
    """A `snippets.nn.LayerNorm` acting on arrays (seeds, examples, units).

    ``"layer"`` normalises each example over its units (the last axis);
    ``"batch"`` each unit over the examples: the same operation on the
    transposed matrix. At initialisation (scale 1, shift 0) that is all batch
    normalisation does.
    """
    seeds, batch, width = shape
    if norm == "layer":
        ln = LayerNorm(width)

        def to_rows(a):
            return a.reshape(seeds * batch, width)

        def back(a):
            return a.reshape(shape)
    else:
        ln = LayerNorm(batch)

        def to_rows(a):
            return a.transpose(0, 2, 1).reshape(seeds * width, batch)

        def back(a):
            return a.reshape(seeds, width, batch).transpose(0, 2, 1)

    return (
        lambda z: back(ln.forward(to_rows(z))),
        lambda g: back(ln.backward(to_rows(g))),
    )


def _propagate(act, weights, X, R, norm=None, residual=False):
    """Forward pass, then back-propagation of ``L = sum(h_L * R)``.

    Returns ``(us, dzs, loss, dX)``: what ``f`` receives at each layer, ``dL/dz``
    at each layer, the loss per seed and ``dL/dX``. Arrays are
    (seeds, examples, units); ``weights`` is a sequence of (seeds, units, units).
    """
    h, layers = X, []
    for W in weights:
        z = h @ W
        forward, backward = (None, None) if norm is None else _normaliser(norm, z.shape)
        u = z if norm is None else forward(z)  # what f receives
        layers.append((W, u, backward))
        h = h + act(u) if residual else act(u)
    loss = (h * R).sum(axis=(1, 2))
    d, dzs = R, []  # dL/dh of the last layer
    for W, u, backward in reversed(layers):
        du = d * act.derivative(u)
        dz = du if backward is None else backward(du)
        dzs.append(dz)
        dx = dz @ W.transpose(0, 2, 1)
        d = d + dx if residual else dx
    return [u for _, u, _ in layers], dzs[::-1], loss, d


@functools.lru_cache(maxsize=64)
def _run(activation, init, gain, depth, width, batch, seeds, norm, residual):
    X, Ws, R = _draws(depth, width, batch, seeds)
    std = gain * INITS[init](width, width)
    us, dzs, _, _ = _propagate(
        _resolve(activation), [std * W for W in Ws], X, R, norm, residual
    )
    return {
        "spread": np.stack([u.var(axis=1).mean(axis=1) for u in us], axis=1),
        "second": np.stack([(u**2).mean(axis=(1, 2)) for u in us], axis=1),
        "grad": np.stack([np.sqrt((dz**2).mean(axis=(1, 2))) for dz in dzs], axis=1),
    }


def signal_through_depth(
    activation,
    init="glorot",
    gain=1.0,
    depth=30,
    width=128,
    batch=32,
    seeds=range(5),
    norm=None,
    residual=False,
):
    """Forward and backward signal, layer by layer, in a deep random network.

    ``batch`` standard normal inputs go through ``depth`` square layers
    ``z = h @ W`` (biases 0), ``h = f(z)``; the weights are normal with standard
    deviation ``gain * INITS[init](width, width)``. A random error
    ``dL/dh ~ N(0, 1)`` at the last layer (the gradient of
    ``L = sum(h_L * R)``, ``R`` fixed and random) is then back-propagated. Every
    configuration with the same sizes and seeds uses the same random matrices,
    scaled.

    Parameters
    ----------
    activation : str or Activation
        The activation of every layer.
    init : {"he", "glorot", "lecun"}, optional
        The weight variance (see `weight_variance`); for square layers Glorot's
        and LeCun's are the same.
    gain : float, optional
        Multiplies the weights' standard deviation, > 0.
    depth, width, batch : int, optional
        Number of layers, their width, number of inputs; >= 1 (batch >= 2).
    seeds : iterable of int, optional
        One network, inputs and error per seed.
    norm : {None, "layer", "batch"}, optional
        Normalise ``z`` before ``f`` (scale 1 and shift 0, as at initialisation):
        each example over its units (``"layer"``) or each unit over the examples
        (``"batch"``).
    residual : bool, optional
        ``h = h + f(z)`` instead of ``h = f(z)``.

    Returns
    -------
    dict
        Arrays of shape ``(len(seeds), depth)``, layer 1 first, about what ``f``
        receives (``z``, or ``z`` normalised): ``"spread"``, its variance across
        the examples, averaged over the units (how different the inputs still
        look); ``"second"``, its mean square; and ``"grad"``, the root mean square
        of ``dL/dz``.

    Examples
    --------
    >>> r = signal_through_depth("relu", "lecun", depth=10, seeds=[0])
    >>> r["grad"].shape, bool(r["spread"][0, -1] < 0.01 * r["spread"][0, 0])
    ((1, 10), True)
    """
    seeds = tuple(int(s) for s in seeds)
    for name, n, least in (
        ("depth", depth, 1),
        ("width", width, 1),
        ("batch", batch, 2),
    ):
        if not isinstance(n, int | np.integer) or n < least:
            raise ValueError(f"{name} must be an integer >= {least}, got {n!r}")
    if not seeds:
        raise ValueError("seeds must name at least one seed")
    if init not in INITS:
        raise ValueError(f"init must be one of {sorted(INITS)}, got {init!r}")
    if norm not in (*NORMS, "batch"):
        raise ValueError(f"norm must be one of {(*NORMS, 'batch')}, got {norm!r}")
    if not (np.isfinite(gain) and gain > 0):
        raise ValueError(f"gain must be a finite number > 0, got {gain!r}")
    key = activation if isinstance(activation, str) else _resolve(activation)
    result = _run(
        key,
        init,
        float(gain),
        int(depth),
        int(width),
        int(batch),
        seeds,
        norm,
        bool(residual),
    )
    return {name: array.copy() for name, array in result.items()}
