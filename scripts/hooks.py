"""MkDocs hooks: the few things the configuration alone cannot do.

1. Math as MathML: every TeX formula is converted when the site is built
   (``latex2mathml``, scripts/mathml.py); browsers render MathML natively, so no
   page loads a math script or a math font. The conversions are kept between
   builds beside the block cache (section 8).
2. Figures drawn at build time: :func:`snippets.publish.show` writes SVG files into
   ``<site_dir>/assets/figures/`` (told by the ``SNIPPETS_FIGURE_DIR`` variable set
   here) and refers to them as ``@fig/<name>``; each page gets that prefix rewritten
   into a relative URL, so the site works under any base path and from disk. The
   same for ``@root/``, the site's root (the script of `snippets.explore`).
3. Glossary tooltips: the terms of :mod:`snippets.glossary` become Markdown
   abbreviations appended to every page of the build's language (the ``abbr``
   extension writes ``<abbr title>``, which browsers show on hover; Material's
   ``content.tooltips`` is left off: it cost 2-3 Lighthouse points on pages with
   fifty terms), in
   ``on_page_markdown``: not to the docstrings of the API page, nor to the output
   of build-time code, which are converted separately.
4. Name the page in the warning of a failing build-time code block (markdown-exec
   does not), so a failing build says which page to fix.
5. Notebooks (mkdocs-jupyter; helpers in scripts/notebook_pages.py), 6. a
   notice on possibly stale translations, 7. the offline copy without CDN, 8. the
   cache of build-time code's output, 9. compiled page templates kept between
   builds, 10. the addresses of the hosted site and of the repository, 11. what a
   phone does when a page loads, 12. names for the navigation's section toggles,
   13. search entries kept between builds, 14. the order in which a language's
   pages are read: see their sections below.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the modules beside this
from hosting import clone_command, hreflang, repository_setting  # section 10
from mathml import (  # section 1
    keep_between_builds,
    math_to_mathml,
    save_kept,
    tex_to_mathml,  # noqa: F401  (tests/test_math.py)
)
from notebook_pages import (
    convert_on_first_use,
    figures_as_files,
    notebook_for_readers,
    notebook_markup,
    notebook_math_as_arithmatex,  # noqa: F401  (tests/test_math.py)
)
from page_markup import (
    code_lines,
    modules_only_toc,
    name_section_lists,
    table_widths,
)
from search_cache import install as cache_search_entries  # section 13

log = logging.getLogger("mkdocs.hooks.snippets")
FIGURE_PREFIX = "@fig/"
_FIGURE_REFERENCE = re.compile(r"@fig/(?=[0-9a-f]{20}\.svg)")
ROOT_PREFIX = "@root/"  # a file of the site, from its root


class _PageName(logging.Filter):
    """Prefix markdown-exec's messages with the page being rendered."""

    name = "snippets-page-name"
    page = ""
    warnings = 0  # how many so far: a block that warned is not cached (section 8)

    def filter(self, record: logging.LogRecord) -> bool:
        self.warnings += record.levelno >= logging.WARNING
        if self.page:
            record.msg = f"{self.page}: {record.msg}"
        return True


_page_name = _PageName()
_abbreviations: dict[str, str] = {}  # section 3, per language


def on_config(config):
    logger = logging.getLogger("mkdocs.plugins.markdown_exec._internal.formatters.base")
    for old in [f for f in logger.filters if getattr(f, "name", "") == _PageName.name]:
        logger.removeFilter(old)
    logger.addFilter(_page_name)
    from snippets.glossary import abbreviations

    lang = _language(config)
    cache = Path(config.config_file_path).parent / ".cache"
    cache.mkdir(exist_ok=True)
    # Appended to each page in on_page_markdown, not through pymdownx.snippets'
    # auto_append: that one also reaches every docstring of the API page and every
    # output of build-time code, each parsed with all 50-odd definitions (seconds).
    _abbreviations[lang] = abbreviations(lang)
    os.environ["SNIPPETS_FIGURE_DIR"] = str(
        Path(config.site_dir) / "assets" / "figures"
    )
    _cache_blocks(config)  # section 8
    folder = block_cache_folder(Path(config.config_file_path).parent)
    cache_search_entries(folder and folder / lang)  # section 13
    keep_between_builds(folder and folder / lang)  # section 1
    _find_stale_pages(config)  # section 6
    _offline_without_cdn(config)  # section 7
    repository_setting(config)  # section 10
    return config


