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


def _runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job.get("steps", [])]


def test_workflow_calls_only_existing_make_targets() -> None:
    flow = _workflow()
    runs = [run for job in flow["jobs"].values() for run in _runs(job)]
    called = {t for run in runs for t in re.findall(r"\bmake\s+([a-z][\w-]*)", run)}
    assert {"test", "build", "pdf"} <= called, called
    assert called <= _make_targets(), called - _make_targets()


def test_workflow_tests_builds_and_checks_before_publishing() -> None:
    flow = _workflow()
    assert {"push", "pull_request"} <= set(flow["on"])
    runs = _runs(flow["jobs"]["test"])
    # The PDFs go into the built site, then every link is checked, PDFs included
    # (no --before-pdf: a missing PDF fails).
    order = ["make test", "make build", "make pdf"]
    assert [runs.index(r) for r in order] == sorted(runs.index(r) for r in order)
    (check,) = [r for r in runs if "check_links.py" in r]
    assert runs.index(check) > runs.index("make pdf")
    assert check.rstrip().endswith(" site") and "--before-pdf" not in check
    # The site address and the repository are one setting each.
    assert set(flow["env"]) == {"SITE_URL", "SITE_REPOSITORY"}


def test_only_the_deploy_job_may_write_and_only_from_main() -> None:
    flow = _workflow()
    jobs = flow["jobs"]
    assert flow["permissions"] == {"contents": "read"}
    assert set(jobs) == {"test", "deploy"}
    assert jobs["test"]["permissions"] == {"contents": "read"}
    (checkout,) = [s for s in jobs["test"]["steps"] if "checkout" in s.get("uses", "")]
    assert checkout["with"]["persist-credentials"] == "false"
    deploy = jobs["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["permissions"] == {"contents": "write"}
    main_push = "github.ref == 'refs/heads/main' && github.event_name == 'push'"
    assert deploy["if"] == main_push
    # It publishes what the test job built and checked, and runs nothing else.
    (upload,) = [
        s for s in jobs["test"]["steps"] if "upload-artifact" in s.get("uses", "")
    ]
    (download,) = [
        s for s in deploy["steps"] if "download-artifact" in s.get("uses", "")
    ]
    assert upload["if"] == main_push
    assert upload["with"]["name"] == download["with"]["name"]
    assert upload["with"]["path"] == download["with"]["path"] == "site"
    (publish,) = [r for r in _runs(deploy) if r]
    assert "ghp_import" in publish and publish.rstrip().endswith(" site")
    assert "make" not in publish.split()


def test_pre_commit_runs_the_pinned_ruff() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"].endswith("/ruff-pre-commit")
    assert repo["rev"] == "v" + version("ruff")
    assert {h["id"] for h in repo["hooks"]} == {"ruff-check", "ruff-format"}
