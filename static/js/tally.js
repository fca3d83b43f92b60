// Tally's own script, a file of its own so that the Content-Security-Policy can refuse inline scripts.
// Filter forms send only the parameters that are set, so the addresses htmx pushes stay short and citable.
document.addEventListener("htmx:configRequest", function (event) {
  if (event.detail.verb !== "get") return;
  var parameters = event.detail.parameters;
  var keys = (typeof parameters.keys === "function") ? Array.from(parameters.keys()) : Object.keys(parameters);
  keys.forEach(function (key) {
    var value = (typeof parameters.getAll === "function") ? parameters.getAll(key) : [parameters[key]];
    if (value.every(function (v) { return v === "" || v === null || v === undefined; })) {
      if (typeof parameters.delete === "function") { parameters.delete(key); } else { delete parameters[key]; }
    }
  });
});

// The language switch and the hreflang links lead to the address shown now, with its parameters (htmx may have
// pushed a newer one than the page's own).
document.addEventListener("htmx:pushedIntoHistory", function () {
  document.querySelectorAll(".language-switch a, link[rel=alternate][hreflang], link[rel=canonical]").forEach(function (link) {
    var address = new URL(link.href);
    address.search = location.search;
    link.href = address.href;
  });
});

// The filter panel is folded in the markup, so that on a phone the results come first; on a wide screen there is
// room for both, so it opens (without JavaScript it stays a working <details>).
document.addEventListener("DOMContentLoaded", function () {
  if (!window.matchMedia("(min-width: 48rem)").matches) return;
  document.querySelectorAll("details.filter-panel").forEach(function (panel) { panel.open = true; });
});

// A table wider than a phone scrolls inside itself (tally.css): it takes keyboard focus then, so that the arrow
// keys can scroll it too.
function focusableScrollingTables(root) {
  (root || document).querySelectorAll("table").forEach(function (table) {
    if (table.scrollWidth > table.clientWidth && !table.hasAttribute("tabindex")) table.setAttribute("tabindex", "0");
  });
}
document.addEventListener("DOMContentLoaded", function () { focusableScrollingTables(document); });
document.addEventListener("htmx:afterSettle", function (event) { focusableScrollingTables(event.target); });
