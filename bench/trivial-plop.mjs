// The baseline: a trivial node-plop generator that writes one file, run without prompts.
import nodePlop from 'node-plop';

const [dest, name] = process.argv.slice(2);
const plop = await nodePlop(undefined, { destBasePath: dest, force: false });
plop.setGenerator('trivial', {
  prompts: [],
  actions: [{ type: 'add', path: '{{name}}.txt', template: 'hello {{name}}\n' }],
});
const result = await plop.getGenerator('trivial').runActions({ name });
if (result.failures.length) process.exit(1);
