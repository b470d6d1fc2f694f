// The browser's in-memory file system under Node.js: the FILE ACCESS and
// BLOCK words and INCLUDED work on the editor's files, never on the disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { Session } = require(join(here, '..', '..', 'target', 'web-node', 'web.js'));

test('a program writes a file that the page can read back', () => {
  const s = new Session();
  const out = s.run_source('w.fs', [
    'variable f',
    's" out/notes.txt" w/o create-file throw f !',
    's" first" f @ write-line throw',
    's" second" f @ write-line throw',
    'f @ close-file throw',
  ].join('\n'));
  assert.equal(out.error, undefined, out.error);
  assert.equal(s.file('out/notes.txt'), 'first\nsecond\n');
  assert.equal(s.file('./out/notes.txt'), 'first\nsecond\n');
});

test('READ-LINE reads the editor files line by line', () => {
  const s = new Session();
  s.add_file('data.txt', 'alpha\r\nbeta\n');
  const out = s.run_source('r.fs', [
    'create buf 80 allot variable f',
    's" data.txt" r/o open-file throw f !',
    ': rd ( -- ) begin buf 80 f @ read-line throw while buf swap type [char] | emit repeat drop ;',
    'rd f @ close-file throw',
  ].join('\n'));
  assert.equal(out.error, undefined, out.error);
  assert.equal(out.output, 'alpha|beta|');
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
  const out = s.run_source('main.fs', 's" lib/a.fs" included a . require lib/a.fs a .');
  assert.equal(out.error, undefined, out.error);
  assert.equal(out.output, '42 42 ');
});

test('blocks live in an in-memory block file', () => {
  const s = new Session();
  let out = s.run_source('b.fs', [
    '5 buffer 1024 bl fill  s" 6 7 *" 5 block swap move update flush',
    '5 load .',
  ].join('\n'));
  assert.equal(out.error, undefined, out.error);
  assert.equal(out.output, '42 ');
  assert.equal(s.file('blocks.fb').length, 6 * 1024);
  out = s.interpret_line('5 list');
  assert.match(out.output, /^Screen 5\n 0 6 7 \* {59}\n/);
});
