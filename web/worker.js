// The playground's compiler worker: owns one FastForth session (the
// compiler façade built by wasm-bindgen into ./pkg) and runs everything the
// page asks for, so the page never freezes. The page ends a runaway program
// by terminating this worker and starting a fresh one. It also does the
// page's other work that needs the compiler's code: share links, native
// reports and histories read from JSON, bench summaries (web/exchange); the
// page gets plain objects (their JSON, parsed here) and holds no JSON,
// deflate or statistics code of its own.
//
// For a quick first Run it boots a system with the default limits as soon
// as the façade is loaded, before any request (a Run with those limits
// takes it instead of booting its own). Systems with the default limits
// boot from the boot file (./pkg/boot.snap, web/src/boot_file.rs: the
// prelude compiled at build time), fetched while the façade loads; others,
// or all when there is no usable boot file, boot from source, with the
// prelude's texts (./pkg/prelude.bin, web/src/prelude_file.rs, which the
// façade does not carry) fetched the first time. It loads the WAT printer (a
// second wasm module, ./pkg/web_wat.js) only at the first link, after that
// Run's output has gone to the page, and the exchange formats (a third,
// ./pkg/web_exchange.js) when one is first needed. Requests are handled one
// at a time, in order, even while one waits for a module.
//
// Messages in:  {id, type: 'run', source, name, entry, limits}
//               | {id, type: 'repl', line, limits}
//               | {id, type: 'bench', entry, iterations}
//               | {id, type: 'code', word}   one word's function as WAT (the code view)
//               | {id, type: 'perf', entry}  the performance model's prediction (one counted call)
//               | {id, type: 'share', base, source, settings, bench, report}  a share link
//                 (settings: JSON; bench, report: JSON or undefined)
//               | {id, type: 'open', link}   a share link opened (the page's address)
//               | {id, type: 'report', text} | {id, type: 'history', text}  pasted JSON, read
// Messages out: {type: 'ready', version} | {type: 'out', kind, text} (streamed)
//               | {id, type: 'result', ...} (words, remarks, definitions: arrays of objects)
//               | {id, type: 'headers', headers} (after a Run: its source's provenance headers)
//               | {id, type: 'artifact', ...}
//               | {id, type: 'progress', done, total} | {id, type: 'bench', bench} or {id, type: 'bench', error}
//                 (bench: see web/exchange/src/bench.rs)
//               | {id, type: 'code', word, name, effect, file, lines, lineTokens, tokens} or {id, type: 'code', word, error}
//                 (lineTokens[i]: the index in tokens (JSON [{line, col, len}]) of line i's token, or -1)
//               | {id, type: 'perf', prediction} (as `native-runner predict`'s JSON) or {id, type: 'perf', error}
//                 (also after every bench, for the Performance tab)
//               | {id, type: 'share', link} | {id, type: 'opened', opened} (see web/exchange/src/share.rs)
//               | {id, type: 'report', report} | {id, type: 'history', history}; each of these four
//                 or {id, type, error}
// The façade's wasm and the boot file are fetched at once, while its
// bindings (./pkg/web.js, imported below, not statically: a static import
// is fetched before any of this runs) are still on their way; the wasm
// compiles as it streams in (WebAssembly.instantiateStreaming, in init).
const wasm = fetch('./pkg/web_bg.wasm');
// The boot file's bytes, or null without one.
const bootFile = fetch('./pkg/boot.snap')
  .then(async (r) => (r.ok ? new Uint8Array(await r.arrayBuffer()) : null))
  .catch(() => null);
const {
  default: init, Session, Image, version, sha256_hex, provenance, canonical_limits, set_prelude,
} = await import('./pkg/web.js');
await init({ module_or_path: wasm });
const DEFAULT_LIMITS = Session.default_limits_json();
// The boot file once fetched (see fresh); null when there is none or the façade refused it.
let bootBytes = null;
// Another of the wasm modules in ./pkg, loaded and ready.
async function load(path) {
  const m = await import(path);
  await m.default();
  return m;
}
let session = null;
// A system booted ahead of need (see boot), and its limits as
// canonical_limits gives them.
let spare = null;
// The WAT printer's module (`wat(bytes)`, `word_wat(...)`), once it is loading.
let printer = null;
const watPrinter = () => (printer ??= load('./pkg/web_wat.js'));
// The exchange formats' module (share links, reports, histories, bench summaries), once it is loading.
let exchangeModule = null;
const exchange = () => (exchangeModule ??= load('./pkg/web_exchange.js'));
let artifactBytes = null;
let artifactEntry = null;

