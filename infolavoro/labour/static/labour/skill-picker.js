// Skill picker of the vacancy form: with JavaScript, a type-ahead (htmx) on labels and synonyms replaces the
// plain multi-select, which stays the way to choose without JavaScript.
(function () {
  "use strict";
  function setUp(picker) {
    var select = picker.querySelector("select");
    var typeahead = picker.querySelector("[data-typeahead]");
    var results = picker.querySelector("[data-results]");
    var chosen = picker.querySelector("[data-chosen]");
    if (!select || !typeahead || !results || !chosen) { return; }
    select.disabled = true;  // not submitted: the checkboxes are
    select.closest("[data-plain]").hidden = true;
    typeahead.hidden = false;
    results.addEventListener("change", function (event) {
      var box = event.target;
      if (box.type !== "checkbox" || !box.checked) { return; }
      if (chosen.querySelector('input[value="' + box.value + '"]')) { box.closest(".form-check").remove(); return; }
      var item = box.closest(".form-check");
      box.id = box.id.replace("-r-", "-c-");
      item.querySelector("label").htmlFor = box.id;
      chosen.appendChild(item);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-skill-picker]").forEach(setUp);
  });
})();
