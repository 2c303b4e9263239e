// The offline app's service worker: it keeps the app shell (the /offline page and its own scripts and styles) so the
// page opens without a network. People's data never passes through here: the page keeps it in IndexedDB itself.
'use strict';
var SHELL = 'sca-shell-v1';
var PAGE = '/offline';

// The page and every script, style and image it names, fetched fresh and kept together.
function keepShell() {
  return fetch(PAGE, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' }).then(function (page) {
    if (!page.ok) { return; } // not signed in: nothing to keep yet
    return page.clone().text().then(function (html) {
      var assets = [];
      html.replace(/(?:src|href)="(\/(?:css|js|img)\/[^"]+|\/manifest\.webmanifest)"/g, function (_, url) { assets.push(url.replace(/&amp;/g, '&')); });
      return caches.open(SHELL).then(function (cache) {
        return Promise.all(assets.map(function (url) {
          return cache.match(url).then(function (hit) { return hit || cache.add(url); });
        })).then(function () { return cache.put(PAGE, page); }).then(function () {
          // Files of earlier versions (another ?v=) are no longer named by the page: they go.
          return cache.keys().then(function (kept) {
            return Promise.all(kept.filter(function (request) {
              var url = new URL(request.url);
              return url.pathname !== PAGE && assets.indexOf(url.pathname + url.search) < 0;
            }).map(function (request) { return cache.delete(request); }));
          });
        });
      });
    });
  });
}

self.addEventListener('install', function (e) {
  e.waitUntil(keepShell().catch(function () { /* offline while installing: kept on the next visit */ }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== SHELL; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// The page asks for this once it is open and online, so a new version of the shell is kept at once.
self.addEventListener('message', function (e) {
  if (e.data === 'keep-shell') { e.waitUntil(keepShell().catch(function () { })); }
});

self.addEventListener('fetch', function (e) {
  var url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin) { return; }
  if (e.request.mode === 'navigate' && url.pathname === PAGE) {
    // The network first (a weak signal gets four seconds), then the kept page; an ended sign-in also opens the
    // kept page, so recording goes on and the page asks to sign in before it syncs.
    e.respondWith(new Promise(function (resolve) {
      var settled = false;
      function fromCache() {
        if (settled) { return; }
        settled = true;
        resolve(caches.match(PAGE).then(function (hit) { return hit || fetch(e.request); }));
      }
      var timer = setTimeout(fromCache, 4000);
      fetch(e.request).then(function (response) {
        if (settled) { return; }
        if (response.ok && !response.redirected) {
          settled = true;
          clearTimeout(timer);
          var copy = response.clone();
          caches.open(SHELL).then(function (cache) { cache.put(PAGE, copy); });
          resolve(response);
          return;
        }
        caches.match(PAGE).then(function (hit) {
          if (settled) { return; }
          settled = true;
          clearTimeout(timer);
          resolve(hit || response);
        });
      }).catch(function () { clearTimeout(timer); fromCache(); });
    }));
    return;
  }
  if (/^\/(css|js|img)\//.test(url.pathname) || url.pathname === '/manifest.webmanifest') {
    // Versioned files (?v=…): what is kept is right; anything else comes from the network.
    e.respondWith(caches.match(e.request).then(function (hit) { return hit || fetch(e.request); }));
  }
});
