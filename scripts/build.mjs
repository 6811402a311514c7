// Bundle the CLI into dist/ so that `homeops` starts fast: one file to load instead of hundreds
// of modules. Prompt libraries, validators and 1Password clients stay in chunks of their own,
// loaded only when a run needs them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { homeops: 'src/cli/homeops.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  external: ['@1password/sdk', '@1password/sdk-core'],
  banner: { js: "import { createRequire as __homeopsRequire } from 'node:module'; const require = __homeopsRequire(import.meta.url);" },
  logLevel: 'warning',
});
