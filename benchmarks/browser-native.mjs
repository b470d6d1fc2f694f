// The browser/native measure: for each program of benchmarks/programs, the
// median call time of its entry word (MAIN) on the SAME linked module, in
// headless Chromium through the compiler façade's `Image` (as the
// playground's bench runs it) and in `native-runner bench MODULE.wasm`, with
// their ratio and the geometric mean of the ratios (above 1: native is
// faster).
//
//   node benchmarks/browser-native.mjs [--rounds R] [--iterations N] [--timeout S] [NAME...]
//   make browser-native                       (builds what it needs first)
//
// Each module is built once by `native-runner build` (the artifact both
// sides run, checked by sha256). Each program is measured in R rounds
// (default 9) of N timed calls a side (default 1), native first in odd
// rounds and browser first in even ones, so that load on the machine (it
// is shared) falls on both sides alike; the medians are over all R x N
// calls of a side. Both sides check every output against NAME.expected.
// Native: `bench` with its own plan (a cold iteration and 1 warm-up per
// round, then the N timed ones, each on a fresh instance; --timeout as
// given, else native's default time limit).
// Browser: one `Image` per program (one instance, as the playground's
// bench), in a module worker: a cold call and 1 warm-up call, then the
// timed calls, each timed alone with performance.now() (cross-origin
// isolated, so microsecond resolution).
// Needs target/web-pkg (`make web-pkg`) and the release runner
// (NATIVE_RUNNER=PATH times another build). BROWSER_NATIVE_SAMPLES=1 prints
// every round's samples on stderr.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../web/tests/browser/static-server.mjs';
import { CHROMIUM_FLAGS } from '../web/tests/browser/flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// playwright-core is installed beside the browser tests (`make browser-deps`).
const { chromium } = createRequire(join(root, 'web', 'tests', 'browser', 'package.json'))('playwright-core');

const args = process.argv.slice(2);
let rounds = 9;
let iterations = 1;
let timeout = null;
const names = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rounds') rounds = Number(args[++i]);
  else if (args[i] === '--iterations') iterations = Number(args[++i]);
  else if (args[i] === '--timeout') timeout = args[++i];
  else if (args[i].startsWith('-')) {
    throw new Error(`unknown option ${args[i]} (options: --rounds R, --iterations N, --timeout S)`);
  } else names.push(args[i]);
}
if (!(rounds >= 1 && iterations >= 1)) throw new Error('--rounds and --iterations need numbers of at least 1');

