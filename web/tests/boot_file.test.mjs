// The worker's boot file under Node.js (web/src/boot_file.rs): a system
// booted from it is the system a boot from source gives (same output, same
// words, same linked module, byte for byte), and a file that is not this
// build's, or not whole, is refused so that the worker boots from source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, boot_file, sha256_hex } from './facade.mjs';

const PROGRAM = ': sq ( n -- n*n ) dup * ;\ncreate tbl 3 , 4 ,\n: main ( -- ) tbl @ sq tbl cell+ @ sq + . ;\nmain\n';

/** What a system shows of `PROGRAM`: output, error, words, and its linked module's sha256. */
function observe(s) {
  const out = s.run_source('main.fs', PROGRAM);
  return { output: out.output, error: out.error, words: s.words_json(), module: sha256_hex(s.link(undefined)) };
}

test('a system booted from the boot file is the one a boot from source gives', () => {
  const file = boot_file();
  const fromFile = Session.from_boot_file(file);
  assert.equal(fromFile.limits_json(), Session.default_limits_json());
  const want = observe(new Session());
  assert.deepEqual(observe(fromFile), want);
  assert.equal(want.output, '25 ');
});

test('another build\'s, a truncated or a corrupt boot file is refused', () => {
  const file = boot_file();
  const refused = (bytes) => { try { Session.from_boot_file(bytes); } catch (e) { return String(e); } return null; };
  const otherKey = file.slice();
  otherKey[0] = otherKey[0] === 0x30 ? 0x31 : 0x30;
  assert.match(refused(otherKey), /another compiler build or for other limits/);
  assert.equal(refused(file.slice(0, 10)), 'not a boot file');
  assert.ok(refused(file.slice(0, file.length - 100)));
  const flipped = file.slice();
  flipped[flipped.length - 50] ^= 0xff;
  assert.ok(refused(flipped));
});
