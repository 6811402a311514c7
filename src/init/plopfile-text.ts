/** The names plop (Liftoff) finds a plopfile by, in the folder it runs in or one above. */
export const PLOPFILE_NAMES = [
  'plopfile.js',
  'plopfile.mjs',
  'plopfile.cjs',
  'plopfile.ts',
  'plopfile.mts',
  'plopfile.cts',
];

/**
 * The plopfile for a home-ops repo: this package's generators, with their descriptions in plop's
 * list (`plop.load` would drop them), and room for the repo's own generators. ES module syntax,
 * so `.mjs` unless the repo's package.json says `"type": "module"`.
 */
export function plopfileText(generators: readonly string[]): string {
  return `// \`npx plop\`: the homeops-scaffold generators (${generators.join(', ')}) for this repo.
// Your own generators can go below (plop.setGenerator), or more packs (await plop.load('...')).
import homeops from 'homeops-scaffold';

export default async function plopfile(plop) {
  await homeops(plop);
}
`;
}

/** Whether an existing plopfile already loads this package (by import or plop.load). */
export const loadsHomeops = (text: string): boolean =>
  /(['"])homeops-scaffold(\/[^'"]*)?\1/.test(text);
