// MathJax 3 configuration for pymdownx.arithmatex (generic mode).
// The renderer itself (assets/mathjax/tex-chtml.js) is copied into the site at
// build time from the django-static-mathjax wheel (PyPI), fonts beside it in
// assets/mathjax/output/: nothing is fetched from a CDN when a page is viewed.
//
// Notebook pages (mkdocs-jupyter, a ".jupyter-wrapper" in the page) write math as
// $...$ and $$...$$ in their Markdown cells, inside <p> and <li> elements without a
// class: there the "ignore every class" rule above would skip them, so on those
// pages (only) the $ delimiters are added and MathJax ignores the site's chrome
// and the cells' outputs instead. Code is never searched (MathJax skips <pre> and
// <code>). This script runs at the end of <body>: the content is already there.
const notebookPage = document.querySelector(".jupyter-wrapper") !== null;
window.MathJax = {
  // Typeset a formula only when it scrolls into view (MathJax's ui/lazy, served
  // from assets/mathjax/ui/): a long page does not typeset fifty formulas at load.
  loader: { load: ["ui/lazy"] },
  tex: {
    inlineMath: notebookPage ? [["$", "$"], ["\\(", "\\)"]] : [["\\(", "\\)"]],
    displayMath: notebookPage ? [["$$", "$$"], ["\\[", "\\]"]] : [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: notebookPage
      ? "md-header|md-sidebar|md-footer|md-search|jp-OutputArea|notebook-links"
      : ".*|",
    processHtmlClass: notebookPage ? "arithmatex|jp-RenderedMarkdown" : "arithmatex",
  },
};
