// The code view in headless Chromium: a word chosen from the list, or by
// the cursor in its definition, shows its function as WAT and its inferred
// stack effect; each WAT line has its source token's colour, and hovering
// a line marks that token in the editor, and hovering a token marks its
// lines. Screenshot: code-view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, sel, open, typeSource, run, shot } from './harness.mjs';

useBrowser();

const program = [
  ': square ( n -- n*n ) dup * ;',
  ': sum-squares ( n -- sum ) 0 swap 0 do i square + loop ;',
  ': main ( -- ) 10 sum-squares . cr ;',
  'main',
].join('\n');

/** The code view's WAT, line by line: [text, token index]. */
const watLines = (page) => page.locator(`${sel('code-wat')} .wat-line`).evaluateAll((spans) =>
  spans.map((s) => [s.textContent.trim(), Number(s.dataset.token)]));

/** Waits until the code view shows the function of `name`. */
const showing = (page, name) => page.waitForFunction((n) =>
  document.querySelector('[data-testid="code-wat"] .wat-line')?.textContent.startsWith(`(func $${n} `), name);

test('the code view: WAT of the chosen word, its effect, and source mapping both ways', async () => {
  const page = await open();
  await typeSource(page, program);
  await run(page);
  // After a run the view shows MAIN; the list holds every definition.
  await showing(page, 'main');
  const options = await page.locator(`${sel('code-word')} option`).allTextContents();
  assert.deepEqual(options, ['SQUARE', 'SUM-SQUARES', 'MAIN']);

  // Chosen from the list (by keyboard): SQUARE, ( 1 -- 1 ), with the
  // multiply tinted as the `*` it came from.
  await page.focus(sel('code-word'));
  await page.keyboard.press('Home');
  await showing(page, 'square');
  assert.equal(await page.locator(sel('code-effect')).textContent(), '( 1 -- 1 )');
  const lines = await watLines(page);
  const mul = lines.findIndex(([t]) => t === 'i32.mul');
  assert.ok(mul > 0, JSON.stringify(lines));
  const tok = lines[mul][1];
  assert.ok(tok >= 0, 'the multiply has a token');
  const mulLine = page.locator(`${sel('code-wat')} .wat-line`).nth(mul);
  assert.match(await mulLine.getAttribute('class'), new RegExp(`tok-c${tok % 8}`));

  // Hover the line: its token `*` is marked in the editor, in the same colour.
  await mulLine.hover();
  await page.waitForSelector('.cm-content .tok-hot');
  assert.deepEqual(await page.locator('.cm-content .tok-hot').allTextContents(), ['*']);
  assert.match(await page.locator('.cm-content .tok-hot').getAttribute('class'), new RegExp(`tok-c${tok % 8}`));
  await shot(page, 'code-view');

  // Hover the token in the editor: its lines are marked in the view.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => !document.querySelector('.tok-hot'));
  await page.locator('.cm-content .tok-c' + (tok % 8), { hasText: /^\*$/ }).first().hover();
  await page.waitForSelector(`${sel('code-wat')} .tok-hot`);
  const hot = await page.locator(`${sel('code-wat')} .tok-hot`).allTextContents();
  assert.ok(hot.some((t) => t.trim() === 'i32.mul'), JSON.stringify(hot));

  // The cursor in another definition switches the view to that word; the
  // inlined SQUARE's multiply there is tinted as the call `square`.
  await page.locator(sel('editor')).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await showing(page, 'sum-squares');
  assert.equal(await page.locator(sel('code-effect')).textContent(), '( 1 -- 1 )');
  assert.equal(await page.locator(sel('code-word')).inputValue(), 'SUM-SQUARES');
  const inner = await watLines(page);
  const call = inner.find(([t]) => t === 'i32.mul');
  assert.ok(call, JSON.stringify(inner));
  const callLine = page.locator(`${sel('code-wat')} .wat-line`).nth(inner.indexOf(call));
  await callLine.hover();
  await page.waitForSelector('.cm-content .tok-hot');
  assert.deepEqual(await page.locator('.cm-content .tok-hot').allTextContents(), ['square']);

  // Once the text is edited, it is not the text that ran: the marks go,
  // and the code stays until the next Run.
  await page.keyboard.type(' ');
  await page.waitForFunction(() => !document.querySelector('.cm-content [class*="tok-c"]'));
  assert.ok(await page.locator(`${sel('code-wat')} .wat-line`).count() > 0);
  await page.context().close();
});
