// The prelude file under Node.js (web/src/prelude_file.rs): the façade
// boots from source with the texts it carries (facade.mjs sets it, as the
// worker does once it has fetched pkg/prelude.bin), and refuses another
// build's or a corrupt file without losing the prelude it has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, prelude_file, set_prelude } from './facade.mjs';

test('a session boots from source with the prelude file', () => {
  const s = Session.with_limits('{"data_stack": 64}');
  assert.equal(s.run_source('main.fs', ': sq dup * ; 7 sq .').output, '49 ');
});

test('another build\'s or a corrupt prelude file is refused, and the one set stays', () => {
  const file = prelude_file();
  const refused = (bytes) => { try { set_prelude(bytes); } catch (e) { return String(e); } return null; };
  const otherKey = file.slice();
  otherKey[0] = otherKey[0] === 0x30 ? 0x31 : 0x30;
  assert.match(refused(otherKey), /another compiler build/);
  assert.match(refused(file.slice(0, file.length - 1)), /malformed/);
  assert.equal(refused(new Uint8Array([0xff, 0xfe])), 'not a prelude file');
  assert.equal(new Session().run_source('main.fs', '1 2 + .').output, '3 ');
});
