// What the filtering list prompt (inquirer-autocomplete-prompt) costs at startup, measured in
// fresh processes: inquirer alone, then inquirer and the plugin, as an interactive run loads them
// when a list is long. `node bench/autocomplete-cost.mjs [runs]`; medians in ms.
import { execFileSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 15);
const probe = (imports) =>
  `const t = performance.now(); ${imports}; process.stdout.write(String(performance.now() - t));`;
const cases = {
  inquirer: probe("await import('inquirer')"),
  'inquirer + autocomplete': probe(
    "await import('inquirer'); await import('inquirer-autocomplete-prompt')",
  ),
};
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const env = { ...process.env };
delete env.NODE_OPTIONS; // the checkout's .npmrc loads tsx; measure plain Node
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++)
  for (const [name, code] of Object.entries(cases))
    times[name].push(
      Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { env })),
    );
for (const [name, xs] of Object.entries(times)) console.log(`${name}: ${median(xs).toFixed(1)} ms`);
console.log(
  `the plugin adds ${(median(times['inquirer + autocomplete']) - median(times.inquirer)).toFixed(1)} ms`,
);
