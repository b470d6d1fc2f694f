// The Performance tab in headless Chromium: after a Bench of an example,
// the model's prediction per word (calls, share, predicted time and the
// suggestion for a hot word) equals what `native-runner predict` gives for
// the same text saved as main.fs, beside the measured median and the
// prediction's error; "Show all" works from the keyboard; the table
// scrolls in its own labelled region, with no sideways scrolling at
// 400 px; no serious or critical axe-core violation in the light and the
// dark scheme. Screenshot: performance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useBrowser, root, sel, open, run, showTab, text, shot, nativeRunner, axeViolations,
} from './harness.mjs';

useBrowser();

const EXAMPLE = 'fizzbuzz';

/** `native-runner predict --format json` of `source` saved as main.fs: its prediction. */
function nativePrediction(source) {
  const dir = mkdtempSync(join(tmpdir(), 'ff-perf-'));
  writeFileSync(join(dir, 'main.fs'), source);
  const out = execFileSync(nativeRunner(), ['predict', 'main.fs', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  return JSON.parse(out).prediction;
}

/** Loads the example, runs it, benches it and opens the Performance tab with its prediction. */
async function benchAndOpen(page) {
  await page.selectOption(sel('examples'), EXAMPLE);
  await run(page);
  await showTab(page, 'bench');
  await page.fill(sel('iterations'), '20');
  await page.press(sel('iterations'), 'Tab');
  await page.click(sel('bench'));
  await page.waitForSelector(sel('bench-results'), { state: 'attached', timeout: 30000 });
  await showTab(page, 'performance');
  await page.waitForSelector(sel('performance-table'), { timeout: 30000 });
}

/** The table's rows as shown: [word, calls, share, predicted, suggestion]. */
const rows = (page) => page.locator(`${sel('performance-table')} tbody tr`).evaluateAll((trs) =>
  trs.map((tr) => [...tr.children].map((c) => c.textContent)));

test('after a Bench, the Performance tab shows the native prediction per word, with suggestions', async () => {
  const page = await open();
  await benchAndOpen(page);
  const source = readFileSync(join(root, 'public', 'examples', `${EXAMPLE}.fs`), 'utf8');
  const want = nativePrediction(source);
  const shown = await rows(page);
  // The top 10, costliest first, the same words, calls, shares and texts.
  assert.equal(shown.length, Math.min(10, want.words.length));
  for (const [i, w] of want.words.slice(0, shown.length).entries()) {
    const [word, calls, share, , suggestion] = shown[i];
    assert.equal(word, w.name, `row ${i}`);
    assert.equal(calls, String(w.calls), `${w.name}'s calls`);
    assert.equal(share, `${(w.share * 100).toFixed(1)}%`, `${w.name}'s share`);
    assert.equal(suggestion, w.suggestion ?? '', `${w.name}'s suggestion`);
  }
  // The hot word and its suggestion.
  assert.equal(shown[0][0], 'fizzbuzz');
  // What its time goes to (calls, divisions, a chain...), as a share.
  assert.match(shown[0][4], /^[a-z ]+ (is|are) \d+% of its time/);
  // The measured median of the Bench beside the predicted total, and the error.
  assert.match(await text(page, 'predicted-total'), /^\d+(\.\d+)? (ns|µs|ms|s) per call of MAIN/);
  assert.match(await text(page, 'measured-median'), /^\d+(\.\d+)? (ns|µs|ms|s) \(median of the Bench/);
  assert.match(await text(page, 'prediction-error'), /^[+-]\d+% \(predicted against measured\)$/);
  await shot(page, 'performance');

  // "Show all" from the keyboard, and back.
  if (want.words.length > 10) {
    await page.focus(sel('performance-show-all'));
    await page.keyboard.press('Enter');
    assert.equal((await rows(page)).length, want.words.length);
    assert.equal(await page.locator(sel('performance-show-all')).getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Enter');
    assert.equal((await rows(page)).length, 10);
  }
  // The table's region takes the focus (it scrolls by keyboard) and has a name.
  const region = page.locator('[role="region"][aria-label="Predicted time per word"]');
  await region.focus();
  assert.equal(await region.evaluate((e) => e === document.activeElement), true);
  assert.deepEqual(await axeViolations(page), [], 'light scheme');
  await page.click(sel('theme'));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(await axeViolations(page), [], 'dark scheme');
  await page.context().close();
});

test('the Predict button predicts without a Bench, and says what failed', async () => {
  const page = await open();
  await page.selectOption(sel('examples'), EXAMPLE);
  await run(page);
  await showTab(page, 'performance');
  await page.click(sel('predict'));
  await page.waitForSelector(sel('performance-table'), { timeout: 30000 });
  assert.equal((await rows(page))[0][0], 'fizzbuzz');
  assert.equal(await text(page, 'measured-median'), 'press Bench to measure');
  // An entry word that fails: the error, not a table.
  await page.locator(sel('editor')).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n: oops 1 0 / ;');
  await run(page);
  await showTab(page, 'bench');
  await page.locator(`${sel('bench-panel')} input:not([type])`).fill('oops');
  await page.locator(`${sel('bench-panel')} input:not([type])`).press('Tab');
  await showTab(page, 'performance');
  await page.click(sel('predict'));
  await page.waitForSelector(sel('performance-error'), { timeout: 30000 });
  assert.match(await text(page, 'performance-error'), /running OOPS failed: .*-10/i);
  await page.context().close();
});

test('at 400 px the table scrolls inside its region: no sideways scrolling, no axe violations', async () => {
  const page = await open(undefined, { viewport: { width: 400, height: 844 }, isMobile: true, hasTouch: true });
  await benchAndOpen(page);
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `${scroll} px of content in a ${inner} px window`);
  const [tableWidth, regionWidth] = await page.locator('.perf-scroll').evaluate((e) => [e.scrollWidth, e.clientWidth]);
  assert.ok(tableWidth > regionWidth, 'the table is wider than the screen, so its region scrolls');
  // The whole page: at this width the example's longest lines make the
  // editor's scroller a scrollable region too, and it must be focusable.
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'performance-phone');
  await page.context().close();
});
