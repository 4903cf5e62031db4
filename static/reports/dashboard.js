// Draws the dashboard's charts from the numbers the server put in <script id="chart-data">.
// No data is computed here: the page's tables show the same figures.
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var charts = [];
  var blue = "#1f4e79", red = "#c0504d", green = "#2e7d32";
  // A reader who asked the system for less motion gets the charts drawn at once.
  var animation = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  var barsEl = document.getElementById("chart-bars");
  if (barsEl && data.bars.length) {
    var bars = echarts.init(barsEl);
    bars.setOption({
      animation: animation,
      // Room on the right for the value labels of full bars (100%): never clipped.
      grid: { left: 8, right: 56, top: 30, bottom: 10, containLabel: true },
      legend: { top: 0, data: [data.labels.value, data.labels.target] },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", inverse: true, data: data.bars.map(function (b) { return b.label; }) },
      series: [
        {
          type: "bar", name: data.labels.value,
          data: data.bars.map(function (b) {
            return { value: b.value, itemStyle: { color: b.met === false ? red : (b.met ? green : blue) } };
          }),
          label: { show: true, position: "right", formatter: function (p) { return p.value == null ? "—" : p.value + "%"; } },
          markPoint: undefined
        },
        {
          type: "scatter", name: data.labels.target, symbol: "rect", symbolSize: [3, 18],
          itemStyle: { color: "#333" }, tooltip: { show: false },
          data: data.bars.map(function (b) { return b.target; })
        }
      ]
    });
    charts.push(bars);
  }

  // The trend arrives later (an htmx fragment): draw it when it has been swapped in.
  function drawTrends() {
    var trendsEl = document.getElementById("chart-trends");
    var trendSource = document.getElementById("trend-data");
    if (!trendsEl || !trendSource || trendsEl.getAttribute("data-drawn")) { return; }
    trendsEl.setAttribute("data-drawn", "1");
    JSON.parse(trendSource.textContent).forEach(function (t) {
      var col = document.createElement("div");
      col.className = "col-md-6 col-xxl-4";
      var title = document.createElement("div");
      title.className = "small fw-semibold text-muted";
      title.textContent = t.label;
      var box = document.createElement("div");
      box.className = "trend-chart";
      box.setAttribute("data-indicator", t.code);
      col.appendChild(title);
      col.appendChild(box);
      trendsEl.appendChild(col);
      var unit = t.unit === "%" ? "%" : "";
      // The axis starts at the first year with data: empty years before it say nothing.
      var first = t.values.findIndex(function (v) { return v != null; });
      var years = first > 0 ? t.years.slice(first) : t.years;
      var values = first > 0 ? t.values.slice(first) : t.values;
      var chart = echarts.init(box);
      chart.setOption({
        animation: animation,
        grid: { left: 8, right: 24, top: 24, bottom: 4, containLabel: true },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: years.map(String), boundaryGap: true },
        // A rate's axis starts at zero: a truncated axis turns a small change into a cliff.
        yAxis: { type: "value", min: 0, max: unit ? 100 : null, axisLabel: { formatter: "{value}" + unit } },
        series: [{
          type: "line", data: values, connectNulls: false, symbolSize: 7,
          itemStyle: { color: blue }, label: { show: true, formatter: function (p) { return p.value == null ? "" : p.value + unit; } }
        }]
      });
      charts.push(chart);
    });
  }
  drawTrends();
  document.body.addEventListener("htmx:afterSettle", drawTrends);
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
