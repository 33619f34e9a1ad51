// MathJax 3 configuration for pymdownx.arithmatex (generic mode).
// The renderer itself (assets/mathjax/tex-chtml.js) is copied into the site at
// build time from the django-static-mathjax wheel (PyPI), fonts beside it in
// assets/mathjax/output/: nothing is fetched from a CDN when a page is viewed.
//
// Notebook pages (mkdocs-jupyter, a ".jupyter-wrapper" in the page) write math as
// $...$ and $$...$$ in their Markdown cells: there, and only there, those
// delimiters are added and the cells' class is processed too. This script runs at
// the end of <body>, so the page's content is already in the document.
const notebookPage = document.querySelector(".jupyter-wrapper") !== null;
window.MathJax = {
  tex: {
    inlineMath: notebookPage ? [["$", "$"], ["\\(", "\\)"]] : [["\\(", "\\)"]],
    displayMath: notebookPage ? [["$$", "$$"], ["\\[", "\\]"]] : [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: notebookPage ? "arithmatex|jp-RenderedMarkdown" : "arithmatex",
  },
};
