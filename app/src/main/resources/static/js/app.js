// TTtools page behaviour. No inline scripts anywhere: the CSP forbids them.

// htmx requests carry the CSRF token from the XSRF-TOKEN cookie (__Host-XSRF-TOKEN on https), as the API expects.
document.addEventListener('htmx:configRequest', function (event) {
  var match = document.cookie.match(/(?:^|; )(?:__Host-)?XSRF-TOKEN=([^;]*)/);
  if (match) {
    event.detail.headers['X-XSRF-TOKEN'] = decodeURIComponent(match[1]);
  }
});

// Buttons with data-copy="#id" copy that element's text (tokens, recovery codes).
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var source = document.querySelector(button.getAttribute('data-copy'));
  if (source && navigator.clipboard) {
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      button.textContent = 'Copied';
    });
  }
});

// Forms with data-confirm ask before submitting (destructive actions).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// The header's menu button (narrow screens): shows or hides the switcher and the account menu.
document.addEventListener('click', function (event) {
  var toggle = event.target.closest('#menu-toggle');
  if (!toggle) {
    return;
  }
  var open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  document.getElementById('topbar-menu').classList.toggle('open', open);
});

// An open account menu closes when the user clicks elsewhere or presses Escape.
document.addEventListener('click', function (event) {
  document.querySelectorAll('details.account-menu[open]').forEach(function (menu) {
    if (!menu.contains(event.target)) {
      menu.removeAttribute('open');
    }
  });
});
document.addEventListener('keydown', function (event) {
  if (event.key === 'Escape') {
    document.querySelectorAll('details.account-menu[open]').forEach(function (menu) {
      menu.removeAttribute('open');
      menu.querySelector('summary').focus();
    });
  }
});
