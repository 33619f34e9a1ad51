"""Build or serve both languages of the site at once.

    python scripts/website.py build [--site-dir DIR]   # pt into DIR, en into DIR/en
    python scripts/website.py serve [--port 8000]      # both, rebuilt on every change

Each language is its own MkDocs build (``mkdocs.yml``, ``mkdocs.en.yml``), so each
has its own search index. Both build at the same time, English in a process forked
after the shared imports, from one cost measurement and one cache of build-time
code's output (``.cache/blocks``, see scripts/hooks.py). When serving, an edit to
one page rebuilds only that language, and only the changed pages (MkDocs' dirty
build); any other change rebuilds both languages.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

# Build-time code runs small NumPy experiments: BLAS threads only fight over the
# cores (and with the second language's build in CI). Set before NumPy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hooks import PAGE_ORDER_VARIABLE, block_cache_folder


class _ImportedOnFirstUse(types.ModuleType):
    """Stands for module ``name`` in ``sys.modules`` (and on its package), so that
    importing it costs nothing: the real module is imported when one of the
    stand-in's attributes is first read or set, and the read or the change goes to
    it. For what mkdocs-jupyter's plugin imports on loading and a build whose
    notebooks come from the cache never uses: its converter, which imports
    nbconvert (half a second; scripts/notebook_pages.py, `convert_on_first_use`),
    and jupytext (a fifth; the readers' notebook is cached, hooks.py section 5)."""

    def _real(self) -> types.ModuleType:
        import importlib

        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        return importlib.import_module(name)  # sets the package's attribute too

    def __getattr__(self, attribute: str):
        return getattr(self._real(), attribute)

    def __setattr__(self, attribute: str, value) -> None:
        setattr(self._real(), attribute, value)


def import_on_first_use(name: str) -> None:
    """Put an `_ImportedOnFirstUse` in place of module ``name``, if it is not
    imported yet."""
    import importlib.util

    if name in sys.modules or importlib.util.find_spec(name) is None:
        return  # imported already, or not installed: the import that needs it says so
    stand_in = _ImportedOnFirstUse(name)
    sys.modules[name] = stand_in
    package, _, child = name.rpartition(".")
    if package:  # imported by find_spec
        vars(sys.modules[package])[child] = stand_in


import_on_first_use("mkdocs_jupyter.convert")
import_on_first_use("jupytext")

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"pt": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
SUBDIR = {"pt": "", "en": "en"}
log = logging.getLogger("mkdocs.site")


def build_language(lang: str, site_dir: Path, *, dirty: bool = False, **overrides):
    """Build one language into ``site_dir`` (English goes to ``site_dir/en``).

    MkDocs empties its site folder before a clean build; it skips hidden entries, so
    a Portuguese rebuild hides ``en/`` for the duration instead of deleting it.
    """
    target = site_dir / SUBDIR[lang]
    if lang == "en" and os.environ.get("SITE_URL"):  # the English site lives in /en/
        overrides.setdefault("site_url", os.environ["SITE_URL"].rstrip("/") + "/en/")
    config = load_config(str(CONFIGS[lang]), site_dir=str(target), **overrides)
    if dirty:  # only the edited pages are rendered: mkdocs-jupyter would evict the
        # cached notebook outputs of every other page, and re-run them next time
        notebooks = config.plugins.get("mkdocs-jupyter")
        events = config.plugins.events["post_build"]
        events[:] = [e for e in events if getattr(e, "__self__", None) is not notebooks]
    english, hidden = site_dir / "en", site_dir / ".en-kept"
    keep = lang == "pt" and not dirty and english.is_dir()
    if keep:
        english.rename(hidden)
    start = time.perf_counter()
    try:
        build(config, dirty=dirty)
    finally:
        if keep:
            hidden.rename(english)
    log.info("%s built in %.1f s", lang, time.perf_counter() - start)


def build_all(site_dir: Path, *, parallel: bool = True) -> None:
    """Build both languages: English in a second process while Portuguese builds
    in this one (the two builds share nothing but the caches, whose entries are
    per language), then English moves into ``site_dir/en``."""
    started = time.time()
    if not parallel:
        for lang in CONFIGS:  # Portuguese first: English lives inside its folder
            build_language(lang, site_dir)
    else:
        _build_in_parallel(site_dir)
    _drop_unused_blocks(started)


def _drop_unused_blocks(since: float) -> None:
    """Forget cached block outputs that this full build did not use (hooks.py,
    section 8, touches every entry it reads or writes)."""
    folder = block_cache_folder(ROOT)
    for entry in folder.glob("*/*.json") if folder else ():
        if entry.stat().st_mtime < since - 1:
            entry.unlink()


def _build_in_parallel(site_dir: Path) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=site_dir.parent, prefix=".en-build-") as tmp:
        _measure_costs_once(Path(tmp))
        import sharing  # one training, two languages (scripts/sharing.py)

        sharing.install()  # before the fork: both processes have the wrappers
        during = {
            sharing.SHARED_DIR_VARIABLE: str(Path(tmp) / "shared"),
            # The notebooks' kernels share too (scripts/kernel_startup.py).
            "PYTHONSTARTUP": str(Path(__file__).with_name("kernel_startup.py")),
        }
        with _environment(during):  # later rebuilds (make serve) train by themselves
            english = _start_english(Path(tmp))
            try:
                build_language("pt", site_dir)
            finally:
                failed = english()
        if failed:
            raise Abort("the English build failed (its messages are above)")
        shutil.rmtree(site_dir / "en", ignore_errors=True)
        shutil.move(Path(tmp) / "en", site_dir / "en")


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    """Environment variables set to ``values`` for the duration, then as before."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _start_english(site_dir: Path):
    """Build English in a second process; returns a function that waits for it and
    gives its exit status. Where the system can fork, the child starts with this
    process's imports (MkDocs, its plugins, NumPy...) already done."""
    if not hasattr(os, "fork"):
        command = [sys.executable, __file__, "build-language", "en"]
        env = dict(os.environ, **{PAGE_ORDER_VARIABLE: "reversed"})
        return subprocess.Popen([*command, "--site-dir", str(site_dir)], env=env).wait
    import multiprocessing

    load_config(str(CONFIGS["en"]))  # imports the plugins
    gc.freeze()  # what is loaded so far lives to the end: no collection looks at it
    argv = ["build-language", "en", "--site-dir", str(site_dir)]

    def english() -> None:  # from its last page to its first (hooks.py, section 14)
        os.environ[PAGE_ORDER_VARIABLE] = "reversed"
        sys.exit(main(argv))

    child = multiprocessing.get_context("fork").Process(target=english)
    child.start()

    def wait() -> int:
        child.join()
        return child.exitcode

    return wait


