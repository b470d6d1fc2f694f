// The system's words the playground completes (`system_words_json`): every
// name WORDS prints in a fresh system is listed, once, and the words a
// user reaches for first carry their stack effect and a doc line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, system_words_json } from './facade.mjs';

const listed = JSON.parse(system_words_json());
const byName = new Map(listed.map((w) => [w.name.toUpperCase(), w]));

test('every word of a fresh system is listed once', () => {
  assert.equal(byName.size, listed.length, 'a name is listed twice');
  const s = new Session();
  const out = s.interpret_line('WORDS');
  assert.equal(out.error, undefined, out.error);
  const names = out.output.split(/\s+/).filter(Boolean);
  assert.ok(names.length > 300, `WORDS printed only ${names.length} names`);
  const missing = [...new Set(names)].filter((n) => !byName.has(n.toUpperCase()));
  assert.deepEqual(missing, []);
});

test('words carry their stack effect and doc', () => {
  for (const [name, effect] of [['DUP', '( x -- x x )'], ['SPACES', '( n -- )'], ['TYPE', '( c-addr u -- )']]) {
    const w = byName.get(name);
    assert.ok(w, `${name} is not listed`);
    assert.equal(w.effect, effect, name);
  }
  assert.match(byName.get('DUP').doc, /\w/);
  assert.match(byName.get('HEX').effect, /^\( -- \)$/);
  const documented = listed.filter((w) => w.effect).length;
  assert.ok(documented / listed.length > 0.9, `only ${documented} of ${listed.length} have a stack effect`);
});
