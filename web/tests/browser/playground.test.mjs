// Browser tests of the playground: the built dist/ served by a tiny static
// server, driven in Debian's headless Chromium by playwright-core.
// Screenshots go to target/browser-screenshots/ (test artifacts).
// Run by `make test` (target browser-test) after `make playground`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import * as harness from './harness.mjs';
import { useBrowser } from './harness.mjs';

const { root, shots, sel, open, ready, typeSource, showTab, editorText, run, text, setSetting, shot, nativeRunner } = harness;
useBrowser();
const url = () => harness.url;


/** `source` saved as `name` in a fresh folder, which is returned. */
function scratch(source, name) {
  const dir = mkdtempSync(join(tmpdir(), 'ff-play-'));
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), source);
  return dir;
}

/** The module sha256 of `native-runner build` of `source` saved as `name`. */
function nativeBuildSha(source, { name = 'main.fs', args = [] } = {}) {
  const dir = scratch(source, name);
  execFileSync(nativeRunner(), ['build', name, '-o', 'main.wasm', ...args],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  return createHash('sha256').update(readFileSync(join(dir, 'main.wasm'))).digest('hex');
}

/**
 * A real `native-runner bench` of `source` saved as `name` (a few
 * iterations): its JSON report as printed, parsed, and its `--link` to the
 * playground under test.
 */
function nativeBench(source, { name = 'main.fs', args = [] } = {}) {
  const dir = scratch(source, name);
  const res = spawnSync(nativeRunner(), ['bench', name, '--iterations', '3', '--warmup', '0', '--no-cache',
    '--format', 'json', '--link', url(), ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
  const link = res.stderr.match(/^link: (\S+)$/m)?.[1];
  assert.ok(link, `no link in: ${res.stderr}`);
  return { json: res.stdout, report: JSON.parse(res.stdout), link };
}

/** A time as the playground shows it (`stats::human_ns`), back in ns. */
function parseNs(text) {
  const m = text.match(/^(\d+(?:\.\d+)?) (ns|µs|ms|s)$/);
  assert.ok(m, `not a time: ${text}`);
  return Number(m[1]) * { ns: 1, 'µs': 1e3, ms: 1e6, s: 1e9 }[m[2]];
}

/** Whether a shown time is the report's `ns`, to its 3 shown digits. */
function showsNs(text, ns) {
  assert.ok(Math.abs(parseNs(text) - ns) <= ns * 0.01, `${text} is not ${ns} ns`);
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

test('the Remarks tab says what the optimizer did to each word, as native-runner explain does', async () => {
  const page = await open();
  const source = ': sq ( n -- n*n ) dup * ;\n: sum-sq ( n -- s ) 0 swap 0 ?do i sq + loop ;\n'
    + ': nth ( n -- x ) pick ;\n10 sum-sq . cr';
  await typeSource(page, source);
  await run(page);
  assert.equal(await text(page, 'output'), '285 \n');
  await showTab(page, 'remarks');
  const shown = await text(page, 'remarks');
  assert.match(shown, /SQ \( 1 -- 1 \)/);
  assert.match(shown, /register calling convention \( 1 -- 1 \)/);
  assert.match(shown, /inlined into SUM-SQ/);
  assert.match(shown, /inner loop unrolled 4 times/);
  assert.match(shown, /NTH[\s\S]*memory calling convention: reads below its arguments: PICK with an index computed at run time/);
  // The same remarks as the command line's, word for word.
  const dir = scratch(source, 'main.fs');
  const native = JSON.parse(execFileSync(nativeRunner(), ['explain', 'main.fs', '--format', 'json'], { cwd: dir }).toString());
  for (const w of native.words) {
    for (const r of w.remarks) assert.ok(shown.includes(r.text), `missing: ${r.text}`);
  }
  await shot(page, 'remarks');
  await page.context().close();
});

test('every teaching example runs in the page and prints its expected output', async () => {
  const dir = join(root, 'public', 'examples');
  const names = readdirSync(dir).filter((f) => f.endsWith('.fs')).map((f) => f.slice(0, -3)).sort();
  assert.ok(names.length >= 15, `${names.length} examples`);
  // A fresh page for each, so that each example is checked on its own (one
  // page switching between examples is the next test).
  for (const name of names) {
    const page = await open();
    await page.selectOption(sel('examples'), name);
    await run(page);
    const want = readFileSync(join(dir, `${name}.out`), 'utf8');
    assert.equal(await text(page, 'output'), want, `example ${name}`);
    assert.equal(await page.locator(sel('error')).count(), 0, `example ${name} shows an error`);
    await page.context().close();
  }
});

test('one page runs examples in turn, again and again: right output, no console error', async () => {
  const dir = join(root, 'public', 'examples');
  const page = await open();
  const errors = [];
  // A panic hangs the page in "running…": fail at once, with its message.
  let failNow;
  const failed = new Promise((_, reject) => { failNow = reject; });
  failed.catch(() => {});
  const record = (e) => { errors.push(e); failNow(new Error(errors.join('\n'))); };
  page.on('console', (m) => {
    // The browser asks for a /favicon.ico that dist/ does not have.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) record(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => record(`page error: ${e.message}`));
  // Each switch sets the source from outside the editor, often while the
  // editor's report of the last switch is still pending: the page once
  // crashed there within a few runs (the editor's JS called back into the
  // app while it held the source's lock).
  const names = ['hello', 'stack', 'loops'];
  for (let i = 0; i < 15; i++) {
    const name = names[i % names.length];
    await page.selectOption(sel('examples'), name);
    const ran = run(page);
    ran.catch(() => {});
    await Promise.race([ran, failed]);
    const want = readFileSync(join(dir, `${name}.out`), 'utf8');
    assert.equal(await text(page, 'output'), want, `run ${i + 1}: example ${name}`);
    assert.equal(await page.locator(sel('error')).count(), 0, `run ${i + 1}: example ${name} shows an error`);
    assert.equal(await editorText(page), readFileSync(join(dir, `${name}.fs`), 'utf8'), `run ${i + 1}: editor text`);
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('an error shows its message, line and column, marked in the editor', async () => {
  const page = await open();
  await typeSource(page, '1 2 +\n.\n  3 frobnicate 4\n');
  await run(page);
  const err = await text(page, 'error');
  assert.match(err, /main\.fs:3:5: error: frobnicate: undefined word \(THROW -13\)/);
  assert.match(err, /line 3, column 5/);
  // A diagnostic at line 3, column 5, over the word, with a marker in the gutter.
  const mark = page.locator('.cm-lintRange-error');
  assert.equal(await mark.textContent(), 'frobnicate');
  assert.equal(await mark.evaluate((e) => e.closest('.cm-line').textContent), '  3 frobnicate 4');
  assert.equal(await page.locator('.cm-lint-marker-error').count(), 1);
  // The newline an uncaught error ends the output with, as gforth.
  assert.equal(await text(page, 'output'), '3 \n');
  await shot(page, 'error');
  await page.context().close();
});

test('a program in gforth\'s dialect runs: { } locals, an interpreted ." and DOES>', async () => {
  const page = await open();
  // Typed as a user would paste it from a gforth tutorial; the expected
  // output is what gforth 0.7.3 prints for it.
  const prog = [
    '." Hello world!" cr',
    ': hypot2 { a b -- c } a a * b b * + ;',
    '3 4 hypot2 . cr',
    ': cx* { F: ar F: ai F: br F: bi -- cr ci } ar br f* ai bi f* f-  ar bi f* ai br f* f+ ;',
    '1e 2e 3e 4e cx* f. f. cr',
    ': triangle { n } 0 n 1+ 1 ?do i + loop ;',
    '10 triangle . cr',
    'create counter 0 , does> dup @ 1+ dup rot ! ;',
    'counter . counter . cr',
    '5 3 >= . 5 3 <= . 1 cell * . cr',
  ].join('\n');
  await typeSource(page, prog);
  await run(page);
  assert.equal(await page.locator(sel('error')).count(), 0, 'no error');
  assert.equal(await text(page, 'output'), 'Hello world!\n25 \n10. -5. \n55 \n1 2 \n-1 0 4 \n');
  await shot(page, 'gforth-dialect');
  // The REPL takes the dialect too, line by line.
  assert.match(await replLine(page, '." typed" 2 3 hypot2 .'), /typed13  ok/);
  await page.context().close();
});

/** Sends a REPL line and waits for its response; returns the REPL log. */
async function replLine(page, line) {
  const before = await page.locator('.repl-out').count();
  await page.fill(sel('repl'), line);
  await page.press(sel('repl'), 'Enter');
  await page.waitForFunction((n) => {
    const outs = document.querySelectorAll('.repl-out');
    return outs.length > n && !outs[outs.length - 1].textContent.endsWith('…');
  }, before);
  return page.locator('.repl-out').last().textContent();
}

test('Stop ends an infinite loop; the page stays usable', async () => {
  const page = await open();
  const src = '.( start) cr : spin begin again ; spin';
  await typeSource(page, src);
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
  assert.match(await text(page, 'reset-note'), /program's state was reset/);
  assert.equal(await editorText(page), src);
  await shot(page, 'stop');
  await typeSource(page, '1 2 + .');
  await run(page);
  assert.equal(await text(page, 'output'), '3 ');
  assert.equal(await page.locator(sel('reset-note')).count(), 0);
  await page.context().close();
});

test('after Stop the REPL runs on a fresh system, keeping the editor text and the REPL history', async () => {
  const page = await open();
  const src = ': sq ( n -- n*n ) dup * ;\n: spin ( -- ) begin again ;';
  await typeSource(page, src);
  await run(page);
  assert.equal(await replLine(page, '3 sq .'), '9  ok');
  // A runaway REPL line, stopped.
  await page.fill(sel('repl'), '.( spinning) spin');
  await page.press(sel('repl'), 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="repl-log"]').textContent.includes('spinning'));
  await page.click(sel('stop'));
  await ready(page);
  assert.match(await text(page, 'reset-note'), /The REPL now runs on a fresh system; press Run to load the program again/);
  assert.match(await text(page, 'status'), /^ready/);
  assert.equal(await editorText(page), src);
  const log = await text(page, 'repl-log');
  assert.match(log, /> 3 sq \.9  ok/);
  assert.match(log, /> \.\( spinning\) spinspinning \[stopped\]/);
  assert.equal(await text(page, 'stack'), '(empty)');
  assert.equal(await text(page, 'words'), 'namekindstack effect (inferred)');
  // Nothing ran again by itself, and the fresh system has no SQ.
  assert.match(await replLine(page, '3 sq .'), /sq: undefined word \(THROW -13\)/);
  assert.equal(await replLine(page, '1 2 + .'), '3  ok');
  // Up recalls earlier lines.
  await page.focus(sel('repl'));
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator(sel('repl')).inputValue(), '1 2 + .');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator(sel('repl')).inputValue(), '3 sq .');
  await shot(page, 'stop-repl');
  // Run loads the program again, and the REPL history outlives a reload.
  await run(page);
  assert.equal(await replLine(page, '4 sq .'), '16  ok');
  await page.reload();
  await ready(page);
  await page.focus(sel('repl'));
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator(sel('repl')).inputValue(), '4 sq .');
  await page.context().close();
});

test('the limits are settings: each gives the native error, and the page goes on', async () => {
  const page = await open();
  await showTab(page, 'settings');
  // A value the native option refuses is refused with its message.
  await setSetting(page, 'max_nesting', '0');
  assert.equal(await text(page, 'settings-error'), 'invalid value 0 for --max-nesting: 0 is not in 1..=1000');
  await setSetting(page, 'max_nesting', '4');
  assert.equal(await page.locator(sel('settings-error')).count(), 0);
  await typeSource(page, 'variable n : r 1 n +! n @ 5 < if s" r" evaluate then ; r n @ .');
  await run(page);
  assert.match(await text(page, 'error'),
    /main\.fs:1:56: error: r: input sources nested too deeply \(the limit is 4\) \(THROW -5\)/);
  assert.equal(await replLine(page, '1 2 + .'), '3  ok');
  await setSetting(page, 'float_stack', '3');
  await typeSource(page, '1E 2E 3E 4E');
  await run(page);
  assert.match(await text(page, 'error'), /main\.fs:1:10: error: 4E: floating-point stack overflow \(THROW -44\)/);
  // A megabyte is pasted (typing it would take minutes), as a user would.
  await setSetting(page, 'max_input', '1');
  await page.fill(sel('editor'), '\\ padding\n'.repeat(110_000));
  await run(page);
  assert.match(await text(page, 'error'),
    /^error: cannot read main\.fs: larger than the input limit of 1048576 bytes \(see --max-input\)/);
  assert.equal(await replLine(page, '2 3 + .'), '5  ok');
  await shot(page, 'limits');
  // The settings are kept in this browser; Defaults restores them.
  await page.reload();
  await ready(page);
  await showTab(page, 'settings');
  assert.equal(await page.locator(sel('setting-max_nesting')).inputValue(), '4');
  await page.click(sel('settings-defaults'));
  assert.equal(await page.locator(sel('setting-max_nesting')).inputValue(), '64');
  await typeSource(page, '1E 2E 3E 4E FDEPTH .');
  await run(page);
  assert.equal(await text(page, 'output'), '4 ');
  await page.context().close();
});

test('a reload keeps the editor text', async () => {
  const page = await open();
  const src = ': kept ( -- ) ." still here" ;\n\\ typed before the reload';
  await typeSource(page, src);
  await page.reload();
  await ready(page);
  assert.equal(await editorText(page), src);
  await page.context().close();
});

test('the artifact built in the browser has the sha256 of native-runner build', async () => {
  const page = await open();
  const src = ': sq dup * ;\n: main ( -- ) 10 0 do i sq . loop cr ;\nvariable v  42 v !\n';
  await typeSource(page, src);
  await run(page);
  await page.waitForSelector(sel('wat'));
  await showTab(page, 'provenance');
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
  await showTab(page, 'bench');
  await page.fill(sel('iterations'), '30');
  await page.press(sel('iterations'), 'Tab');
  await page.click(sel('bench'));
  await page.waitForSelector(sel('bench-results'), { state: 'attached', timeout: 30000 });
  const res = await text(page, 'bench-results');
  assert.match(res, /iterations\s*30/);
  const median = await page.locator('[data-stat="median"]').textContent();
  assert.match(median, /^\d+(\.\d+)? (ns|µs|ms|s)$/);
  assert.equal(await page.locator(`${sel('bench-results')} svg polyline`).count(), 1);
  await shot(page, 'bench');
  await page.context().close();
});

test('a real native report imports: side by side, with a chart and the same-module badge', async () => {
  const page = await open();
  const src = ': main ( -- ) 0 1000 0 do i + loop drop ;';
  await typeSource(page, src);
  await run(page);
  await page.waitForSelector(sel('wat'));
  await showTab(page, 'compare');
  await page.fill(sel('import-report'), '{"not": "a report"}');
  await page.click(sel('import-button'));
  assert.match(await text(page, 'import-error'), /not a native bench report/);
  await showTab(page, 'bench');
  await page.fill(sel('iterations'), '10');
  await page.press(sel('iterations'), 'Tab');
  await page.click(sel('bench'));
  await page.waitForSelector(sel('bench-results'), { state: 'attached' });
  // The JSON exactly as `native-runner bench --format json` printed it.
  const { json, report } = nativeBench(src);
  const native = report.results[0];
  await showTab(page, 'provenance');
  assert.equal((await text(page, 'sha256')).trim(), native.module_sha256);
  await showTab(page, 'compare');
  await page.fill(sel('import-report'), json);
  await page.click(sel('import-button'));
  await page.waitForSelector(sel('same-module'), { state: 'attached' });
  assert.equal(await page.locator(sel('import-error')).count(), 0);
  for (const k of ['min', 'median', 'p95']) {
    showsNs(await page.locator(`[data-native="${k}"]`).textContent(), native.steady[`${k}_ns`]);
  }
  assert.match(await text(page, 'compare-results'), new RegExp(`native: main \\(entry MAIN\\) · native-runner ${report.provenance.tool_version} · wasmtime ${report.provenance.wasmtime_version}`));
  assert.equal(await page.locator(`${sel('compare-results')} svg`).count(), 1);
  assert.ok(await page.locator(`${sel('compare-results')} svg rect`).count() >= 8, 'a bar per side and statistic');
  await shot(page, 'compare');
  // Another program's report gets no badge.
  const other = nativeBench(': main ( -- ) 0 2000 0 do i + loop drop ;');
  await page.fill(sel('import-report'), other.json);
  await page.click(sel('import-button'));
  await page.waitForSelector(sel('different-module'), { state: 'attached' });
  assert.equal(await page.locator(sel('name-hint')).count(), 0);
  // The same text benched as another file is another module (the module
  // records its file name): the page says so, and setting the name fixes it.
  const renamed = nativeBench(src, { name: 'lib/loop.fs' });
  await page.fill(sel('import-report'), renamed.json);
  await page.click(sel('import-button'));
  await page.waitForSelector(sel('different-module'), { state: 'attached' });
  assert.match(await text(page, 'name-hint'), /built from lib\/loop\.fs; the editor's text is loaded as main\.fs/);
  await showTab(page, 'settings');
  await setSetting(page, 'source_name', 'lib/loop.fs');
  await run(page);
  await page.waitForSelector(sel('wat'));
  await showTab(page, 'provenance');
  assert.equal((await text(page, 'sha256')).trim(), renamed.report.results[0].module_sha256);
  // The badge is about the measured module: the earlier bench was of main.fs.
  assert.equal(await page.locator(sel('same-module')).count(), 0);
  assert.match(await text(page, 'stale-bench'), /press Bench to measure the current one/);
  await showTab(page, 'bench');
  await page.click(sel('bench'));
  await page.waitForSelector(sel('same-module'), { state: 'attached' });
  assert.equal(await page.locator(sel('stale-bench')).count(), 0);
  await page.context().close();
});

test('a link made by native-runner bench --link opens with its report, settings and file name', async () => {
  const src = ': sum ( n -- n ) 0 swap 0 ?do i + loop ;\n: main ( -- ) 5000 sum drop ;\n';
  // A file in a folder, -O1 and a smaller data stack: the browser must use all three.
  const opts = { name: 'progs/sum.fs', args: ['-O', '1', '--data-stack', '4096'] };
  const { report, link } = nativeBench(src, opts);
  assert.equal(report.results[0].module_sha256, nativeBuildSha(src, opts));
  const page = await open(link);
  assert.equal(await editorText(page), src);
  assert.match(await text(page, 'link-note'), /Nothing runs until you press Run/);
  assert.equal(await text(page, 'output'), '');
  // A tab's panel is built when the tab is first chosen.
  await showTab(page, 'compare');
  await page.waitForSelector(sel('compare-results'), { state: 'attached' });
  await showTab(page, 'settings');
  assert.equal(await page.locator(sel('setting-source_name')).inputValue(), 'progs/sum.fs');
  assert.equal(await page.locator(sel('setting-opt_level')).inputValue(), '1');
  assert.equal(await page.locator(sel('setting-data_stack')).inputValue(), '4096');
  await run(page);
  await page.waitForSelector(sel('wat'));
  await showTab(page, 'provenance');
  assert.equal((await text(page, 'sha256')).trim(), report.results[0].module_sha256);
  await page.waitForSelector(sel('same-module'), { state: 'attached' });
  await showTab(page, 'bench');
  await page.click(sel('bench'));
  await page.waitForSelector(sel('bench-results'), { state: 'attached' });
  await page.waitForSelector(`${sel('compare-results')} svg`, { state: 'attached' });
  await shot(page, 'native-link');
  await page.context().close();
});

test('a recorded history imports and is plotted per series, as the HTML history draws it', async () => {
  const src = ': sum ( n -- n ) 0 swap 0 ?do i + loop ;\n: main ( -- ) 3000 sum drop ;\n';
  const dir = scratch(src, 'sum.fs');
  const store = join(dir, 'results.sqlite');
  for (let i = 0; i < 3; i++) {
    const rec = spawnSync(nativeRunner(), ['bench', 'sum.fs', '--iterations', '3', '--warmup', '0', '--gforth', 'none',
      '--no-c-wasm', '--no-predict', '--record', '--store', store, '--machine', 'test-machine'],
    { cwd: dir, encoding: 'utf8' });
    assert.equal(rec.status, 0, rec.stderr);
  }
  const hist = spawnSync(nativeRunner(), ['history', '--store', store, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(hist.status, 0, hist.stderr);
  const history = JSON.parse(hist.stdout);
  assert.equal(history.schema, 'fastforth.history/1');
  const page = await open();
  await showTab(page, 'history');
  await page.fill(sel('import-history'), '{"schema":"fastforth.bench/1","results":[]}');
  await page.click(sel('import-history-button'));
  assert.match(await text(page, 'history-error'), /not a history \(schema fastforth.history\/1\)/);
  await page.fill(sel('import-history'), hist.stdout);
  await page.click(sel('import-history-button'));
  await page.waitForSelector(sel('history-results'));
  const series = page.locator(sel('history-series'));
  assert.equal(await series.count(), history.series.length);
  const head = await series.first().locator('h3').textContent();
  assert.match(head, /^sum · test-machine · O2 · 3 runs · last median /);
  // One dot per run, a median line through them, and the spread.
  assert.equal(await series.first().locator('circle.history-dot').count(), 3);
  assert.equal(await series.first().locator('polyline.history-median').count(), 1);
  assert.equal(await series.first().locator('line.history-whisker').count(), 3);
  const titles = await series.first().locator('circle.history-dot title').allTextContents();
  assert.ok(titles[0].startsWith(`${history.series[0].runs[0].timestamp}: median `), titles[0]);
  assert.equal(await page.locator(sel('history-error')).count(), 0);
  await page.context().close();
});

test('a share link round-trips in a fresh page, and nothing runs until Run', async () => {
  const page = await open();
  const src = ': main ( -- ) ." shared!" ;\nmain';
  await typeSource(page, src);
  await page.fill(sel('entry'), 'MAIN');
  await showTab(page, 'bench');
  await page.fill(sel('iterations'), '7');
  await page.press(sel('iterations'), 'Tab');
  await run(page);
  await page.click(sel('bench'));
  await page.waitForSelector(sel('bench-results'), { state: 'attached' });
  await showTab(page, 'compare');
  await page.fill(sel('import-report'), nativeBench(src).json);
  await page.click(sel('import-button'));
  await page.waitForSelector(sel('same-module'), { state: 'attached' });
  await showTab(page, 'settings');
  await setSetting(page, 'max_nesting', '9');
  await showTab(page, 'share');
  await page.click(sel('share'));
  const link = await page.locator(sel('share-url')).inputValue();
  assert.match(link, /#share=[A-Za-z0-9_-]+$/);
  await page.context().close();

  const fresh = await open(link);
  assert.equal(await editorText(fresh), src);
  await showTab(fresh, 'bench');
  assert.equal(await fresh.locator(sel('iterations')).inputValue(), '7');
  assert.match(await text(fresh, 'link-note'), /Nothing runs until you press Run/);
  assert.equal(await text(fresh, 'output'), '');
  assert.match(await text(fresh, 'bench-results'), /iterations\s*7/);
  await showTab(fresh, 'compare');
  await fresh.waitForSelector(sel('compare-results'), { state: 'attached' });
  await showTab(fresh, 'settings');
  assert.equal(await fresh.locator(sel('setting-max_nesting')).inputValue(), '9');
  await shot(fresh, 'share-opened');
  await run(fresh);
  assert.equal(await text(fresh, 'output'), 'shared!');
  await fresh.waitForSelector(sel('same-module'), { state: 'attached' });
  await fresh.context().close();
});

test('tampered, malformed and too-large links are refused with a message', async () => {
  const page = await open();
  await typeSource(page, '.( original)');
  await showTab(page, 'share');
  await page.click(sel('share'));
  const link = await page.locator(sel('share-url')).inputValue();
  const payload = link.split('#share=')[1];
  // Flip one character in the middle of the payload.
  const i = Math.floor(payload.length / 2);
  const flipped = payload.slice(0, i) + (payload[i] === 'A' ? 'B' : 'A') + payload.slice(i + 1);
  for (const [bad, why] of [
    [`${url()}#share=${flipped}`, /malformed|tampered/],
    [`${url()}#share=!!!not-base64!!!`, /malformed share link/],
    [`${url()}#share=${'A'.repeat(70000)}`, /too large/],
  ]) {
    const p = await open(bad);
    assert.match(await text(p, 'link-note'), why);
    await p.context().close();
  }
  // A source too large for a link is refused when sharing.
  let big = '';
  for (let n = 0; big.length < 200000; n++) big += `\\ ${createHash('sha256').update(String(n)).digest('base64')}\n`;
  await typeSource(page, big);
  await showTab(page, 'share');
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
  await showTab(page, 'share');
  await page.click(sel('share'));
  const link = await page.locator(sel('share-url')).inputValue();
  await page.context().close();

  const p = await open(link);
  assert.equal(await editorText(p), evil);
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
