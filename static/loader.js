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

  // Where a first frame is shown, the module's compilation starts once the frame has been
  // painted. Compiling takes the main thread in turns as the bytes arrive, and on a fast link
  // those turns came before the frame's first paint and put off the moment the learner sees
  // a field to type in (docs/size.md, "The frame's paint"); the app's own page comes no later
  // for it, since the same work is done in the same thread either way. On a slow link the
  // frame is painted long before the module is in. Settled at once where no frame is shown,
  // and after a second at most, should the frame's own file be slow to come.
  let framePaintedNow = () => {};
  const framePainted = new Promise((resolve) => {
    framePaintedNow = resolve;
    setTimeout(resolve, 1000);
  });

  // A module compiled as its bytes arrive. It needs none of the glue's imports, so it starts
  // at once: the browser reads the download as fast as it comes instead of holding it until
  // the glue has loaded and the document is parsed. A host that does not label the file
  // `application/wasm` (streaming needs that) gets it compiled once it is all in.
  async function compiled(file, after = null) {
    const response = await fetched(file);
    // With `after` (the first frame painted), the reading waits for it while the download
    // goes on. Should the whole file be in first (a fast link), it is compiled at once:
    // compiling a whole module runs off the main thread, and waiting for the paint only put
    // the app off (docs/size.md, "Compiling what is already in").
    if (after !== null) {
      const whole = response.clone().arrayBuffer();
      whole.catch(() => {});
      const inFirst = await Promise.race([after.then(() => false), whole.then(() => true, () => false)]);
      if (inFirst) return WebAssembly.compile(await whole);
    }
    const type = response.headers.get("Content-Type") ?? "";
    return type.split(";")[0].trim() === "application/wasm"
      ? WebAssembly.compileStreaming(response)
      : WebAssembly.compile(await response.arrayBuffer());
  }

  // The other sections' stylesheets. style.css, which index.html names, holds every rule the
  // first pages use, so a first visit loads nothing else before it shows; the rules of the
  // other sections (compose.css, learn.css, msgauth.css) come with the whole app, which
  // starts only once they are in (docs/size.md, "The sections' stylesheets"). Appended after
  // style.css, in this order, as the cascade expects. A sheet that cannot be loaded fails
  // the whole app's start like its module would, and can be tried again. `cargo xtask dist`
  // names each by its content in the list below, as trunk names style.css.
  const SHEETS = "compose learn msgauth";
  let sheets = null;
  function sectionSheets() {
    // After the document is parsed: the loader runs before index.html's own <link> to
    // style.css, which must come first. Should one fail, all of them go, so that trying
    // again appends them anew in their order.
    sheets ??= parsed.then(() => {
      const links = SHEETS.split(" ").map((name) => {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = `./${name}.css`;
        const loaded = new Promise((resolve, reject) => {
          link.onload = resolve;
          link.onerror = () => reject(new Error(`${name}.css: not loaded`));
        });
        document.head.append(link);
        return { link, loaded };
      });
      return Promise.all(links.map((l) => l.loaded)).catch((error) => {
        for (const { link } of links) link.remove();
        sheets = null;
        throw error;
      });
    });
    return sheets;
  }

  async function start(files) {
    // The wasm is fetched and compiled while the glue loads and the rest of the page is
    // parsed; the whole app's stylesheets meanwhile too.
    const module = compiled(files.wasm, framePainted);
    // A failure is reported once, by the await below.
    module.catch(() => {});
    const styled = files === WHOLE ? sectionSheets() : Promise.resolve();
    styled.catch(() => {});
    const glue = await import(`./${files.js}`);
    await parsed;
    await styled;
    await glue.default({ module_or_path: await module });
  }

  // The whole app, once: a failure can be tried again.
  let whole = null;
  window.smtpTrainerLoadAll = () => {
    whole ??= (async () => {
      const compiling = compiled(WHOLE.wasm);
      compiling.catch(() => {});
      const styled = sectionSheets();
      styled.catch(() => {});
      const glue = await import(`./${WHOLE.js}`);
      const module = await compiling;
      await styled;
      const leave = window.smtpTrainerLeave;
      window.smtpTrainerHandoff = typeof leave === "function" ? leave() : null;
      await glue.default({ module_or_path: module });
    })().catch((error) => {
      whole = null;
      throw error;
    });
    return whole;
  };

  // What the shareable pages held before a reload (src/ui/share/keep.rs): copied out of the
  // tab's session storage when this document came from a reload or the history, for the
  // pages to take once each; and kept again, by the running module, whenever the page is
  // left or hidden. A new visit starts afresh.
  try {
    const type = performance.getEntriesByType("navigation")[0]?.type;
    window.smtpTrainerKept = type === "reload" || type === "back_forward" ? { ...sessionStorage } : {};
  } catch {
    // Storage refused (a sandbox): nothing was kept.
  }
  const keep = () => window.smtpTrainerKeep?.();
  addEventListener("pagehide", keep);
  document.addEventListener("visibilitychange", () => document.hidden && keep());

  function registerWorker() {
    // Registered once the first page is up, so its downloads never compete with it.
    if ("serviceWorker" in navigator && location.protocol !== "file:") {
      navigator.serviceWorker.register("./sw.js").catch(() => {});
    }
  }

  // The first frame (issue 13): the page a section's module draws first, recorded from the
  // real page (static/first-frames/, written by the browser test `first_frames_are_current`,
  // see docs/size.md) and shown while the module is on its way. Its fields take typing at
  // once; once the app has drawn its own, what was typed, the focus and caret, and any
  // Enter or button press made meanwhile go over to the app, and the frame goes.
  //
  // The addresses with a recorded frame, each `#/` and its parts joined by `-` (`auth-plain`
  // is `#/auth/plain`); the browser test records one file per name and language.
  const FRAMES = "console verify reference auth auth-plain auth-login auth-cram-md5 auth-digest-md5 auth-http-digest auth-ntlm auth-scram-sha-1 auth-scram-sha-256 auth-xoauth2 auth-oauthbearer";

  // A reference entry's address (`#/reference/553`) shows the reference's frame with its
  // detail pane empty until the module has drawn the entry. A shared link's page
  // (`#/verify?s=…`) is drawn from the link's state, which no recorded frame holds: a plain
  // frame would show an empty form the link then fills, and what a learner typed into it
  // would be mixed into the shared state. Such an address shows no frame.
  function frameFor(hash) {
    if (hash.includes("?")) return null;
    const path = hash.replace(/^#/, "").split("?")[0].replace(/\/+$/, "").toLowerCase();
    let name = path.split("/").filter(Boolean).join("-") || "console";
    let empty = null;
    if (name.startsWith("reference-")) {
      name = "reference";
      empty = "[data-testid=reference-detail]";
    }
    return FRAMES.split(" ").includes(name)
      ? { file: `first-frames/${name}-${language()}.html?v=${VERSION}`, empty }
      : null;
  }

  function showFrame(html, empty) {
    // A host that answers a missing file with its index page (or anything else) gives no
    // frame: one is a <main> and no script, and small.
    if (html.length > 65536 || !html.includes("<main") || /<(script|html|head)\b/i.test(html)) {
      framePaintedNow();
      return;
    }
    const appInput = (frame) =>
      [...document.querySelectorAll("main :is(input, textarea)")].find((e) => !frame.contains(e));
    const frame = document.createElement("div");
    frame.dataset.firstFrame = "";
    frame.dataset.testid = "first-frame";
    frame.setAttribute("aria-busy", "true");
    frame.innerHTML = html;
    if (empty !== null) frame.querySelector(empty)?.replaceChildren();
    if (failed || document.querySelector("main") !== null || location.hash !== shownFor) {
      framePaintedNow();
      return;
    }
    // What the learner does before the app is in, done again once it is: the fields they
    // changed, and each Enter and button press with the fields as they were then.
    const touched = new Set();
    const pending = [];
    // Only an element with a hook of its own can be found again in the app's page.
    const idOf = (element) => element?.dataset?.testid;
    const fields = () =>
      [...touched].map((id) => {
        const field = frame.querySelector(`[data-testid="${CSS.escape(id)}"]`);
        return [id, field.type === "checkbox" || field.type === "radio" ? field.checked : field.value];
      });
    const noteChange = (event) => {
      const id = idOf(event.target);
      if (id !== undefined && event.target.matches("input, textarea, select")) touched.add(id);
    };
    frame.addEventListener("input", noteChange);
    frame.addEventListener("change", noteChange);
    // Enter in the console's command line, or its Send button, sends the line and empties
    // the field (`data-enter-sends`, `data-sends`): here too, and the app sends it later.
    const sent = (id) => {
      const field = id && frame.querySelector(`[data-testid="${CSS.escape(id)}"]`);
      if (field) field.value = "";
    };
    frame.addEventListener("keydown", (event) => {
      const field = event.target;
      if (event.key === "Enter" && !event.isComposing && field.matches("input")) {
        event.preventDefault();
        if (idOf(field) === undefined) return;
        pending.push({ enter: idOf(field), fields: fields() });
        if (field.hasAttribute("data-enter-sends")) sent(idOf(field));
      }
    });
    // Several lines pasted into the command line are several Enters (a one-line field
    // would join them): the app is handed the paste itself, and sends each line it
    // completes, as it does with a paste of its own; the rest stays in the field.
    frame.addEventListener("paste", (event) => {
      const field = event.target;
      const text = event.clipboardData?.getData("text/plain") ?? "";
      if (!field.matches("input[data-enter-sends]") || !/[\r\n]/.test(text)) return;
      event.preventDefault();
      const whole =
        field.value.slice(0, field.selectionStart ?? field.value.length) +
        text +
        field.value.slice(field.selectionEnd ?? field.value.length);
      touched.add(idOf(field));
      field.value = "";
      pending.push({ paste: idOf(field), text: whole, fields: fields() });
      field.value = whole.split(/\r\n|\r|\n/).pop();
    });
    frame.addEventListener("click", (event) => {
      // An anchor within the page (the skip link's `#main`) is no address: focus it here.
      const anchor = event.target.closest("a[href^='#']:not([href^='#/'])");
      if (anchor !== null) {
        event.preventDefault();
        const id = anchor.getAttribute("href").slice(1);
        frame.querySelector(`[id="${CSS.escape(id)}"]`)?.focus();
        return;
      }
      const button = event.target.closest("button");
      if (button !== null && frame.contains(button)) {
        event.preventDefault();
        if (idOf(button) === undefined) return;
        pending.push({ click: idOf(button), fields: fields() });
        sent(button.dataset.sends);
      }
    });
    frame.addEventListener("submit", (event) => event.preventDefault());
    const lang = frame.firstElementChild?.dataset.lang;
    if (lang) document.documentElement.lang = lang;
    document.body.prepend(frame);
    // A tab opened in the background paints nothing until it is shown: the module need not
    // wait for that.
    if (document.visibilityState === "hidden") framePaintedNow();
    // The focus the app gives on arrival, in the frame's first animation frame: focusing
    // lays the page out at once, and the browser does that for the frame anyway.
    requestAnimationFrame(() => {
      // The frame's style, layout and paint follow this callback; a timeout queued here runs
      // after them.
      setTimeout(framePaintedNow, 0);
      if (frame.isConnected && !frame.contains(document.activeElement)) {
        frame.querySelector("[data-first-focus]")?.focus({ preventScroll: true });
      }
    });
    // The address changed before the app came: the frame no longer shows it.
    const gone = () => {
      observer.disconnect();
      frame.remove();
    };
    window.addEventListener("hashchange", gone, { once: true });
    const observer = new MutationObserver(() => {
      if (appInput(frame) === undefined) return;
      window.removeEventListener("hashchange", gone);
      observer.disconnect();
      handOver(frame, pending, fields());
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }

  async function handOver(frame, pending, final) {
    const app = (id) =>
      id === undefined
        ? undefined
        : [...document.querySelectorAll(`[data-testid="${CSS.escape(id)}"]`)].find((e) => !frame.contains(e));
    const apply = (values) => {
      for (const [id, value] of values) {
        const target = app(id);
        if (target === undefined) continue;
        if (typeof value === "boolean") {
          if (target.checked !== value) target.click();
        } else {
          target.value = value;
          const select = target.tagName === "SELECT";
          target.dispatchEvent(select ? new Event("change", { bubbles: true }) : new InputEvent("input", { bubbles: true }));
        }
      }
    };
    const active = frame.contains(document.activeElement) ? document.activeElement : null;
    const focus = app(active?.dataset.testid);
    const caret = () => {
      try {
        focus?.setSelectionRange(active.selectionStart, active.selectionEnd);
      } catch {
        // Not a text field: the focus is enough.
      }
    };
    // The app's fields show what was typed at once; the app is told in tasks of its own,
    // once its first render is done, each step after the app has drawn the one before.
    for (const [id, value] of final) {
      const target = app(id);
      if (target !== undefined && typeof value === "string") target.value = value;
    }
    frame.remove();
    focus?.focus({ preventScroll: true });
    caret();
    const drawn = () => new Promise((resolve) => setTimeout(resolve, 0));
    for (const action of pending) {
      await drawn();
      apply(action.fields);
      await drawn();
      if (action.click !== undefined) {
        app(action.click)?.click();
      } else if (action.paste !== undefined) {
        const data = new DataTransfer();
        data.setData("text/plain", action.text);
        app(action.paste)?.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
      } else {
        app(action.enter)?.dispatchEvent(
          new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }),
        );
      }
    }
    await drawn();
    apply(final);
    caret();
  }

  const first = moduleFor(location.hash);
  let failed = false;
  const shownFor = location.hash;
  const frameOf = first === WHOLE ? null : frameFor(location.hash);
  if (frameOf === null) framePaintedNow();
  else {
    fetched(frameOf.file)
      .then((response) => response.text())
      .then((html) => parsed.then(() => showFrame(html, frameOf.empty)))
      .catch(() => {
        // No frame for this address: the page shows when its module has drawn it.
        framePaintedNow();
      });
  }
  start(first)
    .then(registerWorker)
    .catch((error) => {
      // The first frame would pretend the page works: it goes.
      document.querySelector("[data-first-frame]")?.remove();
      failed = true;
      const note = document.createElement("p");
      note.setAttribute("role", "alert");
      note.dataset.testid = "load-failed";
      note.textContent =
        `SMTP Trainer could not start (${error.message}). Reload the page to try again. / ` +
        `SMTP 训练器无法启动（${error.message}）。请刷新页面重试。`;
      parsed.then(() => document.body.append(note));
    });
})();
