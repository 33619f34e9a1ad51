"""The long jobs of a test run, run in the background while the other tests run.

    python -m tests.background FOLDER [tour] [build-again] [pdf]

Started once per run by ``tests/conftest.py`` as soon as the tests are collected
(with xdist, by the first worker). In order:

1. ``build``: both languages, strictly, every block of code run (an empty cache of
   block outputs), told the site's address and repository (``HOSTING``), into
   ``FOLDER/build/site``;
2. then, side by side, when asked for:
   ``tour``: every page of that build in Chromium (``tests/browser_tour.py``), kept
   in ``FOLDER/tour/tour.pickle``, and beside it (job ``plain``) the plain audits
   of one page of every kind, in ``FOLDER/plain/plain.pickle``;
   ``build-again``: the Portuguese site again, in another process, from the first
   build's block outputs (its block cache), into ``FOLDER/build-again/site``
   (``test_reproducible.py``; the blocks themselves are run again by the tests of
   the pages' code, whose output that test compares with the first build's);
   ``pdf``: the Portuguese PDF, as ``make pdf`` makes it (scripts/pdf.py: the
   print page built from the first build's block outputs, kept in
   ``FOLDER/pdf/print-site``, then printed by Chromium), into
   ``FOLDER/pdf/site/pdf/`` (``tests/test_pdf.py``).
   When both are asked for, one process does ``build-again`` then ``pdf``
   (``again_then_pdf``; the combined process's own output in
   ``FOLDER/again-then-pdf/log.txt``): the second build's imports and its cost
   measurement serve the print page's build too, whose blocks that show the
   measurement then come from the block cache (measured: 3-4 CPU-seconds less
   than two processes).

Each job writes what it prints to ``FOLDER/<job>/log.txt`` and, when it ends, its
exit status to ``FOLDER/<job>/status``, which the fixtures wait for, and the CPU
seconds it used (user + system, the subprocesses it waited for included) to
``FOLDER/<job>/cpu`` (to see where a test run's time goes). Chromium's renderers
are not in it: its zygote forks them and nothing here waits for them, so a browser
job's file shows a fraction of its cost (the tour: about 18 of 68 CPU-seconds, read
from ``/proc`` while it ran), as ``time make test`` does for the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEBSITE = [sys.executable, str(ROOT / "scripts" / "website.py")]
# The builds are told where the site and the repository live, as CI's builds are
# (README, "Publishing"): the pages under test then carry what the hosted ones do
# (absolute language alternates, the repository's link and clone address, Colab
# links), with the same values on every machine (CI's own are replaced).
HOSTING = {
    "SITE_URL": "https://example.org/funcoes-de-ativacao/",
    "SITE_REPOSITORY": "example-owner/funcoes-de-ativacao",
}


class Job:
    def __init__(self, shared: Path, name: str) -> None:
        self.folder = shared / name
        self.folder.mkdir(parents=True, exist_ok=True)

    def start(self, command: list[str], env: dict[str, str] | None = None) -> Job:
        self.log = open(self.folder / "log.txt", "w", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=dict(os.environ, **(env or {})),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        return self

    def poll(self) -> int | None:
        """The exit status if the job has ended (its CPU time kept), else None."""
        pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
        if pid == 0:
            return None
        self.process.returncode = os.waitstatus_to_exitcode(status)
        cpu = f"{usage.ru_utime + usage.ru_stime:.2f}"
        (self.folder / "cpu").write_text(cpu, encoding="utf-8")
        return self.process.returncode

    def wait(self) -> int:
        while (code := self.poll()) is None:
            time.sleep(0.2)
        return code

    def finish(self, code: int | None = None) -> int:
        if code is None:
            code = self.wait()
            self.log.close()
        (self.folder / "status.tmp").write_text(str(code), encoding="utf-8")
        (self.folder / "status.tmp").replace(self.folder / "status")
        return code


def _phase(folder: Path, run) -> int:
    """Run ``run()`` as the job of ``folder`` inside this process: its log records
    in ``folder/log.txt``, then its CPU time and exit status (0, or 1 if it raised)."""
    import logging
    import resource
    import traceback

    folder.mkdir(parents=True, exist_ok=True)

    def cpu() -> float:
        return sum(
            usage.ru_utime + usage.ru_stime
            for usage in map(
                resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
            )
        )

    root, start = logging.getLogger(), cpu()
    with open(folder / "log.txt", "w", encoding="utf-8") as log:
        handler = logging.StreamHandler(log)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        root.addHandler(handler)
        try:
            run()
            code = 0
        except Exception:  # the job failed: its tests show why
            log.write(traceback.format_exc())
            code = 1
        finally:
            root.removeHandler(handler)
    (folder / "cpu").write_text(f"{cpu() - start:.2f}", encoding="utf-8")
    (folder / "status.tmp").write_text(str(code), encoding="utf-8")
    (folder / "status.tmp").replace(folder / "status")
    return code


def again_then_pdf(shared: Path) -> int:
    """``build-again`` then ``pdf`` in this one process (see the module docstring):
    the same calls as ``scripts/website.py build-language pt`` and ``scripts/pdf.py
    --lang pt``, each job's log, CPU time and status in its own folder."""
    import logging

    sys.path.insert(0, str(ROOT / "scripts"))
    import pdf
    import website

    logging.getLogger().setLevel(logging.INFO)
    again, printed = shared / "build-again", shared / "pdf"
    codes = [_phase(again, lambda: website.build_language("pt", again / "site"))]
    keep = printed / "print-site"
    codes.append(_phase(printed, lambda: pdf.make_pdfs(printed / "site", ["pt"], keep)))
    return max(codes)


