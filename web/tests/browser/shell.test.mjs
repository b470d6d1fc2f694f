// Browser tests of the start-up shell (web/index.html's #ff-shell,
// web/shell.js, web/app/src/shell.rs): Run works before the app's wasm has
// come, and the app takes over the text and the run without losing either.
// The app's and the worker's wasm are held back by routes, so each order of
// arrival is tested, not left to the machine's speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as harness from './harness.mjs';
import { useBrowser } from './harness.mjs';

const { sel, editorText, run, text } = harness;
useBrowser();

const APP_WASM = '**/playground-*_bg.wasm';
const WORKER_WASM = '**/pkg/web_bg.wasm';
const shellPart = (id) => `#ff-shell ${sel(id)}`;

/** A fresh page whose requests matching each pattern wait until released. */
async function pageHolding(...patterns) {
  const ctx = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const releases = [];
  for (const pattern of patterns) {
    let release;
    const gate = new Promise((ok) => { release = ok; });
    await ctx.route(pattern, async (route) => {
      await gate;
      await route.continue();
    });
    releases.push(release);
  }
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return { ctx, page, releases };
}

/** Waits for the app to have mounted (its Stop button) and the shell to be gone. */
async function appMounted(page) {
  await page.waitForSelector(sel('stop'), { timeout: 20000 });
  assert.equal(await page.locator('#ff-shell').count(), 0, 'the shell is still there');
}

const statusDone = () => (document.querySelector('[data-testid="status"]')?.textContent ?? '').startsWith('done');

test('Run works before the app has loaded, and the app takes over the typed text and the output', async () => {
  const { ctx, page, releases: [releaseApp] } = await pageHolding(APP_WASM);
  await page.goto(harness.url, { waitUntil: 'commit' });
  const shown = await page.locator(shellPart('editor')).inputValue();
  assert.match(shown, /Hello from Forth compiled to WebAssembly/, 'the shell shows the first example');
  // Typed before the app exists: a line the run prints, and one to keep.
  const typed = `${shown}\n.( typed before the app) cr\n\\ kept <b>as text</b>\n`;
  await page.fill(shellPart('editor'), typed);
  await page.click(shellPart('run'));
  await page.waitForFunction(() =>
    document.querySelector('#ff-shell [data-testid="output"]')?.textContent.includes('typed before the app'));
  await page.waitForFunction(() =>
    document.querySelector('#ff-shell [data-testid="status"]')?.textContent.startsWith('done in'));
  const shellOutput = await page.locator(shellPart('output')).textContent();
  assert.match(shellOutput, /Hello from Forth compiled to WebAssembly!\n1 4 9 16 25 36 49 64 81 100 \n/);
  assert.equal(await page.locator(sel('stop')).count(), 0, 'the app is not there yet');

  releaseApp();
  await appMounted(page);
  await page.waitForFunction(statusDone);
  assert.equal(await text(page, 'output'), shellOutput, 'the app shows the shell run\'s output');
  await page.waitForFunction(() => window.ForthEditor?.textOf(document.querySelector('[data-testid="editor"]')) !== undefined);
  assert.equal(await editorText(page), typed, 'the app\'s editor has the text typed in the shell');
  // The run's words came with it, and the app runs on the same worker.
  await run(page);
  assert.equal(await text(page, 'output'), shellOutput);
  await ctx.close();
});

test('a Run pressed before the compiler has loaded runs once it has, in the shell or in the app', async () => {
  // The compiler first: the shell shows the output.
  {
    const { ctx, page, releases: [releaseApp, releaseWorker] } = await pageHolding(APP_WASM, WORKER_WASM);
    await page.goto(harness.url, { waitUntil: 'commit' });
    await page.click(shellPart('run'));
    assert.equal(await page.locator(shellPart('status')).textContent(), 'loading the compiler…');
    releaseWorker();
    await page.waitForFunction(() =>
      document.querySelector('#ff-shell [data-testid="output"]')?.textContent.includes('Hello from Forth'));
    releaseApp();
    await appMounted(page);
    await page.waitForFunction(statusDone);
    assert.match(await text(page, 'output'), /^Hello from Forth compiled to WebAssembly!\n/);
    await ctx.close();
  }
  // The app first: it sends the shell's run itself, and shows its output.
  {
    const { ctx, page, releases: [releaseApp, releaseWorker] } = await pageHolding(APP_WASM, WORKER_WASM);
    await page.goto(harness.url, { waitUntil: 'commit' });
    await page.fill(shellPart('editor'), '.( only once) cr');
    await page.click(shellPart('run'));
    releaseApp();
    await appMounted(page);
    assert.match(await text(page, 'status'), /^running…/);
    releaseWorker();
    await page.waitForFunction(statusDone, null, { timeout: 20000 });
    assert.equal(await text(page, 'output'), 'only once\n', 'run exactly once');
    await ctx.close();
  }
});

test('a page opened with a share link leaves the link to the app: the shell does not run its own text', async () => {
  const { ctx, page, releases: [releaseApp] } = await pageHolding(APP_WASM);
  await page.goto(`${harness.url}#share=not-a-real-link`, { waitUntil: 'commit' });
  await page.waitForSelector(shellPart('run'));
  assert.equal(await page.locator(shellPart('run')).isDisabled(), true);
  assert.equal(await page.locator(shellPart('editor')).inputValue(), '');
  releaseApp();
  await appMounted(page);
  // The app opens the link and says why it cannot.
  await page.waitForSelector(sel('link-note'), { timeout: 20000 });
  await ctx.close();
});
