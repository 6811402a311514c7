// Bundle the CLI and the plopfile into dist/ so that `homeops` starts fast (one file to load
// instead of hundreds of modules, templates precompiled so the handlebars compiler never runs) and
// so that an installed package is plain JavaScript: `plop.load('homeops-scaffold')` and `npx plop`
// need no TypeScript loader, and every library but the 1Password clients is inside dist/ (a
// consumer installs none of them). Prompt libraries, validators and 1Password clients stay in
// chunks of their own, loaded only when a run needs them. Source maps only with HOMEOPS_SOURCEMAP=1
// (the published package ships none).
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const templatesDir = join(root, 'templates');
// must match COMPILE_OPTIONS in src/render/templates.ts
const COMPILE_OPTIONS = { noEscape: true, strict: true };

function hbsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? hbsFiles(path) : name.endsWith('.hbs') ? [path] : [];
  });
}

function precompiledModule() {
  const entries = { templates: [], partials: [] };
  for (const file of hbsFiles(templatesDir)) {
    const name = relative(templatesDir, file).slice(0, -'.hbs'.length);
    const spec = Handlebars.precompile(readFileSync(file, 'utf8'), COMPILE_OPTIONS);
    if (name.startsWith('partials/'))
      entries.partials.push(`${JSON.stringify(name.slice('partials/'.length))}: ${spec}`);
    else entries.templates.push(`${JSON.stringify(name)}: ${spec}`);
  }
  return `export const PRECOMPILED = {${entries.templates.join(',\n')}};\nexport const PRECOMPILED_PARTIALS = {${entries.partials.join(',\n')}};\n`;
}

const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /src[\\/]render[\\/]precompiled\.ts$/ }, () => ({
      contents: precompiledModule(),
      loader: 'js',
    }));
  },
};

const sourcemap = process.env.HOMEOPS_SOURCEMAP ? 'linked' : false;

// build beside, then swap: a CLI run during a rebuild sees the old bundle or the new, never none
const next = join(root, 'dist.next');
rmSync(next, { recursive: true, force: true });
await build({
  // the two share their chunks: the plopfile loads the same generators as the CLI
  entryPoints: { homeops: join(root, 'src/cli/homeops.ts'), plopfile: join(root, 'plopfile.ts') },
  outdir: next,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: !process.env.HOMEOPS_NO_MINIFY,
  sourcemap,
  // kept as real imports: the SDK loads its WASM core from its own folder, and a run can be
  // checked to load neither (npm run bench)
  external: ['@1password/sdk', '@1password/sdk-core', '@1password/connect'],
  plugins: [precompiledTemplates],
  // templates are precompiled: the bundle needs the handlebars runtime, not its compiler
  alias: { handlebars: 'handlebars/runtime' },
  banner: {
    js: "import { createRequire as __homeopsRequire } from 'node:module'; const require = __homeopsRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
rmSync(join(root, 'dist.old'), { recursive: true, force: true });
if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), join(root, 'dist.old'));
renameSync(next, join(root, 'dist'));
rmSync(join(root, 'dist.old'), { recursive: true, force: true });
