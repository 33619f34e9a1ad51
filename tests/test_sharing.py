"""scripts/sharing.py: one training run (or one computation) for both languages of a site build."""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from scripts import sharing
from snippets import nn
from snippets.datasets import two_moons, xor
from snippets.nn import MLP
from tests.conftest import ROOT

sharing.install()  # as a site build does: snippets.nn.train is wrapped

X, Y = xor()


def _state(net) -> list[dict]:
    return [{k: v.copy() for k, v in s.items()} for s in sharing._state(net)]


def _same(a: list[dict], b: list[dict]) -> bool:
    return all(
        x.keys() == y.keys() and all(np.array_equal(x[k], y[k]) for k in x)
        for x, y in zip(a, b, strict=True)
    )


def _run(**kwargs):
    net = MLP((2, 4, 1), "tanh", init="glorot", seed=kwargs.pop("seed", 0))
    history = nn.train(net, X, Y, lr=kwargs.pop("lr", 0.5), epochs=50, **kwargs)
    return net, history


@pytest.fixture
def shared(tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    monkeypatch.setenv(sharing.SHARED_DIR_VARIABLE, str(folder))
    return folder


def test_without_the_variable_training_just_runs(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(sharing.SHARED_DIR_VARIABLE, raising=False)
    _, history = _run()
    assert history["loss"][-1] < history["loss"][0]
    assert not list(tmp_path.iterdir())


def test_a_second_identical_run_takes_the_first_ones_result(shared) -> None:
    net, history = _run()
    (stored,) = shared.glob("*.pickle")
    assert not list(shared.glob("*.lock"))
    again, history_again = _run()
    assert _same(_state(net), _state(again))  # weights, gradients, x and z
    for key in history:
        assert np.array_equal(history[key], history_again[key])
    # And it did not train: a result changed on disk is what it gets.
    value, states = pickle.loads(stored.read_bytes())
    value["loss"] = np.full_like(value["loss"], 7.0)
    stored.write_bytes(pickle.dumps((value, states)))
    _, marked = _run()
    assert np.all(marked["loss"] == 7.0)


def test_the_result_is_the_plain_run_bit_for_bit(shared, monkeypatch) -> None:
    net, history = _run()
    _, history = _run()  # from the folder
    monkeypatch.delenv(sharing.SHARED_DIR_VARIABLE)
    plain, plain_history = _run()
    assert _same(_state(net), _state(plain))
    assert np.array_equal(history["grad_norms"], plain_history["grad_norms"])


@pytest.mark.parametrize(
    "change", [{"lr": 0.4}, {"seed": 1}, {"record": False}, {"loss": "mse"}]
)
def test_anything_the_run_depends_on_is_in_the_key(shared, change) -> None:
    _run()
    _run(**change)
    assert len(list(shared.glob("*.pickle"))) == 2


def test_other_data_and_activations_are_other_runs(shared) -> None:
    Xm, ym = two_moons(40, seed=0)
    for act in ("tanh", "relu"):
        nn.train(MLP((2, 4, 1), act, seed=0), Xm, ym, epochs=5)
        nn.train(MLP((2, 4, 1), act, seed=0), Xm[:20], ym[:20], epochs=5)
    assert len(list(shared.glob("*.pickle"))) == 4


def test_normalisation_and_residual_connections_are_other_runs(shared) -> None:
    # Same seed, so the same W and b: only the norm and the skips tell them apart.
    Xm, ym = two_moons(40, seed=0)
    for kwargs in ({}, {"norm": "layer"}, {"residual": True}):
        nn.train(MLP((2, 4, 4, 1), "tanh", seed=0, **kwargs), Xm, ym, epochs=5)
    assert len(list(shared.glob("*.pickle"))) == 3


def test_a_shared_normalised_run_is_the_plain_run_bit_for_bit(shared, monkeypatch):
    Xm, ym = two_moons(40, seed=0)

    def run():
        net = MLP((2, 4, 4, 1), "tanh", seed=0, norm="layer", residual=True)
        return net, nn.train(net, Xm, ym, lr=0.3, epochs=20)

    first, _ = run()
    again, _ = run()  # from the folder
    assert "norm.gamma" in sharing._state(again)[0]
    monkeypatch.delenv(sharing.SHARED_DIR_VARIABLE)
    plain, _ = run()
    for net in (first, again):
        assert _same(_state(net), _state(plain))
        assert all(
            np.array_equal(a, b)
            for a, b in zip(net.params(), plain.params(), strict=True)
        )


def test_bad_arguments_get_trains_own_error_and_leave_no_lock(shared) -> None:
    with pytest.raises(ValueError, match="lr must be > 0"):
        _run(lr=-1.0)
    with pytest.raises(ValueError, match="loss must be one of"):
        _run(loss="hinge")
    assert not list(shared.glob("*.lock")) and not list(shared.glob("*.pickle"))


def test_a_run_left_unfinished_elsewhere_is_done_here(shared, monkeypatch) -> None:
    """The other process took the run, then failed (its lock goes, no result)."""
    net = MLP((2, 4, 1), "tanh", init="glorot", seed=0)
    key = sharing._key(net, X, Y, "bce", 0.5, 50, True)
    shared.mkdir()
    lock = shared / f"{key}.lock"
    lock.touch()
    start = time.monotonic()  # before the timer: it cannot count less than 0.3 s
    threading.Timer(0.3, lock.unlink).start()
    net, _ = _run()
    assert time.monotonic() - start >= 0.3, "it waited for the other process"
    monkeypatch.delenv(sharing.SHARED_DIR_VARIABLE)
    plain, _ = _run()
    assert _same(_state(net), _state(plain))


def test_a_run_going_on_elsewhere_is_waited_for(shared) -> None:
    """The other process holds the lock, then leaves its result: taken as it is."""
    _run()  # a real result, to be found again under another key
    (stored,) = shared.glob("*.pickle")
    value, states = pickle.loads(stored.read_bytes())
    value["loss"] = np.full_like(value["loss"], 7.0)
    other = MLP((2, 4, 1), "tanh", init="glorot", seed=5)
    key = sharing._key(other, X, Y, "bce", 0.5, 50, True)
    lock = shared / f"{key}.lock"
    lock.touch()

    def finish() -> None:  # as sharing._shared writes: whole, or not there
        partial = shared / f"{key}.tmp"
        partial.write_bytes(pickle.dumps((value, states)))
        partial.replace(shared / f"{key}.pickle")
        lock.unlink()

    threading.Timer(0.3, finish).start()
    _, waited = _run(seed=5)
    assert np.all(waited["loss"] == 7.0)


TWO_AT_ONCE = """
import os, sys
from scripts import sharing
from snippets.datasets import spirals

sharing.install()
from snippets.nn import MLP, train

done = sharing._shared
def counted(folder, key, compute):
    def run():
        print("trained", flush=True)
        return compute()
    return done(folder, key, run)
sharing._shared = counted
X, y = spirals()
net = MLP((2, 16, 1), "tanh", seed=0)
train(net, X, y, lr=0.1, epochs=300)
print(net.layers[0].W.tobytes().hex()[:40])
"""


def test_two_processes_at_once_train_once(shared) -> None:
    command = [sys.executable, "-c", TWO_AT_ONCE]
    env = {**__import__("os").environ, sharing.SHARED_DIR_VARIABLE: str(shared)}
    processes = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0].split() for p in processes]
    assert [p.returncode for p in processes] == [0, 0]
    assert sum(o.count("trained") for o in outputs) == 1
    assert outputs[0][-1] == outputs[1][-1]  # the same weights
    assert len(list(shared.glob("*.pickle"))) == 1 and not list(shared.glob("*.lock"))


