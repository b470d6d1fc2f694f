// The engine's configuration, measured side by side: every program of
// benchmarks/programs, linked once by `native-runner build`, timed by
// `native-runner bench` under the chosen engine settings and under each
// variant (settings given to the engine through FASTFORTH_ENGINE, see
// native-runner/src/engine/experiment.rs). Prints one Markdown table per
// variant: each program's median with the defaults and with the variant,
// their ratio (above 1: the variant is slower), and the geometric mean.
//
//   node benchmarks/engine-config.mjs [--rounds R] [--iterations N] [--variant LABEL=SPEC]... [NAME...]
//
// Without --variant, the variants of benchmarks/README.md ("The engine's
// configuration") are measured. In each of R rounds (default 5), for each
// program, one `bench` per configuration runs N timed iterations (default
// 1) after a cold one and 1 warm-up, the configurations in a different
// order each round; the medians are over all rounds, so that load on the
// machine (it is shared) falls on every configuration alike. Every run has a time limit
// of 60 s (a time limit costs nothing with the defaults). NATIVE_RUNNER=PATH
// times another build of the runner.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_VARIANTS = [
  ['epoch checks', 'epoch=1'],
  ['Cranelift inlining', 'inlining=1'],
  ['explicit bounds checks', 'memory_reservation=16777216,memory_guard_size=0'],
  ['no signals-based traps', 'signals_based_traps=0'],
  ['single-pass register allocation', 'regalloc=single_pass'],
  ['opt level speed_and_size', 'opt_level=speed_and_size'],
  ['no tail-call proposal', 'tail_call=0'],
];

const args = process.argv.slice(2);
let rounds = 5;
let iterations = 1;
const variants = [];
const names = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rounds') rounds = Number(args[++i]);
  else if (args[i] === '--iterations') iterations = Number(args[++i]);
  else if (args[i] === '--variant') {
    const v = args[++i] ?? '';
    const at = v.indexOf('=');
    if (at < 1) throw new Error(`--variant takes LABEL=SPEC, not ${JSON.stringify(v)}`);
    variants.push([v.slice(0, at), v.slice(at + 1)]);
  } else if (args[i].startsWith('-')) {
    throw new Error(`unknown option ${args[i]} (options: --rounds R, --iterations N, --variant LABEL=SPEC)`);
  } else names.push(args[i]);
}
if (!(rounds >= 1 && iterations >= 1)) throw new Error('--rounds and --iterations need numbers of at least 1');
const configs = [['defaults', ''], ...(variants.length ? variants : DEFAULT_VARIANTS)];

const programs = join(root, 'benchmarks', 'programs');
const all = readdirSync(programs, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
for (const n of names) if (!all.includes(n)) throw new Error(`no program ${n} in ${programs}`);
const chosen = names.length ? names : all;
const runner = process.env.NATIVE_RUNNER ?? join(root, 'target', 'release', 'native-runner');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'ff-engine-config-'));
try {
  for (const name of chosen) {
    // The expected output is found beside the module: the bench checks it.
    execFileSync(runner, ['build', join(programs, name, `${name}.fs`), '-o', join(dir, `${name}.wasm`)], { stdio: 'pipe' });
    execFileSync('cp', [join(programs, name, `${name}.expected`), dir]);
  }
  const samples = new Map();
  const unsupported = new Map();
  const loads = [];
  for (let r = 0; r < rounds; r++) {
    for (const name of chosen) {
      // Each round starts with another configuration.
      const order = configs.map((_, i) => configs[(i + r) % configs.length]);
      for (const [label, spec] of order) {
        const bench = ['bench', join(dir, `${name}.wasm`), '--format', 'json', '--iterations', String(iterations),
          '--warmup', '1', '--no-predict', '--no-c-wasm', '--gforth', 'none', '--timeout', '60'];
        const env = { ...process.env, FASTFORTH_ENGINE: spec };
        const key = `${label}\n${name}`;
        if (unsupported.has(key)) continue;
        let report;
        try {
          report = JSON.parse(execFileSync(runner, bench, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }));
        } catch (e) {
          // A variant may not compile a module at all (without the
          // tail-call proposal, a module that uses `return_call`): that
          // program is left out of the variant's table, said so.
          const why = `${e.stderr ?? e.message}`;
          if (spec === '' || !/cannot compile|failed to compile|not enabled|support/i.test(why)) throw e;
          unsupported.set(key, why.trim().split('\n').at(-1));
          continue;
        }
        const res = report.results[0];
        if (!res.output_verified) throw new Error(`${name} (${label}): output not verified`);
        samples.set(key, [...(samples.get(key) ?? []), ...res.steady.samples_ns]);
      }
    }
    loads.push(loadavg()[0]);
    console.error(`[engine-config] round ${r + 1} of ${rounds} done (load average ${loads.at(-1).toFixed(2)})`);
  }
  const ms = (label, name) => median(samples.get(`${label}\n${name}`)) / 1e6;
  for (const [label, spec] of configs.slice(1)) {
    console.log(`\n#### ${label} (\`${spec}\`)\n`);
    console.log(`| program | defaults (ms) | ${label} (ms) | ratio |`);
    console.log('|---|---:|---:|---:|');
    let logs = 0;
    let counted = 0;
    for (const name of chosen) {
      const a = ms('defaults', name);
      if (unsupported.has(`${label}\n${name}`)) {
        console.log(`| ${name} | ${a.toFixed(1)} | - | - |`);
        continue;
      }
      const b = ms(label, name);
      logs += Math.log(b / a);
      counted++;
      console.log(`| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)} |`);
    }
    const left = chosen.length - counted;
    const over = left ? ` (${counted} programs; ${left} did not compile under this variant)` : '';
    console.log(`| **geometric mean**${over} |  |  | **${Math.exp(logs / Math.max(counted, 1)).toFixed(2)}** |`);
    for (const name of chosen) {
      const why = unsupported.get(`${label}\n${name}`);
      if (why) console.error(`[engine-config] ${name} under ${label}: ${why}`);
    }
  }
  const la = `${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)}`;
  console.log(`\n${rounds} rounds of ${iterations} timed iterations per program and configuration, interleaved; ` +
    `medians; load average ${la}; ${new Date().toISOString()}.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
