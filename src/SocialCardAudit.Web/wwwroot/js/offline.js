// The verifier's day without a network. The list is downloaded while online (masked numbers only); each finding is
// kept in this phone's IndexedDB until the server has confirmed it, and sent with its request id and the version it
// was based on, so a resend records once and nothing is overwritten silently. The server stays the authority: what
// it refuses stays on the phone, on its row, with the reason and what to do.
(function () {
  'use strict';
  const app = document.getElementById('offline-app');
  if (!app) { return; }
  const $ = (id) => document.getElementById(id);
  const form = $('offline-form');
  const listUrl = app.dataset.listUrl;
  const loginUrl = app.dataset.loginUrl;
  const syncUrl = (rowId) => app.dataset.syncUrl.replace('/0/', '/' + rowId + '/');

  // ---- Storage: meta (who, when, token, county offset), rows (the list), queue (findings not yet confirmed) ----
  const store = {
    db: null,
    open() {
      if (this.db) { return Promise.resolve(this.db); }
      return new Promise((resolve, reject) => {
        const request = indexedDB.open('sca-offline', 1);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore('meta');
          db.createObjectStore('rows', { keyPath: 'id' });
          db.createObjectStore('queue', { keyPath: 'rowId' });
        };
        request.onsuccess = () => {
          this.db = request.result;
          this.db.onversionchange = () => { this.db.close(); this.db = null; }; // signing out elsewhere deletes it
          resolve(this.db);
        };
        request.onerror = () => reject(request.error);
      });
    },
    async run(names, mode, work) {
      const db = await this.open();
      return new Promise((resolve, reject) => {
        const tx = db.transaction(names, mode);
        let result;
        Promise.resolve(work(tx)).then((r) => { result = r; });
        tx.oncomplete = () => resolve(result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error || new Error('aborted'));
      });
    },
    request(r) { return new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); }); },
    all(name) { return this.run([name], 'readonly', (tx) => this.request(tx.objectStore(name).getAll())); },
    get(name, key) { return this.run([name], 'readonly', (tx) => this.request(tx.objectStore(name).get(key))); },
    put(name, value, key) { return this.run([name], 'readwrite', (tx) => { tx.objectStore(name).put(value, key); }); },
    remove(name, key) { return this.run([name], 'readwrite', (tx) => { tx.objectStore(name).delete(key); }); },
  };

  let me = null; // the signed-in verifier as of the last list: { user, userName, offsetMinutes }
  let rows = [];
  let queue = [];
  let current = null; // the row open in the form
  let syncing = false;

  const mine = () => queue.filter((q) => me && q.user === me.user);
  const others = () => queue.filter((q) => !me || q.user !== me.user);
  const rowOf = (id) => rows.find((r) => r.id === id);
  const entryOf = (id) => queue.find((q) => q.rowId === id && me && q.user === me.user);

  // ---- Words: labels and choices come from the form itself, so the phone says what the web form says ----
  function labelOf(name) {
    const label = form.querySelector('label[for="' + name + '"]');
    if (label) { return label.textContent.trim(); }
    const field = form.querySelector('fieldset#' + name + ' > legend');
    if (field) { return field.textContent.trim(); }
    const box = form.querySelector('input[type=checkbox][name="' + name + '"]');
    return box ? box.parentElement.textContent.trim() : name;
  }
  function textOf(name, value) {
    if (value === null || value === undefined || value === '') { return ''; }
    const choice = form.querySelector('input[type=radio][name="' + name + '"][value="' + value + '"]');
    if (choice) { return choice.parentElement.textContent.trim(); }
    if (form.querySelector('input[type=checkbox][name="' + name + '"]')) { return value === 'true' ? '是' : ''; }
    return String(value).replace('T', ' ');
  }
  const shownFields = ['Outcome', 'DeclaredToCounty', 'DeathDate', 'HandedInTo', 'HandedInBank', 'HandedInDate', 'CardWhereabouts',
    'Phone', 'VisitedAt', 'Signature', 'ProxyName', 'ProxyRelation', 'Note'];
  function describe(values) {
    const list = document.createElement('dl');
    list.className = 'facts';
    shownFields.forEach((name) => {
      const text = textOf(name, values && values[name]);
      if (!text) { return; }
      const dt = document.createElement('dt');
      dt.textContent = labelOf(name);
      const dd = document.createElement('dd');
      dd.textContent = text;
      dd.dataset.field = name;
      list.append(dt, dd);
    });
    return list;
  }
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function button(text, onClick, className) {
    const b = el('button', className || '', text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function say(message) {
    const box = $('app-message');
    box.textContent = message || '';
    box.hidden = !message;
  }
  function countyNow() {
    const offset = me ? me.offsetMinutes : 480;
    return new Date(Date.now() + offset * 60000).toISOString().slice(0, 16);
  }
  const localTime = (iso) => iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '';

  // ---- The list ----
  async function load() {
    me = (await store.get('meta', 'me')) || null;
    rows = await store.all('rows');
    queue = await store.all('queue');
    render();
  }

  function render() {
    const pending = mine();
    $('unsynced').textContent = '未同步 ' + pending.length + ' 条';
    $('unsynced').classList.toggle('warn', pending.length > 0);
    store.get('meta', 'lastSync').then((at) => { $('last-sync').textContent = at ? '上次同步成功:' + localTime(at) : '尚未同步'; });
    $('network').textContent = navigator.onLine ? '在线' : '离线';
    $('network').className = 'tag ' + (navigator.onLine ? 'ok' : 'warn');
    $('list-state').textContent = me
      ? '清单(' + me.userName + '):共 ' + rows.length + ' 户,下载于 ' + me.at + '。'
      : '本机还没有清单:请在有网络时点“下载/更新清单”。';
    renderProblems();
    renderRows();
  }

  function renderProblems() {
    const box = $('problems');
    box.replaceChildren();
    const foreign = others();
    if (foreign.length) {
      const p = el('div', 'errors');
      p.append(el('p', '', '本机保存着其他账号(' + foreign[0].userName + ')的 ' + foreign.length + ' 条未同步记录:请该账号登录后同步。'));
      p.append(button('删除这些记录…', async () => {
        if (!confirm('删除其他账号的 ' + foreign.length + ' 条未同步记录?删除后无法恢复。')) { return; }
        for (const q of foreign) { await store.remove('queue', q.rowId); }
        await load();
      }, 'link'));
      box.append(p);
    }
    // Refused ones whose row is no longer on the list are shown here with what they said.
    mine().filter((q) => q.state !== 'pending' && !rowOf(q.rowId)).forEach((q) => box.append(problemCard(q)));
  }

  function renderRows() {
    const box = $('rows');
    box.replaceChildren();
    const q = $('filter').value.trim().toUpperCase();
    const shown = rows.filter((r) => !q || r.name.indexOf(q) >= 0 || (q.length <= 4 && r.idMasked.endsWith(q)));
    const groups = new Map();
    shown.forEach((r) => { if (!groups.has(r.group)) { groups.set(r.group, []); } groups.get(r.group).push(r); });
    groups.forEach((members, name) => {
      box.append(el('h2', '', name + '(' + members.length + ')'));
      const ul = el('ul', 'tasks');
      members.forEach((r) => {
        const li = el('li');
        li.dataset.row = r.id;
        const link = el('a');
        link.href = '#row-' + r.id;
        link.append(el('b', '', r.name), ' ', el('code', '', r.idMasked));
        li.append(link, ' ', el('span', 'muted small', (r.address || '') + ' ' + (r.phone || '')));
        const entry = entryOf(r.id);
        if (entry) {
          li.append(el('span', 'tag ' + (entry.state === 'pending' ? 'pending' : 'warn'), entry.state === 'pending' ? '待同步:' + textOf('Outcome', entry.values.Outcome) : '未同步:需处理'));
        } else if (r.finding) {
          li.append(el('span', 'tag ok', textOf('Outcome', r.finding.Outcome)));
        } else {
          li.append(el('span', 'tag', '待核查'));
        }
        if (r.flags) { li.append(el('span', 'tag warn', r.flags)); }
        if (r.returned) { li.append(el('span', 'tag warn returned', '镇退回:' + r.returned)); }
        if (r.locked) { li.append(el('span', 'tag', '已锁定')); }
        if (entry && entry.state !== 'pending') { li.append(problemCard(entry)); }
        ul.append(li);
      });
      box.append(ul);
    });
  }

  // What the server said about one finding, and the choices the verifier has.
  function problemCard(entry) {
    const a = entry.answer || {};
    const card = el('div', 'errors problem');
    card.dataset.problem = entry.state;
    card.setAttribute('role', 'alert');
    card.append(el('p', '', (entry.name ? entry.name + ':' : '') + (a.message || '未同步。')));
    if (a.errors && a.errors.length) {
      const ul = el('ul');
      a.errors.forEach((e) => ul.append(el('li', '', e.message)));
      card.append(ul);
    }
    const actions = el('p', 'actions');
    if (entry.state === 'stale') {
      const both = el('div', 'versions');
      const server = el('div', 'version');
      server.append(el('h3', '', '服务器上的(第 ' + a.version + ' 版,' + (a.currentBy || '他人') + ' 于 ' + (a.currentAt || '') + ' 记录)'), describe(a.current));
      const here = el('div', 'version');
      here.append(el('h3', '', '本机的(未同步,' + localTime(entry.savedAt) + ')'), describe(entry.values));
      both.append(server, here);
      card.append(both);
      actions.append(button('以本机的为准重新提交', async () => {
        if (!confirm('用本机的记录替换服务器上第 ' + a.version + ' 版?服务器会保留原记录。')) { return; }
        await resend(entry, a.version);
      }, 'primary'));
      actions.append(button('采用服务器的,删除本机的', () => discard(entry, '删除本机的这条记录,采用服务器上的版本?')));
      actions.append(button('修改本机的', () => openRow(entry.rowId, a.version)));
    } else if (entry.state === 'refused') {
      actions.append(button('打开修改', () => openRow(entry.rowId)));
      actions.append(button('删除本机的…', () => discard(entry, '删除这条未同步的记录?删除后无法恢复。')));
    } else if (entry.state === 'locked') {
      actions.append(button('再试一次', () => resend(entry, entry.baseVersion)));
      actions.append(button('删除本机的…', () => discard(entry, '删除这条未同步的记录?删除后无法恢复。请先把内容告知村级清查责任人。')));
    } else {
      card.append(describe(entry.values));
      actions.append(button('已交给村级清查责任人,删除本机的…', () => discard(entry, '确认已把这条记录交给村级清查责任人,并从本机删除?')));
    }
    card.append(actions);
    return card;
  }

  async function discard(entry, question) {
    if (!confirm(question)) { return; }
    await store.remove('queue', entry.rowId);
    await load();
  }

  async function resend(entry, fromVersion) {
    entry.baseVersion = fromVersion;
    entry.requestId = crypto.randomUUID();
    entry.state = 'pending';
    entry.answer = null;
    await store.put('queue', entry);
    await load();
    sync(true);
  }

  // ---- The form: the same fields and checks as the web form; saving keeps the finding on the phone ----
  let baseOverride = null;
  function openRow(id, fromVersion) {
    const r = rowOf(id);
    if (!r) { return; }
    current = r;
    baseOverride = fromVersion === undefined ? null : fromVersion;
    const entry = entryOf(id);
    const values = entry ? entry.values : (r.finding || {});
    form.reset();
    $('signature-clear').click();
    form.querySelectorAll('.field-error').forEach((s) => { s.textContent = ''; });
    const summary = $('error-summary');
    if (summary) { summary.remove(); }
    form.querySelectorAll('[name]').forEach((input) => {
      const v = values[input.name];
      if (input.type === 'radio') { input.checked = input.value === v; } else if (input.type === 'checkbox') { input.checked = v === 'true'; } else if (input.type !== 'file' && input.type !== 'hidden') { input.value = v || ''; }
    });
    if (!values.Phone) { $('Phone').value = r.phone || ''; }
    if (!values.VisitedAt) { $('VisitedAt').value = countyNow(); }
    const campaign = (me.campaigns || []).find((c) => c.id === r.campaign);
    $('VisitedAt').setAttribute('data-not-before', campaign ? campaign.start : ''); // the page's checks know this row's campaign
    form.dispatchEvent(new Event('change', { bubbles: true }));
    form.dispatchEvent(new Event('finding-opened')); // a new place for this door, if the verifier agreed
    $('person').textContent = r.name + ' ';
    $('person').append(el('code', 'small', r.idMasked));
    $('person-facts').textContent = (r.address || '') + (r.cardMasked ? ' · 卡号 ' + r.cardMasked : '')
      + (r.finding ? ' · 服务器上第 ' + r.version + ' 版(' + (r.recordedBy || '') + ' ' + (r.recordedAt || '') + ')' : '');
    $('person-flags').hidden = !r.flags;
    $('person-flags').textContent = r.flags ? '请入户核对:' + r.flags : '';
    const problem = $('person-problem');
    problem.replaceChildren();
    if (r.locked) { problem.append(el('div', 'notice', '已锁定:' + r.locked + ' 可以先记在本机,待镇退回或重新打开后再同步。')); }
    if (entry && entry.state !== 'pending') { problem.append(problemCard(entry)); }
    $('list-view').hidden = true;
    $('finding-view').hidden = false;
    window.scrollTo(0, 0);
  }

  function showList() {
    current = null;
    $('finding-view').hidden = true;
    $('list-view').hidden = false;
    render();
  }

  form.addEventListener('submit', async (e) => {
    if (e.defaultPrevented) { return; } // the page's checks found something: shown at the fields
    e.preventDefault();
    if (!current) { return; }
    const data = new FormData(form);
    const values = {};
    data.forEach((v, k) => { if (typeof v === 'string' && k !== 'DrawnSignature') { values[k] = v; } });
    const photo = data.get('Photo');
    const previous = entryOf(current.id);
    const entry = {
      rowId: current.id,
      user: me.user,
      userName: me.userName,
      name: current.name,
      requestId: crypto.randomUUID(),
      baseVersion: baseOverride !== null ? baseOverride : (previous ? previous.baseVersion : current.version),
      values: values,
      photo: photo && photo.size > 0 ? photo : (previous ? previous.photo : null),
      signature: data.get('DrawnSignature') || (previous ? previous.signature : null),
      savedAt: new Date().toISOString(),
      state: 'pending',
    };
    await store.put('queue', entry);
    queue = await store.all('queue');
    say('已保存到本机:' + current.name + '(' + textOf('Outcome', values.Outcome) + ')。联网后自动同步。');
    location.hash = '';
    showList();
    if (navigator.onLine) { sync(false); }
  });

  // ---- Talking to the server ----
  async function download() {
    const response = await fetch(listUrl, { credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
      throw new SignedOut();
    }
    if (!response.ok) { throw new Error('服务器暂时无法响应(' + response.status + ')'); }
    const list = await response.json();
    await store.run(['meta', 'rows'], 'readwrite', (tx) => {
      tx.objectStore('meta').put({ user: list.user, userName: list.userName, offsetMinutes: list.offsetMinutes, at: list.at, campaigns: list.campaigns }, 'me');
      const keep = tx.objectStore('rows');
      keep.clear(); // rows of ended campaigns and rows given to someone else leave the phone
      list.rows.forEach((r) => keep.put(r));
    });
    await load();
    return list.token;
  }

  function SignedOut() { this.message = 'signed out'; }

  async function send(entry, token) {
    const body = new FormData();
    Object.keys(entry.values).forEach((k) => { if (entry.values[k] !== '') { body.append(k, entry.values[k]); } });
    body.append('Version', entry.baseVersion);
    body.append('RequestId', entry.requestId);
    if (entry.photo) { body.append('Photo', entry.photo, 'sheet.jpg'); } else if (entry.signature) { body.append('DrawnSignature', entry.signature); }
    body.append('__RequestVerificationToken', token);
    const response = await fetch(syncUrl(entry.rowId), { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' } });
    if (response.type === 'opaqueredirect') { throw new SignedOut(); }
    const type = response.headers.get('Content-Type') || '';
    if (response.status === 413) {
      // Refused before the app could read it: this finding waits for a smaller picture, the others go on.
      return { outcome: 'refused', message: '未保存:照片过大。请打开这一户,重新拍照或选择较小的照片后再同步。' };
    }
    if (type.indexOf('application/json') < 0) { throw new Error('服务器暂时无法处理(' + response.status + ')'); }
    return response.json();
  }

  async function sync(manual) {
    if (syncing) { return; }
    syncing = true;
    $('sync-now').disabled = true;
    try {
      const token = await download();
      const todo = mine().filter((q) => q.state === 'pending' || (manual && q.state === 'locked'));
      let done = 0, refused = 0;
      for (const entry of todo) {
        $('unsynced').textContent = '同步中 ' + (done + refused + 1) + ' / ' + todo.length + '…';
        const answer = await send(entry, token);
        if (answer.outcome === 'saved' || answer.outcome === 'already') {
          await store.run(['queue', 'rows'], 'readwrite', (tx) => {
            tx.objectStore('queue').delete(entry.rowId);
            const row = rowOf(entry.rowId);
            if (row) { row.version = answer.version; row.finding = entry.values; row.recordedBy = me.userName; tx.objectStore('rows').put(row); }
          });
          done++;
        } else {
          entry.state = answer.outcome;
          entry.answer = answer;
          await store.put('queue', entry);
          refused++;
        }
      }
      await store.put('meta', new Date().toISOString(), 'lastSync');
      await load();
      say(todo.length === 0 ? (manual ? '清单已更新,没有待同步的记录。' : '')
        : '同步完成:成功 ' + done + ' 条' + (refused ? ',未成功 ' + refused + ' 条(见下方各户的说明)' : '') + '。');
    } catch (e) {
      await load();
      if (e instanceof SignedOut) {
        say('登录已过期:请先重新登录再同步。未同步的记录仍保存在本机。');
        showLogin();
      } else {
        say('同步中断:' + (e && e.message && e.message !== 'Failed to fetch' ? e.message : '网络不通') + '。未同步的记录仍保存在本机,联网后会自动重试。');
      }
    } finally {
      syncing = false;
      $('sync-now').disabled = false;
    }
  }

  function showLogin() {
    const box = $('app-message');
    const link = el('a', 'button', '重新登录');
    link.href = loginUrl;
    box.append(' ', link);
  }

  // ---- Wiring ----
  $('sync-now').addEventListener('click', () => sync(true));
  $('download').addEventListener('click', () => sync(true));
  $('filter').addEventListener('input', renderRows);
  $('back').addEventListener('click', () => { location.hash = ''; });
  window.addEventListener('hashchange', () => {
    const m = /^#row-(\d+)$/.exec(location.hash);
    if (m) { openRow(Number(m[1])); } else { showList(); }
  });
  window.addEventListener('online', () => { render(); sync(false); });
  window.addEventListener('offline', render);
  setInterval(() => { if (navigator.onLine && mine().some((q) => q.state === 'pending')) { sync(false); } }, 60000);

  // Ask the browser to keep this storage even when space runs low; the page still warns before anything is lost.
  if (navigator.storage && navigator.storage.persist) { navigator.storage.persist().catch(() => { }); }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(app.dataset.worker, { scope: '/offline' }).then(() => navigator.serviceWorker.ready)
      .then((reg) => { if (navigator.onLine && reg.active) { reg.active.postMessage('keep-shell'); } }).catch(() => { });
  }
  load().then(() => {
    const m = /^#row-(\d+)$/.exec(location.hash);
    if (m) { openRow(Number(m[1])); }
    if (navigator.onLine) { sync(false); }
  });
})();
