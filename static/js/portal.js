// The portal's own behaviour, loaded on every page (no inline script: the CSP forbids it).
(function () {
  "use strict";

  // Long choice lists (teachers, students, organisations) get a search box.
  function searchable(root) {
    if (typeof TomSelect === "undefined") return;
    root.querySelectorAll("select[data-searchable]").forEach(function (select) {
      if (select.tomselect) return;
      // Tom Select points the field's <label> at its own input: the hidden select keeps its name.
      var label = select.id && document.querySelector('label[for="' + select.id + '"]');
      if (label && !select.hasAttribute("aria-label")) {
        select.setAttribute("aria-label", label.textContent.trim());
      }
      var settings = {
        maxOptions: null,
        allowEmptyOption: true,
        placeholder: select.dataset.placeholder || "",
        plugins: select.multiple ? ["remove_button"] : [],
      };
      var url = select.dataset.optionsUrl;
      if (url) {
        // Long lists are searched on the server as the user types.
        settings.valueField = "value";
        settings.labelField = "text";
        settings.searchField = ["text"];
        settings.preload = "focus";
        settings.load = function (query, callback) {
          fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
            .then(function (response) { return response.json(); })
            .then(function (json) { callback(json.results); })
            .catch(function () { callback(); });
        };
      }
      new TomSelect(select, settings);
    });
  }

  // A form that starts a job or saves a record can be sent once: its buttons wait for the answer.
  function disableOnSubmit(event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-disable-on-submit]")) return;
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
      });
    }, 0);
  }

  document.addEventListener("DOMContentLoaded", function () { searchable(document); });
  document.addEventListener("htmx:afterSwap", function (event) { searchable(event.target); });
  document.addEventListener("submit", disableOnSubmit);
})();

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
