// Starts the compiler worker as soon as the page starts, so that it loads
// and compiles the façade's wasm while the app's wasm is still loading: the
// first Run's output comes sooner. The app (web/app/src/worker.rs) adopts
// this worker once, with the events it sent before the app was listening,
// in order; Stop starts fresh workers as before.
(() => {
  const events = [];
  const worker = new Worker('./worker.js', { type: 'module' });
  worker.onmessage = (ev) => events.push(['message', ev]);
  worker.onerror = (ev) => events.push(['error', ev]);
  window.__fastforthEarlyWorker = { worker, events };
})();
