"""Shared fixtures: one strict build of both languages per test session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
            str(cwd / "scripts" / "site.py"),
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
def built_site(tmp_path_factory) -> Path:
    """The site, built strictly into a temporary folder; fails the test if it cannot."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(site)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}")
    return site
