/* A plain-language (B1) hint under the text fields of Wagtail's edit form: sentences of more
   than 20 words and very long words are pointed out while the editor writes. A hint, never an
   error: saving is never blocked. Wagtail's own Checks panel cannot take a rule of our own
   without adding JavaScript to its bundle, so this small script does it on the form itself.
   The messages come translated from the server (tim/wagtail_hooks.py, a JSON script element). */
(function () {
  "use strict";
  var MAX_WORDS = 20;
  var LONG_WORD = 19; // letters; "schuldhulpverlening" is one
  var SKIPPED = ["slug", "seo_title", "search_description", "title_en", "intro_en"];
  var source = document.getElementById("b1-hint-messages");
  if (!source) { return; }
  var text = JSON.parse(source.textContent);

  function isProse(element) {
    if (!element.closest("form[data-edit-form], form#page-edit-form, form[data-controller~='w-form']")) {
      return false;
    }
    if (element.isContentEditable) { return true; }
    if (element.tagName === "TEXTAREA") { return SKIPPED.indexOf(element.name) === -1; }
    return element.tagName === "INPUT" && element.type === "text" &&
      SKIPPED.indexOf(element.name) === -1 && !/url|email|phone|postcode|code/i.test(element.name);
  }

  function problems(value) {
    var found = [];
    value.split(/(?<=[.!?])\s+|\n+/).forEach(function (sentence) {
      var words = sentence.trim().split(/\s+/).filter(Boolean);
      if (words.length > MAX_WORDS) {
        found.push(text.long_sentence.replace("%(count)s", words.length)
          .replace("%(start)s", words.slice(0, 6).join(" ") + " …"));
      }
    });
    var seen = {};
    (value.match(/[\p{L}-]+/gu) || []).forEach(function (word) {
      if (word.replace(/-/g, "").length >= LONG_WORD && !seen[word]) {
        seen[word] = true;
        found.push(text.long_word.replace("%(word)s", word));
      }
    });
    return found;
  }

  function hintFor(element) {
    var field = element.closest(".w-field") || element.parentElement;
    var hint = field.querySelector(":scope > .b1-hint");
    if (!hint) {
      hint = document.createElement("div");
      hint.className = "help b1-hint";
      hint.hidden = true;
      field.appendChild(hint);
    }
    return hint;
  }

  function check(element) {
    var value = element.isContentEditable ? element.innerText : element.value;
    var found = problems(value || "");
    var hint = hintFor(element);
    hint.hidden = found.length === 0;
    hint.textContent = "";
    if (!found.length) { return; }
    var intro = document.createElement("p");
    intro.textContent = text.advice;
    var list = document.createElement("ul");
    found.forEach(function (message) {
      var item = document.createElement("li");
      item.textContent = message;
      list.appendChild(item);
    });
    hint.appendChild(intro);
    hint.appendChild(list);
  }

  var timer = null;
  function later(event) {
    var element = event.target;
    if (!(element instanceof HTMLElement) || !isProse(element)) { return; }
    var editable = element.isContentEditable ? element.closest("[contenteditable='true']") : element;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { check(editable); }, 400);
  }
  document.addEventListener("input", later);
  document.addEventListener("focusout", later);
})();
