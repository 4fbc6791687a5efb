// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // A select marked data-autosubmit (workspace switch) submits its form on change.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-autosubmit]")) {
      target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
    }
  });

  // After htmx swaps a list, move focus to its heading so keyboard and screen-reader
  // users learn that the results changed.
  document.addEventListener("htmx:afterSwap", function (event) {
    var heading = event.target.querySelector("[data-results-heading]");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  });
})();

// htmx changes the address without reloading; the language and workspace switches must
// send the reader back to the page as it is now, filters included.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.matches || !form.matches(".language-switch, .workspace-switch")) return;
  var next = form.querySelector("input[name=next]");
  if (next) next.value = window.location.pathname + window.location.search;
});
