// Wide tables scroll sideways inside .md-typeset__scrollwrap. A region that
// scrolls must be reachable by keyboard (WCAG 2.1.1): make it focusable, and name
// it after its table's first header so screen readers announce something useful.
// A ResizeObserver reports each region once the browser has laid it out, and again
// when its width changes (a phone turned sideways): reading the widths then costs
// no layout of its own, and a region that stops scrolling leaves the tab order.
const scrollRegions = new ResizeObserver(entries => {
  const regions = entries.map(entry => entry.target);
  const scrolls = regions.map(region => region.scrollWidth > region.clientWidth);
  regions.forEach((region, i) => {  // all widths read before any attribute changes
    if (scrolls[i]) {
      const header = region.querySelector("th");
      region.tabIndex = 0;
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", header ? header.textContent.trim() : "table");
    } else {
      for (const name of ["tabindex", "role", "aria-label"]) region.removeAttribute(name);
    }
  });
});
document$.subscribe(() => {
  for (const region of document.querySelectorAll(".md-typeset__scrollwrap")) {
    scrollRegions.observe(region);
  }
});
