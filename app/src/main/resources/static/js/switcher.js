// Workspace switcher: submit the form as soon as another workspace is chosen (the button stays for no-JS use).
document.addEventListener('change', function (event) {
  var select = event.target;
  if (select.matches && select.matches('select[data-autosubmit]') && select.value) {
    select.form.requestSubmit();
  }
});
