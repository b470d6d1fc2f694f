// The limits of the browser's session under Node.js: each one the native
// runner has (memory, the three stacks, input size, nesting of input
// sources) exists with the same default, is set by `Session.with_limits`,
// and going past it is the same clear error as natively (same message,
// same THROW code) after which the session still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from './facade.mjs';

/** Runs `prog` as `-e` does natively (one line) under `limits`. */
function limited(limits, prog) {
  const s = Session.with_limits(JSON.stringify(limits));
  const out = s.interpret_line(prog);
  return { s, out, error: out.error, output: out.output };
}

/** After an error, the same session runs the next line. */
function stillUsable(s) {
  assert.equal(s.interpret_line('1 2 + .').output, '3 ');
  assert.deepEqual(Array.from(s.stack()), []);
}

test('the defaults are those of native-runner run', () => {
  assert.deepEqual(JSON.parse(Session.default_limits_json()), {
    memory: 16, data_stack: 16384, return_stack: 16384, float_stack: 1024,
    max_input: 64, max_nesting: 64, opt_level: 2,
  });
  assert.equal(new Session().limits_json(), Session.default_limits_json());
  // A missing field takes its default.
  assert.equal(JSON.parse(Session.with_limits('{"max_nesting": 8}').limits_json()).data_stack, 16384);
});

test('values the native options refuse are refused, naming the option', () => {
  const why = (json) => { try { Session.with_limits(json); } catch (e) { return String(e); } return null; };
  assert.equal(why('{"max_nesting": 0}'), 'invalid value 0 for --max-nesting: 0 is not in 1..=1000');
  assert.equal(why('{"max_input": 5000}'), 'invalid value 5000 for --max-input: 5000 is not in 1..=4096');
  assert.equal(why('{"opt_level": 9}'), 'invalid value 9 for --opt-level: 9 is not in 0..=3');
  assert.match(why('{"memory": 1}'), /^--memory 1 MiB is too small for --data-stack 16384, .*: they need --memory 3 or more$/);
  assert.equal(why('{"memory": 0}'), 'invalid value 0 for --memory: 0 is not in 1..=4095');
  assert.equal(why('{"data_stack": 1}'), 'invalid value 1 for --data-stack: the system needs at least 16 cells');
  assert.match(why('{"stacks": 1}'), /^bad settings: unknown field `stacks`/);
  assert.match(why('not json'), /^bad settings/);
});

test('memory: --memory', () => {
  const prog = 'here 6000000 allot here swap - .';
  assert.equal(limited({ memory: 16 }, prog).output, '6000000 ');
  const { s, error } = limited({ memory: 4 }, prog);
  assert.match(error, /\(THROW -8\)$/);
  stillUsable(s);
});

test('data and return stacks: --data-stack, --return-stack', () => {
  const deep = ': f 0 ?do i loop ; 100 f depth .';
  assert.equal(limited({ data_stack: 128 }, deep).output, '100 ');
  let r = limited({ data_stack: 64 }, deep);
  assert.match(r.error, /\(THROW -3\)$/);
  stillUsable(r.s);
  // At -O0 every >R item is in memory (above, they may live in locals).
  const rdeep = ': g dup if dup >r 1- recurse r> drop then ; 100 g 7 .';
  assert.equal(limited({ opt_level: 0, return_stack: 128 }, rdeep).output, '7 ');
  r = limited({ opt_level: 0, return_stack: 64 }, rdeep);
  assert.match(r.error, /\(THROW -5\)$/);
  stillUsable(r.s);
});

test('float stack: --float-stack', () => {
  assert.equal(limited({ float_stack: 3 }, '1E 2E 3E FDEPTH .').output, '3 ');
  const { s, error } = limited({ float_stack: 3 }, '1E 2E 3E 4E');
  assert.equal(error, '<repl>:1:10: error: 4E: floating-point stack overflow (THROW -44)');
  stillUsable(s);
});

test('nesting of input sources: --max-nesting', () => {
  const prog = 'variable n : r 1 n +! n @ 5 < if s" r" evaluate then ; r n @ .';
  assert.equal(limited({ max_nesting: 8 }, prog).output, '5 ');
  const { s, error } = limited({ max_nesting: 4 }, prog);
  assert.equal(error, '<repl>:1:56: error: r: input sources nested too deeply (the limit is 4) (THROW -5)');
  stillUsable(s);
  // Endless recursion through EVALUATE at the highest limit still ends cleanly.
  const deep = limited({ max_nesting: 1000 }, ': e s" e" evaluate ; e');
  assert.match(deep.error, /\(THROW -5\)$/);
  stillUsable(deep.s);
  // INCLUDED counts too.
  const inc = Session.with_limits('{"max_nesting": 3}');
  inc.add_file('self.fs', 's" self.fs" included');
  assert.match(inc.run_source('main.fs', 's" self.fs" included').error,
    /input sources nested too deeply \(the limit is 3\) \(THROW -5\)$/);
  stillUsable(inc);
});

test('input size: --max-input, for the editor text and for INCLUDED', () => {
  const padding = '\\ padding\n'.repeat(210_000); // 2.1 MB
  let s = Session.with_limits('{"max_input": 3}');
  assert.equal(s.run_source('two-mib.fs', padding + '1 .').output, '1 ');
  s = Session.with_limits('{"max_input": 1}');
  const out = s.run_source('two-mib.fs', padding);
  assert.equal(out.error, 'error: cannot read two-mib.fs: larger than the input limit of 1048576 bytes (see --max-input)');
  assert.equal(out.line, 0);
  stillUsable(s);
  s.add_file('big.fs', padding);
  const inc = s.run_source('main.fs', 's" big.fs" included');
  assert.equal(inc.error,
    'main.fs:1:12: error: included: cannot read big.fs: larger than the input limit of 1048576 bytes (see --max-input)');
  stillUsable(s);
});

test('the optimization level gives the module native-runner builds at that level', () => {
  // Only the options decide the module: -O0 and -O2 links differ.
  const link = (lvl) => {
    const s = Session.with_limits(JSON.stringify({ opt_level: lvl }));
    assert.equal(s.run_source('main.fs', ': main ( -- ) 3 0 do i . loop ;').error, undefined);
    return Buffer.from(s.link()).toString('hex');
  };
  assert.notEqual(link(0), link(2));
  assert.equal(link(2), Buffer.from((() => {
    const s = new Session();
    s.run_source('main.fs', ': main ( -- ) 3 0 do i . loop ;');
    return s.link();
  })()).toString('hex'));
});