def main(shared: Path, wanted: set[str]) -> int:
    build = Job(shared, "build")
    env = {"SNIPPETS_BLOCK_CACHE": str(build.folder / "blocks"), **HOSTING}
    site = build.folder / "site"
    build.start([*WEBSITE, "build", "--site-dir", str(site)], env)
    built = build.finish() == 0
    later = []
    together = built and {"build-again", "pdf"} <= wanted
    if together:  # one process, two jobs: again_then_pdf writes their statuses
        both = Job(shared, "again-then-pdf")
        command = [sys.executable, "-m", "tests.background", "again-then-pdf"]
        later.append(both.start([*command, str(shared)], env))
        wanted = wanted - {"build-again", "pdf"}
    if "build-again" in wanted:
        again = Job(shared, "build-again")
        command = [*WEBSITE, "build-language", "pt", "--site-dir"]
        later.append(again.start([*command, str(again.folder / "site")], env))
    if "pdf" in wanted:
        pdf = Job(shared, "pdf")
        command = [sys.executable, str(ROOT / "scripts" / "pdf.py"), "--lang", "pt"]
        command += ["--site-dir", str(pdf.folder / "site")]
        command += ["--keep", str(pdf.folder / "print-site")]
        if built:
            later.append(pdf.start(command, env))
        else:
            (pdf.folder / "log.txt").write_text("the build failed\n", encoding="utf-8")
            pdf.finish(1)
    if "tour" in wanted:  # the tour of every page, and the plain audits
        for name, extra in (("tour", []), ("plain", ["plain"])):
            job = Job(shared, name)
            if built:
                out = job.folder / f"{name}.pickle"
                command = [sys.executable, "-m", "tests.browser_tour", str(site)]
                later.append(job.start([*command, str(out), *extra]))
            else:
                (job.folder / "log.txt").write_text("the build failed\n", "utf-8")
                job.finish(1)
    codes = [0 if built else 1]
    while later:  # each status as soon as its job ends: its tests wait for it
        for job in [job for job in later if job.poll() is not None]:
            codes.append(job.finish(job.process.returncode))
            job.log.close()
            later.remove(job)
        time.sleep(0.2)
    if together:  # a combined process that died leaves no job waited for in vain
        for name in ("build-again", "pdf"):
            folder = shared / name
            if not (folder / "status").is_file():
                folder.mkdir(exist_ok=True)
                log = folder / "log.txt"
                with log.open("a", encoding="utf-8") as file:
                    file.write(
                        f"stopped: see {shared / 'again-then-pdf' / 'log.txt'}\n"
                    )
                (folder / "status").write_text("1", encoding="utf-8")
    return max(codes)


if __name__ == "__main__":
    if sys.argv[1] == "again-then-pdf":
        sys.exit(again_then_pdf(Path(sys.argv[2])))
    sys.exit(main(Path(sys.argv[1]), set(sys.argv[2:])))
