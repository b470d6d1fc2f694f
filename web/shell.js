// The start-up shell (web/index.html's #ff-shell): the page's first text, a
// Run button and an output, usable as soon as the HTML is in, while the
// app's wasm and the editor's modules are still loading. Run (or
// Ctrl/Cmd+Enter) sends the text to the early worker (web/boot.js) as the
// app would, with the saved settings, and shows its output as it streams.
// Inlined right after the shell's markup, so its elements exist.
//
// The app, when it mounts (web/app/src/shell.rs), takes the shell's text
// (typed or not), takes `run` from window.__fastforthEarlyWorker (the
// request, and whether it was sent), replays the worker's events, so the
// output, status, words and code of this run appear in the app too, and
// removes the shell. Nothing typed or printed is lost.
//
// Guarantees: the shell shows what the worker printed as text only, never
// as HTML; it runs one program at a time; only the latest run's events are
// kept for the app (with the worker's `ready`).
(() => {
  const early = window.__fastforthEarlyWorker;
  const shell = document.getElementById('ff-shell');
  if (!early || !shell) return;
  const part = (id) => shell.querySelector(`[data-testid="${id}"]`);
  const editor = part('editor');
  const runButton = part('run');
  const output = part('output');
  const status = part('status');
  // A link to open: the app opens it (its program replaces any text here).
  if (location.hash.includes('share=')) {
    editor.value = '';
    editor.readOnly = true;
    runButton.disabled = true;
    status.textContent = 'loading the link…';
    return;
  }
  // The saved text and settings, as the app keeps them (web/app/src/storage.rs).
  let limits;
  try {
    const saved = localStorage.getItem('fastforth.playground.source');
    if (saved !== null) editor.value = saved;
    limits = localStorage.getItem('fastforth.playground.limits') ?? undefined;
  } catch {
    // No storage: the first text and the default settings.
  }
  let ready = false;
  let running = false;
  const send = () => {
    early.worker.postMessage(early.run.request);
    early.run.sent = true;
  };
  const run = () => {
    if (running) return;
    running = true;
    runButton.disabled = true;
    output.textContent = '';
    status.textContent = ready ? 'running…' : 'loading the compiler…';
    // Only this run's events go to the app, after the worker's `ready`.
    const kept = early.events.filter(([kind, ev]) => kind === 'error' || ev.data?.type === 'ready');
    early.events.splice(0, early.events.length, ...kept);
    const source = editor.value;
    const request = { type: 'run', source, name: 'main.fs', entry: 'MAIN', limits };
    early.run = { source, name: 'main.fs', request, sent: false };
    if (ready) send();
  };
  const done = (text) => {
    running = false;
    runButton.disabled = false;
    status.textContent = text;
  };
  const recordMessage = early.worker.onmessage;
  early.worker.onmessage = (ev) => {
    recordMessage(ev);
    const m = ev.data;
    if (m.type === 'ready') {
      ready = true;
      if (early.run && !early.run.sent) {
        status.textContent = 'running…';
        send();
      } else if (!running) {
        status.textContent = 'compiler loaded';
      }
    } else if (m.type === 'out' && m.kind === 'run') {
      output.textContent += m.text;
    } else if (m.type === 'result' && m.kind === 'run') {
      output.textContent += m.output;
      done(m.error == null ? `done in ${m.ms.toFixed(1)} ms` : `error: ${m.error}`);
    } else if (m.type === 'failed') {
      done(`failed: ${m.error}`);
    }
  };
  const recordError = early.worker.onerror;
  early.worker.onerror = (ev) => {
    recordError(ev);
    done(`failed: ${ev.message || 'the compiler worker failed to start'}`);
  };
  runButton.addEventListener('click', run);
  editor.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      run();
    }
  });
})();