const decoder = () => new TextDecoder('utf-8');
// What an exception says: an Error's message, or the thrown value (the façade throws strings).
const reason = (e) => String(e && e.message ? e.message : e);
function sinkFor(dec, kind) {
  return (bytes) => postMessage({ type: 'out', kind, text: dec.decode(bytes, { stream: true }) });
}

function report(id, kind, outcome, dec, ms) {
  const rest = dec.decode(new TextEncoder().encode(outcome.output), { stream: true }) + dec.decode();
  const msg = {
    id, type: 'result', kind, output: rest, error: outcome.error ?? null, line: outcome.line,
    column: outcome.column, bye: outcome.bye, ms,
    stack: Array.from(session.stack()), words: JSON.parse(session.words_json()),
    remarks: JSON.parse(session.explain_json()).words ?? [], definitions: JSON.parse(session.definitions_json()),
    compiling: session.is_compiling(),
  };
  outcome.free();
  postMessage(msg);
}

async function link(id, entry) {
  const t0 = performance.now();
  // The code view shows words as the image of this entry holds them.
  artifactEntry = entry || 'MAIN';
  try {
    const bytes = session.link(entry || undefined);
    const linkMs = performance.now() - t0;
    artifactBytes = bytes;
    const sha256 = sha256_hex(bytes);
    const prov = provenance(bytes) ?? null;
    let text;
    try { text = (await watPrinter()).wat(bytes); } catch (e) { text = String(e); }
    postMessage({ id, type: 'artifact', size: bytes.length, sha256, wat: text, provenance: prov, linkMs, bytes });
  } catch (e) {
    artifactBytes = null;
    postMessage({ id, type: 'artifact', error: String(e) });
  }
}

// The prelude's texts handed to the façade, for boots from source: fetched
// the first time one is needed (and again after a failed fetch).
let preludeSet = null;
function prelude() {
  preludeSet ??= fetch('./pkg/prelude.bin')
    .then(async (r) => {
      if (!r.ok) throw new Error(`cannot fetch the prelude (pkg/prelude.bin): HTTP ${r.status}`);
      set_prelude(new Uint8Array(await r.arrayBuffer()));
    })
    .catch((e) => { preludeSet = null; throw e; });
  return preludeSet;
}

// A fresh system with the default limits: from the boot file when the
// façade accepts it, else (and from then on) from source.
async function fresh() {
  if (bootBytes) {
    try {
      return Session.from_boot_file(bootBytes);
    } catch (e) {
      console.warn(`boot file refused (${reason(e)}): booting from source`);
      bootBytes = null;
    }
  }
  await prelude();
  return new Session();
}

// A fresh system with the page's limits (JSON, see Session.with_limits);
// limits that cannot be used throw, with a message naming the option.
// The spare system is taken when its limits are the ones asked for.
async function boot(limits) {
  if (session) session.free();
  session = null;
  let canonical = DEFAULT_LIMITS;
  try { if (limits) canonical = canonical_limits(limits); } catch { /* with_limits says why */ }
  if (spare && canonical === spare.limits) {
    session = spare.session;
    spare = null;
  } else if (canonical === DEFAULT_LIMITS) {
    session = await fresh();
  } else {
    canonical_limits(limits); // limits that cannot be used are refused before any fetch
    await prelude();
    session = Session.with_limits(limits);
  }
}

async function run(id, source, name, entry, limits) {
  await boot(limits);
  const dec = decoder();
  session.set_output_sink(sinkFor(dec, 'run'));
  const t0 = performance.now();
  const outcome = session.run_source(name || 'main.fs', source);
  const ms = performance.now() - t0;
  session.set_output_sink(undefined);
  const failed = outcome.error !== undefined;
  report(id, 'run', outcome, dec, ms);
  if (!failed) await link(id, entry);
  // Last, from the exchange module (imported here at the first Run).
  await answer(id, 'headers', 'headers', async () => JSON.parse((await exchange()).provenance_headers_json(source)));
}

async function repl(id, line, limits) {
  if (!session) await boot(limits);
  const dec = decoder();
  session.set_output_sink(sinkFor(dec, 'repl'));
  const t0 = performance.now();
  const outcome = session.interpret_line(line);
  session.set_output_sink(undefined);
  report(id, 'repl', outcome, dec, performance.now() - t0);
}

