// The playground's budgets, measured (numbers, not a pass/fail test):
//  - size of the release wasm files and the page's JavaScript (with the
//    editor's modules the page loads: editor.js and editor-chunk.js), raw
//    and gzip, against their budgets. Reported by themselves: the editor's
//    extras (editor-extras.js: keys, undo, search, completion), which load
//    at the editor's first use, not before the first Run's output; the
//    worker's WAT printer and exchange formats (modules it loads when first
//    needed), its boot file (fetched as it starts), the system's words for
//    completion (fetched with the editor's extras) and the prelude's texts
//    (which the worker fetches at its first boot from source);
//  - page load -> first Run's output, in headless Chromium (median of runs):
//    from the start of the navigation to the output's first text, as the
//    harness sees it (a poll) and as the page does (a MutationObserver's
//    performance.now()); the harness presses Run as soon as it can;
//  - compile + run of a 100-line program in the browser worker against
//    `native-runner run` of the same file (median of runs).
// Run with `make budgets` (builds dist/ and the release native runner first;
// NATIVE_RUNNER=PATH times another build of the runner instead).
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { CHROMIUM_FLAGS } from './flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dist = join(root, 'dist');
const RUNS = Number(process.env.BUDGET_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

// 1. Sizes, against the budgets (bytes: 1 MB = 1,000,000). The page's
// figure is its wasm and its JavaScript: the app's bindings and the
// editor's modules it loads (CodeMirror: editor.js and the chunk it
// imports), which are also reported by themselves; the editor's extras
// chunk is not part of it (it loads at the editor's first use).
const size = (file) => {
  const b = readFileSync(file);
  return { bytes: b.length, gzip: gzipSync(b, { level: 9 }).length };
};
const fmt = ({ bytes, gzip }) => `${bytes} (${kib(bytes)}) | ${gzip} (${kib(gzip)})`;
const within = (n, limit) => (n <= limit ? 'within' : `**over** by ${n - limit}`);
const pageWasm = readdirSync(dist).filter((f) => f.endsWith('.wasm')).map((f) => join(dist, f));
const pageJs = readdirSync(dist).filter((f) => f.startsWith('playground-') && f.endsWith('.js')).map((f) => join(dist, f));
const sum = (xs) => xs.map(size).reduce((a, b) => ({ bytes: a.bytes + b.bytes, gzip: a.gzip + b.gzip }), { bytes: 0, gzip: 0 });
const worker = size(join(dist, 'pkg', 'web_bg.wasm'));
const printer = size(join(dist, 'pkg', 'web_wat_bg.wasm'));
const exchange = size(join(dist, 'pkg', 'web_exchange_bg.wasm'));
const bootFile = size(join(dist, 'pkg', 'boot.snap'));
const prelude = size(join(dist, 'pkg', 'prelude.bin'));
const words = size(join(dist, 'pkg', 'words.json'));
const app = sum(pageWasm);
const appJs = sum(pageJs);
const editorFiles = ['editor.js', 'editor-chunk.js'].map((f) => join(dist, 'editor', f));
const editor = sum(editorFiles);
const extras = size(join(dist, 'editor', 'editor-extras.js'));
const page = sum([...pageWasm, ...pageJs, ...editorFiles]);
console.log('| file | bytes | gzip | budget |\n| --- | --- | --- | --- |');
console.log(`| worker wasm (compiler façade) | ${fmt(worker)} | ≤ 1,200,000, gzip ≤ 400,000: ${within(worker.bytes, 1.2e6)}, gzip ${within(worker.gzip, 4e5)} |`);
console.log(`| worker's WAT printer (loaded at the first link) | ${fmt(printer)} | |`);
console.log(`| worker's exchange formats (loaded after the first Run) | ${fmt(exchange)} | |`);
console.log(`| worker's boot file (fetched as it starts) | ${fmt(bootFile)} | |`);
console.log(`| worker's prelude (fetched at its first boot from source) | ${fmt(prelude)} | |`);
console.log(`| system's words for completion (fetched with the editor's extras) | ${fmt(words)} | |`);
console.log(`| page wasm (Leptos app) | ${fmt(app)} | |`);
console.log(`| page JS (app bindings) | ${fmt(appJs)} | |`);
console.log(`| editor (CodeMirror: editor.js + editor-chunk.js) | ${fmt(editor)} | |`);
console.log(`| editor's extras (editor-extras.js, loaded at the editor's first use) | ${fmt(extras)} | not in the page figure |`);
console.log(`| index.html (the start-up shell, with boot.js, shell.js and the style sheet inlined) | ${fmt(size(join(dist, 'index.html')))} | not in the page figure |`);
console.log(`| page: wasm + JS + editor | ${fmt(page)} | ≤ 700,000: ${within(page.bytes, 7e5)} |`);

// A 100-line program: 60 small definitions, then 40 lines that use them.
const lines = [];
for (let i = 0; i < 60; i++) lines.push(`: w${i} ( n -- n' ) dup ${i + 3} * swap ${i * 7 + 1} + xor ${i % 5 + 1} rshift ;`);
for (let i = 0; i < 40; i++) lines.push(`${i * 13 + 5} w${i} w${i + 10} w${i + 20} 65535 and .`);
const program = lines.join('\n') + '\n';

const { server, url } = await serve(dist);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
const statusDone = () => (document.querySelector('[data-testid="status"]')?.textContent ?? '').startsWith('done');

// 2. Page load -> first output.
const loads = [];
const inPage = [];
const clicks = [];
for (let i = 0; i < RUNS; i++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // The page's own clock: when Run was pressed and when the output first had text.
  await page.addInitScript(() => {
    document.addEventListener('click', (e) => { window.__budgetClick ??= e.timeStamp; }, true);
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="output"]')?.textContent.length > 0) {
        window.__budgetOutput = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.click('[data-testid="run"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]')?.textContent.length > 0);
  loads.push(Date.now() - t0);
  await page.waitForFunction(() => window.__budgetOutput !== undefined);
  const [click, out] = await page.evaluate(() => [window.__budgetClick, window.__budgetOutput]);
  inPage.push(Math.round(out));
  clicks.push(Math.round(click));
  await ctx.close();
}

// 3. 100-line program in the browser (the worker's own timing of compile + run).
const browserMs = [];
let browserOut = '';
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await page.fill('[data-testid="editor"]', program);
  for (let i = 0; i < RUNS; i++) {
    await page.click('[data-testid="run"]');
    await page.waitForFunction(statusDone);
    const status = await page.locator('[data-testid="status"]').textContent();
    browserMs.push(Number(status.match(/done in ([\d.]+) ms/)[1]));
    browserOut = await page.locator('[data-testid="output"]').textContent();
  }
  await ctx.close();
}
await browser.close();
server.close();

