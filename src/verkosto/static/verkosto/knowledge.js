// The knowledge base: as-you-type search and upload progress. The pages work without it.
(function () {
  "use strict";

  // The query box asks for results itself (keyup, debounced); its "change" on leaving
  // the box must not make the form ask a second time for the same results.
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "search-q") event.stopPropagation();
  }, true);

  // A 400 answer carries the form with its errors (a file that cannot be read, a bad
  // filter): show it instead of dropping it as htmx does with error statuses.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    var target = event.detail.target;
    if (xhr && xhr.status === 400 && target &&
        (target.id === "upload-region" || target.id === "search-results")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  function progressOf(form) {
    return form && form.querySelector ? form.querySelector("[data-upload-progress]") : null;
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var box = progressOf(event.target);
    if (!box) return;
    box.hidden = false;
    box.querySelector("progress").value = 0;
    var button = event.target.querySelector("button[type=submit]");
    if (button) button.disabled = true;
  });

  document.addEventListener("htmx:xhr:progress", function (event) {
    var box = progressOf(event.target);
    if (!box || !event.detail.lengthComputable || !event.detail.total) return;
    var percent = Math.round((event.detail.loaded / event.detail.total) * 100);
    box.querySelector("progress").value = percent;
    var label = box.querySelector("[data-upload-percent]");
    if (label) label.textContent = percent + " %";
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target;
    if (!progressOf(form)) return;
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = false;
  });
})();