const programs = join(root, 'benchmarks', 'programs');
const all = readdirSync(programs, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
for (const n of names) if (!all.includes(n)) throw new Error(`no program ${n} in ${programs}`);
const chosen = names.length ? names : all;
const runner = process.env.NATIVE_RUNNER ?? join(root, 'target', 'release', 'native-runner');
const pkg = join(root, 'target', 'web-pkg');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

// The folder the page is served from: the façade, the worker, the page and
// the modules with their expected outputs.
const dir = mkdtempSync(join(tmpdir(), 'ff-browser-native-'));
try {
  for (const f of ['web.js', 'web_bg.wasm']) {
    copyFileSync(join(pkg, f), join(dir, f));
  }
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>browser/native</title>\n');
  // The worker holds one program's Image at a time: `open` boots it and
  // makes the cold and the warm-up call, `time` makes timed calls, each
  // timed alone. The calls are the playground's bench's (web/worker.js).
  writeFileSync(join(dir, 'worker.js'), `
import init, { Image } from './web.js';
await init();
let image = null;
let expected = null;
const call = () => {
  const t0 = performance.now();
  const o = image.run();
  const ms = performance.now() - t0;
  const out = o.output, err = o.error;
  o.free();
  if (err !== undefined) throw new Error(err);
  if (out !== expected) throw new Error('output ' + JSON.stringify(out) + ', expected ' + JSON.stringify(expected));
  return ms * 1e6;
};
onmessage = async (ev) => {
  const m = ev.data;
  try {
    if (m.op === 'open') {
      if (image) image.free();
      image = new Image(new Uint8Array(await (await fetch('./' + m.name + '.wasm')).arrayBuffer()));
      expected = m.expected;
      const cold = call();
      call();
      postMessage({ cold });
    } else if (m.op === 'time') {
      const samples = [];
      for (let i = 0; i < m.n; i++) samples.push(call());
      postMessage({ samples });
    }
  } catch (e) {
    postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
postMessage({ ready: true });
`);

  const { server, url } = await serve(dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e}`));
    await page.goto(url);
    await page.evaluate(() => new Promise((ok, fail) => {
      window.worker = new Worker('./worker.js', { type: 'module' });
      window.worker.onerror = (e) => fail(new Error(`worker: ${e.message}`));
      window.worker.onmessage = (ev) => ev.data.ready && ok();
    }));
    const ask = async (name, msg) => {
      const res = await page.evaluate((m) => new Promise((ok) => {
        window.worker.onmessage = (ev) => ok(ev.data);
        window.worker.postMessage(m);
      }), msg);
      if (res.error) throw new Error(`${name}: browser: ${res.error}`);
      return res;
    };

    const rows = [];
    for (const name of chosen) {
      const source = join(programs, name, `${name}.fs`);
      const expected = readFileSync(join(programs, name, `${name}.expected`), 'utf8');
      const module = join(dir, `${name}.wasm`);
      execFileSync(runner, ['build', source, '-o', module], { stdio: 'pipe' });
      writeFileSync(join(dir, `${name}.expected`), expected);
      const bytes = readFileSync(module);
      const bench = ['bench', module, '--format', 'json', '--iterations', String(iterations), '--warmup', '1',
        '--no-predict', '--no-c-wasm', '--gforth', 'none', ...(timeout === null ? [] : ['--timeout', timeout])];

      const native = [];
      const browser = [];
      await ask(name, { op: 'open', name, expected });
      const timeNative = () => {
        const report = JSON.parse(execFileSync(runner, bench, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
        const res = report.results[0];
        if (!res.output_verified) throw new Error(`${name}: native output not verified`);
        if (res.module_sha256 !== sha256(bytes)) throw new Error(`${name}: native measured another module`);
        return res.steady.samples_ns;
      };
      const timeBrowser = async () => (await ask(name, { op: 'time', n: iterations })).samples;
      for (let r = 0; r < rounds; r++) {
        let n, b;
        if (r % 2 === 0) {
          n = timeNative();
          b = await timeBrowser();
        } else {
          b = await timeBrowser();
          n = timeNative();
        }
        native.push(...n);
        browser.push(...b);
        if (process.env.BROWSER_NATIVE_SAMPLES) {
          const ms = (xs) => xs.map((x) => (x / 1e6).toFixed(0)).join(' ');
          console.error(`${name} round ${r + 1}: native ${ms(n)}; browser ${ms(b)} (ms)`);
        }
      }
      const [browserNs, nativeNs] = [median(browser), median(native)];
      rows.push({ name, browserNs, nativeNs, ratio: browserNs / nativeNs, sha: sha256(bytes) });
      console.error(`[browser-native] ${name}: browser ${(browserNs / 1e6).toFixed(1)} ms, native ${(nativeNs / 1e6).toFixed(1)} ms`);
    }

    const geo = Math.exp(rows.reduce((s, r) => s + Math.log(r.ratio), 0) / rows.length);
    const version = (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium';
    console.log(`| program | browser median (ms) | native median (ms) | browser / native | module sha256 |`);
    console.log(`|---|---:|---:|---:|---|`);
    for (const r of rows) {
      console.log(`| ${r.name} | ${(r.browserNs / 1e6).toFixed(1)} | ${(r.nativeNs / 1e6).toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.sha.slice(0, 12)} |`);
    }
    console.log(`| **geometric mean** |  |  | **${geo.toFixed(2)}** |  |`);
    const la = loadavg().map((x) => x.toFixed(2)).join(' ');
    const limit = timeout === null ? 'default settings' : `--timeout ${timeout}`;
    const calls = `${rounds} rounds of ${iterations} timed call${iterations > 1 ? 's' : ''} a side (native: each ` +
      'round a cold call and 1 warm-up first; browser: one Image, a cold call and 1 warm-up first)';
    console.log(`\n${version} (headless) against ${runner.replace(root + '/', '')} bench (${limit}); ` +
      `${calls}; medians; load average ${la}; ${new Date().toISOString()}.`);
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
