// Inventory lists: the header checkbox (data-select-all="#table") ticks or clears every row checkbox of its table,
// and "select all matching" makes the row picks moot (they are cleared and disabled while it is ticked).
document.addEventListener('change', function (event) {
  var all = event.target.closest('[data-select-all]');
  if (all) {
    var table = document.querySelector(all.getAttribute('data-select-all'));
    table.querySelectorAll('input.row-pick:not(:disabled)').forEach(function (box) {
      box.checked = all.checked;
    });
    return;
  }
  if (event.target.id === 'select-all-matching') {
    var matching = event.target.checked;
    document.querySelectorAll('input.row-pick, #select-page').forEach(function (box) {
      box.disabled = matching;
      if (matching) {
        box.checked = false;
      }
    });
  }
});
