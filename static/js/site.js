// Progressive enhancement of the header and the filter panel; everything works without it.
(function () {
  "use strict";

  // The menu link (which shows the menu through :target) becomes a disclosure button.
  function enhanceMenu() {
    var header = document.querySelector(".site-header");
    var link = header && header.querySelector("a.menu-toggle");
    if (!link) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.innerHTML = link.innerHTML;
    button.setAttribute("aria-controls", link.dataset.controls);
    button.setAttribute("aria-expanded", "false");
    link.replaceWith(button);

    function setOpen(open) {
      header.classList.toggle("menu-open", open);
      button.setAttribute("aria-expanded", String(open));
    }
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("menu-open")) {
        setOpen(false);
        button.focus();
      }
    });
    // Focus leaving the open menu (tabbing past its end, or clicking elsewhere) closes it.
    header.addEventListener("focusout", function (event) {
      if (header.classList.contains("menu-open") && event.relatedTarget &&
          !header.contains(event.relatedTarget)) {
        setOpen(false);
      }
    });
  }

  // The filter panel is open on wide screens, where its summary is hidden, in every browser
  // (the stylesheet alone relies on ::details-content).
  function openFiltersOnWideScreens() {
    var panels = document.querySelectorAll(".filters-disclosure");
    if (!panels.length || !window.matchMedia) return;
    var wide = window.matchMedia("(min-width: 900px)");
    function apply() {
      panels.forEach(function (panel) {
        if (wide.matches) panel.open = true;
      });
    }
    apply();
    wide.addEventListener("change", apply);
  }

  // The main menu's "More" closes as a menu does: on Escape, and when focus or a click goes
  // elsewhere (a details element alone stays open until its summary is clicked again).
  function closeMoreWhenLeft() {
    var more = document.querySelector(".nav-more details");
    if (!more) return;
    var summary = more.querySelector("summary");
    more.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && more.open) {
        more.open = false;
        summary.focus();
      }
    });
    more.addEventListener("focusout", function (event) {
      if (more.open && event.relatedTarget && !more.contains(event.relatedTarget)) {
        more.open = false;
      }
    });
    document.addEventListener("click", function (event) {
      if (more.open && !more.contains(event.target)) more.open = false;
    });
  }

  enhanceMenu();
  openFiltersOnWideScreens();
  closeMoreWhenLeft();
})();
