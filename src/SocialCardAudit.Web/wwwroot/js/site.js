// Confirmation before destructive actions: <form data-confirm="…"> (or the button pressed) asks first; a checked
// <input data-confirm="…"> asks when its form is sent with it. No inline script (CSP).
document.addEventListener('submit', function (e) {
  var form = e.target;
  var button = e.submitter;
  var checked = form.querySelector && form.querySelector('input[data-confirm]:checked');
  var message = (button && button.getAttribute('data-confirm')) || (form.getAttribute && form.getAttribute('data-confirm'))
    || (checked && checked.getAttribute('data-confirm'));
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

// Photos are shrunk in the page before upload (slow village connections, small storage):
// longest side to data-shrink pixels, JPEG at 70 %. If the browser cannot, the original goes and the server decides.
document.addEventListener('change', function (e) {
  var input = e.target;
  var max = input && input.getAttribute && parseInt(input.getAttribute('data-shrink'), 10);
  if (!max || !input.files || !input.files[0] || !window.createImageBitmap || !window.DataTransfer) { return; }
  createImageBitmap(input.files[0]).then(function (bitmap) {
    var scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
    var canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(function (blob) {
      if (!blob) { return; }
      var files = new DataTransfer();
      files.items.add(new File([blob], 'sheet.jpg', { type: 'image/jpeg' }));
      input.files = files.files;
    }, 'image/jpeg', 0.7);
  }).catch(function () { /* not an image the browser can read: the server will say so */ });
});

// A signature drawn with a finger; sent as a PNG with the form.
(function () {
  var pad = document.getElementById('signature-pad');
  if (!pad) { return; }
  var ink = pad.getContext('2d');
  var field = document.getElementById('DrawnSignature');
  var drawing = false, drawn = false;
  ink.lineWidth = 3; ink.lineCap = 'round'; ink.strokeStyle = '#111';
  function at(e) {
    var box = pad.getBoundingClientRect();
    return { x: (e.clientX - box.left) * pad.width / box.width, y: (e.clientY - box.top) * pad.height / box.height };
  }
  pad.addEventListener('pointerdown', function (e) {
    drawing = true; var p = at(e); ink.beginPath(); ink.moveTo(p.x, p.y);
    try { pad.setPointerCapture(e.pointerId); } catch (ignored) { /* no capture: strokes stay on the pad anyway */ }
  });
  pad.addEventListener('pointermove', function (e) { if (!drawing) { return; } var p = at(e); ink.lineTo(p.x, p.y); ink.stroke(); drawn = true; });
  pad.addEventListener('pointerup', function () { drawing = false; });
  document.getElementById('signature-clear').addEventListener('click', function () { ink.clearRect(0, 0, pad.width, pad.height); drawn = false; field.value = ''; });
  pad.closest('form').addEventListener('submit', function () { if (drawn) { field.value = pad.toDataURL('image/png'); } });
})();

// "全选本镇" on the campaign form: <input data-check-all="group"> ticks or clears every box of its group.
document.addEventListener('change', function (e) {
  var group = e.target && e.target.getAttribute && e.target.getAttribute('data-check-all');
  if (!group) { return; }
  document.querySelectorAll('[data-group="' + group + '"] input[type=checkbox]').forEach(function (box) { box.checked = e.target.checked; });
});

// Checks before sending, on forms marked data-check: every shown [data-required="message"] must be filled and every
// [data-pattern] matched. All failures show at once, at their fields and in a summary at the top, in the server's
// own words; the server checks again and stays the authority.
(function () {
  function shown(el) { return !el.closest('[hidden]'); }
  function filled(el) {
    if (el.tagName === 'FIELDSET') { return !!el.querySelector('input:checked'); }
    return el.value.trim() !== '';
  }
  function nameOf(el) { return el.getAttribute('name') || el.id; }
  function say(form, el, message) {
    var name = nameOf(el);
    var span = form.querySelector('[data-valmsg-for="' + name + '"]');
    if (!span) {
      span = document.createElement('span');
      span.className = 'field-error';
      span.setAttribute('data-valmsg-for', name);
      var legend = el.tagName === 'FIELDSET' && el.querySelector('legend');
      (legend || el).insertAdjacentElement('afterend', span);
    }
    span.textContent = message;
  }
  // The rules between fields (FindingRules), in its words: a date not after the visit, the visit neither in the
  // future (by the county's clock, with the phone's skew allowed) nor before the campaign, the deceased signed for.
  function between(form, el) {
    var value = el.tagName === 'FIELDSET' ? '' : el.value;
    var other = el.getAttribute('data-not-after') && form.querySelector('[name="' + el.getAttribute('data-not-after') + '"]');
    if (other && value && other.value && value.slice(0, 10) > other.value.slice(0, 10)) { return el.getAttribute('data-not-after-message'); }
    if (el.hasAttribute('data-not-future') && value) {
      var minutes = parseInt(el.getAttribute('data-county-offset'), 10) + parseInt(el.getAttribute('data-skew-minutes'), 10);
      if (value > new Date(Date.now() + minutes * 60000).toISOString().slice(0, 16)) { return el.getAttribute('data-not-future'); }
      var start = el.getAttribute('data-not-before');
      if (start && value.slice(0, 10) < start) { return el.getAttribute('data-not-before-message').replace('{0}', start); }
    }
    var file = el.hasAttribute('data-max-bytes') && el.files && el.files[0];
    if (file && file.size > parseInt(el.getAttribute('data-max-bytes'), 10)) {
      return el.getAttribute('data-max-message').replace('{0}', Math.round(file.size / 1024));
    }
    if (el.hasAttribute('data-proxy-when')) {
      var outcome = form.querySelector('input[name="Outcome"]:checked');
      var signature = el.querySelector('input:checked');
      if (outcome && signature && signature.value !== 'Proxy' && el.getAttribute('data-proxy-when').split(',').indexOf(outcome.value) >= 0) {
        return el.getAttribute('data-proxy-message');
      }
    }
    return null;
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute('data-check')) { return; }
    form.querySelectorAll('.field-error').forEach(function (s) { s.textContent = ''; });
    var problems = [];
    form.querySelectorAll('[data-required], [data-pattern], [data-not-after], [data-not-future], [data-proxy-when], [data-max-bytes]').forEach(function (el) {
      if (!shown(el)) { return; }
      var message = null;
      if (el.hasAttribute('data-required') && !filled(el)) {
        message = el.getAttribute('data-required');
      } else if (el.hasAttribute('data-pattern') && el.value.trim() !== ''
        && !new RegExp(el.getAttribute('data-pattern')).test(el.value.replace(/\s+/g, '').replace('+86', ''))) {
        message = el.getAttribute('data-pattern-message');
      } else {
        message = between(form, el);
      }
      if (message) { problems.push({ name: nameOf(el), message: message }); say(form, el, message); }
    });
    var old = document.getElementById('error-summary');
    if (old) { old.remove(); }
    if (!problems.length) { return; }
    e.preventDefault();
    var box = document.createElement('div');
    box.className = 'errors';
    box.id = 'error-summary';
    box.setAttribute('role', 'alert');
    box.tabIndex = -1;
    var title = document.createElement('p');
    title.textContent = '有 ' + problems.length + ' 处需要改正:';
    box.appendChild(title);
    var list = document.createElement('ul');
    problems.forEach(function (p) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + p.name;
      link.setAttribute('data-field', p.name);
      link.textContent = p.message;
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(list);
    form.parentNode.insertBefore(box, form);
    box.focus();
    box.scrollIntoView({ block: 'start' });
  }, true);

  // A summary link takes the user to the field; the page opens on the summary when the server refused the form.
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('#error-summary a[data-field]');
    if (!link) { return; }
    var name = link.getAttribute('data-field');
    var field = document.getElementById(name) || document.querySelector('[name="' + name + '"]');
    if (!field) { return; }
    e.preventDefault();
    field.scrollIntoView({ block: 'center' });
    var focusable = field.tagName === 'FIELDSET' ? field.querySelector('input') : field;
    if (focusable) { focusable.focus({ preventScroll: true }); }
  });
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); summary.scrollIntoView({ block: 'start' }); }
})();

