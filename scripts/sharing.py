"""Training shared by the two languages of one site build (build machinery).

The Portuguese and English pages train the same networks: only the words around
the numbers differ. ``scripts/website.py`` builds the two languages side by side,
in two processes, and while it does, the variable ``SNIPPETS_SHARED_DIR`` names a
folder of that build. `install` (called by the build's hooks, and by the tests
that run the pages' code) wraps the expensive functions of `snippets` listed in
`SHARED`, where they are defined and wherever a loaded `snippets` module imported
them: the first process to reach a call does it and leaves the result in the
folder, keyed by a hash of everything the call depends on; the other process
waits for it and takes the same result, bit for bit, instead of computing again.

- `shared_training` for training runs (``train(model, X, y, loss, lr, epochs,
  record)``): the key holds the initial weights, activations, normalisations,
  residual connections, data, loss, learning rate and epochs, and the trained
  weights, gradients and history come back into the caller's model;
- `shared_result` for any deterministic computation whose arguments are plain
  values (numbers, strings, None and tuples of them), such as the depth
  experiment of `snippets.signal`.

The folder is deleted after the build: nothing is reused across builds (the
block cache of ``scripts/hooks.py`` does that, keyed by the code). Without the
variable the wrapped functions simply run, and `snippets` itself knows nothing of
this: a reader who opens ``snippets/nn.py`` meets only back-propagation.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

SHARED_DIR_VARIABLE = "SNIPPETS_SHARED_DIR"
"""Environment variable naming the folder shared by the builds of one site build."""

WAIT = 900.0
"""Seconds to wait for the other process's run before training here after all."""

# What a run leaves in a Dense layer, and in its LayerNorm if it has one.
_LAYER_STATE = ("W", "b", "dW", "db", "x", "z", "u")
_NORM_STATE = ("gamma", "beta", "dgamma", "dbeta", "inv_std", "zhat")


def shared_training(train):
    """Wrap ``train(model, X, y, loss, lr, epochs, record)`` as the module says."""

    @functools.wraps(train)
    def wrapper(model, X, y, loss="bce", lr=0.1, epochs=1000, record=True):
        def run():
            return train(model, X, y, loss=loss, lr=lr, epochs=epochs, record=record)

        folder = os.environ.get(SHARED_DIR_VARIABLE)
        key = _key(model, X, y, loss, lr, epochs, record) if folder else None
        if key is None:  # not in a site build, or arguments train will refuse
            return run()
        history, states = _shared(Path(folder), key, lambda: (run(), _state(model)))
        for layer, state in zip(model.layers, states, strict=True):
            for name, value in state.items():
                owner, _, attribute = name.rpartition(".")
                setattr(layer.norm if owner else layer, attribute, value)
        return history

    return wrapper


def shared_result(function):
    """Wrap a deterministic ``function`` so that a site build computes each call once.

    Calls whose arguments are not all plain values (numbers, strings, None, and
    tuples of them) are not shared: they simply run.
    """

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        folder = os.environ.get(SHARED_DIR_VARIABLE)
        key = _call_key(function, args, kwargs) if folder else None
        if key is None:
            return function(*args, **kwargs)
        return _shared(Path(folder), key, lambda: function(*args, **kwargs))

    return wrapper


_PLAIN = (str, int, float, bool, type(None))


def _plain(value) -> bool:
    if isinstance(value, tuple):
        return all(_plain(v) for v in value)
    return isinstance(value, _PLAIN)


def _call_key(function, args, kwargs) -> str | None:
    """Hash of a call, or None if an argument is not a plain value."""
    if not all(_plain(v) for v in (*args, *kwargs.values())):
        return None
    call = (function.__module__, function.__qualname__, args, sorted(kwargs.items()))
    return "call-" + hashlib.sha256(repr(call).encode()).hexdigest()[:32]


def _key(model, X, y, loss, lr, epochs, record) -> str | None:
    """Hash of what a training run depends on; None if the arguments are unusual
    (train then runs, and says what is wrong with them)."""
    try:
        skips = getattr(model, "skips", None)
        run = (loss, float(lr), int(epochs), record, skips)
        digest = hashlib.sha256(repr(run).encode())
        for layer in model.layers:
            norm = getattr(layer, "norm", None)
            digest.update(
                repr((layer.act.name, sorted(layer.act.params.items()))).encode()
            )
            digest.update(repr(None if norm is None else norm.eps).encode())
            norm_arrays = () if norm is None else (norm.gamma, norm.beta)
            for array in (layer.W, layer.b, *norm_arrays):
                digest.update(repr((array.dtype.str, array.shape)).encode())
                digest.update(np.ascontiguousarray(array).tobytes())
        for data in (X, y):
            array = np.asarray(data)
            if array.dtype == object:
                return None
            digest.update(repr((array.dtype.str, array.shape)).encode())
            digest.update(np.ascontiguousarray(array).tobytes())
    except (AttributeError, TypeError, ValueError):
        return None
    return digest.hexdigest()[:32]


def _state(model) -> list[dict]:
    """Each layer's arrays by name; those of its norm, if any, as ``"norm.name"``."""
    states = []
    for layer in model.layers:
        state = {
            name: getattr(layer, name) for name in _LAYER_STATE if hasattr(layer, name)
        }
        norm = getattr(layer, "norm", None)
        if norm is not None:
            state |= {
                f"norm.{name}": getattr(norm, name)
                for name in _NORM_STATE
                if hasattr(norm, name)
            }
        states.append(state)
    return states


def _shared(folder: Path, key: str, compute):
    """``compute()``, done once for all processes sharing ``folder``."""
    result, lock = folder / f"{key}.pickle", folder / f"{key}.lock"
    if result.exists():  # done already
        return pickle.loads(result.read_bytes())
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # the other process is at it: wait for its result
        deadline = time.monotonic() + WAIT
        while lock.exists() and not result.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        if result.exists():
            return pickle.loads(result.read_bytes())
        return compute()  # it failed (its error is reported there) or is stuck
    if result.exists():  # done between the first look and the lock
        lock.unlink()
        return pickle.loads(result.read_bytes())
    try:
        value = compute()
        partial = result.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(result)  # whole, or not there
        return value
    finally:
        lock.unlink()


# --------------------------------------------------------------------------- #
# What is shared, and putting the wrappers in place
# --------------------------------------------------------------------------- #
SHARED = (
    ("snippets.nn", "train", shared_training),
    ("snippets.experiments.plateaus", "_train_stack", shared_training),
    ("snippets.experiments.playground", "_runs", shared_result),
    ("snippets.signal", "forward_factor", shared_result),
    ("snippets.signal", "backward_factor", shared_result),
    ("snippets.signal", "fixed_point", shared_result),
    ("snippets.signal", "_run", shared_result),
)
"""``(module, function, wrapper)``: the computations a site build does once for
both languages (training runs and the depth experiments: the expensive ones)."""


def install() -> None:
    """Wrap every function of `SHARED` in its module and in every loaded
    `snippets` module that imported it by name. Idempotent."""
    originals = {}
    for module_name, name, wrap in SHARED:
        module = importlib.import_module(module_name)
        function = getattr(module, name)
        if getattr(function, "__shared__", False):
            continue  # installed already
        wrapped = wrap(function)
        wrapped.__shared__ = True
        originals[id(function)] = wrapped
    for module_name, module in list(sys.modules.items()):
        if module_name.split(".")[0] != "snippets" or module is None:
            continue
        for attribute, value in list(vars(module).items()):
            if id(value) in originals:
                setattr(module, attribute, originals[id(value)])
