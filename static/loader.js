// SMTP Trainer's loader (issue 13), inlined in index.html. A first visit to the console, the reference, Auth or
// Verify starts that section's own small module; any other address starts the whole app.
// When a section's module is left for another section, the whole app's module is fetched
// and compiled first, while the page stays usable; then the small app hands over what the
// learner did (window.smtpTrainerLeave, a string that never leaves the page) and the whole
// app starts from it. Every file is the app's own, from this folder.
//
// A classic script, first in <head>: it picks and starts fetching the module before the
// stylesheets are requested (a module script would wait for them). Its names stay its own.
(() => {
  "use strict";

  // The whole app's files, content-hashed (written by trunk, see Trunk.toml). The hash also
  // versions the sections' modules, whose names carry none, so a browser's HTTP cache never
  // pairs one release's glue with another's wasm.
  const WHOLE = window.smtpTrainerWhole ?? { js: "smtp-trainer.js", wasm: "smtp-trainer_bg.wasm" };
  const VERSION = (WHOLE.js.match(/-([0-9a-f]+)\.js$/) ?? ["", "dev"])[1];

  // The learner's language, as the app decides it (src/ui/state.rs, `stored_lang`): the
  // stored choice if it is one, else the first of the browser's languages that the trainer
  // speaks, else English. A section's module holds the texts of that language only.
  function language() {
    const of = (tag) => {
      const primary = String(tag ?? "").trim().toLowerCase().split(/[-_.@]/)[0];
      return primary === "zh" || primary === "en" ? primary : null;
    };
    let stored = null;
    try {
      stored = of(localStorage.getItem("smtp-trainer.lang"));
    } catch {
      // Storage refused (a privacy setting): the browser's languages decide.
    }
    const preferred = [...(navigator.languages ?? []), navigator.language];
    return stored ?? preferred.map(of).find((lang) => lang !== null) ?? "en";
  }

  // The module for an address: `#/`, `#/console`, `#/reference/553`, `#/auth/plain`,
  // `#/verify`, with or without `?s=…` after it.
  function moduleFor(hash) {
    const path = hash.replace(/^#/, "").split("?")[0].replace(/\/+$/, "");
    // The console, Auth and Verify come in the learner's language; the reference's one
    // module holds both, since its search reads both at once.
    const section = (page, inLanguage = true) => {
      const name = inLanguage ? `${page}_${language()}` : page;
      return { js: `${name}.js?v=${VERSION}`, wasm: `${name}_bg.wasm?v=${VERSION}` };
    };
    if (path === "" || path === "/console") return section("console_page");
    if (path === "/reference" || path.startsWith("/reference/")) return section("reference_page", false);
    if (path === "/auth" || path.startsWith("/auth/")) return section("auth_page");
    if (path === "/verify") return section("verify_page");
    return WHOLE;
  }

  async function fetched(file) {
    const response = await fetch(`./${file}`);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return response;
  }

  // The loader runs in <head>, before the stylesheets: the body the app renders into comes
  // once the document is parsed.
  const parsed =
    document.readyState === "loading"
      ? new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }))
      : Promise.resolve();

  // A module compiled as its bytes arrive. It needs none of the glue's imports, so it starts
  // at once: the browser reads the download as fast as it comes instead of holding it until
  // the glue has loaded and the document is parsed. A host that does not label the file
  // `application/wasm` (streaming needs that) gets it compiled once it is all in.
  async function compiled(file) {
    const response = await fetched(file);
    const type = response.headers.get("Content-Type") ?? "";
    return type.split(";")[0].trim() === "application/wasm"
      ? WebAssembly.compileStreaming(response)
      : WebAssembly.compile(await response.arrayBuffer());
  }

  async function start(files) {
    // The wasm is fetched and compiled while the glue loads and the rest of the page is
    // parsed.
    const module = compiled(files.wasm);
    // A failure is reported once, by the await below.
    module.catch(() => {});
    const glue = await import(`./${files.js}`);
    await parsed;
    await glue.default({ module_or_path: await module });
  }

  // The whole app, once: a failure can be tried again.
  let whole = null;
  window.smtpTrainerLoadAll = () => {
    whole ??= (async () => {
      const compiling = compiled(WHOLE.wasm);
      compiling.catch(() => {});
      const glue = await import(`./${WHOLE.js}`);
      const module = await compiling;
      const leave = window.smtpTrainerLeave;
      window.smtpTrainerHandoff = typeof leave === "function" ? leave() : null;
      await glue.default({ module_or_path: module });
    })().catch((error) => {
      whole = null;
      throw error;
    });
    return whole;
  };

  function registerWorker() {
    // Registered once the first page is up, so its downloads never compete with it.
    if ("serviceWorker" in navigator && location.protocol !== "file:") {
      navigator.serviceWorker.register("./sw.js").catch(() => {});
    }
  }

  const first = moduleFor(location.hash);
  start(first)
    .then(registerWorker)
    .catch((error) => {
      const note = document.createElement("p");
      note.setAttribute("role", "alert");
      note.dataset.testid = "load-failed";
      note.textContent =
        `SMTP Trainer could not start (${error.message}). Reload the page to try again. / ` +
        `SMTP 训练器无法启动（${error.message}）。请刷新页面重试。`;
      parsed.then(() => document.body.append(note));
    });
})();
