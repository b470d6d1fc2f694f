// The playground's layout in headless Chromium: resizable panes (pointer
// and keyboard), the other panels as tabs, the dark scheme (the browser's
// preference, and the toggle), a phone width without sideways scrolling,
// keyboard-only use, and no serious or critical axe-core violation in any
// of them (axe-core from npm, web/package.json). Screenshots: layout-light,
// layout-dark and layout-phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, sel, open, ready, typeSource, run, text, shot, showTab, axeViolations } from './harness.mjs';

useBrowser();

/** A program with output, an error in the REPL and generated code: every pane in use. */
async function busy(page) {
  await typeSource(page, ': square ( n -- n*n ) dup * ;\n: main ( -- ) 10 0 do i square . loop cr ;\nmain');
  await run(page);
  await page.waitForSelector(sel('wat'));
}

const width = (page, css) => page.locator(css).evaluate((e) => e.getBoundingClientRect().width);

test('three resizable panes: a splitter moves by pointer and by keyboard', async () => {
  const page = await open();
  await busy(page);
  const editor0 = await width(page, '.pane-editor');
  const code0 = await width(page, '.pane-code');
  // Keyboard: the first splitter, 5 × Right = 10% of the row to the editor.
  await page.focus(sel('splitter-0'));
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  const editor1 = await width(page, '.pane-editor');
  assert.ok(editor1 > editor0 + 80, `the editor pane went from ${editor0} to ${editor1} px`);
  assert.equal(await page.locator(sel('splitter-0')).getAttribute('aria-valuenow'), '52');
  // Pointer: drag the second splitter 150 px to the right; the code pane shrinks.
  const box = await page.locator(sel('splitter-1')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + 100, { steps: 5 });
  await page.mouse.up();
  const code1 = await width(page, '.pane-code');
  assert.ok(Math.abs(code0 - code1 - 150) < 20, `the code pane went from ${code0} to ${code1} px`);
  await page.context().close();
});

test('the other panels are tabs, chosen by click or by arrow keys', async () => {
  const page = await open();
  assert.equal(await page.locator(sel('tabpanel-settings')).isVisible(), true);
  assert.equal(await page.locator(sel('tabpanel-bench')).isVisible(), false);
  await page.click(sel('tab-bench'));
  assert.equal(await page.locator(sel('tabpanel-bench')).isVisible(), true);
  assert.equal(await page.locator(sel('tabpanel-settings')).isVisible(), false);
  assert.equal(await page.locator(sel('tab-bench')).getAttribute('aria-selected'), 'true');
  // Performance sits right after Bench, whose runs it predicts.
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator(sel('tabpanel-performance')).isVisible(), true);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator(sel('tabpanel-compare')).isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'tab-compare');
  await page.keyboard.press('End');
  assert.equal(await page.locator(sel('tabpanel-share')).isVisible(), true);
  await page.keyboard.press('Home');
  assert.equal(await page.locator(sel('tabpanel-settings')).isVisible(), true);
  await page.context().close();
});

test('light scheme: 0 serious or critical axe-core violations', async () => {
  const page = await open(undefined, { colorScheme: 'light' });
  await busy(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await shot(page, 'layout-light');
  assert.deepEqual(await axeViolations(page), []);
  for (const tab of ['remarks', 'provenance', 'bench', 'performance', 'compare', 'share']) {
    await showTab(page, tab);
    assert.deepEqual(await axeViolations(page), [], `with the ${tab} tab shown`);
  }
  await page.context().close();
});

test('dark scheme: follows the browser\'s preference, the toggle overrides it and is kept; no axe violations', async () => {
  const page = await open(undefined, { colorScheme: 'dark' });
  await busy(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(22, 24, 27)');
  assert.equal(await page.locator(sel('theme')).getAttribute('aria-pressed'), 'true');
  await shot(page, 'layout-dark');
  assert.deepEqual(await axeViolations(page), []);
  // The toggle: light, and still light after a reload.
  await page.click(sel('theme'));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await page.click(sel('theme'));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.context().close();
});

test('phone width (390 px): one column, no sideways scrolling, no axe violations', async () => {
  const page = await open(undefined, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await busy(page);
  await page.fill(sel('repl'), '1 2 3 .s');
  await page.press(sel('repl'), 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="repl-log"]').textContent.includes(' ok'));
  for (const tab of ['settings', 'remarks', 'provenance', 'bench', 'performance', 'compare', 'share']) {
    await showTab(page, tab);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `with the ${tab} tab: ${scroll} px of content in a ${inner} px window`);
  }
  await showTab(page, 'settings');
  // The panes are stacked: the console is below the editor, not beside it.
  const [ed, con] = await Promise.all(['.pane-editor', '.pane-console'].map((c) => page.locator(c).boundingBox()));
  assert.ok(con.y >= ed.y + ed.height, 'the console is below the editor');
  assert.equal(await page.locator(sel('splitter-0')).isVisible(), false);
  await shot(page, 'layout-phone');
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

/** The test id of the focused element. */
const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.testid);

/** Presses Tab until the element with test id `id` has the focus (at most 40 times). */
async function tabTo(page, id) {
  for (let steps = 0; (await focused(page)) !== id; steps++) {
    assert.ok(steps < 40, `Tab never reached ${id}`);
    await page.keyboard.press('Tab');
  }
}

test('keyboard only: reach the editor, type and run, leave it, use the REPL and a tab', async () => {
  const page = await open();
  // Tab from the top of the page reaches the editor.
  await tabTo(page, 'editor');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3 4 + .');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').textContent === '7 ');
  // Escape, then Tab leaves the editor (Tab alone indents).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await focused(page), 'editor');
  await tabTo(page, 'repl');
  await page.keyboard.type('6 7 * .');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="repl-log"]').textContent.includes('42  ok'));
  await tabTo(page, 'tab-settings');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(sel('tabpanel-remarks')).isVisible(), true);
  assert.match(await text(page, 'output'), /^7 $/);
  await page.context().close();
});
