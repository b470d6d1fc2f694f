// Gerry Jackson's Forth 2012 test suite through the browser façade, for the
// word sets that work the same in the browser. The suite is not part of this
// repository: set FORTH_SUITE to its src/ folder to run this test (it is
// skipped otherwise), e.g. FORTH_SUITE=/work/suite/src make facade-test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Session, root } from './facade.mjs';

const suite = process.env.FORTH_SUITE;
const core = ['prelimtest.fth', 'tester.fr', 'core.fr', 'coreplustest.fth', 'utilities.fth', 'errorreport.fth',
  'coreexttest.fth'];
// Word set file, and the name errorreport.fth gives it.
const sets = [
  ['blocktest.fth', 'Block'],
  ['doubletest.fth', 'Double number'],
  ['exceptiontest.fth', 'Exception'],
  ['facilitytest.fth', 'Facility'],
  ['filetest.fth', 'File-access'],
  ['localstest.fth', 'Locals'],
  ['memorytest.fth', 'Memory-allocation'],
  ['toolstest.fth', 'Programming-tools'],
  ['searchordertest.fth', 'Search-order'],
  ['stringtest.fth', 'String'],
];

// Runs the core files, then `files`, in one fresh session; returns the
// output, with every error-report line checked to be 0 for `labels`.
function runSuite(files, labels) {
  const s = new Session();
  for (const name of readdirSync(suite)) {
    if (/\.(fth|fr|fs)$/.test(name)) s.add_file(name, readFileSync(join(suite, name), 'latin1'));
  }
  const driver = [...core, ...files].map((f) => `S" ${f}" INCLUDED`).join('\n') + '\nREPORT-ERRORS\n';
  const out = s.run_source('driver.fs', driver);
  // Each session holds its memory and modules until freed; ten of them at
  // once exhaust Node's heap.
  s.free();
  assert.equal(out.error, undefined, out.error);
  for (const set of ['Core', 'Core extension', ...labels]) {
    const m = out.output.match(new RegExp(`^${set} +(\\S+)$`, 'm'));
    assert.ok(m, `${set} is in the error report:\n${out.output}`);
    assert.equal(m[1], '0', `${set} errors:\n${out.output}`);
  }
  return out.output;
}

for (const [file, label] of sets) {
  test(`suite file ${file} in the browser`, { skip: !suite || !existsSync(join(suite ?? '', file)) }, () => {
    runSuite([file], [label]);
  });
}

test('every word set file in one run, in the order of runtests.fth', {
  skip: !suite || !sets.every(([file]) => existsSync(join(suite ?? '', file))),
}, () => {
  runSuite(sets.map(([file]) => file), [...sets.map(([, label]) => label), 'Total']);
});
