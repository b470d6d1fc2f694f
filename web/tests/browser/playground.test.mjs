// Browser tests of the playground: the built dist/ served by a tiny static
// server, driven in Debian's headless Chromium by playwright-core.
// Screenshots go to target/browser-screenshots/ (test artifacts).
// Run by `make test` (target browser-test) after `make playground`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { CHROMIUM_FLAGS } from './flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dist = join(root, 'dist');
const shots = join(root, 'target', 'browser-screenshots');
mkdirSync(shots, { recursive: true });

let server, url, browser;
before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), 'dist/ is not built: run `make playground` first');
  ({ server, url } = await serve(dist));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});
after(async () => {
  await browser?.close();
  server?.close();
});

const sel = (id) => `[data-testid="${id}"]`;

/** A fresh page (own localStorage) at `address`, once the compiler worker is ready. */
async function open(address = url, context = null) {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 1400, height: 1000 } }));
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(address);
  await ready(page);
  return page;
}

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent.startsWith('ready'),
    null, { timeout: 20000 });
}

/** Replaces the editor's text by typing (select all, then type or insert). */
async function typeSource(page, text) {
  const ed = page.locator(sel('editor'));
  await ed.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text.length < 400) await page.keyboard.type(text);
  else await page.keyboard.insertText(text);
}

async function run(page) {
  await page.click(sel('run'));
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="status"]')?.textContent ?? '';
    return s.startsWith('done') || s.startsWith('error');
  }, null, { timeout: 30000 });
}

const text = (page, id) => page.locator(sel(id)).textContent();
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

function nativeRunner() {
  for (const p of ['target/debug/native-runner', 'target/release/native-runner']) {
    if (existsSync(join(root, p))) return join(root, p);
  }
  throw new Error('native-runner is not built (cargo build -p native-runner)');
}