# --------------------------------------------------------------- shared_result

_CALLS: list = []


@sharing.shared_result
def _square_plus(x, offset=0.0):
    _CALLS.append((x, offset))
    return np.array([x * x + offset])


def test_shared_result_runs_each_call_once_per_build(shared) -> None:
    _CALLS.clear()
    first = _square_plus(3, offset=1.0)
    assert first.tolist() == [10.0] and len(list(shared.glob("call-*.pickle"))) == 1
    again = _square_plus(3, offset=1.0)  # from the folder: not computed again
    assert again.tolist() == [10.0] and _CALLS == [(3, 1.0)]
    _square_plus(3, offset=2.0)  # other arguments, other call
    assert len(list(shared.glob("call-*.pickle"))) == 2 and len(_CALLS) == 2


def test_shared_result_takes_what_the_other_process_left(shared) -> None:
    _square_plus(4)
    (stored,) = shared.glob("call-*.pickle")
    stored.write_bytes(pickle.dumps(np.array([-1.0])))
    assert _square_plus(4).tolist() == [-1.0]


def test_shared_result_only_shares_plain_arguments(shared) -> None:
    _CALLS.clear()
    _square_plus(np.float32(2.0))  # not a plain value: runs, nothing stored
    _square_plus(np.float32(2.0))
    assert len(_CALLS) == 2 and not list(shared.glob("*.pickle"))


