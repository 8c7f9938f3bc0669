// A form sent back with errors: the error summary takes the focus, so that a screen reader
// reads it and a keyboard user starts from it; its links move the focus to the field they name.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    // The label or legend comes into view with the field.
    var group = field.closest("fieldset, .field") || field;
    group.scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