// The town's return list: filter by name, last digits or outcome; tick the shown people (one box for all shown).
(function () {
  var list = document.getElementById('return-rows');
  if (!list) { return; }
  var text = document.getElementById('return-filter');
  var outcome = document.getElementById('return-outcome');
  var all = document.getElementById('return-all');
  var count = document.getElementById('return-count');
  var rows = Array.prototype.slice.call(list.querySelectorAll('tbody tr'));
  function update() {
    var shown = rows.filter(function (r) { return !r.hidden; }).length;
    var picked = list.querySelectorAll('tbody input[type=checkbox]:checked').length;
    count.textContent = '显示 ' + shown + ' 人,已选 ' + picked + ' 人';
  }
  function filter() {
    var q = text.value.trim().toUpperCase();
    var o = outcome.value;
    rows.forEach(function (r) {
      r.hidden = (q && r.getAttribute('data-search').toUpperCase().indexOf(q) < 0) || (o && r.getAttribute('data-outcome') !== o);
    });
    all.checked = false;
    update();
  }
  text.addEventListener('input', filter);
  outcome.addEventListener('change', filter);
  all.addEventListener('change', function () {
    rows.forEach(function (r) { if (!r.hidden) { r.querySelector('input[type=checkbox]').checked = all.checked; } });
    update();
  });
  list.addEventListener('change', function (e) { if (e.target.name === 'selected') { update(); } });
  // Blank reasons are not sent: a village of thousands posts only what the town wrote.
  list.closest('form').addEventListener('submit', function (e) {
    var blank = Array.prototype.filter.call(list.querySelectorAll("input[name^='rows[']"), function (input) { return !input.value.trim(); });
    blank.forEach(function (input) { input.disabled = true; });
    // The confirmation is asked after this; if it is declined, the fields are there to type in again.
    setTimeout(function () { if (e.defaultPrevented) { blank.forEach(function (input) { input.disabled = false; }); } }, 0);
  });
})();

