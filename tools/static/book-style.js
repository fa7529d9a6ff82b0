/* Accessibility touches the theme and Vega-Embed leave out (served by tools/book_extensions.py).
   1. Vega-Embed's actions menu is a <summary> with only an icon inside: give it a name.
   2. A code block, table or equation that scrolls sideways on a narrow screen must be reachable by
      keyboard (axe-core: scrollable-region-focusable): make it a tab stop. */
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
  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { label(); tabStops(); });
  window.addEventListener("load", tabStops);
  window.addEventListener("resize", tabStops);
})();
