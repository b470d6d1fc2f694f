// The code view's façade (`Session.word_code`, `Session.definitions_json`)
// and its printer (`word_wat`): a word's function as WAT, each line tied to
// the source token its instruction came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadOk, word_wat } from './facade.mjs';

/** The WAT lines of `name` in `s`, each with its token's text (or null). */
function annotated(s, source, name) {
  const code = s.word_code(name);
  const tokens = JSON.parse(code.tokens_json);
  const printed = word_wat(code.module, code.body_start, code.body_end, code.mark_offsets, code.mark_tokens);
  const lines = source.split('\n');
  const text = (t) => [...lines[t.line - 1]].slice(t.col - 1, t.col - 1 + t.len).join('');
  const out = printed.lines().map((line, i) => {
    const k = printed.tokens()[i];
    return { line: line.trim(), token: k < 0 ? null : text(tokens[k]), at: k < 0 ? null : tokens[k] };
  });
  return { code, out };
}

const source = [
  ': sq ( n -- n*n ) dup * ;',
  ': quad ( n -- n ) sq sq ;',
  ': countdown ( n -- ) begin dup while 1- repeat drop ;',
].join('\n');

test('each instruction of a word maps to the token it came from', () => {
  const { s } = loadOk('main.fs', source);
  const { code, out } = annotated(s, source, 'sq');
  assert.equal(code.name, 'SQ');
  assert.equal(code.effect, '( 1 -- 1 )');
  assert.equal(code.file, 'main.fs');
  assert.ok(WebAssembly.validate(code.module), 'the module holding the word validates');
  assert.match(out[0].line, /^\(func \$sq/i);
  const mul = out.find((l) => l.line === 'i32.mul');
  assert.ok(mul, JSON.stringify(out));
  assert.equal(mul.token, '*');
  assert.deepEqual(mul.at, { line: 1, col: 23, len: 1 });
  s.free();
});

test('an inlined word maps to its call site in the word viewed', () => {
  const { s } = loadOk('main.fs', source);
  const { out } = annotated(s, source, 'QUAD');
  const muls = out.filter((l) => l.line === 'i32.mul');
  assert.equal(muls.length, 2, JSON.stringify(out));
  assert.deepEqual(muls.map((l) => l.token), ['sq', 'sq']);
  assert.deepEqual(muls.map((l) => l.at.col), [19, 22]);
  s.free();
});

test('a word is shown as the linked image holds it', () => {
  // BIG is too big to inline while compiling, but MAIN is its one caller:
  // the linker pastes it there, so MAIN's image code has BIG's multiplies.
  const linked = [
    ': big ( n -- n\' ) dup * 1+ dup * 1+ dup * 1+ dup * 1+ dup * 1+',
    '  dup * 1+ dup * 1+ dup * 1+ dup * 1+ dup * 1+ ;',
    'variable result',
    ': main ( -- ) result @ big result ! ;',
  ].join('\n');
  const { s } = loadOk('main.fs', linked);
  const { code, out } = annotated(s, linked, 'main');
  assert.equal(code.linked, 'in the image linked with entry MAIN');
  assert.ok(!out.some((l) => l.line.startsWith('call $big')), JSON.stringify(out));
  const muls = out.filter((l) => l.line === 'i32.mul');
  assert.equal(muls.length, 10, JSON.stringify(out));
  assert.ok(muls.every((l) => l.token === 'big'), JSON.stringify(muls));
  const big = s.word_code('big', 'MAIN');
  assert.match(big.linked, /inlined into MAIN at link time/);
  s.free();
});

test('a word outside the entry\'s image is linked as its own entry', () => {
  const { s } = loadOk('main.fs', source);
  assert.equal(s.word_code('sq').linked, 'no word MAIN to link from: as linked with entry SQ');
  assert.equal(
    s.word_code('sq', 'QUAD').linked, 'in the image linked with entry QUAD',
  );
  assert.match(s.word_code('quad', 'COUNTDOWN').linked, /^not in the image of COUNTDOWN/);
  s.free();
});

test('control words map to their branches', () => {
  const { s } = loadOk('main.fs', source);
  const { out } = annotated(s, source, 'countdown');
  const tokens = new Set(out.map((l) => l.token).filter(Boolean));
  for (const t of ['while', 'repeat', '1-']) assert.ok(tokens.has(t), `${t} in ${JSON.stringify(out)}`);
  assert.equal(out.find((l) => l.line === 'i32.sub' || l.line === 'i32.add')?.token, '1-');
  s.free();
});

test('definitions are listed with where they start and end', () => {
  const { s } = loadOk('main.fs', source);
  const defs = JSON.parse(s.definitions_json());
  assert.deepEqual(defs.map((d) => d.name), ['SQ', 'QUAD', 'COUNTDOWN']);
  assert.deepEqual(defs[1].start, [2, 1]);
  assert.deepEqual(defs[1].end, { line: 2, col: 25, len: 1 });
  assert.throws(() => s.word_code('nope'), /not a colon definition/);
  s.free();
});

test('nameless and forgotten definitions are not listed', () => {
  const { s } = loadOk('main.fs', [
    ': kept ( -- ) ;', ':noname ( -- ) 1 drop ; drop', 'marker gone', ': temp ( -- ) ;', 'gone',
  ]);
  assert.deepEqual(JSON.parse(s.definitions_json()).map((d) => d.name), ['KEPT']);
  s.free();
});
