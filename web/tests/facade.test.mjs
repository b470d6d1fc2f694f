// The browser façade, run under Node.js: every golden program must print the
// same output through the JavaScript WebAssembly API as it does natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Session, Image, version, sha256_hex, wat, provenance, root } from './facade.mjs';

function filesUnder(dir, prefix = '') {
  const out = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) Object.assign(out, filesUnder(join(dir, e.name), rel + '/'));
    else out[rel] = readFileSync(join(dir, e.name), 'utf8');
  }
  return out;
}

function session(files) {
  const s = new Session();
  for (const [name, text] of Object.entries(files)) s.add_file(name, text);
  return s;
}

test('the façade reports its version', () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

const runDir = join(root, 'tests', 'run');
const runFiles = filesUnder(runDir);
// Programs with native options (`\ args:`), one whose source is not UTF-8
// (the façade takes text, as the page's editor holds it), and those that
// write to STDERR on purpose (NAME.err; the façade sends that stream with
// the output) run natively only.
const nativeOnlyRuns = (name) =>
  /^\\ args:/m.test(runFiles[name]) || name === 'latin1_source.fs' || runFiles[name.replace(/\.fs$/, '.err')] !== undefined;
for (const name of Object.keys(runFiles).filter((n) => n.endsWith('.fs') && !n.includes('/')).sort()) {
  if (nativeOnlyRuns(name)) continue;
  test(`golden program ${name}`, () => {
    // Each session owns a 16 MiB wasm memory: free it at once rather than
    // leave hundreds of them to the garbage collector.
    const s = session(runFiles);
    try {
      const out = s.run_source(name, runFiles[name]);
      assert.equal(out.error, undefined, out.error);
      assert.equal(out.output, runFiles[name.replace(/\.fs$/, '.out')]);
    } finally {
      s.free();
    }
  });
}

// Bad programs give the same diagnostic as natively; those that depend on the
// native runner's options or on its file system are skipped here.
const errDir = join(root, 'tests', 'err');
const errFiles = filesUnder(errDir);
const nativeOnly = new Set([
  // Time limits are the native runner's: in the façade these never end.
  'runaway_loop.fs', 'runaway_fill.fs', 'runaway_host.fs', 'runaway_recursion.fs',
  'include_missing.fs', 'not_utf8.fs',
  // They depend on the native file system (a directory, a --blocks path).
  'included_directory.fs', 'block_unwritable.fs', 'require_missing.fs',
  // gforth's ~~ writes to the error stream, which the façade sends with
  // the output: its expected stderr is the native runner's.
  'gfc_tilde_tilde.fs',
]);
for (const name of Object.keys(errFiles).filter((n) => n.endsWith('.fs')).sort()) {
  if (nativeOnly.has(name)) continue;
  test(`bad program ${name}`, () => {
    const s = session({});
    try {
      const out = s.run_source(name, errFiles[name]);
      // Warnings go to the native runner's stderr; the façade reports the error.
      const want = errFiles[name.replace(/\.fs$/, '.err')].split('\n').filter((l) => !/: warning: /.test(l)).join('\n');
      assert.equal(out.error + '\n', want);
      const expectedOut = errFiles[name.replace(/\.fs$/, '.out')];
      // Without a .out, only the newline an uncaught error ends the output with.
      assert.equal(out.output, expectedOut ?? '\n');
      // The session stays usable after the error.
      assert.equal(s.interpret_line('1 2 + .').output, '3 ');
    } finally {
      s.free();
    }
  });
}

test('the REPL keeps state between lines and reports the stack', () => {
  const s = session({});
  assert.equal(s.interpret_line(': sq dup *').error, undefined);
  assert.equal(s.is_compiling(), true);
  s.interpret_line(';');
  s.interpret_line('3 sq 4 sq');
  assert.deepEqual(Array.from(s.stack()), [9, 16]);
  const bad = s.interpret_line('nope');
  assert.equal(bad.error, '<repl>:1:1: error: nope: undefined word (THROW -13)');
  assert.equal(bad.line, 1);
  assert.equal(bad.column, 1);
  assert.deepEqual(Array.from(s.stack()), []);
});

test('the float stack is reported and emptied after an error', () => {
  const s = session({});
  s.interpret_line('1.5E 2E FDUP F*');
  assert.deepEqual(Array.from(s.float_stack()), [1.5, 4]);
  assert.equal(s.interpret_line('F. F. FDROP').error, '<repl>:1:7: error: FDROP: floating-point stack underflow (THROW -45)');
  assert.deepEqual(Array.from(s.float_stack()), []);
  assert.equal(s.interpret_line('2E FSQRT F.').output, '1.4142135623731 ');
});

test('KEY and ACCEPT read the pushed input, then see its end', () => {
  const s = session({});
  s.push_input('hello\n');
  const out = s.run_source('in.fs', 'create b 20 allot b 20 accept b swap type key .');
  // As gforth with input from a pipe: the line is echoed, with a space.
  assert.equal(out.output, 'hello hello4 ');
  // ACCEPT at the end of the input ends the program, as BYE.
  const end = s.run_source('end.fs', '.( before) b 20 accept . .( after)');
  assert.equal(end.bye, true);
  assert.equal(end.output, 'before');
});

test('BYE is reported, not treated as an error', () => {
  const s = session({});
  const out = s.run_source('bye.fs', '1 . bye 2 .');
  assert.equal(out.bye, true);
  assert.equal(out.output, '1 ');
});

test('words lists the user definitions with their inferred stack effects', () => {
  const s = session({});
  s.run_source('w.fs', ': sq dup * ;\n: dyn ?dup ;\nvariable v 3 constant three : imm ; immediate');
  const words = JSON.parse(s.words_json());
  assert.deepEqual(words.map((w) => [w.name, w.kind, w.effect, w.immediate]), [
    ['sq', 'colon', '( 1 -- 1 )', false],
    ['dyn', 'colon', null, false],
    ['v', 'variable', '( 0 -- 1 )', false],
    ['three', 'constant', '( 0 -- 1 )', false],
    ['imm', 'colon', '( 0 -- 0 )', true],
  ]);
});

test('output is streamed to the sink while the program runs, exactly once', () => {
  const s = session({});
  const chunks = [];
  s.set_output_sink((bytes) => chunks.push(Buffer.from(bytes).toString('utf8')));
  const out = s.run_source('s.fs', '.( first) : spin 0 200000 0 do i + loop drop ; spin .( second) 1 2 + .');
  s.set_output_sink(undefined);
  assert.equal(chunks[0], 'first');
  assert.equal(chunks.join('') + out.output, 'firstsecond3 ');
});

test('link makes one deterministic module; it runs as an Image', () => {
  const s = session({});
  assert.equal(s.run_source('main.fs', ': main ( -- ) 6 7 * . ;').error, undefined);
  const bytes = s.link(undefined);
  assert.ok(WebAssembly.validate(bytes));
  assert.match(sha256_hex(bytes), /^[0-9a-f]{64}$/);
  // Deterministic: another system loading the same source links the same bytes.
  const t = session({});
  t.run_source('main.fs', ': main ( -- ) 6 7 * . ;');
  assert.equal(sha256_hex(t.link('MAIN')), sha256_hex(bytes));
  assert.match(wat(bytes), /^\(module \$fastforth-image/);
  assert.equal(JSON.parse(provenance(bytes)).entry, 'MAIN');
  const img = new Image(bytes);
  assert.equal(img.entry(), 'MAIN');
  for (let i = 0; i < 3; i++) assert.equal(img.run().output, '42 ');
  assert.throws(() => s.link('nope'), /the entry word nope is not defined/);
  assert.throws(() => new Image(new Uint8Array([0, 97, 115, 109])), /./);
});
