"""Where the site and its sources live (scripts/hosting.py; hooks.py, section 10).

The test build is told both addresses, as CI's is (``HOSTING``, tests/background.py):
every page names its own address in each language (absolute hreflang alternates),
and the repository is linked from the header and written into the home pages'
clone command. A build told neither keeps the placeholder and shows no link
(checked on the offline copy, tests/test_offline.py, built without them).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import hosting
from tests.background import HOSTING
from tests.browser_tour import site_pages

SITE_URL = HOSTING["SITE_URL"]
REPOSITORY = HOSTING["SITE_REPOSITORY"]
_ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def test_every_page_names_itself_in_both_languages(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert len(pages) > 20
    for path in pages:
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        alternates = dict(_ALTERNATE.findall(head))
        same = path.removeprefix("en/")
        assert alternates == {
            "pt-BR": SITE_URL + same,
            "en": SITE_URL + "en/" + same,
        }, path
        for address in alternates.values():  # the page exists in the other language
            assert (
                built_site / address.removeprefix(SITE_URL) / "index.html"
            ).is_file()
        assert f'<link rel="canonical" href="{SITE_URL}{path}">' in head, path


def test_the_alternates_stay_in_the_page_without_a_sitemap_request(watch) -> None:
    """Material looks up each alternate's sitemap.xml, which exists only at a
    language's root: the page hides them from it (overrides/main.html). They are
    there once the page has loaded, and no sitemap is asked for (a 404 and a
    console error on every page otherwise; the tour checks every page for both)."""
    w = watch()
    w.goto("/en/activations/relu/", until="networkidle")
    found = w.page.evaluate(
        "[...document.querySelectorAll('head link[rel=alternate][hreflang]')]"
        ".map(l => [l.hreflang, l.href])"
    )
    assert dict(found) == {
        "pt-BR": SITE_URL + "activations/relu/",
        "en": SITE_URL + "en/activations/relu/",
    }
    assert not [u for u in w.requests if "sitemap" in u], w.requests


@pytest.mark.parametrize(
    ("url", "alternates", "expected"),
    [
        ("https://x.org/s/", [{"lang": "pt-BR", "link": ""}], ["https://x.org/s/a/"]),
        (
            "https://x.org/s/en/",
            [{"lang": "pt-BR", "link": "../"}],
            ["https://x.org/s/a/"],
        ),
        (
            "https://x.org/s/",
            [{"lang": "en", "link": "en/"}],
            ["https://x.org/s/en/a/"],
        ),
    ],
)
def test_hreflang_links_join_the_site_address(url, alternates, expected) -> None:
    links = hosting.hreflang_links(url, alternates, "a/")
    assert [link["href"] for link in links] == expected


def test_the_repository_is_linked_and_its_address_cloned(built_site: Path) -> None:
    link = f'<a href="https://github.com/{REPOSITORY}" class="md-header__button'
    for path in site_pages(built_site):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert html.count(link) == 1, path
        assert "api.github.com" not in html
    name = REPOSITORY.split("/")[1]
    for home, placeholder in (
        ("", "endereço do repositório"),
        ("en/", "repository address"),
    ):
        html = (built_site / home / "index.html").read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", "", html)
        assert (
            f"git clone https://github.com/{REPOSITORY}.git &amp;&amp; cd {name}"
            in text
        )
        assert placeholder not in text


def test_a_malformed_repository_fails_the_build_naming_the_setting(monkeypatch) -> None:
    from types import SimpleNamespace

    monkeypatch.setenv(hosting.REPOSITORY_VARIABLE, "https://github.com/a")
    with pytest.raises(ValueError, match=r"SITE_REPOSITORY=.*owner/name"):
        hosting.repository_setting(SimpleNamespace(extra={}))
