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

from conftest import shared_folder  # the root conftest.py (the pages' blocks)

# Same examples on every run: a red CI run can be reproduced, a green one repeated.
settings.register_profile("deterministic", derandomize=True, deadline=None)
settings.load_profile("deterministic")

ROOT = Path(__file__).resolve().parent.parent


def run_build(
    site_dir: Path, *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Build both languages (or what ``args`` say) in a subprocess, as ``make build``
    (with the environment ``env``, if given)."""
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
        env=env,
    )


# --- Long jobs: the build, the tour of its pages, a second build -------------------
# They run in the background (tests/background.py), started as soon as the tests are
# collected; the tests that need them run last and wait for them, while the others
# (each xdist worker's share) run meanwhile. With xdist, the first worker to claim
# the jobs starts them; every worker reads their results in a folder they share.


def _fixtures(item) -> set[str]:
    return set(getattr(item, "fixturenames", ()))  # pages' code blocks have none


NEEDS_BUILD = {"built_site", "second_site", "server", "tour", "plain_audits", "watch"}
NEEDS_BUILD |= {"pdf_job"}
_started: list[subprocess.Popen] = []  # the jobs, if this process started them


def pytest_collection_modifyitems(config, items) -> None:
    """Tests that need the build run last (a stable sort: the same order in every
    xdist worker, as xdist requires)."""
    items.sort(key=lambda item: bool(NEEDS_BUILD & _fixtures(item)))


@pytest.hookimpl(trylast=True)  # after the tmp_path plugin's
def pytest_configure(config) -> None:
    """The whole suite (``pytest`` with no paths, as ``make test``): start every job
    now, before the tests are even collected."""
    whole = config.args_source == pytest.Config.ArgsSource.TESTPATHS
    if whole and not config.option.collectonly and not hasattr(config, "workerinput"):
        _start_jobs(config, {"tour", "second_site", "pdf_job"})


def pytest_collection_finish(session) -> None:
    """A part of the suite: start the jobs its tests need, if any."""
    wanted = set().union(*map(_fixtures, session.items))
    if not session.config.option.collectonly and wanted & NEEDS_BUILD:
        _start_jobs(session.config, wanted)


def _start_jobs(config, wanted: set[str]) -> None:
    shared = shared_folder(config)
    try:  # atomic: exactly one process starts the jobs
        os.close(os.open(shared / "jobs-claimed", os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return
    tour = bool({"tour", "plain_audits"} & wanted)
    jobs = ["tour"] * tour + ["build-again"] * ("second_site" in wanted)
    jobs += ["pdf"] * ("pdf_job" in wanted)
    command = [sys.executable, "-m", "tests.background", str(shared), *jobs]
    _started.append(subprocess.Popen(command, cwd=ROOT, start_new_session=True))


def pytest_sessionfinish(session, exitstatus) -> None:
    """Wait for jobs still running when this process's tests end: another worker
    may need them. Stop them if the run was interrupted (Ctrl-C)."""
    import signal

    for process in _started:
        if process.poll() is None and exitstatus == pytest.ExitCode.INTERRUPTED:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait()


def _job(config, name: str, timeout: float = 1200) -> Path:
    """The folder of a finished background job; fails the test if the job failed."""
    import time

    folder = shared_folder(config) / name
    status = folder / "status"
    deadline = time.monotonic() + timeout
    while not status.is_file():
        if time.monotonic() > deadline:
            pytest.fail(f"{name} still running after {timeout} s: {folder}")
        time.sleep(0.2)
    if status.read_text(encoding="utf-8") != "0":
        log = (folder / "log.txt").read_text(encoding="utf-8")
        pytest.fail(f"{name} failed:\n{log}")
    return folder


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """The site, built strictly (both languages); fails the test if it cannot."""
    return _job(request.config, "build") / "site"


@pytest.fixture(scope="session")
def second_site(request) -> Path:
    """A second, independent strict build of the Portuguese site."""
    return _job(request.config, "build-again") / "site"


@pytest.fixture(scope="session")
def pdf_job(request, built_site: Path) -> Path:
    """The folder of the background job that made the Portuguese PDF as
    ``make pdf`` does (tests/background.py): ``site/pdf/<name>.pdf`` and the print
    page it was printed from, ``print-site/print_page/index.html``."""
    _chromium_or_skip()
    return _job(request.config, "pdf")


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
    # A page's scripts (axe-core's above all) run once or twice: V8's optimising
    # compiler only adds work on other threads. Measured on the tour of every page
    # (tests/browser_tour.py): a quarter less CPU, and faster.
    "--js-flags=--no-opt",
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
    """A page plus every request it made and every console error it logged while
    watched; ``close`` stops watching and fails on a request that left the site or
    on a console error."""

    def __init__(self, page, base: str) -> None:
        self.base = base
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        self._handlers = {
            "request": lambda r: self.requests.append(r.url),
            "pageerror": lambda e: self.errors.append(str(e)),
            "console": lambda m: (
                self.errors.append(m.text) if m.type == "error" else None
            ),
        }
        for event, handler in self._handlers.items():
            page.on(event, handler)

    def goto(self, path: str, until: str = "load") -> None:
        """Open ``path``; ``until="networkidle"`` also waits for the requests a page
        makes after it has loaded (Material's search index, for one)."""
        response = self.page.goto(self.base + path, wait_until=until)
        assert response is not None and response.ok, f"{path}: {response}"

    def close(self) -> None:
        for event, handler in self._handlers.items():
            self.page.remove_listener(event, handler)
        host = urlsplit(self.base).netloc
        outside = [
            u
            for u in self.requests
            if urlsplit(u).scheme in {"http", "https"} and urlsplit(u).netloc != host
        ]
        assert not outside, f"requests left the site: {outside}"
        assert not self.errors, f"console errors: {self.errors}"


VIEWPORT = {"width": 1280, "height": 720}  # Playwright's default


def open_tab(browser, init_script: str | None = None):
    """A tab in a context of its own (close it with ``page.context.close()``),
    with ``init_script`` run in every page it opens."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    if init_script:
        context.add_init_script(path=init_script)
    return context.new_page()


@pytest.fixture(scope="session")
def tab(browser):
    """One browser tab for the interactive tests of this process, as a reader
    keeps one tab open: a new tab starts a renderer process, which costs more CPU
    than the page it loads (measured: 0.7 CPU-seconds more per page)."""
    page = open_tab(browser)
    yield page
    page.context.close()


# Material's search worker (see ``watch``): stood in for by one that ignores the
# index it is sent, for the tests that do not search.
SEARCH_WORKER = "**/assets/javascripts/workers/search.*.min.js"
IDLE_WORKER = "self.onmessage = () => {};"


@pytest.fixture()
def watch(tab, server):
    """``watch(scheme="light", search=True)``: the shared tab, watched, reset as for
    a reader coming back: blank, no cookie, no local or session storage (Material
    keeps the chosen colour scheme there), the system colour scheme ``scheme`` and
    the default window size; only the HTTP cache is kept.

    ``search=False``, for a test about something else: every page still starts
    Material's search worker and fetches the index, but the worker that answers
    ignores the index instead of building it (0.35 CPU-seconds a page). The whole
    search runs in the tests that search, and the tour (tests/browser_tour.py,
    test_requests.py) shows that every page starts its language's search as its
    home page does, whose whole run it checks."""
    watches: list[Watch] = []
    routed: list[str] = []

    def make(scheme: str = "light", search: bool = True) -> Watch:
        assert not watches, "one watch per test: the tests share one tab"
        tab.goto("about:blank")
        tab.context.clear_cookies()
        cdp = tab.context.new_cdp_session(tab)
        try:
            cdp.send(
                "Storage.clearDataForOrigin",
                {"origin": server, "storageTypes": "local_storage,session_storage"},
            )
        finally:
            cdp.detach()
        tab.emulate_media(color_scheme=scheme)
        tab.set_viewport_size(VIEWPORT)
        if not search:
            tab.route(SEARCH_WORKER, _idle_worker)
            routed.append(SEARCH_WORKER)
        watches.append(Watch(tab, server))
        return watches[-1]

    yield make
    for pattern in routed:
        tab.unroute(pattern)
    for w in watches:
        w.close()


def _idle_worker(route) -> None:
    route.fulfill(status=200, content_type="text/javascript", body=IDLE_WORKER)


@pytest.fixture(scope="session")
def tour(request, built_site: Path):
    """Every page of both languages visited once (tests/browser_tour.py): requests,
    console errors and axe-core results, shared by test_requests.py and test_a11y.py.
    Taken in the background as soon as the build is done (tests/background.py)."""
    import pickle

    _chromium_or_skip()
    return pickle.loads((_job(request.config, "tour") / "tour.pickle").read_bytes())


@pytest.fixture(scope="session")
def plain_audits(request, built_site: Path):
    """axe-core run plainly on one page of every kind, in both colour schemes,
    beside the tour (tests/browser_tour.py): ``{"<path> <scheme>": PageVisit}``."""
    import pickle

    _chromium_or_skip()
    return pickle.loads((_job(request.config, "plain") / "plain.pickle").read_bytes())
