// The browser's in-memory file system under Node.js: the FILE ACCESS and
// BLOCK words and INCLUDED work on the editor's files, never on the disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, loadOk } from './facade.mjs';

test('a program writes a file that the page can read back', () => {
  const { s } = loadOk('w.fs', [
    'variable f',
    's" out/notes.txt" w/o create-file throw f !',
    's" first" f @ write-line throw',
    's" second" f @ write-line throw',
    'f @ close-file throw',
  ]);
  assert.equal(s.file('out/notes.txt'), 'first\nsecond\n');
  assert.equal(s.file('./out/notes.txt'), 'first\nsecond\n');
});

test('READ-LINE reads the editor files line by line', () => {
  const s = new Session();
  s.add_file('data.txt', 'alpha\r\nbeta\n');
  const { output } = loadOk('r.fs', [
    'create buf 80 allot variable f',
    's" data.txt" r/o open-file throw f !',
    ': rd ( -- ) begin buf 80 f @ read-line throw while buf swap type [char] | emit repeat drop ;',
    'rd f @ close-file throw',
  ], s);
  assert.equal(output, 'alpha|beta|');
});

test('missing files give non-zero iors, and INCLUDED a diagnostic naming file, line and column', () => {
  const s = new Session();
  let out = s.run_source('m.fs', 's" nope.txt" r/o open-file nip . s" nope.txt" delete-file .');
  assert.equal(out.output, '-38 -38 ');
  out = s.run_source('inc.fs', '\\ first line\n  s" lib/missing.fs" included');
  assert.equal(out.error, 'inc.fs:2:22: error: included: cannot read lib/missing.fs: lib/missing.fs: no such file in the playground');
  assert.equal(out.line, 2);
  assert.equal(out.column, 22);
  assert.equal(s.interpret_line('1 2 + .').output, '3 ');
});

test('INCLUDED and REQUIRE resolve beside the including file', () => {
  const s = new Session();
  s.add_file('lib/a.fs', 'include b.fs  : a ( -- n ) b 1+ ;');
  s.add_file('lib/b.fs', ': b ( -- n ) 41 ;');
  assert.equal(loadOk('main.fs', 's" lib/a.fs" included a . require lib/a.fs a .', s).output, '42 42 ');
});

test('blocks live in an in-memory block file', () => {
  const { s, output } = loadOk('b.fs', [
    '5 buffer 1024 bl fill  s" 6 7 *" 5 block swap move update flush',
    '5 load .',
  ]);
  assert.equal(output, '42 ');
  assert.equal(s.file('blocks.fb').length, 6 * 1024);
  const out = s.interpret_line('5 list');
  assert.match(out.output, /^Screen 5\n 0 6 7 \* {59}\n/);
});
