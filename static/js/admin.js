/* Names and roles that the back office's third-party widgets leave out (WCAG 4.1.2): select2's
   autocompletes, Django's filter_horizontal and django-modeltranslation's language tabs. Their own
   scripts build them once the page is ready, and again when they change (a choice made, an inline
   row added), so the repairs run whenever elements are added to the page. */
(function () {
  "use strict";

  const languageSwitchLabel = document.currentScript.dataset.languageSwitchLabel;

  function labelIdFor(field) {
    const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    if (!label) return null;
    if (!label.id) label.id = `${field.id}-label`;
    return label.id;
  }

  function addLabelledBy(element, id) {
    const ids = (element.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
    if (!ids.includes(id)) element.setAttribute("aria-labelledby", [id, ...ids].join(" "));
  }

  function repair() {
    // select2 names its combobox by the chosen value alone (nothing when none is), and its
    // search box by nothing: both are named by the field's label, before the value.
    for (const select of document.querySelectorAll("select.admin-autocomplete[id]")) {
      const container = select.nextElementSibling;
      const labelId = labelIdFor(select);
      if (!labelId || !container || !container.classList.contains("select2")) continue;
      for (const element of container.querySelectorAll(
        ".select2-selection[role=combobox], .select2-search__field"
      )) {
        addLabelledBy(element, labelId);
      }
      // The chosen value, which names the combobox, is also given a role of textbox of its own,
      // unnamed when nothing is chosen (select2 4.1 dropped that role).
      for (const rendered of container.querySelectorAll(
        ".select2-selection__rendered[role=textbox]"
      )) {
        rendered.removeAttribute("role");
        rendered.removeAttribute("aria-readonly");
      }
    }
    // The clear-all "×" of a multiple select2 sits in its list of choices (a <span> in a <ul>);
    // it takes no focus, and the keyboard clears with Backspace, so screen readers skip it.
    for (const clear of document.querySelectorAll(
      ".select2-selection__rendered > .select2-selection__clear"
    )) {
      clear.setAttribute("aria-hidden", "true");
    }
    // filter_horizontal's magnifier icons carry an aria-label, which a role-less <span> may not.
    for (const icon of document.querySelectorAll(".search-label-icon[aria-label]:not([role])")) {
      icon.setAttribute("role", "img");
    }
    // In jQuery UI's tabs the <li> is the tab, which takes the focus; the link inside it is a
    // second interactive element nested in the first. Its clicks still select the tab (jQuery UI
    // finds the panel by the tab's aria-controls), without a href it is no longer a link.
    for (const link of document.querySelectorAll("[role=tab] > a.ui-tabs-anchor[href]")) {
      link.removeAttribute("href");
    }
    const languageSwitch = document.getElementById("modeltranslation-main-switch");
    if (languageSwitch && !languageSwitch.hasAttribute("aria-label")) {
      languageSwitch.setAttribute("aria-label", languageSwitchLabel);
    }
  }

  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      repair();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  repair();
})();
