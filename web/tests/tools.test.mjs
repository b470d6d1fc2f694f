// Programming tools and the search order through the browser façade under
// Node.js: conditional sections that span REPL lines, SEE, and word lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, loadOk } from './facade.mjs';

test('[IF] ... [THEN] may span REPL lines', () => {
  const s = new Session();
  const lines = ['0 [IF]', '1 .', '[ELSE] 2 .', '[THEN] 3 .', '4 .'];
  const out = lines.map((l) => s.interpret_line(l).output).join('');
  assert.equal(out, '2 3 4 ');
});

test('an error or a new source ends a section being skipped', () => {
  const s = new Session();
  s.interpret_line('0 [IF]');
  s.run_source('bad.fs', 'nope');
  assert.equal(s.interpret_line('5 .').output, '5 ');
  s.interpret_line('0 [IF]');
  assert.equal(s.run_source('ok.fs', '6 .').output, '6 ');
  assert.equal(s.interpret_line('7 .').output, '7 ');
});

test('SEE shows a definition typed over several REPL lines', () => {
  const s = new Session();
  s.interpret_line(': sq ( n -- n*n )');
  s.interpret_line('  DUP * ;');
  assert.equal(s.interpret_line('SEE sq').output, ': sq ( n -- n*n )\n  DUP * ;\n');
});

test('word lists and the search order', () => {
  const { output } = loadOk('wl.fs', [
    'WORDLIST CONSTANT wl',
    'GET-ORDER wl SWAP 1+ SET-ORDER DEFINITIONS',
    ': hi ( -- ) ." wl " ;',
    'hi ORDER PREVIOUS DEFINITIONS ORDER',
    '[DEFINED] hi .',
  ]);
  assert.equal(output, 'wl wl Forth Forth Root     wl Forth Forth Root     Forth 0 ');
});
