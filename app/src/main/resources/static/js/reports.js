// Draws the daily chart of the reports page from the JSON block the server rendered (no inline script): at load
// when the figures are in the page, or once htmx swapped them in after the first paint.
function drawReportChart() {
  var canvas = document.getElementById('report-chart');
  var source = document.getElementById('report-chart-data');
  if (!canvas || !source || typeof Chart === 'undefined' || canvas.dataset.drawn) {
    return;
  }
  canvas.dataset.drawn = 'true';
  var data = JSON.parse(source.textContent);
  // Distinct colours however many lines: hues spread around the circle, so no two lines of a chart share one.
  function colour(i, n) {
    return 'hsl(' + Math.round(i * 360 / Math.max(n, 1) + 345) % 360 + ', 70%, 42%)';
  }
  function styled(datasets, separateAxes) {
    return datasets.map(function (dataset, i) {
      var c = colour(i, datasets.length);
      return {
        label: dataset.label, data: dataset.data, borderColor: c, backgroundColor: c, tension: 0.2, spanGaps: false,
        // Provisional days are drawn as hollow points: TikTok may still revise them.
        pointBackgroundColor: data.provisional.map(function (p) { return p ? '#ffffff' : c; }),
        yAxisID: separateAxes ? 'y' + i : 'y0'
      };
    });
  }
  function scales(datasets, separateAxes) {
    var result = {};
    (separateAxes ? datasets : datasets.slice(0, 1)).forEach(function (dataset, i) {
      result['y' + i] = {
        position: i % 2 === 0 ? 'left' : 'right', beginAtZero: true, grid: { drawOnChartArea: i === 0 },
        title: { display: true, text: dataset.label }
      };
    });
    return result;
  }
  // In the reporting currency: one line, one axis. Native: one line and one axis per currency.
  function config(nativeCurrencies) {
    var sets = nativeCurrencies || !data.converted ? data.datasets : data.converted;
    var separate = nativeCurrencies || !data.converted;
    var lines = styled(sets, separate);
    return { labels: data.labels, datasets: lines, scales: scales(lines, separate) };
  }
  var initial = config(false);
  window.reportChart = new Chart(canvas, {
    type: 'line',
    data: { labels: initial.labels, datasets: initial.datasets },
    // the box (.chart-box) sets the size: full width, a readable height on a phone too
    options: { animation: false, responsive: true, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false }, scales: initial.scales }
  });
  var toggle = document.getElementById('chart-toggle');
  if (toggle && data.converted) {
    toggle.addEventListener('click', function () {
      var nativeCurrencies = toggle.getAttribute('aria-pressed') !== 'true';
      var next = config(nativeCurrencies);
      window.reportChart.data.datasets = next.datasets;
      window.reportChart.options.scales = next.scales;
      window.reportChart.update();
      toggle.setAttribute('aria-pressed', nativeCurrencies ? 'true' : 'false');
      toggle.textContent = nativeCurrencies ? toggle.dataset.converted : 'Show native currencies';
    });
  }
}
document.addEventListener('DOMContentLoaded', drawReportChart);
document.addEventListener('htmx:afterSettle', drawReportChart);

// Choosing a preset clears the custom dates so the preset applies; typing a date switches to "Custom".
document.addEventListener('change', function (event) {
  var form = event.target.form;
  if (event.target.id === 'preset' && event.target.value !== 'custom') {
    form.querySelector('[name=from]').value = '';
    form.querySelector('[name=to]').value = '';
  } else if (form && form.id === 'report-form' && (event.target.name === 'from' || event.target.name === 'to')) {
    form.querySelector('#preset').value = 'custom';
  }
});

// A report over many days can take a moment: say so while the next page loads.
document.addEventListener('submit', function (event) {
  if (event.target.id === 'report-form') {
    var loading = document.getElementById('report-loading');
    if (loading) {
      loading.hidden = false;
    }
    event.target.setAttribute('aria-busy', 'true');
  }
});
