// Page behaviour that used to sit in inline attributes, which the Content-Security-Policy forbids.
// htmx.onLoad runs for the page and again for every fragment htmx swaps in.
(function () {
  "use strict";
  function setUp(root) {
    // A select that submits its form when changed (year pickers).
    root.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    // Progress bars: the width comes from data-progress (a style attribute would be blocked;
    // setting it through the CSSOM is allowed).
    root.querySelectorAll("[data-progress]").forEach(function (bar) {
      bar.style.width = Math.max(0, Math.min(100, Number(bar.dataset.progress) || 0)) + "%";
    });
  }
  if (window.htmx) {
    htmx.onLoad(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  }
})();
