// A table's box says "schuift opzij" only while its table is wider than the box: marked when the page loads,
// when the window changes size and when htmx swaps in other rows. Without scripts the edge's shadow still shows it.
(function () {
  "use strict";

  function mark() {
    document.querySelectorAll(".table-scroll").forEach(function (box) {
      box.classList.toggle("scrolls", box.scrollWidth > box.clientWidth + 1);
    });
  }

  mark();
  window.addEventListener("resize", mark);
  document.addEventListener("htmx:afterSettle", mark);
})();
