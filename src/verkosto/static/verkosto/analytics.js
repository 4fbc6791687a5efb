// Draws the analysis charts with ECharts from the page's "analysis-charts" json_script:
// the overlap heat map, trends per year, a ranking and community sizes. Each chart box
// (data-chart="<name>") is drawn only when the page has it and the data for it.
(function () {
  "use strict";

  var COLOURS = ["#0b4f8a", "#1e6b36", "#6a3d9a", "#a4161a", "#7a4d00", "#4a5560", "#0f766e"];

  function heatmap(chart, data) {
    var cells = [];
    data.values.forEach(function (row, i) {
      row.forEach(function (value, j) {
        cells.push([j, i, value, data.shared[i][j]]);
      });
    });
    chart.setOption({
      title: { text: data.title, textStyle: { fontSize: 13 } },
      tooltip: {
        formatter: function (p) {
          return data.labels[p.value[1]] + " – " + data.labels[p.value[0]] + ": " +
            Math.round(p.value[2] * 100) + " % (" + p.value[3] + ")";
        },
      },
      grid: { left: 160, bottom: 120, top: 40, right: 20 },
      xAxis: { type: "category", data: data.labels, axisLabel: { rotate: 45, width: 110, overflow: "truncate" } },
      yAxis: { type: "category", data: data.labels, axisLabel: { width: 150, overflow: "truncate" } },
      visualMap: { min: 0, max: 1, calculable: true, orient: "horizontal", left: "center", bottom: 0, inRange: { color: ["#f3f5f7", "#0b4f8a"] } },
      series: [{ type: "heatmap", data: cells, label: { show: data.labels.length <= 12, formatter: function (p) { return p.value[3]; } } }],
    });
  }

  function lines(chart, data) {
    chart.setOption({
      color: COLOURS,
      title: { text: data.title, textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 60 },
      xAxis: { type: "category", data: data.years.map(String) },
      yAxis: { type: "value", minInterval: 1 },
      series: data.series.map(function (s) {
        return { name: s.name, type: "line", data: s.data, showSymbol: false };
      }),
    });
  }

  function bars(chart, data) {
    chart.setOption({
      color: COLOURS,
      title: { text: data.title, textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis" },
      grid: { left: 160, right: 30, top: 40, bottom: 30 },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: data.labels.slice().reverse(), axisLabel: { width: 150, overflow: "truncate" } },
      series: [{ type: "bar", data: data.values.slice().reverse() }],
    });
  }

  var DRAW = { heatmap: heatmap, trends: lines, ranking: bars, communities: bars };

  function start() {
    var source = document.getElementById("analysis-charts");
    if (!source || !window.echarts) return;
    var charts = JSON.parse(source.textContent);
    var drawn = [];
    document.querySelectorAll("[data-chart]").forEach(function (box) {
      var name = box.getAttribute("data-chart");
      if (!charts[name] || !DRAW[name]) return;
      var chart = window.echarts.init(box);
      DRAW[name](chart, charts[name]);
      box.setAttribute("data-drawn", "true");
      drawn.push(chart);
    });
    window.addEventListener("resize", function () {
      drawn.forEach(function (chart) { chart.resize(); });
    });
    // For the browser tests and anyone debugging in the console.
    window.verkostoAnalysisCharts = drawn.length;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
