// Wide tables, long code lines and wide formulas scroll sideways: inside
// .md-typeset__scrollwrap for a table, inside the <code> of a code block, the
// <math> of a displayed formula. A region that scrolls must be
// reachable by keyboard (WCAG 2.1.1): make it focusable, and name a table's
// region after its first header so screen readers announce something useful.
// Material makes a code block focusable itself, but only once the block has been
// on screen (content.lazy, mkdocs.yml) and only for a pointer that hovers; here
// every code block is, as soon as the browser lays it out.
// Checked by a ResizeObserver: once when the browser first lays a region out
// (its first notification), then whenever its width changes (a phone turned
// sideways): a region that stops scrolling leaves the tab order. The observer
// reports after the browser's own layout, and all widths are read before any
// attribute changes, so no region costs a layout of its own (the API page has
// 150 tables and 200 code blocks; reading each one when the page is ready forced
// one layout per table, and one per section the browser had skipped:
// content-visibility in extra.css).
function updateScrollRegions(regions) {
  const scrolls = regions.map(region => region.scrollWidth > region.clientWidth);
  regions.forEach((region, i) => {
    if (region.tagName === "CODE" || region.tagName.toLowerCase() === "math") {
      if (scrolls[i]) region.tabIndex = 0;
      else region.removeAttribute("tabindex");
    } else if (scrolls[i]) {
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
  const regions = ".md-typeset__scrollwrap, .md-typeset pre > code, .md-typeset math[display=block]";
  for (const region of document.querySelectorAll(regions)) scrollRegions.observe(region);
});
