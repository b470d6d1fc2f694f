// The browser façade and its WAT printer built for Node.js (`make
// web-node`, in target/web-node), loaded once for every Node test of web/tests, and the
// helper they share. Not a test file itself (node --test runs *.test.mjs).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const require = createRequire(import.meta.url);
export const { Session, Image, version, sha256_hex, provenance, set_prelude } =
  require(join(root, 'target', 'web-node', 'web.js'));
/** What the build makes ahead of time (web/tools): the boot file, the prelude file, the system's words. */
export const { boot_file, prelude_file, system_words_json } = require(join(root, 'target', 'web-node', 'web_tools.js'));
// The façade boots from source with the prelude file, as the worker does.
set_prelude(prelude_file());
/** The WAT printer, a module of its own (web/wat). */
export const { wat, word_wat } = require(join(root, 'target', 'web-node', 'web_wat.js'));

/**
 * Loads source text (a string, or lines to join) as the file `name` in
 * session `s` (a fresh one unless given); the load must not fail. Returns
 * the session and the output.
 */
export function loadOk(name, source, s = new Session()) {
  const out = s.run_source(name, Array.isArray(source) ? source.join('\n') : source);
  assert.equal(out.error, undefined, out.error);
  return { s, output: out.output };
}
