// What the playground's browser tests share: the built dist/ served by a
// tiny static server, Debian's headless Chromium driven by playwright-core,
// and the helpers that drive the page as a user would. Each test file calls
// useBrowser() once; screenshots go to target/browser-screenshots/.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { CHROMIUM_FLAGS } from './flags.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const dist = join(root, 'dist');
export const shots = join(root, 'target', 'browser-screenshots');
mkdirSync(shots, { recursive: true });

/** The served playground's address and the browser, once useBrowser's hook ran. */
export let url, browser;
let server;

/** Serves dist/ and starts Chromium before the file's tests, and ends both after. */
export function useBrowser() {
  before(async () => {
    assert.ok(existsSync(join(dist, 'index.html')), 'dist/ is not built: run `make playground` first');
    ({ server, url } = await serve(dist));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}

export const sel = (id) => `[data-testid="${id}"]`;

/**
 * A fresh page (own localStorage) at `address`, once the compiler worker is
 * ready; `options` are the browser context's (viewport, colorScheme).
 */
export async function open(address = url, options = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(address);
  await ready(page);
  return page;
}
export async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent.startsWith('ready'),
    null, { timeout: 20000 });
}

/** Replaces the editor's text by typing (select all, then type or insert). */
export async function typeSource(page, text) {
  const ed = page.locator(sel('editor'));
  await ed.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text.length < 400) await page.keyboard.type(text);
  else await page.keyboard.insertText(text);
}

/** Shows the tab `key` (settings, provenance, bench, performance, compare, share), as a click on it does. */
export async function showTab(page, key) {
  await page.click(sel(`tab-${key}`));
  await page.waitForSelector(sel(`tabpanel-${key}`), { state: 'visible' });
}

/** The editor's whole text (CodeMirror shows only the lines in view). */
export const editorText = (page) =>
  page.evaluate(() => window.ForthEditor.textOf(document.querySelector('[data-testid="editor"]')));

export async function run(page) {
  await page.click(sel('run'));
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="status"]')?.textContent ?? '';
    return s.startsWith('done') || s.startsWith('error');
  }, null, { timeout: 30000 });
}

export const text = (page, id) => page.locator(sel(id)).textContent();

/** Types `value` into the setting `key` (the panel is open) and leaves the field. */
export async function setSetting(page, key, value) {
  await page.fill(sel(`setting-${key}`), value);
  await page.press(sel(`setting-${key}`), 'Tab');
}
export const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

// The newer of the debug and release builds: an older one may compile the
// same source differently, and the tests compare with the page's modules.
export function nativeRunner() {
  const built = ['target/debug/native-runner', 'target/release/native-runner']
    .map((p) => join(root, p))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (built.length === 0) throw new Error('native-runner is not built (cargo build -p native-runner)');
  return built[0];
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's serious and critical violations on the page as it is, or only
 * within the elements that the CSS selector `within` matches.
 */
export async function axeViolations(page, within = null) {
  await page.addScriptTag({ path: axePath });
  const res = await page.evaluate((w) => window.axe.run(w ? { include: [[w]] } : document,
    { resultTypes: ['violations'] }), within);
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
