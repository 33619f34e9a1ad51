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

Each job writes what it prints to ``FOLDER/<job>/log.txt`` and, when it ends, its
exit status to ``FOLDER/<job>/status``, which the fixtures wait for.
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

    def finish(self, code: int | None = None) -> int:
        if code is None:
            code = self.process.wait()
            self.log.close()
        (self.folder / "status.tmp").write_text(str(code), encoding="utf-8")
        (self.folder / "status.tmp").replace(self.folder / "status")
        return code


def main(shared: Path, wanted: set[str]) -> int:
    build = Job(shared, "build")
    env = {"SNIPPETS_BLOCK_CACHE": str(build.folder / "blocks"), **HOSTING}
    site = build.folder / "site"
    build.start([*WEBSITE, "build", "--site-dir", str(site)], env)
    built = build.finish() == 0
    later = []
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
        for job in [job for job in later if job.process.poll() is not None]:
            codes.append(job.finish())
            later.remove(job)
        time.sleep(0.2)
    return max(codes)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), set(sys.argv[2:])))
