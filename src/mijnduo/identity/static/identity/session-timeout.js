// Warns before the 15-minute idle session ends, offers to stay logged in, and
// leaves for the login page when it has ended. Without JavaScript the session
// still ends on the server; the header says so.
(function () {
  "use strict";
  var body = document.body;
  var total = Number(body.dataset.sessionSeconds);
  var warning = Number(body.dataset.sessionWarningSeconds);
  var dialog = document.getElementById("session-warning");
  var stay = document.getElementById("session-stay");
  if (!total || !dialog || !stay) { return; }
  var csrf = document.querySelector("input[name=csrfmiddlewaretoken]");
  var warnTimer, endTimer;

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(function () { dialog.showModal(); stay.focus(); }, (total - warning) * 1000);
    endTimer = setTimeout(function () { window.location.href = body.dataset.expiredUrl; }, total * 1000);
  }

  stay.addEventListener("click", function () {
    fetch(body.dataset.keepAliveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf ? csrf.value : "" }
    }).then(function (response) {
      if (response.ok) { dialog.close(); schedule(); }
      else { window.location.href = body.dataset.expiredUrl; }
    });
  });
  schedule();
})();
