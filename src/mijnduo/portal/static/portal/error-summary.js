// After a page comes back with errors, move the focus to the error summary, so a
// screen reader announces it and keyboard users start at the list of problems.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
