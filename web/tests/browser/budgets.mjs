// The playground's budgets, measured (numbers, not a pass/fail test):
//  - size of the release wasm files, raw and gzip;
//  - page load -> first Run's output, in headless Chromium (median of runs);
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

// 1. Sizes.
const wasm = [
  ...readdirSync(dist).filter((f) => f.endsWith('.wasm')).map((f) => ['page (Leptos app)', join(dist, f)]),
  ['worker (compiler façade)', join(dist, 'pkg', 'web_bg.wasm')],
];
console.log('| wasm | bytes | gzip |\n| --- | --- | --- |');
for (const [what, file] of wasm) {
  const b = readFileSync(file);
  console.log(`| ${what} | ${b.length} (${kib(b.length)}) | ${gzipSync(b, { level: 9 }).length} (${kib(gzipSync(b, { level: 9 }).length)}) |`);
}

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
for (let i = 0; i < RUNS; i++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.click('[data-testid="run"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]')?.textContent.length > 0);
  loads.push(Date.now() - t0);
  await ctx.close();
}

// 3. 100-line program in the browser (the worker's own timing of compile + run).
const browserMs = [];
let browserOut = '';
{
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await page.evaluate((src) => {
    const ta = document.querySelector('[data-testid="editor"]');
    ta.value = src;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, program);
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

console.log(`\npage load -> first output (headless Chromium, median of ${RUNS}): ${median(loads)} ms  [${loads.join(', ')}]`);
console.log(`100-line program, compile + run (median of ${RUNS}):`);
console.log(`  browser worker:                 ${median(browserMs).toFixed(1)} ms`);
console.log(`  native-runner run (cached):     ${cached.ms.toFixed(1)} ms  -> browser/native ${(median(browserMs) / cached.ms).toFixed(2)}`);
console.log(`  native-runner run --no-cache:   ${uncached.ms.toFixed(1)} ms  -> browser/native ${(median(browserMs) / uncached.ms).toFixed(2)}`);
