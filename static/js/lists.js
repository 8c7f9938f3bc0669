// The list pages' sort order applies as soon as it is chosen; without JavaScript the form's
// "Sort" button (in <noscript>) sends it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-sort-on-change]");
  var select = form && form.querySelector("select[name='sort']");
  if (!select) {
    return;
  }
  // The page reloads sorted: the focus comes back to the select, where a keyboard user was.
  var KEY = "gisp-sort-focus";
  try {
    if (window.sessionStorage.getItem(KEY)) {
      window.sessionStorage.removeItem(KEY);
      select.focus({ preventScroll: false });
    }
  } catch (error) {
    // Storage refused (private mode): the focus starts at the top, as after any page load.
  }
  select.addEventListener("change", function () {
    try {
      window.sessionStorage.setItem(KEY, "1");
    } catch (error) {
      // As above.
    }
    form.submit();
  });
})();
