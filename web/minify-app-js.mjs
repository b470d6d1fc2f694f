// Trunk's post-build hook (Trunk.toml): minifies the app's JavaScript
// bindings (wasm-bindgen's playground-HASH.js, 47 KB as generated, about
// 21 KB minified) with esbuild, and puts the new file's sha384 into the
// `integrity` attribute of its <link rel=modulepreload> in index.html.
// Trunk's own `minify` option cannot do it: its minifier fails on
// wasm-bindgen's `export default`. Runs on Trunk's staging folder
// (TRUNK_STAGING_DIR), before Trunk moves it to dist/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: this runs as a Trunk hook');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const html = join(dir, 'index.html');
let page = readFileSync(html, 'utf8');
for (const name of readdirSync(dir).filter((f) => /^playground-[0-9a-f]+\.js$/.test(f))) {
  const file = join(dir, name);
  const before = readFileSync(file, 'utf8');
  const { code } = transformSync(before, { minify: true, format: 'esm', target: 'es2020', loader: 'js' });
  writeFileSync(file, code);
  const old = `sha384-${createHash('sha384').update(before).digest('base64')}`;
  const now = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  // A page whose integrity no longer matches would not load: fail instead.
  if (!page.includes(old)) throw new Error(`index.html has no integrity ${old} for ${name}`);
  page = page.replaceAll(old, now);
  console.error(`[minify-app-js] ${name}: ${before.length} -> ${code.length} bytes`);
}
writeFileSync(html, page);
