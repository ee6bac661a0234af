// The message-authentication worker (DKIM, SPF, DMARC): loads its wasm-bindgen glue, then
// its module. Fetched only when a check of that section first runs.
importScripts("./msgauth_worker.js");
wasm_bindgen({ module_or_path: "./msgauth_worker_bg.wasm" });
