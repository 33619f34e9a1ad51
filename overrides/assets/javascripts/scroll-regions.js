// Wide tables, long code lines and wide display formulas scroll sideways: inside
// .md-typeset__scrollwrap for a table, inside the <code> of a code block, the
// <math> itself for a formula (extra.css). A region that scrolls must be
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
// A table the browser has not laid out yet (content-visibility on its wrapper,
// extra.css) has no scroll width either, and reading its wrapper's would lay it
// out: until then, an estimate of its narrowest width says whether it may scroll
// (the longest word of each column, in characters, --words, written when the
// site is built: scripts/page_markup.py; an estimate, erring towards scrolling);
// it is checked for real when the browser lays it out,
// which the table's own first notification says (its wrapper's size may not
// change then).
// A code block the browser has not laid out yet (content-visibility, extra.css)
// has no scroll width to read: its longest line, in characters (--columns,
// written when the site is built: scripts/page_markup.py), times the width of a
// character of its font, says whether it scrolls. Within one character of its
// width it counts as scrolling: a needless stop for the keyboard is harmless, a
// missing one is not.
const measure = document.createElement("canvas").getContext("2d");
// Material's tables: text at 0.64rem (in admonitions and <details> too), cells
// padded by 1.25em on each side and at least 5rem wide, inside a wrapper padded
// by 0.8rem on each side. A character counts as a bold "0", plus one per column
// (wider letters, the table's border); the cheat sheet's narrower cells
// (extra.css) count as Material's: a needless stop there, until laid out.
// Without --words (a table the build did not see), it may scroll.
function tableMayScroll(wrapper, table) {
  const value = table.style.getPropertyValue("--words").trim();
  const words = value ? value.split(/\s+/).map(Number) : [];
  if (!words.length || !words.every(Number.isFinite)) return true;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const size = 0.64 * rem;
  measure.font = `700 ${size}px ${getComputedStyle(wrapper).fontFamily}`;
  const character = measure.measureText("0").width;
  const width = words.reduce((sum, n) => sum + Math.max(5 * rem, (n + 1) * character + 2.5 * size), 0);
  return width > wrapper.clientWidth - 1.6 * rem;
}

function scrollsSideways(region) {
  const table = region.classList.contains("md-typeset__scrollwrap") &&
    region.querySelector("table");
  if (table && !table.checkVisibility({contentVisibilityAuto: true})) {
    // Observed again, so that its next layout is reported even at the same size
    // (the window may change width while it waits).
    scrollRegions.unobserve(table);
    scrollRegions.observe(table);
    return tableMayScroll(region, table);
  }
  const columns = parseFloat(region.style.getPropertyValue("--columns"));
  if (!columns) return region.scrollWidth > region.clientWidth;
  const style = getComputedStyle(region);
  measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const character = measure.measureText("0").width;
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  return (columns + 1) * character + padding > region.clientWidth;
}

function updateScrollRegions(regions) {
  const scrolls = regions.map(scrollsSideways);
  regions.forEach((region, i) => {
    if (region.localName === "code" || region.localName === "math") {
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

const scrollRegions = new ResizeObserver(entries => {
  const regions = entries.map(({target}) =>
    target.localName === "table" ? target.closest(".md-typeset__scrollwrap") : target);
  updateScrollRegions([...new Set(regions)].filter(Boolean));
});

document$.subscribe(() => {
  const regions = ".md-typeset__scrollwrap, .md-typeset__scrollwrap table, " +
    ".md-typeset pre > code, .md-typeset math[display=block]";
  for (const region of document.querySelectorAll(regions)) scrollRegions.observe(region);
  // A code block the browser skips is not reported by the observer until it comes
  // near the screen: decided now, from its columns, so that the keyboard reaches
  // it from anywhere on the page. Not those inside a part the browser skips as a
  // whole (the API page's docstrings): reading their width would lay it out.
  const code = document.querySelectorAll(".md-typeset pre > code[style*='--columns']");
  updateScrollRegions([...code].filter(region =>
    region.checkVisibility({contentVisibilityAuto: true})));
});
