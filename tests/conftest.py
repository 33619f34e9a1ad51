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


# --- Builds: started once, when collection ends, shared by every xdist worker ------
# The site build is the longest single step of the suite: it starts in the
# background as soon as the tests are known, the tests that need it run last, and
# the others (each worker's share) run meanwhile. With xdist, the first worker to
# claim a build starts it and the others wait for its result in the same folder.


class BackgroundBuild:
    """A build run in the background, its log and exit status kept in ``folder``."""

    _RUN = (
        "import subprocess, sys\n"
        "with open(sys.argv[2], 'w') as log:\n"
        "    code = subprocess.run(sys.argv[3:], stdout=log, stderr=log).returncode\n"
        "open(sys.argv[1], 'w').write(str(code))\n"
    )

    def __init__(self, folder: Path, command: list[str], env: dict[str, str]) -> None:
        self.folder, self.command, self.env = folder, command, env
        self.site = folder / "site"

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        try:  # atomic: exactly one worker starts it
            os.close(os.open(self.folder / "claimed", os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return
        status, log = self.folder / "status.tmp", self.folder / "log.txt"
        runner = [sys.executable, "-c", self._RUN, str(status), str(log)]
        _started.append(
            subprocess.Popen(
                [*runner, *self.command, "--site-dir", str(self.site)],
                cwd=ROOT,
                env=dict(os.environ, **self.env),
                start_new_session=True,  # its own process group: stopped as one
            )
        )

    def result(self, timeout: float = 1200) -> Path:
        """The built site; fails the test if the build failed."""
        import time

        self.start()  # no-op when already started
        status = self.folder / "status.tmp"
        deadline = time.monotonic() + timeout
        while not status.is_file() or not status.read_text():
            if time.monotonic() > deadline:
                pytest.fail(f"build still running after {timeout} s: {self.folder}")
            time.sleep(0.2)
        if status.read_text() != "0":
            log = (self.folder / "log.txt").read_text(encoding="utf-8")
            pytest.fail(f"strict build failed:\n{log}")
        return self.site


_started: list[subprocess.Popen] = []  # builds this process started


def pytest_sessionfinish(session, exitstatus) -> None:
    """Wait for a build still running when this process's tests end: another
    worker may need it. Stop it if the run was interrupted (Ctrl-C)."""
    import signal

    for process in _started:
        if process.poll() is None and exitstatus == pytest.ExitCode.INTERRUPTED:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait()


def _shared_folder(config) -> Path:
    """A folder all xdist workers of this run share (pytest's base temp folder)."""
    base = config._tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _builds(config) -> dict[str, BackgroundBuild]:
    shared = _shared_folder(config)
    website = [sys.executable, str(ROOT / "scripts" / "website.py")]
    cold = {"SNIPPETS_FIGURE_CACHE": ""}  # and an empty folder for block outputs
    return {
        # Both languages, strictly, every block run (no cached output).
        "built_site": BackgroundBuild(
            shared / "build",
            [*website, "build"],
            cold | {"SNIPPETS_BLOCK_CACHE": str(shared / "build" / "blocks")},
        ),
        # Portuguese again, every block and figure run again in another process,
        # for tests/test_reproducible.py.
        "second_site": BackgroundBuild(
            shared / "build-again",
            [*website, "build-language", "pt"],
            cold | {"SNIPPETS_BLOCK_CACHE": ""},
        ),
    }


def _fixtures(item) -> set[str]:
    return set(getattr(item, "fixturenames", ()))  # pages' code blocks have none


NEEDS_BUILD = {"built_site", "second_site", "server", "tour", "watch"}


def pytest_collection_modifyitems(config, items) -> None:
    """Tests that need a built site run last (stable: the same order everywhere,
    as xdist requires); the pages' tour goes to one worker (``loadgroup``)."""
    items.sort(key=lambda item: bool(NEEDS_BUILD & _fixtures(item)))
    for item in items:
        if "tour" in _fixtures(item):
            item.add_marker(pytest.mark.xdist_group("tour"))


def pytest_collection_finish(session) -> None:
    wanted = set().union(*map(_fixtures, session.items))
    builds = _builds(session.config)
    if wanted & NEEDS_BUILD:
        builds["built_site"].start()
    if "second_site" in wanted:
        builds["second_site"].start()


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """The site, built strictly (both languages); fails the test if it cannot."""
    return _builds(request.config)["built_site"].result()


@pytest.fixture(scope="session")
def second_site(request) -> Path:
    """A second, independent strict build of the Portuguese site."""
    return _builds(request.config)["second_site"].result()


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
