"""The CI workflow and the pre-commit configuration parse and call what exists."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, flags=re.M))


def _workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); use BaseLoader: strings only.
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_workflow_calls_only_existing_make_targets() -> None:
    flow = _workflow()
    runs = [
        step["run"]
        for job in flow["jobs"].values()
        for step in job.get("steps", [])
        if "run" in step
    ]
    called = {t for run in runs for t in re.findall(r"\bmake\s+([a-z][\w-]*)", run)}
    assert {"test", "build"} <= called, called
    assert called <= _make_targets(), called - _make_targets()


def test_workflow_triggers_and_deploys_only_from_main() -> None:
    flow = _workflow()
    assert {"push", "pull_request"} <= set(flow["on"])
    steps = flow["jobs"]["test"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert runs.index("make test") < runs.index("make build")
    (deploy,) = [s for s in steps if "ghp_import" in s.get("run", "")]
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    assert deploy["run"].rstrip().endswith(" site")
    # The site address and the repository are one setting each.
    assert set(flow["env"]) == {"SITE_URL", "SITE_REPOSITORY"}


def test_pre_commit_runs_the_pinned_ruff() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"].endswith("/ruff-pre-commit")
    assert repo["rev"] == "v" + version("ruff")
    assert {h["id"] for h in repo["hooks"]} == {"ruff-check", "ruff-format"}
