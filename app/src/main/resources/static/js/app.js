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

// <time data-local datetime="2026-12-04T13:45:00Z"> is shown in the viewer's own timezone: the server writes a
// relative text (or a UTC/workspace time) as the fallback; here the title (data-local) or the text
// (data-local="datetime") becomes the browser's local date and time. Runs again on htmx swaps (the bell).
function localiseTimes(root) {
  var format = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  });
  (root || document).querySelectorAll('time[data-local][datetime]').forEach(function (element) {
    var at = new Date(element.getAttribute('datetime'));
    if (isNaN(at.getTime())) {
      return;
    }
    var local = format.format(at);
    if (element.getAttribute('data-local') === 'datetime') {
      element.textContent = local;
    } else {
      element.setAttribute('title', local);
    }
  });
}
document.addEventListener('DOMContentLoaded', function () {
  localiseTimes(document);
});
document.addEventListener('htmx:afterSwap', function (event) {
  localiseTimes(event.target);
});

// A box that scrolls sideways (a wide table on a phone) can be reached with the keyboard and then scrolled with the
// arrow keys: it gets tabindex="0" while its content is wider than it, and loses it when the window grows again.
function focusableScrollers() {
  document.querySelectorAll('main .table-scroll, main table').forEach(function (box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible';
    if (scrolls && !box.hasAttribute('tabindex')) {
      box.setAttribute('tabindex', '0');
      box.setAttribute('data-scroller', '');
    } else if (!scrolls && box.hasAttribute('data-scroller')) {
      box.removeAttribute('tabindex');
      box.removeAttribute('data-scroller');
    }
  });
}
document.addEventListener('DOMContentLoaded', focusableScrollers);
document.addEventListener('htmx:afterSettle', focusableScrollers);
window.addEventListener('resize', focusableScrollers);
