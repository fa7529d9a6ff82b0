/* Accessibility touches the theme and Vega-Embed leave out (served by tools/book_extensions.py).
   1. Vega-Embed's actions menu is a <summary> with only an icon inside: give it a name.
   2. A code block, table or equation that scrolls sideways on a narrow screen must be reachable by
      keyboard (axe-core: scrollable-region-focusable): make it a tab stop.
   3. An output that holds only scripts or styles is marked book-empty-output (hidden by book-style.css). */
(function () {
  "use strict";
  var NAME = "Chart menu: save this chart as SVG or PNG";
  var SCROLLERS = "pre, .book-table-wrap, mjx-container[display='true'], .cell_output .output";
  function label() {
    document.querySelectorAll(".vega-embed details > summary:not([aria-label])").forEach(function (s) {
      s.setAttribute("aria-label", NAME);
      s.setAttribute("title", NAME);
    });
  }
  function tabStops() {
    document.querySelectorAll(SCROLLERS).forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
      }
    });
  }
  var UNSEEN = /^(SCRIPT|STYLE|LINK|META|NOSCRIPT)$/;
  // A node a reader sees: text, or an element other than the unseen kinds, unless all it holds is unseen
  // (an empty element counts as seen: a chart's div is filled later).
  function seen(n) {
    if (n.nodeType === 3) { return n.textContent.trim() !== ""; }
    if (n.nodeType !== 1 || UNSEEN.test(n.tagName)) { return false; }
    var kids = Array.prototype.filter.call(n.childNodes, function (k) {
      return k.nodeType === 1 || (k.nodeType === 3 && k.textContent.trim() !== "");
    });
    return kids.length === 0 || kids.some(function (k) { return k.nodeType === 3 || !UNSEEN.test(k.tagName); });
  }
  function emptyOutputs() {
    document.querySelectorAll(".cell_output .output").forEach(function (out) {
      if (!Array.prototype.some.call(out.childNodes, seen)) { out.classList.add("book-empty-output"); }
    });
  }
  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { label(); tabStops(); emptyOutputs(); });
  window.addEventListener("load", tabStops);
  window.addEventListener("resize", tabStops);
})();