// Signing out takes the offline app's data off this phone (the list, the kept pages). Findings not yet synced are
// never removed without the user saying so: the count is asked about first.
document.addEventListener('submit', function (e) {
  var form = e.target;
  if (!form.hasAttribute || !form.hasAttribute('data-sign-out') || form.hasAttribute('data-cleared') || e.defaultPrevented) { return; }
  if (!window.indexedDB || !indexedDB.databases) { return; }
  e.preventDefault();
  function done() {
    form.setAttribute('data-cleared', '');
    form.submit();
  }
  function clear() {
    var caches = window.caches ? window.caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf('sca-') === 0; }).map(function (k) { return window.caches.delete(k); }));
    }) : Promise.resolve();
    var removing = indexedDB.deleteDatabase('sca-offline');
    removing.onsuccess = removing.onerror = removing.onblocked = function () { caches.then(done, done); };
  }
  indexedDB.databases().then(function (all) {
    if (!all.some(function (d) { return d.name === 'sca-offline'; })) { return done(); }
    var opening = indexedDB.open('sca-offline');
    opening.onerror = clear;
    opening.onsuccess = function () {
      var db = opening.result;
      if (!db.objectStoreNames.contains('queue')) { db.close(); return clear(); }
      var counting = db.transaction('queue').objectStore('queue').count();
      counting.onsuccess = function () {
        db.close();
        var n = counting.result;
        if (n === 0 || window.confirm('本机还有 ' + n + ' 条核查记录没有同步到服务器。退出会把它们从本机删除,且无法恢复。\n\n确定退出吗?(建议点“取消”,联网同步后再退出)')) {
          clear();
        }
      };
      counting.onerror = function () { db.close(); done(); };
    };
  }, done);
});

// Where the phone is as a finding is made, only with the verifier's consent (remembered on this phone). GPS needs
// no network, so this works offline too. The offline app tells the form each time it opens it for another person.
(function () {
  var consent = document.getElementById('PlaceConsent');
  if (!consent) { return; }
  var form = consent.form;
  var state = document.getElementById('place-state');
  var names = ['PlaceLatitude', 'PlaceLongitude', 'PlaceAccuracy', 'PlacedAt'];
  function set(name, value) { form.querySelector('[name="' + name + '"]').value = value; }
  function remembered() { try { return localStorage.getItem('sca-place') === 'yes'; } catch (e) { return false; } }
  function locate() {
    names.forEach(function (n) { set(n, ''); });
    state.textContent = '';
    if (!consent.checked) { return; }
    if (!navigator.geolocation) { state.textContent = '此浏览器不能定位。'; return; }
    state.textContent = '正在定位…';
    navigator.geolocation.getCurrentPosition(function (p) {
      set('PlaceLatitude', p.coords.latitude);
      set('PlaceLongitude', p.coords.longitude);
      set('PlaceAccuracy', Math.round(p.coords.accuracy));
      set('PlacedAt', new Date(p.timestamp).toISOString());
      state.textContent = '已定位(精度约 ' + Math.round(p.coords.accuracy) + ' 米)。';
    }, function (e) {
      state.textContent = e.code === 1
        ? '未获准定位:请在浏览器设置中允许本网站使用位置,或不勾选此项。'
        : '暂时无法定位,可到屋外后重新勾选此项。';
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
  }
  consent.addEventListener('change', function () {
    try { localStorage.setItem('sca-place', consent.checked ? 'yes' : 'no'); } catch (e) { /* private mode: asked each time */ }
    locate();
  });
  form.addEventListener('finding-opened', function () { consent.checked = remembered(); locate(); });
  consent.checked = remembered();
  locate();
})();
