// The playground's compiler worker: owns one FastForth session (the
// compiler façade built by wasm-bindgen into ./pkg) and runs everything the
// page asks for, so the page never freezes. The page ends a runaway program
// by terminating this worker and starting a fresh one.
//
// Messages in:  {id, type: 'run', source, entry} | {id, type: 'repl', line}
//               | {id, type: 'bench', entry, iterations}
// Messages out: {type: 'ready', version} | {type: 'out', kind, text} (streamed)
//               | {id, type: 'result', ...} | {id, type: 'artifact', ...}
//               | {id, type: 'progress', done, total} | {id, type: 'bench', ...}
import init, { Session, Image, version, sha256_hex, wat, provenance } from './pkg/web.js';

await init();
let session = null;
let artifactBytes = null;
let artifactEntry = null;

const decoder = () => new TextDecoder('utf-8');
function sinkFor(dec, kind) {
  return (bytes) => postMessage({ type: 'out', kind, text: dec.decode(bytes, { stream: true }) });
}

function report(id, kind, outcome, dec, ms) {
  const rest = dec.decode(new TextEncoder().encode(outcome.output), { stream: true }) + dec.decode();
  const msg = {
    id, type: 'result', kind, output: rest, error: outcome.error ?? null, line: outcome.line,
    column: outcome.column, bye: outcome.bye, ms,
    stack: Array.from(session.stack()), words: session.words_json(),
    compiling: session.is_compiling(),
  };
  outcome.free();
  postMessage(msg);
}

function link(id, entry) {
  const t0 = performance.now();
  try {
    const bytes = session.link(entry || undefined);
    const linkMs = performance.now() - t0;
    artifactBytes = bytes;
    artifactEntry = entry || 'MAIN';
    let text;
    try { text = wat(bytes); } catch (e) { text = String(e); }
    postMessage({
      id, type: 'artifact', size: bytes.length, sha256: sha256_hex(bytes), wat: text,
      provenance: provenance(bytes) ?? null, linkMs, bytes,
    });
  } catch (e) {
    artifactBytes = null;
    postMessage({ id, type: 'artifact', error: String(e) });
  }
}

function run(id, source, entry) {
  if (session) session.free();
  session = new Session();
  const dec = decoder();
  session.set_output_sink(sinkFor(dec, 'run'));
  const t0 = performance.now();
  const outcome = session.run_source('main.fs', source);
  const ms = performance.now() - t0;
  session.set_output_sink(undefined);
  const failed = outcome.error !== undefined;
  report(id, 'run', outcome, dec, ms);
  if (!failed) link(id, entry);
}

function repl(id, line) {
  if (!session) session = new Session();
  const dec = decoder();
  session.set_output_sink(sinkFor(dec, 'repl'));
  const t0 = performance.now();
  const outcome = session.interpret_line(line);
  session.set_output_sink(undefined);
  report(id, 'repl', outcome, dec, performance.now() - t0);
}

function bench(id, entry, iterations) {
  if (!session) throw new Error('press Run first: the bench measures the loaded program');
  const want = entry || 'MAIN';
  let bytes = artifactBytes;
  if (!bytes || artifactEntry.toUpperCase() !== want.toUpperCase()) bytes = session.link(want);
  const image = new Image(bytes);
  const samples = [];
  let lastPost = 0;
  let firstOutput = '';
  try {
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      const o = image.run();
      const dt = performance.now() - t0;
      const err = o.error;
      if (i === 0) firstOutput = o.output;
      o.free();
      if (err !== undefined) throw new Error(err);
      samples.push(Math.round(dt * 1e6));
      if (performance.now() - lastPost > 50 || i + 1 === iterations) {
        lastPost = performance.now();
        postMessage({ id, type: 'progress', done: i + 1, total: iterations });
      }
    }
  } finally {
    image.free();
  }
  postMessage({
    id, type: 'bench', entry: want, samples_ns: samples, module_sha256: sha256_hex(bytes),
    module_bytes: bytes.length, output: firstOutput,
  });
}

onmessage = (ev) => {
  const m = ev.data;
  try {
    if (m.type === 'run') run(m.id, m.source, m.entry);
    else if (m.type === 'repl') repl(m.id, m.line);
    else if (m.type === 'bench') bench(m.id, m.entry, m.iterations);
  } catch (e) {
    postMessage({ id: m.id, type: 'failed', error: String(e && e.message ? e.message : e) });
  }
};

postMessage({ type: 'ready', version: version() });
