// Keyboard use of the review queue: j/k move, a accepts, r rejects, x selects.
// The buttons do the work (htmx posts), so the keys never bypass the forms.
(function () {
  "use strict";
  var current = null;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("table.review tr.candidate"));
  }

  function select(row) {
    if (current) current.classList.remove("current");
    current = row;
    if (!row) return;
    row.classList.add("current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var index = current && document.body.contains(current) ? all.indexOf(current) : -1;
    if (index === -1 && current && current.id) {
      // The row was swapped by htmx: find its replacement by id.
      index = all.findIndex(function (row) { return row.id === current.id; });
    }
    select(all[Math.min(all.length - 1, Math.max(0, index + step))]);
  }

  function press(selector) {
    if (!current) return;
    var row = document.getElementById(current.id) || current;
    var button = row.querySelector(selector);
    if (button) button.click();
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": press("button.accept"); break;
      case "r": press("button.reject"); break;
      case "x": press("input[type=checkbox]"); break;
      default: return;
    }
    event.preventDefault();
  });

  // Keep the highlight on the row htmx just put in place of the current one.
  document.addEventListener("htmx:afterSwap", function () {
    if (current && !document.body.contains(current)) {
      var replacement = document.getElementById(current.id);
      if (replacement) select(replacement);
    }
  });
})();
