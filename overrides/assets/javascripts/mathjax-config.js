// MathJax 3 configuration for pymdownx.arithmatex (generic mode).
// The renderer itself (assets/mathjax/tex-chtml.js) is copied into the site at
// build time from the django-static-mathjax wheel (PyPI), fonts beside it in
// assets/mathjax/output/: nothing is fetched from a CDN when a page is viewed.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
  },
};
