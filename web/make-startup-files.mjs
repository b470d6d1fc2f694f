// Writes what the playground would otherwise compute at start-up, made by
// `web-tools` (the compiler façade and these two, built for Node.js in
// target/web-node) into the folder OUT (`make web-pkg`: target/web-pkg):
//  - boot.snap: the worker's boot file, a system booted with the default
//    limits and snapshotted (web/src/boot_file.rs);
//  - prelude.bin: the prelude's texts, which the worker fetches the first
//    time it boots from source (web/src/prelude_file.rs);
//  - words.json: the system's words with their stack effects and docs, for
//    the editor's completion (web/src/word_docs.rs).
// Usage: node web/make-startup-files.mjs OUT
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = process.argv[2];
if (!out) throw new Error('usage: node web/make-startup-files.mjs OUT');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tools = createRequire(import.meta.url)(join(root, 'target', 'web-node', 'web_tools.js'));
const files = [['boot.snap', tools.boot_file()], ['prelude.bin', tools.prelude_file()], ['words.json', tools.system_words_json()]];
for (const [name, bytes] of files) {
  writeFileSync(join(out, name), bytes);
  console.error(`[startup-files] ${join(out, name)}: ${bytes.length} bytes`);
}
