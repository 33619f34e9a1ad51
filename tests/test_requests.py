"""Gate: every page of both languages loads with no request to any other host, no
failed request and no console error (the shared tour of tests/browser_tour.py),
and starts the site search as its language's home page does (where the tour lets
the search run to the end, for every page: see tests/browser_tour.py)."""

from __future__ import annotations

from urllib.parse import urlsplit

INDEX = "/search/search_index.json"


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


def _search_start(visit) -> dict:
    """What the search worker's work depends on: the worker's address, the index's
    address, and the configuration and number of documents sent to the worker."""
    return {
        "worker": visit.search["workers"],
        "index": sorted({u for u in visit.requests if u.endswith(INDEX)}),
        "configuration": visit.search["configs"],
        "documents": visit.search["docs"],
    }


def test_every_page_starts_the_search_of_its_language_as_its_home_page(tour) -> None:
    """The search ran to the end on the home pages (the worker answered "ready");
    every other page started one worker, at the same address, with the same index
    and configuration: its run would be the home page's run, whose requests and
    console errors the test above checked."""
    homes = {"pt": tour[""], "en": tour["en/"]}
    for lang, home in homes.items():
        assert home.search["ready"], f"{lang}: the search worker never got ready"
        start = _search_start(home)
        assert len(start["worker"]) == len(start["index"]) == 1, (lang, start)
        assert start["documents"][0] > 40, start  # the index has the pages
    problems = []
    for path, visit in tour.items():
        home = homes["en" if path.startswith("en/") else "pt"]
        if _search_start(visit) != _search_start(home):
            problems.append(f"/{path}: {_search_start(visit)}")
    assert not problems, "search started unlike the home page:\n" + "\n".join(problems)
