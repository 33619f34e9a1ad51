"""Shared fixtures: one strict build of both languages per test session, and the
browser (Debian's Chromium driven by Playwright) with a local server of that build."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

# Same examples on every run: a red CI run can be reproduced, a green one repeated.
settings.register_profile("deterministic", derandomize=True, deadline=None)
settings.load_profile("deterministic")

ROOT = Path(__file__).resolve().parent.parent


def run_build(
    site_dir: Path, *args: str, cwd: Path = ROOT
) -> subprocess.CompletedProcess:
    """Build both languages (or what ``args`` say) in a subprocess, as ``make build``."""
    return subprocess.run(
        [
            sys.executable,
            str(cwd / "scripts" / "website.py"),
            "build",
            "--site-dir",
            str(site_dir),
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The site, built strictly into a temporary folder; fails the test if it cannot."""
    if any(
        "second_site" in getattr(i, "fixturenames", ()) for i in request.session.items
    ):
        _start_second_build(tmp_path_factory)  # runs alongside this one
    site = tmp_path_factory.mktemp("site")
    result = run_build(site)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}")
    return site


# --- Browser: Debian's Chromium driven by Playwright, on a local server ---------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_or_skip() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if path:
        return path
    message = f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message + "; under CI the browser tests must run")
    pytest.skip(message)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server(built_site: Path):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    executable = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield browser
        browser.close()


class Watch:
    """A page plus every request it made and every console error it logged."""

    def __init__(self, browser, base: str, scheme: str = "light") -> None:
        self.base = base
        self.context = browser.new_context(color_scheme=scheme)
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type == "error" else None,
        )

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response}"
        self.page.wait_for_load_state("networkidle")

    def close(self) -> None:
        self.context.close()
        host = urlsplit(self.base).netloc
        outside = [
            u
            for u in self.requests
            if urlsplit(u).scheme in {"http", "https"} and urlsplit(u).netloc != host
        ]
        assert not outside, f"requests left the site: {outside}"
        assert not self.errors, f"console errors: {self.errors}"


@pytest.fixture()
def watch(browser, server):
    watches: list[Watch] = []

    def make(scheme: str = "light") -> Watch:
        watches.append(Watch(browser, server, scheme))
        return watches[-1]

    yield make
    for w in watches:
        w.close()


@pytest.fixture(scope="session")
def tour(browser, server, built_site: Path):
    """Every page of both languages visited once (tests/browser_tour.py): requests,
    console errors and axe-core results, shared by test_requests.py and test_a11y.py."""
    from tests.browser_tour import tour as visit_every_page

    return visit_every_page(browser, server, built_site)


# --- A second, independent build, for tests/test_reproducible.py -------------------
_second: dict = {}


def _start_second_build(tmp_path_factory) -> None:
    """Start the second build in the background (once): with the figure cache off,
    so every figure is drawn again. Started together with ``built_site``'s build,
    it costs little extra time on a machine with two cores."""
    if "process" in _second:
        return
    site = tmp_path_factory.mktemp("site-again")
    command = [
        sys.executable,
        str(ROOT / "scripts" / "website.py"),
        "build",
        "--site-dir",
        str(site),
    ]
    _second["site"] = site
    _second["process"] = subprocess.Popen(
        command,
        cwd=ROOT,
        env=dict(os.environ, SNIPPETS_FIGURE_CACHE=""),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture(scope="session")
def second_site(tmp_path_factory) -> Path:
    """A second strict build of the site, independent of ``built_site``."""
    _start_second_build(tmp_path_factory)
    output, _ = _second["process"].communicate()
    if _second["process"].returncode != 0:
        pytest.fail(f"second strict build failed:\n{output}")
    return _second["site"]
