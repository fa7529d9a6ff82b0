/* Give Vega-Embed's actions menu an accessible name: it draws a <summary> with only an icon inside. */
(function () {
  "use strict";
  var NAME = "Chart menu: save this chart as SVG or PNG";
  function label() {
    document.querySelectorAll(".vega-embed details > summary:not([aria-label])").forEach(function (s) {
      s.setAttribute("aria-label", NAME);
      s.setAttribute("title", NAME);
    });
  }
  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", label);
})();
