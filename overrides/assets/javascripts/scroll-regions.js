// Wide tables scroll sideways inside .md-typeset__scrollwrap. A region that
// scrolls must be reachable by keyboard (WCAG 2.1.1): make it focusable, and name
// it after its table's first header so screen readers announce something useful.
// Checked when the page is ready, then by a ResizeObserver whenever a region's
// width changes (a phone turned sideways): a region that stops scrolling leaves
// the tab order. All widths are read before any attribute changes, so the browser
// lays the page out once, not once per table.
function updateScrollRegions(regions) {
  const scrolls = regions.map(region => region.scrollWidth > region.clientWidth);
  regions.forEach((region, i) => {
    if (scrolls[i]) {
      const header = region.querySelector("th");
      region.tabIndex = 0;
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", header ? header.textContent.trim() : "table");
    } else {
      for (const name of ["tabindex", "role", "aria-label"]) region.removeAttribute(name);
    }
  });
}

const scrollRegions = new ResizeObserver(entries =>
  updateScrollRegions(entries.map(entry => entry.target)));

document$.subscribe(() => {
  const regions = [...document.querySelectorAll(".md-typeset__scrollwrap")];
  updateScrollRegions(regions);
  for (const region of regions) scrollRegions.observe(region);
});
