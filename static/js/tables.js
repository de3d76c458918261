// A table's box, and the drawn timeline's, say "schuift opzij" only while what they hold is wider than the box:
// marked when the page loads, when the window changes size and when htmx swaps in other rows. Without scripts the
// edge's shadow still shows it. The drawn timeline starts scrolled to its right end, where the latest months are.
(function () {
  "use strict";

  function mark() {
    document.querySelectorAll(".table-scroll, figure.timeline-chart").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("scrolls", scrolls);
      if (scrolls && box.matches("figure.timeline-chart") && !box.dataset.scrolled) {
        box.scrollLeft = box.scrollWidth;
        box.dataset.scrolled = "1";
      }
    });
  }

  mark();
  window.addEventListener("resize", mark);
  document.addEventListener("htmx:afterSettle", mark);
})();
