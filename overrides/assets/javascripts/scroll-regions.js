// Wide tables scroll sideways inside .md-typeset__scrollwrap. A region that
// scrolls must be reachable by keyboard (WCAG 2.1.1): make it focusable, and name
// it after its table's first header so screen readers announce something useful.
document$.subscribe(() => {
  for (const region of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (region.scrollWidth > region.clientWidth) {
      region.tabIndex = 0;
      region.setAttribute("role", "region");
      const header = region.querySelector("th");
      region.setAttribute("aria-label", header ? header.textContent.trim() : "table");
    }
  }
});
