#!/usr/bin/env node
// The homeops CLI, bundled by `npm run build` (run by npm ci / npm install through `prepare`).
import { existsSync } from 'node:fs';
import module from 'node:module';

const bundle = new URL('../dist/homeops.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'homeops: dist/homeops.mjs is missing: run `npm run build` in the homeops-scaffold folder\n',
  );
  process.exit(2);
}
// Node 22.1+ keeps the bundle's compiled code between runs (about 10 ms of a 140 ms run); Node 20 has no such cache
module.enableCompileCache?.();
await import(bundle.href);
