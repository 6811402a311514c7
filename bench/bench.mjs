// npm run bench: wall time of `homeops app --yes` against `node -e 0` and a trivial node-plop
// generator, on synthetic repos of 10 apps and of 2,000 apps in two cluster trees, and of
// `homeops info` (which reads what every generator reads: apps, stores, Talos) against
// `homeops app --dry-run`, and a floor: loading the yaml library and parsing the 10-app repo once. Median
// of interleaved runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRepo } from './make-repo.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/homeops.mjs')))
  spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

// npm's .npmrc loads tsx into every node started under `npm run`: keep it out of the measured processes
const env = { ...process.env };
delete env.NODE_OPTIONS;

const work = mkdtempSync(join(tmpdir(), 'homeops-bench-'));
const small = join(work, 'repo-10');
const large = join(work, 'repo-2000');
makeRepo(small, 10);
makeRepo(large, 2000, ['main', 'edge']);

let counter = 0;
const app = (repo, cluster) => [
  'bin/homeops.mjs',
  'app',
  '--dest',
  repo,
  ...(cluster ? [`--cluster=${cluster}`] : []),
  '--yes',
  `--name=bench-${counter++}`,
  '--namespace=default',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
  '--route=none',
];
const info = (repo) => ['bin/homeops.mjs', 'info', '--dest', repo];
const dryRun = (repo, cluster) => [...app(repo, cluster), '--dry-run'];
const cases = {
  'node -e 0': () => ['-e', '0'],
  'node-plop trivial generator': () => ['bench/trivial-plop.mjs', work, `f${counter++}`],
  'floor: parse the 10-app repo': () => ['bench/parse-floor.mjs', small],
  'homeops app --yes (10 apps)': () => app(small),
  'homeops app --yes (2,000 apps)': () => app(large, 'main'),
  'homeops app --dry-run (10 apps)': () => dryRun(small),
  'homeops app --dry-run (2,000 apps)': () => dryRun(large, 'main'),
  'homeops info (10 apps)': () => info(small),
  'homeops info (2,000 apps)': () => info(large),
};

const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < RUNS + 1; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const argv = args();
    const start = process.hrtime.bigint();
    const run = spawnSync('node', argv, { cwd: root, env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
    if (i > 0) times[name].push(ms); // the first round warms the file cache
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
console.log(`median wall time over ${RUNS} interleaved runs (ms)`);
for (const [name, ms] of Object.entries(m))
  console.log(`  ${name.padEnd(34)} ${ms.toFixed(1).padStart(7)}`);
const ratio = m['homeops app --yes (10 apps)'] / m['node -e 0'];
const scale = m['homeops app --yes (2,000 apps)'] / m['homeops app --yes (10 apps)'];
const vsPlop = m['homeops app --yes (10 apps)'] / m['node-plop trivial generator'];
console.log(
  `\n  homeops app / node -e 0          ${ratio.toFixed(2)}x  (target <= 3x: ${ratio <= 3 ? 'met' : 'MISSED'})`,
);
console.log(
  `  2,000 apps / 10 apps             ${scale.toFixed(2)}x  (target <= 1.2x: ${scale <= 1.2 ? 'met' : 'MISSED'})`,
);
console.log(`  homeops app / node-plop trivial  ${vsPlop.toFixed(2)}x`);
const floor = m['floor: parse the 10-app repo'] / m['node -e 0'];
console.log(`  floor (yaml parse) / node -e 0   ${floor.toFixed(2)}x`);
for (const size of ['10 apps', '2,000 apps']) {
  const r = m[`homeops info (${size})`] / m[`homeops app --dry-run (${size})`];
  console.log(`  info / app --dry-run (${size})`.padEnd(37) + `${r.toFixed(2)}x`);
}

// homeops app without secrets must not load the 1Password libraries (14 MB of WASM for the SDK)
const traced = spawnSync('node', ['--import', './bench/trace-imports.mjs', ...app(small)], {
  cwd: root,
  env,
  encoding: 'utf8',
});
// one TRACE line a thread (the chart-count worker traces its own loads)
const packages = [
  ...new Set(
    [...traced.stderr.matchAll(/^TRACE (.*)$/gm)].flatMap((m) => JSON.parse(m[1]).packages),
  ),
];
if (!/^TRACE /m.test(traced.stderr)) throw new Error(`no import trace: ${traced.stderr}`);
const onePassword = packages.filter((p) => p.startsWith('@1password/'));
console.log(
  `\n  packages loaded by homeops app (no secrets): ${packages.join(', ') || 'none (all bundled)'}`,
);
console.log(
  `  1Password libraries loaded: ${onePassword.length ? onePassword.join(', ') + '  (MISSED)' : 'none (met)'}`,
);
rmSync(work, { recursive: true, force: true });
