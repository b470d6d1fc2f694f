// The Performance tab's façade (`Session.predict_json`): the performance
// model's prediction made in the browser's code must be the one
// `native-runner predict --format json` makes of the same program: each
// program of tests/predict/ beside its golden NAME.json (the native
// prediction, checked against the native runner by
// native-runner/tests/predict.rs), loaded under the same file name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOk, root, Session } from './facade.mjs';

const dir = join(root, 'tests', 'predict');

test('the prediction of each tests/predict program equals the native one', () => {
  const names = readdirSync(dir).filter((f) => f.endsWith('.fs')).sort();
  assert.ok(names.length >= 1, 'the golden programs are there');
  for (const name of names) {
    const { s } = loadOk(name, readFileSync(join(dir, name), 'utf8'));
    const got = JSON.parse(s.predict_json(undefined));
    const want = JSON.parse(readFileSync(join(dir, name.replace(/\.fs$/, '.json')), 'utf8'));
    assert.deepStrictEqual(got, want, name);
    // A hot word has a suggestion, and the words come costliest first.
    assert.ok(got.words[0].suggestion, JSON.stringify(got.words[0]));
    for (let i = 1; i < got.words.length; i++) assert.ok(got.words[i - 1].predicted_ns >= got.words[i].predicted_ns);
    s.free();
  }
});

test('a failing entry word or a missing one is an error, and the session stays usable', () => {
  const { s } = loadOk('main.fs', ': main 1 0 / . ;\n: ok 2 3 + ;');
  assert.throws(() => s.predict_json(undefined), /running MAIN failed: .*-10/);
  assert.throws(() => s.predict_json('nosuchword'), /NOSUCHWORD|nosuchword/i);
  const p = JSON.parse(s.predict_json('ok'));
  assert.match(p.entry, /^ok$/i);
  const out = s.interpret_line('1 2 + .');
  assert.equal(out.error, undefined);
  assert.equal(out.output.trim(), '3');
  s.free();
});

test('a fresh session predicts nothing without an entry word', () => {
  const s = new Session();
  assert.throws(() => s.predict_json(undefined), /MAIN/);
  s.free();
});