def _measure_costs_once(tmp: Path) -> None:
    """Time the activations once, before the languages build, for both.

    With the block cache on, the measurement is kept beside it
    (``.cache/blocks/costs-<key>.json``) and reused by later builds while the
    machine (`snippets.cost.machine_stamp`), ``snippets/`` and the versions of
    NumPy and SciPy stay the same: the blocks that print it are then served from
    the cache too, instead of running again at every build. ``make clean``, or
    deleting the file, measures again.
    """
    import json

    from hooks import code_digest

    from snippets.cost import machine_stamp
    from snippets.tables import COST_FILE_VARIABLE, measured_costs

    folder = block_cache_folder(ROOT)
    path = tmp / "costs.json"
    if folder is not None:
        stamp = json.dumps(machine_stamp(), sort_keys=True)
        path = folder / f"costs-{code_digest(ROOT, ('numpy', 'scipy'), stamp)}.json"
        for old in folder.glob("costs-*.json"):
            if old != path:
                old.unlink()
        folder.mkdir(parents=True, exist_ok=True)
    os.environ[COST_FILE_VARIABLE] = str(path)
    measured_costs.cache_clear()
    measured_costs()


def _inputs_changed(paths: list[Path], since: float) -> bool:
    for path in paths:
        files = path.rglob("*") if path.is_dir() else [path]
        if any(f.is_file() and f.stat().st_mtime > since for f in files):
            return True
    return False


SHARED_INPUTS = [
    ROOT / "snippets",
    ROOT / "overrides",
    ROOT / "scripts",
    *CONFIGS.values(),
]


def rebuild_changed(site_dir: Path, since: float) -> list[str]:
    """Rebuild what changed after ``since`` (a time.time() value), as serve does.

    A change to the package, the theme overrides, the scripts or a configuration
    rebuilds both languages; a change to pages rebuilds only that language's changed
    pages. Returns the languages rebuilt.
    """
    if _inputs_changed(SHARED_INPUTS, since):
        langs, dirty = list(CONFIGS), False
    else:
        langs = [g for g in CONFIGS if _inputs_changed([ROOT / "docs" / g], since)]
        dirty = True
    for lang in langs:
        build_language(lang, site_dir, dirty=dirty, strict=False)
    return langs


def serve(site_dir: Path, host: str, port: int) -> None:
    """Serve both languages with live reload, rebuilding only what changed."""
    from mkdocs.livereload import LiveReloadServer

    build_all(site_dir)
    last = time.time()

    def rebuild() -> None:
        nonlocal last
        started = time.time()
        try:
            rebuild_changed(site_dir, last)
        except (Abort, BuildError, ConfigurationError) as error:
            log.error("build failed: %s", error)
        last = started

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site_dir))
    for path in [ROOT / "docs", *SHARED_INPUTS]:
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build both languages (strict)")
    b.add_argument("--site-dir", type=Path, default=ROOT / "site")
    b.add_argument(
        "--offline",
        action="store_true",
        help="a copy that works opened from disk (file://): Material's offline "
        "plugin, pages as page.html",
    )
    one = sub.add_parser("build-language", help="build one language (strict)")
    one.add_argument("lang", choices=list(CONFIGS))
    one.add_argument("--site-dir", type=Path, default=ROOT / "site")
    s = sub.add_parser("serve", help="serve both languages with live reload")
    s.add_argument("--site-dir", type=Path, default=ROOT / ".cache" / "serve")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    try:
        if args.command == "build":
            if args.offline:
                os.environ.update(SITE_OFFLINE="true", SITE_DIRECTORY_URLS="false")
            build_all(args.site_dir.resolve())
        elif args.command == "build-language":
            build_language(args.lang, args.site_dir.resolve())
        else:
            serve(args.site_dir.resolve(), args.host, args.port)
    except (Abort, BuildError, ConfigurationError) as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    code = main()
    gc.freeze()  # exit without a last collection over all the build loaded (~0.3 s)
    sys.exit(code)
