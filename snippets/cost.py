"""Measure what an activation function costs to compute, on the machine at hand.

Three questions, three tools:

* **What does this site's code cost?** `layer_costs` and `cost_table` time the
  registry (`snippets.activations`), which is written to be accurate to
  ``1e-12`` in float64 over the whole real line, not to be fast.
* **What does the function cost?** `snippets.fast.FAST` holds, for the default
  parameters, the fastest formulation in plain NumPy that we know of and that
  stays faithful in float32 (`snippets.fast.fidelity` says how faithful), and
  `layer_costs` times it next to the registry.
* **Does it matter in training?** `layer_costs` also times the dense layer the
  activation follows, ``x @ W + b`` (batch 256, width 512, float32), and gives
  the activation's share of the layer's forward time.

Cost is measured on the machine running the code: ratios to the registry's ReLU,
medians of repeats with their quartiles, one thread (``threadpoolctl`` limits the
BLAS behind ``@``), all functions interleaved within each repeat. On Linux each call
is timed with the processor time of the calling thread (`CLOCK`), which leaves out
the time the operating system gives to other programs: on a busy machine the wall
clock of a millisecond-long matrix product counts every interruption, and the
shares of the layer would shrink with the load.

Allocation matters more than arithmetic at 10^5-10^6 elements: glibc hands out
large arrays as fresh memory maps, whose page faults can cost 10x the computation.
On glibc the timing functions therefore first set the allocator to the state its
own heuristic reaches after freeing a 32 MiB block (``M_MMAP_THRESHOLD`` 32 MiB,
``M_TRIM_THRESHOLD`` 64 MiB), so that arrays up to 32 MiB are reused; the setting
stays for the rest of the process (``steady_allocator=False`` leaves it alone).
"""

from __future__ import annotations

import ctypes
import math
import os
import platform
import statistics
import sys
import time
from functools import partial

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from snippets import activations
from snippets.activations import get
from snippets.fast import FAST, fast

__all__ = [
    "BATCH",
    "CLOCK",
    "WIDTH",
    "cost_table",
    "layer_costs",
    "machine_stamp",
    "relative_cost",
    "transcendental_count",
]

BATCH = 256
"""Rows of the dense layer's input in `layer_costs` (examples in a batch)."""

WIDTH = 512
"""Inputs and outputs of the dense layer in `layer_costs`."""

#: Untimed rounds over all functions before timing.
_WARMUP_ROUNDS = 3

CLOCK = time.thread_time if sys.platform.startswith("linux") else time.perf_counter
"""The clock the timing functions read: the calling thread's processor time on
Linux, where it is precise to the nanosecond, so that time given to other programs
is left out; the wall clock elsewhere (on Windows the thread clock only advances
in scheduler ticks of about 15 ms)."""


# --------------------------------------------------------------------------- #
# Timing
# --------------------------------------------------------------------------- #
def _resolve(act):
    """Return an Activation for an Activation object or a registry name."""
    return get(act) if isinstance(act, str) else act