# --------------------------------------------------------------------------- #
# 7. The offline copy (``make offline``, Material's offline plugin): its search
#    needs the iframe-worker shim, which the plugin loads from unpkg.com; serve the
#    copy vendored in overrides/ instead. Its pages name no address in another
#    language (<link rel="alternate" hreflang>, section 10): a copy on disk has
#    none, and Material would fetch sitemaps through them, which a browser
#    refuses from file://.
# --------------------------------------------------------------------------- #
IFRAME_WORKER = "assets/javascripts/vendor/iframe-worker/shim.js"


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _offline_without_cdn(config) -> None:
    # Whichever runs first: the plugin adds unpkg's copy only when no polyfill
    # named iframe-worker is listed yet.
    if _offline(config):
        polyfills = config.extra.get("polyfills", [])
        kept = [url for url in polyfills if "iframe-worker" not in url]
        config.extra["polyfills"] = [*kept, IFRAME_WORKER]


def _source(page, config) -> str:
    """The page's source file as messages name it: ``docs/pt/neuron.md``."""
    docs = Path(config.docs_dir)
    return (docs / page.file.src_uri).relative_to(docs.parent.parent).as_posix()


def on_page_markdown(markdown, page, config, files):
    _page_name.page = _source(page, config)
    markdown = clone_command(markdown, page, config, _language(config))  # 10
    markdown = f"{markdown}\n\n{_abbreviations[_language(config)]}"  # section 3
    return stale_notice(markdown, page, config)  # section 6


_MD_LINK = re.compile(r'href="(?![a-z]+:|#|/)([^"#]+\.md)(#[^"]*)?"')


_CELL_ID = re.compile(r'id="cell-id=[0-9a-f]+"')


def on_page_content(html, page, config, files):
    # Notebook cells get random ids from jupytext (nbformat's uuid4): number them,
    # so that two builds of the same notebook give the same page.
    counter = iter(range(1, 1_000_000))
    html = _CELL_ID.sub(lambda m: f'id="cell-{next(counter)}"', html)
    if _is_notebook(page, config):  # section 5
        html = notebook_markup(html, _source(page, config))
        html = figures_as_files(html, config.site_dir)
    if FIGURE_PREFIX in html:  # in src="...", and in the explorers' tables
        prefix = get_relative_url("assets/figures/x", page.url)[:-1]
        html = _FIGURE_REFERENCE.sub(prefix, html)
    if ROOT_PREFIX in html:  # the explorers' script (snippets/explore.py)
        root = get_relative_url("x", page.url)[:-1]
        html = html.replace(f'src="{ROOT_PREFIX}', f'src="{root}')
    html = code_lines(html)  # section 11
    modules_only_toc(html, page)  # section 11
    where = _source(page, config)
    html = math_to_mathml(_NOTEBOOK_MATHJAX.sub("", html), where)  # sections 5, 1
    html = table_widths(html)  # section 11, formulas as the reader sees them
    # Markdown printed by build-time code is rendered by markdown-exec, outside
    # MkDocs' link resolution: resolve its relative links to .md pages here.
    return _MD_LINK.sub(lambda m: _resolve_link(m, page, files), html)


def _resolve_link(match, page, files) -> str:
    target, anchor = match.group(1), match.group(2) or ""
    path = posixpath.normpath(
        posixpath.join(posixpath.dirname(page.file.src_uri), target)
    )
    linked = files.get_file_from_path(path)
    if linked is None:
        log.warning(
            "%s: printed link to '%s', which is not a page", page.file.src_uri, target
        )
        return match.group(0)
    return f'href="{linked.url_relative_to(page.file)}{anchor}"'


