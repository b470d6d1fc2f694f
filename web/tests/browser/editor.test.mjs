// The playground's editor in headless Chromium: CodeMirror 6 with the
// Forth mode (web/editor/). Highlighting that knows the parsing words,
// control-flow matching, search and replace, Tab, undo, completion of the
// system's and the program's words, Playwright's fill, and the typing
// latency on a 5000-line source; the extras (keys, undo, search,
// completion) loaded at the editor's first use. (Errors as diagnostics:
// playground.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, sel, open, ready, typeSource, editorText, run, shot, url, browser } from './harness.mjs';

useBrowser();

/** Each rendered token of the first `n` lines: [text, colour]. */
const tokens = (page) => page.evaluate(() =>
  [...document.querySelectorAll('.cm-line span')].map((s) => [s.textContent, getComputedStyle(s).color]));
const cssVar = (page, name) => page.evaluate((n) => {
  const probe = document.createElement('span');
  probe.style.color = `var(${n})`;
  document.body.append(probe);
  const c = getComputedStyle(probe).color;
  probe.remove();
  return c;
}, name);

test('Forth mode: parsing words, control-flow matching, search and replace, Tab and undo', async () => {
  const page = await open();
  const src = ': T ( n -- ) \\ prints yes or no\n  0 > if ." yes )" else s" no" type then ;\nchar ) emit 42 [char] ( emit';
  await page.fill(sel('editor'), src);
  assert.equal(await editorText(page), src);
  const toks = await tokens(page);
  const color = (t) => toks.find(([x]) => x === t)?.[1];
  assert.equal(color('( n -- )'), await cssVar(page, '--tok-comment'));
  assert.equal(color('\\ prints yes or no'), await cssVar(page, '--tok-comment'));
  // The text of ." and S" is a string, even with a `)` in it; the name after `:` is a definition.
  assert.equal(color('." yes )"'), await cssVar(page, '--tok-string'));
  assert.equal(color('s" no"'), await cssVar(page, '--tok-string'));
  assert.equal(color('T'), await cssVar(page, '--tok-define'));
  // CHAR and [CHAR] take the next word: `)` and `(` open or close no comment.
  assert.equal(color(')'), await cssVar(page, '--tok-string'));
  assert.equal(color('('), await cssVar(page, '--tok-string'));
  assert.equal(color('42'), await cssVar(page, '--tok-number'));
  assert.equal(color('if'), await cssVar(page, '--tok-control'));

  // The cursor on `if` (lower case) marks its IF ... ELSE ... THEN.
  const ed = page.locator(sel('editor'));
  await ed.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  assert.deepEqual(await page.locator('.cm-matchingBracket').allTextContents(), ['if', 'else', 'then']);
  // ... and after `;`, the colon definition.
  await page.keyboard.press('End');
  assert.deepEqual(await page.locator('.cm-matchingBracket').allTextContents(), [':', ';']);
  // A THEN without its IF matches nothing.
  await page.keyboard.type(' then');
  assert.deepEqual(await page.locator('.cm-nonmatchingBracket').allTextContents(), ['then']);
  await page.keyboard.press('Control+z');
  assert.equal(await editorText(page), src, 'undo takes the typing back');

  // Tab indents the line, Shift+Tab takes it back.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Tab');
  assert.ok((await editorText(page)).startsWith('  : T'), 'Tab indents');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await editorText(page), src);

  // Search and replace (Ctrl+F): every `emit` becomes `EMIT`; one undo restores them.
  await page.keyboard.press('Control+f');
  const search = page.locator('.cm-search input[name="search"]');
  await search.waitFor();
  await search.fill('emit');
  await page.locator('.cm-search input[name="replace"]').fill('EMIT');
  await page.locator('.cm-search button[name="replaceAll"]').click();
  assert.equal(await editorText(page), src.replaceAll('emit', 'EMIT'));
  await ed.focus();
  await page.keyboard.press('Control+z');
  assert.equal(await editorText(page), src);
  await shot(page, 'editor-search');
  await page.context().close();
});

test('the editor\'s extras load at its first use, not before the first Run\'s output; keys pressed before they came act in order', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await ctx.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(url);
  await ready(page);
  await run(page);
  assert.match(await page.locator(sel('output')).textContent(), /Hello/);
  // Up to the first Run's output: the editor's modules, not its extras (nor the words they complete).
  assert.ok(fetched.includes('/editor/editor.js') && fetched.includes('/editor/editor-chunk.js'), fetched.join(' '));
  assert.ok(!fetched.includes('/editor/editor-extras.js'), 'the extras loaded before the editor was used');
  assert.ok(!fetched.includes('/pkg/words.json'), 'the words for completion came before the editor was used');
  // Keys at once, as the editor takes the focus (select all, delete, a
  // text with newlines): they wait for the extras, then act in order.
  const src = ': sq ( n -- n*n ) dup * ;\n3 sq .';
  await typeSource(page, src);
  assert.equal(await editorText(page), src);
  assert.equal(fetched.filter((f) => f === '/editor/editor-extras.js').length, 1);
  await page.keyboard.press('Control+f');
  await page.locator('.cm-search input[name="search"]').waitFor();
  await page.keyboard.press('Escape');
  // Then the rest of them: typing is undone, and a word completes.
  await page.locator(sel('editor')).press('Control+End');
  await page.keyboard.type('\n2dr');
  await page.waitForSelector('.cm-tooltip-autocomplete li');
  assert.ok(fetched.includes('/pkg/words.json'));
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  assert.ok(!(await editorText(page)).includes('2dr'), 'undo takes the typing back');
  await ctx.close();
});

