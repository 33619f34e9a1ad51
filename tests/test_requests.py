"""Gate: every page of both languages loads with no request to any other host, no
failed request and no console error (the shared tour of tests/browser_tour.py)."""

from __future__ import annotations

from urllib.parse import urlsplit


def test_every_page_stays_on_the_site_without_errors(tour, plain_audits) -> None:
    """The tour's visits, and the plain audits' (tests/browser_tour.py): one page
    of each kind in each colour scheme, chosen as readers choose it."""
    problems = []
    for path, visit in [*tour.items(), *plain_audits.items()]:
        host = urlsplit(visit.base).netloc  # the server the tour ran against
        outside = sorted(
            {
                u
                for u in visit.requests
                if urlsplit(u).scheme in ("http", "https")
                and urlsplit(u).netloc != host
            }
        )
        if outside:
            problems.append(f"/{path}: requests left the site: {outside}")
        if visit.failed:
            problems.append(f"/{path}: failed requests: {sorted(set(visit.failed))}")
        if visit.errors:
            problems.append(f"/{path}: console errors: {visit.errors}")
    assert len(tour) > 2, "the tour visited no page"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