# --------------------------------------------------------------------------- #
# 5. Notebooks (mkdocs-jupyter): docs/<lang>/notebooks/*.py, jupytext "percent"
#    sources, are executed by mkdocs-jupyter when the site is built
#    (``execute: true``, ``allow_errors: false``: a failing cell fails the build).
#    The hooks below only add what the plugin lacks:
#    - a cache keyed by more than the notebook: mkdocs-jupyter's own cache key is
#      the notebook's bytes plus its render options, so an edit to ``snippets/``
#      would not re-run it. Its ``cache_dir`` is set here to
#      ``.cache/notebooks/<lang>/<key>``, ``key`` hashing the sources of
#      ``snippets/``, the Python and library versions and the kernel name; one
#      folder per language, because the plugin evicts every cache file that the
#      current build did not use (the other language's, in a shared folder).
#    - an ``.ipynb`` of the page's language beside the page (readers want a
#      notebook, not the jupytext ``.py`` that ``include_source`` copies), and the
#      links to it (``page.notebook_links``, shown by ``overrides/main.html``);
#      kept in the same cache folder, keyed by the notebook's source;
#    - an "Open in Colab" link when ``extra.repository`` (``owner/name``) is set.
#      Colab opens notebooks from GitHub only, and the ``.ipynb`` exists only in
#      the built site, so the link points at the site as published on the
#      repository's ``gh-pages`` branch (``mkdocs gh-deploy``, ghp-import); the
#      Colab copy gets a first cell that installs ``snippets`` from the repository;
#    - the page in the site's own markup (`notebook_markup`): mkdocs-jupyter puts
#      half a megabyte of JupyterLab's CSS, a clipboard script and a Mermaid
#      loader into the page, and highlights code with its own Pygments colours
#      (some under 4.5:1). They are dropped: code cells become Material's code
#      blocks (the same ``.highlight`` markup and colours as the pages, and its
#      copy button), headings get the pages' permalinks, and the few rules the
#      cells need are in overrides/assets/stylesheets/extra.css;
#    - figures as files: in the build's kernel, `snippets.publish.show` displays
#      both colour schemes as SVG data URLs (the notebook's outputs are cached
#      as HTML, so the figures travel with them); `figures_as_files` writes each
#      into ``assets/figures/`` and points the image at it, as on the pages
#      (sized, lazy, ``only-light``/``only-dark``). The ``.ipynb`` for readers has
#      no outputs: run in Jupyter or Colab, ``show`` displays PNG there;
#    - math in Markdown cells: nbconvert writes it back as ``$...$`` for MathJax;
#      here it gets pymdownx.arithmatex's markup instead, which section 1 turns
#      into MathML. Only Markdown goes through that renderer (Markdown cells, and
#      Markdown outputs, which these notebooks do not print): never code or text
#      outputs. ``NOTEBOOK_MATH``, in the cache key, names that markup. The
#      MathJax configuration nbconvert adds to the page (inert: the plugin's
#      ``custom_mathjax_url`` is empty) is dropped;
#    - nbconvert (half a second to import) loaded only when a notebook is
#      converted (`convert_on_first_use`): a build whose notebooks come from the
#      cache does without it.
# --------------------------------------------------------------------------- #
NOTEBOOK_PLUGIN = "mkdocs-jupyter"
NOTEBOOK_CACHE = ".cache/notebooks"
COLAB_BRANCH = "gh-pages"
NOTEBOOK_MATH = "arithmatex"
_NOTEBOOK_MATHJAX = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL
)
_NOTEBOOK_PACKAGES = (
    "ipykernel",
    "jupytext",
    "matplotlib",
    "mkdocs-jupyter",
    "nbclient",
    "nbconvert",
    "numpy",
    "scipy",
)


def _language(config) -> str:
    return "pt" if config.theme["language"].startswith("pt") else "en"


def notebook_cache_key(root: Path, kernel_name: str = "") -> str:
    """Hash of what a notebook's outputs depend on besides the notebook itself."""
    extra = f"kernel={kernel_name}\nmath={NOTEBOOK_MATH}"
    return code_digest(root, _NOTEBOOK_PACKAGES, extra)


def code_digest(root: Path, packages, extra: str = "") -> str:
    """Hash of the sources of ``snippets/`` (and its bibliography), the Python
    version, the versions of ``packages`` and ``extra``: what build-time code's
    output depends on besides the code itself (notebooks here, page blocks in
    section 8)."""
    import hashlib
    import sys
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(f"python={sys.version}\n{extra}\n".encode())
    for name in packages:
        try:
            digest.update(f"{name}={version(name)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=missing\n".encode())
    sources = root / "snippets"
    for path in sorted([*sources.rglob("*.py"), *sources.rglob("*.bib")]):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def _notebook_plugin(config):
    return config.plugins.get(NOTEBOOK_PLUGIN)


