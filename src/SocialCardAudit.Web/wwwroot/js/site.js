// Confirmation before destructive actions: <form data-confirm="…"> asks first. No inline script (CSP).
document.addEventListener('submit', function (e) {
  var form = e.target;
  var message = form.getAttribute && form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) { e.preventDefault(); }
});