// One word's function as WAT, as the image of the last Run's entry holds
// it, each line with the source token it came from.
async function code(id, word) {
  try {
    if (!session) throw new Error('press Run first: the code view shows the loaded program');
    const c = session.word_code(word, artifactEntry ?? undefined);
    const p = (await watPrinter()).word_wat(c.module, c.body_start, c.body_end, c.mark_offsets, c.mark_tokens);
    postMessage({
      id, type: 'code', word, name: c.name, effect: c.effect, file: c.file ?? null, lines: p.lines(),
      lineTokens: Array.from(p.tokens()), tokens: c.tokens_json, linked: c.linked,
    });
    p.free();
    c.free();
  } catch (e) {
    postMessage({ id, type: 'code', word, error: reason(e) });
  }
}

async function bench(id, entry, iterations) {
  if (!session) throw new Error('press Run first: the bench measures the loaded program');
  const want = entry || 'MAIN';
  let bytes = artifactBytes;
  if (!bytes || artifactEntry.toUpperCase() !== want.toUpperCase()) bytes = session.link(want);
  const image = new Image(bytes);
  const call = () => {
    const o = image.run();
    const err = o.error;
    o.free();
    if (err !== undefined) throw new Error(err);
  };
  const samples = [];
  let callsPerSample = 1;
  try {
    // Warm up (at least 20 ms or 1000 calls), then pick how many calls one
    // sample times so that it lasts at least 1 ms: the worker's clock is
    // coarse (down to 100 µs without cross-origin isolation).
    const w0 = performance.now();
    let warm = 0;
    do { call(); warm++; } while (performance.now() - w0 < 20 && warm < 1000);
    const perCallMs = (performance.now() - w0) / warm;
    callsPerSample = Math.max(1, Math.min(1e6, Math.ceil(1 / Math.max(perCallMs, 1e-6))));
    let lastPost = 0;
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      for (let k = 0; k < callsPerSample; k++) call();
      const dt = performance.now() - t0;
      samples.push(Math.round((dt * 1e6) / callsPerSample));
      if (performance.now() - lastPost > 50 || i + 1 === iterations) {
        lastPost = performance.now();
        postMessage({ id, type: 'progress', done: i + 1, total: iterations });
      }
    }
  } finally {
    image.free();
  }
  const sha256 = sha256_hex(bytes);
  const size = bytes.length;
  await answer(id, 'bench', 'bench', async () =>
    JSON.parse((await exchange()).bench_json(want, samples, sha256, size, callsPerSample)));
  await perf(id, want);
}

// The performance model's prediction for the entry word: an instrumented
// link, one counted call, the counters read back (Session.predict_json).
function perf(id, entry) {
  return answer(id, 'perf', 'prediction', () => {
    if (!session) throw new Error('press Run first: the prediction is of the loaded program');
    return JSON.parse(session.predict_json(entry || undefined));
  });
}

// A request answered with what `make` returns (or resolves to): {id,
// type, [key]: it}, or {id, type, error} with what it threw.
async function answer(id, type, key, make) {
  try {
    postMessage({ id, type, [key]: await make() });
  } catch (e) {
    postMessage({ id, type, error: reason(e) });
  }
}

async function handle(m) {
  try {
    if (m.type === 'run') await run(m.id, m.source, m.name, m.entry, m.limits);
    else if (m.type === 'repl') await repl(m.id, m.line, m.limits);
    else if (m.type === 'bench') await bench(m.id, m.entry, m.iterations);
    else if (m.type === 'code') await code(m.id, m.word);
    else if (m.type === 'perf') await perf(m.id, m.entry);
    else if (m.type === 'share') {
      await answer(m.id, 'share', 'link', async () =>
        (await exchange()).share_link(m.base, m.source, m.settings, m.bench, m.report));
    } else if (m.type === 'open') {
      await answer(m.id, 'opened', 'opened', async () => JSON.parse((await exchange()).open_link(m.link)));
    } else if (m.type === 'report') {
      await answer(m.id, 'report', 'report', async () => JSON.parse((await exchange()).parse_report(m.text)));
    } else if (m.type === 'history') {
      await answer(m.id, 'history', 'history', async () => JSON.parse((await exchange()).parse_history(m.text)));
    }
  } catch (e) {
    postMessage({ id: m.id, type: 'failed', error: reason(e) });
  }
}

// One request at a time, in the order they came.
let queue = Promise.resolve();
onmessage = (ev) => {
  const m = ev.data;
  queue = queue.then(() => handle(m));
};

postMessage({ type: 'ready', version: version() });

// The spare system, booted while the page is still starting (a request
// that comes meanwhile waits for it, then is handled as usual).
queue = queue.then(async () => {
  bootBytes = await bootFile;
  try {
    const s = await fresh();
    spare = { session: s, limits: s.limits_json() };
  } catch { /* the first Run boots its own */ }
});