def on_pre_build(config):
    plugin = _notebook_plugin(config)
    if plugin is None:
        return
    import shutil

    convert_on_first_use()

    root = Path(config.config_file_path).parent
    folder = root / NOTEBOOK_CACHE / _language(config)
    key = notebook_cache_key(root, plugin.config["kernel_name"])
    if folder.is_dir():  # outputs of older snippets/: never used again
        for old in folder.iterdir():
            if old.name != key:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    plugin.config["cache_dir"] = str(folder / key)


def _is_notebook(page, config) -> bool:
    """Whether mkdocs-jupyter renders this page (it wraps their files in on_files)."""
    from mkdocs_jupyter.plugin import NotebookFile

    return _notebook_plugin(config) is not None and isinstance(page.file, NotebookFile)


def on_post_build(config):
    save_kept()  # section 1


def on_pre_page(page, config, files):
    page.hreflang = hreflang(page, config, _offline(config))  # section 10
    if not _is_notebook(page, config):
        return page
    from snippets.i18n import t

    lang = _language(config)
    stem = Path(page.file.src_uri).stem
    links = [
        {"href": f"{stem}.ipynb", "label": t("nb_link_ipynb", lang), "download": True}
    ]
    if _notebook_plugin(config).config["include_source"]:
        links.append(
            {"href": f"{stem}.py", "label": t("nb_link_source", lang), "download": True}
        )
    repository = (config.extra.get("repository") or "").strip("/")
    if repository:
        path = f"{page.url}{stem}.ipynb"
        if lang == "en":
            path = f"en/{path}"
        colab = "https://colab.research.google.com/github"
        links.append(
            {
                "href": f"{colab}/{repository}/blob/{COLAB_BRANCH}/{path}",
                "label": t("nb_link_colab", lang),
                "download": False,
            }
        )
    page.notebook_links = links
    return page


def on_post_page(output, page, config):
    output = name_section_lists(output)  # section 12
    if not _is_notebook(page, config):
        return output
    import hashlib
    import shutil
    from importlib.metadata import version

    source, lang = Path(page.file.abs_src_path), _language(config)
    repository = (config.extra.get("repository") or "").strip("/")
    name = f"{source.stem}.ipynb"
    target = Path(page.file.abs_dest_path).parent / name
    target.parent.mkdir(parents=True, exist_ok=True)
    # Kept beside the notebook's outputs: a build whose notebooks come from the
    # cache reads no notebook with jupytext.
    key = hashlib.sha256(source.read_bytes())
    key.update(
        repr((lang, repository, version("jupytext"), version("nbformat"))).encode()
    )
    key.update(Path(notebook_for_readers.__code__.co_filename).read_bytes())
    kept = Path(_notebook_plugin(config).config["cache_dir"])
    kept = kept / f"{source.stem}-{key.hexdigest()[:20]}.ipynb"
    if not kept.is_file():
        import nbformat

        notebook = notebook_for_readers(source, lang, repository)
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.tmp")  # readers never see
        nbformat.write(notebook, str(partial))  # half a file
        partial.replace(kept)
    shutil.copyfile(kept, target)
    return output


# --------------------------------------------------------------------------- #
# 6. Possibly stale translations: when git says that a page's counterpart in the
#    other language (same path under docs/pt/ or docs/en/) was committed more than
#    STALE_MARGIN after the page itself, readers of the page see a short notice
#    above its content until the page is brought up to date (committed again), or
#    until a commit declares it in step with a trailer ``In-step: docs/en/x.md ...``
#    (for a change that leaves the other language right as it is, such as a
#    wording fix). One ``git log`` per build (on_config); uncommitted edits do not
#    count; outside a git checkout, or without git, nothing happens.
#    ``scripts/parity.py`` lists the same pages.
# --------------------------------------------------------------------------- #
STALE_MARGIN = 3600  # seconds: a translation committed within the hour is in step
STALE_NOTICE = {
    "pt": '!!! warning "Esta página pode estar desatualizada"\n\n'
    "    A versão em inglês desta página foi alterada depois dela.\n\n",
    "en": '!!! warning "This translation may be out of date"\n\n'
    "    The Portuguese version of this page changed after this one.\n\n",
}
_stale: set[str] = set()  # src_uri of this build's stale pages


_DOCS = ("docs/pt/", "docs/en/")


