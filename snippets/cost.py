"""Measure what an activation function costs to compute, on the machine at hand.

Cost is measured on the machine running the code: ratios to ReLU, medians of
repeats, one thread. NumPy's element-wise ufuncs run on a single thread anyway;
if ``threadpoolctl`` is installed it also limits BLAS/OpenMP pools to one thread.

Allocation matters more than arithmetic at 10^6 elements: glibc hands out large
arrays as fresh memory maps, and the page faults on first touch can cost 10x the
computation, depending on what ran before. On glibc the timing functions
therefore first set the allocator to the state its own heuristic reaches after
freeing a 32 MiB block (``M_MMAP_THRESHOLD`` 32 MiB, ``M_TRIM_THRESHOLD``
64 MiB), so that arrays up to 32 MiB are reused rather than re-mapped. The
setting stays for the rest of the process (pass ``steady_allocator=False`` to
measure with the allocator as it is).
"""

from __future__ import annotations

import ctypes
import os
import platform
import statistics
import sys
import time
from contextlib import nullcontext

import numpy as np

from snippets.activations import get

__all__ = ["cost_table", "machine_stamp", "relative_cost", "transcendental_count"]

#: Untimed rounds over all functions before timing (see `cost_table`).
_WARMUP_ROUNDS = 3


def _resolve(act):
    """Return an Activation for an Activation object or a registry name."""
    return get(act) if isinstance(act, str) else act


def _threads_one():
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # element-wise ufuncs are single-threaded anyway
        return nullcontext()
    return threadpool_limits(limits=1)


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


def _time_table(acts, size, dtype, repeats, steady_allocator=True):
    """Median seconds per call of each activation, interleaved across repeats."""
    if int(size) < 1:
        raise ValueError(f"size must be a positive integer, got {size!r}")
    if int(repeats) < 1:
        raise ValueError(f"repeats must be a positive integer, got {repeats!r}")
    if np.dtype(dtype) not in (np.float32, np.float64):
        raise ValueError(f"dtype must be 'float32' or 'float64', got {dtype!r}")
    if steady_allocator:
        _steady_allocator()
    x = np.random.default_rng(0).standard_normal(int(size)).astype(dtype)
    times = {name: [] for name in acts}
    with _threads_one():
        # Warm-up rounds: lazy imports, CPU caches and, above all, the allocator:
        # glibc serves large arrays with fresh mmap pages (page faults on every
        # call) until freeing a few of them raises its mmap threshold.
        for _ in range(_WARMUP_ROUNDS):
            for act in acts.values():
                act(x)
        for _ in range(int(repeats)):
            for name, act in acts.items():
                start = time.perf_counter()
                act(x)
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(ts) for name, ts in times.items()}


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
    once), interleaved, after a warm-up call; the ratio of the medians is returned.
    Nothing is cached: every call measures again.

    Parameters
    ----------
    act : Activation or str
        The activation to time.
    size : int, optional
        Number of elements of the input array, >= 1.
    dtype : {"float32", "float64"}, optional
        Floating type of the input.
    repeats : int, optional
        Number of timed calls per function, >= 1 (the median is used).
    reference : Activation or str, optional
        The activation whose cost counts as 1.
    steady_allocator : bool, optional
        On glibc, keep freed arrays up to 32 MiB for reuse so that page faults
        do not swamp the arithmetic (see the module notes; stays set).

    Returns
    -------
    float
        Median time of ``act`` divided by median time of ``reference``.

    Examples
    --------
    >>> r = relative_cost("sigmoid", size=10_000, repeats=3)
    >>> r > 0
    True
    """
    a, ref = _resolve(act), _resolve(reference)
    med = _time_table({"act": a, "ref": ref}, size, dtype, repeats, steady_allocator)
    return med["act"] / med["ref"]


def cost_table(
    names,
    size=1_000_000,
    dtype="float32",
    repeats=7,
    reference="relu",
    steady_allocator=True,
):
    """Measure the cost of several activations at once, relative to ``reference``.

    The functions are interleaved within each repeat so that slow drifts of the
    machine (frequency scaling, other processes) affect them all alike.

    Parameters
    ----------
    names : iterable of str or Activation
        The activations to time.
    size, dtype, repeats, reference, steady_allocator
        As in `relative_cost`.

    Returns
    -------
    dict
        ``{name: {"ns_per_element": float, "relative": float}}`` in input order.

    Examples
    --------
    >>> table = cost_table(["relu", "tanh"], size=10_000, repeats=3)
    >>> table["relu"]["relative"]
    1.0
    """
    acts = {}
    for item in names:
        a = _resolve(item)
        acts[a.name] = a
    ref = _resolve(reference)
    med = _time_table(
        {**acts, "__reference__": ref}, size, dtype, repeats, steady_allocator
    )
    ref_time = med["__reference__"] if ref.name not in acts else med[ref.name]
    return {
        name: {
            "ns_per_element": med[name] / int(size) * 1e9,
            "relative": med[name] / ref_time,
        }
        for name in acts
    }


def machine_stamp(size=1_000_000, dtype="float32"):
    """Describe the machine a cost table was measured on.

    Parameters
    ----------
    size : int, optional
        Array size used for the measurement (reported as is).
    dtype : str, optional
        Floating type used for the measurement (reported as is).

    Returns
    -------
    dict
        Keys ``cpu``, ``cores``, ``machine``, ``python``, ``numpy``, ``size``,
        ``dtype``, ``threads``, ``platform``, ``libc``.

    Examples
    --------
    >>> stamp = machine_stamp()
    >>> sorted(stamp)[:3]
    ['cores', 'cpu', 'dtype']
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
    return {
        "cpu": cpu or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "size": int(size),
        "dtype": str(np.dtype(dtype)),
        "threads": 1,
        "platform": sys.platform,
        "libc": " ".join(platform.libc_ver()).strip() or "unknown",
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