/** The options the completion list shows: [label, detail]. */
async function completions(page) {
  await page.waitForSelector('.cm-tooltip-autocomplete li');
  return page.$$eval('.cm-tooltip-autocomplete li', (lis) =>
    lis.map((li) => [li.querySelector('.cm-completionLabel')?.textContent, li.querySelector('.cm-completionDetail')?.textContent ?? '']));
}

test('completion: the system\'s words, the text\'s definitions and the program\'s, with effects and docs', async () => {
  const page = await open();
  const ed = page.locator(sel('editor'));
  await page.fill(sel('editor'), '\\ Squares a number.\n: square ( n -- n*n ) dup * ;\n: cube dup dup * * ;\n');
  await ed.press('Control+End');
  // A system word, with its stack effect and its doc line.
  await page.keyboard.type('2dr');
  const sys = await completions(page);
  assert.ok(sys.some(([l, d]) => l === '2DROP' && d === '( x1 x2 -- )'), JSON.stringify(sys));
  await page.waitForSelector('.cm-completionInfo');
  assert.match(await page.locator('.cm-completionInfo').textContent(), /\w/);
  // Tab accepts (CodeMirror ignores an accept within 75 ms of the list
  // opening, so a key meant for the text is not taken); Enter only ever ends the line.
  await page.waitForTimeout(150);
  await page.keyboard.press('Tab');
  assert.match(await editorText(page), /\n2DROP$/);
  await page.keyboard.press('Enter');
  // A definition of the text, before any Run: its stack comment and the comment above it.
  await page.keyboard.type('squ');
  const own = await completions(page);
  assert.ok(own.some(([l, d]) => l === 'square' && d === '( n -- n*n )'), JSON.stringify(own));
  await page.waitForSelector('.cm-completionInfo');
  assert.equal(await page.locator('.cm-completionInfo').textContent(), 'Squares a number.');
  await page.keyboard.press('Escape');
  // After a Run, the program's words carry the effects the optimizer inferred.
  await page.keyboard.press('Control+a');
  await page.keyboard.type(': square ( n -- n*n ) dup * ;\n: cube dup dup * * ;\n');
  await run(page);
  await ed.press('Control+End');
  await page.keyboard.type('cub');
  const prog = await completions(page);
  assert.ok(prog.some(([l, d]) => l.toUpperCase() === 'CUBE' && d === '( 1 -- 1 )'), JSON.stringify(prog));
  await shot(page, 'completion');
  await page.context().close();
});

test('typing stays fast in a 5000-line source (median latency, keydown to painted frame)', async () => {
  const page = await open();
  const text = (n) => Array.from({ length: n }, (_, i) => `: w${i} ( n -- n' ) dup ${i} + swap drop ;  \\ word ${i}`).join('\n');
  // Each keystroke: from the keydown (before CodeMirror and the page's own
  // handlers) to the frame after it is painted (a timer after the next
  // animation frame).
  await page.evaluate(() => {
    window.__lat = [];
    document.addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
    }, true);
  });
  const typed = ': added ( a b -- c ) over over + swap drop 2 * ;';
  const ed = page.locator(sel('editor'));
  // One line typed at the end of a text of `n` lines: the median latency.
  const round = async (n) => {
    const src = text(n);
    await page.fill(sel('editor'), src);
    assert.equal((await editorText(page)).length, src.length);
    await ed.press('Control+End');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    await page.evaluate(() => { window.__lat = []; });
    for (const ch of typed) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(40);
    }
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    const lat = (await page.evaluate(() => window.__lat)).sort((a, b) => a - b);
    assert.equal(lat.length, typed.length + 1);
    assert.ok((await editorText(page)).endsWith(`\n${typed}\n`));
    const median = lat[Math.floor((lat.length - 1) / 2)];
    console.log(`# typing latency, ${n} lines: median ${median.toFixed(1)} ms, p90 ${lat[Math.floor(lat.length * 0.9)].toFixed(1)} ms, max ${lat[lat.length - 1].toFixed(1)} ms (${lat.length} keys)`);
    return median;
  };
  // Three rounds, each a screenful (60 lines) then 5000 lines, side by side;
  // the best round of each counts, so a burst of load from other processes
  // on the machine does not decide it.
  const screen = [];
  const long = [];
  for (let r = 0; r < 3; r++) {
    screen.push(await round(60));
    long.push(await round(5000));
  }
  const [s, l] = [Math.min(...screen), Math.min(...long)];
  // The budget is 16 ms. Where painting a screenful of text already takes
  // longer (headless Chromium rasterizes in software, and a slow machine's
  // floor is above a frame), what the editor controls is that a long text
  // costs no more per key than a short one.
  const ms = (xs) => xs.map((m) => m.toFixed(1)).join(', ');
  assert.ok(l <= Math.max(16, s * 1.25),
    `median typing latency, 5000 lines: ${ms(long)} ms; a screenful: ${ms(screen)} ms (budget 16 ms, or 1.25 times a screenful's)`);
  await page.context().close();
});
