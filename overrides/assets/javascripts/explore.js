// Explorers (snippets/explore.py): native controls choose one of the states the
// site computed when it was built. Moving a control swaps the figures' layer
// files (light and dark), their alt text and the texts of the state; the first
// text is a polite live region, so screen readers announce the new state. The
// states' table is in the explorer's data-states attribute; figure paths in it
// are relative to the page, like the <img> elements' own. Without this script
// the page shows the default state and no controls.
function setUpExplorer(root) {
  const states = JSON.parse(root.dataset.states);
  const controls = [...root.querySelectorAll("[data-control]")];
  const value = control => control.type === "range"
    ? JSON.parse(control.dataset.values)[control.valueAsNumber] : control.value;

  function show() {
    const state = states[controls.map(value).join("|")];
    if (!state) return;
    for (const control of controls.filter(c => c.type === "range")) {
      const text = JSON.parse(control.dataset.texts)[control.valueAsNumber];
      control.setAttribute("aria-valuetext", text);
      control.nextElementSibling.textContent = text;  // its <output>
    }
    for (const img of root.querySelectorAll("img[data-panel]")) {
      const [light, dark] = state.layers[img.dataset.panel];
      img.src = img.dataset.scheme === "dark" ? dark : light;
      img.alt = state.alt[img.dataset.panel];
    }
    for (const slot of root.querySelectorAll("[data-slot]")) {
      slot.innerHTML = state.texts[slot.dataset.slot];
    }
  }

  for (const control of controls) control.addEventListener("input", show);
  root.querySelector(".explorer-controls").hidden = false;
}

document.querySelectorAll("[data-explorer]:not([data-ready])").forEach(root => {
  root.dataset.ready = "";
  setUpExplorer(root);
});
