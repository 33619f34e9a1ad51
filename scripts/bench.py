"""Benchmark the budgets of the site: build and test times, page weight, Lighthouse.

    python scripts/bench.py [--repeats 3] [--test-repeats 3] [--skip-tests]
                            [--skip-lighthouse]

Prints medians over repeats, each against its budget:

* cold build of both languages (caches emptied), warm build (nothing changed), the
  rebuild ``make serve`` does after one page is edited, the full test suite;
* where a cold build spends its time (imports, figures, other build-time code,
  notebooks, the rest of rendering);
* bytes each page transfers on a first load, gzipped as GitHub Pages serves them,
  by kind (HTML, CSS, JS, images, fonts), and the largest figures;
* Lighthouse scores (npm ``lighthouse``, pinned below, mobile, on Debian's
  Chromium) for one page of every kind (``scripts/page_kinds.py``: home, content,
  catalogue index and page, property page, notebook, API, glossary, references,
  playground) in each language, with their Total Blocking Time.

The site is built for the address it is served at (``SITE_URL``), as the hosted
site is, and served gzipped, as GitHub Pages serves it. Budgets are checked here,
not in timed tests: the tests must pass on a busy machine. ``--kinds`` limits
Lighthouse to some kinds (``--kinds API,notebook``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from page_kinds import PAGE_KINDS, sample_pages  # noqa: E402

PY = sys.executable
LIGHTHOUSE = "lighthouse@12.2.3"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CACHE = ROOT / ".cache"
BUDGET = {
    "cold build": 20.0,
    "warm build": 4.0,
    "rebuild after one edit": 2.0,
    "test suite": 75.0,  # a margin under 90 s on slower machines of the kind
    "page weight": 1_000_000,
    "performance": 95,
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
}


def _timed(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{result.stdout}\n{result.stderr}")
    return elapsed


def _empty_caches() -> None:
    for name in ("blocks", "notebooks", "templates"):
        shutil.rmtree(CACHE / name, ignore_errors=True)


def _line(label: str, value: float, budget: float, unit: str = "s") -> str:
    verdict = "ok" if value <= budget else "OVER"
    return f"  {label:<26} {value:8.2f} {unit}   budget {budget:g} {unit}   {verdict}"


def bench_builds(site: Path, repeats: int) -> list[str]:
    build = [PY, "scripts/website.py", "build", "--site-dir", str(site)]
    cold, warm = [], []
    for _ in range(repeats):
        _empty_caches()
        cold.append(_timed(build))
        warm.append(_timed(build))
    edit = [_rebuild_after_edit(site) for _ in range(repeats)]
    return [
        _line("cold build", statistics.median(cold), BUDGET["cold build"]),
        _line("warm build", statistics.median(warm), BUDGET["warm build"]),
        _line(
            "rebuild after one edit",
            statistics.median(edit),
            BUDGET["rebuild after one edit"],
        ),
    ]


def bench_tests() -> float:
    """``make test``'s command, from empty caches as on a fresh checkout (CI): no
    block or notebook output, no compiled template, no bytecode of the project's
    own modules."""
    _empty_caches()
    for folder in ("snippets", "scripts", "tests"):
        for pycache in (ROOT / folder).rglob("__pycache__"):
            shutil.rmtree(pycache, ignore_errors=True)
    shutil.rmtree(ROOT / "__pycache__", ignore_errors=True)
    xdist = ["-n", "auto"]  # as the Makefile, which also writes bytecode
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
    return _timed([PY, "-m", "pytest", *xdist, "-q", "-p", "no:cacheprovider"], env)


def _rebuild_after_edit(site: Path) -> float:
    """Time serve's rebuild in-process after appending a space to one page."""
    code = f"""
import sys, time, logging
sys.path.insert(0, {str(ROOT / "scripts")!r})
logging.disable(logging.INFO)
import website as s
from pathlib import Path
site_dir = Path({str(site)!r})
page = Path({str(ROOT / "docs" / "en" / "neuron.md")!r})
text = page.read_text(encoding="utf-8")
since = time.time()
time.sleep(0.05)
try:
    page.write_text(text + " ", encoding="utf-8")
    start = time.perf_counter()
    s.rebuild_changed(site_dir, since)
    print(time.perf_counter() - start)
finally:
    page.write_text(text, encoding="utf-8")
"""
    out = subprocess.run([PY, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"rebuild failed:\n{out.stderr}")
    return float(out.stdout.strip().splitlines()[-1])


def bench_breakdown(site: Path) -> list[str]:
    """One cold build in this process, with timers around each kind of work."""
    _empty_caches()
    timers = {"figures": 0.0, "build-time code": 0.0, "notebooks": 0.0}
    start = time.perf_counter()
    import matplotlib  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    from markdown_exec._internal.formatters import python as exec_python

    import snippets.figures  # noqa: F401
    from snippets import publish

    imports = time.perf_counter() - start

    def timed(key, func):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                timers[key] += time.perf_counter() - t0

        return wrapper

    publish._draw_both = timed("figures", publish._draw_both)
    exec_python._run_python = timed("build-time code", exec_python._run_python)
    try:  # mkdocs-jupyter executes and converts a notebook page in nb2html
        import mkdocs_jupyter.convert as nb

        nb.nb2html = timed("notebooks", nb.nb2html)
    except (ImportError, AttributeError):
        pass
    sys.path.insert(0, str(ROOT / "scripts"))
    import logging

    import website as site_script  # scripts/website.py

    logging.disable(logging.INFO)
    t0 = time.perf_counter()
    site_script.build_all(site, parallel=False)
    total = time.perf_counter() - t0
    code_only = timers["build-time code"] - timers["figures"]
    rest = total - timers["build-time code"] - timers["notebooks"]
    return [
        f"  imports                    {imports:8.2f} s",
        f"  figures                    {timers['figures']:8.2f} s",
        f"  other build-time code      {code_only:8.2f} s",
        f"  notebooks                  {timers['notebooks']:8.2f} s",
        f"  rendering and the rest     {rest:8.2f} s",
    ]


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves files gzipped when the browser accepts it, as GitHub Pages does."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        types = (".html", ".css", ".js", ".svg", ".json", ".xml")
        if path.suffix not in types or "gzip" not in self.headers.get(
            "Accept-Encoding", ""
        ):
            return super().send_head()
        if not path.is_file():
            return super().send_head()
        import io

        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def _serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_GzipHandler, directory=str(site))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def _kind(url: str, resource_type: str) -> str:
    if resource_type == "document":
        return "html"
    if url.endswith((".woff", ".woff2", ".ttf")):
        return "fonts"
    return {
        "stylesheet": "css",
        "script": "js",
        "image": "images",
        "font": "fonts",
    }.get(resource_type, "other")