def _steady_allocator():
    """Keep freed arrays up to 32 MiB in the heap (glibc only); True if set."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        # mallopt(M_TRIM_THRESHOLD = -1, ...), mallopt(M_MMAP_THRESHOLD = -3, ...)
        return bool(libc.mallopt(-1, 64 << 20) and libc.mallopt(-3, 32 << 20))
    except (OSError, AttributeError):
        return False


def _check(size, repeats, dtype="float32"):
    if int(size) < 1:
        raise ValueError(f"size must be a positive integer, got {size!r}")
    if int(repeats) < 1:
        raise ValueError(f"repeats must be a positive integer, got {repeats!r}")
    if np.dtype(dtype) not in (np.float32, np.float64):
        raise ValueError(f"dtype must be 'float32' or 'float64', got {dtype!r}")


def _time_calls(calls, repeats, steady_allocator=True, first=()):
    """Seconds of each call, one list per call, interleaved across repeats.

    In every repeat the keys in ``first`` run first, in that order; the others
    follow in a new random order (seeded), so that no function always runs
    right after the same one: the first to read an array after a large matrix
    product, for instance, waits for it to come back into the cache.
    """
    if steady_allocator:
        _steady_allocator()
    times = {key: [] for key in calls}
    rest = [key for key in calls if key not in first]
    order = np.random.default_rng(0)
    with threadpool_limits(limits=1):
        # Warm-up rounds: lazy imports, CPU caches and, above all, the allocator:
        # glibc serves large arrays with fresh mmap pages (page faults on every
        # call) until freeing a few of them raises its mmap threshold.
        for _ in range(_WARMUP_ROUNDS):
            for call in calls.values():
                call()
        for _ in range(int(repeats)):
            shuffled = [rest[i] for i in order.permutation(len(rest))]
            for key in [*first, *shuffled]:
                start = CLOCK()
                calls[key]()
                times[key].append(CLOCK() - start)
    return times


def _median_quartiles(values):
    """``(median, first quartile, third quartile)`` of a list of numbers."""
    if len(values) < 2:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q2, q1, q3


def _ratios(times, reference):
    return [t / r for t, r in zip(times, reference, strict=True)]


def relative_cost(
    act,
    size=1_000_000,
    dtype="float32",
    repeats=7,
    reference="relu",
    steady_allocator=True,
):
    """Time per element of ``act`` relative to ``reference`` (ReLU by default).

    Both functions are timed on the same standard normal input (seeded, allocated
    once), interleaved, after warm-up calls; the median of the ratios of the
    repeats is returned. Nothing is cached: every call measures again.

    Parameters
    ----------
    act, reference : Activation or str
        The activation to time, and the one whose cost counts as 1.
    size, repeats : int, optional
        Elements of the input array and timed calls per function, >= 1.
    dtype : {"float32", "float64"}, optional
        Floating type of the input.
    steady_allocator : bool, optional
        On glibc, keep freed arrays up to 32 MiB for reuse (module notes).

    Returns
    -------
    float
        Median over the repeats of time of ``act`` / time of ``reference``.

    Examples
    --------
    >>> r = relative_cost("sigmoid", size=10_000, repeats=3)
    >>> r > 0
    True
    """
    table = cost_table([act], size, dtype, repeats, reference, steady_allocator)
    return table[_resolve(act).name]["relative"]


def cost_table(
    names,
    size=1_000_000,
    dtype="float32",
    repeats=7,
    reference="relu",
    steady_allocator=True,
):
    """Time several registry activations at once, relative to ``reference``.

    The functions are interleaved within each repeat so that slow drifts of the
    machine (frequency scaling, other processes) affect them all alike; each
    repeat gives one ratio per function.

    Parameters
    ----------
    names : iterable of str or Activation
        The activations to time.
    size, dtype, repeats, reference, steady_allocator
        As in `relative_cost`.

    Returns
    -------
    dict
        ``{name: {"ns_per_element": float, "relative": float,
        "relative_spread": [q1, q3]}}`` in input order: median time per
        element, median ratio, and the quartiles of the ratios over the repeats.

    Examples
    --------
    >>> table = cost_table(["relu", "tanh"], size=10_000, repeats=3)
    >>> table["relu"]["relative"]
    1.0
    """
    _check(size, repeats, dtype)
    acts = {a.name: a for a in map(_resolve, names)}
    ref = _resolve(reference)
    x = np.random.default_rng(0).standard_normal(int(size)).astype(dtype)
    calls = {name: partial(a, x) for name, a in acts.items()}
    calls.setdefault(ref.name, partial(ref, x))
    times = _time_calls(calls, repeats, steady_allocator)
    out = {}
    for name in acts:
        median, q1, q3 = _median_quartiles(_ratios(times[name], times[ref.name]))
        out[name] = {
            "ns_per_element": statistics.median(times[name]) / int(size) * 1e9,
            "relative": median,
            "relative_spread": [q1, q3],
        }
    return out


def layer_costs(
    names=None, batch=BATCH, width=WIDTH, repeats=15, steady_allocator=True
):
    """Time each activation after a dense layer, and the layer itself.

    The layer is ``z = x @ w + b`` in float32: ``x`` is ``batch × width``
    standard normal, ``w`` is ``width × width`` with variance ``1/width``
    (LeCun initialisation, so ``z`` is about standard normal), ``b`` small;
    everything seeded. Each repeat times the layer, then every activation on
    ``z``, in the registry's code and in its `fast` formulation, in a new
    random order (seeded) each time, one thread.

    Parameters
    ----------
    names : iterable of str, optional
        Registered activations (all by default). ReLU is always timed: it is the
        unit of cost.
    batch, width : int, optional
        Shape of the layer (rows of ``x``; inputs and outputs of the layer).
    repeats : int, optional
        Timed rounds, >= 1.
    steady_allocator : bool, optional
        As in `relative_cost`.

    Returns
    -------
    dict
        ``batch``, ``width``, ``repeats``, ``seconds`` (how long the whole
        measurement took), ``layer_ns_per_element`` (median time of the layer
        per output element) and ``functions``: ``{name:
        {"registry": row, "fast": row}}``, where a row has ``ns_per_element``,
        ``relative`` (to the registry's ReLU) and ``share`` (time of the
        activation / (time of the layer + time of the activation)), medians over
        the repeats, with ``relative_spread`` and ``share_spread``, their
        quartiles. Where `FAST` has no formulation, ``fast`` is ``registry``.

    Examples
    --------
    >>> c = layer_costs(["relu", "gelu"], batch=8, width=64, repeats=3)
    >>> c["functions"]["relu"]["registry"]["relative"]
    1.0
    >>> 0 < c["functions"]["gelu"]["fast"]["share"] < 1
    True
    """
    started = time.perf_counter()
    _check(int(batch) * int(width), repeats)
    chosen = [get(n).name for n in (activations.names() if names is None else names)]
    rng = np.random.default_rng(0)
    x = rng.standard_normal((int(batch), int(width)), dtype=np.float32)
    w = rng.standard_normal((int(width), int(width)), dtype=np.float32)
    w /= math.sqrt(width)
    b = 0.1 * rng.standard_normal(int(width), dtype=np.float32)
    z = x @ w + b
    # The layer, then one read of z (untimed), so that every activation finds z
    # in the cache, as it finds the layer's fresh output in a network.
    calls = {"layer": lambda: x @ w + b, "read z": z.sum}
    for name in dict.fromkeys(["relu", *chosen]):
        calls["registry", name] = partial(get(name), z)
        if FAST.get(name) is not None:
            calls["fast", name] = partial(fast(name), z)
    times = _time_calls(calls, repeats, steady_allocator, first=("layer", "read z"))

    def row(key):
        t = times[key]
        relative = _median_quartiles(_ratios(t, times["registry", "relu"]))
        layer = times["layer"]
        share = _median_quartiles(
            [a / (lay + a) for a, lay in zip(t, layer, strict=True)]
        )
        return {
            "ns_per_element": statistics.median(t) / z.size * 1e9,
            "relative": relative[0],
            "relative_spread": list(relative[1:]),
            "share": share[0],
            "share_spread": list(share[1:]),
        }

    functions = {}
    for name in chosen:
        registry = row(("registry", name))
        fast_key = ("fast", name)
        functions[name] = {
            "registry": registry,
            "fast": row(fast_key) if fast_key in times else dict(registry),
        }
    return {
        "batch": int(batch),
        "width": int(width),
        "repeats": int(repeats),
        "layer_ns_per_element": statistics.median(times["layer"]) / z.size * 1e9,
        "functions": functions,
        "seconds": time.perf_counter() - started,
    }


def machine_stamp(size=1_000_000, dtype="float32"):
    """Describe the machine a cost table was measured on.

    Parameters
    ----------
    size, dtype : int and str, optional
        Array size and floating type of the measurement (reported as is).

    Returns
    -------
    dict
        Keys ``cpu``, ``cores``, ``machine``, ``python``, ``numpy``, ``blas``
        (the library behind NumPy's ``@``), ``size``, ``dtype``, ``threads``,
        ``platform``, ``libc`` and ``clock`` (the name of `CLOCK`, e.g.
        ``"time.thread_time"``).

    Examples
    --------
    >>> stamp = machine_stamp()
    >>> sorted(stamp)[:3]
    ['blas', 'clock', 'cores']
    """
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.lower().startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    numpys = [p for p in pools if "numpy" in p.get("filepath", "")]  # the one `@` uses
    blas = [
        f"{p.get('internal_api', '?')} {p.get('version') or ''}".strip()
        for p in numpys or pools
    ]
    return {
        "cpu": cpu or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": ", ".join(dict.fromkeys(blas)) or "unknown",
        "size": int(size),
        "dtype": str(np.dtype(dtype)),
        "threads": 1,
        "platform": sys.platform,
        "libc": " ".join(platform.libc_ver()).strip() or "unknown",
        "clock": f"time.{CLOCK.__name__}",
    }


def transcendental_count(act):
    """Number of transcendental calls (exp, log, tanh, erf, ...) per element.

    Parameters
    ----------
    act : Activation or str
        The activation.

    Returns
    -------
    int
        Sum of the counts in ``act.meta.transcendentals``.

    Examples
    --------
    >>> transcendental_count("relu")
    0
    """
    return int(sum(_resolve(act).meta.transcendentals.values()))