def test_shared_result_without_the_variable_just_runs(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(sharing.SHARED_DIR_VARIABLE, raising=False)
    _CALLS.clear()
    assert _square_plus(5).tolist() == [25.0] and _square_plus(5).tolist() == [25.0]
    assert len(_CALLS) == 2


# --------------------------------------------------------------------- install

SNIPPETS_MODULES = """
import importlib, json, pkgutil, sys
import snippets
from scripts import sharing

names = [m.name for m in pkgutil.walk_packages(snippets.__path__, "snippets.")]
for name in names:
    importlib.import_module(name)
sharing.install()
left = []
for module_name, name, _ in sharing.SHARED:
    original = getattr(importlib.import_module(module_name), name).__wrapped__
    for other in names:
        for attribute, value in vars(sys.modules[other]).items():
            if value is original:
                left.append(f"{other}.{attribute}")
print(json.dumps(left))
"""


def test_install_leaves_no_unwrapped_reference_in_any_snippets_module() -> None:
    # every module of the package loaded first, then the wrappers put in place:
    # no module keeps a name bound to an unwrapped function
    result = subprocess.run(
        [sys.executable, "-c", SNIPPETS_MODULES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_install_is_idempotent_and_wraps_what_it_lists() -> None:
    import importlib

    sharing.install()
    sharing.install()
    for module_name, name, _ in sharing.SHARED:
        function = getattr(importlib.import_module(module_name), name)
        assert function.__shared__ and not getattr(
            function.__wrapped__, "__shared__", False
        ), f"{module_name}.{name} wrapped twice or not at all"


def test_snippets_knows_nothing_of_the_build() -> None:
    # the package readers import holds no build plumbing
    sources = (ROOT / "snippets").rglob("*.py")
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources
        if "SNIPPETS_SHARED_DIR" in path.read_text(encoding="utf-8")
        or "sharing" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_notebooks_kernels_share_too(shared, monkeypatch) -> None:
    """During a full build scripts/website.py names scripts/kernel_startup.py in
    PYTHONSTARTUP: a Jupyter kernel then trains through the shared folder, as the
    build processes do (one language's notebook takes the other's runs)."""
    import nbformat
    from nbclient import NotebookClient

    net, _ = _run(seed=3)  # this process trains, the kernel takes its run
    monkeypatch.setenv("PYTHONSTARTUP", str(ROOT / "scripts" / "kernel_startup.py"))
    code = (
        "from snippets import nn\n"
        "from snippets.datasets import xor\n"
        "X, Y = xor()\n"
        "net = nn.MLP((2, 4, 1), 'tanh', init='glorot', seed=3)\n"
        "nn.train(net, X, Y, lr=0.5, epochs=50)\n"
        "print(nn.train.__shared__, repr(net.layers[0].W.tobytes()))"
    )
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    files = set(shared.iterdir())
    NotebookClient(
        notebook, timeout=120, resources={"metadata": {"path": ROOT}}
    ).execute()
    shared_flag, weights = notebook.cells[0].outputs[0]["text"].split(" ", 1)
    assert shared_flag == "True"
    assert weights.strip() == repr(net.layers[0].W.tobytes())
    assert set(shared.iterdir()) == files, "the kernel trained again"

    monkeypatch.delenv(sharing.SHARED_DIR_VARIABLE)  # outside a build: nothing
    notebook.cells[
        0
    ].source = "from snippets import nn\nprint(hasattr(nn.train, '__shared__'))"
    NotebookClient(
        notebook, timeout=120, resources={"metadata": {"path": ROOT}}
    ).execute()
    assert notebook.cells[0].outputs[0]["text"].strip() == "False"
