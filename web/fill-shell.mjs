// Trunk's post-build hook (Trunk.toml): puts the page's first text, the
// example public/examples/hello.fs (the app's FIRST_TEXT, web/app/build.rs),
// into the start-up shell's editor in index.html, in place of the marker
// `<!--first-text-->`, escaped as HTML text: the shell shows it before any
// script or wasm has loaded. Runs on Trunk's staging folder
// (TRUNK_STAGING_DIR), before Trunk moves it to dist/; fails when the
// marker is missing, so the shell never ships empty.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: this runs as a Trunk hook');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const first = readFileSync(join(root, 'public', 'examples', 'hello.fs'), 'utf8');
const escaped = first.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const html = join(dir, 'index.html');
const page = readFileSync(html, 'utf8');
const marker = '<!--first-text-->';
if (!page.includes(marker)) throw new Error(`index.html has no ${marker} in the start-up shell`);
// A textarea drops one newline right after its start tag: keep a leading one.
writeFileSync(html, page.replace(marker, () => (escaped.startsWith('\n') ? `\n${escaped}` : escaped)));
console.error(`[fill-shell] the shell's first text: ${first.length} bytes`);
