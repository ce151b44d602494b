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
  var colours = ['#fe2c55', '#0f766e', '#2563eb', '#9333ea'];
  data.datasets.forEach(function (dataset, i) {
    dataset.borderColor = colours[i % colours.length];
    dataset.backgroundColor = colours[i % colours.length];
    dataset.tension = 0.2;
    // Provisional days are drawn as hollow points: TikTok may still revise them.
    dataset.pointBackgroundColor = data.provisional.map(function (p) { return p ? '#ffffff' : colours[i % colours.length]; });
    // One axis per currency: amounts in JPY and USD on one scale would flatten the smaller one.
    dataset.yAxisID = 'y' + i;
  });
  var scales = {};
  data.datasets.forEach(function (dataset, i) {
    scales['y' + i] = {
      position: i % 2 === 0 ? 'left' : 'right',
      beginAtZero: true,
      grid: { drawOnChartArea: i === 0 },
      title: { display: data.datasets.length > 1, text: dataset.label }
    };
  });
  window.reportChart = new Chart(canvas, {
    type: 'line',
    data: { labels: data.labels, datasets: data.datasets },
    options: { animation: false, responsive: true, interaction: { mode: 'index', intersect: false }, scales: scales }
  });
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
