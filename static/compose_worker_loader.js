// The compose page's worker for large messages: loads its wasm-bindgen glue, then its module.
// (Trunk's own loader shim calls the glue's deprecated form and Chromium warns.)
importScripts("./compose_worker.js");
wasm_bindgen({ module_or_path: "./compose_worker_bg.wasm" });