// ... and natively, the whole process (engine, compile, run), with and without the module cache.
const dir = mkdtempSync(join(tmpdir(), 'ff-budget-'));
writeFileSync(join(dir, 'prog.fs'), program);
const runner = process.env.NATIVE_RUNNER ?? join(root, 'target', 'release', 'native-runner');
const timeNative = (extra) => {
  const ms = [];
  let out = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    out = execFileSync(runner, ['run', 'prog.fs', ...extra], { cwd: dir, encoding: 'utf8' });
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(ms), out };
};
const cached = timeNative([]);
const uncached = timeNative(['--no-cache']);
if (cached.out !== browserOut) throw new Error(`outputs differ:\nnative:  ${cached.out}\nbrowser: ${browserOut}`);

console.log(`\npage load -> first output (headless Chromium, median of ${RUNS}): ${median(loads)} ms  [${loads.join(', ')}] (budget ≤ 300 ms: ${within(median(loads), 300)})`);
console.log(`  in the page (navigation start -> output's first text): ${median(inPage)} ms  [${inPage.join(', ')}]; Run pressed at ${median(clicks)} ms  [${clicks.join(', ')}]`);
console.log(`100-line program, compile + run (median of ${RUNS}):`);
console.log(`  browser worker:                 ${median(browserMs).toFixed(1)} ms`);
console.log(`  native-runner run (cached):     ${cached.ms.toFixed(1)} ms  -> browser/native ${(median(browserMs) / cached.ms).toFixed(2)}`);
console.log(`  native-runner run --no-cache:   ${uncached.ms.toFixed(1)} ms  -> browser/native ${(median(browserMs) / uncached.ms).toFixed(2)}`);
