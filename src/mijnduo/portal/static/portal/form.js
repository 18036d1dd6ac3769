// Progressive enhancement of the form pages; everything works without it.
// 1. Organisation number fields that the chosen type does not need are hidden.
// 2. On the beheerautorisaties page, only the part for the chosen intent is shown.
(function () {
  "use strict";
  function checkedValue(name) {
    var checked = document.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : "";
  }
  function update() {
    var type = checkedValue("organisatie.type");
    document.querySelectorAll("[data-types]").forEach(function (field) {
      var input = field.querySelector("input");
      var needed = field.getAttribute("data-types").split(" ").indexOf(type) !== -1;
      // Keep fields that hold an answer or an error visible, so nothing is hidden from view.
      var keep = needed || (input && input.value) || field.classList.contains("field--error");
      field.hidden = Boolean(type) && !keep;
    });
    var intent = checkedValue("intrekking.intrekken");
    document.querySelectorAll("[data-when]").forEach(function (part) {
      part.hidden = Boolean(intent) && part.getAttribute("data-when") !== intent;
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.type === "radio") { update(); }
  });
  update();
})();
