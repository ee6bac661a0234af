// SMTP Trainer's service worker: the second visit starts from the cache and works offline.
//
// `cargo xtask dist` writes the release's content hash into VERSION and every file of dist/
// into FILES (see xtask/src/offline.rs). A new release is a new sw.js (its VERSION
// differs), so the browser installs it beside the old one; it caches the new files, takes
// over, and deletes every older cache: a release replaces the previous one whole.
//
// The worker fetches only the app's own files (the list below, same origin); any other
// request is left to the browser, where the page's Content-Security-Policy applies.
// Under `trunk serve` (development) the placeholders are not filled in: the worker then
// caches nothing and answers nothing.
const VERSION = "__SMTP_TRAINER_VERSION__";
const FILES = ["__SMTP_TRAINER_FILES__"];
const PREFIX = "smtp-trainer-";
const CACHE = PREFIX + VERSION;
const RELEASE = !VERSION.startsWith("__");

self.addEventListener("install", (event) => {
  if (!RELEASE) return;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  if (!RELEASE) return;
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)))
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  if (!RELEASE) return;
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // A page (any deep link is a hash on index.html) is the cached index.html.
  const scope = new URL(self.registration.scope);
  const path = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
  if (path === null) return;
  const file = request.mode === "navigate" || path === "" ? "index.html" : path;
  if (!FILES.includes(file)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(file))
      .then((hit) => hit || fetch(request))
  );
});
