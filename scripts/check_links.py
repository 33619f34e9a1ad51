"""Check every internal link and anchor of the built site; list the external ones.

    python scripts/check_links.py [SITE_DIR]      # default: site/

Reads every HTML page of the built site (both languages: Portuguese at the root,
English under ``en/``) with the standard library's HTML parser, and checks that each
``href``/``src`` pointing inside the site names an existing file and, when it has a
``#fragment``, an element with that ``id`` (or ``name``) in the target page, and that
no ``id`` is given twice in a page (a link to it could not say which). External
links (``http(s)://`` elsewhere, ``mailto:``...) are listed, never fetched.

Faster than LinkChecker on this site (well under a second for both languages, where
LinkChecker needs several seconds for the same pages) and with no dependency. MkDocs'
own ``validation:`` (strict) checks the Markdown links of each language; this checks
what was actually written, theme and cross-language links included.

The PDFs (``make pdf``, scripts/pdf.py) are published with the site but written
after its build: ``--before-pdf`` accepts a link to one of them
(``scripts/pdf_hooks.py``, ``PUBLISHED_LATER``) when it is not there yet, for a site
built by ``make build`` alone. Without it, a missing PDF is a broken link.

    python scripts/check_links.py --before-pdf site   # after make build
    python scripts/check_links.py site                # after make build + make pdf
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that point at another resource, per tag.
LINK_ATTRIBUTES = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)  # (url, line)
    repeated: list[tuple[str, int]] = field(default_factory=list)  # (id, line)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._element_ids: set[str | None] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") and attrs["id"] in self._element_ids:
            self.page.repeated.append((attrs["id"], self.getpos()[0]))
        self._element_ids.add(attrs.get("id"))
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if attrs.get(key):
                self.page.ids.add(attrs[key])
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and {"canonical", "preconnect", "dns-prefetch"} & set(rel):
            return  # the page's own published address, or a hint: not a link to check
        if tag == "link" and "alternate" in rel and attrs.get("hreflang"):
            return  # its published address in a language (tests/test_hosting.py)
        for name in LINK_ATTRIBUTES.get(tag, ()):
            value = attrs.get(name)
            if value is not None:
                self.page.links.append((value.strip(), self.getpos()[0]))
        if tag in ("img", "source") and attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                if candidate.strip():
                    self.page.links.append((candidate.split()[0], self.getpos()[0]))


def parse(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def _target(site: Path, path: str) -> Path | None:
    """The file served for the URL path ``path`` (``/a/`` -> ``a/index.html``)."""
    candidate = site / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check(
    site: Path, root: str = "/", later: Iterable[str] = ()
) -> tuple[list[str], dict[str, list[str]]]:
    """``(problems, external)``: one line per broken link ("page:line: problem"),
    and every external URL with the pages that link to it. ``root`` is the site's
    path on its host (``/repository/`` for a GitHub project site: the path of
    ``SITE_URL``), which addresses written from the host's root start with (the
    404 page's: it is served at any depth). ``later``: paths, from the site's
    root, of files written after the build (the PDFs); a link to one of them that
    is not there is not a problem."""
    later = set(later)
    site = site.resolve()
    base = "http://site.invalid" + root
    pages = {p: parse(p) for p in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    external: dict[str, list[str]] = {}
    for path, page in pages.items():
        name = path.relative_to(site).as_posix()
        here = base + name
        for id_, line in page.repeated:
            problems.append(f"{name}:{line}: id {id_!r} given to two elements")
        for url, line in page.links:
            if not url or url.startswith(("javascript:", "data:")):
                continue
            resolved = urljoin(here, url)
            parts = urlsplit(resolved)
            if not resolved.startswith(base):
                if parts.scheme in ("http", "https", "mailto", "ftp", "tel", ""):
                    external.setdefault(url, []).append(name)
                else:
                    problems.append(f"{name}:{line}: unsupported link {url!r}")
                continue
            path = parts.path.removeprefix(root[:-1])
            target = _target(site, path)
            if target is None and unquote(path).lstrip("/") in later:
                continue
            if target is None:
                problems.append(f"{name}:{line}: {url!r} -> no such file")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment != "top":
                ids = (pages.get(target) or parse(target)).ids
                if fragment not in ids:
                    problems.append(
                        f"{name}:{line}: {url!r} -> no id {fragment!r} in "
                        f"{target.relative_to(site).as_posix()}"
                    )
    return problems, external


def external_report(external: dict[str, list[str]]) -> str:
    lines = [f"{len(external)} external links (listed, not fetched):"]
    for url, names in sorted(external.items()):
        shown = ", ".join(sorted(set(names))[:3])
        more = len(set(names)) - 3
        lines.append(f"  {url}  <- {shown}{f' (+{more} pages)' if more > 0 else ''}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    later: set[str] = set()
    if "--before-pdf" in argv:
        argv = [a for a in argv if a != "--before-pdf"]
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from pdf_hooks import PUBLISHED_LATER

        later = PUBLISHED_LATER
    site = Path(argv[0] if argv else Path(__file__).resolve().parent.parent / "site")
    root = urlsplit(os.environ.get("SITE_URL") or "/").path.rstrip("/") + "/"
    problems, external = check(site, root, later)
    print(external_report(external))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} broken internal links or anchors")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
