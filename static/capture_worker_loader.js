// The analyze page's packet-capture worker: loads its wasm-bindgen glue, then its module.
// (Trunk's own loader shim calls the glue's deprecated form and Chromium warns.)
importScripts("./capture_worker.js");
wasm_bindgen({ module_or_path: "./capture_worker_bg.wasm" });