def bench_weight(site: Path, base: str) -> list[str]:
    """Bytes transferred on a first load of every page, by kind (Playwright)."""
    from playwright.sync_api import sync_playwright

    pages = sorted(
        p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if "assets" not in p.parts and "search" not in p.parts
    )
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking"],
        )
        for path in pages:
            path = "" if path == "./" else path
            context = browser.new_context()
            page = context.new_page()
            sizes: dict[str, int] = {}
            requests = []
            page.on("requestfinished", lambda r, found=requests: found.append(r))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            for r in requests:
                size = r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                kind = _kind(r.url, r.resource_type)
                sizes[kind] = sizes.get(kind, 0) + size
            rows.append((path or "/", sizes))
            context.close()
        browser.close()
    kinds = ["html", "css", "js", "images", "fonts", "other"]
    lines = [
        "  " + f"{'page':<44}" + "".join(f"{k:>9}" for k in kinds) + f"{'total':>10}"
    ]
    worst = 0
    for path, sizes in rows:
        total = sum(sizes.values())
        worst = max(worst, total)
        cells = "".join(f"{sizes.get(k, 0) / 1024:8.0f}K" for k in kinds)
        flag = "" if total <= BUDGET["page weight"] else "  OVER"
        lines.append(f"  {path:<44}{cells}{total / 1024:9.0f}K{flag}")
    lines.append(_line("heaviest page", worst / 1e6, BUDGET["page weight"] / 1e6, "MB"))
    figures = sorted(
        site.rglob("assets/figures/*.svg"), key=lambda p: -p.stat().st_size
    )
    lines.append("  largest figures:")
    for f in figures[:5]:
        gz = len(gzip.compress(f.read_bytes()))
        lines.append(
            f"    {f.relative_to(site)}  {f.stat().st_size / 1024:.0f} KiB ({gz / 1024:.0f} KiB gzipped)"
        )
    return lines


CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _lighthouse(url: str, report: Path) -> dict[str, float] | None:
    """One Lighthouse run (mobile, default throttling): the four scores out of 100
    and the Total Blocking Time in ms (``"tbt"``)."""
    report.unlink(missing_ok=True)
    cmd = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
        "--disable-background-networking --disable-component-update",
    ]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if not report.is_file():
        return None
    result = json.loads(report.read_text())
    scores = {
        k: round(100 * (v["score"] or 0)) for k, v in result["categories"].items()
    }
    scores["tbt"] = result["audits"]["total-blocking-time"].get("numericValue", 0)
    return scores


def bench_lighthouse(base: str, repeats: int = 3, kinds=None) -> list[str]:
    """Lighthouse (mobile, default throttling) on Debian's Chromium: the median of
    ``repeats`` runs for the page of each kind (``kinds``: all by default) in
    each language; one run varies by several points."""
    if not shutil.which("npx"):
        return ["  npx not found: install Node.js and npm to run Lighthouse"]
    header = "".join(f"{c[:13]:>15}" for c in CATEGORIES)
    lines = [
        f"  {'kind':<16}{'page':<24}{header}{'TBT':>8}   "
        f"(median of {repeats} runs; performance runs)"
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for kind, path in sample_pages():
            if kinds and kind not in kinds:
                continue
            runs = [
                _lighthouse(base + path, Path(tmp) / "report.json")
                for _ in range(repeats)
            ]
            runs = [r for r in runs if r]
            if not runs:
                lines.append(f"  {kind:<16}/{path}: lighthouse failed")
                continue
            scores = {
                k: round(statistics.median(r.get(k, 0) for r in runs))
                for k in (*CATEGORIES, "tbt")
            }
            flags = [k for k in CATEGORIES if scores[k] < BUDGET[k]]
            cells = "".join(f"{scores[k]:>15}" for k in CATEGORIES)
            spread = "/".join(str(r.get("performance", 0)) for r in runs)
            verdict = "  OVER: " + ", ".join(flags) if flags else ""
            lines.append(
                f"  {kind:<16}{'/' + path:<24}{cells}{scores['tbt']:>6} ms"
                f"   ({spread}){verdict}"
            )
    budget = ", ".join(f"{k} >= {BUDGET[k]}" for k in CATEGORIES)
    lines.append(f"  budgets: {budget}")
    return lines


def _textbook() -> dict:
    """The plain formulas a textbook writes (what the registry is compared with)."""
    import numpy as np
    from scipy import special

    a, lam = 1.6732632423543772, 1.0507009873554805
    sig = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731
    sp = lambda x: np.log(1 + np.exp(x))  # noqa: E731
    u = lambda x: np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)  # noqa: E731
    return {
        "sigmoid": sig,
        "tanh": np.tanh,
        "relu": lambda x: np.maximum(x, 0),
        "leaky_relu": lambda x: np.where(x > 0, x, 0.01 * x),
        "prelu": lambda x: np.where(x > 0, x, 0.25 * x),
        "elu": lambda x: np.where(x > 0, x, np.exp(x) - 1),
        "selu": lambda x: lam * np.where(x > 0, x, a * (np.exp(x) - 1)),
        "celu": lambda x: np.maximum(0, x) + np.minimum(0, np.exp(x) - 1),
        "gelu": lambda x: 0.5 * x * (1 + special.erf(x / np.sqrt(2))),
        "gelu_tanh": lambda x: 0.5 * x * (1 + np.tanh(u(x))),
        "silu": lambda x: x * sig(x),
        "mish": lambda x: x * np.tanh(sp(x)),
        "softplus": sp,
        "softsign": lambda x: x / (1 + np.abs(x)),
        "log_sigmoid": lambda x: np.log(sig(x)),
        "hard_sigmoid": lambda x: np.clip(x + 3, 0, 6) / 6,
        "hard_tanh": lambda x: np.clip(x, -1, 1),
        "hard_swish": lambda x: x * np.clip(x + 3, 0, 6) / 6,
        "relu6": lambda x: np.clip(x, 0, 6),
    }


