// Draws the retention funnel from the numbers the server put in <script id="funnel-data">.
// No data is computed here: the page's tables show the same counts.
(function () {
  "use strict";
  var source = document.getElementById("funnel-data");
  var box = document.getElementById("chart-funnel");
  if (!source || !box || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var chart = echarts.init(box);
  chart.setOption({
    // A reader who asked the system for less motion gets the chart drawn at once.
    animation: !window.matchMedia("(prefers-reduced-motion: reduce)").matches,
    tooltip: { trigger: "item", formatter: "{b}: {c}" },
    // Dark enough for the white labels inside every stage.
    color: ["#1f4e79", "#245a8c", "#2a6699", "#2f6ea5", "#3a77ad"],
    series: [{
      type: "funnel", sort: "none", left: 8, right: 8, top: 8, bottom: 8, minSize: "8%",
      label: { show: true, position: "inside", color: "#fff", formatter: "{b}\n{c}" },
      data: data.stages
    }]
  });
  window.addEventListener("resize", function () { chart.resize(); });
}());
