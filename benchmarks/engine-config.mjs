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
  const loads = [];
  for (let r = 0; r < rounds; r++) {
    for (const name of chosen) {
      // Each round starts with another configuration.
      const order = configs.map((_, i) => configs[(i + r) % configs.length]);
      for (const [label, spec] of order) {
        const bench = ['bench', join(dir, `${name}.wasm`), '--format', 'json', '--iterations', String(iterations),
          '--warmup', '1', '--no-predict', '--no-c-wasm', '--gforth', 'none', '--timeout', '60'];
        const env = { ...process.env, FASTFORTH_ENGINE: spec };
        const report = JSON.parse(execFileSync(runner, bench, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] }));
        const res = report.results[0];
        if (!res.output_verified) throw new Error(`${name} (${label}): output not verified`);
        const key = `${label}\n${name}`;
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
    for (const name of chosen) {
      const [a, b] = [ms('defaults', name), ms(label, name)];
      logs += Math.log(b / a);
      console.log(`| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)} |`);
    }
    console.log(`| **geometric mean** |  |  | **${Math.exp(logs / chosen.length).toFixed(2)}** |`);
  }
  const la = `${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)}`;
  console.log(`\n${rounds} rounds of ${iterations} timed iterations per program and configuration, interleaved; ` +
    `medians; load average ${la}; ${new Date().toISOString()}.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