def bench_accuracy_cost(size: int = 1_000_000, repeats: int = 7) -> list[str]:
    """Time of each registry function over its textbook formula (float64)."""
    import timeit

    import numpy as np

    from snippets.activations import get

    x = np.random.default_rng(0).standard_normal(size)
    lines = [f"  {'function':<14}{'registry':>12}{'textbook':>12}{'ratio':>8}"]
    with np.errstate(all="ignore"):
        for name, plain in _textbook().items():
            ours = get(name)
            t_ours = min(timeit.repeat(partial(ours, x), number=3, repeat=repeats)) / 3
            t_plain = (
                min(timeit.repeat(partial(plain, x), number=3, repeat=repeats)) / 3
            )
            lines.append(
                f"  {name:<14}{t_ours * 1e3:10.2f}ms{t_plain * 1e3:10.2f}ms"
                f"{t_ours / t_plain:7.2f}x"
            )
    lines.append(f"  ({size:,} float64 elements, best of {repeats}; goal: ratio <= ~2)")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--test-repeats", type=int, default=3)
    parser.add_argument("--skip-tests", action="store_true")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument(
        "--only-accuracy-cost",
        action="store_true",
        help="only the registry-versus-textbook timing",
    )
    parser.add_argument(
        "--only-lighthouse", action="store_true", help="build once, then Lighthouse"
    )
    parser.add_argument(
        "--kinds",
        type=lambda text: text.split(","),
        help="Lighthouse on these kinds of page only, comma-separated: "
        + ", ".join(PAGE_KINDS),
    )
    args = parser.parse_args()
    unknown = set(args.kinds or ()) - set(PAGE_KINDS)
    if unknown:
        parser.error(f"unknown kinds {sorted(unknown)}; the kinds: {list(PAGE_KINDS)}")
    if args.only_accuracy_cost:
        print("Accuracy costs time? Registry against the textbook formula:")
        print("\n".join(bench_accuracy_cost()))
        return 0
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    # Served from the start, so that every build knows its address (SITE_URL), as
    # the hosted site's builds do: absolute language alternates and canonical
    # addresses that match the page Lighthouse loads.
    httpd, base = _serve(site)
    os.environ["SITE_URL"] = base
    try:
        if args.only_lighthouse:
            _timed([PY, "scripts/website.py", "build", "--site-dir", str(site)])
            print(f"Lighthouse ({LIGHTHOUSE}, mobile):")
            print("\n".join(bench_lighthouse(base, args.repeats, args.kinds)))
            return 0
        print(f"Benchmark on {os.cpu_count()} cores, medians of {args.repeats} runs\n")
        print("Build (both languages):")
        print("\n".join(bench_builds(site, args.repeats)), flush=True)
        if not args.skip_tests:
            runs = [bench_tests() for _ in range(args.test_repeats)]
            print(
                _line("test suite", statistics.median(runs), BUDGET["test suite"]),
                flush=True,
            )
        print("\nRegistry against the textbook formula (accuracy costs time?):")
        print("\n".join(bench_accuracy_cost()), flush=True)
        print("\nWhere a cold build spends its time:")
        print("\n".join(bench_breakdown(site)), flush=True)
        print("\nFirst-load transfer per page (gzipped):")
        print("\n".join(bench_weight(site, base)), flush=True)
        if not args.skip_lighthouse:
            print(f"\nLighthouse ({LIGHTHOUSE}, mobile):")
            print("\n".join(bench_lighthouse(base, args.repeats, args.kinds)))
    finally:
        httpd.shutdown()
        httpd.server_close()
        shutil.rmtree(site, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
