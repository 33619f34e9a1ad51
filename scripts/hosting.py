"""Where the site and its sources live, for scripts/hooks.py (its section 10).

When the build is told (the CI workflow sets both from the repository's variables
SITE_URL and REPOSITORY; README, "Publishing"):

- ``SITE_URL``, the address of the hosted Portuguese site (mkdocs.yml's site_url;
  English lives at SITE_URL + "en/", scripts/website.py). Each page then names its
  own address in each language, absolute, as search engines want
  (``page.hreflang``, written by overrides/main.html). Without it (a local build)
  the address is unknown and no alternate is written; nor in the offline copy
  (hooks.py, section 7).
- ``SITE_REPOSITORY``, "owner/name" on GitHub: ``extra.repository``. The header
  links to the repository (a plain link: overrides/partials/header.html), the home
  page's clone command shows the repository's address instead of its placeholder,
  and notebooks link to Colab (hooks.py, section 5). Without it, the placeholder
  stays and no link is shown.
"""

from __future__ import annotations

import os
import re

SITE_URL_VARIABLE = "SITE_URL"
REPOSITORY_VARIABLE = "SITE_REPOSITORY"
CLONE_PLACEHOLDERS = {  # the words of the home pages' clone command
    "pt": ("<endereço do repositório>", "<pasta do repositório>"),
    "en": ("<repository address>", "<repository folder>"),
}
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


def repository_setting(config) -> None:
    """``extra.repository`` from ``SITE_REPOSITORY``, checked, when it is set."""
    repository = os.environ.get(REPOSITORY_VARIABLE, "").strip().strip("/")
    if not repository:
        return
    if not _REPOSITORY.fullmatch(repository):
        raise ValueError(
            f"{REPOSITORY_VARIABLE}={repository!r}: expected the GitHub repository "
            "as owner/name, for example octocat/hello-world"
        )
    config.extra["repository"] = repository


def hreflang_links(site_url: str, alternates, url: str) -> list[dict[str, str]]:
    """The absolute address of the page at ``url`` in each language: the build's
    ``site_url`` joined with each alternate's ``link`` (relative to this build's
    root, ``extra.alternate``) and the page's ``url`` (the same in every language:
    the pages are mirrored)."""
    from urllib.parse import urljoin

    return [
        {"lang": alt["lang"], "href": urljoin(site_url, alt["link"] + url)}
        for alt in alternates
    ]


def hreflang(page, config, offline: bool) -> list[dict[str, str]]:
    """``page.hreflang``: the page's address in each language, when the site's is
    known and the build is not the offline copy (``offline``); else none."""
    if not os.environ.get(SITE_URL_VARIABLE) or offline:
        return []
    alternates = config.extra.get("alternate") or []
    return hreflang_links(config.site_url, alternates, page.url)


def clone_command(markdown: str, page, config, lang: str) -> str:
    """The home page's clone command with the repository's address and folder,
    when the repository is known; otherwise as written."""
    repository = config.extra.get("repository")
    if not repository or not page.is_homepage:
        return markdown
    address, folder = CLONE_PLACEHOLDERS[lang]
    markdown = markdown.replace(address, f"https://github.com/{repository}.git")
    return markdown.replace(folder, repository.split("/")[1])
