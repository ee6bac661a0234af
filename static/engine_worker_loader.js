// The engine worker (SCRAM with a high iteration count, long logs analyzed): loads its
// wasm-bindgen glue, then its module. Fetched only when such a computation first runs.
importScripts("./engine_worker.js");
wasm_bindgen({ module_or_path: "./engine_worker_bg.wasm" });
