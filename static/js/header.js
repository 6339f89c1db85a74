/* The compact phone header: "Search" and "Menu" fold their part of the header open and shut.
   Without this script both parts simply stay open, so nothing is lost without JavaScript.
   Loaded right after the header (not deferred), so the folded header is the first one painted. */
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 59.99rem)");
  var toggles = Array.prototype.slice.call(document.querySelectorAll("[data-header-toggle]"));

  function region(button) {
    return document.getElementById(button.getAttribute("aria-controls"));
  }

  function set(button, open) {
    button.setAttribute("aria-expanded", String(open));
    region(button).hidden = !open && phone.matches;
  }

  function reset() {
    toggles.forEach(function (button) { set(button, !phone.matches); });
  }

  toggles.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      toggles.forEach(function (other) { if (other !== button) { set(other, false); } });
      set(button, open);
      var field = open && region(button).querySelector("input[type=search]");
      if (field) { field.focus(); }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !phone.matches) { return; }
    toggles.forEach(function (button) {
      if (button.getAttribute("aria-expanded") === "true") {
        set(button, false);
        button.focus();
      }
    });
  });

  phone.addEventListener("change", reset);
  reset();
})();