/** The module sha256 of `native-runner build` of `source` saved as main.fs. */
function nativeBuildSha(source) {
  const dir = mkdtempSync(join(tmpdir(), 'ff-play-'));
  writeFileSync(join(dir, 'main.fs'), source);
  execFileSync(nativeRunner(), ['build', 'main.fs', '-o', 'main.wasm'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  return createHash('sha256').update(readFileSync(join(dir, 'main.wasm'))).digest('hex');
}

test('type a program, press Run: output, stack, words and WAT', async () => {
  const page = await open();
  await typeSource(page, ': sq ( n -- n*n ) dup * ;\n7 sq . cr .( done)\n1 2 3');
  await run(page);
  assert.equal(await text(page, 'output'), '49 \ndone');
  assert.equal(await text(page, 'stack'), '<3> 1 2 3');
  const words = await text(page, 'words');
  assert.match(words, /sq\s*colon\s*\( 1 -- 1 \)/);
  await page.waitForSelector(sel('artifact-error'));
  assert.match(await text(page, 'artifact-error'), /MAIN is not defined/);
  // With a MAIN, the program is linked and its WAT shown.
  await typeSource(page, ': main ( -- ) 6 7 * . ;');
  await run(page);
  assert.equal(await text(page, 'output'), '');
  await page.waitForSelector(sel('wat'));
  assert.match(await text(page, 'wat'), /^\(module \$fastforth-image/);
  // The REPL runs against the loaded program.
  await page.fill(sel('repl'), 'main 1 .');
  await page.press(sel('repl'), 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="repl-log"]').textContent.includes(' ok'));
  assert.match(await text(page, 'repl-log'), /> main 1 \.42 1  ok/);
  // Ctrl+Enter in the editor runs too.
  await typeSource(page, '.( again)');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').textContent === 'again');
  await shot(page, 'run');
  await page.context().close();
});

test('an error shows its message, line and column, marked in the editor', async () => {
  const page = await open();
  await typeSource(page, '1 2 +\n.\n  3 frobnicate 4\n');
  await run(page);
  const err = await text(page, 'error');
  assert.match(err, /main\.fs:3:5: error: frobnicate: undefined word \(THROW -13\)/);
  assert.match(err, /line 3, column 5/);
  assert.equal(await page.locator('.gutter .ln-error').textContent(), '3');
  assert.equal(await page.locator('.tok-error').textContent(), 'frobnicate');
  assert.equal(await text(page, 'output'), '3 ');
  await shot(page, 'error');
  await page.context().close();
});

test('Stop ends an infinite loop; the page stays usable', async () => {
  const page = await open();
  await typeSource(page, '.( start) cr : spin begin again ; spin');
  await page.click(sel('run'));
  // The first output is streamed at once, while the loop runs.
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').textContent.startsWith('start'));
  // The page is not frozen while the program runs.
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  await page.locator(sel('editor')).press('End');
  const t0 = Date.now();
  await page.click(sel('stop'));
  await ready(page);
  const restartMs = Date.now() - t0;
  console.log(`# stop -> fresh worker ready in ${restartMs} ms`);
  assert.ok(restartMs < 5000, `the fresh worker took ${restartMs} ms`);
  await shot(page, 'stop');
  await typeSource(page, '1 2 + .');
  await run(page);
  assert.equal(await text(page, 'output'), '3 ');
  await page.context().close();
});

test('a reload keeps the editor text', async () => {
  const page = await open();
  const src = ': kept ( -- ) ." still here" ;\n\\ typed before the reload';
  await typeSource(page, src);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator(sel('editor')).inputValue(), src);
  await page.context().close();
});

test('the artifact built in the browser has the sha256 of native-runner build', async () => {
  const page = await open();
  const src = ': sq dup * ;\n: main ( -- ) 10 0 do i sq . loop cr ;\nvariable v  42 v !\n';
  await typeSource(page, src);
  await run(page);
  await page.waitForSelector(sel('wat'));
  const sha = (await text(page, 'sha256')).trim();
  assert.match(sha, /^[0-9a-f]{64}$/);
  assert.equal(sha, nativeBuildSha(src));
  assert.match(await text(page, 'artifact-facts'), /module \d+ bytes/);
  await shot(page, 'artifact');
  await page.context().close();
});

test('a bench produces numbers and a chart', async () => {
  const page = await open();
  await typeSource(page, ': main ( -- ) 0 10000 0 do i + loop drop ;');
  await run(page);
  await page.fill(sel('iterations'), '30');
  await page.press(sel('iterations'), 'Tab');
  await page.click(sel('bench'));
  await page.waitForSelector(sel('bench-results'), { timeout: 30000 });
  const res = await text(page, 'bench-results');
  assert.match(res, /iterations\s*30/);
  const median = await page.locator('[data-stat="median"]').textContent();
  assert.match(median, /^\d+(\.\d+)? (ns|µs|ms|s)$/);
  assert.equal(await page.locator(`${sel('bench-results')} svg polyline`).count(), 1);
  await shot(page, 'bench');
  await page.context().close();
});

/** A native report for `sha`, in the shared format (numbers made up for the test). */
function nativeReport(sha, entry = 'MAIN') {
  return {
    schema: 'fastforth.bench/1',
    provenance: { tool_version: '0.1.0', git_revision: 'test', wasmtime_version: '48.0.8',
      target_triple: 'x86_64-unknown-linux-gnu', cpu_model: 'test cpu', os: 'linux',
      timestamp: '2026-11-26T00:00:00Z', options: {} },
    results: [{ name: 'loop', entry, source_sha256: 'x', module_sha256: sha, module_bytes: 1000,
      output_verified: true, phases_ns: { front_end: 1 }, cold_ns: 10,
      steady: { iterations: 3, samples_ns: [1000, 1200, 1100], min_ns: 1000, median_ns: 1100, mean_ns: 1100.0,
        p95_ns: 1200, p99_ns: 1200, stddev_ns: 100.0, mad_ns: 100.0, outliers: 0, iters_per_sec: 909090.9 } }],
  };
}

test('a native report imports: side by side, with the same-module badge', async () => {
  const page = await open();
  const src = ': main ( -- ) 0 1000 0 do i + loop drop ;';
  await typeSource(page, src);
  await run(page);
  await page.waitForSelector(sel('wat'));
  await page.fill(sel('import-report'), '{"not": "a report"}');
  await page.click(sel('import-button'));
  assert.match(await text(page, 'import-error'), /not a native bench report/);
  await page.fill(sel('iterations'), '10');
  await page.press(sel('iterations'), 'Tab');
  await page.click(sel('bench'));
  await page.waitForSelector(sel('bench-results'));
  await page.fill(sel('import-report'), JSON.stringify(nativeReport(nativeBuildSha(src))));
  await page.click(sel('import-button'));
  await page.waitForSelector(sel('same-module'));
  assert.equal(await page.locator('[data-native="median"]').textContent(), '1.10 µs');
  assert.equal(await page.locator(`${sel('compare-results')} svg`).count(), 1);
  await shot(page, 'compare');
  // Another module's report gets no badge.
  await page.fill(sel('import-report'), JSON.stringify(nativeReport('0'.repeat(64))));
  await page.click(sel('import-button'));
  await page.waitForSelector(sel('different-module'));
  await page.context().close();
});

test('a share link round-trips in a fresh page, and nothing runs until Run', async () => {
  const page = await open();
  const src = ': main ( -- ) ." shared!" ;\nmain';
  await typeSource(page, src);
  await page.fill(sel('entry'), 'MAIN');
  await page.fill(sel('iterations'), '7');
  await page.press(sel('iterations'), 'Tab');
  await run(page);
  await page.click(sel('bench'));
  await page.waitForSelector(sel('bench-results'));
  await page.fill(sel('import-report'), JSON.stringify(nativeReport('f'.repeat(64))));
  await page.click(sel('import-button'));
  await page.click(sel('share'));
  const link = await page.locator(sel('share-url')).inputValue();
  assert.match(link, /#share=[A-Za-z0-9_-]+$/);
  await page.context().close();

  const fresh = await open(link);
  assert.equal(await fresh.locator(sel('editor')).inputValue(), src);
  assert.equal(await fresh.locator(sel('iterations')).inputValue(), '7');
  assert.match(await text(fresh, 'link-note'), /Nothing runs until you press Run/);
  assert.equal(await text(fresh, 'output'), '');
  assert.match(await text(fresh, 'bench-results'), /iterations\s*7/);
  await fresh.waitForSelector(sel('compare-results'));
  await shot(fresh, 'share-opened');
  await run(fresh);
  assert.equal(await text(fresh, 'output'), 'shared!');
  await fresh.context().close();
});

test('tampered, malformed and too-large links are refused with a message', async () => {
  const page = await open();
  await typeSource(page, '.( original)');
  await page.click(sel('share'));
  const link = await page.locator(sel('share-url')).inputValue();
  const payload = link.split('#share=')[1];
  // Flip one character in the middle of the payload.
  const i = Math.floor(payload.length / 2);
  const flipped = payload.slice(0, i) + (payload[i] === 'A' ? 'B' : 'A') + payload.slice(i + 1);
  for (const [bad, why] of [
    [`${url}#share=${flipped}`, /malformed|tampered/],
    [`${url}#share=!!!not-base64!!!`, /malformed share link/],
    [`${url}#share=${'A'.repeat(70000)}`, /too large/],
  ]) {
    const p = await open(bad);
    assert.match(await text(p, 'link-note'), why);
    await p.context().close();
  }
  // A source too large for a link is refused when sharing.
  let big = '';
  for (let n = 0; big.length < 200000; n++) big += `\\ ${createHash('sha256').update(String(n)).digest('base64')}\n`;
  await typeSource(page, big);
  await page.click(sel('share'));
  assert.match(await text(page, 'share-error'), /too large/);
  await shot(page, 'share-too-large');
  await page.context().close();
});

test('an XSS attempt in a link is inert: shown as text, never run as HTML', async () => {
  const page = await open();
  const evil = [
    '\\ </textarea><script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">',
    '\\ javascript:window.__xss=3 <a href="javascript:window.__xss=4">x</a>',
    '.( <img src=y onerror="window.__xss=5">) cr',
    ': </textarea> ." <script>window.__xss=6</script>" ;',
    '</textarea>',
  ].join('\n');
  await typeSource(page, evil);
  await page.click(sel('share'));
  const link = await page.locator(sel('share-url')).inputValue();
  await page.context().close();

  const p = await open(link);
  assert.equal(await p.locator(sel('editor')).inputValue(), evil);
  await run(p);
  assert.equal(await text(p, 'output'), '<img src=y onerror="window.__xss=5">\n<script>window.__xss=6</script>');
  assert.match(await text(p, 'words'), /<\/textarea>/);
  assert.equal(await p.evaluate(() => window.__xss), undefined);
  assert.equal(await p.locator('body img, body a[href^="javascript"]').count(), 0);
  const scripts = await p.evaluate(() => [...document.scripts].map((s) => s.textContent).join('\n'));
  assert.doesNotMatch(scripts, /__xss/);
  await shot(p, 'xss');
  await p.context().close();
});
