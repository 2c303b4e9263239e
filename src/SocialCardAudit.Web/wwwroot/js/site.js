// Confirmation before destructive actions: <form data-confirm="…"> asks first. No inline script (CSP).
document.addEventListener('submit', function (e) {
  var form = e.target;
  var message = form.getAttribute && form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) { e.preventDefault(); }
});

// Import progress: poll the status while it runs; reload once it has finished to show the result.
(function () {
  var box = document.getElementById('import');
  if (!box || box.getAttribute('data-finished') === 'true') { return; }
  var url = box.getAttribute('data-status-url');
  var bar = document.getElementById('import-progress');
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { return setTimeout(poll, 3000); }
        ['statusText', 'read', 'accepted', 'stored'].forEach(function (k) {
          var el = box.querySelector('[data-field="' + k + '"]');
          if (el) { el.textContent = s[k]; }
        });
        if (bar) { bar.value = s.accepted > 0 ? Math.floor(s.stored * 100 / s.accepted) : 0; }
        if (s.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 500);
})();

// Finding form: show only the fields the chosen outcome / signature needs. Without script all fields show.
(function () {
  var parts = document.querySelectorAll('[data-show-if]');
  if (!parts.length) { return; }
  function valueOf(name) {
    var checked = document.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : '';
  }
  function update() {
    parts.forEach(function (el) {
      var rule = el.getAttribute('data-show-if').split(':');
      el.hidden = rule[1].split(',').indexOf(valueOf(rule[0])) < 0;
    });
  }
  document.addEventListener('change', update);
  update();
})();
