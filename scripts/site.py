"""Build or serve both languages of the site in one process.

    python scripts/site.py build [--site-dir DIR]   # pt into DIR, en into DIR/en
    python scripts/site.py serve [--port 8000]      # both, rebuilt on every change

Each language is its own MkDocs build (``mkdocs.yml``, ``mkdocs.en.yml``), so each
has its own search index. Running them in one process shares the imports and the
figure cache. MkDocs cleans a site folder before it builds into it, which would
delete ``site/en/`` when the Portuguese site is rebuilt; so this script empties
each language's folder itself (keeping ``en/`` out of the Portuguese clean-up) and
builds with ``dirty=True``, which then rebuilds every page.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"pt": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
SUBDIR = {"pt": "", "en": "en"}
log = logging.getLogger("mkdocs.site")


def _empty(folder: Path, keep: set[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for entry in folder.iterdir():
        if entry.name in keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def build_language(lang: str, site_dir: Path, *, clean: bool = True, **overrides):
    """Build one language into ``site_dir`` (en goes to ``site_dir/en``)."""
    target = site_dir / SUBDIR[lang]
    if clean:
        _empty(target, keep={"en"} if lang == "pt" else set())
    config = load_config(str(CONFIGS[lang]), site_dir=str(target), **overrides)
    start = time.perf_counter()
    build(config, dirty=True)
    log.info("%s built in %.1f s", lang, time.perf_counter() - start)


def build_all(site_dir: Path, **overrides) -> None:
    """Build Portuguese, then English (order matters: en lives inside pt's folder)."""
    for lang in CONFIGS:
        build_language(lang, site_dir, **overrides)


def _inputs_changed(paths: list[Path], since: float) -> bool:
    for path in paths:
        files = path.rglob("*") if path.is_dir() else [path]
        if any(f.is_file() and f.stat().st_mtime > since for f in files):
            return True
    return False


def serve(site_dir: Path, host: str, port: int) -> None:
    """Serve both languages with live reload, rebuilding only what changed."""
    from mkdocs.livereload import LiveReloadServer

    build_all(site_dir)
    shared = [ROOT / "snippets", ROOT / "overrides", ROOT / "scripts", *CONFIGS.values()]
    last = time.time()

    def rebuild() -> None:
        nonlocal last
        started = time.time()
        if _inputs_changed(shared, last):
            langs, clean = list(CONFIGS), True
        else:  # only pages changed: rebuild the changed pages of that language
            langs = [g for g in CONFIGS if _inputs_changed([ROOT / "docs" / g], last)]
            clean = False
        last = started
        for lang in langs:
            try:
                build_language(lang, site_dir, clean=clean, strict=False)
            except (Abort, BuildError, ConfigurationError) as error:
                log.error("%s build failed: %s", lang, error)

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site_dir))
    for path in [ROOT / "docs", *shared]:
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
    s = sub.add_parser("serve", help="serve both languages with live reload")
    s.add_argument("--site-dir", type=Path, default=ROOT / ".cache" / "serve")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    try:
        if args.command == "build":
            build_all(args.site_dir.resolve())
        else:
            serve(args.site_dir.resolve(), args.host, args.port)
    except (Abort, BuildError, ConfigurationError) as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