def stale_pages(root: Path, margin: float = STALE_MARGIN) -> dict[str, set[str]]:
    """Pages (per language, relative to ``docs/<lang>/``) whose counterpart was last
    committed more than ``margin`` seconds after them; empty outside git. A commit's
    ``In-step:`` trailer (paths separated by spaces) counts as committing the pages
    it names in both languages."""
    import subprocess

    trailer = "%x03%(trailers:key=In-step,valueonly,separator=%x20)"
    try:
        command = ["git", "log", f"--format=%x01%ct%n{trailer}", "--name-only"]
        log = subprocess.run(
            [*command, "--no-renames", "--relative"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    last: dict[str, int] = {}  # docs/<lang>/<page> -> time of its newest commit
    when = 0
    for line in log.splitlines():
        if line.startswith("\x01"):
            when = int(line[1:])
            continue
        paths = [line]
        if line.startswith("\x03"):  # In-step: the pages and their counterparts
            pages = [p[len("docs/pt/") :] for p in line[1:].split() if p[:8] in _DOCS]
            paths = [f"{docs}{page}" for page in pages for docs in _DOCS]
        for path in paths:
            if path.startswith(_DOCS) and path not in last:
                last[path] = when
    stale: dict[str, set[str]] = {"pt": set(), "en": set()}
    for path, when in last.items():
        lang, _, page = path.removeprefix("docs/").partition("/")
        other = "en" if lang == "pt" else "pt"
        newer = last.get(f"docs/{other}/{page}")
        if lang in stale and newer is not None and newer - when > margin:
            stale[lang].add(page)
    return stale


def _find_stale_pages(config) -> None:
    _stale.clear()
    root = Path(config.config_file_path).parent
    _stale.update(stale_pages(root).get(_language(config), ()))


def stale_notice(markdown: str, page, config) -> str:
    """The page's Markdown with the notice after its title when it may be stale."""
    if page.file.src_uri not in _stale:
        return markdown
    notice = STALE_NOTICE[_language(config)]
    head, _, rest = markdown.partition("\n")
    if head.startswith("# "):
        return f"{head}\n\n{notice}{rest}"
    return notice + markdown


# --------------------------------------------------------------------------- #
# 8. Build-time code, cached: markdown-exec runs every ```python exec="on"``` block
#    at every build. Its HTML is kept in ``.cache/blocks/<lang>/<key>.json`` with
#    the figures the block wrote; ``key`` hashes the block's code and options, the
#    Markdown configuration (mkdocs.yml) and what `code_digest` covers. A block
#    that read this build's cost measurement (`snippets.tables.measured_costs`)
#    is stored with that measurement's hash and runs again when it changes, i.e.
#    at every build. A block that failed is never stored. The blocks of the pages
#    are self-contained (no markdown-exec sessions), so a block's output depends
#    on nothing else. ``SNIPPETS_BLOCK_CACHE`` names another folder ("" turns the
#    cache off); scripts/website.py drops the entries a full build did not use.
# --------------------------------------------------------------------------- #
BLOCK_CACHE_VARIABLE = "SNIPPETS_BLOCK_CACHE"
_BLOCK_PACKAGES = ("markdown", "markdown-exec", "matplotlib", "numpy", "pygments")
_BLOCK_PACKAGES += ("pymdown-extensions", "scipy")
_FIGURE_NAME = re.compile(r"@fig/([0-9a-f]+\.svg)")  # in src="..." or a table


def block_cache_folder(root: Path) -> Path | None:
    folder = os.environ.get(BLOCK_CACHE_VARIABLE, str(root / ".cache" / "blocks"))
    return Path(folder) if folder else None


def _cache_blocks(config) -> None:
    import markdown_exec

    run = getattr(markdown_exec.formatters["python"], "__wrapped__", None)
    run = run or markdown_exec.formatters["python"]
    root = Path(config.config_file_path).parent
    folder = block_cache_folder(root)
    if folder is None:
        markdown_exec.formatters["python"] = run
        return
    folder = folder / _language(config)
    settings = b"".join(path.read_bytes() for path in sorted(root.glob("mkdocs*.yml")))
    base = code_digest(root, _BLOCK_PACKAGES, settings.decode())

    def cached(*, code: str, md, **options):
        import hashlib
        import json

        from markupsafe import Markup

        from snippets.tables import measured_costs

        def costs() -> str:  # this build's measurement (made on first use)
            text = json.dumps(measured_costs(), sort_keys=True)
            return hashlib.sha256(text.encode()).hexdigest()

        key = hashlib.sha256(f"{base}\0{code}\0{options!r}".encode()).hexdigest()
        entry = folder / f"{key[:32]}.json"
        figures = Path(os.environ["SNIPPETS_FIGURE_DIR"])
        if entry.is_file():
            stored = json.loads(entry.read_text(encoding="utf-8"))
            if stored["costs"] is None or stored["costs"] == costs():
                figures.mkdir(parents=True, exist_ok=True)
                for name, svg in stored["figures"].items():
                    (figures / name).write_text(svg, encoding="utf-8")
                entry.touch()  # in use: kept by scripts/website.py
                return Markup(stored["html"])
        warnings, reads = _page_name.warnings, measured_costs.cache_info()
        html = run(code=code, md=md, **options)
        if _page_name.warnings == warnings:
            read = measured_costs.cache_info() != reads
            names = _FIGURE_NAME.findall(html)
            stored = {
                "code": code,  # tests/test_reproducible.py finds a block by its code
                "html": str(html),
                "figures": {
                    n: (figures / n).read_text(encoding="utf-8") for n in names
                },
                "costs": costs() if read else None,
            }
            folder.mkdir(parents=True, exist_ok=True)
            partial = entry.with_suffix(f".{os.getpid()}.tmp")  # readers never see
            partial.write_text(json.dumps(stored), encoding="utf-8")  # half a file
            partial.replace(entry)
        return html

    cached.__wrapped__ = run
    markdown_exec.formatters["python"] = cached


# --------------------------------------------------------------------------- #
# 9. Compiled page templates kept between builds (Jinja's bytecode cache, keyed by
#    each template's source and the Jinja and Python versions): MkDocs compiles
#    the theme's forty-odd templates again at every build, 0.2-0.3 s of a warm
#    build or of each rebuild while serving.
# --------------------------------------------------------------------------- #
def on_env(env, config, files):
    import jinja2

    folder = Path(config.config_file_path).parent / ".cache" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


# --------------------------------------------------------------------------- #
# 10. Where the site and its sources live (SITE_URL, SITE_REPOSITORY), when the
#     build is told: absolute language alternates, the header's link to the
#     repository, the home page's clone command (scripts/hosting.py).
# --------------------------------------------------------------------------- #

# --------------------------------------------------------------------------- #
# 11. What a phone does when a page loads: code blocks and the API page's
#     docstrings skipped until they come near the screen, the API page's table of
#     contents listing its modules (scripts/page_markup.py, extra.css).
# 12. Names for the navigation's section toggles, which Material leaves without
#     words (scripts/page_markup.py).
# --------------------------------------------------------------------------- #
# 13. The search index's entries for each page, kept between builds while the
#     page's HTML is the same (scripts/search_cache.py).
# --------------------------------------------------------------------------- #
# 14. During a full build (scripts/website.py) the two languages train the same
#     networks once (scripts/sharing.py): reading their pages in the same order,
#     both processes would reach each run at once, and one would wait while the
#     other trains. So the English process (PAGE_ORDER_VARIABLE) reads first the
#     pages that train (whose source names a module of ``sharing.SHARED``), from
#     the last to the first, then the others, from the last to the first: each
#     process trains what the other needs later, and the training is split
#     between them, instead of falling to the process that happens to reach the
#     pages that train while the other draws the catalogue's figures, which it
#     must draw anyway. Only the reading order changes: the navigation, and every
#     page are as before; in English the search index and the sitemap list the
#     pages in that order (the Portuguese process reads them in order).
# --------------------------------------------------------------------------- #
PAGE_ORDER_VARIABLE = "SITE_PAGE_ORDER"


def on_files(files, config):
    if os.environ.get(PAGE_ORDER_VARIABLE) != "reversed":
        return files
    from mkdocs.structure.files import Files
    from sharing import SHARED

    packages = sorted({".".join(module.split(".")[:2]) for module, _, _ in SHARED})
    trains = re.compile(r"\b(" + "|".join(map(re.escape, packages)) + r")\b")
    first, then = [], []
    for file in files:
        page = file.is_documentation_page() and trains.search(file.content_string)
        (first if page else then).append(file)
    return Files(first[::-1] + then[::-1])
